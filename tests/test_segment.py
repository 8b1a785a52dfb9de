"""Sentence segmentation: the case table of hard medical-text cases, and the Markdown walk."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.markdown import load_document, parse
from pipeline.model import BlockKind
from pipeline.segment import split_sentences

TABLE = Path(__file__).parent / "data" / "segmentation.tsv"
CASES = [tuple(line.split("\t")) for line in TABLE.read_text("utf-8").splitlines()
         if line and not line.startswith("#")]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:30] for c in CASES])
def test_segmentation_case_table(text: str, expected: str) -> None:
    assert split_sentences(text) == expected.split(" || ")


def test_wrapped_lines_become_one_sentence_with_its_own_line() -> None:
    parsed = parse("First sentence here. Second\nsentence wraps.\nThird one.\n", shown="x.md")
    (slot,) = parsed.slots
    assert [(s.text, s.line) for s in slot.block.segments] == [
        ("First sentence here.", 1), ("Second sentence wraps.", 1), ("Third one.", 3)]


SOURCE = """\
---
title: A title
description: A short description.
date: 2026-11-26
---

# Heading *one*

Paragraph with `code` and [a link](https://example.org/x).

```
code block is not translatable
```

<div>raw html is text, never markup</div>

- item one
- `only-code`

> A quote.

| Name | Dose |
|---|---|
| Drug | 40 |

![Alt text of a map](map.png)

## Second heading

https://example.org/only-a-url
"""


def test_block_kinds_sections_and_lines() -> None:
    segments = [(s.kind, s.text, s.line, s.section)
                for b in parse(SOURCE, shown="x.md").slots for s in b.block.segments]
    assert segments == [
        (BlockKind.TITLE, "A title", 2, ""),
        (BlockKind.DESCRIPTION, "A short description.", 3, ""),
        (BlockKind.HEADING, "Heading *one*", 7, ""),
        (BlockKind.PARAGRAPH, "Paragraph with `code` and [a link](https://example.org/x).", 9,
         "Heading *one*"),
        (BlockKind.PARAGRAPH, "<div>raw html is text, never markup</div>", 15, "Heading *one*"),
        (BlockKind.LIST_ITEM, "item one", 17, "Heading *one*"),
        (BlockKind.BLOCKQUOTE, "A quote.", 20, "Heading *one*"),
        (BlockKind.TABLE_HEADER, "Name", 22, "Heading *one*"),
        (BlockKind.TABLE_HEADER, "Dose", 22, "Heading *one*"),
        (BlockKind.TABLE_CELL, "Drug", 24, "Heading *one*"),
        (BlockKind.IMAGE_ALT, "Alt text of a map", 26, "Heading *one*"),
        (BlockKind.HEADING, "Second heading", 28, ""),
    ]


def test_code_urls_and_numbers_alone_are_not_extracted() -> None:
    texts = [s.text for b in parse(SOURCE, shown="x.md").slots for s in b.block.segments]
    assert not any("code block" in t or t == "`only-code`" or t == "40" for t in texts)
    assert not any(t.startswith("https://") for t in texts)


def test_paragraph_segmentation_keeps_blocks_whole() -> None:
    parsed = parse("One. Two.\n", shown="x.md", segmentation="paragraph")
    assert [s.text for s in parsed.slots[0].block.segments] == ["One. Two."]


def test_sample_documents_segment_without_losing_text() -> None:
    """Every word of every sample paragraph lands in exactly one segment."""
    for path in sorted((Path(__file__).parent.parent / "source").glob("*.md")):
        doc = load_document(path, shown=path.name)
        for block in doc.blocks:
            if block.kind in (BlockKind.TITLE, BlockKind.DESCRIPTION, BlockKind.IMAGE_ALT):
                continue
            joined = " ".join(s.text for s in block.segments)
            assert joined.split() == block.text.split(), block.text


@pytest.mark.parametrize("unit", ["_a ", "*a ", "a_ _a. ", "*a. "])
def test_unclosed_emphasis_runs_segment_in_linear_time(unit: str) -> None:
    """A block of 20,000 characters of openers without closers (quadratic before: ~5 s)."""
    import time

    text = unit * (20_000 // len(unit))
    started = time.perf_counter()
    split_sentences(text)
    assert time.perf_counter() - started < 0.5
