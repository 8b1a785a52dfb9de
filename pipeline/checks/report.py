"""A check run's report, and its formats: text grouped by file (colour on a terminal), JSON,
JUnit XML."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import click

from pipeline.checks.coverage import Gap
from pipeline.model import Finding, Language, Severity
from pipeline.wording import counted


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


_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}
_EXCERPT = 70


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _EXCERPT else text[:_EXCERPT - 1] + "…"


def _by_file(findings: tuple[Finding, ...]) -> dict[str, list[Finding]]:
    grouped: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        grouped[finding.file or "(project)"].append(finding)
    return grouped


def render_text(report: CheckReport, *, color: bool = False) -> str:
    """Findings grouped by file, then a summary per language and what was not checked."""
    def style(text: str, **kwargs: object) -> str:
        return click.style(text, **kwargs) if color else text  # type: ignore[arg-type]

    lines: list[str] = []
    for file, found in _by_file(report.findings).items():
        lang = found[0].lang
        status = next((lg.status for lg in report.languages if lg.tag == lang), "")
        lines.append(style(file, bold=True) + (f"  ({lang}, {status})" if lang else ""))
        for f in found:
            label = f.severity.value
            if f.severity is Severity.ERROR and not report.gated(f.lang):
                label += " (draft)"
            lines.append(f"  {file}:{f.line}: " + style(label, fg=_COLOURS[f.severity])
                         + f" [{f.check}] {f.message}")
            if f.msgid:
                lines.append(style(f"      “{_excerpt(f.msgid)}”", dim=True))
        lines.append("")
    summary = report.summary()
    lines.append(f"checked {counted(report.catalogs, 'catalog')}, "
                 f"{counted(report.entries, 'approved entry', 'approved entries')}")
    for lang in summary["languages"]:
        gate = "gates the run" if lang["gated"] else "reported only"
        lines.append(f"  {lang['lang']:<6} {lang['status']:<9} {lang['errors']} errors, "
                     f"{lang['warnings']} warnings  ({gate})")
    if report.gaps:
        lines.append("not checked (the check has no data for the language):")
        lines.extend(f"  {gap.message}" for gap in report.gaps)
    if report.disabled:
        lines.append("disabled in pyproject.toml (disabled-checks): " + ", ".join(report.disabled))
    if report.suppressed:
        lines.append(f"suppressed by check-ignore comments ({len(report.suppressed)}):")
        for s in report.suppressed:
            lines.append(f"  {s.finding.file}:{s.finding.line}: [{s.finding.check}] "
                         f"{s.finding.message} — reason: {s.reason or '(none given)'}")
    failing = len(report.failing())
    if failing:
        lines.append(style(f"check failed: {failing} errors", fg="red", bold=True))
    else:
        lines.append(style("check passed", fg="green", bold=True))
    return "\n".join(lines)


def render_json(report: CheckReport) -> str:
    """`{"findings": [...], "summary": {...}}` as DESIGN.md specifies."""
    return json.dumps({"findings": [f.as_dict() for f in report.findings],
                       "summary": report.summary()}, indent=2, ensure_ascii=False)


def render_junit(report: CheckReport) -> str:
    """JUnit XML: a testsuite per file, a testcase per check; gating errors are failures."""
    grouped = _by_file(report.findings)
    files = dict.fromkeys([*(f for f, _ in report.files), *grouped])
    suites = ET.Element("testsuites", name="pipeline check")
    total = failures_total = 0
    report_lang = dict(report.files)
    lacking: dict[str, list[str]] = defaultdict(list)
    for gap in report.gaps:
        lacking[gap.lang].append(gap.check)
    if report.gaps:                     # once per language, whatever its files
        suite = ET.SubElement(suites, "testsuite", name="coverage", tests=str(len(report.gaps)),
                              failures="0", errors="0", skipped=str(len(report.gaps)))
        for gap in report.gaps:
            case = ET.SubElement(suite, "testcase", name=f"{gap.check} [{gap.lang}]",
                                 classname="coverage")
            ET.SubElement(case, "skipped", message=gap.message)
        total += len(report.gaps)
    for file in files:
        found = grouped.get(file, [])
        names = list(dict.fromkeys([*report.checks, *(f.check for f in found)]))
        suite = ET.SubElement(suites, "testsuite", name=file)
        failures = skipped = 0
        for name in [*names, *report.disabled]:
            case = ET.SubElement(suite, "testcase", name=name, classname=file, file=file)
            if name in report.disabled:
                ET.SubElement(case, "skipped", message="disabled in pyproject.toml")
                skipped += 1
                continue
            mine = [f for f in found if f.check == name]
            if not mine and name in lacking.get(report_lang.get(file, ""), ()):
                ET.SubElement(case, "skipped", message=f"{name}: not checked for "
                              f"{report_lang[file]}")
                skipped += 1
                continue
            failing = [f for f in mine if f.severity is Severity.ERROR and report.gated(f.lang)]
            if failing:
                failure = ET.SubElement(case, "failure", type=name,
                                        message=f"{len(failing)} {name} errors")
                failure.text = "\n".join(f"{f.file}:{f.line}: {f.message}" for f in failing)
                failures += 1
            others = [f for f in mine if f not in failing]
            if others:
                out = ET.SubElement(case, "system-out")
                out.text = "\n".join(f"{f.file}:{f.line}: {f.severity.value}: {f.message}"
                                     for f in others)
        count = len(names) + len(report.disabled)
        suite.set("tests", str(count))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        suite.set("skipped", str(skipped))
        total += count
        failures_total += failures
    suites.set("tests", str(total))
    suites.set("failures", str(failures_total))
    suites.set("errors", "0")
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode")
