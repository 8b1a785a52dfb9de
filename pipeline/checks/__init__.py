"""The check registry: small functions, each registered under a name, returning findings.

A check never prints. It receives one catalog entry (or a whole catalog, or the project)
and yields `Finding`s with its own default severity; the runner (pipeline.checks.run) fills in
the severity policy, per-entry `check-ignore` comments and the project's disabled checks.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from pipeline import inline
from pipeline.model import Finding, Severity

# Checks whose findings are errors in released languages and warnings in drafts.
SAFETY = frozenset({"numbers", "units", "negation", "glossary", "markup", "links",
                    "quantities", "time-units", "frequency", "dates", "engine-debris",
                    "leftover-english", "unedited-mt", "omission", "substitution"})
_MODULES = ("completeness", "syntax", "numbers", "safety", "quantities", "negation", "wording",
            "alignment", "signoff")


@dataclass(frozen=True, slots=True)
class Entry:
    """One catalog entry as checks see it (not a polib object): texts, state and lines."""

    msgid: str
    msgstr: str
    line: int                       # the line of the `msgid` keyword
    msgstr_line: int = 0
    msgctxt: str | None = None
    msgid_plural: str = ""
    msgstr_plural: tuple[str, ...] = ()
    flags: frozenset[str] = frozenset()
    comment: str = ""               # translator comments (`# ...` lines)
    obsolete: bool = False

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    @property
    def translated(self) -> bool:
        if self.msgid_plural:
            return bool(self.msgstr_plural) and all(self.msgstr_plural)
        return bool(self.msgstr)

    def pairs(self) -> tuple[tuple[str, str], ...]:
        """(source, translation) pairs: msgid/msgstr, or each plural form with its source."""
        if not self.msgid_plural:
            return ((self.msgid, self.msgstr),)
        return tuple((self.msgid if i == 0 else self.msgid_plural, text)
                     for i, text in enumerate(self.msgstr_plural))


@dataclass(frozen=True)
class Catalog:
    """A parsed PO file of one document and language, with what checks need around it."""

    file: str
    lang: str
    doc: str
    entries: tuple[Entry, ...]
    metadata: dict[str, str] = field(default_factory=dict)
    header_line: int = 1
    header_fuzzy: bool = False
    exists: bool = True

    def live(self) -> Iterable[Entry]:
        return (e for e in self.entries if not e.obsolete)

    def finding(self, check: str, message: str, *, entry: Entry | None = None,
                line: int = 0, severity: Severity = Severity.ERROR) -> Finding:
        """A finding located in this catalog (at `entry`'s line when given)."""
        return Finding(check=check, severity=severity, message=message, file=self.file,
                       line=entry.line if entry is not None else line, lang=self.lang,
                       doc=self.doc, msgid=entry.msgid if entry is not None else "")


@dataclass(frozen=True)
class Scope:
    """What an entry check may consult besides the entry: its catalog and shared helpers."""

    catalog: Catalog
    glossary: Any = None            # pipeline.glossary.Glossary, or None without a glossary
    signed: frozenset[str] = frozenset()   # msgids a valid sign-off covers (clears unedited-mt)
    corpus: Any = None              # pipeline.checks.lexicon.Corpus: approved entries of the lang

    @property
    def lang(self) -> str:
        return self.catalog.lang


@dataclass(frozen=True)
class Project:
    """What catalog and project checks consult: config, parsed sources and templates."""

    config: Any                     # pipeline.config.Config
    documents: tuple[Any, ...] = ()  # pipeline.model.Document, parsed from source/
    templates: dict[str, Catalog] = field(default_factory=dict)   # doc name → its POT


@dataclass(frozen=True, slots=True)
class Check:
    """A registered check: its name, what it looks at and the function that does it."""

    name: str
    scope: str                      # "entry", "catalog" or "project"
    func: Callable[..., Iterable[Finding]]
    doc: str = ""

    @property
    def safety(self) -> bool:
        return self.name in SAFETY


REGISTRY: dict[str, Check] = {}


def check(name: str, *, scope: str = "entry") -> Callable[[Callable[..., Iterable[Finding]]],
                                                           Callable[..., Iterable[Finding]]]:
    """Register a check function under `name` (entry checks also see fuzzy entries)."""
    def register(func: Callable[..., Iterable[Finding]]) -> Callable[..., Iterable[Finding]]:
        doc = (func.__doc__ or "").strip().splitlines()[0] if func.__doc__ else ""
        REGISTRY[name] = Check(name=name, scope=scope, func=func, doc=doc)
        return func
    return register


def registry() -> dict[str, Check]:
    """Every check, by name; importing the check modules registers them."""
    for module in _MODULES:
        importlib.import_module(f"pipeline.checks.{module}")
    return dict(sorted(REGISTRY.items()))


@lru_cache(maxsize=4096)
def plain(text: str) -> str:
    """Inline Markdown without what is never translated (code spans, URLs, link targets)."""
    return inline.not_text(text)


_EMPHASIS = re.compile(r"[*_]+")


def unmarked(text: str) -> str:
    """`plain` text with emphasis marks as spaces, as the value checks read it: "_6 hours_"
    is 6 hours (not for the debris check, where "*word" is Apertium's mark)."""
    text = plain(text)
    return _EMPHASIS.sub(" ", text) if "*" in text or "_" in text else text
