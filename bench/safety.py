"""Mutation benchmark of the safety gate: dangerous edits of approved entries, caught or not.

Takes every approved entry of a project's translations (the sample: the human translations
ru, ar, zh) and of the catalogs in bench/human/LANG/*.po (human translations of the sample's
documents in es and fr, whose sample catalogs are machine drafts or empty), makes the
dangerous edits machine translation and hurried review make (see
bench/mutations.py: numbers swapped, time units changed, frequency changed, month changed,
a negation removed, half the sentence dropped, engine debris, English left in, markup
dropped, a glossary term replaced, another sentence substituted), and counts which ones the
registered entry checks turn into an error, with the language's approved entries as the
corpus the checks learn from (the entry itself always left out). Also: errors on the
unmutated translations (false alarms), benign rewordings flagged, and translate-toolkit's
pofilter on the same mutants.

    .venv/bin/python bench/safety.py [--project DIR] [--human DIR] [--lang L]... [--misses]
    .venv/bin/python bench/safety.py --probes [bench/probes.jsonl] [--misses]

With --probes: the team's probe sentences instead (bench/probes.jsonl: English sentences on
other topics than the sample's, each with a correct translation and the same translation
with one dangerous error of its class, in es, fr, ru, ar and zh, and correct rewordings
marked "benign"), checked without a corpus (a new document's sentences); errors on the
correct translations and on the rewordings are false alarms.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import polib

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH)]

from mutations import CLASSES, OUTSIDE, STRESS, Context, Item  # noqa: E402

from pipeline.checks import SAFETY, Catalog, Entry, Scope, registry  # noqa: E402
from pipeline.checks.lexicon import Corpus, corpus_of  # noqa: E402
from pipeline.config import load_config  # noqa: E402
from pipeline.glossary.project import project_glossary  # noqa: E402
from pipeline.model import Severity  # noqa: E402

REPO = BENCH.parent
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
    ("ru", "Do not stop taking any medicine unless your care team tells you to.",
     "Не прекращайте приём лекарств, если только лечащая команда не скажет вам это сделать."),
    ("zh", "Do not stop taking any medicine unless your care team tells you to.",
     "除非您的医护团队告诉您，否则不要停止服用任何药物。"),
    ("ru", "Never skip a dose.", "Никогда не пропускайте приём дозы."),
    ("fr", "Never skip a dose.", "Ne sautez jamais une dose."),
    ("es", "Never skip a dose.", "No se salte nunca una dosis."),
    ("ar", "Never skip a dose.", "لا تفوّت أي جرعة أبدًا."),
    ("zh", "Do not wait to see whether it gets better.", "不要等着看会不会好转。"),
    ("es", "Read the _short_ version first.", "Lea primero la versión *breve*."),
    ("zh", "Send it by 15 March 2027.", "请在2027年3月15日之前寄出。"),
    ("ar", "Send it by 15 March 2027.", "أرسله قبل 15 مارس (آذار) 2027."),
    ("ru", "Send it by 15 March 2027.", "Отправьте его до 15 марта 2027 года."),
    ("ru", "Leukemia is treatable, and leukemia cells can be removed.",
     "Лейкоз поддаётся лечению, а его клетки можно удалить."),
    # Words of the language that look like English or like a cut word: a plural the
    # dictionary makes ("options"), a pronoun at the end ("un ?", "-les.", "una?").
    ("fr", "These options may help.", "Ces options peuvent vous aider."),
    ("fr", "How long would it take to find one?", "Combien de temps faut-il pour en trouver un ?"),
    ("fr", "Bring your medicines and take them.", "Apportez vos médicaments et prenez-les."),
    ("es", "Do you have one?", "¿Tiene una?"),
    ("es", "It takes less than an hour.", "Se tarda menos de una hora."),
    # Headings said in other words than the sample's translators chose (the substitution
    # check reads them both ways: synonyms the corpus has not seen must not look pasted).
    ("ru", "Main risks", "Главные риски"),
    ("ru", "Questions to ask your doctor", "Что спросить у врача"),
    ("ru", "Hospital stay", "Пребывание в стационаре"),
    ("ar", "Main risks", "أهم المخاطر"),
    ("ar", "Questions to ask your doctor", "أسئلة لطبيبك"),
    ("ar", "Hospital stay", "البقاء في المستشفى"),
    ("zh", "Main risks", "主要风险"),
    ("zh", "Questions to ask your doctor", "可以问医生的问题"),
    ("zh", "Hospital stay", "住院期间"),
]


def errors(source: str, target: str, lang: str, glossary: object,
           corpus: Corpus | None = None) -> list[str]:
    """Names of the safety checks that find an error (released policy) in one entry."""
    entry = Entry(msgid=source, msgstr=target, line=1)
    scope = Scope(catalog=Catalog(file="", lang=lang, doc="", entries=(entry,)),
                  glossary=glossary, corpus=corpus)
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


def approved(folder: Path, lang: str, prefix: str = "") -> dict[str, list[Item]]:
    """The approved entries of the catalogs in `folder`, by document, in catalog order."""
    found: dict[str, list[Item]] = {}
    for path in sorted(folder.glob("*.po")):
        items = [e for e in polib.pofile(str(path)) if not e.obsolete and "fuzzy" not in e.flags
                 and e.msgstr and not e.msgid_plural]
        found[prefix + path.stem] = [Item(e.msgid, e.msgstr, lang, prefix + path.stem, i)
                                     for i, e in enumerate(items)]
    return {doc: items for doc, items in found.items() if items}


def entries_of(config: object, human: Path, lang: str) -> dict[str, list[Item]]:
    """The approved entries of `lang`: the project's catalogs, then those in `human`."""
    locales = Path(config.locales_dir)  # type: ignore[attr-defined]
    return approved(locales / lang / "LC_MESSAGES", lang) | approved(
        human / lang, lang, prefix="human/")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=REPO)
    parser.add_argument("--human", type=Path, default=BENCH / "human",
                        help="more approved human translations: one folder per language")
    parser.add_argument("--lang", action="append", default=[])
    parser.add_argument("--misses", action="store_true", help="print every mutant not caught")
    parser.add_argument("--probes", type=Path, nargs="?", const=BENCH / "probes.jsonl",
                        help="check the probe sentences of this file instead")
    args = parser.parse_args()
    config = load_config(args.project.resolve())
    glossary = project_glossary(config)
    if args.probes:
        probes(args.probes, glossary, misses=args.misses)
        return
    entries = {lg.tag: entries_of(config, args.human, lg.tag) for lg in config.languages}
    # each language's corpus: all its approved entries, those of --human included
    corpora = {lang: corpus_of([(i.source, i.target) for items in found.values()
                                for i in items], lang) for lang, found in entries.items()}
    langs = args.lang or [lang for lang, found in entries.items() if found]
    caught: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    false_alarms: list[str] = []
    misses: list[str] = []
    originals = 0
    for lang in langs:
        corpus = corpora[lang]
        context = Context(glossary=glossary, entries=entries[lang])
        mutants: list[tuple[str, str, str, str]] = []
        for items in context.entries.values():
            for item in items:
                originals += 1
                if found := errors(item.source, item.target, lang, glossary, corpus):
                    false_alarms.append(f"{lang}: {item.source[:60]} ({', '.join(found)})")
                for klass, mutate in CLASSES.items():
                    for mutated in mutate(item, context):
                        if mutated != item.target:
                            mutants.append((f"m{len(mutants)}", klass, item.source, mutated))
        flagged = pofilter_flags(mutants, lang)
        for key, klass, source, target in mutants:
            used = corpus
            if klass in OUTSIDE and corpus is not None:   # the donor is not in the project
                donors = set(corpus.owners(target))
                used = corpus_of([p for p in corpus.pairs if p[0] not in donors], lang)
            row = caught[(klass, lang)]
            row[0] += 1
            hit = bool(errors(source, target, lang, glossary, used))
            row[1] += hit
            row[2] += key in flagged
            if not hit:
                misses.append(f"--- {klass} [{lang}]\n  EN: {source}\n  MU: {target}")
    report(langs, caught, originals, false_alarms, glossary, corpora)
    if args.misses:
        print("\nmissed mutants:\n" + "\n".join(misses))


def probes(path: Path, glossary: object, *, misses: bool) -> None:
    """The probe sentences: caught/total per class and language, pofilter beside it, and the
    correct translations and rewordings flagged."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    langs = list(dict.fromkeys(r["lang"] for r in rows))
    caught: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    alarms, missed = [], []
    for lang in langs:
        mine = [r for r in rows if r["lang"] == lang]
        flagged = pofilter_flags([(f"p{i}", r["kind"], r["source"], r["bad"])
                                  for i, r in enumerate(mine)], lang)
        for i, row in enumerate(mine):
            kind, source = row["kind"], row["source"]
            if found := errors(source, row["good"], lang, glossary):
                alarms.append(f"{lang}: {row['good']} ({', '.join(found)})")
            if kind == "benign":
                if found := errors(source, row["bad"], lang, glossary):
                    alarms.append(f"{lang} (rewording): {row['bad']} ({', '.join(found)})")
                continue
            cell = caught[(kind, lang)]
            hit = bool(errors(source, row["bad"], lang, glossary))
            cell[0], cell[1], cell[2] = cell[0] + 1, cell[1] + hit, cell[2] + (f"p{i}" in flagged)
            if not hit:
                missed.append(f"--- {kind} [{lang}]\n  EN: {source}\n  BAD: {row['bad']}")
    kinds = list(dict.fromkeys(kind for kind, _ in caught))
    print(f"| class | {' | '.join(langs)} | all | pofilter |\n|---|" + "---|" * (len(langs) + 2))
    total = [0, 0, 0]
    for kind in kinds:
        cells = [caught[(kind, lang)] for lang in langs]
        row_total = [sum(c[k] for c in cells) for k in range(3)]
        total = [a + b for a, b in zip(total, row_total, strict=True)]
        print(f"| {kind} | {' | '.join(f'{c[1]}/{c[0]}' for c in cells)} | "
              f"{row_total[1]}/{row_total[0]} | {row_total[2]}/{row_total[0]} |")
    print(f"| **all** |{' |' * len(langs)} **{total[1]}/{total[0]} "
          f"({100 * total[1] / max(total[0], 1):.1f} %)** | {total[2]}/{total[0]} "
          f"({100 * total[2] / max(total[0], 1):.1f} %) |")
    correct = len(rows) + sum(r["kind"] == "benign" for r in rows)
    print(f"\nerrors on {correct} correct translations and rewordings: {len(alarms)}")
    for alarm in alarms:
        print("  ", alarm)
    if misses:
        print("\nmissed:\n" + "\n".join(missed))


def report(langs: list[str], caught: dict[tuple[str, str], list[int]], originals: int,
           false_alarms: list[str], glossary: object, corpora: dict[str, Corpus]) -> None:
    """The Markdown table of caught/total by class and language, pofilter beside it."""
    print(f"| class | {' | '.join(langs)} | all | pofilter |\n|---|" + "---|" * (len(langs) + 2))
    total, plain = [0, 0, 0], [0, 0, 0]
    for klass in CLASSES:
        cells, row_total = [], [0, 0, 0]
        for lang in langs:
            n, hit, pof = caught[(klass, lang)]
            cells.append(f"{hit}/{n}" if n else "–")
            row_total = [row_total[0] + n, row_total[1] + hit, row_total[2] + pof]
        total = [a + b for a, b in zip(total, row_total, strict=True)]
        if klass not in STRESS:
            plain = [a + b for a, b in zip(plain, row_total, strict=True)]
        print(f"| {klass} | {' | '.join(cells)} | {row_total[1]}/{row_total[0]} "
              f"| {row_total[2]}/{row_total[0]} |")
    print(f"| **all** |{' |' * len(langs)} **{total[1]}/{total[0]} "
          f"({100 * total[1] / max(total[0], 1):.1f} %)** "
          f"| {total[2]}/{total[0]} ({100 * total[2] / max(total[0], 1):.1f} %) |")
    print(f"| **all but {', '.join(sorted(STRESS))}** |{' |' * len(langs)} "
          f"**{plain[1]}/{plain[0]} ({100 * plain[1] / max(plain[0], 1):.1f} %)** "
          f"| {plain[2]}/{plain[0]} ({100 * plain[2] / max(plain[0], 1):.1f} %) |")
    print(f"\nerrors on {originals} unmutated approved translations: {len(false_alarms)}")
    for alarm in false_alarms:
        print("  ", alarm)
    benign = [(lang, s, t, errors(s, t, lang, glossary, corpora.get(lang)))
              for lang, s, t in BENIGN]
    flagged_benign = [b for b in benign if b[3]]
    print(f"benign rewordings flagged: {len(flagged_benign)}/{len(benign)}")
    for lang, _source, target, names in flagged_benign:
        print(f"   {lang}: {target} ({', '.join(names)})")


if __name__ == "__main__":
    main()
