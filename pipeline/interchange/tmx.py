"""TMX 1.4b: export approved translation pairs, import memories that translate reuses.

Imported files are kept in `<locales>/tm/`; `translate` reuses their exact matches as fuzzy
drafts marked `# mt: translation memory (TMX FILE)`, the way it reuses approved project text.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from xml.etree.ElementTree import Element
from xml.sax.saxutils import escape, quoteattr

from pipeline import __version__, catalogs
from pipeline.config import Config
from pipeline.files import atomic_write
from pipeline.interchange.units import catalog_file, project_docs
from pipeline.interchange.xmlsafe import InterchangeError, parse
from pipeline.languages import same_language

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_PO_DATE = re.compile(r"(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d)")


def tm_dir(config: Config) -> Path:
    return config.locales_dir / "tm"


def _tmx_date(po_date: str) -> str:
    found = _PO_DATE.match(po_date or "")
    return ("{}{}{}T{}{}00Z".format(*found.groups()) if found else "19700101T000000Z")


def export(config: Config, *, langs: tuple[str, ...] = ()) -> tuple[str, int]:
    """Approved pairs of the selected languages as one TMX 1.4b document, and the tu count."""
    tags = [lang.tag for lang in config.select(langs)]
    # (doc, English) → [(lang, translation, created, changed)]
    pairs: dict[tuple[str, str], list[tuple[str, str, str, str]]] = defaultdict(list)
    for doc in project_docs(config):
        for tag in tags:
            path = catalog_file(config, tag, doc)
            if not path.exists():
                continue
            po = catalogs.read_catalog(path, shown=config.rel(path), strict=True)
            created = _tmx_date(po.metadata.get("POT-Creation-Date", ""))
            changed = _tmx_date(po.metadata.get("PO-Revision-Date", ""))
            for msgid, msgstr in catalogs.translations(po, approved_only=True).items():
                pairs[(doc, msgid)].append((tag, msgstr, created, changed))
    src = config.source_language
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n',
           f'<header creationtool="pipeline" creationtoolversion="{__version__}" '
           f'segtype="sentence" o-tmf="gettext PO" adminlang="en" srclang="{src}" '
           'datatype="plaintext"/>\n<body>\n']
    for (doc, msgid), found in sorted(pairs.items()):
        created = min(f[2] for f in found)
        changed = max(f[3] for f in found)
        out.append(f'<tu creationdate="{created}" changedate="{changed}">'
                   f'<prop type="x-document">{escape(doc)}</prop>'
                   f"<tuv xml:lang={quoteattr(src)}><seg>{escape(msgid)}</seg></tuv>")
        for tag, msgstr, tcreated, tchanged in sorted(found):
            out.append(f'<tuv xml:lang={quoteattr(tag)} creationdate="{tcreated}" '
                       f'changedate="{tchanged}"><seg>{escape(msgstr)}</seg></tuv>')
        out.append("</tu>\n")
    out.append("</body>\n</tmx>\n")
    return "".join(out), len(pairs)


def _seg_text(seg: Element) -> str:
    """A segment's text; inline native codes (bpt, ept, ph, it) are not text."""
    parts = [seg.text or ""]
    for child in seg:
        if child.tag == "hi":
            parts.append(_seg_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def read_pairs(path: Path, *, source_lang: str, shown: str | None = None
               ) -> list[dict[str, str]]:
    """Each tu of a TMX file as {lang: text}; refuses what is not TMX 1.4 for this source."""
    shown = shown or str(path)
    tree = parse(path, shown=shown, what="TMX file", bare_doctype=True)
    root = tree.root
    if root.tag != "tmx" or root.get("version") not in ("1.4", "1.4b"):
        raise tree.fail(root, f"not a TMX 1.4 document (<{root.tag} "
                              f"version='{root.get('version', '')}'>)",
                        "export the memory as TMX 1.4b")
    header = root.find("header")
    srclang = header.get("srclang", "") if header is not None else ""
    if srclang.lower() != "*all*" and not same_language(srclang, source_lang):
        raise tree.fail(header, f"source language '{srclang}' is not the project's "
                                f"'{source_lang}'", "import a memory translated from "
                                                    f"{source_lang}")
    units = []
    for tu in root.iter("tu"):
        unit = {}
        for tuv in tu.findall("tuv"):
            seg = tuv.find("seg")
            lang = tuv.get(_XML_LANG) or tuv.get("lang") or ""
            if seg is not None and lang:
                unit[lang] = " ".join(_seg_text(seg).split())
        units.append(unit)
    return units


def import_tmx(config: Config, file: Path) -> tuple[str, int]:
    """Check a TMX file and keep it in <locales>/tm/ for translate; (where, pairs)."""
    units = read_pairs(file, source_lang=config.source_language)
    tags = [lang.tag for lang in config.languages]
    pairs = sum(1 for u in units for lang in u
                if any(same_language(lang, t) for t in tags) and _source(u, config))
    if not pairs:
        raise InterchangeError("no segment pairs for this project's languages "
                               f"({', '.join(tags)})", path=str(file),
                               hint="check the xml:lang of the <tuv> elements")
    dest = tm_dir(config) / f"{file.stem}.tmx"
    atomic_write(dest, file.read_bytes().decode("utf-8"))
    return config.rel(dest), pairs


def _source(unit: dict[str, str], config: Config) -> str:
    return next((text for lang, text in unit.items()
                 if same_language(lang, config.source_language)), "")


def memory(config: Config, lang: str) -> dict[str, tuple[str, str]]:
    """English → (translation, label) from every imported TMX file, for one language."""
    found: dict[str, tuple[str, str]] = {}
    folder = tm_dir(config)
    for path in sorted(folder.glob("*.tmx")) if folder.is_dir() else []:
        shown = config.rel(path)
        for unit in read_pairs(path, source_lang=config.source_language, shown=shown):
            english = _source(unit, config)
            text = next((t for tag, t in unit.items() if same_language(tag, lang)), "")
            if english and text:
                found.setdefault(english, (text, f"TMX {shown}"))
    return found
