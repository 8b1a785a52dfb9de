"""The registered checks, one by one, on entries as a translator would write them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.checks import Catalog, Entry, Scope, registry
from pipeline.checks.inputs import ignored
from pipeline.checks.negation import has_negation
from pipeline.checks.numbers import number_problems, readings, source_units, values
from pipeline.checks.syntax import compare_formats, compile_plural, plural_distribution


def run_check(name: str, msgid: str, msgstr: str, lang: str, **entry: object) -> list[str]:
    """Messages of one entry check on one approved entry."""
    item = Entry(msgid=msgid, msgstr=msgstr, line=7, **entry)  # type: ignore[arg-type]
    catalog = Catalog(file="x.po", lang=lang, doc="x", entries=(item,))
    return [f.message for f in registry()[name].func(item, Scope(catalog=catalog))]


def test_registry_names_and_scopes() -> None:
    checks = registry()
    assert {n: c.scope for n, c in checks.items()} == {
        "fuzzy": "catalog", "glossary": "entry", "length": "entry", "links": "entry",
        "markup": "entry", "negation": "entry", "numbers": "entry", "obsolete": "catalog",
        "orphaned": "catalog", "po-outdated": "catalog", "pot-outdated": "project",
        "same-as-source": "entry",
        "script": "entry", "syntax": "catalog", "units": "entry", "untranslated": "catalog",
        "unsigned": "catalog", "signoff-stale": "catalog", "needs-second-review": "catalog",
        "quantities": "entry", "time-units": "entry", "frequency": "entry", "dates": "entry",
        "engine-debris": "entry", "leftover-english": "entry", "unedited-mt": "entry",
        "omission": "entry", "repetition": "entry", "substitution": "entry",
        "code-spans": "entry"}
    assert all(c.doc for c in checks.values())


@pytest.mark.parametrize(("source", "target", "lang"), [
    ("Take 2.5 mg", "Tome 2,5 mg", "es"),
    ("Take 2.5 mg", "Tome 2.5 mg", "es"),          # unreadable as Spanish: English reading
    ("Take 2.5 mg", "Prendre 2,5 mg", "fr"),
    ("Take 2.5 mg", "Принимайте 2,5 мг", "ru"),
    ("1,000 cells", "1 000 cellules", "fr"),
    ("1,000 cells", "1\u202f000 cellules", "fr"),
    ("1,000 cells", "1.000 células", "es"),
    ("1,000 cells", "1000 клеток", "ru"),
    ("1,000 cells", "1\u00a0000 клеток", "ru"),
    ("2.5 mg", "٢٫٥ ملغ", "ar"),                  # Arabic-Indic digits and separator
    ("2.5 mg", "۲٫۵ ملغ", "ar"),                  # Eastern Arabic (Persian) digits
    ("1,000", "١٬٠٠٠", "ar"),
    ("38 °C", "38℃", "zh"),
    ("25-75 %", "25–75 %", "ru"),
    ("3 to 6 hours", "3至6小时", "zh"),
    ("about 100 days", "大约一百天", "zh"),        # Chinese numerals for a source number
    ("100,000 cells", "10万个细胞", "zh"),
    ("two advanced options", "2 opciones", "es"),  # a number word written as a digit
    ("Day −7", "День -7", "ru"),
    ("Day −7", "第−7天", "zh"),
    ("day +14", "第14天", "zh"),
    ("CD19 and mg/m2", "CD19 и мг/м2", "ru"),     # names and exponents are not values
    ("Call `REF-2027-0042`", "Llame `REF-2027-0042`", "es"),
])
def test_numbers_agree(source: str, target: str, lang: str) -> None:
    assert number_problems(source, target, lang) == ([], [])


@pytest.mark.parametrize(("source", "target", "lang", "expected"), [
    ("Take 2.5 mg", "Tome 25 mg", "es", (["2.5"], ["25"])),
    ("Take 2.5 mg", "تناول ٢٥ ملغ", "ar", (["2.5"], ["٢٥"])),
    ("Take 1.5 mg", "Tome 1.500 mg", "es", (["1.5"], ["1.500"])),   # 1500 for a Spaniard
    ("1,000 cells", "1,000 células", "es", (["1000"], ["1,000"])),  # 1 for a Spaniard
    ("38 °C", "83 °C", "zh", (["38"], ["83"])),
    ("Day −7", "День 7", "ru", (["-7"], ["7"])),
    ("for 3 days", "pendant 3 jours, 2 fois", "fr", ([], ["2"])),
])
def test_numbers_differ(source: str, target: str, lang: str,
                        expected: tuple[list[str], list[str]]) -> None:
    assert number_problems(source, target, lang) == expected


def test_number_readings_come_from_babel() -> None:
    assert readings("es")[0] == (",", ".")
    assert readings("fr")[0] == (",", "\u202f")
    assert readings("ar")[:2] == ((".", ","), ("٫", "٬"))
    assert values("1.234,5 y 7", "es") == [("1.234,5", (Decimal("1234.5"),)),
                                            ("7", (Decimal(7),))]


@pytest.mark.parametrize(("source", "target", "lang"), [
    ("Give 2 mg/kg", "Введите 2 мг/кг", "ru"),
    ("Give 2 mg/kg", "أعط 2 ملغ/كغ", "ar"),
    ("Give 2 mg/kg", "给予 2 毫克/千克", "zh"),
    ("Give 2 mg/kg", "Administre 2 mg/kg", "es"),
    ("Give 25 mg/m2", "Введите 25 мг/м²", "ru"),
    ("Drink 5 ml", "Выпейте 5 мл", "ru"),
    ("Drink 5 ml", "اشرب 5 مل", "ar"),
    ("at 38 °C", "при 38 °С", "ru"),               # Cyrillic С
    ("at 38 °C", "عند 38 درجة مئوية", "ar"),
    ("100 µg", "100 мкг", "ru"),
    ("5 mmol/L", "5 毫摩尔/升", "zh"),
])
def test_units_in_the_locale_spelling(source: str, target: str, lang: str) -> None:
    assert run_check("units", source, target, lang) == []


@pytest.mark.parametrize(("source", "target", "lang", "unit"), [
    ("Give 2 mg/kg", "Введите 2 мг", "ru", "mg/kg"),
    ("Take 2.5 mg", "Tome 2,5 g", "es", "mg"),
    ("Drink 5 ml", "اشرب 5 ملغ", "ar", "ml"),
    ("at 38 °C", "在38度", "zh", "°C"),
])
def test_units_missing(source: str, target: str, lang: str, unit: str) -> None:
    assert [m.split(" of ")[0] for m in run_check("units", source, target, lang)] == [
        f"unit {unit}"]


def test_source_units_are_canonical() -> None:
    assert source_units("5 mg/kg, 2 mg/m², 3 mmol/l, 1 mL at 38 ºC, 10 mcg") == [
        "mg/kg", "mg/m2", "mmol/L", "ml", "°C", "µg"]


@pytest.mark.parametrize(("text", "lang", "negated"), [
    ("No tome paracetamol.", "es", True), ("Tome paracetamol sin agua.", "es", True),
    ("Tome paracetamol.", "es", False),
    ("Ne prenez pas de paracétamol.", "fr", True), ("N’arrêtez jamais.", "fr", True),
    ("Prenez du paracétamol.", "fr", False),
    ("Не принимайте парацетамол.", "ru", True), ("Нельзя ждать.", "ru", True),
    ("Принимайте парацетамол.", "ru", False),
    ("لا تتناول الباراسيتامول.", "ar", True), ("ولا تنتظر.", "ar", True),
    ("بدون طبيب.", "ar", True), ("تناول الباراسيتامول.", "ar", False),
    ("请勿服用。", "zh", True), ("不要等待。", "zh", True), ("禁止吸烟。", "zh", True),
    ("请服用。", "zh", False),
])
def test_negation_markers(text: str, lang: str, negated: bool) -> None:
    assert has_negation(text, lang) is negated


def test_negation_check() -> None:
    assert run_check("negation", "Do not stop.", "Arrêtez.", "fr") == [
        "the source says “not” (1) but the translation has no negation (ne, n', n’, "
        "jamais, aucun, aucune…)"]
    assert run_check("negation", "It has no side effects.", "没有副作用。", "zh") == []
    assert run_check("negation", "Take it.", "Tómelo.", "es") == []


@pytest.mark.parametrize(("source", "target", "messages"), [
    ("Call **now**.", "Llame **ya**.", []),
    ("Call **now**.", "Llame ya.", ["inline markup differs: missing strong"]),
    ("A *rare* case.", "Un caso raro.", ["inline markup differs: missing emphasis"]),
    ("See [this](a.md).", "Vea [esto](a.md) y [eso](b.md).", ["inline markup differs: extra link"]),
    ("Use `x`.", "Use `y`.", ["code spans differ (they are never translated): missing x; extra y"]),
    ("如果 **38 °C**", "如果 **38 °C**以上", []),
])
def test_markup(source: str, target: str, messages: list[str]) -> None:
    assert run_check("markup", source, target, "es") == messages


def test_links() -> None:
    assert run_check("links", "See <https://a.org/x>.", "Vea <https://a.org/x>.", "es") == []
    assert run_check("links", "See [x](https://a.org/en).", "Vea [x](https://a.org/es).",
                     "es") == ["URLs differ: missing https://a.org/en; extra https://a.org/es"]


@pytest.mark.parametrize(("target", "lang", "flagged"), [
    ("اتصل بمكتب International Patient Office الآن.", "ar", False),
    ("Call the office at once, please.", "ar", True),
    ("CAR-T 细胞疗法", "zh", False),
    ("the infusion takes less than an hour", "zh", True),
    ("Позвоните в International Patient Office.", "ru", False),
    ("Позвоните нам", "es", True),
])
def test_script(target: str, lang: str, flagged: bool) -> None:
    assert bool(run_check("script", "Call the office.", target, lang)) is flagged


def test_same_as_source_and_length() -> None:
    assert run_check("same-as-source", "Call the office.", "Call the office.", "es")
    assert not run_check("same-as-source", "CAR-T", "CAR-T", "es")
    assert not run_check("same-as-source", "Fluconazole", "Fluconazole", "fr")
    long = "Call the office at once if you have a fever."
    assert run_check("length", long, "Llame.", "es")
    assert not run_check("length", long, "发烧时请立即致电办公室。", "zh")
    assert run_check("length", long, long * 3, "zh")


def test_plural_forms_are_evaluated_like_gettext() -> None:
    ru = compile_plural("(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
                        "(n%100<10 || n%100>=20) ? 1 : 2)")
    assert [ru(n) for n in (1, 2, 5, 11, 21, 22, 25, 111)] == [0, 1, 2, 2, 0, 1, 2, 2]
    ar = compile_plural("n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : "
                        "n%100>=11 ? 4 : 5")
    assert [ar(n) for n in (0, 1, 2, 3, 11, 100)] == [0, 1, 2, 3, 4, 5]
    assert plural_distribution("nplurals=2; plural=(n != 1);") == (2, (False, True), "")
    assert plural_distribution("nplurals=2; plural=n>1 ? 2 : 0;")[2] == (
        "nplurals=2, but the plural expression gives 2 for n=2")
    assert plural_distribution("nplurals=2; plural=n ?? 1;")[2].startswith(
        "invalid plural expression")
    assert plural_distribution("nplurals=x")[2].startswith("invalid Plural-Forms")


@pytest.mark.parametrize(("flag", "msgid", "msgstr", "strict", "problem"), [
    ("python-format", "%(n)s files", "%(n)s fichiers", True, ""),
    ("python-format", "%(n)s files", "fichiers", True, "argument 'n' of 'msgid' is missing"),
    ("python-format", "%(n)s files", "fichiers", False, ""),
    ("python-format", "%(n)s", "%(m)s", False, "argument 'm' in 'msgstr' does not exist"),
    ("python-format", "%s and %d", "%d y %s", True, "format directive for argument 1"),
    ("c-format", "%1$s %2$d", "%2$d %1$s", True, ""),
    ("c-format", "%d file", "файл", False, ""),
    ("c-format", "%d file", "%d %d", False, "number of format directives"),
    ("python-brace-format", "{a} and {b}", "{b} y {a}", True, ""),
    ("python-brace-format", "{a} and {b}", "{a} y {c}", True, "argument 'c'"),
])
def test_format_rules(flag: str, msgid: str, msgstr: str, strict: bool, problem: str) -> None:
    from pipeline.checks.syntax import _PARSERS

    parse = _PARSERS[flag][1]
    source, target = parse(msgid), parse(msgstr)
    assert source is not None and target is not None
    result = compare_formats(flag, source, target, strict=strict, where="'msgstr'")
    assert (problem in result and bool(result) == bool(problem)) if problem else result == ""


def test_check_ignore_comments() -> None:
    entry = Entry(msgid="a", msgstr="b", line=1, comment="reviewed by Dr. Lee\n"
                  "check-ignore: numbers, units (dose per local protocol)\ncheck-ignore: length")
    assert ignored(entry) == {"numbers": "dose per local protocol",
                              "units": "dose per local protocol", "length": ""}
