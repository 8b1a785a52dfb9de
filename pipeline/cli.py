"""The command line: thin click commands over the stages (the root group and its error
handling in cli_base; glossary, models, xliff and tm commands in cli_glossary, cli_models and
cli_exchange)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from pipeline import cli_exchange, cli_glossary, cli_models  # noqa: F401 - commands join `cli`
from pipeline.cli_base import cli, project
from pipeline.wording import counted


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
    click.echo(f"{counted(total, 'document')} ({len(result.unchanged)} unchanged), "
               f"{counted(result.segments, 'segment')}; "
               f"{counted(len(result.templates_written), 'template')} and "
               f"{counted(len(written), 'catalog')} updated")
    for shown in result.empty:
        click.echo(f"warning: {shown}: empty document, nothing to translate (write its text, "
                   "or remove the file)", err=True)
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
@click.option("--engine", metavar="NAME",
              help="Use this engine instead of the configured order: argos, apertium, pseudo "
                   "or a model named under [tool.pipeline.models].")
@click.option("--refresh-fuzzy", is_flag=True, help="Also redo earlier machine output.")
@click.option("--dry-run", is_flag=True, help="Say what would be translated; write nothing.")
@click.pass_context
def translate(ctx: click.Context, langs: tuple[str, ...], engine: str | None,
              refresh_fuzzy: bool, dry_run: bool) -> None:
    """Machine-translate untranslated entries offline; every result is marked fuzzy."""
    from pipeline.engines import preflight
    from pipeline.lock import project_lock
    from pipeline.translate import translate as run_translate

    config = project(ctx)
    preflight(config, langs=langs, requested=engine)
    bars: dict[str, Any] = {}

    def progress(lang: str, done: int, total: int) -> None:
        if not sys.stderr.isatty():
            return
        if lang not in bars:
            bars[lang] = click.progressbar(length=total, label=f"{lang}", file=sys.stderr)
            bars[lang].__enter__()
        bar = bars[lang]
        bar.update(done - bar.pos)
        if done >= total:
            bar.__exit__(None, None, None)

    with project_lock(config.root, command="translate"):
        summary = run_translate(config, langs=langs, engine=engine, refresh_fuzzy=refresh_fuzzy,
                                dry_run=dry_run, progress=progress)
    verb = "would translate" if dry_run else "translated"
    for r in summary.languages:
        if r.skipped:
            click.echo(f"{r.lang}: {counted(r.machine, 'segment')} not translated: {r.skipped}")
        elif not r.entries:
            click.echo(f"{r.lang}: nothing to translate")
        else:
            line = f"{r.lang}: {verb} {counted(r.machine, 'segment')}"
            if r.engine:
                line += f" with {r.engine}"
            line += (f", {r.from_memory} from translation memory "
                     f"({counted(r.entries, 'entry')})")
            if not dry_run and r.machine:
                line += f" in {r.seconds:.1f} s, {r.per_second:.0f} segments/s"
            if r.qa_workers:
                workers = counted(r.qa_workers, "worker process", "worker processes")
                line += f", checked in {workers}"
            click.echo(line)
            if r.flags:
                click.echo("    flags: " + ", ".join(f"{k} {n}" for k, n in r.flags))
    if not dry_run and any(r.machine and not r.skipped for r in summary.languages):
        click.echo("machine output is marked fuzzy: review it, then remove the fuzzy flag")


@cli.command()
@click.option("--lang", "langs", multiple=True, help="Only this language (repeatable).")
@click.option("--format", "formats", multiple=True, type=click.Choice(["html", "pdf"]),
              help="Output format (repeatable; default both).")
@click.option("--draft", is_flag=True, help="Also build unreviewed content, with a banner.")
@click.option("--bilingual", is_flag=True,
              help="Translated pages show the English original beside each paragraph.")
@click.pass_context
def build(ctx: click.Context, langs: tuple[str, ...], formats: tuple[str, ...],
          draft: bool, bilingual: bool) -> None:
    """Build localized HTML pages and PDF handouts into output/."""
    from pipeline.build.run import build as run_build
    from pipeline.lock import project_lock

    config = project(ctx)
    with project_lock(config.root, command="build"):
        result = run_build(config, langs=langs, formats=formats, draft=draft,
                           bilingual=bilingual)
    for outcome in result.outcomes:
        if outcome.action != "built":
            click.echo(f"{outcome.action:<9} {outcome.lang}/{outcome.doc}: {outcome.reason}")
        for file in outcome.files:
            note = f" ({file.note})" if file.note else ""
            click.echo(f"{file.action:<9} {file.path}{note}")
            for warning in file.warnings:
                click.echo(f"warning: {file.path}: {warning}")
    for file in result.removed:
        click.echo(f"{'removed':<9} {file.path} (no longer built)")
    click.echo(f"{result.index.action:<9} {result.index.path}")
    files = [f for o in result.outcomes for f in o.files]
    counts = {a: sum(f.action == a for f in files) for a in ("built", "unchanged", "failed")}
    skipped = sum(o.action == "skipped" for o in result.outcomes)
    summary = (f"{counted(counts['built'], 'file')} built, {counts['unchanged']} unchanged; "
               f"{counted(len(result.refused), 'document')} refused, {skipped} skipped")
    if result.kept:
        summary += f", {counted(len(result.kept), 'last release')} kept"
    if counts["failed"]:
        summary += f", {counted(counts['failed'], 'file')} failed"
    click.echo(summary)
    ctx.exit(result.exit_code)


@cli.command()
@click.option("--lang", "langs", multiple=True, help="Only this language (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "junit"]), default="text")
@click.option("--strict", is_flag=True, help="Draft languages fail the run too.")
@click.pass_context
def check(ctx: click.Context, langs: tuple[str, ...], fmt: str, strict: bool) -> None:
    """Check catalogs for completeness and safety (the CI gate); exit 1 on findings."""
    from pipeline.checks.report import render_json, render_junit, render_text
    from pipeline.checks.run import run_checks

    report = run_checks(project(ctx), langs=langs, strict=strict)
    if fmt == "json":
        click.echo(render_json(report))
    elif fmt == "junit":
        click.echo(render_junit(report))
    else:
        click.echo(render_text(report, color=sys.stdout.isatty()))
    if report.failed:
        ctx.exit(1)


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


@cli.command()
@click.option("--lang", required=True, help="The language whose catalogs you reviewed.")
@click.option("--reviewer", required=True, help='Who signs: "Name <email>".')
@click.option("--role", type=click.Choice(["translator", "reviewer", "clinician"]),
              default="reviewer", show_default=True, help="The role you reviewed in.")
@click.option("--entry", "entries", multiple=True,
              help="Sign off only the entry with this msgid (repeatable).")
@click.option("--key", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="Private SSH key to sign the records with (ssh-keygen -Y sign).")
@click.argument("docs", nargs=-1)
@click.pass_context
def signoff(ctx: click.Context, lang: str, reviewer: str, role: str,
            entries: tuple[str, ...], key: Path | None, docs: tuple[str, ...]) -> None:
    """Sign off the approved entries of DOCS (all documents if none) as reviewed by you."""
    from pipeline.review.signoff import sign

    config = project(ctx)
    done = sign(config, lang=lang, reviewer=reviewer, role=role, docs=docs,
                entry=entries or None, key=key)
    for record in done:
        click.echo(f"signed    {lang}/{record.doc}: {record.msgid[:60]!r}")
    per_doc = sorted({r.doc for r in done})
    click.echo(f"{len(done)} {'entry' if len(done) == 1 else 'entries'} signed off by "
               f"{reviewer} as {role}"
               + (f" in {', '.join(per_doc)}" if per_doc else " (nothing new to sign)"))


@cli.command()
@click.option("--lang", "langs", multiple=True, help="Only this language (repeatable).")
@click.option("--doc", "docs", multiple=True, help="Only this document (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["text", "csv", "json"]), default="text",
              help="Output format.")
@click.pass_context
def audit(ctx: click.Context, langs: tuple[str, ...], docs: tuple[str, ...], fmt: str) -> None:
    """Per entry: state, who signed it, role, when, stale or valid, critical or not."""
    from pipeline.review.audit import audit as run_audit
    from pipeline.review.audit import render_csv, render_json, render_text

    audits = run_audit(project(ctx), langs=langs, docs=docs)
    render = {"csv": render_csv, "json": render_json, "text": render_text}[fmt]
    click.echo(render(audits))
# --- end review ---

# --- review app (issue 15) ---
@cli.command()
@click.option("--lang", help="Open this language's first document (default: the overview).")
@click.option("--reviewer", help='Who reviews: "Name <email>" (needed to sign off).')
@click.option("--role", type=click.Choice(["translator", "reviewer", "clinician"]),
              default="reviewer", show_default=True, help="The role you review in.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (loopback unless --allow-remote).")
@click.option("--allow-remote", is_flag=True,
              help="Allow a --host other than loopback (anyone on that network with the "
                   "token can edit).")
@click.option("--port", type=click.IntRange(0, 65535), default=0,
              help="Port to listen on (default: a free one).")
@click.option("--ui-lang", default="en", show_default=True,
              help="Language of the app's own words (Arabic pages are right-to-left).")
@click.option("--no-browser", is_flag=True, help="Only print the URL; do not open a browser.")
@click.pass_context
def review(ctx: click.Context, lang: str | None, reviewer: str | None, role: str, host: str,
           allow_remote: bool, port: int, ui_lang: str, no_browser: bool) -> None:
    """Open the local review web app: edit, approve and sign off translations."""
    from pipeline.review.app import LOOPBACK, serve
    from pipeline.review.records import ReviewError
    from pipeline.review.views import documents

    config = project(ctx)
    start = "/"
    if lang:
        config.language(lang)
        docs = documents(config)
        start = f"/doc/{lang}/{docs[0]}" if docs else "/"
    if host not in LOOPBACK:
        if not allow_remote:
            raise ReviewError(f"--host {host} is not loopback",
                              hint="add --allow-remote if you really mean to serve the network")
        click.echo(f"warning: serving on {host}: anyone who can reach it and has the token "
                   "can edit the catalogs", err=True)
    serve(config, reviewer=reviewer, role=role, host=host, port=port, ui_lang=ui_lang,
          open_browser=not no_browser, announce=lambda line: click.echo(line), start=start)
# --- end review app ---


@cli.command("languages")
def languages_command() -> None:
    """Show the language matrix: script, direction, plurals, digits, check coverage, font."""
    from pipeline.checks.coverage import matrix_table

    click.echo(matrix_table())


def main() -> None:
    cli(prog_name="pipeline")
