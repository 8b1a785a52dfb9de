"""What machine translation and hurried approval leave behind: engine debris, English left
in the text, unedited engine output (negation: checks.negation; omission: checks.alignment)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import cast

from pipeline import langdata, languages
from pipeline.checks import Entry, Scope, check, plain, spelling, terms
from pipeline.checks.lexicon import Corpus
from pipeline.languages import base_language
from pipeline.model import Finding, Severity, Term, output_mark

# Apertium marks words it could not analyse (*), generate (#) or disambiguate (@).
# After a digit only before a letter of a script without spaces or capitals ("15@日"): "No#1",
# "user@example" and Latin words after digits are left alone.
_DEBRIS = re.compile(r"(?<![A-Za-z\u00c0-\u024f\u0400-\u04ff0-9_*@#.])([*@#])([^\W\d_][\w'-]*)"
                     r"|(?<=\d)([*@#])([^\W\d_A-Za-z\u00c0-\u024f\u0400-\u04ff][\w'-]*)")
_EMPHASIS_RUN = re.compile(r"(\*{1,3})(?=\S)(.+?)(?<=\S)\1")
_LATIN_WORD = re.compile(r"(?<![\w-])[a-z][a-z'’]*(?![\w-])")
# In a non-Latin translation a hyphen joins nothing English to it: "CAR-T-cells", "Что-favourite".
_HYPHENATED = re.compile(r"(?<![\w-])[A-Za-z]+(?:-[A-Za-z]+)+(?![\w-])")
# (an accented letter is a letter of the word: «Biotène» has no "ne")
_LATIN_PART = re.compile(r"(?<![A-Za-z\u00c0-\u024f0-9'’])[a-z][a-z'’]*"
                         r"(?![A-Za-z\u00c0-\u024f0-9'’])")
_SOURCE_WORD = re.compile(r"(?<![A-Za-z\u00c0-\u024f0-9'’])[A-Za-z][a-z'’]*"
                          r"(?![A-Za-z\u00c0-\u024f0-9'’])")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|[\"“(]|\n)\W*$")
_CAPITALIZED = re.compile(r"(?<![A-Za-z0-9'’-])[A-Z][a-z'’]+(?![A-Za-z0-9'’-])")
# English words that are also ordinary words or names in the target (never "leftover").
_ALWAYS_FINE = frozenset({"a", "o", "e", "y", "u", "i", "de", "la", "le", "en", "no", "se",
                          "ppm"})
# International drug names (INN stems: rivaroxaban, prednisolone, hydrocortisone…), viruses
# (rotavirus, norovirus) and tumours and other -omas (glaucoma): the same word in English and
# in Latin-script targets.
_INN = re.compile(r"(?:vir|mab|nib|cillin|mycin|olol|pril|sartan|azole|statin|cycline|"
                  r"floxacin|parin|platin|rubicin|tinib|zumab|ximab|triptan|gliptin|gliflozin|"
                  r"dronate|lukast|setron|tidine|azepam|azolam|dipine|thiazide|semide|"
                  r"racetam|xaban|gatran|olone|isone|asone|virus|oma|quone|guanil|tadine|"
                  r"ozole|afil|caine|profen|fenac|formin|trexate|phenidate|taxel|quine|relin|"
                  r"oxifen|arabine|phosphamide|imus|sporin|apine|idone|oxetine|pramine|"
                  r"azepine|sonide|tropium|prost|prostol|prostil|buterol|meterol|moterol|"
                  r"daterol|amol|traline|alopram|peridol|triptyline|gabalin|dopa|codone|"
                  r"morphone|adol|fentanil|curium|curonium|flurane|barbital|alol|pamil|zosin|"
                  r"nidine|glinide|glitazone|lutamide|plase|fibrate|iodarone|zomib|lisib|"
                  r"parib|ciclib|tinoin|penem|bactam|oxacin|micin|kacin|vudine|navir|tegravir|"
                  r"cept|sirox|oxamine|glutide|grastim|poetin|kinra|calcet|triol|calcidol|"
                  r"amer|drine|pexole|inirole|otigotine|buvir|asvir|previr|afinil|grel|parinux|"
                  r"quimod)$")
_SHARED_AL = ("es", "pt")
# A species named with its genus's initial ("P. vivax", "E. coli", "H. pylori"): Latin,
# written alike in every language.
_SPECIES = re.compile(r"(?<![A-Za-z])[A-Z]\.\s*([a-z]{3,})\b")
# Hunspell dictionaries (Debian hunspell-es, hunspell-fr) by base language.
HUNSPELL_DIR = Path("/usr/share/hunspell")
HUNSPELL = {"es": "es_ES", "fr": "fr_FR"}
# English sources with a word that no approved translation has, for the word (one the target
# language has too) to count as English left where a translation has it.
NEVER_WRITTEN = 3
# A word of the source the target's dictionary has too is English left all the same where it
# is far more common in English than in the language (wordfreq's Zipf scale, log10 of uses
# per billion words): «la syringe», «une card», «about», «longer» in French; "use" (usar)
# and "film" in Spanish, "set" in French are words there (bench/probes*.jsonl).
FREQUENCY_GAP = 1.5       # at least this much more common in English…
FREQUENCY_THERE = 4.0     # …and less common than this in the language
WRITTEN_THERE = 1.0       # a word the dictionary lacks, this common in the language…
SHARED_GAP = 0.6          # …and less than this rarer there than in English: its own too,
RARE_WORD = 3.0           # where English too writes it rarely (a term, not "sip" or "online")


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


@lru_cache(maxsize=32)
def dictionary(lang: str) -> spelling.Words | None:
    """The words of the language's Hunspell dictionary (its stems and their inflected forms),
    or None where none is here."""
    path = dictionary_path(lang)
    return spelling.read(path) if path is not None else None


def dictionary_path(lang: str) -> Path | None:
    """The Hunspell dictionary for `lang`: the preferred one, else any region's (es_MX.dic)."""
    base = base_language(lang)
    preferred = [HUNSPELL_DIR / f"{name}.dic" for name in (HUNSPELL.get(base), base) if name]
    others = sorted(HUNSPELL_DIR.glob(f"{base}_*.dic")) if HUNSPELL_DIR.is_dir() else []
    return next((path for path in (*preferred, *others) if path.exists()), None)


@lru_cache(maxsize=64)
def _unit_spellings(lang: str) -> frozenset[str]:
    """mg, ml, kg…: written in Latin letters in every language, and the language's own words
    for them («millilitres»: pipeline.checks.numbers)."""
    from pipeline.checks.numbers import _ATOMS

    return frozenset(s.lower() for spellings in _ATOMS.values()
                     for s in (*spellings["*"], *spellings.get(base_language(lang), ())))


def leftover_words(source: str, target: str, lang: str, keep: frozenset[str] = frozenset(),
                   corpus: Corpus | None = None) -> list[str]:
    """English words left in a translation: words of the source copied into it (in another
    script than Latin also any lower-case Latin word, and a source word capitalized).

    In a Latin script, a source word the language's dictionary has too ("about", "trials",
    "control" are French or Spanish words) is English left only where it is far more common
    in English than in the language (`rarer_there`) and no approved translation of the
    `corpus` writes it, or the corpus has it in NEVER_WRITTEN English sources or more and
    never in an approved translation."""
    if base_language(lang) == "en":
        return []
    latin = languages.script(lang) == "Latn"
    known = dictionary(lang) if latin else None
    if latin and known is None:
        return []      # a Latin-script language without a dictionary: a coverage gap
    # the source's words; in a Latin script the first of a sentence too ("Always wash…":
    # «Lavez-vous always»), names being written with their capital there
    said = plain(source)
    english = {w.lower() for w in (_SOURCE_WORD if latin else _LATIN_PART).findall(said)
               } - {m.lower() for m in _SPECIES.findall(said)}
    text = plain(target)
    words = _LATIN_WORD.findall(text) if latin else _LATIN_PART.findall(text)
    if not latin:   # "Carefully мойте…": a source word, capitalized at the start of a sentence
        # (not one the source writes capitalized inside a sentence: "Blue Badge" is a name)
        named = {m.group(0) for m in _CAPITALIZED.finditer(said)
                 if not _SENTENCE_START.search(said[:m.start()])}
        words += [w for w in _CAPITALIZED.findall(text) if w.lower() in english
                  and w not in named]
    species = {m.lower() for m in _SPECIES.findall(text)}    # «вызванной P. vivax»
    words = [w for w in words if w.lower() not in species]
    shared = terms.shared_words(lang)   # the lexicon's "salbutamol" is Spanish too
    loans = langdata.LOANWORDS.get(base_language(lang), frozenset())
    found = []
    if known is not None:
        compounds = [c for c in _HYPHENATED.findall(text)
                     if c.lower() not in known and c.lower() not in shared]
        # "check-up" may be a word of the language; "CAR-T-cells" is not
        words += [part for compound in compounds for part in _LATIN_PART.findall(compound)]
        # "low-fibre" copied whole: English, though «low» is French too
        copied = {c.lower() for c in _HYPHENATED.findall(plain(source))}
        found += [c for c in compounds if c.lower() in copied and c.islower()
                  and not _INN.search(c.lower()) and not _LATIN_PART.fullmatch(c)]
    for word in words:
        lowered = word.lower()
        # in another script any lower-case Latin word is English left in ("сильную tiredness")
        if (lowered not in english and (latin or len(lowered) < 3)) \
                or lowered in _ALWAYS_FINE or lowered in keep or lowered in loans \
                or lowered in _unit_spellings(lang) or len(lowered) < 2:   # the m of "mg/m²"
            continue
        if lowered in shared and (known is None or lowered not in known):
            continue    # a name the language writes alike, its dictionary lacks: salbutamol
        if known is not None and (len(lowered) < 3 or _INN.search(lowered) or (
                base_language(lang) in _SHARED_AL and len(lowered) >= 6
                and lowered.endswith("al"))):
            continue    # Spanish writes English's Latin "-al" adjectives alike: peritoneal
        if known is not None and lowered in known and (
                (corpus is not None and corpus.writes(lowered, source)) if rarer_there(
                    lowered, lang) else (corpus is None or corpus.never_written(
                        lowered, source) < NEVER_WRITTEN)):
            continue    # a word of the language, or one the project's translators write
        if known is not None and lowered not in known and (
                written_there(lowered, lang) or substance_name(lowered)):
            continue    # «ptosis», «sepsis»: the language's word too, its dictionary lacks;
            # «pyridostigmine», «hypromellose»: a substance's name, rare in English too
        found.append(word)
    return list(dict.fromkeys(found))


@lru_cache(maxsize=8192)
def rarer_there(word: str, lang: str) -> bool:
    """Is this word, which the language's dictionary has, far more common in English than in
    the language (FREQUENCY_GAP, FREQUENCY_THERE)? False where wordfreq is not installed or
    has no list for the language."""
    found = _frequencies(word, lang)
    if found is None:
        return False
    there, english = found
    return there < FREQUENCY_THERE and english - there >= FREQUENCY_GAP


@lru_cache(maxsize=8192)
def written_there(word: str, lang: str) -> bool:
    """Is this word, which the language's Hunspell dictionary lacks, a term written in the
    language about as often as in English (wordfreq: at least WRITTEN_THERE on the Zipf
    scale, less than SHARED_GAP below English, and under RARE_WORD in English)? Medical
    words shared by both («ptosis»: 1.8 in Spanish, 1.9 in English) are; "swelling" (0 in
    Spanish), "numb" (2.1 against 3.5: English quoted in Spanish text) and "sip" (3.6 in
    both, 3.7 in English: a common English word) are not."""
    found = _frequencies(word, lang)
    if found is None:
        return False
    there, english = found
    return there >= WRITTEN_THERE and english < RARE_WORD and english - there < SHARED_GAP


def _frequencies(word: str, lang: str) -> tuple[float, float] | None:
    """(Zipf in the language, Zipf in English) of a word (wordfreq); None where wordfreq is
    not installed or has no list for the language."""
    zipf = _zipf()
    if zipf is None:
        return None
    try:
        there = zipf(word, base_language(lang))
    except LookupError:      # no word list for the language
        return None
    return there, zipf(word, "en")


# How the names of substances end (pyridostigmine, colestyramine, hypromellose, chloride,
# sodium…; and INN stems short enough to end English words too, -ib, -clax, -lukast, -pag,
# -gest, -netant, -golix, -fenac): such a word that English itself rarely writes is a name,
# not English left. (The stems no English word ends in, -mab, -vir, -cept…, are `_INN`'s,
# read first and without the rarity.)
_SUBSTANCE = re.compile(r"(?:ine|ose|ide|ate|ol|ole|one|ium|um|an|il|in|yl|ase|el|am|ib|ax"
                        r"|ast|ag|gest|ant|lix|[nl]ac)$")
RARE_IN_ENGLISH = 2.0     # Zipf: once in 10 million words or less


@lru_cache(maxsize=8192)
def substance_name(word: str) -> bool:
    """Does the word look like a substance's name (`_SUBSTANCE`) and is it rare in English
    (under RARE_IN_ENGLISH on wordfreq's Zipf scale)? False where wordfreq is not here.
    (Rarity alone is no name: "engraftment" is English a machine may leave.)"""
    zipf = _zipf()
    return zipf is not None and bool(_SUBSTANCE.search(word)) and zipf(
        word, "en") < RARE_IN_ENGLISH


@lru_cache(maxsize=1)
def _zipf() -> Callable[[str, str], float] | None:
    try:
        from wordfreq import zipf_frequency
    except ImportError:
        return None
    return cast("Callable[[str, str], float]", zipf_frequency)


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
        found = leftover_words(source, target, scope.lang, keep, getattr(scope, "corpus", None))
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


_REPEAT = re.compile(r"\b(\w+)(?:\s+\1\b){3,}", re.I)


@check("repetition")
def repetition(entry: Entry, scope: Scope) -> Iterator[Finding]:
    """A word repeated four times or more in a row: an engine stuck in a loop."""
    for source, target in entry.pairs():
        if (repeat := _REPEAT.search(target)) and not _REPEAT.search(source):
            yield scope.catalog.finding("repetition", f"'{repeat.group(1)}' repeated",
                                        entry=entry, severity=Severity.WARNING)
            return
