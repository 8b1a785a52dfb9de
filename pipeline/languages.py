"""Language facts in one place: tag parsing, GNU plural formulas, text direction, Babel locales.

Every stage asks this module instead of splitting tags or calling Babel itself, so that
`zh_Hans`, `zh-Hans` and `zh` agree everywhere.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from babel import Locale

_TWO = "nplurals=2; plural=(n != 1);"
_TWO_FR = "nplurals=2; plural=(n > 1);"
_ONE = "nplurals=1; plural=0;"
_EAST_SLAVIC = ("nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
                "(n%100<10 || n%100>=20) ? 1 : 2);")

# The formulas GNU gettext's msginit writes (its plural table and the gettext manual),
# fixed here so that a new catalog's header never depends on the installed Babel's CLDR.
PLURAL_FORMS: dict[str, str] = {
    **dict.fromkeys(
        ("en", "de", "nl", "sv", "da", "nb", "nn", "no", "fo", "es", "pt", "it", "ca", "gl",
         "bg", "el", "fi", "et", "he", "eo", "hu", "tr", "kk", "uz", "mn", "hi", "bn", "ur",
         "az", "ka", "hy", "sq", "sw", "ta", "te", "ml", "mr", "ne", "pa", "gu", "kn", "si",
         "af", "eu", "is"), _TWO),
    **dict.fromkeys(("fr", "pt_BR", "fa", "ps", "tl", "fil", "am", "oc"), _TWO_FR),
    **dict.fromkeys(("ja", "ko", "vi", "zh", "th", "id", "ms", "lo", "km", "my", "ky", "tt"),
                    _ONE),
    **dict.fromkeys(("ru", "uk", "be", "sr", "hr", "bs"), _EAST_SLAVIC),
    "ar": ("nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 "
           ": n%100>=11 ? 4 : 5;"),
    "pl": ("nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) "
           "? 1 : 2);"),
    "cs": "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;",
    "sk": "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;",
    "sl": "nplurals=4; plural=(n%100==1 ? 0 : n%100==2 ? 1 : n%100==3 || n%100==4 ? 2 : 3);",
    "ro": "nplurals=3; plural=n==1 ? 0 : (n==0 || (n%100 > 0 && n%100 < 20)) ? 1 : 2;",
    "lt": ("nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && (n%100<10 || n%100>=20) "
           "? 1 : 2);"),
    "lv": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n != 0 ? 1 : 2);",
    "ga": "nplurals=5; plural=n==1 ? 0 : n==2 ? 1 : n<7 ? 2 : n<11 ? 3 : 4;",
    "cy": "nplurals=4; plural=(n==1) ? 0 : (n==2) ? 1 : (n != 8 && n != 11) ? 2 : 3;",
    "mk": "nplurals=2; plural=(n % 10 == 1 && n % 100 != 11) ? 0 : 1;",
}


def base_language(tag: str) -> str:
    """The primary language subtag in lower case: 'zh_Hans' and 'zh-Hans' → 'zh'."""
    return tag.replace("_", "-").split("-")[0].lower()


def catalog_tag(tag: str) -> str:
    """The tag as gettext spells folder names and headers: 'pt-BR' → 'pt_BR'."""
    return tag.replace("-", "_")


def plural_forms(tag: str) -> str:
    """GNU gettext's conventional Plural-Forms for a new catalog of this language.

    The full tag is tried first (pt_BR differs from pt); languages missing from the table
    fall back to Babel's CLDR data, the only case where the installed Babel matters.
    """
    full = catalog_tag(tag)
    known = PLURAL_FORMS.get(full) or PLURAL_FORMS.get(base_language(tag))
    if known:
        return known
    from babel.messages.plurals import get_plural

    return str(get_plural(full))


@lru_cache(maxsize=64)
def locale(tag: str) -> Locale:
    """Babel's locale for a tag written with '-' or '_'."""
    from babel import Locale

    return Locale.parse(catalog_tag(tag))


def direction(tag: str) -> str:
    """'rtl' or 'ltr' for the language's script (Babel)."""
    return str(locale(tag).text_direction)


# Abbreviations a rule-based engine does not know: it leaves them in English and takes their
# full stop for a sentence end (capitalizing the next word). Spelled out before such an engine.
_ABBREVIATIONS = {
    "en": {"approx.": "approximately", "e.g.": "for example", "i.e.": "that is",
           "incl.": "including"},
}


@lru_cache(maxsize=16)
def _abbreviation_pattern(lang: str) -> tuple[re.Pattern[str], dict[str, str]] | None:
    table = _ABBREVIATIONS.get(base_language(lang))
    if not table:
        return None
    words = "|".join(re.escape(a) for a in sorted(table, key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?:{words})(?!\w)", re.I), table


def expand_abbreviations(text: str, lang: str) -> str:
    """`text` with the language's common abbreviations written out ("approx." → ...)."""
    found = _abbreviation_pattern(lang)
    if found is None or "." not in text:
        return text
    pattern, table = found

    def full(match: re.Match[str]) -> str:
        word = table[match.group().lower()]
        return word[:1].upper() + word[1:] if match.group()[:1].isupper() else word

    return pattern.sub(full, text)
