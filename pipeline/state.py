"""Run-to-run memory in `<project>/.pipeline/`: JSON files, each valid only for its key.

Stages keep hashes of what they last saw here (extract, translate, check), so that a rerun
after a small edit touches only what changed. Deleting the folder is always safe.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path
from typing import Any

from pipeline import __version__
from pipeline.files import atomic_write

FOLDER = ".pipeline"


def state_path(root: Path, name: str) -> Path:
    return root / FOLDER / name


def read_state(root: Path, name: str, *, key: str) -> dict[str, Any]:
    """What was saved under `name` with the same key (and pipeline version), else {}."""
    try:
        data = json.loads(state_path(root, name).read_text("utf-8"))
    except (FileNotFoundError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("key") != f"{__version__}|{key}":
        return {}
    value = data.get("value", {})
    return value if isinstance(value, dict) else {}


def write_state(root: Path, name: str, value: dict[str, Any], *, key: str) -> None:
    """Save `value` under `name` atomically, unless it is already what the file holds."""
    text = json.dumps({"key": f"{__version__}|{key}", "value": value}, sort_keys=True,
                      ensure_ascii=False) + "\n"
    path = state_path(root, name)
    try:
        if path.read_text("utf-8") == text:
            return
    except (FileNotFoundError, UnicodeDecodeError):
        pass
    atomic_write(path, text)


class Memo:
    """Values computed from files, kept from one run to the next under the files' digest."""

    def __init__(self, root: Path, name: str, *, key: str = "") -> None:
        self.root, self.name, self.key = root, name, key
        self.old = read_state(root, name, key=key)
        self.new: dict[str, Any] = {}

    def get(self, item: str, digest: str) -> Any:
        """The value saved for `item` when its digest still matches (kept for next time)."""
        saved = self.old.get(item)
        if isinstance(saved, dict) and saved.get("digest") == digest and "value" in saved:
            self.new[item] = saved
            return saved["value"]
        return None

    def put(self, item: str, digest: str, value: Any) -> Any:
        self.new[item] = {"digest": digest, "value": value}
        return value

    def save(self) -> None:
        """Keep what this run saw (items not seen are dropped)."""
        write_state(self.root, self.name, self.new, key=self.key)


@cache
def code_digest(*modules: str) -> str:
    """A hash of the named pipeline modules' source (a package's every file), so that a
    memo of their results is dropped when the code that produced them changes."""
    root = Path(__file__).parent
    digest = hashlib.sha256()
    for name in modules:
        path = root / name.replace(".", "/")
        for source in sorted(path.rglob("*.py")) if path.is_dir() else [path.with_suffix(".py")]:
            digest.update(source.read_bytes())
    return digest.hexdigest()[:16]
