"""XLIFF 2.1 (OASIS core, with the glossary module): write an export, read one back."""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from pipeline.interchange import inline
from pipeline.interchange.incoming import Incoming, IncomingFile
from pipeline.interchange.states import XLIFF2_STATE, imported_approved_2
from pipeline.interchange.units import DocUnits, Unit
from pipeline.interchange.xmlsafe import Tree

NS = "urn:oasis:names:tc:xliff:document:2.0"
GLS = "urn:oasis:names:tc:xliff:glossary:2.0"
PIPELINE_NS = "urn:x-pipeline:xliff"
_Q = f"{{{NS}}}"


def _inline(nodes: tuple[inline.Node, ...], data: list[tuple[str, str]]) -> str:
    parts = []
    for node in nodes:
        if isinstance(node, str):
            parts.append(escape(node))
        elif isinstance(node, inline.Code):
            data.append((f"d{node.id}", node.raw))
            parts.append(f'<ph id="{node.id}" dataRef="d{node.id}" canDelete="no" '
                         f'type="{"code" if node.kind == "code" else "link"}"/>')
        else:
            data.append((f"d{node.id}s", node.start))
            data.append((f"d{node.id}e", node.end))
            kind = "link" if node.kind == "link" else "fmt"
            parts.append(f'<pc id="{node.id}" dataRefStart="d{node.id}s" '
                         f'dataRefEnd="d{node.id}e" canDelete="no" type="{kind}">'
                         f'{_inline(node.children, data)}</pc>')
    return "".join(parts)


def _unit(unit: Unit, lang: str) -> str:
    state, sub = XLIFF2_STATE[unit.state]
    data: list[tuple[str, str]] = []
    source = _inline(unit.nodes, data)
    out = [f'   <unit id="{unit.id}" canResegment="no"'
           f'{" pipeline:critical=" + quoteattr("yes") if unit.critical else ""}>\n']
    if unit.terms:
        out.append("    <gls:glossary>\n")
        for term, translation, definition in unit.terms:
            out.append(f"     <gls:glossEntry><gls:term>{escape(term)}</gls:term>")
            if translation:
                out.append(f"<gls:translation>{escape(translation)}</gls:translation>")
            if definition:
                out.append(f"<gls:definition>{escape(definition)}</gls:definition>")
            out.append("</gls:glossEntry>\n")
        out.append("    </gls:glossary>\n")
    out.append("    <notes>\n")
    for category, text in unit.notes:
        priority = ' priority="1"' if category in ("critical", "qa") else ""
        out.append(f'     <note category="{category}"{priority}>{escape(text)}</note>\n')
    out.append("    </notes>\n")
    if data:
        out.append("    <originalData>")
        out.extend(f'<data id="{ident}">{escape(raw)}</data>' for ident, raw in data)
        out.append("</originalData>\n")
    out.append(f'    <segment id="s1" state="{state}" subState="{sub}">\n'
               f'     <source>{source}</source>\n')
    if unit.target:
        target = _inline(inline.align(unit.target, unit.nodes), [])
        out.append(f'     <target xml:lang="{lang}">{target}</target>\n')
    out.append("    </segment>\n   </unit>\n")
    return "".join(out)


def render(docs: list[DocUnits], *, project: str, source_lang: str, lang: str) -> str:
    """The XLIFF 2.1 document for one language: one <file> per document."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n',
           f'<xliff xmlns="{NS}" xmlns:gls="{GLS}" xmlns:pipeline="{PIPELINE_NS}" '
           f'version="2.1" srcLang="{source_lang}" trgLang="{lang}" '
           f'pipeline:project={quoteattr(project)}>\n']
    for doc in docs:
        out.append(f' <file id={quoteattr(doc.doc)} original={quoteattr(doc.original)}>\n'
                   f'  <group id="g-{doc.doc}" name={quoteattr(doc.doc)}>\n')
        out.extend(_unit(unit, lang) for unit in doc.units)
        out.append("  </group>\n </file>\n")
    out.append("</xliff>\n")
    return "".join(out)


def read(tree: Tree) -> IncomingFile:
    """The units of a parsed XLIFF 2.x document (the root is already known to be one)."""
    root = tree.root
    version = root.get("version", "")
    if version not in ("2.0", "2.1", "2.2"):
        raise tree.fail(root, f"unknown XLIFF version '{version}'",
                        "export as XLIFF 2.1 or 1.2")
    incoming = IncomingFile(tree=tree, version=version,
                            project=root.get(f"{{{PIPELINE_NS}}}project"),
                            source_lang=root.get("srcLang", ""), lang=root.get("trgLang", ""),
                            line=tree.line(root))
    for file in root.iter(f"{_Q}file"):
        doc = file.get("id", "")
        for unit in file.iter(f"{_Q}unit"):
            sources, targets, states = [], [], []
            for part in unit:
                if part.tag in (f"{_Q}segment", f"{_Q}ignorable"):
                    source = part.find(f"{_Q}source")
                    target = part.find(f"{_Q}target")
                    if source is not None:
                        sources.append(source)
                    if target is not None:
                        targets.append(target)
                    if part.tag == f"{_Q}segment":
                        states.append(part.get("state"))
            approved = bool(states) and all(imported_approved_2(s) for s in states)
            incoming.units.append(Incoming(
                doc=doc, doc_line=tree.line(file), line=tree.line(unit),
                id=unit.get("id", ""), sources=sources, targets=targets, approved=approved,
                version=2))
    return incoming
