"""Which English each published release translates, for `on-source-change = "keep-previous"`.

Kept in the build manifest ("releases": "lang/doc" → the source's hash and version), so a
release whose English later changed can stay published, marked with the English it renders.
"""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime
from typing import Any

Releases = dict[str, dict[str, str]]

_VERSION = re.compile(r"\A---\n(?:.*\n)*?version:[ \t]*[\"']?([^\"'\n]+?)[\"']?[ \t]*\n")


def source_version(text: str, *, today: str = "") -> str:
    """How a release names the English it translates: front-matter `version`, else the day
    the release was built from it (and a short hash of that text)."""
    found = _VERSION.match(text)
    if found:
        return f"version {found.group(1)}"
    today = today or datetime.now(UTC).date().isoformat()
    return f"text of {today} ({_digest(text)[:8]})"


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read(data: Any) -> Releases:
    """The releases recorded in a manifest's parsed JSON (anything malformed is ignored)."""
    found = data.get("releases", {}) if isinstance(data, dict) else {}
    if not isinstance(found, dict):
        return {}
    return {str(k): {"source": str(v.get("source", "")), "version": str(v.get("version", ""))}
            for k, v in found.items() if isinstance(v, dict)}


def record(releases: Releases, key: str, text: str, *, released: bool) -> None:
    """A complete build of `key` is a release of this English; a draft build forgets it."""
    if not released:
        releases.pop(key, None)
    elif releases.get(key, {}).get("source") != _digest(text):
        releases[key] = {"source": _digest(text), "version": source_version(text)}


def live(releases: Releases, outputs: dict[str, str], formats: tuple[str, ...]) -> Releases:
    """The releases that still have an output file, in a stable order."""
    return {key: value for key, value in sorted(releases.items())
            if any(f"{key}.{fmt}" in outputs for fmt in formats)}
