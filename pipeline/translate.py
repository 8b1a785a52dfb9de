"""The translate stage: fill catalogs with offline MT, glossary fixed, every result fuzzy.

Per language: entries without a translation (and, with refresh, earlier machine output) are
collected across all documents; exact matches of approved translations are reused first
(translation memory); the rest is masked, sent to one engine in batches, restored, verified
and written back as fuzzy with provenance (`# mt:`) and QA flags (`# qa:`) in translator
comments, which `extract`'s merge keeps. The engine starts on the first full batch while the
catalogs are still being read (pipeline.translate_batches). Nothing is written before every
selected catalog has been read: a broken one stops the run first. Each batch's results are
appended to a journal as they are finished and a catalog is rewritten, atomically, once its
last entry is done: an interrupted run loses at most the batch in flight and a rerun resumes
from the journal. Approved entries (not fuzzy, with a msgstr) are never changed.
"""

from __future__ import annotations

import gc
import time
from collections import Counter
from collections.abc import Callable, Container
from dataclasses import dataclass, field

from pipeline import __version__, catalogs
from pipeline.background import Writes
from pipeline.checks.flags import entry_checks
from pipeline.config import Config
from pipeline.engines import Engine, pick_engine
from pipeline.errors import EngineError
from pipeline.glossary.project import project_glossary
from pipeline.masking import GlossaryLike
from pipeline.model import Language
from pipeline.translate_batches import (
    Batch,
    Batcher,
    EngineQueue,
    Job,
    OpenCatalog,
    Outcome,
    Places,
    Progress,
    clean,
    review_flags,
    save,
    write_entry,
)
from pipeline.translate_batches import Journal as _Journal
from pipeline.translate_batches import run as run_batches
from pipeline.translate_qa import Checkers
from pipeline.translate_state import Summaries as _Summaries
from pipeline.translate_state import needs_work as _needs_work

__all__ = ["LanguageResult", "TranslateSummary", "clean", "review_flags",
           "translate"]
Memory = dict[str, tuple[str, str]]   # msgid → (approved msgstr, where it is from)


@dataclass(frozen=True)
class LanguageResult:
    """What translate did (or would do) for one language."""

    lang: str
    engine: str = ""
    provenance: str = ""
    machine: int = 0
    from_memory: int = 0
    entries: int = 0
    engine_calls: int = 0
    seconds: float = 0.0
    catalogs_written: tuple[str, ...] = ()
    flags: tuple[tuple[str, int], ...] = ()
    skipped: str = ""
    qa_workers: int = 0     # worker processes that checked its outputs (0: the stage itself)

    @property
    def per_second(self) -> float:
        return self.machine / self.seconds if self.seconds > 0 else 0.0


@dataclass(frozen=True)
class TranslateSummary:
    """The whole run: one result per language."""

    languages: tuple[LanguageResult, ...] = field(default=())
    dry_run: bool = False

    @property
    def machine(self) -> int:
        return sum(r.machine for r in self.languages)

    @property
    def engine_calls(self) -> int:
        return sum(r.engine_calls for r in self.languages)

    @property
    def flags(self) -> dict[str, int]:
        total: Counter[str] = Counter()
        for result in self.languages:
            total.update(dict(result.flags))
        return dict(sorted(total.items()))


@dataclass(frozen=True)
class _Run:
    """What every language of one run shares: settings, glossary, engines and their threads."""

    config: Config
    requested: str | None           # --engine
    refresh: bool
    dry_run: bool
    glossary: GlossaryLike | None
    engines: dict[str, Engine]
    queues: dict[int, EngineQueue]
    progress: Progress | None
    checkers: Checkers = field(default_factory=Checkers)

    def engine(self, lang: Language) -> Engine:
        return pick_engine(self.config, lang, requested=self.requested, cache=self.engines)

    def job(self, engine: Engine, lang: Language) -> Job:
        engine_queue = self.queues.setdefault(id(engine), EngineQueue())
        return Job.make(engine, engine_queue, source=self.config.source_language,
                        lang=lang.tag, glossary=self.glossary, checkers=self.checkers)

    def start_checkers(self) -> None:
        """The checks' worker processes, forked before the first engine starts a thread."""
        self.checkers.start(self.glossary, entry_checks())


class _Prefetch:
    """Segments of one language sent to its engine while the catalogs are still read.

    A segment found in the translation memory later on is dropped from the batches that
    are not sent yet, and its result thrown away if it was; the first segment found makes
    the engine load its model (or start its processes) on the engine's thread.
    """

    def __init__(self, run: _Run, lang: Language, *, skip: Container[str]) -> None:
        self.run, self.lang, self.skip = run, lang, skip
        self.batcher: Batcher | None = None
        self.off = run.dry_run      # a dry run calls no engine

    def __call__(self, msgid: str) -> None:
        if self.off or msgid in self.skip:
            return
        if self.batcher is None:
            self.run.start_checkers()
            try:
                engine = self.run.engine(self.lang)
            except EngineError:  # said (or not) once the catalogs are read, as without this
                self.off = True
                return
            self.batcher = Batcher(self.run.job(engine, self.lang))
            self.batcher.job.prepare()
        self.batcher.add(msgid)

    def batches(self, engine: Engine, fresh: list[str]) -> list[Batch]:
        """Every batch that translates `fresh`: those sent while reading, then the rest."""
        if self.batcher is None or self.batcher.job.engine is not engine:
            self.batcher = Batcher(self.run.job(engine, self.lang))
        for msgid in fresh:
            self.batcher.add(msgid)   # those not sent while reading (none, usually)
        return self.batcher.close()

    def drop(self) -> None:
        """The language needs no engine after all: what was sent is not wanted."""
        for batch in self.batcher.batches if self.batcher else ():
            batch.outputs.cancel()


@dataclass
class _Read:
    """One selected language as read: catalogs with work, memory, entries to fill."""

    lang: Language
    summaries: _Summaries
    cats: list[OpenCatalog]
    memory: Memory
    places: Places
    replay: dict[str, tuple[str, list[str]]]
    prefetch: _Prefetch
    seconds: float


def _load(config: Config, tag: str, summaries: _Summaries, *, refresh: bool,
          found: Callable[[str], None]) -> tuple[list[OpenCatalog], Memory, Places]:
    """The catalogs that have work, parsed, the translation memory of all of them, and the
    entries to fill per msgid; `found` hears of each msgid needing work not in memory yet."""
    locales = config.locales_dir
    cats = []
    memory: Memory = {}
    places: Places = {}
    for pot in sorted(locales.glob("*.pot")) if locales.is_dir() else []:
        path = catalogs.catalog_path(locales, tag, pot.stem)
        if not path.exists():
            continue
        shown = config.rel(path)
        item = summaries.known(shown, path, refresh=refresh)
        if item is not None:
            approved = item["approved"]
            assert isinstance(approved, dict)
        else:
            cat = OpenCatalog(path, shown, pot.stem,
                              catalogs.read_catalog(path, shown=shown, strict=True))
            cats.append(cat)
            approved = catalogs.translations(cat.po, approved_only=True)
        for msgid, msgstr in approved.items():
            memory.setdefault(msgid, (msgstr, f"approved in {pot.stem}"))
        if item is None:
            for entry in cat.po:
                if _needs_work(entry, refresh=refresh):
                    if entry.msgid not in places and entry.msgid not in memory:
                        found(entry.msgid)
                    places.setdefault(entry.msgid, []).append((cat, entry))
    for msgid, reused in _tmx_memory(config, tag).items():  # imported TMX files, after
        memory.setdefault(msgid, reused)
    return cats, memory, places


def _tmx_memory(config: Config, tag: str) -> Memory:
    """Imported TMX files' exact matches; the TMX module (XML, ~20 ms) loads only when
    its folder (pipeline.interchange.tmx.tm_dir) exists."""
    if not (config.locales_dir / "tm").is_dir():
        return {}
    from pipeline.interchange import tmx

    return tmx.memory(config, tag)


def _read(run: _Run, lang: Language) -> _Read:
    started = time.perf_counter()
    replay = _Journal(run.config.root, lang.tag).replay()
    prefetch = _Prefetch(run, lang, skip=replay)
    summaries = _Summaries(run.config, lang.tag)
    cats, memory, places = _load(run.config, lang.tag, summaries, refresh=run.refresh,
                                 found=prefetch)
    if prefetch.batcher is not None:
        prefetch.batcher.close(skip=memory)   # the rest goes now, memory known
    return _Read(lang, summaries, cats, memory, places, replay, prefetch,
                 time.perf_counter() - started)


def _fill_known(read: _Read) -> tuple[dict[str, OpenCatalog], set[str]]:
    """Entries filled from the translation memory and from an interrupted run's journal:
    the catalogs touched, and the msgids the journal had."""
    touched: dict[str, OpenCatalog] = {}
    for msgid, where in read.places.items():
        if msgid in read.memory:
            text, origin = read.memory[msgid]
            for cat, entry in where:
                write_entry(entry, text, [f"mt: translation memory ({origin})"])
                touched[cat.shown] = cat
    replayed = {m: r for m, r in read.replay.items()
                if m in read.places and m not in read.memory}
    for msgid, (text, comments) in replayed.items():
        for cat, entry in read.places[msgid]:
            write_entry(entry, text, comments)
            touched[cat.shown] = cat
    return touched, set(replayed)


def _stamp(provenance: str, glossary: GlossaryLike | None) -> list[str]:
    """The `# mt:` lines of a machine translation: engine and model, glossary, pipeline."""
    fingerprint = getattr(glossary, "fingerprint", "") or "none"
    return [f"mt: {provenance}", f"mt: glossary {fingerprint[:12]}; pipeline {__version__}"]


def _work(run: _Run, read: _Read) -> LanguageResult:
    """One language after reading: memory and journal first, then the engine's batches."""
    started = time.perf_counter() - read.seconds
    tag, places = read.lang.tag, read.places
    fresh = [m for m in places if m not in read.memory]
    reused, entries = len(places) - len(fresh), sum(len(v) for v in places.values())
    if not fresh or run.dry_run:
        read.prefetch.drop()
    if not places:
        return LanguageResult(tag, seconds=time.perf_counter() - started)
    engine: Engine | None = None
    if fresh:
        try:
            engine = run.engine(read.lang)
        except EngineError as exc:
            read.prefetch.drop()
            return LanguageResult(tag, machine=len(fresh), from_memory=reused, entries=entries,
                                  skipped=str(exc))
    name = engine.name if engine else ""
    provenance = engine.describe(run.config.source_language, tag) if engine else ""
    if run.dry_run:
        return LanguageResult(tag, engine=name, machine=len(fresh), provenance=provenance,
                              from_memory=reused, entries=entries)
    journal = _Journal(run.config.root, tag)
    touched, replayed = _fill_known(read)
    fresh = [m for m in fresh if m not in replayed]
    outcome, writes = Outcome(), Writes()
    try:
        if engine is not None and fresh:
            outcome = run_batches(
                run.job(engine, read.lang), read.prefetch.batches(engine, fresh), fresh=fresh,
                places=places, stamp=_stamp(provenance, run.glossary), journal=journal,
                progress=run.progress, writes=writes, saved=read.summaries.record)
        busy = {cat.shown for m in fresh for cat, _ in places[m]}
        saves = outcome.saves | {shown: save(cat, writes) for shown, cat in sorted(touched.items())
                                 if shown not in busy}
    except BaseException:
        writes.close(quiet=True)   # what was handed over is written; the error goes on
        raise
    writes.close()
    written = {shown for shown, saved in saves.items() if saved.result().written}
    journal.close()
    return LanguageResult(tag, engine=name, provenance=provenance, machine=len(fresh),
                          from_memory=reused, entries=entries, engine_calls=outcome.calls,
                          seconds=time.perf_counter() - started,
                          catalogs_written=tuple(sorted(written)),
                          flags=tuple(sorted(outcome.flags.items())),
                          qa_workers=run.checkers.workers if run.checkers.checked[tag] else 0)


def translate(config: Config, *, langs: tuple[str, ...] = (), engine: str | None = None,
              refresh_fuzzy: bool = False, dry_run: bool = False,
              glossary: GlossaryLike | None = None, engines: dict[str, Engine] | None = None,
              progress: Progress | None = None) -> TranslateSummary:
    """Machine-translate the selected languages' catalogs; see the module docstring."""
    run = _Run(config, engine, refresh_fuzzy, dry_run,
               glossary if glossary is not None else project_glossary(config),
               engines if engines is not None else {}, {}, progress)
    collecting = gc.isenabled()
    gc.disable()   # what reading creates lives until the end: no use scanning it again and again
    try:
        # Read every selected catalog first: a broken one stops the run before anything is
        # written (the engines may have started on what was read; their results are dropped).
        loaded = [_read(run, lang) for lang in config.select(langs)]
        if langs:  # a language named on the command line that no engine serves is a usage error
            for read in loaded:
                if any(msgid not in read.memory for msgid in read.places):
                    run.engine(read.lang)
        gc.freeze()
        if collecting:
            gc.enable()
        results = []
        for read in loaded:
            results.append(_work(run, read))
            # Only after a complete language: every change made in memory is then on disk.
            read.summaries.save(read.cats)
    finally:
        run.checkers.close()
        for engine_queue in run.queues.values():
            engine_queue.close()
        if engines is None:   # the engines this run started: their processes end with it
            for started in run.engines.values():
                started.close()
        gc.unfreeze()
        if collecting:
            gc.enable()
    return TranslateSummary(languages=tuple(results), dry_run=dry_run)
