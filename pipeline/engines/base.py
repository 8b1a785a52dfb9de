"""The interface every MT engine implements: pairs it serves, batch translation, provenance."""

from __future__ import annotations

import os
from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pipeline.languages import base_language


@dataclass(frozen=True, slots=True)
class Output:
    """One engine output and the engine's own remarks on it (e.g. words it did not know)."""

    text: str
    notes: tuple[str, ...] = ()


class Engine(ABC):
    """An offline MT engine: translate batches of (masked) segments for a language pair."""

    name: str = ""
    #: Mask token style that survives this engine best (see pipeline.masking).
    mask_style: str = "word"
    #: Segments per call the stage should send (one checkpoint per batch).
    batch_size: int = 64
    #: Does each output depend on its segment alone, not on the batch it came in? Then the
    #: stage sends the first segments as soon as it finds them (the engine starts sooner).
    independent: bool = False

    @property
    @abstractmethod
    def version(self) -> str:
        """Engine, model and version, for the provenance comment."""

    def describe(self, source: str, target: str) -> str:
        """Provenance for one pair: engine, model and versions."""
        return self.version

    def prepare(self, source: str, target: str) -> None:  # noqa: B027 (optional, not abstract)
        """Load what translating source→target needs (a model, processes) ahead of the first
        batch; the stage calls it on the engine's thread while it reads catalogs."""

    def close(self) -> None:  # noqa: B027 (optional, not abstract)
        """Let go of what the engine started (processes, models); it may be used again."""

    @abstractmethod
    def pairs(self) -> frozenset[tuple[str, str]]:
        """The (source, target) language tags this engine can translate."""

    def supports(self, source: str, target: str) -> bool:
        return pair_key(source, target, self.pairs()) is not None

    @abstractmethod
    def translate_batch(self, segments: list[str], *, source: str, target: str) -> list[str]:
        """Translate `segments` in order; the result has exactly one string per segment."""

    def translate_notes(self, segments: list[str], *, source: str,
                        target: str) -> list[Output]:
        """Like translate_batch, with the engine's remarks on each output."""
        return [Output(t) for t in self.translate_batch(segments, source=source, target=target)]

    def translate_each(self, segments: list[str], *, source: str,
                       target: str) -> Iterator[Output]:
        """translate_notes one output at a time, as soon as the engine has each (an engine
        that streams says so here); a failure may come after some outputs."""
        yield from self.translate_notes(segments, source=source, target=target)


def pair_key(source: str, target: str,
             pairs: frozenset[tuple[str, str]]) -> tuple[str, str] | None:
    """The served pair matching source→target exactly, else by primary language subtag."""
    if (source, target) in pairs:
        return (source, target)
    base = (base_language(source), base_language(target))
    for pair in sorted(pairs):
        if (base_language(pair[0]), base_language(pair[1])) == base:
            return pair
    return None


def load_ctranslate2() -> Any:
    """CTranslate2, its OpenMP threads made to sleep, not spin, while they wait for work.

    Set before the library loads (its OpenMP reads the setting then), unless the user set
    OMP_WAIT_POLICY. Spinning threads are a little faster on an idle machine, but on one
    shared with other work (a CI runner, the other stages, a second worker) a translation
    with a thread per core ran 4-10 times slower than with one thread; sleeping threads
    keep it near the one-thread time there (bench/bench_threads.py measures both, with and
    without a competing load).
    """
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    import ctranslate2

    return ctranslate2
