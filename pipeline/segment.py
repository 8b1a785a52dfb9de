"""Sentence segmentation of inline Markdown, tuned for medical patient text.

Chosen over pysbd and syntok by measurement (bench/segmenters.py): it keeps inline
Markdown (code, links, emphasis) whole, knows clinical abbreviations ("approx.", "vs.",
"e.g.") and never splits inside numbers or units ("2.5 mg/kg", "mg/m2.").
"""

from __future__ import annotations

import re
from bisect import bisect_left

from pipeline import inline

# Words that end with a period without ending a sentence (compared lower-case, no dot).
ABBREVIATIONS = frozenset({
    "dr", "drs", "mr", "mrs", "ms", "prof", "st", "sr", "jr", "e.g", "i.e", "eg", "ie",
    "approx", "vs", "cf", "ca", "incl", "fig", "figs", "no", "nos", "vol", "ref", "tel",
    "dept", "inc", "ltd", "co", "corp", "resp", "wt", "ht", "max", "min", "avg", "est",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mon", "tue", "wed", "thu", "fri", "sat", "sun", "a.m", "p.m", "u.s", "u.k",
})
# Abbreviations that usually end a sentence when a capital follows ("... and so on, etc. The").
_SENTENCE_FINAL = frozenset({"etc", "a.m", "p.m"})

# Inline constructs that are never split: code spans, links and images, autolinks, URLs,
# emphasis runs.
_PROTECTED = re.compile(
    "|".join((inline.CODE_SPAN_SRC, inline.LINK_SRC, inline.AUTOLINK_SRC, inline.URL_SRC))
    + r"|\*\*(?=\S).+?(?<=\S)\*\*|__(?=\S).+?(?<=\S)__"  # strong
    # Emphasis: the run stops at the next delimiter, which keeps the search linear.
    r"|\*(?=[^\s*])[^*]+?(?<=[^\s*])\*"
    r"|(?<![\w_])_(?=[^\s_])[^_]+?(?<=[^\s_])_(?![\w_])",
    re.S,
)
# Whitespace a line may break at: a no-break space (U+00A0, U+2007, U+202F) is part of the
# text ("5 mg"), never a sentence gap, and survives normalization.
_SPACE = r"[^\S\u00a0\u2007\u202f]"
# A candidate boundary: terminal punctuation, closing marks, then whitespace.
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’»)\]*_]*(?=" + _SPACE + ")")
_NEXT_STARTS = re.compile(_SPACE + r"+(?=[\"'“‘«(\[*_`]*[A-Z0-9\u00C0-\u024F\u0400-\u04FF])")
# The word before a full stop; emphasis marks before it ("_Dr.") do not hide an abbreviation.
_WORD_BEFORE = re.compile(r"(?:^|(?<=[\s(\"'“‘*_]))([A-Za-z][A-Za-z.]*)\.$")
_WHITESPACE = re.compile(_SPACE + "+")


def _protected_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _PROTECTED.finditer(text)]


def _is_boundary(text: str, end: int, start_of_sentence: int) -> bool:
    """Is the punctuation run ending at `end` a sentence end?"""
    follow = _NEXT_STARTS.match(text, end)
    if not follow:
        return False
    run = text[start_of_sentence:end].rstrip("\"'”’»)]*_")
    if not run.endswith("."):
        return True  # ! ? … always end a sentence before a capital
    before = run[:-1]
    if re.fullmatch(r"\s*\d+", before):
        return False  # "1." numbering at the start of a sentence
    word = _WORD_BEFORE.search(run)
    if word:
        token = word.group(1).lower().rstrip(".")
        if len(token) == 1 and token.isalpha() and word.group(1).isupper():
            return False  # an initial: "J. Smith"
        if token in ABBREVIATIONS and token not in _SENTENCE_FINAL:
            return False
    return True


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of inline Markdown, surrounding space excluded."""
    protected = _protected_spans(text)  # sorted and disjoint: found left to right
    starts = [a for a, _ in protected]
    cuts = [0]
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        inside = bisect_left(starts, end) - 1
        if inside >= 0 and end < protected[inside][1] and protected[inside][0] < end:
            continue
        if _is_boundary(text, end, cuts[-1]):
            cuts.append(end)
    cuts.append(len(text))
    spans = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        piece = text[start:end]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            spans.append((start + lead, start + len(piece.rstrip())))
    return spans


def normalize_space(text: str) -> str:
    """Whitespace runs (soft line breaks included) become one space; no-break spaces stay."""
    return _WHITESPACE.sub(" ", text).strip()


def split_sentences(text: str) -> list[str]:
    """Cut inline Markdown into sentences; whitespace inside a sentence becomes one space."""
    return [normalize_space(text[a:b]) for a, b in sentence_spans(text)]
