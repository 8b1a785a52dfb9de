"""The checks for what MT and hurried approval get wrong, right and wrong, in every sample
language (es, fr, ru, ar, zh)."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

import pytest

from pipeline.checks import Catalog, Entry, Scope, registry
from pipeline.checks.run import run_checks
from pipeline.config import load_config
from pipeline.langdata import covered
from pipeline.model import Severity


def names(msgid: str, msgstr: str, lang: str, **entry: object) -> list[str]:
    """Names of the meaning checks that find something in one approved entry."""
    item = Entry(msgid=msgid, msgstr=msgstr, line=3, **entry)  # type: ignore[arg-type]
    scope = Scope(catalog=Catalog(file="x.po", lang=lang, doc="x", entries=(item,)))
    wanted = ("quantities", "time-units", "frequency", "dates", "negation", "engine-debris",
              "leftover-english", "omission", "numbers", "units")
    return sorted(n for n in wanted for _ in registry()[n].func(item, scope))


DOSE = "Take valaciclovir 500 mg with 10 ml of water."
DAYS = "Rest for 3 days."
TWICE = "Take it twice a day."
MARCH = "Apply before 15 March."
NEVER = "Do not stop, and never skip a dose."
LONG = ("Call the ward at once if you have a fever, chills, a new cough or shortness of "
        "breath, even in the middle of the night.")
GOOD = {
    "es": {DOSE: "Tome valaciclovir 500 mg con 10 ml de agua.", DAYS: "Descanse tres días.",
           TWICE: "Tómelo dos veces al día.", MARCH: "Solicítelo antes del 15 de marzo.",
           NEVER: "No lo deje y nunca se salte una dosis.",
           LONG: "Llame a la planta enseguida si tiene fiebre, escalofríos, tos nueva o "
                 "falta de aire, incluso en mitad de la noche."},
    "fr": {DOSE: "Prenez du valaciclovir 500 mg avec 10 ml d’eau.",
           DAYS: "Reposez-vous 3 jours.", TWICE: "Prenez-le deux fois par jour.",
           MARCH: "Faites la demande avant le 15 mars.",
           NEVER: "N’arrêtez pas et ne sautez jamais une dose.",
           LONG: "Appelez le service tout de suite en cas de fièvre, de frissons, de toux "
                 "ou d’essoufflement, même au milieu de la nuit."},
    "ru": {DOSE: "Принимайте валацикловир 500 мг с 10 мл воды.", DAYS: "Отдыхайте 3 дня.",
           TWICE: "Принимайте дважды в день.", MARCH: "Подайте заявление до 15 марта.",
           NEVER: "Не прекращайте приём и никогда не пропускайте дозу.",
           LONG: "Сразу звоните в отделение, если у вас жар, озноб, новый кашель или "
                 "одышка, даже посреди ночи."},
    "ar": {DOSE: "تناول فالاسيكلوفير ٥٠٠ ملغ مع ١٠ مل من الماء.", DAYS: "استرح ثلاثة أيام.",
           TWICE: "تناوله مرتين في اليوم.", MARCH: "قدّم الطلب قبل ١٥ مارس.",
           NEVER: "لا تتوقف، ولا تفوّت أي جرعة أبدًا.",
           LONG: "اتصل بالقسم فورًا إذا أصبت بحمى أو قشعريرة أو سعال جديد أو ضيق في "
                 "التنفس، حتى في منتصف الليل."},
    "zh": {DOSE: "服用伐昔洛韦500毫克，配10毫升水。", DAYS: "休息三天。",
           TWICE: "每天服用两次。", MARCH: "请在3月15日之前申请。",
           NEVER: "不要停药，切勿漏服任何一剂。",
           LONG: "如果出现发烧、寒战、新的咳嗽或呼吸急促，请立即致电病房，即使是在半夜。"},
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
            "engine-debris")],
    "fr": [(DOSE, "Prenez du valaciclovir 10 mg avec 500 ml d’eau.", "quantities"),
           (DAYS, "Reposez-vous 3 semaines.", "time-units"),
           (TWICE, "Prenez-le trois fois par jour.", "frequency"),
           (MARCH, "Faites la demande avant le 15 avril.", "dates"),
           (NEVER, "N’arrêtez pas et sautez une dose.", "negation"),
           (LONG, "Appelez le service en cas de fièvre.", "omission"),
           (DAYS, "Reposez-vous 3 days.", "leftover-english"),
           (DAYS, "Reposez-vous 3 #jour.", "engine-debris")],
    "ru": [(DOSE, "Принимайте валацикловир 10 мг с 500 мл воды.", "quantities"),
           (DAYS, "Отдыхайте 3 недели.", "time-units"),
           (TWICE, "Принимайте трижды в день.", "frequency"),
           (MARCH, "Подайте заявление до 15 апреля.", "dates"),
           (NEVER, "Не прекращайте приём и пропускайте дозу.", "negation"),
           (LONG, "Сразу звоните, если у вас жар.", "omission"),
           (DAYS, "Отдыхайте 3 days.", "leftover-english"),
           (DAYS, "Отдыхайте 3 *дня.", "engine-debris")],
    "ar": [(DOSE, "تناول فالاسيكلوفير ١٠ ملغ مع ٥٠٠ مل من الماء.", "quantities"),
           (DAYS, "استرح ثلاثة أسابيع.", "time-units"),
           (TWICE, "تناوله ثلاث مرات في اليوم.", "frequency"),
           (MARCH, "قدّم الطلب قبل ١٥ أبريل.", "dates"),
           (NEVER, "لا تتوقف، وتفوّت أي جرعة.", "negation"),
           (LONG, "اتصل بالقسم إذا أصبت بحمى.", "omission"),
           (DAYS, "استرح 3 days.", "leftover-english"),
           (DAYS, "استرح @ثلاثة أيام.", "engine-debris")],
    "zh": [(DOSE, "服用伐昔洛韦10毫克，配500毫升水。", "quantities"),
           (DAYS, "休息三周。", "time-units"),
           (TWICE, "每天服用三次。", "frequency"),
           (MARCH, "请在4月15日之前申请。", "dates"),
           (NEVER, "不要停药，漏服任何一剂。", "negation"),
           (LONG, "如果发烧，请致电。", "omission"),
           (DAYS, "休息3 days。", "leftover-english"),
           (DAYS, "休息三@天。", "engine-debris")],
}


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
])
def test_benign_rewordings_pass(lang: str, source: str, target: str) -> None:
    assert names(source, target, lang) == []


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
    assert sum(name == "unedited-mt" for name, _ in errors) == 152   # every approved entry
