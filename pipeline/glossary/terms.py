"""The medical glossary: the merged terminology, term matching in source, target verification.

Files are read in pipeline.glossary.load (CSV in csvfile, TBX in tbx).

Matching works on a plain-text projection of inline Markdown (emphasis and link brackets
dropped, code spans, URLs and link targets turned into barriers) cut into word tokens, looked
up in one index per glossary: no regex per term per segment. Target verification compares
folded text (NFKC, casefold, Arabic tashkeel/tatweel and alef forms, Russian ё, Spanish and
French accents) with per-language inflection rules, documented on `_word_pattern`.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import NamedTuple

from pipeline import inline
from pipeline.model import Term

_BARRIER = "\x00"
_HINT = re.compile(r"[`*_\[\]<\\~]|https?:|www\.|ftp:|mailto:")
_MARKUP = re.compile(
    r"(?P<code>" + inline.CODE_SPAN_SRC + r")"
    r"|(?P<url>" + "|".join((inline.AUTOLINK_SRC, inline.URL_SRC, r"mailto:" + inline.EMAIL_SRC,
                             inline.EMAIL_SRC)) + r")"
    r"|(?P<tail>\]" + inline.LINK_TARGET_SRC + r"|\]\[[^\]]*\])"
    r"|(?P<tag></?[A-Za-z][^<>]*>|<!--.*?-->)"
    r"|\\(?P<esc>[!-/:-@\[-`{-~])"
    r"|(?P<drop>\*+|~~|!?\[|\]|(?<![^\W_])_+|_+(?![^\W_]))", re.S)
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|[^\s\-‐‑]")
_HYPHENS = "-‐‑"
_PREFIXES = {"anti", "non", "pre", "post", "re", "co", "semi", "multi", "sub", "self", "ex",
             "inter", "intra", "extra", "over", "under", "mini", "micro", "pan", "de", "auto",
             "allo", "mid", "neo", "para", "peri", "pro", "trans", "ultra", "hyper", "hypo"}
_SPACE = re.compile(r"\s+")
_GLOSS = re.compile(r"[\s()/*_]*")    # between a term and its synonym in brackets or after /
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


@dataclass(frozen=True, slots=True)
class Match:
    """A glossary term found in a source segment: its span in the original Markdown."""

    start: int
    end: int
    text: str
    term: Term


@dataclass(frozen=True, slots=True)
class TermProblem:
    """A glossary rule a target segment breaks: "missing", "forbidden" or "dnt-altered"."""

    kind: str
    term: Term
    detail: str


class _Token(NamedTuple):  # a tuple: made for every word of every segment, so made cheaply
    start: int
    end: int
    raw: str
    folded: str
    glue: str  # the word this one is hyphenated to ("car" for "T" in "CAR-T"), or ""


_Entry = tuple[tuple[str, ...], frozenset[str] | None, int]


@dataclass(frozen=True)
class Glossary:
    """Every concept of a project's glossary/ folder, merged, with a content fingerprint."""

    terms: tuple[Term, ...]
    languages: tuple[str, ...]
    fingerprint: str
    source_language: str = "en"

    def match(self, text: str) -> list[Match]:
        """Glossary terms in English inline Markdown: sorted, non-overlapping, longest first.

        A term hyphenated to a preceding word matches only after an English prefix
        ("anti-CD19"), not inside a compound name ("T cells" in "CAR-T cells").
        Results are remembered: masking, verification and every language ask again.
        """
        if not self.terms:
            return []
        found = self._matches.get(text)
        if found is None:
            found = self._matches[text] = self._match(text)
        return list(found)

    @cached_property
    def _matches(self) -> dict[str, list[Match]]:
        return {}

    def _match(self, text: str) -> list[Match]:
        clean, where = plain_text(text)
        folded_index, raw_index = self._split_index
        words = _TOKEN.findall(clean.replace("’", "'") if "’" in clean else clean)
        if raw_index.keys().isdisjoint(words) and folded_index.keys().isdisjoint(
                map(str.casefold, words)):
            return []   # no term starts with any word: the common case, without tokens
        tokens = _tokens(clean)
        found: list[tuple[int, int, int, int]] = []
        for i, tok in enumerate(tokens):
            by_folded, by_raw = folded_index.get(tok.folded), raw_index.get(tok.raw)
            if by_folded is None and by_raw is None:
                continue  # no term starts with this word: the common case
            if tok.glue and tok.glue not in _PREFIXES:
                continue  # "T cells" inside "CAR-T cells" is not a mention of T cells
            for cs, entries in ((False, by_folded), (True, by_raw)):
                for mid, last, n in entries or ():
                    j = i + len(mid) + 1 if last is not None else i
                    if j >= len(tokens) or not all(
                            _key(tokens[i + 1 + k], cs) == w for k, w in enumerate(mid)):
                        continue
                    if last is not None and _key(tokens[j], cs) not in last:
                        continue
                    start, end = tok.start, tokens[j].end
                    found.append((start - end, start, end, n))
        found.sort()
        taken: list[tuple[int, int]] = []
        result: list[Match] = []
        for _, start, end, n in found:
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            a, b = (where[start], where[end - 1] + 1) if where is not None else (start, end)
            result.append(Match(start=a, end=b, text=text[a:b], term=self.terms[n]))
        return sorted(result, key=lambda m: m.start)

    def verify(self, source: str, target: str, lang: str) -> list[TermProblem]:
        """Problems with the glossary terms of `source` in its translation `target`."""
        matches = self.match(source)
        terms = list({id(m.term): m.term for m in matches}.values())  # hashing a Term is slow
        folded = _fold(target, lang)
        problems: list[TermProblem] = []
        accepted: list[tuple[int, int]] = []
        for term in terms:
            if term.dnt:
                plain = unicodedata.normalize("NFC", plain_text(target)[0])
                forms = {*term.source, *(plain_text(m.text)[0] for m in matches if m.term is term)}
                if not any(re.search(rf"(?<![A-Za-z0-9]){re.escape(f)}(?![A-Za-z0-9])", plain)
                           for f in forms):
                    problems.append(TermProblem("dnt-altered", term,
                                                f'keep "{term.source[0]}" exactly as in English'))
                continue
            variants = self._patterns(term, lang, forbidden=False)
            hits = [m.span() for _, p in variants for m in p.finditer(folded)]
            accepted += hits
            wanted = term.target(lang)
            if variants and not hits:
                more = "".join(f' or "{v}"' for v in wanted[1:3])
                problems.append(TermProblem("missing", term, f'expected "{wanted[0]}"{more}'))
            elif variants and (have := _occurrences(hits)) < (
                    named := _mentions(source, [m for m in matches if m.term is term])):
                problems.append(TermProblem(
                    "missing", term, f'the source names it {named} times, the translation '
                    f'{have} ("{wanted[0]}"): was one replaced?'))
        for term in terms:
            for variant, pattern in self._patterns(term, lang, forbidden=True):
                if any(not any(s <= m.start() and m.end() <= e for s, e in accepted)
                       for m in pattern.finditer(folded)):
                    use = term.target(lang)
                    hint = f', use "{use[0]}"' if use else ""
                    problems.append(TermProblem("forbidden", term,
                                                f'"{variant}" is not allowed here{hint}'))
        return problems

    @cached_property
    def _split_index(self) -> tuple[dict[str, list[_Entry]], dict[str, list[_Entry]]]:
        """_index as two plain dicts (case-insensitive keys, case-sensitive keys)."""
        folded: dict[str, list[_Entry]] = {}
        raw: dict[str, list[_Entry]] = {}
        for (cs, key), entries in self._index.items():
            (raw if cs else folded)[key] = entries
        return folded, raw

    @cached_property
    def _index(self) -> dict[tuple[bool, str], list[_Entry]]:
        index: dict[tuple[bool, str], list[_Entry]] = {}
        for n, term in enumerate(self.terms):
            cs = term.case_sensitive
            for variant in term.source:
                words = [_key(t, cs) for t in _tokens(plain_text(variant)[0])]
                if not words:
                    continue
                forms = _forms(words[-1])
                entries = ([(w, ((), None, n)) for w in sorted(forms)] if len(words) == 1
                           else [(words[0], (tuple(words[1:-1]), forms, n))])
                for key, entry in entries:
                    bucket = index.setdefault((cs, key), [])
                    if entry not in bucket:
                        bucket.append(entry)
        return index

    @cached_property
    def _compiled(self) -> dict[tuple[int, str, bool],
                                tuple[Term, list[tuple[str, re.Pattern[str]]]]]:
        return {}

    def _patterns(self, term: Term, lang: str,
                  *, forbidden: bool) -> list[tuple[str, re.Pattern[str]]]:
        key = (id(term), lang, forbidden)   # by identity: hashing a Term is slow
        found = self._compiled.get(key)
        if found is None or found[0] is not term:
            variants = term.forbidden_in(lang) if forbidden else term.target(lang)
            found = self._compiled[key] = (term, [
                (v, _compiled_phrase(_fold(v, lang), lang))
                for v in variants if _fold(v, lang)])
        return found[1]


def _mentions(source: str, matches: list[Match]) -> int:
    """How often the source names a term: "half-matched (haploidentical)" is one mention."""
    count = 0
    for before, match in zip([None, *matches], matches, strict=False):
        if before is None or not _GLOSS.fullmatch(source[before.end:match.start]):
            count += 1
    return count


def _occurrences(spans: list[tuple[int, int]]) -> int:
    """How many places the spans cover (variants overlapping one another count once)."""
    count, end = 0, -1
    for start, stop in sorted(spans):
        if start >= end:
            count += 1
        end = max(end, stop)
    return count


def _key(token: _Token, case_sensitive: bool) -> str:
    return token.raw if case_sensitive else token.folded


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
            out.append(_BARRIER)
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


def _tokens(clean: str) -> list[_Token]:
    tokens: list[_Token] = []
    curly = "’" in clean
    before = ""
    for m in _TOKEN.finditer(clean):
        raw = m.group().replace("’", "'") if curly else m.group()
        s = m.start()
        folded = raw.casefold()
        glued = tokens and s >= 2 and clean[s - 1] in _HYPHENS and clean[s - 2].isalnum()
        tokens.append(_Token(s, m.end(), raw, folded, before if glued else ""))
        before = folded
    return tokens


def _plural(word: str) -> str:
    low = word.casefold()
    if low.endswith("y") and len(low) > 2 and low[-2] not in "aeiou":
        return word[:-1] + "ies"
    if low.endswith("sis"):
        return word[:-2] + "es"
    return word + ("es" if low.endswith(("s", "x", "z", "ch", "sh")) else "s")


def _forms(word: str) -> frozenset[str]:
    """English surface forms of a term's last word: plural, singular and possessive."""
    if not word[-1:].isalpha() or word.isupper():
        return frozenset({word, word + "s", word + "'s"})
    low = word.casefold()
    stems = {word}
    if low.endswith("ies") and len(low) > 4:
        stems.add(word[:-3] + "y")
    elif low.endswith(("ses", "xes", "zes", "ches", "shes")):
        stems.add(word[:-2])
    elif low.endswith("s") and not low.endswith(("ss", "us", "is")) and len(low) > 3:
        stems.add(word[:-1])
    return frozenset(f for s in stems for f in (s, s + "'s", _plural(s)))


@lru_cache(maxsize=64)
def _group(lang: str) -> str:
    base = re.split(r"[-_]", lang)[0].lower()
    return next((name for name, tags in _GROUPS.items() if base in tags), "")


def _fold(text: str, lang: str) -> str:
    """Target text for comparison: markup dropped, NFKC, casefolded, script-specific folds."""
    s = plain_text(text)[0].replace(_BARRIER, " ")
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

    Spanish/French: an optional plural ending (s, es, x; French -al/-aux); accents are folded.
    Russian: the ending is cut from the glossary form (longest of the usual noun and adjective
    endings, keeping 3+ letters) and any ending of up to 4 letters accepted (4, because a noun
    such as "синдром" loses "ом" that is its own, then takes "омом"), with an optional fleeting
    о/е before a final consonant pair, so "клетки" also accepts "клеток", "клеткам".
    Arabic: optional clitics (و ف ب ك ل) and article ال (also before Latin words such as
    "وICANS"), ة ↔ ات, up to 2 suffix letters.
    Other languages and non-letter words: the word as is.
    """
    esc = re.escape(word)
    if group == "romance" and len(word) > 2 and word[-1].isalpha():
        return (re.escape(word[:-2]) + "(?:al|aux)") if word.endswith("al") else esc + "(?:s|es|x)?"
    if group == "slavic" and len(word) >= 4 and "\u0400" <= word[-1] <= "\u04ff":
        stem = next((word[:-len(e)] for e in _RU_ENDINGS
                     if word.endswith(e) and len(word) - len(e) >= 3), word)
        if len(stem) >= 4 and stem[-1] in _CONSONANTS and stem[-2] in _CONSONANTS:
            return re.escape(stem[:-1]) + "[ое]?" + re.escape(stem[-1]) + r"[^\W\d_]{0,4}"
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
def _compiled_phrase(folded: str, lang: str) -> re.Pattern[str]:
    """A term variant's pattern, compiled once per process: every Glossary built from the same
    files (each run, each reload in the review app) shares it, and `re`'s own cache of 512
    patterns is not flooded by a large glossary."""
    return re.compile(_phrase_pattern(folded, lang))


def _phrase_pattern(folded: str, lang: str) -> str:
    group = _group(lang)
    words = folded.split(" ")
    if group == "cjk":
        return r"\s*".join(re.escape(w) for w in words)
    body = r"\s+".join(_word_pattern(w, group) for w in words)
    return rf"(?<!\w){body}(?!\w)"


# ---------------------------------------------------------------- loading and validation

def empty_glossary(source: str = "en") -> Glossary:
    """A glossary with no terms (a project without glossary files)."""
    return build_glossary((), (), source=source)


def build_glossary(terms: Sequence[Term], languages: Iterable[str], *,
                   source: str = "en") -> Glossary:
    """A Glossary of `terms` with its fingerprint."""
    data = [[t.id, t.source, sorted(t.targets), sorted(t.forbidden), t.dnt,
             t.case_sensitive, t.note] for t in sorted(terms, key=lambda t: t.id)]
    digest = hashlib.sha256(json.dumps(data, ensure_ascii=False).encode()).hexdigest()[:12]
    return Glossary(terms=tuple(terms), languages=tuple(dict.fromkeys(languages)),
                    fingerprint=digest, source_language=source)
