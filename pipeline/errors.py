"""One root for every error a user can fix; anything else is a bug and shows a traceback."""

from __future__ import annotations

from pathlib import Path


class PipelineError(Exception):
    """A problem with the user's input or setup: what, where (file:line) and how to fix it."""

    exit_code = 2

    def __init__(self, message: str, *, path: Path | str | None = None,
                 line: int | None = None, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.hint = hint

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        text = f"{where}{self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text


class ConfigError(PipelineError):
    """The project's [tool.pipeline] configuration is missing or wrong."""


class SourceError(PipelineError):
    """A source document cannot be read or parsed."""


class CatalogError(PipelineError):
    """A PO/POT catalog cannot be read or is malformed."""


class GlossaryError(PipelineError):
    """A glossary file is malformed."""


class EngineError(PipelineError):
    """A machine translation engine is missing or failed."""


class BuildError(PipelineError):
    """Output could not be built."""


class LockError(PipelineError):
    """Another pipeline process is working on the same project."""


def line_at(data: bytes, offset: int) -> int:
    """The 1-based line of a byte offset, for error messages."""
    return data.count(b"\n", 0, offset) + 1


def decode_utf8(data: bytes, *, shown: str, error: type[PipelineError], what: str,
                hint: str) -> str:
    """`data` as text; invalid UTF-8 raises `error` naming the line of the first bad byte."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        message = f"{what} is not valid UTF-8" if what else "not valid UTF-8"
        raise error(message, path=shown, line=line_at(data, exc.start), hint=hint) from None
