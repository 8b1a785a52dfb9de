"""Inline Markdown (code, links, emphasis) as protected inline elements, and back.

A segment is parsed into text, `Code` (a placeholder: code span, autolink) and `Span`
(paired markup with translatable content: link text, strong, emphasis). Numbered in
document order, they become `<ph>`/`<pc>` (XLIFF 2.1) or `<x>`/`<g>` (XLIFF 1.2); on import
the numbers are mapped back to this segment's own Markdown, so a CAT tool can move the
markup but never change a URL or a code span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Union

from pipeline.inline import AUTOLINK, LINK_TARGET

_SPECIAL = re.compile(r"[`<\[*_]")


@dataclass(frozen=True)
class Code:
    """Markup with nothing to translate inside: a code span or an autolink."""

    id: str
    kind: str  # "code" | "link"
    raw: str


@dataclass(frozen=True)
class Span:
    """Paired markup around translatable text: a link, strong or emphasis."""

    id: str
    kind: str  # "link" | "strong" | "em"
    start: str
    end: str
    children: tuple[Node, ...]


Node = Union[str, Code, Span]  # noqa: UP007 - a runtime alias used in isinstance-free code


class InlineMismatch(ValueError):
    """A target's inline elements do not match its source's."""


def parse(text: str) -> tuple[Node, ...]:
    """`text` as nodes; markdown(parse(text)) == text for every input."""
    if not _SPECIAL.search(text):
        return (text,) if text else ()
    counter = [0]
    return tuple(_parse(text, counter))


def _next(counter: list[int]) -> str:
    counter[0] += 1
    return str(counter[0])


def _closing(text: str, i: int, delim: str) -> int:
    """Index of the delimiter closing one opened at i (code spans skipped), or -1."""
    j = i + len(delim)
    if j >= len(text) or text[j].isspace():
        return -1
    while j < len(text):
        if text[j] == "`":
            run = len(text[j:]) - len(text[j:].lstrip("`"))
            end = text.find("`" * run, j + run)
            j = end + run if end >= 0 else j + run
            continue
        if text.startswith(delim, j) and not text[j - 1].isspace() and j > i + len(delim):
            if delim != "*" or not text.startswith("**", j):
                return j
            j += 2
            continue
        j += 1
    return -1


def _bracket_end(text: str, i: int) -> int:
    depth = 0
    for j in range(i, len(text)):
        if text[j] == "[":
            depth += 1
        elif text[j] == "]":
            depth -= 1
            if depth == 0:
                return j
    return -1


def _parse(text: str, counter: list[int]) -> list[Node]:
    out: list[Node] = []
    buf: list[str] = []
    i = 0

    def flush() -> None:
        if buf:
            out.append("".join(buf))
            buf.clear()

    while i < len(text):
        ch = text[i]
        if ch == "`":
            run = len(text[i:]) - len(text[i:].lstrip("`"))
            end = text.find("`" * run, i + run)
            if end > i + run:
                flush()
                out.append(Code(_next(counter), "code", text[i:end + run]))
                i = end + run
                continue
        elif ch == "<" and (auto := AUTOLINK.match(text, i)):
            flush()
            out.append(Code(_next(counter), "link", auto.group()))
            i = auto.end()
            continue
        elif ch == "[":
            close = _bracket_end(text, i)
            target = LINK_TARGET.match(text, close + 1) if close > i + 1 else None
            if target:
                flush()
                ident = _next(counter)
                children = tuple(_parse(text[i + 1:close], counter))
                out.append(Span(ident, "link", "[", "]" + target.group(), children))
                i = target.end()
                continue
        elif ch in "*_" and (ch == "*" or i == 0 or not text[i - 1].isalnum()):
            delim = ch * 2 if text.startswith(ch * 2, i) else ch
            close = _closing(text, i, delim)
            if close > 0 and (ch == "*" or close + len(delim) >= len(text)
                              or not text[close + len(delim)].isalnum()):
                flush()
                ident = _next(counter)
                children = tuple(_parse(text[i + len(delim):close], counter))
                kind = "strong" if len(delim) == 2 else "em"
                out.append(Span(ident, kind, delim, delim, children))
                i = close + len(delim)
                continue
            buf.append(text[i:i + len(delim)])
            i += len(delim)
            continue
        special = _SPECIAL.search(text, i + 1)
        stop = special.start() if special else len(text)
        buf.append(text[i:stop])
        i = stop
    flush()
    return out


def markdown(nodes: tuple[Node, ...] | list[Node]) -> str:
    parts: list[str] = []
    for node in nodes:
        if isinstance(node, str):
            parts.append(node)
        elif isinstance(node, Code):
            parts.append(node.raw)
        else:
            parts.extend((node.start, markdown(node.children), node.end))
    return "".join(parts)


def index(nodes: tuple[Node, ...]) -> dict[str, Code | Span]:
    """Every inline element of a segment by its id."""
    found: dict[str, Code | Span] = {}
    for node in nodes:
        if isinstance(node, Code):
            found[node.id] = node
        elif isinstance(node, Span):
            found[node.id] = node
            found.update(index(node.children))
    return found


def plain(nodes: tuple[Node, ...] | list[Node]) -> str:
    """The translatable text alone (markup dropped), for similarity."""
    return "".join(n if isinstance(n, str) else plain(n.children) if isinstance(n, Span)
                   else n.raw for n in nodes)


def align(target: str, source: tuple[Node, ...]) -> tuple[Node, ...]:
    """A translation's nodes, numbered like the source's markup they match (by content).

    Markup of the translation with no counterpart in the source stays plain text, so the
    translator sees it and places the source's element instead.
    """
    pool = list(index(source).values())

    def match(node: Code | Span) -> Code | Span | None:
        for candidate in pool:
            same = (isinstance(node, Code) and isinstance(candidate, Code)
                    and candidate.raw == node.raw) or (
                isinstance(node, Span) and isinstance(candidate, Span)
                and (candidate.kind, candidate.start, candidate.end)
                == (node.kind, node.start, node.end))
            if same:
                pool.remove(candidate)
                return candidate
        return None

    def walk(nodes: tuple[Node, ...]) -> list[Node]:
        out: list[Node] = []
        for node in nodes:
            if isinstance(node, str):
                out.append(node)
                continue
            twin = match(node)
            if isinstance(node, Code):
                out.append(Code(twin.id, node.kind, node.raw) if twin else node.raw)
            elif twin is not None:
                out.append(Span(twin.id, node.kind, node.start, node.end,
                                tuple(walk(node.children))))
            else:
                out.extend([node.start, *walk(node.children), node.end])
        return out

    return tuple(walk(parse(target)))
