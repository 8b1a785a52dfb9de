"""`pipeline check` and `pipeline status` end to end: exit codes, lines, json, junit, text."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from conftest import run

from pipeline import catalogs
from pipeline.files import atomic_write

SOURCE = """---
title: Fever
---

# Fever

Take 2.5 mg of the syrup twice a day. If your temperature is **38 °C or higher**, call us \
at once. Do not take paracetamol before you call.

Call the [International Patient Office](https://www.example-hospital.org/international). \
Your reference number is `REF-2027-0042`.
"""
DOSE = "Take 2.5 mg of the syrup twice a day."
FEVER = "If your temperature is **38 °C or higher**, call us at once."
NEGATION = "Do not take paracetamol before you call."
LINK = ("Call the [International Patient Office]"
        "(https://www.example-hospital.org/international).")
REF = "Your reference number is `REF-2027-0042`."
URL = "(https://www.example-hospital.org/international)"
TRANSLATIONS = {
    "es": {"Fever": "Fiebre", DOSE: "Tome 2,5 mg del jarabe dos veces al día.",
           FEVER: "Si su temperatura es de **38 °C o más**, llámenos de inmediato.",
           NEGATION: "No tome paracetamol antes de llamar.",
           LINK: f"Llame a la [International Patient Office]{URL}.",
           REF: "Su número de referencia es `REF-2027-0042`."},
    "ru": {"Fever": "Лихорадка", DOSE: "Принимайте 2,5 мг сиропа два раза в день.",
           FEVER: "Если температура **38 °C или выше**, сразу позвоните нам.",
           NEGATION: "Не принимайте парацетамол до звонка.",
           LINK: f"Позвоните в [International Patient Office]{URL}.",
           REF: "Ваш номер для справок: `REF-2027-0042`."},
    "ar": {"Fever": "حمى", DOSE: "تناول ٢٫٥ ملغ من الشراب مرتين في اليوم.",
           FEVER: "إذا بلغت حرارتك **38 °م أو أكثر**، اتصل بنا فورًا.",
           NEGATION: "لا تتناول باراسيتامول قبل أن تتصل بنا.",
           LINK: f"اتصل بمكتب [International Patient Office]{URL}.",
           REF: "رقمك المرجعي هو `REF-2027-0042`."},
    "zh": {"Fever": "发热", DOSE: "每天两次，每次服用 2.5 毫克糖浆。",
           FEVER: "如果体温达到 **38 °C 或更高**，请立即联系我们。",
           NEGATION: "打电话之前不要服用对乙酰氨基酚。",
           LINK: f"请联系 [International Patient Office]{URL}。",
           REF: "您的参考编号是 `REF-2027-0042`。"},
}
SCHEMA = {
    "type": "object", "required": ["findings", "summary"], "additionalProperties": False,
    "properties": {
        "findings": {"type": "array", "items": {
            "type": "object", "additionalProperties": False,
            "required": ["check", "severity", "lang", "doc", "file", "line", "msgid", "message"],
            "properties": {
                "check": {"type": "string", "minLength": 1},
                "severity": {"enum": ["error", "warning", "info"]},
                "lang": {"type": "string"}, "doc": {"type": "string"},
                "file": {"type": "string"}, "line": {"type": "integer", "minimum": 0},
                "msgid": {"type": "string"}, "message": {"type": "string", "minLength": 1}}}},
        "summary": {"type": "object", "required": [
            "passed", "strict", "catalogs", "entries", "errors", "warnings", "failing",
            "languages", "checks", "disabled", "suppressed"],
            "properties": {
                "passed": {"type": "boolean"}, "errors": {"type": "integer"},
                "languages": {"type": "array", "items": {"type": "object", "required": [
                    "lang", "status", "gated", "errors", "warnings"]}},
                "disabled": {"type": "array", "items": {"type": "string"}},
                "suppressed": {"type": "array", "items": {
                    "type": "object", "required": ["check", "file", "line", "reason"]}}}},
    },
}


def po_path(root: Path, lang: str) -> Path:
    return root / "locales" / lang / "LC_MESSAGES" / "fever.po"


def set_entry(root: Path, lang: str, msgid: str, msgstr: str, *, comment: str | None = None,
              fuzzy: bool = False) -> int:
    """Translate one entry (approved unless fuzzy); returns the line of its msgid."""
    path = po_path(root, lang)
    po = catalogs.read_catalog(path)
    entry = po.find(msgid)
    entry.msgstr = msgstr
    entry.flags = ["fuzzy"] if fuzzy else []
    if comment is not None:
        entry.tcomment = comment
    atomic_write(path, catalogs.render(po))
    return msgid_line(path, msgid)


def msgid_line(path: Path, msgid: str) -> int:
    lines = path.read_text("utf-8").splitlines()
    first = json.dumps(msgid, ensure_ascii=False)[:25]
    for number, line in enumerate(lines, 1):
        if line.startswith("msgid ") and (first in line or (
                line == 'msgid ""' and number < len(lines) and first[1:20] in lines[number])):
            return number
    raise AssertionError(f"{msgid!r} not in {path}")


@pytest.fixture
def fever(project: Path) -> Path:
    """The test project with one document, extracted and fully translated and approved."""
    (project / "source" / "dosing.md").unlink()
    (project / "source" / "fever.md").write_text(SOURCE, "utf-8")
    assert run(project, "extract").exit_code == 0
    for lang, table in TRANSLATIONS.items():
        for msgid, msgstr in table.items():
            set_entry(project, lang, msgid, msgstr)
    return project


def release_all(root: Path) -> None:
    config = root / "pyproject.toml"
    config.write_text(config.read_text("utf-8").replace('status = "draft"',
                                                        'status = "released"'), "utf-8")


def findings(root: Path, *args: str) -> tuple[int, list[dict[str, object]]]:
    result = run(root, "check", "--format", "json", *args)
    data = json.loads(result.output)
    jsonschema.validate(data, SCHEMA)
    return result.exit_code, data["findings"]


def test_translated_project_passes(fever: Path) -> None:
    result = run(fever, "check")
    assert result.exit_code == 0, result.output
    assert result.output.strip().endswith("check passed")
    code, found = findings(fever)
    assert (code, found) == (0, [])


@pytest.mark.parametrize(("lang", "msgid", "wrong", "message"), [
    ("es", DOSE, "Tome 25 mg del jarabe dos veces al día.",
     "numbers differ: 2.5 of the source missing; 25 not in the source"),
    ("ar", DOSE, "تناول ٢٥ ملغ من الشراب مرتين في اليوم.",
     "numbers differ: 2.5 of the source missing; ٢٥ not in the source"),
    ("zh", DOSE, "每天两次，每次服用 25 毫克糖浆。",
     "numbers differ: 2.5 of the source missing; 25 not in the source"),
    ("es", FEVER, "Si su temperatura es de **83 °C o más**, llámenos de inmediato.",
     "numbers differ: 38 of the source missing; 83 not in the source"),
    ("ar", FEVER, "إذا بلغت حرارتك **83 °م أو أكثر**، اتصل بنا فورًا.",
     "numbers differ: 38 of the source missing; 83 not in the source"),
    ("zh", FEVER, "如果体温达到 **83 °C 或更高**，请立即联系我们。",
     "numbers differ: 38 of the source missing; 83 not in the source"),
])
def test_changed_number_in_approved_entry_fails_at_its_line(
        fever: Path, lang: str, msgid: str, wrong: str, message: str) -> None:
    release_all(fever)
    line = set_entry(fever, lang, msgid, wrong)
    code, found = findings(fever)
    assert code == 1
    assert [(f["check"], f["severity"], f["file"], f["line"], f["message"]) for f in found] == [
        ("numbers", "error", f"locales/{lang}/LC_MESSAGES/fever.po", line, message)]
    text = run(fever, "check").output
    assert f"locales/{lang}/LC_MESSAGES/fever.po:{line}: error [numbers] {message}" in text


@pytest.mark.parametrize(("lang", "msgid", "wrong", "check", "words"), [
    ("zh", NEGATION, "打电话之前不要服用扑热息痛。", "glossary", "missing term 'paracetamol'"),
    ("ru", "Fever", "Жар", "glossary", "missing term 'fever'"),
    ("ar", LINK, f"اتصل بمكتب [مكتب المرضى الدوليين]{URL}.", "glossary",
     "dnt-altered term 'ipo'"),
    ("ru", NEGATION, "Принимайте парацетамол до звонка.", "negation", "“not”"),
    ("ar", NEGATION, "تناول باراسيتامول قبل أن تتصل بنا.", "negation", "“not”"),
    ("zh", NEGATION, "打电话之前服用对乙酰氨基酚。", "negation", "“not”"),
    ("ru", DOSE, "Принимайте 2,5 г сиропа два раза в день.", "units", "unit mg"),
    ("ru", FEVER, "Если температура 38 °C или выше, сразу позвоните нам.", "markup",
     "missing strong"),
    ("zh", LINK, "请联系 [International Patient Office](https://example.org/)。", "links",
     "URLs differ"),
    ("ar", REF, "رقمك المرجعي هو `REF-2027-0043`.", "markup", "code spans differ"),
])
def test_safety_findings_are_errors_in_released_languages(
        fever: Path, lang: str, msgid: str, wrong: str, check: str, words: str) -> None:
    line = set_entry(fever, lang, msgid, wrong)
    code, found = findings(fever)
    assert code == 1
    assert [(f["check"], f["severity"], f["line"]) for f in found] == [(check, "error", line)]
    assert words in str(found[0]["message"])


def test_draft_language_warns_and_fails_only_with_strict(fever: Path) -> None:
    line = set_entry(fever, "es", DOSE, "Tome 25 mg del jarabe dos veces al día.")
    code, found = findings(fever)
    assert code == 0
    assert [(f["check"], f["severity"], f["line"]) for f in found] == [
        ("numbers", "warning", line)]
    code, found = findings(fever, "--strict")
    assert code == 1 and found[0]["severity"] == "error"
    assert run(fever, "check", "--lang", "ru").exit_code == 0


def test_check_ignore_comment_suppresses_one_entry_and_is_reported(fever: Path) -> None:
    line = set_entry(fever, "ru", DOSE, "Принимайте 25 мг сиропа два раза в день.",
                     comment="check-ignore: numbers (dose changed by the pharmacist, ref 12)")
    result = run(fever, "check", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["findings"] == []
    assert [(s["check"], s["line"], s["reason"]) for s in data["summary"]["suppressed"]] == [
        ("numbers", line, "dose changed by the pharmacist, ref 12")]
    text = run(fever, "check").output
    assert "suppressed by check-ignore comments (1):" in text
    assert "reason: dose changed by the pharmacist, ref 12" in text


def test_check_ignore_without_reason_warns(fever: Path) -> None:
    line = set_entry(fever, "ru", DOSE, "Принимайте 25 мг сиропа два раза в день.",
                     comment="check-ignore: numbers")
    code, found = findings(fever)
    assert code == 0
    assert [(f["check"], f["severity"], f["line"]) for f in found] == [
        ("check-ignore", "warning", line)]


def test_disabled_checks_are_reported(fever: Path) -> None:
    config = fever / "pyproject.toml"
    config.write_text(config.read_text("utf-8").replace(
        'engines = ["pseudo"]', 'engines = ["pseudo"]\ndisabled-checks = ["length", "numbers"]'),
        "utf-8")
    set_entry(fever, "ru", DOSE, "Принимайте 25 мг сиропа два раза в день.")
    result = run(fever, "check")
    assert result.exit_code == 0
    assert "disabled in pyproject.toml (disabled-checks): length, numbers" in result.output
    data = json.loads(run(fever, "check", "--format", "json").output)
    assert data["summary"]["disabled"] == ["length", "numbers"]
    junit = ET.fromstring(run(fever, "check", "--format", "junit").output)
    skipped = {c.get("name") for c in junit.iter("testcase") if c.find("skipped") is not None}
    assert skipped == {"length", "numbers"}


def test_unknown_disabled_check_is_a_usage_error(fever: Path) -> None:
    config = fever / "pyproject.toml"
    config.write_text(config.read_text("utf-8").replace(
        'engines = ["pseudo"]', 'engines = ["pseudo"]\ndisabled-checks = ["numbrs"]'), "utf-8")
    result = run(fever, "check")
    assert result.exit_code == 2
    assert result.output.startswith(
        f"error: {fever.resolve() / 'pyproject.toml'}: unknown check 'numbrs' in "
        "disabled-checks (known checks: code-spans, dates, engine-debris, frequency, fuzzy, "
        "glossary, "
        "leftover-english, length, links, markup, needs-second-review, negation, numbers, "
        "obsolete, omission, orphaned, po-outdated, pot-outdated, quantities, repetition, "
        "same-as-source, script, signoff-stale, substitution, syntax, time-units, "
        "unedited-mt, units, unsigned, untranslated)")


def test_junit_report_structure(fever: Path) -> None:
    line = set_entry(fever, "zh", DOSE, "每天两次，每次服用 25 毫克糖浆。")
    set_entry(fever, "es", FEVER, "Si su temperatura es de **83 °C o más**, llámenos.")
    result = run(fever, "check", "--format", "junit")
    assert result.exit_code == 1
    root = ET.fromstring(result.output)
    assert root.tag == "testsuites"
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    # es, ru, ar and zh have every table a check needs: no "coverage" suite of gaps
    # (tests/test_matrix.py shows one for Mongolian).
    assert set(suites) == {"locales/fever.pot"} | {
        f"locales/{lang}/LC_MESSAGES/fever.po" for lang in ("es", "ru", "ar", "zh")}
    for suite in suites.values():
        cases = suite.findall("testcase")
        assert int(suite.get("tests", "")) == len(cases)
        assert int(suite.get("failures", "")) == sum(c.find("failure") is not None
                                                      for c in cases)
    zh = suites["locales/zh/LC_MESSAGES/fever.po"]
    failure = next(c for c in zh.findall("testcase") if c.get("name") == "numbers")
    assert failure.find("failure") is not None
    assert f"locales/zh/LC_MESSAGES/fever.po:{line}:" in (failure.find("failure").text or "")
    es_numbers = next(c for c in suites["locales/es/LC_MESSAGES/fever.po"].findall("testcase")
                      if c.get("name") == "numbers")
    assert es_numbers.find("failure") is None        # draft: reported, not failing
    assert "warning" in (es_numbers.find("system-out").text or "")
    assert root.get("failures") == "1"


def test_text_output_is_grouped_by_file(fever: Path) -> None:
    set_entry(fever, "zh", DOSE, "每天两次，每次服用 25 毫克糖浆。")
    set_entry(fever, "ru", FEVER, "Если температура **83 °C или выше**, сразу позвоните нам.")
    set_entry(fever, "zh", FEVER, "如果体温达到 **83 °C 或更高**，请立即联系我们。")
    output = run(fever, "check").output
    headers = [line for line in output.splitlines() if re.match(r"^locales/\S+\.po  \(", line)]
    assert headers == ["locales/ru/LC_MESSAGES/fever.po  (ru, released)",
                       "locales/zh/LC_MESSAGES/fever.po  (zh, released)"]
    zh_block = output.split(headers[1])[1].split("\n\n")[0]
    assert zh_block.count("[numbers]") == 2
    assert "\x1b[" not in output                    # no colour when not on a terminal
    assert "check failed: 3 errors" in output


def test_completeness_and_outdated(fever: Path) -> None:
    set_entry(fever, "ar", REF, "")
    set_entry(fever, "zh", REF, "您的参考编号是 `REF-2027-0042`。", fuzzy=True)
    source = fever / "source" / "fever.md"
    source.write_text(source.read_text("utf-8") + "\nDrink plenty of water.\n", "utf-8")
    code, found = findings(fever)
    assert code == 1
    got = {(f["check"], f["lang"], f["severity"]) for f in found}
    assert got == {("untranslated", "ar", "error"), ("fuzzy", "zh", "error"),
                   ("pot-outdated", "", "error")}
    pot = next(f for f in found if f["check"] == "pot-outdated")
    assert pot["file"] == "source/fever.md" and pot["line"] == 11
    assert run(fever, "extract").exit_code == 0
    code, found = findings(fever, "--lang", "ru")
    assert {(f["check"], f["lang"]) for f in found} == {("untranslated", "ru")}


def test_catalog_not_merged_with_template(fever: Path) -> None:
    path = po_path(fever, "ru")
    text = path.read_text("utf-8")
    path.write_text(text.replace('msgid "Fever"\nmsgstr "Лихорадка"\n',
                                 'msgid "Fever!"\nmsgstr "Лихорадка!"\n'), "utf-8")
    code, found = findings(fever)
    assert code == 1
    assert [(f["check"], f["message"]) for f in found] == [
        ("po-outdated", "not merged with locales/fever.pot: 1 template entry missing, "
         "1 entry no longer in the template; run 'pipeline extract'")]


def test_malformed_catalog_is_a_syntax_finding(fever: Path) -> None:
    path = po_path(fever, "zh")
    path.write_text(path.read_text("utf-8") + '\nmsgid "x"\nmsgstr "unterminated\n', "utf-8")
    code, found = findings(fever)
    assert code == 1
    assert [(f["check"], f["file"]) for f in found] == [
        ("syntax", "locales/zh/LC_MESSAGES/fever.po")]
    assert found[0]["line"] > 0


def test_status_json_and_text(fever: Path) -> None:
    set_entry(fever, "zh", REF, "您的参考编号是 `REF-2027-0042`。", fuzzy=True)
    set_entry(fever, "ar", REF, "")
    data = json.loads(run(fever, "status", "--format", "json").output)
    rows = {row["lang"]: row for row in data["catalogs"]}
    assert (rows["zh"]["translated"], rows["zh"]["fuzzy"], rows["zh"]["untranslated"]) == (
        5, 1, 0)
    assert rows["ar"]["untranslated"] == 1 and rows["ar"]["percent"] == 83.3
    text = run(fever, "status").output
    assert "fever  zh    released         5        1          0  " in text
    assert "\x1b[" not in text


def test_colour_only_when_asked(fever: Path) -> None:
    from pipeline.checks.report import render_text
    from pipeline.checks.run import run_checks
    from pipeline.config import load_config
    from pipeline.status import collect
    from pipeline.status import render_text as render_status

    set_entry(fever, "zh", DOSE, "每天两次，每次服用 25 毫克糖浆。")
    config = load_config(fever)
    coloured = render_text(run_checks(config), color=True)
    assert "\x1b[31m" in coloured and "check failed" in coloured
    assert "\x1b[" not in render_text(run_checks(config), color=False)
    assert "\x1b[32m" in render_status(collect(config), color=True)


def test_sample_project_passes(sample: Path) -> None:
    result = run(sample, "check", "--format", "json")
    data = json.loads(result.output)
    assert [f for f in data["findings"] if f["severity"] == "error"] == []
    assert result.exit_code == 0


def test_cached_results_follow_every_input_change(fever: Path) -> None:
    """A second run reuses unchanged results; each kind of edit is still caught."""
    first = run(fever, "check", "--format", "json").output
    assert (fever / ".pipeline" / "check-cache.json").is_file()
    assert run(fever, "check", "--format", "json").output == first
    # a catalog edit
    line = set_entry(fever, "ru", DOSE, TRANSLATIONS["ru"][DOSE].replace("2,5", "25"))
    code, found = findings(fever)
    assert code == 1
    assert [(f["check"], f["line"]) for f in found if f["lang"] == "ru"] == [("numbers", line)]
    set_entry(fever, "ru", DOSE, TRANSLATIONS["ru"][DOSE])
    assert findings(fever)[0] == 0
    # a glossary edit: the Arabic translation no longer has the expected term
    terms = fever / "glossary" / "terms.csv"
    terms.write_text(terms.read_text("utf-8").replace("باراسيتامول", "أسيتامينوفين"), "utf-8")
    code, found = findings(fever)
    assert code == 1 and {(f["check"], f["lang"]) for f in found} >= {("glossary", "ar")}
    # a source edit since the last extract
    source = fever / "source" / "fever.md"
    source.write_text(source.read_text("utf-8").replace("twice a day", "three times a day"))
    assert "pot-outdated" in {f["check"] for f in findings(fever)[1]}


def test_a_draft_added_rechecks_its_catalog_an_approved_edit_its_language(
        sample: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The corpus the substitution and omission checks learn from is the language's approved
    entries: a catalog that only gains a fuzzy draft leaves the other catalogs' cached
    findings valid; a changed approved translation re-checks every catalog of its language."""
    import pipeline.checks.run as runner
    from pipeline.config import load_config

    checked: list[str] = []
    real = runner._catalog_findings
    monkeypatch.setattr(runner, "_catalog_findings", lambda run, project, path, doc, lang: (
        checked.append(f"{lang}/{doc}") or real(run, project, path, doc, lang)))
    config = load_config(sample)
    first = runner.run_checks(config)
    assert len(checked) == 10
    path = catalogs.catalog_path(sample / "locales", "ru", "car-t-or-transplant")
    po = catalogs.read_catalog(path)
    approved = next(e for e in po if e.msgstr and not e.fuzzy and e.msgid.endswith("."))
    draft = catalogs.POEntry(msgid="A sentence added since.", msgstr="Предложение.",
                             flags=["fuzzy"])
    po.append(draft)
    atomic_write(path, catalogs.render(po))
    checked.clear()
    again = runner.run_checks(config)
    assert checked == ["ru/car-t-or-transplant"]
    new = {(f.check, f.file) for f in again.findings} - {(f.check, f.file) for f in first.findings}
    assert new and {file for _, file in new} == {"locales/ru/LC_MESSAGES/car-t-or-transplant.po"}
    approved.msgstr = approved.msgstr[:-1] + " (исправлено)."
    atomic_write(path, catalogs.render(po))
    checked.clear()
    runner.run_checks(config)
    assert sorted(checked) == ["ru/car-t-or-transplant", "ru/travelling-for-treatment"]
