"""What each language-dependent check covers: "checked" must never be confused with "not checked".

A check whose rule needs per-language data (negation words, unit spellings, number words,
script letters) registers a predicate here; the report names every selected language the
data is missing for ("negation: not checked for mn") instead of passing it silently.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from pipeline import languages

COVERS: dict[str, Callable[[str], bool]] = {}
# Aspects shown in the coverage table; "number-words" is the numbers check's word reading.
ASPECTS = ("negation", "numbers", "number-words", "units", "time-units", "frequency", "dates",
           "script")


def covers(name: str) -> Callable[[Callable[[str], bool]], Callable[[str], bool]]:
    """Register `func(lang) -> bool`: does check `name` have the data it needs for `lang`?"""
    def register(func: Callable[[str], bool]) -> Callable[[str], bool]:
        COVERS[name] = func
        return func
    return register


@dataclass(frozen=True, slots=True)
class Gap:
    """A check that ran without the language data it needs: nothing it passed is assured."""

    check: str
    lang: str

    @property
    def message(self) -> str:
        return f"{self.check}: not checked for {self.lang}"

    def as_dict(self) -> dict[str, str]:
        return {"check": self.check, "lang": self.lang, "message": self.message}


def gaps(checks: Iterable[str], langs: Iterable[str]) -> tuple[Gap, ...]:
    """Each (enabled check, language) pair the check has no data for, by language."""
    from pipeline.checks import registry

    registry()                          # importing the check modules registers predicates
    names = [n for n in checks if n in COVERS]
    if "numbers" in names and "number-words" in COVERS:
        names.append("number-words")
    return tuple(Gap(name, lang) for lang in langs for name in names
                 if not COVERS[name](lang))


def covered(check: str, lang: str) -> bool:
    """Does `check` have data for `lang`? (checks without a predicate need none)"""
    from pipeline.checks import registry

    registry()
    predicate = COVERS.get(check)
    return predicate is None or predicate(lang)


def matrix_rows() -> list[dict[str, str]]:
    """One row per matrix language: the facts and the coverage the README table shows."""
    rows = []
    for tag in languages.MATRIX:
        plural = languages.plural_forms(tag).split(";")[0].split("=")[1]
        rows.append({
            "lang": tag, "script": languages.script(tag), "direction": languages.direction(tag),
            "plurals": plural, "digits": ", ".join(languages.digits(tag)),
            **{aspect: "yes" if covered(aspect, tag) else "no" for aspect in ASPECTS
               if aspect != "script"},
            "font": languages.font(tag)})
    return rows


def matrix_table() -> str:
    """The matrix as a Markdown table (README and `pipeline languages`)."""
    header = ("language", "script", "direction", "plural forms", "digits", "negation",
              "numbers", "number words", "units", "time units", "frequency", "dates", "font")
    keys = ("lang", "script", "direction", "plurals", "digits", "negation", "numbers",
            "number-words", "units", "time-units", "frequency", "dates", "font")
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row[k] for k in keys) + " |" for row in matrix_rows()]
    return "\n".join(lines)


# The predicates of the checks that ship with the pipeline, next to each other so that the
# coverage table reads as one list; each asks the table its check uses.
def _word_tables(check: str) -> Callable[[str], bool]:
    from pipeline import langdata

    return lambda lang: langdata.covered(check, lang)


for _name in ("negation", "time-units", "frequency", "dates"):
    covers(_name)(_word_tables(_name))


@covers("units")
def _units(lang: str) -> bool:
    """Latin-script languages write mg, ml, kg as English does; others need their spellings."""
    from pipeline.checks.numbers import _ATOMS

    return languages.script(lang) == "Latn" or all(
        languages.base_language(lang) in _ATOMS[atom] for atom in ("mg", "kg", "µg", "ml", "L"))


@covers("numbers")
def _numbers(lang: str) -> bool:
    """Digits of every script are read; separators come from the locale (Babel)."""
    try:
        languages.separators(lang)
    except (ValueError, LookupError):
        return False
    return True


@covers("number-words")
def _number_words(lang: str) -> bool:
    """A number written as a word in the translation (три, 三) is read as that number."""
    from pipeline import langdata

    return languages.base_language(lang) in langdata.NUMBER_WORDS


@covers("leftover-english")
def _leftover(lang: str) -> bool:
    """Latin-script languages need a Hunspell dictionary to tell English from their own words."""
    from pipeline.checks.wording import dictionary_path

    return languages.script(lang) != "Latn" or languages.base_language(lang) == "en" \
        or dictionary_path(lang) is not None


@covers("script")
def _script(lang: str) -> bool:
    return languages.script(lang) in languages.SCRIPT_RANGES
