"""Glossary CSV: one row per concept, one column per language.

Columns: `id`, the source language (the project's `source-language`, "en" by default), one per
language tag, `dnt`, `case`, `forbidden:<tag>` and `note`; a cell holds variants separated by
" | " (the first preferred); `dnt`/`case` are "yes" or empty. Cells a spreadsheet would run as a
formula (= + - @) are written with a leading apostrophe, and only such an apostrophe is removed
on reading.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata

from pipeline.errors import GlossaryError, decode_utf8
from pipeline.glossary.problems import finding, language_problem
from pipeline.glossary.terms import Glossary
from pipeline.languages import base_language
from pipeline.model import Finding, Severity, Term

_FORMULA = ("=", "+", "-", "@", "\t", "\r")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_YES, _NO = {"yes", "y", "true", "1", "x"}, {"", "no", "n", "false", "0"}


def unguard(cell: str) -> str:
    """Undo the spreadsheet-formula guard `guard` adds, and nothing else."""
    return cell[1:] if cell.startswith("'") and _needs_guard(cell[1:]) else cell


def guard(cell: str) -> str:
    """Prefix an apostrophe to a cell a spreadsheet would run as a formula."""
    return "'" + cell if _needs_guard(cell) else cell


def _needs_guard(cell: str) -> bool:
    return cell.lstrip("'").startswith(_FORMULA)


def _variants(cell: str) -> tuple[str, ...]:
    return tuple(v for v in (p.strip() for p in cell.split("|")) if v)


def read_csv(data: bytes, *, shown: str,
             source: str = "en") -> tuple[list[Term], list[str], list[Finding]]:
    """One glossary CSV: one row per concept, one column per language (see module docs)."""
    source = base_language(source)
    fixed = ("id", source, "dnt", "case", "note")
    text = decode_utf8(data, shown=shown, error=GlossaryError, what="glossary file",
                       hint="save it as CSV UTF-8").removeprefix("\ufeff")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[tuple[int, list[str]]] = []
    line = 1
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                rows.append((line, row))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise GlossaryError(f"CSV syntax error: {exc}", path=shown, line=line,
                            hint="close the quotes around cells with commas") from None
    if not rows:
        raise GlossaryError("empty glossary file: no header row", path=shown, line=1,
                            hint=f"start with a header such as 'id,{source},es,fr,dnt,case,note'")
    head_line, header = rows[0]
    names = [unicodedata.normalize("NFC", h).strip() for h in header]
    names = [n.lower() if n.lower() in fixed or n.lower().startswith("forbidden:") else n
             for n in names]
    findings: list[Finding] = []
    for required in ("id", source):
        if required not in names:
            raise GlossaryError(f"the header has no '{required}' column", path=shown,
                                line=head_line, hint=f"columns: id,{source},<language>...,note")
    columns: dict[str, int] = {}
    targets: list[str] = []
    forbidden: list[str] = []
    for index, name in enumerate(names):
        if name in columns:
            raise GlossaryError(f"duplicate column '{name}'", path=shown, line=head_line,
                                hint="each column name may appear once")
        columns[name] = index
        lang = name.removeprefix("forbidden:")
        if name in fixed:
            continue
        problem = language_problem(lang, shown, head_line)
        if problem is not None:
            findings.append(problem)
            continue
        (forbidden if name.startswith("forbidden:") else targets).append(lang)
    terms: list[Term] = []
    for number, row in rows[1:]:
        if len(row) != len(names):
            raise GlossaryError(f"row has {len(row)} cells, the header has {len(names)}",
                                path=shown, line=number,
                                hint="quote cells that contain commas; one row per concept")
        cells = {n: unguard(unicodedata.normalize("NFC", row[i]).strip())
                 for n, i in columns.items()}
        if any(_CONTROL.search(c) for c in cells.values()):
            raise GlossaryError("control character in a cell", path=shown, line=number,
                                hint="remove it; cells hold plain text")
        flags = {}
        for flag in ("dnt", "case"):
            value = cells.get(flag, "").lower()
            if value not in _YES | _NO:
                findings.append(finding(Severity.ERROR, f"'{flag}' must be 'yes' or empty, "
                                        f"not '{cells[flag]}'", shown, number))
            flags[flag] = value in _YES
        if not cells["id"] or not _variants(cells[source]):
            findings.append(finding(Severity.ERROR, "row has no id or no English term",
                                    shown, number))
            continue
        terms.append(Term(
            id=cells["id"], source=_variants(cells[source]),
            targets=tuple((lang, v) for lang in targets if (v := _variants(cells[lang]))),
            forbidden=tuple((lang, v) for lang in forbidden
                            if (v := _variants(cells[f"forbidden:{lang}"]))),
            dnt=flags["dnt"], case_sensitive=flags["case"], note=cells.get("note", ""),
            origin=shown, line=number))
    return terms, targets + forbidden, findings


def render_csv(glossary: Glossary) -> str:
    """The glossary as one CSV, cells guarded against spreadsheet formula injection."""
    langs = glossary.languages
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", base_language(glossary.source_language), *langs, "dnt", "case",
                     *(f"forbidden:{lang}" for lang in langs), "note"])
    for t in glossary.terms:
        targets, banned = dict(t.targets), dict(t.forbidden)
        row = [t.id, " | ".join(t.source), *(" | ".join(targets.get(x, ())) for x in langs),
               "yes" if t.dnt else "", "yes" if t.case_sensitive else "",
               *(" | ".join(banned.get(x, ())) for x in langs), t.note]
        writer.writerow([guard(cell) for cell in row])
    return out.getvalue()

