"""The `# qa:` flags of a machine translation: the registered entry checks, run on one pair.

Translate calls this so that its flags and `pipeline check` follow one rule set.
"""

from __future__ import annotations

from typing import Any

from pipeline.checks import Catalog, Entry, Scope, registry

# Checks that say nothing about a fresh machine translation (it is always unedited output).
NOT_FOR_MT = frozenset({"unedited-mt"})


def machine_flags(source: str, output: str, *, lang: str, glossary: Any = None) -> list[str]:
    """("check: message") for each finding of the entry checks on one machine output."""
    entry = Entry(msgid=source, msgstr=output, line=0)
    scope = Scope(catalog=Catalog(file="", lang=lang, doc="", entries=(entry,)),
                  glossary=glossary)
    flags = []
    for name, registered in registry().items():
        if registered.scope != "entry" or name in NOT_FOR_MT:
            continue
        flags += [f"{name}: {finding.message}" for finding in registered.func(entry, scope)]
    return flags
