"""Medical terms swapped for others of their kind: "scabies" translated as «tiña» (ringworm),
"thyroid" as «hepática», "consent form" as «formulario de rechazo».

The project glossary (pipeline.glossary) holds the terms a project's clinicians agreed; this
lexicon (terms.csv beside this file, written by the team) holds common specific terms of
patient information in English, Spanish, French, Russian, Arabic and Chinese, each with its
kind (organ, condition, symptom, drug, test, person, document, vaccine, place). It never asks for
a term: a translator may say a thing another way. It reports a term of the source that the
translation does not have while the translation has another term of the same kind that the
source does not name, the signature of a swap; a paraphrase rarely names a second organ.
Target forms are found as the dictionary check finds words (pipeline.checks.bilingual: by
stem, Arabic without its article, Chinese as written).
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from pipeline import langdata, languages
from pipeline.checks import bilingual, plain
from pipeline.checks.lexicon import fold
from pipeline.languages import base_language

LEXICON = Path(__file__).with_name("terms.csv")
LANGUAGES = ("es", "fr", "ru", "ar", "zh")
# Symptoms are said in too many ways ("тяжело дышать", «вам станет жарко») to tell a swap
# from a paraphrase (bench/probes*.jsonl: 15 false alarms for 2 swaps found).
SWAPPED_KINDS = frozenset({"organ", "condition", "drug", "test", "person", "document",
                           "vaccine", "place"})
MIN_FORM = 4        # letters a target form's stem needs to be looked for (Arabic 3, Han 2)


@dataclass(frozen=True, slots=True)
class Term:
    """One specific term and how each language writes it."""

    id: str
    kind: str
    english: tuple[str, ...]
    forms: dict[str, tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class Swap:
    """A term of the source the translation lacks, and the other term it has instead."""

    said: Term
    said_as: str        # the English the source has
    written: Term
    written_as: str     # the other term as the lexicon writes it in the language


@lru_cache(maxsize=1)
def lexicon() -> tuple[Term, ...]:
    """The terms of terms.csv (none where the file is missing)."""
    if not LEXICON.exists():
        return ()
    with LEXICON.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return tuple(Term(id=row["id"], kind=row["kind"], english=_forms(row["en"]),
                      forms={lang: _forms(row.get(lang) or "") for lang in LANGUAGES})
                 for row in rows)


def _forms(cell: str) -> tuple[str, ...]:
    """The forms of a cell, each written with a hyphen between two words also written with
    a slash, and the reverse («amoxicilina-ácido clavulánico», «amoxicilina/ácido…»)."""
    forms = [f.strip() for f in cell.split("|") if f.strip()]
    return tuple(dict.fromkeys(variant for form in forms for variant in (
        form, bilingual.JOINED.sub("/", form), bilingual.JOINED.sub("-", form))))


_EN_TOKEN = re.compile(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*")     # "donor's": donor, s


@lru_cache(maxsize=2)
def _english(every_kind: bool = False) -> dict[str, list[tuple[tuple[str, ...], Term, bool]]]:
    """Every English form by its first word (lower-cased): (its words, its term, whether it
    is an abbreviation in capitals, matched only as written: "AIDS", not the "aids" of
    hearing aids), longest first; of the kinds swaps are looked for in, or of all kinds.
    Looked up word by word (one pattern of 1,000 forms was a millisecond a sentence)."""
    found: dict[str, list[tuple[tuple[str, ...], Term, bool]]] = {}
    for term in lexicon():
        if term.kind not in SWAPPED_KINDS and not every_kind:
            continue
        for form in term.english:
            words = tuple(_EN_TOKEN.findall(form))
            if words:
                found.setdefault(words[0].lower(), []).append((words, term, form.isupper()))
    for forms in found.values():
        forms.sort(key=lambda item: -len(item[0]))
    return found


@lru_cache(maxsize=4096)
def _matches(text: str, every_kind: bool = False) -> tuple[tuple[Term, str, int, int], ...]:
    """Every mention of a lexicon term in English text: (term, as written, start, end),
    longest form first where forms overlap (several checks ask: remembered)."""
    forms = _english(every_kind)
    tokens = list(_EN_TOKEN.finditer(text))
    words = [t.group(0) for t in tokens]
    starts = [at for at, word in enumerate(words) if word.lower() in forms]
    found = []
    skip = 0
    for at in starts:       # the words some form starts with: few, most sentences none
        if at < skip:
            continue
        for form, term, exact in forms[words[at].lower()]:
            there = words[at:at + len(form)]
            if (there == list(form)) if exact else (
                    [w.lower() for w in there] == [w.lower() for w in form]):
                found.append((term, " ".join(there), tokens[at].start(),
                              tokens[at + len(form) - 1].end()))
                skip = at + len(form)
                break
    return tuple(found)


def named_whole(source: str, target: str, lang: str) -> list[tuple[int, int]]:
    """Where `source` (as given, Markdown and all) names a thing in more than one word that
    the translation names as the lexicon writes it in the language: "glandular fever" said
    «mononucleosis», "ear infections" «otites». A glossary term inside such a name ("fever",
    "infection") is part of another thing's name, not a mention of its own
    (`Glossary.verify`)."""
    if base_language(lang) not in LANGUAGES or not lexicon():
        return []
    found = []
    text = None
    for term, written, start, end in _matches(source, every_kind=True):
        if " " not in written and "-" not in written:
            continue
        pattern = _pattern(term.id, lang)
        if text is None:
            text = fold(plain(target))
        if pattern is not None and pattern.search(text):
            found.append((start, end))
    return found


@lru_cache(maxsize=16)
def shared_words(lang: str) -> frozenset[str]:
    """Words the lexicon writes alike in English and in the language: "salbutamol",
    "dengue", "warfarin" in Spanish (no English left there)."""
    base = base_language(lang)
    found: set[str] = set()
    for term in lexicon():
        english = {w for form in term.english for w in form.lower().split()}
        found.update(w for form in term.forms.get(base, ()) for w in form.lower().split()
                     if w in english)
    return frozenset(found)


def item_said(item: str, target: str, lang: str) -> bool | None:
    """Has the translation a lexicon term that this piece of English names ("confusion",
    "chest pain", "sesame")? None where the piece names no term the lexicon writes in the
    language: the lexicon cannot tell."""
    if base_language(lang) not in LANGUAGES or not lexicon():
        return None
    named = [term for term, _, _, _ in _matches(item, every_kind=True)]
    patterns = [pattern for term in named if (pattern := _pattern(term.id, lang)) is not None]
    if not patterns:
        return None
    text = fold(plain(target))
    if any(pattern.search(text) for pattern in patterns):
        return True
    if base_language(lang) == "ar":     # «السيتريزين» for the lexicon's «سيتيريزين»
        written = {_ar_skeleton(word) for word in re.findall(r"[^\W\d_]+", text)}
        return any(_ar_skeleton(form) in written for term in named if term.kind == "drug"
                   for form in _folded(term.id, lang) if " " not in form
                   and len(_ar_skeleton(form)) >= _AR_SKELETON)
    return False


_AR_SKELETON = 4     # consonants a drug's name must have to be known by them alone
_AR_VOWELS = re.compile("[اأإآوؤيئىءة]")


def _ar_skeleton(word: str) -> str:
    """An Arabic word's consonants, its article and a joined "and" taken off: a drug's
    name written with or without its long vowels («سيتيريزين», «السيتريزين»)."""
    word = re.sub(r"^(?:[وفبلك]?ال|[وف]?لل)", "", word)
    return _AR_VOWELS.sub("", word)


def names_said(source: str, written: str, lang: str) -> bool:
    """Is `written` a way the lexicon gives to say, in the language, a term `source` names
    (肺功能检查 for "spirometry", where a glossary gives it for "pulmonary function
    test")?"""
    if base_language(lang) not in LANGUAGES or not lexicon():
        return False
    text = fold(written)
    return any((pattern := _pattern(term.id, lang)) is not None and pattern.search(text)
               for term, _, _, _ in _matches(plain(source), every_kind=True))


def _said(source: str, counts: dict[str, int] | None = None) -> dict[str, tuple[Term, str]]:
    """The lexicon's terms the English source names (term id → the term, as first written);
    how many times each, into `counts`."""
    said: dict[str, tuple[Term, str]] = {}
    text = plain(source)
    last: dict[str, int] = {}
    for term, written, start, end in _matches(text):
        said.setdefault(term.id, (term, written))
        # "fingers or toes" are one mention of the term of both («dedos de manos y pies»)
        joined = term.id in last and _JOINED_MENTION.fullmatch(text[last[term.id]:start])
        last[term.id] = end
        if counts is not None and not joined:
            counts[term.id] = counts.get(term.id, 0) + 1
    return said


_JOINED_MENTION = re.compile(r"\s*(?:,|/|&|\bor\b|\band\b)\s*", re.I)


@lru_cache(maxsize=4096)
def _pattern(term_id: str, lang: str) -> re.Pattern[str] | None:
    """Where the translation has the term, by stem as the dictionary check finds words."""
    forms = _folded(term_id, lang)
    return bilingual.word_pattern(forms, lang) if forms else None


@lru_cache(maxsize=4096)
def _folded(term_id: str, lang: str) -> tuple[str, ...]:
    """The term's forms in the language, folded (`fold`), sorted."""
    term = _by_id()[term_id]
    return tuple(sorted({fold(f) for f in term.forms.get(base_language(lang), ()) if f}))


@lru_cache(maxsize=4096)
def _written(term_id: str, lang: str) -> re.Pattern[str] | None:
    """Where the translation has the term as a word of its own, a short ending allowed
    ("cara" is no part of «caramelos»): what a swap must show, more strictly than `_pattern`
    looks for the source's own term; forms too short to tell are not looked for."""
    forms = _written_forms(term_id, lang)
    if not forms:
        return None
    base = base_language(lang)
    body = "|".join(re.escape(f) for f in forms)
    if base in langdata.GLUED:
        return re.compile(body)
    ending = r"[^\W\d_]{0,3}" if base == "ru" else r"[^\W\d_]{0,2}"
    clitic = r"(?:[وفبلك]?ال|[وف]?لل|[وفبلك])?" if base == "ar" else ""   # للكعب: to the heel
    return re.compile(rf"(?<![^\W\d_]){clitic}(?:{body}){ending}(?![^\W\d_])", re.I)


@lru_cache(maxsize=4096)
def _capitals(term_id: str, lang: str) -> re.Pattern[str] | None:
    """The term's short capitalised forms (3 letters or more: «IRM», «TAC», «МРТ»), which
    `_written` leaves out, as written: case and all."""
    term = _by_id()[term_id]
    base = base_language(lang)
    forms = [f for f in term.forms.get(base, ()) if len(f) < MIN_FORM and len(f) >= 3
             and f.isupper()] if base not in langdata.GLUED else []
    if not forms:
        return None
    return re.compile(r"(?<![^\W\d_])(?:" + "|".join(map(re.escape, forms)) + r")(?![^\W\d_])")


@lru_cache(maxsize=4096)
def _written_forms(term_id: str, lang: str) -> tuple[str, ...]:
    """The forms `_written` looks for, longest first; a match contains one of them as it is
    (in folded text, where no letter matches another case-insensitively: `_OTHER_CASE`)."""
    term = _by_id()[term_id]
    base = base_language(lang)
    least = 2 if base in langdata.GLUED else 3 if base == "ar" else MIN_FORM
    return tuple(sorted({_case_stem(fold(f), base) for f in term.forms.get(base, ())
                         if len(fold(f)) >= least}, key=len, reverse=True))


@lru_cache(maxsize=4096)
def _plain_forms(term_id: str, lang: str) -> tuple[str, ...]:
    """`_written_forms`, where none has a letter of `_OTHER_CASE` (else none: looked for by
    pattern only)."""
    forms = _written_forms(term_id, lang)
    return () if any(_OTHER_CASE.search(f) for f in forms) else forms


# Letters that a case-insensitive pattern matches beyond what casefolding makes equal
# (dotless ı and i, ſ and s, the Greek letters' variants, the Kelvin sign…).
_OTHER_CASE = re.compile("[\u0130\u0131\u017f\u00b5\u0345\u0370-\u03ff\u1c80-\u1c8f"
                         "\u1e9b\u1e9e\u1fbe\u1fd3\u1fe3\u212a\u212b\ufb05\ufb06]")


@lru_cache(maxsize=64)
def _of_kind(kind: str) -> tuple[tuple[Term, tuple[frozenset[str], ...]], ...]:
    """The lexicon's terms of one kind, each with the words of its English forms."""
    return tuple((term, tuple(frozenset(e.lower().split()) for e in term.english))
                 for term in lexicon() if term.kind == kind)


def _case_stem(form: str, base: str) -> str:
    """A Russian form without its last vowel, for the case endings to follow
    («стенокардия», «стенокардию»); other languages' as they are."""
    last = form.split()[-1] if form.split() else form
    if base == "ru" and len(last) > MIN_FORM + 1 and form[-1] in "аяоеьйыиу":
        return form[:-1]     # not the letter of «гепатита А»: a word, not an ending
    return form


@lru_cache(maxsize=1)
def _by_id() -> dict[str, Term]:
    return {term.id: term for term in lexicon()}


# The organ a part is in, which a translation may name for it ("triamcinolone dental paste"
# said «pâte buccale», an oral paste; the ear's canal said as the ear).
_AROUND = {"teeth": ("mouth",), "gums": ("mouth",), "tongue": ("mouth",),
           "eardrum": ("ear",), "ear-canal": ("ear",), "eyelid": ("eye",), "pupil": ("eye",),
           "nail": ("fingers-toes",)}
_PREFIXED = re.compile(r"(?:anti|hypo|hyper|non|post|pre|intra|sub)([a-z]{4,})$")


def swaps(source: str, target: str, lang: str) -> list[Swap]:
    """Terms of the source the translation has swapped for another of their kind."""
    base = base_language(lang)
    if base not in LANGUAGES or not lexicon():
        return []
    named: dict[str, int] = {}
    said = _said(source, named)
    if not said:
        return []
    text = fold(plain(target))
    if base in langdata.NOT_TERMS:     # «лёгкой форме»: mild, no lung
        text = re.sub(langdata.NOT_TERMS[base], lambda m: " " * len(m.group(0)), text)
    words = set(re.findall(r"[a-z]+", plain(source).lower()))
    # a term inside a prefixed word names it too ("antithyroid medicine": the thyroid)
    words |= {m.group(1) for w in words if (m := _PREFIXED.match(w))}
    exact_case = not _OTHER_CASE.search(text)
    found = []
    for term, as_said in said.values():
        mine = _pattern(term.id, lang)
        if mine is None:
            continue        # the lexicon has no form to look for
        # its mentions, but not those inside another term the source says (the pancreas
        # of «pancreatitis»)
        kept = len([m for m in mine.finditer(text)
                    if not _inside_said(m.span(), text, said, lang, but=term.id)])
        if kept >= named[term.id]:
            continue        # the translation names it as often as the source
        inside = set(as_said.lower().split())
        for other, english_words in _of_kind(term.kind):
            if other.id == term.id or any(w <= inside for w in english_words) or any(
                    f" of the {as_said.lower()}" in e.lower() for e in other.english) or (
                    term.kind == "organ" and (_part_of(other, as_said)
                                              or other.id in _AROUND.get(term.id, ()))) \
                    or (other.id not in said and any(w <= words for w in english_words)):
                continue    # "kidney and thyroid function tests" names kidney function too;
                # the eardrum is of the ear ("ear tube surgery" said on the eardrum);
                # the womb of "womb lining" («revestimiento del útero») is part of its name;
                # the "pupil of the eye" is of the eye the source says
            caps = _capitals(other.id, lang)    # «IRM»: too short to look for folded
            if exact_case and (forms := _plain_forms(other.id, lang)) and not any(
                    form in text for form in forms) and not (caps and caps.search(target)):
                continue    # not written: none of its forms is in the text as it is
            theirs = _written(other.id, lang)
            if theirs is None and caps is None:
                continue
            # the other term where the source does not name it (this one gone), or more
            # often than the source names it ("fludrocortisone" written for both)
            if other.id in said:
                own = _apart([m for m in theirs.finditer(text)
                              if not _inside_said(m.span(), text, said, lang, but=other.id)]
                             ) if theirs is not None else []
                if len(own) <= named[other.id]:
                    continue
            elif kept and (term.kind == "organ" or theirs is None or not theirs.search(text)):
                continue    # an organ named fewer times: "Dental Hospital", 口腔医院
            # the first mention outside a term the source says (the shoulder of «вращательной
            # манжеты плеча» is the rotator cuff's; a second «плеча» is a shoulder), or a
            # capitalised short form as written
            mentions = [m for m in (theirs.finditer(text) if theirs is not None else ())
                        if other.id in said or not _inside_said(m.span(), text, said, lang,
                                                                  own=other.id)]
            if not mentions and caps is not None and other.id not in said:
                mentions = [m for m in (caps.search(plain(target)),)
                            if m is not None and not _inside_said(m.span(), text, said, lang,
                                                                  own=other.id)]
            written = mentions[0] if mentions else None
            if written is not None and _participle(written, target, text, other, base):
                continue
            if written is not None \
                    and not _may_say(term, other, written.group(0), lang) \
                    and not (other.id not in said
                             and _says_another_word(words, other, written.group(0), lang)):
                shown = other.forms[base][0] if other.forms.get(base) else written.group(0)
                found.append(Swap(term, as_said, other, shown))
                break
    return found


def _participle(found: re.Match[str], target: str, text: str, other: Term, base: str) -> bool:
    """Is the word found in the folded text a French past participle as written («le nez
    bouché», blocked), not the noun folding makes of it («bouche», the mouth), nor one of
    the term's own forms as written («bébé»)?"""
    if base != "fr":
        return False
    written = unicodedata.normalize("NFC", plain(target)).casefold()
    if len(written) != len(text):
        return False    # folding moved the letters: nothing to compare
    end = re.match(r"[^\W\d_]*", written[found.end():])
    word = written[found.start():found.end() + (end.end() if end else 0)]
    return word.endswith(("é", "ée", "és", "ées")) and not any(
        word.startswith(unicodedata.normalize("NFC", form).casefold())
        for form in other.forms.get(base, ()))


_IDIOM_GAP = 5      # characters between two mentions of one term that an idiom joins


def _apart(found: list[re.Match[str]]) -> list[re.Match[str]]:
    """Mentions of a term, those an idiom repeats counted once («закидывать ногу на ногу»,
    to cross one's legs; «día a día»)."""
    kept: list[re.Match[str]] = []
    for match in found:
        if kept and match.start() - kept[-1].end() <= _IDIOM_GAP:
            continue
        kept.append(match)
    return kept


def _may_say(term: Term, other: Term, written: str, lang: str) -> bool:
    """Do the dictionaries give what the translation has as a translation of the term's
    English ("hand": «рука», Russian's word for the hand and the arm)? Only the words the
    other term's English does not share count ("form" of "consent form" and "refusal
    form" tells neither)."""
    # «seno» is a word of «seno paranasal»: the sinus said short; not a drug's («amoxicilina»
    # of «amoxicilina y ácido clavulánico» is another drug)
    own = {w for form in _folded(term.id, lang) if " " in form for w in form.split()
           } if term.kind != "drug" else set()
    if fold(written).lower() in own:
        return True
    shared = {w.rstrip("s") for english in other.english for w in english.lower().split()}
    for english in term.english:
        for word in {w for w in english.lower().split() if w.rstrip("s") not in shared}:
            wanted = bilingual.translations(word, lang)
            if wanted and (bilingual.says(wanted, written, lang) or any(
                    _near(w, x) for w in wanted if " " not in w for x in written.split())):
                return True
    return False


def _says_another_word(words: set[str], other: Term, written: str, lang: str) -> bool:
    """Is what the translation has the dictionaries' translation of another word of the
    source («مصدر قلق», a cause for concern: «قلق» is concern here, not anxiety)?"""
    own = {w for english in other.english for w in english.lower().split()}
    glued = base_language(lang) in langdata.GLUED
    stop = langdata.FUNCTION_WORDS["en"]
    for word in sorted(words - own - stop):
        if len(word) >= 4:
            wanted = bilingual.translations(word, lang)
            # one character says little (the 大 of 大腿, thigh, is no "deep"), nor three
            # letters (the «par» of «paracétamol» is no "with")
            wanted = frozenset(w for w in wanted if len(w) > (1 if glued else 3))
            if wanted and (bilingual.says(wanted, written, lang) or (
                    languages.script(lang) == "Cyrl" and any(
                        _case_of(w, x) for w in wanted if " " not in w
                        for x in written.split()))):
                return True     # «ноги» for "feet": a case of «нога», the foot and the leg
    return False


def _case_of(word: str, other: str) -> bool:
    """Another case of a short word, its last letter changed: «ноги» of «нога» (not «плеч»
    of «плена»)."""
    return 3 <= len(word) <= 5 and len(other) <= len(word) + 1 and other.startswith(word[:-1])


def _near(word: str, other: str) -> bool:
    """Short words of one stem: «рука» and «руку», «يد» and «يدك»."""
    return len(word) <= 5 and len(other) <= len(word) + 2 and word[:3] == other[:3] and (
        len(word) >= 3)


def _inside_said(span: tuple[int, int], text: str, said: dict[str, tuple[Term, str]],
                 lang: str, but: str = "", own: str = "") -> bool:
    """Is this stretch of the translation part of a form of a term the source does say
    («ganglios linfáticos de la axila»: a form of one term inside another's; «الحصبة» in
    «الحصبة الألمانية», rubella), other than `but`? A word two terms' stems both read is the
    one's whose form reaches as far into it or further («pancreatitis» is no pancreas,
    «piel» no «pie»; «barriga», a form of the tummy the source says, no stomach), `own`
    (default `but`) being the term the stretch was found as."""
    own = own or but
    word = text[span[0]:span[1]]
    for term, _ in said.values():
        if term.id == but:
            continue
        pattern = _pattern(term.id, lang)
        if pattern is None:
            continue
        for m in pattern.finditer(text):
            if not (m.start() <= span[0] and span[1] <= m.end()):
                continue
            if m.end() - m.start() > span[1] - span[0] or (
                    own and _reach(term.id, lang, word) >= _reach(own, lang, word)):
                return True
    return False


def _reach(term_id: str, lang: str, word: str) -> int:
    """How much of `word` (folded) the longest of the term's forms that starts it covers."""
    return max((len(f) for f in _folded(term_id, lang) if word.startswith(f)), default=0)


def _mentions(text: str, kind: str) -> list[tuple[Term, int]]:
    """(term, offset in `text`) of the first mention of each term of `kind` in English."""
    found: dict[str, tuple[Term, int]] = {}
    for term, _, at, _ in _matches(text):
        if term.kind == kind:
            found.setdefault(term.id, (term, at))
    return sorted(found.values(), key=lambda item: item[1])


def doses_exchanged(source: str, target: str, lang: str
                    ) -> tuple[Term, Term, str, str] | None:
    """(drug A, drug B, A's dose, B's dose, as the source writes them) where the source
    gives two medicines different doses ("paracetamol 1 g … ibuprofen 400 mg") and the
    translation gives each the other's («парацетамол по 400 мг … ибупрофен по 1 г»): the
    first number after each medicine's name, up to the next one's, in the source and in
    the translation."""
    from pipeline.checks.numbers import located

    base = base_language(lang)
    if base not in LANGUAGES:
        return None
    text = plain(source)
    said = _mentions(text, "drug")
    if len(said) < 2:
        return None
    doses: dict[str, Decimal] = {}
    shown: dict[str, str] = {}
    for index, (term, start) in enumerate(said):
        end = said[index + 1][1] if index + 1 < len(said) else len(text)
        numbers = located(text[start:end], "en")
        if numbers:
            doses[term.id] = numbers[0][1][0]
            at = start + numbers[0][2][0]
            shown[term.id] = " ".join(text[at:end].split()[:2]).rstrip(",;.")
    if len(set(doses.values())) < 2:
        return None
    written = fold(plain(target))
    places = sorted((m.start(), m.end(), term_id) for term_id in doses
                    if (pattern := _pattern(term_id, lang)) is not None
                    and (m := pattern.search(written)) is not None)
    given: dict[str, Decimal] = {}
    for index, (_, end, term_id) in enumerate(places):
        limit = places[index + 1][0] if index + 1 < len(places) else len(written)
        numbers = located(written[end:limit], lang)
        if numbers:
            given[term_id] = numbers[0][1][0]
    by_id = _by_id()
    order = list(doses)          # as the source names them
    for i, a in enumerate(order):
        for b in order[i + 1:]:
            if doses[a] != doses[b] and given.get(a) == doses[b] and given.get(b) == doses[a]:
                return by_id[a], by_id[b], shown[a], shown[b]
    return None


# Parts of the body a side is said of.
_BODY_PARTS = (r"arm|arms|leg|legs|foot|feet|eye|eyes|ear|ears|breast|kidney|lung|knee|hip|"
               r"shoulder|wrist|ankle|elbow|thigh|thighs|calf|buttock|groin|ovary|testicle|"
               r"testis|lobe|chest|abdomen|tummy|flank|nostril|heel|toe|finger|thumb|cheek|"
               r"jaw|eyelid|iliac|ventricle|atrium|ureter|tonsil|temple|hemisphere|colon|"
               r"neck|head|throat|mouth|tongue|hand|hands|wrists|knees|ankles|legs|body")
# "left" or "right" as a side of the body: before a part of it or "side", or after "on the",
# "to your" with nothing after ("lie on your left"); not "right away", "the right dose",
# "any tablets left".
_EN_BODY_SIDE = re.compile(
    r"\b(left|right)(?=[\s-]+(?:(?:upper|lower|inner|outer|front|back)\s+)?(?:side|sided|"
    rf"handed|{_BODY_PARTS})\b)"
    r"|\b(?:on|to|from|at)\s+(?:the|your)\s+(left|right)\b(?=\s*(?:[,.;:)]|and\b|or\b|$))",
    re.I)
# "The front of your thigh", "the back of your throat": the front and back of a part.
_EN_FRONT_BACK = re.compile(r"\b(front|back)\s+of\s+(?:the\s+|your\s+|his\s+|her\s+|"
                            rf"their\s+)?(?:(?:upper|lower)\s+)?(?:{_BODY_PARTS})\b", re.I)


def side_swapped(source: str, target: str, lang: str) -> tuple[str, str] | None:
    """(the source's side, the translation's) where the translation has lost a side of the
    body the source names (left or right; the front or back of a part) and says the other
    one more often than the source does ("the lower left side of your abdomen": «la parte
    inferior derecha del abdomen»), else None."""
    base = base_language(lang)
    text = plain(source)
    said = [(m.group(1) or m.group(2)).lower() for m in _EN_BODY_SIDE.finditer(text)]
    said += [m.group(1).lower() for m in _EN_FRONT_BACK.finditer(text)]
    if not said:
        return None
    written = plain(target)
    if base in langdata.GLUED:
        written = written.replace("左右", "  ")     # 30分钟左右: about 30 minutes
    folded = fold(written)
    for table, pairs in ((langdata.SIDES, (("left", "right"), ("right", "left"))),
                         (langdata.FRONT_BACK, (("front", "back"), ("back", "front")))):
        words = table.get(base)
        if not words or not set(said) & set(words):
            continue
        count = {side: len(bilingual.word_pattern(tuple(fold(w) for w in forms), lang).findall(
            folded)) for side, forms in words.items()}
        for side, other in pairs:
            if said.count(side) > count[side] and count[other] > said.count(other):
                return side, other
    return None


# A name written with a capital and then small letters ("Gaviscon", "Infacol", "Mestinon").
_TITLE = re.compile(r"(?<![A-Za-z0-9\u00c0-\u024f'’-])[A-Z][a-z]{3,}"
                    r"(?![A-Za-z0-9\u00c0-\u024f'’-])")    # Latin letters only: «Infacol需»
NAME_RARE = 3.0     # Zipf in English (wordfreq) under which a capitalised word is a name


def name_swapped(source: str, target: str, lang: str) -> tuple[str, str] | None:
    """(the source's name, the translation's other name) where a name of the source that
    English rarely writes as a word (a brand: "Gaviscon") is not in the translation, and the
    translation has a name the source lacks (Latin letters, capitalised, no word of the
    language): «Infacol se mezcla con la leche». A name transliterated («Гавискон») leaves no
    other Latin name: nothing is said of it."""
    from pipeline.checks.wording import _zipf, dictionary

    zipf = _zipf()
    if zipf is None or not _TITLE.search(target):
        return None
    text, written = plain(source), plain(target)
    own = {w.lower() for w in re.findall(r"[A-Za-z]+", text)}
    names = [w.lower() for w in dict.fromkeys(_TITLE.findall(written))]
    missing = [w for w in dict.fromkeys(_TITLE.findall(text))
               if zipf(w.lower(), "en") < NAME_RARE and w.lower() not in written.lower()
               and not any(_adapted(w.lower(), n) for n in names)]
    if not missing:
        return None
    latin = languages.script(lang) == "Latn"
    known = dictionary(lang) if latin else None
    if latin and known is None:
        return None
    for word in dict.fromkeys(_TITLE.findall(written)):
        lowered = word.lower()
        if lowered in own or zipf(lowered, "en") >= NAME_RARE:
            continue
        if known is not None and (lowered in known
                                  or zipf(lowered, base_language(lang)) >= NAME_RARE):
            continue     # «Zona», «Tome»: a word of the language, capitalised
        return missing[0], word
    return None


def _adapted(name: str, word: str) -> bool:
    """Is `word` the name spelt the language's way, its ending changed ("Ropinirole",
    «Ropinirol»; "Lacosamide", «Lacosamida»): all but the last two letters the same, at
    least five?"""
    size = min(len(name), len(word))
    shared = next((i for i, (a, b) in enumerate(zip(name[:size], word[:size], strict=True))
                   if a != b), size)
    return shared >= max(5, max(len(name), len(word)) - 2)


def _part_of(other: Term, said: str) -> bool:
    """Is `other` a part the English names after the organ said ("eardrum", "ear canal" of
    the ear; "eyelid" of the eye)?"""
    said = said.lower()
    return len(said) >= 3 and any(e.lower() != said and e.lower().startswith(said)
                                  and not e.lower().startswith(said + "s")
                                  for e in other.english)
