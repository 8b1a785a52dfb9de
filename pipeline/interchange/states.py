"""Review states of catalog entries and how they map to XLIFF 2.1 and 1.2, both ways.

The mapping never claims more review than happened: only an entry a person approved is
exported as reviewed (2.1) / approved="yes" (1.2), only a signed-off one as final.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pipeline.config import Config


class State(StrEnum):
    UNTRANSLATED = "untranslated"
    MACHINE = "machine draft"
    FUZZY = "human fuzzy"
    APPROVED = "approved"
    SIGNED = "signed off"


# project state → (XLIFF 2.1 state, subState)
XLIFF2_STATE: dict[State, tuple[str, str]] = {
    State.UNTRANSLATED: ("initial", "pipeline:untranslated"),
    State.MACHINE: ("initial", "pipeline:machine-draft"),
    State.FUZZY: ("initial", "pipeline:fuzzy"),
    State.APPROVED: ("reviewed", "pipeline:approved"),
    State.SIGNED: ("final", "pipeline:signed-off"),
}
# project state → (XLIFF 1.2 state, state-qualifier or "", approved)
XLIFF12_STATE: dict[State, tuple[str, str, bool]] = {
    State.UNTRANSLATED: ("new", "", False),
    State.MACHINE: ("needs-review-translation", "mt-suggestion", False),
    State.FUZZY: ("needs-review-translation", "fuzzy-match", False),
    State.APPROVED: ("translated", "", True),
    State.SIGNED: ("signed-off", "", True),
}
XLIFF2_APPROVED = frozenset({"reviewed", "final"})
XLIFF12_APPROVED = frozenset({"final", "signed-off"})


def entry_state(entry: Any, *, signed: bool = False) -> State:
    """The review state of one catalog entry (a polib entry)."""
    if not entry.msgstr:
        return State.UNTRANSLATED
    if "fuzzy" in entry.flags:
        machine = any(line.startswith("mt:") for line in (entry.tcomment or "").splitlines())
        return State.MACHINE if machine and not entry.previous_msgid else State.FUZZY
    return State.SIGNED if signed else State.APPROVED


def imported_approved_2(state: str | None) -> bool:
    """Does an XLIFF 2 segment state say a person reviewed the target?"""
    return (state or "initial") in XLIFF2_APPROVED


def imported_approved_12(state: str | None, approved: str | None) -> bool:
    """Does an XLIFF 1.2 trans-unit say a person approved the target?"""
    return approved == "yes" or (state or "") in XLIFF12_APPROVED


def signed_entries(config: Config, lang: str, doc: str) -> frozenset[str]:
    """msgids of `doc` with a valid sign-off in `lang` (the sign-off records decide)."""
    if not config.review.enabled:
        return frozenset()
    from pipeline.review.signoff import document_states

    return frozenset(s.msgid for s in document_states(config, lang=lang, doc=doc) if s.ok)


