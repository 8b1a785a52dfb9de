"""Meaning checks: negation, glossary, markup and links, script, same-as-source, length."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from pipeline import languages
from pipeline.checks import Entry, Scope, check, plain
from pipeline.model import Finding, Severity

_EN_NEGATION = re.compile(
    r"\b(?:not|no(?!\.\s*\d)|never|none|nothing|nobody|neither|nor|without|cannot)\b|n't\b",
    re.I)
# Negation markers per language: whole words, except where the language glues them on.
NEGATION: dict[str, tuple[str, ...]] = {
    "es": ("no", "nunca", "ni", "sin", "jamás", "ningún", "ninguna", "ninguno", "nada",
           "nadie", "tampoco"),
    "fr": ("ne", "n'", "n’", "pas", "jamais", "aucun", "aucune", "sans", "ni", "rien",
           "personne", "non", "nul", "nulle"),
    "ru": ("не", "нельзя", "ни", "никогда", "без", "нет", "ничего", "никто", "никакой",
           "никакие", "никаких", "невозможно", "нигде"),
    "ar": ("لا", "لم", "لن", "ليس", "ليست", "لست", "ليسوا", "عدم", "دون", "بدون", "غير",
           "أبدا", "أبداً", "ممنوع", "يمنع"),
    "zh": ("不", "勿", "禁止", "没", "未", "别", "无", "非", "否", "莫", "免"),
    "de": ("nicht", "kein", "keine", "keinen", "keinem", "keiner", "nie", "niemals", "ohne",
           "weder", "nichts"),
    "it": ("non", "mai", "né", "senza", "nessuno", "nessuna", "niente", "nulla"),
    "pt": ("não", "nunca", "nem", "sem", "nenhum", "nenhuma", "nada", "jamais"),
}
# Negation words of the matrix languages (issue 19), one entry per language. Languages that
# negate with a verb suffix or prefix (tr -ma, kk -ма, uz -ma, mn -гүй, fa نـ) have none:
# a word list cannot see their negation, and the report says "negation: not checked".
NEGATION.update({
    "uk": ("не", "ні", "ніколи", "без", "нема", "немає", "нічого", "ніхто", "жоден", "жодного",
           "жодних", "заборонено"),
    "ur": ("نہ", "نہیں", "مت", "بغیر", "بنا", "ممنوع"),
    "he": ("לא", "אל", "אין", "אסור", "בלי", "ללא", "אף", "מעולם", "לעולם", "שום", "ולא", "שלא",
           "ואל", "שאין", "ואין", "ואסור", "שאסור", "וללא", "ובלי"),
    "hi": ("नहीं", "मत", "बिना", "न", "वर्जित", "मना", "निषिद्ध"),
    "bn": ("না", "নয়", "নেই", "কখনো", "কখনও", "বিনা", "ছাড়া", "নিষেধ", "নিষিদ্ধ"),
    "th": ("ไม่", "ห้าม", "อย่า", "ปราศจาก", "งด"),
    "vi": ("không", "đừng", "chớ", "chưa", "cấm", "chẳng"),
    "id": ("tidak", "jangan", "bukan", "tanpa", "tak", "belum", "dilarang"),
    "ja": ("ない", "ません", "ないで", "禁止", "不", "無", "未", "ず", "やめ"),
    "ko": ("않", "안 ", "못", "마십시오", "마세요", "말고", "없", "금지", "아니"),
})
_GLUED = ("zh", "ja", "th", "ko")     # words run together: markers are substrings
_ARABIC_WORD = re.compile(r"[\u0621-\u064a\u0660-\u0669\u064b-\u0652]+")
_LATIN_WORD = re.compile(r"(?<![A-Za-z\u00c0-\u024f])[a-z\u00df-\u00ff]+(?![A-Za-z\u00c0-\u024f])")
# Expected length of a translation relative to its English source, in characters.
LENGTH_RATIO = {"zh": 0.35, "ja": 0.45, "ko": 0.6, "ar": 0.9, "he": 0.85, "ru": 1.1,
                "es": 1.15, "fr": 1.2, "it": 1.15, "pt": 1.15, "de": 1.2}
_LENGTH_SPREAD = 2.5
_MIN_LENGTH = 30
_CODE = re.compile(r"(`+)(.+?)\1", re.S)
_LINK = re.compile(r"(!?)\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>]+)>")
_BARE_URL = re.compile(r"\bhttps?://[^\s<>()]+[^\s<>().,;:!?]")
_STRONG = re.compile(r"\*\*|__")
_EMPHASIS = re.compile(r"(?<![*\s])\*(?!\*)|(?<!\*)\*(?![*\s])")


def _base(lang: str) -> str:
    return lang.replace("_", "-").split("-")[0].lower()


@lru_cache(maxsize=32)
def _marker_pattern(lang: str) -> re.Pattern[str] | None:
    markers = NEGATION.get(lang)
    if not markers:
        return None
    if lang in _GLUED:
        return re.compile("|".join(map(re.escape, markers)))
    words = "|".join(re.escape(m) for m in sorted(markers, key=len, reverse=True))
    # A word ends where the script's letters and marks end (Devanagari vowel signs are not \w).
    letter = "\\w" + "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in languages.script_ranges(lang))
    return re.compile(rf"(?<![{letter}])(?:{words})(?![{letter}])" if lang != "fr" else
                      rf"(?<![{letter}])(?:{words})(?![{letter}])|(?<!\w)n['’]", re.I)


def has_negation(text: str, lang: str) -> bool:
    """Does `text` (in `lang`) contain a negation marker?"""
    lang = _base(lang)
    if lang == "ar":
        markers = NEGATION["ar"]
        return any(word in markers or (word[0] in "وفب" and word[1:] in markers)
                   for word in _ARABIC_WORD.findall(text))
    pattern = _marker_pattern(lang)
    return pattern is None or bool(pattern.search(text))


@check("negation")
def negation(entry: Entry, scope: Scope) -> Iterator[Finding]:
    """A negated source ("do not", "never") keeps a negation: a dropped "not" inverts advice."""
    for source, target in entry.pairs():
        found = _EN_NEGATION.search(plain(source))
        if found and not has_negation(plain(target), scope.lang):
            markers = NEGATION.get(_base(scope.lang), ())
            yield scope.catalog.finding(
                "negation", f"the source says “{found.group(0)}” but the translation has no "
                f"negation ({', '.join(markers[:6])}…)", entry=entry)
            return


@check("glossary")
def glossary(entry: Entry, scope: Scope) -> Iterator[Finding]:
    """Glossary terms: required target term, no forbidden term, do-not-translate kept as is."""
    if scope.glossary is None:
        return
    for source, target in entry.pairs():
        for problem in scope.glossary.verify(source, target, scope.lang):
            yield scope.catalog.finding(
                "glossary", f"{problem.kind} term '{problem.term.id}': {problem.detail}",
                entry=entry)


@lru_cache(maxsize=4096)
def _structure(text: str) -> tuple[Counter[str], Counter[str], Counter[str]]:
    """(markup shape, code span contents, URLs) of inline Markdown (never mutate them)."""
    shape: Counter[str] = Counter()
    code: Counter[str] = Counter()
    urls: Counter[str] = Counter()
    for match in _CODE.finditer(text):
        code[match.group(2).strip()] += 1
    rest = _CODE.sub(" ", text)
    for match in _LINK.finditer(rest):
        shape["image" if match.group(1) else "link"] += 1
        urls[match.group(2)] += 1
    rest = _LINK.sub(lambda m: " " + m.group(0)[len(m.group(1)):m.group(0).rindex("](")] + " ",
                     rest)
    for match in _AUTOLINK.finditer(rest):
        urls[match.group(1)] += 1
    rest = _AUTOLINK.sub(" ", rest)
    for match in _BARE_URL.finditer(rest):
        urls[match.group(0)] += 1
    rest = _BARE_URL.sub(" ", rest)
    shape["strong"] = len(_STRONG.findall(rest)) // 2
    shape["emphasis"] = len(_EMPHASIS.findall(_STRONG.sub(" ", rest))) // 2
    return +shape, code, urls


def _diff(source: Counter[str], target: Counter[str]) -> str:
    missing, extra = source - target, target - source
    parts = [f"missing {', '.join(sorted(missing))}" if missing else "",
             f"extra {', '.join(sorted(extra))}" if extra else ""]
    return "; ".join(p for p in parts if p)


@check("markup")
def markup(entry: Entry, scope: Scope) -> Iterator[Finding]:
    """The same inline Markdown: bold, emphasis, links, images, identical code spans."""
    for source, target in entry.pairs():
        if not any(c in source or c in target for c in "*_`[<"):
            continue
        shape1, code1, _ = _structure(source)
        shape2, code2, _ = _structure(target)
        problem = _diff(shape1, shape2)
        if problem:
            yield scope.catalog.finding("markup", f"inline markup differs: {problem}",
                                        entry=entry)
        problem = _diff(code1, code2)
        if problem:
            yield scope.catalog.finding("markup", f"code spans differ (they are never "
                                        f"translated): {problem}", entry=entry)


@check("links")
def links(entry: Entry, scope: Scope) -> Iterator[Finding]:
    """The same link targets and URLs as the source."""
    for source, target in entry.pairs():
        if "](" not in source + target and "://" not in source + target \
                and "mailto:" not in source + target:
            continue
        problem = _diff(_structure(source)[2], _structure(target)[2])
        if problem:
            yield scope.catalog.finding("links", f"URLs differ: {problem}", entry=entry)


@lru_cache(maxsize=32)
def _letters(lang: str) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    """Letters of the language's script, and foreign letters (None: count Latin words)."""
    ranges = languages.script_ranges(lang)
    native = "".join(f"\\U{low:08x}-\\U{high:08x}" for low, high in ranges)
    if languages.script(lang) == "Latn":
        return re.compile(f"[{native}]"), re.compile(rf"[^\W\d_{native}]")
    return re.compile(f"[{native}]"), None


@check("script")
def script(entry: Entry, scope: Scope) -> Iterator[Finding]:
    """The translation is written in the language's script, not left in English."""
    own, other = _letters(scope.lang)
    for _source, target in entry.pairs():
        text = plain(target)
        native = len(own.findall(text))
        if other is not None:
            foreign = len(other.findall(text))
        else:   # lower-case Latin words: names (International Patient Office), CAR-T are fine
            foreign = sum(len(w) for w in _LATIN_WORD.findall(text) if len(w) > 1)
        if foreign and foreign > native:
            yield scope.catalog.finding(
                "script", f"mostly not in the {scope.lang} script "
                f"({languages.script_name(scope.lang)}: {foreign} of {foreign + native} letters "
                "foreign); was it left untranslated?", entry=entry,
                severity=Severity.WARNING)
            return


@check("same-as-source")
def same_as_source(entry: Entry, scope: Scope) -> Iterator[Finding]:
    """A translation identical to its source that has ordinary words in it."""
    for source, target in entry.pairs():
        if source == target and any(w.islower() and len(w) > 2
                                    for w in re.findall(r"[^\W\d_]+", plain(source))):
            yield scope.catalog.finding("same-as-source", "translation is identical to the "
                                        "source", entry=entry, severity=Severity.WARNING)
            return


@check("length")
def length(entry: Entry, scope: Scope) -> Iterator[Finding]:
    """Translations far longer or shorter than usual for the language: often a wrong paste."""
    expected = LENGTH_RATIO.get(_base(scope.lang), 1.0)
    for source, target in entry.pairs():
        size = len(plain(source))
        if size < _MIN_LENGTH or not target:
            continue
        ratio = len(plain(target)) / size
        if not expected / _LENGTH_SPREAD <= ratio <= expected * _LENGTH_SPREAD:
            yield scope.catalog.finding(
                "length", f"translation is {ratio:.1f}× the length of the source (usual for "
                f"{scope.lang}: about {expected}×)", entry=entry, severity=Severity.WARNING)
            return
