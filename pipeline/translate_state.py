"""What translate remembers between runs, per language: each catalog's content hash, its
approved translations and how many of its entries need work; which entries need work."""

from __future__ import annotations

from concurrent.futures import Future
from pathlib import Path

from pipeline import catalogs
from pipeline.config import Config
from pipeline.files import file_digest
from pipeline.state import Memo
from pipeline.translate_batches import OpenCatalog, Saved


def is_machine(entry: catalogs.POEntry) -> bool:
    """Is the msgstr exactly what an engine wrote for this msgid?

    Not when a person edited it (the mark no longer matches), and not when a merge carried
    it over from a changed sentence (`#|` previous msgid): that text may be a reviewed
    translation, and only a person may replace it.
    """
    if entry.previous_msgid:
        return False
    return catalogs.is_machine_output(entry)


def needs_work(entry: catalogs.POEntry, *, refresh: bool) -> bool:
    if entry.obsolete or entry.msgid_plural or not entry.msgid.strip():
        return False
    if not entry.msgstr:
        return True
    return refresh and "fuzzy" in entry.flags and is_machine(entry)


class Summaries:
    """Per catalog, as last seen: content hash, approved translations, entries needing work.

    A catalog whose hash still matches is neither parsed nor rewritten: a rerun after a
    one-sentence edit parses only the catalogs that changed.
    """

    def __init__(self, config: Config, tag: str) -> None:
        self.memo = Memo(config.root, f"translate-{tag}.json")
        self.recorded: set[str] = set()
        self.writing: list[tuple[str, Future[Saved], dict[str, object]]] = []

    def known(self, shown: str, path: Path, *, refresh: bool) -> dict[str, object] | None:
        """The summary of an unchanged catalog with nothing to do, else None."""
        item = self.memo.get(shown, file_digest(path))
        return None if item is None or item["refresh" if refresh else "todo"] else item

    def record(self, cat: OpenCatalog, saved: Future[Saved] | None = None) -> None:
        """Remember a catalog as it now is on disk, or as `saved` leaves it (its entries no
        longer change this run)."""
        self.recorded.add(cat.shown)
        item: dict[str, object] = {
            "approved": catalogs.translations(cat.po, approved_only=True),
            "todo": sum(needs_work(e, refresh=False) for e in cat.po),
            "refresh": sum(needs_work(e, refresh=True) for e in cat.po),
        }
        if saved is None:
            self.memo.put(cat.shown, file_digest(cat.path), item)
        else:
            self.writing.append((cat.shown, saved, item))

    def save(self, cats: list[OpenCatalog]) -> None:
        """Record the catalogs not recorded yet, then keep what this run saw (every save
        handed over is done by now)."""
        for shown, saved, item in self.writing:
            self.memo.put(shown, saved.result().digest, item)
        for cat in cats:
            if cat.shown not in self.recorded:
                self.record(cat)
        self.memo.save()
