"""`pipeline extract`, `status` and `init` end to end, through the CLI."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import polib
import pytest
from conftest import run

LANGS = ("es", "ru", "ar", "zh")


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file's bytes (the lock file aside: it is not content)."""
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file() and p.name != ".pipeline.lock"}


def test_extract_writes_templates_and_catalogs_that_msgfmt_accepts(project: Path) -> None:
    result = run(project, "extract")
    assert result.exit_code == 0, result.output
    assert result.output.startswith(
        "1 document (0 unchanged), 21 segments; 1 template and 4 catalogs updated")
    assert (project / "locales" / "dosing.pot").is_file()
    for lang in LANGS:
        po = project / "locales" / lang / "LC_MESSAGES" / "dosing.po"
        check = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(po)],
                               capture_output=True, text=True)
        assert check.returncode == 0, check.stderr
        assert polib.pofile(str(po)).metadata["Language"] == lang


def test_references_and_context_comments(project: Path) -> None:
    run(project, "extract")
    pot = polib.pofile(str(project / "locales" / "dosing.pot"))
    entry = pot.find("Do not take paracetamol before you call, because it can hide a fever.")
    assert entry is not None
    assert entry.occurrences == [("source/dosing.md", "14")]
    assert entry.comment == "paragraph under “Fever”"
    title = pot.find("Taking your medicines at home")
    assert title.occurrences == [("source/dosing.md", "2"), ("source/dosing.md", "7")]


def test_second_run_changes_no_byte(project: Path) -> None:
    run(project, "extract")
    before = snapshot(project)
    result = run(project, "extract")
    assert "0 templates and 0 catalogs updated" in result.output
    assert snapshot(project) == before


def approve_all(root: Path) -> None:
    for path in (root / "locales").rglob("*.po"):
        po = polib.pofile(str(path))
        for e in po:
            e.msgstr = f"[{path.parent.parent.name}] {e.msgid}"
        po.save()


def test_editing_one_sentence_makes_exactly_that_entry_fuzzy(project: Path) -> None:
    run(project, "extract")
    approve_all(project)
    before = {lang: polib.pofile(str(project / f"locales/{lang}/LC_MESSAGES/dosing.po"))
              for lang in LANGS}
    source = project / "source" / "dosing.md"
    source.write_text(source.read_text().replace("call us at once", "call us straight away"))
    result = run(project, "extract")
    assert result.exit_code == 0
    new_id = "If your temperature is **38 °C or higher**, call us straight away."
    old_id = "If your temperature is **38 °C or higher**, call us at once."
    for lang in LANGS:
        after = polib.pofile(str(project / f"locales/{lang}/LC_MESSAGES/dosing.po"))
        changed = [e for e in after if "fuzzy" in e.flags]
        assert [(e.msgid, e.previous_msgid, e.msgstr) for e in changed] == [
            (new_id, old_id, f"[{lang}] {old_id}")]
        untouched = {e.msgid: (e.msgstr, e.flags) for e in after if e.msgid != new_id}
        expected = {e.msgid: (e.msgstr, e.flags) for e in before[lang] if e.msgid != old_id}
        assert untouched == expected


def test_removed_document_keeps_translations_as_obsolete(project: Path) -> None:
    run(project, "extract")
    approve_all(project)
    (project / "source" / "dosing.md").unlink()
    run(project, "extract")
    po = polib.pofile(str(project / "locales/ru/LC_MESSAGES/dosing.po"))
    assert len(po) == 20 and all(e.obsolete for e in po)
    assert not (project / "locales" / "dosing.pot").exists()


def test_status_counts(project: Path) -> None:
    run(project, "extract")
    assert '"untranslated": 20' in run(project, "status", "--format", "json").output  # cached
    po_path = project / "locales/ru/LC_MESSAGES/dosing.po"
    po = polib.pofile(str(po_path))
    po[0].msgstr, po[1].msgstr = "Принимайте лекарства дома", "машинный"
    po[1].flags.append("fuzzy")
    po.save()
    result = run(project, "status", "--format", "json")
    rows = {(r["doc"], r["lang"]): r for r in json.loads(result.output)["catalogs"]}
    ru = rows[("dosing", "ru")]
    assert (ru["translated"], ru["fuzzy"], ru["untranslated"], ru["status"]) == (
        1, 1, 18, "released")
    text = run(project, "status").output
    assert "dosing" in text and "ru" in text and "5.0%" in text


def test_init_scaffolds_a_project_that_extracts(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from pipeline.cli import cli

    result = CliRunner().invoke(cli, ["init", str(tmp_path / "new")])
    assert result.exit_code == 0, result.output
    assert run(tmp_path / "new", "extract").exit_code == 0
    assert (tmp_path / "new/locales/es/LC_MESSAGES/welcome.po").is_file()
    again = CliRunner().invoke(cli, ["init", str(tmp_path / "new")])
    assert again.exit_code == 2
    assert "a pipeline project already exists here" in again.output


BAD_INPUTS = [
    ("non-UTF-8 source", "source/dosing.md", b"# Title\n\nCaf\xe9 is bad.\n",
     "error: source/dosing.md:3: not valid UTF-8 (re-save the file with UTF-8 encoding)"),
    ("binary source", "source/dosing.md", b"\x89PNG\r\n\x1a\n\0\0\0",
     "error: source/dosing.md:3: binary file, not Markdown (remove it from the source folder "
     "or save it as UTF-8 text)"),
    ("bad front matter", "source/dosing.md", b"---\ntitle: [unclosed\n---\n\nText.\n",
     "error: source/dosing.md:2: front matter: expected ',' or ']', but got '<stream end>' "
     "(fix the YAML between the '---' lines)"),
    ("front matter title not text", "source/dosing.md", b"---\ntitle:\n  a: 1\n---\n\nText.\n",
     "error: source/dosing.md:2: front matter 'title' must be text (write 'title: some text')"),
    ("path-like document name", "source/..md", b"# Hi\n",
     "error: source/..md: document name '.' is not usable as a catalog name (rename the file "
     "using letters, digits, '.', '_' and '-')"),
    ("malformed PO", "locales/ru/LC_MESSAGES/dosing.po",
     b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "A\nmsgstr ""\n',
     "error: locales/ru/LC_MESSAGES/dosing.po:5: PO syntax error: unterminated string or "
     "invalid escape (close the string with \" and escape \\ and \" inside it)"),
    ("unknown language tag", "pyproject.toml",
     b'[tool.pipeline]\n[tool.pipeline.languages]\nxx = "draft"\n',
     "error: {root}/pyproject.toml:3: unknown language tag 'xx' (use a tag Babel knows, such as "
     "'es', 'fr', 'ar', 'zh')"),
    ("path-like language tag", "pyproject.toml",
     b'[tool.pipeline]\n[tool.pipeline.languages]\n"../x" = "draft"\n',
     "error: {root}/pyproject.toml:3: '../x' is not a language tag (use a BCP 47 tag such as "
     "'es', 'fr', 'zh' or 'pt-BR')"),
    ("missing [tool.pipeline]", "pyproject.toml", b'[project]\nname = "x"\n',
     "error: {root}/pyproject.toml: no [tool.pipeline] table (add one (see 'pipeline init' for "
     "an example))"),
    ("invalid TOML", "pyproject.toml", b'[tool.pipeline\n',
     "error: {root}/pyproject.toml:1: invalid TOML: Expected ']' at the end of a table "
     "declaration (fix the TOML syntax)"),
]


@pytest.mark.parametrize(("what", "rel", "content", "message"), BAD_INPUTS,
                         ids=[b[0] for b in BAD_INPUTS])
def test_bad_input_is_one_line_exit_2_nothing_written(project: Path, what: str, rel: str,
                                                      content: bytes, message: str) -> None:
    if rel.startswith("locales/"):
        run(project, "extract")
    (project / rel).parent.mkdir(parents=True, exist_ok=True)
    (project / rel).write_bytes(content)
    before = snapshot(project)
    result = run(project, "extract")
    assert result.exit_code == 2
    assert result.output == message.format(root=project) + "\n"
    assert snapshot(project) == before


def test_no_project_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from pipeline.cli import cli

    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["status"])
    assert result.exit_code == 2
    assert result.output == (f"error: {tmp_path}: no project found: no pyproject.toml with "
                             "[tool.pipeline] here or above (run 'pipeline init' or pass "
                             "--project DIR)\n")


def test_python_dash_m_entry_point(project: Path) -> None:
    import sys

    done = subprocess.run([sys.executable, "-m", "pipeline", "--project", str(project), "extract"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_incremental_extract_touches_only_the_edited_document(project: Path) -> None:
    second = project / "source" / "other.md"
    second.write_text("# Other\n\nAnother page with one sentence.\n")
    run(project, "extract")
    mtimes = {p: p.stat().st_mtime_ns for p in (project / "locales").rglob("*.po*")}
    source = project / "source" / "dosing.md"
    source.write_text(source.read_text().replace("Measure your", "Take your"))
    result = run(project, "extract")
    assert result.output.startswith("2 documents (1 unchanged), 23 segments; 1 template and "
                                    "4 catalogs updated")
    touched = {p.relative_to(project).as_posix() for p, t in mtimes.items()
               if p.stat().st_mtime_ns != t}
    assert touched == {"locales/dosing.pot"} | {
        f"locales/{lang}/LC_MESSAGES/dosing.po" for lang in LANGS}


def test_deleted_catalog_is_recreated_even_when_sources_are_unchanged(project: Path) -> None:
    run(project, "extract")
    (project / "locales/ru/LC_MESSAGES/dosing.po").unlink()
    result = run(project, "extract")
    assert "(0 unchanged)" in result.output
    assert (project / "locales/ru/LC_MESSAGES/dosing.po").is_file()


def test_translator_edits_do_not_force_a_remerge_but_a_changed_entry_does(project: Path) -> None:
    run(project, "extract")
    approve_all(project)  # msgstr edits only: the catalogs still match their template
    assert "(1 unchanged)" in run(project, "extract").output
    path = project / "locales/ru/LC_MESSAGES/dosing.po"
    path.write_text(path.read_text() + '\nmsgid "Added by hand."\nmsgstr "Вручную."\n')
    result = run(project, "extract")
    assert "(0 unchanged)" in result.output
    po = polib.pofile(str(path))
    assert [e.msgid for e in po if e.obsolete] == ["Added by hand."]


def test_every_catalog_of_the_sample_project_passes_msgfmt_check() -> None:
    """The committed catalogs (hand translations and machine drafts alike) are valid gettext."""
    from conftest import REPO

    paths = sorted((REPO / "locales").rglob("*.po"))
    assert len(paths) == 10
    for path in paths:
        check = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)],
                               capture_output=True, text=True)
        assert check.returncode == 0, f"{path}: {check.stderr}"
