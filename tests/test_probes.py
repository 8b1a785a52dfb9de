"""The team's probe sentences (bench/probes*.jsonl, seven sets): topics the sample has none
of, checked without a corpus as a new document's are. Correct translations and rewordings
pass, but for the false alarms the README names; the dangerous edits of every class but
omission and English left are found in every language, but for the misses the README names.
(bench/safety.py --probes FILE prints all classes beside pofilter.)"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.checks import Catalog, Entry, Scope, registry
from pipeline.config import load_config
from pipeline.glossary.project import project_glossary
from pipeline.model import Severity

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = project_glossary(load_config(ROOT))
FILES = ("probes.jsonl", "probes2.jsonl", "probes3.jsonl", "probes4.jsonl", "probes5.jsonl",
         "probes6.jsonl", "probes7.jsonl")
ROWS = {name: [json.loads(line) for line in
               (ROOT / "bench" / name).read_text(encoding="utf-8").splitlines() if line]
        for name in FILES}
# The correct texts the checks still flag, each for a reason the README gives: a very short
# Chinese sentence (under half the length table's ratio), "without calling us first" said as
# "before contacting us", and "7 days without tablets" said as "a break of 7 days"; and one
# the check is right about: «_不要_» between Chinese characters is no emphasis in Markdown
# (the page shows the underscores), «*不要*» is; "cola", which Hunspell's French dictionary
# lacks; 第2天 for "the day after", a number the source does not have; «Контрольный приём»
# for a follow-up appointment, which the glossary's «наблюдение» does not cover; and two
# Arabic durations said in the other order with their clauses.
KNOWN_FALSE_ALARMS = {
    ("probes.jsonl", "zh"): {"移植后您需要住院大约两周。",
                             "您可以服用对乙酰氨基酚止痛，但在联系我们之前，不要用它来退烧。"},
    ("probes2.jsonl", "ru"): {"Принимайте по 4 таблетки капецитабина два раза в день в течение "
                              "14 дней, затем сделайте перерыв на 7 дней."},
    ("probes2.jsonl", "zh"): {"卡培他滨每次4片，每天两次，连续服用14天，然后停药7天。"},
    ("probes5.jsonl", "zh"): {"镇静后24小时内_不要_开车。"},
    ("probes6.jsonl", "fr"): {"Évitez le café, le thé et le cola à partir de midi le jour de "
                              "votre examen du sommeil."},
    ("probes6.jsonl", "zh"): {"手术后第2天可以淋浴、洗头，但要注意防止水进到眼睛里。"},
    ("probes7.jsonl", "ru"): {"Контрольный приём после операции по поводу грыжи назначен на "
                              "1 июня 2026 года."},
    ("probes7.jsonl", "ar"): {"يمكنك العودة إلى منزلك بعد ٣٠ دقيقة من الحقنة، التي تستغرق "
                              "قرابة ١٠ دقائق."},
}
KINDS = ("numbers-swapped", "value-changed", "time-unit", "frequency", "date", "negation",
         "markup", "glossary")
# what each set still misses of these kinds, named in the README ("the count stays")
MISSED = {("probes.jsonl", "negation"): 2, ("probes3.jsonl", "negation"): 3,
          ("probes4.jsonl", "frequency"): 1, ("probes4.jsonl", "negation"): 1,
          ("probes6.jsonl", "negation"): 1, ("probes7.jsonl", "numbers-swapped"): 4,
          ("probes7.jsonl", "negation"): 5}


# omissions found at least (of 40 a set): a list item gone is found where the dictionaries
# see the item (pipeline.checks.listing); a clause gone, or an item they do not know, is not
OMISSIONS_FOUND = {"probes.jsonl": 27, "probes2.jsonl": 22, "probes3.jsonl": 27,
                   "probes4.jsonl": 25, "probes5.jsonl": 34, "probes6.jsonl": 16,
                   "probes7.jsonl": 23}


def errors(source: str, target: str, lang: str) -> list[str]:
    item = Entry(msgid=source, msgstr=target, line=3)
    scope = Scope(catalog=Catalog(file="x.po", lang=lang, doc="x", entries=(item,)),
                  glossary=GLOSSARY)
    return [f"{name}: {f.message}" for name, registered in registry().items()
            if registered.scope == "entry" and name != "unedited-mt"
            for f in registered.func(item, scope) if f.severity is Severity.ERROR]


@pytest.mark.parametrize("name", FILES)
@pytest.mark.parametrize("lang", ["es", "fr", "ru", "ar", "zh"])
def test_correct_translations_and_rewordings_pass(name: str, lang: str) -> None:
    rows = [r for r in ROWS[name] if r["lang"] == lang]
    assert len(rows) == 92
    texts = [(r["source"], r["good"]) for r in rows] + [
        (r["source"], r["bad"]) for r in rows if r["kind"] == "benign"]
    flagged = {t for s, t in texts if errors(s, t, lang)}
    assert flagged == KNOWN_FALSE_ALARMS.get((name, lang), set())


@pytest.mark.parametrize("name", FILES)
@pytest.mark.parametrize("kind", KINDS)
def test_dangerous_edits_are_found_in_every_language(name: str, kind: str) -> None:
    rows = [r for r in ROWS[name] if r["kind"] == kind]
    assert len(rows) == 40
    missed = [(r["lang"], r["bad"]) for r in rows if not errors(r["source"], r["bad"], r["lang"])]
    assert len(missed) <= MISSED.get((name, kind), 0), missed


@pytest.mark.usefixtures("dictd", "dictionary")
@pytest.mark.parametrize("name", FILES)
def test_omissions_are_found_as_often_as_the_readme_says(name: str) -> None:
    rows = [r for r in ROWS[name] if r["kind"] == "omission"]
    assert len(rows) == 40
    found = sum(1 for r in rows if errors(r["source"], r["bad"], r["lang"]))
    assert found >= OMISSIONS_FOUND[name]
