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


def subtags(tag: str) -> list[str]:
    """A tag's subtags, whichever separator it was written with: 'zh_Hant-TW' → zh, Hant, TW."""
    return tag.replace("_", "-").split("-")


@lru_cache(maxsize=256)
def base_language(tag: str) -> str:
    """The primary language subtag in lower case: 'zh_Hans' and 'zh-Hans' → 'zh'."""
    return subtags(tag)[0].lower()


def fallbacks(tag: str) -> list[str]:
    """The tag, then each shorter prefix of it: 'zh-Hant-TW' → zh-Hant-TW, zh-Hant, zh."""
    parts = subtags(tag)
    return ["-".join(parts[:size]) for size in range(len(parts), 0, -1)]


def same_language(tag: str, wanted: str) -> bool:
    """Is `tag` the language `wanted` names? Exact (case and separator aside), or any
    variant of it when `wanted` is a bare language ('pt-BR' is 'pt'; 'pt' is not 'pt-BR')."""
    a, b = "-".join(subtags(tag)).lower(), "-".join(subtags(wanted)).lower()
    return a == b or ("-" not in b and base_language(a) == b)


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


# --- The language matrix (issue 19): the languages the project supports and tests ---------

MATRIX: tuple[str, ...] = (
    "es", "fr", "pt", "de", "it", "ru", "uk", "kk", "uz-Latn", "mn", "tr", "ar", "fa", "ur",
    "he", "hi", "bn", "th", "vi", "id", "zh-Hans", "zh-Hant", "ja", "ko")

_HAN = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FFFF))
# Letters of each script (ISO 15924 code → code point ranges), for "is this in the script?".
SCRIPT_RANGES: dict[str, tuple[tuple[int, int], ...]] = {
    # Latin with Vietnamese (1E00–1EFF) and modifier letters (Uzbek oʻ, gʻ)
    "Latn": ((0x0041, 0x005A), (0x0061, 0x007A), (0x00C0, 0x024F), (0x02B0, 0x02FF),
             (0x1E00, 0x1EFF)),
    "Cyrl": ((0x0400, 0x052F),),
    "Grek": ((0x0370, 0x03FF),),
    "Arab": ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF),
             (0xFE70, 0xFEFF)),
    "Hebr": ((0x0590, 0x05FF), (0xFB1D, 0xFB4F)),
    "Deva": ((0x0900, 0x097F), (0xA8E0, 0xA8FF)),
    "Beng": ((0x0980, 0x09FF),),
    "Thai": ((0x0E00, 0x0E7F),),
    "Hans": _HAN,
    "Hant": _HAN,
    "Jpan": ((0x3040, 0x30FF), (0x31F0, 0x31FF), (0xFF66, 0xFF9F), *_HAN),
    "Kore": ((0xAC00, 0xD7AF), (0x1100, 0x11FF), (0x3130, 0x318F), (0xA960, 0xA97F),
             (0xD7B0, 0xD7FF), *_HAN),
}
# The script a language is written in when its tag names none (CLDR likely subtags).
_SCRIPT_OF: dict[str, str] = {
    **dict.fromkeys(("ru", "uk", "kk", "mn", "bg", "be", "sr", "mk", "ky", "tg", "tt"), "Cyrl"),
    **dict.fromkeys(("ar", "fa", "ur", "ps", "sd", "ug"), "Arab"),
    **dict.fromkeys(("hi", "mr", "ne", "sa"), "Deva"),
    "he": "Hebr", "yi": "Hebr", "bn": "Beng", "th": "Thai", "el": "Grek", "ja": "Jpan",
    "ko": "Kore", "zh": "Hans", "zh_TW": "Hant", "zh_HK": "Hant", "zh_MO": "Hant",
}
# The Noto face each script is set in (pipeline/build/templates/style.css chooses it by :lang()).
FONTS: dict[str, str] = {
    "Latn": "Noto Sans", "Cyrl": "Noto Sans", "Grek": "Noto Sans",
    "Arab": "Noto Naskh Arabic", "Hebr": "Noto Sans Hebrew", "Deva": "Noto Sans Devanagari",
    "Beng": "Noto Sans Bengali", "Thai": "Noto Sans Thai", "Hans": "Noto Sans CJK SC",
    "Hant": "Noto Sans CJK TC", "Jpan": "Noto Sans CJK JP", "Kore": "Noto Sans CJK KR",
}
_FONT_OF = {"ur": "Noto Nastaliq Urdu"}     # Urdu readers expect Nastaliq, not Naskh
# Primary quotation marks (CLDR delimiters), opening and closing.
QUOTES: dict[str, tuple[str, str]] = {
    **dict.fromkeys(("es", "it", "ru", "uk", "kk", "fa", "ar"), ("«", "»")),
    "fr": ("«\u202f", "\u202f»"), "de": ("„", "“"), "he": ("”", "”"),
    **dict.fromkeys(("zh_Hant", "ja"), ("「", "」")),
}
SCRIPT_NAMES = {"Latn": "Latin", "Cyrl": "Cyrillic", "Grek": "Greek", "Arab": "Arabic",
                "Hebr": "Hebrew", "Deva": "Devanagari", "Beng": "Bengali", "Thai": "Thai",
                "Hans": "Han", "Hant": "Han", "Jpan": "Japanese", "Kore": "Hangul"}
_DIGIT_NAMES = {"latn": "Western", "arab": "Arabic-Indic", "arabext": "Extended Arabic-Indic",
                "deva": "Devanagari", "beng": "Bengali", "thai": "Thai", "hanidec": "Han"}


def script(tag: str) -> str:
    """The ISO 15924 script the language is written in: 'zh-Hant' → 'Hant', 'kk' → 'Cyrl'."""
    parts = catalog_tag(tag).split("_")
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha():
            return part.title()
    full = catalog_tag(tag)
    return _SCRIPT_OF.get(full) or _SCRIPT_OF.get(base_language(tag), "Latn")


def script_name(tag: str) -> str:
    """The script's English name, for messages: 'Cyrillic', 'Devanagari'."""
    return SCRIPT_NAMES.get(script(tag), script(tag))


def script_ranges(tag: str) -> tuple[tuple[int, int], ...]:
    """Code point ranges of the letters of the language's script."""
    return SCRIPT_RANGES.get(script(tag), SCRIPT_RANGES["Latn"])


def font(tag: str) -> str:
    """The Noto family the language's pages are set in."""
    return _FONT_OF.get(base_language(tag)) or FONTS.get(script(tag), "Noto Sans")


def quotes(tag: str) -> tuple[str, str]:
    """The language's primary quotation marks (opening, closing); “ ” where none is listed."""
    return QUOTES.get(catalog_tag(tag)) or QUOTES.get(base_language(tag), ("“", "”"))


def numbering_systems(tag: str) -> tuple[str, ...]:
    """CLDR numbering systems a text may use: the default, then the native one (Babel)."""
    found = locale(tag)
    native = found.other_numbering_systems.get("native", "latn")
    return tuple(dict.fromkeys((found.default_numbering_system, native, "latn")))


def digits(tag: str) -> tuple[str, ...]:
    """Names of the digit sets in use ('Western', 'Arabic-Indic', 'Thai'…)."""
    return tuple(_DIGIT_NAMES.get(system, system) for system in numbering_systems(tag))


def separators(tag: str) -> tuple[str, str]:
    """(decimal, group) separators of the language's default numbering system (Babel/CLDR)."""
    found = locale(tag)
    own = found.number_symbols.get(found.default_numbering_system, {})
    latin = found.number_symbols["latn"]
    return (str(own.get("decimal") or latin["decimal"]),
            str(own.get("group") or latin["group"]))


def month_names(tag: str) -> tuple[str, ...]:
    """The twelve month names as written in a date ('1 March'), from Babel's CLDR."""
    months = locale(tag).months["format"]["wide"]
    return tuple(str(months[number]) for number in range(1, 13))


# --- Language tokens of multilingual MT models (NLLB-200, M2M-100) -------------------------

# NLLB-200 (FLORES-200) codes: ISO 639-3 language and ISO 15924 script. Chinese is chosen by
# script below; macrolanguages map to the variety NLLB was trained on (ar → Modern Standard
# Arabic, fa → Western Persian, ms → Standard Malay, lv → Standard Latvian, sw → Swahili).
_NLLB: dict[str, str] = {
    "af": "afr_Latn", "am": "amh_Ethi", "ar": "arb_Arab", "as": "asm_Beng", "az": "azj_Latn",
    "ba": "bak_Cyrl", "be": "bel_Cyrl", "bg": "bul_Cyrl", "bn": "ben_Beng", "bo": "bod_Tibt",
    "bs": "bos_Latn", "ca": "cat_Latn", "cs": "ces_Latn", "cy": "cym_Latn", "da": "dan_Latn",
    "de": "deu_Latn", "el": "ell_Grek", "en": "eng_Latn", "eo": "epo_Latn", "es": "spa_Latn",
    "et": "est_Latn", "eu": "eus_Latn", "fa": "pes_Arab", "fi": "fin_Latn", "fil": "tgl_Latn",
    "fo": "fao_Latn", "fr": "fra_Latn", "ga": "gle_Latn", "gd": "gla_Latn", "gl": "glg_Latn",
    "gu": "guj_Gujr", "ha": "hau_Latn", "he": "heb_Hebr", "hi": "hin_Deva", "hr": "hrv_Latn",
    "ht": "hat_Latn", "hu": "hun_Latn", "hy": "hye_Armn", "id": "ind_Latn", "ig": "ibo_Latn",
    "is": "isl_Latn", "it": "ita_Latn", "ja": "jpn_Jpan", "jv": "jav_Latn", "ka": "kat_Geor",
    "kk": "kaz_Cyrl", "km": "khm_Khmr", "kn": "kan_Knda", "ko": "kor_Hang", "ku": "kmr_Latn",
    "ky": "kir_Cyrl", "lb": "ltz_Latn", "lo": "lao_Laoo", "lt": "lit_Latn", "lv": "lvs_Latn",
    "mk": "mkd_Cyrl", "ml": "mal_Mlym", "mn": "khk_Cyrl", "mr": "mar_Deva", "ms": "zsm_Latn",
    "mt": "mlt_Latn", "my": "mya_Mymr", "nb": "nob_Latn", "ne": "npi_Deva", "nl": "nld_Latn",
    "nn": "nno_Latn", "no": "nob_Latn", "pa": "pan_Guru", "pl": "pol_Latn", "ps": "pbt_Arab",
    "pt": "por_Latn", "ro": "ron_Latn", "ru": "rus_Cyrl", "si": "sin_Sinh", "sk": "slk_Latn",
    "sl": "slv_Latn", "so": "som_Latn", "sq": "als_Latn", "sr": "srp_Cyrl", "sv": "swe_Latn",
    "sw": "swh_Latn", "ta": "tam_Taml", "te": "tel_Telu", "tg": "tgk_Cyrl", "th": "tha_Thai",
    "tk": "tuk_Latn", "tl": "tgl_Latn", "tr": "tur_Latn", "tt": "tat_Cyrl", "ug": "uig_Arab",
    "uk": "ukr_Cyrl", "ur": "urd_Arab", "uz": "uzn_Latn", "vi": "vie_Latn", "xh": "xho_Latn",
    "yi": "ydd_Hebr", "yo": "yor_Latn", "zu": "zul_Latn",
}
# M2M-100's language codes (ISO 639-1 where one exists); its token for French is `__fr__`.
_M2M100_CODES = (
    "af am ar ast az ba be bg bn br bs ca ceb cs cy da de el en es et fa ff fi fr fy ga gd gl "
    "gu ha he hi hr ht hu hy id ig ilo is it ja jv ka kk km kn ko lb lg ln lo lt lv mg mk ml "
    "mn mr ms my ne nl no ns oc or pa pl ps pt ro ru sd si sk sl so sq sr ss su sv sw ta th tl "
    "tn tr uk ur uz vi wo xh yi yo zh zu")
_M2M100 = frozenset(_M2M100_CODES.split())
_M2M100_ALIAS = {"nb": "no", "nn": "no", "fil": "tl", "iw": "he"}
_SAME_SCRIPT = {"Hang": {"Hang", "Kore"}, "Jpan": {"Jpan", "Hira", "Kana"}}


def _explicit_script(tag: str) -> str | None:
    for part in catalog_tag(tag).split("_")[1:]:
        if len(part) == 4 and part.isalpha():
            return part.title()
    return None


def model_language_token(scheme: str, tag: str) -> str | None:
    """The token a multilingual model names `tag` with, or None where it has no such language.

    scheme "nllb": 'fr' → 'fra_Latn', 'zh'/'zh-Hans' → 'zho_Hans', 'zh-Hant'/'zh-TW' →
    'zho_Hant', 'ar' → 'arb_Arab'; scheme "m2m100": 'fr' → '__fr__'. A tag whose script the
    model does not write (sr-Latn for NLLB, zh-Hant for M2M-100) has none: the output would be
    in the wrong script.
    """
    base, written = base_language(tag), _explicit_script(tag)
    if scheme == "nllb":
        code = f"zho_{script(tag)}" if base == "zh" else _NLLB.get(base)
        if code is None:
            return None
        if written and written not in _SAME_SCRIPT.get(code[4:], {code[4:]}):
            return None
        return code
    if scheme == "m2m100":
        code = _M2M100_ALIAS.get(base, base)
        if code not in _M2M100 or (base == "zh" and script(tag) != "Hans"):
            return None
        if written and base != "zh" and written != script(base):
            return None
        return f"__{code}__"
    raise ValueError(f"unknown language token scheme {scheme!r}")

