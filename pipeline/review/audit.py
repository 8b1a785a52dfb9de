"""The audit: per entry, its sign-off state and every record that concerns it; per document,
a summary. Rendered as text, CSV (one row per entry and record) or JSON."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from dataclasses import dataclass

from pipeline.config import Config
from pipeline.model import SignOff
from pipeline.review.signoff import STATES, EntryState, document_states


@dataclass(frozen=True)
class DocAudit:
    lang: str
    doc: str
    file: str
    entries: tuple[EntryState, ...]

    def summary(self) -> dict[str, int]:
        counted = Counter(e.state for e in self.entries)
        return {"entries": len(self.entries), **{s: counted.get(s, 0) for s in STATES},
                "critical": sum(e.critical for e in self.entries)}


def audit(config: Config, *, langs: tuple[str, ...] = (), docs: tuple[str, ...] = ()
          ) -> list[DocAudit]:
    from pipeline import catalogs
    from pipeline.extract import source_files

    names = list(docs) or [p.stem for p in source_files(config)]
    result = []
    for language in config.select(langs):
        for doc in names:
            path = catalogs.catalog_path(config.locales_dir, language.tag, doc)
            if not path.exists() and not docs:
                continue
            result.append(DocAudit(language.tag, doc, config.rel(path),
                                   tuple(document_states(config, lang=language.tag, doc=doc))))
    return result


def _records(state: EntryState) -> list[tuple[str, SignOff]]:
    return [("valid", r) for r in state.valid] + [("stale", r) for r in state.stale]


def render_text(audits: list[DocAudit]) -> str:
    lines = []
    for one in audits:
        s = one.summary()
        lines.append(f"{one.lang}/{one.doc}: {s['entries']} entries ({s['critical']} critical): "
                     f"{s['signed']} signed, {s['second-review']} need a second review, "
                     f"{s['stale']} stale, {s['unsigned']} approved but unsigned, "
                     f"{s['machine']} machine, {s['untranslated']} untranslated")
        for e in one.entries:
            who = "; ".join(f"{kind} {r.reviewer} ({r.role}) {r.time}"
                            for kind, r in _records(e)) or "-"
            flag = "critical" if e.critical else "-"
            lines.append(f"  {one.file}:{e.line}  {e.state:<13} {flag:<8}  {who}  "
                         f"{e.msgid[:50]!r}")
    return "\n".join(lines) if lines else "no catalogs"


CSV_FIELDS = ("lang", "doc", "file", "line", "msgctxt", "msgid", "state", "critical",
              "reviewer", "role", "time", "record", "hash")


def render_csv(audits: list[DocAudit]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for one in audits:
        for e in one.entries:
            base = [one.lang, one.doc, one.file, e.line, e.msgctxt or "", e.msgid, e.state,
                    "yes" if e.critical else "no"]
            rows = _records(e)
            if not rows:
                writer.writerow([*base, "", "", "", "", e.hash])
            for kind, r in rows:
                writer.writerow([*base, r.reviewer, r.role, r.time, kind,
                                 r.hash])
    return out.getvalue().rstrip("\n")


def render_json(audits: list[DocAudit]) -> str:
    data = [{"lang": a.lang, "doc": a.doc, "file": a.file, "summary": a.summary(),
             "entries": [{"line": e.line, "msgctxt": e.msgctxt, "msgid": e.msgid,
                          "state": e.state, "critical": e.critical, "hash": e.hash,
                          "note": e.note,
                          "signoffs": [{"reviewer": r.reviewer, "role": r.role,
                                        "time": r.time, "record": kind,
                                        "hash": r.hash, "log": f"{r.file}:{r.line}"}
                                       for kind, r in _records(e)]}
                         for e in a.entries]} for a in audits]
    return json.dumps({"documents": data}, indent=2, ensure_ascii=False)
