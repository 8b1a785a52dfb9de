"""Glossary findings, and how a glossary file is named in them (for the CSV and TBX readers)."""

from __future__ import annotations

from pathlib import Path

from pipeline.errors import ConfigError
from pipeline.model import Finding, Severity


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

