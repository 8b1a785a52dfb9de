"""PDF handouts: every segment's text, embedded fonts, no missing glyphs, metadata, safety."""

from __future__ import annotations

import contextlib
import re
import shutil
import subprocess
import unicodedata
import zlib
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import DATA, made_once, run

from pipeline import catalogs
from pipeline.build.page import BANNER
from pipeline.build.pdf import make_fetcher, render_pdf
from pipeline.files import atomic_write

DOC = "after-car-t"
LANGS = ("ar", "zh", "ru", "es")
TITLES = {"ar": "بعد تسريب خلايا CAR-T", "zh": "CAR-T细胞输注后",
          "ru": "После инфузии CAR-T-клеток", "es": "Después de su infusión de CAR-T"}
FONTS = {"ar": "Noto-Naskh-Arabic", "zh": "Noto-Sans-CJK-SC", "ru": "Noto-Sans",
         "es": "Noto-Sans"}
ALT = "A digital thermometer"
DESCRIPTION = "What to watch for at home after CAR-T cell therapy, and when to call us."
# Bidi controls poppler inserts around right-to-left and embedded left-to-right runs.
_BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")


@dataclass(frozen=True)
class Built:
    root: Path
    hostile: Path
    output: str

    def pdf(self, lang: str, root: Path | None = None) -> Path:
        return (root or self.root) / "output" / lang / f"{DOC}.pdf"


def sh(*args: str | Path) -> str:
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, check=True,
                          timeout=60).stdout


def pdf_objects(path: Path) -> bytes:
    """The PDF's bytes with every Flate stream (object streams included) decompressed."""
    data = path.read_bytes()
    parts = [data]
    for match in re.finditer(rb"<<[^>]*?/Length (\d+)[^>]*>>\s*stream\r?\n", data):
        body = data[match.end():match.end() + int(match.group(1))]
        with contextlib.suppress(zlib.error):
            parts.append(zlib.decompress(body))
    return b"\n".join(parts)


def normalized(text: str) -> str:
    return re.sub(r"\s+", "", _BIDI.sub("", unicodedata.normalize("NFKC", text)))


def plain(markdown: str) -> str:
    """What paper shows of a msgstr: a web link's address follows its text in brackets."""
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"\[([^\]]*)\]\(((?:https?|mailto):[^)]*)\)", r"\1 (\2)", text)
    return re.sub(r"\*\*|`", "", re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text))


def shows(page: str, segment: str, lang: str) -> bool:
    """Is a translated segment in pdftotext's output? Arabic: letters in logical order.

    poppler reorders right-to-left lines back to logical order, but numbers, Latin words and
    punctuation embedded in them may move; so Arabic is compared on its letters, in order,
    and every embedded Latin word or number must be on the page too.
    """
    if lang != "ar":
        return normalized(segment) in normalized(page)
    letters = "".join(_ARABIC_LETTER.findall(normalized(segment)))
    embedded = re.findall(r"[A-Za-z0-9]+", segment)
    page_text = normalized(page)
    return (letters in "".join(_ARABIC_LETTER.findall(page_text))
            and all(word in page_text for word in embedded))


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """PDFs of the test project (--draft, so es too) and of a hostile ru variant, made once
    per run (the tests only read them)."""
    made = made_once(tmp_path_factory, "pdf", _build_pdfs)
    assert isinstance(made, dict)
    return Built(root=Path(made["root"]), hostile=Path(made["hostile"]), output=made["output"])


def _build_pdfs(tmp: Path) -> dict[str, str]:
    root = tmp / "build"
    shutil.copytree(DATA / "build", root)
    result = run(root, "build", "--draft", "--format", "pdf")
    assert result.exit_code == 0, result.output
    hostile = tmp / "hostile"
    shutil.copytree(DATA / "build", hostile)
    path = catalogs.catalog_path(hostile / "locales", "ru", DOC)
    po = catalogs.read_catalog(path)
    for entry in po:
        if entry.msgid == "Check your temperature twice a day.":
            entry.msgstr = "<script>alert(1)</script> [ссылка](javascript:alert(2)) ok"
        elif entry.msgid == "When to call us":
            entry.msgstr = ("![a](data:image/png;base64,iVBORw0KGgo=) ![b](file:///etc/hostname)"
                            " ![c](https://tracker.example/p.png) <img src=x onerror=alert(3)>")
    atomic_write(path, catalogs.render(po))
    hostile_result = run(hostile, "build", "--lang", "ru", "--format", "pdf")
    assert hostile_result.exit_code == 0, hostile_result.output
    return {"root": str(root), "hostile": str(hostile), "output": hostile_result.output}


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_text_contains_every_translated_segment(built: Built, lang: str) -> None:
    page = sh("pdftotext", "-enc", "UTF-8", built.pdf(lang), "-")
    po = catalogs.read_catalog(catalogs.catalog_path(built.root / "locales", lang, DOC))
    found = catalogs.translations(po, approved_only=False)
    segments = [e.msgid for e in catalogs.entries(po)]
    assert len(segments) == 16
    for msgid in segments:
        if msgid in (ALT, DESCRIPTION):
            continue  # not page text: checked in the structure tree and metadata
        expected = plain(found.get(msgid, msgid))  # es: an untranslated one stays English
        assert shows(page, expected, lang), (msgid, expected)
    assert not shows(page, plain(found["Dose"])[::-1] + "x", lang)  # the check can fail


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_metadata_a4_tagged_and_language(built: Built, lang: str) -> None:
    info = sh("pdfinfo", "-enc", "UTF-8", built.pdf(lang))
    assert re.search(rf"^Title:\s+{re.escape(TITLES[lang])}$", info, re.M)
    assert re.search(r"^Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)$", info, re.M)
    assert re.search(r"^Tagged:\s+yes$", info, re.M)
    objects = pdf_objects(built.pdf(lang))
    assert f"/Lang ({lang})".encode() in objects
    po = catalogs.read_catalog(catalogs.catalog_path(built.root / "locales", lang, DOC))
    alt = catalogs.translations(po, approved_only=False)[ALT]
    assert b"/Alt <feff" + alt.encode("utf-16-be").hex().encode() + b">" in objects


@pytest.mark.parametrize("lang", LANGS)
def test_every_font_is_embedded_and_the_script_font_is_used(built: Built, lang: str) -> None:
    rows = sh("pdffonts", built.pdf(lang)).splitlines()[2:]
    assert rows
    for row in rows:
        emb = row.split()[-5]
        assert emb == "yes", row
    assert any(FONTS[lang] in row for row in rows)


@pytest.mark.parametrize("lang", LANGS)
def test_no_missing_glyphs(built: Built, lang: str) -> None:
    """A missing glyph is drawn as CID 0 (.notdef), which then has a width entry."""
    objects = pdf_objects(built.pdf(lang))
    widths = re.findall(rb"/W \[(.*?\])\]", objects, re.S)
    assert widths
    assert not [w for w in widths if w.startswith(b"0 [")]
    assert "\ufffd" not in sh("pdftotext", "-enc", "UTF-8", built.pdf(lang), "-")


def test_page_numbers_and_draft_banner(built: Built) -> None:
    text = sh("pdftotext", "-enc", "UTF-8", built.pdf("es"), "-")
    assert re.search(r"^Página 1 de 1$", text, re.M)
    spanish = "Traducción automática, todavía no revisada por un traductor médico"
    assert text.count(spanish) == 2  # page header and the banner on the page itself
    assert BANNER not in text
    russian = sh("pdftotext", built.pdf("ru"), "-")
    assert "Страница 1 из 1" in russian and "Машинный перевод" not in russian


def test_hostile_msgstr_is_inert_in_pdf(built: Built) -> None:
    pdf = built.pdf("ru", built.hostile)
    text = sh("pdftotext", "-enc", "UTF-8", pdf, "-")
    assert "<script>alert(1)</script>" in normalized(text)
    assert "[ссылка](javascript:alert(2))" in normalized(text)
    assert sh("pdfinfo", "-url", pdf).split("\n", 1)[1].split() == [
        "1", "Annotation", "https://www.example-hospital.org/international"]
    assert re.search(r"^JavaScript:\s+no$", sh("pdfinfo", pdf), re.M)
    objects = pdf_objects(pdf)
    assert b"/JavaScript" not in objects and b"/JS " not in objects
    assert f"built     output/ru/{DOC}.pdf\n" in built.output
    assert (f"warning: output/ru/{DOC}.pdf: image https://tracker.example/p.png is not "
            "embedded in the PDF (a remote image; its alt text shows instead)") in built.output


def test_fetcher_serves_project_files_only(tmp_path: Path) -> None:
    inside = tmp_path / "project" / "style.css"
    inside.parent.mkdir()
    inside.write_text("p { color: red }")
    outside = tmp_path / "secret.txt"
    outside.write_text("secret")
    fetcher = make_fetcher(roots=(inside.parent,))
    assert fetcher.fetch(inside.as_uri()).read() == b"p { color: red }"
    for url in (outside.as_uri(), (inside.parent / ".." / "secret.txt").as_uri(),
                "https://example.org/x.css", "http://127.0.0.1/", "data:text/css,p{}",
                "ftp://example.org/x", "file://otherhost/etc/hostname"):
        with pytest.raises(ValueError, match="refused"):
            fetcher.fetch(url)
    assert len(fetcher.refused) == 7


def test_missing_glyph_fails_the_pdf(tmp_path: Path) -> None:
    html = ("<!DOCTYPE html><html lang='en'><head><title>t</title></head>"
            "<body><p>Dose \ue000 mg</p></body></html>")
    report = render_pdf(html=html, base=tmp_path, roots=(tmp_path,), target=tmp_path / "x.pdf")
    assert report.missing_glyphs == ("U+E000",)
    assert not (tmp_path / "x.pdf").exists()


def test_build_reports_a_pdf_with_missing_glyphs(tmp_path: Path) -> None:
    root = tmp_path / "build"
    shutil.copytree(DATA / "build", root)
    path = catalogs.catalog_path(root / "locales", "ru", DOC)
    po = catalogs.read_catalog(path)
    for entry in po:
        if entry.msgid == "Dose":
            entry.msgstr = "Доза \ue000"
    atomic_write(path, catalogs.render(po))
    result = run(root, "build", "--lang", "ru", "--format", "pdf")
    assert result.exit_code == 1
    assert (f"failed    output/ru/{DOC}.pdf (no glyph in any installed font for U+E000; "
            "install a font that covers it, e.g. from fonts-noto-core)"
            ) in result.output.splitlines()
    assert not (root / "output" / "ru" / f"{DOC}.pdf").exists()
