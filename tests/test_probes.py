"""The team's probe sentences (bench/probes.jsonl): topics the sample has none of, checked
without a corpus as a new document's are. Correct translations and rewordings pass; the
dangerous edits of the value, time, frequency, date, markup and glossary classes are found
in every language. (bench/safety.py --probes prints all classes beside pofilter.)"""

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
ROWS = [json.loads(line) for line in
        (ROOT / "bench" / "probes.jsonl").read_text(encoding="utf-8").splitlines() if line]


def errors(source: str, target: str, lang: str) -> list[str]:
    item = Entry(msgid=source, msgstr=target, line=3)
    scope = Scope(catalog=Catalog(file="x.po", lang=lang, doc="x", entries=(item,)),
                  glossary=GLOSSARY)
    return [f"{name}: {f.message}" for name, registered in registry().items()
            if registered.scope == "entry" and name != "unedited-mt"
            for f in registered.func(item, scope) if f.severity is Severity.ERROR]


@pytest.mark.parametrize("lang", ["es", "fr", "ru", "ar"])
def test_correct_translations_and_rewordings_pass(lang: str) -> None:
    rows = [r for r in ROWS if r["lang"] == lang]
    assert len(rows) == 92
    texts = [(r["source"], r["good"]) for r in rows] + [
        (r["source"], r["bad"]) for r in rows if r["kind"] == "benign"]
    assert {t: found for s, t in texts if (found := errors(s, t, lang))} == {}


@pytest.mark.parametrize("kind", ["value-changed", "time-unit", "frequency", "date", "markup",
                                  "glossary"])
def test_dangerous_edits_of_these_kinds_are_found_in_every_language(kind: str) -> None:
    rows = [r for r in ROWS if r["kind"] == kind]
    assert len(rows) == 40
    assert [(r["lang"], r["bad"]) for r in rows if not errors(r["source"], r["bad"],
                                                                r["lang"])] == []
