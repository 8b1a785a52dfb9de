"""Language tags are parsed in one place (pipeline.languages), whichever separator a tool used."""

from __future__ import annotations

import pytest

from pipeline.languages import base_language, catalog_tag, fallbacks, same_language


@pytest.mark.parametrize(("tag", "base", "folder", "chain"), [
    ("zh_Hans", "zh", "zh_Hans", ["zh-Hans", "zh"]),
    ("zh-Hant-TW", "zh", "zh_Hant_TW", ["zh-Hant-TW", "zh-Hant", "zh"]),
    ("pt_BR", "pt", "pt_BR", ["pt-BR", "pt"]),
    ("AR", "ar", "AR", ["AR"]),
])
def test_tags_in_either_spelling(tag: str, base: str, folder: str, chain: list[str]) -> None:
    assert base_language(tag) == base
    assert catalog_tag(tag) == folder
    assert fallbacks(tag) == chain


@pytest.mark.parametrize(("tag", "wanted", "same"), [
    ("pt-BR", "pt", True), ("pt_br", "pt-BR", True), ("pt", "pt-BR", False),
    ("zh-Hans", "zh_Hans", True), ("zh-Hant", "zh-Hans", False), ("es", "ES", True),
    ("en-GB", "es", False),
])
def test_same_language(tag: str, wanted: str, same: bool) -> None:
    assert same_language(tag, wanted) is same
