"""File writes handed to one background thread, done in the order they were handed over.

The translate stage renders a catalog (CPU, its own thread) and lets this thread compare it
with the file, write it atomically and fsync it (disk latency, no GIL), so the two overlap.
An error of a write is raised to the caller at its next hand-over or when it closes.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")


class Writes:
    """One background thread for file writes; `close()` waits for every write handed over."""

    def __init__(self) -> None:
        self._pool: ThreadPoolExecutor | None = None
        self._pending: list[Future[object]] = []

    def submit(self, call: Callable[..., T], *args: object) -> Future[T]:
        """Run `call(*args)` after the writes handed over before it."""
        self._raise_done()
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pipeline-writes")
        future = self._pool.submit(call, *args)
        self._pending.append(future)  # type: ignore[arg-type]
        return future

    def _raise_done(self) -> None:
        """The error of a finished write, if one failed (the writes after it still run)."""
        for future in self._pending:
            if future.done() and future.exception() is not None:
                self.close(quiet=True)
                future.result()
        self._pending = [f for f in self._pending if not f.done()]

    def close(self, *, quiet: bool = False) -> None:
        """Wait for every write handed over; raise the first error (not when `quiet`)."""
        pending, self._pending = self._pending, []
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None
        if not quiet:
            for future in pending:
                future.result()
