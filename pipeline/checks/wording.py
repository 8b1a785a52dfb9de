"""What machine translation and hurried approval leave behind: lost negations, engine
debris, English left in the text, unedited engine output, and half a sentence missing."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from pipeline import langdata
from pipeline.checks import Entry, Scope, check, plain
from pipeline.checks.quantities import words_pattern
from pipeline.checks.safety import LENGTH_RATIO
from pipeline.languages import base_language
from pipeline.model import Finding, Severity, Term, output_mark

_EN_NEGATION = re.compile(
    r"\b(?:not|no(?!\.\s*\d)|never|none|nothing|nobody|neither|nor|without|cannot)\b|n't\b",
    re.I)
_FR_NE = re.compile(r"(?<!\w)n['’]", re.I)
# Apertium marks words it could not analyse (*), generate (#) or disambiguate (@).
_DEBRIS = re.compile(r"(?<![A-Za-z\u00c0-\u024f\u0400-\u04ff0-9_*@#.])([*@#])([^\W\d_][\w'-]*)")
_EMPHASIS_RUN = re.compile(r"(\*{1,3})(?=\S)(.+?)(?<=\S)\1")
_LATIN_WORD = re.compile(r"(?<![\w-])[a-z][a-z'’]*(?![\w-])")
# English words that are also ordinary words or names in the target (never "leftover").
_ALWAYS_FINE = frozenset({"a", "o", "e", "y", "u", "i", "de", "la", "le", "en", "no", "se"})
# International drug names (INN stems): the same word in English and in Latin-script targets.
_INN = re.compile(r"(?:vir|mab|nib|cillin|mycin|olol|pril|sartan|azole|statin|cycline|"
                  r"floxacin|parin|platin|rubicin|tinib|zumab|ximab)$")
# Hunspell dictionaries (Debian hunspell-es, hunspell-fr) by base language.
HUNSPELL_DIR = Path("/usr/share/hunspell")
HUNSPELL = {"es": "es_ES", "fr": "fr_FR"}
_NON_LATIN = ("ru", "ar", "zh", "ja", "ko", "uk", "bg", "el", "he", "fa")
OMISSION_FACTOR = 0.6   # under 60 % of the usual length for the language: part is gone
_OMISSION_MIN = 60      # characters of source below which length says nothing


def negations(text: str, lang: str) -> int:
    """How many negations `text` (in `lang`) has, counted as words of the language."""
    base = base_language(lang)
    text = plain(text)
    if base == "en":
        return len(_EN_NEGATION.findall(text))
    words = langdata.NEGATION.get(base)
    if words is None:
        return 0
    for compound in langdata.NOT_NEGATION.get(base, ()):
        text = text.replace(compound, " ")
    found = len(words_pattern(words, lang).findall(text))
    if base == "fr":
        found += len(_FR_NE.findall(text)) - text.count("n'") - text.count("n’")
    return found


def has_negation(text: str, lang: str) -> bool:
    """Does `text` (in `lang`) contain a negation? (True where the language has no data.)"""
    if base_language(lang) not in langdata.NEGATION:
        return True
    return negations(text, lang) > 0


@check("negation")
def negation(entry: Entry, scope: Scope) -> Iterator[Finding]:
    """Each negation of the source is kept: a dropped "not" or "never" inverts the advice."""
    if not langdata.covered("negation", scope.lang):
        return
    for source, target in entry.pairs():
        wanted = negations(source, "en")
        if not wanted:
            continue
        have = negations(target, scope.lang)
        if have < wanted:
            words = langdata.NEGATION[base_language(scope.lang)]
            said = ", ".join(f"“{m.group(0)}”" for m in _EN_NEGATION.finditer(plain(source)))
            yield scope.catalog.finding(
                "negation", f"the source says {said} ({wanted}) but the translation has "
                f"{'no negation' if not have else f'only {have}'} "
                f"({', '.join(words[:6])}…)", entry=entry)
            return


def debris(source: str, target: str) -> list[str]:
    """Apertium's unknown-word markers (`*word`, `@word`, `#word`) the source did not have."""
    if "*" not in target and "@" not in target and "#" not in target:
        return []
    text = _EMPHASIS_RUN.sub(lambda m: " " + m.group(2) + " ", plain(target))
    found = [m.group(0) for m in _DEBRIS.finditer(text)]
    return [word for word in dict.fromkeys(found) if word not in source]


@check("engine-debris")
def engine_debris(entry: Entry, scope: Scope) -> Iterator[Finding]:
    """No unknown-word marker of a machine translation engine is left in the text."""
    for source, target in entry.pairs():
        found = debris(source, target)
        if found:
            yield scope.catalog.finding(
                "engine-debris", f"machine translation marker left in the text: "
                f"{', '.join(found[:5])} (translate the word and remove the marker)",
                entry=entry)
            return


@lru_cache(maxsize=8)
def dictionary(lang: str) -> frozenset[str] | None:
    """Lower-case words of the language's Hunspell dictionary, or None where none is here."""
    name = HUNSPELL.get(base_language(lang))
    path = HUNSPELL_DIR / f"{name}.dic" if name else None
    if path is None or not path.exists():
        return None
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()[1:]
    return frozenset(line.split("/")[0].split("\t")[0].split(" ")[0].lower() for line in lines)


@lru_cache(maxsize=1)
def _unit_spellings() -> frozenset[str]:
    """mg, ml, kg…: written in Latin letters in every language (pipeline.checks.numbers)."""
    from pipeline.checks.numbers import _ATOMS

    return frozenset(s.lower() for spellings in _ATOMS.values() for s in spellings["*"])


def leftover_words(source: str, target: str, lang: str, keep: frozenset[str] = frozenset()
                   ) -> list[str]:
    """Lower-case English words of the source copied into a non-English translation."""
    base = base_language(lang)
    if base == "en":
        return []
    known = None if base in _NON_LATIN else dictionary(lang)
    if known is None and base not in _NON_LATIN:
        return []      # a Latin-script language without a dictionary: cannot tell
    english = {w.lower() for w in _LATIN_WORD.findall(plain(source))}
    found = []
    for word in _LATIN_WORD.findall(plain(target)):
        lowered = word.lower()
        if lowered not in english or lowered in _ALWAYS_FINE or lowered in keep \
                or lowered in _unit_spellings():
            continue
        if known is not None and (lowered in known or len(lowered) < 3 or _INN.search(lowered)):
            continue
        found.append(word)
    return list(dict.fromkeys(found))


def _kept_terms(scope: Scope) -> frozenset[str]:
    """Words the glossary keeps in English here: do-not-translate terms, Latin target terms."""
    fingerprint = getattr(scope.glossary, "fingerprint", None)
    if not isinstance(fingerprint, str) or not fingerprint:
        return _kept_words(scope.glossary, scope.lang)
    key = (fingerprint, scope.lang)
    if key not in _KEPT:  # one glossary, many entries: computed once per language
        _KEPT[key] = _kept_words(scope.glossary, scope.lang)
    return _KEPT[key]


_KEPT: dict[tuple[str, str], frozenset[str]] = {}


def _kept_words(glossary: object, lang: str) -> frozenset[str]:
    terms: tuple[Term, ...] = tuple(getattr(glossary, "terms", None) or ())
    kept: set[str] = set()
    for term in terms:
        texts = term.source if term.dnt else term.target(lang)
        for text in texts:
            kept.update(w.lower() for w in _LATIN_WORD.findall(text))
    return frozenset(kept)


@check("leftover-english")
def leftover_english(entry: Entry, scope: Scope) -> Iterator[Finding]:
    """No English word of the source left untranslated (names, code and glossary terms aside)."""
    keep = _kept_terms(scope)
    for source, target in entry.pairs():
        if source == target:
            continue    # the same-as-source check says it once
        found = leftover_words(source, target, scope.lang, keep)
        if found:
            yield scope.catalog.finding(
                "leftover-english", f"English left in the translation: {', '.join(found[:6])}",
                entry=entry)
            return


@check("unedited-mt")
def unedited_mt(entry: Entry, scope: Scope) -> Iterator[Finding]:
    """An approved entry that is still exactly the engine's output: nobody edited it.

    A sign-off (`Scope.signed`, the msgids a valid sign-off covers) or a
    `# check-ignore: unedited-mt (reason)` comment says a person read it and kept it.
    """
    if entry.fuzzy or not entry.msgstr or entry.msgid in scope.signed:
        return
    if output_mark(entry.msgid, entry.msgstr) in entry.comment.splitlines():
        yield scope.catalog.finding(
            "unedited-mt", "approved, but still the unedited machine translation (its "
            "`# mt: output` mark matches): review it, edit it or sign it off", entry=entry)


@check("omission")
def omission(entry: Entry, scope: Scope) -> Iterator[Finding]:
    """Far shorter than the language's usual length: part of the sentence is likely missing."""
    expected = LENGTH_RATIO.get(base_language(scope.lang), 1.0)
    for source, target in entry.pairs():
        size = len(plain(source))
        if size < _OMISSION_MIN or not target:
            continue
        ratio = len(plain(target)) / size
        if ratio < expected * OMISSION_FACTOR:
            yield scope.catalog.finding(
                "omission", f"translation is {ratio:.2f}× the length of the source (usual for "
                f"{scope.lang}: about {expected}×): is part of it missing?", entry=entry)
            return


_REPEAT = re.compile(r"\b(\w+)(?:\s+\1\b){3,}", re.I)


@check("repetition")
def repetition(entry: Entry, scope: Scope) -> Iterator[Finding]:
    """A word repeated four times or more in a row: an engine stuck in a loop."""
    for source, target in entry.pairs():
        if (repeat := _REPEAT.search(target)) and not _REPEAT.search(source):
            yield scope.catalog.finding("repetition", f"'{repeat.group(1)}' repeated",
                                        entry=entry, severity=Severity.WARNING)
            return
