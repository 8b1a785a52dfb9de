"""The language matrix: every language passes its hand-translated leaflet, catches its mutations
and renders in its script's Noto face (tests/data/matrix)."""

from __future__ import annotations

import json
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import DATA, REPO, run

from pipeline import catalogs, languages
from pipeline.checks.coverage import matrix_table
from pipeline.files import atomic_write

MATRIX = DATA / "matrix"
DOSE = "Take 2 tablets of 500 mg every 8 hours."
NEGATED = "Do not drink alcohol during the treatment."
# 500 as each leaflet writes it, and a wrong dose in the same digits.
WRONG_DOSE = {"500": "600", "۵۰۰": "۶۰۰", "৫০০": "৬০০"}


def _mutations() -> dict[str, tuple[str, str, str]]:
    rows = {}
    for line in (MATRIX / "mutations.tsv").read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            lang, unit, negated, affirmative = line.split("\t")
            rows[lang] = (unit, negated, affirmative)
    return rows


MUTATIONS = _mutations()
NOT_COVERED = sorted(lang for lang, (_, negated, _) in MUTATIONS.items() if negated == "-")


@pytest.fixture
def leaflets(tmp_path: Path) -> Path:
    root = tmp_path / "matrix"
    shutil.copytree(MATRIX, root)
    return root


def _edit(root: Path, lang: str, msgid: str, old: str, new: str) -> None:
    path = catalogs.catalog_path(root / "locales", lang, "leaflet")
    po = catalogs.read_catalog(path)
    entry = next(e for e in po if e.msgid == msgid)
    assert old in entry.msgstr, (lang, entry.msgstr)
    entry.msgstr = entry.msgstr.replace(old, new, 1)
    atomic_write(path, catalogs.render(po))


def _findings(root: Path, lang: str) -> tuple[int, dict[str, object]]:
    result = run(root, "check", "--lang", lang, "--format", "json")
    return result.exit_code, json.loads(result.output)


def test_the_matrix_is_the_leaflet_project() -> None:
    assert set(MUTATIONS) == set(languages.MATRIX)
    assert {t for t in languages.MATRIX if languages.direction(t) == "rtl"} == {
        "ar", "fa", "ur", "he"}
    assert languages.digits("fa")[0] == "Extended Arabic-Indic"
    assert languages.digits("bn")[0] == "Bengali"
    assert "Arabic-Indic" in languages.digits("ar") and "Thai" in languages.digits("th")
    assert "Devanagari" in languages.digits("hi")
    assert languages.separators("de") == (",", ".") and languages.separators("fa") == ("٫", "٬")
    assert languages.script("uz-Latn") == "Latn" and languages.script("mn") == "Cyrl"
    assert languages.script("zh-Hant") == "Hant" and languages.font("ur") == "Noto Nastaliq Urdu"
    assert languages.quotes("de") == ("„", "“") and languages.month_names("ru")[2] == "марта"


def test_every_leaflet_passes_with_no_warning_and_gaps_are_named(leaflets: Path) -> None:
    result = run(leaflets, "check", "--format", "json")
    report = json.loads(result.output)
    assert result.exit_code == 0, result.output
    assert report["findings"] == []
    assert report["summary"]["entries"] == 5 * len(languages.MATRIX)
    gaps = {(g["lang"], g["check"]) for g in report["summary"]["not_checked"]}
    assert {lang for lang, check in gaps if check == "negation"} == set(NOT_COVERED)
    text = run(leaflets, "check").output
    for lang in NOT_COVERED:
        assert text.count(f"negation: not checked for {lang}\n") == 1
    assert "negation: not checked for es" not in text


def test_junit_names_each_gap_once(leaflets: Path) -> None:
    root = ET.fromstring(run(leaflets, "check", "--lang", "mn", "--format", "junit").output)
    coverage = next(s for s in root.findall("testsuite") if s.get("name") == "coverage")
    messages = [c.find("skipped").get("message") for c in coverage.findall("testcase")]
    assert "negation: not checked for mn" in messages
    assert len(messages) == len(set(messages))
    po = next(s for s in root.findall("testsuite")
              if s.get("name") == "locales/mn/LC_MESSAGES/leaflet.po")
    negation = next(c for c in po.findall("testcase") if c.get("name") == "negation")
    assert negation.find("skipped").get("message") == "negation: not checked for mn"


@pytest.mark.parametrize("lang", languages.MATRIX)
def test_a_wrong_dose_is_an_error(leaflets: Path, lang: str) -> None:
    path = catalogs.catalog_path(leaflets / "locales", lang, "leaflet")
    dose = next(e.msgstr for e in catalogs.read_catalog(path) if e.msgid == DOSE)
    written = next(w for w in WRONG_DOSE if w in dose)
    _edit(leaflets, lang, DOSE, written, WRONG_DOSE[written])
    code, report = _findings(leaflets, lang)
    assert code == 1
    assert "numbers" in [f["check"] for f in report["findings"]]


@pytest.mark.parametrize("lang", languages.MATRIX)
def test_a_dropped_unit_is_an_error(leaflets: Path, lang: str) -> None:
    _edit(leaflets, lang, DOSE, MUTATIONS[lang][0], "")
    code, report = _findings(leaflets, lang)
    assert code == 1
    assert [f["check"] for f in report["findings"]] == ["units"]
    assert "unit mg of the source is missing" in report["findings"][0]["message"]


@pytest.mark.parametrize("lang", [t for t in languages.MATRIX if t not in NOT_COVERED])
def test_a_dropped_negation_is_an_error(leaflets: Path, lang: str) -> None:
    _unit, negated, affirmative = MUTATIONS[lang]
    _edit(leaflets, lang, NEGATED, negated, affirmative)
    code, report = _findings(leaflets, lang)
    assert code == 1
    assert [f["check"] for f in report["findings"]] == ["negation"]


def test_every_pdf_embeds_its_scripts_noto_face(leaflets: Path) -> None:
    result = run(leaflets, "build", "--format", "pdf")
    assert result.exit_code == 0, result.output
    for lang in languages.MATRIX:
        pdf = leaflets / "output" / lang / "leaflet.pdf"
        rows = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                              check=True).stdout.splitlines()[2:]
        names = [row.split()[0].split("+", 1)[-1] for row in rows]
        assert rows and all(row.split()[-5] == "yes" for row in rows), (lang, rows)  # emb
        face = languages.font(lang).replace(" ", "-")
        assert face in names, (lang, names)
        assert not any("DejaVu" in name for name in names), (lang, names)


def test_readme_shows_the_matrix_table() -> None:
    assert matrix_table() in (REPO / "README.md").read_text("utf-8")


@pytest.mark.parametrize("lang", ["th", "hi", "ur", "he", "bn", "ja", "ko", "kk"])
def test_english_left_in_a_non_latin_leaflet_is_still_flagged(leaflets: Path, lang: str) -> None:
    path = catalogs.catalog_path(leaflets / "locales", lang, "leaflet")
    title = next(e.msgstr for e in catalogs.read_catalog(path) if e.msgid.startswith("Para"))
    _edit(leaflets, lang, "Paracetamol after your treatment", title,
          "paracetamol after your treatment")
    _code, report = _findings(leaflets, lang)
    script = [f for f in report["findings"] if f["check"] == "script"]
    assert script and f"mostly not in the {lang} script ({languages.script_name(lang)}:" in \
        script[0]["message"]


# A Thai paragraph cut into its words by hand: no spaces between words, so only the renderer's
# dictionary (Pango with lang="th") can find where a line may break.
THAI_WORDS = (
    "รับประทาน", "ยา", "ครั้ง", "ละ", "สอง", "เม็ด", "ทุก", "แปด", "ชั่วโมง", "หลัง", "อาหาร", " ",
    "ห้าม", "ดื่ม", "แอลกอฮอล์", "ระหว่าง", "การ", "รักษา", " ", "หาก", "มี", "ไข้", "สูง", "กว่า",
    "สาม", "สิบ", "แปด", "องศา", "เซลเซียส", "ให้", "โทร", "หา", "โรงพยาบาล", "ทันที", "โดย",
    "ไม่", "ต้อง", "รอ", "จน", "ถึง", "วัน", "นัด", "ครั้ง", "ถัด", "ไป", "ของ", "คุณ")


@pytest.mark.parametrize("width_mm", [40, 55, 70])
def test_thai_lines_break_between_words(tmp_path: Path, width_mm: int) -> None:
    import unicodedata

    from pipeline.build.page import _package_text
    from pipeline.build.pdf import render_pdf

    css = _package_text("style.css")
    html = (f'<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>th</title>'
            f"<style>{css} p {{ width: {width_mm}mm }}</style></head>"
            f"<body><p>{''.join(THAI_WORDS)}</p></body></html>")
    render_pdf(html=html, base=tmp_path, roots=(tmp_path,), target=tmp_path / "th.pdf")
    text = subprocess.run(["pdftotext", str(tmp_path / "th.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    lines: list[str] = []
    for raw in text.splitlines():
        line = "".join(raw.split())
        if not line or line[0].isdigit():       # the page number
            continue
        if lines and unicodedata.category(line[0]) == "Mn":
            lines[-1] += line                   # pdftotext puts a below-vowel on the next line
        else:
            lines.append(line)
    word_ends, position = set(), 0
    for word in THAI_WORDS:
        position += len(word.strip())
        word_ends.add(position)
    assert len(lines) > 2
    position = 0
    for line in lines:
        position += len(line)
        assert position in word_ends, f"a line ends inside a word: {line}"
