"""A translation cut off in the middle of a word, its full stop kept ("спутанность созна."):
the `omission` check knows the word is cut because the project's approved translations
write it only longer, never whole. The sample's human translations (ru, ar) are the corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.checks import Catalog, Entry, Scope, registry
from pipeline.checks.corpora import Corpora
from pipeline.checks.lexicon import corpus_of
from pipeline.config import load_config

ROOT = Path(__file__).resolve().parent.parent
CORPORA = Corpora(load_config(ROOT))
FEVER = "After either treatment, a fever or confusion can be an emergency."


def omission(source: str, target: str, lang: str, corpus: object = None) -> list[str]:
    """The omission check's messages on one approved entry, the sample's corpus of `lang`."""
    item = Entry(msgid=source, msgstr=target, line=3)
    scope = Scope(catalog=Catalog(file="x.po", lang=lang, doc="x", entries=(item,)),
                  glossary=None, corpus=CORPORA.get(lang) if corpus is None else corpus)
    return [f.message for f in registry()["omission"].func(item, scope)]


@pytest.mark.parametrize(("lang", "cut", "fragment"), [
    ("ru", "После любого лечения повышение температуры и спутанность созна.", "созна"),
    ("ru", "После любого лечения температура может означать, что вы в больн.", "больн"),
    ("ar", "بعد أي من العلاجين، قد تكون الحمى حالة طارئة، وه.", "وه"),
    ("ar", "بعد أي من العلاجين، هل تكون الحمى حالة طارئة إل؟", "إل"),
])
def test_a_translation_cut_inside_a_word_is_an_omission(lang: str, cut: str,
                                                        fragment: str) -> None:
    messages = omission(FEVER, cut, lang)
    assert len(messages) == 1 and f"“{fragment}”" in messages[0]


@pytest.mark.parametrize(("lang", "whole"), [
    ("ru", "После любого лечения температура или спутанность сознания требуют срочной помощи."),
    ("ru", "После любого лечения позвоните, если у вас жар, и т. д."),   # abbreviations
    ("ru", "Температура после лечения опасна, и звонить нужно сразу, где бы вы ни были, "
           "чтобы помогли вы."),                                            # a short whole word
    ("ar", "بعد أي من العلاجين، قد تكون الحمى أو التشوش حالة طارئة."),
    ("ar", "بعد أي من العلاجين، لا تنتظر أبدًا."),             # a vowel mark on the last word
    ("ar", "بعد أي من العلاجين، قد تكون الحمى مشكلة، فهذا أمر جدي."),  # root-word, no ending
    ("zh", "两种治疗后，发烧或意识模糊都可能是紧急情况，请您参与。"),        # glued: not judged so
])
def test_a_translation_ending_on_a_whole_word_is_no_omission(lang: str, whole: str) -> None:
    assert omission(FEVER, whole, lang) == []


def test_a_small_corpus_says_nothing_of_cut_words() -> None:
    """Under 100 approved entries a word the corpus has only longer may simply be rare."""
    pairs = [("Call us.", "Позвоните нам по телефону."), ("Take it.", "Примите сознательно.")]
    assert omission(FEVER, "После любого лечения повышение температуры и спутанность созна.", "ru",
                    corpus_of(pairs, "ru")) == []


COMPARE = "Many patients ask how CAR-T vs. transplant compares in daily life."


@pytest.mark.usefixtures("dictionary")
@pytest.mark.parametrize(("lang", "cut", "char"), [
    ("zh", "许多患者想知道，CAR-T与。", "与"),                 # "CAR-T and."
    ("zh", "许多患者想知道CAR-T疗法在日常生活中由。", "由"),
    ("zh", "许多患者想知道，日常生活中哪种治疗更好，这取决于。", "于"),   # "depends on."
    ("zh-Hant", "許多患者想知道，CAR-T療法與移植在日常生活中相比如何，以及從。", "從"),
])
def test_a_chinese_sentence_ending_on_a_one_character_preposition_is_cut_off(
        lang: str, cut: str, char: str) -> None:
    messages = omission(COMPARE, cut, lang, corpus_of([], lang))
    assert len(messages) == 1 and f"“{char}”" in messages[0]


@pytest.mark.usefixtures("dictionary")
@pytest.mark.parametrize(("lang", "whole"), [
    ("zh", "许多患者想知道两种治疗在日常生活中如何相比。"),     # 相比: a word ending in 比
    ("zh", "许多患者都希望在日常生活中积极参与。"),             # 参与
    ("zh", "这两种治疗在日常生活中的差别，取决于每个人的理由。"),  # 理由 ends on 由
    ("zh-Hant", "許多患者想知道兩種治療在日常生活中如何比較，請您參與。"),  # 參與
])
def test_a_chinese_sentence_ending_on_a_word_is_no_cut(lang: str, whole: str) -> None:
    assert omission(COMPARE, whole, lang, corpus_of([], lang)) == []
