"""Render PO files byte for byte as GNU msgcat writes them.

Line breaking inside strings is the Unicode line breaking algorithm with column widths, as
implemented by GNU libunistring, the library msgcat itself links: we call the same function
(`ulc_width_linebreaks_v2`) through ctypes, so that CJK, Thai, hyphens and slashes break where
msgcat breaks them. Without libunistring (not a Debian machine), strings break at spaces only.
Entries are duck-typed (polib's POEntry fits): this module does no parsing and no I/O.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import re
import threading
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any, Protocol

PAGE_WIDTH = 79
_BREAK_PROHIBITED = 1
_BREAK_POSSIBLE = 2
_ESCAPES = {"\a": "a", "\b": "b", "\f": "f", "\n": "n", "\r": "r", "\t": "t", "\v": "v",
            "\\": "\\", '"': '"'}
# The format languages in the order GNU gettext 0.21 writes their flags.
FORMAT_LANGUAGES = (
    "c", "objc", "python", "python-brace", "java", "java-printf", "csharp", "javascript",
    "scheme", "lisp", "elisp", "librep", "ruby", "sh", "awk", "lua", "object-pascal",
    "smalltalk", "qt", "qt-plural", "kde", "kde-kuit", "boost", "tcl", "perl", "perl-brace",
    "php", "gcc-internal", "gfc-internal", "ycp",
)
_FLAG_ORDER = {f"{prefix}{lang}-format": 1 + 2 * i + (prefix == "no-")
               for i, lang in enumerate(FORMAT_LANGUAGES) for prefix in ("", "no-")}
_RANGE = re.compile(r"^range:\s*(-?\d+)\s*\.\.\s*(-?\d+)$")
# Format directives msgcat never breaks inside (c and python printf, python/brace styles).
_DIRECTIVES = {
    "c": re.compile(r"%(?:\d+\$)?[#0\- +'I]*(?:\d+|\*)?(?:\.(?:\d+|\*))?"
                    r"(?:hh|h|ll|l|L|q|j|z|Z|t)?[diouxXeEfFgGaAcCsSpnm%]"),
    "python": re.compile(r"%(?:\([^)]*\))?[#0\- +]*(?:\d+|\*)?(?:\.(?:\d+|\*))?"
                         r"[hlL]?[diouxXeEfFgGcrsa%]"),
    "python-brace": re.compile(r"\{[^{}]*\}"),
}


class Entry(Protocol):
    msgid: str
    msgstr: str
    msgid_plural: str
    msgstr_plural: dict[Any, str]
    msgctxt: str | None
    comment: str
    tcomment: str
    occurrences: list[tuple[str, str]]
    flags: list[str]
    previous_msgid: str | None
    previous_msgid_plural: str | None
    previous_msgctxt: str | None
    obsolete: bool


@lru_cache(maxsize=1)
def _unistring() -> Any:
    name = ctypes.util.find_library("unistring") or "libunistring.so.2"
    try:
        lib = ctypes.CDLL(name)
        func = lib.ulc_width_linebreaks_v2
    except (OSError, AttributeError):
        return None
    func.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_int, ctypes.c_int,
                     ctypes.c_int, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p]
    func.restype = ctypes.c_int
    return func


def _breaks(portion: bytes, overrides: bytearray, width: int, startcol: int) -> bytes:
    func = _unistring()
    if func is None:  # spaces only: the common case for alphabetic scripts
        return _space_breaks(portion, overrides, width, startcol)
    out = getattr(_OUT, "buffer", None)
    if out is None or len(out) < len(portion):   # one buffer per thread, grown when needed
        out = _OUT.buffer = ctypes.create_string_buffer(max(4096, 2 * len(portion)))
    func(portion, len(portion), width, startcol, 0, bytes(overrides), b"UTF-8", out)
    return ctypes.string_at(out, len(portion))


_OUT = threading.local()


def _space_breaks(portion: bytes, overrides: bytearray, width: int, startcol: int) -> bytes:
    """Greedy breaks after spaces, for machines without libunistring."""
    result = bytearray(len(portion))
    col, candidate, since = startcol, -1, 0
    for i, byte in enumerate(portion):
        if i and portion[i - 1] == 0x20 and byte != 0x20 and overrides[i] != _BREAK_PROHIBITED:
            candidate, since = i, 0
        if (byte & 0xC0) != 0x80:
            col += 1
            since += 1
        if col > width and candidate > 0 and result[candidate] != _BREAK_POSSIBLE:
            result[candidate] = _BREAK_POSSIBLE
            col = since
    return bytes(result)


def _directive_spans(text: str, flags: Sequence[str]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for lang, pattern in _DIRECTIVES.items():
        if f"{lang}-format" in flags:
            spans.extend(m.span() for m in pattern.finditer(text))
            break
    return spans


_ESCAPE_TABLE = str.maketrans({c: "\\" + e for c, e in _ESCAPES.items()})
_NEEDS_ESCAPE = re.compile("[" + re.escape("".join(_ESCAPES)) + "]")
_CONTINUATION = bytes(_BREAK_PROHIBITED if (b & 0xC0) == 0x80 else 0 for b in range(256))
_ESCAPED = re.compile(rb"\\.")


def _escape(text: str) -> bytes:
    return _escaped(text).encode()


def _escaped(text: str) -> str:
    # str.translate with a table is slow; most strings have nothing to escape
    return text.translate(_ESCAPE_TABLE) if _NEEDS_ESCAPE.search(text) else text


def _overrides(text: str, portion: bytes, spans: list[tuple[int, int]]) -> bytearray:
    """Where msgcat forbids a break: inside a character, an escape sequence or a format
    directive (`spans`, character offsets into `text`), and before a final \\n."""
    overrides = bytearray(portion.translate(_CONTINUATION))
    for match in _ESCAPED.finditer(portion):
        overrides[match.start() + 1] = _BREAK_PROHIBITED
    for start, end in spans:
        first = len(_escape(text[:start + 1]))
        last = len(_escape(text[:end]))
        overrides[first:last] = bytes([_BREAK_PROHIBITED]) * (last - first)
    if text.endswith("\n") and len(portion) >= 2:
        overrides[len(portion) - 2] = _BREAK_PROHIBITED
    return overrides


def wrap(name: str, value: str, *, prefix: str = "", wrapping: bool = True,
         flags: Sequence[str] = (), width: int = PAGE_WIDTH) -> list[str]:
    """The lines msgcat writes for `name "value"` (one string keyword, wrapped)."""
    if "\n" not in value:  # the common case: one portion that may fit on the first line
        escaped = _escaped(value)
        if len(prefix) + len(name) + 3 + len(escaped.encode()) <= width or not wrapping:
            return [f'{prefix}{name} "{escaped}"']
    style = next((lang for lang in _DIRECTIVES if f"{lang}-format" in flags), "")
    return list(_wrapped(name, value, prefix, wrapping, style, width))


@lru_cache(maxsize=16384)
def _wrapped(name: str, value: str, prefix: str, wrapping: bool, style: str,
             width: int) -> tuple[str, ...]:
    """wrap() of a string that needs breaking: remembered, as a msgid recurs in every
    language's catalog and a catalog is rendered again on each write."""
    directives = _directive_spans(value, (f"{style}-format",) if style else ())
    lines: list[str] = []
    first = True
    position = 0
    portions = _split_after_newlines(value) if value else [""]
    after_break = len(prefix) + 1
    line_width = (width if wrapping else 2**31 - 1) - 1 - after_break
    for index, text in enumerate(portions):
        more = index < len(portions) - 1
        portion = _escape(text)
        spans = [(max(a, position) - position, min(b, position + len(text)) - position)
                 for a, b in directives if a < position + len(text) and b > position]
        position += len(text)
        while True:
            startcol = len(prefix) + (len(name) + 1 if first else 0) + 1 - after_break
            # UTF-8 bytes never undercount columns: a portion that fits by bytes fits.
            fits = startcol + len(portion) <= line_width
            breaks = b"" if fits or not portion else \
                _breaks(portion, _overrides(text, portion, spans), line_width, startcol)
            if first and portion and (more or startcol > line_width
                                      or _BREAK_POSSIBLE in breaks):
                lines.append(f'{prefix}{name} ""')
                first = False
                continue
            break
        head = f"{prefix}{name} " if first else prefix
        first = False
        start = 0
        for i in _positions(breaks):
            lines.append(f'{head if start == 0 else prefix}"{portion[start:i].decode()}"')
            start = i
        lines.append(f'{head if start == 0 else prefix}"{portion[start:].decode()}"')
    return tuple(lines)


def _positions(breaks: bytes) -> list[int]:
    out, i = [], breaks.find(_BREAK_POSSIBLE)
    while i != -1:
        out.append(i)
        i = breaks.find(_BREAK_POSSIBLE, i + 1)
    return out


def _split_after_newlines(value: str) -> list[str]:
    parts = value.split("\n")
    out = [p + "\n" for p in parts[:-1]]
    if parts[-1]:
        out.append(parts[-1])
    return out


def kept_flags(flags: Iterable[str]) -> list[str]:
    """The flags msgcat writes (fuzzy, format flags, range, no-wrap); it drops others."""
    return [f for f in flags
            if f in ("fuzzy", "no-wrap") or f in _FLAG_ORDER or _RANGE.match(f)]


def _flag_line(entry: Entry, *, translated: bool) -> str | None:
    flags = set(entry.flags)
    shown: list[str] = []
    if "fuzzy" in flags and translated:
        shown.append("fuzzy")
    shown += sorted((f for f in flags if f in _FLAG_ORDER), key=_FLAG_ORDER.__getitem__)
    for flag in entry.flags:
        found = _RANGE.match(flag)
        if found:
            shown.append(f"range: {int(found.group(1))}..{int(found.group(2))}")
            break
    if "no-wrap" in flags:
        shown.append("no-wrap")
    return "#, " + ", ".join(shown) if shown else None


def _references(occurrences: Iterable[tuple[str, str]], width: int) -> list[str]:
    lines: list[str] = []
    line, column = "#:", 2
    for path, number in occurrences:
        while path.startswith("./"):
            path = path[2:]
        ref = f"{path}:{number}" if number not in ("", None) else path
        if column > 2 and column + len(ref) + 1 > width:
            lines.append(line)
            line, column = "#:", 2
        line += " " + ref
        column += len(ref) + 1
    if column > 2:
        lines.append(line)
    return lines


def _comment_lines(text: str, mark: str) -> list[str]:
    if not text and mark == "#":
        return []
    return [f"{mark} {line}" if line else mark for line in text.split("\n")]


def _strings(entry: Entry, prefix: str, wrapping: bool) -> list[str]:
    flags = entry.flags
    lines: list[str] = []
    if entry.msgctxt is not None:
        lines += wrap("msgctxt", entry.msgctxt, prefix=prefix, wrapping=wrapping, flags=flags)
    lines += wrap("msgid", entry.msgid, prefix=prefix, wrapping=wrapping, flags=flags)
    if entry.msgid_plural:
        lines += wrap("msgid_plural", entry.msgid_plural, prefix=prefix, wrapping=wrapping,
                      flags=flags)
        forms = entry.msgstr_plural or {0: ""}
        for index in sorted(forms, key=int):
            lines += wrap(f"msgstr[{int(index)}]", forms[index], prefix=prefix,
                          wrapping=wrapping, flags=flags)
    else:
        lines += wrap("msgstr", entry.msgstr, prefix=prefix, wrapping=wrapping, flags=flags)
    return lines


def _first_msgstr(entry: Entry) -> str:
    if entry.msgid_plural:
        forms = entry.msgstr_plural or {}
        return forms.get(0, forms.get("0", "")) or ""
    return entry.msgstr


def render_entry(entry: Entry, *, width: int = PAGE_WIDTH) -> list[str]:
    """The lines of one message, as msgcat writes it (none for an empty obsolete one)."""
    translated = bool(_first_msgstr(entry))
    wrapping = "no-wrap" not in entry.flags
    lines: list[str] = []
    lines += _comment_lines(entry.tcomment or "", "#")
    if entry.comment:
        lines += [f"#. {line}" if line else "#." for line in entry.comment.split("\n")]
    if entry.obsolete:
        if not translated:
            return []
        if entry.occurrences:
            lines += _references(entry.occurrences, width)
        if "fuzzy" in entry.flags:
            lines.append("#, fuzzy")
        prefix = "#~| "
    else:
        lines += _references(entry.occurrences, width)
        flag_line = _flag_line(entry, translated=translated)
        if flag_line:
            lines.append(flag_line)
        prefix = "#| "
    for name, value in (("msgctxt", entry.previous_msgctxt), ("msgid", entry.previous_msgid),
                        ("msgid_plural", entry.previous_msgid_plural)):
        if value is not None:
            lines += wrap(name, value, prefix=prefix, wrapping=wrapping, flags=entry.flags)
    lines += _strings(entry, "#~ " if entry.obsolete else "", wrapping)
    return lines


def render_header(comment: str, metadata: Iterable[tuple[str, str]], *, fuzzy: bool = False,
                  width: int = PAGE_WIDTH) -> list[str]:
    """The header entry: translator comments, `msgid ""` and the metadata as msgstr."""
    lines = _comment_lines(comment, "#") if comment else []
    value = "".join(f"{key}: {val}\n" for key, val in metadata)
    if fuzzy and value:
        lines.append("#, fuzzy")
    lines += wrap("msgid", "", width=width)
    lines += wrap("msgstr", value, width=width)
    return lines


def render(header: list[str] | None, entries: Iterable[Entry]) -> str:
    """A whole catalog: the header, live entries in order, then obsolete ones."""
    blocks: list[list[str]] = [header] if header else []
    items = list(entries)
    for entry in [e for e in items if not e.obsolete] + [e for e in items if e.obsolete]:
        block = render_entry(entry)
        if block:
            blocks.append(block)
    return "".join("\n".join(block) + "\n" + ("\n" if i < len(blocks) - 1 else "")
                   for i, block in enumerate(blocks))
