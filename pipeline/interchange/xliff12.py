"""XLIFF 1.2 (OASIS, the transitional schema): write an export, read one back."""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from pipeline import __version__
from pipeline.interchange import inline
from pipeline.interchange.incoming import Incoming, IncomingFile
from pipeline.interchange.states import XLIFF12_STATE, imported_approved_12
from pipeline.interchange.units import DocUnits, Unit
from pipeline.interchange.xmlsafe import Tree

NS = "urn:oasis:names:tc:xliff:document:1.2"
_Q = f"{{{NS}}}"


def _inline(nodes: tuple[inline.Node, ...]) -> str:
    parts = []
    for node in nodes:
        if isinstance(node, str):
            parts.append(escape(node))
        elif isinstance(node, inline.Code):
            parts.append(f'<x id="{node.id}" ctype="x-{node.kind}" '
                         f'equiv-text={quoteattr(node.raw)}/>')
        else:
            ctype = {"link": "link", "strong": "bold", "em": "italic"}[node.kind]
            parts.append(f'<g id="{node.id}" ctype="{ctype}" clone="no">'
                         f"{_inline(node.children)}</g>")
    return "".join(parts)


def _unit(unit: Unit, lang: str) -> str:
    state, qualifier, approved = XLIFF12_STATE[unit.state]
    out = [f'    <trans-unit id="{unit.id}" approved="{"yes" if approved else "no"}" '
           f'xml:space="preserve">\n'
           f"     <source>{_inline(unit.nodes)}</source>\n"]
    if unit.target:
        qual = f' state-qualifier="{qualifier}"' if qualifier else ""
        out.append(f'     <target xml:lang="{lang}" state="{state}"{qual}>'
                   f"{_inline(inline.align(unit.target, unit.nodes))}</target>\n")
    if unit.previous and unit.target:
        out.append(f'     <alt-trans origin="previous-source" match-quality="fuzzy">'
                   f"<source>{_inline(inline.parse(unit.previous))}</source>"
                   f"<target>{_inline(inline.parse(unit.target))}</target></alt-trans>\n")
    for term, translation, definition in unit.terms:
        text = f"glossary: {term} → {translation or '(no translation)'}"
        if definition:
            text += f" ({definition})"
        out.append(f'     <note from="glossary" annotates="source">{escape(text)}</note>\n')
    for category, text in unit.notes:
        priority = "1" if category in ("critical", "qa") else "3"
        out.append(f'     <note from="pipeline-{category}" priority="{priority}">'
                   f"{escape(text)}</note>\n")
    out.append("    </trans-unit>\n")
    return "".join(out)


def render(docs: list[DocUnits], *, project: str, source_lang: str, lang: str) -> str:
    """The XLIFF 1.2 document for one language: one <file> per document."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n',
           f'<xliff version="1.2" xmlns="{NS}">\n']
    for doc in docs:
        out.append(f" <file original={quoteattr(doc.original)} "
                   f'source-language="{source_lang}" target-language="{lang}" '
                   f'datatype="x-markdown" product-name={quoteattr(project)} '
                   f"category={quoteattr(doc.doc)}>\n"
                   f'  <header><tool tool-id="pipeline" tool-name="pipeline" '
                   f'tool-version="{__version__}"/></header>\n  <body>\n')
        out.extend(_unit(unit, lang) for unit in doc.units)
        out.append("  </body>\n </file>\n")
    out.append("</xliff>\n")
    return "".join(out)


def read(tree: Tree) -> IncomingFile:
    """The units of a parsed XLIFF 1.2 document."""
    root = tree.root
    if root.get("version") != "1.2":
        raise tree.fail(root, f"unknown XLIFF version '{root.get('version', '')}'",
                        "export as XLIFF 2.1 or 1.2")
    files = root.findall(f"{_Q}file")
    first = files[0] if files else root
    incoming = IncomingFile(tree=tree, version="1.2", project=first.get("product-name"),
                            source_lang=first.get("source-language", ""),
                            lang=first.get("target-language", ""), line=tree.line(first))
    for file in files:
        for key, value in (("product-name", incoming.project),
                           ("target-language", incoming.lang),
                           ("source-language", incoming.source_lang)):
            if file.get(key) != value:
                raise tree.fail(file, f"<file> {key} '{file.get(key)}' differs from the "
                                      f"first file's '{value}'",
                                "import one project and language per XLIFF file")
        doc = file.get("category") or file.get("original") or ""
        for unit in file.iter(f"{_Q}trans-unit"):
            source = unit.find(f"{_Q}source")
            target = unit.find(f"{_Q}target")
            approved = imported_approved_12(target.get("state") if target is not None else None,
                                            unit.get("approved"))
            incoming.units.append(Incoming(
                doc=doc, doc_line=tree.line(file), line=tree.line(unit), id=unit.get("id", ""),
                sources=[source] if source is not None else [],
                targets=[target] if target is not None else [], approved=approved, version=1))
    return incoming
