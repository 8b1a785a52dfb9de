"""Gettext catalogs: the only module that touches polib.

Read and write PO/POT files, merge a template into a catalog with msgmerge semantics,
and write files only when their content changes, atomically.
"""

from __future__ import annotations

import difflib
import os
import re
import tempfile
from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import polib
from polib import POEntry, POFile

from pipeline import __version__, languages
from pipeline.errors import CatalogError, decode_utf8, line_at
from pipeline.model import Counts, Document, MergeStats

FUZZY_THRESHOLD = 0.6  # msgmerge's own threshold for a fuzzy match
WRAP = 79
_DATE_LINE = re.compile(r'^"(?:POT-Creation-Date|PO-Revision-Date): .*\\n"$', re.M)
_WORD = re.compile(r"\w{3,}")


def template_path(locales: Path, doc: str) -> Path:
    return locales / f"{doc}.pot"


def catalog_path(locales: Path, lang: str, doc: str) -> Path:
    """The `<locales>/<lang>/LC_MESSAGES/<doc>.po` convention, in one place."""
    return locales / lang.replace("-", "_") / "LC_MESSAGES" / f"{doc}.po"


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

_KEYWORD_LINE = re.compile(r'^(?:#~\s*)?(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+(".*)$')
_STRING = re.compile(r'^"(?:[^"\\]|\\(?:[ntrabfv"\\?\']|[0-7]{1,3}|x[0-9A-Fa-f]+))*"\s*$')


def _check_lexically(text: str, shown: str) -> None:
    """Reject what polib silently accepts but msgfmt refuses: unterminated strings, bad escapes."""
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
    text = str(po)
    return text if text.endswith("\n") else text + "\n"


def differs(path: Path, text: str) -> bool:
    """Would writing `text` change the file, creation and revision dates aside?"""
    try:
        old = path.read_text("utf-8")
    except (FileNotFoundError, UnicodeDecodeError):
        return True
    return _DATE_LINE.sub("", old) != _DATE_LINE.sub("", text)


def write_if_changed(path: Path, text: str) -> bool:
    """Atomically write `text` unless the file already holds it (dates aside)."""
    if not differs(path, text):
        return False
    atomic_write(path, text)
    return True


def atomic_write(path: Path, text: str) -> None:
    """Write through a temporary file and a rename, so a reader never sees half a file.

    Replacing an existing file is fsynced first (a power cut then leaves the old or the new
    content, never an empty file); a new file is not, which keeps first runs fast.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    replacing = path.exists()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            if replacing:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    for stale in path.parent.glob(f".{path.name}.*.tmp"):  # left by a killed run
        stale.unlink(missing_ok=True)


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


def plural_forms(lang: str) -> str:
    return languages.plural_forms(lang)


def _similar(index: dict[str, list[POEntry]], msgid: str) -> POEntry | None:
    """The most similar translated old entry (ratio ≥ FUZZY_THRESHOLD), via a word index."""
    candidates: dict[int, POEntry] = {}
    for word in set(_WORD.findall(msgid.lower())):
        for entry in index.get(word, ()):
            candidates[id(entry)] = entry
    if not candidates:
        return None
    best, best_ratio = None, FUZZY_THRESHOLD
    matcher = difflib.SequenceMatcher(None, "", msgid, autojunk=False)
    for entry in candidates.values():
        matcher.set_seq1(entry.msgid)
        if matcher.real_quick_ratio() < best_ratio or matcher.quick_ratio() < best_ratio:
            continue
        ratio = matcher.ratio()
        if ratio > best_ratio or (ratio == best_ratio and best is None):
            best, best_ratio = entry, ratio
    return best


def merge(pot: POFile, old: POFile | None, *, lang: str) -> tuple[POFile, MergeStats]:
    """Merge a template into a catalog the way msgmerge does.

    Exact matches keep their msgstr, flags and translator comments; a new msgid similar to a
    translated old one gets its msgstr as fuzzy with `#|` previous msgid; other translated old
    entries no longer in the template become obsolete. No msgstr is ever dropped.
    """
    new = POFile(wrapwidth=WRAP)
    first = (pot.header or "").splitlines()[:1] or ["the project"]
    subject = first[0].removeprefix("Translation template for ")
    new.header = (old.header if old is not None and old.header
                  else f"{lang} translation of {subject}")
    meta = dict(old.metadata) if old is not None else {}
    created = pot.metadata.get("POT-Creation-Date") or now_stamp()
    meta.update({
        "Project-Id-Version": (meta.get("Project-Id-Version")
                               or pot.metadata.get("Project-Id-Version") or "pipeline"),
        "Report-Msgid-Bugs-To": pot.metadata.get("Report-Msgid-Bugs-To", ""),
        "POT-Creation-Date": created,
        "PO-Revision-Date": meta.get("PO-Revision-Date") or created,
        "Last-Translator": meta.get("Last-Translator") or "pipeline",
        "Language-Team": meta.get("Language-Team") or lang,
        "Language": lang.replace("-", "_"),
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": plural_forms(lang),
    })
    if meta.get("PO-Revision-Date", "").startswith("YEAR"):
        meta["PO-Revision-Date"] = created
    new.metadata = meta

    old_entries = list(old) if old is not None else []
    live = {(e.msgctxt, e.msgid): e for e in old_entries if not e.obsolete}
    dead = {(e.msgctxt, e.msgid): e for e in old_entries if e.obsolete}
    index: dict[str, list[POEntry]] = defaultdict(list)
    for entry in live.values():
        if entry.msgstr or any(entry.msgstr_plural.values()):
            for word in set(_WORD.findall(entry.msgid.lower())):
                index[word].append(entry)
    used: set[tuple[str | None, str]] = set()
    kept = added = fuzzy = 0
    for tentry in pot:
        key = (tentry.msgctxt, tentry.msgid)
        entry = POEntry(msgid=tentry.msgid, msgctxt=tentry.msgctxt, msgstr="",
                        comment=tentry.comment, occurrences=list(tentry.occurrences),
                        msgid_plural=tentry.msgid_plural)
        previous = live.get(key) or dead.get(key)
        if previous is not None:
            used.add(key)  # an obsolete exact match comes back, as msgmerge does
            _carry(previous, entry)
            kept += 1
        else:
            similar = _similar(index, tentry.msgid)
            if similar is not None:
                used.add((similar.msgctxt, similar.msgid))  # lives on as the #| previous
                _carry(similar, entry)
                entry.flags = sorted(set(entry.flags) | {"fuzzy"})
                entry.previous_msgid = similar.msgid
                entry.previous_msgctxt = similar.msgctxt
                fuzzy += 1
            else:
                added += 1
        new.append(entry)
    obsolete = 0
    for entry in old_entries:
        key = (entry.msgctxt, entry.msgid)
        if key in used or not (entry.msgstr or any(entry.msgstr_plural.values())):
            continue
        gone = POEntry(msgid=entry.msgid, msgctxt=entry.msgctxt, msgstr=entry.msgstr,
                       msgid_plural=entry.msgid_plural, msgstr_plural=dict(entry.msgstr_plural),
                       tcomment=entry.tcomment, flags=list(entry.flags), obsolete=True)
        new.append(gone)
        obsolete += 1
    return new, MergeStats(kept=kept, added=added, fuzzy=fuzzy, obsolete=obsolete)


def _carry(source: POEntry, target: POEntry) -> None:
    """Copy what belongs to the translator: msgstr, flags, translator comments, #| lines."""
    target.msgstr = source.msgstr
    if source.msgstr_plural:
        target.msgstr_plural = dict(source.msgstr_plural)
    target.tcomment = source.tcomment
    target.flags = list(source.flags)
    if "fuzzy" in source.flags:
        target.previous_msgid = source.previous_msgid
        target.previous_msgctxt = source.previous_msgctxt


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
