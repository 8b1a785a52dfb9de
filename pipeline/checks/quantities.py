"""Quantities as pairs: each value stays with its unit, time unit, frequency and month.

Numbers alone are compared as sets by the `numbers` check; here a value must stand next to
the same unit in the translation ("500 mg … 10 ml" swapped into "10 mg … 500 ml" keeps both
sets). Word order may change (a unit before or after its number, clauses moved): only the
adjacency of a value and its unit counts, never their place in the sentence, except that
values sharing a unit keep their order among themselves ("30 mg/m² … 500 mg/m²" written
"500 … 30" is two doses swapped; none of the 760 human translations of bench/safety.py nor
the 520 correct texts of bench/probes.jsonl reorders them).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from functools import lru_cache

from pipeline import langdata
from pipeline.checks import Entry, Scope, check, terms
from pipeline.checks import unmarked as plain
from pipeline.checks.lexicon import fold
from pipeline.checks.numbers import (
    _CLOCK,
    _EVERY_TWO_DAYS,
    _HAN_DIGITS,
    _HAN_NUMBER,
    _HAN_UNITS,
    _han_values,
    _unit_pattern,
    half_said,
    located,
    source_units,
    spelled_units,
)
from pipeline.languages import base_language, script_ranges
from pipeline.model import Finding

# What may join the numbers of a range or a choice before one unit: "3 to 6", "3–6", "3 или 4".
# A list's commas too, and the preposition a language repeats: "8, 12 and 16 weeks", «a las 8
# y a las 12 semanas», «à 8 et à 16 semaines», «в 8 и в 16 недель», 8、12、16周.
_COORDINATE = r"(?:to|or|and|a|o|y|à|ou|et|до|или|и|至|到|或|إلى|أو|و|和|及)"
# (and a range written «+2…+8 °C», as Russian writes temperatures)
_JOIN = re.compile(rf"\s*(?:[-–—~～〜/…]|\.{{2,3}}|(?:[,、，،]\s*{_COORDINATE}?|{_COORDINATE})"
                   r"(?:\s+(?:a|à|las|los|les|la|le|в|на|في)){0,2})\s*\+?$", re.I)
_JOINED = 12        # characters at most between two numbers of one unit
_DIGIT = re.compile(r"\d")
_NEAR = 3           # characters allowed between a number and its unit ("500 мг", "500毫克")
# …or, before the unit, an ordinal's ending and one word: "les 6 premières semaines", "las 3
# primeras semanas", "du 100e jour", "на 100-й день" (the adjective sits between them).
_GAP = re.compile(r"(?:-?(?:e|er|re|ère|ème|eme|º|ª|й|я|е|го|ый|ой|ая|ые|х))?"
                  r"[\s\u00a0\u202f-]*(?:[^\W\d_]{2,12}[\s\u00a0\u202f]+)?")
_NEAR_WORD = 18
# The word for times right after a number (not Arabic's: its numbers follow their noun,
# «كبسولة واحدة مرة واحدة», one capsule once)
_TIMES_AFTER = re.compile(r"[\s\u00a0]*(?:раза?|veces|vez|fois|次|times)(?![^\W\d_])", re.I)
_SPACES = re.compile(r"[\s\u00a0\u202f-]*")
# …and the word for times between a count and a period: «ثلاث مرات يوميًا» is 3 times a
# day, not 3 days
_TIMES_BETWEEN = re.compile(r"(?<![^\W\d_])(?:مرات|مرّات|مرة|مرّة|раза?|veces|vez|fois|times)"
                            r"(?![^\W\d_])", re.I)
# English cardinals as words ("one", "twenty", "forty-eight"), longest first
_EN_CARDINALS = "|".join(
    re.escape(w).replace(r"\ ", r"\s+") for w in sorted(
        {w for forms in langdata.NUMBER_WORDS["en"].values() for w in forms
         if w not in langdata.EN_NOT_CARDINALS}, key=len, reverse=True))
_EN_TIME = re.compile(
    rf"\b(?P<num>\d+(?:[.,]\d+)?|{_EN_CARDINALS}|an?|every|each|per|several|a\s+few|few|"
    rf"many)(?:\s*(?:-|to|or|and)\s*(?:\d+|(?:{_EN_CARDINALS})\b))?[\s-]*"
    r"(?P<unit>minute|min|hour|hr|day|week|month|year)s?\b"
    # how often: daily, weekly… ("daily life" says no period)
    r"|\b(?:(?P<period>hour|dai|week|month|year)ly|annually)\b"
    r"(?!\s+(?:li[fv]e|living|activities|routine|tasks|chores|needs)\b)", re.I)
# The canonical time unit of _EN_TIME's and _EN_FREQUENCY_PER's short forms ("daily": dai)
_UNIT_NAMES = {"min": "minute", "hr": "hour", "dai": "day"}
_SHOWN_UNITS = {"U": "units", "m": "metres"}     # a canonical unit as a message names it
# _EN_TIME needs one of these
_TIME_WORD = re.compile(r"minute|min|hour|hr|day|dai|week|month|year|annual", re.I)
_FREQUENCY_WORD = re.compile(r"once|twice|thrice|times", re.I)
# "on every other day of the week" is on the remaining days: not every second day
_EN_OTHER_DAY = re.compile(r"\bevery (?:other|second) (?:day|night)\b(?!\s+of\b)|"
                           r"\balternate (?:days|nights)\b", re.I)
_EN_EVERY_NIGHT = re.compile(r"\b(?:every|each)\s+night\b|\bnightly\b", re.I)
# "every hour": a period with no count, which the translation must not give one
_EN_EVERY_ONE = re.compile(r"\bevery\s+(hour|day|week|month)\b", re.I)
# "once" counts where it says how often ("once a day", "repeat it once, 7 days later"),
# not where it means "as soon as" ("once you feel better", "once the wound has healed",
# "once 5 litres have drained") ("at once": now; "once opened": after)
_EN_FREQUENCY = re.compile(r"\b(?:(?P<word>(?<!\bat )once(?!\s+(?:you|your|the|it|its|they|"
                           r"their|we|he|she|this|that|these|those|all|my|our|his|her|more|"
                           r"again|upon|in|[a-z]+(?:ed|en))\b)(?!\s+\d)(?![\w-])|"
                           r"twice|thrice)|(?P<n>\d+|one|two|three|four|"
                           r"five|six|seven|eight|nine|ten)\s+times)\b", re.I)
# the first count of a range of times, right before the second: "three to four times"
_EN_RANGE_OF_TIMES = re.compile(r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten)"
                                r"\s*(?:to|or|-|–)\s*(?=(?:\d+|one|two|three|four|five|six|"
                                r"seven|eight|nine|ten)\s+times\b)", re.I)
_EN_MONTH = re.compile(r"\b(January|February|March|April|May|June|July|August|September|"
                       r"October|November|December)\b")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


_AR_MARKS = "[\u064b-\u0652\u0670]*"


def _ar_letters(word: str) -> str:
    return "".join(re.escape(c) + _AR_MARKS for c in word)


@lru_cache(maxsize=256)
def words_pattern(words: tuple[str, ...], lang: str) -> re.Pattern[str]:
    """Whole words of `lang` ("stem~" matches any ending); zh: plain substrings."""
    base = base_language(lang)
    parts = []
    for word in sorted(words, key=len, reverse=True):
        stem = word.rstrip("~")
        if base == "ar":
            # Arabic vowel marks may sit on any letter ("يُمنع" is يمنع): skipped; a later
            # word of a phrase may take the article too («الأربع والعشرين»)
            body = r"\s+".join(
                ("و(?:ال)?" + _ar_letters(w[1:]) if w.startswith("و") and at
                 else ("(?:ال)?" if at else "") + _ar_letters(w))
                for at, w in enumerate(stem.split(" ")))
        else:
            body = re.escape(stem)
        parts.append(body + (r"\w*" if word.endswith("~") else ""))
    alternation = "|".join(parts)
    if base in langdata.GLUED:
        return re.compile(alternation)
    if base == "ar":    # a clitic (و ف ب ل، ال) may be glued on the front
        # …and لل, ل before the article ("للأسبوع 30": for week 30)
        return re.compile(rf"(?<![\u0621-\u064a])(?:[وف]?{_AR_MARKS}لل|[وفبل]?{_AR_MARKS}"
                          rf"(?:ال)?)(?:{alternation})"
                          rf"(?![\u0621-\u064a])")
    # A word ends where its script's letters and marks end (Devanagari vowel signs are not \w).
    letter = "\\w" + "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in script_ranges(lang))
    prefix = f"[{langdata.PREFIXES[base]}]{{0,2}}" if base in langdata.PREFIXES else ""
    # an elided word ("qu'", "lorsqu'") has the next word's letters right after it
    elided = [part for part in parts if part.endswith(("'", "’"))]
    if elided:
        whole = "|".join(p for p in parts if p not in elided)
        alternation = "|".join([f"(?:{whole})(?![{letter}])"] * bool(whole) + elided)
        return re.compile(rf"(?<![{letter}]){prefix}(?:{alternation})", re.I)
    return re.compile(rf"(?<![{letter}]){prefix}(?:{alternation})(?![{letter}])", re.I)


@lru_cache(maxsize=64)
def _number_words(lang: str) -> tuple[re.Pattern[str], dict[str, int]]:
    """One pattern for every number word of the language (longest first, so "quarante-huit"
    is read whole) and each word's value."""
    table = langdata.NUMBER_WORDS.get(base_language(lang), {})
    value = {form.lower(): number for number, forms in table.items() for form in forms}
    return words_pattern(tuple(value), lang), value


def _number_word_value(found: str, values: dict[str, int]) -> int:
    """The value of a matched number word, a clitic or article before it allowed (و، ال)."""
    found = re.sub(_AR_MARKS[:-1], "", found.lower())     # "ثلاثُ" is ثلاث
    return values.get(found) or next(values[form] for form in sorted(values, key=len,
                                                                      reverse=True)
                                     if found.endswith(form))


def _target_numbers(text: str, lang: str) -> list[tuple[int, int, set[Decimal]]]:
    """(start, end, values) of every number in `text`: digits, number words, Han numerals."""
    found = [(span[0], span[1], set(options)) for _, options, span in located(text, lang)]
    if base_language(lang) == "zh":
        found += [(m.start(), m.end(), _han_values(m.group()))
                  for m in _HAN_NUMBER.finditer(text)]
    else:
        pattern, values = _number_words(lang)
        if values:
            found += [(m.start(), m.end(), {Decimal(_number_word_value(m.group(), values))})
                      for m in pattern.finditer(text)]
    return sorted(found, key=lambda item: item[0])


def _joined(text: str, end: int, start: int) -> bool:
    """Do the number ending at `end` and the one starting at `start` belong to one range or
    choice ("3 to 6", «3 или 4»; Arabic's «خمس وعشر», the و written on the second)?"""
    between = text[end:start]
    if _LIST_COMMA.match(between) and _LABELLED.search(text, 0, end):
        return False    # "in week 1, 10 mg in week 2": the week's number, no milligrams
    return start - end <= _JOINED and (_JOIN.fullmatch(between) is not None or (
        not between.strip() and text.startswith("و", start)))


# A number that names a week, a day, a step… ("week 1", «semana 1», «الأسبوع 1»), and a
# comma after it: the end of that number's part, not a list of values of the next unit.
_LABELLED = re.compile(r"(?<![^\W\d_])(?:weeks?|days?|months?|cycles?|steps?|stages?|phases?|"
                       r"visits?|rooms?|wards?|bays?|beds?|floors?|levels?|doses?|sessions?|"
                       r"semanas?|días?|dias?|mes|ciclos?|pasos?|fases?|visitas?|salas?|"
                       r"plantas?|sesión|semaines?|jours?|mois|étapes?|salles?|chambres?|"
                       r"étages?|séances?|недел[яеиюь]|д[ен]нь|дня|месяц[ае]?|цикл[ае]?|"
                       r"этап[ае]?|палат[аеы]|الأسبوع|اليوم|الشهر|الدورة|المرحلة|الغرفة)"
                       r"[\s\u00a0]*(?:n[º°o]\.?\s*)?\d+$", re.I)
_LIST_COMMA = re.compile(r"[,،，、]\s*(?:and\s+|y\s+|et\s+|и\s+|و)?$")


def _values_before(numbers: list[tuple[int, int, set[Decimal]]], text: str, start: int,
                   end: int, *, after: bool = True, gap: bool = True) -> set[Decimal]:
    """Values of the number right before `start` (and those joined to it), or right after
    (unless not `after`); a number that is the unit's own word ("أسبوعين", two weeks) too."""
    result: set[Decimal] = set()
    for n in numbers:
        if n[0] < end and start < n[1]:
            result |= n[2]
    between = _GAP if gap else _SPACES   # "70 мг раз в неделю": 70 is no count of times
    before = [n for n in numbers if n[1] <= start and start - n[1] <= _NEAR_WORD
              and between.fullmatch(text[n[1]:start])
              and not _TIMES_BETWEEN.search(text, n[1], start)]
    if before:
        chain = [before[-1]]
        for item in reversed([n for n in numbers if n[1] <= chain[0][0]]):
            if _joined(text, item[1], chain[-1][0]):
                chain.append(item)
            else:
                break
        for item in chain:
            result |= item[2]
    # "الساعات الـ24": the article on the number; not the count of times after it («по 1
    # капсуле один раз», «1 cápsula una vez»: once)
    # …or, with no number before the unit, Russian's approximate inversion: «минут через
    # двадцать» (after about twenty minutes), «часа на два»
    gaps = ("", "الـ", "ال") if before else ("", "الـ", "ال", "через", "на", "за")
    following = [n for n in numbers if n[0] >= end and n[0] - end <= _NEAR + 8
                 and text[end:n[0]].strip(" \u00a0\u202f") in gaps
                 and not _TIMES_AFTER.match(text, n[1])] if after else []
    if following:      # …and those joined to it: «الأيام الثلاثة إلى الخمسة»
        chain = [following[0]]
        for item in (n for n in numbers if n[0] >= chain[0][1]):
            if not _joined(text, chain[-1][1], item[0]):
                break
            chain.append(item)
        for item in chain:
            result |= item[2]
    return result


# An age before its numbers: "5 ml if aged 1 to 3, or 7.5 ml" gives no 1 or 3 ml.
_EN_AGE = re.compile(r"\b(?:aged|ages?(?:\s+of)?)\s+(?:between\s+|from\s+|under\s+|over\s+)?$",
                     re.I)
_EN_AGE_RANGE = re.compile(r"\s*(?:-|–|to|and)\s*$", re.I)


def _ages_out(numbers: list[tuple[int, int, set[Decimal]]], source: str
              ) -> list[tuple[int, int, set[Decimal]]]:
    """The numbers of an English text but those that say an age ("aged 1 to 3", "ages 4–6"):
    no unit after them is theirs."""
    kept, age_end = [], -1
    for number in numbers:
        if _EN_AGE.search(source[max(0, number[0] - 24):number[0]]) or (
                age_end >= 0 and _EN_AGE_RANGE.fullmatch(source[age_end:number[0]])):
            age_end = number[1]
            continue
        age_end = -1
        kept.append(number)
    return kept


def _source_pairs(source: str) -> list[tuple[Decimal, str]]:
    """(value, unit) of each dose or measure in an English source, ranges expanded."""
    pairs: list[tuple[Decimal, str]] = []
    units = list(dict.fromkeys([*source_units(source), *spelled_units(source)]))
    numbers = _ages_out(_target_numbers(source, "en"), source) if units else []
    for unit in units:
        pattern, _ = _unit_pattern(unit, "en")
        for match in pattern.finditer(source):   # English puts no number after its unit
            pairs += [(v, unit) for v in _values_before(numbers, source, *match.span(),
                                                        after=False)]
    return pairs


_EN_EVERY_DAY = re.compile(r"\b(?:every|each)\s+day\b|\bdaily\b|\ba\s+day\b", re.I)
_EN_TIMED = re.compile(rf"(?<![\d.,])(\d+|\b(?:{_EN_CARDINALS}))(?:\s*(?:-|–|to|or|and)\s*"
                       rf"(\d+|(?:{_EN_CARDINALS})\b))?[\s-]*"
                       r"(second|minute|hour|day|week|month|year)s?\b", re.I)
_EN_TIME_UNIT = re.compile(r"(?:second|minute|hour|day|week|month|year)s?\b", re.I)
_RANGE = re.compile(r"(?<![\d.,])(\d+(?:[.,]\d+)?)\s*(?:-|–|—|to|a|à|до|至|到|إلى|و)\s*"
                    r"(\d+(?:[.,]\d+)?)(?![\d.,])")


def _time_pairs(source: str) -> list[tuple[Decimal, str]]:
    """(value, time unit) of each duration, its count in digits or words: "3 to 6 hours"
    → 3 and 6 hours, "one to two weeks" → 1 and 2 weeks."""
    if not _EN_TIME_UNIT.search(source):
        return []           # no unit of time at all (most sentences): no duration
    pairs = []
    for match in _EN_TIMED.finditer(source):
        if _EN_IN_ONE.search(source, 0, match.start()) and _english_count(
                match.group(1) or "") == 1 and not match.group(2):
            continue    # "no more than 100 g in one week": a rate, said «por semana»
        for group in (1, 2):
            if (count := match.group(group)):
                pairs.append((Decimal(_english_count(count)), match.group(3).lower()))
    return pairs


_EN_IN_ONE = re.compile(r"\b(?:in|per|each|every)\s+$", re.I)


def _reversed_range(source: str, target: str, lang: str) -> str | None:
    """A range the source writes rising ("2 to 4") that the translation writes falling."""
    rising = [(a, b) for a, b in _RANGE.findall(source) if Decimal(a) < Decimal(b)]
    if not rising:
        return None
    from pipeline.checks.numbers import _ascii_digits

    for a, b in _RANGE.findall(_ascii_digits(target)):
        if (b, a) in rising:
            return f"{a}–{b}"
    return None


@check("quantities")
def quantities(entry: Entry, scope: Scope) -> Iterator[Finding]:
    """Each dose, measure and duration keeps its value next to its unit, ranges their order."""
    table = langdata.TIME_UNITS.get(base_language(scope.lang), {})
    for source, target in entry.pairs():
        if not _DIGIT.search(source):
            # no value in the source: no range, no dose, no duration to pair; but things
            # counted in words ("two tablets … one capsule") keep their counts
            if (exchanged := _counts_exchanged(plain(source), plain(target), scope.lang)):
                yield scope.catalog.finding(
                    "quantities", f"the counts of “{exchanged[0]}” are exchanged "
                    f"({', '.join(_shown(exchanged[1]))} → "
                    f"{', '.join(_shown(exchanged[2]))})", entry=entry)
                return
            if (by_time := _counts_by_time_exchanged(source, target, scope.lang)):
                yield _timed_finding(scope, entry, by_time)
                return
            if _EN_COUNT_WORD.search(source) and (
                    limit := _lost_limit(plain(source), plain(target), scope.lang)):
                yield _limit_finding(scope, entry, limit)   # "no more than three doses"
                return
            continue
        source, target = plain(source), plain(target)
        falling = _reversed_range(source, target, scope.lang)
        if falling:
            yield scope.catalog.finding(
                "quantities", f"the range {falling} runs the other way in the source",
                entry=entry)
            return
        if (limit := _lost_limit(source, target, scope.lang)) is not None:
            yield _limit_finding(scope, entry, limit)
            return
        if (bound := _bounds_exchanged(source, target, scope.lang)):
            yield scope.catalog.finding(
                "quantities", f"the source says {bound[0]} and {bound[1]}, the translation "
                "gives each number the other's place: were they swapped?", entry=entry)
            return
        if (exchanged_doses := terms.doses_exchanged(source, target, scope.lang)):
            first, second, dose, other = exchanged_doses
            yield scope.catalog.finding(
                "quantities", f"the source gives {first.english[0]} {dose} and "
                f"{second.english[0]} {other}, the translation each the other's: were the "
                "doses swapped?", entry=entry)
            return
        if (exchanged := _counts_exchanged(source, target, scope.lang)):
            yield scope.catalog.finding(
                "quantities", f"the counts of “{exchanged[0]}” are exchanged "
                f"({', '.join(_shown(exchanged[1]))} → "
                f"{', '.join(_shown(exchanged[2]))})", entry=entry)
            return
        if (by_time := _counts_by_time_exchanged(source, target, scope.lang)):
            yield _timed_finding(scope, entry, by_time)
            return
        if (clocks := _clock_times_swapped(source, target)):
            yield scope.catalog.finding(
                "quantities", f"the clock times come in another order than in the source "
                f"({', '.join(clocks[0])} → {', '.join(clocks[1])}): were they swapped?",
                entry=entry)
            return
        if (counted := _counts_swapped(source, target, scope.lang)):
            noun, said, written = counted
            yield scope.catalog.finding(
                "quantities", f"the counts of “{noun}” come in another order than in the source "
                f"({', '.join(_shown(said))} → {', '.join(_shown(written))}): were they "
                "swapped?", entry=entry)
            return
        wanted = _source_pairs(source)
        timed = [(v, u) for v, u in _time_pairs(source) if u in table]
        if not wanted and not timed and not _EN_POINT.search(source):
            continue
        alternate = langdata.EVERY_OTHER_DAY.get(base_language(scope.lang), ())
        if alternate and _EVERY_TWO_DAYS.search(source):   # "un jour sur deux": 2 days
            timed = [(v, u) for v, u in timed if (v, u) != (Decimal(2), "day")]
        numbers = _target_numbers(target, scope.lang)
        anywhere = set().union(*(n[2] for n in numbers))
        patterns = {unit: _unit_pattern(unit, scope.lang)[0] for _, unit in wanted}
        patterns.update({unit: words_pattern(table[unit], scope.lang) for _, unit in timed})
        elsewhere = said_in_other_units(source, target, scope.lang)
        for value, unit in dict.fromkeys([*wanted, *timed]):
            if (value, unit) in elsewhere:
                continue    # "1 hour" said as sixty minutes
            spans = [m.span() for m in patterns[unit].finditer(target)]
            if not spans and unit not in table:
                continue    # the `units` check reports a unit that is missing altogether
            have = set().union(*(_values_before(numbers, target, *span) for span in spans))
            if value == 1 and _alone_singular(target, spans, numbers, scope.lang):
                have.add(value)     # «قبل السفر بيوم»: a day, the noun alone
            if value not in have and value in anywhere:   # moved (changed: `numbers` says)
                shown = ", ".join(sorted(f"{v.normalize():f}" for v in have)) or "no number"
                name = _SHOWN_UNITS.get(unit, unit)
                yield scope.catalog.finding(
                    "quantities", f"{value.normalize():f} {name} of the source: the "
                    f"translation has {shown} with {name}", entry=entry)
                return
        # "every two weeks … every four weeks" made «cada dos semanas … cada dos semanas»:
        # a count of the unit gone from the translation, another written more often
        if (doubled := _count_doubled(timed, target, numbers, anywhere, patterns)) is not None:
            gone, twice, unit = doubled
            name = _SHOWN_UNITS.get(unit, unit)
            yield scope.catalog.finding(
                "quantities", f"{gone.normalize():f} {name} of the source: the translation "
                f"has no {gone.normalize():f} but {twice.normalize():f} {name} more often "
                "than the source", entry=entry)
            return
        # "a 7-day break" said with another count («un descanso de 21 días», 21天周期)
        named, naming = _modifiers(source, "en"), _modifiers(target, scope.lang)
        if named and naming and not named & naming and named <= anywhere:
            yield scope.catalog.finding(
                "quantities", f"the source's {', '.join(_shown(sorted(named)))} names a "
                f"thing (“{_MODIFIER['en'].search(source).group(0)}”), the translation's "  # type: ignore[union-attr]
                f"{', '.join(_shown(sorted(naming)))}: were the counts swapped?", entry=entry)
            return
        english = _ages_out(_target_numbers(source, "en"), source)
        for unit in dict.fromkeys(unit for _, unit in [*wanted, *timed]):
            there = _unit_pattern(unit, "en")[0] if unit not in table else words_pattern(
                langdata.TIME_UNITS["en"][unit], "en")
            # "1000 mg a day": the "a" is no value of mg; "one pill daily": no "1" of days
            source_spans = [m.span() for m in there.finditer(source)
                            if not _EN_PERIOD.search(source, 0, m.start())]
            said = _in_order(english, source, source_spans, after=False, gap=False)
            # "12 days of each 28-day cycle": a count that names a thing (a 28-day cycle) is
            # no duration to keep in order where the translation names it so too
            # («每个28天周期中的12天»); a swap moves it out of that role ("a break of 21 days")
            said = [v for v in said if v not in named & naming]
            spans = [m.span() for m in patterns[unit].finditer(target)]
            written = [v for v in _in_order(numbers, target, spans) if v in said]
            # "A instead of B": B must follow the translation's "instead of", in any order
            kept = _instead_kept(source, target, scope.lang, said, english, numbers) if len(
                said) > 1 else None
            roles, every, theirs = None, set(), set()
            if len(said) > 1 and kept is None:
                every = _every_values(english, source, "en", source_spans)
                theirs = _every_values(numbers, target, scope.lang, spans)
                roles = _roles(said, written, every, theirs)
            if len(said) > 1 and set(written) == set(said) and roles is False:
                name = _SHOWN_UNITS.get(unit, unit)
                yield scope.catalog.finding(
                    "quantities", f"the translation has “every” before "
                    f"{', '.join(_shown(sorted(theirs & set(said) - every)))} ({name}), the "
                    f"source before {', '.join(_shown(sorted(every & set(said))))}: were "
                    "they swapped?", entry=entry)
                return
            if len(said) > 1 and set(written) == set(said) and (
                    written != said if kept is None else not kept) and not roles:
                yield scope.catalog.finding(
                    "quantities", f"the values with {_SHOWN_UNITS.get(unit, unit)} come in "
                    f"another order than in the source ({', '.join(_shown(said))} → "
                    f"{', '.join(_shown(written))}): were they swapped?", entry=entry)
                return
        # "in week 1 … by week 6": points in time named by their number, in order
        for unit in dict.fromkeys(m.group(1).lower() for m in _EN_POINT.finditer(source)):
            said = list(dict.fromkeys(Decimal(m.group(2)) for m in _EN_POINT.finditer(source)
                                      if m.group(1).lower() == unit))
            written = [v for v in _in_order(numbers, target, [
                m.span() for m in words_pattern(table[unit], scope.lang).finditer(target)])
                if v in said] if unit in table else []
            if len(said) > 1 and set(written) == set(said) and written != said:
                yield scope.catalog.finding(
                    "quantities", f"“{unit} {_shown(said[:1])[0]}” and “{unit} "
                    f"{_shown(said[1:2])[0]}” come in another order than in the source: were "
                    "they swapped?", entry=entry)
                return


def _count_doubled(timed: list[tuple[Decimal, str]], target: str, numbers: Numbers,
                   anywhere: set[Decimal], patterns: dict[str, re.Pattern[str]]
                   ) -> tuple[Decimal, Decimal, str] | None:
    """(the source's count, the one written in its place, the unit) where a duration's or an
    interval's count is nowhere in the translation (`anywhere`: every value it has) and
    another count of that unit is there more often than the source says it."""
    for unit in dict.fromkeys(u for _, u in timed):
        said = Counter(v for v, u in timed if u == unit)
        written = Counter(v for m in patterns[unit].finditer(target)
                          for v in _values_before(numbers, target, *m.span()))
        gone = [v for v in said if v not in anywhere and v != 1]   # «لمدة أسبوع»: one week
        more = [v for v in written if v in said and written[v] > said[v]]
        if gone and more:
            return gone[0], more[0], unit
    return None


_EN_INSTEAD = re.compile(r"\binstead\s+of\b|\brather\s+than\b", re.I)


Numbers = list[tuple[int, int, set[Decimal]]]


def _instead_kept(source: str, target: str, lang: str, values: list[Decimal],
                  source_numbers: Numbers, target_numbers: Numbers) -> bool | None:
    """Where the source says "A instead of B": does the translation's "instead of" («вместо»,
    «en lugar de», 而不是) lead to B's value too, however it orders the two («вместо … 1,36 %
    … 2,27 %»)? None where either side says no "instead of" before one of `values`. (The
    numbers: `_target_numbers` of the plain source and translation.)"""
    words = langdata.INSTEAD.get(base_language(lang))
    said = _EN_INSTEAD.search(source)
    if not words or said is None:
        return None
    wanted = set(values)
    english = [n for n in source_numbers if n[0] >= said.end() and n[2] & wanted]
    phrase = words_pattern(words, lang).search(target)
    if not english or phrase is None:
        return None
    theirs = [n for n in target_numbers if n[0] >= phrase.end() and n[2] & wanted]
    return bool(theirs) and bool(english[0][2] & theirs[0][2])


# A period, not a duration: "twice a day", "1000 mg a day", "5 ml per dose each week" (but
# "for a day", "within a week" are one of it)
_EN_PERIOD = re.compile(r"(?<!\bfor)(?<!\bwithin)(?<!\bafter)(?<!\bin)(?<!\bover)(?<!\bthan)"
                        r"(?<!\babout)(?<!\bof)(?<!\bby)\s+(?:a|an|per|each|every)\s+$", re.I)
_EN_POINT = re.compile(r"\b(day|week|month)\s+(\d+)\b(?![.,]\d)", re.I)


def _alone_singular(text: str, spans: list[tuple[int, int]],
                    numbers: list[tuple[int, int, set[Decimal]]], lang: str) -> bool:
    """Does a unit stand in the singular with no number before or after it, where the
    language says one of it so (Arabic «بيوم», «لمدة أسبوع»)?"""
    singular = langdata.SINGULAR_ONE.get(base_language(lang))
    if not singular:
        return False
    pattern = words_pattern(singular, lang)
    return any(pattern.fullmatch(text, a, b) and not _values_before(numbers, text, a, b)
               for a, b in spans)


# Clock times with their minutes: "7:30" in the source; "7:30", «7 h 30», «7 ч 30» in a
# translation (not "7.30", which may be a decimal).
_EN_CLOCK_MINUTES = re.compile(r"(?<![\d:.,])(\d{1,2}):(\d\d)(?![\d:])")
_CLOCK_MINUTES = re.compile(r"(?<![\d:.,])(\d{1,2})\s*(?::|h|ч\.?)\s*(\d\d)(?!\d)")


def _clock_times_swapped(source: str, target: str) -> tuple[list[str], list[str]] | None:
    """(the source's clock times, the translation's) where the source gives two different
    times of day with their minutes and the translation has the same ones in another order
    ("breakfast before 7:30 and water until 11:30" made «desayuno antes de las 11:30 y agua
    hasta las 7:30»); an hour read on the 12-hour clock, so "19:30" is "7:30 pm"."""
    def times(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
        return [(int(h) % 12, int(m)) for h, m in pattern.findall(text)]

    said, written = times(_EN_CLOCK_MINUTES, source), times(_CLOCK_MINUTES, target)
    if len(set(said)) < 2 or sorted(said) != sorted(written) or said == written:
        return None

    def shown(found: list[tuple[int, int]]) -> list[str]:
        return [f"{h or 12}:{m:02d}" for h, m in found]

    return shown(said), shown(written)


# A count and what it counts: "2 portions", "3 drops of", "12 tablets"; and the two words
# after it, where the noun may be ("2 pancreatic enzyme capsules … 1 capsule").
_EN_COUNTED = re.compile(r"(?<![\d.,])\d+(?:[.,]\d+)?\s+(?:of\s+)?([a-z]{3,})"
                         r"(?:\s+([a-z]{3,}))?(?:\s+([a-z]{3,}))?", re.I)


def _counted_nouns(source: str) -> list[tuple[str, tuple[int, int]]]:
    """(noun, where: from the word after the count to the noun) of each count of the
    source: the word after it, or one of the next two
    where that is the word right after another count ("2 pancreatic enzyme capsules and
    1 capsule": capsule both times)."""
    found = list(_EN_COUNTED.finditer(source))
    stop = langdata.FUNCTION_WORDS["en"]
    firsts = [m.group(1).lower().rstrip("s") for m in found]
    heads = {w for w in firsts if w not in stop}
    counted = []
    for at, m in enumerate(found):
        own = firsts[at] in heads and firsts[at] in firsts[:at] + firsts[at + 1:]
        group = 1 if own else next((g for g in (2, 3) if m.group(g) and (
            m.group(g).lower().rstrip("s") in heads)), 1)
        counted.append((m.group(group).lower().rstrip("s"), (m.start(1), m.end(group))))
    return counted


def _counts_swapped(source: str, target: str, lang: str
                    ) -> tuple[str, list[Decimal], list[Decimal]] | None:
    """(noun, the source's counts of it, the translation's) where the source counts one
    noun twice or more with different values ("2 portions of fruit and 3 portions of
    vegetables") and the translation has the same counts in another order; the noun found
    in the translation by what the dictionaries say it is (pipeline.checks.bilingual)."""
    from pipeline.checks import bilingual

    counted = _counted_nouns(source)
    twice = [noun for noun, seen in Counter(noun for noun, _ in counted).items() if seen > 1]
    if not twice:
        return None
    english, numbers = _target_numbers(source, "en"), _target_numbers(target, lang)
    folded = fold(target)     # «cápsulas» for «capsula»; where folding keeps the places
    text = folded if len(folded) == len(target) else target
    for noun in twice:
        spans = [span for other, span in counted if other == noun]
        said = _in_order(english, source, spans, after=False, gap=False)
        words = [w for w in bilingual.translations(noun, lang) if " " not in w and len(w) > 2]
        doses = langdata.DOSE_NOUNS.get(base_language(lang)) if noun in langdata.DOSE_NOUNS[
            "en"] else None
        if len(said) < 2 or not (words or doses):
            continue
        theirs = [m.span() for m in bilingual.word_pattern(tuple(sorted(words)), lang
                                                           ).finditer(text)] if words else []
        if doses:       # what the language counts doses in («comprimidos», 片, «قرص»)
            theirs = sorted({*theirs, *(m.span() for m in words_pattern(doses, lang).finditer(
                target))})
        written = [v for v in _in_order(numbers, target, theirs) if v in said]
        if set(written) == set(said) and written != said and not _roles(
                said, written, _every_values(english, source, "en", spans),
                _every_values(numbers, target, lang, theirs)):
            return noun + "s", said, written
    return _counts_exchanged(source, target, lang)


_EN_COUNT_OF = re.compile(r"(?<![\d.,])(\d+|one|two|three|four|five|six|seven|eight|nine|ten|"
                          r"eleven|twelve)\s+(?:[a-z]+\s+)?([a-z]{3,})\b", re.I)
_NOT_COUNTED = frozenset({"times", "time", "more", "less", "other", "days", "weeks", "hours",
                          "minutes", "months", "years", "day", "week", "hour", "minute",
                          "month", "year", "and", "or", "to", "of", "the", "per", "each",
                          "every", "doses", "dose"})


def _counts_exchanged(source: str, target: str, lang: str
                      ) -> tuple[str, list[Decimal], list[Decimal]] | None:
    """("meals and snacks", the source's counts, the translation's) where the source counts
    two things with different values ("three small meals and two snacks") and the
    translation gives each the other's count («dos comidas pequeñas y tres tentempiés»);
    each thing found by what the dictionaries say it is."""
    from pipeline.checks import bilingual

    counts: dict[str, Decimal] = {}
    for match in _EN_COUNT_OF.finditer(source):
        noun = match.group(2).lower()
        if noun in _NOT_COUNTED or noun in counts:
            continue
        word = match.group(1).lower()
        counts[noun] = Decimal(_english_count(word))
    if len(set(counts.values())) < 2:
        return None
    text = plain(target)
    numbers = _target_numbers(text, lang)
    found: dict[str, Decimal] = {}
    for noun in counts:
        words = [w for w in bilingual.translations(noun.rstrip("s") if noun.endswith("s")
                                                   else noun, lang)
                 if " " not in w and len(w) > 2] or [
            w for w in bilingual.translations(noun, lang) if " " not in w and len(w) > 2]
        if not words:
            continue
        spans = [m.span() for m in bilingual.word_pattern(tuple(sorted(words)), lang
                                                          ).finditer(text)]
        values = set().union(*(_values_before(numbers, text, *span, after=False)
                               for span in spans)) if spans else set()
        if len(values) == 1:
            found[noun] = next(iter(values))
    for a in found:
        for b in found:
            if a < b and counts[a] != counts[b] and found[a] == counts[b] \
                    and found[b] == counts[a]:
                return f"{a}, {b}", [counts[a], counts[b]], [found[a], found[b]]
    return None


# A time of day written as a clock time, in the source ("7 am", "1 pm", "13:00": numbers'
# clock times with minutes or am/pm) and in a translation (a number before ":MM", h, 点, 时,
# after الساعة): its part of the day.
_CLOCK_AFTER = re.compile(r"\s?(?::\d\d|h\b|h\d\d|点|时)")
_CLOCK_BEFORE = re.compile(r"(?:الساعة|a las|à|в)\s*$")
_COUNT_UNIT = re.compile(r"\s*(?:[-\u00a0]\s*)?(?:mg|ml|mcg|µg|g|kg|%|°|"
                         r"(?:second|minute|hour|day|week|month|year)s?)\b", re.I)
_ANCHOR_GAP = 4     # characters between a clock time and its part-of-day word: one anchor


def _part_of_day(hour: int) -> str:
    return "morning" if hour < 12 else "midday" if hour < 18 else "evening"


def _anchors(text: str, lang: str) -> list[tuple[int, int, str]]:
    """(start, end, part of the day) of each time of day in `text`, in order; a clock time
    next to its part-of-day word («a las 7 de la mañana», 下午1点) is one."""
    base = base_language(lang)
    table = langdata.TIMES_OF_DAY.get(base, {})
    found = []
    for part, words in table.items():
        found += [(m.start(), m.end(), part) for m in words_pattern(words, lang).finditer(text)]
    found.sort(key=lambda item: (item[0], -(item[1] - item[0])))
    words_only: list[tuple[int, int, str]] = []
    for item in found:       # «petit-déjeuner» holds «déjeuner»: the longer one counts
        if not words_only or item[0] >= words_only[-1][1]:
            words_only.append(item)
    clocks = []
    if base == "en":
        for m in _CLOCK.finditer(text):
            if not (m.group(2) or m.group(3) or m.group(4)):
                continue        # a bare number, or "6 o'clock"
            hour = int(m.group(1))
            if m.group(4) and hour < 12:
                hour += 12
            clocks.append((m.start(), m.start() + len(m.group(0).rstrip()), _part_of_day(hour)))
    else:
        for at, end, values in _target_numbers(text, lang):
            if (_CLOCK_AFTER.match(text, end) or _CLOCK_BEFORE.search(text[:at])) and len(
                    values) == 1 and (value := next(iter(values))) == int(value) and value < 24:
                clocks.append((at, end, _part_of_day(int(value))))
    merged = sorted(words_only)
    for clock in clocks:
        near = [w for w in merged if abs(w[0] - clock[1]) <= _ANCHOR_GAP + 8
                and (w[0] >= clock[1] - 1 or clock[0] - w[1] <= _ANCHOR_GAP)]
        if not near:
            merged.append(clock)
    return sorted(merged)


def _counts_by_time(text: str, lang: str, anchors: list[tuple[int, int, str]],
                    wanted: set[Decimal] | None = None) -> list[tuple[int, Decimal]]:
    """(position, value) of the counts of `text` (1 to 12, not a clock time of its `anchors`,
    a dose or a duration; of `wanted` values only, in a translation), in order."""
    numbers = _target_numbers(text, lang)
    clocks = {(a, b) for a, b, _ in anchors}
    found = []
    for at, end, values in numbers:
        if len(values) != 1 or any(a <= at < b for a, b in clocks):
            continue
        value = next(iter(values))
        if value != int(value) or not 1 <= value <= 12 or _CLOCK_AFTER.match(text, end) or \
                _COUNT_UNIT.match(text, end) or _CLOCK_BEFORE.search(text[:at]):
            continue
        if base_language(lang) == "en" and text[at:end].lower() in ("a", "an"):
            continue
        if wanted is not None and value not in wanted:
            continue
        found.append((at, value))
    return found


def _counts_by_time_exchanged(source: str, target: str, lang: str
                              ) -> tuple[str, str, Decimal, Decimal] | None:
    """(part of day, other part, its count, the other's) where the source gives two times
    of day different counts ("one capsule at 7 am and two at 1 pm", "one tablet in the
    morning and two at night") and the translation gives each the other's: counts and times
    paired in their order, where each has as many of one as of the other."""
    text, written = plain(source), plain(target)
    times = _anchors(text, "en")
    counts = _counts_by_time(text, "en", times)
    if len(times) < 2 or len(times) != len(counts):
        return None
    said = dict(zip((part for _, _, part in times), (value for _, value in counts),
                    strict=True))
    if len(said) != len(times) or len(set(said.values())) < 2:
        return None
    their_times = _anchors(written, lang)
    their_counts = _counts_by_time(written, lang, their_times, set(said.values()))
    if len(their_times) != len(times) or len(their_counts) != len(counts):
        return None
    given = dict(zip((part for _, _, part in their_times), (v for _, v in their_counts),
                     strict=True))
    parts = list(said)
    for i, a in enumerate(parts):
        for b in parts[i + 1:]:
            if said[a] != said[b] and given.get(a) == said[b] and given.get(b) == said[a]:
                return a, b, said[a], said[b]
    return None


def _timed_finding(scope: Scope, entry: Entry, timed: tuple[str, str, Decimal, Decimal]
                   ) -> Finding:
    first, second, count, other = timed
    return scope.catalog.finding(
        "quantities", f"the source gives {_shown([count])[0]} in the {first} and "
        f"{_shown([other])[0]} in the {second}, the translation each the other's: were the "
        "counts swapped?", entry=entry)


def _limit_finding(scope: Scope, entry: Entry, limit: tuple[str, tuple[str, ...]]) -> Finding:
    return scope.catalog.finding(
        "quantities", f"the source sets a limit, “{limit[0]}”, the translation says none of "
        f"{', '.join(f'«{w}»' for w in limit[1][:3])}…: is the bound gone?", entry=entry)


# A count written as a word ("no more than three doses"): a value to bound without a digit.
_EN_COUNT_WORD = re.compile(r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                            r"twelve|twenty|thirty|forty|fifty|hundred)\b", re.I)


def _lost_limit(source: str, target: str, lang: str) -> tuple[str, tuple[str, ...]] | None:
    """(the source's limit phrase, the language's phrases for it) where the source bounds a
    value ("no more than 4", "at least 6 hours") and the translation has no bound of that
    kind: "more than 4 doses" for "no more than 4". Languages without a table: None."""
    mine = langdata.LIMITS.get(base_language(lang))
    if not mine:
        return None
    gap = re.search(langdata.EN_LIMIT_GAP, source, re.I)
    gap_kind = ("least" if gap.group("gap").lower() in ("less", "fewer", "lower", "earlier")
                else "most") if gap else ""
    for kind, comparative in (("most", "more"), ("least", "less")):
        said = words_pattern(langdata.LIMITS["en"][kind], "en").search(source) or (
            gap if gap_kind == kind else None)
        if not said or words_pattern(mine[kind], lang).search(target):
            continue
        latest = langdata.AT_THE_LATEST.get(base_language(lang))
        if kind == "least" and latest and _EN_BOUND_BEFORE.match(source, said.end()) and \
                words_pattern(latest, lang).search(target):
            continue    # "at least 48 hours before" said "48 hours before at the latest", 最晚
        if comparative in mine and _negated_comparative(target, mine[comparative], lang):
            continue    # "no tome más de 3", "على ألا تتجاوز 4": not more, words apart
        return said.group(0), mine[kind]
    return None


# A limit on how long before something happens: "at least 48 hours before departure".
_EN_BOUND_BEFORE = re.compile(r"[^.;,]{0,30}?\b(?:before|beforehand|in advance|ahead)\b",
                              re.I)


def _negated_comparative(target: str, words: tuple[str, ...], lang: str) -> bool:
    """Does a negation (not a "without") stand before a comparative ("más", «تتجاوز», 超过) in
    its sentence ("no tome más de 3", «Не применяйте крем, …, дольше 7 дней»), not only after
    it or as "without" («… более 4 часов, поскольку … без движения»)?"""
    from pipeline.checks.negation import _positions

    text = plain(target)
    without = {w.lower() for w in langdata.WITHOUT.get(base_language(lang), ())}
    negated = [at for at, word in _positions(text, lang)  # not «без движения», «الخالية من»
               if word.lower() not in without and word.lower().removeprefix("ال") not in without]
    # Chinese: the negation right before it, in its clause (不要超过, 不得多于), not a 不含 of
    # the clause before
    glued = base_language(lang) in langdata.GLUED
    return any((at < found.start() and not _SENTENCE_END.search(text, at, found.start()) and (
        not glued or (found.start() - at <= _GLUED_REACH
                      and not _GLUED_CLAUSE.search(text, at, found.start()))))
               # or after it in its clause, no comma between: «больше одной капли в день
               # закапывать нельзя», «более 4 таблеток не принимайте»
               or (not glued and at > found.end()
                   and not _CLAUSE_END.search(text, found.end(), at))
               for found in words_pattern(words, lang).finditer(text) for at in negated)


_CLAUSE_END = re.compile(r"[.;:,!?—–()]")


_GLUED_REACH = 8        # characters from a Chinese negation to the comparative it negates
_GLUED_CLAUSE = re.compile(r"[，,、]")


_SENTENCE_END = re.compile(r"[.;!?。；！？]")


# The amount a concentration is per: "/5 ml", 每5毫升, and "in 5 ml" after a dose ("250 mg in
# 5 ml", «250 mg pour 5 ml», «250 мг в 5 мл»; 每5毫升含250毫克, where 每 before a number and
# its unit says "in", not "every": 每8小时)
_ZH_CONTAINS = re.compile(r"\s*[^\W\d_]{1,3}含")
_PER = re.compile(r"/\s*$")
_PER_WORD = re.compile(r"\d\s?[^\W\d_]{1,5}\.?\s+(?:in|per|en|por|pour|dans|par|в|на|في|لكل)"
                       r"\s*$")
_VOLUME = re.compile(r"[\s\u00a0]?(?:ml|mL|мл|مل|毫升)(?![^\W\d_])")


def _every_values(numbers: list[tuple[int, int, set[Decimal]]], text: str, lang: str,
                  spans: list[tuple[int, int]]) -> set[Decimal]:
    """The values of a unit (its `spans`) an "every" stands right before ("every 12 hours",
    «cada 12 horas», 每12小时): how often, not how long."""
    before = _every_before(base_language(lang))
    if before is None:
        return set()
    found: set[Decimal] = set()
    for at, end, values in numbers:
        if not before.search(text, max(0, at - 12), at):
            continue
        # "every 4 to 6 hours": the range reaches the unit
        joined = [later for later in numbers if later[0] >= end and _joined(text, end, later[0])]
        reach = [end, *(later[1] for later in joined)]
        if any(0 <= start - last <= _COUNT_GAP for start, _ in spans for last in reach):
            found |= values.union(*(later[2] for later in joined))   # its 4 and its 6
    return found


@lru_cache(maxsize=32)
def _every_before(lang: str) -> re.Pattern[str] | None:
    """The language's "every" at the end of a text (what stands right before a count);
    English's "4 doses in 24 hours" too: a rate's window, which 每24小时 may say."""
    words = ("every", "each", "in", "per", "within", "in any") if lang == "en" else (
        langdata.EVERY.get(lang, ()))
    if not words:
        return None
    edge = "" if lang in langdata.GLUED else r"(?<!\w)"
    return re.compile(edge + "(?:" + "|".join(map(re.escape, words)) + r")\s*$", re.I)


_COUNT_GAP = 2     # characters between an "every"'s count and its unit ("12 hours", 12小时)


def _roles(said: list[Decimal], written: list[Decimal], every: set[Decimal],
           theirs: set[Decimal]) -> bool | None:
    """How a unit's values stand after "every" in the source (`every`) and the translation
    (`theirs`): False where the translation puts "every" before a value the source says
    with none ("every 24 hours for the first 12 hours" for "every 12 hours for the first 24
    hours", whatever the order); True where the order differs only by the translation
    saying how long before how often (最初24小时内每12小时), each kind in its order; None
    where the roles tell nothing."""
    every, theirs = every & set(said), theirs & set(said)
    if not every or not theirs:
        return None
    if theirs - every:
        return False
    if every == theirs:     # each kind in its order: how often, how long
        return all([v for v in said if (v in every) == often] == [
            v for v in written if (v in every) == often] for often in (True, False))
    return None


def _in_order(numbers: list[tuple[int, int, set[Decimal]]], text: str,
              spans: list[tuple[int, int]], *, after: bool = True, gap: bool = True
              ) -> list[Decimal]:
    """The distinct values next to the unit's spans, in the order the text has them (a
    range's values rising): the values of "38 °C … 38.5 °C" are 38, 38.5. Not the amount
    a concentration is per ("10 ml of a 120 mg/5 ml suspension" has one dose in ml: a
    translation may give the concentration first)."""
    found: list[Decimal] = []
    numbers = [n for n in numbers if not _PER.search(text[max(0, n[0] - 24):n[0]]) and not (
        _PER_WORD.search(text[max(0, n[0] - 24):n[0]]) and _VOLUME.match(text, n[1])) and not (
        text[max(0, n[0] - 1):n[0]] == "每" and _ZH_CONTAINS.match(text, n[1]))]
    for span in sorted(spans):
        for value in sorted(_values_before(numbers, text, *span, after=after, gap=gap)):
            if value not in found:
                found.append(value)
    return found


# A count of time that names a thing: "a 28-day cycle", «un ciclo de 28 días», «28-дневного
# цикла», «28天周期», «7天的休息» (not "después de 3 días": a preposition's "de").
_MODIFIER = {
    "en": re.compile(r"(?<![\d.,])(\d+(?:\.\d+)?)-(?:minute|hour|day|week|month|year)\b",
                     re.I),
    "es": re.compile(r"(?<!después )(?<!antes )(?<!partir )(?<!más )(?<!menos )(?<!cerca )"
                     r"(?<!dentro )(?<!alrededor )(?<!edad )\bde (\d+) "
                     r"(?:minutos|horas|días|semanas|meses|años)\b", re.I),
    "fr": re.compile(r"(?<!près )(?<!plus )(?<!moins )(?<!partir )(?<!lors )(?<!âge )"
                     r"(?<!environ )\bde (\d+) (?:minutes|heures|jours|semaines|mois|ans)\b",
                     re.I),
    "ru": re.compile(r"(?<![\d.,])(\d+)-(?:минутн|часов|дневн|недельн|месячн|летн)\w*", re.I),
    "zh": re.compile(r"(\d+)(?:天|周|个月|小时|年)(?=的|周期|疗程|间隔|计划|课程|假期)"),
}


def _modifiers(text: str, lang: str) -> set[Decimal]:
    pattern = _MODIFIER.get(base_language(lang))
    return {Decimal(v) for v in pattern.findall(text)} if pattern else set()


def _shown(values: list[Decimal]) -> list[str]:
    return [f"{v.normalize():f}" for v in values]


def _source_times(source: str) -> Counter[str]:
    """Time units of durations and intervals in an English source ("3 days", "daily")."""
    found: Counter[str] = Counter()
    if not _TIME_WORD.search(source):
        return found
    rates: set[str] = set()
    # "at the same time each day" says regularly, not a period: «в одно и то же время»
    source = _SAME_TIME.sub(" ", source)
    for match in _EN_TIME.finditer(source):
        unit = (match.group("unit") or match.group("period") or "year").lower()
        unit = _UNIT_NAMES.get(unit, unit)
        count = (match.group("num") or "").lower()
        if not count or count in ("a", "an", "every", "each", "per"):
            if unit in rates:
                continue    # "twice a day, at the same times each day": one day said twice
            rates.add(unit)
        found[unit] += 1
    return found


# A duration said in the next larger unit: 48 hours as two days, 14 days as 2 weeks.
LARGER = {"minute": ("hour", 60), "hour": ("day", 24), "day": ("week", 7),
          "month": ("year", 12)}


def converted(source: str, target: str, lang: str, unit: str | None = None) -> set[Decimal]:
    """The source's durations (of `unit`, or any) that the translation says in the next
    larger unit, its count the same amount ("48 hours": «двое суток», 两天, "dos días")."""
    table = langdata.TIME_UNITS.get(base_language(lang), {})
    found: set[Decimal] = set()
    text = plain(target)
    numbers: list[tuple[int, int, set[Decimal]]] | None = None
    for value, said in _time_pairs(plain(source)):
        larger, factor = LARGER.get(said, ("", 0))
        if (unit and said != unit) or larger not in table or value % factor:
            continue
        if numbers is None:
            numbers = _target_numbers(text, lang)
        count = value / factor
        if any(count in _values_before(numbers, text, *m.span())
               for m in words_pattern(table[larger], lang).finditer(text)):
            found.add(value)
    return found


# Neighbouring units (the smaller, the larger, how many of one make the other): an amount
# may be said in either ("30 seconds": «medio minuto»; "1 hour": «sesenta minutos»; "500 ml":
# «пол-литра», «نصف لتر»).
NEIGHBOURS = (("second", "minute", 60), ("minute", "hour", 60), ("hour", "day", 24),
              ("day", "week", 7), ("month", "year", 12), ("ml", "L", 1000), ("µg", "mg", 1000))
_HALF = Decimal("0.5")


def _halves(forms: tuple[str, ...], lang: str) -> re.Pattern[str] | None:
    """Where the translation says half of a unit with one of its `forms` («полминуты»,
    «medio litro», «نصف لتر»: `langdata.HALF_BEFORE`), None where the language has none."""
    halves = langdata.HALF_BEFORE.get(base_language(lang), ())
    return words_pattern(tuple(h.format(f) for h in halves for f in forms), lang) if (
        halves) else None


def in_other_unit(value: Decimal, unit: str, target: str, lang: str,
                  source: str = "") -> bool:
    """Does the translation say this amount in a neighbouring unit: a number before the
    other unit's word that is the same amount, a half before it (`langdata.HALF_BEFORE`), or
    the other unit's word alone for one of it («за полчаса–час» for "30 to 60 minutes")?
    More often than the `source` says that amount of the other unit itself: "within a week …
    more than 7 days" made «en una semana … 7 semanas» has no week for the 7 days."""
    table = langdata.TIME_UNITS.get(base_language(lang), {})
    text = plain(target)
    for small, large, factor in NEIGHBOURS:
        if unit == small:
            other, count = large, value / factor
        elif unit == large:
            other, count = small, value * factor
        else:
            continue
        if other in table:
            forms = tuple(table[other])
            pattern = words_pattern(forms, lang)
        elif other in langdata.TIME_UNITS["en"]:
            continue        # a time unit the language's table lacks
        else:
            pattern, forms = _unit_pattern(other, lang)
        halves = _halves(forms, lang)
        halved = [m.span() for m in halves.finditer(text)] if halves is not None else []
        if count == _HALF and halved:
            return True     # «полминуты», «medio litro»: one word or two
        # the unit of a half («demi-heure») is no unit of its own
        spans = [m.span() for m in pattern.finditer(text)
                 if not any(a <= m.start() and m.end() <= b for a, b in halved)]
        if not spans:
            continue
        numbers = _target_numbers(text, lang)
        written = sum(count in _values_before(numbers, text, *span) or (
            count == 1 and not _values_before(numbers, text, *span)
            and text[slice(*span)].lower().strip() == forms[0].rstrip("~").lower())
            for span in spans)
        if written > _said_of(count, other, source):
            return True
    return False


def _said_of(count: Decimal, unit: str, source: str) -> int:
    """How many times the English source itself says `count` of `unit` ("a week": one)."""
    if not source:
        return 0
    text = plain(source)
    english = langdata.TIME_UNITS["en"].get(unit)
    pattern = words_pattern(english, "en") if english else _unit_pattern(unit, "en")[0]
    numbers = _target_numbers(text, "en")
    # one of it: also where the source says the unit with no number ("every day": one day)
    return sum(count in (values := _values_before(numbers, text, *m.span(), after=False))
               or (count == 1 and not values
                   and _EVERY_ONE_BEFORE.search(text, 0, m.start()) is not None)
               for m in pattern.finditer(text))


_EVERY_ONE_BEFORE = re.compile(r"\b(?:every|each|a|an|per|one|the same)\s+$", re.I)


# Imperial measures a translation may give in metric ("1 pint of water": «полулитра», نصف
# لتر, 500毫升): the English words, the metric unit and how many of it make one, and the
# metric units it may be written in (with how many of the first make one of each).
IMPERIAL = ((r"pints?", "ml", Decimal(568)),
            (r"fl\.?\s*oz|fluid\s+ounces?", "ml", Decimal("28.4")),
            (r"stones?", "kg", Decimal("6.35")), (r"lbs?", "kg", Decimal("0.4536")))
_METRIC = {"ml": (("ml", Decimal(1)), ("L", Decimal(1000))),
           "kg": (("kg", Decimal(1)),)}
_IMPERIAL_SLACK = Decimal("0.15")   # a rounded conversion: "1 pint" as 500 ml is 12 % off
_EN_IMPERIAL = re.compile(r"(?<![^\W\d_])(?:" + "|".join(e for e, _, _ in IMPERIAL)
                          + r")(?![^\W\d_])", re.I)
_EN_ONE_BEFORE = re.compile(r"\b(?:a|one)\s+$", re.I)


@lru_cache(maxsize=4096)
def imperial_said(source: str, target: str, lang: str) -> tuple[frozenset[Decimal],
                                                                frozenset[Decimal]]:
    """(the source's values, the translation's values) of imperial measures the translation
    gives in metric units, rounded as a translator does (within _IMPERIAL_SLACK)."""
    source, text = plain(source), plain(target)
    if not _EN_IMPERIAL.search(source):
        return frozenset(), frozenset()
    english, numbers = _target_numbers(source, "en"), _target_numbers(text, lang)
    mine: set[Decimal] = set()
    theirs: set[Decimal] = set()
    for words, metric, factor in IMPERIAL:
        for match in re.finditer(rf"(?<![^\W\d_])(?:{words})(?![^\W\d_])", source, re.I):
            values = _values_before(english, source, *match.span(), after=False) or (
                {Decimal(1)} if _EN_ONE_BEFORE.search(source[:match.start()]) else set())
            for value in values:
                amount = value * factor
                for unit, scale in _METRIC[metric]:
                    pattern, forms = _unit_pattern(unit, lang)
                    for found in pattern.finditer(text):
                        # the unit's word alone is one of it: «около литра» (about a litre)
                        near = {v for v in _values_before(numbers, text, *found.span())
                                or {Decimal(1)}
                                if abs(v * scale - amount) <= amount * _IMPERIAL_SLACK}
                        mine |= {value} if near else set()
                        theirs |= near
                    halves = _halves(forms, lang)
                    if halves is not None and abs(_HALF * scale - amount) <= (
                            amount * _IMPERIAL_SLACK) and halves.search(text):
                        mine.add(value)     # «полулитра», «نصف لتر»
    return frozenset(mine), frozenset(theirs)


@lru_cache(maxsize=1024)
def said_in_other_units(source: str, target: str, lang: str) -> frozenset[tuple[Decimal, str]]:
    """The source's (value, unit) pairs, measures and durations, that the translation says in
    a neighbouring unit (`in_other_unit`); asked by the numbers, units, quantities, time-units
    and glossary checks of one entry alike, so computed once for it."""
    source = plain(source)
    return frozenset((value, unit) for value, unit in dict.fromkeys(
        [*_source_pairs(source), *_time_pairs(source)])
        if in_other_unit(value, unit, target, lang, source))


_SAME_TIME = re.compile(r"\bat\s+(?:(?:about|around|roughly|approximately)\s+)?(?:the\s+)?"
                        r"same\s+times?\s+(?:of\s+|on\s+)?(?:each|every|a)\s+(?:day|week)\b",
                        re.I)


_EN_ALL_DAY = re.compile(r"\b24[\s-]*hours?\s+(?:a|per|each)\s+day\b", re.I)
_EN_AGED = re.compile(r"\byears?[\s-]+old\b|\byears? of age\b", re.I)


@check("time-units")
def time_units(entry: Entry, scope: Scope) -> Iterator[Finding]:
    """Durations keep their unit of time: days are not weeks, hours not minutes."""
    table = langdata.TIME_UNITS.get(base_language(scope.lang))
    if table is None:
        return
    for source, target in entry.pairs():
        source, target = plain(source), plain(target)
        wanted = _source_times(source)
        for unit, count in wanted.items():
            have = len(words_pattern(table[unit], scope.lang).findall(target))
            if unit in ("hour", "day"):
                clock = langdata.ROUND_THE_CLOCK.get(base_language(scope.lang), ())
                if clock and re.search(r"24[\s-]*hours?", source, re.I):
                    have += len(words_pattern(clock, scope.lang).findall(target))
                if unit == "hour" and re.search(r"24[\s-]*hours?", source, re.I):
                    # the day words beyond those of the source's own days ("over 24 hours
                    # … every day" made «24 minutos … cada día» keeps no hour)
                    have += max(0, len(words_pattern(table["day"], scope.lang).findall(
                        target)) - wanted.get("day", 0))
            if unit == "year" and (ages := len(_EN_AGED.findall(source))) and (
                    aged := langdata.AGE_SAID.get(base_language(scope.lang))):
                # "at least 18 years old": «بلغ الثامنة عشرة», 年满18岁 (an age, no years)
                have += min(ages, len(words_pattern(aged, scope.lang).findall(target)))
            if unit == "day" and _EN_ALL_DAY.search(source) and re.search(
                    r"24\s*(?:" + words_pattern(table["hour"], scope.lang).pattern + ")",
                    target):
                have += 1   # "24 hours a day": «24小时供应», the hours are the whole day
            if unit == "day" and (out_of := langdata.OUT_OF_A_DAY.get(base_language(
                    scope.lang))):
                have += len(re.findall("|".join(map(re.escape, out_of)), target))
            # "a quarter of an hour", "half an hour"; «полгода», 半年 for 6 months; «quinze
            # jours» for 2 weeks
            phrases = {"minute": langdata.MINUTE_PHRASES, "week": langdata.WEEK_PHRASES,
                       "month": langdata.MONTH_PHRASES}.get(
                unit, {}).get(base_language(scope.lang), {})
            if phrases:
                have += len(words_pattern(tuple(phrases), scope.lang).findall(target))
            have += len(converted(source, target, scope.lang, unit) | {
                value for value, said in said_in_other_units(source, target, scope.lang)
                if said == unit})
            if have < count:
                yield scope.catalog.finding(
                    "time-units", f"the source counts in {unit}s ({count}×) but the "
                    f"translation has {have} ({', '.join(w.rstrip('~') for w in table[unit])})",
                    entry=entry)
                return


@lru_cache(maxsize=1)
def _english_numbers() -> dict[str, int]:
    return {w: v for v, forms in langdata.NUMBER_WORDS["en"].items() for w in forms}


def _english_count(word: str) -> int:
    """The value of an English count in digits or words ("12", "three", "forty eight"), 0
    for a word that is none."""
    if word.isdigit():
        return int(word)
    return _english_numbers().get(" ".join(word.lower().split()), 0)


def _frequencies(text: str, lang: str) -> Counter[int]:
    base = base_language(lang)
    found: Counter[int] = Counter()
    if base == "en":
        for match in _EN_FREQUENCY.finditer(text):
            word = (match.group("word") or match.group("n")).lower()
            found[langdata.FREQUENCY_WORDS["en"].get(word) or _english_count(word)] += 1
        for first in _EN_RANGE_OF_TIMES.finditer(text):     # "three to four times": 3 and 4
            found[_english_count(first.group(1))] += 1
        return found
    return Counter(count for _, _, count in _frequency_spans(text, lang, alone=True))


def _free_counts(source: str, target: str, lang: str, *, counts_too: bool = False
                 ) -> set[int]:
    """Whole numbers of the translation (digits or words) that no number of the source is:
    where a frequency may be said as a count of things ("two beeps" for "beeps twice");
    `counts_too`: the source's counts of times are no number of its own ("4 times a day" as
    «quatre rinçages quotidiens»)."""
    text = _EN_FREQUENCY.sub(" ", _EN_RANGE_OF_TIMES.sub(" ", plain(source))) if counts_too \
        else plain(source)
    said = {v for n in _target_numbers(text, "en") for v in n[2]}
    text = plain(target)
    for forms in langdata.weekday_names(lang).values():     # «يوم اثنين», 周二: days, no counts
        text = words_pattern(forms, lang).sub(" ", text)
    text = _ZH_ORDINAL.sub(" ", text)    # 第二次服药, the second dose: no count of things
    return {int(v) for n in _target_numbers(text, lang) for v in n[2]
            if v not in said and v == v.to_integral_value() and v > 1}


# A Chinese ordinal (第二, the second): no count of things, nor of times (_ZH_NOT_A_COUNT).
_ZH_ORDINAL_PART = r"第\s*(?:[一二两三四五六七八九十]+|\d+)"
_ZH_ORDINAL = re.compile(_ZH_ORDINAL_PART)
_EN_IN_A_ROW = re.compile(r"\b(?:(twice)|(\d+|three|four|five) times)\s+in\s+a\s+row\b", re.I)


def _in_a_row(source: str, target: str, lang: str) -> int:
    """The count of "twice in a row" (2) where the translation says it as that many
    consecutive things («dos mediciones seguidas», «в двух измерениях подряд», «في قياسين
    متتاليين»: a dual of "consecutive"), else 0."""
    found = _EN_IN_A_ROW.search(plain(source))
    base = base_language(lang)
    row = langdata.IN_A_ROW.get(base)
    if found is None or not row or not words_pattern(row, lang).search(plain(target)):
        return 0
    word = found.group(2) or ""
    count = 2 if found.group(1) else _english_count(word)
    if count == 2 and (dual := langdata.IN_A_ROW_TWO.get(base)) and words_pattern(
            dual, lang).search(plain(target)):
        return 2
    values = {int(v) for n in _target_numbers(plain(target), lang) for v in n[2]
              if v == v.to_integral_value()}
    return count if count in values else 0


# How often per what: "once a week", "twice daily", "3 times per day".
_EN_FREQUENCY_PER = re.compile(
    r"\b(?:once|twice|thrice|(?:\d+|one|two|three|four|five|six)\s+times)\s+"
    r"(?:(?:a|an|per|every|each)\s+(?P<per>hour|day|week|month|year)\b|"
    r"(?P<ly>hour|dai|week|month|year)ly\b)", re.I)
_PERIOD_WINDOW = 25     # characters either side of a frequency where its period may stand


def _period_words(text: str, lang: str) -> list[tuple[int, int, str]]:
    """(start, end, unit) of each word of the translation for an hour, day, week, month or
    year (the periods a frequency is per)."""
    table = langdata.TIME_UNITS.get(base_language(lang), {})
    return [(m.start(), m.end(), unit) for unit in ("hour", "day", "week", "month", "year")
            if unit in table for m in words_pattern(table[unit], lang).finditer(text)]


def _periods_near_frequencies(text: str, lang: str) -> set[str] | None:
    """The time units within _PERIOD_WINDOW characters of the translation's frequency words
    ("una vez a la semana": week); None where the language has no table, is written
    without spaces, or the text says no frequency the check can find (the count check
    speaks for those)."""
    base = base_language(lang)
    table = langdata.TIME_UNITS.get(base)
    if not table or base in langdata.GLUED:
        return None     # Chinese puts 每天 first and 两次 anywhere after: no window tells
    words = (*langdata.FREQUENCY_WORDS.get(base, {}), *langdata.TIMES_WORD.get(base, ()))
    spans = [m.span() for m in words_pattern(words, lang).finditer(text)] if words else []
    if not spans:
        return None
    return {unit for start, end, unit in _period_words(text, lang)
            if any(start - b <= _PERIOD_WINDOW and a - end <= _PERIOD_WINDOW for a, b in spans)}


@lru_cache(maxsize=4096)
def _frequency_spans(text: str, lang: str, *, alone: bool = False
                     ) -> tuple[tuple[int, int, int], ...]:
    """(start, end, count) of each frequency of the translation: the fixed words («дважды»,
    «مرتين») and a count before the language's word for times («3 veces», «5 次»: the count
    before "N次", not the number after "each time", 每次3片); with `alone`, also the word for
    times that says once by itself (`langdata.TIMES_ALONE`, «раз в день»)."""
    base = base_language(lang)
    found: list[tuple[int, int, int]] = []
    taken: list[tuple[int, int]] = []
    for phrase, value in sorted(langdata.FREQUENCY_WORDS.get(base, {}).items(),
                                key=lambda item: -len(item[0])):
        for m in words_pattern((phrase,), lang).finditer(text):
            if not any(a < m.end() and m.start() < b for a, b in taken):
                found.append((m.start(), m.end(), value))
                taken.append(m.span())
    times = langdata.TIMES_WORD.get(base, ())
    if times:
        numbers = _target_numbers(text, lang)
        once = langdata.TIMES_ALONE.get(base, ()) if alone else ()
        for m in words_pattern(times, lang).finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            if base in langdata.GLUED and _ZH_NOT_A_COUNT.search(text, 0, m.start()):
                continue    # 下一次 (the next time), 第一次 (the first time): no frequency
            before = _values_before(numbers, text, *m.span(), after=False, gap=False)
            # a range of counts says each of them: «tres o cuatro veces», «5–6 раз»
            found += [(m.start(), m.end(), int(v)) for v in sorted(before)
                      if v == v.to_integral_value()]
            if not before and m.group(0).lower() in once:
                found.append((m.start(), m.end(), 1))
    return tuple(sorted(found))


# "The next time", "this time", "the first time": a 次 after these and one is no count;
# nor after 第 and any number (第二次, the second time: "the second dose").
_ZH_NOT_A_COUNT = re.compile(rf"(?:(?<![早晚])[下上]|[这那此首第每])一$|{_ZH_ORDINAL_PART}$")
# A Chinese frequency with its period written together: 每周一次, 每日两次, 一天三次.
_ZH_PERIOD_COUNT = re.compile(r"(?:每|一)(小时|天|日|晚|周|星期|个月|月|年)"
                              r"([一二两三四五六七八九十\d]{1,2})次")
_ZH_UNITS = {"小时": "hour", "天": "day", "日": "day", "晚": "day", "周": "week", "星期": "week",
             "个月": "month", "月": "month", "年": "year"}


def _zh_period_counts(text: str) -> Counter[tuple[int, str]]:
    """(count, period) of each Chinese frequency written with its period (每周一次: 1, week)."""
    found: Counter[tuple[int, str]] = Counter()
    for m in _ZH_PERIOD_COUNT.finditer(text):
        count = int(m.group(2)) if m.group(2).isdigit() else (
            _HAN_DIGITS.get(m.group(2)) or _HAN_UNITS.get(m.group(2)))
        if count:
            found[(count, _ZH_UNITS[m.group(1)])] += 1
    return found


_PERIOD_BARRIER = re.compile(r"[.;!?。；！？]")


def _frequency_periods(text: str, lang: str) -> dict[int, set[str]]:
    """Each frequency's count → the periods said nearest to it ("5 veces al día": 5 → day),
    each period word given to the frequency closest to it."""
    spans = _frequency_spans(text, lang)
    result: dict[int, set[str]] = {count: set() for _, _, count in spans}
    if not spans:
        return result
    for start, end, unit in _rate_periods(text, lang, spans):
        # not across a sentence's or a clause's end («deux fois par jour. Une fois…»)
        away = [(max(a - end, start - b, 0), c) for a, b, c in spans
                if not _PERIOD_BARRIER.search(text, min(b, end), max(a, start))]
        if not away:
            continue
        nearest = min(distance for distance, _ in away)
        if nearest <= _PERIOD_WINDOW:    # to each count of the nearest: «tres o cuatro veces»
            for distance, count in away:
                if distance == nearest:
                    result[count].add(unit)
    return result


def _rate_periods(text: str, lang: str, spans: tuple[tuple[int, int, int], ...]
                  ) -> list[tuple[int, int, str]]:
    """The period words (`_period_words`) that may say what a frequency is per: not those
    counted («не менее трёх месяцев дважды в день»: three months is how long), a count of
    times aside («مرة واحدة يوميًا»)."""
    numbers = [n for n in _target_numbers(text, lang)
               if not any(a <= n[0] < b for a, b, _ in spans)]
    return [(start, end, unit) for start, end, unit in _period_words(text, lang)
            if not _values_before(numbers, text, start, end, after=False, gap=False)]


def _source_periods(source: str) -> list[tuple[int, str]]:
    """(count, period) of each "how often per what" of an English source ("3 times a day":
    3, day; "twice weekly": 2, week)."""
    found = []
    for m in _EN_FREQUENCY_PER.finditer(plain(source)):
        word = m.group(0).split()[0].lower()
        count = langdata.FREQUENCY_WORDS["en"].get(word) or _english_count(word)
        unit = (m.group("per") or m.group("ly")).lower()
        found.append((count, _UNIT_NAMES.get(unit, unit)))
    return found


def _once_per_period_said(source: str, target: str, lang: str) -> bool:
    """Is the source's every "once a <period>" said as every period («chaque année» for
    "once a year", «ежемесячно» for "once a month"): a period word of the translation, and
    no other count of times?"""
    periods = _source_periods(source)
    if not periods or any(count != 1 for count, _ in periods):
        return False
    text = plain(target)
    numbers = _target_numbers(text, lang)
    said = {unit for start, end, unit in _period_words(text, lang)   # not "5 лет": 5 years
            if not _values_before(numbers, text, start, end)}
    return all(unit in said for _, unit in periods)


def _periods_exchanged(source: str, target: str, lang: str) -> tuple[int, str, int] | None:
    """(count, period, other count) where the source says how often per period ("3 times a
    day") and the translation gives that period to another of the source's counts ("5 times
    to each side, 3 times a day" made «3 veces hacia cada lado, 5 veces al día»)."""
    said = dict(_source_periods(source))
    counts = set(_frequencies(plain(source), "en"))
    if not said or len(counts) < 2:
        return None
    written = _frequency_periods(plain(target), lang)
    if set(written) != counts:
        return None
    for count, period in said.items():
        others = [c for c, periods in written.items() if c != count and period in periods]
        if period not in written.get(count, set()) and others:
            return count, period, others[0]
    return None


def _period_changed(source: str, target: str, lang: str) -> tuple[int, str, str] | None:
    """(count, the source's period, the translation's) where a frequency keeps its count
    but the translation gives it another period: "inject it once a week" made «una vez al
    día». Each frequency of the translation takes the period word nearest to it; a period
    the source gives that count elsewhere is no change."""
    said = Counter(_source_periods(source))
    table = langdata.TIME_UNITS.get(base_language(lang), {})
    if not said or not table:
        return None
    text = plain(target)
    # Chinese puts 每天 first and 一次 anywhere after: only a period written with its count
    # (每周一次) tells
    glued = base_language(lang) in langdata.GLUED
    spans = () if glued else _frequency_spans(text, lang)
    periods = _period_words(text, lang) if glued else _rate_periods(text, lang, spans)
    written: Counter[tuple[int, str]] = _zh_period_counts(text) if glued else Counter()
    for a, b, count in spans:
        away = sorted((max(start - b, a - end, 0), unit) for start, end, unit in periods)
        if away and away[0][0] <= _PERIOD_WINDOW and (len(away) < 2 or away[1][0] > away[0][0]
                                                      or away[1][1] == away[0][1]):
            written[(count, away[0][1])] += 1
    for (count, unit), times in said.items():
        short = times - written[(count, unit)]
        other = next((u for (c, u), n in written.items() if c == count and u != unit
                      and n > said[(c, u)]), None)
        if short > 0 and other is not None:
            return count, unit, other
    return None


_EVERY_GAP = 12     # characters from "every" to its period: «كل ثلاث ساعات», "toutes les 3 heures"


def _every_one_counted(source: str, target: str, lang: str) -> tuple[str, str] | None:
    """(period, count) where the source says "every hour" and the translation every so many
    of them ("cada tres horas"), else None."""
    words, table = langdata.EVERY.get(base_language(lang)), langdata.TIME_UNITS.get(
        base_language(lang))
    said = {m.group(1).lower() for m in _EN_EVERY_ONE.finditer(plain(source))}
    if not words or not table or not said:
        return None
    text = plain(target)
    numbers = _target_numbers(text, lang)
    every = [m.end() for m in words_pattern(words, lang).finditer(text)]
    # what the source says itself: "every other day, and … every day" («cada dos días»)
    own = {(Decimal(2), "day")} if _EN_OTHER_DAY.search(source) else set()
    own |= {(Decimal(_english_count(n)), u.lower()) for n, u in _EN_EVERY_NS.findall(
        plain(source))}
    # …and each end of its ranges: "every 3 to 5 days" («cada 3 a 5 días»)
    own |= {(Decimal(_english_count(n)), m.group(3).lower()) for m in _EN_EVERY_RANGE.finditer(
        plain(source)) for n in (m.group(1), m.group(2))}
    # Chinese writes the count right between them (每隔7天, 每3个月): not 每天一片…7天
    gap = 4 if base_language(lang) in langdata.GLUED else _EVERY_GAP
    for period in sorted(said):
        for unit in words_pattern(table[period], lang).finditer(text):
            lead = [end for end in every if 0 <= unit.start() - end <= gap]
            count = [v for n in numbers if lead and lead[-1] <= n[0] and n[1] <= unit.start()
                     for v in n[2] if v > 1      # a count between "cada" and "horas"
                     and (v, period) not in own]
            if count:
                return period, f"{min(count).normalize():f}"
    return None


_BOUND_GAP = 16     # characters from a bound word to its number: "from the age of 60"
_ROLE = {"more": "over", "less": "under", "from": "from", "most": "up to"}


def _bound(text: str, lang: str) -> dict[Decimal, str]:
    """The role (`langdata.BOUNDS`) of each number a bound word stands before, where one
    word alone binds it."""
    table = langdata.BOUNDS.get(base_language(lang))
    if not table:
        return {}
    numbers = located(text, lang)
    found: dict[Decimal, set[str]] = {}
    for role, words in table.items():
        for word in words_pattern(words, lang).finditer(text):
            after = [(span, options) for _, options, span in numbers
                     if 0 <= span[0] - word.end() <= _BOUND_GAP]
            if after:
                span, options = min(after)
                if not _DIGIT.search(text[word.end():span[0]]):
                    for value in options:
                        found.setdefault(value, set()).add(role)
    for role, words in langdata.BOUNDS_AFTER.get(base_language(lang), {}).items():
        for word in words_pattern(words, lang).finditer(text):
            before = [(span, options) for _, options, span in numbers
                      if 0 <= word.start() - span[1] <= _BOUND_GAP
                      and not _DIGIT.search(text[span[1]:word.start()])]
            if not before:
                continue
            span, options = max(before)
            pair = [item for item in numbers if item[2][1] == span[0] - 1
                    and text[span[0] - 1] == "/"]      # "160/90 or more": 160 too
            for value in [*options, *(v for _, o, _ in pair for v in o)]:
                found.setdefault(value, set()).add(role)
    return {value: next(iter(roles)) for value, roles in found.items() if len(roles) == 1}


def _bounds_exchanged(source: str, target: str, lang: str) -> tuple[str, str] | None:
    """Two numbers of the source in two roles ("from the age of 60", "over 75") that the
    translation gives each other's («a partir de los 75 años; si tiene más de 60»)."""
    said = _bound(source, "en")
    if len(said) < 2:
        return None
    written = _bound(target, lang)
    values = sorted(said)
    for i, a in enumerate(values):
        for b in values[i + 1:]:
            if said[a] != said[b] and written.get(a) == said[b] and written.get(b) == said[a]:
                return (f"{_ROLE[said[a]]} {_shown([a])[0]}", f"{_ROLE[said[b]]} {_shown([b])[0]}")
    return None


_EN_EVERY_COUNT = r"(\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_EN_EVERY_NS = re.compile(rf"\bevery\s+{_EN_EVERY_COUNT}\s+(hour|day|week|month|year)s\b", re.I)
_EN_EVERY_RANGE = re.compile(rf"\bevery\s+{_EN_EVERY_COUNT}\s*(?:to|-|–|or)\s*{_EN_EVERY_COUNT}"
                             r"\s+(hour|day|week|month|year)s\b", re.I)
_EN_EVERY_UNIT = re.compile(r"\b(?:every|each|a|per|once\s+a)\s+(hour|day|week|month|year)\b",
                            re.I)


_HOURS_IN = {"hour": 1, "day": 24, "week": 168, "month": 730, "year": 8760}


def _interval_as_times(source: str, target: str, lang: str) -> tuple[str, int, str] | None:
    """(what the source says, the count, the period) where the source gives an interval of
    days or longer and no count ("change it every 2 days") and the translation a count per
    period that is not as often («2 veces al día»); "every 14 days" said «dos veces al mes»
    is about as often. (Hours are left out: "every 8 hours, at most 3 doses in 24 hours" is
    said «3 fois en 24 heures», a period this reads as an hour.)"""
    text = plain(source)
    said = [(m.group(0), _english_count(m.group(1)), m.group(2).lower())
            for m in _EN_EVERY_NS.finditer(text) if m.group(2).lower() != "hour"]
    if not said or _frequencies(text, "en") or base_language(lang) in langdata.GLUED:
        return None     # (Chinese: 第二次, the second time, is no count per period)
    written = _frequency_periods(plain(target), lang)
    rates = {1 / (n * _HOURS_IN[unit]) for _, n, unit in said if n}
    for count, periods in written.items():
        for period in periods:
            rate = count / _HOURS_IN[period] if period in _HOURS_IN else None
            if rate and count > 1 and not any(abs(rate - r) <= 0.1 * r for r in rates):
                return said[0][0], count, period
    return None


def _every_n_as_one(source: str, target: str, lang: str) -> tuple[str, str] | None:
    """(what the source says, the period alone) where the source says every so many of a
    period ("every two years") and the translation every one of it («cada año», «tous les
    ans», «раз в год», «كل عام»), with no count, where the source never says it alone."""
    base = base_language(lang)
    words, table = langdata.EVERY.get(base), langdata.TIME_UNITS.get(base)
    if not words or not table:
        return None
    text = plain(source)
    said = {m.group(2).lower(): m.group(0) for m in _EN_EVERY_NS.finditer(text)}
    for alone in _EN_EVERY_UNIT.finditer(text):
        said.pop(alone.group(1).lower(), None)
    if not said:
        return None
    written = plain(target)
    leads = (*words, *(f"{w} в" for w in langdata.TIMES_ALONE.get(base, ()) if base == "ru"))
    numbers = _target_numbers(written, lang)
    # a period said as a part of another ("раз в полгода", every six months) has its count
    phrases = (*langdata.MONTH_PHRASES.get(base, {}), *langdata.MINUTE_PHRASES.get(base, {}))
    numbers += [(m.start(), m.end(), {Decimal(2)}) for m in words_pattern(
        phrases, lang).finditer(written)] if phrases else []
    every = [m.end() for m in words_pattern(leads, lang).finditer(written)]
    for period, shown in said.items():
        single, with_count = "", False
        for unit in words_pattern(table[period], lang).finditer(written):
            lead = [end for end in every if 0 <= unit.start() - end <= _EVERY_GAP
                    and not _noun_between(written, end, unit.start(), numbers)]
            if not lead:
                continue
            counted = [n for n in numbers if lead[-1] <= n[1] and n[0] < unit.end()
                       and any(v > 1 for v in n[2])]     # «cada dos años», «كل سنتين»
            with_count = with_count or bool(counted)
            if not counted and (base not in langdata.GLUED or unit.start() == lead[-1]):
                single = single or unit.group(0)
        # (not where the translation says the count too: «每天清晨…每两天洗一次», each
        # morning, then every two days)
        if single and not with_count:
            return shown, single
    return None


def _noun_between(text: str, start: int, end: int,
                  numbers: list[tuple[int, int, set[Decimal]]]) -> bool:
    """Is there a word of four letters or more between `start` and `end` that is no number's
    («كل دورة بيوم»: each cycle, a day before; not «كل ثلاث ساعات»)?"""
    return any(len(m.group(0)) >= 4 and not any(a <= start + m.start() < b for a, b, _ in numbers)
               for m in re.finditer(r"[^\W\d_]+", text[start:end]))


_LONGER_PERIODS = ("week", "month", "year")
# Where a language's day words are also other words: Chinese writes 日 inside other words
# (日记, a diary; 生日), "every day" is 每天, 每日, 天天; Spanish «diario» is a diary too.
_EVERY_DAY_SAID = {
    "zh": {"day": ("每天", "每日", "天天", "每一天", "日常", "全天"),
           "week": ("每周", "每星期", "每个星期", "每礼拜"), "month": ("每月", "每个月"),
           "year": ("每年",)},
    "es": {**langdata.TIME_UNITS["es"], "day": ("día", "días", "dia", "dias", "diaria~",
                                               "diariamente", "a diario")},
}


def _per_period_moved(source: str, target: str, lang: str) -> tuple[int, str, int, str] | None:
    """(times the source says a thing is done per day, times the translation does, the
    period the translation says it more often than the source) where a rate moved between a
    day and a week or month: "wash it daily" made «lávela una vez por semana» while "every
    4 to 6 weeks" stays an interval; "once a week" made 每天服用一次."""
    periods = langdata.PER_PERIOD.get(base_language(lang))
    if not periods:
        return None
    source, target = plain(source), plain(target)
    said = {unit: len(words_pattern(words, "en").findall(source))
            for unit, words in langdata.PER_PERIOD["en"].items()}
    if not any(said.values()):
        return None
    written = {unit: len(words_pattern(words, lang).findall(target))
               for unit, words in periods.items()}
    for unit, others in (("day", ("week", "month")), ("week", ("day",)), ("month", ("day",))):
        if said[unit] and written[unit] < said[unit]:
            other = next((o for o in others if written[o] > said[o]), None)
            if other is not None:
                return said[unit], unit, written[unit], other
    return None


def _every_day_lost(source: str, target: str, lang: str) -> str:
    """The longer period ("week") a translation says where the source says every day and the
    translation no day at all ("Pésese todas las semanas" for "Weigh yourself every day"),
    else ""."""
    base = base_language(lang)
    table = _EVERY_DAY_SAID.get(base) or langdata.TIME_UNITS.get(base)
    source = plain(source)
    if not table or not _EN_EVERY_DAY.search(source) or re.search(
            r"\b(?:week|month|year)", source, re.I):
        return ""
    text = plain(target)
    alternate = langdata.EVERY_OTHER_DAY.get(base)
    if alternate and _EN_OTHER_DAY.search(source):   # «cada dos días» says the other one
        text = words_pattern(alternate, lang).sub(" ", text)
    if words_pattern(table["day"], lang).search(text):
        return ""
    return next((unit for unit in _LONGER_PERIODS
                 if words_pattern(table[unit], lang).search(text)), "")


@check("frequency")
def frequency(entry: Entry, scope: Scope) -> Iterator[Finding]:
    """How often stays the same: once, twice, three times (a day) are not interchangeable."""
    if not langdata.covered("frequency", scope.lang):
        return
    alternate = langdata.EVERY_OTHER_DAY.get(base_language(scope.lang))
    for source, target in entry.pairs():
        if alternate and _EN_OTHER_DAY.search(source) and not words_pattern(
                alternate, scope.lang).search(plain(target)):
            yield scope.catalog.finding(
                "frequency", f"the source says every other day, the translation none of "
                f"{', '.join(f'«{w}»' for w in alternate[:3])}…", entry=entry)
            return
        every = _EN_EVERY_DAY.search(source) or _EN_EVERY_NIGHT.search(source)
        if alternate and every and not _EN_OTHER_DAY.search(source) \
                and not _EVERY_TWO_DAYS.search(source) and (
                    said := words_pattern(alternate, scope.lang).search(plain(target))):
            yield scope.catalog.finding(
                "frequency", f"the source says {every.group(0)}, the translation "
                f"«{said.group(0)}» (every other one)", entry=entry)
            return
        if (counted := _every_one_counted(source, target, scope.lang)):
            yield scope.catalog.finding(
                "frequency", f"the source says every {counted[0]}, the translation every "
                f"{counted[1]} {counted[0]}s", entry=entry)
            return
        if (alone := _every_n_as_one(source, target, scope.lang)):
            yield scope.catalog.finding(
                "frequency", f"the source says {alone[0]}, the translation every "
                f"«{alone[1]}» with no count: every one?", entry=entry)
            return
        if (longer := _every_day_lost(source, target, scope.lang)):
            yield scope.catalog.finding(
                "frequency", f"the source says every day, the translation says no day but a "
                f"{longer}", entry=entry)
            return
        if (moved := _per_period_moved(source, target, scope.lang)):
            yield scope.catalog.finding(
                "frequency", f"the source says {moved[0]}× what is done each {moved[1]}, "
                f"the translation {moved[2]}× and a rate per {moved[3]} the source does not "
                f"give: done each {moved[3]} instead?", entry=entry)
            return
        if (interval := _interval_as_times(source, target, scope.lang)):
            yield scope.catalog.finding(
                "frequency", f"the source says {interval[0]}, the translation {interval[1]}× "
                f"a {interval[2]}: another frequency", entry=entry)
            return
        if not _FREQUENCY_WORD.search(source):
            continue    # _EN_FREQUENCY needs one of these words
        wanted = _frequencies(plain(source), "en")
        if not wanted:
            continue
        have = _frequencies(plain(target), scope.lang)
        missing = wanted - have
        if missing:     # "beeps twice": «emite dos pitidos», a count of what is done
            # (not a count the translation says as a frequency itself: «dos veces» twice)
            missing -= Counter(dict.fromkeys(_free_counts(
                source, target, scope.lang, counts_too=not have) - set(have), 99))
        if missing and not have and (row := _in_a_row(source, target, scope.lang)):
            missing -= Counter({row: 99})   # "twice in a row": «في قياسين متتاليين»
        single = langdata.SINGLE_DOSE.get(base_language(scope.lang))
        if set(missing) == {1} and not have and single and words_pattern(
                single, scope.lang).search(plain(target)):
            missing = Counter()     # "once each morning": «chaque matin une seule dose»
        if set(missing) == {1} and not have and _once_per_period_said(source, target,
                                                                     scope.lang):
            missing = Counter()     # "once a year": «chaque année», «ежегодно», 每年
        if missing:
            yield scope.catalog.finding(
                "frequency", f"the source says {', '.join(f'{n}×' for n in sorted(missing))} "
                f"but the translation has {', '.join(f'{n}×' for n in sorted(have)) or 'none'}",
                entry=entry)
            return
        if (exchanged := _periods_exchanged(source, target, scope.lang)):
            count, period, other = exchanged
            yield scope.catalog.finding(
                "frequency", f"the source says {count}× a {period}, the translation gives the "
                f"{period} to {other}×: were the counts swapped?", entry=entry)
            return
        if (changed := _period_changed(source, target, scope.lang)):
            yield scope.catalog.finding(
                "frequency", f"the source says {changed[0]}× a {changed[1]}, the translation "
                f"{changed[0]}× a {changed[2]}", entry=entry)
            return
        per = {unit for _, unit in _source_periods(source)}
        near = _periods_near_frequencies(plain(target), scope.lang) if per else set()
        if near is not None and (adverbs := langdata.EVERY_PERIOD.get(base_language(
                scope.lang))):     # "once a week" said «еженедельно», «chaque semaine»
            once = {unit for count, unit in _source_periods(source) if count == 1}
            near |= {unit for unit, words in adverbs.items() if unit in once
                     and words_pattern(words, scope.lang).search(plain(target))}
        if per and near is not None and (lost := sorted(per - near)):
            yield scope.catalog.finding(
                "frequency", f"the source says how often a {lost[0]}, the translation's "
                f"frequency is a {' or a '.join(sorted(near)) or 'period it does not say'}",
                entry=entry)
            return


@check("dates")
def dates(entry: Entry, scope: Scope) -> Iterator[Finding]:
    """Month names of the source appear as the same month (Babel's names in the language)."""
    names = langdata.month_names(scope.lang)
    if not names:
        return
    for source, target in entry.pairs():
        source, target = plain(source), plain(target)
        problem = _month_gloss(target, scope.lang) or _date_order(
            source, target, scope.lang) or _other_month(source, target, scope.lang) or (
            _other_weekday(source, target, scope.lang)) or _numeric_date_month(
            source, target, scope.lang) or _other_hour(source, target, scope.lang) or (
            _other_day(source, target, scope.lang))
        if problem:
            yield scope.catalog.finding("dates", problem, entry=entry)
            return
        lowered = target.lower()
        for month in dict.fromkeys(_EN_MONTH.findall(source)):
            number = _MONTHS.index(month) + 1
            base = base_language(scope.lang)
            forms = tuple(n + "~" for n in names[number]) if base in langdata.SUFFIXING \
                else names[number]
            suffix = langdata.MONTH_SUFFIX.get(base)
            if suffix and re.search(rf"(?<!\d)0?{number}\s*{suffix}", lowered):
                continue
            day = re.search(rf"\b(\d{{1,2}})\s+{month}\b|\b{month}\s+(\d{{1,2}})\b", source)
            if day and _numeric_date(lowered, int(day.group(1) or day.group(2)), number, None):
                continue
            if base == "zh" and any(n in lowered for n in names[number]):
                continue
            if words_pattern(forms, scope.lang).search(lowered):
                if day is None or _day_next_to_month(day.group(1) or day.group(2), lowered,
                                                     forms, scope.lang):
                    continue
                yield scope.catalog.finding(
                    "dates", f"“{day.group(0)}” of the source: the day is not next to the "
                    "month in the translation", entry=entry)
                return
            yield scope.catalog.finding(
                "dates", f"“{month}” of the source is not in the translation (expected "
                f"{' / '.join(names[number][:3])})", entry=entry)


_EN_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b")
_HALF_GAP = 12      # characters between an hour of the clock and its half-of-day words
# Languages that may say the half of the day before the hour too, other words between
# («يوم الأربعاء بعد الظهر في الساعة 2:15»); not Russian, whose «дня» is also "of a day".
_HALF_BEFORE = frozenset({"ar"})


def _source_hours(source: str) -> list[tuple[int, str]]:
    """(hour on the 24-hour clock, as written) of each time of day the source gives with
    am/pm or minutes ("6 pm": 18, "9:15 am": 9, "18:30": 18); a bare "at 6" says no half."""
    found = []
    for m in _CLOCK.finditer(source):
        hour = int(m.group(1))
        if m.group(3) or m.group(4):
            if 1 <= hour <= 12:
                found.append((hour % 12 + (12 if m.group(4) else 0), m.group(0).strip()))
        elif m.group(2) and hour < 24:
            # "7:30 in the evening": the half of the day said in words
            said = half_said(source, m.end(), hour)
            found.append((hour if said is None else said, m.group(0).strip()))
    return found


def _target_hours(target: str, lang: str) -> list[tuple[set[int], str]]:
    """(the hours it may be, as written) of each hour of the clock in a translation: 18 of
    «18:00» or «18 h»; 6 of «6:00» (a 24-hour clock); 18 of «6 de la tarde», 6 مساءً,
    下午6点 (the half of the day said nearest: after the hour, in Chinese before it); 6 or
    18 of «a las 6», الساعة 6, 6点 said without one."""
    base = base_language(lang)
    halves = langdata.HALF_OF_DAY.get(base, {})
    lowered = target.lower()
    found = []
    for at, end, values in _target_numbers(target, lang):
        after = _CLOCK_AFTER.match(target, end)
        if not (after or _CLOCK_BEFORE.search(target[:at])) or len(values) != 1:
            continue
        value = next(iter(values))
        if value != int(value) or not 0 <= value < 24:
            continue
        hour = int(value)
        said = _nearest_half(lowered, at, after.end() if after else end, halves, base)
        if hour > 12 or hour == 0:
            hours = {hour}
        elif said == "am":
            # «上午9:00至12:30»: a range's morning reaches noon, and no one writes 12:30 for
            # half past midnight
            hours = {hour % 12} if hour < 12 else {0, 12}
        elif said == "pm":
            hours = {hour % 12 + 12}
        elif said == "night":
            hours = {hour % 12} if hour < 6 else {hour % 12 + 12}
        elif after is not None and after.group().strip()[:1] in (":", "h"):
            hours = {hour}          # «6:00», «6 h»: the 24-hour clock
        else:
            hours = {hour % 12, hour % 12 + 12}
        found.append((hours, target[at:after.end() if after else end].strip()))
    return found


def _nearest_half(lowered: str, at: int, end: int, halves: dict[str, tuple[str, ...]],
                  base: str) -> str:
    """The half of the day ("am", "pm", "night") said nearest an hour of the clock: the
    first words after it, in Chinese the last before it; "" where none is."""
    if base in langdata.GLUED:
        near = lowered[max(0, at - _HALF_GAP):at]
        places = {half: max(near.rfind(w) for w in words) for half, words in halves.items()}
        best = max(places.items(), key=lambda item: item[1], default=("", -1))
        return best[0] if best[1] >= 0 else ""
    near = lowered[end:end + _HALF_GAP + 8]
    first = ""
    where = len(near) + 1
    for half, words in halves.items():
        for word in words:
            found = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", near)
            if found is not None and found.start() < where:
                first, where = half, found.start()
    if first or base not in _HALF_BEFORE:
        return first
    # else the last said just before it, no number between («الأربعاء بعد الظهر في الساعة
    # 2:15», on Wednesday afternoon at 2:15)
    before = lowered[max(0, at - 2 * _HALF_GAP - 6):at]
    last, where = "", -1
    for half, words in halves.items():
        for word in words:
            for found in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", before):
                if found.start() > where and not re.search(r"\d", before[found.end():]):
                    last, where = half, found.start()
    return last


def _other_day(source: str, target: str, lang: str) -> str | None:
    """The source says "the day before" (or only "the day after") and the translation only
    the other («le lendemain» for "the day before", 前一天 for "the next day")."""
    table = langdata.NEXT_DAY.get(base_language(lang))
    if not table or base_language(lang) == "en":
        return None
    said = {side for side, words in langdata.NEXT_DAY["en"].items()
            if words_pattern(words, "en").search(source)}
    written = {side for side, words in table.items() if words_pattern(words, lang).search(
        target)}
    if len(said) == 1 and len(written) == 1 and said != written:
        (side,), (other,) = said, written
        return (f"the source says “the day {side}”, the translation “the day {other}” "
                f"({', '.join(f'«{w}»' for w in table[other][:2])}…): the day turned round?")
    return None


def _other_hour(source: str, target: str, lang: str) -> str | None:
    """A time of day the source gives ("6 pm") that the translation gives at the same hour
    of the clock but in the other half of the day, or on the 24-hour clock as another hour
    («6:00», 早上6点, 6 صباحًا). Only the translation's hours that the source has on some
    clock are compared (another hour is for the numbers check), each with one of the
    source's (unless the translation names that hour more often than the source)."""
    wanted = _source_hours(source)
    if not wanted or base_language(lang) == "en":
        return None
    written = _target_hours(target, lang)
    for hours, shown in written:
        number = min(hours) % 12
        same = [(hour, said) for hour, said in wanted if hour % 12 == number]
        if same and not any(hour in hours for hour, _ in same):
            hour, said = same[0]
            return (f"the source says “{said}” (hour {hour} of the 24-hour clock), the "
                    f"translation «{shown}»: another time of day?")
    by_number: dict[int, list[int]] = {}
    for hour, _ in wanted:
        by_number.setdefault(hour % 12, []).append(hour)
    for number, hours_said in by_number.items():
        mine = [hours for hours, _ in written if min(hours) % 12 == number]
        if len(mine) != len(hours_said):
            continue        # the hour said more or fewer times: not paired one by one
        left = list(hours_said)
        for hours in mine:
            match = next((hour for hour in left if hour in hours), None)
            if match is None:
                return (f"the source says hours {', '.join(map(str, hours_said))} of the "
                        "24-hour clock, the translation the same hour twice in one half of "
                        "the day: another time of day?")
            left.remove(match)
    return None


_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


_EN_WEEKDAYS_ALL = re.compile(r"\bweekdays?\b|\bworking\s+days?\b|\bworkdays?\b", re.I)
_EN_WEEKEND = re.compile(r"\bweekends?\b", re.I)


def _other_weekday(source: str, target: str, lang: str) -> str | None:
    """The source names a weekday and the translation another one but not it ("Friday 17
    October": «el jueves 17 de octubre»). A weekday left out is not reported: translators
    may leave it to the date."""
    said = {_WEEKDAYS.index(day) for day in _EN_WEEKDAY.findall(source)}
    if not said:
        return None
    if _EN_WEEKDAYS_ALL.search(source):
        said |= set(range(5))     # "on weekdays": «de lunes a viernes»
    if _EN_WEEKEND.search(source):
        said |= {5, 6}
    names = langdata.weekday_names(lang)
    if not names:
        return None
    text = target.lower()
    written = {day for day, forms in names.items() if words_pattern(forms, lang).search(text)}
    if said - written and written - said:
        other = min(written - said)
        return (f"the source says {', '.join(_WEEKDAYS[d] for d in sorted(said))}, the "
                f"translation «{names[other][0].rstrip('~')}…» ({_WEEKDAYS[other]})")
    return None


def _day_next_to_month(day: str, target: str, names: tuple[str, ...], lang: str) -> bool:
    from pipeline.checks.numbers import _ascii_digits

    text = _ascii_digits(target)
    alternation = "|".join(re.escape(n.rstrip("~")) for n in names)
    # A few letters may stand between: "14 de marzo", "14. März", "ב־14 במרץ", "сарын 14-нд".
    return bool(re.search(rf"(?<!\d){day}(?:\s|\u00a0|de|du|er)*(?:{alternation})|"
                          rf"(?<!\d){day}\D{{0,4}}(?:{alternation})|"
                          rf"(?:{alternation})\D{{0,4}}(?<!\d){day}(?!\d)", text))


_EN_DATE = re.compile(r"\b(?:(?P<d1>\d{1,2})\s+(?P<m1>%s)|(?P<m2>%s)\s+(?P<d2>\d{1,2}),?)\s+"
                      r"(?P<y>\d{4})\b" % ((_EN_MONTH.pattern[3:-3],) * 2))


@lru_cache(maxsize=32)
def date_orders(lang: str) -> frozenset[str]:
    """"dy" and/or "yd": whether `lang` writes the day before the year (Babel's patterns with
    a month name; all patterns where none has one)."""
    from pipeline.languages import locale

    try:
        formats = locale(lang).date_formats
    except (ValueError, LookupError):
        return frozenset({"dy", "yd"})
    patterns = [str(formats[k].pattern) for k in ("full", "long", "medium", "short")]
    named = [p for p in patterns if "MMM" in p] or patterns
    orders = {"dy" if p.index("d") < p.index("y") else "yd"
              for p in named if "d" in p and "y" in p}
    return frozenset(orders or {"dy", "yd"})


def _date_order(source: str, target: str, lang: str) -> str | None:
    """A date of the source ("15 March 2027") whose day and year change places in the
    translation, against the order the language writes them in ("2027 марта 15 года")."""
    from pipeline.checks.numbers import located

    for match in _EN_DATE.finditer(source):
        day, year = Decimal(match.group("d1") or match.group("d2")), Decimal(match.group("y"))
        month = _MONTHS.index(match.group("m1") or match.group("m2")) + 1
        if _numeric_date(target, int(day), month, int(year)):
            continue        # 12.05.2026, 2026-05-12: the same date in figures
        found = [(span[0], options) for _, options, span in located(target, lang)]
        years = [at for at, options in found if year in options]
        days = [at for at, options in found if day in options]
        if not years or not days:
            continue        # a missing value is the numbers check's to report
        # the day and year closest together (a second date may repeat both: "2 … 20 November
        # 2026" has the 2026 of another date nearer the 2)
        nearest, first_year = min(((d, y) for d in days for y in years),
                                  key=lambda pair: abs(pair[0] - pair[1]))
        order = "dy" if nearest < first_year else "yd"
        if order == "yd" and _marked_year(target, first_year, lang):
            continue        # "2027-yil 14-mart", "2027 жылғы 14 наурыз": the year says so
        if order not in date_orders(lang):
            return (f"“{match.group(0)}”: the translation writes "
                    f"{'the day before the year' if order == 'dy' else 'the year before the day'}"
                    f", {lang} writes {'the year first' if order == 'dy' else 'the day first'}:"
                    " are the numbers swapped?")
    return None


def _numeric_date(target: str, day: int, month: int, year: int | None) -> bool:
    """Does the translation write the date in figures, day first (12.05.2026, 12/05/2026)
    or ISO 8601 (2026-05-12)? Without a year, day and month alone (12.05)."""
    from pipeline.checks.numbers import _ascii_digits

    text = _ascii_digits(target)
    tail = rf"[./-]{year}" if year is not None else r"(?:[./-]\d{2,4})?"
    said_year = str(year) if year is not None else r"\d{4}"
    iso = rf"|(?<!\d){said_year}-0?{month}-0?{day}(?!\d)"
    return bool(re.search(rf"(?<![\d.])0?{day}[./-]0?{month}{tail}(?!\d){iso}", text))


def _marked_year(target: str, at: int, lang: str) -> bool:
    """Is the number at offset `at` followed by the language's word for a year?"""
    base = base_language(lang)
    words = (*langdata.TIME_UNITS.get(base, {}).get("year", ()), *langdata.YEAR_WORDS.get(base, ()))
    number = re.match(r"\d+", target[at:])
    if not words or number is None:
        return False
    rest = target[at + number.end():]
    return bool(re.match(r"[\s\u00a0-]{0,2}", rest)) and bool(
        words_pattern(words, lang).match(rest.lstrip(" \u00a0-")))


# A date in figures as the project's (British) English writes it, day first: 07/11/2024.
_EN_NUMERIC_DATE = re.compile(r"(?<![\d/.])(\d{1,2})([/.])(\d{1,2})\2(\d{4})(?!\d|[/.]\d)")


def numeric_dates(source: str) -> list[tuple[str, int, int]]:
    """(as written, day, month) of each date the source writes in figures, day first."""
    return [(m.group(0), int(m.group(1)), int(m.group(3)))
            for m in _EN_NUMERIC_DATE.finditer(source)
            if 1 <= int(m.group(1)) <= 31 and 1 <= int(m.group(3)) <= 12]


def months_named(target: str, lang: str) -> set[int]:
    """The months (1–12) a translation names, by Babel's names in the language."""
    names = langdata.month_names(lang)
    if not names:
        return set()
    base = base_language(lang)
    lowered = target.lower()
    found = set()
    for number, forms in names.items():
        if base == "zh":
            if any(n in lowered for n in forms):
                found.add(number)
            continue
        shown = tuple(n + "~" for n in forms) if base in langdata.SUFFIXING else forms
        if words_pattern(shown, lang).search(lowered):
            found.add(number)
    return found


def _numeric_date_month(source: str, target: str, lang: str) -> str | None:
    """A date the source writes in figures (07/11/2024, the 7th of November) that the
    translation writes with another month's name («7 de julio de 2024»)."""
    said = numeric_dates(source)
    if not said:
        return None
    named = months_named(target, lang)
    wanted = {month for _, _, month in said}
    if named and not wanted & named:
        written, _, month = said[0]
        other = min(named)
        return (f"“{written}” is {_MONTHS[month - 1]} (day first), the translation names "
                f"{_MONTHS[other - 1]}: were the day and month read the other way?")
    return None


def _other_month(source: str, target: str, lang: str) -> str | None:
    """A month the translation names and the source does not: "2 … 20 November" made
    «2 ноября … 20 декабря» still has November. Only where the source names months."""
    said = {_MONTHS.index(m) + 1 for m in _EN_MONTH.findall(source)}
    if not said or not langdata.month_names(lang):
        return None
    by_name, longest_first, pattern = _full_month_names(lang)
    lowered = target.lower()
    for match in pattern.finditer(lowered):
        number = _month_of(match.group(0), by_name) or next(
            (by_name[n] for n in longest_first if match.group(0).startswith(n)), 0)
        if number and number not in said:
            return (f"«{match.group(0)}» ({_MONTHS[number - 1]}) is not a month the source "
                    "names")
    return None


@lru_cache(maxsize=32)
def _full_month_names(lang: str) -> tuple[dict[str, int], tuple[str, ...], re.Pattern[str]]:
    """Month name → number, without the short abbreviations that are words too (French
    "sept", seven, for septembre); the names longest first (an inflected form's own name);
    a pattern for them in `lang`."""
    names = langdata.month_names(lang)
    by_name = {name: number for number, forms in names.items() for name in forms
               if len(name) > 4 or not any(o != name and o.startswith(name) for o in forms)}
    base = base_language(lang)
    forms = tuple(n + "~" for n in by_name) if base in langdata.SUFFIXING else tuple(by_name)
    return by_name, tuple(sorted(by_name, key=len, reverse=True)), words_pattern(forms, lang)


def _month_gloss(target: str, lang: str) -> str | None:
    """A month glossed with another month's name: "15 مارس (أبريل)" (March, in brackets April)."""
    if not langdata.month_names(lang) or "(" not in target:
        return None
    by_name, _, pattern = _full_month_names(lang)   # «février (sept jours…)»: seven, no month
    lowered = target.lower()
    found = [(m.start(), m.end(), m.group(0)) for m in pattern.finditer(lowered)]
    for (_, end, first), (start, _, second) in zip(found, found[1:], strict=False):
        if re.fullmatch(r"\s*[(（]\s*", lowered[end:start]):
            one, two = _month_of(first, by_name), _month_of(second, by_name)
            if one and two and one != two:
                return (f"“{first} ({second})”: the month is glossed as another month "
                        f"({_MONTHS[one - 1]} / {_MONTHS[two - 1]})")
    return None


def _month_of(matched: str, by_name: dict[str, int]) -> int:
    """The month of a matched name, a clitic or prefix glued on its front allowed."""
    return next((by_name[n] for n in sorted(by_name, key=len, reverse=True)
                 if matched.endswith(n)), 0)
