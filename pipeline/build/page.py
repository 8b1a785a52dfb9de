"""One page: a document re-parsed with its translations substituted, rendered to HTML/PDF.

This is what a build worker runs (`render_job`). A translation is data, never markup: raw
HTML stays text, and links or images with a scheme other than the safe ones are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any

from pipeline import languages
from pipeline.build import furniture, ui
from pipeline.files import atomic_write
from pipeline.markdown import parse, parser, read_source, render_html, translate_block
from pipeline.model import BlockKind

# Brackets around untranslated sentences in draft builds; punctuation, so Markdown's
# emphasis rules treat them like quotes. Becomes <span lang="en"> after rendering.
_OPEN, _CLOSE = "\u2e26", "\u2e27"

BANNER = ui.BANNER


SAFE_LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})


SAFE_IMAGE_SCHEMES = frozenset({"http", "https"})


_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")


_CONTROL = re.compile(r"[\x00-\x20\x7f]+")


_PLAIN_META = (BlockKind.TITLE, BlockKind.DESCRIPTION, BlockKind.IMAGE_ALT)


@dataclass(frozen=True)
class FileOutcome:
    """One output file: built, unchanged, removed (no longer releasable) or failed."""

    path: str
    action: str
    note: str = ""
    warnings: tuple[str, ...] = ()  # built, but something the reader should have is missing


@dataclass(frozen=True)
class Job:
    """What a worker needs to render one document in one language (picklable)."""

    doc: str
    lang: str
    source: Path
    shown: str
    page: dict[str, Any]
    translations: dict[str, str]
    mark_untranslated: bool
    source_lang: str
    segmentation: str
    output: Path
    root: Path
    todo: tuple[str, ...]
    keys: dict[str, str] = field(default_factory=dict)
    theme: str = ""   # the content project's theme folder ("" when it has none)


def direction(tag: str) -> str:
    return languages.direction(tag)


def native_name(tag: str) -> str:
    """The language's own name for itself, capitalized as a menu item (Babel)."""
    locale = languages.locale(tag)
    name = str(locale.get_display_name(locale) or tag)
    return name[:1].upper() + name[1:]


def _package_text(name: str) -> str:
    return (files("pipeline.build") / "templates").joinpath(name).read_text("utf-8")


def _template(name: str, theme: str = "") -> Any:
    """A page template: the theme's own copy when it has one, else the package's."""
    return furniture.environment(theme).get_template(name)


def render_job(job: Job) -> tuple[FileOutcome, ...]:
    """Assemble one translated page, then write its HTML and/or PDF."""
    offline: list[tuple[str, str]] = []
    html, notes = page_html(job, offline=offline)
    folder = job.output / job.lang
    done = []
    if "html" in job.todo:
        path = folder / f"{job.doc}.html"
        atomic_write(path, html)
        done.append(FileOutcome(str(path), "built", "; ".join(notes)))
    if "pdf" in job.todo:
        from pipeline.build.pdf import render_pdf

        path = folder / f"{job.doc}.pdf"
        report = render_pdf(html=html, base=folder, roots=(job.root, job.output), target=path)
        if report.missing_glyphs:
            path.unlink(missing_ok=True)
            done.append(FileOutcome(str(path), "failed",
                                    f"no glyph in any installed font for "
                                    f"{', '.join(report.missing_glyphs)}; install a font that "
                                    "covers it, e.g. from fonts-noto-core"))
        else:
            warnings = tuple(f"image {src} is not embedded in the PDF ({why}; its alt text "
                             "shows instead): put the image in the source folder and give a "
                             "relative path" for src, why in offline)
            others = len(report.refused_urls) - len(offline)
            note = f"refused {others} URL(s)" if others > 0 else ""
            done.append(FileOutcome(str(path), "built", note, warnings))
    return tuple(done)


def page_html(job: Job, *, offline: list[tuple[str, str]] | None = None) -> tuple[str, list[str]]:
    """The page: translated Markdown rendered with raw HTML off, inside the template.

    `offline` collects (src, why) of images the HTML keeps but an offline PDF cannot embed.
    """
    parsed = parse(read_source(job.source, shown=job.shown), shown=job.shown,
                   segmentation=job.segmentation)
    strip = str.maketrans("", "", _OPEN + _CLOSE)

    def lookup(marked: bool) -> Callable[[str], str | None]:
        def find(source: str) -> str | None:
            found = job.translations.get(source)
            if found:
                return found.translate(strip)
            return f"{_OPEN}{source.translate(strip)}{_CLOSE}" if marked else None
        return find

    meta = {"title": str(parsed.meta.get("title", "") or ""), "description": ""}
    for slot in parsed.slots:
        kind = slot.block.kind
        plain = kind in _PLAIN_META
        text = translate_block(slot.block.text, lookup=lookup(job.mark_untranslated and not plain),
                               lang=job.lang,
                               segmentation="paragraph" if plain else job.segmentation)
        if kind in (BlockKind.TITLE, BlockKind.DESCRIPTION):
            meta[kind.value] = _plain_text(text)
        else:
            slot.replace(text)
    notes: list[str] = []
    _sanitize(parsed.tokens, source_dir=job.source.parent, notes=notes, offline=offline)
    body = _finish(render_html(parsed.tokens), job)
    if job.page.get("bilingual"):
        original = parse(read_source(job.source, shown=job.shown), shown=job.shown,
                         segmentation=job.segmentation)
        _sanitize(original.tokens, source_dir=job.source.parent, notes=[], offline=offline)
        body = _side_by_side(original.tokens, parsed.tokens, job) or body
    from markupsafe import Markup

    title = meta["title"] or job.doc
    t = ui.translator(job.lang, Path(job.theme) if job.theme else None)
    page = {**furniture.page_defaults(lang=job.lang, source_lang=job.source_lang), **job.page}
    control = page["control"]
    qr = (furniture.qr_svg(page["online_url"], t.gettext("Online version"))
          if page["online_url"] else "")
    html = _template("page.html.j2", job.theme).render(
        **page, title=title, description=meta["description"], body=Markup(body.strip()),
        t=t, qr=qr, page_css=furniture.page_css(
            t, direction=direction(job.lang), code=control["code"],
            version=control["version"], banner=page["banner"]))
    return str(html), notes


def _finish(body: str, job: Job) -> str:
    """Rendered Markdown made ready for the page: isolates, tel: links, printed addresses."""
    if direction(job.lang) == "rtl":
        body = isolate_measures(body)
    dir_attr = direction(job.source_lang)
    # <bdi> isolates each English sentence, so lines of an RTL draft never interleave.
    body = body.replace(_OPEN, f'<bdi class="untranslated" lang="{job.source_lang}" '
                               f'dir="{dir_attr}">').replace(_CLOSE, "</bdi>")
    body = furniture.print_targets(furniture.link_phones(body))
    return body.replace("<table>", '<table tabindex="0">')  # it scrolls sideways on a phone


def _top_blocks(tokens: list[Any]) -> list[list[Any]]:
    """Tokens grouped into top-level blocks (a paragraph, a list, a table...)."""
    groups: list[list[Any]] = []
    current: list[Any] = []
    depth = 0
    for token in tokens:
        if token.type == "front_matter":
            continue
        current.append(token)
        depth += token.nesting
        if depth == 0:
            groups.append(current)
            current = []
    return groups


def _side_by_side(original: list[Any], translated: list[Any], job: Job) -> str:
    """The English and the translation block by block, in two columns ("" if they differ)."""
    english, target = _top_blocks(original), _top_blocks(translated)
    if len(english) != len(target):
        return ""
    source = job.source_lang
    rows = []
    for left, right in zip(english, target, strict=True):
        en_html = furniture.print_targets(furniture.link_phones(render_html(left)))
        rows.append(f'<div class="pair"><div class="original" lang="{source}" '
                    f'dir="{direction(source)}">{en_html.strip()}</div>'
                    f'<div class="translation">{_finish(render_html(right), job).strip()}'
                    "</div></div>")
    return "\n".join(rows)


# A dose, temperature, signed day or phone number: digits with their unit or sign, which
# the bidi algorithm would otherwise reorder in right-to-left text ("38 °C" → "C° 38").
_MEASURE = re.compile(
    r"(?<![\w+\-−])(?:[+\-−]\d+(?:[.,]\d+)*(?:[ \u00a0]\d+(?:[.,]\d+)*)*"
    r"|\d+(?:[.,]\d+)*[ \u00a0]?(?:°[ \u00a0]?[CF]|mg/kg|mg/m2|mmol/L|mg|ml|kg|µg|%))(?![\w/])")


_TAG_OR_TEXT = re.compile(r"(<[^>]*>)")


def isolate_measures(html: str) -> str:
    """Wrap measures in text nodes in `<span dir="ltr">` so RTL pages show them in order."""
    parts = _TAG_OR_TEXT.split(html)
    for index in range(0, len(parts), 2):  # even indexes are text between tags
        parts[index] = _MEASURE.sub(lambda m: f'<span dir="ltr">{m.group(0)}</span>',
                                    parts[index])
    return "".join(parts)


def _plain_text(markdown: str) -> str:
    """Inline Markdown reduced to its text, for <title> and the description meta."""
    tokens = parser().parseInline(markdown)[0].children or []
    pieces = []
    for token in tokens:
        if token.type in ("text", "code_inline"):
            pieces.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            pieces.append(" ")
        elif token.type == "image":
            pieces.append(token.content)
    return re.sub(r"\s+", " ", "".join(pieces)).strip()


def _scheme(url: str) -> str:
    found = _SCHEME.match(_CONTROL.sub("", url).lower())
    return found.group(1) if found else ""


def _sanitize(tokens: list[Any], *, source_dir: Path, notes: list[str],
              offline: list[tuple[str, str]] | None = None) -> None:
    """Make links and images from translations inert unless they are plainly safe.

    Site-relative (`/img/x.png`) and remote images keep their src; `offline` gets them.
    """
    from markdown_it.token import Token

    for token in tokens:
        if not token.children:
            continue
        children = []
        for child in token.children:
            if child.type == "link_open":
                href = str(child.attrGet("href") or "")
                scheme = _scheme(href)
                if scheme and scheme not in SAFE_LINK_SCHEMES:
                    child.attrs.pop("href", None)
                elif not scheme and href.endswith(".md") and "/" not in href:
                    child.attrSet("href", href[:-3] + ".html")
            elif child.type == "image":
                src = str(child.attrGet("src") or "")
                scheme = _scheme(src)
                if src.startswith("/") or scheme in SAFE_IMAGE_SCHEMES:
                    if offline is not None:
                        offline.append((src, "a remote image" if scheme or src.startswith("//")
                                        else "a site-relative path"))
                    children.append(child)
                    continue
                target = (source_dir / src).resolve() if not scheme else None
                if (scheme and scheme not in SAFE_IMAGE_SCHEMES) or (
                        target is not None and source_dir.resolve() not in target.parents):
                    children.append(Token("text", "", 0, content=child.content))
                    continue
                if target is not None and src and target.is_file():
                    child.attrSet("src", "../media/" + target.relative_to(
                        source_dir.resolve()).as_posix())
                elif target is not None:
                    notes.append(f"image not found: {src}")
            children.append(child)
        token.children = children

