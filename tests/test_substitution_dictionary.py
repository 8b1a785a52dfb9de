"""A sentence from outside the project pasted in place of a Chinese translation: the corpus
alone (characters pair much by chance) cannot tell it from a free translation, the corpus
and CC-CEDICT together can. Without the dictionary the check is what it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.checks import Catalog, Entry, Scope, bilingual, registry
from pipeline.checks.corpora import Corpora
from pipeline.checks.lexicon import corpus_of
from pipeline.config import load_config

ROOT = Path(__file__).resolve().parent.parent
CORPORA = Corpora(load_config(ROOT))
needs_dictionary = pytest.mark.usefixtures("dictionary")   # conftest: fails, never skips

# (source, a sentence of the sample pasted in its place, a free translation of the source)
PASTED = [
    ("Your own dates may be quite different.", "制备这些细胞通常需要几周时间。",
     "您自己的时间安排可能会很不一样。"),
    ("The cells are then sent to a special laboratory.", "在旅途中，请随身携带医院的电话号码。",
     "随后，这些细胞会被送到专门的实验室。"),
    ("Comfortable, loose clothing and non-slip slippers", "CAR-T细胞疗法的原理",
     "宽松舒适的衣服和一双不打滑的拖鞋"),
]


def substitution(source: str, target: str, pasted: str) -> list[str]:
    """The substitution check's messages, the sample's zh corpus without the pasted text's
    own entry (a sentence from outside the project)."""
    corpus = CORPORA.get("zh")
    assert corpus is not None
    outside = corpus_of([p for p in corpus.pairs if p[1] != pasted], "zh")
    item = Entry(msgid=source, msgstr=target, line=3)
    scope = Scope(catalog=Catalog(file="x.po", lang="zh", doc="x", entries=(item,)),
                  glossary=None, corpus=outside)
    return [f.message for f in registry()["substitution"].func(item, scope)]


@needs_dictionary
@pytest.mark.parametrize(("source", "pasted", "free"), PASTED)
def test_a_chinese_sentence_from_outside_the_project_is_a_substitution(
        source: str, pasted: str, free: str) -> None:
    messages = substitution(source, pasted, pasted)
    assert len(messages) == 1 and "the dictionary translates" in messages[0]


@pytest.mark.parametrize(("source", "pasted", "free"), PASTED)
def test_a_free_chinese_translation_is_no_substitution(source: str, pasted: str,
                                                       free: str) -> None:
    assert substitution(source, free, pasted) == []


def test_without_the_dictionary_the_check_reads_the_corpus_alone(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The package missing: no error, no dictionary finding, the corpus's findings as before."""
    monkeypatch.setattr(bilingual, "data_path", lambda: None)
    bilingual._chinese.cache_clear()
    try:
        assert bilingual.looked_up("Main risks", "主要风险", "zh").known == 0
        for source, pasted, free in PASTED:
            assert substitution(source, free, pasted) == []
            assert not any("dictionary" in m for m in substitution(source, pasted, pasted))
    finally:
        bilingual._chinese.cache_clear()


@needs_dictionary
def test_the_dictionary_knows_the_words_of_headings() -> None:
    """CC-CEDICT translates the words of short headings the corpus may never have seen."""
    assert bilingual.looked_up("Main risks", "主要风险", "zh").share == 1.0
    assert bilingual.looked_up("Main risks", "分步指南", "zh").found == 0
    assert bilingual.looked_up("Main risks", "主要风险", "ja").known == 0   # none for ja
