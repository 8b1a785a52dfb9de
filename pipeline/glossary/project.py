"""A content project's glossary: loaded with its source language, checked, and files imported."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipeline.config import Config
from pipeline.errors import GlossaryError
from pipeline.glossary.coverage import Coverage, coverage
from pipeline.glossary.csvfile import render_csv
from pipeline.glossary.load import glossary_files, load_glossary, read_glossary
from pipeline.glossary.problems import finding, shown_path
from pipeline.glossary.terms import Glossary, build_glossary, empty_glossary
from pipeline.model import Finding, Severity


def project_glossary(config: Config) -> Glossary:
    """The project's glossary (an empty one when it has no glossary files); errors raise."""
    if not glossary_files(config.glossary_dir):
        return empty_glossary(config.source_language)
    return load_glossary(config.glossary_dir, source=config.source_language,
                         shown_root=config.root)


@dataclass(frozen=True)
class GlossaryCheck:
    """What `pipeline glossary check` reports: the files, the merged glossary, its findings
    and its coverage of source/."""

    files: tuple[Path, ...]
    glossary: Glossary
    findings: tuple[Finding, ...]
    coverage: Coverage

    @property
    def errors(self) -> int:
        return sum(f.severity is Severity.ERROR for f in self.findings)

    @property
    def warnings(self) -> int:
        return sum(f.severity is Severity.WARNING for f in self.findings)


def check_glossary(config: Config) -> GlossaryCheck:
    """Validate the glossary files and measure which concepts occur in the source documents."""
    from pipeline.extract import load_documents

    files = glossary_files(config.glossary_dir)
    glossary, findings = read_glossary(config.glossary_dir, source=config.source_language,
                                       shown_root=config.root)
    folder = config.rel(config.glossary_dir)
    if files:
        findings += [finding(Severity.WARNING, f"no column for the project's language "
                                               f"'{lang.tag}'", folder)
                     for lang in config.languages if lang.tag not in glossary.languages]
    return GlossaryCheck(files=tuple(files), glossary=glossary, findings=tuple(findings),
                         coverage=coverage(glossary, load_documents(config)))


@dataclass(frozen=True)
class Imported:
    """A glossary file ready to be added to glossary/: where, its CSV text, and its findings."""

    dest: Path
    text: str
    concepts: int
    findings: tuple[Finding, ...]
    up_to_date: bool


def prepare_import(config: Config, file: Path) -> Imported:
    """Read `file` (CSV or TBX) as it would sit in glossary/ (as CSV), validated together with
    the existing files; refusals raise, problems in `file` come back as findings."""
    if file.suffix.lower() not in (".csv", ".tbx"):
        raise GlossaryError("not a glossary file", path=file, hint="import a .csv or .tbx file")
    existing = glossary_files(config.glossary_dir)
    if file.resolve() in {p.resolve() for p in existing}:
        raise GlossaryError(f"the file is already in {config.rel(config.glossary_dir)}/",
                            path=file, hint="run 'pipeline glossary check' to validate it")
    dest = config.glossary_dir / f"{file.stem}.csv"
    source = config.source_language
    incoming, _ = read_glossary(file.parent, source=source, files=[file])
    if file.suffix.lower() == ".csv":
        text = file.read_bytes().decode("utf-8")
    else:
        text = render_csv(build_glossary(incoming.terms, incoming.languages, source=source))
    shown = config.rel(dest)
    if dest.exists():
        if dest.read_bytes() == text.encode("utf-8"):
            return Imported(dest=dest, text=text, concepts=len(incoming.terms), findings=(),
                            up_to_date=True)
        raise GlossaryError(f"{shown} already exists", path=file,
                            hint=f"rename the file, or remove {shown} to replace it")
    _, findings = read_glossary(config.glossary_dir, source=source, files=[*existing, file],
                                shown_root=config.root)
    mine = tuple(f for f in findings if f.file == shown_path(file, config.root))
    return Imported(dest=dest, text=text, concepts=len(incoming.terms), findings=mine,
                    up_to_date=False)
