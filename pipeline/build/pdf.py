"""PDF handouts: WeasyPrint (imported lazily), offline, tagged, every glyph accounted for."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from pipeline.errors import BuildError
from pipeline.files import atomic_write_bytes

# PDF/UA-1 brings tagging (structure tree, /Lang, XMP metadata); WeasyPrint 70 offers it.
PDF_VARIANT = "pdf/ua-1"
_NOTDEF = re.compile(r"\.notdef glyph rendered.*\(U\+([0-9A-F]+)\)")


@dataclass(frozen=True)
class PdfReport:
    """What rendering one PDF noticed: characters without a glyph and refused URLs."""

    missing_glyphs: tuple[str, ...] = ()
    refused_urls: tuple[str, ...] = ()


class _Capture(logging.Handler):
    """Collects WeasyPrint's warnings about .notdef glyphs while one PDF renders."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.missing: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        found = _NOTDEF.search(record.getMessage())
        if found:
            self.missing.append(f"U+{found.group(1)}")


def make_fetcher(*, roots: tuple[Path, ...]) -> Any:
    """A WeasyPrint URL fetcher that serves local files under `roots` and nothing else."""
    from weasyprint.urls import URLFetcher

    allowed = tuple(r.resolve() for r in roots)

    class LocalOnlyFetcher(URLFetcher):
        """Refuses network URLs, data: URLs and files outside the project."""

        refused: list[str]

        def fetch(self, url: str, headers: Any = None) -> Any:
            parts = urlsplit(url)
            if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
                self.refused.append(url[:80])
                raise ValueError(f"refused non-local URL: {url[:80]}")
            path = Path(unquote(parts.path)).resolve()
            if not any(path == r or r in path.parents for r in allowed):
                self.refused.append(url[:80])
                raise ValueError(f"refused file outside the project: {path}")
            return super().fetch(f"file://{path.as_posix()}", headers)

    fetcher = LocalOnlyFetcher(allowed_protocols=("file",), allow_redirects=False)
    fetcher.refused = []
    return fetcher


def render_pdf(*, html: str, base: Path, roots: tuple[Path, ...], target: Path) -> PdfReport:
    """Render an HTML page (its <title> and lang become PDF metadata) into `target`."""
    from weasyprint import HTML

    fetcher = make_fetcher(roots=roots)
    capture = _Capture()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(capture)
    try:
        document = HTML(string=html, base_url=base.as_uri() + "/", url_fetcher=fetcher)
        data = document.write_pdf(pdf_variant=PDF_VARIANT, pdf_identifier=True)
    finally:
        logger.removeHandler(capture)
    if data is None:  # pragma: no cover - write_pdf returns bytes when no target is given
        raise BuildError("WeasyPrint produced no PDF", path=target)
    missing = tuple(dict.fromkeys(capture.missing))
    if not missing:
        atomic_write_bytes(target, data)
    return PdfReport(missing_glyphs=missing, refused_urls=tuple(dict.fromkeys(fetcher.refused)))
