"""What sign-offs mean for a build: whether a released document may be published, and the
"Reviewed by … on …" data its page and PDF show."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from pipeline.config import Config
from pipeline.model import Language
from pipeline.review.signoff import document_states


@dataclass(frozen=True)
class DocSignoff:
    """Sign-off state of one document in one language, counted over its entries."""

    total: int
    counts: tuple[tuple[str, int], ...]
    reviewers: tuple[str, ...]      # names, in order of first sign-off
    latest: str                     # the newest sign-off's date, YYYY-MM-DD ("" if none)

    @property
    def complete(self) -> bool:
        return self.total > 0 and dict(self.counts).get("signed", 0) == self.total

    def missing(self) -> str:
        """What keeps the document from being completely signed, in words."""
        c = dict(self.counts)
        parts = [f"{c[k]} {what}" for k, what in (
            ("unsigned", "approved but not signed off"), ("stale", "with a stale sign-off"),
            ("second-review", "critical awaiting a second reviewer"),
            ("machine", "not approved"), ("untranslated", "untranslated")) if c.get(k)]
        return ", ".join(parts)


def doc_signoff(config: Config, *, lang: str, doc: str) -> DocSignoff:
    states = document_states(config, lang=lang, doc=doc)
    counts = Counter(s.state for s in states)
    records = sorted((r for s in states for r in s.valid), key=lambda r: r.time)
    names = tuple(dict.fromkeys(r.name for r in records))
    return DocSignoff(total=len(states), counts=tuple(sorted(counts.items())),
                      reviewers=names, latest=records[-1].time[:10] if records else "")


def refusal(signed: DocSignoff, *, lang: str, doc: str, catalog: str) -> str:
    return (f"{signed.missing()} of {signed.total} entries (released language: sign-off "
            f"required; see 'pipeline audit --lang {lang} --doc {doc}', then "
            f"'pipeline signoff' after reviewing {catalog})")


def reviewed_by(signed: DocSignoff, *, lang: str) -> dict[str, str]:
    """Names joined and the date formatted for the page's language (Babel)."""
    if not signed.reviewers or not signed.latest:
        return {}
    from babel.dates import format_date
    from babel.lists import format_list

    from pipeline import languages

    locale = languages.locale(lang)
    return {"names": format_list(list(signed.reviewers), locale=locale),
            "date": format_date(date.fromisoformat(signed.latest), format="long",
                                locale=locale)}


@dataclass(frozen=True)
class Gate:
    """The sign-off verdict on one document in one language, for the build."""

    refuse: str = ""                # why a released document may not be published
    banner: bool = False            # a --draft preview of a document not completely signed
    reviewed: dict[str, str] = field(default_factory=dict)  # for "Reviewed by … on …"


def gate(config: Config, *, lang: Language, doc: str, draft: bool, catalog: str,
         signed: DocSignoff | None = None) -> Gate:
    """Released languages with `require-signoff` publish only completely signed documents
    (`signed`: the document's sign-off state where the caller has it, else read now)."""
    if not config.review.enabled:
        return Gate()
    if signed is None:
        signed = doc_signoff(config, lang=lang.tag, doc=doc)
    unsigned = lang.released and config.review.require_signoff and not signed.complete
    if unsigned and not draft:
        return Gate(refuse=refusal(signed, lang=lang.tag, doc=doc, catalog=catalog))
    # "Reviewed by" claims the whole document: only shown when every entry is signed.
    return Gate(banner=unsigned,
                reviewed=reviewed_by(signed, lang=lang.tag) if signed.complete else {})
