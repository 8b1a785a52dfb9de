"""`pipeline models list|available|install`: the offline models, and the one command that
downloads."""

from __future__ import annotations

from pathlib import Path

import click

from pipeline.cli_base import cli, project
from pipeline.config import Config, find_project
from pipeline.errors import PipelineError


@cli.group()
def models() -> None:
    """List the models configured and installed; install argos models."""


def _model_project(ctx: click.Context) -> Path | None:
    """The project that records installed models' sha256; none outside a project."""
    try:
        return project(ctx).root
    except PipelineError:
        return None


def _listed_project(ctx: click.Context) -> Config | None:
    """The project whose models are listed: none outside a project; a broken one is an error."""
    given = ctx.find_root().obj.get("project")
    try:
        root = find_project(Path(given) if given else Path.cwd())
    except PipelineError:
        return None
    if given and root != Path(given).resolve():
        return None
    return project(ctx)


@models.command("list")
@click.pass_context
def models_list(ctx: click.Context) -> None:
    """List configured models and installed argos packages: pairs served, sha256."""
    from pipeline.engines import configured_models
    from pipeline.engines.apertium import installed_modes
    from pipeline.engines.index import recorded
    from pipeline.engines.packages import INSTALL_HINT, installed_packages, packages_dir

    config = _listed_project(ctx)
    configured = configured_models(config) if config else []
    if configured:
        click.echo("models configured in pyproject.toml [tool.pipeline.models]:")
    for item in configured:
        model = item.model
        pairs = ", ".join(f"{a} → {b}" for a, b in item.pairs) or "no configured language"
        state = f"sha256 {item.sha256}" if item.sha256 else f"cannot run: {item.problem}"
        click.echo(f"  {model.name} ({model.kind}, {model.shown}, beam {model.beam}, "
                   f"device {model.device}): {pairs}  {state}")
    folder = packages_dir()
    packages = installed_packages(folder)
    root = config.root if config else None
    hashes = recorded(root) if root else {}
    click.echo(f"argos packages in {folder}:")
    for package in packages:
        version = f" {package.package_version}" if package.package_version else ""
        sha = hashes.get(package.name, {}).get("sha256", "")
        click.echo(f"  {package.from_code} → {package.to_code}  {package.name}{version}  "
                   f"sha256 {sha or 'not recorded'}")
    if not packages:
        click.echo(f"  none; {INSTALL_HINT}")
    modes = installed_modes()
    click.echo("apertium pairs: " + (", ".join(f"{a} → {b} ({m})" for (a, b), m
                                               in sorted(modes.items())) or "none"))


@models.command("available")
def models_available() -> None:
    """List the packages the index offers ($PIPELINE_MODEL_INDEX, else argos's own)."""
    from pipeline.engines.index import index_url, read_index

    url = index_url()
    entries = read_index(url)
    click.echo(f"packages in {url}:")
    for entry in sorted(entries, key=lambda e: (e.from_code, e.to_code, e.version)):
        size = f"  {entry.size / 1e6:.1f} MB" if entry.size is not None else ""
        click.echo(f"  {entry.from_code} → {entry.to_code}  {entry.version}{size}")


@models.command("install")
@click.argument("what", nargs=-1, required=True)
@click.option("--sha256", help="Refuse the package unless its sha256 is this.")
@click.pass_context
def models_install(ctx: click.Context, what: tuple[str, ...], sha256: str | None) -> None:
    """Install FILE.argosmodel (offline), or FROM TO from the package index."""
    from pipeline.engines.index import file_sha256, install_from_index, record
    from pipeline.engines.packages import install
    from pipeline.errors import EngineError

    root = _model_project(ctx)
    if len(what) == 1:
        file = Path(what[0])
        if not file.is_file():
            raise EngineError(f"no such file: {file}",
                             hint="give an .argosmodel file, or FROM TO to download")
        got = file_sha256(file)
        if sha256 and got != sha256.lower():
            raise EngineError(f"sha256 mismatch: got {got}", path=file,
                             hint=f"expected {sha256}; refusing the package")
        package = install(file)
        if root:
            record(root, package, got, str(file))
    elif len(what) == 2:
        shown: list[int] = []

        def progress(done: int, total: int | None) -> None:
            step = done * 10 // total if total else done >> 24
            if not shown or step > shown[-1]:
                shown.append(step)
                size = f"/{total / 1e6:.1f}" if total else ""
                click.echo(f"downloading {done / 1e6:.1f}{size} MB", err=True)

        package, got = install_from_index(root, what[0], what[1], sha256=sha256,
                                          progress=progress)
    else:
        raise EngineError("give one FILE.argosmodel, or FROM TO",
                         hint="e.g. 'pipeline models install en fr'")
    click.echo(f"installed {package.from_code} → {package.to_code} ({package.name}) "
               f"in {package.path}, sha256 {got}")


# --- review: sign-off and audit (issue 14) ---
