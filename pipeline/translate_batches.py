"""Engine batches of one language: sent while catalogs are still being read, then restored,
checked, journaled and written while the engine works on the next one.

The engine runs on its own worker thread (pipeline.engines.worker) and hands over outputs as
it makes them, so the stage's own work overlaps the engine's. Batches keep the layout the
stage always had (one batch when everything fits, else a small first batch, then the
engine's batch size; for an engine whose outputs do not depend on their batch, such as
Apertium, the small first batch goes as soon as it is found); the last ones get smaller, so
that little is left once the engine is done. Nothing of a batch is written before all of it
came back.
"""

from __future__ import annotations

import functools
import json
import os
import re
import textwrap
from collections import Counter
from collections.abc import Callable, Container, Iterable
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from pipeline import catalogs
from pipeline.background import Writes
from pipeline.checks.flags import EntryChecks, entry_checks, machine_flags
from pipeline.engines import Engine, Output
from pipeline.engines.worker import EngineQueue, Outputs
from pipeline.errors import EngineError
from pipeline.files import file_digest
from pipeline.masking import GlossaryLike, Masked, mask, token_pattern, unmask
from pipeline.segment import normalize_space
from pipeline.state import state_path
from pipeline.translate_qa import Checkers, Item, item_flags

Progress = Callable[[str, int, int], None]
_MACHINE = ("mt:", "qa:")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass
class OpenCatalog:
    """A catalog read for this run: where it is, how it is shown, its document, its entries."""

    path: Path
    shown: str
    doc: str
    po: catalogs.POFile


# msgid → every entry (and its catalog) that needs a translation of it
Places = dict[str, list[tuple[OpenCatalog, catalogs.POEntry]]]


@functools.lru_cache(maxsize=4096)
def _comment_lines(line: str) -> list[str]:
    """One flag or provenance line, wrapped so that every physical line keeps its tag: "# "
    and the line within 78 columns, where polib (and the tools built on it) wrap a longer
    comment again and leave a piece without its tag."""
    tag = line[:3]
    return textwrap.wrap(line, catalogs.WRAP - 3, subsequent_indent=f"{tag}   ",
                         break_long_words=False) or [line]


def write_entry(entry: catalogs.POEntry, text: str, comments: list[str],
                lines: list[str] | None = None) -> None:
    """Put a machine translation in an entry: fuzzy, with its comments and output mark
    (`lines`: machine_lines(entry.msgid, text, comments), when the caller has them)."""
    kept = [line for line in (entry.tcomment or "").splitlines()
            if not line.startswith(_MACHINE)]
    if lines is None:
        lines = machine_lines(entry.msgid, text, comments)
    entry.tcomment = "\n".join([*kept, *lines]) if kept else "\n".join(lines)
    entry.msgstr = text
    entry.flags = sorted(set(entry.flags) | {"fuzzy"})
    entry.previous_msgid = None
    entry.previous_msgctxt = None


@dataclass(frozen=True)
class Saved:
    """A catalog save: whether the file was written, and the digest of the file as it is."""

    written: bool
    digest: str


def machine_lines(msgid: str, text: str, comments: list[str]) -> list[str]:
    """The translator-comment lines of a machine translation: comments, then output mark."""
    return [*(part for c in comments for part in _comment_lines(c)),
            catalogs.machine_mark(msgid, text)]


def save(cat: OpenCatalog, writes: Writes) -> Future[Saved]:
    """Render a catalog now and write it (atomically) if its content changed, in the order
    of `writes` on its thread, while this one goes on."""
    cat.po.metadata["PO-Revision-Date"] = catalogs.now_stamp()
    return writes.submit(_write, cat.path, catalogs.render(cat.po))


def _write(path: Path, text: str) -> Saved:
    return Saved(catalogs.write_if_changed(path, text), file_digest(path))


def clean(output: str) -> str:
    """An engine output made safe for a PO msgstr: no control characters, one line.

    No-break spaces the engine kept ("5 mg") stay: they are text, not line breaks.
    """
    return normalize_space(_CONTROL.sub(" ", output))


def review_flags(source: str, output: str, *, lang: str, glossary: GlossaryLike | None,
                 notes: tuple[str, ...] = (), checks: EntryChecks | None = None) -> list[str]:
    """QA flags ("kind: detail") a reviewer should see on one machine translation.

    The engine's own notes (unknown words) and an empty output are translate's; everything
    else comes from the registered checks, the same rules `pipeline check` applies.
    """
    grouped: dict[str, list[str]] = {}
    for note in notes:
        kind, _, detail = note.partition(": ")
        if detail not in grouped.setdefault(kind, []):
            grouped[kind].append(detail)
    flags = [f"{kind}: {', '.join(details)}" for kind, details in grouped.items()]
    if not output.strip():
        return [*flags, "empty: the engine returned nothing"]
    return [*flags, *machine_flags(source, output, lang=lang, glossary=glossary,
                                   checks=checks)]


class Journal:
    """Machine results of a run in progress, appended batch by batch (a write-ahead log).

    A catalog is rewritten once all its entries are done; a run killed before that loses at
    most the batch in flight, and the next run replays the journal before calling any engine.
    """

    def __init__(self, root: Path, tag: str) -> None:
        self.path = state_path(root, f"translate-{tag}.journal")

    def replay(self) -> dict[str, tuple[str, list[str]]]:
        """msgid → (text, comment lines) of every complete record."""
        try:
            lines = self.path.read_text("utf-8").splitlines()
        except FileNotFoundError:
            return {}
        done = {}
        for line in lines:
            try:
                record = json.loads(line)
                done[record["msgid"]] = (record["text"], list(record["comments"]))
            except (ValueError, KeyError, TypeError):
                break  # a record cut short by a kill: everything after it is lost anyway
        return done

    def append(self, records: list[tuple[str, str, list[str]]]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as handle:
            for msgid, text, comments in records:
                handle.write(json.dumps({"msgid": msgid, "text": text, "comments": comments},
                                        ensure_ascii=False) + "\n")
            handle.flush()
            os.fsync(handle.fileno())

    def close(self) -> None:
        self.path.unlink(missing_ok=True)


@dataclass(frozen=True)
class Job:
    """One language's engine work: the engine and its queue, the pair, glossary and checks."""

    engine: Engine
    queue: EngineQueue
    source: str
    lang: str
    glossary: GlossaryLike | None
    checks: EntryChecks
    checkers: Checkers | None = None    # worker processes for the checks, if any

    @classmethod
    def make(cls, engine: Engine, engine_queue: EngineQueue, *, source: str, lang: str,
             glossary: GlossaryLike | None, checkers: Checkers | None = None) -> Job:
        return cls(engine, engine_queue, source, lang, glossary, entry_checks(), checkers)

    def prepare(self) -> None:
        """Let the engine load its model (or start its processes) on its own thread now."""
        def load() -> tuple[Output, ...]:
            self.engine.prepare(self.source, self.lang)
            return ()

        self.queue.submit(load)

    def translate(self, segments: list[str], *, urgent: bool = False) -> Outputs:
        return self.queue.submit(functools.partial(
            self.engine.translate_each, segments, source=self.source, target=self.lang),
            urgent=urgent)

    def flags(self, source: str, output: str, notes: tuple[str, ...], *,
              glossary: GlossaryLike | None) -> list[str]:
        return review_flags(source, output, lang=self.lang, glossary=glossary, notes=notes,
                            checks=self.checks)

    def flags_later(self, items: list[Item]) -> Callable[[], list[list[str]]]:
        """The flags of several outputs, from a worker process where there are workers:
        call the result to have them (the stage's own thread checks, at once, what no
        worker does)."""
        future = self.checkers.submit(self.lang, items, glossary=self.glossary,
                                      checks=self.checks) if self.checkers else None

        def here() -> list[list[str]]:
            return item_flags(self.lang, items, self.glossary, self.checks)

        if future is None:
            done = here()
            return lambda: done

        def result() -> list[list[str]]:
            try:
                flags = future.result()
            except BrokenProcessPool:   # a worker died (killed?): the checks are redone here
                return here()
            if self.checkers:
                self.checkers.checked[self.lang] += len(flags)
            return flags

        return result


@dataclass(frozen=True)
class Batch:
    """Segments sent to the engine in one call, masked, and the engine's pending answer.

    Segments that differ only in what masking protects ("in week 3", "in week 5") are one
    text to the engine: `slots[i]` is the output that segment i is restored from.
    """

    msgids: tuple[str, ...]
    masked: tuple[Masked, ...]
    slots: tuple[int, ...]
    sent: int
    outputs: Outputs


class Batcher:
    """Sends the segments a language needs to its engine in batches, as they are found."""

    def __init__(self, job: Job) -> None:
        self.job = job
        self.size = max(1, job.engine.batch_size)
        self.first = min(self.size, 64)   # a small first batch starts the engine at once
        # when more than one batch is coming, or as soon as found if batches do not matter
        self.early = self.first if job.engine.independent else self.size + 1
        self.batches: list[Batch] = []
        self.sent: set[str] = set()
        self._pending: list[str] = []

    def add(self, msgid: str) -> None:
        if msgid in self.sent:
            return
        self.sent.add(msgid)
        self._pending.append(msgid)
        if not self.batches and len(self._pending) >= self.early:
            self._send(self.first)
        while self.batches and len(self._pending) >= self.size:
            self._send(self.size)

    def close(self, *, skip: Container[str] = ()) -> list[Batch]:
        """Send what is left (but `skip`): one batch if nothing went yet, else parts that
        shrink, so that little is left to finish once the engine is done."""
        self._pending = [m for m in self._pending if m not in skip]
        if self._pending and not self.batches:
            self._send(len(self._pending))
        while len(self._pending) > self.first:
            self._send(max(self.first, len(self._pending) // 2))
        if self._pending:
            self._send(len(self._pending))
        return self.batches

    def _send(self, n: int) -> None:
        msgids, self._pending = self._pending[:n], self._pending[n:]
        job = self.job
        masked = tuple(mask(m, glossary=job.glossary, lang=job.lang,
                            style=job.engine.mask_style) for m in msgids)
        texts: dict[str, int] = {}
        slots = tuple(texts.setdefault(m.text, len(texts)) for m in masked)
        self.batches.append(Batch(tuple(msgids), masked, slots, len(texts),
                                  job.translate(list(texts))))


def _drop_stray_tokens(output: str, masked: Masked) -> str:
    """Token-like garbage from an engine that never saw those tokens (a retry) goes."""
    return token_pattern(masked.style).sub(
        lambda t: t.group() if t.group() in masked.source else " ", output)


_CHECKED_TOGETHER = 16   # outputs a worker checks in one call: few calls, even shares


def restore(job: Job, batch: Batch, keep: Container[int]
            ) -> tuple[dict[int, tuple[str, list[str]]], int]:
    """Restore and verify the outputs `keep` of one batch as the engine hands them over
    (index → text and QA flags); lost masks → one retry without masks."""
    results: dict[int, tuple[str, list[str]]] = {}
    retry: dict[int, Output] = {}
    users: dict[int, list[int]] = {}
    for i, slot in enumerate(batch.slots):
        if i in keep:
            users.setdefault(slot, []).append(i)
    made = 0
    waiting: list[tuple[list[int], list[str], Callable[[], list[list[str]]]]] = []
    chunk: list[tuple[int, Item]] = []

    def check(items: list[tuple[int, Item]]) -> None:
        waiting.append(([i for i, _ in items], [item[1] for _, item in items],
                        job.flags_later([item for _, item in items])))

    for slot, out in enumerate(batch.outputs):
        made += 1
        for i in users.get(slot, ()):
            item = batch.masked[i]
            restored = unmask(clean(out.text), item)
            if restored.lost:
                retry[i] = out
            else:   # the glossary only where masking found a term: nothing to verify else
                chunk.append((i, (item.source, restored.text, out.notes,
                                  bool(item.glossary_hits))))
                if len(chunk) >= _CHECKED_TOGETHER:
                    check(chunk)
                    chunk = []
    if chunk:
        check(chunk)
    if made != batch.sent:
        raise EngineError(f"{job.engine.name} returned {made} outputs for {batch.sent} "
                          "segments", hint="this is an engine bug; rerun with another --engine")
    for indices, texts, flags in waiting:
        for i, text, qa in zip(indices, texts, flags(), strict=True):
            results[i] = (text, qa)
    if not retry:
        return results, 1
    again = list(job.translate([batch.masked[i].source for i in retry], urgent=True))
    for (i, out_first), out in zip(retry.items(), again, strict=True):
        masked = batch.masked[i]
        first = unmask(clean(out_first.text), masked)
        lost = [m for m in first.lost if m.kind != "debris"]
        shown = ", ".join(repr(m.original) for m in lost[:3]) or "damaged tokens"
        reason = (f"mask-lost: {len(lost)} of {len(masked.masks)} protected spans did "
                  f"not survive MT ({shown}); retranslated without protection")
        text = clean(_drop_stray_tokens(out.text, masked))
        results[i] = (text, [reason, *job.flags(masked.source, text, out.notes,
                                                glossary=job.glossary)])
    return results, 2


@dataclass
class Outcome:
    """What the batches of one language did: engine calls, QA flag counts, catalogs saved."""

    calls: int = 0
    flags: Counter[str] = field(default_factory=Counter)
    saves: dict[str, Future[Saved]] = field(default_factory=dict)


def run(job: Job, batches: Iterable[Batch], *, fresh: list[str], places: Places,
        stamp: list[str], journal: Journal, progress: Progress | None, writes: Writes,
        saved: Callable[[OpenCatalog, Future[Saved]], None]) -> Outcome:
    """Finish every batch in order: restore, check, write entries, journal, save catalogs.

    A catalog is saved (on the thread of `writes`) as soon as its last entry is translated,
    while the engine works on; `saved` hears of each. Segments of a batch that no longer
    need the engine (found in the translation memory after they were sent) are dropped.
    """
    wanted = set(fresh)
    outcome = Outcome()
    pending: Counter[str] = Counter(cat.shown for m in fresh for cat, _ in places[m])
    done = 0
    for batch in batches:
        keep = [i for i, m in enumerate(batch.msgids) if m in wanted]
        if not keep:
            batch.outputs.cancel()
            continue
        results, used = restore(job, batch, set(keep))
        outcome.calls += used
        records = []
        for i in keep:
            msgid, (text, qa) = batch.msgids[i], results[i]
            outcome.flags.update(line.split(":", 1)[0] for line in qa)
            comments = [*stamp, *(f"qa: {line}" for line in qa)]
            records.append((msgid, text, comments))
            lines = machine_lines(msgid, text, comments)   # the same for every entry
            for _, entry in places[msgid]:
                write_entry(entry, text, comments, lines)
        journal.append(records)
        for msgid, _, _ in records:
            for cat, _ in places[msgid]:
                pending[cat.shown] -= 1
                if not pending[cat.shown]:
                    outcome.saves[cat.shown] = save(cat, writes)
                    saved(cat, outcome.saves[cat.shown])
        done += len(records)
        if progress:
            progress(job.lang, done, len(fresh))
    return outcome
