"""Completeness: untranslated, fuzzy and obsolete entries; templates and catalogs out of date."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from pipeline.checks import Catalog, Entry, Project, check
from pipeline.model import Finding, Severity
from pipeline.wording import counted

_SHOWN_LINES = 8


def _lines(entries: list[Entry]) -> str:
    shown = ", ".join(str(e.line) for e in entries[:_SHOWN_LINES])
    return shown + (", …" if len(entries) > _SHOWN_LINES else "")


@check("untranslated", scope="catalog")
def untranslated(catalog: Catalog, project: Project) -> Iterator[Finding]:
    """Entries with no translation (all plural forms count)."""
    live = list(catalog.live())
    todo = [e for e in live if not e.translated]
    if todo:
        yield catalog.finding(
            "untranslated", f"{len(todo)} of {counted(len(live), 'entry')} untranslated "
            f"(lines {_lines(todo)}); translate them or run 'pipeline translate'",
            line=todo[0].line)


@check("fuzzy", scope="catalog")
def fuzzy(catalog: Catalog, project: Project) -> Iterator[Finding]:
    """Translated entries still marked fuzzy: machine output or a changed source, unreviewed."""
    live = list(catalog.live())
    todo = [e for e in live if e.translated and e.fuzzy]
    if todo:
        yield catalog.finding(
            "fuzzy", f"{len(todo)} of {counted(len(live), 'entry')} fuzzy, awaiting review "
            f"(lines {_lines(todo)}); review each and remove the 'fuzzy' flag to approve it",
            line=todo[0].line)


@check("obsolete", scope="catalog")
def obsolete(catalog: Catalog, project: Project) -> Iterator[Finding]:
    """Obsolete (#~) entries kept for reuse: harmless, but worth cleaning up."""
    old = [e for e in catalog.entries if e.obsolete]
    if old:
        yield catalog.finding(
            "obsolete", f"{counted(len(old), 'obsolete entry')} (#~) no longer in the source; "
            "delete them once nothing is worth reusing", line=old[0].line,
            severity=Severity.WARNING)


def _keys(entries: Iterable[Entry]) -> set[tuple[str | None, str]]:
    return {(e.msgctxt, e.msgid) for e in entries if not e.obsolete}


@check("po-outdated", scope="catalog")
def po_outdated(catalog: Catalog, project: Project) -> Iterator[Finding]:
    """A catalog missing, or not merged with its template (locales/<doc>.pot)."""
    template = project.templates.get(catalog.doc)
    if not catalog.exists:
        yield catalog.finding("po-outdated", "catalog missing; run 'pipeline extract'")
        return
    if template is None:
        return
    wanted, have = _keys(template.entries), _keys(catalog.entries)
    missing, extra = wanted - have, have - wanted
    if missing or extra:
        yield catalog.finding(
            "po-outdated", f"not merged with {template.file}: "
            f"{counted(len(missing), 'template entry')} missing, "
            f"{counted(len(extra), 'entry')} no longer in the template; "
            "run 'pipeline extract'", line=catalog.header_line)


@check("orphaned", scope="catalog")
def orphaned(catalog: Catalog, project: Project) -> Iterator[Finding]:
    """A catalog whose source document is gone: kept for reuse, never published."""
    config = project.config
    source = config.source_dir / f"{catalog.doc}.md"
    if catalog.exists and catalog.doc not in project.templates and not source.is_file():
        yield catalog.finding(
            "orphaned", f"catalog of a removed document ({config.rel(source)} is gone); "
            "delete the catalog once nothing in it is worth reusing, or restore the source",
            line=catalog.header_line, severity=Severity.WARNING)


@check("pot-outdated", scope="project")
def pot_outdated(project: Project) -> Iterator[Finding]:
    """A source document changed (or appeared, or went) since the last `pipeline extract`."""
    config = project.config
    names = set()
    for doc in project.documents:
        names.add(doc.name)
        template = project.templates.get(doc.name)
        pot = config.rel(config.locales_dir / f"{doc.name}.pot")
        if template is None:
            yield Finding("pot-outdated", Severity.ERROR, f"no template for {doc.path}; "
                          "run 'pipeline extract'", file=pot, doc=doc.name)
            continue
        segments = {seg.text for seg in doc.segments}
        msgids = {e.msgid for e in template.live()}
        new, gone = segments - msgids, msgids - segments
        if new or gone:
            first = min((s.line for s in doc.segments if s.text in new), default=0)
            yield Finding("pot-outdated", Severity.ERROR,
                          f"{doc.path} changed since extract: {len(new)} new and {len(gone)} "
                          f"removed segments; run 'pipeline extract'",
                          file=doc.path, line=first, doc=doc.name)
    for name, template in sorted(project.templates.items()):
        if name not in names:
            yield Finding("pot-outdated", Severity.ERROR, "template of a removed source "
                          "document; run 'pipeline extract'", file=template.file, doc=name)
