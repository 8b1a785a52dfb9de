"""The status report: review state of every catalog, documents × languages."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import click

from pipeline import catalogs
from pipeline.config import Config
from pipeline.extract import source_files
from pipeline.files import file_digest
from pipeline.model import Counts
from pipeline.state import Memo


@dataclass(frozen=True)
class StatusRow:
    doc: str
    lang: str
    status: str
    counts: Counts
    exists: bool
    signed: int | None = None       # validly signed entries, where the project uses sign-offs
    orphaned: bool = False  # the catalog of a removed source document

    @property
    def state(self) -> str:
        if self.orphaned:
            return "orphaned"
        if not self.exists:
            return "missing"
        return "present" if self.counts.total else "empty"

    def as_dict(self) -> dict[str, object]:
        c = self.counts
        return {"doc": self.doc, "lang": self.lang, "status": self.status,
                "translated": c.translated, "fuzzy": c.fuzzy, "untranslated": c.untranslated,
                "obsolete": c.obsolete, "total": c.total, "percent": round(c.percent, 1),
                "exists": self.exists, "state": self.state,
                **({} if self.signed is None else {
                    "signed": self.signed, "approved_unsigned": c.translated - self.signed})}


def collect(config: Config) -> list[StatusRow]:
    """One row per document and language, then catalogs of removed documents (orphaned).

    Catalogs unchanged since the last run aren't parsed.
    """
    memo = Memo(config.root, "status.json")
    rows = []
    docs = [path.stem for path in source_files(config)]
    for orphaned, names in ((False, docs), (True, _orphans(config, set(docs)))):
        for doc in names:
            for lang in config.languages:
                po_path = catalogs.catalog_path(config.locales_dir, lang.tag, doc)
                if orphaned and not po_path.exists():
                    continue
                counts, signed = Counts(), None
                if po_path.exists():
                    shown = config.rel(po_path)
                    digest = _digest(config, lang.tag, doc, po_path)
                    known = memo.get(shown, digest)
                    if known is None:
                        po = catalogs.read_catalog(po_path, shown=shown)
                        known = asdict(catalogs.counts(po))
                        if config.review.enabled and not orphaned:
                            known["signed"] = _signed(config, lang.tag, doc, po, po_path)
                        memo.put(shown, digest, known)
                    signed = known.get("signed")
                    counts = Counts(**{k: v for k, v in known.items() if k != "signed"})
                rows.append(StatusRow(doc, lang.tag, lang.status, counts, po_path.exists(),
                                      signed if config.review.enabled else None, orphaned))
    memo.save()
    return rows


def _digest(config: Config, lang: str, doc: str, po_path: Path) -> str:
    """What a row's counts are read from: the catalog, and with sign-off on, everything its
    sign-off states are read from too (records, source, allowed signers, the settings)."""
    if not config.review.enabled:
        return file_digest(po_path)
    from pipeline.review.signoff import state_inputs

    return file_digest(*state_inputs(config, lang=lang, doc=doc), extra=repr(config.review))


def _signed(config: Config, lang: str, doc: str, po: Any, path: Path) -> int:
    """Entries whose sign-off holds, from the catalog already parsed for the counts."""
    from pipeline.checks.inputs import to_catalog
    from pipeline.review.signoff import catalog_states

    catalog = to_catalog(po, path.read_text("utf-8"), file=config.rel(path), lang=lang, doc=doc)
    return sum(s.ok for s in catalog_states(config, catalog))
def _orphans(config: Config, docs: set[str]) -> list[str]:
    """Documents with a catalog in some language but no source any more."""
    found = set()
    for lang in config.languages:
        folder = catalogs.catalog_path(config.locales_dir, lang.tag, "-").parent
        found |= {p.stem for p in folder.glob("*.po")} if folder.is_dir() else set()
    return sorted(found - docs)


def _bar(counts: Counts, width: int = 20, *, color: bool = False) -> str:
    """Approved █ (green), machine ▒ (yellow), untranslated · — colours only on a terminal."""
    if not counts.total:
        return "·" * width
    done = round(width * counts.translated / counts.total)
    machine = round(width * (counts.translated + counts.fuzzy) / counts.total) - done
    parts = (("█" * done, "green"), ("▒" * machine, "yellow"),
             ("·" * (width - done - machine), "bright_black"))
    return "".join(click.style(text, fg=fg) if color and text else text for text, fg in parts)


def render_text(rows: list[StatusRow], *, color: bool = False) -> str:
    if not rows:
        return "no documents in the source folder"
    name_width = max(len(r.doc) for r in rows)
    review = any(r.signed is not None for r in rows)
    signed_head = "  signed  unsigned" if review else ""
    lines = [f"{'document':<{name_width}}  lang  status    approved{signed_head}  machine  "
             f"untransl.  {'':20}  done"]
    for r in rows:
        c = r.counts
        note = "" if r.exists else "  (no catalog: run 'pipeline extract')"
        percent = f"{c.percent:5.1f}%" if r.state == "present" else r.state
        if r.state == "empty":
            note = "  (nothing to translate: the source document is empty)"
        if r.orphaned:
            percent = "orphaned"
            note = f"  (source removed: delete the catalog or restore {r.doc}.md)"
        if color:
            done = c.total and c.translated == c.total
            percent = click.style(percent, fg="green" if done else
                                  "red" if r.status == "released" else "yellow")
        signed = (f"  {r.signed:>6}  {c.translated - r.signed:>8}"
                  if review and r.signed is not None else "  " + " " * 16 if review else "")
        lines.append(f"{r.doc:<{name_width}}  {r.lang:<4}  {r.status:<8}  {c.translated:>8}"
                     f"{signed}  {c.fuzzy:>7}  {c.untranslated:>9}  {_bar(c, color=color)}  "
                     f"{percent}{note}")
    lines.append("approved = translated and reviewed; machine = fuzzy, awaiting review")
    if review:
        lines.append("signed = approved with a valid sign-off ('pipeline audit' says who); "
                     "unsigned = approved, sign-off missing, stale or short of a 2nd reviewer")
    return "\n".join(lines)
