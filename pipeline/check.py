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

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from pipeline import catalogs
from pipeline.checks import SAFETY, Catalog, Check, Entry, Project, Scope, registry
from pipeline.checks.coverage import Gap, gaps
from pipeline.checks.signoff import CLEARED_BY_SIGNOFF, REVIEW_CHECKS
from pipeline.config import Config
from pipeline.errors import CatalogError, ConfigError
from pipeline.extract import source_files
from pipeline.files import file_digest
from pipeline.markdown import load_document
from pipeline.model import Finding, Language, Severity
from pipeline.state import Memo, code_digest

GATED_BY_STATUS = frozenset({"untranslated", "fuzzy", "po-outdated"})
_IGNORE = re.compile(r"check-ignore:\s*(?P<names>[\w\s,-]*?)\s*(?:\((?P<reason>.*)\))?\s*$")
_MSGID_LINE = re.compile(r"^msgid\s", re.M)


@dataclass(frozen=True)
class Suppressed:
    """A finding switched off by a `check-ignore` comment, with the translator's reason."""

    finding: Finding
    reason: str


@dataclass(frozen=True)
class CheckReport:
    """Everything one `pipeline check` run found, and what it did not look at."""

    findings: tuple[Finding, ...]
    languages: tuple[Language, ...]
    checks: tuple[str, ...]
    disabled: tuple[str, ...] = ()
    suppressed: tuple[Suppressed, ...] = ()
    strict: bool = False
    catalogs: int = 0
    entries: int = 0
    files: tuple[tuple[str, str], ...] = ()     # (file, lang) of every file looked at
    gaps: tuple[Gap, ...] = ()                  # checks without data for a language

    def not_checked(self, lang: str) -> tuple[str, ...]:
        """Checks that had no data for `lang` (their silence there assures nothing)."""
        return tuple(g.check for g in self.gaps if g.lang == lang)

    def gated(self, lang: str) -> bool:
        """Do errors in `lang` fail the run? (released, or any language under --strict)"""
        return not lang or self.strict or any(
            lg.tag == lang and lg.released for lg in self.languages)

    def failing(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.ERROR and self.gated(f.lang)]

    @property
    def failed(self) -> bool:
        return bool(self.failing())

    def summary(self) -> dict[str, Any]:
        def count(lang: str, severity: Severity) -> int:
            return sum(1 for f in self.findings if f.lang == lang and f.severity is severity)

        return {
            "passed": not self.failed, "strict": self.strict,
            "catalogs": self.catalogs, "entries": self.entries,
            "errors": sum(f.severity is Severity.ERROR for f in self.findings),
            "warnings": sum(f.severity is Severity.WARNING for f in self.findings),
            "failing": len(self.failing()),
            "languages": [{"lang": lg.tag, "status": lg.status, "gated": self.gated(lg.tag),
                           "errors": count(lg.tag, Severity.ERROR),
                           "warnings": count(lg.tag, Severity.WARNING),
                           "not_checked": list(self.not_checked(lg.tag))}
                          for lg in self.languages],
            "checks": list(self.checks), "disabled": list(self.disabled),
            "not_checked": [g.as_dict() for g in self.gaps],
            "suppressed": [{**s.finding.as_dict(), "reason": s.reason} for s in self.suppressed],
        }


def to_catalog(po: Any, text: str, *, file: str, lang: str, doc: str) -> Catalog:
    """A polib catalog as the checks' Catalog, each entry located at its `msgid` line."""
    starts: list[int] = []
    line, position = 1, 0
    for match in _MSGID_LINE.finditer(text):
        line += text.count("\n", position, match.start())
        position = match.start()
        starts.append(line)

    def msgid_line(entry: Any) -> int:
        if entry.obsolete or not starts:
            return int(entry.linenum)
        index = bisect.bisect_left(starts, entry.linenum)
        return starts[index] if index < len(starts) else int(entry.linenum)

    entries = tuple(Entry(
        msgid=e.msgid, msgstr=e.msgstr, line=msgid_line(e), msgctxt=e.msgctxt,
        msgid_plural=e.msgid_plural or "",
        msgstr_plural=tuple(e.msgstr_plural[i] for i in sorted(e.msgstr_plural)),
        flags=frozenset(e.flags), comment=e.tcomment or "", obsolete=e.obsolete)
        for e in po)
    header_fuzzy = bool(getattr(po, "metadata_is_fuzzy", False))
    return Catalog(file=file, lang=lang, doc=doc, entries=entries,
                   metadata={str(k): str(v) for k, v in po.metadata.items()},
                   header_line=starts[0] if starts else 1, header_fuzzy=header_fuzzy)


def read(path: Path, *, file: str, lang: str, doc: str) -> Catalog | Finding:
    """Read one PO/POT file; a file msgfmt would not even parse becomes a syntax finding."""
    try:
        po = catalogs.read_catalog(path, shown=file)
        text = path.read_text("utf-8")
    except CatalogError as exc:
        return Finding("syntax", Severity.ERROR, f"{exc.message} ({exc.hint})" if exc.hint
                       else exc.message, file=file, line=exc.line or 0, lang=lang, doc=doc)
    return to_catalog(po, text, file=file, lang=lang, doc=doc)


def ignored(entry: Entry) -> dict[str, str]:
    """Checks switched off for one entry by `# check-ignore: a, b (reason)` comments."""
    result: dict[str, str] = {}
    if "check-ignore" not in entry.comment:
        return result
    for line in entry.comment.splitlines():
        found = _IGNORE.search(line)
        if found:
            for name in re.split(r"[\s,]+", found.group("names").strip()):
                if name:
                    result[name] = (found.group("reason") or "").strip()
    return result


def enabled_checks(config: Config) -> tuple[dict[str, Check], tuple[str, ...]]:
    """The checks to run and those the project switched off (unknown names are an error)."""
    checks = registry()
    unknown = [name for name in config.disabled_checks if name not in checks]
    if unknown:
        raise ConfigError(f"unknown check '{unknown[0]}' in disabled-checks",
                          path=config.root / "pyproject.toml",
                          hint=f"known checks: {', '.join(checks)}")
    disabled = tuple(n for n in checks if n in config.disabled_checks)
    return {n: c for n, c in checks.items() if n not in disabled}, disabled


def _load_glossary(config: Config, wanted: bool) -> Any:
    if not wanted:
        return None
    from pipeline.glossary import glossary_files
    from pipeline.glossary.project import project_glossary

    if not glossary_files(config.glossary_dir):
        return None
    return project_glossary(config)


class _LazyTemplates(dict[str, Catalog]):
    """The project's templates, parsed only when a check asks for one."""

    def __init__(self, config: Config, paths: list[Path]) -> None:
        super().__init__()
        self.config = config
        self.paths = {p.stem: p for p in paths}
        self.names = set(self.paths)
        self.problems: list[Finding] = []

    def __missing__(self, doc: str) -> Catalog:
        raise KeyError(doc)

    def get(self, doc: str, default: Any = None) -> Any:
        if not super().__contains__(doc) and doc in self.paths:
            path = self.paths.pop(doc)
            loaded = read(path, file=self.config.rel(path), lang="", doc=doc)
            if isinstance(loaded, Finding):
                self.problems.append(loaded)
            else:
                self[doc] = loaded
        return super().get(doc, default)

    def __contains__(self, doc: object) -> bool:
        if isinstance(doc, str) and doc in self.paths:
            self.get(doc)
        return super().__contains__(doc)


class _LazyGlossary:
    """The glossary, loaded on first use; its fingerprint keys the check cache."""

    def __init__(self, config: Config, wanted: bool) -> None:
        self.config = config
        self.wanted = wanted
        self._value: Any = None
        self._loaded = False

    def get(self) -> Any:
        if not self._loaded:
            self._value = _load_glossary(self.config, self.wanted)
            self._loaded = True
        return self._value

    def fingerprint(self) -> str:
        if not hasattr(self, "_fingerprint"):
            from pipeline.glossary import glossary_files

            files = glossary_files(self.config.glossary_dir) if self.wanted else []
            self._fingerprint = file_digest(*files)
        return self._fingerprint


def _dump(finding: Finding) -> dict[str, Any]:
    return {**finding.as_dict(), "severity": finding.severity.value}


def _load(data: dict[str, Any]) -> Finding:
    return Finding(check=data["check"], severity=Severity(data["severity"]),
                   message=data["message"], file=data["file"], line=data["line"],
                   lang=data["lang"], doc=data["doc"], msgid=data["msgid"])


def run_checks(config: Config, *, langs: Iterable[str] = (), strict: bool = False
               ) -> CheckReport:
    """Check every catalog of the selected languages (all by default)."""
    languages = config.select(tuple(langs))
    known = registry()
    checks, disabled = enabled_checks(config)
    by_scope = {scope: [c for c in checks.values() if c.scope == scope]
                for scope in ("entry", "catalog", "project")}
    findings: list[Finding] = []
    suppressed: list[Suppressed] = []
    # Findings of unchanged inputs come from the last run: an edit re-checks one file.
    code = code_digest("checks", "langdata", "languages", "glossary", "check")
    cache = Memo(config.root, "check-cache.json",
                 key=f"{sorted(checks)}|{config.segmentation}|{code}")
    locales = config.locales_dir
    pot_paths = sorted(locales.glob("*.pot")) if locales.is_dir() else []
    files: list[tuple[str, str]] = [(config.rel(p), "") for p in pot_paths]
    templates = _LazyTemplates(config, pot_paths)
    sources = {p.stem: p for p in source_files(config)}
    names = sorted(set(sources) | templates.names)
    for doc in names:  # project checks, one document (source and template) at a time
        source = sources.get(doc, config.source_dir / f"{doc}.md")
        digest = file_digest(source, locales / f"{doc}.pot")
        cached = cache.get(f"document:{doc}", digest)
        if cached is None:
            problems = len(templates.problems)
            template = templates.get(doc)
            documents = (load_document(source, shown=config.rel(source),
                                       segmentation=config.segmentation),) \
                if doc in sources and "pot-outdated" in checks else ()
            one = Project(config=config, documents=documents,
                          templates={doc: template} if template is not None else {})
            found_doc = [*templates.problems[problems:],
                         *(f for c in by_scope["project"] for f in c.func(one))]
            cached = cache.put(f"document:{doc}", digest,
                               {"found": [_dump(f) for f in found_doc]})
        findings.extend(_load(f) for f in cached["found"])
    project = Project(config=config, documents=(), templates=templates)
    glossary = _LazyGlossary(config, "glossary" in checks)
    report = CheckReport(findings=(), languages=languages, checks=tuple(checks),
                         disabled=disabled, strict=strict,
                         gaps=gaps(checks, (lg.tag for lg in languages)))
    count_catalogs = count_entries = 0
    # Catalogs of a removed document are checked too: the 'orphaned' check reports them.
    orphans = {p.stem for language in languages
               for p in catalogs.catalog_path(locales, language.tag, "x").parent.glob("*.po")}
    for doc in sorted(set(names) | orphans):
        for language in languages:
            path = catalogs.catalog_path(locales, language.tag, doc)
            gated = report.gated(language.tag)
            signoff = language.released and config.review.require_signoff
            digest = file_digest(path, locales / f"{doc}.pot",
                                 extra=(glossary.fingerprint() if "glossary" in checks else "")
                                 + _review_fingerprint(config, language.tag, doc)
                                 + str(doc in sources))
            hit = cache.get(config.rel(path), digest)
            if hit is not None:
                files.append((config.rel(path), language.tag))
                count_catalogs += hit["exists"]
                count_entries += hit["entries"]
                findings.extend(_policy(_load(f), gated, signoff) for f in hit["found"])
                suppressed.extend(Suppressed(_policy(_load(f), gated, signoff), reason)
                                  for f, reason in hit["suppressed"])
                continue
            before = (len(suppressed), count_entries)
            if path.exists():
                loaded = read(path, file=config.rel(path), lang=language.tag, doc=doc)
            else:
                loaded = Catalog(file=config.rel(path), lang=language.tag, doc=doc,
                                 entries=(), exists=False)
            files.append((config.rel(path), language.tag))
            if isinstance(loaded, Finding):
                findings.append(loaded)
                cache.put(config.rel(path), digest, {"exists": False, "entries": 0,
                                                     "found": [_dump(loaded)], "suppressed": []})
                continue
            count_catalogs += loaded.exists
            found = [f for c in by_scope["catalog"] for f in c.func(loaded, project)]
            scope = Scope(catalog=loaded, glossary=glossary.get())
            for entry in loaded.live():
                if not entry.translated or entry.fuzzy:
                    continue
                count_entries += 1
                skip = ignored(entry)
                for name, reason in skip.items():
                    if name not in known:
                        found.append(loaded.finding("check-ignore", f"check-ignore names "
                                                    f"an unknown check '{name}'", entry=entry,
                                                    severity=Severity.WARNING))
                    elif not reason:
                        found.append(loaded.finding(
                            "check-ignore", f"check-ignore: {name} needs a reason in "
                            "parentheses", entry=entry, severity=Severity.WARNING))
                for entry_check in by_scope["entry"]:
                    for finding in entry_check.func(entry, scope):
                        if entry_check.name in skip:
                            suppressed.append(Suppressed(finding, skip[entry_check.name]))
                        else:
                            found.append(finding)
            found = _cleared_by_signoff(config, loaded, found)
            fresh = suppressed[before[0]:]
            cache.put(config.rel(path), digest, {
                "exists": loaded.exists, "entries": count_entries - before[1],
                "found": [_dump(f) for f in found],
                "suppressed": [[_dump(s.finding), s.reason] for s in fresh]})
            suppressed[before[0]:] = [Suppressed(_policy(s.finding, gated, signoff), s.reason)
                                      for s in fresh]
            findings.extend(_policy(f, gated, signoff) for f in found)
    cache.save()
    return replace(report, findings=tuple(sorted(findings, key=_order)),
                   suppressed=tuple(suppressed), catalogs=count_catalogs,
                   entries=count_entries, files=tuple(files))


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
