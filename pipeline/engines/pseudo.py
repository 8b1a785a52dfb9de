"""Pseudo-localization: accented letters, ~35% longer, bracketed; for layout and completeness."""

from __future__ import annotations

import re

from pipeline import __version__
from pipeline.engines.base import Engine
from pipeline.masking import token_pattern

_ACCENTS = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "àƀçđéƒĝĥîĵķĺɱñöþǫŕšţûṽŵẋýžÀƁÇĐÉƑĜĤÎĴĶĹṀÑÖÞǪŔŠŢÛṼŴẊÝŽ",
)
EXPANSION = 0.35
OPEN, CLOSE, PAD = "⟦", "⟧", "·"


class PseudoEngine(Engine):
    """Any language: a visibly fake translation that keeps mask tokens and Markdown intact."""

    name = "pseudo"
    mask_style = "word"
    batch_size = 500

    @property
    def version(self) -> str:
        return f"pseudo {__version__}"

    def pairs(self) -> frozenset[tuple[str, str]]:
        return frozenset()

    def supports(self, source: str, target: str) -> bool:
        return source != target

    def translate_batch(self, segments: list[str], *, source: str, target: str) -> list[str]:
        return [pseudo(s, style=self.mask_style) for s in segments]


def pseudo(text: str, *, style: str) -> str:
    """`⟦Ţĥîš îš ţéẋţ ····⟧`: letters outside mask tokens accented, padded by ~35%."""
    pattern = token_pattern(style)
    parts: list[str] = []
    pos = 0
    for found in [*pattern.finditer(text), None]:
        end = found.start() if found else len(text)
        parts.append(_accent(text[pos:end]))
        if found:
            parts.append(found.group())
            pos = found.end()
    body = "".join(parts)
    letters = len(re.findall(r"\w", pattern.sub("", text)))
    pad = round(letters * EXPANSION)
    return f"{OPEN}{body}{' ' + PAD * pad if pad else ''}{CLOSE}"


def _accent(text: str) -> str:
    # Link targets and URLs are masked; what remains is prose and Markdown punctuation.
    return text.translate(_ACCENTS)
