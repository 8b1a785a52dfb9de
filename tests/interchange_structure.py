"""Structural checks of XLIFF 2.1, XLIFF 1.2 and TMX 1.4b, written from the OASIS/LISA specs.

No schema file for these formats ships in an installable package here (translate-toolkit
carries none), so these check what the schemas require: element order, required attributes,
enumerated values, unique ids and that inline references resolve.
"""

from __future__ import annotations

import re

from lxml import etree

X2 = "{urn:oasis:names:tc:xliff:document:2.0}"
GLS = "{urn:oasis:names:tc:xliff:glossary:2.0}"
X1 = "{urn:oasis:names:tc:xliff:document:1.2}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
STATES_2 = {"initial", "translated", "reviewed", "final"}
STATES_12 = {"final", "needs-adaptation", "needs-l10n", "needs-review-adaptation",
             "needs-review-l10n", "needs-review-translation", "needs-translation", "new",
             "signed-off", "translated"}
QUALIFIERS_12 = {"exact-match", "fuzzy-match", "id-match", "leveraged-glossary",
                 "leveraged-inherited", "leveraged-mt", "leveraged-repository",
                 "leveraged-tm", "mt-suggestion", "rejected-grammar", "rejected-inaccurate",
                 "rejected-length", "rejected-spelling", "tm-suggestion"}
TMX_DATE = re.compile(r"^\d{8}T\d{6}Z$")


def check_xliff2(data: bytes) -> list[str]:
    root = etree.fromstring(data)
    problems = []
    if root.tag != f"{X2}xliff" or root.get("version") != "2.1" or not root.get("srcLang"):
        problems.append("root must be <xliff version='2.1' srcLang=…>")
    files = [f.get("id") for f in root.findall(f"{X2}file")]
    if not files or len(set(files)) != len(files) or None in files:
        problems.append("files need unique ids")
    for unit in root.iter(f"{X2}unit"):
        where = f"unit {unit.get('id')}"
        order = [child.tag for child in unit]
        core = [t for t in order if t.startswith(X2)]
        expected = sorted(core, key=lambda t: {f"{X2}notes": 0, f"{X2}originalData": 1}.get(t, 2))
        if core != expected or not any(t in (f"{X2}segment", f"{X2}ignorable") for t in core):
            problems.append(f"{where}: order notes?, originalData?, segment+ broken: {core}")
        first_core = next((i for i, t in enumerate(order) if t.startswith(X2)), len(order))
        if any(not t.startswith(X2) for t in order[first_core:]):
            problems.append(f"{where}: module elements must come before core elements")
        data_ids = {d.get("id") for d in unit.iter(f"{X2}data")}
        for segment in unit.findall(f"{X2}segment"):
            kids = [c.tag for c in segment]
            if kids not in ([f"{X2}source"], [f"{X2}source", f"{X2}target"]):
                problems.append(f"{where}: segment holds {kids}")
            state, sub = segment.get("state"), segment.get("subState")
            if state not in STATES_2 or (sub and ":" not in sub):
                problems.append(f"{where}: bad state {state}/{sub}")
        for part in ("source", "target"):
            for element in unit.iter(f"{X2}{part}"):
                ids = []
                for inline in element.iter(f"{X2}ph", f"{X2}pc"):
                    ids.append(inline.get("id"))
                    refs = [inline.get(a) for a in ("dataRef", "dataRefStart", "dataRefEnd")
                            if inline.get(a)]
                    if any(r not in data_ids for r in refs) or not refs:
                        problems.append(f"{where}: {part} inline {inline.get('id')} refs {refs}")
                if len(ids) != len(set(ids)):
                    problems.append(f"{where}: duplicate inline ids in {part}")
        for entry in unit.iter(f"{GLS}glossEntry"):
            tags = [c.tag for c in entry]
            if not tags or tags[0] != f"{GLS}term" or tags[1:] != sorted(
                    tags[1:], key=lambda t: t == f"{GLS}definition"):
                problems.append(f"{where}: glossEntry order {tags}")
        for note in unit.iter(f"{X2}note"):
            if note.get("priority") and not 1 <= int(note.get("priority")) <= 10:
                problems.append(f"{where}: note priority")
    return problems


def check_xliff12(data: bytes) -> list[str]:
    root = etree.fromstring(data)
    problems = []
    if root.tag != f"{X1}xliff" or root.get("version") != "1.2":
        problems.append("root must be <xliff version='1.2'>")
    for file in root.findall(f"{X1}file"):
        if not all(file.get(a) for a in ("original", "source-language", "datatype")):
            problems.append("file lacks original, source-language or datatype")
        if [c.tag for c in file] not in ([f"{X1}header", f"{X1}body"], [f"{X1}body"]):
            problems.append("file must hold header?, body")
    ids = [u.get("id") for u in root.iter(f"{X1}trans-unit")]
    if len(ids) != len(set(ids)) or None in ids:
        problems.append("trans-units need unique ids")
    for unit in root.iter(f"{X1}trans-unit"):
        tags = [c.tag for c in unit]
        if tags[:1] != [f"{X1}source"] or f"{X1}target" in tags[2:]:
            problems.append(f"{unit.get('id')}: source, target? must come first: {tags}")
        if unit.get("approved") not in (None, "yes", "no"):
            problems.append(f"{unit.get('id')}: approved must be yes|no")
        target = unit.find(f"{X1}target")
        if target is not None:
            if target.get("state") not in STATES_12:
                problems.append(f"{unit.get('id')}: state {target.get('state')}")
            if target.get("state-qualifier") not in (None, *QUALIFIERS_12):
                problems.append(f"{unit.get('id')}: qualifier {target.get('state-qualifier')}")
        for element in unit.iter(f"{X1}x", f"{X1}g"):
            if not element.get("id"):
                problems.append(f"{unit.get('id')}: inline without id")
            if element.tag == f"{X1}x" and len(element):
                problems.append(f"{unit.get('id')}: <x> must be empty")
    return problems


def check_tmx(data: bytes) -> list[str]:
    root = etree.fromstring(data)
    problems = []
    header = root.find("header")
    if root.tag != "tmx" or root.get("version") != "1.4" or header is None:
        return ["root must be <tmx version='1.4'> with a header"]
    for attr in ("creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang",
                 "srclang", "datatype"):
        if not header.get(attr):
            problems.append(f"header lacks {attr}")
    if header.get("segtype") not in ("block", "paragraph", "sentence", "phrase"):
        problems.append("segtype")
    if [c.tag for c in root] != ["header", "body"]:
        problems.append("tmx must hold header, body")
    for tu in root.iter("tu"):
        tags = [c.tag for c in tu]
        if tags != sorted(tags, key=lambda t: t == "tuv") or tags.count("tuv") < 2:
            problems.append(f"tu order or tuv count: {tags}")
        for attr in ("creationdate", "changedate"):
            if tu.get(attr) and not TMX_DATE.match(tu.get(attr)):
                problems.append(f"tu {attr} {tu.get(attr)}")
        for tuv in tu.findall("tuv"):
            if not tuv.get(XML_LANG) or [c.tag for c in tuv] != ["seg"]:
                problems.append("tuv needs xml:lang and one seg")
    return problems
