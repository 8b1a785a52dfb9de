"""Whole words of a language, read from its Hunspell dictionary (Debian's hunspell-LANG).

A word is known when it is a stem of the `.dic` file or a form the `.aff` file's suffix
rules make of one, up to two suffixes deep ("hora" → "horas", "option" → "options",
"acción" → "acciones"). Prefixes and compounds are not made: this says whether a word is a
word of the language (not English left in, not a word cut in two), it does not spell-check.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path


@dataclass(frozen=True)
class _Rule:
    flag: str
    strip: str
    condition: re.Pattern[str] | None     # what the stem must end with, None: anything
    then: frozenset[str]                  # flags of the suffixes that may follow this one


@dataclass(frozen=True)
class Words:
    """A Hunspell dictionary's stems (lower case, with their flags) and suffix rules."""

    stems: dict[str, str | frozenset[str]]   # a string where each flag is one character
    rules: dict[str, list[_Rule]] = field(default_factory=dict)   # added ending → its rules
    longest: int = 0

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        word = word.lower()
        if word in self.stems:
            return True
        return any(rule.flag in self.stems.get(stem, ()) or any(
            rule.flag in inner.then and inner.flag in self.stems.get(root, ())
            for inner, root in self._undone(stem)) for rule, stem in self._undone(word))

    def __len__(self) -> int:
        return len(self.stems)

    def _undone(self, word: str) -> list[tuple[_Rule, str]]:
        """Each suffix rule that could have made `word`, with the stem it made it from."""
        found = []
        for size in range(min(self.longest, len(word) - 1) + 1):
            for rule in self.rules.get(word[len(word) - size:], ()):
                stem = word[:len(word) - size] + rule.strip
                if rule.condition is None or rule.condition.search(stem):
                    found.append((rule, stem))
        return found


def _flags(text: str, kind: str) -> list[str]:
    """The flags of a `/…` field: one character each, two (FLAG long) or numbers (FLAG num)."""
    if kind == "long":
        return [text[i:i + 2] for i in range(0, len(text) - 1, 2)]
    if kind == "num":
        return [part for part in text.split(",") if part]
    return list(text)


@lru_cache(maxsize=8)
def read(dic: Path) -> Words:
    """The dictionary `dic` (its `.aff` beside it), read once per process."""
    aff = dic.with_suffix(".aff")
    lines = aff.read_text(encoding="utf-8", errors="replace").splitlines() \
        if aff.exists() else []
    kind = next((line.split()[1] for line in lines if line.startswith("FLAG ")
                 and len(line.split()) > 1), "char")
    rules: dict[str, list[_Rule]] = defaultdict(list)
    for line in lines:
        parts = line.split()
        if len(parts) < 5 or parts[0] != "SFX":
            continue
        flag, strip, added, condition = parts[1:5]
        added, _, then = added.partition("/")
        added = "" if added == "0" else added.lower()
        pattern = None if condition == "." else _condition(condition)
        rules[added].append(_Rule(flag, "" if strip == "0" else strip.lower(), pattern,
                                  frozenset(_flags(then, kind))))
    single = kind not in ("long", "num")    # one character a flag: the flags as a string
    stems: dict[str, str | frozenset[str]] = {}
    for line in dic.read_text(encoding="utf-8", errors="replace").splitlines()[1:]:
        word, _, flags = line.split("\t", 1)[0].split(" ", 1)[0].partition("/")
        if not word:
            continue
        word = word.lower()
        had = stems.get(word)
        if single:
            stems[word] = flags if had is None else f"{had}{flags}"
        else:
            stems[word] = frozenset(_flags(flags, kind)).union(had or ())
    return Words(stems, dict(rules), max(map(len, rules), default=0))


def _condition(text: str) -> re.Pattern[str] | None:
    """A suffix rule's condition (`[^aeiou]o`, `.`) as a pattern on the stem's end."""
    try:
        return re.compile(f"(?:{text.lower()})$")
    except re.error:
        return None
