"""What goes out to a CAT tool: one unit per catalog entry, with everything a translator needs."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from pipeline import catalogs
from pipeline.config import Config
from pipeline.errors import PipelineError
from pipeline.interchange import inline
from pipeline.interchange.states import State, entry_state, signed_entries
from pipeline.markdown import load_document
from pipeline.review.policy import critical_msgids

_OUTPUT_MARK = re.compile(r"^mt: output [0-9a-f]{12}$")
NEEDS_REVIEW = frozenset({State.UNTRANSLATED, State.MACHINE, State.FUZZY})


@dataclass(frozen=True)
class Unit:
    """One entry as exported: English, translation, state and notes for the translator."""

    id: str
    source: str
    target: str
    state: State
    nodes: tuple[inline.Node, ...]
    notes: tuple[tuple[str, str], ...] = ()  # (category, text)
    previous: str = ""
    terms: tuple[tuple[str, str, str], ...] = ()  # (English term, translation, definition)
    critical: bool = False


@dataclass(frozen=True)
class DocUnits:
    doc: str
    original: str
    units: tuple[Unit, ...]


def unit_id(msgctxt: str | None, msgid: str) -> str:
    """A stable id for an entry: a hash of its context and English."""
    key = f"{msgctxt}\x04{msgid}" if msgctxt else msgid
    return "u" + hashlib.sha256(key.encode()).hexdigest()[:16]


def project_docs(config: Config) -> list[str]:
    locales = config.locales_dir
    return sorted(p.stem for p in locales.glob("*.pot")) if locales.is_dir() else []


def catalog_file(config: Config, lang: str, doc: str) -> Path:
    return catalogs.catalog_path(config.locales_dir, lang, doc)


def _notes(entry: catalogs.POEntry, state: State, critical: bool) -> list[tuple[str, str]]:
    notes: list[tuple[str, str]] = []
    if entry.comment:
        notes.append(("context", " ".join(entry.comment.split())))
    if entry.occurrences:
        notes.append(("reference", " ".join(f"{p}:{n}" if n else p
                                            for p, n in entry.occurrences)))
    if critical:
        notes.append(("critical", "critical section: a clinician reviews this too"))
    for line in (entry.tcomment or "").splitlines():
        if _OUTPUT_MARK.match(line):
            continue
        if line.startswith("qa:"):
            notes.append(("qa", line[3:].strip()))
        elif line.startswith("mt:"):
            notes.append(("mt", line[3:].strip()))
        elif line.strip():
            notes.append(("translator", line.strip()))
    if entry.previous_msgid:
        notes.append(("previous-source", entry.previous_msgid))
    notes.append(("state", f"pipeline state: {state.value}"))
    return notes




def _critical(config: Config, doc: str) -> frozenset[str]:
    """msgids of `doc` that the review policy calls critical (one rule for sign-off,
    review app and XLIFF: pipeline.review.policy)."""
    source = config.source_dir / f"{doc}.md"
    if not source.exists():
        return frozenset()
    document = load_document(source, shown=config.rel(source), segmentation=config.segmentation)
    return critical_msgids(config.review, document)


def collect(config: Config, lang: str, *, docs: tuple[str, ...] = (),
            only_needs_review: bool = False) -> list[DocUnits]:
    """Units of one language's catalogs (the named documents, or all)."""
    from pipeline.glossary.project import project_glossary

    known = project_docs(config)
    for doc in docs:
        if doc not in known:
            raise PipelineError(f"no document '{doc}' in this project",
                                path=config.rel(config.locales_dir),
                                hint=f"choose one of: {', '.join(known) or 'none'}")
    glossary = project_glossary(config)
    out = []
    for doc in docs or tuple(known):
        path = catalog_file(config, lang, doc)
        if not path.exists():
            continue
        po = catalogs.read_catalog(path, shown=config.rel(path), strict=True)
        signed = signed_entries(config, lang, doc)
        critical_ids = _critical(config, doc)
        units = []
        for entry in catalogs.entries(po):
            if entry.msgid_plural or not entry.msgid.strip():
                continue
            state = entry_state(entry, signed=entry.msgid in signed)
            if only_needs_review and state not in NEEDS_REVIEW:
                continue
            critical = entry.msgid in critical_ids
            terms = tuple((m.text, "; ".join(m.term.target(lang)), m.term.note)
                          for m in glossary.match(entry.msgid))
            units.append(Unit(unit_id(entry.msgctxt, entry.msgid), entry.msgid, entry.msgstr,
                              state, inline.parse(entry.msgid),
                              tuple(_notes(entry, state, critical)),
                              entry.previous_msgid or "", terms, critical))
        out.append(DocUnits(doc, config.rel(config.source_dir / f"{doc}.md"), tuple(units)))
    return out
