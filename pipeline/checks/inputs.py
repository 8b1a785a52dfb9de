"""What the checks read: catalogs as checks' Entry/Catalog objects (each entry at its msgid
line), templates and the glossary loaded on first use, per-entry `check-ignore` comments and
the project's enabled checks."""

from __future__ import annotations

import bisect
import re
from pathlib import Path
from typing import Any

from pipeline import catalogs
from pipeline.checks import Catalog, Check, Entry, registry
from pipeline.config import Config
from pipeline.errors import CatalogError, ConfigError
from pipeline.files import file_digest
from pipeline.model import Finding, Severity

_IGNORE = re.compile(r"check-ignore:\s*(?P<names>[\w\s,-]*?)\s*(?:\((?P<reason>.*)\))?\s*$")
_MSGID_LINE = re.compile(r"^msgid\s", re.M)


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


def checks_glossary(config: Config, wanted: bool) -> Any:
    """The project's glossary for the checks, or None when not wanted or there is none."""
    if not wanted:
        return None
    from pipeline.glossary import glossary_files
    from pipeline.glossary.project import project_glossary

    if not glossary_files(config.glossary_dir):
        return None
    return project_glossary(config)


class LazyTemplates(dict[str, Catalog]):
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


class LazyGlossary:
    """The glossary, loaded on first use; its fingerprint keys the check cache."""

    def __init__(self, config: Config, wanted: bool) -> None:
        self.config = config
        self.wanted = wanted
        self._value: Any = None
        self._loaded = False

    def get(self) -> Any:
        if not self._loaded:
            self._value = checks_glossary(self.config, self.wanted)
            self._loaded = True
        return self._value

    def fingerprint(self) -> str:
        if not hasattr(self, "_fingerprint"):
            from pipeline.glossary import glossary_files

            files = glossary_files(self.config.glossary_dir) if self.wanted else []
            self._fingerprint = file_digest(*files)
        return self._fingerprint
