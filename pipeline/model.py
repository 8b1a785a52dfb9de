"""The domain model every stage speaks: small frozen dataclasses, no I/O."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import StrEnum


class BlockKind(StrEnum):
    """Where a piece of translatable text sits in a document."""

    TITLE = "title"
    DESCRIPTION = "description"
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list item"
    TABLE_HEADER = "table header"
    TABLE_CELL = "table cell"
    BLOCKQUOTE = "blockquote"
    IMAGE_ALT = "image alt"


@dataclass(frozen=True, slots=True)
class Segment:
    """One translatable unit (a sentence, or a whole block) with its source position."""

    text: str
    line: int
    kind: BlockKind
    section: str = ""


@dataclass(frozen=True, slots=True)
class Block:
    """A translatable block of a document: inline Markdown and the segments cut from it."""

    kind: BlockKind
    text: str
    line: int
    section: str
    segments: tuple[Segment, ...]


@dataclass(frozen=True, slots=True)
class Document:
    """A source document: its name (the gettext domain), path and translatable blocks."""

    name: str
    path: str
    blocks: tuple[Block, ...]
    meta: tuple[tuple[str, str], ...] = ()

    @property
    def segments(self) -> tuple[Segment, ...]:
        return tuple(s for b in self.blocks for s in b.segments)


@dataclass(frozen=True, slots=True)
class Term:
    """A glossary concept: source variants, target terms per language and rules."""

    id: str
    source: tuple[str, ...]
    targets: tuple[tuple[str, tuple[str, ...]], ...] = ()
    forbidden: tuple[tuple[str, tuple[str, ...]], ...] = ()
    dnt: bool = False
    case_sensitive: bool = False
    note: str = ""
    origin: str = ""
    line: int = 0

    def target(self, lang: str) -> tuple[str, ...]:
        """Accepted target terms for `lang`, preferred first (the source form when DNT)."""
        if self.dnt:
            return self.source[:1]
        return dict(self.targets).get(lang, ())

    def forbidden_in(self, lang: str) -> tuple[str, ...]:
        return dict(self.forbidden).get(lang, ())


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem a check found, located precisely enough to fix it."""

    check: str
    severity: Severity
    message: str
    file: str = ""
    line: int = 0
    lang: str = ""
    doc: str = ""
    msgid: str = ""

    def as_dict(self) -> dict[str, object]:
        return {
            "check": self.check, "severity": self.severity.value, "lang": self.lang,
            "doc": self.doc, "file": self.file, "line": self.line,
            "msgid": self.msgid, "message": self.message,
        }


@dataclass(frozen=True, slots=True)
class MergeStats:
    """What a catalog merge did, for the extract summary."""

    kept: int = 0
    added: int = 0
    fuzzy: int = 0
    obsolete: int = 0
    written: bool = False


@dataclass(frozen=True, slots=True)
class Counts:
    """Review state of one catalog: approved, machine (fuzzy) and untranslated entries."""

    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    obsolete: int = 0

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.untranslated

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0


@dataclass(frozen=True)
class Language:
    """A target language of the project and its review status."""

    tag: str
    status: str = "draft"
    engines: tuple[str, ...] = field(default=())
    #: Whether the language's own entry lists its engines (else it inherits the default).
    own_engines: bool = False

    @property
    def released(self) -> bool:
        return self.status == "released"


ROLES = ("translator", "reviewer", "clinician")


@dataclass(frozen=True, slots=True)
class SignOff:
    """One sign-off: who reviewed which English and translation (by hash), in which role, when.

    `hash` binds the record to the exact (msgctxt, msgid, plural, msgstr forms) reviewed;
    editing either text makes the record stale. `file`/`line` say where the record was read.
    """

    reviewer: str                   # "Name <email>"
    role: str                       # one of ROLES
    time: str                       # UTC, ISO 8601: 2026-11-26T10:00:00Z
    lang: str
    doc: str
    hash: str                       # "sha256:<hex>" of the reviewed entry
    msgid: str                      # the English that was reviewed (for diffs and audits)
    msgctxt: str | None = None
    signature: str = ""             # ssh-keygen -Y sign output, armour stripped, when used
    file: str = ""
    line: int = 0

    @property
    def name(self) -> str:
        return self.reviewer.split("<", 1)[0].strip()

    @property
    def email(self) -> str:
        found = self.reviewer.partition("<")[2].partition(">")[0].strip()
        return found

    @property
    def person(self) -> str:
        """Who signed, for counting distinct people: the e-mail, else the name, case-folded."""
        return (self.email or self.name).casefold()


def output_mark(msgid: str, msgstr: str) -> str:
    """The provenance line (`# mt: output <hash>`) that ties a msgstr to the engine output it
    still is, for this English only: translate writes it; unedited-mt, --refresh-fuzzy and the
    merge compare it. A translator's text carried to another sentence never matches."""
    digest = hashlib.sha256(f"{msgid}\0{msgstr}".encode()).hexdigest()[:12]
    return f"mt: output {digest}"
