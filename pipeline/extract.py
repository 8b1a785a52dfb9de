"""The extract stage: source documents → POT templates → merged PO catalogs per language."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pipeline import catalogs
from pipeline.config import Config
from pipeline.markdown import load_document
from pipeline.model import Document, MergeStats


@dataclass(frozen=True)
class ExtractResult:
    """What extract did: documents read, and per catalog file the merge statistics."""

    documents: tuple[Document, ...]
    templates_written: tuple[str, ...] = ()
    catalogs: tuple[tuple[str, MergeStats], ...] = field(default=())

    @property
    def segments(self) -> int:
        return sum(len(d.segments) for d in self.documents)


def source_files(config: Config) -> list[Path]:
    if not config.source_dir.is_dir():
        return []
    return sorted(p for p in config.source_dir.glob("*.md") if p.is_file())


def load_documents(config: Config) -> list[Document]:
    """Every source document, parsed; the first bad one stops the run before any write."""
    return [load_document(path, shown=config.rel(path), segmentation=config.segmentation)
            for path in source_files(config)]


def extract(config: Config, *, documents: list[Document] | None = None) -> ExtractResult:
    """Write templates and merge them into every configured language's catalogs."""
    documents = documents if documents is not None else load_documents(config)
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
            old = catalogs.read_catalog(path, shown=config.rel(path)) if path.exists() else None
            olds.append((lang.tag, path, old))
        plans.append((doc, pot_path, pot, olds))

    written: list[str] = []
    merged: list[tuple[str, MergeStats]] = []
    for _doc, pot_path, pot, olds in plans:
        if catalogs.differs(pot_path, catalogs.render(pot)):
            # The template changed for real: give it a fresh creation date.
            pot.metadata["POT-Creation-Date"] = catalogs.now_stamp()
            catalogs.atomic_write(pot_path, catalogs.render(pot))
            written.append(config.rel(pot_path))
        for tag, path, old in olds:
            po, stats = catalogs.merge(pot, old, lang=tag)
            changed = _write(path, po)
            merged.append((config.rel(path), MergeStats(
                kept=stats.kept, added=stats.added, fuzzy=stats.fuzzy,
                obsolete=stats.obsolete, written=changed)))
    _retire_removed(config, {d.name for d in documents}, merged)
    return ExtractResult(documents=tuple(documents), templates_written=tuple(written),
                         catalogs=tuple(merged))


def _write(path: Path, po: catalogs.POFile) -> bool:
    return catalogs.write_if_changed(path, catalogs.render(po))


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
                po = catalogs.obsolete_all(catalogs.read_catalog(path, shown=config.rel(path)))
                changed = _write(path, po)
                merged.append((config.rel(path), MergeStats(obsolete=len(po), written=changed)))
        pot_path.unlink()
