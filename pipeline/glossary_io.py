"""Glossary files: read and merge CSV/TBX, validate them, write CSV, report coverage.

CSV: one row per concept; columns `id`, `en`, one per language tag, `dnt`, `case`,
`forbidden:<tag>` and `note`; a cell holds variants separated by " | " (the first preferred);
`dnt`/`case` are "yes" or empty. Cells a spreadsheet would run as a formula (= + - @) are
written with a leading apostrophe, and only such an apostrophe is removed on reading.
TBX lives in pipeline.tbx. Every file of glossary/ is merged into one Glossary.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import ConfigError, GlossaryError, decode_utf8
from pipeline.glossary import FIXED, SOURCE, Glossary, _project, build_glossary
from pipeline.model import Document, Finding, Severity, Term

_FORMULA = ("=", "+", "-", "@", "\t", "\r")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_YES, _NO = {"yes", "y", "true", "1", "x"}, {"", "no", "n", "false", "0"}


def glossary_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower()
                  in (".csv", ".tbx") and not p.name.startswith((".", "~")))


def read_glossary(folder: Path, *, shown_root: Path | None = None,
                  files: Sequence[Path] | None = None) -> tuple[Glossary, list[Finding]]:
    """Load and merge glossary files; unreadable input raises, everything else is a finding."""
    terms: list[Term] = []
    languages: list[str] = []
    findings: list[Finding] = []
    for path in glossary_files(folder) if files is None else files:
        shown = shown_path(path, shown_root)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise GlossaryError(f"cannot read glossary file: {exc.strerror}", path=shown) from None
        if path.suffix.lower() == ".tbx":
            from pipeline.tbx import read_tbx

            part = read_tbx(data, shown=shown)
        else:
            part = read_csv(data, shown=shown)
        terms += part[0]
        languages += part[1]
        findings += part[2]
    glossary = build_glossary(terms, languages)
    return glossary, findings + validate(glossary)


def load_glossary(folder: Path, *, shown_root: Path | None = None) -> Glossary:
    """Every *.csv and *.tbx in `folder`, merged; the first error found is raised."""
    glossary, findings = read_glossary(folder, shown_root=shown_root)
    for f in findings:
        if f.severity is Severity.ERROR:
            raise GlossaryError(f.message, path=f.file, line=f.line or None,
                                hint="run 'pipeline glossary check' to see every problem")
    return glossary


def shown_path(path: Path, root: Path | None) -> str:
    """A path as the user sees it: relative to `root` where it lies inside."""
    if root is not None:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return str(path)


def finding(severity: Severity, message: str, file: str, line: int = 0) -> Finding:
    return Finding(check="glossary", severity=severity, message=message, file=file, line=line)


def language_problem(tag: str, shown: str, line: int) -> Finding | None:
    """An error finding when `tag` is not a language tag Babel knows."""
    from pipeline.config import validate_tag

    try:
        validate_tag(tag, where=Path(shown), line=line)
    except ConfigError as exc:
        return finding(Severity.ERROR, f"{exc.message} (unknown language column)", shown, line)
    return None


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


def read_csv(data: bytes, *, shown: str) -> tuple[list[Term], list[str], list[Finding]]:
    """One glossary CSV: one row per concept, one column per language (see module docs)."""
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
                            hint=f"start with a header such as 'id,{SOURCE},es,fr,dnt,case,note'")
    head_line, header = rows[0]
    names = [unicodedata.normalize("NFC", h).strip() for h in header]
    names = [n.lower() if n.lower() in FIXED or n.lower().startswith("forbidden:") else n
             for n in names]
    findings: list[Finding] = []
    for required in ("id", SOURCE):
        if required not in names:
            raise GlossaryError(f"the header has no '{required}' column", path=shown,
                                line=head_line, hint=f"columns: id,{SOURCE},<language>...,note")
    columns: dict[str, int] = {}
    targets: list[str] = []
    forbidden: list[str] = []
    for index, name in enumerate(names):
        if name in columns:
            raise GlossaryError(f"duplicate column '{name}'", path=shown, line=head_line,
                                hint="each column name may appear once")
        columns[name] = index
        lang = name.removeprefix("forbidden:")
        if name in FIXED:
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
        if not cells["id"] or not _variants(cells[SOURCE]):
            findings.append(finding(Severity.ERROR, "row has no id or no English term",
                                    shown, number))
            continue
        terms.append(Term(
            id=cells["id"], source=_variants(cells[SOURCE]),
            targets=tuple((lang, v) for lang in targets if (v := _variants(cells[lang]))),
            forbidden=tuple((lang, v) for lang in forbidden
                            if (v := _variants(cells[f"forbidden:{lang}"]))),
            dnt=flags["dnt"], case_sensitive=flags["case"], note=cells.get("note", ""),
            origin=shown, line=number))
    return terms, targets + forbidden, findings


def validate(glossary: Glossary) -> list[Finding]:
    """Findings about the merged concepts: duplicates, conflicts, gaps, forbidden = preferred."""
    out: list[Finding] = []
    ids: dict[str, Term] = {}
    english: dict[str, Term] = {}
    preferred: dict[tuple[str, str], Term] = {}
    for term in glossary.terms:
        for lang, variants in term.targets:
            for v in variants:
                preferred.setdefault((lang, v.casefold()), term)

    def add(severity: Severity, term: Term, message: str) -> None:
        out.append(finding(severity, message, term.origin, term.line))

    for term in glossary.terms:
        if term.id in ids:
            first = ids[term.id]
            add(Severity.ERROR, term, f"duplicate id '{term.id}' "
                f"(first at {first.origin}:{first.line})")
        ids.setdefault(term.id, term)
        if not re.fullmatch(r"[A-Za-z_][\w.-]*", term.id):
            add(Severity.WARNING, term, f"id '{term.id}' is not a valid XML name; "
                "TBX tools may refuse it (start with a letter, no spaces)")
        for variant in term.source:
            other = english.setdefault(variant.casefold(), term)
            if other is not term and other.id != term.id:
                same = (other.targets, other.dnt) == (term.targets, term.dnt)
                add(Severity.WARNING if same else Severity.ERROR, term,
                    f"'{variant}' is also in concept '{other.id}' ({other.origin}:{other.line})"
                    + (" with the same translations: merge them" if same
                       else " with different translations"))
        for lang in glossary.languages:
            if not term.dnt and not dict(term.targets).get(lang):
                add(Severity.WARNING, term, f"'{term.id}' has no {lang} translation")
            if term.dnt and any(v != term.source[0] for v in dict(term.targets).get(lang, ())):
                add(Severity.WARNING, term, f"'{term.id}' is do-not-translate but its {lang} "
                    f"cell differs from '{term.source[0]}'")
        for lang, variants in term.forbidden:
            accepted = {v.casefold() for v in term.target(lang)}
            for v in variants:
                owner = preferred.get((lang, v.casefold()))
                if v.casefold() in accepted:
                    add(Severity.ERROR, term, f"'{v}' is both forbidden and accepted for "
                        f"'{term.id}' in {lang}")
                elif owner is not None:
                    add(Severity.WARNING, term, f"'{v}' is forbidden for '{term.id}' but is the "
                        f"{lang} term of '{owner.id}' ({owner.origin}:{owner.line})")
    return out


def render_csv(glossary: Glossary) -> str:
    """The glossary as one CSV, cells guarded against spreadsheet formula injection."""
    langs = glossary.languages
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", SOURCE, *langs, "dnt", "case",
                     *(f"forbidden:{lang}" for lang in langs), "note"])
    for t in glossary.terms:
        targets, banned = dict(t.targets), dict(t.forbidden)
        row = [t.id, " | ".join(t.source), *(" | ".join(targets.get(x, ())) for x in langs),
               "yes" if t.dnt else "", "yes" if t.case_sensitive else "",
               *(" | ".join(banned.get(x, ())) for x in langs), t.note]
        writer.writerow([guard(cell) for cell in row])
    return out.getvalue()


# ---------------------------------------------------------------- coverage in source/

_ABBREVIATION = re.compile(r"(?<![\w-])(?=[A-Z0-9-]*[A-Z][A-Z0-9-]*[A-Z])[A-Z][A-Z0-9]*"
                           r"(?:-[A-Z0-9]+)*(?![\w-])")
_CAPITALIZED = re.compile(r"(?<![\w-])[A-Z][\w-]+(?:\s+(?:(?:of|and|for|the|de|in)\s+)?"
                          r"[A-Z][\w-]+)+")
_STARTERS = {  # words that start a sentence, not a term
    "a", "an", "the", "this", "that", "these", "those", "how", "what", "when", "where", "who",
    "why", "which", "if", "in", "on", "at", "for", "to", "of", "our", "your", "my", "his", "her",
    "its", "their", "both", "some", "many", "most", "all", "any", "each", "every", "before",
    "after", "during", "while", "is", "are", "am", "do", "does", "can", "may", "will", "would",
    "should", "must", "please", "ask", "contact", "call",
}


@dataclass(frozen=True)
class Coverage:
    """Which concepts occur in the source documents, and candidates the glossary lacks."""

    used: tuple[tuple[Term, int, str], ...]  # concept, occurrences, first place
    unused: tuple[Term, ...]
    candidates: tuple[tuple[str, int, str, str], ...]  # text, occurrences, kind, first place
    documents: int
    segments: int


def coverage(glossary: Glossary, documents: Sequence[Document]) -> Coverage:
    """Concept occurrences in `documents`, and abbreviations or recurring capitalized terms
    that no concept covers."""
    counts: dict[int, int] = {}
    found: dict[tuple[str, str], int] = {}
    first: dict[object, str] = {}
    position = {id(t): n for n, t in enumerate(glossary.terms)}
    segments = 0
    for doc in documents:
        for seg in doc.segments:
            segments += 1
            place = f"{doc.path}:{seg.line}"
            for m in glossary.match(seg.text):
                n = position[id(m.term)]
                counts[n] = counts.get(n, 0) + 1
                first.setdefault(n, place)
            clean = _project(seg.text)[0]
            covered = [(m.start, m.end) for m in glossary.match(clean)]
            for key in _candidates(clean, covered):
                found[key] = found.get(key, 0) + 1
                first.setdefault(key, place)
    used = tuple((glossary.terms[n], c, first[n]) for n, c in sorted(counts.items()))
    candidates = sorted(((text, c, kind, first[(kind, text)])
                         for (kind, text), c in found.items()
                         if kind == "abbreviation" or c >= 2), key=lambda c: (-c[1], c[0]))
    return Coverage(used=used, unused=tuple(t for n, t in enumerate(glossary.terms)
                                             if n not in counts),
                    candidates=tuple(candidates), documents=len(documents), segments=segments)


def _candidates(clean: str, covered: list[tuple[int, int]]) -> Iterable[tuple[str, str]]:
    def free(s: int, e: int) -> bool:
        return not any(s < b and a < e for a, b in covered)

    for m in _ABBREVIATION.finditer(clean):
        if free(*m.span()):
            yield "abbreviation", m.group()
    for m in _CAPITALIZED.finditer(clean):
        words = m.group().split()
        while words and words[0].casefold() in _STARTERS:
            words.pop(0)
        while words and words[-1].casefold() in _STARTERS:
            words.pop()
        if len(words) >= 2 and not all(w.isupper() for w in words) and free(*m.span()):
            yield "capitalized term", " ".join(words)
