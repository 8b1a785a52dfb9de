"""The text the glossary compares: inline Markdown as plain text, and target text folded
and matched with the inflection each language allows.

Matching works on `plain_text` (emphasis and link brackets dropped; code spans, URLs and
link targets turned into barriers). Target verification compares `fold`ed text (NFKC,
casefold, Arabic tashkeel/tatweel and alef forms, Russian ё, Spanish and French accents)
against `phrase` patterns, whose per-language rules are documented on `_word_pattern`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from pipeline import inline
from pipeline.languages import base_language

BARRIER = "\x00"
_HINT = re.compile(r"[`*_\[\]<\\~]|https?:|www\.|ftp:|mailto:")
_MARKUP = re.compile(
    r"(?P<code>" + inline.CODE_SPAN_SRC + r")"
    r"|(?P<url>" + "|".join((inline.AUTOLINK_SRC, inline.URL_SRC, r"mailto:" + inline.EMAIL_SRC,
                             inline.EMAIL_SRC)) + r")"
    r"|(?P<tail>\]" + inline.LINK_TARGET_SRC + r"|\]\[[^\]]*\])"
    r"|(?P<tag></?[A-Za-z][^<>]*>|<!--.*?-->)"
    r"|\\(?P<esc>[!-/:-@\[-`{-~])"
    r"|(?P<drop>\*+|~~|!?\[|\]|(?<![^\W_])_+|_+(?![^\W_]))", re.S)
_SPACE = re.compile(r"\s+")
_TASHKEEL = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ALEF = str.maketrans("أإآٱ", "اااا")
_RU_ENDINGS = (  # longest first
    "ами", "ями", "ого", "его", "ому", "ему", "ыми", "ими", "ией", "иям", "иях", "ой", "ей",
    "ом", "ем", "ам", "ям", "ах", "ях", "ов", "ев", "ый", "ий", "ая", "яя", "ое", "ее", "ую",
    "юю", "ые", "ие", "ых", "их", "ым", "им", "ью", "ия", "ии", "ию", "а", "я", "ы", "и", "у",
    "ю", "е", "о", "ь", "й",
)
_CONSONANTS = set("бвгджзйклмнпрстфхцчшщ")
_GROUPS = {"cjk": {"zh", "ja", "ko", "th", "lo", "km", "my"},
           "slavic": {"ru", "uk", "be", "bg", "sr", "mk"},
           "romance": {"es", "fr", "pt", "it", "ca", "gl", "ro"},
           "arabic": {"ar", "fa", "ur"}}


def plain_text(text: str) -> tuple[str, list[int] | None]:
    """Inline Markdown as plain text to match on, with each character's offset in `text`."""
    if not _HINT.search(text):
        return text, None
    out: list[str] = []
    where: list[int] = []
    pos = 0
    for m in _MARKUP.finditer(text):
        out.append(text[pos:m.start()])
        where.extend(range(pos, m.start()))
        kind = m.lastgroup
        if kind in ("code", "url", "tail"):
            out.append(BARRIER)
            where.append(m.start())
        elif kind == "tag":
            out.append(" ")
            where.append(m.start())
        elif kind == "esc":
            out.append(m.group("esc"))
            where.append(m.start("esc"))
        pos = m.end()
    out.append(text[pos:])
    where.extend(range(pos, len(text)))
    return "".join(out), where


@lru_cache(maxsize=64)
def _group(lang: str) -> str:
    base = base_language(lang)
    return next((name for name, tags in _GROUPS.items() if base in tags), "")


def fold(text: str, lang: str) -> str:
    """Target text for comparison: markup dropped, NFKC, casefolded, script-specific folds."""
    s = plain_text(text)[0].replace(BARRIER, " ")
    s = unicodedata.normalize("NFKC", s).casefold().replace("’", "'").replace("ё", "е")
    group = _group(lang)
    if group == "arabic":
        s = _TASHKEEL.sub("", s).translate(_ALEF)
    elif group == "romance" and not s.isascii():
        s = _NON_ASCII.sub(_drop_combining, unicodedata.normalize("NFD", s))
    return _SPACE.sub(" ", s).strip()


_NON_ASCII = re.compile(r"[^\x00-\x7f]")   # an ASCII character is never a combining mark


def _drop_combining(found: re.Match[str]) -> str:
    return "" if unicodedata.combining(found.group()) else found.group()


def _word_pattern(word: str, group: str) -> str:
    """One folded word of a target term, with the inflection its language allows.

    Spanish/French: an optional plural ending (s, es, x; French -al/-aux), a plural form's
    singular; accents are folded.
    Russian: the ending is cut from the glossary form (longest of the usual noun and adjective
    endings, keeping 3+ letters) and any ending of up to 4 letters accepted (4, because a noun
    such as "синдром" loses "ом" that is its own, then takes "омом"), with an optional fleeting
    о/е before a final consonant pair, so "клетки" also accepts "клеток", "клеткам"; a noun in
    -ия also as its adjective in -ионн- ("инфузия": "в инфузионном зале"); a reflexive word
    inflected before its «ся».
    Arabic: optional clitics (و ف ب ك ل) and article ال (also before Latin words such as
    "وICANS"), ة ↔ ات, up to 2 suffix letters.
    Other languages and non-letter words: the word as is.
    """
    esc = re.escape(word)
    if group == "romance" and len(word) > 2 and word[-1].isalpha():
        if word.endswith("al"):
            return re.escape(word[:-2]) + "(?:al|aux)"
        # a plural form accepts its singular too («corticoides»: «colirio con corticoide»;
        # «infecciones»: «infección»)
        forms = [word]
        if len(word) > 4 and word.endswith("s"):
            forms.append(word[:-1])
            if word.endswith("es") and word[-3] in "nrldzj":
                forms.append(word[:-2])
        return "(?:" + "|".join(map(re.escape, forms)) + ")(?:s|es|x)?"
    if group == "slavic" and len(word) >= 7 and word.endswith("ся"):
        # a reflexive participle inflects before its «ся»: «передающаяся», «передающихся»
        return _word_pattern(word[:-2], group) + "с[яь]"
    if group == "slavic" and len(word) >= 4 and "\u0400" <= word[-1] <= "\u04ff":
        stem = next((word[:-len(e)] for e in _RU_ENDINGS
                     if word.endswith(e) and len(word) - len(e) >= 3), word)
        if len(stem) >= 4 and stem[-1] in _CONSONANTS and stem[-2] in _CONSONANTS:
            return re.escape(stem[:-1]) + "[ое]?" + re.escape(stem[-1]) + r"[^\W\d_]{0,4}"
        if word.endswith("ия") and len(stem) >= 4:   # инфузия → инфузионный (зал): the term
            return re.escape(stem) + r"(?:ионн)?[^\W\d_]{0,4}"   # said as its adjective
        return re.escape(stem) + r"[^\W\d_]{0,4}"
    if group == "arabic" and not any("\u0621" <= c <= "\u064a" for c in word):
        return "[وفبكل]{0,2}(?:ال)?" + esc
    if group == "arabic":
        core = word[2:] if word.startswith("ال") and len(word) > 3 else word
        if core.endswith("ة"):
            tail = r"(?:ة|ات|ت[^\W\d_]{0,2})"
            core = core[:-1]
        else:
            tail = r"[^\W\d_]{0,2}" if len(core) >= 3 else ""
        return "[وفبكل]{0,2}(?:ال)?" + re.escape(core) + tail
    return esc


@lru_cache(maxsize=8192)
def phrase(folded: str, lang: str) -> re.Pattern[str]:
    """A term variant's pattern, compiled once per process: every Glossary built from the same
    files (each run, each reload in the review app) shares it, and `re`'s own cache of 512
    patterns is not flooded by a large glossary."""
    return re.compile(_phrase_pattern(folded, lang))


def _phrase_pattern(folded: str, lang: str) -> str:
    group = _group(lang)
    words = folded.split(" ")
    if group == "cjk":
        return r"\s*".join(re.escape(w) for w in words)
    # a comma inside a term ("инфекция, передающаяся половым путём") may be there or not
    body = r"\s+".join(_word_pattern(w[:-1], group) + ",?" if len(w) > 1 and w.endswith(",")
                       else _word_pattern(w, group) for w in words)
    return rf"(?<!\w){body}(?!\w)"
