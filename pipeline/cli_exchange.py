"""`pipeline xliff` and `pipeline tm`: exchange with CAT tools and translation memories."""

from __future__ import annotations

from pathlib import Path

import click

from pipeline.cli_base import cli, emit, project


@cli.group()
def xliff() -> None:
    """Exchange work with a translation agency's CAT tools as XLIFF 2.1 or 1.2."""


@xliff.command("export")
@click.option("--lang", required=True, help="The target language.")
@click.option("--doc", "docs", multiple=True, help="Only this document (repeatable).")
@click.option("--version", "version", type=click.Choice(["2.1", "1.2"]), default="2.1",
              help="XLIFF version (default 2.1).")
@click.option("--only", type=click.Choice(["needs-review", "all"]), default="all",
              help="Only entries that still need review, or all (default).")
@click.option("-o", "output", type=click.Path(path_type=Path),
              help="Output FILE, or an existing DIR for one file per document "
                   "(default: stdout).")
@click.pass_context
def xliff_export(ctx: click.Context, lang: str, docs: tuple[str, ...], version: str,
                 only: str, output: Path | None) -> None:
    """Write a language's entries, states, notes and glossary terms as XLIFF."""
    from pipeline.files import atomic_write
    from pipeline.interchange.xliff import export

    config = project(ctx)
    per_doc = output is not None and output.is_dir()
    results = export(config, lang, docs=docs, version=version,
                     only_needs_review=only == "needs-review", per_document=per_doc)
    if output is None:
        for _, text, _ in results:
            click.echo(text, nl=False)
        return
    for doc, text, units in results:
        path = output / f"{doc}.{lang}.xlf" if per_doc else output
        atomic_write(path, text)
        click.echo(f"wrote {units} units to {path} (XLIFF {version})")


@xliff.command("import")
@click.argument("files", nargs=-1, required=True,
                type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Show what would change; write nothing.")
@click.pass_context
def xliff_import(ctx: click.Context, files: tuple[Path, ...], dry_run: bool) -> None:
    """Take translations and review states back from XLIFF files."""
    from pipeline.interchange.xliff import import_files
    from pipeline.lock import project_lock

    config = project(ctx)
    with project_lock(config.root, command="xliff import"):
        report = import_files(config, list(files), dry_run=dry_run)
    for change in report.changes:
        if change.action in ("refused", "stale", "mismatch", "offered"):
            click.echo(f"{change.file}:{change.line}: {change.action}: {change.detail}: "
                       f"{change.msgid[:60]!r}")
    verb = "would change" if dry_run else "changed"
    click.echo(f"{verb}: {report.count('approved')} approved, {report.count('draft')} fuzzy "
               f"drafts, {report.count('offered')} offered for changed English; "
               f"{report.count('unchanged')} unchanged, {report.count('refused')} refused, "
               f"{report.count('stale') + report.count('mismatch')} not applied")
    for path in report.written:
        click.echo(f"  wrote {path}")


@cli.group()
def tm() -> None:
    """Export and import translation memory as TMX 1.4b."""


@tm.command("export")
@click.option("--lang", "langs", multiple=True, help="Only this language (repeatable).")
@click.option("-o", "output", type=click.Path(dir_okay=False, path_type=Path),
              help="Output FILE.tmx (default: stdout).")
@click.pass_context
def tm_export(ctx: click.Context, langs: tuple[str, ...], output: Path | None) -> None:
    """Write approved translations as TMX 1.4b (unreviewed ones never)."""
    from pipeline.interchange.tmx import export

    text, units = export(project(ctx), langs=langs)
    emit(text, output, said=f"wrote {units} translation units to {output}")


@tm.command("import")
@click.argument("file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.pass_context
def tm_import(ctx: click.Context, file: Path) -> None:
    """Add a TMX file to the translation memory that translate reuses (as fuzzy drafts)."""
    from pipeline.interchange.tmx import import_tmx
    from pipeline.lock import project_lock

    config = project(ctx)
    with project_lock(config.root, command="tm import"):
        dest, pairs = import_tmx(config, file)
    click.echo(f"imported {pairs} segment pairs into {dest}; 'pipeline translate' reuses "
               "exact matches as fuzzy drafts")


# --- languages (issue 19): the language matrix and what the checks cover in each ---------
