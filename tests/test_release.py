"""The release decision, case by case: unreviewed text never reaches a released page."""

from __future__ import annotations

import pytest

from pipeline.build.plan import Review, release_decision

# Ten segments in each state of the document; "stale" is a sentence whose English changed
# since it was translated, which the catalog no longer has for the new English.
STATES = {
    "approved": Review(approved=10, catalog=True),
    "fuzzy": Review(approved=9, machine=1, catalog=True),
    "untranslated": Review(approved=9, untranslated=1, catalog=True),
    "stale": Review(approved=9, untranslated=1, catalog=True),
    "nothing translated": Review(untranslated=10, catalog=True),
    "no catalog": Review(untranslated=10, catalog=False),
}

TABLE = [
    # status,    state,                --draft, decision
    ("released", "approved",           False, "build"),
    ("released", "fuzzy",              False, "refuse"),
    ("released", "untranslated",       False, "refuse"),
    ("released", "stale",              False, "refuse"),
    ("released", "nothing translated", False, "refuse"),
    ("released", "no catalog",         False, "refuse"),
    ("released", "approved",           True,  "build"),
    ("released", "fuzzy",              True,  "build"),
    ("released", "untranslated",       True,  "build"),
    ("released", "stale",              True,  "build"),
    ("draft",    "approved",           False, "draft"),
    ("draft",    "fuzzy",              False, "draft"),
    ("draft",    "untranslated",       False, "draft"),
    ("draft",    "stale",              False, "draft"),
    ("draft",    "nothing translated", False, "nothing"),
    ("draft",    "approved",           True,  "build"),
    ("draft",    "fuzzy",              True,  "build"),
    ("draft",    "untranslated",       True,  "build"),
    ("draft",    "stale",              True,  "build"),
    ("draft",    "nothing translated", True,  "nothing"),
    ("draft",    "no catalog",         True,  "nothing"),
]


@pytest.mark.parametrize(("status", "state", "draft", "decision"), TABLE)
def test_release_decision(status: str, state: str, draft: bool, decision: str) -> None:
    assert release_decision(released=status == "released", draft=draft,
                            rev=STATES[state]) == decision


def test_only_a_fully_approved_released_document_is_published_without_draft() -> None:
    published = [(status, state) for status, state, draft, decision in TABLE
                 if decision == "build" and not draft]
    assert published == [("released", "approved")]
