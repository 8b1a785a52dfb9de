"""One writer at a time per project: an advisory lock file next to the catalogs."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pipeline.errors import LockError


@contextmanager
def project_lock(root: Path, *, command: str) -> Iterator[None]:
    """Hold the project's write lock, or stop at once naming the process that holds it."""
    path = root / ".pipeline.lock"
    handle = open(path, "a+", encoding="utf-8")  # noqa: SIM115 - held for the whole block
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise LockError(f"{holder} is already working on this project", path=path,
                            hint=f"wait for it to finish, then run 'pipeline {command}' again"
                            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"pipeline {command} (pid {os.getpid()})")
        handle.flush()
        yield
    finally:
        handle.close()
