"""Writing output files safely: atomic replacement, write-if-changed, content digests.

Every stage writes through here, so a reader (a translator's editor, a browser, the next run)
never sees half a file and an unchanged output keeps its bytes and its timestamp.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path


def atomic_write(path: Path, text: str) -> None:
    """Write UTF-8 `text` (LF line ends) through a temporary file and a rename."""
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write through a temporary file and a rename, so a reader never sees half a file.

    Replacing an existing file is fsynced first (a power cut then leaves the old or the new
    content, never an empty file); a new file is not, which keeps first runs fast.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    replacing = path.exists()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if replacing:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    for stale in path.parent.glob(f".{path.name}.*.tmp"):  # left by a killed run
        stale.unlink(missing_ok=True)


def differs(path: Path, text: str, *, ignoring: re.Pattern[str] | None = None) -> bool:
    """Would writing `text` change the file? Lines matching `ignoring` do not count."""
    try:
        old = path.read_text("utf-8")
    except (FileNotFoundError, UnicodeDecodeError):
        return True
    if ignoring is None:
        return old != text
    return ignoring.sub("", old) != ignoring.sub("", text)


def write_if_changed(path: Path, text: str, *, ignoring: re.Pattern[str] | None = None) -> bool:
    """Atomically write `text` unless the file already holds it; True when written."""
    if not differs(path, text, ignoring=ignoring):
        return False
    atomic_write(path, text)
    return True


def file_digest(*paths: Path, extra: str = "") -> str:
    """A hash of files' names and contents (a missing file counts as missing) and `extra`."""
    hasher = hashlib.sha256(extra.encode())
    for path in paths:
        hasher.update(path.name.encode())
        hasher.update(path.read_bytes() if path.exists() else b"\0missing")
    return hasher.hexdigest()
