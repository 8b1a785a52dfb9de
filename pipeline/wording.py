"""How the command line words a count: "1 document", "2 documents", "1 entry", "3 entries"."""

from __future__ import annotations


def counted(n: int, word: str, plural: str = "") -> str:
    """`n` and the noun in the number that agrees with it (English: singular only for 1)."""
    if n == 1:
        return f"1 {word}"
    if not plural:
        plural = word[:-1] + "ies" if word.endswith("y") and word[-2:-1] not in "aeiou" \
            else word + "s"
    return f"{n} {plural}"
