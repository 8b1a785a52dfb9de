"""Parsing files from outside safely: defusedxml, no DTD or entities, a size limit, lines."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError, TreeBuilder

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from pipeline.errors import PipelineError, line_at

MAX_BYTES = 256 * 1024 * 1024
_DECLARATION = re.compile(rb"<!(DOCTYPE|ENTITY)", re.I)
# A bare `<!DOCTYPE tmx SYSTEM "tmx14.dtd">` (never fetched) is what TMX tools write.
_BARE_DOCTYPE = re.compile(rb'<!DOCTYPE\s+\w+\s+SYSTEM\s+"[\w.-]+"\s*>')


class InterchangeError(PipelineError):
    """An XLIFF or TMX file cannot be used (malformed, unsafe, or for something else)."""


class Tree:
    """A parsed document and the line each element started on."""

    def __init__(self, root: Element, lines: dict[int, int], shown: str) -> None:
        self.root, self._lines, self.shown = root, lines, shown

    def line(self, element: Element) -> int:
        return self._lines.get(id(element), 1)

    def fail(self, element: Element | None, message: str, hint: str) -> InterchangeError:
        return InterchangeError(message, path=self.shown,
                                line=self.line(element) if element is not None else 1,
                                hint=hint)


class _Builder(TreeBuilder):
    def __init__(self) -> None:
        super().__init__()
        self.lines: dict[int, int] = {}
        self.parser: DefusedXMLParser | None = None

    def start(self, tag: str, attrs: dict[str, str]) -> Element:
        element = super().start(tag, attrs)
        if self.parser is not None:
            self.lines[id(element)] = self.parser.parser.CurrentLineNumber
        return element


def parse(path: Path, *, shown: str, what: str, bare_doctype: bool = False) -> Tree:
    """Parse `path`; anything unsafe or malformed is one InterchangeError with its line."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InterchangeError(f"{what} is {size // 2**20} MiB, over the "
                                   f"{MAX_BYTES // 2**20} MiB limit", path=shown,
                                   hint="split the export by document (--doc)")
        data = path.read_bytes()
    except OSError as exc:
        raise InterchangeError(f"cannot read {what}: {exc.strerror}", path=shown) from None
    found = _DECLARATION.search(data)
    if found and bare_doctype and _BARE_DOCTYPE.match(data, found.start()):
        found = _DECLARATION.search(data, found.end())
    if found:
        raise InterchangeError(f"{what} has a <!{found.group(1).decode().upper()}> "
                               "declaration; DTDs and entities are not accepted", path=shown,
                               line=line_at(data, found.start()),
                               hint="export the file again without a DOCTYPE")
    builder = _Builder()
    parser = DefusedXMLParser(target=builder, forbid_dtd=not bare_doctype,
                              forbid_entities=True,
                              forbid_external=True)
    builder.parser = parser
    try:
        parser.feed(data)
        root = parser.close()
    except ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else None
        reason = str(exc).split(":", 1)[0]
        raise InterchangeError(f"{what} is not well-formed XML: {reason}", path=shown,
                               line=line, hint="repair the file or export it again") from None
    except DefusedXmlException as exc:
        raise InterchangeError(f"{what} uses a forbidden XML feature ({type(exc).__name__})",
                               path=shown, hint="export the file again without it") from None
    return Tree(root, builder.lines, shown)
