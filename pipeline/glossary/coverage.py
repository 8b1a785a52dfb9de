"""Glossary coverage of the source documents: concepts used, unused, and candidate terms."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pipeline.glossary.terms import Glossary
from pipeline.glossary.text import plain_text
from pipeline.model import Document, Term

_ABBREVIATION = re.compile(r"(?<![\w-])(?=[A-Z0-9-]*[A-Z][A-Z0-9-]*[A-Z])[A-Z][A-Z0-9]*"
                           r"(?:-[A-Z0-9]+)*(?![\w-])")
_CAPITALIZED = re.compile(r"(?<![\w-])[A-Z][\w-]+(?:\s+(?:(?:of|and|for|the|de|in)\s+)?"
                          r"[A-Z][\w-]+)+")
_STARTERS = {  # words that start a sentence, not a term
    "a", "an", "the", "this", "that", "these", "those", "how", "what", "when", "where", "who",
    "why", "which", "if", "in", "on", "at", "for", "to", "of", "our", "your", "my", "his", "her",
    "its", "their", "both", "some", "many", "most", "all", "any", "each", "every", "before",
    "after", "during", "while", "is", "are", "am", "do", "does", "can", "may", "will", "would",
    "should", "must", "please", "ask", "contact", "call",
}


@dataclass(frozen=True)
class Coverage:
    """Which concepts occur in the source documents, and candidates the glossary lacks."""

    used: tuple[tuple[Term, int, str], ...]  # concept, occurrences, first place
    unused: tuple[Term, ...]
    candidates: tuple[tuple[str, int, str, str], ...]  # text, occurrences, kind, first place
    documents: int
    segments: int


def coverage(glossary: Glossary, documents: Sequence[Document]) -> Coverage:
    """Concept occurrences in `documents`, and abbreviations or recurring capitalized terms
    that no concept covers."""
    counts: dict[int, int] = {}
    found: dict[tuple[str, str], int] = {}
    first: dict[object, str] = {}
    position = {id(t): n for n, t in enumerate(glossary.terms)}
    segments = 0
    for doc in documents:
        for seg in doc.segments:
            segments += 1
            place = f"{doc.path}:{seg.line}"
            for m in glossary.match(seg.text):
                n = position[id(m.term)]
                counts[n] = counts.get(n, 0) + 1
                first.setdefault(n, place)
            clean = plain_text(seg.text)[0]
            covered = [(m.start, m.end) for m in glossary.match(clean)]
            for key in _candidates(clean, covered):
                found[key] = found.get(key, 0) + 1
                first.setdefault(key, place)
    used = tuple((glossary.terms[n], c, first[n]) for n, c in sorted(counts.items()))
    candidates = sorted(((text, c, kind, first[(kind, text)])
                         for (kind, text), c in found.items()
                         if kind == "abbreviation" or c >= 2), key=lambda c: (-c[1], c[0]))
    return Coverage(used=used, unused=tuple(t for n, t in enumerate(glossary.terms)
                                             if n not in counts),
                    candidates=tuple(candidates), documents=len(documents), segments=segments)


def _candidates(clean: str, covered: list[tuple[int, int]]) -> Iterable[tuple[str, str]]:
    def free(s: int, e: int) -> bool:
        return not any(s < b and a < e for a, b in covered)

    for m in _ABBREVIATION.finditer(clean):
        if free(*m.span()):
            yield "abbreviation", m.group()
    for m in _CAPITALIZED.finditer(clean):
        words = m.group().split()
        while words and words[0].casefold() in _STARTERS:
            words.pop(0)
        while words and words[-1].casefold() in _STARTERS:
            words.pop()
        if len(words) >= 2 and not all(w.isupper() for w in words) and free(*m.span()):
            yield "capitalized term", " ".join(words)
