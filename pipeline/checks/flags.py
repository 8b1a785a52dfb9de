"""The `# qa:` flags of a machine translation: the registered entry checks, run on one pair.

Translate calls this so that its flags and `pipeline check` follow one rule set.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from pipeline.checks import Catalog, Entry, Scope, registry
from pipeline.model import Finding

# Checks that say nothing about a fresh machine translation (it is always unedited output).
NOT_FOR_MT = frozenset({"unedited-mt"})


# The entry checks that apply to machine output, by name, as `entry_checks()` gives them.
EntryChecks = tuple[tuple[str, Callable[..., Iterable[Finding]]], ...]


def entry_checks() -> EntryChecks:
    """The registered entry checks for machine output: look them up once per run."""
    return tuple((name, registered.func) for name, registered in registry().items()
                 if registered.scope == "entry" and name not in NOT_FOR_MT)


def machine_flags(source: str, output: str, *, lang: str, glossary: Any = None,
                  checks: EntryChecks | None = None) -> list[str]:
    """("check: message") for each finding of the entry checks on one machine output."""
    entry = Entry(msgid=source, msgstr=output, line=0)
    scope = Scope(catalog=Catalog(file="", lang=lang, doc="", entries=(entry,)),
                  glossary=glossary)
    flags = []
    for name, func in entry_checks() if checks is None else checks:
        flags += [f"{name}: {finding.message}" for finding in func(entry, scope)]
    return flags
