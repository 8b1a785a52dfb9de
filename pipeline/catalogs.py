"""Gettext catalogs: the only module that touches polib.

Read and write PO/POT files, merge a template into a catalog with msgmerge semantics,
and write files only when their content changes, atomically.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import polib
from polib import POEntry, POFile

from pipeline import __version__, files, languages, poformat
from pipeline.errors import CatalogError, decode_utf8, line_at
from pipeline.model import Counts, Document, output_mark

WRAP = 79
_DATE_LINE = re.compile(r'^"(?:POT-Creation-Date|PO-Revision-Date): .*\\n"$', re.M)


def template_path(locales: Path, doc: str) -> Path:
    return locales / f"{doc}.pot"


def catalog_path(locales: Path, lang: str, doc: str) -> Path:
    """The `<locales>/<lang>/LC_MESSAGES/<doc>.po` convention, in one place."""
    return locales / languages.catalog_tag(lang) / "LC_MESSAGES" / f"{doc}.po"


def now_stamp() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = (datetime.fromtimestamp(int(epoch), UTC) if epoch
            else datetime.now(UTC))
    return when.strftime("%Y-%m-%d %H:%M+0000")


def read_catalog(path: Path, *, shown: str | None = None, strict: bool = False) -> POFile:
    """Parse a PO/POT file; syntax errors and duplicate entries name the line.

    `strict` also refuses what msgfmt --check refuses and a writing stage would carry
    forward: a plural form (msgstr[n]) beyond the header's nplurals.
    """
    shown = shown or str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CatalogError(f"cannot read catalog: {exc.strerror}", path=shown) from None
    if b"\0" in raw:
        raise CatalogError("binary data in a catalog", path=shown,
                           line=line_at(raw, raw.index(b"\0")),
                           hint="restore the file from version control")
    # The declared charset first: a Latin-1 file that says so is told to convert, not re-save.
    charset = re.search(rb'"Content-Type:[^"]*charset=([^\\"\s]+)', raw)
    declared = charset.group(1).decode("ascii", "replace") if charset else "UTF-8"
    if charset and declared.lower().replace("_", "-") not in ("utf-8", "utf8", "charset"):
        raise CatalogError(f"catalog declares charset {declared}", path=shown,
                           line=line_at(raw, charset.start()),
                           hint="convert it to UTF-8 (msgconv -t UTF-8) and declare charset=UTF-8")
    text = decode_utf8(raw, shown=shown, error=CatalogError, what="catalog",
                       hint="save it as UTF-8 with 'charset=UTF-8' in Content-Type")
    if text.startswith("\ufeff"):
        raise CatalogError("catalog starts with a byte order mark (BOM)", path=shown, line=1,
                           hint="save it as UTF-8 without BOM; msgfmt refuses the BOM too")
    text = _normalize(text)
    _check_lexically(text, shown)
    try:
        po = polib.pofile(text, wrapwidth=WRAP, check_for_duplicates=False)
    except (OSError, ValueError) as exc:
        found = re.search(r"\(line (\d+)\)", str(exc))
        reason = str(exc).split("):", 1)[-1].strip() if "):" in str(exc) else "syntax error"
        raise CatalogError(f"PO syntax error: {reason}", path=shown,
                           line=int(found.group(1)) if found else None,
                           hint="fix the entry or check it with 'msgfmt --check'") from None
    seen: dict[tuple[str | None, str], int] = {}
    for entry in po:
        key = (entry.msgctxt, entry.msgid)
        if key in seen and not entry.obsolete:
            raise CatalogError(f"duplicate entry for msgid {entry.msgid[:40]!r} "
                               f"(first at line {seen[key]})", path=shown, line=entry.linenum,
                               hint="remove one of the two entries")
        if not entry.obsolete:
            seen[key] = entry.linenum
    for entry in po:
        key = (entry.msgctxt, entry.msgid)
        if entry.obsolete and key in seen:
            raise CatalogError(f"obsolete entry for msgid {entry.msgid[:40]!r} is also live "
                               f"(line {seen[key]})", path=shown, line=entry.linenum,
                               hint="keep one translation: delete the #~ entry or the live "
                                    "one, as msgmerge requires")
    if strict:
        _check_plurals(po, shown)
    return po


def _check_plurals(po: POFile, shown: str) -> None:
    found = re.search(r"nplurals\s*=\s*(\d+)", po.metadata.get("Plural-Forms", ""))
    if not found:
        return
    nplurals = int(found.group(1))
    for entry in po:
        extra = [n for n in entry.msgstr_plural if int(n) >= nplurals]
        if entry.msgid_plural and not entry.obsolete and extra:
            raise CatalogError(f"msgstr[{max(extra)}] but the header says nplurals={nplurals}",
                               path=shown, line=entry.linenum,
                               hint=f"keep msgstr[0] to msgstr[{nplurals - 1}] for "
                                    f"{entry.msgid[:40]!r}, or fix Plural-Forms")

_ONE_LINE_ENTRY = re.compile(r'^((?:#~\s*)?msgid\s+"(?:[^"\\]|\\.)*")\s+(msgstr\s+".*)$', re.M)
_BARE_REFERENCE = re.compile(r"^#:(?=[^\s])", re.M)
_OBSOLETE_PREVIOUS = re.compile(r"^#~\|\s?", re.M)


def _normalize(text: str) -> str:
    """Rewrite valid PO that polib's parser refuses into the form it reads.

    `#:file.c:29` (no space), `msgid "2" msgstr "2"` on one line, and `#~|` previous
    msgids of obsolete entries (polib reads them when written as `#|`).
    """
    if "#:" in text:
        text = _BARE_REFERENCE.sub("#: ", text)
    if "msgstr" in text:
        text = _ONE_LINE_ENTRY.sub(lambda m: m.group(1) + "\n" +
                                   ("#~ " if m.group(1).startswith("#~") else "") + m.group(2),
                                   text)
    if "#~|" in text:
        text = _OBSOLETE_PREVIOUS.sub("#| ", text)
    return text


_KEYWORD_LINE = re.compile(r'^(?:#~\s*)?(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+(".*)$')
_STRING = re.compile(r'^"(?:[^"\\]|\\(?:[ntrabfv"\\?\']|[0-7]{1,3}|x[0-9A-Fa-f]+))*"\s*$')


# A whole file of lines _check_lexically accepts (only spaces and tabs around them): read in
# one pass; a file it does not match (or with other line breaks) is checked line by line.
_VALID_LINE = (r'[ \t]*(?:#(?!~)[^\n]*|#~[ \t]*(?:\|[^\n]*)?|(?:#~[ \t]*)?'
               r'(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)[ \t]+)?'
               r'"(?:[^"\\\n]|\\(?:[ntrabfv"\\?\']|[0-7]{1,3}|x[0-9A-Fa-f]+))*"[ \t]*)?')
_VALID_FILE = re.compile(rf"(?:{_VALID_LINE}\n)*{_VALID_LINE}")
_OTHER_BREAKS = re.compile("[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def _check_lexically(text: str, shown: str) -> None:
    """Reject what polib silently accepts but msgfmt refuses: unterminated strings, bad escapes."""
    if not _OTHER_BREAKS.search(text) and _VALID_FILE.fullmatch(text):
        return
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or (line.startswith("#") and not line.startswith("#~")):
            continue
        if line.startswith("#~"):
            line = line[2:].strip()
            if not line or line.startswith("|"):
                continue
        keyword = _KEYWORD_LINE.match(line)
        string = keyword.group(1) if keyword else line
        if not string.startswith('"'):
            raise CatalogError(f"PO syntax error: unexpected {line[:30]!r}", path=shown,
                               line=number, hint="each line must be a keyword with a quoted "
                               "string, a continuation string or a comment")
        if not _STRING.match(string):
            raise CatalogError("PO syntax error: unterminated string or invalid escape",
                               path=shown, line=number,
                               hint='close the string with " and escape \\ and " inside it')


def render(po: POFile) -> str:
    """The catalog as GNU msgcat writes it (wrapping, escapes, comment and flag layout)."""
    header = None
    if po.metadata or po.header:
        header = poformat.render_header(po.header or "", po.metadata.items(),
                                        fuzzy=bool(po.metadata_is_fuzzy))
    return poformat.render(header, po)


_DATES = ("POT-Creation-Date", "PO-Revision-Date")


def _entry_key(entry: POEntry) -> tuple[object, ...]:
    plural = tuple(sorted((int(k), v) for k, v in entry.msgstr_plural.items()))
    return (entry.obsolete, entry.msgctxt, entry.msgid, entry.msgid_plural or "",
            entry.msgstr, plural, tuple(sorted(poformat.kept_flags(entry.flags))),
            " ".join((entry.comment or "").split()), entry.tcomment or "", tuple(entry.occurrences),
            entry.previous_msgctxt, entry.previous_msgid, entry.previous_msgid_plural)


def content(po: POFile) -> tuple[object, ...]:
    """What a catalog says, without line wrapping, entry order or dates.

    Two files with the same content are the same catalog to gettext, Poedit and the
    pipeline; a stage that would only rewrap or reorder a file leaves it alone.
    """
    meta = tuple(sorted((k, v) for k, v in po.metadata.items() if k not in _DATES))
    entries = sorted((_entry_key(e) for e in po
                      if not (e.obsolete and not is_translated(e))), key=repr)
    return (po.header or "", bool(po.metadata_is_fuzzy), meta, tuple(entries))


def write_catalog(path: Path, po: POFile, old: POFile | None) -> bool:
    """Write `po` unless the catalog on disk (`old`, as read) already says the same."""
    if old is not None and content(old) == content(po):
        return False
    files.atomic_write(path, render(po))
    return True


def write_if_changed(path: Path, text: str) -> bool:
    """Atomically write a rendered catalog unless the file already says it (dates aside)."""
    return files.write_if_changed(path, text, ignoring=_DATE_LINE)


def _keep_date(old: POFile | None, key: str) -> str:
    if old is not None and old.metadata.get(key):
        return str(old.metadata[key])
    return now_stamp()


def make_template(doc: Document, *, project: str, old: POFile | None = None) -> POFile:
    """The POT for one document: one entry per distinct segment, in document order."""
    pot = POFile(wrapwidth=WRAP)
    pot.header = f"Translation template for {doc.path}.\nGenerated by the pipeline; do not edit."
    pot.metadata = {
        "Project-Id-Version": project or "pipeline",
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": _keep_date(old, "POT-Creation-Date"),
        "PO-Revision-Date": "YEAR-MO-DA HO:MI+ZONE",
        "Last-Translator": "FULL NAME <EMAIL@ADDRESS>",
        "Language-Team": "LANGUAGE <LL@li.org>",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Generated-By": f"pipeline {__version__}",
    }
    by_id: dict[str, POEntry] = {}
    for block in doc.blocks:
        for seg in block.segments:
            entry = by_id.get(seg.text)
            if entry is None:
                context = seg.kind.value
                if seg.section:
                    context += f" under “{seg.section}”"
                entry = POEntry(msgid=seg.text, msgstr="", comment=context, occurrences=[])
                by_id[seg.text] = entry
                pot.append(entry)
            entry.occurrences.append((doc.path, str(seg.line)))
    return pot


machine_mark = output_mark  # the provenance line, defined once in the model


def is_machine_output(entry: POEntry) -> bool:
    """Is the msgstr exactly what an engine wrote for this msgid (its mark still matches)?"""
    return bool(entry.msgstr) and machine_mark(entry.msgid, entry.msgstr) in \
        (entry.tcomment or "").splitlines()


def is_translated(entry: POEntry) -> bool:
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and all(entry.msgstr_plural.values())
    return bool(entry.msgstr)


def counts(po: POFile) -> Counts:
    translated = fuzzy = untranslated = obsolete = 0
    for entry in po:
        if entry.obsolete:
            obsolete += 1
        elif not is_translated(entry):
            untranslated += 1
        elif "fuzzy" in entry.flags:
            fuzzy += 1
        else:
            translated += 1
    return Counts(translated=translated, fuzzy=fuzzy, untranslated=untranslated,
                  obsolete=obsolete)


def translations(po: POFile, *, approved_only: bool) -> dict[str, str]:
    """msgid → msgstr for live, translated entries (approved ones only, if asked)."""
    return {e.msgid: e.msgstr for e in po
            if not e.obsolete and e.msgstr and not e.msgctxt
            and not (approved_only and "fuzzy" in e.flags)}


def obsolete_all(po: POFile) -> POFile:
    """Every translated entry of a catalog whose document was removed, kept as obsolete."""
    for entry in po:
        if not entry.obsolete and is_translated(entry):
            entry.obsolete = True
    kept = [e for e in po if e.obsolete]
    po[:] = kept
    return po


def entries(po: POFile) -> Iterable[Any]:
    return (e for e in po if not e.obsolete)
