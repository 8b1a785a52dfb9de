"""The build stage: source + catalogs → translated Markdown → HTML pages and PDF handouts.

Each document is re-parsed and its segments substituted (no skeleton files). A released
language gets a document only when every segment is translated and approved; `--draft`
builds anything, with a banner. Jobs run in parallel; unchanged outputs are skipped by a
manifest of input hashes in the output folder.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from pipeline import __version__, catalogs
from pipeline.build import furniture, releases
from pipeline.build.doccontrol import Control, read_control
from pipeline.build.page import (
    FileOutcome,
    Job,
    _package_text,
    direction,
    native_name,
    render_job,
)
from pipeline.build.plan import (
    FORMATS,
    MANIFEST,
    BuildResult,
    DocOutcome,
    Review,
    Tables,
    drop,
    read_manifest,
    refusal,
    release_decision,
    review,
    write_manifest,
)
from pipeline.config import Config
from pipeline.errors import BuildError
from pipeline.extract import source_files
from pipeline.files import file_digest, write_if_changed
from pipeline.markdown import load_document, parse, read_source
from pipeline.review.release import DocSignoff, Gate, doc_signoff
from pipeline.review.release import gate as signoff_gate
from pipeline.review.signoff import state_inputs
from pipeline.segment import normalize_space
from pipeline.state import Memo, code_digest


def _digest(*parts: object) -> str:
    data = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


@lru_cache(maxsize=1)
def _package_digest() -> str:
    root = Path(str(files("pipeline")))
    shipped = sorted([*(root / "build" / "templates").iterdir(), *(root / "locale").rglob("*.po")])
    return _digest(__version__, *(p.read_text("utf-8") for p in shipped if p.is_file()))


def _assets(config: Config) -> list[Path]:
    """Non-Markdown files in the source folder (images), copied to output/media/.

    A symbolic link to a file outside the source folder is refused: it would publish that file.
    """
    if not config.source_dir.is_dir():
        return []
    found = sorted(p for p in config.source_dir.rglob("*")
                   if p.is_file() and p.suffix != ".md" and not p.name.startswith("."))
    folder = config.source_dir.resolve()
    for path in found:
        if folder not in path.resolve().parents:
            raise BuildError("symbolic link to a file outside the source folder",
                             path=config.rel(path),
                             hint="copy the file into the source folder instead of linking it")
    return found


def build(config: Config, *, langs: tuple[str, ...] = (), formats: tuple[str, ...] = (),
          draft: bool = False, workers: int | None = None,
          bilingual: bool = False) -> BuildResult:
    """Build the selected languages' pages and handouts into the output folder."""
    assets = _assets(config)
    manifest, known = read_manifest(config.output_dir / MANIFEST)
    source_lang = config.source_language
    targets = tuple(t for t in langs if t != source_lang)
    selected = {lang.tag for lang in config.select(targets)} if targets or not langs else set()
    if not langs or source_lang in langs:
        selected.add(source_lang)
    plan = _Plan(config=config, selected=selected,
                 formats=tuple(f for f in FORMATS if f in formats) if formats else FORMATS,
                 draft=draft, bilingual=bilingual, manifest=manifest,
                 common=_common_digest(config, assets), published=known)
    inputs = _Inputs(config)
    docs = [_Source(p.stem, p, inputs.segments(p)) for p in source_files(config)]
    for doc in docs:
        plan.document(doc.name, doc.path, doc.segments, inputs)
    inputs.save()
    # Every input has been read: a bad one has stopped the build before any file changed.
    plan.removed += [drop(config.output_dir, plan.manifest, name) for name in plan.dropping]
    _write_assets(config, assets)
    for job, done in zip(plan.jobs, _run(plan.jobs, workers), strict=True):
        plan.finish(job, done)
    names = {d.name for d in docs}
    for name in sorted(plan.manifest):
        if name.split("/", 1)[-1].rsplit(".", 1)[0] not in names:
            plan.removed.append(drop(config.output_dir, plan.manifest, name))
    write_manifest(config.output_dir / MANIFEST, plan.manifest, plan.published)
    from pipeline.build.index import write_indexes

    index = write_indexes(config, docs=[d.name for d in docs], reviews=plan.reviews,
                          manifest=plan.manifest, titles=plan.titles, kept={
                              (o.doc, o.lang): plan.published[f"{o.lang}/{o.doc}"]
                              for o in plan.outcomes.values() if o.action == "kept"})
    order = {tag: i for i, tag in enumerate([source_lang, *(x.tag for x in config.languages)])}
    ordered = sorted(plan.outcomes.values(),
                     key=lambda o: ([d.name for d in docs].index(o.doc), order[o.lang]))
    return BuildResult(outcomes=tuple(ordered), index=index,
                       removed=tuple(FileOutcome(config.rel(Path(f.path)), f.action)
                                     for f in plan.removed))


@dataclass(frozen=True)
class _Source:
    name: str
    path: Path
    segments: list[str]


class _Inputs:
    """What the build reads of each source and catalog, remembered by content hash.

    A rebuild after a one-sentence edit parses one source and its catalogs; every other
    file is only hashed.
    """

    def __init__(self, config: Config) -> None:
        self.config = config
        self.memo = Memo(config.root, "build-inputs.json", key=config.segmentation)

    def segments(self, path: Path) -> list[str]:
        shown, digest = self.config.rel(path), file_digest(path)
        data = self.memo.get(shown, digest)
        if data is None:
            doc = load_document(path, shown=shown, segmentation=self.config.segmentation)
            data = self.memo.put(shown, digest, list(dict.fromkeys(s.text for s in doc.segments)))
        return list(data)

    def catalog(self, path: Path) -> Tables | None:
        if not path.exists():
            return None
        shown, digest = self.config.rel(path), file_digest(path)
        data = self.memo.get(shown, digest)
        if data is None:
            po = catalogs.read_catalog(path, shown=shown, strict=True)
            data = self.memo.put(shown, digest, [catalogs.translations(po, approved_only=False),
                                                 catalogs.translations(po, approved_only=True)])
        return data[0], data[1]

    def signoff(self, lang: str, doc: str) -> DocSignoff:
        """A document's sign-off state in one language, remembered by the digest of all it
        is read from (catalog, source, records, allowed signers, review settings, the review
        code): an unchanged document's SSH signatures are not verified again every build."""
        config = self.config
        digest = file_digest(*state_inputs(config, lang=lang, doc=doc),
                             extra=repr(config.review) + code_digest("review"))
        item = f"signoff:{lang}/{doc}"
        data = self.memo.get(item, digest)
        if data is None:
            signed = doc_signoff(config, lang=lang, doc=doc)
            data = self.memo.put(item, digest, [signed.total, [list(c) for c in signed.counts],
                                                list(signed.reviewers), signed.latest])
        total, counts, reviewers, latest = data
        return DocSignoff(total=total, counts=tuple((k, v) for k, v in counts),
                          reviewers=tuple(reviewers), latest=latest)

    def save(self) -> None:
        self.memo.save()


def _common_digest(config: Config, assets: list[Path]) -> str:
    """The digest of what every page shares: package, settings and images."""
    theme = furniture.theme_files(config.theme_dir)
    return _digest(_package_digest(), config.project_name, config.segmentation,
                   config.organisation, config.site_url,
                   [(config.rel(p), file_digest(p)) for p in [*assets, *theme]])


def _write_assets(config: Config, assets: list[Path]) -> None:
    """Write the stylesheet and copy images into the output folder."""
    out = config.output_dir
    out.mkdir(parents=True, exist_ok=True)
    write_if_changed(out / "style.css", _package_text("style.css"))
    theme = config.theme_dir
    for name in ("style.css", *furniture.LOGO_NAMES):
        if (theme / name).is_file():
            target = out / "theme" / name
            if not target.exists() or target.read_bytes() != (theme / name).read_bytes():
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(theme / name, target)
    for asset in assets:
        target = out / "media" / asset.relative_to(config.source_dir)
        if not target.exists() or target.read_bytes() != asset.read_bytes():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(asset, target)


@dataclass
class _Plan:
    """The release decisions and render jobs of one build, filled document by document."""

    config: Config
    selected: set[str]
    formats: tuple[str, ...]
    draft: bool
    bilingual: bool
    manifest: dict[str, str]
    common: str
    jobs: list[Job] = field(default_factory=list)
    outcomes: dict[tuple[str, str], DocOutcome] = field(default_factory=dict)
    reviews: dict[tuple[str, str], Review] = field(default_factory=dict)
    removed: list[FileOutcome] = field(default_factory=list)
    dropping: list[str] = field(default_factory=list)  # outputs to remove once all is read
    gates: dict[tuple[str, str], Gate] = field(default_factory=dict)  # sign-off verdicts
    # "lang/doc" → the English its published release translates ("version", "source" hash).
    published: releases.Releases = field(default_factory=dict)
    titles: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)  # (text, lang)

    def document(self, doc: str, source: Path, segments: list[str], inputs: _Inputs) -> None:
        """Decide every language of one document; queue the outputs that must be rendered."""
        config, out = self.config, self.config.output_dir
        buildable: dict[str, tuple[Review, dict[str, str]]] = {}
        kept: list[str] = []
        text = read_source(source, shown=config.rel(source))
        for lang in config.languages:
            path = catalogs.catalog_path(config.locales_dir, lang.tag, doc)
            tables = inputs.catalog(path)
            rev = self.reviews[(doc, lang.tag)] = review(segments, tables)
            decision = release_decision(released=lang.released, draft=self.draft, rev=rev)
            verdict = signoff_gate(config, lang=lang, doc=doc, draft=self.draft,
                                   catalog=config.rel(path),
                                   signed=inputs.signoff(lang.tag, doc)) \
                if decision == "build" and config.review.enabled else Gate()
            if verdict.refuse and lang.tag in self.selected:
                self.outcomes[(doc, lang.tag)] = DocOutcome(doc, lang.tag, "refused", rev,
                                                            verdict.refuse)
                self.dropping += [f"{lang.tag}/{doc}.{fmt}" for fmt in self.formats
                                  if f"{lang.tag}/{doc}.{fmt}" in self.manifest]
            if verdict.refuse:
                continue
            self.gates[(doc, lang.tag)] = verdict
            if decision == "build":
                found = {}
                if tables is not None:
                    found = tables[1] if not self.draft else tables[0]
                buildable[lang.tag] = (rev, found)
            elif lang.tag in self.selected and self._keep(doc, lang.tag, rev, config.rel(path)):
                kept.append(lang.tag)
            elif lang.tag in self.selected:
                self.published.pop(f"{lang.tag}/{doc}", None)
                reason = (refusal(rev, config.rel(path)) if decision == "refuse" else
                          "nothing translated yet (run 'pipeline translate' or translate "
                          f"{config.rel(path)})" if decision == "nothing" else
                          "draft language (build with --draft to preview it, with a banner)")
                self.outcomes[(doc, lang.tag)] = DocOutcome(
                    doc, lang.tag, "refused" if lang.released else "skipped", rev, reason)
                self.dropping += [f"{lang.tag}/{doc}.{fmt}" for fmt in self.formats
                                  if f"{lang.tag}/{doc}.{fmt}" in self.manifest]
        source_lang = config.source_language
        control, title = _front(text, config.rel(source))
        buildable = {source_lang: (Review(approved=len(segments), catalog=True), {}),
                     **buildable}
        self.reviews[(doc, source_lang)] = buildable[source_lang][0]
        alternates = [{"lang": t, "href": f"../{t}/{doc}.html", "name": native_name(t),
                       "dir": direction(t)}
                      for t in (config.source_language, *(x.tag for x in config.languages))
                      if t in buildable or t in kept]
        theme = config.theme_dir
        logo = furniture.logo(theme)
        for tag, (rev, found) in buildable.items():
            shown_title = found.get(normalize_space(title)) if title else None
            self.titles[(doc, tag)] = ((shown_title, tag) if shown_title
                                       else (title or doc, source_lang))
            if tag not in self.selected:
                continue
            if tag != source_lang:
                releases.record(self.published, f"{tag}/{doc}", text, released=rev.complete)
            gate = self.gates.get((doc, tag), Gate())
            page = {
                "control": furniture.control_context(control, lang=tag,
                                                     source_lang=source_lang),
                "reviewers": [gate.reviewed] if gate.reviewed else [],  # from the sign-offs
                "bilingual": self.bilingual and tag != source_lang,
                "organisation": config.organisation,
                "logo": f"theme/{logo.name}" if logo else "",
                "theme_css": "theme/style.css" if (theme / "style.css").is_file() else "",
                "online_url": (f"{config.site_url.rstrip('/')}/{tag}/{doc}.html"
                               if config.site_url else ""),
                "lang": tag, "dir": direction(tag), "project": config.project_name,
                "source_lang": config.source_language,
                "banner": not rev.complete or gate.banner,
                "generator": f"pipeline {__version__}",
                "alternates": ([*alternates, {"lang": "x-default",
                                              "href": f"../{source_lang}/{doc}.html"}]
                               if len(alternates) > 1 else []),
                "switcher": [dict(a, current=a["lang"] == tag) for a in alternates],
                "pdf_href": f"{doc}.pdf" if "pdf" in self.formats else "",
            }
            key = _digest(self.common, text, sorted(found.items()), page)
            keys = {fmt: _digest(key, fmt, _renderer(fmt)) for fmt in self.formats}
            todo = tuple(fmt for fmt in self.formats
                         if self.manifest.get(f"{tag}/{doc}.{fmt}") != keys[fmt]
                         or not (out / tag / f"{doc}.{fmt}").exists())
            unchanged = tuple(FileOutcome(config.rel(out / tag / f"{doc}.{fmt}"), "unchanged")
                              for fmt in self.formats if fmt not in todo)
            self.outcomes[(doc, tag)] = DocOutcome(doc, tag, "built", rev, "", unchanged)
            if todo:
                self.jobs.append(Job(
                    doc=doc, lang=tag, source=source, shown=config.rel(source), page=page,
                    translations=found, mark_untranslated=not rev.complete,
                    source_lang=config.source_language, segmentation=config.segmentation,
                    output=out, root=config.root, todo=todo, keys=keys,
                    theme=str(theme) if theme.is_dir() else ""))

    def _keep(self, doc: str, tag: str, rev: Review, catalog: str) -> bool:
        """keep-previous: leave a released document's last release published, marked."""
        release = self.published.get(f"{tag}/{doc}")
        if (self.draft or self.config.on_source_change != "keep-previous" or not release
                or not any(f"{tag}/{doc}.{fmt}" in self.manifest for fmt in FORMATS)):
            return False
        self.outcomes[(doc, tag)] = DocOutcome(
            doc, tag, "kept", rev, f"last release kept, translating English "
            f"{release['version']}; its update: {refusal(rev, catalog)}")
        return True

    def finish(self, job: Job, done: tuple[FileOutcome, ...]) -> None:
        """Record what a worker wrote in the manifest and the document's outcome."""
        for outcome in done:
            name = f"{job.lang}/{job.doc}{Path(outcome.path).suffix}"
            if outcome.action == "built":
                self.manifest[name] = job.keys[Path(outcome.path).suffix[1:]]
            else:
                self.manifest.pop(name, None)
        previous = self.outcomes[(job.doc, job.lang)]
        files = previous.files + tuple(FileOutcome(self.config.rel(Path(f.path)), f.action,
                                                   f.note, f.warnings) for f in done)
        self.outcomes[(job.doc, job.lang)] = DocOutcome(
            job.doc, job.lang, "built", previous.review, "",
            tuple(sorted(files, key=lambda f: FORMATS.index(Path(f.path).suffix[1:]))))


def _renderer(fmt: str) -> str:
    """The renderer's version: a WeasyPrint upgrade changes every PDF."""
    from importlib.metadata import version

    return f"weasyprint {version('weasyprint')}" if fmt == "pdf" else ""


def _run(jobs: list[Job], workers: int | None) -> Iterator[tuple[FileOutcome, ...]]:
    """Render jobs across processes (in order); one job runs in this process."""
    count = min(workers or os.cpu_count() or 1, len(jobs))
    if count <= 1:
        yield from (render_job(job) for job in jobs)
        return
    if any("pdf" in job.todo for job in jobs):
        import weasyprint  # noqa: F401 - imported once here, inherited by forked workers
    with ProcessPoolExecutor(max_workers=count) as pool:
        yield from pool.map(render_job, jobs)


# ---------------------------------------------------------------- in the worker process


def _front(text: str, shown: str) -> tuple[Control, str]:
    """Document control and the English title, from a source's front matter."""
    parsed = parse(text, shown=shown, segmentation="paragraph")
    front = parsed.tokens[0].content if parsed.tokens and \
        parsed.tokens[0].type == "front_matter" else ""
    return read_control(parsed.meta, front=front, shown=shown), \
        str(parsed.meta.get("title", "") or "")
