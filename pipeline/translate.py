"""The translate stage: fill catalogs with offline MT, glossary fixed, every result fuzzy.

Per language: entries without a translation (and, with refresh, earlier machine output) are
collected across all documents; exact matches of approved translations are reused first
(translation memory); the rest is masked, sent to one engine in batches, restored, verified
and written back as fuzzy with provenance (`# mt:`) and QA flags (`# qa:`) in translator
comments, which `extract`'s merge keeps. Each batch's results are appended to a journal as
they arrive and every catalog is rewritten once, atomically, at the end: an interrupted run
loses at most the batch in flight and a rerun resumes from the journal. Approved entries
(not fuzzy, with a msgstr) are never changed.
"""

from __future__ import annotations

import functools
import json
import os
import re
import textwrap
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from pipeline import __version__, catalogs
from pipeline.checks.flags import machine_flags
from pipeline.config import Config
from pipeline.engines import Engine, Output, pick_engine
from pipeline.errors import EngineError
from pipeline.files import file_digest
from pipeline.glossary.project import project_glossary
from pipeline.interchange.tmx import memory as tmx_memory
from pipeline.masking import GlossaryLike, Masked, mask, token_pattern, unmask
from pipeline.model import Language
from pipeline.segment import normalize_space
from pipeline.state import Memo, state_path

Progress = Callable[[str, int, int], None]
_MACHINE = ("mt:", "qa:")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
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


@dataclass
class _Catalog:
    path: Path
    shown: str
    doc: str
    po: catalogs.POFile


def _is_machine(entry: catalogs.POEntry) -> bool:
    """Is the msgstr exactly what an engine wrote for this msgid?

    Not when a person edited it (the mark no longer matches), and not when a merge carried
    it over from a changed sentence (`#|` previous msgid): that text may be a reviewed
    translation, and only a person may replace it.
    """
    if entry.previous_msgid:
        return False
    return catalogs.is_machine_output(entry)


def _needs_work(entry: catalogs.POEntry, *, refresh: bool) -> bool:
    if entry.obsolete or entry.msgid_plural or not entry.msgid.strip():
        return False
    if not entry.msgstr:
        return True
    return refresh and "fuzzy" in entry.flags and _is_machine(entry)


class _Summaries:
    """Per catalog, as last seen: content hash, approved translations, entries needing work.

    A catalog whose hash still matches is neither parsed nor rewritten: a rerun after a
    one-sentence edit parses only the catalogs that changed.
    """

    def __init__(self, config: Config, tag: str) -> None:
        self.memo = Memo(config.root, f"translate-{tag}.json")

    def known(self, shown: str, path: Path, *, refresh: bool) -> dict[str, object] | None:
        """The summary of an unchanged catalog with nothing to do, else None."""
        item = self.memo.get(shown, file_digest(path))
        return None if item is None or item["refresh" if refresh else "todo"] else item

    def record(self, cat: _Catalog) -> None:
        self.memo.put(cat.shown, file_digest(cat.path), {
            "approved": catalogs.translations(cat.po, approved_only=True),
            "todo": sum(_needs_work(e, refresh=False) for e in cat.po),
            "refresh": sum(_needs_work(e, refresh=True) for e in cat.po),
        })

    def save(self) -> None:
        self.memo.save()


def _load(config: Config, tag: str, summaries: _Summaries, *, refresh: bool
          ) -> tuple[list[_Catalog], dict[str, tuple[str, str]]]:
    """The catalogs that have work, parsed, and the translation memory of all of them."""
    locales = config.locales_dir
    found = []
    memory: dict[str, tuple[str, str]] = {}  # msgid → (approved msgstr, where it is from)
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
            cat = _Catalog(path, shown, pot.stem,
                           catalogs.read_catalog(path, shown=shown, strict=True))
            found.append(cat)
            approved = catalogs.translations(cat.po, approved_only=True)
        for msgid, msgstr in approved.items():
            memory.setdefault(msgid, (msgstr, f"approved in {pot.stem}"))
    for msgid, reused in tmx_memory(config, tag).items():  # imported TMX files, after
        memory.setdefault(msgid, reused)
    return found, memory


@functools.lru_cache(maxsize=4096)
def _comment_lines(line: str) -> list[str]:
    """One flag or provenance line, wrapped so that every physical line keeps its tag."""
    tag = line[:3]
    return textwrap.wrap(line, catalogs.WRAP - 2, subsequent_indent=f"{tag}   ",
                         break_long_words=False) or [line]


def _write_entry(entry: catalogs.POEntry, text: str, comments: list[str]) -> None:
    kept = [line for line in (entry.tcomment or "").splitlines()
            if not line.startswith(_MACHINE)]
    lines = [part for c in comments for part in _comment_lines(c)]
    entry.tcomment = "\n".join([*kept, *lines, catalogs.machine_mark(entry.msgid, text)])
    entry.msgstr = text
    entry.flags = sorted(set(entry.flags) | {"fuzzy"})
    entry.previous_msgid = None
    entry.previous_msgctxt = None


def _save(cat: _Catalog) -> bool:
    cat.po.metadata["PO-Revision-Date"] = catalogs.now_stamp()
    return catalogs.write_if_changed(cat.path, catalogs.render(cat.po))


class _Journal:
    """Machine results of a run in progress, appended batch by batch (a write-ahead log).

    Catalogs are rewritten once at the end of a run; a run killed before that loses at most
    the batch in flight, and the next run replays the journal before calling any engine.
    """

    def __init__(self, config: Config, tag: str) -> None:
        self.path = state_path(config.root, f"translate-{tag}.journal")

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


def clean(output: str) -> str:
    """An engine output made safe for a PO msgstr: no control characters, one line.

    No-break spaces the engine kept ("5 mg") stay: they are text, not line breaks.
    """
    return normalize_space(_CONTROL.sub(" ", output))


def review_flags(source: str, output: str, *, lang: str, glossary: GlossaryLike | None,
                 notes: tuple[str, ...] = ()) -> list[str]:
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
    return [*flags, *machine_flags(source, output, lang=lang, glossary=glossary)]


def _drop_stray_tokens(output: str, masked: Masked) -> str:
    """Token-like garbage from an engine that never saw those tokens (a retry) goes."""
    return token_pattern(masked.style).sub(
        lambda t: t.group() if t.group() in masked.source else " ", output)


def _finish(engine: Engine, masked: list[Masked], outputs: list[Output], *, source: str,
            lang: str, glossary: GlossaryLike | None) -> tuple[list[tuple[str, list[str]]], int]:
    """Restore and verify one translated batch; lost masks → one retry without masks."""
    if len(outputs) != len(masked):
        raise EngineError(f"{engine.name} returned {len(outputs)} outputs for {len(masked)} "
                          "segments", hint="this is an engine bug; rerun with another --engine")
    results: list[tuple[str, list[str]] | None] = []
    retry: list[int] = []
    for i, (item, out) in enumerate(zip(masked, outputs, strict=True)):
        restored = unmask(clean(out.text), item)
        if restored.lost:
            retry.append(i)
            results.append(None)
        else:
            terms = glossary if item.glossary_hits else None  # nothing to verify otherwise
            results.append((restored.text, review_flags(item.source, restored.text, lang=lang,
                                                        glossary=terms, notes=out.notes)))
    if not retry:
        return [r for r in results if r is not None], 1
    again = engine.translate_notes([masked[i].source for i in retry], source=source,
                                   target=lang)
    for i, out in zip(retry, again, strict=True):
        first = unmask(clean(outputs[i].text), masked[i])
        lost = [m for m in first.lost if m.kind != "debris"]
        shown = ", ".join(repr(m.original) for m in lost[:3]) or "damaged tokens"
        reason = (f"mask-lost: {len(lost)} of {len(masked[i].masks)} protected spans did "
                  f"not survive MT ({shown}); retranslated without protection")
        text = clean(_drop_stray_tokens(out.text, masked[i]))
        results[i] = (text, [reason, *review_flags(masked[i].source, text, lang=lang,
                                                   glossary=glossary, notes=out.notes)])
    return [r for r in results if r is not None], 2


def _work(config: Config, lang: Language, cats: list[_Catalog],
          memory: dict[str, tuple[str, str]], *, engine_name: str | None, refresh: bool,
          dry_run: bool, glossary: GlossaryLike | None, engines: dict[str, Engine],
          progress: Progress | None, started: float) -> LanguageResult:
    todo: dict[str, list[tuple[_Catalog, catalogs.POEntry]]] = {}
    for cat in cats:
        for entry in cat.po:
            if _needs_work(entry, refresh=refresh):
                todo.setdefault(entry.msgid, []).append((cat, entry))
    reuse = [m for m in todo if m in memory]
    fresh = [m for m in todo if m not in memory]
    entries = sum(len(v) for v in todo.values())
    if not todo:
        return LanguageResult(lang.tag, seconds=time.perf_counter() - started)
    engine: Engine | None = None
    if fresh:
        try:
            engine = pick_engine(config, lang, requested=engine_name, cache=engines)
        except EngineError as exc:
            return LanguageResult(lang.tag, machine=len(fresh), from_memory=len(reuse),
                                  entries=entries, skipped=str(exc))
    provenance = engine.describe(config.source_language, lang.tag) if engine else ""
    if dry_run:
        return LanguageResult(lang.tag, engine=engine.name if engine else "", machine=len(fresh),
                              provenance=provenance, from_memory=len(reuse), entries=entries)
    fingerprint = getattr(glossary, "fingerprint", "") or "none"
    stamp = [f"mt: {provenance}", f"mt: glossary {fingerprint[:12]}; pipeline {__version__}"]
    touched: dict[str, _Catalog] = {}
    for msgid in reuse:
        text, origin = memory[msgid]
        for cat, entry in todo[msgid]:
            _write_entry(entry, text, [f"mt: translation memory ({origin})"])
            touched[cat.shown] = cat
    journal = _Journal(config, lang.tag)
    replayed = {m: r for m, r in journal.replay().items() if m in todo and m not in memory}
    for msgid, (text, comments) in replayed.items():
        for cat, entry in todo[msgid]:
            _write_entry(entry, text, comments)
            touched[cat.shown] = cat
    fresh = [m for m in fresh if m not in replayed]
    flags: Counter[str] = Counter()
    calls = done = 0
    size = engine.batch_size if engine else 1
    # A small first batch starts the engine at once; the rest go in the engine's batch size.
    first = min(size, 64) if len(fresh) > size else size
    batches = [fresh[:first]] + [fresh[i:i + size] for i in range(first, len(fresh), size)]
    batches = [b for b in batches if b]
    # A catalog is written as soon as its last entry is translated, while the engine works on.
    pending: Counter[str] = Counter(cat.shown for m in fresh for cat, _ in todo[m])
    written: set[str] = set()

    def start(batch: list[str]) -> tuple[list[Masked], Future[list[Output]]]:
        assert engine is not None
        masked = [mask(m, glossary=glossary, lang=lang.tag, style=engine.mask_style)
                  for m in batch]
        return masked, pool.submit(engine.translate_notes, [m.text for m in masked],
                                   source=config.source_language, target=lang.tag)

    # The engine works on the next batch while this thread restores, checks and writes one.
    with ThreadPoolExecutor(max_workers=1) as pool:
        running = start(batches[0]) if batches else None
        for k, batch in enumerate(batches):
            assert engine is not None and running is not None
            masked, future = running
            running = start(batches[k + 1]) if k + 1 < len(batches) else None
            results, used = _finish(engine, masked, future.result(),
                                    source=config.source_language, lang=lang.tag,
                                    glossary=glossary)
            calls += used
            records = []
            for msgid, (text, qa) in zip(batch, results, strict=True):
                flags.update(line.split(":", 1)[0] for line in qa)
                comments = [*stamp, *(f"qa: {line}" for line in qa)]
                records.append((msgid, text, comments))
                for cat, entry in todo[msgid]:
                    _write_entry(entry, text, comments)
                    touched[cat.shown] = cat
            journal.append(records)
            for msgid in batch:
                for cat, _ in todo[msgid]:
                    pending[cat.shown] -= 1
                    if not pending[cat.shown] and _save(cat):
                        written.add(cat.shown)
            done += len(batch)
            if progress:
                progress(lang.tag, done, len(fresh))
    written |= {shown for shown, cat in sorted(touched.items())
                if shown not in pending and _save(cat)}
    journal.close()
    return LanguageResult(lang.tag, engine=engine.name if engine else "", provenance=provenance,
                          machine=len(fresh), from_memory=len(reuse), entries=entries,
                          engine_calls=calls, seconds=time.perf_counter() - started,
                          catalogs_written=tuple(sorted(written)),
                          flags=tuple(sorted(flags.items())))


def translate(config: Config, *, langs: tuple[str, ...] = (), engine: str | None = None,
              refresh_fuzzy: bool = False, dry_run: bool = False,
              glossary: GlossaryLike | None = None, engines: dict[str, Engine] | None = None,
              progress: Progress | None = None) -> TranslateSummary:
    """Machine-translate the selected languages' catalogs; see the module docstring."""
    selected = config.select(langs)
    glossary = glossary if glossary is not None else project_glossary(config)
    cache = engines if engines is not None else {}
    # Read every selected catalog first: a broken one stops the run before anything is written.
    loaded = []
    for lang in selected:
        summaries = _Summaries(config, lang.tag)
        cats, memory = _load(config, lang.tag, summaries, refresh=refresh_fuzzy)
        loaded.append((lang, summaries, cats, memory))
    if langs:  # a language named on the command line that no engine serves is a usage error
        for lang, _, cats, memory in loaded:
            if any(_needs_work(e, refresh=refresh_fuzzy) and e.msgid not in memory
                   for cat in cats for e in cat.po):
                pick_engine(config, lang, requested=engine, cache=cache)
    results = []
    for lang, summaries, cats, memory in loaded:
        results.append(_work(config, lang, cats, memory, engine_name=engine,
                             refresh=refresh_fuzzy, dry_run=dry_run, glossary=glossary,
                             engines=cache, progress=progress, started=time.perf_counter()))
        # Only after a complete language: every change made in memory is then on disk.
        for cat in cats:
            summaries.record(cat)
        summaries.save()
    return TranslateSummary(languages=tuple(results), dry_run=dry_run)
