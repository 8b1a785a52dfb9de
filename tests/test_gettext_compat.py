"""Catalogs that GNU gettext and translators' tools agree with, byte for byte.

msgcat is the judge of layout, msgmerge of merge results, msgfmt of validity; Poedit-style
saves, pybabel and translate-toolkit are the tools whose output the pipeline must not churn.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import polib
import pytest
from conftest import REPO, run

from pipeline import catalogs, merge

HEADER = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
          '"Language: es\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n')
BIN = Path(sys.executable).parent


def msgcat(path: Path, *args: str) -> str:
    return subprocess.run(["msgcat", *args, str(path)], capture_output=True, text=True,
                          check=True).stdout


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted((root / "locales").rglob("*.po*"))}


# -- 3. bytes identical to msgcat ---------------------------------------------------------

def test_every_sample_catalog_is_what_msgcat_writes() -> None:
    files = sorted((REPO / "locales").rglob("*.po*"))
    assert len(files) >= 12
    for path in files:
        assert msgcat(path) == path.read_text("utf-8"), path


def _django_files() -> list[Path]:
    import django

    return sorted(Path(django.__file__).parent.rglob("*.po"))


def test_rendering_matches_msgcat_on_django_catalogs(tmp_path: Path) -> None:
    """Third-party catalogs in ~100 languages (CJK, Thai, Arabic, plural forms, python-format
    flags, long references): our rendering is msgcat's, byte for byte. Django's core catalog
    in ten scripts plus every sixth of the others here; bench/gettext_compat.py runs all
    1,200."""
    files = _django_files()
    assert len(files) > 1000
    scripts = ("ar", "he", "ja", "ko", "th", "zh_Hans", "ru", "hi", "my", "km")
    core = [p for p in files if p.parts[-5:-3] == ("conf", "locale") and p.parts[-3] in scripts]
    chosen = sorted({*core, *files[::6]})
    assert len(core) == len(scripts)

    def compare(item: tuple[int, Path]) -> str | None:
        index, path = item
        rendered = catalogs.render(catalogs.read_catalog(path))
        out = tmp_path / f"{index}.po"
        out.write_text(rendered, "utf-8")
        return None if msgcat(out) == rendered else str(path)

    with ThreadPoolExecutor(max_workers=4) as pool:
        differing = [p for p in pool.map(compare, enumerate(chosen)) if p]
    assert differing == []


def test_extracted_comment_is_one_line_however_long(sample: Path) -> None:
    text = (sample / "locales" / "car-t-or-transplant.pot").read_text("utf-8")
    long = [line for line in text.splitlines() if line.startswith("#. ") and len(line) > 79]
    assert long, "the sample has headings longer than a line"
    assert all(line.endswith("”") for line in long)  # never cut mid-heading


# -- 3. no churn after translators' tools ---------------------------------------------------

def _poedit_like(path: Path) -> None:
    """Poedit reads a catalog and saves it: header field added, its own wrapping (polib
    at width 76 stands in for wxWidgets' writer)."""
    po = polib.pofile(str(path), wrapwidth=76)
    po.metadata["X-Generator"] = "Poedit 3.4"
    po.save(str(path))


def _tool(name: str, root: Path, path: Path) -> None:
    pot = root / "locales" / f"{path.stem}.pot"
    commands = {
        "msgcat": ["msgcat", "-o", str(path), str(path)],
        "msgcat --no-wrap": ["msgcat", "--no-wrap", "-o", str(path), str(path)],
        "msgcat --sort-output": ["msgcat", "--sort-output", "-o", str(path), str(path)],
        "msgattrib": ["msgattrib", "-o", str(path), str(path)],
        "msguniq": ["msguniq", "-o", str(path), str(path)],
        "msgmerge --previous -U": ["msgmerge", "-q", "--previous", "--backup=off", "-U",
                                   str(path), str(pot)],
        "pybabel update": [str(BIN / "pybabel"), "-q", "update", "-i", str(pot), "-o",
                           str(path), "-l", path.parts[-3], "--previous"],
    }
    if name == "poedit":
        _poedit_like(path)
    elif name == "polib width 60":
        po = polib.pofile(str(path), wrapwidth=60)
        po.save(str(path))
    elif name == "po2xliff/xliff2po":
        xlf = path.with_suffix(".xlf")
        subprocess.run([str(BIN / "po2xliff"), "--progress=none", str(path), str(xlf)], check=True)
        subprocess.run([str(BIN / "xliff2po"), "--progress=none", str(xlf), str(path)], check=True)
        xlf.unlink()
    else:
        subprocess.run(commands[name], check=True, capture_output=True)


TOOLS = ["poedit", "msgcat", "msgcat --no-wrap", "msgcat --sort-output", "polib width 60",
         "msgattrib", "msguniq", "msgmerge --previous -U", "pybabel update",
         "po2xliff/xliff2po"]


def pages(root: Path) -> dict[str, bytes]:
    assert run(root, "build", "--format", "html", "--draft").exit_code in (0, 1)
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted((root / "output").rglob("*.html"))}


@pytest.mark.parametrize("tool", TOOLS)
def test_extract_leaves_a_tools_save_alone(sample: Path, tool: str) -> None:
    built = pages(sample) if tool == "poedit" else None
    for path in sorted((sample / "locales").glob("*/LC_MESSAGES/*.po")):
        _tool(tool, sample, path)
    before = tree(sample)
    # what check and build make of the catalogs follows from their bytes: asserted here
    # once, for the save that also rebuilds the pages
    checked = run(sample, "check", "--format", "json").output if built is not None else ""
    # extract's own record of what it did last would let it skip the catalogs: forget it
    # (the check cache stays: the catalogs must come out byte for byte the same anyway)
    (sample / ".pipeline" / "extract-state.json").unlink(missing_ok=True)
    result = run(sample, "extract")
    assert result.exit_code == 0, result.output
    changed = [name for name, data in tree(sample).items() if before.get(name) != data]
    assert changed == [], f"{tool}: extract rewrote {changed}"
    if built is not None:
        assert run(sample, "check", "--format", "json").output == checked
        shutil.rmtree(sample / "output")
        assert pages(sample) == built


def test_sorted_catalog_keeps_its_order_until_entries_change(sample: Path) -> None:
    path = sample / "locales" / "ru" / "LC_MESSAGES" / "travelling-for-treatment.po"
    _tool("msgcat --sort-output", sample, path)
    sorted_ids = [e.msgid for e in polib.pofile(str(path))]
    assert run(sample, "extract").exit_code == 0
    assert [e.msgid for e in polib.pofile(str(path))] == sorted_ids
    source = sample / "source" / "travelling-for-treatment.md"
    source.write_text(source.read_text("utf-8") + "\nA new closing sentence.\n", "utf-8")
    assert run(sample, "extract").exit_code == 0
    ids = [e.msgid for e in polib.pofile(str(path)) if not e.obsolete]
    assert ids[-1] == "A new closing sentence."  # a real change: document order again
    assert msgcat(path) == path.read_text("utf-8")


# -- 2. Plural-Forms never churns -----------------------------------------------------------

def test_hand_set_plural_forms_survive_extract(sample: Path) -> None:
    path = sample / "locales" / "es" / "LC_MESSAGES" / "car-t-or-transplant.po"
    text = path.read_text("utf-8")
    own = "nplurals=2; plural=n != 1;"  # another tool's spelling of the same rule
    text = text.replace("nplurals=2; plural=(n != 1);", own)
    assert own in text
    path.write_text(text, "utf-8")
    source = sample / "source" / "car-t-or-transplant.md"
    source.write_text(source.read_text("utf-8") + "\nOne more sentence.\n", "utf-8")
    assert run(sample, "extract").exit_code == 0
    assert polib.pofile(str(path)).metadata["Plural-Forms"] == own


def test_check_reports_plural_entries_that_disagree_with_the_header(tmp_path: Path) -> None:
    root = tmp_path / "p"
    shutil.copytree(REPO / "tests" / "data" / "project", root)
    assert run(root, "extract").exit_code == 0
    path = root / "locales" / "ru" / "LC_MESSAGES" / "dosing.po"
    text = path.read_text("utf-8") + (
        '\n#: source/dosing.md:1\nmsgid "one day"\nmsgid_plural "%d days"\n'
        'msgstr[0] "день"\nmsgstr[1] "дней"\n')
    path.write_text(text, "utf-8")
    line = text.count("\n", 0, text.index('msgid "one day"')) + 1
    result = run(root, "check", "--lang", "ru")
    assert result.exit_code == 1
    assert f"dosing.po:{line}" in result.output
    assert "nplurals=3" in result.output
    assert path.read_text("utf-8") == text  # reported, not rewritten


# -- 4. the merge, on the cases GNU gettext tests itself -------------------------------------

def _merge_both(tmp_path: Path, old: str, pot: str) -> tuple[str, str]:
    """(msgmerge --previous, our merge) of the same pair, entries only, as msgcat writes."""
    (tmp_path / "old.po").write_text(old, "utf-8")
    (tmp_path / "new.pot").write_text(pot, "utf-8")
    gnu = subprocess.run(["msgmerge", "--previous", "-q", "old.po", "new.pot"], cwd=tmp_path,
                         capture_output=True, text=True, check=True).stdout
    ours, _ = merge.merge(catalogs.read_catalog(tmp_path / "new.pot"),
                             catalogs.read_catalog(tmp_path / "old.po"), lang="es")

    def body(text: str) -> str:
        return text.split("\n\n", 1)[1] if "\n\n" in text else ""

    return body(gnu), body(catalogs.render(ours))


MERGE_CASES = {
    "short segment": (
        'msgid "Closed"\nmsgstr "Cerrado"\n',
        'msgid "Close"\nmsgstr ""\n'),
    "fuzzy source keeps the English it was made for": (
        '#, fuzzy\n#| msgid "Take one tablet daily."\nmsgid "Take one tablet each day."\n'
        'msgstr "Tome una pastilla al día."\n',
        'msgid "Take one tablet each day with water."\nmsgstr ""\n'),
    "obsolete keeps previous": (
        'msgid "Rest."\nmsgstr "Descanse."\n\n#, fuzzy\n#~| msgid "Old text here."\n'
        '#~ msgid "Old text there."\n#~ msgstr "Texto viejo."\n',
        'msgid "Rest."\nmsgstr ""\n'),
    "plural entries and template flags": (
        'msgid "%d day"\nmsgid_plural "%d days"\nmsgstr[0] "%d día"\nmsgstr[1] "%d días"\n\n'
        'msgid "Keep %s cold"\nmsgstr "Mantenga %s frío"\n',
        '#, c-format, range: 1..30\nmsgid "%d day"\nmsgid_plural "%d days"\nmsgstr[0] ""\n'
        'msgstr[1] ""\n\n#, c-format, no-wrap\nmsgid "Keep %s cold"\nmsgstr ""\n\n'
        '#, c-format\nmsgid "%d week"\nmsgid_plural "%d weeks"\nmsgstr[0] ""\nmsgstr[1] ""\n'),
    "one-line entries and bare references": (
        '#:src/a.c:29\nmsgid "2" msgstr "2"\n',
        '#:src/a.c:30\nmsgid "2"\nmsgstr ""\n'),
}


@pytest.mark.parametrize("name", sorted(MERGE_CASES))
def test_merge_matches_msgmerge_byte_for_byte(tmp_path: Path, name: str) -> None:
    old, pot = MERGE_CASES[name]
    gnu, ours = _merge_both(tmp_path, HEADER + old, HEADER + pot)
    assert ours == gnu


def test_obsolete_entry_in_a_template_is_not_made_live(tmp_path: Path) -> None:
    """msgmerge 0.21 revives it as an untranslated entry; a template's history is not work."""
    gnu, ours = _merge_both(tmp_path, HEADER + 'msgid "Rest."\nmsgstr "Descanse."\n',
                            HEADER + 'msgid "Rest."\nmsgstr ""\n\n#~ msgid "Gone."\n'
                            '#~ msgstr ""\n')
    assert 'msgid "Gone."' in gnu
    assert ours == 'msgid "Rest."\nmsgstr "Descanse."\n'


def test_short_fuzzy_match_names_the_old_english(tmp_path: Path) -> None:
    _, ours = _merge_both(tmp_path, HEADER + MERGE_CASES["short segment"][0],
                          HEADER + MERGE_CASES["short segment"][1])
    assert '#, fuzzy\n#| msgid "Closed"\nmsgid "Close"\nmsgstr "Cerrado"' in ours


@pytest.mark.parametrize(("text", "line", "message"), [
    (HEADER + 'msgid "A"\nmsgstr "a"\n\n#~ msgid "A"\n#~ msgstr "b"\n', 10, "also live"),
    ("\ufeff" + HEADER + 'msgid "A"\nmsgstr "a"\n', 1, "byte order mark"),
])
def test_catalogs_msgmerge_refuses_are_refused(tmp_path: Path, text: str, line: int,
                                                message: str) -> None:
    path = tmp_path / "x.po"
    path.write_text(text, "utf-8")
    gnu = subprocess.run(["msgmerge", "-q", str(path), str(path)], capture_output=True)
    assert gnu.returncode != 0  # the judge refuses it too
    with pytest.raises(catalogs.CatalogError, match=message) as info:
        catalogs.read_catalog(path, shown="x.po")
    assert info.value.line == line


def test_twin_entries_stop_extract_with_one_line(sample: Path) -> None:
    path = sample / "locales" / "ru" / "LC_MESSAGES" / "car-t-or-transplant.po"
    live = next(e for e in polib.pofile(str(path)) if e.msgstr and e.msgid)
    text = path.read_text("utf-8")
    twin = f'\n#~ msgid "{live.msgid}"\n#~ msgstr "другой перевод"\n'
    path.write_text(text + twin, "utf-8")
    before = tree(sample)
    result = subprocess.run([sys.executable, "-m", "pipeline", "--project", str(sample),
                             "extract"], capture_output=True, text=True)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("error: locales/ru/LC_MESSAGES/car-t-or-transplant.po:")
    assert "also live" in lines[0]
    assert tree(sample) == before


def test_valid_po_polib_refuses_is_read_and_accepted_by_msgfmt(tmp_path: Path) -> None:
    path = tmp_path / "x.po"
    path.write_text(HEADER + '#:src/a.c:29\nmsgid "2" msgstr "2"\n\n'
                    '#, fuzzy\n#~| msgid "old"\n#~ msgid "new"\n#~ msgstr "nuevo"\n', "utf-8")
    assert subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)]).returncode == 0
    po = catalogs.read_catalog(path)
    entry = next(e for e in po if e.msgid == "2")
    assert (entry.msgstr, entry.occurrences) == ("2", [("src/a.c", "29")])
    dead = next(e for e in po if e.obsolete)
    assert (dead.msgid, dead.previous_msgid) == ("new", "old")
    assert catalogs.render(po) == msgcat(path)


# -- 5. approval changes only by a human ---------------------------------------------------

def _es_catalog(root: Path) -> Path:
    return root / "locales" / "es" / "LC_MESSAGES" / "dosing.po"


def test_refresh_never_redoes_text_carried_to_other_english(tmp_path: Path) -> None:
    """msgmerge -U without --previous carries a translation to a changed sentence and drops
    `#|`: the machine mark no longer fits that English, so refresh leaves the text alone."""
    root = tmp_path / "p"
    shutil.copytree(REPO / "tests" / "data" / "project", root)
    assert run(root, "extract").exit_code == 0
    assert run(root, "translate", "--lang", "es", "--engine", "pseudo").exit_code == 0
    path = _es_catalog(root)
    po = polib.pofile(str(path))
    target = next(e for e in po if e.msgid.startswith("Never stop a medicine"))
    target.msgstr = "Nunca deje un medicamento por su cuenta."  # a translator's own text
    target.tcomment = "\n".join(line for line in target.tcomment.splitlines()
                                if not line.startswith("mt: output"))
    target.tcomment += "\nmt: output " + "0" * 12
    po.save(str(path))
    source = root / "source" / "dosing.md"
    source.write_text(source.read_text("utf-8").replace(
        "Never stop a medicine on your own.", "Never stop any medicine on your own."), "utf-8")
    assert run(root, "extract").exit_code == 0  # writes the new template
    subprocess.run(["msgmerge", "-q", "--backup=off", "-U", str(path),
                    str(root / "locales" / "dosing.pot")], check=True)
    carried = next(e for e in polib.pofile(str(path))
                   if e.msgid.startswith("Never stop any medicine"))
    assert carried.msgstr == "Nunca deje un medicamento por su cuenta."
    assert not carried.previous_msgid  # msgmerge without --previous dropped it
    assert run(root, "translate", "--lang", "es", "--engine", "pseudo",
               "--refresh-fuzzy").exit_code == 0
    again = next(e for e in polib.pofile(str(path))
                 if e.msgid.startswith("Never stop any medicine"))
    assert again.msgstr == "Nunca deje un medicamento por su cuenta."


def test_obsolete_machine_draft_unfuzzied_by_pybabel_returns_fuzzy(tmp_path: Path) -> None:
    root = tmp_path / "p"
    shutil.copytree(REPO / "tests" / "data" / "project", root)
    assert run(root, "extract").exit_code == 0
    assert run(root, "translate", "--lang", "es", "--engine", "pseudo").exit_code == 0
    source = root / "source" / "dosing.md"
    original = source.read_text("utf-8")
    sentence = "Ask your haematologist first."
    source.write_text(original.replace(sentence, ""), "utf-8")
    assert run(root, "extract").exit_code == 0
    path = _es_catalog(root)
    gone = next(e for e in polib.pofile(str(path)) if e.msgid == sentence)
    assert gone.obsolete and "fuzzy" in gone.flags
    subprocess.run([str(BIN / "pybabel"), "-q", "update", "-i",
                    str(root / "locales" / "dosing.pot"), "-o", str(path), "-l", "es"],
                   check=True, capture_output=True)
    unfuzzied = next(e for e in polib.pofile(str(path)) if e.msgid == sentence)
    assert unfuzzied.obsolete and "fuzzy" not in unfuzzied.flags  # what pybabel does
    source.write_text(original, "utf-8")
    assert run(root, "extract").exit_code == 0
    back = next(e for e in polib.pofile(str(path)) if e.msgid == sentence)
    assert not back.obsolete and back.msgstr
    assert "fuzzy" in back.flags
