"""Document control: version, dates, leaflet code, authors, owner and sources from front matter.

A hospital cannot hand out a leaflet without them. Fields are validated (a bad date is one
line with file:line) and dates are printed in the reader's locale with Babel.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from pipeline.errors import SourceError

FIELDS = ("version", "date", "review-date", "code", "authors", "owner", "source")


@dataclass(frozen=True)
class Control:
    """The document-control fields of one source document (all optional)."""

    version: str = ""
    date: dt.date | None = None
    review_date: dt.date | None = None
    code: str = ""
    authors: tuple[str, ...] = ()
    owner: str = ""
    sources: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return self == Control()


def _lines(front: str) -> dict[str, int]:
    found: dict[str, int] = {}
    for number, raw in enumerate(front.splitlines(), 2):
        if raw[:1] not in (" ", "\t", "-"):
            found.setdefault(raw.split(":", 1)[0].strip(), number)
    return found


def read_control(meta: dict[str, Any], *, front: str, shown: str) -> Control:
    """Validate the document-control fields of parsed front matter (`front`: its YAML text)."""
    lines = _lines(front)

    def fail(key: str, what: str, hint: str) -> SourceError:
        return SourceError(f"front matter '{key}' {what}", path=shown, line=lines.get(key, 2),
                           hint=hint)

    def day(key: str) -> dt.date | None:
        value = meta.get(key)
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        raise fail(key, f"is not a date: {str(value)[:40]!r}",
                   f"write it as YYYY-MM-DD, e.g. '{key}: 2027-01-31'")

    def text(key: str) -> str:
        value = meta.get(key)
        if value is None:
            return ""
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise fail(key, "must be text", f"write '{key}: some text'")
        return str(value).strip()

    def many(key: str) -> tuple[str, ...]:
        value = meta.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            return (value.strip(),)
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return tuple(v.strip() for v in value)
        raise fail(key, "must be text or a list of text", f"write '{key}: [First, Second]'")

    control = Control(version=text("version"), date=day("date"), review_date=day("review-date"),
                      code=text("code"), authors=many("authors"), owner=text("owner"),
                      sources=many("source"))
    if control.date and control.review_date and control.review_date < control.date:
        raise fail("review-date", f"({control.review_date}) is before 'date' ({control.date})",
                   "the next review comes after publication")
    return control


def format_day(day: dt.date | None, lang: str) -> str:
    """A date as the reader's locale writes it in full (Babel): '26 de noviembre de 2026'."""
    if day is None:
        return ""
    from babel.dates import format_date

    return format_date(day, format="long", locale=lang.replace("-", "_"))
