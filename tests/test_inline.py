"""Inline Markdown that is never translated is recognised alike by every stage (pipeline.inline):
masking protects it, the checks leave it out of the words they read, the glossary never
matches inside it and segmentation never splits it."""

from __future__ import annotations

from pipeline.checks import plain
from pipeline.glossary import build_glossary
from pipeline.masking import mask
from pipeline.model import Term
from pipeline.segment import split_sentences

TEXT = ("Call <tel:+442079460123> or <office@example.org>, see `fever.v2` and "
        "https://example.org/fever_guide. Then rest.")
NEVER = ["<tel:+442079460123>", "<office@example.org>", "`fever.v2`",
         "https://example.org/fever_guide"]


def test_masking_protects_each_span_whole() -> None:
    masked = mask(TEXT, glossary=None, lang="es", style="word")
    assert sorted(m.original for m in masked.masks) == sorted(NEVER)


def test_checks_read_no_word_inside_them() -> None:
    words = plain(TEXT)
    assert "tel" not in words and "example" not in words and "fever" not in words
    assert "Call" in words and "rest" in words


def test_the_glossary_matches_only_outside_them() -> None:
    fever = Term(id="fever", source=("fever",), targets=(("es", ("fiebre",)),))
    glossary = build_glossary([fever], ["es"])
    assert [m.text for m in glossary.match(TEXT + " A fever.")] == ["fever"]
    assert glossary.match(TEXT) == []


def test_segmentation_keeps_a_url_with_a_full_stop_whole() -> None:
    assert split_sentences(TEXT) == [TEXT.removesuffix(" Then rest."), "Then rest."]
