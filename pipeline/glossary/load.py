"""Glossary files: every CSV (pipeline.glossary.csvfile) and TBX (pipeline.glossary.tbx) of a
project's glossary/ folder read, merged into one Glossary and validated."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from pipeline.errors import GlossaryError
from pipeline.glossary.csvfile import read_csv
from pipeline.glossary.problems import finding, shown_path
from pipeline.glossary.terms import Glossary, build_glossary
from pipeline.model import Finding, Severity, Term


def glossary_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower()
                  in (".csv", ".tbx") and not p.name.startswith((".", "~")))


def read_glossary(folder: Path, *, source: str = "en", shown_root: Path | None = None,
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
            from pipeline.glossary.tbx import read_tbx  # XML: loaded when a TBX is there

            reader = read_tbx
        else:
            reader = read_csv
        part = reader(data, shown=shown, source=source)
        terms += part[0]
        languages += part[1]
        findings += part[2]
    glossary = build_glossary(terms, languages, source=source)
    return glossary, findings + validate(glossary)


def load_glossary(folder: Path, *, source: str = "en",
                  shown_root: Path | None = None) -> Glossary:
    """Every *.csv and *.tbx in `folder`, merged; the first error found is raised."""
    glossary, findings = read_glossary(folder, source=source, shown_root=shown_root)
    for f in findings:
        if f.severity is Severity.ERROR:
            raise GlossaryError(f.message, path=f.file, line=f.line or None,
                                hint="run 'pipeline glossary check' to see every problem")
    return glossary


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
        warning_only = not term.targets and bool(term.forbidden)   # only what not to write
        for lang in glossary.languages:
            if not term.dnt and not warning_only and not dict(term.targets).get(lang):
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


