"""The medical glossary: the merged terminology, term matching in source, target verification.

Files are read in pipeline.glossary.load (CSV in csvfile, TBX in tbx).

Matching works on a plain-text projection of inline Markdown (pipeline.glossary.text) cut
into word tokens, looked up in one index per glossary: no regex per term per segment.
Target verification compares folded text with per-language inflection rules (also in
pipeline.glossary.text), and counts a term's translation only where it is not part of a
longer term the source does not name.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from pipeline.glossary.text import fold, phrase, plain_text
from pipeline.model import Term

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|[^\s\-‐‑]")
_HYPHENS = "-‐‑"
_PREFIXES = {"anti", "non", "pre", "post", "re", "co", "semi", "multi", "sub", "self", "ex",
             "inter", "intra", "extra", "over", "under", "mini", "micro", "pan", "de", "auto",
             "allo", "mid", "neo", "para", "peri", "pro", "trans", "ultra", "hyper", "hypo"}
_WORDS = re.compile(r"[^\W\d_]+")
_CAPITALS = re.compile(r"(?<![A-Za-z0-9])[A-Z][A-Z0-9]+(?![a-z])")
# Which terms are kinds of which (`Glossary._containers`), by (fingerprint, language), as ids.
_KINDS: dict[tuple[str, str], dict[str, tuple[str, ...]]] = {}
_GLOSS = re.compile(r"[\s()/*_]*")    # between a term and its synonym in brackets or after /


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
    found: str = ""     # "added": the variant the translation has


class _Token(NamedTuple):  # a tuple: made for every word of every segment, so made cheaply
    start: int
    end: int
    raw: str
    folded: str
    glue: str  # the word this one is hyphenated to ("car" for "T" in "CAR-T"), or ""


_Entry = tuple[tuple[str, ...], frozenset[str] | None, int]


class _Specific(NamedTuple):
    """A target variant of a term that names one thing (`Glossary._specific`)."""

    term: Term
    variant: str
    key: str                            # a substring every hit has: skip the pattern if absent
    pattern: re.Pattern[str]            # the variant in the folded translation
    words: frozenset[str]               # the English variants' words (`_variant_words`)
    capitals: re.Pattern[str] | None    # an abbreviation: as written, in the translation


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

    def verify(self, source: str, target: str, lang: str,
               whole: Sequence[tuple[int, int]] = ()) -> list[TermProblem]:
        """Problems with the glossary terms of `source` in its translation `target`.

        `whole`: stretches of `source` that name something else in more words, which the
        translation names as a whole ("glandular fever": «mononucleosis»); a term inside
        one ("fever") is not a mention of it there."""
        matches = [m for m in self.match(source) if not any(
            s <= m.start and m.end <= e and (s, e) != (m.start, m.end) for s, e in whole)]
        terms = list({id(m.term): m.term for m in matches}.values())  # hashing a Term is slow
        folded = fold(target, lang)
        named_terms = {id(t) for t in terms}
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
            hits = self._unswallowed(term, lang, folded, hits, named_terms, source)
            wanted = term.target(lang)
            if variants and not hits:
                more = "".join(f' or "{v}"' for v in wanted[1:3])
                problems.append(TermProblem("missing", term, f'expected "{wanted[0]}"{more}'))
            elif variants and not term.id.startswith("unit-") and (
                    have := _occurrences(hits)) < (
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
        problems += self._added(source, target, lang, folded, accepted, named_terms)
        return problems

    def _added(self, source: str, target: str, lang: str, folded: str,
               accepted: list[tuple[int, int]], named: set[int]) -> list[TermProblem]:
        """Specific terms (`_specific`) the translation has and the source does not say:
        "LAM" (AML) in the translation of "acute lymphoblastic leukemia", «магнитно-резонансная
        томография» for "computed tomography". Not where the hit is part of a term the source
        names, nor where the source has a word of one of the term's English variants in any form
        ("the international office" for the International Patient Office, "the transplant"
        for an allogeneic stem cell transplant: a translator may say in full what the source
        says short; the cost: "scan" of "MRI scan" lets an MRI pass for a PET-CT scan)."""
        candidates = [item for item in self._specific(lang)
                      if item.key in folded and id(item.term) not in named]
        if not candidates:
            return []
        said = _stems(source)
        raw = unicodedata.normalize("NFC", plain_text(target)[0])
        problems: list[TermProblem] = []
        for term, variant, _, pattern, words, capitals in candidates:
            if words & said or any(p.term is term for p in problems):
                continue
            spans = [m.span() for m in pattern.finditer(folded)
                     if not any(s <= m.start() and m.end() <= e for s, e in accepted)]
            if spans and capitals is not None and not capitals.search(raw):
                # an abbreviation is written in capitals ("LAM", not "lam"); one that
                # qualifies a word ("HLA-identique" for "matched") names no other thing
                continue
            if spans:
                problems.append(TermProblem(
                    "added", term, f'"{variant}" is the glossary\'s translation of '
                    f'"{term.source[0]}", which the source does not say: a wrong term?',
                    variant))
        return problems

    def _specific(self, lang: str) -> list[_Specific]:
        """The terms whose translation names one thing only (an abbreviation, or a term of
        two English words or more or an abbreviation in every variant: "bone marrow" and
        "MRI | magnetic resonance imaging", not "leukemia", whose translation a sentence may
        use for "the disease"), one row per target variant."""
        found = self._specific_by.get(lang)
        if found is None:
            found = self._specific_by[lang] = [
                _Specific(term, variant, key, pattern, frozenset().union(*_variant_words(term)),
                          re.compile(rf"(?<![A-Za-z0-9]){re.escape(variant)}"
                                     r"(?![A-Za-z0-9]|-[^\W\d_A-Z])")
                          if term.case_sensitive or _abbreviation(variant) else None)
                for term in self.terms if _names_one_thing(term)
                for variant, pattern in self._patterns(term, lang, forbidden=False)
                for key in [_key_of(fold(variant, lang))]
                if key and self._international.isdisjoint(_CAPITALS.findall(variant))]
        return found

    @cached_property
    def _specific_by(self) -> dict[str, list[_Specific]]:
        return {}

    @cached_property
    def _international(self) -> frozenset[str]:
        """Abbreviations of the glossary's English terms (ALL, HLA, CAR-T's CAR): a translation
        that writes one as English does (HLA相合 for "matched", células CAR-T for "CAR-T") may
        be spelling out what the source implies, so only translated ones (LAM, IRM) count."""
        return frozenset(a for term in self.terms for v in term.source
                         for a in _CAPITALS.findall(v))

    def _unswallowed(self, term: Term, lang: str, folded: str, hits: list[tuple[int, int]],
                     named: set[int], source: str) -> list[tuple[int, int]]:
        """The hits of `term` that are not part of a longer term the source says nothing of:
        "متبرع" (donor) inside "متبرع شقيق مطابق" (matched sibling donor) is that other term
        where the source has neither "matched" nor "sibling"."""
        if not hits:
            return hits
        longer = [t for t in self._containers(lang).get(id(term), ()) if id(t) not in named]
        said = _stems(source) if longer else set()
        longer = [t for t in longer if not any(w <= said for w in _variant_words(t))]
        if not longer:
            return hits
        spans = [m.span() for t in longer for _, p in self._patterns(t, lang, forbidden=False)
                 for m in p.finditer(folded)]
        return [(s, e) for s, e in hits
                if not any(a <= s and e <= b and (a, b) != (s, e) for a, b in spans)]

    def _containers(self, lang: str) -> dict[int, tuple[Term, ...]]:
        """For each term, the longer terms that contain it in English and in `lang` (matched
        sibling donor, donor): a kind of it, not the same concept said in other words.
        Worked out once per process for each glossary content and language (`_KINDS`)."""
        if lang in self._kinds:
            return self._kinds[lang]
        key = (self.fingerprint, lang)
        by_id = _KINDS.get(key)
        if by_id is None:
            if len(_KINDS) >= 32:
                _KINDS.clear()
            by_id = _KINDS[key] = self._kinds_of(lang)
        terms = {t.id: t for t in self.terms}
        kinds = self._kinds[lang] = {id(terms[k]): tuple(terms[o] for o in v)
                                     for k, v in by_id.items()}
        return kinds

    def _kinds_of(self, lang: str) -> dict[str, tuple[str, ...]]:
        targets = {t.id: [f for f in (fold(v, lang) for v in t.target(lang)) if f]
                   for t in self.terms if not t.dnt}
        found: dict[str, tuple[str, ...]] = {}
        for term, others in self._english_kinds.items():
            mine = targets.get(term)
            if mine:
                inside = tuple(o for o in others if any(
                    len(b) > len(a) and a in b for a in mine for b in targets.get(o, ())))
                if inside:
                    found[term] = inside
        return found

    @cached_property
    def _kinds(self) -> dict[str, dict[int, tuple[Term, ...]]]:
        return {}

    @cached_property
    def _english_kinds(self) -> dict[str, list[str]]:
        """For each term id, the other terms one of whose English forms contains one of its
        own as whole words (looked for only among the terms that have all its words)."""
        by_word: dict[str, set[int]] = {}
        for n, term in enumerate(self.terms):
            for variant in term.source:
                for word in _WORDS.findall(variant.casefold()):
                    by_word.setdefault(word, set()).add(n)
        found: dict[str, list[str]] = {}
        for n, term in enumerate(self.terms):
            for variant in term.source:
                words = _WORDS.findall(variant.casefold())
                if not words:
                    continue
                inside = re.compile(rf"(?<![^\W_]){re.escape(variant.casefold())}(?![^\W_])")
                for k in sorted(set.intersection(*(by_word[w] for w in words)) - {n}):
                    other = self.terms[k]
                    if other.id not in found.get(term.id, ()) and any(
                            inside.search(v.casefold()) for v in other.source):
                        found.setdefault(term.id, []).append(other.id)
        return found

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
                (v, phrase(fold(v, lang), lang))
                for v in variants if fold(v, lang)])
        return found[1]


def _names_one_thing(term: Term) -> bool:
    """An abbreviation, or every English variant two words or more or an abbreviation."""
    if term.dnt:
        return False
    return term.case_sensitive or all(
        len(words) >= 2 or _CAPITALS.fullmatch(variant)
        for variant, words in zip(term.source, _variant_words(term), strict=True))


def _abbreviation(variant: str) -> bool:
    """A variant in capitals of any script ("ТОТ", "LAM"): matched as written, so the
    Russian «тот же день» is not total body irradiation."""
    return variant.isupper() and len(variant) >= 2 and " " not in variant


def _key_of(folded: str) -> str:
    """The first three characters of a folded variant: in the folded text wherever the
    variant's pattern matches (its inflections change the ends of words)."""
    return folded[:3]


def _stems(text: str) -> set[str]:
    """The words of an English text, 5-letter stems: what `_variant_words` are compared to."""
    return {w[:5] for w in _WORDS.findall(text.casefold())}


def _variant_words(term: Term) -> list[set[str]]:
    """The words of each English variant of a term (5-letter stems, 3 letters and up)."""
    return [{w[:5] for w in _WORDS.findall(v.casefold()) if len(w) >= 3} for v in term.source]


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
