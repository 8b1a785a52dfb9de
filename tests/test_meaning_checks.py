"""The checks for what MT and hurried approval get wrong, right and wrong, in every sample
language (es, fr, ru, ar, zh)."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

import pytest

from pipeline.checks import Catalog, Entry, Scope, registry
from pipeline.checks.lexicon import corpus_of
from pipeline.checks.run import run_checks
from pipeline.config import load_config
from pipeline.glossary.project import project_glossary
from pipeline.langdata import covered
from pipeline.model import Severity

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = project_glossary(load_config(ROOT))


def names(msgid: str, msgstr: str, lang: str, **entry: object) -> list[str]:
    """Names of the meaning checks that find something in one approved entry, with the
    sample's glossary and this file's faithful translations as the language's corpus."""
    item = Entry(msgid=msgid, msgstr=msgstr, line=3, **entry)  # type: ignore[arg-type]
    scope = Scope(catalog=Catalog(file="x.po", lang=lang, doc="x", entries=(item,)),
                  glossary=GLOSSARY, corpus=corpus_of(list(GOOD[lang].items()), lang))
    wanted = ("quantities", "time-units", "frequency", "dates", "negation", "engine-debris",
              "leftover-english", "omission", "numbers", "units", "glossary", "markup",
              "substitution")
    return sorted(n for n in wanted for _ in registry()[n].func(item, scope))


DOSE = "Take valaciclovir 500 mg with 10 ml of water."
DAYS = "Rest for 3 days."
TWICE = "Take it twice a day."
MARCH = "Apply before 15 March."
NEVER = "Do not stop, and never skip a dose."
LONG = ("Call the ward at once if you have a fever, chills, a new cough or shortness of "
        "breath, even in the middle of the night.")
CLAUSES = "Do not eat before the test, do not drink alcohol, and tell us if you feel unwell."
TERMS = "Leukemia can return, so leukemia checks continue for years."
EMPHASIS = "Take it _with_ food."
DATED = "Send it by 15 March 2027."
GOOD = {
    "es": {DOSE: "Tome valaciclovir 500 mg con 10 ml de agua.", DAYS: "Descanse tres días.",
           TWICE: "Tómelo dos veces al día.", MARCH: "Solicítelo antes del 15 de marzo.",
           NEVER: "No lo deje y nunca se salte una dosis.",
           LONG: "Llame a la planta enseguida si tiene fiebre, escalofríos, tos nueva o "
                 "falta de aire, incluso en mitad de la noche.",
           CLAUSES: "No coma antes de la prueba, no beba alcohol y avísenos si se encuentra mal.",
           TERMS: "La leucemia puede volver, así que los controles de la leucemia continúan "
                  "durante años.",
           EMPHASIS: "Tómelo _con_ comida.", DATED: "Envíelo antes del 15 de marzo de 2027."},
    "fr": {DOSE: "Prenez du valaciclovir 500 mg avec 10 ml d’eau.",
           DAYS: "Reposez-vous 3 jours.", TWICE: "Prenez-le deux fois par jour.",
           MARCH: "Faites la demande avant le 15 mars.",
           NEVER: "N’arrêtez pas et ne sautez jamais une dose.",
           LONG: "Appelez le service tout de suite en cas de fièvre, de frissons, de toux "
                 "ou d’essoufflement, même au milieu de la nuit.",
           CLAUSES: "Ne mangez pas avant l’examen, ne buvez pas d’alcool et prévenez-nous si "
                    "vous vous sentez mal.",
           TERMS: "La leucémie peut revenir, donc le suivi de la leucémie dure des années.",
           EMPHASIS: "Prenez-le _avec_ de la nourriture.",
           DATED: "Envoyez-le avant le 15 mars 2027."},
    "ru": {DOSE: "Принимайте валацикловир 500 мг с 10 мл воды.", DAYS: "Отдыхайте 3 дня.",
           TWICE: "Принимайте дважды в день.", MARCH: "Подайте заявление до 15 марта.",
           NEVER: "Не прекращайте приём и никогда не пропускайте дозу.",
           LONG: "Сразу звоните в отделение, если у вас температура, озноб, новый кашель или "
                 "одышка, даже посреди ночи.",
           CLAUSES: "Не ешьте перед анализом, не пейте алкоголь и сообщите нам, если "
                    "почувствуете себя плохо.",
           TERMS: "Лейкоз может вернуться, поэтому обследования на лейкоз продолжаются годами.",
           EMPHASIS: "Принимайте _во время_ еды.", DATED: "Отправьте до 15 марта 2027 года."},
    "ar": {DOSE: "تناول فالاسيكلوفير ٥٠٠ ملغ مع ١٠ مل من الماء.", DAYS: "استرح ثلاثة أيام.",
           TWICE: "تناوله مرتين في اليوم.", MARCH: "قدّم الطلب قبل ١٥ مارس.",
           NEVER: "لا تتوقف، ولا تفوّت أي جرعة أبدًا.",
           LONG: "اتصل بالقسم فورًا إذا أصبت بحمى أو قشعريرة أو سعال جديد أو ضيق في "
                 "التنفس، حتى في منتصف الليل.",
           CLAUSES: "لا تأكل قبل الفحص، ولا تشرب الكحول، وأخبرنا إذا شعرت بتوعك.",
           TERMS: "قد يعود ابيضاض الدم، لذلك تستمر فحوص ابيضاض الدم لسنوات.",
           EMPHASIS: "تناوله _مع_ الطعام.", DATED: "أرسله قبل 15 مارس 2027."},
    "zh": {DOSE: "服用伐昔洛韦500毫克，配10毫升水。", DAYS: "休息三天。",
           TWICE: "每天服用两次。", MARCH: "请在3月15日之前申请。",
           NEVER: "不要停药，切勿漏服任何一剂。",
           LONG: "如果出现发烧、寒战、新的咳嗽或呼吸急促，请立即致电病房，即使是在半夜。",
           CLAUSES: "检查前不要进食，不要饮酒，如果感到不适请告诉我们。",
           TERMS: "白血病可能复发，因此白血病检查会持续多年。",
           EMPHASIS: "请*随餐*服用。", DATED: "请在2027年3月15日之前寄出。"},
}
BAD = {   # (source, wrong translation, the check that must say so)
    "es": [(DOSE, "Tome valaciclovir 10 mg con 500 ml de agua.", "quantities"),
           (DAYS, "Descanse tres semanas.", "time-units"),
           (TWICE, "Tómelo tres veces al día.", "frequency"),
           (MARCH, "Solicítelo antes del 15 Marcha.", "dates"),
           (NEVER, "No lo deje y se salte una dosis.", "negation"),
           (LONG, "Llame a la planta enseguida si tiene fiebre.", "omission"),
           (DAYS, "Descanse 3 days.", "leftover-english"),
           (LONG.replace("fever", "drowsiness"), "Llame si tiene @drowsiness.",
            "engine-debris"),
           (CLAUSES, "Coma antes de la prueba, no beba alcohol y avísenos si no se encuentra "
                     "bien.", "negation"),
           (TERMS, "La leucemia puede volver, así que los controles del linfoma continúan "
                   "durante años.", "glossary"),
           (EMPHASIS, "Tómelo _con comida.", "markup"),
           (DATED, "Envíelo antes del 2027 de marzo de 15.", "dates"),
           (LONG, "Llame a la planta enseguida si tiene fiebre, escalofríos, tos nueva o falta de",
            "omission")],
    "fr": [(DOSE, "Prenez du valaciclovir 10 mg avec 500 ml d’eau.", "quantities"),
           (DAYS, "Reposez-vous 3 semaines.", "time-units"),
           (TWICE, "Prenez-le trois fois par jour.", "frequency"),
           (MARCH, "Faites la demande avant le 15 avril.", "dates"),
           (NEVER, "N’arrêtez pas et sautez une dose.", "negation"),
           (LONG, "Appelez le service en cas de fièvre.", "omission"),
           (DAYS, "Reposez-vous 3 days.", "leftover-english"),
           (DAYS, "Reposez-vous 3 #jour.", "engine-debris"),
           (CLAUSES, "Mangez avant l’examen, ne buvez pas d’alcool et prévenez-nous si vous ne "
                     "vous sentez pas bien.", "negation"),
           (TERMS, "La leucémie peut revenir, donc le suivi du lymphome dure des années.",
            "glossary"),
           (EMPHASIS, "Prenez-le _avec de la nourriture.", "markup"),
           (DATED, "Envoyez-le avant le 2027 mars 15.", "dates"),
           (LONG, "Appelez le service tout de suite en cas de fièvre, de frissons, de toux ou",
            "omission")],
    "ru": [(DOSE, "Принимайте валацикловир 10 мг с 500 мл воды.", "quantities"),
           (DAYS, "Отдыхайте 3 недели.", "time-units"),
           (TWICE, "Принимайте трижды в день.", "frequency"),
           (MARCH, "Подайте заявление до 15 апреля.", "dates"),
           (NEVER, "Не прекращайте приём и пропускайте дозу.", "negation"),
           (LONG, "Сразу звоните, если у вас температура.", "omission"),
           (DAYS, "Отдыхайте 3 days.", "leftover-english"),
           (DAYS, "Отдыхайте 3 *дня.", "engine-debris"),
           (CLAUSES, "Ешьте перед анализом, не пейте алкоголь и сообщите нам, если не "
                     "почувствуете себя хорошо.", "negation"),
           (TERMS, "Лейкоз может вернуться, поэтому обследования на лимфому продолжаются годами.",
            "glossary"),
           (EMPHASIS, "Принимайте _во время еды.", "markup"),
           (DATED, "Отправьте до 2027 марта 15 года.", "dates"),
           (LONG, "Сразу звоните в отделение, если у вас температура, озноб, новый каш",
            "omission")],
    "ar": [(DOSE, "تناول فالاسيكلوفير ١٠ ملغ مع ٥٠٠ مل من الماء.", "quantities"),
           (DAYS, "استرح ثلاثة أسابيع.", "time-units"),
           (TWICE, "تناوله ثلاث مرات في اليوم.", "frequency"),
           (MARCH, "قدّم الطلب قبل ١٥ أبريل.", "dates"),
           (NEVER, "لا تتوقف، وتفوّت أي جرعة.", "negation"),
           (LONG, "اتصل بالقسم إذا أصبت بحمى.", "omission"),
           (DAYS, "استرح 3 days.", "leftover-english"),
           (DAYS, "استرح @ثلاثة أيام.", "engine-debris"),
           (CLAUSES, "كل قبل الفحص، ولا تشرب الكحول، وأخبرنا إذا لم تشعر بتحسن.", "negation"),
           (TERMS, "قد يعود ابيضاض الدم، لذلك تستمر فحوص اللمفوما لسنوات.", "glossary"),
           (EMPHASIS, "تناوله _مع الطعام.", "markup"),
           (DATED, "أرسله قبل 2027 مارس 15.", "dates"),
           (LONG, "اتصل بالقسم فورًا إذا أصبت بحمى أو قشعريرة أو سعال جد", "omission")],
    "zh": [(DOSE, "服用伐昔洛韦10毫克，配500毫升水。", "quantities"),
           (DAYS, "休息三周。", "time-units"),
           (TWICE, "每天服用三次。", "frequency"),
           (MARCH, "请在4月15日之前申请。", "dates"),
           (NEVER, "不要停药，漏服任何一剂。", "negation"),
           (LONG, "如果发烧，请致电。", "omission"),
           (DAYS, "休息3 days。", "leftover-english"),
           (DAYS, "休息三@天。", "engine-debris"),
           (CLAUSES, "检查前请进食，不要饮酒，如果感觉不好请告诉我们。", "negation"),
           (TERMS, "白血病可能复发，因此淋巴瘤检查会持续多年。", "glossary"),
           (EMPHASIS, "请*随餐服用。", "markup"),
           (DATED, "请在15年3月2027日之前寄出。", "dates"),
           (LONG, "如果出现发烧、寒战、新的咳嗽或呼吸急促，请立即致电病", "omission")],
}


# Another entry's approved translation pasted in: its owner in the corpus says so.
for _lang, _cases in BAD.items():
    _cases.append((DOSE, GOOD[_lang][LONG], "substitution"))


@pytest.mark.parametrize("lang", sorted(GOOD))
def test_faithful_translations_pass(lang: str) -> None:
    for source, target in GOOD[lang].items():
        assert names(source, target, lang) == [], (source, target)


@pytest.mark.parametrize(("lang", "source", "target", "check"),
                         [(lang, *case) for lang, cases in BAD.items() for case in cases])
def test_dangerous_edits_are_found(lang: str, source: str, target: str, check: str) -> None:
    assert check in names(source, target, lang)


@pytest.mark.parametrize(("lang", "source", "target"), [
    ("ru", "Call us 24 hours a day.", "Звоните нам круглосуточно."),
    ("ru", "Call us within 24 hours.", "Позвоните нам в течение суток."),
    ("zh", "Call us 24 hours a day.", "请全天拨打我们的电话。"),
    ("es", "Take 2.5 mg.", "Tome 2,5 mg."), ("fr", "Take 2.5 mg.", "Prenez 2,5 mg."),
    ("ar", "Take 2.5 mg.", "تناول ٢٫٥ ملغ."), ("ar", "Apply before 15 March.", "قبل ١٥ آذار."),
    ("ru", "If your temperature is 38 °C, call us at once.", "При 38 °C сразу звоните."),
    ("fr", "Checked every 4 hours, 24 hours a day.", "Contrôlée toutes les 4 heures, 24 heures "
     "sur 24."),
    ("ar", "Checked every 4 hours, 24 hours a day.", "تُقاس كل 4 ساعات على مدار 24 ساعة."),
    ("fr", "Your appointment is at 14:00.", "Votre rendez-vous est à 14 h."),
    ("fr", "Measure it at 37.5 °C.", "Mesurez-la à 37,5 degrés Celsius."),
    ("ar", "You must not swim.", "يجب ألا تسبح."),
    ("ar", "If you cannot reach the ward, call us.", "إذا تعذّر عليك الاتصال بالقسم، فاتصل بنا."),
    ("zh", "You will receive 30 mg/m² daily.", "您每天将接受30 mg/m²。"),
    ("es", "Rest for the first 3 weeks.", "Descanse durante las 3 primeras semanas."),
    # the remaining days of the week are not every second day
    ("fr", "Take 2 mg on Sundays and 4 mg on every other day of the week.",
     "Prenez 2 mg le dimanche et 4 mg les autres jours de la semaine."),
    # every 2 days said as every other day
    ("ru", "Change the plaster every 2 days.", "Меняйте пластырь через день."),
    ("fr", "Change the plaster every 2 days.", "Changez le pansement un jour sur deux."),
    # a half in words, months as part of a year, one year without its number
    ("es", "Drink 2.5 litres a day.", "Beba dos litros y medio al día."),
    ("zh", "Drink 1.5 litres a day.", "每天喝一升半。"),
    ("ru", "The booster is given 6 months later.", "Повторную дозу вводят через полгода."),
    ("es", "It is given at 1 year of age.", "Se administra al año de edad."),
    # a time of day on the other clock, whole hours with their zeros
    ("zh", "Come back at 15:00.", "请下午3点回来。"),
    ("es", "Stop eating at 2 am.", "Deje de comer a las 2:00."),
    ("fr", "Stop eating at 2 am.", "Arrêtez de manger à 2 h 00."),
    # a date in figures, day first
    ("ru", "See us on 12 May 2026.", "Приходите 12.05.2026."),
    # a concentration may come before the dose; 岁 are years of age, ～ a range
    ("zh", "Give 10 ml of the 120 mg/5 ml suspension.", "请给予（120 mg/5 ml）混悬液10毫升。"),
    ("zh", "Not for children under 16 years.", "16岁以下儿童禁用。"),
    ("zh", "Children of 6 to 8 years: 5 ml.", "6～8岁儿童：5 ml。"),
    # «тот же день» is not the abbreviation ТОТ; a virus is named as in English
    ("ru", "Call on the same day.", "Позвоните в тот же день."),
    ("es", "The rotavirus vaccine is given at 8 weeks.",
     "La vacuna contra el rotavirus se administra a las 8 semanas."),
    # a limit's "no" is no negation: the translation may say "at most"
    ("ar", "Give no more than 4 doses in 24 hours.", "أعطِ 4 جرعات بحد أقصى خلال 24 ساعة."),
    ("zh", "Give no more than 4 doses in 24 hours.", "24小时内最多给药4次。"),
    ("es", "Have no more than 3 cups of coffee.", "No tome más de 3 tazas de café."),
    ("zh", "Do not take more than 2 doses in 24 hours.", "二十四小时内最多服用两剂。"),
    ("es", "Do not take more than 2 doses in 24 hours.",
     "No tome más de dos dosis en un periodo de veinticuatro horas."),
    # two dates of one month and year; an ISO date; round the clock in words
    ("fr", "It starts on 2 November 2026 and ends on 20 November 2026.",
     "Cela commence le 2 novembre 2026 et se termine le 20 novembre 2026."),
    ("zh", "Your scan is on 9 October 2026.", "您的检查安排在2026-10-09。"),
    ("ru", "Wear them 24 hours a day.", "Носите их днём и ночью."),
    # "avoid", "forbidden", "not safe" are negations; "mais pas" is one
    ("fr", "Take it in the morning, not in the evening, so you do not need the toilet at night.",
     "Prenez-le le matin et non le soir, pour éviter de devoir aller aux toilettes la nuit."),
    ("zh", "Take it in the morning, not in the evening, so you do not need the toilet at night.",
     "请在早上而不是晚上服用，以免夜间需要起床上厕所。"),
    ("fr", "Do not bring metal objects into the MRI room.",
     "Il est interdit d'apporter des objets métalliques dans la salle d'IRM."),
    ("ru", "Codeine is not safe while breastfeeding.",
     "Кодеин небезопасен при грудном вскармливании."),
    ("fr", "Apply it twice a day, but not in the 2 hours before treatment.",
     "Appliquez-la deux fois par jour, mais pas dans les 2 heures précédant la séance."),
    # a day said twice in English, once in the translation; the article on an Arabic number
    ("ru", "Take it twice a day, at the same times each day.",
     "Принимайте его два раза в день, в одно и то же время."),
    ("ar", "For the first 24 hours, do not rinse your mouth.",
     "خلال الساعات الـ24 الأولى، لا تقم بمضمضة فمك."),
    # English writes no number after its unit: "400 mg three times a day" is 400 mg
    ("zh", "Take up to 400 mg three times a day.", "每次最多400 mg，每天三次。"),
    ("fr", "Do not take more than 2 sumatriptan tablets a day.",
     "Ne prenez pas plus de 2 comprimés de sumatriptan par jour."),
    # a dose before "times" is no count; limits said with an adjective or a comparative
    ("ru", "Take one 70 mg tablet once a week.", "Принимайте одну таблетку 70 мг раз в неделю."),
    ("es", "Keep the phone at least 15 cm away.", "Mantenga el teléfono a una distancia mínima "
     "de 15 cm."),
    ("ru", "Use it for no longer than 7 days.", "Не применяйте его дольше 7 дней."),
    # "no longer" says "stops being", "with or without" a choice; -omas are Spanish too
    ("es", "You are no longer infectious after 2 weeks.", "Deja de ser contagioso tras 2 semanas."),
    ("ru", "Take it with or without food.", "Принимайте его независимо от приёма пищи."),
    ("es", "For glaucoma, use one drop a day.", "Para el glaucoma, use una gota al día."),
    ("ar", "Use one drop at 8 pm.", "ضع قطرة واحدة في الساعة الثامنة مساءً."),   # an ordinal hour
])
def test_benign_rewordings_pass(lang: str, source: str, target: str) -> None:
    assert names(source, target, lang) == []


@pytest.mark.parametrize(("lang", "source", "target"), [
    ("es", "Give no more than 4 doses in 24 hours.", "Dé más de 4 dosis en 24 horas."),
    ("fr", "Give no more than 4 doses in 24 hours.", "Donnez plus de 4 doses en 24 heures."),
    ("ru", "Give no more than 4 doses in 24 hours.", "Давайте более 4 доз за 24 часа."),
    ("ar", "Give no more than 4 doses in 24 hours.", "أعطِ أكثر من 4 جرعات خلال 24 ساعة."),
    ("zh", "Give no more than 4 doses in 24 hours.", "24小时内给药4次以上。"),
    ("es", "Wait at least 6 hours between doses.", "Espere 6 horas entre dosis."),
    ("ru", "Wait at least 6 hours between doses.", "Подождите 6 часов между приёмами."),
    ("zh", "Do not take more than 2 doses in 24 hours.", "二十四小时内服用两剂以上。"),
])
def test_a_limit_dropped_is_found(lang: str, source: str, target: str) -> None:
    """"No more than 4 doses" made "more than 4", "at least 6 hours" made "6 hours"."""
    assert "quantities" in names(source, target, lang)


@pytest.mark.parametrize(("lang", "target", "wrong"), [
    ("fr", "Prenez toujours de l'aspirine avec la warfarine sans l'accord de votre médecin.",
     True),
    ("fr", "Ne prenez jamais d'aspirine avec la warfarine sans l'accord de votre médecin.",
     False),
    ("ru", "Всегда принимайте аспирин с варфарином без разрешения врача.", True),
    ("ru", "Никогда не принимайте аспирин с варфарином без разрешения врача.", False),
    ("zh", "未经医生同意，务必将阿司匹林与华法林同时服用。", True),
    ("zh", "未经医生同意，切勿将阿司匹林与华法林同时服用。", False),
])
def test_never_is_not_said_by_without_alone(lang: str, target: str, wrong: bool) -> None:
    """"Never … unless" may become "never … without", not "always … without"."""
    source = "Never take aspirin with warfarin unless your doctor has approved it."
    assert ("negation" in names(source, target, lang)) is wrong


@pytest.mark.parametrize(("lang", "target"), [
    ("ar", "تواصل مع الفريق فورا، دون أن تنتظر لترى إن كانت حالتك ستتحسن."),
    ("es", "Llame al equipo enseguida, sin esperar a ver si mejora."),
    ("fr", "Appelez l'équipe tout de suite, sans attendre de voir si cela s'améliore."),
])
def test_not_said_as_without_before_a_verb_passes(lang: str, target: str) -> None:
    """"Do not wait" may be "without waiting": a "without" before a verb negates it."""
    source = "Call the team straight away and do not wait to see if it gets better."
    assert "negation" not in names(source, target, lang)


@pytest.mark.parametrize(("lang", "avoided", "used"), [
    ("es", "Evite el alcohol mientras lo tome.", "Consuma alcohol mientras lo tome."),
    ("fr", "Évitez l'alcool pendant le traitement.", "Buvez de l'alcool pendant le traitement."),
    ("ru", "Избегайте алкоголя во время лечения.", "Употребляйте алкоголь во время лечения."),
    ("ar", "تجنب الكحول أثناء العلاج.", "تناول الكحول أثناء العلاج."),
    ("zh", "治疗期间避免饮酒。", "治疗期间可以饮酒。"),
])
def test_avoid_is_a_negation(lang: str, avoided: str, used: str) -> None:
    """"Avoid alcohol" made "drink alcohol" inverts the advice as a dropped "not" does."""
    source = "Avoid alcohol during the treatment."
    assert "negation" not in names(source, avoided, lang)
    assert "negation" in names(source, used, lang)


def test_unedited_machine_output_is_found_until_edited_or_signed() -> None:
    text = "No para tomando cualquier medicina."
    digest = hashlib.sha256(f"Do not stop taking any medicine.\0{text}".encode()).hexdigest()
    mark = f"mt: apertium\nmt: output {digest[:12]}"  # what translate writes
    item = Entry(msgid="Do not stop taking any medicine.", msgstr=text, line=3, comment=mark)
    catalog = Catalog(file="x.po", lang="es", doc="x", entries=(item,))
    check = registry()["unedited-mt"].func
    assert [f.check for f in check(item, Scope(catalog=catalog))] == ["unedited-mt"]
    edited = Entry(msgid=item.msgid, msgstr="No deje de tomar ningún medicamento.", line=3,
                   comment=mark)
    assert list(check(edited, Scope(catalog=catalog))) == []
    signed = Scope(catalog=catalog, signed=frozenset({item.msgid}))
    assert list(check(item, signed)) == []


def test_coverage_says_where_data_is_missing() -> None:
    assert all(covered(c, lang) for c in ("negation", "time-units", "frequency", "dates")
               for lang in ("es", "fr", "ru", "ar", "zh", "zh_Hans"))
    assert not covered("negation", "fi") and not covered("time-units", "fi")


def test_spanish_drafts_approved_unedited_fail_with_the_real_problems(tmp_path: Path) -> None:
    """The sample's Apertium drafts, fuzzy flags cleared by msgattrib and released."""
    root = Path(__file__).resolve().parent.parent
    for part in ("source", "locales", "glossary"):
        shutil.copytree(root / part, tmp_path / part)
    text = (root / "pyproject.toml").read_text(encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        text.replace('es = { status = "draft"', 'es = { status = "released"'), "utf-8")
    for po in (tmp_path / "locales" / "es" / "LC_MESSAGES").glob("*.po"):
        subprocess.run(["msgattrib", "--clear-fuzzy", "-o", str(po), str(po)], check=True)
    report = run_checks(load_config(tmp_path), langs=("es",))
    errors = [(f.check, f.message) for f in report.findings if f.severity is Severity.ERROR]
    checks = {name for name, _ in errors}
    assert {"unedited-mt", "engine-debris", "leftover-english", "dates"} <= checks
    # masking lets the engine translate time words now (issue 17): none is left in English
    assert "time-units" not in checks
    said = " | ".join(message for _, message in errors)
    assert "@drowsiness" in said and "“March” of the source" in said
    assert "unwell" in said
    assert '"celda" is not allowed here' in said    # "celdas" for the body's cells
    assert sum(name == "unedited-mt" for name, _ in errors) == 152   # every approved entry


@pytest.mark.parametrize(("text", "lang", "count"), [
    ("Never skip a dose, and do not stop.", "en", 2), ("It is neither safe nor wise.", "en", 1),
    ("Никогда не пропускайте дозу.", "ru", 1),            # concord: one negation
    ("Не прекращайте, если только врач не скажет.", "ru", 1),   # "unless … не" is none
    ("Ne sautez jamais une dose.", "fr", 1), ("N’arrêtez pas et ne sautez rien.", "fr", 2),
    ("à moins que le médecin ne le dise", "fr", 0),
    ("Ne mangez que de la viande bien cuite.", "fr", 0),   # "ne … que" is "only"
    ("N'oubliez pas que la dose change.", "fr", 1),
    ("No lo tome nunca.", "es", 1), ("Nunca lo tome.", "es", 1),
    ("لا تبدأ أبدًا بتناول الدواء.", "ar", 1), ("ما لم يطلب منك الطبيب ذلك.", "ar", 0),
    ("تبدأ أبدًا بتناول الدواء.", "ar", 0),                # أبدا alone negates nothing
    ("不要等着看会不会好转。", "zh", 1), ("有没有发烧？", "zh", 0), ("免疫细胞", "zh", 0),
])
def test_negations_are_counted_once_however_the_language_builds_them(
        text: str, lang: str, count: int) -> None:
    from pipeline.checks.negation import negations

    assert negations(text, lang) == count


def test_a_negation_may_move_to_a_nearby_clause_but_not_past_another() -> None:
    from pipeline.checks.negation import unmatched_clause

    source = "Never start new medicines, herbal remedies or supplements without checking first."
    # Chinese puts "without checking" first: the surplus there makes up for the clause moved.
    assert unmatched_clause(source, "**切勿**在未事先咨询医生的情况下开始使用新的药物、草药制剂"
                                    "或营养补充剂。", "zh") is None
    assert unmatched_clause(CLAUSES, "Ешьте перед анализом, не пейте алкоголь и сообщите нам, "
                                     "если не почувствуете себя хорошо.", "ru") == (
        "Do not eat", "Ешьте перед анализом")


def test_a_term_named_twice_must_be_there_twice_but_a_synonym_in_brackets_is_one_mention(
        ) -> None:
    source = "Possible donors include a half-matched (haploidentical) family member."
    assert not GLOSSARY.verify(source, "Донором может быть наполовину совместимый "
                                       "(гаплоидентичный) родственник.", "ru")
    problems = GLOSSARY.verify(TERMS, GOOD["ru"][TERMS].replace("на лейкоз", "на рак"), "ru")
    assert [(p.kind, p.term.id) for p in problems] == [("missing", "leukemia")]
    assert "names it 2 times, the translation 1" in problems[0].detail


# A donor written as the longer term "matched sibling donor" (its translation contains the
# donor's): (lang, the translation with the longer term, with the donor's own term).
KIND_OF = [
    ("es", "Se analizará primero a su donante hermano HLA idéntico.",
     "Se analizará primero a su donante."),
    ("fr", "Votre donneur apparenté HLA-identique sera examiné en premier.",
     "Votre donneur sera examiné en premier."),
    ("ru", "Сначала обследуют вашего совместимого родственного донора.",
     "Сначала обследуют вашего донора."),
    ("ar", "سيُفحص متبرع شقيق مطابق أولًا.", "سيُفحص المتبرع أولًا."),
    ("zh", "我们会先检查您的同胞全相合供者。", "我们会先检查您的供者。"),
]


@pytest.mark.parametrize(("lang", "longer", "plain"), KIND_OF)
def test_a_term_inside_a_longer_term_the_source_does_not_name_is_not_there(
        lang: str, longer: str, plain: str) -> None:
    """"Your donor" translated as "your matched sibling donor" is another, narrower term:
    the donor is missing. Where the source says "matched sibling donor", it is right."""
    problems = GLOSSARY.verify("Your donor will be tested first.", longer, lang)
    assert [(p.kind, p.term.id) for p in problems] == [("missing", "donor")]
    assert not GLOSSARY.verify("Your donor will be tested first.", plain, lang)
    assert not GLOSSARY.verify("Your matched sibling donor will be tested first.", longer, lang)
    # The longer term said in words of its own: "matched sibling" names it too.
    assert not GLOSSARY.verify("Your donor, a matched sibling, will be tested first.", longer,
                               lang)


@pytest.mark.parametrize(("lang", "target", "found"), [
    ("zh", "请在2027年三月15@日之前递交。", True),            # a marker after a digit
    ("ru", "Пишите на user@example.org до 15 марта.", False),    # an address is no marker
    ("ru", "При CAR-T-cells используются иммунные клетки.", True),  # English after a hyphen
    ("ru", "При CAR-T-терапии используются иммунные клетки.", False),
])
def test_debris_after_digits_and_english_joined_by_hyphens(lang: str, target: str,
                                                           found: bool) -> None:
    source = ("Send it by 15 March." if "15" in target else
              "CAR-T uses your own immune cells, called T cells.")
    assert bool({"engine-debris", "leftover-english"} & set(names(source, target, lang))) \
        is found


@pytest.mark.parametrize(("lang", "target", "wrong"), [
    ("ar", "أرسله قبل 15 مارس (آذار) 2027.", False),
    ("ar", "أرسله قبل 15 مارس (أبريل) 2027.", True),
    ("uz-Latn", "2027-yil 15-martgacha yuboring.", False),       # the year word says it is one
    ("ru", "Отправьте до 2027 марта 15 года.", True),
])
def test_dates_are_compared_as_dates(lang: str, target: str, wrong: bool) -> None:
    item = Entry(msgid=DATED, msgstr=target, line=3)
    scope = Scope(catalog=Catalog(file="x.po", lang=lang, doc="x", entries=(item,)))
    assert bool(list(registry()["dates"].func(item, scope))) is wrong


@pytest.mark.parametrize(("lang", "source", "target", "found"), [
    # "once" before a number is "as soon as": no frequency to keep
    ("es", "The drain is clamped once 5 litres have drained.",
     "El drenaje se pinza cuando hayan salido 5 litros.", []),
    ("es", "The drain is clamped once a day.", "El drenaje se pinza dos veces al día.",
     ["frequency"]),
    # 满一周: a full week at least
    ("zh", "Take it until the rash has been gone for at least 7 days.",
     "请持续服药，直到皮疹消退满7天为止。", []),
    ("zh", "Take it until the rash has been gone for at least 7 days.",
     "请持续服药，直到皮疹消退7天为止。", ["quantities"]),
    # "by noon" written as 12 o'clock
    ("zh", "Please call us by noon on the day before.", "请在前一天中午12点前致电我们。", []),
    ("zh", "Please call us by noon on the day before.", "请在前一天中午1点前致电我们。",
     ["numbers"]),
    # "under your arms" are the armpits
    ("es", "Do not put deodorant under your arms.", "No se ponga desodorante en las axilas.",
     []),
    ("es", "Do not put deodorant on your arms.", "No se ponga desodorante en las axilas.",
     ["glossary"]),
    # «دون سن الثانية»: under the age of two, no "without"
    ("ar", "Take a second dose with food; children under 2 should see their GP.",
     "تناول جرعة ثانية مع الطعام؛ أما الأطفال دون سن الثانية فيجب عرضهم على الطبيب.", []),
    ("ar", "Take a second dose with food.", "تناول جرعة ثانية دون طعام.", ["negation"]),
    # "until it has cleared" said «mientras … no»
    ("es", "The test cannot be done until the infection has cleared.",
     "La prueba no puede hacerse mientras la infección no se haya curado.", []),
    ("es", "The test cannot be done until the infection has cleared.",
     "La prueba no puede hacerse.", ["glossary", "omission"]),
    # "avoiding scars" said "away from scars"
    ("fr", "Apply the sensor to your upper arm, avoiding scars.",
     "Posez le capteur sur le haut du bras, à distance des cicatrices.", []),
    ("fr", "Apply the sensor to your upper arm, avoiding scars.",
     "Posez le capteur sur le haut du bras, sur les cicatrices.", ["negation"]),
    # "do not cut down on drinks" said "keep drinking as before"; not the source's own "keep"
    ("ar", "Do not cut down on drinks.", "استمر في شرب الكمية المعتادة من السوائل.", []),
    ("es", "Do not stop your tablets at home. Keep taking two a day.",
     "Deje los comprimidos en casa. Siga tomando dos al día.", ["negation"]),
    # 遍: times through an exercise
    ("zh", "Repeat this 8 to 10 times.", "重复八到十遍。", []),
    ("zh", "Repeat this 8 to 10 times.", "重复三遍。", ["frequency", "numbers"]),
    # "at least 48 hours before" said "48 hours before at the latest"
    ("zh", "Tell the airline at least 48 hours before you fly.",
     "最晚要在起飞前48小时通知航空公司。", []),
    ("zh", "Tell the airline at least 48 hours before you fly.",
     "要在起飞前48小时通知航空公司。", ["quantities"]),
    # Russian's approximate inversion: «минут через двадцать», after about twenty minutes
    ("ru", "If you are still awake after about 20 minutes, get up.",
     "Если минут через двадцать вы всё ещё не спите, встаньте.", []),
    ("ru", "If you are still awake after about 20 minutes, get up.",
     "Если часов через двадцать вы всё ещё не спите, встаньте.", ["quantities", "time-units"]),
])
def test_benign_renderings_pass_and_their_dangerous_twins_do_not(
        lang: str, source: str, target: str, found: list[str]) -> None:
    assert names(source, target, lang) == found


CALL_BEFORE = "If you cannot come, please call us by noon on the day before your appointment."


@pytest.mark.parametrize(("lang", "target", "turned"), [
    ("es", "Si no puede venir, llámenos antes del mediodía del día anterior a la cita.", False),
    ("es", "Si no puede venir, llámenos antes del mediodía del día siguiente a la cita.", True),
    ("fr", "Si vous ne pouvez pas venir, appelez-nous avant midi la veille du rendez-vous.",
     False),
    ("fr", "Si vous ne pouvez pas venir, appelez-nous avant midi le lendemain du rendez-vous.",
     True),
    ("ru", "Если вы не сможете прийти, позвоните нам до полудня накануне приёма.", False),
    ("ru", "Если вы не сможете прийти, позвоните нам до полудня на следующий день после "
     "приёма.", True),
    ("ar", "إذا لم تتمكن من الحضور، فاتصل بنا قبل الظهر في اليوم السابق لموعدك.", False),
    ("ar", "إذا لم تتمكن من الحضور، فاتصل بنا قبل الظهر في اليوم التالي لموعدك.", True),
    ("zh", "如果您无法前来，请在预约前一天中午之前致电我们。", False),
    ("zh", "如果您无法前来，请在预约第二天中午之前致电我们。", True),
])
def test_the_day_before_said_the_day_after_is_found(lang: str, target: str,
                                                    turned: bool) -> None:
    item = Entry(msgid=CALL_BEFORE, msgstr=target, line=3)
    scope = Scope(catalog=Catalog(file="x.po", lang=lang, doc="x", entries=(item,)))
    found = [f.message for f in registry()["dates"].func(item, scope)]
    assert bool(found and "turned round" in found[0]) is turned, found


POOL = "Do not get into the pool unless a physiotherapist is present."


@pytest.mark.parametrize(("lang", "source", "target", "turned"), [
    ("es", POOL, "No entre en la piscina a menos que haya un fisioterapeuta presente.", False),
    ("es", POOL, "No entre en la piscina si hay un fisioterapeuta presente.", True),
    ("fr", POOL, "N'entrez dans le bassin qu'en présence d'un kinésithérapeute.", False),
    ("fr", POOL, "N'entrez pas dans le bassin si un kinésithérapeute est présent.", True),
    ("ru", POOL, "Не заходите в бассейн, если рядом нет физиотерапевта.", False),
    ("ru", POOL, "Не заходите в бассейн, если рядом есть физиотерапевт.", True),
    ("ar", POOL, "لا تنزل إلى المسبح إلا بحضور أخصائي العلاج الطبيعي.", False),
    ("ar", POOL, "لا تنزل إلى المسبح إذا كان أخصائي العلاج الطبيعي حاضرًا.", True),
    ("zh", POOL, "除非有物理治疗师在场，否则不要下水。", False),
    # the condition first and its main clause negated: "take it unless…" said "if …, do not"
    ("zh", "Take it with food, unless you have a stomach ulcer.",
     "随餐服用；但如果您有胃溃疡，则不要服用。", False),
])
def test_unless_said_as_a_plain_if_is_found(lang: str, source: str, target: str,
                                            turned: bool) -> None:
    """"Unless a physiotherapist is present" said «si hay un fisioterapeuta» (if there is
    one) turns the advice round; «si no hay», «если … нет», «إلا», 除非 keep it."""
    assert ("negation" in names(source, target, lang)) is turned
    assert "omission" not in names(source, target, lang)


INJECT_6PM = "Inject the enoxaparin once a day at 6 pm."
COME_915AM = "Your scan is at 9:15 am; come 15 minutes early."


@pytest.mark.parametrize(("lang", "source", "target", "wrong"), [
    ("es", INJECT_6PM, "Inyéctese la enoxaparina una vez al día a las 18:00.", False),
    ("es", INJECT_6PM, "Inyéctese la enoxaparina una vez al día a las 6 de la tarde.", False),
    ("es", INJECT_6PM, "Inyéctese la enoxaparina una vez al día a las 6:00.", True),
    ("fr", INJECT_6PM, "Injectez l'énoxaparine une fois par jour à 18 h.", False),
    ("fr", INJECT_6PM, "Injectez l'énoxaparine une fois par jour à 6 h.", True),
    ("ru", INJECT_6PM, "Вводите эноксапарин один раз в день в 6 вечера.", False),
    ("ru", INJECT_6PM, "Вводите эноксапарин один раз в день в 6 утра.", True),
    ("ar", COME_915AM, "موعد الفحص الساعة 9:15 صباحًا؛ احضر قبله بـ15 دقيقة.", False),
    ("ar", COME_915AM, "موعد الفحص الساعة 9:15 مساءً؛ احضر قبله بـ15 دقيقة.", True),
    ("zh", COME_915AM, "您的检查时间是上午9:15，请提前15分钟到达。", False),
    ("zh", COME_915AM, "您的检查时间是晚上9:15，请提前15分钟到达。", True),
    ("zh", INJECT_6PM, "请每天一次在下午6点注射依诺肝素。", False),
    ("zh", INJECT_6PM, "请每天一次在6点注射依诺肝素。", False),     # no half said: either
])
def test_a_time_of_day_in_the_other_half_of_the_day_is_found(lang: str, source: str,
                                                             target: str, wrong: bool) -> None:
    """"6 pm" written «6:00» (6 in the morning on the 24-hour clock) or 早上6点, "9:15 am"
    written 9:15 مساءً: the same number, another time of day."""
    item = Entry(msgid=source, msgstr=target, line=3)
    scope = Scope(catalog=Catalog(file="x.po", lang=lang, doc="x", entries=(item,)))
    found = list(registry()["dates"].func(item, scope))
    assert (len(found) == 1 and "another time of day" in found[0].message) is wrong, found


@pytest.mark.parametrize(("lang", "source", "target", "left"), [
    ("fr", "Shortly about the infusion, you receive chemotherapy.",
     "Peu about la réinjection, vous recevez une chimiothérapie.", "about"),
    ("fr", "Shortly about the infusion, you receive chemotherapy.",
     "Peu avant la réinjection, vous recevez une chimiothérapie.", ""),
    ("es", "Your doctor gets a copy.", "Su doctor recibe una copia.", "doctor"),
    ("es", "Your doctor gets a copy.", "Su médico recibe una copia.", ""),
])
def test_a_word_both_languages_have_is_english_where_the_project_never_writes_it(
        lang: str, source: str, target: str, left: str) -> None:
    """"about" is a French word, "doctor" a Spanish one (Hunspell has them); where three
    approved translations of sources with the word never write it, it is English left in."""
    corpus = {
        "es": [("Ask your doctor.", "Pregunte a su médico."),
               ("Your doctor and ours talk.", "Su médico y el nuestro hablan."),
               ("A letter from your doctor.", "Una carta de su médico.")],
        "fr": [("It takes about 3 weeks.", "Cela prend environ 3 semaines."),
               ("Ask us about travel.", "Posez-nous vos questions sur le voyage."),
               ("Read about the risks.", "Lisez ce qui concerne les risques.")]}[lang]
    item = Entry(msgid=source, msgstr=target, line=3)
    scope = Scope(catalog=Catalog(file="x.po", lang=lang, doc="x", entries=(item,)),
                  glossary=GLOSSARY, corpus=corpus_of(corpus, lang))
    found = list(registry()["leftover-english"].func(item, scope))
    assert [left in f.message for f in found] == ([True] if left else [])
    # written otherwise in two sources only: too few to say, unless the word is far rarer in
    # the language than in English ("about" in French; "doctor" is common in Spanish)
    two = corpus[:2]
    fewer = Scope(catalog=scope.catalog, glossary=GLOSSARY, corpus=corpus_of(two, lang))
    assert [left in f.message for f in registry()["leftover-english"].func(item, fewer)] == (
        [True] if left == "about" else [])
    kept = [*corpus, (f"The {left or 'doctor'} is in.", f"Le {left or 'doctor'} est là.")]
    written = Scope(catalog=scope.catalog, glossary=GLOSSARY, corpus=corpus_of(kept, lang))
    assert list(registry()["leftover-english"].func(item, written)) == []


@pytest.mark.parametrize(("lang", "source", "good", "swapped"), [
    ("es", "Take 400 micrograms of folic acid and 10 micrograms of vitamin D.",
     "Tome 400 microgramos de ácido fólico y 10 microgramos de vitamina D.",
     "Tome 10 microgramos de ácido fólico y 400 microgramos de vitamina D."),
    ("ru", "Take 1 puff every 30 seconds, up to 10 puffs.",
     "Делайте 1 вдох каждые 30 секунд, но не более 10 вдохов.",
     "Делайте 1 вдох каждые 10 секунд, но не более 30 вдохов."),
    ("zh", "Take 1 puff every 30 seconds, up to 10 puffs.", "每30秒吸1喷，最多10喷。",
     "每10秒吸1喷，最多30喷。"),
])
def test_micrograms_and_seconds_keep_their_values(lang: str, source: str, good: str,
                                                  swapped: str) -> None:
    assert "quantities" not in names(source, good, lang)
    assert "quantities" in names(source, swapped, lang)


FLUIDS = "Drink at least 2 litres of fluid a day and no more than 3 cups of coffee."


@pytest.mark.parametrize(("lang", "good", "swapped"), [
    ("es", "Beba al menos 2 litros de líquido al día y no más de 3 tazas de café.",
     "Beba al menos 3 litros de líquido al día y no más de 2 tazas de café."),
    ("fr", "Buvez au moins 2 litres par jour et pas plus de 3 tasses de café.",
     "Buvez au moins 3 litres par jour et pas plus de 2 tasses de café."),
    ("ru", "Пейте не менее 2 литров жидкости в день и не более 3 чашек кофе.",
     "Пейте не менее 3 литров жидкости в день и не более 2 чашек кофе."),
    ("ar", "اشرب لترين من السوائل على الأقل يوميًا، ولا تتجاوز 3 أكواب من القهوة.",
     "اشرب 3 لترات من السوائل على الأقل يوميًا، ولا تتجاوز 2 أكواب من القهوة."),
    ("zh", "每天至少喝2升液体，咖啡不超过3杯。", "每天至少喝3升液体，咖啡不超过2杯。"),
])
def test_spelled_out_measures_keep_their_values(lang: str, good: str, swapped: str) -> None:
    """"2 litres" is a measure as "2 L" is: its value stays with it (Arabic: the dual)."""
    assert "quantities" not in names(FLUIDS, good, lang)
    assert "quantities" in names(FLUIDS, swapped, lang)


@pytest.mark.parametrize(("lang", "target", "wrong"), [
    ("ru", "Лечение начнётся 2 ноября 2026 г. и закончится 20 ноября 2026 г.", False),
    ("ru", "Лечение начнётся 2 ноября 2026 г. и закончится 20 декабря 2026 г.", True),
    ("fr", "Le traitement commence le 2 novembre 2026 et finit le 20 novembre 2026.", False),
    ("fr", "Le traitement commence le 2 novembre 2026 et finit le 20 décembre 2026.", True),
])
def test_a_month_the_source_does_not_name_is_found(lang: str, target: str, wrong: bool) -> None:
    source = "Treatment starts on 2 November 2026 and ends on 20 November 2026."
    assert ("dates" in names(source, target, lang)) is wrong


@pytest.mark.parametrize(("lang", "good", "bad"), [
    ("es", "Tome un comprimido una vez a la semana, el mismo día cada semana.",
     "Tome un comprimido una vez al día, el mismo día cada semana."),
    ("fr", "Prenez un comprimé une fois par semaine, le même jour chaque semaine.",
     "Prenez un comprimé une fois par jour, le même jour chaque semaine."),
    ("ru", "Принимайте одну таблетку один раз в неделю, в один и тот же день недели.",
     "Принимайте одну таблетку один раз в день, в один и тот же день недели."),
    ("ar", "تناول قرصًا واحدًا مرة واحدة أسبوعيًا، في اليوم نفسه من كل أسبوع.",
     "تناول قرصًا واحدًا مرة واحدة يوميًا، في اليوم نفسه من كل أسبوع."),
])
def test_how_often_keeps_its_period(lang: str, good: str, bad: str) -> None:
    """"Once a week" made "once a day" where "each week" is still in the sentence."""
    source = "Take one tablet once a week, on the same day each week."
    assert "frequency" not in names(source, good, lang)
    assert "frequency" in names(source, bad, lang)


def test_every_day_is_not_every_other_day() -> None:
    source = "Take one tablet every day at about the same time."
    assert "frequency" in names(source, "Tome un comprimido cada dos días a la misma hora.", "es")
    assert "frequency" not in names(source, "Tome un comprimido cada día a la misma hora.", "es")


def test_durations_swapped_are_found_when_a_count_stands_before_daily() -> None:
    """"one pill daily for 21 days, then a 7-day break": the "one" is no number of days."""
    source = "Take one pill daily for 21 days, then have a 7-day break."
    assert "quantities" in names(
        source, "Tome una píldora al día durante 7 días y haga un descanso de 21 días.", "es")
    assert "quantities" not in names(
        source, "Tome una píldora al día durante 21 días y haga un descanso de 7 días.", "es")


def test_values_sharing_a_unit_keep_their_order_after_a_day() -> None:
    """"1000 mg a day": the "a" is no value of mg, so 250 and 1000 swapped is found."""
    source = "The dose goes up by 250 mg every 2 weeks until you reach 1000 mg a day."
    assert "quantities" not in names(
        source, "La dosis aumenta 250 mg cada 2 semanas hasta llegar a 1000 mg al día.", "es")
    assert "quantities" in names(
        source, "La dosis aumenta 1000 mg cada 2 semanas hasta llegar a 250 mg al día.", "es")


@pytest.mark.parametrize(("lang", "source", "target", "left"), [
    ("fr", "Measure each dose with the plastic syringe.",
     "Mesurez chaque dose avec la syringe en plastique.", "syringe"),
    ("fr", "Measure each dose with the plastic syringe.",
     "Mesurez chaque dose avec la seringue en plastique.", ""),
    ("fr", "Carry your pacemaker card at all times.",
     "Ayez toujours sur vous votre card de porteur de stimulateur.", "card"),
    ("fr", "It will take longer to heal.", "La cicatrisation sera longer.", "longer"),
    ("es", "Do not use the inhaler if it is empty.", "No use el inhalador si está vacío.", ""),
    ("es", "Your treatment options and the documents.",
     "Sus opciones de tratamiento y los documentos.", ""),
    ("fr", "Your treatment options and the documents.",
     "Vos options de traitement et les documents.", ""),
    ("es", "It tells you where to go.", "Le tells adónde ir.", "tells"),
])
def test_a_word_far_rarer_in_the_language_than_in_english_is_english_left(
        lang: str, source: str, target: str, left: str) -> None:
    """«syringe», «card», «longer» are in French Hunspell (a shrub, a name, an inflection) but
    hardly written in French; "use" (usar) is Spanish and "options", "documents" are French
    and Spanish words: without any corpus, word frequencies tell them apart."""
    item = Entry(msgid=source, msgstr=target, line=3)
    scope = Scope(catalog=Catalog(file="x.po", lang=lang, doc="x", entries=(item,)))
    found = list(registry()["leftover-english"].func(item, scope))
    assert [left in f.message for f in found] == ([True] if left else [])


def test_leftover_english_without_a_dictionary_is_a_coverage_gap() -> None:
    from pipeline.checks.coverage import Gap, gaps

    # Hawaiian: written in Latin letters, no Hunspell dictionary in Debian
    assert gaps(["leftover-english"], ["es", "fr", "ru", "ar", "zh", "haw"]) == (
        Gap("leftover-english", "haw"),)


def test_a_translation_pasted_into_the_wrong_entry_fails_check(tmp_path: Path) -> None:
    """The runner gives each catalog its language's approved entries of every document."""
    import polib

    for part in ("source", "locales", "glossary"):
        shutil.copytree(ROOT / part, tmp_path / part)
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    donor = polib.pofile(str(tmp_path / "locales/ru/LC_MESSAGES/car-t-or-transplant.po"))
    pasted = next(e for e in donor if e.msgid.startswith("Both treatments are powerful"))
    path = tmp_path / "locales/ru/LC_MESSAGES/travelling-for-treatment.po"
    catalog = polib.pofile(str(path))
    victim = next(e for e in catalog if e.msgid.startswith("Travelling to another country"))
    victim.msgstr = pasted.msgstr
    catalog.save(str(path))
    found = [f for f in run_checks(load_config(tmp_path), langs=("ru",)).findings
             if f.check == "substitution"]
    assert [(f.file, f.msgid, f.severity) for f in found] == [
        ("locales/ru/LC_MESSAGES/travelling-for-treatment.po", victim.msgid, Severity.ERROR)]
    assert "this is the approved translation of “Both treatments are powerful" \
        in found[0].message


@pytest.mark.parametrize("lang", ["ru", "ar", "zh"])
def test_a_short_list_item_given_the_next_items_translation_fails_check(sample: Path,
                                                                       lang: str) -> None:
    """A CAT grid off by one: "Phone charger and a plug adapter" given the translation of the
    longer next item. Length says nothing of which one a short item's translation fits (the
    next item's source is longer, so a length ratio favoured the wrong one in Arabic)."""
    import polib

    path = sample / f"locales/{lang}/LC_MESSAGES/travelling-for-treatment.po"
    catalog = polib.pofile(str(path))
    victim = catalog.find("Phone charger and a plug adapter")
    owner = catalog.find("Health insurance documents and proof of payment")
    victim.msgstr = owner.msgstr
    catalog.save(str(path))
    found = {(f.msgid, f.severity) for f in run_checks(load_config(sample), langs=(lang,))
             .findings if f.check == "substitution"}
    # The pasted entry is an error; its owner may be named too ("one of the two is likely in
    # the wrong place"), nothing else.
    assert (victim.msgid, Severity.ERROR) in found
    assert {msgid for msgid, _ in found} <= {victim.msgid, owner.msgid}


def test_the_chance_of_few_shared_words_allows_for_translations_that_differ_as_a_whole(
) -> None:
    """Beta-binomial: with ρ = 0 the binomial; with mean 0.75 and ρ = 0.2 (a = 3, b = 1) the
    chance that none of 2 words is shared is b(b+1)/((a+b)(a+b+1)) = 0.1, not 0.25² = 0.0625."""
    from pipeline.checks.alignment import unlikely, unlikely_spread
    from pipeline.checks.lexicon import dispersion

    assert unlikely_spread(0, 2, 0.75, 0.0) == pytest.approx(0.0625)
    assert unlikely_spread(0, 2, 0.75, 0.2) == pytest.approx(0.1)
    assert unlikely_spread(5, 16, 0.75, 0.2) > 20 * unlikely(5, 16, 0.75)
    assert dispersion([(1, 2), (1, 2), (2, 4)]) == (0.5, 0.0)       # less spread than binomial
    assert dispersion([(0, 2), (2, 2)]) == (0.5, 0.9)                # all or nothing: capped


# A heading or list item of another document pasted in (that document's entry not in the
# corpus, as for a sentence from outside the project): only the words of the pasted text
# that this project firmly pairs with English words absent from the source can tell.
PASTED_FROM_OUTSIDE = [
    ("ru", "Questions to ask your doctor", "Как оберегать себя во время лечения",
     "Что спросить у врача"),
    ("ar", "Records to bring", "الخلايا الجذعية من متبرع", "السجلات التي عليك إحضارها"),
    ("zh", "Phone charger and a plug adapter", "异基因造血干细胞移植的原理",
     "手机充电器和转换插头"),
]


@pytest.mark.parametrize(("lang", "source", "pasted", "reworded"), PASTED_FROM_OUTSIDE)
def test_a_short_text_pasted_from_outside_the_project_is_found_both_ways(
        lang: str, source: str, pasted: str, reworded: str) -> None:
    """The sample's human translations (ru, ar, zh: es and fr have only machine drafts, no
    approved entries to learn from) are the corpus; the real translation and the same
    heading in other words pass."""
    from pipeline.checks.corpora import Corpora

    corpus = Corpora(load_config(ROOT)).get(lang)
    assert corpus is not None
    own = dict(corpus.pairs)[source]
    outside = corpus_of([p for p in corpus.pairs if p[1] != pasted], lang)
    check = registry()["substitution"].func

    def found(target: str) -> list[str]:
        item = Entry(msgid=source, msgstr=target, line=3)
        scope = Scope(catalog=Catalog(file="x.po", lang=lang, doc="x", entries=(item,)),
                      glossary=GLOSSARY, corpus=outside)
        return [f.message for f in check(item, scope)]

    assert found(own) == []
    assert found(reworded) == []
    messages = found(pasted)
    assert len(messages) == 1 and "either way" in messages[0]


def test_the_same_approved_pairs_are_learnt_once_per_process() -> None:
    """The review app checks on every request: unchanged catalogs reuse the corpus it learnt
    (and what it measured), changed ones get a new one."""
    pairs = list(GOOD["ru"].items())
    first = corpus_of(pairs, "ru")
    assert corpus_of(list(reversed(pairs)), "ru") is first
    assert corpus_of(pairs[1:], "ru") is not first
    assert corpus_of(pairs, "ar") is not first


CARE = "This guide explains both options, so you can decide with your care team."


@pytest.mark.parametrize(("lang", "cut", "whole"), [
    ("ru", "Это руководство простыми словами объясняет оба варианта, чтобы вы могли принять "
     "решение вместе с.",
     "Это руководство объясняет оба варианта, чтобы решение приняли вы."),
    ("ar", "يشرح هذا الدليل الخيارين بكلمات بسيطة وواضحة حتى تتمكن من المشاركة في القرار مع.",
     "يشرح هذا الدليل الخيارين حتى تقرر مع فريق الرعاية."),
    ("zh", "本指南解释两种方案，让您能够针对。", "本指南解释两种方案，让您与医护团队一起参与。"),
    ("es", "Esta guía explica ambas opciones para que pueda decidir con su equipo de.",
     "Esta guía explica ambas opciones para que decida con su equipo."),
    ("fr", "Ce guide explique les deux options pour que vous puissiez décider avec.",
     "Ce guide explique les deux options pour que vous décidiez avec votre équipe."),
])
def test_a_translation_ending_on_a_preposition_or_conjunction_is_cut_off(
        lang: str, cut: str, whole: str) -> None:
    """No sentence ends on "с", "من", "针对", "de", "avec" before its full stop: the rest
    was cut off, even when the full stop was kept and the length looks plausible. Words
    that merely end in such letters (参与 "take part", вы "you") are fine."""
    assert "omission" in names(CARE, cut, lang)
    assert "omission" not in names(CARE, whole, lang)


DAILY = "Take it daily for 2 weeks."
TABLETS = "Take 2 tablets three times a day."
STAY = "Stay nearby for three days."
DRUGS = "You will receive fludarabine 30 mg/m² and cyclophosphamide 500 mg/m²."
FEVER = "Call if your temperature is 38 °C for an hour, or 38.5 °C at any time."
WEEKS = "Stay near the centre for at least 4 weeks and do not drive for 8 weeks."
OTHER_DAY = "Take one tablet every other day."


@pytest.mark.parametrize(("lang", "source", "right", "wrong", "check"), [
    # how often: "daily" is a day, "weekly" a week ("daily life" is no period)
    ("es", DAILY, "Tómelo a diario durante 2 semanas.", "Tómelo cada semana durante 2 semanas.",
     "time-units"),
    ("fr", DAILY, "Prenez-le tous les jours pendant 2 semaines.",
     "Prenez-le chaque semaine pendant 2 semaines.", "time-units"),
    ("ru", DAILY, "Принимайте ежедневно в течение 2 недель.",
     "Принимайте еженедельно в течение 2 недель.", "time-units"),
    ("zh", DAILY, "每天服用，持续2周。", "每周服用，持续2周。", "time-units"),
    ("ar", DAILY, "تناوله يوميًا لمدة أسبوعين.", "تناوله أسبوعيًا لمدة أسبوعين.", "time-units"),
    ("ru", "Take it monthly.", "Принимайте ежемесячно.", "Принимайте ежедневно.", "time-units"),
    ("zh", "Take it monthly.", "每月服用一次。", "每周服用一次。", "time-units"),
    ("ar", "Take it monthly.", "تناوله شهريًا.", "تناوله يوميًا.", "time-units"),
    # the Arabic dual is "two": أسبوعين two weeks, قرصين two tablets
    ("ar", TABLETS, "تناول قرصين ثلاث مرات في اليوم.", "تناول قرصًا ثلاث مرات في اليوم.",
     "numbers"),
    ("ar", "Rest for 2 days.", "استرح يومين.", "استرح يومًا.", "numbers"),
    # "N times" counts the number before its word, never the one after "each time"
    ("zh", TABLETS, "每天三次，每次2片。", "每天两次，每次3片。", "frequency"),
    ("es", TABLETS, "Tome 2 comprimidos tres veces al día.",
     "Tome 3 comprimidos dos veces al día.", "frequency"),
    ("ru", "Take it once a week.", "Принимайте раз в неделю.", "Принимайте дважды в неделю.",
     "frequency"),                                      # «раз» with no count before: once
    # a count the source writes in words, replaced by another
    ("ru", STAY, "Оставайтесь рядом три дня.", "Оставайтесь рядом четыре дня.", "numbers"),
    ("es", STAY, "Quédese cerca tres días.", "Quédese cerca cuatro días.", "numbers"),
    ("fr", STAY, "Restez à proximité 3 jours.", "Restez à proximité quatre jours.", "numbers"),
    ("zh", STAY, "请在附近停留三天。", "请在附近停留四天。", "numbers"),
    ("ar", STAY, "ابقَ قريبًا ثلاثة أيام.", "ابقَ قريبًا أربعة أيام.", "numbers"),
    ("ar", "You may hear about two options.", "قد تسمع عن خيارين.", "قد تسمع عن ثلاثة خيارات.",
     "numbers"),                                        # a dual the table lacks is no change
    # values sharing a unit keep their order: the two doses, temperatures, durations swapped
    ("es", DRUGS, "Recibirá fludarabina 30 mg/m² y ciclofosfamida 500 mg/m².",
     "Recibirá fludarabina 500 mg/m² y ciclofosfamida 30 mg/m².", "quantities"),
    ("ru", FEVER, "Звоните, если температура 38 °C держится час или поднялась до 38,5 °C.",
     "Звоните, если температура 38,5 °C держится час или поднялась до 38 °C.", "quantities"),
    ("zh", WEEKS, "请在中心附近停留至少4周，8周内不要驾车。",
     "请在中心附近停留至少8周，4周内不要驾车。", "quantities"),
    ("ar", WEEKS, "ابقَ قرب المركز 4 أسابيع على الأقل، ولا تقد السيارة لمدة 8 أسابيع.",
     "ابقَ قرب المركز 8 أسابيع على الأقل، ولا تقد السيارة لمدة 4 أسابيع.", "quantities"),
    # a duration in emphasis is still a duration; an adjective or ordinal may stand between
    ("es", "Do not eat for _6 hours_ before the test.", "No coma durante _6 horas_ antes.",
     "No coma durante _6 minutos_ antes.", "time-units"),
    ("fr", "Check it every 4 hours for the first 3 weeks.",
     "Vérifiez-la toutes les 4 heures pendant les 3 premières semaines.",
     "Vérifiez-la toutes les 3 heures pendant les 4 premières semaines.", "quantities"),
    ("fr", "The 100-day test is booked.", "L'examen du 100e jour est prévu.",
     "L'examen de la 100e semaine est prévu.", "time-units"),
    ("ru", "The 100-day test is booked.", "Исследование на 100-й день назначено.",
     "Исследование на 100-й неделе назначено.", "time-units"),
    # minutes as part of an hour
    ("fr", "It takes about 15 minutes.", "Cela dure environ un quart d'heure.",
     "Cela dure environ une demi-heure.", "numbers"),
    ("ru", "Measure it again after 30 minutes.", "Измерьте её ещё раз через полчаса.",
     "Измерьте её ещё раз через четверть часа.", "numbers"),
    ("zh", "Measure it again after 30 minutes.", "半小时后再测一次。", "一刻钟后再测一次。",
     "numbers"),
    # every other day is not every day
    ("es", OTHER_DAY, "Tome un comprimido cada dos días.", "Tome un comprimido cada día.",
     "frequency"),
    ("fr", OTHER_DAY, "Prenez un comprimé tous les deux jours.",
     "Prenez un comprimé tous les jours.", "frequency"),
    ("ru", OTHER_DAY, "Принимайте по одной таблетке через день.",
     "Принимайте по одной таблетке каждый день.", "frequency"),
    ("ar", OTHER_DAY, "تناول قرصًا واحدًا كل يومين.", "تناول قرصًا واحدًا كل يوم.", "frequency"),
    ("zh", OTHER_DAY, "请隔天服用一片。", "请每天服用一片。", "frequency"),
    # the 莫 of a drug's name (他克莫司, tacrolimus) negates nothing
    ("zh", "Never stop taking tacrolimus suddenly.", "切勿突然停用他克莫司。",
     "请突然停用他克莫司。", "negation"),
])
def test_periods_duals_and_counts_are_read_as_the_language_writes_them(
        lang: str, source: str, right: str, wrong: str, check: str) -> None:
    assert names(source, right, lang) == []
    assert check in names(source, wrong, lang)


WAIT = "Wait twenty minutes after the 5 ml dose before you eat."
BEGIN = "Begin two to three weeks before surgery and stop 7 days after it."


@pytest.mark.parametrize(("lang", "source", "right", "wrong"), [
    ("es", WAIT, "Espere veinte minutos después de la dosis de 5 ml antes de comer.",
     "Espere veinte horas después de la dosis de 5 ml antes de comer."),
    ("fr", WAIT, "Attendez vingt minutes après la dose de 5 ml avant de manger.",
     "Attendez vingt heures après la dose de 5 ml avant de manger."),
    ("ru", WAIT, "Подождите двадцать минут после дозы 5 мл, прежде чем есть.",
     "Подождите двадцать часов после дозы 5 мл, прежде чем есть."),
    ("ar", WAIT, "انتظر عشرين دقيقة بعد جرعة 5 مل قبل أن تأكل.",
     "انتظر عشرين ساعة بعد جرعة 5 مل قبل أن تأكل."),
    ("zh", WAIT, "服用5毫升后等二十分钟再进食。", "服用5毫升后等二十小时再进食。"),
    ("es", BEGIN, "Empiece entre dos y tres semanas antes de la cirugía y deje de usarlo "
     "7 días después.", "Empiece entre dos y tres días antes de la cirugía y deje de "
     "usarlo 7 días después."),
    ("fr", BEGIN, "Commencez deux à trois semaines avant l'opération et arrêtez 7 jours après.",
     "Commencez deux à trois jours avant l'opération et arrêtez 7 jours après."),
    ("ru", BEGIN, "Начните за две-три недели до операции и прекратите через 7 дней после неё.",
     "Начните за два-три дня до операции и прекратите через 7 дней после неё."),
    ("ar", BEGIN, "ابدأ قبل الجراحة بمدة تتراوح بين أسبوعين وثلاثة أسابيع، وتوقف بعد 7 أيام "
     "منها.", "ابدأ قبل الجراحة بمدة تتراوح بين يومين وثلاثة أيام، وتوقف بعد 7 أيام منها."),
    ("zh", BEGIN, "请在手术前两到三周开始使用，术后7天停用。",
     "请在手术前两到三天开始使用，术后7天停用。"),
    # Russian says one hour with the noun alone («через час»); another unit is no hour
    ("ru", "Take 1 mg now and 0.5 mg one hour later.", "Примите 1 мг сейчас и 0,5 мг через час.",
     "Примите 1 мг сейчас и 0,5 мг через минуту."),
])
def test_durations_counted_in_english_words_keep_their_unit(lang: str, source: str, right: str,
                                                            wrong: str) -> None:
    """"twenty minutes", "two to three weeks": the count in words, paired with its unit."""
    assert names(source, right, lang) == []
    assert "quantities" in names(source, wrong, lang)


@pytest.mark.parametrize(("lang", "target"), [
    ("ru", "Многие пациенты спрашивают, чем CAR-T отличается от трансплантации в повседневной "
     "жизни."),
    ("fr", "Beaucoup de patients demandent ce que changent CAR-T et greffe dans la vie de tous "
     "les jours."),
])
def test_daily_life_is_not_a_period(lang: str, target: str) -> None:
    source = "Many patients ask how CAR-T vs. transplant compares in daily life."
    assert "time-units" not in names(source, target, lang)


@pytest.mark.parametrize(("lang", "source", "target", "left"), [
    ("ru", "You may feel very tired for several weeks.",
     "Несколько недель вы можете чувствовать сильную tiredness.", "tiredness"),
    ("ru", "Wash fruit and vegetables carefully.", "Carefully мойте фрукты и овощи.",
     "Carefully"),
    ("ar", "Rest when you feel tired.", "استرح عندما تشعر بالـ fatigue.", "fatigue"),
    ("zh", "Wash your hands carefully.", "Carefully洗手。", "Carefully"),
])
def test_latin_words_in_another_script_are_english_left_in(lang: str, source: str,
                                                           target: str, left: str) -> None:
    """In Cyrillic, Arabic or Chinese text a lower-case Latin word is English left in even
    where the source says it otherwise, and a source word capitalized at a sentence's start
    is too; names, units and e-mail addresses are not."""
    assert "leftover-english" in names(source, target, lang)
    assert "leftover-english" not in names(
        source, target.replace(left, "Meridian mg/kg info@example-hospital.org"), lang)


VACCINES = "The booster is given at 6, 10 and 14 weeks, and the last dose at 12 months."
RASH_48 = "Keep your child at home for 48 hours after the last time they vomit."
DAY_3 = "Start the injections on day 3 of your cycle and come to clinic in week 2."
HOLD_30 = "Hold each position for 30 seconds."
MORNING_NIGHT = "Take one tablet in the morning and two at night."
GEL = "Apply the gel three to four times a day."
FLUORIDE = "Use the fluoride gel once a week for 4 weeks."
STEPS = ("Take one 5 mg tablet once a day for a week, then one 5 mg tablet twice a day, and "
         "from week 3 one 10 mg tablet twice a day.")
COURSE = "Take one capsule twice a day for 5 days, then once a day for 10 days."
CAPSULES = "Take 2 capsules once a week for 4 weeks, then 1 capsule once a month."
RESTART = "Do not restart the tablets until your blood test is normal."
UNLESS = "Take naproxen with food unless you have a stomach ulcer."
UNTIL = "Keep the dressing on until the wound has healed."
PRESSURE = "Keep your blood pressure below 140/90; if the top number reaches 160 or more, call us."
SIDES = "Repeat the exercise 5 times to each side, 3 times a day."
IN_A_ROW = "If your blood glucose is above 14 mmol/L twice in a row, check the tubing."
STEROID_CARD = "Carry your steroid emergency card at all times."
SALT_500 = "Dissolve one teaspoon of salt in 500 ml of warm water."
BEFORE_30_60 = "Take it 30 to 60 minutes before breakfast."
NOT_PROPERLY = "If you do not wait 30 minutes, it may not be absorbed properly."
HIP_LEGS = ("For six weeks, do not bend your hip past 90 degrees, and do not cross your legs, "
            "even in bed.")
BEEP = "When the pump beeps twice, check the tubing for bends."
MONDAY = "Your scan is on Tuesday 9 March 2027 at 10:00."
CYCLE = "Take the tablets for 21 days of each 28-day cycle."
BREAK = "Take one tablet daily for 21 days, then have a 7-day break."


# Counts, days and negations written as translators write them (the eighth and ninth
# probe sets): right passes, wrong is found.
INR_DATE = "Your next INR check is due on 07/11/2024."
KIT = "You will be sent a screening kit every two years."
SAFE = "It is safe to take paracetamol while breastfeeding."
JUICE = "Avoid sugary drinks, including fruit juice."
WEEKS = "Start the cream in week 2 and stop it in week 4."
NO_FAST = "You can eat and drink normally before your cystoscopy; you do not need to fast."
AGES = ("You will be sent a kit every 2 years from the age of 60; if you are over 75, you can "
        "ask for one.")
SALBUTAMOL = "Take 2 puffs of your salbutamol inhaler."
OATS = ("Oats are not always safe for people with coeliac disease unless they are labelled "
        "gluten-free.")
GLUTEN = "People with coeliac disease must avoid gluten, which is found in wheat, barley and rye."
WRITTEN_AS_TRANSLATORS_DO = [
    # values sharing one unit across a list keep it, however the language repeats its
    # preposition; a value moved to the other unit is still found
    ("es", VACCINES, "El refuerzo se pone a las 6, a las 10 y a las 14 semanas, y la última "
     "dosis a los 12 meses.", "El refuerzo se pone a las 6, a las 10 y a los 14 meses, y la "
     "última dosis a las 12 semanas.", "quantities"),
    ("ru", VACCINES, "Бустерную дозу вводят в 6, 10 и 14 недель, а последнюю — в 12 месяцев.",
     "Бустерную дозу вводят в 6, 10 и 12 недель, а последнюю — в 14 месяцев.", "quantities"),
    ("zh", VACCINES, "加强针在6、10和14周时接种，最后一剂在12个月时接种。",
     "加强针在6、10和12周时接种，最后一剂在14个月时接种。", "quantities"),
    # a duration said in the next larger unit: 48 hours as two days
    ("es", RASH_48, "Mantenga a su hijo en casa durante dos días después del último vómito.",
     "Mantenga a su hijo en casa durante tres días después del último vómito.", "numbers"),
    ("ru", RASH_48, "Оставьте ребёнка дома на двое суток после последней рвоты.",
     "Оставьте ребёнка дома на трое суток после последней рвоты.", "numbers"),
    ("ar", RASH_48, "أبقِ طفلك في البيت يومين بعد آخر قيء.",
     "أبقِ طفلك في البيت ثلاثة أيام بعد آخر قيء.", "numbers"),
    ("zh", RASH_48, "最后一次呕吐后，请让孩子在家待两天。", "最后一次呕吐后，请让孩子在家待三天。",
     "numbers"),
    # "day 3", "week 2" said as ordinals
    ("es", DAY_3, "Empiece las inyecciones el tercer día del ciclo y venga a la consulta la "
     "segunda semana.", "Empiece las inyecciones el cuarto día del ciclo y venga a la consulta "
     "la segunda semana.", "numbers"),
    ("fr", DAY_3, "Commencez les injections au troisième jour du cycle et venez à la "
     "consultation la deuxième semaine.", "Commencez les injections au cinquième jour du "
     "cycle et venez à la consultation la deuxième semaine.", "numbers"),
    ("ru", DAY_3, "Начните уколы на третий день цикла и приходите в клинику на второй "
     "неделе.", "Начните уколы на пятый день цикла и приходите в клинику на второй неделе.",
     "numbers"),
    ("ar", DAY_3, "ابدئي الحقن في اليوم الثالث من الدورة وراجعي العيادة في الأسبوع الثاني.",
     "ابدئي الحقن في اليوم الرابع من الدورة وراجعي العيادة في الأسبوع الثاني.", "numbers"),
    # "twice" said as a count of what happens: two beeps, not three
    ("es", BEEP, "Cuando la bomba emita dos pitidos, compruebe que el tubo no esté doblado.",
     "Cuando la bomba emita tres pitidos, compruebe que el tubo no esté doblado.",
     "frequency"),
    ("ru", BEEP, "Когда помпа подаст два сигнала, проверьте, не перегнута ли трубка.",
     "Когда помпа подаст три сигнала, проверьте, не перегнута ли трубка.", "frequency"),
    # a weekday of the source said as another one
    ("es", MONDAY, "Su exploración es el martes 9 de marzo de 2027 a las 10:00.",
     "Su exploración es el miércoles 9 de marzo de 2027 a las 10:00.", "dates"),
    ("ru", MONDAY, "Обследование назначено на вторник, 9 марта 2027 года, в 10:00.",
     "Обследование назначено на среду, 9 марта 2027 года, в 10:00.", "dates"),
    ("ar", MONDAY, "موعد التصوير يوم الثلاثاء 9 مارس 2027 الساعة 10:00.",
     "موعد التصوير يوم الأربعاء 9 مارس 2027 الساعة 10:00.", "dates"),
    ("zh", MONDAY, "您的扫描安排在2027年3月9日星期二10:00。",
     "您的扫描安排在2027年3月9日星期三10:00。", "dates"),
    # a count that names a thing (a 28-day cycle) may move; a duration swapped into it not
    ("zh", CYCLE, "每个28天周期中服药21天。", "每个21天周期中服药28天。", "quantities"),
    ("es", BREAK, "Tome un comprimido al día durante 21 días y después haga un descanso de 7 "
     "días.", "Tome un comprimido al día durante 7 días y después haga un descanso de 21 "
     "días.", "quantities"),
    # negations the languages say their own way
    ("zh", "Painkillers are not a cure for the infection.", "止痛药并非治疗感染的药物。",
     "止痛药是治疗感染的药物。", "negation"),
    ("zh", "Do not eat or drink for 6 hours before the scan.", "检查前6小时禁食禁水。",
     "检查前6小时进食饮水。", "negation"),
    ("ar", "You must not drive for 2 weeks.", "يُمنع عليك قيادة السيارة لمدة أسبوعين.",
     "يُسمح لك بقيادة السيارة لمدة أسبوعين.", "negation"),
    ("es", "Do not cover the patch and do not remove it for 12 hours.", "No cubra el parche "
     "ni se lo quite durante 12 horas.", "No cubra el parche y quíteselo durante 12 horas.",
     "negation"),
    ("ru", "Avoid alcohol while you take these tablets.", "Откажитесь от алкоголя, пока "
     "принимаете эти таблетки.", "Употребляйте алкоголь, пока принимаете эти таблетки.",
     "negation"),
    # Arabic numbers: 15 in words after a clitic, one day as the noun alone, a range of words
    ("ar", "Arrive 15 minutes early.", "يُرجى الحضور قبل الموعد بخمس عشرة دقيقة.",
     "يُرجى الحضور قبل الموعد بخمس دقائق.", "numbers"),
    ("ar", "Start the tablets 1 to 2 days before you travel.", "ابدأ الأقراص قبل السفر بيوم "
     "إلى يومين.", "ابدأ الأقراص قبل السفر بيوم إلى 3 أيام.", "numbers"),
    ("ar", "Chew each mouthful 20 times.", "امضغ كل لقمة 20 مرة.", "امضغ كل لقمة مرة.",
     "frequency"),
    # "with food" said "without food": a negation added
    ("es", "Take the tablets with food.", "Tome los comprimidos con alimentos.",
     "Tome los comprimidos sin alimentos.", "negation"),
    ("fr", "Take the tablets with food.", "Prenez les comprimés avec de la nourriture.",
     "Prenez les comprimés sans nourriture.", "negation"),
    ("ar", "Take the tablets with food.", "تناول الأقراص مع الغذاء.",
     "تناول الأقراص بدون غذاء.", "negation"),
    # …and food the dictionaries do not give for "food" (`langdata.FOOD`)
    ("fr", "Take your tablets in the morning with food.", "Prenez vos comprimés le matin "
     "pendant le repas.", "Prenez vos comprimés le matin sans repas.", "negation"),
    ("ru", "Take your tablets in the morning with food.", "Принимайте таблетки утром во "
     "время еды.", "Принимайте таблетки утром без еды.", "negation"),
    # "once" as how often, not "at once" or "once opened"
    ("es", "Repeat the treatment once, 7 days later, and call us at once if it burns.",
     "Repita el tratamiento una vez, 7 días después, y llámenos de inmediato si le arde.",
     "Repita el tratamiento dos veces, 7 días después, y llámenos de inmediato si le arde.",
     "frequency"),
    # "over several months" keeps its unit
    ("ru", "The dose is reduced slowly over several months.", "Дозу снижают постепенно в "
     "течение нескольких месяцев.", "Дозу снижают постепенно в течение нескольких дней.",
     "time-units"),
    # two weekdays: one kept and one changed is found
    ("fr", "Your collection is on Thursday 20 November; inject at 10 pm on Tuesday 18 November.",
     "Votre ponction a lieu le jeudi 20 novembre ; faites l'injection à 22 h le mardi "
     "18 novembre.", "Votre ponction a lieu le jeudi 20 novembre ; faites l'injection à 22 h le "
     "mercredi 18 novembre.", "dates"),
    # two things counted, each given the other's count
    ("ru", "Take two tablets in the morning and one capsule at night.", "Принимайте две "
     "таблетки утром и одну капсулу вечером.", "Принимайте одну таблетку утром и две капсулы "
     "вечером.", "quantities"),
    # two medicines given each other's doses (the first number after each one's name)
    ("ru", "Take paracetamol 1 g every 6 hours and ibuprofen 400 mg every 8 hours.",
     "Принимайте парацетамол по 1 г каждые 6 часов и ибупрофен по 400 мг каждые 8 часов.",
     "Принимайте парацетамол по 400 мг каждые 6 часов и ибупрофен по 1 г каждые 8 часов.",
     "quantities"),
    ("zh", "Take paracetamol 1 g every 6 hours and ibuprofen 400 mg every 8 hours.",
     "每6小时服用对乙酰氨基酚1克，每8小时服用布洛芬400毫克。",
     "每6小时服用对乙酰氨基酚400毫克，每8小时服用布洛芬1克。", "quantities"),
    # a date in figures, day first, written with its month's name; read month first, found
    ("ar", INR_DATE, "موعد فحص INR القادم في 7 نوفمبر 2024.",
     "موعد فحص INR القادم في 7 أكتوبر 2024.", "numbers"),
    ("es", INR_DATE, "Su próximo control de INR es el 7 de noviembre de 2024.",
     "Su próximo control de INR es el 11 de julio de 2024.", "dates"),
    ("ru", INR_DATE, "Следующий анализ на МНО — 7 ноября 2024 г.",
     "Следующий анализ на МНО — 11 июля 2024 г.", "dates"),
    # Arabic: the article on both words of twenty-four, the dual of a puff, a year for one
    ("ar", "Do not leave your child alone for the first 24 hours.",
     "لا تترك طفلك وحده خلال الساعات الأربع والعشرين الأولى.",
     "لا تترك طفلك وحده خلال الساعات الأربع والثلاثين الأولى.", "numbers"),
    ("ar", "Take 2 puffs of your blue reliever inhaler.", "خذ بختين من بخاخ التخفيف الأزرق.",
     "خذ ثلاث بخات من بخاخ التخفيف الأزرق.", "numbers"),
    ("ar", "For a child aged 1 to 3, give 5 ml.", "للطفل من عمر سنة إلى 3 سنوات، أعطِ 5 مل.",
     "للطفل من عمر سنة إلى 5 سنوات، أعطِ 5 مل.", "numbers"),
    # a name the language writes as English does is no English left; in Cyrillic it is
    ("es", SALBUTAMOL, "Haga 2 inhalaciones con su inhalador de salbutamol.",
     "Haga 2 inhalaciones con su inhaler de salbutamol.", "leftover-english"),
    ("ru", SALBUTAMOL, "Сделайте 2 вдоха из ингалятора сальбутамола.",
     "Сделайте 2 вдоха из ингалятора salbutamol.", "leftover-english"),
    # "not always … unless … gluten-free": the «sin» after «salvo que» is no "not"
    ("es", OATS, "La avena no siempre es segura para las personas con celiaquía, salvo que "
     "esté etiquetada como sin gluten.", "La avena siempre es segura para las personas con "
     "celiaquía, salvo que esté etiquetada como sin gluten.", "negation"),
    # an expletive («hasta que») takes a "not", never the source's "without" («sin mareos»)
    ("es", "Do the vertigo exercises every day until you have gone two days without dizziness.",
     "Haga los ejercicios para el vértigo todos los días hasta que pase dos días seguidos sin "
     "mareos.", "Haga los ejercicios para el vértigo todos los días hasta que pase dos días "
     "seguidos con mareos.", "negation"),
    # "avoid" said as rule out
    ("ru", GLUTEN, "Людям с целиакией необходимо исключить глютен, который содержится в "
     "пшенице, ячмене и ржи.", "Людям с целиакией необходимо употреблять глютен, который "
     "содержится в пшенице, ячмене и ржи.", "negation"),
    # every two years said every year
    ("es", KIT, "Se le enviará un kit de cribado cada dos años.",
     "Se le enviará un kit de cribado cada año.", "frequency"),
    ("fr", KIT, "Un kit de dépistage vous sera envoyé tous les deux ans.",
     "Un kit de dépistage vous sera envoyé tous les ans.", "frequency"),
    ("ru", KIT, "Набор для скрининга будут присылать раз в два года.",
     "Набор для скрининга будут присылать раз в год.", "frequency"),
    ("ar", KIT, "سيُرسل إليك طقم الفحص كل سنتين.", "سيُرسل إليك طقم الفحص كل عام.",
     "frequency"),
    ("ru", "Check your child's height every 6 months.", "Измеряйте рост ребёнка раз в "
     "полгода.", "Измеряйте рост ребёнка раз в месяц.", "frequency"),
    # two numbers given each other's roles: from the age of 60, over 75
    ("es", AGES, "Recibirá un kit cada 2 años a partir de los 60 años; si tiene más de 75, "
     "puede solicitarlo.", "Recibirá un kit cada 2 años a partir de los 75 años; si tiene más "
     "de 60, puede solicitarlo.", "quantities"),
    ("ru", AGES, "Начиная с 60 лет вам будут присылать набор каждые 2 года; если вам больше 75 "
     "лет, его можно запросить.", "Начиная с 75 лет вам будут присылать набор каждые 2 года; "
     "если вам больше 60 лет, его можно запросить.", "quantities"),
    ("ar", AGES, "سيُرسل إليك طقم الفحص كل سنتين بدءاً من سن 60، وإذا كان عمرك أكثر من 75 عاماً "
     "فيمكنك طلبه.", "سيُرسل إليك طقم الفحص كل سنتين بدءاً من سن 75، وإذا كان عمرك أكثر من "
     "60 عاماً فيمكنك طلبه.", "quantities"),
    ("fr", AGES, "Vous recevrez un kit tous les 2 ans dès 60 ans ; à 75 ans ou plus, vous "
     "pouvez en demander un.", "Vous recevrez un kit tous les 2 ans à partir de 75 ans ; si "
     "vous avez plus de 60 ans, vous pouvez en demander un.", "quantities"),
    # the word for fasting says the source's "fast", not a "not" («无需禁食», «en ayunas»)
    ("zh", NO_FAST, "膀胱镜检查前可以正常饮食，无需禁食。", "膀胱镜检查前可以正常饮食，需要禁食。",
     "negation"),
    ("es", NO_FAST, "Puede comer y beber con normalidad antes de la cistoscopia; no necesita "
     "estar en ayunas.", "Puede comer y beber con normalidad antes de la cistoscopia; necesita "
     "estar en ayunas.", "negation"),
    # «sans danger» is without a noun (safe), not «sans» before a verb: "not always" gone
    ("fr", OATS, "L'avoine n'est pas toujours sans danger pour les personnes atteintes de "
     "maladie cœliaque, sauf si elle porte la mention « sans gluten ».", "L'avoine est "
     "toujours sans danger pour les personnes atteintes de maladie cœliaque, sauf si elle "
     "porte la mention « sans gluten ».", "negation"),
    # two things counted in words given each other's counts, where the source has digits too
    ("ru", "From week 4, take two tablets in the morning and one capsule at night.",
     "С 4-й недели принимайте две таблетки утром и одну капсулу на ночь.",
     "С 4-й недели принимайте одну таблетку утром и две капсулы на ночь.", "quantities"),
    # points in time named by their number keep their order ("in week 2 … in week 4")
    ("es", WEEKS, "Empiece la crema en la semana 2 y déjela en la semana 4.",
     "Empiece la crema en la semana 4 y déjela en la semana 2.", "quantities"),
    ("zh", WEEKS, "第2周开始使用乳膏，第4周停用。", "第4周开始使用乳膏，第2周停用。", "quantities"),
    ("ru", WEEKS, "Начните наносить крем на 2-й неделе и прекратите на 4-й неделе.",
     "Начните наносить крем на 4-й неделе и прекратите на 2-й неделе.", "quantities"),
    # the example the source gives dropped ("including fruit juice")
    ("es", JUICE, "Evite las bebidas azucaradas, incluido el zumo de frutas.",
     "Evite las bebidas azucaradas.", "omission"),
    ("zh", JUICE, "避免含糖饮料，包括果汁。", "避免含糖饮料。", "omission"),
    # "it is safe" said "it is not safe" (a negation added where the source has none)
    ("es", SAFE, "Es seguro tomar paracetamol durante la lactancia.",
     "No es seguro tomar paracetamol durante la lactancia.", "negation"),
    ("ar", SAFE, "من الآمن تناول الباراسيتامول أثناء الرضاعة الطبيعية.",
     "من غير الآمن تناول الباراسيتامول أثناء الرضاعة الطبيعية.", "negation"),
    ("zh", SAFE, "哺乳期间服用对乙酰氨基酚是安全的。", "哺乳期间服用对乙酰氨基酚是不安全的。",
     "negation"),
    # a relative clause opens the list ("gluten, which is found in wheat, barley and rye")
    ("ar", GLUTEN, "يجب على مرضى الداء البطني تجنب الغلوتين الموجود في القمح والشعير "
     "والجاودار.", "يجب على مرضى الداء البطني تجنب الغلوتين الموجود في القمح والشعير.",
     "omission"),
]


INSULIN = "Inject 12 units of insulin before breakfast and 8 units before your evening meal."
WEIGH = "Weigh yourself every day before breakfast and write the result in your dialysis diary."
FASTING = "Take the capsules with a full glass of water and without food."


@pytest.mark.parametrize(("lang", "source", "right", "wrong", "check"), [
    # units of insulin are a measure: two doses swapped between meals are found
    ("es", INSULIN, "Inyéctese 12 unidades de insulina antes del desayuno y 8 unidades antes "
     "de la cena.", "Inyéctese 8 unidades de insulina antes del desayuno y 12 unidades antes "
     "de la cena.", "quantities"),
    ("fr", INSULIN, "Injectez 12 unités d'insuline avant le petit-déjeuner et 8 unités avant "
     "le dîner.", "Injectez 8 unités d'insuline avant le petit-déjeuner et 12 unités avant le "
     "dîner.", "quantities"),
    ("ru", INSULIN, "Вводите 12 единиц инсулина перед завтраком и 8 единиц перед ужином.",
     "Вводите 8 единиц инсулина перед завтраком и 12 единиц перед ужином.", "quantities"),
    ("ar", INSULIN, "احقن 12 وحدة من الإنسولين قبل الإفطار و8 وحدات قبل العشاء.",
     "احقن 8 وحدات من الإنسولين قبل الإفطار و12 وحدة قبل العشاء.", "quantities"),
    ("zh", INSULIN, "早餐前注射12单位胰岛素，晚餐前注射8单位。",
     "早餐前注射8单位胰岛素，晚餐前注射12单位。", "quantities"),
    # every day said as every week (a diary, «diario», 日记, is no day)
    ("es", WEIGH, "Pésese cada día antes del desayuno y anote el resultado en su diario de "
     "diálisis.", "Pésese todas las semanas antes del desayuno y anote el resultado en su "
     "diario de diálisis.", "frequency"),
    ("fr", WEIGH, "Pesez-vous tous les jours avant le petit-déjeuner et notez le résultat dans "
     "votre carnet de dialyse.", "Pesez-vous toutes les semaines avant le petit-déjeuner et "
     "notez le résultat dans votre carnet de dialyse.", "frequency"),
    ("ru", WEIGH, "Взвешивайтесь каждый день перед завтраком и записывайте результат в "
     "дневник диализа.", "Взвешивайтесь каждую неделю перед завтраком и записывайте "
     "результат в дневник диализа.", "frequency"),
    ("ar", WEIGH, "زن نفسك كل يوم قبل الإفطار وسجّل النتيجة في مفكرة الغسيل الكلوي.",
     "زن نفسك كل أسبوع قبل الإفطار وسجّل النتيجة في مفكرة الغسيل الكلوي.", "frequency"),
    ("zh", WEIGH, "每天早餐前称体重，并将结果记在透析日记里。",
     "每周早餐前称体重，并将结果记在透析日记里。", "frequency"),
    # "only once": «une seule fois», «una sola vez»
    ("fr", "Methotrexate is taken only once a week.", "Le méthotrexate se prend une seule "
     "fois par semaine.", "Le méthotrexate se prend deux fois par semaine.", "frequency"),
    ("es", "Methotrexate is taken only once a week.", "El metotrexato se toma una sola vez "
     "a la semana.", "El metotrexato se toma dos veces a la semana.", "frequency"),
    # a time of day with a dot (14.30) and a count with its classifier (四个小时)
    ("ru", "Your appointment is at 2:30 pm on 4 May 2027.", "Вы записаны на приём в 14.30 "
     "4 мая 2027 г.", "Вы записаны на приём в 15.30 4 мая 2027 г.", "numbers"),
    ("zh", "Dialysis sessions usually last about 4 hours.", "每次透析一般要四个小时左右。",
     "每次透析一般要四天左右。", "time-units"),
    # "without food" said as "on an empty stomach" or "away from meals"
    ("fr", FASTING, "Prenez les gélules avec un grand verre d'eau, en dehors des repas.",
     "Prenez les gélules avec un grand verre d'eau, pendant les repas.", "negation"),
    ("es", FASTING, "Tome las cápsulas con un vaso lleno de agua y en ayunas.",
     "Tome las cápsulas con un vaso lleno de agua y con comida.", "negation"),
    ("ru", FASTING, "Принимайте капсулы натощак, запивая полным стаканом воды.",
     "Принимайте капсулы во время еды, запивая полным стаканом воды.", "negation"),
    ("zh", FASTING, "请空腹服用胶囊，并用一满杯水送服。", "请随餐服用胶囊，并用一满杯水送服。",
     "negation"),
    # "not using" said by a participle with не; «непастеризованный» says "unpasteurised" and
    # no "not" of its clause
    ("ru", "Store the insulin pens you are not using in the fridge.", "Храните "
     "неиспользуемые шприц-ручки с инсулином в холодильнике.", "Храните используемые "
     "шприц-ручки с инсулином в холодильнике.", "negation"),
    ("ru", "Do not eat raw eggs or unpasteurised cheese.", "Не ешьте сырые яйца и "
     "непастеризованный сыр.", "Ешьте сырые яйца и непастеризованный сыр.", "negation"),
    # "never … without": both said («nunca … sin»); "without … first" said "before"; "not
    # safe" said "dangerous"
    ("es", "Never sit in strong sun without sun cream.", "Nunca se exponga al sol intenso "
     "sin protector solar.", "Siempre se exponga al sol intenso sin protector solar.",
     "negation"),
    ("zh", "Do not have an MRI scan without first speaking to your team.",
     "在先咨询您的团队之前，请不要做核磁共振检查。", "在先咨询您的团队之前，请做核磁共振检查。",
     "negation"),
    ("es", "Do not have an MRI scan without first speaking to your team.", "No se haga una "
     "resonancia magnética antes de hablar con su equipo.", "Hágase una resonancia "
     "magnética antes de hablar con su equipo.", "negation"),
    ("fr", "It is not safe to smoke in a room where oxygen is used.", "Il est dangereux de "
     "fumer dans une pièce où l'on utilise de l'oxygène.", "Il est recommandé de fumer dans "
     "une pièce où l'on utilise de l'oxygène.", "negation"),
    # times of day as the language writes them: 20h30, ١:٠٠; a month in its prepositional case;
    # "at least 2 metres away" as «не ближе 2 метров»
    ("fr", "Please arrive at 8:30 pm.", "Merci de vous présenter à 20h30.",
     "Merci de vous présenter à 21h30.", "numbers"),
    ("ar", "The clinic is open from 7:30 am to 1 pm.", "تفتح العيادة من ٧:٣٠ صباحًا إلى ١:٠٠ ظهرًا.",
     "تفتح العيادة من ٧:٣٠ صباحًا إلى ٢:٠٠ ظهرًا.", "numbers"),
    ("ru", "Your tests will be repeated in January 2027.", "Анализы вам повторят в январе "
     "2027 года.", "Анализы вам повторят в феврале 2027 года.", "dates"),
    ("ru", "Keep the cylinder at least 2 metres away from any heater.", "Держите баллон не "
     "ближе 2 метров от любых обогревателей.", "Держите баллон ближе 2 метров от любых "
     "обогревателей.", "quantities"),
    # "every hour" is no "every three hours"; "every night" no "every other night"
    ("es", "In hot weather, offer a drink every hour.", "Cuando haga calor, ofrezca algo de "
     "beber cada hora.", "Cuando haga calor, ofrezca algo de beber cada tres horas.",
     "frequency"),
    ("fr", "In hot weather, offer a drink every hour.", "Par temps chaud, proposez à boire "
     "toutes les heures.", "Par temps chaud, proposez à boire toutes les trois heures.",
     "frequency"),
    ("ru", "In hot weather, offer a drink every hour.", "В жару предлагайте попить каждый "
     "час.", "В жару предлагайте попить каждые три часа.", "frequency"),
    ("ar", "In hot weather, offer a drink every hour.", "في الطقس الحار، قدّم مشروبًا كل ساعة.",
     "في الطقس الحار، قدّم مشروبًا كل ثلاث ساعات.", "frequency"),
    ("zh", "In hot weather, offer a drink every hour.", "天气炎热时，每小时给一次水。",
     "天气炎热时，每三小时给一次水。", "frequency"),
    ("es", "Wear the splint every night.", "Use la férula todas las noches.",
     "Use la férula cada dos noches.", "frequency"),
    ("fr", "Wear the splint every night.", "Portez l'attelle toutes les nuits.",
     "Portez l'attelle une nuit sur deux.", "frequency"),
    ("ru", "Wear the splint every night.", "Надевайте шину каждую ночь.",
     "Надевайте шину через ночь.", "frequency"),
    ("ar", "Wear the splint every night.", "ارتدِ الجبيرة كل ليلة.", "ارتدِ الجبيرة كل ليلتين.",
     "frequency"),
    ("zh", "Wear the splint every night.", "请每晚佩戴夹板。", "请每隔一晚佩戴夹板。", "frequency"),
    # metres, and a noun the source counts twice, keep their values' order
    ("es", "Above 3,000 metres, do not climb more than 500 metres a day.", "Por encima de "
     "los 3000 metros, no suba más de 500 metros al día.", "Por encima de los 500 metros, no "
     "suba más de 3000 metros al día.", "quantities"),
    ("es", "Drink 2 cups of water in the morning and 1 cup at night.", "Beba 2 tazas de "
     "agua por la mañana y 1 taza por la noche.", "Beba 1 taza de agua por la mañana y 2 "
     "tazas por la noche.", "quantities"),
    ("ru", "Eat no more than 2 portions of fruit and 3 portions of vegetables a day.",
     "Съедайте не более 2 порций фруктов и 3 порций овощей в день.", "Съедайте не более 3 "
     "порций фруктов и 2 порций овощей в день.", "quantities"),
    # counts in words past twelve, durations in hours and minutes, Chinese 两三
    ("es", "You can shower 48 hours after the operation.", "Podrá ducharse cuarenta y ocho "
     "horas después de la operación.", "Podrá ducharse cuarenta y nueve horas después de la "
     "operación.", "numbers"),
    ("fr", "You can shower 48 hours after the operation.", "Vous pourrez vous doucher "
     "quarante-huit heures après l'opération.", "Vous pourrez vous doucher quarante-neuf "
     "heures après l'opération.", "numbers"),
    ("ru", "You can shower 48 hours after the operation.", "Принять душ можно через сорок "
     "восемь часов после операции.", "Принять душ можно через сорок девять часов после "
     "операции.", "numbers"),
    ("fr", "The injection takes about 10 minutes.", "L'injection prend une dizaine de "
     "minutes.", "L'injection prend une vingtaine de minutes.", "numbers"),
    ("fr", "The procedure takes about 1.5 hours.", "L'intervention dure environ 1 h 30.",
     "L'intervention dure environ 2 h 30.", "numbers"),
    ("zh", "Your hand may feel stiff for 2 to 3 weeks.", "手术后两三周内手可能会有僵硬感。",
     "手术后三四周内手可能会有僵硬感。", "numbers"),
    ("ar", "Eat no more than 2 portions of fruit a day.", "لا تتناول أكثر من حصتين من الفاكهة "
     "يوميًا.", "لا تتناول أكثر من ثلاث حصص من الفاكهة يوميًا.", "numbers"),
    # «une personne» is a person; 不适用 says "not suitable"
    ("fr", "Never give drinks to a person who is unconscious.", "Ne donnez jamais à boire à "
     "une personne inconsciente.", "Donnez toujours à boire à une personne inconsciente.",
     "negation"),
    ("zh", "Head lice lotion is not suitable for babies under 6 months.",
     "头虱洗剂不适用于6个月以下的婴儿。", "头虱洗剂适用于6个月以下的婴儿。", "negation"),
    # a glossary noun said as its adjective: «инфузия», «в инфузионном зале»
    ("ru", "Bring a warm jumper, because the infusion room can get cold.", "Возьмите тёплый "
     "свитер: в инфузионном зале может быть холодно.", "Возьмите тёплый свитер: в "
     "процедурном зале может быть холодно.", "glossary"),
    # an amount said in a neighbouring unit: half a minute, sixty minutes, half a litre
    ("es", HOLD_30, "Mantenga cada postura medio minuto.", "Mantenga cada postura un minuto.",
     "numbers"),
    ("fr", HOLD_30, "Gardez chaque position une demi-minute.", "Gardez chaque position une "
     "minute.", "numbers"),
    ("ru", HOLD_30, "Держите каждую позу полминуты.", "Держите каждую позу минуту.", "numbers"),
    ("ar", HOLD_30, "حافظ على كل وضعية نصف دقيقة.", "حافظ على كل وضعية دقيقة.", "numbers"),
    ("zh", HOLD_30, "每个姿势保持半分钟。", "每个姿势保持一分钟。", "numbers"),
    ("es", SALT_500, "Disuelva una cucharadita de sal en medio litro de agua templada.",
     "Disuelva una cucharadita de sal en un litro de agua templada.", "numbers"),
    ("ru", SALT_500, "Растворите чайную ложку соли в пол-литре тёплой воды.", "Растворите "
     "чайную ложку соли в литре тёплой воды.", "numbers"),
    ("ar", SALT_500, "أذب ملعقة صغيرة من الملح في نصف لتر من الماء الدافئ.", "أذب ملعقة "
     "صغيرة من الملح في لترين من الماء الدافئ.", "numbers"),
    ("es", "Take it at least 1 hour before breakfast.", "Tómelo como mínimo sesenta minutos "
     "antes del desayuno.", "Tómelo como mínimo treinta minutos antes del desayuno.",
     "numbers"),
    ("ru", "Take it at least 1 hour before breakfast.", "Принимайте его не менее чем за "
     "шестьдесят минут до завтрака.", "Принимайте его не менее чем за тридцать минут до "
     "завтрака.", "numbers"),
    ("ru", BEFORE_30_60, "Принимайте его за полчаса–час до завтрака.", "Принимайте его за "
     "полчаса–два часа до завтрака.", "numbers"),
    ("fr", BEFORE_30_60, "Prenez-le une demi-heure à une heure avant le petit-déjeuner.",
     "Prenez-le une demi-heure à deux heures avant le petit-déjeuner.", "numbers"),
    ("ar", BEFORE_30_60, "تناوله قبل الفطور بنصف ساعة إلى ساعة.", "تناوله قبل الفطور بنصف "
     "ساعة إلى ساعتين.", "numbers"),
    ("ru", "Do the exercises 3 times a day.", "Делайте упражнения трижды в день.",
     "Делайте упражнения дважды в день.", "numbers"),
    # a negation inside emphasis; "not … properly" said "badly"; clauses in another order
    ("es", "_Do not bend_ your hip past 90 degrees.", "_No doble_ la cadera más de 90 grados.",
     "_Doble_ la cadera más de 90 grados.", "negation"),
    ("ru", "_Do not bend_ your hip past 90 degrees.", "_Не сгибайте_ бедро больше чем на 90 "
     "градусов.", "_Сгибайте_ бедро больше чем на 90 градусов.", "negation"),
    ("fr", NOT_PROPERLY, "Si vous n'attendez pas 30 minutes, elle risque d'être mal absorbée.",
     "Si vous attendez 30 minutes, elle risque d'être mal absorbée.", "negation"),
    ("ru", NOT_PROPERLY, "Если вы не подождёте 30 минут, он может плохо всасываться.",
     "Если вы подождёте 30 минут, он может плохо всасываться.", "negation"),
    ("es", HIP_LEGS, "No cruce las piernas, ni siquiera en la cama, ni doble la cadera más de "
     "90 grados durante seis semanas.", "Cruce las piernas, incluso en la cama, y no doble la "
     "cadera más de 90 grados durante seis semanas.", "negation"),
    ("ar", HIP_LEGS, "لا تضع ساقًا فوق الأخرى حتى في السرير، ولا تثنِ الورك أكثر من 90 درجة، "
     "وذلك لمدة ستة أسابيع.", "ضع ساقًا فوق الأخرى حتى في السرير، ولا تثنِ الورك أكثر من 90 "
     "درجة، وذلك لمدة ستة أسابيع.", "negation"),
    # "twice in a row" as two consecutive readings; "4 times a day" as four daily rinses
    ("ar", IN_A_ROW, "إذا ارتفع مستوى الغلوكوز في الدم فوق 14 مليمول/لتر في قياسين متتاليين، "
     "افحص الأنبوب.", "إذا ارتفع مستوى الغلوكوز في الدم فوق 14 مليمول/لتر في ثلاثة قياسات "
     "متتالية، افحص الأنبوب.", "frequency"),
    ("es", IN_A_ROW, "Si la glucosa supera 14 mmol/L en dos mediciones seguidas, revise el "
     "tubo.", "Si la glucosa supera 14 mmol/L en tres mediciones seguidas, revise el tubo.",
     "frequency"),
    ("fr", "Rinse your mouth 4 times a day with salt water.", "Faites quatre rinçages de "
     "bouche quotidiens à l'eau salée.", "Faites trois rinçages de bouche quotidiens à l'eau "
     "salée.", "frequency"),
    # «en ayunas» is the source's empty stomach, not a "without" for its "with a glass"; ñ
    # is a letter («unas pocas» are some, not nails)
    ("es", "Take it with a glass of juice on an empty stomach; even a few tablets can harm a "
     "child.", "Tómelo en ayunas con un vaso de zumo; incluso unas pocas pastillas pueden "
     "dañar a un niño.", "Tómelo en ayunas sin un vaso de zumo; incluso unas pocas pastillas "
     "pueden dañar a un niño.", "negation"),
    ("es", "Take it on an empty stomach; even a few tablets can harm a child.", "Tómelo en "
     "ayunas; incluso unas pocas pastillas pueden dañar a un niño.", "Tómelo con las uñas; "
     "incluso unas pocas pastillas pueden dañar a un niño.", "glossary"),
    # an idiom names a term twice («ногу на ногу»: cross one's legs)
    ("ru", "Do not cross your legs or bend your hip past 90 degrees.", "Не закидывайте ногу на "
     "ногу и не сгибайте тазобедренный сустав больше чем на 90 градусов.", "Не закидывайте "
     "ногу на ногу и не сгибайте ногу больше чем на 90 градусов.", "glossary"),
    # "steroid" kept as steroid, anabolic ones never (the sample glossary's corticosteroids)
    ("ru", STEROID_CARD, "Всегда носите с собой экстренную карточку пациента, принимающего "
     "стероиды.", "Всегда носите с собой экстренную карточку пациента, принимающего "
     "анаболические стероиды.", "glossary"),
    ("zh", STEROID_CARD, "请随时携带类固醇急救卡。", "请随时携带合成代谢类固醇急救卡。",
     "glossary"),
    ("ar", STEROID_CARD, "احمل بطاقة الطوارئ الخاصة بالستيرويد معك دائمًا.", "احمل بطاقة "
     "الطوارئ الخاصة بالستيرويدات الابتنائية معك دائمًا.", "glossary"),
    # «давление» alone is the blood pressure a leaflet measures; a "urine check" a urine test
    ("ru", "Come for your blood pressure and urine check on 22 April.", "Приходите 22 апреля "
     "для измерения давления и анализа мочи.", "Приходите 22 апреля для анализа крови и "
     "анализа мочи.", "glossary"),
    # a bound after its number ("160 or more", 以下) keeps its number; a period its count
    ("es", PRESSURE, "Mantenga la tensión por debajo de 140/90; si la cifra alta llega a 160 o "
     "más, llámenos.", "Mantenga la tensión por debajo de 160/90; si la cifra alta llega a 140 "
     "o más, llámenos.", "quantities"),
    ("fr", PRESSURE, "Gardez une tension inférieure à 140/90 ; si le chiffre du haut atteint "
     "160 ou plus, appelez-nous.", "Gardez une tension inférieure à 160/90 ; si le chiffre du "
     "haut atteint 140 ou plus, appelez-nous.", "quantities"),
    ("zh", PRESSURE, "血压应保持在140/90以下；如果收缩压达到160或以上，请致电我们。",
     "血压应保持在160/90以下；如果收缩压达到140或以上，请致电我们。", "quantities"),
    ("es", SIDES, "Repita el ejercicio 5 veces hacia cada lado, 3 veces al día.", "Repita el "
     "ejercicio 3 veces hacia cada lado, 5 veces al día.", "frequency"),
    ("ar", SIDES, "كرر التمرين 5 مرات لكل جانب، 3 مرات يوميًا.", "كرر التمرين 3 مرات لكل جانب، 5 "
     "مرات يوميًا.", "frequency"),
    ("zh", SIDES, "每侧重复5次，每天3次。", "每侧重复3次，每天5次。", "frequency"),
    # a condition or an "until" dropped with its clause; "wait until" said another way
    ("es", UNLESS, "Tome el naproxeno con comida, salvo que tenga una úlcera de estómago.",
     "Tome el naproxeno con comida.", "omission"),
    ("fr", UNLESS, "Prenez le naproxène au cours d'un repas, sauf si vous avez un ulcère de "
     "l'estomac.", "Prenez le naproxène au cours d'un repas.", "omission"),
    ("ru", UNLESS, "Принимайте напроксен во время еды, если только у вас нет язвы желудка.",
     "Принимайте напроксен во время еды.", "omission"),
    ("ar", UNLESS, "تناول النابروكسين مع الطعام ما لم تكن مصابًا بقرحة في المعدة.",
     "تناول النابروكسين مع الطعام.", "omission"),
    ("zh", UNLESS, "除非您有胃溃疡，否则请随餐服用萘普生。", "请随餐服用萘普生。", "omission"),
    ("es", UNTIL, "Mantenga el apósito hasta que la herida haya cicatrizado.", "Mantenga el "
     "apósito puesto.", "omission"),
    ("zh", UNTIL, "伤口愈合前请一直保留敷料。", "请保留敷料。", "omission"),
    ("fr", UNTIL, "Gardez le pansement jusqu'à la cicatrisation de la plaie.", "Gardez le "
     "pansement.", "omission"),
    ("es", "Do not wait until your next appointment to call us.", "No espere a la próxima "
     "cita para llamarnos.", "Espere a la próxima cita para llamarnos.", "negation"),
    # counts paired with the times of day they are taken at
    ("es", MORNING_NIGHT, "Tome un comprimido por la mañana y dos por la noche.", "Tome dos "
     "comprimidos por la mañana y uno por la noche.", "quantities"),
    ("ru", MORNING_NIGHT, "Принимайте одну таблетку утром и две на ночь.", "Принимайте две "
     "таблетки утром и одну на ночь.", "quantities"),
    ("ar", MORNING_NIGHT, "تناول قرصًا واحدًا في الصباح وقرصين في المساء.", "تناول قرصين في "
     "الصباح وقرصًا واحدًا في المساء.", "quantities"),
    ("zh", MORNING_NIGHT, "早上服用一片，晚上服用两片。", "早上服用两片，晚上服用一片。",
     "quantities"),
    ("es", "Take one capsule at 7 am and two capsules at 1 pm.", "A las 13:00 tome dos "
     "cápsulas y a las 7:00, una.", "Tome dos cápsulas a las 7:00 y una a las 13:00.",
     "quantities"),
    # a range of counts, both its counts; a count of times whose period changed
    ("es", GEL, "Aplique el gel tres o cuatro veces al día.",
     "Aplique el gel dos o tres veces al día.", "frequency"),
    ("fr", GEL, "Appliquez le gel trois à quatre fois par jour.",
     "Appliquez le gel deux à trois fois par jour.", "frequency"),
    ("ru", GEL, "Наносите гель три-четыре раза в день.", "Наносите гель два-три раза в день.",
     "frequency"),
    ("es", FLUORIDE, "Use el gel de flúor una vez a la semana durante 4 semanas.",
     "Use el gel de flúor una vez al día durante 4 semanas.", "frequency"),
    ("fr", FLUORIDE, "Utilisez le gel fluoré une fois par semaine pendant 4 semaines.",
     "Utilisez le gel fluoré une fois par jour pendant 4 semaines.", "frequency"),
    ("ru", FLUORIDE, "Используйте фторидный гель один раз в неделю в течение 4 недель.",
     "Используйте фторидный гель один раз в день в течение 4 недель.", "frequency"),
    # a count the translation says as a frequency is none "said as a count of things"
    ("es", STEPS, "Tome un comprimido de 5 mg una vez al día durante una semana; después, un "
     "comprimido de 5 mg dos veces al día, y desde la semana 3, uno de 10 mg dos veces al día.",
     "Tome un comprimido de 5 mg una vez al día durante una semana; después, un comprimido de "
     "5 mg dos veces al día, y desde la semana 3, uno de 10 mg tres veces al día.", "frequency"),
    # "once each morning" as "a single dose"
    ("fr", "Take 50 mg of sertraline once each morning.", "Prenez chaque matin une seule dose "
     "de 50 mg de sertraline.", "Prenez chaque matin deux doses de 50 mg de sertraline.",
     "frequency"),
    # the period of "twice a day" is no duration to keep in order
    ("es", COURSE, "Durante 5 días, tome una cápsula dos veces al día; después, durante 10 días, "
     "una vez al día.", "Durante 10 días, tome una cápsula dos veces al día; después, durante "
     "5 días, una vez al día.", "quantities"),
    ("ru", CAPSULES, "Принимайте по 2 капсулы один раз в неделю в течение 4 недель, затем по "
     "1 капсуле один раз в месяц.", "Принимайте по 1 капсуле один раз в неделю в течение 4 "
     "недель, затем по 2 капсулы один раз в месяц.", "quantities"),
    # "do not … until" said "only once", "do not take" said "stop", "until no more" "until
    # it stops"; a stressed "do not" keeps its negation inside the stress
    ("fr", RESTART, "Ne reprenez les comprimés qu'une fois que votre prise de sang est "
     "normale.", "Reprenez les comprimés une fois que votre prise de sang est normale.",
     "negation"),
    ("ar", RESTART, "لا تعاود تناول الأقراص إلا بعد أن تصبح نتيجة فحص الدم طبيعية.",
     "عاود تناول الأقراص بعد أن تصبح نتيجة فحص الدم طبيعية.", "negation"),
    ("fr", "Do not take metformin on the day of your scan.", "Arrêtez la metformine le jour de "
     "votre examen.", "Prenez la metformine le jour de votre examen.", "negation"),
    ("zh", "Do not take metformin on the day of your scan.", "检查当天请停用二甲双胍。",
     "检查当天请服用二甲双胍。", "negation"),
    ("es", "Breathe through the mouthpiece until no more mist comes out.",
     "Respire por la boquilla hasta que deje de salir vapor.",
     "Respire por la boquilla hasta que salga vapor.", "negation"),
    ("es", "**Do not drive** for 24 hours.", "**No conduzca** durante 24 horas.",
     "No **conduzca** durante 24 horas.", "markup"),
    ("fr", "**Do not drive** for 24 hours.", "Ne **conduisez pas** pendant 24 heures.",
     "Ne **conduisez** pas pendant 24 heures.", "markup"),
    ("ar", "You must not become pregnant while taking it.", "يجب أن تتجنبي الحمل أثناء تناوله.",
     "يجب أن تحملي أثناء تناوله.", "negation"),
    ("fr", "Keep the limb raised until then.", "D'ici là, gardez le membre surélevé.",
     "Gardez le membre surélevé.", "omission"),
] + WRITTEN_AS_TRANSLATORS_DO)
def test_measures_periods_and_negations_said_the_languages_own_way(
        lang: str, source: str, right: str, wrong: str, check: str) -> None:
    assert names(source, right, lang) == []
    assert check in names(source, wrong, lang)


def test_the_first_word_of_the_source_left_in_a_latin_translation_is_english_left() -> None:
    """«Lavez-vous always les mains» keeps the source's capitalized first word in English."""
    source = "Always wash your hands before you empty the bag."
    assert "leftover-english" in names(source, "Lavez-vous always les mains avant de vider "
                                       "la poche.", "fr")
    assert "leftover-english" not in names(source, "Lavez-vous toujours les mains avant de "
                                           "vider la poche.", "fr")


@pytest.mark.parametrize("drug", ["rivaroxaban", "apixaban", "dabigatran", "prednisolone",
                                  "hydrocortisone", "misoprostol", "salmeterol", "tramadol"])
def test_a_drug_name_is_no_english_left(drug: str) -> None:
    source = f"Your last dose of {drug} before the procedure should be on 2 March 2027."
    target = (f"Votre dernière prise de {drug} avant l'intervention doit avoir lieu le "
              "2 mars 2027.")
    assert names(source, target, "fr") == []


@pytest.mark.parametrize(("lang", "source", "target"), [
    ("fr", "Stop anastrozole and loratadine 5 days before the test.",
     "Arrêtez l'anastrozole et la loratadine 5 jours avant le test."),
    ("es", "Bring your peritoneal dialysis diary.", "Traiga su diario de diálisis peritoneal."),
    ("fr", "Your day 100 review is on 1 September 2025.",
     "Votre bilan à J100 aura lieu le 1er septembre 2025."),
    ("es", "The 6-in-1 vaccine is given at 8 weeks.",
     "La vacuna hexavalente se administra a las 8 semanas."),
    ("zh", "If you vomit within an hour, take another dose.",
     "服药后1小时内如发生呕吐，需补服一剂。"),
    ("ru", "Keep the pens between 2°C and 8°C.", "Храните шприц-ручки при температуре от 2 до "
     "8 °C."),
    ("zh", "You need a yellow fever vaccine before you travel.", "出行前您需要接种黄热病疫苗。"),
    ("ru", "Take it every 12 hours at the same times each day.",
     "Принимайте его каждые 12 часов в одно и то же время."),
    ("ru", "Book at least 8 weeks before you leave.", "Запишитесь не позднее чем за 8 недель "
     "до отъезда."),
    ("es", "Follow the card in `SICK-DAY.pdf`.", "Siga la tarjeta de `SICK-DAY.pdf`."),
    # a concentration's volume is no dose to keep in order; 5万 is 50,000
    ("zh", "Give 10 ml of the syrup (100 mg in 5 ml) every 8 hours.",
     "每8小时给予糖浆（每5毫升含100毫克）10毫升。"),
    ("zh", "Take 50,000 units of vitamin D once a week for 6 weeks.",
     "每周1次服用维生素D 5万单位，连用6周。"),
    ("ar", "Take 5 mg every 12 hours.", "تناول 5 ملغ كل اثنتي عشرة ساعة."),
    ("es", "Breathe through the mouthpiece until no more mist comes out.",
     "Respire por la boquilla hasta que ya no salga vapor."),
])
def test_what_translators_write_for_names_units_and_bounds_passes(
        lang: str, source: str, target: str) -> None:
    assert names(source, target, lang) == []


def test_emphasis_markdown_cannot_read_in_a_translation_is_explained() -> None:
    """«请_始终_佩戴» shows its underscores (no emphasis between Chinese characters), and
    «**重要提示：**请» its asterisks: the finding says what to write; «*始终*» and
    «**重要提示**：» pass."""
    source = "**Important:** wear your sling _at all times_."
    item = Entry(msgid=source, msgstr="**重要提示：**请_始终_佩戴吊带。", line=3)
    scope = Scope(catalog=Catalog(file="x.po", lang="zh", doc="x", entries=(item,)),
                  glossary=GLOSSARY)
    [found] = list(registry()["markup"].func(item, scope))
    assert "write *…* there" in found.message and "punctuation outside" in found.message
    assert names(source, "**重要提示**：请*始终*佩戴吊带。", "zh") == []


# Said as translators say them: a condition elided («à moins qu'un…»), "at least" as "or
# more" after the value, "once a year" as every year, "3 pm" as «quinze heures», "never
# without" as "always", "do not … until" as "wait until", "…, not even" with "even",
# «إياكِ أن» (never), «sept» the number after a date, "every other day" beside "every day",
# 每天 apart from a later "7天", kilograms spelled out, "forty-eight" as 48.
UNLESS = "Drink 2 litres of water a day unless your doctor has told you to limit fluids."
SPF = "Use a sunscreen of at least SPF 30 every day."
EYE = "You will see the eye doctor once a year while you take this medicine."
SUN = "Stay out of the sun between 11 am and 3 pm."
INHALER = "Never go out without your inhaler."
BOTH = "Always carry your inhaler and never leave home without it."
GETUP = "Do not get up until a nurse has checked your blood pressure."
WAITNOT = "If you feel worse, do not wait until your next appointment."
ASPIRIN = "Never give your child aspirin, not even a small dose."
PATCH = "Never put the patch on or near your breasts."
CLOP = "Take your last clopidogrel tablet on 5 February (seven days before surgery)."
WASH = "Wash the stockings every other day and check your skin every day."
PREP = "Take one tablet every day; it protects you after 7 days."
LIFT = "Do not lift anything heavier than 5 kg for two weeks."
DRY = "Keep the dressing dry for forty-eight hours."


JOURNEY = ("Do not drive journeys longer than 2 hours, because sitting still without "
           "moving raises the risk of a clot.")
BREAD = "None of these breads is safe for you; buy gluten-free bread instead."
FRIDAY = "Please come to the clinic by Friday 17 March."


DROPS = "Use the 0.5% drops in the morning and the 1% drops at night."
CREAM = "From now on, use the 5% cream instead of the 1% cream."


@pytest.mark.parametrize(("lang", "source", "right", "wrong", "check"), [
    ("fr", UNLESS,
     "Buvez 2 litres d'eau par jour, à moins qu'un médecin vous ait demandé de limiter les "
     "liquides.",
     "Buvez 2 litres d'eau par jour.",
     "omission"),
    ("es", SPF,
     "Use cada día un protector solar SPF 30 o más.",
     "Use cada día un protector solar SPF 30.",
     "quantities"),
    ("fr", SPF,
     "Utilisez chaque jour une crème solaire SPF 30 ou plus.",
     "Utilisez chaque jour une crème solaire SPF 30.",
     "quantities"),
    ("ru", SPF,
     "Каждый день используйте солнцезащитное средство SPF 30 или выше.",
     "Каждый день используйте солнцезащитное средство SPF 30.",
     "quantities"),
    ("ar", SPF,
     "استخدم كل يوم واقيًا من الشمس بعامل حماية SPF 30 أو أعلى.",
     "استخدم كل يوم واقيًا من الشمس بعامل حماية SPF 30.",
     "quantities"),
    ("zh", SPF,
     "每天使用SPF 30或更高的防晒霜。",
     "每天使用SPF 30的防晒霜。",
     "quantities"),
    ("fr", EYE,
     "Pendant ce traitement, vous verrez l'ophtalmologue chaque année.",
     "Pendant ce traitement, vous verrez l'ophtalmologue chaque mois.",
     "frequency"),
    ("ru", EYE,
     "Пока вы принимаете это лекарство, вы будете ежегодно посещать офтальмолога.",
     "Пока вы принимаете это лекарство, вы будете ежемесячно посещать офтальмолога.",
     "frequency"),
    ("es", EYE,
     "Mientras tome este medicamento, irá al oftalmólogo cada año.",
     "Mientras tome este medicamento, irá al oftalmólogo cada mes.",
     "frequency"),
    ("fr", SUN,
     "Restez à l'ombre entre onze heures et quinze heures.",
     "Restez à l'ombre entre onze heures et seize heures.",
     "numbers"),
    ("es", INHALER,
     "Lleve siempre el inhalador cuando salga.",
     "Salga sin el inhalador.",
     "negation"),
    ("fr", INHALER,
     "Ayez toujours votre inhalateur sur vous quand vous sortez.",
     "Sortez sans votre inhalateur.",
     "negation"),
    ("ru", INHALER,
     "Всегда берите с собой ингалятор, когда выходите из дома.",
     "Выходите из дома без ингалятора.",
     "negation"),
    ("ar", INHALER,
     "احمل جهاز الاستنشاق معك دائمًا عند خروجك.",
     "اخرج من دون جهاز الاستنشاق.",
     "negation"),
    ("zh", INHALER,
     "外出时请始终随身携带吸入器。",
     "外出时可以不带吸入器。",
     "negation"),
    ("es", BOTH,
     "Lleve siempre el inhalador y no salga nunca de casa sin él.",
     "Lleve siempre el inhalador, aunque puede salir de casa sin él.",
     "negation"),
    ("es", GETUP,
     "Espere a que una enfermera le tome la tensión antes de levantarse.",
     "Levántese antes de que una enfermera le tome la tensión.",
     "negation"),
    ("fr", GETUP,
     "Attendez qu'une infirmière ait pris votre tension avant de vous lever.",
     "Levez-vous avant qu'une infirmière ait pris votre tension.",
     "negation"),
    ("ru", GETUP,
     "Дождитесь, пока медсестра измерит вам давление, и только потом вставайте.",
     "Вставайте, пока медсестра не измерит вам давление.",
     "negation"),
    ("ru", WAITNOT,
     "Если вам станет хуже, не ждите следующего приёма.",
     "Если вам станет хуже, дождитесь следующего приёма.",
     "negation"),
    ("ru", ASPIRIN,
     "Никогда не давайте ребёнку аспирин — даже в маленькой дозе.",
     "Давайте ребёнку аспирин — даже в маленькой дозе.",
     "negation"),
    ("es", ASPIRIN,
     "No le dé nunca aspirina a su hijo, ni siquiera una dosis pequeña.",
     "Dele aspirina a su hijo, incluso una dosis pequeña.",
     "negation"),
    ("ar", PATCH,
     "إياكِ أن تضعي اللصقة على الثديين أو قربهما.",
     "ضعي اللصقة على الثديين أو قربهما.",
     "negation"),
    ("fr", CLOP,
     "Prenez votre dernier comprimé de clopidogrel le 5 février (sept jours avant l'opération).",
     "Prenez votre dernier comprimé de clopidogrel le 5 février (septembre).",
     "dates"),
    ("es", WASH,
     "Lave las medias cada dos días y revísese la piel a diario.",
     "Lave las medias cada dos días y revísese la piel una vez a la semana.",
     "frequency"),
    ("fr", WASH,
     "Lavez les bas tous les deux jours et examinez votre peau chaque jour.",
     "Lavez les bas tous les deux jours et examinez votre peau une fois par semaine.",
     "frequency"),
    ("zh", PREP,
     "每天服用一片，连续服用7天后才有保护作用。",
     "每7天服用一片，连续服用7天后才有保护作用。",
     "frequency"),
    ("ar", LIFT,
     "لا ترفع أي شيء يزيد وزنه على 5 كيلوغرامات لمدة أسبوعين.",
     "لا ترفع أي شيء يزيد وزنه على 5 غرامات لمدة أسبوعين.",
     "units"),
    ("es", LIFT,
     "No levante nada de más de 5 kilos durante dos semanas.",
     "No levante nada de más de 5 gramos durante dos semanas.",
     "units"),
    ("es", DRY,
     "Mantenga el apósito seco durante 48 horas.",
     "Mantenga el apósito seco durante 24 horas.",
     "numbers"),
    ("ru", JOURNEY,
     "Не совершайте поездок за рулём дольше 2 часов: долгое сидение без движения "
     "повышает риск тромба.",
     "Совершайте поездки за рулём дольше 2 часов: долгое сидение без движения "
     "повышает риск тромба.",
     "quantities"),
    ("zh", JOURNEY,
     "不要驾车出行超过2小时，因为长时间坐着不动会增加血栓风险。",
     "可以驾车出行超过2小时，因为长时间坐着不动会增加血栓风险。",
     "quantities"),
    ("ar", JOURNEY,
     "لا تقُد السيارة في رحلات تزيد على ساعتين، لأن الجلوس دون حركة "
     "يزيد خطر الجلطة.",
     "يمكنك قيادة السيارة في رحلات تزيد على ساعتين، لأن الجلوس دون "
     "حركة يزيد خطر الجلطة.",
     "quantities"),
    ("zh", BREAD,
     "这些面包都不适合您，请改买无麸质面包。",
     "这些面包都适合您，请改买无麸质面包。",
     "negation"),
    ("es", BREAD,
     "Ninguno de estos panes es seguro para usted; compre pan sin gluten.",
     "Todos estos panes son seguros para usted; compre pan sin gluten.",
     "negation"),
    ("ru", FRIDAY,
     "Пожалуйста, приходите в клинику не позднее пятницы, 17 марта.",
     "Пожалуйста, приходите в клинику не позднее понедельника, 17 марта.",
     "dates"),
    # percentages keep their order; round 'instead of' its value stays after it
    ("es", DROPS,
     "Use las gotas al 0,5 % por la mañana y las gotas al 1 % por la noche.",
     "Use las gotas al 1 % por la mañana y las gotas al 0,5 % por la noche.",
     "quantities"),
    ("fr", DROPS,
     "Utilisez le collyre à 0,5 % le matin et le collyre à 1 % le soir.",
     "Utilisez le collyre à 1 % le matin et le collyre à 0,5 % le soir.",
     "quantities"),
    ("ru", CREAM,
     "Теперь вместо крема 1 % используйте крем 5 %.",
     "Теперь вместо крема 5 % используйте крем 1 %.",
     "quantities"),
    ("es", CREAM,
     "A partir de ahora, use la crema al 5 % en lugar de la crema al 1 %.",
     "A partir de ahora, use la crema al 1 % en lugar de la crema al 5 %.",
     "quantities"),
    ("zh", CREAM,
     "从现在起，请改用5%的乳膏，而不是1%的乳膏。",
     "从现在起，请改用1%的乳膏，而不是5%的乳膏。",
     "quantities"),
    ("ar", CREAM,
     "من الآن فصاعدًا، استخدم الكريم بتركيز 5% بدلًا من الكريم بتركيز 1%.",
     "من الآن فصاعدًا، استخدم الكريم بتركيز 1% بدلًا من الكريم بتركيز 5%.",
     "quantities"),
])
def test_what_translators_say_another_way_passes_and_the_error_is_found(
        lang: str, source: str, right: str, wrong: str, check: str) -> None:
    assert names(source, right, lang) == []
    assert check in names(source, wrong, lang)
