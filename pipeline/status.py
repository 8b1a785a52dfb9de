"""The status report: review state of every catalog, documents × languages."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline import catalogs
from pipeline.config import Config
from pipeline.extract import source_files
from pipeline.model import Counts


@dataclass(frozen=True)
class StatusRow:
    doc: str
    lang: str
    status: str
    counts: Counts
    exists: bool

    def as_dict(self) -> dict[str, object]:
        c = self.counts
        return {"doc": self.doc, "lang": self.lang, "status": self.status,
                "translated": c.translated, "fuzzy": c.fuzzy, "untranslated": c.untranslated,
                "obsolete": c.obsolete, "total": c.total, "percent": round(c.percent, 1),
                "exists": self.exists}


def collect(config: Config) -> list[StatusRow]:
    rows = []
    for path in source_files(config):
        doc = path.stem
        for lang in config.languages:
            po_path = catalogs.catalog_path(config.locales_dir, lang.tag, doc)
            if po_path.exists():
                counts = catalogs.counts(catalogs.read_catalog(po_path, shown=config.rel(po_path)))
            else:
                counts = Counts()
            rows.append(StatusRow(doc, lang.tag, lang.status, counts, po_path.exists()))
    return rows


def _bar(counts: Counts, width: int = 20) -> str:
    if not counts.total:
        return "·" * width
    done = round(width * counts.translated / counts.total)
    machine = round(width * (counts.translated + counts.fuzzy) / counts.total) - done
    return "█" * done + "▒" * machine + "·" * (width - done - machine)


def render_text(rows: list[StatusRow], *, color: bool = False) -> str:
    if not rows:
        return "no documents in the source folder"
    name_width = max(len(r.doc) for r in rows)
    lines = [f"{'document':<{name_width}}  lang  status    approved  machine  untransl.  "
             f"{'':20}  done"]
    for r in rows:
        c = r.counts
        note = "" if r.exists else "  (no catalog: run 'pipeline extract')"
        lines.append(f"{r.doc:<{name_width}}  {r.lang:<4}  {r.status:<8}  {c.translated:>8}  "
                     f"{c.fuzzy:>7}  {c.untranslated:>9}  {_bar(c)}  {c.percent:5.1f}%{note}")
    lines.append("approved = translated and reviewed; machine = fuzzy, awaiting review")
    return "\n".join(lines)
