"""Rules of this round, each shown both ways: what a careful translator may write passes, and
the dangerous edit of the same sentence is still an error (pipeline.checks, as `pipeline
check` runs them)."""

from __future__ import annotations

import pytest
from test_probes import errors, has_error

from pipeline.checks import Catalog, Entry, Scope, registry
from pipeline.model import Severity

FOOD = "Take prednisolone 50 mg each morning with breakfast for 10 days."
FOOD_SAID = {
    "es": ("Tome 50 mg de prednisolona cada mañana con el desayuno durante 10 días.",
           "Tome 50 mg de prednisolona cada mañana durante 10 días."),
    "fr": ("Prenez 50 mg de prednisolone chaque matin au petit-déjeuner pendant 10 jours.",
           "Prenez 50 mg de prednisolone chaque matin pendant 10 jours."),
    "ru": ("Принимайте преднизолон по 50 мг каждое утро во время завтрака в течение 10 дней.",
           "Принимайте преднизолон по 50 мг каждое утро в течение 10 дней."),
    "ar": ("تناول 50 ملغ من البريدنيزولون كل صباح مع الفطور لمدة 10 أيام.",
           "تناول 50 ملغ من البريدنيزولون كل صباح لمدة 10 أيام."),
    "zh": ("每天早上随早餐服用泼尼松龙50毫克，连服10天。",
           "每天早上服用泼尼松龙50毫克，连服10天。"),
}


@pytest.mark.parametrize("lang", sorted(FOOD_SAID))
def test_with_food_kept_passes_and_dropped_is_an_omission(lang: str) -> None:
    kept, dropped = FOOD_SAID[lang]
    assert errors(FOOD, kept, lang) == []
    assert has_error("omission", errors(FOOD, dropped, lang))


QUALIFIED = {
    ("Go to A&E if you have severe pain in your tummy.", "es"): (
        "Acuda a urgencias si tiene un dolor intenso en el abdomen.",
        "Acuda a urgencias si tiene dolor en el abdomen."),
    ("Hold an ice pack wrapped in a thin towel against your heel for 15 minutes.", "fr"): (
        "Appliquez sur votre talon une poche de glace enveloppée dans une serviette fine "
        "pendant 15 minutes.",
        "Appliquez sur votre talon une poche de glace pendant 15 minutes."),
    ("Call us if you have heavy bleeding after the biopsy.", "ru"): (
        "Позвоните нам, если после биопсии у вас началось сильное кровотечение.",
        "Позвоните нам, если после биопсии у вас началось кровотечение."),
}


@pytest.mark.parametrize(("source", "lang"), sorted(QUALIFIED))
def test_a_qualifier_kept_passes_and_dropped_is_an_omission(source: str, lang: str) -> None:
    kept, dropped = QUALIFIED[(source, lang)]
    assert errors(source, kept, lang) == []
    assert has_error("omission", errors(source, dropped, lang))


def test_food_poisoning_is_no_meal_to_keep() -> None:
    source = "Most people with food poisoning recover within a week."
    assert errors(source, "La mayoría de las personas con intoxicación alimentaria se "
                  "recuperan en una semana.", "es") == []


@pytest.mark.parametrize(("source", "target", "lang"), [
    ("After ptosis surgery, apply the ointment three times a day.",
     "Después de la cirugía de ptosis, aplique la pomada tres veces al día.", "es"),
    ("Use lubricating drops (hypromellose) every 2 to 3 hours.",
     "Utilisez des gouttes lubrifiantes (hypromellose) toutes les 2 à 3 heures.", "fr"),
    ("Stop pyridostigmine the day before your test.",
     "Arrêtez la pyridostigmine la veille de votre examen.", "fr"),
    ("Take one 10 mg tablet of prasugrel each morning.",
     "Tome un comprimido de 10 mg de prasugrel cada mañana.", "es"),
    ("Blue Badge holders park free, but must show their badge at reception.",
     "Владельцы карты Blue Badge паркуются бесплатно, но обязаны предъявить карту на стойке "
     "регистрации.", "ru"),
])
def test_terms_and_names_both_languages_write_are_no_english_left(
        source: str, target: str, lang: str) -> None:
    assert errors(source, target, lang) == []


@pytest.mark.parametrize(("source", "target", "lang"), [
    ("Come back if your fingers become numb.", "Vuelva si nota los dedos numb.", "es"),
    ("Take it with a small sip of water.", "Tómelo con un pequeño sip de agua.", "es"),
    ("Use the spacer every 4 hours.", "Utilisez le spacer toutes les 4 heures.", "fr"),
    ("Blue Badge holders park free, but must show their badge at reception.",
     "Владельцы карты Blue Badge паркуются бесплатно, но обязаны предъявить badge.", "ru"),
])
def test_english_words_left_are_still_found(source: str, target: str, lang: str) -> None:
    assert has_error("leftover-english", errors(source, target, lang))


def test_an_avoid_beside_a_limit_is_a_negation_of_its_own() -> None:
    source = "Avoid alcohol or keep to no more than 14 units a week."
    assert errors(source, "Evite el alcohol o no tome más de 14 unidades a la semana.",
                  "es") == []
    assert has_error("negation", errors(
        source, "Tome alcohol o no tome más de 14 unidades a la semana.", "es"))


@pytest.mark.parametrize(("target", "lang"), [
    ("No la tome durante más de 7 días y nunca tome más de 30 mg en 24 horas.", "es"),
    ("Ne la prenez pas plus de 7 jours et ne prenez jamais plus de 30 mg en 24 heures.", "fr"),
    ("连续服用不得超过7天，24小时内总量不得超过30毫克。", "zh"),
])
def test_never_take_more_than_is_a_limit_as_not_is(target: str, lang: str) -> None:
    source = ("Do not take it for longer than 7 days, and never take more than 30 mg in 24 "
              "hours.")
    assert errors(source, target, lang) == []


def test_sinon_says_if_not() -> None:
    source = "They should feel better within 30 minutes; if not, call 999."
    assert errors(source, "Elle devrait se sentir mieux dans les 30 minutes ; sinon, appelez "
                  "le 999.", "fr") == []
    assert has_error("negation", errors(
        source, "Elle devrait se sentir mieux dans les 30 minutes ; appelez le 999.", "fr"))


CLOCK = "The library is open Monday to Friday from 9:30 am to 4:30 pm."
CLOCK_SAID = {
    "es": ("La biblioteca abre de lunes a viernes de nueve y media de la mañana a cuatro y "
           "media de la tarde.",
           "La biblioteca abre de lunes a viernes de nueve de la mañana a cuatro de la tarde."),
    "ar": ("المكتبة مفتوحة من الاثنين إلى الجمعة بين التاسعة والنصف صباحًا والرابعة والنصف "
           "عصرًا.",
           "المكتبة مفتوحة من الاثنين إلى الجمعة بين التاسعة صباحًا والرابعة عصرًا."),
    "zh": ("图书馆每周一到周五上午九点半至下午四点半开放。",
           "图书馆每周一到周五上午九点至下午四点开放。"),
}


@pytest.mark.parametrize("lang", sorted(CLOCK_SAID))
def test_half_past_in_words_is_the_clocks_thirty(lang: str) -> None:
    said, lost = CLOCK_SAID[lang]
    assert errors(CLOCK, said, lang) == []
    assert has_error("numbers", errors(CLOCK, lost, lang))


def test_a_codes_digits_and_a_chinese_count_of_one_are_no_new_numbers() -> None:
    assert errors("You may need a single dose of the pneumococcal vaccine (PPV23).",
                  "Вам может понадобиться одна доза пневмококковой вакцины (ППВ-23).",
                  "ru") == []
    assert errors("Swallow the 200 mg tablet at the clinic.", "请在诊所吞服1片200毫克的药片。",
                  "zh") == []
    assert has_error("numbers", errors("Swallow the two 200 mg tablets at the clinic.",
                                  "请在诊所吞服1片200毫克的药片。", "zh"))


ARABIC_COUNTS = [
    ("Wear it day and night for twelve to eighteen months.",
     "ارتدِها ليلًا ونهارًا لمدة تتراوح بين اثني عشر وثمانية عشر شهرًا.",
     "ارتدِها ليلًا ونهارًا لمدة تتراوح بين اثني عشر وثمانية أشهر."),
    ("Take 100 mg once a day for three days.",
     "تناول 100 ملغ مرة واحدة يوميًا لمدة ثلاثة أيام.",
     "تناول 100 ملغ مرة واحدة يوميًا لمدة ثلاثة عشر يومًا."),
    ("The dose is 160 mg (four 40 mg capsules) once a day.",
     "الجرعة 160 ملغ (أربع كبسولات عيار 40 ملغ) مرة واحدة يوميًا.",
     "الجرعة 160 ملغ (كبسولتان عيار 40 ملغ) مرة واحدة يوميًا."),
]


@pytest.mark.parametrize(("source", "good", "bad"), ARABIC_COUNTS)
def test_arabic_counts_are_read_whole(source: str, good: str, bad: str) -> None:
    assert errors(source, good, "ar") == []
    assert errors(source, bad, "ar") != []


def test_an_age_needs_no_years() -> None:
    source = "You must be at least 18 years old."
    assert errors(source, "يجب أن تكون قد بلغت الثامنة عشرة على الأقل.", "ar") == []
    assert errors(source, "志愿者须满18个月。", "zh") != []


INTERVAL = "Keep the dressing dry and change it every 2 days."
INTERVAL_SAID = {
    "es": ("Mantenga seco el apósito y cámbielo cada 2 días.",
           "Mantenga seco el apósito y cámbielo 2 veces al día."),
    "fr": ("Gardez le pansement au sec et changez-le tous les 2 jours.",
           "Gardez le pansement au sec et changez-le 2 fois par jour."),
    "ru": ("Держите повязку сухой и меняйте её каждые 2 дня.",
           "Держите повязку сухой и меняйте её 2 раза в день."),
    "ar": ("حافظ على الضمادة جافة وغيّرها كل يومين.", "حافظ على الضمادة جافة وغيّرها مرتين يوميًا."),
}


@pytest.mark.parametrize("lang", sorted(INTERVAL_SAID))
def test_every_two_days_made_twice_a_day_is_found(lang: str) -> None:
    said, changed = INTERVAL_SAID[lang]
    assert errors(INTERVAL, said, lang) == []
    assert has_error("frequency", errors(INTERVAL, changed, lang))


@pytest.mark.parametrize(("source", "target", "lang"), [
    ("Warm frostbitten fingers or toes in warm water until the skin turns pink.",
     "Caliente los dedos de las manos o de los pies en agua tibia hasta que la piel se "
     "vuelva rosada.", "es"),
    ("Inject somatropin under the skin every evening, rotating between thighs, buttocks and "
     "tummy. Keep unopened pens in the fridge at 2 to 8 °C and never freeze them.",
     "Cada noche, póngase la inyección subcutánea de somatropina y vaya cambiando la zona: "
     "muslos, nalgas y barriga. Las plumas que aún no se hayan abierto se conservan en el "
     "frigorífico, a una temperatura de 2 a 8 °C, y jamás deben congelarse.", "es"),
    ("Your diabetic eye screening is on Monday; the dilating drops blur your vision.",
     "Su cribado de retinopatía diabética es el lunes; las gotas para dilatar la pupila le "
     "nublarán la vista.", "es"),
    ("For mild thyroid eye disease, your doctor may suggest selenium tablets.",
     "При лёгкой форме эндокринной офтальмопатии врач может порекомендовать таблетки "
     "селена.", "ru"),
    ("Leave the dressing on the donor site for 10 days.",
     "Не снимайте повязку с донорского участка в течение 10 дней.", "ru"),
])
def test_terms_written_another_right_way_are_no_swap(source: str, target: str,
                                                     lang: str) -> None:
    assert errors(source, target, lang) == []


@pytest.mark.parametrize(("source", "target", "lang"), [
    ("After severe pancreatitis your pancreas may not make enough insulin.",
     "Después de una pancreatitis grave, es posible que el hígado no produzca suficiente "
     "insulina.", "es"),
    ("A cystoscopy looks inside your bladder and urethra.",
     "При цистоскопии осматривают изнутри желчный пузырь и уретру.", "ru"),
    ("Return the seed to the radiotherapy department in the container provided.",
     "Devuelva la semilla a la farmacia en el recipiente que le hayan entregado.", "es"),
])
def test_terms_swapped_for_another_of_their_kind_are_found(source: str, target: str,
                                                           lang: str) -> None:
    assert has_error("glossary", errors(source, target, lang))


def _found(check: str, source: str, target: str, lang: str) -> list[tuple[Severity, str]]:
    item = Entry(msgid=source, msgstr=target, line=3)
    scope = Scope(catalog=Catalog(file="x.po", lang=lang, doc="x", entries=(item,)))
    return [(f.severity, f.message) for f in registry()[check].func(item, scope)]


def test_words_in_a_code_span_put_into_the_language_are_a_warning_only() -> None:
    source = "Suck one `clonazepam 0.5 mg` tablet for 3 minutes."
    target = "Chupe un comprimido de `clonazepam 0,5 mg` durante 3 minutos."
    assert _found("markup", source, target, "es") == []
    assert [severity for severity, _ in _found("code-spans", source, target, "es")] == [
        Severity.WARNING]
    assert has_error("markup", errors(
        source, "Chupe un comprimido de `clonazepam 5 mg` durante 3 minutos.", "es"))
    assert has_error("markup", errors("Quote `REF-2027` when you call.",
                                 "Indique `REF-2028` cuando llame.", "es"))
    assert has_error("markup", errors(source, "Chupe un comprimido de clonazepam 0,5 mg` durante 3 "
                                 "minutos.", "es"))


@pytest.mark.parametrize(("target", "lang"), [
    ("Infacol se mezcla con la leche y se da durante las tomas.", "es"),
    ("Infacol смешивают с молоком и дают во время кормления.", "ru"),
    ("Infacol需与奶混合，在喂奶时给宝宝服用。", "zh"),
])
def test_a_brand_swapped_for_another_is_found(target: str, lang: str) -> None:
    source = "Gaviscon Infant is mixed with milk and given during feeds."
    assert has_error("glossary", errors(source, target, lang))
    kept = target.replace("Infacol", "Gaviscon Infant")
    assert errors(source, kept, lang) == []


def test_a_name_transliterated_or_a_word_of_the_language_is_no_other_name() -> None:
    source = "Gaviscon Infant is mixed with milk and given during feeds."
    assert errors(source, "Гавискон для младенцев смешивают с молоком и дают во время "
                  "кормления.", "ru") == []
    assert errors("Your appointment is in the Urology Unit on Tuesday.",
                  "Su cita es en la Unidad de Urología el martes.", "es") == []


@pytest.mark.parametrize(("source", "good", "bad", "lang"), [
    ("Your doctor may suggest selenium tablets for 6 months.",
     "Su médico puede recomendarle comprimidos de selenio durante 6 meses.",
     "Su médico puede recomendarle comprimidos de yodo durante 6 meses.", "es"),
    ("If your calf becomes painful, hot and swollen, go to the Emergency Department.",
     "如果小腿肚出现疼痛、发热和肿胀，请前往急诊科。",
     "如果大腿出现疼痛、发热和肿胀，请前往急诊科。", "zh"),
])
def test_supplements_and_a_thigh_for_a_calf_are_swaps(source: str, good: str, bad: str,
                                                      lang: str) -> None:
    assert errors(source, good, lang) == []
    assert has_error("glossary", errors(source, bad, lang))


def test_the_thing_a_condition_names_is_the_first_item_of_its_list() -> None:
    source = ("If you develop a severe headache, vomiting or drowsiness in the weeks after "
              "your shunt operation, go to the Emergency Department straight away.")
    good = ("Si en las semanas posteriores a la operación de derivación aparece un dolor de "
            "cabeza intenso, vómitos o somnolencia, acuda de inmediato a Urgencias.")
    bad = ("Si en las semanas posteriores a la operación de derivación aparece un dolor de "
           "cabeza intenso o somnolencia, acuda de inmediato a Urgencias.")
    assert errors(source, good, "es") == []
    assert has_error("omission", errors(source, bad, "es"))
    # what to do after a condition is no item of it
    assert errors("If you have signs of anaphylaxis, use your adrenaline pen, call an "
                  "ambulance and lie down.", "При признаках анафилаксии воспользуйтесь "
                  "шприц-ручкой с адреналином, вызовите скорую помощь и лягте.", "ru") == []


ONE_TABLET = "Take one 10 mg tablet of prasugrel each morning for 12 months."
ONE_TABLET_SAID = {
    "es": ("Tome un comprimido de 10 mg de prasugrel cada mañana durante 12 meses.",
           "Tome dos comprimidos de 10 mg de prasugrel cada mañana durante 12 meses."),
    "fr": ("Prenez un comprimé de 10 mg de prasugrel chaque matin pendant 12 mois.",
           "Prenez deux comprimés de 10 mg de prasugrel chaque matin pendant 12 mois."),
    "ru": ("Принимайте по одной таблетке прасугрела 10 мг каждое утро в течение 12 месяцев.",
           "Принимайте по две таблетки прасугрела 10 мг каждое утро в течение 12 месяцев."),
    "ar": ("تناول قرصًا واحدًا من البراسوغريل بتركيز 10 ملغ كل صباح لمدة 12 شهرًا.",
           "تناول قرصين من البراسوغريل بتركيز 10 ملغ كل صباح لمدة 12 شهرًا."),
    "zh": ("请每天早晨服用一片10毫克的普拉格雷，连续服用12个月。",
           "请每天早晨服用两片10毫克的普拉格雷，连续服用12个月。"),
}


@pytest.mark.parametrize("lang", sorted(ONE_TABLET_SAID))
def test_one_tablet_made_two_is_found(lang: str) -> None:
    kept, doubled = ONE_TABLET_SAID[lang]
    assert errors(ONE_TABLET, kept, lang) == []
    assert has_error("numbers", errors(ONE_TABLET, doubled, lang))


def test_three_tablets_the_source_says_beside_one_dose_are_no_change() -> None:
    source = ("Take 300 mg (three 100 mg tablets) as soon as palpitations start. Do not take "
              "more than one dose in 24 hours.")
    assert errors(source, "Tome 300 mg (tres comprimidos de 100 mg) en cuanto empiecen las "
                  "palpitaciones. No tome más de una dosis en 24 horas.", "es") == []
    assert has_error("numbers", errors(source, "Tome 300 mg (tres comprimidos de 100 mg) en cuanto "
                                  "empiecen las palpitaciones. No tome más de dos dosis en 24 "
                                  "horas.", "es"))


@pytest.mark.parametrize(("target", "lang"), [
    ("وسيرتدي الموظفون كمامة في بعض أنواع العدوى (مثل الإنفلونزا أو كوفيد-19).", "ar"),
    ("工作人员在某些感染（如流感或新冠肺炎）时会戴口罩。", "zh"),
])
def test_a_names_number_may_go_with_the_name(target: str, lang: str) -> None:
    source = "Staff will wear a face mask for some infections (such as flu or COVID-19)."
    assert not has_error("numbers", errors(source, target, lang))


def test_a_dose_in_one_week_is_a_rate() -> None:
    source = "Use it once a day for up to 4 weeks; do not use more than 100 g in one week."
    assert errors(source, "Úselo una vez al día durante un máximo de 4 semanas; no use más de "
                  "100 g por semana.", "es") == []
    assert errors("Take it for 2 weeks.", "Tómelo durante 4 semanas.", "es") != []


def test_do_not_unless_turned_if_do_not_is_found() -> None:
    source = ("Do not stop taking cabergoline unless your doctor tells you to, even if your "
              "prolactin level is normal.")
    good = "除非医生让您停药，否则请不要停用卡麦角林，即使催乳素水平已恢复正常。"
    bad = "如果医生让您停药，请不要停用卡麦角林，即使催乳素水平已恢复正常。"
    assert errors(source, good, "zh") == []
    assert has_error("negation", errors(source, bad, "zh"))
    # "take it unless…" said "if …, do not take it" is the same
    assert errors("Take it every day unless your doctor tells you to stop.",
                  "每天服用。如果医生让您停药，请不要再服用。", "zh") == []


@pytest.mark.parametrize(("good", "bad", "lang"), [
    ("Beba al menos dos litros de líquido al día.", "Beba al menos un litro de líquido al día.",
     "es"),
    ("每天至少饮用两升液体。", "每天至少饮用一升液体。", "zh"),
    ("اشرب لترين من السوائل على الأقل يوميًا.", "اشرب لترًا واحدًا من السوائل على الأقل يوميًا.",
     "ar"),
])
def test_two_litres_made_one_is_found(good: str, bad: str, lang: str) -> None:
    source = "Drink at least two litres of fluid a day."
    assert errors(source, good, lang) == []
    assert has_error("numbers", errors(source, bad, lang))
