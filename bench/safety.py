"""Mutation benchmark of the safety gate: dangerous edits of approved entries, caught or not.

Takes every approved entry of the sample's human translations (ru, ar, zh), makes the
dangerous edits machine translation and hurried review make (numbers swapped, time units
changed, frequency changed, month changed, a negation removed, half the sentence dropped,
engine debris, English left in, markup dropped), and counts which ones the registered
entry checks turn into an error. Also: findings on the unmutated translations (false
alarms) and on benign rewordings, and translate-toolkit's pofilter on the same mutants.

    .venv/bin/python bench/safety.py
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path

import polib

from pipeline import langdata
from pipeline.checks import SAFETY, Catalog, Entry, Scope, registry
from pipeline.config import load_config
from pipeline.glossary.project import project_glossary
from pipeline.model import Severity

REPO = Path(__file__).resolve().parent.parent
LANGS = ("ru", "ar", "zh")
Mutation = Callable[[str, str, str], Iterator[str]]
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_DIGITS = re.compile(r"\d+(?:[.,٫]\d+)?")


def swap_numbers(source: str, target: str, lang: str) -> Iterator[str]:
    found = list(dict.fromkeys(m.group() for m in _DIGITS.finditer(target)))
    if len(found) >= 2 and len(set(found[:2])) == 2:
        a, b = found[:2]
        yield re.sub(rf"(?<![\d.,]){re.escape(a)}(?![\d])|(?<![\d.,]){re.escape(b)}(?![\d])",
                     lambda m: b if m.group() == a else a, target)


def _word_swap(table: dict[str, tuple[str, ...]], lang: str, target: str) -> Iterator[str]:
    from pipeline.checks.quantities import words_pattern

    units = list(table)
    for index, unit in enumerate(units):
        match = words_pattern(table[unit], lang).search(target)
        if match:
            other = table[units[(index + 1) % len(units)]][0].rstrip("~")
            yield target[:match.start()] + other + target[match.end():]
            return


def time_unit(source: str, target: str, lang: str) -> Iterator[str]:
    if re.search(r"\d\s*(?:-|to)?\s*\d*\s*(?:minute|hour|day|week|month|year)s?", source):
        table = langdata.TIME_UNITS[lang]
        yield from _word_swap({k: table[k] for k in ("hour", "day", "week", "month")},
                              lang, target)


_FREQUENCY = {"ru": [("дважды", "трижды"), ("два раза", "три раза"), ("раз в", "дважды в")],
              "ar": [("مرتين", "ثلاث مرات"), ("مرة", "مرتين")],
              "zh": [("两次", "三次"), ("一次", "两次")]}


def frequency(source: str, target: str, lang: str) -> Iterator[str]:
    if re.search(r"\b(?:once|twice|times)\b", source):
        for old, new in _FREQUENCY[lang]:
            if old in target:
                yield target.replace(old, new, 1)
                return


def month(source: str, target: str, lang: str) -> Iterator[str]:
    names = langdata.month_names(lang)
    for number in range(1, 13):
        if _MONTHS[number - 1] not in source:
            continue
        for name in names[number]:
            if name in target.lower() and len(name) > 2:
                start = target.lower().index(name)
                yield target[:start] + names[number % 12 + 1][0] + target[start + len(name):]
                return
    if lang == "zh" and (m := re.search(r"(\d+)月", target)):
        yield target[:m.start()] + f"{int(m.group(1)) % 12 + 1}月" + target[m.end():]


def negation(source: str, target: str, lang: str) -> Iterator[str]:
    from pipeline.checks.quantities import words_pattern
    from pipeline.checks.wording import negations

    if not negations(source, "en"):
        return
    pattern = words_pattern(langdata.NEGATION[lang], lang)
    for match in pattern.finditer(target):
        mutated = target[:match.start()] + target[match.end():]
        if negations(mutated, lang) < negations(target, lang):
            yield mutated
            return


def omission(source: str, target: str, lang: str) -> Iterator[str]:
    if len(source) >= 60:
        yield target[:len(target) // 2]


def debris(source: str, target: str, lang: str) -> Iterator[str]:
    words = re.findall(r"[^\W\d_]{4,}", target)
    if words:
        yield target.replace(words[len(words) // 2], "@" + words[len(words) // 2], 1)


def leftover(source: str, target: str, lang: str) -> Iterator[str]:
    english = [w for w in re.findall(r"\b[a-z]{5,}\b", source)]
    words = re.findall(r"[^\W\d_]{4,}", target)
    if english and words:
        yield target.replace(words[0], english[-1], 1)


def markup(source: str, target: str, lang: str) -> Iterator[str]:
    for mark in ("**", "*", "_", "`"):
        if mark in target and mark in source:
            yield target.replace(mark, "", 1)
            return


CLASSES: dict[str, Mutation] = {
    "numbers swapped": swap_numbers, "time unit": time_unit, "frequency": frequency,
    "month": month, "negation removed": negation, "half omitted": omission,
    "engine debris": debris, "English left": leftover, "markup dropped": markup}
# Benign rewordings a translator may write: (lang, English, translation).
BENIGN = [
    ("ru", "Call us 24 hours a day.", "Звоните нам круглосуточно."),
    ("ru", "Call us within 24 hours.", "Позвоните нам в течение суток."),
    ("ru", "Take 2.5 mg.", "Примите 2,5 мг."),
    ("ru", "Take it twice a day.", "Принимайте дважды в день."),
    ("ru", "Take it twice a day.", "Принимайте два раза в день."),
    ("ru", "Stay for 3 days.", "Оставайтесь три дня."),
    ("ru", "Do not take it before 15 March.", "Не принимайте его до 15 марта."),
    ("ar", "Take 2.5 mg.", "تناول ٢٫٥ ملغ."),
    ("ar", "Take it twice a day.", "تناوله مرتين يوميًا."),
    ("ar", "Stay for 3 days.", "ابقَ ثلاثة أيام."),
    ("ar", "Do not take it before 15 March.", "لا تتناوله قبل ١٥ مارس."),
    ("ar", "Do not take it before 15 March.", "لا تتناوله قبل ١٥ آذار."),
    ("zh", "Stay for 3 days.", "请停留三天。"),
    ("zh", "Take it twice a day.", "每天服用两次。"),
    ("zh", "Take 500 mg.", "服用500毫克。"),
    ("zh", "Do not take it before 15 March.", "3月15日之前不要服用。"),
    ("zh", "Call us 24 hours a day.", "请全天拨打我们的电话。"),
    ("es", "Take 2.5 mg twice a day.", "Tome 2,5 mg dos veces al día."),
    ("es", "Do not take it before 15 March.", "No lo tome antes del 15 de marzo."),
    ("es", "Stay for 3 days.", "Quédese tres días."),
    ("fr", "Take 2.5 mg twice a day.", "Prenez 2,5 mg deux fois par jour."),
    ("fr", "Do not take it before 15 March.", "Ne le prenez pas avant le 15 mars."),
    ("fr", "Stay for 3 days.", "Restez trois jours."),
]


def errors(source: str, target: str, lang: str, glossary: object) -> list[str]:
    """Names of the safety checks that find an error (released policy) in one entry."""
    entry = Entry(msgid=source, msgstr=target, line=1)
    scope = Scope(catalog=Catalog(file="", lang=lang, doc="", entries=(entry,)),
                  glossary=glossary)
    found = []
    for name, registered in registry().items():
        if registered.scope != "entry" or name == "unedited-mt":
            continue
        for finding in registered.func(entry, scope):
            if name in SAFETY or finding.severity is Severity.ERROR:
                found.append(name)
    return found


def pofilter_flags(mutants: list[tuple[str, str, str, str]], lang: str) -> set[str]:
    """msgctxt of the mutants pofilter flags (its default tests)."""
    pofilter = Path(sys.executable).parent / "pofilter"
    with tempfile.TemporaryDirectory() as folder:
        po = polib.POFile()
        po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": lang}
        for key, _klass, source, target in mutants:
            po.append(polib.POEntry(msgctxt=key, msgid=source, msgstr=target))
        po.save(f"{folder}/in.po")
        subprocess.run([str(pofilter), "--language", lang, "-i", f"{folder}/in.po",
                        "-o", f"{folder}/out.po"], check=False, capture_output=True)
        out = Path(f"{folder}/out.po")
        return {e.msgctxt or "" for e in polib.pofile(str(out))} if out.exists() else set()


def main() -> None:
    config = load_config(REPO)
    glossary = project_glossary(config)
    caught: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    false_alarms: list[str] = []
    originals = 0
    for lang in LANGS:
        mutants: list[tuple[str, str, str, str]] = []
        for path in sorted((REPO / "locales" / lang / "LC_MESSAGES").glob("*.po")):
            for item in polib.pofile(str(path)):
                if item.obsolete or "fuzzy" in item.flags or not item.msgstr:
                    continue
                originals += 1
                if errors(item.msgid, item.msgstr, lang, glossary):
                    false_alarms.append(f"{lang}: {item.msgid[:60]}")
                for klass, mutate in CLASSES.items():
                    for mutated in mutate(item.msgid, item.msgstr, lang):
                        if mutated != item.msgstr:
                            mutants.append((f"m{len(mutants)}", klass, item.msgid, mutated))
        flagged = pofilter_flags(mutants, lang)
        for key, klass, source, target in mutants:
            row = caught[(klass, lang)]
            row[0] += 1
            row[1] += bool(errors(source, target, lang, glossary))
            row[2] += key in flagged
    benign = [(lang, s, t, errors(s, t, lang, glossary)) for lang, s, t in BENIGN]
    print(f"| class | {' | '.join(LANGS)} | all | pofilter |\n|---|" + "---|" * (len(LANGS) + 2))
    total = [0, 0, 0]
    for klass in CLASSES:
        cells, row_total = [], [0, 0, 0]
        for lang in LANGS:
            n, hit, pof = caught[(klass, lang)]
            cells.append(f"{hit}/{n}" if n else "–")
            row_total = [row_total[0] + n, row_total[1] + hit, row_total[2] + pof]
        total = [a + b for a, b in zip(total, row_total, strict=True)]
        print(f"| {klass} | {' | '.join(cells)} | {row_total[1]}/{row_total[0]} "
              f"| {row_total[2]}/{row_total[0]} |")
    print(f"| **all** | | | | **{total[1]}/{total[0]} ({100 * total[1] / total[0]:.1f} %)** "
          f"| {total[2]}/{total[0]} ({100 * total[2] / total[0]:.1f} %) |")
    print(f"\nerrors on {originals} unmutated human translations: {len(false_alarms)}")
    for alarm in false_alarms:
        print("  ", alarm)
    flagged_benign = [b for b in benign if b[3]]
    print(f"benign rewordings flagged: {len(flagged_benign)}/{len(benign)}")
    for lang, _source, target, names in flagged_benign:
        print(f"   {lang}: {target} ({', '.join(names)})")


if __name__ == "__main__":
    main()
