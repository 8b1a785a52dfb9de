"""Publishing when the English changes: `on-source-change = "withdraw" | "keep-previous"`.

Real builds (HTML and WeasyPrint PDF, read back with pdftotext) of the test project's
released Russian page, before and after a one-word English fix.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import DATA, run

from pipeline import catalogs
from pipeline.files import atomic_write

DOC = "after-car-t"
OLD = "Check your temperature twice a day."
NEW = "Check your temperature three times a day."
NEW_RU = "Измеряйте температуру три раза в день."


def project(tmp_path: Path, setting: str | None) -> Path:
    root = tmp_path / "project"
    shutil.copytree(DATA / "build", root)
    config = root / "pyproject.toml"
    text = config.read_text("utf-8")
    if setting:
        text = text.replace('segmentation = "sentence"',
                            f'segmentation = "sentence"\non-source-change = "{setting}"')
    config.write_text(text, "utf-8")
    source = root / "source" / f"{DOC}.md"
    source.write_text(source.read_text("utf-8").replace(
        "---\ntitle:", '---\nversion: "1.0"\ntitle:', 1), "utf-8")
    return root


def change_english(root: Path) -> None:
    """A one-word fix of the English, a new version number, then extract (entry goes fuzzy)."""
    source = root / "source" / f"{DOC}.md"
    text = source.read_text("utf-8")
    assert OLD in text
    source.write_text(text.replace(OLD, NEW).replace('version: "1.0"', 'version: "1.1"'),
                      "utf-8")
    assert run(root, "extract").exit_code == 0


def approve(root: Path, msgid: str, msgstr: str) -> None:
    """What a reviewer does: write the translation and remove the fuzzy flag."""
    path = catalogs.catalog_path(root / "locales", "ru", DOC)
    po = catalogs.read_catalog(path)
    (entry,) = [e for e in po if e.msgid == msgid]
    entry.msgstr = msgstr
    entry.flags = [f for f in entry.flags if f != "fuzzy"]
    entry.previous_msgid = None
    atomic_write(path, catalogs.render(po))
    subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], check=True)


def pdf_text(path: Path) -> str:
    """The PDF's text with line breaks joined (pdftotext keeps the page's lines)."""
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                          text=True, check=True, timeout=60).stdout
    return " ".join(text.split())


def released(root: Path) -> tuple[bytes, bytes]:
    out = root / "output" / "ru"
    first = run(root, "build", "--lang", "ru")
    assert first.exit_code == 0, first.output
    return (out / f"{DOC}.html").read_bytes(), (out / f"{DOC}.pdf").read_bytes()


@pytest.mark.parametrize("setting", [None, "withdraw"])
def test_withdraw_takes_the_release_down(tmp_path: Path, setting: str | None) -> None:
    root = project(tmp_path, setting)
    released(root)
    change_english(root)
    result = run(root, "build", "--lang", "ru")
    assert result.exit_code == 1
    assert (f"refused   ru/{DOC}: 1 machine translation not yet approved of 16 segments"
            in result.output)
    assert f"removed   output/ru/{DOC}.html (no longer built)" in result.output
    assert not (root / "output" / "ru" / f"{DOC}.html").exists()
    assert not (root / "output" / "ru" / f"{DOC}.pdf").exists()
    index = (root / "output" / "review.html").read_text("utf-8")  # the staff dashboard
    assert f'href="ru/{DOC}.html"' not in index
    assert "not published: review pending" in index
    patients = root / "output" / "ru" / "index.html"
    assert not patients.exists() or f'ru/{DOC}.html' not in patients.read_text("utf-8")


def test_keep_previous_keeps_the_last_release_until_reapproved(tmp_path: Path) -> None:
    root = project(tmp_path, "keep-previous")
    html, pdf = released(root)
    assert "Измеряйте температуру два раза в день." in pdf_text(
        root / "output" / "ru" / f"{DOC}.pdf")
    change_english(root)

    result = run(root, "build", "--lang", "ru")
    assert result.exit_code == 0, result.output
    assert (f"kept      ru/{DOC}: last release kept, translating English version 1.0; its "
            "update: 1 machine translation not yet approved of 16 segments") in result.output
    assert result.output.splitlines()[-1] == (
        "0 files built, 0 unchanged; 0 documents refused, 0 skipped, 1 last release kept")
    out = root / "output" / "ru"
    assert (out / f"{DOC}.html").read_bytes() == html  # the release itself, untouched
    assert (out / f"{DOC}.pdf").read_bytes() == pdf
    assert "Измеряйте температуру два раза в день." in pdf_text(out / f"{DOC}.pdf")
    index = (root / "output" / "review.html").read_text("utf-8")  # the staff dashboard
    assert f'href="ru/{DOC}.html"' in index and f'href="ru/{DOC}.pdf"' in index
    assert ("reviewed, translating the earlier English version 1.0; the update is under "
            "review") in index
    patients = (root / "output" / "ru" / "index.html").read_text("utf-8")
    assert f'href="../ru/{DOC}.html"' in patients  # still published for patients
    manifest = json.loads((root / "output" / ".build-manifest.json").read_text("utf-8"))
    assert manifest["releases"][f"ru/{DOC}"]["version"] == "version 1.0"

    # The kept release survives further builds until the update is approved.
    again = run(root, "build", "--lang", "ru")
    assert again.exit_code == 0 and f"kept      ru/{DOC}" in again.output

    approve(root, NEW, NEW_RU)
    result = run(root, "build", "--lang", "ru")
    assert result.exit_code == 0, result.output
    assert f"built     output/ru/{DOC}.pdf" in result.output
    text = pdf_text(out / f"{DOC}.pdf")
    assert NEW_RU in text and "Измеряйте температуру два раза" not in text
    index = (root / "output" / "review.html").read_text("utf-8")
    assert "earlier English" not in index
    manifest = json.loads((root / "output" / ".build-manifest.json").read_text("utf-8"))
    assert manifest["releases"][f"ru/{DOC}"]["version"] == "version 1.1"


def test_keep_previous_never_keeps_a_draft_build(tmp_path: Path) -> None:
    root = project(tmp_path, "keep-previous")
    change_english(root)
    assert run(root, "build", "--lang", "ru", "--format", "html", "--draft").exit_code == 0
    result = run(root, "build", "--lang", "ru", "--format", "html")
    assert result.exit_code == 1
    assert f"refused   ru/{DOC}" in result.output
    assert not (root / "output" / "ru" / f"{DOC}.html").exists()


def test_bad_setting_is_one_line_with_its_line(tmp_path: Path) -> None:
    root = project(tmp_path, "keep")
    result = run(root, "status")
    assert result.exit_code == 2
    assert result.output == (
        f"error: {root.resolve() / 'pyproject.toml'}:5: 'on-source-change' must be one of "
        "withdraw, keep-previous, not 'keep' (write e.g. on-source-change = \"withdraw\")\n")


def test_keep_previous_without_a_version_names_the_day_and_text(tmp_path: Path) -> None:
    import hashlib
    import re

    root = project(tmp_path, "keep-previous")
    source = root / "source" / f"{DOC}.md"
    source.write_text(source.read_text("utf-8").replace('version: "1.0"\n', ""), "utf-8")
    short = hashlib.sha256(source.read_bytes()).hexdigest()[:8]
    assert run(root, "build", "--lang", "ru", "--format", "html").exit_code == 0
    source.write_text(source.read_text("utf-8").replace(OLD, NEW), "utf-8")
    result = run(root, "build", "--lang", "ru", "--format", "html")
    assert result.exit_code == 0
    assert re.search(rf"kept      ru/{DOC}: last release kept, translating English text of "
                     rf"\d{{4}}-\d\d-\d\d \({short}\); its update: 1 untranslated of 16 segments",
                     result.output), result.output
