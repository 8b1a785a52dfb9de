"""Catalog merge: msgmerge semantics, compared with GNU msgmerge on the same pairs."""

from __future__ import annotations

import subprocess
from pathlib import Path

import polib
import pytest

from pipeline import catalogs, merge
from pipeline.errors import CatalogError

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: es\\n"\n\n'


def po(*entries: str, obsolete: tuple[str, ...] = ()) -> str:
    return HEADER + "\n".join(entries) + "\n" + "\n".join(obsolete)


def entry(msgid: str, msgstr: str = "", *, fuzzy: bool = False, comment: str = "") -> str:
    lines = [f"# {comment}"] if comment else []
    if fuzzy:
        lines.append("#, fuzzy")
    lines += [f'msgid "{msgid}"', f'msgstr "{msgstr}"', ""]
    return "\n".join(lines)


def dead(msgid: str, msgstr: str) -> str:
    return f'#~ msgid "{msgid}"\n#~ msgstr "{msgstr}"\n'


PAIRS = {
    "edit-remove-add-revive": (
        po(entry("Take the tablet twice a day with food.", "Tome la pastilla dos veces al día."),
           entry("Call us if you have a fever.", "Llámenos si tiene fiebre."),
           entry("An untranslated sentence.", ""),
           entry("Rest at home for a week.", "Descanse en casa una semana."),
           obsolete=(dead("An old obsolete sentence.", "Una frase obsoleta."),)),
        po(entry("Take the tablet three times a day with food."),
           entry("Call us if you have a fever."),
           entry("An old obsolete sentence."),
           entry("Something completely new here.")),
    ),
    "fuzzy-kept-and-comments": (
        po(entry("Bring your passport.", "Traiga su pasaporte.", fuzzy=True, comment="mt: pseudo"),
           entry("Bring your medicines in their boxes.", "Traiga sus medicinas.",
                 comment="checked by Ana")),
        po(entry("Bring your passport."), entry("Bring your medicines in their original boxes."),
           entry("Drink plenty of water.")),
    ),
    "nothing-similar": (
        po(entry("Fever is common after CAR-T therapy.", "La fiebre es frecuente.")),
        po(entry("Book a hotel near the hospital."), entry("Pack warm clothes.")),
    ),
}


def states(po_file: polib.POFile) -> dict[str, tuple[str, str, str | None]]:
    """msgid → (state, msgstr, previous msgid) for every entry."""
    out = {}
    for e in po_file:
        state = "obsolete" if e.obsolete else "fuzzy" if "fuzzy" in e.flags else (
            "translated" if e.msgstr else "untranslated")
        out[e.msgid] = (state, e.msgstr, e.previous_msgid)
    return out


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_merge_agrees_with_msgmerge(tmp_path: Path, name: str) -> None:
    old_text, pot_text = PAIRS[name]
    (tmp_path / "old.po").write_text(old_text, "utf-8")
    (tmp_path / "new.pot").write_text(pot_text, "utf-8")
    gnu = subprocess.run(["msgmerge", "--previous", "-q", "old.po", "new.pot"],
                         cwd=tmp_path, capture_output=True, text=True, check=True).stdout
    ours, _ = merge.merge(polib.pofile(pot_text), polib.pofile(old_text), lang="es")
    assert states(ours) == states(polib.pofile(gnu))
    # translator comments survive, as with msgmerge
    assert {e.msgid: e.tcomment for e in ours} == {e.msgid: e.tcomment
                                                   for e in polib.pofile(gnu)}


def test_no_msgstr_is_ever_lost() -> None:
    old_text, pot_text = PAIRS["edit-remove-add-revive"]
    old = polib.pofile(old_text)
    merged, stats = merge.merge(polib.pofile(pot_text), old, lang="es")
    kept = {e.msgstr for e in merged if e.msgstr}
    assert {e.msgstr for e in old if e.msgstr} <= kept
    assert (stats.kept, stats.added, stats.fuzzy, stats.obsolete) == (2, 1, 1, 1)


GNU_PLURALS = {  # what GNU gettext's msginit writes for a new catalog
    "es": "nplurals=2; plural=(n != 1);",
    "fr": "nplurals=2; plural=(n > 1);",
    "pt_BR": "nplurals=2; plural=(n > 1);",
    "ru": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
          "(n%100<10 || n%100>=20) ? 1 : 2);",
    "ar": "nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 "
          ": n%100>=11 ? 4 : 5;",
    "zh": "nplurals=1; plural=0;",
    "ja": "nplurals=1; plural=0;",
}


@pytest.mark.parametrize("lang", sorted(GNU_PLURALS))
def test_new_catalog_header_has_gnu_plural_forms_whatever_babel_says(
        lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import babel.messages.plurals

    def no_cldr(_: str) -> None:
        raise AssertionError("the header must not depend on the installed Babel")

    monkeypatch.setattr(babel.messages.plurals, "get_plural", no_cldr)
    pot = polib.pofile(po(entry("One.")))
    merged, _ = merge.merge(pot, None, lang=lang.replace("_", "-"))
    assert merged.metadata["Language"] == lang
    assert merged.metadata["Plural-Forms"] == GNU_PLURALS[lang]
    assert merged.metadata["Content-Type"] == "text/plain; charset=UTF-8"


@pytest.mark.parametrize(("text", "line", "message"), [
    (HEADER + 'msgid "Open\nmsgstr ""\n', 6, "PO syntax error"),
    (HEADER + 'msgid "A"\nmsgstr "a"\n\nmsgid "A"\nmsgstr "b"\n', 9, "duplicate entry"),
    (HEADER.replace("UTF-8", "ISO-8859-1") + 'msgid "A"\nmsgstr "a"\n', 3,
     "declares charset ISO-8859-1"),
])
def test_malformed_catalogs_name_the_line(tmp_path: Path, text: str, line: int,
                                          message: str) -> None:
    path = tmp_path / "bad.po"
    path.write_text(text, "utf-8")
    with pytest.raises(CatalogError) as info:
        catalogs.read_catalog(path, shown="bad.po")
    assert info.value.line == line
    assert message in str(info.value)
    assert str(info.value).startswith(f"bad.po:{line}: ")


def test_non_utf8_catalog_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.po"
    path.write_bytes(HEADER.encode() + b'msgid "A"\nmsgstr "caf\xe9"\n')
    with pytest.raises(CatalogError, match="not valid UTF-8") as info:
        catalogs.read_catalog(path, shown="bad.po")
    assert info.value.line == 7


def test_write_if_changed_is_atomic_and_skips_same_content(tmp_path: Path) -> None:
    path = tmp_path / "a.po"
    assert catalogs.write_if_changed(path, 'msgid ""\n"POT-Creation-Date: 1\\n"\n')
    before = path.stat().st_mtime_ns
    assert not catalogs.write_if_changed(path, 'msgid ""\n"POT-Creation-Date: 2\\n"\n')
    assert path.stat().st_mtime_ns == before
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left behind
