"""Protect what MT must not touch: glossary and DNT terms, code, URLs, link targets, quantities.

Each protected span becomes a mask token before MT and is restored afterwards: glossary terms
with the language's preferred target term, everything else with the original text. Token
styles (engines pick one; measured on 3,030 sample sentences with 5,406 masks through Apertium):

- ``word``: ``ZXQ3``, an unknown all-caps word: 0 lost. Apertium passes it through (marked
  ``*`` as unknown, which its engine strips), SentencePiece models copy it, and it has no ``_``
  (argos's decoder turns ``_`` into a space) and no character Apertium's stream reserves.
- ``bracket``: ``⟦3⟧``: 86 lost in 43 sentences (Apertium drops or moves them), kept only
  for comparison and for engines that copy symbols better than words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from pipeline import inline
from pipeline.model import Term

STYLES = {
    "word": ("ZXQ{n}", re.compile(r"ZXQ(\d{1,4})(?!\d)")),
    "bracket": ("⟦{n}⟧", re.compile(r"⟦(\d{1,4})⟧")),
}
# What a damaged token of each style leaves behind in an output.
DEBRIS = {"word": re.compile(r"(?i:z\s?x\s?q)"), "bracket": re.compile(r"[⟦⟧]")}

_LINK_TARGET = re.compile(r"(?<=\])" + inline.LINK_TARGET_SRC)
# Unit symbols stay as written in every language; a number with one is masked whole. Words
# (hours, weeks, units, "to" in a range, "approx.") are the engine's to translate: only the
# number before them is masked, and the numbers-and-time-units check verifies them afterwards.
_SYMBOLS = (r"mg/m2|mg/m²|mg/kg|mcg/kg|µg/kg|mmol/L|mmol/l|mg/dL|mg/dl|g/dL|g/dl|"
            r"×\s?10\^?\d+/L|mg|mcg|µg|μg|ng|g|kg|mL|ml|L|l|dL|IU|mmol|mol|mEq|°C|°F|%|cm|"
            r"mm|km|m²|m2|m|kcal|mmHg|bpm|Gy|cGy|h|min")
_NUM = r"\d+(?:[.,]\d+)?"
_QUANTITY = re.compile(rf"(?<![\w.,]){_NUM}(?:\s?[–-]\s?{_NUM})?\s?(?:{_SYMBOLS})(?![\w/])")
_WORD_UNITS = (r"units?|hours?|hrs?|minutes?|mins|seconds?|secs?|days?|nights?|weeks?|"
               r"months?|years?|doses?|times|cycles?|tablets?|capsules?|drops?|puffs?")
# A number before a word unit, or the first number of a range ("4 to 12 weeks").
_COUNT = re.compile(rf"(?<![\w.,]){_NUM}(?:[–-]{_NUM})?(?=\s?(?:(?:to|or|and|–|-)\s?"
                    rf"{_NUM}\s?)?(?:{_WORD_UNITS}|(?:{_SYMBOLS})(?![\w/]))\b)", re.I)
_KIND_ORDER = ("code", "url", "link", "term", "quantity")


class MatchLike(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def term(self) -> Term: ...


class GlossaryLike(Protocol):
    """What masking and the translate stage need from pipeline.glossary.Glossary."""

    @property
    def fingerprint(self) -> str: ...

    def match(self, text: str) -> Sequence[MatchLike]: ...

    def verify(self, source: str, target: str, lang: str) -> Sequence[object]: ...


@dataclass(frozen=True, slots=True)
class Mask:
    """One protected span: its token, what it stood for, and what goes back in its place."""

    token: str
    kind: str
    original: str
    replacement: str
    term: Term | None = None


@dataclass(frozen=True, slots=True)
class Masked:
    """A segment ready for MT: its masked text and the masks in it."""

    source: str
    text: str
    masks: tuple[Mask, ...]
    style: str
    glossary_hits: int = 0


@dataclass(frozen=True, slots=True)
class Restored:
    """An MT output with masks put back, and the tokens that did not come back intact."""

    text: str
    lost: tuple[Mask, ...]


def _spans(text: str, glossary: GlossaryLike | None, lang: str,
           pattern: re.Pattern[str]) -> tuple[list[tuple[int, int, str, str, Term | None]], int]:
    found: list[tuple[int, int, str, str, Term | None]] = []
    hits = 0
    # Text that already looks like a mask token is masked as itself, so it cannot be confused.
    found += [(m.start(), m.end(), "code", m.group(), None) for m in pattern.finditer(text)]
    found += [(m.start(), m.end(), "code", m.group(), None)
              for m in inline.CODE_SPAN.finditer(text)]
    for regex in (inline.AUTOLINK, inline.URL, inline.EMAIL):
        found += [(m.start(), m.end(), "url", m.group(), None) for m in regex.finditer(text)]
    found += [(m.start(), m.end(), "link", m.group(), None) for m in _LINK_TARGET.finditer(text)]
    if glossary is not None:
        matches = glossary.match(text)
        hits = len(matches)
        for match in matches:
            targets = match.term.target(lang)
            if targets:
                replacement = match.text if match.term.dnt else targets[0]
                found.append((match.start, match.end, "term", replacement, match.term))
    found += [(m.start(), m.end(), "quantity", m.group(), None) for m in _QUANTITY.finditer(text)]
    found += [(m.start(), m.end(), "quantity", m.group(), None) for m in _COUNT.finditer(text)]
    found.sort(key=lambda s: (s[0], _KIND_ORDER.index(s[2]), -s[1]))
    kept: list[tuple[int, int, str, str, Term | None]] = []
    for span in found:
        if kept and span[0] < kept[-1][1]:
            continue
        kept.append(span)
    return kept, hits


def mask(text: str, *, glossary: GlossaryLike | None, lang: str, style: str = "word") -> Masked:
    """Replace protected spans of `text` with numbered tokens of the engine's style."""
    template, pattern = STYLES[style]
    out: list[str] = []
    masks: list[Mask] = []
    pos = 0
    spans, hits = _spans(text, glossary, lang, pattern)
    for start, end, kind, replacement, term in spans:
        token = template.format(n=len(masks))
        out += [text[pos:start], token]
        masks.append(Mask(token=token, kind=kind, original=text[start:end],
                          replacement=replacement, term=term))
        pos = end
    out.append(text[pos:])
    return Masked(source=text, text="".join(out), masks=tuple(masks), style=style,
                  glossary_hits=hits)


def _capitalize_at_start(text: str, index: int, word: str) -> str:
    if word[:1].islower() and not text[:index].strip(" *_\"'“‘«¿¡(["):
        return word[:1].upper() + word[1:]
    return word


def unmask(output: str, masked: Masked) -> Restored:
    """Put the masks of `masked` back into an MT `output`; report tokens lost or damaged."""
    _, pattern = STYLES[masked.style]
    by_number = {str(i): m for i, m in enumerate(masked.masks)}
    seen: dict[str, int] = {}
    for found in pattern.finditer(output):
        seen[found.group(1)] = seen.get(found.group(1), 0) + 1
    lost = [m for n, m in by_number.items() if seen.get(n) != 1]
    extra = [n for n in seen if n not in by_number]

    def put_back(found: re.Match[str]) -> str:
        item = by_number.get(found.group(1))
        if item is None:
            return found.group()
        if item.kind == "term" and item.term is not None and not item.term.dnt \
                and item.original[:1].isupper():
            return _capitalize_at_start(output, found.start(), item.replacement)
        return item.replacement

    text = pattern.sub(put_back, output)
    if extra or (DEBRIS[masked.style].search(pattern.sub("", output))
                 and not DEBRIS[masked.style].search(masked.source)):
        lost.append(Mask(token="?", kind="debris", original="", replacement=""))
    return Restored(text=text, lost=tuple(lost))


def token_pattern(style: str) -> re.Pattern[str]:
    return STYLES[style][1]
