"""The root of the command line: the `pipeline` group, its error handling and the project.

This is the one place that turns a PipelineError into a one-line message and exit code 2.
"""

from __future__ import annotations

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


def emit(text: str, output: Path | None, *, said: str) -> None:
    """Print `text`, or write it to `output` (atomically) and say `said`."""
    if output is None:
        click.echo(text, nl=False)
        return
    from pipeline.files import atomic_write

    atomic_write(output, text)
    click.echo(said)
