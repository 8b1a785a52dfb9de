"""The command line: thin click commands over the stages.

This is the one place that turns a PipelineError into a one-line message and exit code 2.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from pipeline import __version__
from pipeline.config import Config, find_project, load_config
from pipeline.errors import PipelineError


class PipelineGroup(click.Group):
    """A click group that reports PipelineError as `error: file:line: message (fix)`."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except PipelineError as exc:
            click.echo(f"error: {exc}", err=True)
            ctx.exit(exc.exit_code)


def project(ctx: click.Context) -> Config:
    """The configuration of --project DIR, or of the nearest project upwards."""
    obj = ctx.find_root().obj
    if "config" not in obj:
        given = obj.get("project")
        root = Path(given) if given else find_project(Path.cwd())
        obj["config"] = load_config(root)
    config: Config = obj["config"]
    return config


@click.group(cls=PipelineGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--project", "project_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Project folder (default: nearest folder upwards with [tool.pipeline]).")
@click.version_option(__version__, prog_name="pipeline")
@click.pass_context
def cli(ctx: click.Context, project_dir: Path | None) -> None:
    """Offline localization of medical patient information: Markdown → gettext → HTML/PDF."""
    ctx.obj = {"project": project_dir}


@cli.command()
@click.argument("directory", required=False, type=click.Path(file_okay=False, path_type=Path))
def init(directory: Path | None) -> None:
    """Create a new content project (config, folders, an example document) in DIRECTORY."""
    from pipeline.scaffold import init_project

    root = directory or Path.cwd()
    created = init_project(root)
    for path in created:
        click.echo(f"created {path}")
    click.echo(f"next: add Markdown to {root / 'source'} and run 'pipeline extract'")


@cli.command()
@click.pass_context
def extract(ctx: click.Context) -> None:
    """Segment source/*.md into locales/<doc>.pot and merge every language's .po catalogs."""
    from pipeline.extract import extract as run_extract
    from pipeline.lock import project_lock

    config = project(ctx)
    with project_lock(config.root, command="extract"):
        result = run_extract(config)
    written = [(path, stats) for path, stats in result.catalogs if stats.written]
    total = len(result.documents) + len(result.unchanged)
    click.echo(f"{total} documents ({len(result.unchanged)} unchanged), "
               f"{result.segments} segments; {len(result.templates_written)} templates and "
               f"{len(written)} catalogs updated")
    for path, stats in written[:20]:
        click.echo(f"  {path}: {stats.added} new, {stats.fuzzy} fuzzy, "
                   f"{stats.obsolete} obsolete")
    if len(written) > 20:
        click.echo(f"  … and {len(written) - 20} more catalogs: "
                   f"{sum(s.added for _, s in written)} new, "
                   f"{sum(s.fuzzy for _, s in written)} fuzzy, "
                   f"{sum(s.obsolete for _, s in written)} obsolete entries in all")


@cli.command()
@click.option("--lang", "langs", multiple=True, help="Only this language (repeatable).")
@click.option("--engine", type=click.Choice(["argos", "apertium", "pseudo"]),
              help="Use this engine instead of the configured order.")
@click.option("--refresh-fuzzy", is_flag=True, help="Also redo earlier machine output.")
@click.option("--dry-run", is_flag=True, help="Say what would be translated; write nothing.")
@click.pass_context
def translate(ctx: click.Context, langs: tuple[str, ...], engine: str | None,
              refresh_fuzzy: bool, dry_run: bool) -> None:
    """Machine-translate untranslated entries offline; every result is marked fuzzy."""
    raise PipelineError("'translate' is not available in this version yet",
                        hint="see the README for the commands available")


@cli.command()
@click.option("--lang", "langs", multiple=True, help="Only this language (repeatable).")
@click.option("--format", "formats", multiple=True, type=click.Choice(["html", "pdf"]),
              help="Output format (repeatable; default both).")
@click.option("--draft", is_flag=True, help="Also build unreviewed content, with a banner.")
@click.pass_context
def build(ctx: click.Context, langs: tuple[str, ...], formats: tuple[str, ...],
          draft: bool) -> None:
    """Build localized HTML pages and PDF handouts into output/."""
    raise PipelineError("'build' is not available in this version yet",
                        hint="see the README for the commands available")


@cli.command()
@click.option("--lang", "langs", multiple=True, help="Only this language (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "junit"]), default="text")
@click.option("--strict", is_flag=True, help="Draft languages fail the run too.")
@click.pass_context
def check(ctx: click.Context, langs: tuple[str, ...], fmt: str, strict: bool) -> None:
    """Check catalogs for completeness and safety (the CI gate); exit 1 on findings."""
    raise PipelineError("'check' is not available in this version yet",
                        hint="see the README for the commands available")


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.pass_context
def status(ctx: click.Context, fmt: str) -> None:
    """Show documents × languages with approved, machine (fuzzy) and untranslated counts."""
    from pipeline.status import collect, render_text

    config = project(ctx)
    rows = collect(config)
    if fmt == "json":
        click.echo(json.dumps({"catalogs": [row.as_dict() for row in rows]}, indent=2,
                              ensure_ascii=False))
    else:
        click.echo(render_text(rows, color=sys.stdout.isatty()))


@cli.group()
def glossary() -> None:
    """Check, export and import the terminology in glossary/."""


@glossary.command("check")
@click.pass_context
def glossary_check(ctx: click.Context) -> None:
    """Validate the glossary files and report term coverage in source/."""
    raise PipelineError("'glossary check' is not available in this version yet")


@glossary.command("export")
@click.option("--format", "fmt", type=click.Choice(["csv", "tbx"]), required=True)
@click.option("-o", "output", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
def glossary_export(ctx: click.Context, fmt: str, output: Path | None) -> None:
    """Write the merged glossary as CSV or TBX (to stdout or FILE)."""
    raise PipelineError("'glossary export' is not available in this version yet")


@glossary.command("import")
@click.argument("file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.pass_context
def glossary_import(ctx: click.Context, file: Path) -> None:
    """Add a CSV or TBX glossary file to glossary/."""
    raise PipelineError("'glossary import' is not available in this version yet")


@cli.group()
def models() -> None:
    """List and install offline argos translation models."""


@models.command("list")
def models_list() -> None:
    """List installed argos packages and the language pairs they serve."""
    raise PipelineError("'models list' is not available in this version yet")


@models.command("install")
@click.argument("file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
def models_install(file: Path) -> None:
    """Validate and install an .argosmodel file (no network)."""
    raise PipelineError("'models install' is not available in this version yet")


def main() -> None:
    cli(prog_name="pipeline")
