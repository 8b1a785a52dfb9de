"""TBX (ISO 30042) glossary files: read TBX-Basic/TBX 2008 and TBX v3, write TBX-Basic.

We write the 2008 TBX-Basic core structure, `martif/text/body/termEntry/langSet/tig/term`,
because that is what translate-toolkit, Weblate, OmegaT and the commercial term bases import.
Per term `termNote type="administrativeStatus"` says preferredTerm-admn-sts (the first
accepted variant), admittedTerm-admn-sts (the others) or deprecatedTerm-admn-sts (forbidden);
`descrip type="Translation needed"` = `no` marks a do-not-translate concept (the
translate-toolkit/Weblate convention); `termNote type="usageNote"` = `case-sensitive` on the
English terms marks case-sensitive matching; a concept's explanation is its `note`.
We read that and TBX v3 (`tbx/text/body/conceptEntry/langSec/termSec/term`, DCA or DCT style).
XML is parsed with defusedxml's SAX parser: entity declarations and external references are
refused and no DTD is ever loaded, so entity bombs and XXE fail with a one-line error.
"""

from __future__ import annotations

import io
import re
import unicodedata
from typing import TYPE_CHECKING
from xml.sax.handler import ContentHandler
from xml.sax.saxutils import escape, quoteattr
from xml.sax.xmlreader import Locator

from pipeline.errors import GlossaryError
from pipeline.glossary.problems import finding, language_problem
from pipeline.languages import base_language
from pipeline.model import Finding, Severity, Term

if TYPE_CHECKING:
    from pipeline.glossary.terms import Glossary

PREFERRED, ADMITTED, DEPRECATED = ("preferredTerm-admn-sts", "admittedTerm-admn-sts",
                                   "deprecatedTerm-admn-sts")
_FORBIDDEN_STATUS = re.compile(r"deprecated|superseded|notrecommended|forbidden", re.I)
_DNT_TYPES = {"translation needed", "translationneeded"}
_SPACE = re.compile(r"\s+")


class _Node:
    """An XML element with the line it starts on (ElementTree keeps no line numbers)."""

    __slots__ = ("name", "attrs", "line", "children", "chunks")

    def __init__(self, name: str, attrs: dict[str, str], line: int) -> None:
        self.name = name.rsplit(":", 1)[-1]
        self.attrs = attrs
        self.line = line
        self.children: list[_Node] = []
        self.chunks: list[str] = []

    @property
    def text(self) -> str:
        return _SPACE.sub(" ", unicodedata.normalize("NFC", "".join(self.chunks))).strip()

    def iter(self, *names: str) -> list[_Node]:
        found = [self] if self.name in names else []
        for child in self.children:
            found += child.iter(*names)
        return found

    def kind(self) -> str:
        return self.attrs.get("type", "").strip()


class _Builder(ContentHandler):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[_Node] = []
        self.root: _Node | None = None
        self.locator: Locator | None = None

    def setDocumentLocator(self, locator: Locator) -> None:
        self.locator = locator

    def startElement(self, name: str, attrs: object) -> None:
        line = (self.locator.getLineNumber() if self.locator else 0) or 0
        node = _Node(name, dict(attrs.items()), line)  # type: ignore[attr-defined]
        if self.stack:
            self.stack[-1].children.append(node)
        else:
            self.root = node
        self.stack.append(node)

    def endElement(self, name: str) -> None:
        self.stack.pop()

    def characters(self, content: str) -> None:
        for node in self.stack:
            node.chunks.append(content)


def parse_xml(data: bytes, *, shown: str) -> _Node:
    """Parse XML safely into nodes with line numbers; any refusal is one GlossaryError."""
    from xml.parsers import expat
    from xml.sax import SAXParseException
    from xml.sax.xmlreader import InputSource

    from defusedxml import DefusedXmlException
    from defusedxml.expatreader import DefusedExpatParser

    class Parser(DefusedExpatParser):
        def reset(self) -> None:
            super().reset()
            # Never read a DTD's external subset ("TBXcoreStructV02.dtd"): nothing is fetched.
            self._parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    builder = _Builder()
    parser = Parser(forbid_dtd=False, forbid_entities=True, forbid_external=True)
    parser.setContentHandler(builder)
    source = InputSource()
    source.setByteStream(io.BytesIO(data))
    try:
        parser.parse(source)
    except DefusedXmlException:
        found = re.search(rb"<!ENTITY|SYSTEM|PUBLIC", data)
        line = data[:found.start()].count(b"\n") + 1 if found else None
        raise GlossaryError("TBX file declares XML entities or external references, which are "
                            "not allowed", path=shown, line=line,
                            hint="remove the <!ENTITY …> declarations; TBX needs none") from None
    except SAXParseException as exc:
        raise GlossaryError(f"XML syntax error: {exc.getMessage()}", path=shown,
                            line=exc.getLineNumber(), hint="fix the XML (is every tag closed?)"
                            ) from None
    if builder.root is None:
        raise GlossaryError("empty TBX file", path=shown, line=1)
    return builder.root


def read_tbx(data: bytes, *, shown: str,
             source: str = "en") -> tuple[list[Term], list[str], list[Finding]]:
    """Concepts of a TBX file, the languages it has, and findings about its content."""
    source_base = base_language(source)
    root = parse_xml(data, shown=shown)
    if root.name not in ("martif", "tbx"):
        raise GlossaryError(f"not a TBX file: the root element is <{root.name}>", path=shown,
                            line=root.line, hint="TBX files start with <martif> or <tbx>")
    terms: list[Term] = []
    languages: list[str] = []
    findings: list[Finding] = []
    checked: set[str] = set()
    for entry in root.iter("termEntry", "conceptEntry"):
        variants: list[str] = []
        targets: dict[str, list[tuple[int, str]]] = {}
        forbidden: dict[str, list[str]] = {}
        case = False
        for lang_node in entry.iter("langSet", "langSec"):
            lang = (lang_node.attrs.get("xml:lang") or lang_node.attrs.get("lang", "")).strip()
            if not lang:
                findings.append(finding(Severity.ERROR, f"<{lang_node.name}> has no xml:lang",
                                        shown, lang_node.line))
                continue
            is_source = base_language(lang) == source_base
            if not is_source and lang not in checked:
                checked.add(lang)
                problem = language_problem(lang, shown, lang_node.line)
                if problem is not None:
                    findings.append(problem)
                    continue
            for group in lang_node.iter("tig", "ntig", "termSec"):
                text = next((n.text for n in group.iter("term")), "")
                status = next((n.text for n in group.iter("termNote", "administrativeStatus")
                               if n.name != "termNote" or n.kind() == "administrativeStatus"),
                              "")
                usage = {n.text.casefold() for n in group.iter("termNote", "usageNote")
                         if n.name != "termNote" or n.kind() == "usageNote"}
                if not text or "|" in text:
                    findings.append(finding(Severity.ERROR, "empty term" if not text else
                                            f"term '{text}' contains '|', the variant separator",
                                            shown, group.line))
                    continue
                if is_source:
                    if _FORBIDDEN_STATUS.search(status):
                        findings.append(finding(Severity.WARNING, f"deprecated English term "
                                                f"'{text}' ignored", shown, group.line))
                        continue
                    variants.append(text)
                    case = case or "case-sensitive" in usage
                elif _FORBIDDEN_STATUS.search(status):
                    forbidden.setdefault(lang, []).append(text)
                else:
                    rank = 0 if "preferred" in status.lower() else 1
                    targets.setdefault(lang, []).append((rank, text))
                if not is_source and lang not in languages:
                    languages.append(lang)
        if not variants:
            findings.append(finding(Severity.ERROR, "concept has no English term",
                                    shown, entry.line))
            continue
        dnt = any(n.kind().casefold() in _DNT_TYPES and n.text.casefold() in ("no", "false")
                  for n in entry.iter("descrip", "admin", "termNote"))
        note = "\n".join(n.text for n in entry.children if n.name == "note" and n.text)
        ident = entry.attrs.get("id") or re.sub(r"\W+", "-", variants[0].casefold()).strip("-")
        terms.append(Term(
            id=ident, source=tuple(variants),
            targets=tuple((lang, tuple(t for _, t in sorted(v, key=lambda r: r[0])))
                          for lang, v in targets.items()),
            forbidden=tuple((lang, tuple(v)) for lang, v in forbidden.items()),
            dnt=dnt, case_sensitive=case, note=note, origin=shown, line=entry.line))
    return terms, languages, findings


def render_tbx(glossary: Glossary) -> str:
    """The glossary as a TBX-Basic document (2008 core structure, see the module docs)."""
    source = base_language(glossary.source_language)
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<martif type="TBX-Basic" xml:lang="{source}">',
           "  <martifHeader>", "    <fileDesc>", "      <sourceDesc>",
           f"        <p>Medical glossary, fingerprint {glossary.fingerprint}</p>",
           "      </sourceDesc>", "    </fileDesc>", "    <encodingDesc>",
           '      <p type="XCSURI">TBXBasicXCSV02.xcs</p>', "    </encodingDesc>",
           "  </martifHeader>", "  <text>", "    <body>"]
    for term in glossary.terms:
        out.append(f"      <termEntry id={quoteattr(term.id)}>")
        if term.dnt:
            out.append('        <descrip type="Translation needed">no</descrip>')
        if term.note:
            out.append(f"        <note>{escape(term.note)}</note>")
        notes = ['<termNote type="usageNote">case-sensitive</termNote>'] \
            if term.case_sensitive else []
        _lang_set(out, source, [(t, PREFERRED if n == 0 else ADMITTED, notes)
                                for n, t in enumerate(term.source)])
        targets, banned = dict(term.targets), dict(term.forbidden)
        for lang in glossary.languages:
            tigs: list[tuple[str, str, list[str]]] = [(t, PREFERRED if n == 0 else ADMITTED, [])
                    for n, t in enumerate(targets.get(lang, ()))]
            tigs += [(t, DEPRECATED, []) for t in banned.get(lang, ())]
            if tigs:
                _lang_set(out, lang, tigs)
        out.append("      </termEntry>")
    out += ["    </body>", "  </text>", "</martif>", ""]
    return "\n".join(out)


def _lang_set(out: list[str], lang: str, tigs: list[tuple[str, str, list[str]]]) -> None:
    out.append(f"        <langSet xml:lang={quoteattr(lang)}>")
    for text, status, notes in tigs:
        out += ["          <tig>", f"            <term>{escape(text)}</term>",
                f'            <termNote type="administrativeStatus">{status}</termNote>',
                *(f"            {n}" for n in notes), "          </tig>"]
    out.append("        </langSet>")
