"""Meaning checks: glossary, markup and links, script, same-as-source, length."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING

from pipeline import inline, langdata, languages
from pipeline.checks import Entry, Scope, check, plain, terms
from pipeline.checks.numbers import said_otherwise
from pipeline.glossary import Glossary, TermProblem
from pipeline.languages import base_language
from pipeline.model import Finding, Severity

if TYPE_CHECKING:
    from markdown_it.token import Token

_LATIN_WORD = re.compile(r"(?<![A-Za-z\u00c0-\u024f])[a-z\u00df-\u00ff]+(?![A-Za-z\u00c0-\u024f])")
# Expected length of a translation relative to its English source, in characters.
LENGTH_RATIO = {"zh": 0.35, "ja": 0.45, "ko": 0.6, "ar": 0.9, "he": 0.85, "ru": 1.1,
                "es": 1.15, "fr": 1.2, "it": 1.15, "pt": 1.15, "de": 1.2}
_LENGTH_SPREAD = 2.5
_MIN_LENGTH = 30
_OPENING = {"em_open": "emphasis", "strong_open": "strong", "link_open": "link",
            "image": "image"}
# A `*` or `_` left as text that could have been a delimiter (not `snake_case`, not "5 * 3").
_STRAY = re.compile(r"\*+(?!\s)|(?<!\s)\*+|(?<![^\W_])_+|_+(?![^\W_])")


_base = base_language


@check("glossary")
def glossary(entry: Entry, scope: Scope) -> Iterator[Finding]:
    """Glossary terms: required target term, no forbidden term, do-not-translate kept as is;
    and no specific medical term swapped for another of its kind, nor a name for another
    (pipeline.checks.terms)."""
    for source, target in entry.pairs():
        for swap in terms.swaps(source, target, scope.lang):
            wanted = swap.said.forms.get(base_language(scope.lang), ())
            yield scope.catalog.finding(
                "glossary", f"swapped term '{swap.said.id}': the source says “{swap.said_as}”, "
                f"the translation «{swap.written_as}» ({swap.written.english[0]}), not "
                f"«{wanted[0] if wanted else swap.said.id}»: another {swap.said.kind}?",
                entry=entry)
        if (sides := terms.side_swapped(source, target, scope.lang)) is not None:
            yield scope.catalog.finding(
                "glossary", f"swapped side: the source says “{sides[0]}”, the translation "
                f"the {sides[1]} side instead: the other side of the body?", entry=entry)
        if (names := terms.name_swapped(source, target, scope.lang)) is not None:
            yield scope.catalog.finding(
                "glossary", f"swapped name: the source says “{names[0]}”, the translation "
                f"has no “{names[0]}” but “{names[1]}”: another product?", entry=entry)
    if scope.glossary is None:
        return
    for source, target in entry.pairs():
        for problem in term_problems(scope.glossary, source, target, scope.lang):
            yield scope.catalog.finding(
                "glossary", f"{problem.kind} term '{problem.term.id}': {problem.detail}",
                entry=entry)


def term_problems(glossary: Glossary, source: str, target: str, lang: str
                  ) -> list[TermProblem]:
    """The glossary's problems with a translation, read with the term lexicon: a term inside
    a longer name the translation gives whole is no mention of it ("glandular fever":
    «mononucleosis», no «fiebre» wanted), and a term the lexicon gives for one the source
    names is not added (肺功能检查, the glossary's pulmonary function test, for spirometry).
    What the glossary check reports and the review app shows as a term not used."""
    whole = terms.named_whole(source, target, lang)
    return [problem for problem in glossary.verify(source, target, lang, whole)
            if not (problem.kind == "added" and terms.names_said(source, problem.found, lang))
            and not (problem.kind == "missing" and said_otherwise(
                problem.term.source, source, target, lang))]


@lru_cache(maxsize=4096)
def _structure(text: str) -> tuple[Counter[str], Counter[str], Counter[str]]:
    """(markup shape, code span contents, URLs) of inline Markdown (never mutate them)."""
    code: Counter[str] = Counter()
    urls: Counter[str] = Counter()
    for match in inline.CODE_SPAN.finditer(text):
        code[match.group("code_text").strip()] += 1
    rest = inline.CODE_SPAN.sub(" ", text)
    for match in inline.LINK.finditer(rest):
        urls[match.group("target")] += 1
    rest = inline.LINK.sub(lambda m: " " + m.group(0)[len(m.group("bang")):
                                                      m.group(0).rindex("](")] + " ", rest)
    for match in inline.AUTOLINK.finditer(rest):
        urls[match.group("autolink")] += 1
    rest = inline.AUTOLINK.sub(" ", rest)
    for match in inline.URL.finditer(rest):
        urls[match.group(0)] += 1
    return _shape(text), code, urls


@lru_cache(maxsize=4096)
def _inline_tokens(text: str) -> tuple[Token, ...]:
    """The inline tokens the page's CommonMark parser reads in `text` (read once for the
    markup shape and the stressed words)."""
    from pipeline.markdown import parser

    tokens = parser().parseInline(text)
    return tuple(tokens[0].children or ()) if tokens else ()


def _shape(text: str) -> Counter[str]:
    """Emphasis, strong, links and images as the page's CommonMark parser reads them, and the
    `*` and `_` it leaves as text: one dropped delimiter shows up as a stray one."""
    shape: Counter[str] = Counter()
    for token in _inline_tokens(text):
        if token.type in _OPENING:
            shape[_OPENING[token.type]] += 1
        elif token.type == "text":
            stray = _STRAY.findall(token.content)
            shape.update(f"unpaired {mark[0]}" for mark in stray)
    return +shape


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
            yield scope.catalog.finding("markup", f"inline markup differs: {problem}"
                                        f"{_flanking_hint(target)}", entry=entry)
        problem = _diff(code1, code2)
        if problem and not _prose_translated(code1, code2, scope.lang):   # (`code-spans`)
            yield scope.catalog.finding("markup", f"code spans differ (they are never "
                                        f"translated): {problem}", entry=entry)
        if not shape1 or _diff(shape1, shape2):
            continue
        if (outside := _negation_outside(source, target, scope.lang)) is not None:
            yield scope.catalog.finding(
                "markup", f"the source stresses “{outside[0]}” with its negation, the "
                f"translation stresses «{outside[1]}» without it: the stress now says the "
                "opposite", entry=entry)
        elif (moved := _stress_moved(source, target, scope.lang)) is not None:
            yield scope.catalog.finding(
                "markup", f"the source stresses {moved[0]}, the translation {moved[1]}: is "
                "the bold or italic on another number?", entry=entry)


@check("code-spans")
def code_spans(entry: Entry, scope: Scope) -> Iterator[Finding]:
    """Words inside a code span put into the language (a warning: code stays as it is)."""
    for source, target in entry.pairs():
        if "`" not in source or "`" not in target:
            continue
        _, code1, _ = _structure(source)
        _, code2, _ = _structure(target)
        problem = _diff(code1, code2)
        if problem and _prose_translated(code1, code2, scope.lang):
            yield scope.catalog.finding(
                "code-spans", f"code spans translated: {problem} (the machine keeps code as "
                "it is; keep it so where it is code, not words the reader is meant to read)",
                entry=entry, severity=Severity.WARNING)


def _prose_translated(source: Counter[str], target: Counter[str], lang: str) -> bool:
    """Are the differing code spans words a translator put into the language (`registro del
    drenaje`, `clonazepam 0,5 mg` for `clonazepam 0.5 mg`): as many of them, each of several
    words, and the same numbers in each, in the source's order? A span that is code (one
    word, `REF-2027`) or whose numbers differ is an error still."""
    missing, extra = list((source - target).elements()), list((target - source).elements())
    if len(missing) != len(extra) or sum(source.values()) != sum(target.values()):
        return False

    return all(len(mine.split()) > 1 and len(theirs.split()) > 1
               and _amounts(mine, "en") == _amounts(theirs, lang)
               for mine, theirs in zip(missing, extra, strict=True))


def _amounts(text: str, lang: str) -> list[frozenset[Decimal]]:
    """The values each number of `text` may stand for in `lang`, in order."""
    from pipeline.checks.numbers import values

    return [frozenset(options) for _, options in values(text, lang)]


def _emphasized(text: str) -> list[str]:
    """The text of each outermost emphasis or strong span of `text`, in order."""
    spans: list[str] = []
    depth = 0
    for token in _inline_tokens(text):
        if token.type in ("em_open", "strong_open"):
            if not depth:
                spans.append("")
            depth += 1
        elif token.type in ("em_close", "strong_close"):
            depth = max(0, depth - 1)
        elif depth and token.type in ("text", "code_inline"):
            spans[-1] += token.content
    return spans


def _negation_outside(source: str, target: str, lang: str) -> tuple[str, str] | None:
    """(the source's stressed words, the translation's) where the source stresses a negation
    ("**Do not strain**") and the translation stresses the same words without theirs
    («No **haga fuerza**»): the page now stresses the opposite."""
    from pipeline.checks.negation import negations
    from pipeline.checks.quantities import words_pattern

    if _base(lang) not in langdata.NEGATION:
        return None
    said, written = _emphasized(source), _emphasized(target)
    if len(said) != len(written):
        return None
    second = _SECOND_PART.get(_base(lang))
    # a word of negative concord stressed alone says the negation it joins («ولا تستخدم
    # _أبدًا_»: "never" stressed the only way Arabic can)
    concord = langdata.CONCORD.get(_base(lang))
    joined = words_pattern(concord, lang) if concord else None
    def negated(other: str) -> bool:
        return bool(negations(other, lang)) or bool(second and second.search(other)) or bool(
            joined and joined.search(other))

    stressed = [bool(negations(english, "en")) for english in said]
    if not any(stressed) or not negations(target, lang):
        return None
    kept = [negated(other) for other in written]
    # the stressed parts may come in another order («在…后的**36小时**内，**不要**服用» for
    # "**Do not** take … within **36 hours**"): as many stressed negations, in any place
    if sum(kept) >= sum(stressed):
        return None
    return next(((english.strip(), other.strip()) for english, other, mine, theirs in zip(
        said, written, stressed, kept, strict=True) if mine and not theirs), None)


def _stress_moved(source: str, target: str, lang: str) -> tuple[str, str] | None:
    """(what the source stresses, what the translation does) where a number the source
    stresses ("**2 weeks**") is in the translation but not stressed, or the translation
    stresses a number the source writes unstressed only ("**0,9%**"): the same count of
    spans, the emphasis on another value. Numbers written as words are not compared."""
    from pipeline.checks.numbers import _english_word_values
    from pipeline.checks.quantities import _target_numbers

    said, written = _emphasized(source), _emphasized(target)
    if not said or len(said) != len(written):
        return None

    def among(pool: list[frozenset[Decimal]], options: frozenset[Decimal]) -> bool:
        return any(options & other for other in pool)

    # the translation's stressed numbers in words too («**ساعة واحدة**», one hour)
    stressed = [options for text in said for options in _amounts(text, "en")]
    theirs = [frozenset(options) for text in written
              for *_, options in _target_numbers(text, lang)]
    everywhere, all_theirs = _amounts(source, "en"), _amounts(target, lang)
    # the source's stressed counts in words ("**twice a day**" said «**2 раза в день**»)
    worded = set().union(*(_english_word_values(text) for text in said)) | {
        Decimal(2) for text in said if _TWICE.search(text)}
    shown = ", ".join(f"“{text.strip()}”" for text in said)
    mine = ", ".join(f"«{text.strip()}»" for text in written)
    if any(not among(theirs, options) and among(all_theirs, options) for options in stressed):
        return shown, mine
    if any(not among(stressed, options) and not options & worded and among(everywhere, options)
           for options in theirs):
        return shown, mine
    return None


_TWICE = re.compile(r"\btwice\b", re.I)


# French splits a negation round its verb: "n'a **plus de fièvre**" stresses the part that
# says it.
_SECOND_PART = {"fr": re.compile(r"\b(?:pas|plus|jamais|rien|aucune?|personne|guère)\b", re.I)}


# Markdown reads a delimiter run by what stands on each side of it: "_" between two letters
# of a word (any script: 请_始终_佩戴) opens and closes nothing, and a closing "**" after
# punctuation closes only before a space or punctuation (**重要提示：**请).
_INTRAWORD_UNDERSCORE = re.compile(r"[^\W_]_+[^\W_]")
_CLOSE_AFTER_PUNCTUATION = re.compile(r"[^\w\s*_][*_]+[^\W_]")


def _flanking_hint(target: str) -> str:
    """Why Markdown does not read a translation's emphasis, where the delimiters show it."""
    text = inline.CODE_SPAN.sub(" ", target)
    hints = []
    if _INTRAWORD_UNDERSCORE.search(text):
        hints.append("Markdown reads no _…_ inside a run of letters, as between Chinese "
                     "characters: write *…* there")
    if _CLOSE_AFTER_PUNCTUATION.search(text):
        hints.append("a closing * or ** after punctuation needs a space or punctuation "
                     "after it: put the punctuation outside (**…**：)")
    return f" ({'; '.join(hints)})" if hints else ""


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
        native = len(text) - len(own.sub("", text))      # one character per match
        if other is not None:
            foreign = len(text) - len(other.sub("", text))
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
