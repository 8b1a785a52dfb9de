"""The QA checks of machine output on worker processes, beside the engine and the stage.

The checks of one output are pure Python and hold the GIL: on one thread they are the
stage's bottleneck (on two cores, Apertium was done seconds before the checks of its last
outputs). Worker processes forked from the stage run them side by side, each with the run's
glossary and checks as the stage had them when it forked; the flags are the same as on the
stage's own thread, in the same order. The workers are forked only from a process with no
other thread running (a fork copies no other thread, nor what it was holding), and not at all
on one core or with PIPELINE_QA_WORKERS=0 (default: one per core the process may use, at
most 8).
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections import Counter
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from pipeline.checks.flags import EntryChecks
from pipeline.masking import GlossaryLike

_MOST = 8
# (source, output, engine notes, whether the glossary applies) of one machine output
Item = tuple[str, str, tuple[str, ...], bool]
# what the workers were forked with: the run's glossary and checks
_FORKED: tuple[GlossaryLike | None, EntryChecks] | None = None


def _wanted() -> int:
    """Worker processes to fork: PIPELINE_QA_WORKERS, else one per usable core (none on one)."""
    setting = os.environ.get("PIPELINE_QA_WORKERS", "").strip()
    if setting.isdigit():
        return min(int(setting), _MOST)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (
        os.cpu_count() or 1)
    return min(cores, _MOST) if cores > 1 else 0


def item_flags(lang: str, items: list[Item], glossary: GlossaryLike | None,
               checks: EntryChecks) -> list[list[str]]:
    """The QA flags of each item, in a worker or on the stage's own thread alike."""
    from pipeline.translate_batches import review_flags

    return [review_flags(source, output, lang=lang, notes=notes, checks=checks,
                         glossary=glossary if with_glossary else None)
            for source, output, notes, with_glossary in items]


def _flags(lang: str, items: list[Item]) -> list[list[str]]:
    """In a worker: the items' flags with the glossary and checks it was forked with."""
    assert _FORKED is not None
    return item_flags(lang, items, *_FORKED)


class Checkers:
    """Worker processes for the QA of one run's machine outputs (none: `submit` says so)."""

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None
        self._glossary: GlossaryLike | None = None
        self.tried = False
        self.workers = 0
        self.checked: Counter[str] = Counter()   # language → outputs a worker checked (as read)

    def start(self, glossary: GlossaryLike | None, checks: EntryChecks) -> None:
        """Fork the workers now, if wanted and safe: before the run starts a thread."""
        global _FORKED
        if self.tried:
            return
        self.tried = True
        workers = _wanted()
        if workers < 1 or threading.active_count() > 1 or \
                "fork" not in multiprocessing.get_all_start_methods():
            return
        _FORKED, self._glossary = (glossary, checks), glossary
        pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
        try:
            pool.submit(int).result()   # every worker forks at the first call, no thread yet
        except (OSError, BrokenProcessPool):    # no process to be had: the stage checks alone
            pool.shutdown(wait=False, cancel_futures=True)
            return
        self._pool, self.workers = pool, workers

    def submit(self, lang: str, items: list[Item], *, glossary: GlossaryLike | None,
               checks: EntryChecks) -> Future[list[list[str]]] | None:
        """The items' flags to come from a worker; None where the stage checks them itself
        (no workers, other glossary or checks than they were forked with, a worker lost)."""
        if self._pool is None or glossary is not self._glossary or (
                _FORKED is None or checks != _FORKED[1]):
            return None
        try:
            return self._pool.submit(_flags, lang, items)
        except (BrokenProcessPool, RuntimeError):
            self.close()
            return None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
