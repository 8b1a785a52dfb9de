"""What a handout carries besides its text: document control, page CSS in the reader's
language, a QR code for the online version, `tel:` links and the theme's templates."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from markupsafe import Markup

from pipeline.build import ui
from pipeline.build.doccontrol import Control, format_day

THEME_TEMPLATES = "templates"
LOGO_NAMES = ("logo.svg", "logo.png")


def control_context(control: Control, *, lang: str, source_lang: str) -> dict[str, Any]:
    """Document-control fields as the page shows them, dates in the reader's locale."""
    return {
        "version": control.version, "date": format_day(control.date, lang),
        "review_date": format_day(control.review_date, lang), "code": control.code,
        "authors": list(control.authors), "owner": control.owner,
        "sources": list(control.sources), "is_source": lang == source_lang,
        "source_date": format_day(control.date, lang),
    }


def page_defaults(*, lang: str, source_lang: str) -> dict[str, Any]:
    """What a page shows when the build gives no document control, branding or sign-offs."""
    return {"control": control_context(Control(), lang=lang, source_lang=source_lang),
            "reviewers": [], "bilingual": False, "organisation": "", "logo": "",
            "theme_css": "", "online_url": ""}


def _css_string(text: str) -> str:
    """A CSS string literal (for `content:`), safe inside <style>."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return '"' + escaped.replace("<", "\\3c ").replace(">", "\\3e ") + '"'


def page_css(t: ui.Translator, *, direction: str, code: str, version: str,
             banner: bool) -> Markup:
    """@page rules in the reader's language: page numbers, leaflet code, draft banner."""
    words = t.gettext("Page %(page)s of %(pages)s")
    pieces = re.split(r"(%\(page\)s|%\(pages\)s)", words)
    content = " ".join(
        "counter(page)" if p == "%(page)s" else "counter(pages)" if p == "%(pages)s"
        else _css_string(p) for p in pieces if p)
    rules = [f"@page {{ @bottom-center {{ content: {content}; direction: {direction}; }}"]
    left = " · ".join(x for x in (code, version) if x)
    if left:
        side = "bottom-right" if direction == "rtl" else "bottom-left"
        rules.append(f"  @{side} {{ content: {_css_string(left)}; font-size: 8pt; "
                     "color: #555; direction: ltr; }")
    rules.append("}")
    if banner:
        rules.append("@page draft { @top-center { content: "
                     f"{_css_string(t.gettext(ui.BANNER))}; direction: {direction}; }} }}")
    return Markup("\n".join(rules))


def qr_svg(url: str, label: str) -> Markup:
    """An inline SVG QR code for `url` (segno), labelled for screen readers."""
    import segno

    svg = segno.make(url, error="m").svg_inline(scale=2, svgclass="qr-code", lineclass=None,
                                                omitsize=False)
    return Markup(svg.replace("<svg ", f'<svg role="img" aria-label="{Markup.escape(label)}" ',
                              1))


# An international phone number as patients are told to dial it: "+44 20 7946 0123".
_PHONE = re.compile(r"(?<![\w+])\+\d{1,3}(?:[ \u00a0]\d{2,5}){2,5}(?![\w])")
_TAG = re.compile(r"(<[^>]*>)")


def link_phones(html: str) -> str:
    """Turn phone numbers in text (not already in a link or code) into `tel:` links."""
    parts = _TAG.split(html)
    inside = 0
    for index, part in enumerate(parts):
        if index % 2:
            name = part[1:].split(None, 1)[0].rstrip(">").lower() if len(part) > 2 else ""
            if name in ("a", "code"):
                inside += 1
            elif name in ("/a", "/code"):
                inside = max(0, inside - 1)
        elif not inside:
            parts[index] = _PHONE.sub(
                lambda m: f'<a href="tel:{re.sub(r"[^+0-9]", "", m.group(0))}" dir="ltr">'
                          f"{m.group(0)}</a>", part)
    return "".join(parts)


_LINK = re.compile(r'(<a href="((?:https?|mailto):[^"]*)"[^>]*>.*?</a>)', re.S)


def print_targets(html: str) -> str:
    """After each web or mail link, its address in an isolated LTR span shown only on paper."""
    def add(match: re.Match[str]) -> str:
        target = match.group(2).removeprefix("mailto:")
        return (f'{match.group(1)}<span class="link-target"> (<span dir="ltr">{target}</span>)'
                "</span>")
    return _LINK.sub(add, html)


@lru_cache(maxsize=8)
def environment(theme: str) -> Any:
    """Jinja2 with the theme's templates (if any) in front of the package's own."""
    from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, StrictUndefined

    loaders: list[Any] = []
    if theme and (Path(theme) / THEME_TEMPLATES).is_dir():
        loaders.append(FileSystemLoader(str(Path(theme) / THEME_TEMPLATES)))
    loaders.append(PackageLoader("pipeline.build", "templates"))
    return Environment(loader=ChoiceLoader(loaders), autoescape=True,
                       undefined=StrictUndefined, keep_trailing_newline=True)


def theme_files(theme: Path) -> list[Path]:
    """Every file of a theme folder (templates, CSS, logo, UI catalogs), for digests."""
    if not theme.is_dir():
        return []
    return sorted(p for p in theme.rglob("*") if p.is_file() and not p.name.startswith("."))


def logo(theme: Path) -> Path | None:
    return next((theme / n for n in LOGO_NAMES if (theme / n).is_file()), None)
