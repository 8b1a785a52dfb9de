"""Review policy: `[tool.pipeline.review]` settings and which entries are critical.

A critical entry sits under a heading matching one of `critical-headings` (shell-style
patterns, case-insensitive; the heading itself counts), or in a document whose front
matter says `review: critical`. It needs `critical-reviewers` distinct people, one of them
in one of `critical-roles` when any are configured.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.errors import ConfigError
from pipeline.model import ROLES, Document

_KEYS = {"require-signoff", "critical-headings", "critical-reviewers", "critical-roles",
         "signatures", "allowed-signers", "records-dir"}


@dataclass(frozen=True)
class ReviewPolicy:
    """What sign-offs the project asks for; `enabled` when it has a [tool.pipeline.review]."""

    enabled: bool = False
    require_signoff: bool = False
    critical_headings: tuple[str, ...] = ()
    critical_reviewers: int = 2
    critical_roles: tuple[str, ...] = ()
    signatures: str = ""                        # "" (none) or "ssh"
    allowed_signers: str = "review/allowed_signers"
    records_dir: str = "review/signoffs"


def parse_policy(table: object, *, path: Path, line_of: Any) -> ReviewPolicy:
    """Validate the [tool.pipeline.review] table (absent: sign-offs are not used)."""
    if table is None:
        return ReviewPolicy()
    if not isinstance(table, dict):
        raise ConfigError("[tool.pipeline.review] must be a table", path=path,
                          line=line_of("review"), hint="write [tool.pipeline.review]")
    unknown = sorted(set(table) - _KEYS)
    if unknown:
        raise ConfigError(f"unknown setting '{unknown[0]}' in [tool.pipeline.review]",
                          path=path, line=line_of(unknown[0]),
                          hint=f"known settings: {', '.join(sorted(_KEYS))}")

    def fail(key: str, what: str, example: str) -> ConfigError:
        return ConfigError(f"'{key}' must be {what}", path=path, line=line_of(key),
                           hint=f"write e.g. {key} = {example}")

    require = table.get("require-signoff", False)
    if not isinstance(require, bool):
        raise fail("require-signoff", "true or false", "true")
    headings = table.get("critical-headings", [])
    if not isinstance(headings, list) or not all(isinstance(h, str) and h for h in headings):
        raise fail("critical-headings", "a list of heading patterns", '["Dos*", "Warning*"]')
    reviewers = table.get("critical-reviewers", 2)
    if not isinstance(reviewers, int) or isinstance(reviewers, bool) or not 1 <= reviewers <= 5:
        raise fail("critical-reviewers", "a number of people from 1 to 5", "2")
    roles = table.get("critical-roles", [])
    if not isinstance(roles, list) or any(r not in ROLES for r in roles):
        raise fail("critical-roles", f"a list of roles from {', '.join(ROLES)}",
                   '["clinician"]')
    signatures = table.get("signatures", "")
    if signatures not in ("", "ssh"):
        raise fail("signatures", '"ssh" (or left out)', '"ssh"')
    signers = table.get("allowed-signers", ReviewPolicy.allowed_signers)
    records = table.get("records-dir", ReviewPolicy.records_dir)
    for key, value in (("allowed-signers", signers), ("records-dir", records)):
        if not isinstance(value, str) or not value or value.startswith("/") or ".." in value:
            default = getattr(ReviewPolicy, key.replace("-", "_"))
            raise fail(key, "a path inside the project", f'"{default}"')
    return ReviewPolicy(enabled=True, require_signoff=require,
                        critical_headings=tuple(headings), critical_reviewers=reviewers,
                        critical_roles=tuple(roles), signatures=signatures,
                        allowed_signers=signers, records_dir=records)


def heading_matches(policy: ReviewPolicy, heading: str) -> bool:
    text = " ".join(heading.replace("*", "").replace("_", " ").split()).casefold()
    return any(fnmatch.fnmatchcase(text, pattern.casefold())
               for pattern in policy.critical_headings)


def critical_msgids(policy: ReviewPolicy, document: Document) -> frozenset[str]:
    """The msgids of `document` that need the critical (two-person) review."""
    segments = document.segments
    if dict(document.meta).get("review", "").strip().casefold() == "critical":
        return frozenset(s.text for s in segments)
    found: set[str] = set()
    for block in document.blocks:
        heading = block.text if block.kind.value == "heading" else block.section
        if heading and heading_matches(policy, heading):
            found.update(s.text for s in block.segments)
    return frozenset(found)
