"""Nothing silently dropped or wrong: emphasis spans, no-break spaces, images the PDF cannot
embed, empty documents, orphaned and missing catalogs, counts in the right number.

Real extract (msgfmt --check on what it writes), real builds (WeasyPrint, pdftotext).
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from conftest import run

from pipeline import catalogs
from pipeline.files import atomic_write
from pipeline.translate import clean

NBSP = "\u00a0"
SOURCE = f"""---
title: Your visit
---

# Your visit

_Dr. Ana Ruiz, Dept. of Haematology. Call us first._ Then come to the desk.

Take 5{NBSP}mg each morning. Ask *Dr. Ruiz* if you feel sick.

![Map of the hospital](/img/map.png)

![Hospital logo](https://example.org/logo.png)
"""
EMPHASIS = "_Dr. Ana Ruiz, Dept. of Haematology. Call us first._"
DOSE = f"Take 5{NBSP}mg each morning."


@pytest.fixture
def visit(tmp_path: Path) -> Path:
    root = tmp_path / "visit"
    (root / "source").mkdir(parents=True)
    (root / "pyproject.toml").write_text(
        '[tool.pipeline]\nproject-name = "Visit"\nengines = ["pseudo"]\n\n'
        '[tool.pipeline.languages]\nes = "draft"\n', "utf-8")
    (root / "source" / "visit.md").write_text(SOURCE, "utf-8")
    result = run(root, "extract")
    assert result.exit_code == 0, result.output
    return root


def msgfmt_check(path: Path) -> None:
    subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], check=True,
                   capture_output=True)


def test_emphasis_span_and_no_break_space_survive_extraction(visit: Path) -> None:
    pot = visit / "locales" / "visit.pot"
    po = visit / "locales" / "es" / "LC_MESSAGES" / "visit.po"
    msgfmt_check(pot)
    msgfmt_check(po)
    msgids = [e.msgid for e in catalogs.read_catalog(pot)]
    assert msgids == ["Your visit", EMPHASIS, "Then come to the desk.", DOSE,
                      "Ask *Dr. Ruiz* if you feel sick.", "Map of the hospital",
                      "Hospital logo"]
    assert f'msgid "Take 5{NBSP}mg each morning."' in pot.read_text("utf-8")


def draft_one(root: Path) -> None:
    """A machine-style (fuzzy) translation of the emphasis sentence: es can be drafted."""
    path = root / "locales" / "es" / "LC_MESSAGES" / "visit.po"
    po = catalogs.read_catalog(path)
    for entry in po:
        if entry.msgid == EMPHASIS:
            entry.msgstr = "_Dra. Ana Ruiz, Servicio de Hematología. Llámenos antes._"
            entry.flags = ["fuzzy"]
    atomic_write(path, catalogs.render(po))
    msgfmt_check(path)


def test_no_break_space_and_emphasis_reach_the_page_and_the_pdf(visit: Path) -> None:
    draft_one(visit)
    result = run(visit, "build", "--draft")
    assert result.exit_code == 0, result.output
    html = (visit / "output" / "es" / "visit.html").read_text("utf-8")
    assert "<em>Dra. Ana Ruiz, Servicio de Hematología. Llámenos antes.</em>" in html
    assert f"Take 5{NBSP}mg each morning." in html  # the English fallback, space kept
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(visit / "output" / "es" /
                                                             "visit.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "Take 5 mg each morning." in text  # pdftotext writes U+00A0 as a space
    assert "Dra. Ana Ruiz, Servicio de Hematología. Llámenos antes." in text
    assert "_" not in text


def test_site_relative_and_remote_images_keep_src_and_are_reported(visit: Path) -> None:
    draft_one(visit)
    result = run(visit, "build", "--draft")
    assert result.exit_code == 0, result.output
    html = (visit / "output" / "es" / "visit.html").read_text("utf-8")
    assert '<img src="/img/map.png" alt="Map of the hospital"' in html
    assert '<img src="https://example.org/logo.png" alt="Hospital logo"' in html
    lines = result.output.splitlines()
    assert ("warning: output/es/visit.pdf: image /img/map.png is not embedded in the PDF (a "
            "site-relative path; its alt text shows instead): put the image in the source "
            "folder and give a relative path") in lines
    assert ("warning: output/es/visit.pdf: image https://example.org/logo.png is not embedded "
            "in the PDF (a remote image; its alt text shows instead): put the image in the "
            "source folder and give a relative path") in lines
    assert "built     output/es/visit.pdf" in lines  # no other URL was refused


def test_empty_document_is_reported(visit: Path) -> None:
    (visit / "source" / "blank.md").write_text("\n", "utf-8")
    result = run(visit, "extract")
    assert result.exit_code == 0
    assert ("warning: source/blank.md: empty document, nothing to translate (write its text, "
            "or remove the file)") in result.output
    assert result.output.startswith("2 documents (1 unchanged), 8 segments; 1 template and "
                                    "1 catalog updated")
    (row,) = [line for line in run(visit, "status").output.splitlines()
              if line.startswith("blank")]
    assert row.endswith("empty  (nothing to translate: the source document is empty)")
    assert "100.0%" not in row


def test_removed_document_catalogs_are_orphaned_in_status_and_check(visit: Path) -> None:
    (visit / "source" / "visit.md").unlink()
    assert run(visit, "extract").exit_code == 0
    status = run(visit, "status")
    (row,) = [line for line in status.output.splitlines() if line.startswith("visit")]
    assert row.split()[:3] == ["visit", "es", "draft"]
    assert row.endswith("orphaned  (source removed: delete the catalog or restore visit.md)")
    data = json.loads(run(visit, "status", "--format", "json").output)
    assert [(c["doc"], c["state"]) for c in data["catalogs"]] == [("visit", "orphaned")]
    check = run(visit, "check", "--format", "json")
    found = [f for f in json.loads(check.output)["findings"] if f["check"] == "orphaned"]
    assert [(f["file"], f["severity"], f["message"]) for f in found] == [
        ("locales/es/LC_MESSAGES/visit.po", "warning",
         "catalog of a removed document (source/visit.md is gone); delete the catalog once "
         "nothing in it is worth reusing, or restore the source")]


def test_status_of_a_missing_catalog_says_missing(visit: Path) -> None:
    config = visit / "pyproject.toml"
    config.write_text(config.read_text("utf-8") + 'fr = "draft"\n', "utf-8")
    status = run(visit, "status")
    (row,) = [line for line in status.output.splitlines() if line.startswith("visit  fr")]
    assert "missing  (no catalog: run 'pipeline extract')" in row
    assert "100.0%" not in row
    data = json.loads(run(visit, "status", "--format", "json").output)
    assert {c["lang"]: c["state"] for c in data["catalogs"]} == {"es": "present",
                                                                 "fr": "missing"}


@pytest.mark.parametrize(("msgstr", "checks"), [
    ("Tome 5 mg cada mañana.", []),
    (f"Tome 5{NBSP}mg cada mañana.", []),
    ("Tome 5\u202fmg cada mañana.", []),
    ("Tome 50 mg cada mañana.", ["numbers"]),  # the control: a wrong dose is still found
])
def test_checks_read_a_no_break_space_as_a_space(visit: Path, msgstr: str,
                                                 checks: list[str]) -> None:
    path = visit / "locales" / "es" / "LC_MESSAGES" / "visit.po"
    po = catalogs.read_catalog(path)
    for entry in po:
        if entry.msgid == DOSE:
            entry.msgstr = msgstr  # approved: no fuzzy flag
    atomic_write(path, catalogs.render(po))
    msgfmt_check(path)
    report = json.loads(run(visit, "check", "--format", "json").output)
    assert report["summary"]["entries"] == 1
    assert sorted({f["check"] for f in report["findings"] if f["msgid"] == DOSE}) == checks


def test_machine_translation_keeps_no_break_spaces(visit: Path) -> None:
    assert clean(f"Tome 5{NBSP}mg\ncada\tmañana.") == f"Tome 5{NBSP}mg cada mañana."
    result = run(visit, "translate", "--engine", "pseudo")
    assert result.exit_code == 0, result.output
    po = catalogs.read_catalog(visit / "locales" / "es" / "LC_MESSAGES" / "visit.po")
    (entry,) = [e for e in po if e.msgid == DOSE]
    assert f"5{NBSP}mg" in entry.msgstr
