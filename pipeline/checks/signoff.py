"""Sign-off checks: approved entries without a valid sign-off, stale ones, critical entries
short of a second reviewer. They run only in projects with a [tool.pipeline.review] table;
the runner makes them errors in released languages when `require-signoff` is on."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pipeline.checks import Catalog, Project, check
from pipeline.model import Finding, Severity

REVIEW_CHECKS = frozenset({"unsigned", "signoff-stale", "needs-second-review"})
# Findings about an entry that a valid sign-off answers: the runner drops them when signed.
CLEARED_BY_SIGNOFF = frozenset({"unedited-mt"})
_last: dict[str, Any] = {}


def _states(catalog: Catalog, project: Project) -> list[Any]:
    config = project.config
    if not config.review.enabled or not catalog.exists:
        return []
    if _last.get("catalog") is not catalog:
        from pipeline.review.signoff import catalog_states

        _last.update(catalog=catalog, states=catalog_states(config, catalog))
    states: list[Any] = _last["states"]
    return states


def signed_msgids(catalog: Catalog, project: Project) -> frozenset[str]:
    """The msgids of the catalog's entries with a valid, complete sign-off."""
    return frozenset(s.msgid for s in _states(catalog, project) if s.ok)


def _finding(catalog: Catalog, name: str, state: Any, message: str) -> Finding:
    return Finding(name, Severity.WARNING, message, file=catalog.file, line=state.line,
                   lang=catalog.lang, doc=catalog.doc, msgid=state.msgid)


@check("unsigned", scope="catalog")
def unsigned(catalog: Catalog, project: Project) -> Iterator[Finding]:
    """Approved entries with no valid sign-off (see 'pipeline signoff')."""
    for state in _states(catalog, project):
        if state.state == "unsigned":
            yield _finding(catalog, "unsigned", state, f"approved but not signed off "
                           f"({state.note}); run 'pipeline signoff --lang {catalog.lang} "
                           f"--reviewer \"Name <email>\" {catalog.doc}' after reviewing it")


@check("signoff-stale", scope="catalog")
def signoff_stale(catalog: Catalog, project: Project) -> Iterator[Finding]:
    """Signed-off entries whose translation changed since they were signed."""
    for state in _states(catalog, project):
        if state.state == "stale":
            yield _finding(catalog, "signoff-stale", state, f"sign-off is stale: {state.note}; "
                           "review the new text and sign it off again")


@check("needs-second-review", scope="catalog")
def needs_second_review(catalog: Catalog, project: Project) -> Iterator[Finding]:
    """Critical entries with fewer distinct reviewers (or roles) than the policy asks."""
    for state in _states(catalog, project):
        if state.state == "second-review":
            who = ", ".join(dict.fromkeys(f"{r.name} ({r.role})" for r in state.valid))
            yield _finding(catalog, "needs-second-review", state, f"{state.note}; signed by "
                           f"{who}; a second person signs with 'pipeline signoff --role "
                           "clinician' after checking it")
