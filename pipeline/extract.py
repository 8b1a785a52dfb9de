"""The extract stage: source documents → POT templates → merged PO catalogs per language.

Incremental: a small state file remembers, per document, the hashes of its source, its
template and its catalogs' entry keys as last merged; a document whose files all still
match is skipped without parsing anything, so a one-sentence edit costs one document's work.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline import catalogs, merge
from pipeline.config import Config
from pipeline.files import atomic_write, file_digest
from pipeline.markdown import load_document
from pipeline.model import Document, MergeStats
from pipeline.state import read_state, write_state

STATE = "extract-state.json"


@dataclass(frozen=True)
class ExtractResult:
    """What extract did: documents parsed or skipped, and per catalog the merge statistics."""

    documents: tuple[Document, ...]
    unchanged: tuple[str, ...] = ()
    segments: int = 0
    templates_written: tuple[str, ...] = ()
    catalogs: tuple[tuple[str, MergeStats], ...] = field(default=())
    empty: tuple[str, ...] = ()  # source documents with nothing to translate


def source_files(config: Config) -> list[Path]:
    if not config.source_dir.is_dir():
        return []
    return sorted(p for p in config.source_dir.glob("*.md") if p.is_file())


def load_documents(config: Config) -> list[Document]:
    """Every source document, parsed; the first bad one stops the run before any write."""
    return [load_document(path, shown=config.rel(path), segmentation=config.segmentation)
            for path in source_files(config)]


# A live msgctxt/msgid/msgid_plural line and its continuation lines ("#~" and "#|" excluded).
_KEY = re.compile(rb'^(?:msgctxt|msgid|msgid_plural) ".*"\n(?:".*"\n)*', re.M)
_WRAP = re.compile(rb'"\n"')


def _keys_digest(path: Path) -> str | None:
    """A hash of a catalog's live msgctxt/msgid lines: what a merge depends on.

    Translations, flags and comments are left out, so a translator's edit or a translate
    run does not force a re-merge, while an added, removed or changed entry does; so is
    line wrapping, which editors change freely.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    digest = hashlib.sha256()
    for match in _KEY.finditer(data):
        digest.update(_WRAP.sub(b"", match.group(0)))
    return digest.hexdigest()


class _State:
    """Per-document hashes of the files as the last extract left them."""

    def __init__(self, config: Config) -> None:
        self.root = config.root
        self.key = f"{config.segmentation}|{config.project_name}"
        self.docs: dict[str, Any] = read_state(self.root, STATE, key=self.key)

    def files(self, config: Config, doc: str, source: Path) -> dict[str, Path]:
        locales = config.locales_dir
        files = {"source": source, "pot": catalogs.template_path(locales, doc)}
        for lang in config.languages:
            files[lang.tag] = catalogs.catalog_path(locales, lang.tag, doc)
        return files

    def unchanged(self, config: Config, doc: str, source: Path) -> bool:
        known = self.docs.get(doc)
        if not known:
            return False
        files = self.files(config, doc, source)
        return set(known["files"]) == set(files) and all(
            known["files"][name] == self.fingerprint(name, path) for name, path in files.items())

    @staticmethod
    def fingerprint(name: str, path: Path) -> str | None:
        return file_digest(path) if name in ("source", "pot") else _keys_digest(path)

    def record(self, config: Config, document: Document, source: Path) -> None:
        files = self.files(config, document.name, source)
        self.docs[document.name] = {
            "segments": len(document.segments),
            "files": {name: self.fingerprint(name, path) for name, path in files.items()},
        }

    def save(self, names: set[str]) -> None:
        docs = {name: value for name, value in self.docs.items() if name in names}
        write_state(self.root, STATE, docs, key=self.key)


def extract(config: Config) -> ExtractResult:
    """Write templates and merge them into every configured language's catalogs."""
    state = _State(config)
    sources = {path.stem: path for path in source_files(config)}
    unchanged = [doc for doc, path in sources.items() if state.unchanged(config, doc, path)]
    documents = [load_document(path, shown=config.rel(path), segmentation=config.segmentation)
                 for doc, path in sources.items() if doc not in unchanged]
    locales = config.locales_dir
    # Read everything first: a malformed catalog stops the run before any file is written.
    plans = []
    for doc in documents:
        pot_path = catalogs.template_path(locales, doc.name)
        old_pot = catalogs.read_catalog(pot_path, shown=config.rel(pot_path)) \
            if pot_path.exists() else None
        pot = catalogs.make_template(doc, project=config.project_name, old=old_pot)
        olds = []
        for lang in config.languages:
            path = catalogs.catalog_path(locales, lang.tag, doc.name)
            old = (catalogs.read_catalog(path, shown=config.rel(path), strict=True)
                   if path.exists() else None)
            olds.append((lang.tag, path, old))
        plans.append((doc, pot_path, old_pot, pot, olds))

    written: list[str] = []
    merged: list[tuple[str, MergeStats]] = []
    similar: merge.Similarity = {}
    for doc, pot_path, old_pot, pot, olds in plans:
        if old_pot is None or catalogs.content(old_pot) != catalogs.content(pot):
            # The template changed for real: give it a fresh creation date.
            pot.metadata["POT-Creation-Date"] = catalogs.now_stamp()
            atomic_write(pot_path, catalogs.render(pot))
            written.append(config.rel(pot_path))
        for tag, path, old in olds:
            po, stats = merge.merge(pot, old, lang=tag, memo=similar)
            changed = catalogs.write_catalog(path, po, old)
            merged.append((config.rel(path), MergeStats(
                kept=stats.kept, added=stats.added, fuzzy=stats.fuzzy,
                obsolete=stats.obsolete, written=changed)))
        state.record(config, doc, sources[doc.name])
    _retire_removed(config, set(sources), merged)
    state.save(set(sources))
    segments = sum(len(d.segments) for d in documents) + sum(
        state.docs[doc]["segments"] for doc in unchanged)
    empty = tuple(config.rel(sources[doc]) for doc in sources
                  if not state.docs[doc]["segments"])
    return ExtractResult(documents=tuple(documents), unchanged=tuple(unchanged),
                         segments=segments, templates_written=tuple(written),
                         catalogs=tuple(merged), empty=empty)


def _retire_removed(config: Config, names: set[str],
                    merged: list[tuple[str, MergeStats]]) -> None:
    """A removed document's catalogs keep their translations, all obsolete; its POT goes."""
    locales = config.locales_dir
    for pot_path in sorted(locales.glob("*.pot")) if locales.is_dir() else []:
        doc = pot_path.stem
        if doc in names:
            continue
        for lang in config.languages:
            path = catalogs.catalog_path(locales, lang.tag, doc)
            if path.exists():
                old = catalogs.read_catalog(path, shown=config.rel(path))
                before = catalogs.content(old)
                po = catalogs.obsolete_all(old)
                changed = before != catalogs.content(po) and catalogs.write_catalog(path, po, None)
                merged.append((config.rel(path), MergeStats(obsolete=len(po), written=changed)))
        pot_path.unlink()
