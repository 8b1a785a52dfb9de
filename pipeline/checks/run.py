"""The check stage (the CI gate): run the registered checks over every catalog of the project.

Severity policy: in released languages (and in drafts under --strict) the safety checks
(numbers, units, negation, glossary, markup, links) and completeness are errors; in drafts
they are warnings. A run fails on any error of a gated language or of the project itself.
Checks are switched off per project (`disabled-checks`) or per entry (a translator comment
`# check-ignore: numbers (reason)`); both are reported, never silent. Project-scope checks
see one document (its source and template) at a time, so that their findings, like each
catalog's, are reused from the last run while those files are unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pipeline import catalogs
from pipeline.checks import SAFETY, Catalog, Check, Entry, Project, Scope, bilingual, registry
from pipeline.checks.corpora import Corpora
from pipeline.checks.coverage import gaps
from pipeline.checks.inputs import LazyGlossary, LazyTemplates, enabled_checks, ignored, read
from pipeline.checks.report import CheckReport, Suppressed
from pipeline.checks.signoff import CLEARED_BY_SIGNOFF, REVIEW_CHECKS
from pipeline.config import Config
from pipeline.extract import source_files
from pipeline.files import file_digest
from pipeline.markdown import load_document
from pipeline.model import Finding, Severity
from pipeline.state import Memo, code_digest

GATED_BY_STATUS = frozenset({"untranslated", "fuzzy", "po-outdated"})


def _dump(finding: Finding) -> dict[str, Any]:
    return {**finding.as_dict(), "severity": finding.severity.value}


def _load(data: dict[str, Any]) -> Finding:
    return Finding(check=data["check"], severity=Severity(data["severity"]),
                   message=data["message"], file=data["file"], line=data["line"],
                   lang=data["lang"], doc=data["doc"], msgid=data["msgid"])


@dataclass
class _Run:
    """One check run: what it checks with, and what it has found so far."""

    config: Config
    checks: dict[str, Check]
    cache: Memo
    glossary: LazyGlossary
    corpora: Corpora
    findings: list[Finding] = field(default_factory=list)
    suppressed: list[Suppressed] = field(default_factory=list)
    files: list[tuple[str, str]] = field(default_factory=list)
    catalogs: int = 0
    entries: int = 0
    known: dict[str, Check] = field(default_factory=registry)   # every check, enabled or not

    def scoped(self, scope: str) -> list[Check]:
        return [c for c in self.checks.values() if c.scope == scope]


def run_checks(config: Config, *, langs: Iterable[str] = (), strict: bool = False
               ) -> CheckReport:
    """Check every catalog of the selected languages (all by default)."""
    languages = config.select(tuple(langs))
    checks, disabled = enabled_checks(config)
    # Findings of unchanged inputs come from the last run: an edit re-checks one file.
    code = code_digest("checks", "langdata", "languages", "glossary")
    cache = Memo(config.root, "check-cache.json",
                 key=f"{sorted(checks)}|{config.segmentation}|{code}|"
                     f"cedict={bilingual.data_path() is not None}")
    run = _Run(config=config, checks=checks, glossary=LazyGlossary(config, "glossary" in checks),
               corpora=Corpora(config, wanted=bool({"substitution", "omission"} & set(checks)),
                               memo=cache),
               cache=cache)
    locales = config.locales_dir
    pot_paths = sorted(locales.glob("*.pot")) if locales.is_dir() else []
    run.files += [(config.rel(p), "") for p in pot_paths]
    templates = LazyTemplates(config, pot_paths)
    sources = {p.stem: p for p in source_files(config)}
    names = sorted(set(sources) | templates.names)
    for doc in names:
        _check_document(run, doc, sources, templates)
    report = CheckReport(findings=(), languages=languages, checks=tuple(checks),
                         disabled=disabled, strict=strict,
                         gaps=gaps(checks, (lg.tag for lg in languages)))
    project = Project(config=config, documents=(), templates=templates)
    # Catalogs of a removed document are checked too: the 'orphaned' check reports them.
    orphans = {p.stem for language in languages
               for p in catalogs.catalog_path(locales, language.tag, "x").parent.glob("*.po")}
    for doc in sorted(set(names) | orphans):
        for language in languages:
            _check_catalog(run, project, doc, language.tag, known=doc in sources,
                           gated=report.gated(language.tag),
                           signoff=language.released and config.review.require_signoff)
    run.cache.save()
    return replace(report, findings=tuple(sorted(run.findings, key=_order)),
                   suppressed=tuple(run.suppressed), catalogs=run.catalogs,
                   entries=run.entries, files=tuple(run.files))


def _check_document(run: _Run, doc: str, sources: dict[str, Path],
                    templates: LazyTemplates) -> None:
    """Project checks for one document: its source and template (cached while unchanged)."""
    config = run.config
    source = sources.get(doc, config.source_dir / f"{doc}.md")
    digest = file_digest(source, config.locales_dir / f"{doc}.pot")
    cached = run.cache.get(f"document:{doc}", digest)
    if cached is None:
        problems = len(templates.problems)
        template = templates.get(doc)
        documents = (load_document(source, shown=config.rel(source),
                                   segmentation=config.segmentation),) \
            if doc in sources and "pot-outdated" in run.checks else ()
        one = Project(config=config, documents=documents,
                      templates={doc: template} if template is not None else {})
        found = [*templates.problems[problems:],
                 *(f for c in run.scoped("project") for f in c.func(one))]
        cached = run.cache.put(f"document:{doc}", digest, {"found": [_dump(f) for f in found]})
    run.findings.extend(_load(f) for f in cached["found"])


def _check_catalog(run: _Run, project: Project, doc: str, lang: str, *, known: bool,
                   gated: bool, signoff: bool) -> None:
    """Every check of one catalog, its unfiltered findings cached under the catalog's inputs;
    the severity policy is applied after the cache."""
    config = run.config
    path = catalogs.catalog_path(config.locales_dir, lang, doc)
    shown = config.rel(path)
    run.files.append((shown, lang))
    digest = file_digest(path, config.locales_dir / f"{doc}.pot",
                         extra=(run.glossary.fingerprint() if "glossary" in run.checks else "")
                         + _review_fingerprint(config, lang, doc)
                         + run.corpora.fingerprint(lang) + str(known))
    hit = run.cache.get(shown, digest)
    if hit is None:
        hit = run.cache.put(shown, digest, _catalog_findings(run, project, path, doc, lang))
    run.catalogs += hit["exists"]
    run.entries += hit["entries"]
    run.findings.extend(_policy(_load(f), gated, signoff) for f in hit["found"])
    run.suppressed.extend(Suppressed(_policy(_load(f), gated, signoff), reason)
                          for f, reason in hit["suppressed"])


def _catalog_findings(run: _Run, project: Project, path: Path, doc: str,
                      lang: str) -> dict[str, Any]:
    """What the catalog and entry checks say about one catalog, as the cache keeps it."""
    shown = run.config.rel(path)
    corpus = run.corpora.get(lang)   # reads the language's catalogs once, this one included
    loaded = run.corpora.take(path)
    if loaded is None:
        loaded = read(path, file=shown, lang=lang, doc=doc) if path.exists() else \
            Catalog(file=shown, lang=lang, doc=doc, entries=(), exists=False)
    if isinstance(loaded, Finding):
        return {"exists": False, "entries": 0, "found": [_dump(loaded)], "suppressed": []}
    found = [f for c in run.scoped("catalog") for f in c.func(loaded, project)]
    suppressed: list[Suppressed] = []
    scope = Scope(catalog=loaded, glossary=run.glossary.get(), corpus=corpus)
    entries = 0
    for entry in loaded.live():
        if entry.translated and not entry.fuzzy:
            entries += 1
            _entry_findings(run, loaded, entry, scope, found, suppressed)
    found = _cleared_by_signoff(run.config, loaded, found)
    return {"exists": loaded.exists, "entries": entries, "found": [_dump(f) for f in found],
            "suppressed": [[_dump(s.finding), s.reason] for s in suppressed]}


def _entry_findings(run: _Run, catalog: Catalog, entry: Entry, scope: Scope,
                    found: list[Finding], suppressed: list[Suppressed]) -> None:
    """The entry checks of one approved entry, minus those its `check-ignore` switches off."""
    skip = ignored(entry)
    for name, reason in skip.items():
        if name not in run.known:
            found.append(catalog.finding("check-ignore", f"check-ignore names an unknown "
                                         f"check '{name}'", entry=entry,
                                         severity=Severity.WARNING))
        elif not reason:
            found.append(catalog.finding("check-ignore", f"check-ignore: {name} needs a reason "
                                         "in parentheses", entry=entry,
                                         severity=Severity.WARNING))
    for check in run.scoped("entry"):
        for finding in check.func(entry, scope):
            if check.name in skip:
                suppressed.append(Suppressed(finding, skip[check.name]))
            else:
                found.append(finding)


def _cleared_by_signoff(config: Config, catalog: Catalog, found: list[Finding]
                        ) -> list[Finding]:
    """A valid sign-off clears CLEARED_BY_SIGNOFF findings (machine output a person signed)."""
    if not config.review.enabled or not any(f.check in CLEARED_BY_SIGNOFF for f in found):
        return found
    from pipeline.checks.signoff import signed_msgids

    signed = signed_msgids(catalog, Project(config=config))
    return [f for f in found if f.check not in CLEARED_BY_SIGNOFF or f.msgid not in signed]


def _review_fingerprint(config: Config, lang: str, doc: str) -> str:
    """What sign-off findings depend on besides the catalog: the log, source and policy."""
    if not config.review.enabled:
        return ""
    from pipeline.review.records import log_path

    policy = config.review
    return file_digest(log_path(config.root, policy.records_dir, lang, doc),
                       config.source_dir / f"{doc}.md", config.root / policy.allowed_signers,
                       extra=repr(policy))


def _policy(finding: Finding, gated: bool, signoff: bool = False) -> Finding:
    """Safety and completeness findings: errors where the language is gated, else warnings.

    Sign-off findings are errors only in released languages with `require-signoff` on.
    """
    if finding.check in REVIEW_CHECKS:
        wanted = Severity.ERROR if signoff else Severity.WARNING
        return finding if finding.severity is wanted else replace(finding, severity=wanted)
    if finding.check in GATED_BY_STATUS or finding.check in SAFETY:
        severity = Severity.ERROR if gated else Severity.WARNING
        if severity is not finding.severity:
            return replace(finding, severity=severity)
    return finding


def _order(finding: Finding) -> tuple[str, int, str, str]:
    return (finding.file, finding.line, finding.check, finding.message)
