"""`pipeline glossary check|export|import`: thin commands over pipeline.glossary."""

from __future__ import annotations

from pathlib import Path

import click

from pipeline.cli_base import cli, emit, project
from pipeline.wording import counted


@cli.group()
def glossary() -> None:
    """Check, export and import the terminology in glossary/."""


@glossary.command("check")
@click.pass_context
def glossary_check(ctx: click.Context) -> None:
    """Validate the glossary files and report term coverage in source/."""
    import textwrap

    from pipeline.glossary.project import check_glossary

    config = project(ctx)
    result = check_glossary(config)
    gloss, files, cov = result.glossary, result.files, result.coverage
    if files:
        click.echo(f"glossary: {counted(len(gloss.terms), 'concept')} in {len(files)} "
                   f"file{'s' if len(files) != 1 else ''}, languages "
                   f"{', '.join(gloss.languages) or 'none'} (fingerprint {gloss.fingerprint})")
    else:
        click.echo(f"glossary: no .csv or .tbx files in {config.rel(config.glossary_dir)}/")
    for f in result.findings:
        click.echo(f"{f.file}:{f.line}: {f.severity.value}: {f.message}" if f.line
                   else f"{f.file}: {f.severity.value}: {f.message}")
    source = config.rel(config.source_dir)
    click.echo(f"coverage: {len(cov.used)} of {len(gloss.terms)} concepts occur in {source}/ "
               f"({cov.documents} document{'s' if cov.documents != 1 else ''}, "
               f"{cov.segments} segments)")
    for term, count, place in cov.used:
        click.echo(f"  {term.id:<40} {count:>4}×  {place}")
    if cov.unused:
        click.echo(textwrap.fill(", ".join(t.id for t in cov.unused), width=96,
                                 initial_indent=f"not in {source}/ ({len(cov.unused)}): ",
                                 subsequent_indent="  ", break_on_hyphens=False))
    if cov.candidates:
        click.echo("candidate terms the glossary lacks:")
    for text, count, kind, place in cov.candidates:
        click.echo(f"  {text:<40} {count:>4}×  {kind:<16}  {place}")
    click.echo(f"glossary check: {result.errors} error{'s' if result.errors != 1 else ''}, "
               f"{result.warnings} warning{'s' if result.warnings != 1 else ''}")
    if result.errors:
        ctx.exit(1)


@glossary.command("export")
@click.option("--format", "fmt", type=click.Choice(["csv", "tbx"]), required=True)
@click.option("-o", "output", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
def glossary_export(ctx: click.Context, fmt: str, output: Path | None) -> None:
    """Write the merged glossary as CSV or TBX (to stdout or FILE)."""
    from pipeline.glossary.csvfile import render_csv
    from pipeline.glossary.project import project_glossary
    from pipeline.glossary.tbx import render_tbx

    gloss = project_glossary(project(ctx))
    text = render_csv(gloss) if fmt == "csv" else render_tbx(gloss)
    emit(text, output, said=f"wrote {counted(len(gloss.terms), 'concept')} to {output}")


@glossary.command("import")
@click.argument("file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.pass_context
def glossary_import(ctx: click.Context, file: Path) -> None:
    """Add a CSV or TBX glossary file to glossary/."""
    from pipeline.errors import GlossaryError
    from pipeline.files import atomic_write
    from pipeline.glossary.project import prepare_import
    from pipeline.model import Severity

    config = project(ctx)
    result = prepare_import(config, file)
    shown = config.rel(result.dest)
    if result.up_to_date:
        click.echo(f"{shown} is already up to date")
        return
    for f in result.findings:
        click.echo(f"{f.file}:{f.line}: {f.severity.value}: {f.message}", err=True)
    errors = sum(f.severity is Severity.ERROR for f in result.findings)
    if errors:
        raise GlossaryError(f"not imported: {errors} error{'s' if errors != 1 else ''}",
                            path=file, hint="fix them and import again")
    atomic_write(result.dest, result.text)
    kind = " (converted from TBX)" if file.suffix.lower() == ".tbx" else ""
    click.echo(f"imported {counted(result.concepts, 'concept')} from {file} into {shown}{kind}")
