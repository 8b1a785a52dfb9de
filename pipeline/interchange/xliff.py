"""XLIFF export and import: the stage behind `pipeline xliff export|import`.

Import matches units by id and exact English, maps the CAT tool's state back (reviewed /
final / approved="yes" → approved; anything else → fuzzy) and never lets an unreviewed
target replace approved text. Every file is read and checked before anything is written.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pipeline import catalogs
from pipeline.config import Config
from pipeline.interchange import inline, xliff2, xliff12
from pipeline.interchange.incoming import Incoming, IncomingFile, plain_text, to_markdown
from pipeline.interchange.units import catalog_file, collect, project_docs, unit_id
from pipeline.interchange.xmlsafe import InterchangeError, parse
from pipeline.merge import FUZZY_THRESHOLD

_MACHINE = ("mt:", "qa:", "xliff:")


def export(config: Config, lang: str, *, docs: tuple[str, ...] = (), version: str = "2.1",
           only_needs_review: bool = False, per_document: bool = False
           ) -> list[tuple[str, str, int]]:
    """XLIFF text for `lang`: [(document or "", text, units)], one item unless per document."""
    config.language(lang)
    groups = collect(config, lang, docs=docs, only_needs_review=only_needs_review)
    writer = xliff2.render if version.startswith("2") else xliff12.render
    project = config.project_name or config.root.name
    chunks = [[g] for g in groups] if per_document else [groups]
    return [(chunk[0].doc if per_document else "",
             writer(chunk, project=project, source_lang=config.source_language, lang=lang),
             sum(len(g.units) for g in chunk)) for chunk in chunks]


@dataclass(frozen=True)
class Change:
    file: str
    line: int
    doc: str
    msgid: str
    action: str  # approved | draft | offered | unchanged | refused | stale | mismatch
    detail: str = ""


@dataclass
class ImportReport:
    changes: list[Change] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    dry_run: bool = False

    def count(self, action: str) -> int:
        return sum(c.action == action for c in self.changes)


def read_file(config: Config, path: Path) -> IncomingFile:
    """Parse one XLIFF file and check it belongs to this project and a language of it."""
    shown = str(path)
    tree = parse(path, shown=shown, what="XLIFF file")
    tag = tree.root.tag
    if tag == f"{{{xliff2.NS}}}xliff":
        incoming = xliff2.read(tree)
    elif tag == f"{{{xliff12.NS}}}xliff":
        incoming = xliff12.read(tree)
    else:
        raise tree.fail(tree.root, f"not an XLIFF 1.2 or 2.x document (root <{tag}>)",
                        "import a file exported with 'pipeline xliff export'")
    project = config.project_name or config.root.name
    if incoming.project != project:
        raise InterchangeError(f"file is for project '{incoming.project}', not '{project}'",
                               path=shown, line=incoming.line,
                               hint="import it into the project it was exported from")
    if incoming.source_lang != config.source_language:
        raise InterchangeError(f"source language '{incoming.source_lang}' is not the "
                               f"project's '{config.source_language}'", path=shown,
                               line=incoming.line, hint="export again from this project")
    tags = [lang.tag for lang in config.languages]
    if incoming.lang not in tags:
        raise InterchangeError(f"target language '{incoming.lang}' is not a language of this "
                               "project", path=shown, line=incoming.line,
                               hint=f"languages: {', '.join(tags)}")
    docs = set(project_docs(config))
    by_original = {config.rel(config.source_dir / f"{d}.md"): d for d in docs}
    for unit in incoming.units:
        unit.doc = by_original.get(unit.doc, unit.doc)
        if unit.doc not in docs:
            raise InterchangeError(f"document '{unit.doc}' is not in this project",
                                   path=shown, line=unit.doc_line,
                                   hint="import it into the project it was exported from")
    return incoming


def _retag(entry: catalogs.POEntry, note: str) -> None:
    kept = [line for line in (entry.tcomment or "").splitlines()
            if not line.startswith(_MACHINE)]
    entry.tcomment = "\n".join([*kept, note])


def _is_unedited_machine(entry: catalogs.POEntry) -> bool:
    return not entry.previous_msgid and catalogs.is_machine_output(entry)


def _apply(unit: Incoming, entry: catalogs.POEntry | None, po: catalogs.POFile,
           shown: str) -> Change:
    say = lambda action, detail="", msgid="": Change(  # noqa: E731
        shown, unit.line, unit.doc, msgid or (entry.msgid if entry else ""), action, detail)
    if entry is not None:
        nodes = inline.index(inline.parse(entry.msgid))
        try:
            english = to_markdown(unit.sources, nodes, unit.version)
        except inline.InlineMismatch:
            english = None
        if english != entry.msgid:
            entry = None
    if entry is None:
        return _offer(unit, po, say)
    if not unit.targets:
        return say("unchanged")
    try:
        target = to_markdown(unit.targets, nodes, unit.version)
    except inline.InlineMismatch as exc:
        return say("mismatch", f"not applied: {exc}")
    if not target.strip():
        return say("unchanged")
    approved_here = bool(entry.msgstr) and "fuzzy" not in entry.flags
    note = f"xliff: translated by the agency ({Path(shown).name})"
    if unit.approved:
        if approved_here and entry.msgstr == target:
            return say("unchanged")
        if entry.msgstr != target:
            _retag(entry, note)
        entry.msgstr = target
        entry.flags = [f for f in entry.flags if f != "fuzzy"]
        entry.previous_msgid = entry.previous_msgctxt = None
        return say("approved")
    if entry.msgstr == target:
        return say("unchanged")
    if approved_here:
        return say("refused", "approved text kept; the unreviewed change is not applied")
    _retag(entry, note)
    entry.msgstr = target
    entry.flags = sorted(set(entry.flags) | {"fuzzy"})
    return say("draft")


def _offer(unit: Incoming, po: catalogs.POFile, say: Callable[..., Change]) -> Change:
    """English changed since export: report it, and offer the target as a fuzzy draft."""
    english = plain_text(unit.sources)
    best, ratio = None, FUZZY_THRESHOLD
    matcher = difflib.SequenceMatcher(None, "", english, autojunk=False)
    for entry in catalogs.entries(po):
        matcher.set_seq1(inline.plain(inline.parse(entry.msgid)))
        if matcher.real_quick_ratio() >= ratio and matcher.quick_ratio() >= ratio:
            r = matcher.ratio()
            if r > ratio:
                best, ratio = entry, r
    detail = "the English changed since export; not applied"
    if best is None or not unit.targets:
        return say("stale", detail, english)
    if best.msgstr and not _is_unedited_machine(best):
        return say("stale", f"{detail} (similar entry already has a translation)", best.msgid)
    try:
        target = to_markdown(unit.targets, inline.index(inline.parse(best.msgid)),
                             unit.version)
    except inline.InlineMismatch:
        return say("stale", f"{detail} (inline markup differs)", best.msgid)
    if not target.strip():
        return say("stale", detail, english)
    _retag(best, "xliff: agency draft made for the earlier English; review it")
    best.msgstr = target
    best.flags = sorted(set(best.flags) | {"fuzzy"})
    best.previous_msgid = english
    return say("offered", f"{detail}; offered as a fuzzy draft", best.msgid)


def import_files(config: Config, paths: list[Path], *, dry_run: bool = False) -> ImportReport:
    """Apply XLIFF files to the catalogs (or, dry, report what would change)."""
    files = [read_file(config, path) for path in paths]  # every file checked first
    report = ImportReport(dry_run=dry_run)
    loaded: dict[Path, catalogs.POFile] = {}
    ids: dict[Path, dict[str, catalogs.POEntry]] = {}
    changed: set[Path] = set()
    for incoming in files:
        shown = incoming.tree.shown
        for unit in incoming.units:
            path = catalog_file(config, incoming.lang, unit.doc)
            if path not in loaded:
                if not path.exists():
                    raise InterchangeError(f"no {incoming.lang} catalog for '{unit.doc}'",
                                           path=shown, line=unit.doc_line,
                                           hint="run 'pipeline extract' first")
                loaded[path] = catalogs.read_catalog(path, shown=config.rel(path),
                                                     strict=True)
                ids[path] = {unit_id(e.msgctxt, e.msgid): e
                             for e in catalogs.entries(loaded[path])}
            po = loaded[path]
            change = _apply(unit, ids[path].get(unit.id), po, shown)
            report.changes.append(change)
            if change.action in ("approved", "draft", "offered"):
                changed.add(path)
    if not dry_run:
        for path in sorted(changed):
            po = loaded[path]
            po.metadata["PO-Revision-Date"] = catalogs.now_stamp()
            if catalogs.write_if_changed(path, catalogs.render(po)):
                report.written.append(config.rel(path))
    return report
