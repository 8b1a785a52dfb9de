"""The build plan: what a build may publish (the release decision over each document's review
state), what it did (outcomes), and the manifest of what was built from which inputs."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from pipeline import __version__
from pipeline.build import releases
from pipeline.build.page import FileOutcome
from pipeline.files import write_if_changed

FORMATS = ("html", "pdf")
MANIFEST = ".build-manifest.json"
Tables = tuple[dict[str, str], dict[str, str]]  # (every translation, approved ones)


@dataclass(frozen=True)
class Review:
    """Review state of one document in one language, counted over its source segments."""

    approved: int = 0
    machine: int = 0
    untranslated: int = 0
    catalog: bool = False

    @property
    def total(self) -> int:
        return self.approved + self.machine + self.untranslated

    @property
    def complete(self) -> bool:
        return self.catalog and self.machine == 0 and self.untranslated == 0


@dataclass(frozen=True)
class DocOutcome:
    """One document in one language: built, refused (released, incomplete), kept or skipped.

    "kept": released but incomplete, and the project keeps the last release published.
    """

    doc: str
    lang: str
    action: str
    review: Review
    reason: str = ""
    files: tuple[FileOutcome, ...] = ()


@dataclass(frozen=True)
class BuildResult:
    """Everything the build did, in document × language order, and the index page."""

    outcomes: tuple[DocOutcome, ...]
    index: FileOutcome
    removed: tuple[FileOutcome, ...] = ()

    @property
    def kept(self) -> tuple[DocOutcome, ...]:
        """Released documents whose last release stays published (on-source-change)."""
        return tuple(o for o in self.outcomes if o.action == "kept")

    @property
    def refused(self) -> tuple[DocOutcome, ...]:
        return tuple(o for o in self.outcomes if o.action == "refused")

    @property
    def failed(self) -> tuple[FileOutcome, ...]:
        return tuple(f for o in self.outcomes for f in o.files if f.action == "failed")

    @property
    def exit_code(self) -> int:
        return 1 if self.refused or self.failed else 0


def review(segments: list[str], tables: Tables | None) -> Review:
    if tables is None:
        return Review(untranslated=len(segments))
    any_state, approved = tables
    return Review(approved=sum(s in approved for s in segments),
                  machine=sum(s in any_state and s not in approved for s in segments),
                  untranslated=sum(s not in any_state for s in segments), catalog=True)


def release_decision(*, released: bool, draft: bool, rev: Review) -> str:
    """What a build does with one document in one language: the rule that keeps unreviewed
    text from patients.

    'build'   — a released language whose every segment is translated and approved, or any
                language that has something translated when --draft asks for a preview;
    'refuse'  — a released language with anything missing or unapproved (exit 1);
    'draft'   — a draft language without --draft: skipped, never published;
    'nothing' — a draft language with nothing translated yet: skipped, even with --draft,
                rather than built as an English page under another language's name.
    """
    untouched = rev.total > 0 and rev.untranslated == rev.total
    if released:
        return "build" if rev.complete or draft else "refuse"
    if untouched:
        return "nothing"
    return "build" if draft else "draft"


def refusal(rev: Review, catalog: str) -> str:
    """One line saying what keeps a document of a released language from being built."""
    if not rev.catalog:
        return f"no catalog {catalog} (run 'pipeline extract' and translate it)"
    missing = []
    if rev.machine:
        missing.append(f"{rev.machine} machine translation{'s' * (rev.machine != 1)} "
                       "not yet approved")
    if rev.untranslated:
        missing.append(f"{rev.untranslated} untranslated")
    return (f"{', '.join(missing)} of {rev.total} segments (released language: review "
            f"{catalog}, or build with --draft)")


def drop(out: Path, manifest: dict[str, str], name: str) -> FileOutcome:
    manifest.pop(name, None)
    (out / name).unlink(missing_ok=True)
    return FileOutcome(str(out / name), "removed")


def read_manifest(path: Path) -> tuple[dict[str, str], releases.Releases]:
    """The outputs' input hashes, and which English each published release translates."""
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}, {}
    entries = data.get("outputs", {}) if isinstance(data, dict) else {}
    outputs = {str(k): str(v) for k, v in entries.items()} if isinstance(entries, dict) else {}
    return outputs, releases.read(data)


def write_manifest(path: Path, manifest: dict[str, str], known: releases.Releases) -> None:
    text = json.dumps({"pipeline": __version__, "outputs": dict(sorted(manifest.items())),
                       "releases": releases.live(known, manifest, FORMATS)},
                      indent=1, ensure_ascii=False) + "\n"
    write_if_changed(path, text)
