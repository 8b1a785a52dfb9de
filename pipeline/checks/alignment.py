"""Is this the translation of this source, and all of it? Substitution and omission.

Both read the project's own approved translations of the language (`Scope.corpus`, see
pipeline.checks.lexicon) where the runner provides them, and the text alone otherwise.

Thresholds (errors in released languages; measured in bench/safety.py, none fires on the
760 human translations):
- substitution: the translation is, letters and digits, the approved translation of a
  different source elsewhere in the project, unless it fits this source OWNER_MARGIN times
  better (known words covered, length from _LENGTH_MIN characters of source on, sentence or
  heading); or the translation has so few of the words, names and numbers the corpus knows
  for the source that a real translation of this project would have as few with a chance
  under COVERAGE_SHARE of SUBSTITUTION_ALPHA, 0.15 % (binomial, at the corpus's own rate of
  found words; of SHAPE_ALPHA where one ends as a sentence and the other does not). Among
  the 760 human translations of bench/safety.py (the sample's ru, ar, zh and bench/human's
  es, fr) the lowest chance is 0.19 %, a free French rendering; the next 0.92 %. Also both
  ways (`Corpus.evidence`: the target's firmly paired words must have their English in the
  source too), where translations differing as a whole in how literal they are is measured
  (beta-binomial, its ρ from the corpus) so long sentences are not over-trusted: an error
  under half the alpha (a second look at the same entry, so it gets half; lowest chance
  among the human translations: 0.66 % ru, 0.57 % ar, 0.79 % zh, 0.91 % es, 0.46 % fr).
  Also the dictionaries (pipeline.checks.bilingual, where installed: CC-CEDICT for Chinese,
  Debian's FreeDict for es, fr, ru, ar): that chance
  times the binomial chance of having so few of the words the dictionary translates (at the
  corpus's own rate, 0.68 in the sample) is an error under DICTIONARY_SHARE of the alpha
  (0.025 %; lowest among the sample's 152 human zh translations: 0.11 %).
- omission: the source ends a sentence and the translation stops without any final
  punctuation (cut off), or ends on a word no sentence ends with (`langdata.DANGLING`; not a
  pronoun joined by a hyphen, "prenez-le."); or any translation ends on a word cut in two:
  one the corpus (_FRAGMENT_CORPUS entries or more, the entry left out) never has whole but
  only as the start of a longer word (in Arabic and Hebrew only up to
  `langdata.FRAGMENT_LETTERS` letters: their whole words may appear only with endings), and
  that the language's Hunspell dictionary, where there is one, does not know ("hora" is a
  word where the corpus has only "horas"; one letter never is); or it is under
  OMISSION_FACTOR of the usual length ratio of the language (the corpus median where it has
  30 long entries, else OMISSION_FACTOR_DEFAULT of `LENGTH_RATIO`'s); or the source lists
  three things or more and the translation fewer, one of them with words the dictionaries
  or the corpus translate and none of them there while another item's are
  (pipeline.checks.listing; none of the 760 human translations, none of the nine probe
  sets' 4,680 correct translations and rewordings).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from math import comb, exp, lgamma

from pipeline import langdata
from pipeline.checks import Entry, Scope, bilingual, check, listing, plain, wording
from pipeline.checks.lexicon import Corpus, Coverage, fold, normal
from pipeline.checks.safety import LENGTH_RATIO
from pipeline.languages import base_language
from pipeline.model import Finding

SUBSTITUTION_ALPHA = 0.005  # chance that a real translation covers so few known words
DICTIONARY_SHARE = 0.05      # corpus and dictionary together: a twentieth of the alpha
COVERAGE_SHARE = 0.3         # one way only (the source's known words): 0.3 of the alpha
SHAPE_ALPHA = 0.05          # the same where one ends as a sentence and the other does not
OWNER_MARGIN = 1.5          # the same translation as another source's: this one fits clearly better
OMISSION_FACTOR = 0.6       # under 60 % of the usual length for the language: part is gone
# …of the length table's ratio where the project has not 30 long approved entries to learn its
# own: a table is a guess for any translator (Chinese ones differ most: the sample's median is
# 0.35 and its lowest 0.23, bench/probes.jsonl's 0.32 and 0.17)
OMISSION_FACTOR_DEFAULT = 0.5
# Characters of source below which a translation's length says nothing (headings and list
# items are written as short or as long as the language likes): neither of omission nor of
# which of two sources a translation fits.
_LENGTH_MIN = 60
# A sentence's end in any script, closing quotes, brackets and markup after it allowed.
_ENDED = re.compile(r"[.!?:;…。！？：；؟؛।။។։።]\W*$")
_OPEN_END = re.compile(r"[^\W_]\s*$")


def unlikely(found: int, known: int, rate: float) -> float:
    """The chance that a real translation has at most `found` of `known` words it has each
    with probability `rate` (the binomial tail)."""
    return sum(comb(known, i) * rate ** i * (1 - rate) ** (known - i) for i in range(found + 1))


def unlikely_spread(found: int, known: int, mean: float, rho: float) -> float:
    """`unlikely` where the rate itself varies from translation to translation (beta-binomial
    with mean `mean` and intra-entry correlation `rho`; rho 0 is the binomial)."""
    if rho <= 0:
        return unlikely(found, known, mean)
    a, b = mean * (1 - rho) / rho, (1 - mean) * (1 - rho) / rho
    base = lgamma(a) + lgamma(b) - lgamma(a + b)
    return sum(comb(known, i) * exp(lgamma(i + a) + lgamma(known - i + b)
                                     - lgamma(known + a + b) - base) for i in range(found + 1))


def _ends(text: str) -> bool:
    """Does the text end as a sentence does (a heading or list item does not)?"""
    return bool(_ENDED.search(plain(text).strip()))


def _fit(source: str, target: str, seen: Coverage, expected: float) -> float:
    """How well `target` fits `source`: words covered (what the corpus does not know counts
    as even odds), length as usual for the language, the same kind of end."""
    size = len(plain(source))
    ratio = (len(plain(target)) / max(size, 1)) / expected if size >= _LENGTH_MIN else 1.0
    share = (seen.found + 1) / (seen.known + 2)
    return share * min(ratio, 1 / ratio if ratio else 0.0) * (
        1.0 if _ends(source) == _ends(target) else 0.5)


def _shown(text: str, size: int = 60) -> str:
    return text if len(text) <= size else text[:size - 1].rstrip() + "…"


@check("substitution")
def substitution(entry: Entry, scope: Scope) -> Iterator[Finding]:
    """The translation is of this source, not another sentence pasted in its place."""
    corpus = getattr(scope, "corpus", None)
    if corpus is None or entry.msgid_plural or not entry.msgstr:
        return
    source, target = entry.msgid, entry.msgstr
    if normal(source) == normal(target):
        return
    own = corpus.coverage(source, target, leave_out=source)
    expected = corpus.length_ratio() or LENGTH_RATIO.get(base_language(scope.lang), 1.0)
    for other in corpus.owners(target):
        if normal(other) == normal(source):
            continue
        theirs = corpus.coverage(other, target, leave_out=other)
        mine, its = _fit(source, target, own, expected), _fit(other, target, theirs, expected)
        if its * OWNER_MARGIN >= mine:
            yield scope.catalog.finding("substitution", (
                f"this is the approved translation of “{_shown(other)}” (it has "
                f"{theirs.found} of its {theirs.known} known words, names and numbers, "
                f"{own.found} of this source's {own.known}): was it pasted into the wrong "
                "entry?") if its >= mine else (
                f"the same translation as the entry “{_shown(other)}”, a different source: "
                "one of the two is likely in the wrong place"), entry=entry)
            return
    alpha = SHAPE_ALPHA if _ends(source) != _ends(target) else SUBSTITUTION_ALPHA
    chance = unlikely(own.found, own.known, corpus.found_rate())
    if own.known and chance < alpha * COVERAGE_SHARE:
        yield scope.catalog.finding(
            "substitution", f"the translation has {own.found} of the {own.known} words, names "
            f"and numbers this project's approved translations show for the source (missing: "
            f"{', '.join(own.missing[:6])}; a translation of it has them {chance:.2%} of the "
            "time): is it another sentence?", entry=entry)
        return
    both = corpus.evidence(source, target, leave_out=source)
    chance = unlikely_spread(both.found, both.known, *corpus.dispersion())
    if both.known > own.known and chance < alpha / 2:
        yield scope.catalog.finding(
            "substitution", f"source and translation share {both.found} of the {both.known} "
            f"words this project's approved translations pair, either way (not in the "
            f"translation: {', '.join(both.missing[:4]) or '–'}; not in the source: "
            f"{', '.join(both.unwanted[:4]) or '–'}; a translation of it shares so few "
            f"{chance:.2%} of the time): is it another sentence?", entry=entry)
        return
    seen = bilingual.looked_up(source, target, scope.lang)
    if not seen.known or not both.known:
        return
    joint = chance * unlikely(seen.found, seen.known, bilingual.found_rate(corpus))
    if joint < alpha * DICTIONARY_SHARE:
        yield scope.catalog.finding(
            "substitution", f"source and translation share {both.found} of the {both.known} "
            f"words this project's approved translations pair, and {seen.found} of the "
            f"{seen.known} words the dictionary translates (not in the translation: "
            f"{', '.join(seen.missing[:4]) or '–'}; a translation of it shares so few of "
            f"both {joint:.3%} of the time): is it another sentence?", entry=entry)


# The last word (letters only: `_LAST_LETTERS`) and what may follow it to the end, read
# from the end of the reversed text: "(\w+)\W*$" tried from every word of a sentence on.
_LAST_WORD = re.compile(r"\W*(\w+)")
_CODE_END = re.compile(r"`[^\w`]*$")
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+$")
_LAST_LETTERS = re.compile(r"\W*([^\W\d_]+)")
# "и т. д.", "etc." kinds of end: abbreviated words, not cut ones.
_ABBREVIATED = re.compile(r"(?<!\w)\w\.\s*\w\.\W*$")
# What ends a last word: punctuation, quotes, brackets (vowel marks stay: أبدًا).
_UNENDED = re.compile(r"[^\w\u0300-\u036f\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670]+$")
_FRAGMENT_CORPUS = 100      # approved entries a corpus needs before its words tell a fragment
_AFTER_NUMBER = re.compile(r"\d[\s\u00a0\u202f°º]*$")


def _last(pattern: re.Pattern[str], text: str) -> tuple[int, str] | None:
    """(where it starts, the word) of the last word of `text` (`_LAST_WORD`, `_LAST_LETTERS`)
    where only non-word characters follow it, else None."""
    found = pattern.match(text[::-1])
    return None if found is None else (len(text) - found.end(1), found.group(1)[::-1])


def _dangling(text: str, lang: str) -> str:
    """The word the text ends on when no sentence of the language ends with it, else ""."""
    words = langdata.DANGLING.get(lang)
    if _CODE_END.search(text):
        return ""       # «…siga la tarjeta de `SICK-DAY-RULES.pdf`.»: code ends it, no word
    found = _last(_LAST_WORD, plain(text)) if words else None
    if not words or found is None:
        return ""
    at, last = found
    if lang in langdata.GLUED:
        return next((w for w in words if last.endswith(w)), "") or _dangling_char(last, lang)
    if at and plain(text)[at - 1] in "-‑":
        return ""          # a pronoun joined to its verb: "Prenez-le.", "Parlez-en."
    return last if last.lower() in words else ""


def _dangling_char(last: str, lang: str) -> str:
    """The one-character preposition or conjunction (与, 比) the text ends on, where no word
    of the dictionary (参与, 相比) ends there; "" otherwise, and without a dictionary."""
    char = last[-1:]
    if len(last) < 2 or char not in langdata.DANGLING_CHARS.get(lang, ""):
        return ""                                        # "对。": a one-character answer
    known, run = bilingual.words(lang), _HAN_RUN.search(last)
    if known is None or run is None:
        return ""
    han = run.group(0)
    return "" if any(han[-n:] in known for n in range(2, min(len(han), 4) + 1)) else char


def _fragment(text: str, lang: str, corpus: Corpus | None, msgid: str
              ) -> tuple[str, str] | None:
    """(last word, a longer word of the corpus it begins) where the text ends on what looks
    like a cut word, else None."""
    if corpus is None or len(corpus.pairs) < _FRAGMENT_CORPUS or lang in langdata.GLUED:
        return None
    original, text = text, fold(plain(text))
    found = _last(_LAST_LETTERS, text)
    if found is None or _ABBREVIATED.search(text):
        return None
    last = found[1]
    bare = last[1:] if len(last) > 1 and last[0] in langdata.PREFIXES.get(lang, "") else last
    if len(bare) > langdata.FRAGMENT_LETTERS.get(lang, len(bare)):
        return None
    longer = corpus.completes(last, leave_out=msgid)
    if not longer:
        return None
    known, whole = wording.dictionary(lang), _last(_LAST_LETTERS, plain(original))
    if known is not None and whole and len(whole[1]) > 1 and whole[1] in known:
        return None     # a word of the language: "hora" where the corpus has only "horas"
    if whole and _AFTER_NUMBER.search(plain(original)[:whole[0]]):
        return None     # a unit or abbreviation after a number: "2027 г.", "8 °م."
    return _UNENDED.sub("", plain(original).split()[-1]) or last, longer


@check("omission")
def omission(entry: Entry, scope: Scope) -> Iterator[Finding]:
    """Part of the sentence is missing: the translation is cut off or far too short."""
    corpus = getattr(scope, "corpus", None)
    learned = corpus.length_ratio() if corpus is not None else None
    lang = base_language(scope.lang)
    expected = learned or LENGTH_RATIO.get(lang, 1.0)
    for source, target in entry.pairs():
        text = target.strip()
        if not text:
            continue
        if _ENDED.search(plain(source).strip()):   # the source ends its sentence: does this?
            if _OPEN_END.search(text) and lang not in langdata.UNPUNCTUATED:
                yield scope.catalog.finding(
                    "omission", f"the source ends its sentence but the translation stops at "
                    f"“…{text[-20:]}” with no end: is the rest cut off?", entry=entry)
                return
            if dangling := _dangling(text, lang):
                yield scope.catalog.finding(
                    "omission", f"the translation ends on “{dangling}”, a word no sentence "
                    f"ends with: is the rest cut off?", entry=entry)
                return
        if fragment := _fragment(text, lang, corpus, entry.msgid):
            yield scope.catalog.finding(
                "omission", f"the translation ends on “{fragment[0]}”, a word this "
                f"project's approved translations never write whole but only as the start "
                f"of longer ones (“{fragment[1]}”): is the rest cut off?", entry=entry)
            return
        if lost := listing.lost_item(source, text, lang, corpus, entry.msgid):
            yield scope.catalog.finding(
                "omission", f"the source lists {lost.listed} things, the translation "
                f"{lost.kept}, and nothing of “{lost.item}” is in it: is an item missing?",
                entry=entry)
            return
        if condition := listing.lost_condition(source, text, lang):
            yield scope.catalog.finding(
                "omission", f"the source says “{_shown(condition)}”, and the translation has "
                "no word that says it (no “if”, “unless”, “only”, “without”, “until”): is it "
                "missing?", entry=entry)
            return
        if qualifier := listing.lost_qualifier(source, text, lang):
            yield scope.catalog.finding(
                "omission", f"the source says “{qualifier}”, and the translation has no word "
                "that says it: is it missing?", entry=entry)
            return
        if example := listing.lost_example(source, text, lang, corpus, entry.msgid):
            yield scope.catalog.finding(
                "omission", f"the source gives an example, “{example}”, and nothing of it is "
                "in the translation: is it missing?", entry=entry)
            return
        size = len(plain(source))
        if size < _LENGTH_MIN:
            continue
        ratio = len(plain(target)) / size
        if ratio < expected * (OMISSION_FACTOR if learned else OMISSION_FACTOR_DEFAULT):
            yield scope.catalog.finding(
                "omission", f"translation is {ratio:.2f}× the length of the source (usual for "
                f"{scope.lang}: about {expected:.2f}×): is part of it missing?", entry=entry)
            return
