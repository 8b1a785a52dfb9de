"""A unit as read back from a CAT tool, and its inline content turned back into Markdown."""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

from pipeline.interchange import inline
from pipeline.interchange.xmlsafe import Tree


@dataclass
class Incoming:
    doc: str
    doc_line: int
    line: int
    id: str
    sources: list[Element]
    targets: list[Element]
    approved: bool
    version: int


@dataclass
class IncomingFile:
    tree: Tree
    version: str
    project: str | None
    source_lang: str
    lang: str
    line: int
    units: list[Incoming] = field(default_factory=list)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


_PLACEHOLDER = {2: ("ph",), 1: ("x",)}
_PAIRED = {2: ("pc",), 1: ("g",)}
_OPEN = {2: "sc", 1: "bx"}
_CLOSE = {2: "ec", 1: "ex"}
_TRANSPARENT = {"mrk", "sm", "em"}


def to_markdown(elements: list[Element], known: dict[str, inline.Code | inline.Span],
                version: int) -> str:
    """The Markdown of source/target elements, inline ids mapped to `known`'s markup.

    Raises InlineMismatch when an id is unknown, or when an element of the source is missing.
    """
    used: list[str] = []
    parts: list[str] = []
    for element in elements:
        _walk(element, known, version, parts, used)
    missing = sorted(set(known) - set(used), key=lambda i: int(i) if i.isdigit() else 0)
    if missing:
        raise inline.InlineMismatch(f"protected inline element {missing[0]} "
                                    f"({_show(known[missing[0]])}) is missing")
    return "".join(parts)


def _show(node: inline.Code | inline.Span) -> str:
    return node.raw if isinstance(node, inline.Code) else node.start + "…" + node.end


def _walk(element: Element, known: dict[str, inline.Code | inline.Span], version: int,
          parts: list[str], used: list[str]) -> None:
    if element.text:
        parts.append(element.text)
    for child in element:
        name = _local(child.tag)
        ident = child.get("startRef") or child.get("rid") or child.get("id") or ""
        node = known.get(ident)
        if name in _PLACEHOLDER[version] and isinstance(node, inline.Code):
            parts.append(node.raw)
            used.append(ident)
        elif name in _PAIRED[version] and isinstance(node, inline.Span):
            parts.append(node.start)
            _walk(child, known, version, parts, used)
            parts.append(node.end)
            used.append(ident)
        elif name == _OPEN[version] and isinstance(node, inline.Span):
            parts.append(node.start)
        elif name == _CLOSE[version] and isinstance(node, inline.Span):
            parts.append(node.end)
            used.append(ident)
        elif name in _TRANSPARENT:
            _walk(child, known, version, parts, used)
        elif name == "cp" and version == 2:
            parts.append(chr(int(child.get("hex", "20"), 16)))
        else:
            raise inline.InlineMismatch(f"unknown inline element <{name} id='{ident}'>")
        if child.tail:
            parts.append(child.tail)


def plain_text(elements: list[Element]) -> str:
    return "".join("".join(e.itertext()) for e in elements)
