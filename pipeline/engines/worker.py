"""One worker thread per engine: its calls run in order, their outputs handed over one by one.

CTranslate2 releases the GIL while it translates and Apertium runs in its own processes, so
the translate stage restores, checks and writes one batch while the engine makes the next.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import count

from pipeline.engines.base import Output


class Outputs:
    """The outputs of one engine call, handed over one by one as the engine makes them."""

    def __init__(self, call: Callable[[], Iterable[Output]]) -> None:
        self._call = call
        self._items: queue.SimpleQueue[Output | _End] = queue.SimpleQueue()
        self.cancelled = False

    def run(self) -> None:
        """Make the outputs (on the engine's thread); an error ends them and is raised there."""
        try:
            if not self.cancelled:
                for output in self._call():
                    self._items.put(output)
            self._items.put(_End(None))
        except BaseException as exc:  # handed to whoever reads these outputs
            self._items.put(_End(exc))

    def cancel(self) -> None:
        self.cancelled = True

    def __iter__(self) -> Iterator[Output]:
        while True:
            item = self._items.get()
            if isinstance(item, _End):
                if item.error is not None:
                    raise item.error
                return
            yield item


@dataclass(frozen=True)
class _End:
    error: BaseException | None


class EngineQueue:
    """One worker thread for one engine: calls run in order, a retry before waiting batches.

    The thread is a daemon, so an error or Ctrl-C in the stage never waits for the engine.
    """

    def __init__(self) -> None:
        self._calls: queue.PriorityQueue[tuple[int, int, Outputs]] = queue.PriorityQueue()
        self._order = count()
        self._thread: threading.Thread | None = None

    def submit(self, call: Callable[[], Iterable[Output]], *, urgent: bool = False) -> Outputs:
        outputs = Outputs(call)
        self._calls.put((0 if urgent else 1, next(self._order), outputs))
        if self._thread is None:
            self._thread = threading.Thread(target=self._work, daemon=True)
            self._thread.start()
        return outputs

    def _work(self) -> None:
        while True:
            outputs = self._calls.get()[2]
            if outputs is _STOP:
                return
            outputs.run()

    def close(self) -> None:
        """Drop the calls not started and end the thread once the running one is done."""
        self.cancel()
        if self._thread is not None:
            self._calls.put((2, next(self._order), _STOP))
            self._thread = None

    def cancel(self) -> None:
        """Drop every call that has not started (the one running finishes on its own)."""
        while True:
            try:
                entry = self._calls.get_nowait()
            except queue.Empty:
                return
            outputs = entry[2]
            if outputs is _STOP:     # queued last: the thread still has to take it
                self._calls.put(entry)
                return
            outputs.cancel()
            outputs.run()


# Queued last by close(): the worker thread ends when it takes it.
_STOP = Outputs(lambda: ())
