"""Markdown documents: parse into translatable blocks and segments, and render them back.

The same token walk serves extraction and build, so a translated document is the source
re-parsed with its segments substituted: there are no skeleton files to drift out of sync.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from pipeline import inline
from pipeline.errors import SourceError, decode_utf8, line_at
from pipeline.languages import base_language
from pipeline.model import Block, BlockKind, Document, Segment
from pipeline.segment import normalize_space, sentence_spans

DOC_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
# One block (paragraph, heading, cell, front-matter field) longer than this is refused: no
# translator reviews it as one unit, and it bounds the cost of segmenting hostile input.
MAX_BLOCK = 20_000
TRANSLATABLE_META = (("title", BlockKind.TITLE), ("description", BlockKind.DESCRIPTION))
# A hard line break ("  " or "\\" before a newline): segments never span one, and the
# assembly puts it back between them.
_HARD_BREAK = re.compile(r"(?: {2,}|\\)\n")
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
    if path.parent.resolve() not in path.resolve().parents:
        raise SourceError("symbolic link to a file outside the source folder", path=shown,
                          hint="copy the document into the source folder instead of linking it")
    data = path.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SourceError("UTF-16 text, not UTF-8", path=shown, line=1,
                          hint="re-save the file with UTF-8 encoding")
    if b"\0" in data:
        raise SourceError("binary file, not Markdown", path=shown,
                          line=line_at(data, data.index(b"\0")),
                          hint="remove it from the source folder or save it as UTF-8 text")
    text = decode_utf8(data, shown=shown, error=SourceError, what="",
                       hint="re-save the file with UTF-8 encoding")
    return unicodedata.normalize("NFC", text.removeprefix("\ufeff"))


def has_words(text: str) -> bool:
    """Does inline Markdown contain anything a translator must translate?"""
    return any(ch.isalpha() for ch in inline.not_text(text))


@dataclass
class Slot:
    """A translatable place in a parsed token stream, and the block extracted from it."""

    block: Block
    token: Any = None       # the inline token (None for front matter fields)
    image: Any = None       # the image token when the block is an image's alt text
    env: dict[str, Any] = field(default_factory=dict)  # the document's link references

    def replace(self, text: str) -> None:
        """Put translated inline Markdown in place of the source."""
        children = parser().parseInline(text, self.env)[0].children or []
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

    class NoAliases(yaml.SafeLoader):
        """YAML without aliases: `*name` expanding 9⁹ times is a bomb, not front matter."""

        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.check_event(yaml.AliasEvent):
                raise yaml.composer.ComposerError(
                    None, None, "aliases (*name) are not allowed", self.peek_event().start_mark)
            return super().compose_node(parent, index)

    try:
        data = yaml.load(token.content, NoAliases) if token.content.strip() else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise SourceError(f"front matter: {problem}", path=shown, line=line,
                          hint="fix the YAML between the '---' lines") from None
    except ValueError:  # YAML read an impossible date such as 2027-13-40
        line, key, value = _bad_date(token.content)
        raise SourceError(f"front matter '{key}' is not a date: {value!r}", path=shown,
                          line=line, hint=f"write it as YYYY-MM-DD, e.g. '{key}: 2027-01-31'"
                          ) from None
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


def _bad_date(front: str) -> tuple[int, str, str]:
    """The first 'key: YYYY-MM-DD' line of front matter that is not a real date."""
    import datetime as dt

    for number, raw in enumerate(front.splitlines(), 2):
        found = re.match(r"^([^\s:#][^:]*):\s*(\d{4}-\d{1,2}-\d{1,2})\s*$", raw)
        if found:
            try:
                dt.date.fromisoformat("-".join(p.zfill(2) for p in found.group(2).split("-")))
            except ValueError:
                return number, found.group(1).strip(), found.group(2)
    return 2, "date", ""


def _segments(text: str, *, line: int, kind: BlockKind, section: str, segmentation: str,
              shown: str) -> tuple[Segment, ...]:
    if len(text) > MAX_BLOCK:
        raise SourceError(f"{kind.value} of {len(text):,} characters is too long to translate "
                          f"(at most {MAX_BLOCK:,})", path=shown, line=line,
                          hint="split it into paragraphs separated by blank lines")
    spans = block_spans(text, segmentation=segmentation)
    segments = []
    seen = 0  # newlines are counted incrementally: a huge paragraph stays linear
    for start, end in spans:
        line += text.count("\n", seen, start)
        seen = start
        piece = text[start:end]
        if has_words(piece):
            segments.append(Segment(text=normalize_space(piece), line=line, kind=kind,
                                    section=section))
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
    env: dict[str, Any] = {}
    tokens = parser().parse(text, env)
    meta: dict[str, Any] = {}
    slots: list[Slot] = []
    if tokens and tokens[0].type == "front_matter":
        meta, lines = _front_matter(tokens[0], shown)
        for key, kind in TRANSLATABLE_META:
            value = meta.get(key)
            if value and value.strip():
                line = lines.get(key, 2)
                segs = _segments(value, line=line, kind=kind, section="",
                                 segmentation="paragraph", shown=shown)
                slots.append(Slot(Block(kind, normalize_space(value), line, "", segs)))
    section = ""
    for kind, token, line in _walk(tokens):
        image = _only_image(token)
        if kind == BlockKind.HEADING:
            section = normalize_space(token.content)
        if image is not None:
            alt = normalize_space(image.content)
            segs = _segments(alt, line=line, kind=BlockKind.IMAGE_ALT, section=section,
                             segmentation="paragraph", shown=shown)
            slots.append(Slot(Block(BlockKind.IMAGE_ALT, alt, line, section, segs), token, image,
                              env))
            continue
        segs = _segments(token.content, line=line, kind=kind,
                         section="" if kind == BlockKind.HEADING else section,
                         segmentation=segmentation, shown=shown)
        slots.append(Slot(Block(kind, token.content, line, section, segs), token, env=env))
    return Parsed(tokens=tokens, meta=meta, slots=slots)


def load_document(path: Path, *, shown: str, segmentation: str = "sentence") -> Document:
    """Read and parse one source document into the domain model."""
    name = path.stem
    if not DOC_NAME.match(name):
        raise SourceError(f"document name '{name}' is not usable as a catalog name", path=shown,
                          hint="rename the file using letters, digits, '.', '_' and '-'")
    return _document(name, read_source(path, shown=shown), shown, segmentation)


@lru_cache(maxsize=64)
def _document(name: str, text: str, shown: str, segmentation: str) -> Document:
    """A Document is immutable: a run that reads one source for each of its languages (check,
    sign-off, the review app) parses it once."""
    parsed = parse(text, shown=shown, segmentation=segmentation)
    meta = tuple((k, str(v)) for k, v in parsed.meta.items())
    return Document(name=name, path=shown, blocks=tuple(s.block for s in parsed.slots), meta=meta)


def joiner(lang: str) -> str:
    """What goes between two sentences in `lang`: nothing in Chinese and Japanese."""
    return "" if base_language(lang) in ("zh", "ja") else " "


def hard_breaks(text: str) -> list[tuple[int, int]]:
    """Spans of the hard line breaks of inline Markdown (not in code, not an escaped '\\')."""
    if "\n" not in text:
        return []
    code = [m.span() for m in inline.CODE_SPAN.finditer(text)]
    found = []
    for match in _HARD_BREAK.finditer(text):
        start = match.start()
        if text[start] == "\\":
            before = start
            while before > 0 and text[before - 1] == "\\":
                before -= 1
            if (start - before) % 2:
                continue  # an escaped backslash ("\\" in Markdown), then a soft break
        if not any(a <= start < b for a, b in code):
            found.append(match.span())
    return found


def block_spans(text: str, *, segmentation: str) -> list[tuple[int, int]]:
    """(start, end) of a block's segments: sentences (or the block) between hard breaks."""
    spans: list[tuple[int, int]] = []
    start = 0
    for end, after in [*hard_breaks(text), (len(text), len(text))]:
        part = text[start:end]
        if segmentation == "paragraph":
            if part.strip():
                lead = len(part) - len(part.lstrip())
                spans.append((start + lead, start + len(part.rstrip())))
        else:
            spans += [(start + a, start + b) for a, b in sentence_spans(part)]
        start = after
    return spans


def translate_block(text: str, *, lookup: Callable[[str], str | None], lang: str,
                    segmentation: str = "sentence") -> str:
    """A block's inline Markdown with each translatable segment replaced by its translation.

    Sentences without a translation (or without words) stay in the source language; hard
    line breaks between segments stay where the source has them.
    """
    breaks = hard_breaks(text)
    out: list[str] = []
    previous = 0
    for start, end in block_spans(text, segmentation=segmentation):
        if out:
            kept = [text[a:b] for a, b in breaks if previous <= a and b <= start]
            out.append(kept[0] if kept else joiner(lang))
        source = normalize_space(text[start:end])
        target = lookup(source) if has_words(source) else None
        out.append(target if target else source)
        previous = end
    return "".join(out)


def render_html(tokens: list[Any]) -> str:
    """HTML for a (possibly translated) token stream; the front matter is not rendered."""
    md = parser()
    body = [t for t in tokens if t.type != "front_matter"]
    return str(md.renderer.render(body, md.options, {}))
