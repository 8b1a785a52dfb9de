"""Markdown documents: parse into translatable blocks and segments, and render them back.

The same token walk serves extraction and build, so a translated document is the source
re-parsed with its segments substituted: there are no skeleton files to drift out of sync.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from pipeline.errors import SourceError
from pipeline.model import Block, BlockKind, Document, Segment
from pipeline.segment import normalize_space, sentence_spans

DOC_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
TRANSLATABLE_META = (("title", BlockKind.TITLE), ("description", BlockKind.DESCRIPTION))
# Parts of inline Markdown that carry no translatable words.
_NOT_WORDS = re.compile(
    r"(`+).+?\1|\]\([^)]*\)|<(?:https?|mailto):[^>]+>|https?://\S+", re.S)
_CONTAINER_KIND = {
    "list_item_open": BlockKind.LIST_ITEM,
    "blockquote_open": BlockKind.BLOCKQUOTE,
}


@lru_cache(maxsize=1)
def parser() -> Any:
    """CommonMark with tables and front matter; raw HTML is off, so it stays text."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    return MarkdownIt("commonmark", {"html": False}).enable("table").use(front_matter_plugin)


def read_source(path: Path, *, shown: str) -> str:
    """A source document's text; binary or non-UTF-8 files are refused with the line."""
    data = path.read_bytes()
    if b"\0" in data:
        line = data[: data.index(b"\0")].count(b"\n") + 1
        raise SourceError("binary file, not Markdown", path=shown, line=line,
                          hint="remove it from the source folder or save it as UTF-8 text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise SourceError("not valid UTF-8", path=shown, line=line,
                          hint="re-save the file with UTF-8 encoding") from None
    return unicodedata.normalize("NFC", text.removeprefix("\ufeff"))


def has_words(text: str) -> bool:
    """Does inline Markdown contain anything a translator must translate?"""
    return any(ch.isalpha() for ch in _NOT_WORDS.sub(" ", text))


@dataclass
class Slot:
    """A translatable place in a parsed token stream, and the block extracted from it."""

    block: Block
    token: Any = None       # the inline token (None for front matter fields)
    image: Any = None       # the image token when the block is an image's alt text

    def replace(self, text: str) -> None:
        """Put translated inline Markdown in place of the source."""
        children = parser().parseInline(text)[0].children or []
        if self.image is not None:
            self.image.children = children
            self.image.content = text
        elif self.token is not None:
            self.token.content = text
            self.token.children = children


@dataclass
class Parsed:
    """A parsed source document: tokens, front matter and translatable slots."""

    tokens: list[Any]
    meta: dict[str, Any]
    slots: list[Slot]


def _front_matter(token: Any, shown: str) -> tuple[dict[str, Any], dict[str, int]]:
    import yaml

    try:
        data = yaml.safe_load(token.content) if token.content.strip() else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise SourceError(f"front matter: {problem}", path=shown, line=line,
                          hint="fix the YAML between the '---' lines") from None
    if not isinstance(data, dict):
        raise SourceError("front matter must be a mapping of 'key: value' lines", path=shown,
                          line=2, hint="write e.g. 'title: My article'")
    lines: dict[str, int] = {}
    for number, raw in enumerate(token.content.splitlines(), 2):
        key = raw.split(":", 1)[0].strip()
        lines.setdefault(key, number)
    for key, _kind in TRANSLATABLE_META:
        if key in data and not isinstance(data[key], str):
            raise SourceError(f"front matter '{key}' must be text", path=shown,
                              line=lines.get(key, 2), hint=f"write '{key}: some text'")
    return data, lines


def _segments(text: str, *, line: int, kind: BlockKind, section: str,
              segmentation: str) -> tuple[Segment, ...]:
    if segmentation == "paragraph":
        spans = [(0, len(text))] if text.strip() else []
    else:
        spans = sentence_spans(text)
    segments = []
    for start, end in spans:
        piece = text[start:end]
        if has_words(piece):
            segments.append(Segment(text=normalize_space(piece),
                                    line=line + text.count("\n", 0, start),
                                    kind=kind, section=section))
    return tuple(segments)


def _only_image(token: Any) -> Any:
    children = [c for c in token.children or [] if not (c.type == "text" and not c.content.strip())]
    if len(children) == 1 and children[0].type == "image":
        return children[0]
    return None


def _walk(tokens: list[Any]) -> Iterator[tuple[BlockKind, Any, int]]:
    """(kind, inline token, 1-based line) for every translatable inline in document order."""
    containers: list[BlockKind] = []
    cell_kind = BlockKind.TABLE_CELL
    for index, token in enumerate(tokens):
        if token.type in _CONTAINER_KIND:
            containers.append(_CONTAINER_KIND[token.type])
        elif token.type in ("list_item_close", "blockquote_close"):
            containers.pop()
        elif token.type == "th_open":
            cell_kind = BlockKind.TABLE_HEADER
        elif token.type == "td_open":
            cell_kind = BlockKind.TABLE_CELL
        elif token.type == "inline":
            opener = tokens[index - 1].type
            if opener == "heading_open":
                kind = BlockKind.HEADING
            elif opener in ("th_open", "td_open"):
                kind = cell_kind
            else:
                kind = containers[-1] if containers else BlockKind.PARAGRAPH
            yield kind, token, (token.map[0] + 1 if token.map else 1)


def parse(text: str, *, shown: str, segmentation: str = "sentence") -> Parsed:
    """Parse Markdown into tokens and translatable slots (front matter first)."""
    tokens = parser().parse(text)
    meta: dict[str, Any] = {}
    slots: list[Slot] = []
    if tokens and tokens[0].type == "front_matter":
        meta, lines = _front_matter(tokens[0], shown)
        for key, kind in TRANSLATABLE_META:
            value = meta.get(key)
            if value and value.strip():
                line = lines.get(key, 2)
                segs = _segments(value, line=line, kind=kind, section="",
                                 segmentation="paragraph")
                slots.append(Slot(Block(kind, normalize_space(value), line, "", segs)))
    section = ""
    for kind, token, line in _walk(tokens):
        image = _only_image(token)
        if kind == BlockKind.HEADING:
            section = normalize_space(token.content)
        if image is not None:
            alt = normalize_space(image.content)
            segs = _segments(alt, line=line, kind=BlockKind.IMAGE_ALT, section=section,
                             segmentation="paragraph")
            slots.append(Slot(Block(BlockKind.IMAGE_ALT, alt, line, section, segs), token, image))
            continue
        segs = _segments(token.content, line=line, kind=kind,
                         section="" if kind == BlockKind.HEADING else section,
                         segmentation=segmentation)
        slots.append(Slot(Block(kind, token.content, line, section, segs), token))
    return Parsed(tokens=tokens, meta=meta, slots=slots)


def load_document(path: Path, *, shown: str, segmentation: str = "sentence") -> Document:
    """Read and parse one source document into the domain model."""
    name = path.stem
    if not DOC_NAME.match(name):
        raise SourceError(f"document name '{name}' is not usable as a catalog name", path=shown,
                          hint="rename the file using letters, digits, '.', '_' and '-'")
    parsed = parse(read_source(path, shown=shown), shown=shown, segmentation=segmentation)
    meta = tuple((k, str(v)) for k, v in parsed.meta.items())
    return Document(name=name, path=shown, blocks=tuple(s.block for s in parsed.slots), meta=meta)


def joiner(lang: str) -> str:
    """What goes between two sentences in `lang`: nothing in Chinese and Japanese."""
    return "" if lang.split("-")[0].split("_")[0] in ("zh", "ja") else " "


def translate_block(text: str, *, lookup: Callable[[str], str | None], lang: str,
                    segmentation: str = "sentence") -> str:
    """A block's inline Markdown with each translatable segment replaced by its translation.

    Sentences without a translation (or without words) stay in the source language.
    """
    spans = [(0, len(text))] if segmentation == "paragraph" else sentence_spans(text)
    pieces = []
    for start, end in spans:
        source = normalize_space(text[start:end])
        target = lookup(source) if has_words(source) else None
        pieces.append(target if target else source)
    return joiner(lang).join(pieces)


def render_html(tokens: list[Any]) -> str:
    """HTML for a (possibly translated) token stream; the front matter is not rendered."""
    md = parser()
    body = [t for t in tokens if t.type != "front_matter"]
    return str(md.renderer.render(body, md.options, {}))
