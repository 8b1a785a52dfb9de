"""Numbers and units: values compared as the target locale writes them (via Babel).

"2.5" in English is "2,5" in es/fr/ru and "٢٫٥" in Arabic; "1,000" may be "1 000", "1.000"
or "1000". A number is read with the target locale's separators first, so "1.500" in a
Spanish translation of "1.5" is 1500, an error; only a string the locale cannot read
("2.5" in Spanish) falls back to the English reading.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from decimal import Decimal
from functools import lru_cache

from pipeline import languages
from pipeline.checks import Entry, Scope, check, plain, unmarked
from pipeline.model import Finding

_SPACES = " \u00a0\u202f\u2009"
_GROUP_ALWAYS = _SPACES + "'’"
_GLUE = "A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff_"
# A number: an optional sign where a sign can stand, digits with inner separators; digits
# glued to Latin, Greek or Cyrillic letters (CD19, mg/m2, м2) are part of a name, not a value.
_NUMBER = re.compile(
    rf"(?<![{_GLUE}\d.,٫٬])(?:(?<![{_GLUE}\d])(?P<sign>[-−–+]))?"
    rf"(?P<num>\d+(?:(?:[.,٫٬'’]|[{_SPACES}](?=\d{{3}}(?!\d)))\d+)*)")
_HAS_DIGIT = re.compile(r"\d")
_SPLIT = re.compile(r"(\D)")
# English number words: a translation may write them as digits ("two options" → "2 opciones").
_WORD_NUMBERS: dict[str, tuple[int | str, ...]] = {
    "zero": (0,), "one": (1,), "two": (2,), "three": (3,), "four": (4,), "five": (5,),
    "six": (6,), "seven": (7,), "eight": (8,), "nine": (9,), "ten": (10,), "eleven": (11,),
    "twelve": (12,), "twenty": (20,), "hundred": (100,), "thousand": (1000,), "once": (1,),
    "twice": (2,), "first": (1,), "second": (2,), "third": (3,), "single": (1,),
    "both": (2,), "double": (2,), "dozen": (12,), "half": ("0.5", 50, 1, 2),
}
_ENGLISH_WORD = re.compile(r"[A-Za-z]+")
_HAN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
               "七": 7, "八": 8, "九": 9}
_HAN_UNITS = {"十": 10, "百": 100, "千": 1000}
_HAN_NUMBER = re.compile(r"[零〇一二两三四五六七八九十百千]+")
_HAN_MULTIPLIER = {"万": 10_000, "亿": 100_000_000}
# Unit atoms and the spellings each language uses; Latin spellings are accepted everywhere.
_ATOMS: dict[str, dict[str, tuple[str, ...]]] = {
    "mg": {"*": ("mg",), "ru": ("мг", "миллиграмм", "миллиграмма", "миллиграммов",
                                "миллиграммах"), "zh": ("毫克",),
           "ar": ("ملغ", "مغ", "ملغم", "ملجم", "مجم", "مليغرام", "ميليغرام", "ملليغرام"),
           "es": ("miligramo", "miligramos"), "fr": ("milligramme", "milligrammes"),
           "en": ("milligram", "milligrams", "milligramme", "milligrammes")},
    "kg": {"*": ("kg",), "ru": ("кг", "килограмм", "килограмма", "килограммов",
                                "килограммах"), "zh": ("千克", "公斤"),
           "ar": ("كغ", "كغم", "كجم", "كلغ", "كيلوغرام", "كيلوجرام", "كيلو", "كيلوغرامات",
                  "كيلوجرامات"),
           "es": ("kilogramo", "kilogramos", "kilo", "kilos"),
           "fr": ("kilogramme", "kilogrammes", "kilo", "kilos"),
           "en": ("kilogram", "kilograms", "kilogramme", "kilogrammes")},
    "µg": {"*": ("µg", "μg", "mcg"), "ru": ("мкг", "микрограмм", "микрограмма",
                                         "микрограммов"), "zh": ("微克",),
           "ar": ("ميكروغرام", "مكغ", "ميكروجرام", "مكg"),
           "es": ("microgramo", "microgramos"), "fr": ("microgramme", "microgrammes"),
           "en": ("microgram", "micrograms", "microgramme", "microgrammes")},
    "ml": {"*": ("ml", "mL"), "ru": ("мл", "миллилитр", "миллилитра", "миллилитров",
                                     "миллилитрах"), "zh": ("毫升",),
           "ar": ("مل", "ملل", "مليلتر", "ميليلتر", "ملليلتر"),
           "es": ("mililitro", "mililitros"), "fr": ("millilitre", "millilitres"),
           "en": ("millilitre", "millilitres", "milliliter", "milliliters")},
    "m2": {"*": ("m2", "m²"), "ru": ("м2", "м²"), "zh": ("平方米",),
           "ar": ("م2", "م²", "متر مربع")},
    "g": {"*": ("g",), "ru": ("г", "грамм", "грамма", "граммов"), "zh": ("克",),
          "ar": ("غ", "غم", "غرام", "غرامات", "جرام", "جم"),
          "es": ("gramo", "gramos"), "fr": ("gramme", "grammes"),
          "en": ("gram", "grams", "gramme", "grammes")},
    # lengths (a wound's depth, a dressing's thickness): written as symbols everywhere,
    # so no English left; not among the units a source's number must keep (`_SOURCE_UNIT`)
    "mm": {"*": ("mm",), "ru": ("мм", "миллиметр", "миллиметра", "миллиметров"),
           "zh": ("毫米",), "ar": ("مم", "ملم", "مليمتر", "ملليمتر", "ميليمتر"),
           "es": ("milímetro", "milímetros"), "fr": ("millimètre", "millimètres"),
           "en": ("millimetre", "millimetres", "millimeter", "millimeters")},
    "cm": {"*": ("cm",), "ru": ("см", "сантиметр", "сантиметра", "сантиметров"),
           "zh": ("厘米",), "ar": ("سم", "سنتيمتر", "سنتيمترات"),
           "es": ("centímetro", "centímetros"), "fr": ("centimètre", "centimètres"),
           "en": ("centimetre", "centimetres", "centimeter", "centimeters")},
    "mmol": {"*": ("mmol",), "ru": ("ммоль",), "zh": ("毫摩尔",),
             "ar": ("مليمول", "ملمول", "ميليمول")},
    "L": {"*": ("L", "l"), "ru": ("л", "литр", "литра", "литров", "литре", "литрах", "литрам"),
          "zh": ("升", "公升"), "ar": ("ل", "لتر", "لترات", "لترين", "ليتر", "ليترات"),
          "es": ("litro", "litros"), "fr": ("litre", "litres"),
          "en": ("litre", "litres", "liter", "liters")},
    "°C": {"*": ("°C", "ºC", "° C", "℃"), "ru": ("°С", "° С", "градусов Цельсия",
                                                  "градуса Цельсия"), "zh": ("摄氏度",),
           "fr": ("degrés Celsius", "degré Celsius"),
           "es": ("grados centígrados", "grados Celsius", "grado centígrado"),
           "ar": ("°م", "° م", "درجة مئوية", "درجات مئوية", "مئوية")},   # «درجة 60 مئوية»
    "°F": {"*": ("°F", "ºF", "° F", "℉"), "zh": ("华氏度",), "ar": ("°ف", "درجة فهرنهايت")},
    # metres, spelled out in English ("above 3,000 metres"): paired with their values
    "m": {"*": ("m",), "en": ("metre", "metres", "meter", "meters"),
          "es": ("metro", "metros"), "fr": ("mètre", "mètres"),
          "ru": ("метр", "метра", "метров", "метрах", "метрам", "метре"),
          "ar": ("متر", "أمتار", "مترا", "مترًا"), "zh": ("米",)},
    # percentages: paired with their values ("a 2.27% bag instead of the 1.36% one")
    "%": {"*": ("%", "٪", "％"), "en": ("per cent", "percent"), "es": ("por ciento",),
          "fr": ("pour cent",), "ru": ("процент", "процента", "процентов", "процентах"),
          "ar": ("في المائة", "في المئة", "بالمائة", "بالمئة")},
    # units of insulin or heparin: spelled out in English, paired with their values
    "U": {"*": ("IU", "UI"), "en": ("unit", "units"), "es": ("unidad", "unidades"),
          "fr": ("unité", "unités"),
          "ru": ("ЕД", "ед", "единица", "единицы", "единиц", "единицу", "единицами"),
          "ar": ("وحدة", "وحدات", "وحدتين", "وحدتان"), "zh": ("单位", "个单位", "国际单位")},
}
# Units as the matrix languages write them (issue 19), one entry per language.
_MATRIX_UNITS: dict[str, dict[str, tuple[str, ...]]] = {
    **dict.fromkeys(("uk", "kk", "mn"), {
        "mg": ("мг",), "kg": ("кг",), "µg": ("мкг",), "ml": ("мл",), "m2": ("м2", "м²"),
        "mmol": ("ммоль",), "L": ("л",), "°C": ("°С", "° С")}),
    "fa": {"mg": ("میلی‌گرم", "میلی گرم", "میلیگرم"), "kg": ("کیلوگرم", "کیلو"),
           "µg": ("میکروگرم",), "ml": ("میلی‌لیتر", "میلی لیتر", "سی‌سی"),
           "m2": ("متر مربع",), "mmol": ("میلی‌مول", "میلی مول"), "L": ("لیتر",),
           "°C": ("درجه سانتی‌گراد", "درجه سلسیوس")},
    "ur": {"mg": ("ملی گرام", "ملی‌گرام", "ملیگرام"), "kg": ("کلوگرام", "کلو گرام", "کلو"),
           "µg": ("مائیکروگرام", "مائکروگرام"), "ml": ("ملی لیٹر", "ملی‌لیٹر"),
           "m2": ("مربع میٹر",), "mmol": ("ملی مول",), "L": ("لیٹر",),
           "°C": ("ڈگری سینٹی گریڈ", "ڈگری سیلسیس")},
    "he": {"mg": ("מ\"ג", "מ״ג", "מיליגרם"), "kg": ("ק\"ג", "ק״ג", "קילוגרם"),
           "µg": ("מק\"ג", "מק״ג", "מיקרוגרם"), "ml": ("מ\"ל", "מ״ל", "מיליליטר"),
           "m2": ("מ\"ר", "מ״ר"), "mmol": ("מילימול",), "L": ("ליטר",),
           "°C": ("מעלות צלזיוס",)},
    "hi": {"mg": ("मिलीग्राम", "मि.ग्रा."), "kg": ("किलोग्राम", "कि.ग्रा."),
           "µg": ("माइक्रोग्राम",), "ml": ("मिलीलीटर", "मि.ली."), "m2": ("वर्ग मीटर",),
           "mmol": ("मिलीमोल",), "L": ("लीटर",), "°C": ("डिग्री सेल्सियस",)},
    "bn": {"mg": ("মিলিগ্রাম", "মি.গ্রা."), "kg": ("কিলোগ্রাম", "কেজি"),
           "µg": ("মাইক্রোগ্রাম",), "ml": ("মিলিলিটার", "মিলি"), "m2": ("বর্গমিটার",),
           "mmol": ("মিলিমোল",), "L": ("লিটার",), "°C": ("ডিগ্রি সেলসিয়াস",)},
    "th": {"mg": ("มก.", "มิลลิกรัม"), "kg": ("กก.", "กิโลกรัม"), "µg": ("มคก.", "ไมโครกรัม"),
           "ml": ("มล.", "มิลลิลิตร"), "m2": ("ตร.ม.",), "mmol": ("มิลลิโมล",),
           "L": ("ลิตร",), "°C": ("องศาเซลเซียส",)},
    "ja": {"mg": ("ミリグラム",), "kg": ("キログラム",), "µg": ("マイクログラム",),
           "ml": ("ミリリットル",), "m2": ("平方メートル",), "mmol": ("ミリモル",),
           "L": ("リットル",), "°C": ("度",)},
    "ko": {"mg": ("밀리그램",), "kg": ("킬로그램",), "µg": ("마이크로그램",), "ml": ("밀리리터",),
           "m2": ("제곱미터",), "mmol": ("밀리몰",), "L": ("리터",), "°C": ("도",)},
}
for _lang, _written in _MATRIX_UNITS.items():
    for _atom, _spellings in _written.items():
        _ATOMS[_atom][_lang] = _spellings
_SOURCE_UNIT = re.compile(
    r"(?<=\d)[\s\u00a0\u202f]?(?P<num>mg|µg|μg|mcg|mmol|ml|mL|kg|g|°C|ºC|°F|ºF)"
    r"(?:/(?P<den>kg|m2|m²|L|l))?(?![A-Za-z])")
_CANONICAL = {"μg": "µg", "mcg": "µg", "mL": "ml", "ºC": "°C", "ºF": "°F", "m²": "m2",
              "l": "L"}


@lru_cache(maxsize=32)
def readings(lang: str) -> tuple[tuple[str, str], ...]:
    """(decimal, group) separator pairs to try for `lang`: its own first, English last."""
    from babel import UnknownLocaleError

    pairs: list[tuple[str, str]] = []
    try:
        symbols = languages.locale(lang).number_symbols
        for system in ("latn", "arab"):
            found = symbols.get(system, {})
            if found.get("decimal") and found.get("group"):
                pairs.append((found["decimal"], found["group"]))
    except (UnknownLocaleError, ValueError):
        pass
    pairs.append((".", ","))
    return tuple(dict.fromkeys(pairs))


def _ascii_digits(text: str) -> str:
    return "".join(str(unicodedata.decimal(c)) if c.isdigit() and not c.isascii() else c
                   for c in text)


def _read(groups: list[str], seps: list[str], decimal: str, group: str) -> Decimal | None:
    """The value of digit groups joined by separators under one convention, or None."""
    fraction = ""
    if seps and seps[-1] == decimal:
        fraction, groups, seps = groups[-1], groups[:-1], seps[:-1]
    if any(s != group and s not in _GROUP_ALWAYS for s in seps):
        return None
    if seps and (len(groups[0]) > 3 or any(len(g) != 3 for g in groups[1:])):
        return None
    return Decimal("".join(groups) + ("." + fraction if fraction else ""))


def values(text: str, lang: str) -> list[tuple[str, tuple[Decimal, ...]]]:
    """Each number in `text` as written and the values it can stand for in `lang`."""
    return [(written, options) for written, options, _ in located(unmarked(text), lang)]


def located(text: str, lang: str) -> list[tuple[str, tuple[Decimal, ...], tuple[int, int]]]:
    """Each number in `text` (not made plain) with its values and (start, end) offsets."""
    if not _HAS_DIGIT.search(text):
        return []
    found: list[tuple[str, tuple[Decimal, ...], tuple[int, int]]] = []
    for match in _NUMBER.finditer(text):
        written = match.group("num")
        parts = _SPLIT.split(_ascii_digits(written))
        groups, seps = parts[0::2], parts[1::2]
        negative = match.group("sign") in ("-", "−", "–")
        value = None
        for decimal, group in readings(lang):
            value = _read(groups, seps, decimal, group)
            if value is not None:
                break
        numbers = [value] if value is not None else [Decimal(g) for g in groups]
        after = text[match.end():match.end() + 1] if lang.startswith("zh") else ""
        for index, number in enumerate(numbers):
            number = -number if negative and index == 0 else number
            options: tuple[Decimal, ...] = (number,)
            span = match.span()
            if after in _HAN_MULTIPLIER and index == len(numbers) - 1:
                options = (number * _HAN_MULTIPLIER[after], number)
                span = (span[0], span[1] + 1)     # 5万单位: the 万 is the number's
            found.append(((match.group("sign") or "") + written, options, span))
    return found


@lru_cache(maxsize=16384)
def _source_values(source: str) -> frozenset[Decimal]:
    return frozenset(value for _, options in values(source, "en") for value in options)


def _han_values(text: str) -> set[Decimal]:
    """Small numbers written in Chinese numerals (三, 十四, 两百), to excuse missing digits."""
    result: set[Decimal] = set()
    for run in _HAN_NUMBER.findall(text):
        if len(run) == 2 and all(ch in _HAN_DIGITS for ch in run) and abs(
                _HAN_DIGITS[run[0]] - _HAN_DIGITS[run[1]]) == 1:
            result.update(Decimal(_HAN_DIGITS[ch]) for ch in run)   # 两三周: 2 or 3 weeks
            continue
        total, current = 0, 0
        for ch in run:
            if ch in _HAN_DIGITS:
                current = _HAN_DIGITS[ch]
            else:
                total += (current or 1) * _HAN_UNITS[ch]
                current = 0
        result.add(Decimal(total + current))
    return result


_EN_MONTH = re.compile(r"\b(January|February|March|April|May|June|July|August|September|"
                       r"October|November|December)\b")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_DAY_AND_NIGHT = re.compile(r"\b24[\s-]*hours?\b", re.I)
_FULL_HOUR = re.compile(r"(?<![\d:])\d{1,2}:00(?![\d:])")
_EVERY_TWO_DAYS = re.compile(r"\bevery\s+(?:2|two)\s+days\b", re.I)
# A time of day: "2 pm", "14:30", "6 o'clock" (its hour may be written on the other clock)
_CLOCK = re.compile(r"(?<![\d:.,])(\d{1,2})(?::(\d\d))?\s*(?:(am|a\.m\.)|(pm|p\.m\.)|o'clock)?"
                    r"(?![\d:])", re.I)

# The half of the day said after a time of day: "in the morning" (group 1), "in the
# evening", "in the afternoon", "at night".
_EN_HALF = re.compile(r"\s*(?:(in the morning)|in the (?:evening|afternoon)|at night)\b", re.I)


def half_said(source: str, end: int, hour: int) -> int | None:
    """The hour on the 24-hour clock of a time of day ending at `end` whose half of the day
    the words after it say ("7:30 in the evening": 19; "1:00 at night": 1); None where they
    say none."""
    half = _EN_HALF.match(source, end)
    if half is None or not 1 <= hour <= 12:
        return None
    if half.group(1):
        return hour
    night = half.group(0).rstrip().endswith("night")
    return hour % 12 if night and hour < 6 else hour % 12 + 12


def _clock_hours(source: str) -> dict[Decimal, Decimal]:
    """Each hour of a time of day the source says → the same hour on the other clock: "2 pm"
    is 14 (the translation may write 14:00), "14:00" is 2 (下午2点)."""
    found = {}
    for match in _CLOCK.finditer(source):
        hour = int(match.group(1))
        if (match.group(4) or (match.group(2) and half_said(source, match.end(), hour)
                               == hour + 12)) and hour < 12:
            found[Decimal(hour)] = Decimal(hour + 12)      # "7:30 in the evening" too
        elif match.group(2) and 12 < hour < 24:
            found[Decimal(hour)] = Decimal(hour - 12)
    return found


_HOURS_MINUTES = re.compile(r"(?<![\d.,])(\d{1,2})\s?h\s?([0-5]\d)(?![\d.,]?\d)")


def _hours_and_minutes(source: str, target: str) -> str:
    """The target with a duration written in hours and minutes ("1 h 30") that the source
    gives in decimal hours ("1.5 hours") written as the source writes it."""
    if "h" not in target:
        return target
    wanted = _source_values(source)

    def decimal(found: re.Match[str]) -> str:
        value = Decimal(found.group(1)) + Decimal(found.group(2)) / 60
        return format(value.normalize(), "f") if value in wanted and value != int(
            value) else found.group(0)

    return _HOURS_MINUTES.sub(decimal, target)


def _dotted_times(source: str, target: str) -> str:
    """The target with each time of day of the source that it writes with a dot or an h
    ("14.30" as Russian and German do, "20h30" as French does, for "2:30 pm") written with
    a colon, so it reads as one."""
    if "." not in target and "h" not in target:
        return target
    for match in _CLOCK.finditer(source):
        if not match.group(2):
            continue
        hour = int(match.group(1))
        hours = {hour, hour + 12 if match.group(4) and hour < 12 else hour}
        for shown in hours:
            target = re.sub(rf"(?<![\d.,]){shown}(?:\.|\s?h\s?)({match.group(2)})(?![\d.,]\d)",
                            rf"{shown}:\1", target)
    return target


def _word_values(source: str, target: str, lang: str) -> set[Decimal]:
    """Values the target writes in words: "три дня", or "round the clock" for 24 hours."""
    from pipeline import langdata
    from pipeline.checks.quantities import words_pattern
    from pipeline.languages import base_language

    base = base_language(lang)
    found = {Decimal(value) for value, forms in langdata.NUMBER_WORDS.get(base, {}).items()
             if base != "zh" and words_pattern(forms, lang).search(target)}
    found |= {Decimal(value) for phrase, value in langdata.FREQUENCY_WORDS.get(base, {}).items()
              if words_pattern((phrase,), lang).search(target)}     # "3 times": «трижды»
    clock = (*langdata.ROUND_THE_CLOCK.get(base, ()),
             *langdata.TIME_UNITS.get(base, {}).get("day", ()))
    if _DAY_AND_NIGHT.search(source) and clock and words_pattern(clock, lang).search(target):
        found.add(Decimal(24))
    for table, unit in ((langdata.MINUTE_PHRASES, "minute"), (langdata.WEEK_PHRASES, "week"),
                        (langdata.MONTH_PHRASES, "month")):
        for phrase, count in table.get(base, {}).items():
            if re.search(rf"\b{count}\s*{unit}s?\b", source, re.I) and \
                    words_pattern((phrase,), lang).search(target):
                found.add(Decimal(count))     # "30 minutes": «полчаса», «半小时»; «полгода»;
                # "2 weeks": «quinze jours»
    found |= {Decimal(value) for value, forms in langdata.ORDINALS.get(base, {}).items()
              if words_pattern(forms, lang).search(target)}     # "day 2": «el segundo día»
    if base == "fr":      # French medical writing counts days as J1, J100 ("day 100")
        found |= {Decimal(day) for day in re.findall(r"(?<![\w-])J\+?(\d{1,3})(?!\w)", target)}
    for phrase, hour in langdata.CLOCK_HOURS.get(base, {}).items():
        if phrase in target:
            found |= {Decimal(hour), Decimal(hour + 12)}   # «الساعة الثامنة»: 8 or 20
    halves = langdata.HALF_WORDS.get(base, ())
    if halves and words_pattern(halves, lang).search(target):
        found |= {v for v in _source_values(source) if v % 1 == Decimal("0.5")}
    alternate = langdata.EVERY_OTHER_DAY.get(base, ())
    if alternate and _EVERY_TWO_DAYS.search(source) and words_pattern(alternate, lang).search(
            target):
        found.add(Decimal(2))                 # "every 2 days": «через день», "un jour sur deux"
    return found


_A_DAY = re.compile(r"\b(?:hours?\s+(?:a|per|each|every)\s+day)\b", re.I)
_A_PERIOD = re.compile(r"\b(?:an?|one|per)\s+(?:minute|hour|day|week|month|year)\b", re.I)
_N_IN_ONE = re.compile(r"(?<![\w.,])(\d+)-in-(\d+)(?!\w)", re.I)
_ONE_PERIOD = re.compile(r"(?<![\d.,])1\s+(?:(?:to|or|-|–)\s*\d+\s+)?"
                         r"(minute|hour|day|week|month|year)s?\b", re.I)

# "aged 1 to 3": years
_AGED_ONE = re.compile(r"\b(?:aged|ages?)\s+1(?:\s*(?:to|or|-|–)\s*\d+)?\b"
                       r"(?!\s*(?:month|week|day))", re.I)


def _one_period(source: str, target: str, lang: str) -> bool:
    """The source counts one of a time unit ("1 year", "aged 1 to 3") and the translation
    names that unit: one of it needs no number («al año», «через неделю»). A changed count
    is another number, which the check reports as not in the source."""
    from pipeline import langdata
    from pipeline.checks.quantities import words_pattern
    from pipeline.languages import base_language

    table = langdata.TIME_UNITS.get(base_language(lang), {})
    said = _ONE_PERIOD.findall(source) + ["year"] * bool(_AGED_ONE.search(source))
    return any(unit.lower() in table and words_pattern(table[unit.lower()], lang).search(target)
               for unit in said)


def _show(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text


def _english_word_values(source: str) -> set[Decimal]:
    """The counts the English source writes in words from two on (langdata.NUMBER_WORDS, to
    ninety-nine: "forty-eight" is 48, not 40 and 8); not "a", "one", "single" or "both"."""
    from pipeline import langdata
    from pipeline.checks.quantities import _number_word_value, _number_words

    pattern, values = _number_words("en")
    return {Decimal(value) for m in pattern.finditer(source)
            if m.group().lower() not in langdata.EN_NOT_CARDINALS
            and (value := _number_word_value(m.group(), values)) > 1}


_CODE_DIGITS = re.compile(r"(?<![\w-])[A-Za-z]{2,}-?(\d+)(?![\w.,]?\d)")
_ONE_COUNTED = re.compile(r"(?<![\d.,])1\s*[片粒支颗枚袋瓶贴剂]")
_EN_NOON = re.compile(r"\b(?:noon|midday|midnight)\b", re.I)


def _noon_hours(source: str) -> set[Decimal]:
    """The hour of "noon" and "midnight" ("by noon": «12点前», «à 12 h»)."""
    found: set[Decimal] = set()
    for match in _EN_NOON.finditer(source):
        found.update(map(Decimal, (12,) if match.group().lower() != "midnight" else (0, 12, 24)))
    return found


def number_problems(source: str, target: str, lang: str) -> tuple[list[str], list[str]]:
    """(source numbers missing from the target, target numbers the source lacks)."""
    # "the 6-in-1 vaccine" is a name («hexavalente», 六联): its numbers may go or stay
    named = {Decimal(n) for pair in _N_IN_ONE.findall(source) for n in pair}
    wanted = _source_values(_N_IN_ONE.sub(" ", source))
    found = values(_hours_and_minutes(source, _dotted_times(source, target)), lang)
    if not wanted and not found:
        return [], []
    have = {value for _, options in found for value in options}
    missing = wanted - have
    if missing and lang.startswith("zh"):
        missing -= _han_values(target)
    in_words = _word_values(source, target, lang) if missing else set()
    missing -= in_words
    if Decimal(2) in missing and _dual_said(source, target, lang):
        missing = missing - {Decimal(2)}    # "2 units": «وحدتين», the noun's dual
    if missing:     # "48 hours" said as two days
        from pipeline.checks.quantities import converted

        missing -= converted(source, target, lang)
    if missing:     # "30 seconds" said as half a minute, "500 ml" as half a litre
        from pipeline.checks.quantities import said_in_other_units

        missing -= {value for value, _ in said_in_other_units(source, target, lang)}
    from pipeline.checks.quantities import imperial_said

    metric = imperial_said(source, target, lang)    # "1 pint" as «полулитра», 500毫升
    missing -= metric[0]
    if missing:     # "07/11/2024" written «7 نوفمبر 2024»: the month by its name
        from pipeline.checks.quantities import months_named, numeric_dates

        dated = {Decimal(month) for _, _, month in numeric_dates(source)} & missing
        if dated:
            missing -= dated & {Decimal(m) for m in months_named(target, lang)}
    from pipeline import langdata
    from pipeline.checks.quantities import words_pattern

    noon = langdata.NOON.get(languages.base_language(lang))
    if Decimal(12) in missing and noon and _EN_NOON.search(source) and words_pattern(
            noon, lang).search(target):
        missing = missing - {Decimal(12)}     # "by 12 noon": «avant midi», «до полудня»
    minutes = langdata.CLOCK_MINUTES.get(languages.base_language(lang), {})
    for match in _CLOCK.finditer(source) if missing & set(map(Decimal, minutes)) else ():
        said = minutes.get(int(match.group(2) or 0))
        if said and Decimal(match.group(2)) in missing and words_pattern(said, lang).search(
                target):
            missing = missing - {Decimal(match.group(2))}    # "9:30": «nueve y media»
    if Decimal(0) in missing and _FULL_HOUR.search(source):
        missing = missing - {Decimal(0)}      # "14:00" written "14 h", "14 Uhr"
    if Decimal(1) in missing and _one_period(source, target, lang):
        missing = missing - {Decimal(1)}      # "at 1 year of age": «al año de edad»
    words = {Decimal(v) for w in _ENGLISH_WORD.findall(source)
             for v in _WORD_NUMBERS.get(w.lower(), ())} | _english_word_values(source)
    words |= {Decimal(_MONTHS.index(m) + 1) for m in _EN_MONTH.findall(source)} | named
    words |= _noon_hours(source)
    if _A_PERIOD.search(source):
        words.add(Decimal(1))      # "within an hour": «1小时内»
    if _A_DAY.search(source):
        words.add(Decimal(24))     # "23 hours a day": «23 heures sur 24»
    clock = _clock_hours(source)
    words |= set(clock.values())
    # a code's digits written apart in another script ("PPV23" as «ППВ-23»), or left out
    # with its name said the language's way ("COVID-19" as 新冠肺炎; «كوفيد-19»: no minus)
    coded = {Decimal(n) for n in _CODE_DIGITS.findall(source)}
    words |= coded | {-value for value in coded}
    missing = frozenset(missing - coded)
    if lang.startswith("zh") and _ONE_COUNTED.search(target):
        words.add(Decimal(1))      # "swallow the tablet": 吞服1片 (a count Chinese must say)
    # "3 pm" written 15 h, or «quinze heures»
    missing = frozenset(v for v in missing if clock.get(v) not in have | in_words)
    extra = [written for written, options in found   # "2:00", "2 h 00", "١:٠٠": no amount
             if _ascii_digits(written).strip("0") and not any(
                 option in wanted or option in words or option in metric[1]
                 for option in options)]
    return sorted(_show(v) for v in missing), list(dict.fromkeys(extra))


def changed_count(source: str, target: str, lang: str) -> tuple[int, int] | None:
    """(a count the source writes in words, the other count the translation has instead):
    "three days" → «четыре дня». A count the translation leaves unsaid (a dual, "both") is
    not a change: only one replaced by another value is."""
    from pipeline import langdata
    from pipeline.languages import base_language

    # English number words from two on: a count the translation must keep (word or digits)
    said = {int(v) for v in _english_word_values(plain(source))}
    if not said:
        return None
    text, base = plain(target), base_language(lang)
    have = {int(v) for _, options in values(text, lang) for v in options if v == int(v)}
    if base == "zh":
        have |= {int(v) for v in _han_values(text)}
    elif base in langdata.NUMBER_WORDS:   # read whole, longest first: «ثلاثة عشر» is 13
        from pipeline.checks.quantities import _number_word_value, _number_words

        pattern, worth = _number_words(lang)
        have |= {value for m in pattern.finditer(text)
                 if (value := _number_word_value(m.group(), worth)) > 1}
    lost = said - have
    other = have - said - {int(v) for v in _source_values(source) if v == int(v)} - {
        _MONTHS.index(m) + 1 for m in _EN_MONTH.findall(source)}
    return (min(lost), min(other)) if lost and other else None


@lru_cache(maxsize=32)
def _one_of(lang: str) -> re.Pattern[str] | None:
    """One of a measure in the language: «un litro», «un verre», «один стакан», «لترًا
    واحدًا», 一升 (the word for one right before the noun; in Arabic after it)."""
    from pipeline import langdata
    from pipeline.checks.quantities import words_pattern
    from pipeline.languages import base_language

    base = base_language(lang)
    nouns = langdata.MEASURE_NOUNS.get(base, ())
    ones = langdata.NUMBER_WORDS.get(base, {}).get(1, ())
    if not nouns or (not ones and base != "zh"):
        return None
    noun = words_pattern(nouns, lang).pattern
    if base == "zh":
        return re.compile(rf"(?<![\d一二两三四五六七八九十第])一\s*(?:{noun})")
    one = words_pattern(ones, lang).pattern
    if base == "ar":
        return re.compile(rf"(?:{noun})\s+(?:{one})")
    return re.compile(rf"(?:{one})\s+(?:{noun})", re.I)


@lru_cache(maxsize=1)
def _en_measures() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """English counts of a measure (`langdata.MEASURE_NOUNS`): two or more of it in words
    ("two litres", "three glasses"), and one of it ("a glass")."""
    from pipeline import langdata

    nouns = langdata.MEASURE_NOUNS["en"]
    plurals = "|".join(n + ("es" if n.endswith("s") else "s") for n in nouns)
    many = re.compile(r"\b(?:two|three|four|five|six|seven|eight|nine|ten)\s+(?:[a-z]+\s+)?"
                      rf"(?:{plurals})\b", re.I)
    one = re.compile(rf"\b(?:one|a|an|single)\s+(?:{'|'.join(nouns)})\b", re.I)
    return many, one


def many_as_one(source: str, target: str, lang: str) -> tuple[str, str] | None:
    """(what the source counts, the one the translation gives) where the source counts two or
    more of a measure in words ("two litres", "three glasses") and says no one of it, and the
    translation gives one of it («un litro», 一升) and no count of two or more before such a
    noun. (Doses are left out: "never take two doses … for a missed one" is said «ne doublez
    jamais la dose pour rattraper une prise oubliée».)"""
    text = plain(source)
    several, single = _en_measures()
    many = several.search(text)
    if many is None or _en_one_counted().search(text) or single.search(text):
        return None
    pattern, counted = _one_of(lang), _counted_doses(lang, measures=True)
    written = plain(target)
    one = pattern.search(written) if pattern is not None else None
    if one is None or (counted is not None and counted.search(written)):
        return None
    return many.group(0), one.group(0)


@lru_cache(maxsize=1)
def _en_one_counted() -> re.Pattern[str]:
    from pipeline import langdata

    nouns = "|".join(langdata.DOSE_NOUNS["en"])
    return re.compile(rf"\b(?:one|a single|an?)\s+(?:(?:\d+(?:[.,]\d+)?\s*(?:mg|g|ml|mcg|"
                      rf"micrograms?|%)|[a-z]+)\s+)?(?:{nouns})\b(?!s)", re.I)


@lru_cache(maxsize=64)
def _counted_doses(lang: str, measures: bool = False) -> re.Pattern[str] | None:
    """A count of two or more right before a dose noun of the language («dos comprimidos»,
    «по две таблетки», 两片), or the Arabic dual that is both («قرصين»); with `measures`,
    of a measure too («dos litros»)."""
    from pipeline import langdata
    from pipeline.checks.quantities import words_pattern
    from pipeline.languages import base_language

    base = base_language(lang)
    nouns = (*langdata.DOSE_NOUNS.get(base, ()),
             *(langdata.MEASURE_NOUNS.get(base, ()) if measures else ()))
    if not nouns:
        return None
    counts = [form for value, forms in langdata.NUMBER_WORDS.get(base, {}).items()
              if 1 < value < 13 for form in forms]
    noun = words_pattern(nouns, lang).pattern
    if base == "zh":    # (not 第二剂, the second dose)
        return re.compile(rf"(?<!第)(?:[2-9]|1[0-2]|[两二三四五六七八九十])\s*(?:{noun})")
    word = words_pattern(tuple(counts), lang).pattern if counts else r"(?!)"
    duals: tuple[str, ...] = ()
    if base == "ar":    # a dose noun's dual (not with the article: `one_changed`)
        dosed = re.compile(noun)
        duals = tuple(f for f in langdata.NUMBER_WORDS["ar"].get(2, ()) if dosed.fullmatch(f))
    dual = rf"|{words_pattern(duals, lang).pattern}" if duals else ""
    return re.compile(rf"(?:(?<![\d.,])(?:[2-9]|1[0-2])(?![\d.,])|{word})\s+(?:{noun})"
                      + dual, re.I)


def one_changed(source: str, target: str, lang: str) -> tuple[str, str] | None:
    """(what the source counts as one, the count the translation gives it) where the source
    gives one of a dose ("one 10 mg tablet", "no more than one dose") and the translation
    counts a dose two or more times where the source has no such count («dos comprimidos»,
    «قرصين», 两片; the "three 100 mg tablets" the source says beside it are no change)."""
    from pipeline.checks.quantities import _target_numbers

    text = plain(source)
    said = _en_one_counted().search(text)
    pattern = _counted_doses(lang) if said is not None else None
    if pattern is None or said is None:
        return None
    own = {int(v) for v in _source_values(source) if v == int(v)} | {
        int(v) for v in _english_word_values(text)}
    written_text = plain(target)
    for found in pattern.finditer(written_text):
        written = found.group(0)
        if re.match(r"[وفبل]?ال", written):
            continue    # «الجرعتين»: the two doses the source speaks of, not a count
        if _EN_BETWEEN.search(text) and _BETWEEN_BEFORE.search(written_text[:found.start()]):
            continue    # "the gap between injections": «entre deux injections», two of them
        counts = {int(v) for _, _, options in _target_numbers(written, lang)
                  for v in options if v == int(v)}
        if counts and not counts & own and min(counts) > 1:
            return said.group(0), written.strip()
    return None


# "Between" doses in the source, and right before a translation's count: the gap between
# two of them («entre deux injections», «между двумя инъекциями», «بين أي حقنتين»).
_EN_BETWEEN = re.compile(r"\bbetween\b", re.I)
_BETWEEN_BEFORE = re.compile(r"(?:\bentre|(?<!\w)между|(?<!\w)بين(?:\s+أي)?)\s*$", re.I)


# "2" and what it counts in an English source: "2 units", "2 injections".
_EN_TWO = re.compile(r"(?<![\d.,])2\s+([a-z]{3,})", re.I)


def _dual_said(source: str, target: str, lang: str) -> bool:
    """Does an Arabic translation say the source's "2 X" with the dual of what the
    dictionaries say X is («وحدتين», «حقنتان»: وحدة, حقنة with the dual ending)?"""
    if languages.base_language(lang) != "ar":
        return False
    from pipeline.checks import bilingual
    from pipeline.checks.lexicon import fold

    text = fold(unmarked(target))
    for noun in _EN_TWO.findall(unmarked(source)):
        for word in bilingual.translations(noun, lang):     # "units": unit too
            if " " in word or len(word) < 3:
                continue
            stem = word.removeprefix("ال")
            stem = stem[:-1] + "ت" if stem.endswith("ة") else stem
            if re.search(rf"(?<![^\W\d_])(?:[وفبلك]?ال|[وفبلك])?{re.escape(stem)}(?:ين|ان)"
                         rf"(?![^\W\d_])", text):
                return True
    return False


@check("numbers")
def numbers(entry: Entry, scope: Scope) -> Iterator[Finding]:
    """Every number of the source appears in the translation, and no other number."""
    for source, target in entry.pairs():
        missing, extra = number_problems(source, target, scope.lang)
        parts = []
        if missing:
            parts.append(f"{', '.join(missing)} of the source missing")
        if extra:
            parts.append(f"{', '.join(extra)} not in the source")
        if not parts and (changed := changed_count(source, target, scope.lang)):
            parts.append(f"the source says {changed[0]} in words, the translation "
                         f"{changed[1]}")
        if not parts and (one := one_changed(source, target, scope.lang) or many_as_one(
                source, target, scope.lang)):
            parts.append(f"the source says “{one[0]}”, the translation «{one[1]}»")
        if parts:
            yield scope.catalog.finding("numbers", "numbers differ: " + "; ".join(parts),
                                        entry=entry)
            return


@lru_cache(maxsize=256)
def _unit_pattern(unit: str, lang: str) -> tuple[re.Pattern[str], tuple[str, ...]]:
    """A pattern for `unit` (e.g. mg/kg) in any spelling accepted in `lang`, and those."""
    def spellings(atom: str) -> tuple[str, ...]:
        table = _ATOMS[atom]
        return (*table.get(languages.base_language(lang), ()), *table["*"])

    def alternation(atom: str) -> str:
        return "|".join(_bounded(s) for s in sorted(spellings(atom), key=len, reverse=True))

    numerator, _, denominator = unit.partition("/")
    shown = spellings(numerator)
    if denominator:
        pattern = rf"(?:{alternation(numerator)})\s*/\s*(?:{alternation(denominator)})"
        shown = tuple(f"{a}/{b}" for a in shown[:1] for b in spellings(denominator))
    else:
        pattern = alternation(numerator)
    return re.compile(pattern), shown


def _bounded(spelling: str) -> str:
    body = re.escape(spelling)
    first, last = spelling[0], spelling[-1]
    if "\u0600" <= first <= "\u06ff":   # Arabic: allow a clitic before, no letter after
        return rf"(?<![\u0621-\u064a])[وبلف]?{body}(?![\u0621-\u064a])"
    if "\u4e00" <= first <= "\u9fff" or first in "°º℃":
        return body
    left = r"(?<![A-Za-z\u0400-\u04ff])" if first.isalpha() else ""
    right = r"(?![A-Za-z\u0400-\u04ff])" if last.isalpha() else ""
    return f"{left}{body}{right}"


# Measures an English source spells out: paired with their values by `quantities` (not
# required by `units`, whose spellings are symbols every language writes).
# (…and a percentage: "a 2.27% glucose bag", "1 per cent")
_SOURCE_WORD_UNIT = re.compile(r"(?<=\d)[\s\u00a0-]?(?:(?:(?P<L>lit(?:re|er)s?)|"
                               r"(?P<ml>millilit(?:re|er)s?)|(?P<mg>milligram(?:me)?s?)|"
                               r"(?P<µg>microgram(?:me)?s?)|(?P<U>units?)|(?P<m>met(?:re|er)s?)|"
                               r"(?P<pct>per\s?cent))\b|(?P<percent>%))", re.I)


def spelled_units(text: str) -> list[str]:
    """Canonical units of the measures `text` spells out after a number ("2 litres": L)."""
    return list(dict.fromkeys(_SPELLED.get(m.lastgroup, m.lastgroup)
                              for m in _SOURCE_WORD_UNIT.finditer(text) if m.lastgroup))


_SPELLED = {"pct": "%", "percent": "%"}


def source_units(text: str) -> list[str]:
    """Canonical units that follow numbers in `text` (mg, mg/kg, °C, mmol/L…)."""
    units = []
    for match in _SOURCE_UNIT.finditer(text):
        numerator = _CANONICAL.get(match.group("num"), match.group("num"))
        denominator = match.group("den")
        unit = numerator + ("/" + _CANONICAL.get(denominator, denominator)
                            if denominator else "")
        units.append(unit)
    return list(dict.fromkeys(units))


@check("units")
def units(entry: Entry, scope: Scope) -> Iterator[Finding]:
    """Doses and measures keep their unit, in a spelling the target language uses."""
    for source, target in entry.pairs():
        if not _HAS_DIGIT.search(source):
            continue
        for unit in source_units(plain(source)):
            pattern, accepted = _unit_pattern(unit, scope.lang)
            if not pattern.search(target) and not _all_in_other_unit(unit, source, target,
                                                                      scope.lang):
                yield scope.catalog.finding(
                    "units", f"unit {unit} of the source is missing "
                    f"(accepted in {scope.lang}: {', '.join(accepted)})", entry=entry)


def _all_in_other_unit(unit: str, source: str, target: str, lang: str) -> bool:
    """Does the translation say every amount the source gives in `unit` in a neighbouring
    one ("500 ml" as «medio litro»)?"""
    from pipeline.checks.quantities import _source_pairs, said_in_other_units

    given = {value for value, said in _source_pairs(plain(source)) if said == unit}
    return bool(given) and given <= {value for value, said in
                                     said_in_other_units(source, target, lang) if said == unit}


def unit_named(form: str) -> str | None:
    """The canonical unit an English spelling names ("mL", "millilitre": ml), else None."""
    for atom, table in _ATOMS.items():
        if form in table["*"] or form.lower() in table.get("en", ()):
            return atom
    return None


def said_otherwise(forms: tuple[str, ...], source: str, target: str, lang: str) -> bool:
    """Is a glossary term whose English forms are a unit's spellings said in a neighbouring
    unit wherever the source gives an amount of it ("500 ml" as «medio litro»)?"""
    named = {unit_named(form) for form in forms}
    return len(named) == 1 and None not in named and _all_in_other_unit(
        named.pop() or "", source, target, lang)
