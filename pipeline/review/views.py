"""What the review app shows: overview rows, entries in document order, live findings."""

from __future__ import annotations

import difflib
import hashlib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from pipeline import catalogs
from pipeline.checks import Catalog, Entry, Scope
from pipeline.checks.inputs import checks_glossary, enabled_checks, to_catalog
from pipeline.checks.safety import term_problems
from pipeline.config import Config
from pipeline.errors import PipelineError
from pipeline.files import file_digest
from pipeline.markdown import load_document
from pipeline.review import signoff


@dataclass(frozen=True)
class TermUse:
    """A glossary term found in the English, what it must become and whether it did."""

    source: str
    required: tuple[str, ...]
    used: bool


@dataclass(frozen=True)
class EntryView:
    """One entry as the document view shows it."""

    key: int
    msgid: str
    msgctxt: str | None
    msgstr: str
    plural: bool
    line: int
    section: str
    state: str                      # signed, second-review, stale, unsigned, machine, ...
    critical: bool
    note: str
    previous: Markup | None         # `#|` previous English with the change marked
    terms: tuple[TermUse, ...]
    findings: tuple[str, ...]
    provenance: tuple[str, ...]

    @property
    def needs_review(self) -> bool:
        return self.state != "signed"


@dataclass(frozen=True)
class DocRow:
    """One document in one language on the overview."""

    lang: str
    doc: str
    counts: dict[str, int] = field(default_factory=dict)
    critical: int = 0
    error: str = ""


def digest(path: Path) -> str:
    """What the page remembers of the file it was made from, to detect a later change."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return "missing"


def documents(config: Config) -> list[str]:
    from pipeline.extract import source_files

    return [p.stem for p in source_files(config)]


def mark_change(old: str, new: str) -> Markup:
    """The previous English with removed words in <del> and added words in <ins>."""
    a, b = old.split(" "), new.split(" ")
    parts: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            parts.append(str(escape(" ".join(a[i1:i2]))))
            continue
        if i2 > i1:
            parts.append(f"<del>{escape(' '.join(a[i1:i2]))}</del>")
        if j2 > j1:
            parts.append(f"<ins>{escape(' '.join(b[j1:j2]))}</ins>")
    return Markup(" ".join(parts))


class Project:
    """The project as the app reads it; the glossary and checks are loaded once."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.docs = documents(config)
        self.langs = [lang.tag for lang in config.languages]
        self.checks = [c for c in enabled_checks(config)[0].values() if c.scope == "entry"]
        self._glossary: Any = None
        self._glossary_loaded = False
        self._rows: dict[tuple[str, str], tuple[str, DocRow]] = {}

    @property
    def glossary(self) -> Any:
        if not self._glossary_loaded:
            self._glossary = checks_glossary(self.config, True)
            self._glossary_loaded = True
        return self._glossary

    def path(self, lang: str, doc: str) -> Path:
        return catalogs.catalog_path(self.config.locales_dir, lang, doc)

    def valid(self, lang: str, doc: str | None = None) -> bool:
        """Only configured languages and documents found in source/ (no path traversal)."""
        return lang in self.langs and (doc is None or doc in self.docs)

    def read(self, lang: str, doc: str) -> tuple[Any, Catalog]:
        return signoff.read_catalog(self.config, lang=lang, doc=doc)

    def findings(self, entry: Entry, catalog: Catalog) -> list[str]:
        if not entry.translated:
            return []
        scope = Scope(catalog=catalog, glossary=self.glossary)
        return [f"{f.check}: {f.message}" for check in self.checks
                for f in check.func(entry, scope)]

    def live_check(self, lang: str, doc: str, msgid: str, msgctxt: str | None,
                   msgstr: str) -> dict[str, Any]:
        """Findings and glossary use of a translation as the reviewer is typing it."""
        _, catalog = self.read(lang, doc)
        entry = next((e for e in catalog.live()
                      if e.msgid == msgid and e.msgctxt == msgctxt), None)
        if entry is None:
            return {"findings": [], "terms": []}
        typed = replace(entry, msgstr=msgstr, flags=entry.flags - {"fuzzy"})
        terms = self.terms(msgid, msgstr, lang)
        return {"findings": self.findings(typed, catalog),
                "terms": [{"source": t.source, "required": list(t.required), "used": t.used}
                          for t in terms]}

    def terms(self, msgid: str, msgstr: str, lang: str) -> tuple[TermUse, ...]:
        glossary = self.glossary
        if glossary is None:
            return ()
        missing = {p.term.id for p in term_problems(glossary, msgid, msgstr, lang)
                   } if msgstr else None
        seen: dict[str, TermUse] = {}
        for match in glossary.match(msgid):
            used = missing is not None and match.term.id not in missing
            seen.setdefault(match.term.id, TermUse(match.text, match.term.target(lang), used))
        return tuple(seen.values())

    def sections(self, doc: str) -> dict[str, str]:
        source = self.config.source_dir / f"{doc}.md"
        document = load_document(source, shown=self.config.rel(source),
                                 segmentation=self.config.segmentation)
        return {s.text: s.section for s in document.segments}

    def entries(self, lang: str, doc: str) -> list[EntryView]:
        po, catalog = self.read(lang, doc)
        states = {(s.msgctxt, s.msgid): s for s in signoff.catalog_states(self.config, catalog)}
        previous = {(e.msgctxt, e.msgid): e.previous_msgid for e in po
                    if not e.obsolete and e.previous_msgid}
        sections = self.sections(doc)
        views = []
        for key, entry in enumerate(catalog.live()):
            state = states[(entry.msgctxt, entry.msgid)]
            old = previous.get((entry.msgctxt, entry.msgid))
            views.append(EntryView(
                key=key, msgid=entry.msgid, msgctxt=entry.msgctxt, msgstr=entry.msgstr,
                plural=bool(entry.msgid_plural), line=entry.line,
                section=sections.get(entry.msgid, ""), state=state.state,
                critical=state.critical, note=state.note,
                previous=mark_change(old, entry.msgid) if old else None,
                terms=self.terms(entry.msgid, entry.msgstr, lang),
                findings=tuple(self.findings(entry, catalog)),
                provenance=tuple(line[3:].strip() for line in entry.comment.splitlines()
                                 if line.startswith("mt:"))))
        return views

    def inputs(self, lang: str, doc: str) -> str:
        """A digest of the files one document's entries are made from in one language
        (`signoff.state_inputs`: the catalog, the source, the records, the allowed signers)."""
        return file_digest(*signoff.state_inputs(self.config, lang=lang, doc=doc))

    def overview(self) -> list[DocRow]:
        """One row per language and document; a row whose files have not changed since the
        last overview is not worked out again (every entry's findings and sign-off state)."""
        rows = []
        for lang in self.langs:
            for doc in self.docs:
                key = self.inputs(lang, doc)
                known = self._rows.get((lang, doc))
                if known is not None and known[0] == key:
                    rows.append(known[1])
                    continue
                try:
                    views = self.entries(lang, doc)
                except PipelineError as exc:
                    rows.append(DocRow(lang, doc, error=str(exc)))
                    continue
                counts = {"total": len(views), "findings": sum(bool(v.findings) for v in views)}
                for v in views:
                    group = {"second-review": "approved", "stale": "approved",
                             "unsigned": "approved"}.get(v.state, v.state)
                    counts[group] = counts.get(group, 0) + 1
                counts["approved"] = counts.get("approved", 0) + counts.get("signed", 0)
                row = DocRow(lang, doc, counts, sum(v.critical for v in views))
                self._rows[(lang, doc)] = (key, row)
                rows.append(row)
        return rows


def apply(po: Any, *, msgid: str, msgctxt: str | None, msgstr: str, approve: bool) -> None:
    """Set one entry's translation; approving removes `fuzzy` and the `#|` previous text."""
    for entry in po:
        if entry.obsolete or entry.msgid != msgid or entry.msgctxt != msgctxt:
            continue
        entry.msgstr = msgstr
        if approve:
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
            entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None
        elif "fuzzy" not in entry.flags:
            entry.flags.append("fuzzy")
        return
    raise signoff.ReviewError(f"no entry with msgid {msgid[:50]!r}",
                              hint="reload the page; the catalog changed")


def inline_markdown(text: str) -> Markup:
    """A translation's inline Markdown as the built page shows it (raw HTML off, unsafe
    link schemes refused by markdown-it)."""
    from markdown_it import MarkdownIt

    return Markup(MarkdownIt("commonmark", {"html": False}).renderInline(text))


def one_entry(config: Config, path: Path, *, lang: str, doc: str, msgid: str,
              msgctxt: str | None) -> str:
    """The translation an entry has on disk now (for the conflict view)."""
    po = catalogs.read_catalog(path, shown=config.rel(path))
    catalog = to_catalog(po, path.read_text("utf-8"), file=config.rel(path), lang=lang, doc=doc)
    return next((e.msgstr for e in catalog.live()
                 if e.msgid == msgid and e.msgctxt == msgctxt), "")
