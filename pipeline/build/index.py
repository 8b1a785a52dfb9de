"""Index pages: one patient-facing page per language (published leaflets, titles in that
language) and a separate review dashboard for staff (documents × languages, review state)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pipeline import __version__
from pipeline.build import furniture, ui
from pipeline.build.page import FileOutcome, direction, native_name
from pipeline.files import write_if_changed

if TYPE_CHECKING:
    from pipeline.build.plan import Review
    from pipeline.config import Config

DASHBOARD = "review.html"


def write_indexes(config: Config, *, docs: list[str], reviews: dict[tuple[str, str], Review],
                  manifest: dict[str, str],
                  titles: dict[tuple[str, str], tuple[str, str]],
                  kept: dict[tuple[str, str], dict[str, str]] | None = None) -> FileOutcome:
    """output/index.html (source language), output/<lang>/index.html, output/review.html."""
    source = config.source_language
    tags = [source, *(lang.tag for lang in config.languages)]
    theme = str(config.theme_dir) if config.theme_dir.is_dir() else ""
    logo = furniture.logo(config.theme_dir)
    published: dict[str, list[dict[str, str]]] = {}
    for tag in tags:
        items = []
        for doc in docs:
            rev = reviews.get((doc, tag))
            if f"{tag}/{doc}.html" not in manifest or rev is None or not (
                    rev.complete or (doc, tag) in (kept or {})):
                continue
            title, title_lang = titles.get((doc, tag), (doc, source))
            items.append({"doc": doc, "title": title, "lang": title_lang,
                          "dir": direction(title_lang), "href": f"{tag}/{doc}.html",
                          "pdf_href": f"{tag}/{doc}.pdf" if f"{tag}/{doc}.pdf" in manifest
                          else ""})
        if items or tag == source:
            published[tag] = items
    changed = False
    for tag in tags:  # a language whose last leaflet was withdrawn loses its index too
        stale = config.output_dir / tag / "index.html"
        if tag not in published and tag != source and stale.exists():
            stale.unlink()
            changed = True
    for tag, items in published.items():
        up = "" if tag == source else "../"
        path = config.output_dir / ("index.html" if tag == source else f"{tag}/index.html")
        home = {t: ("index.html" if t == source else f"{t}/index.html") for t in published}
        text = furniture.environment(theme).get_template("index.html.j2").render(
            lang=tag, dir=direction(tag), t=ui.translator(tag, config.theme_dir), up=up,
            project=config.project_name, organisation=config.organisation,
            logo=f"theme/{logo.name}" if logo else "",
            theme_css="theme/style.css" if (config.theme_dir / "style.css").is_file() else "",
            generator=f"pipeline {__version__}",
            leaflets=[dict(i, href=up + i["href"], pdf_href=up + i["pdf_href"] if i["pdf_href"]
                           else "") for i in items],
            alternates=[{"lang": t, "href": up + h} for t, h in home.items()]
            if len(home) > 1 else [],
            others=[{"lang": t, "href": up + h, "name": native_name(t), "dir": direction(t)}
                    for t, h in home.items() if t != tag])
        changed |= write_if_changed(path, text)
    changed |= _write_dashboard(config, docs=docs, reviews=reviews, manifest=manifest,
                                titles=titles, kept=kept or {})
    path = config.output_dir / "index.html"
    return FileOutcome(config.rel(path), "built" if changed else "unchanged")


def _write_dashboard(config: Config, *, docs: list[str], reviews: dict[tuple[str, str], Review],
                     manifest: dict[str, str],
                     titles: dict[tuple[str, str], tuple[str, str]],
                     kept: dict[tuple[str, str], dict[str, str]]) -> bool:
    """output/review.html: documents × languages with their review state and links (staff)."""
    languages = [{"tag": lang.tag, "name": native_name(lang.tag), "dir": direction(lang.tag),
                  "status": lang.status} for lang in config.languages]
    rows = []
    for doc in docs:
        cells = []
        for lang in config.languages:
            rev = reviews[(doc, lang.tag)]
            html = f"{lang.tag}/{doc}.html" if f"{lang.tag}/{doc}.html" in manifest else ""
            pdf = f"{lang.tag}/{doc}.pdf" if f"{lang.tag}/{doc}.pdf" in manifest else ""
            if (doc, lang.tag) in kept:
                state = "released"
                label = (f"reviewed, translating the earlier English "
                         f"{kept[(doc, lang.tag)]['version']}; the update is under review")
            elif html or pdf:
                state = "released" if rev.complete else "draft"
                label = "reviewed" if rev.complete else "draft: machine translation"
            else:
                state = "refused" if lang.released else "missing"
                label = "not published: review pending"
            cells.append({"lang": lang.tag, "state": state, "label": label,
                          "html_href": html, "pdf_href": pdf, "approved": rev.approved,
                          "machine": rev.machine, "untranslated": rev.untranslated,
                          "total": rev.total})
        title = titles.get((doc, config.source_language), (doc, ""))[0]
        source_html = f"{config.source_language}/{doc}.html"
        rows.append({"doc": doc, "title": title, "cells": cells,
                     "source_href": source_html if source_html in manifest else ""})
    theme = str(config.theme_dir) if config.theme_dir.is_dir() else ""
    text = furniture.environment(theme).get_template("review.html.j2").render(
        project=config.project_name or "Patient information", languages=languages, rows=rows,
        source_lang=config.source_language, generator=f"pipeline {__version__}")
    return write_if_changed(config.output_dir / DASHBOARD, text)
