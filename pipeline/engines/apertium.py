"""Apertium (Debian's rule-based MT): one process per batch over its NUL-separated raw stream.

Segments go through ``apertium -z -f none <mode>`` escaped for the stream format; ``*`` and
``#`` runs (Markdown emphasis, hashes) travel as superblanks, which Apertium passes verbatim,
and an empty superblank closes each segment so its final punctuation survives. Without ``-u``
Apertium marks words it did not know (``*``), could not transfer (``@``) or generate (``#``);
the marks are stripped and reported as notes for the reviewer.
"""

from __future__ import annotations

import functools
import re
import shutil
import subprocess
import threading
import weakref
from collections.abc import Iterator
from pathlib import Path

from pipeline.engines.base import Engine, Output, pair_key
from pipeline.errors import EngineError
from pipeline.languages import expand_abbreviations
from pipeline.masking import token_pattern

# A `*`/`#` run travels as a superblank; a character the stream format reserves is escaped.
_STREAM_INPUT = re.compile(r"([*#]+)|[\\\[\]^$@/<>{}]")
_ISO3 = {
    "eng": "en", "spa": "es", "cat": "ca", "glg": "gl", "epo": "eo", "fra": "fr", "por": "pt",
    "ita": "it", "deu": "de", "nld": "nl", "ron": "ro", "oci": "oc", "arg": "an", "ast": "ast",
    "eus": "eu", "rus": "ru", "ukr": "uk", "pol": "pl", "swe": "sv", "dan": "da", "nob": "nb",
    "nno": "nn", "isl": "is", "ara": "ar", "zho": "zh", "cym": "cy", "bre": "br", "hin": "hi",
    "urd": "ur", "tur": "tr", "kaz": "kk", "tat": "tt", "mlt": "mt", "srd": "sc", "fin": "fi",
}
# Apertium's marks, as QA flag kinds: unknown to analysis, to transfer, to generation.
_KINDS = {"*": "unknown-word", "@": "untransferred-word", "#": "uninflected-word"}
INSTALL_HINT = "install it with 'apt-get install apertium apertium-eng-spa'"


def _tag(code: str) -> str:
    lang, _, region = code.partition("_")
    lang = _ISO3.get(lang, lang)
    return f"{lang}-{region}" if region else lang


@functools.lru_cache(maxsize=1)
def installed_modes() -> dict[tuple[str, str], str]:
    """(source, target) tag → Apertium mode name, from `apertium -l` (empty if not installed)."""
    if shutil.which("apertium") is None:
        return {}
    listed = subprocess.run(["apertium", "-l"], capture_output=True, text=True, check=False)
    modes: dict[tuple[str, str], str] = {}
    for name in listed.stdout.split():
        parts = name.split("-")
        if len(parts) == 2:
            modes.setdefault((_tag(parts[0]), _tag(parts[1])), name)
    return modes


def escape(segment: str) -> str:
    """A segment in Apertium's stream format, closed by an empty superblank."""
    return _STREAM_INPUT.sub(_escaped, segment) + "[]"


def _escaped(found: re.Match[str]) -> str:
    run = found.group(1)
    return f"[{run}]" if run else "\\" + found.group()


# In Apertium's output stream: an escaped character, a superblank (to its `]` or the end of
# the stream), or a mark (`*`, `@`, `#`) on the word it stands before.
_STREAM = re.compile(r"\\([\s\S])|\[((?:\\[\s\S]|\\\Z|[^\]\\])*)\]?|([*@#])(?=(\w[\w'-]*))")
_STREAM_HINT = re.compile(r"[\\\[*@#]")
_INNER_ESCAPE = re.compile(r"\\(.)")


def unescape(stream: str) -> tuple[str, tuple[str, ...]]:
    """Plain text of one output segment, and the words Apertium marked as problems."""
    if not _STREAM_HINT.search(stream):
        return stream, ()
    marked: list[str] = []

    def plain(found: re.Match[str]) -> str:
        escaped, blank, mark = found.group(1, 2, 3)
        if escaped is not None:
            return escaped
        if mark is not None:
            marked.append(mark + found.group(4))
            return ""
        return _INNER_ESCAPE.sub(r"\1", blank)

    return _STREAM.sub(plain, stream), tuple(marked)


MASK_STYLE = "word"
# A mask token (masking's own pattern) opening the sentence, and the word after it.
_LEADING_TOKEN = re.compile(r"^(?P<lead>[*_\"'“‘«¿¡(]*(?:" + token_pattern(MASK_STYLE).pattern
                            + r")\s+)(?P<next>\w)")


def _undo_capital(original: str, text: str) -> str:
    """Apertium capitalizes the word after a sentence-initial unknown word (a mask token)."""
    before, after = _LEADING_TOKEN.match(original), _LEADING_TOKEN.match(text)
    if before and after and before["next"].islower() and after["next"].isupper():
        return after["lead"] + after["next"].lower() + text[after.end():]
    return text


class _Stream:
    """One long-lived Apertium pipeline in null-flush mode: a batch costs no process start-up.

    `apertium -z` wraps the pair's pipeline in gawk filters that wait for input after a NUL,
    so the mode's own commands (each with -z, as `apertium-wblank-mode -z` writes them) run
    directly; every segment ends with a NUL and each NUL comes back once it is translated.
    """

    def __init__(self, script: str) -> None:
        self.process = subprocess.Popen(
            ["bash", "-c", script, "apertium", "-g", ""], stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.errors: list[bytes] = []
        self.broken = False
        # The reader holds the process and the list, not the stream, so that a stream no one
        # uses any more is collected and its processes closed.
        threading.Thread(target=_drain, args=(self.process, self.errors), daemon=True).start()
        self.close = weakref.finalize(self, _Stream._close, self.process)

    @staticmethod
    def _close(process: subprocess.Popen[bytes]) -> None:
        if process.stdin:
            process.stdin.close()
        process.wait()

    def parts(self, stream: bytes, count: int) -> Iterator[bytes]:
        """Each output of `count` NUL-ended segments, as soon as Apertium has finished it."""
        stdin, stdout = self.process.stdin, self.process.stdout
        assert stdin is not None and stdout is not None

        def feed() -> None:
            try:
                stdin.write(stream)
                stdin.flush()
            except (OSError, ValueError):   # the pipeline ended, or was closed meanwhile
                pass

        writer = threading.Thread(target=feed, daemon=True)
        writer.start()
        rest, seen = b"", 0
        try:
            while seen < count:
                chunk = stdout.read1(1 << 16)  # type: ignore[attr-defined]
                if not chunk:
                    break
                *done, rest = (rest + chunk).split(b"\0")
                for part in done:
                    seen += 1
                    yield part
        finally:
            writer.join()
            if seen < count:
                self.broken = True   # outputs left unread: the next batch would get them

    def error(self) -> str:
        """What Apertium wrote to stderr (empty when all is well)."""
        return b"".join(self.errors).decode("utf-8", "replace").strip()

    @property
    def alive(self) -> bool:
        return not self.broken and self.process.poll() is None


def _drain(process: subprocess.Popen[bytes], errors: list[bytes]) -> None:
    assert process.stderr is not None
    for line in process.stderr:
        errors.append(line)


@functools.lru_cache(maxsize=16)
def _mode_script(mode: str) -> str | None:
    """The pair's pipeline with null-flush on every command, None if it cannot be found."""
    path = Path("/usr/share/apertium/modes") / f"{mode}.mode"
    if not path.is_file() or shutil.which("apertium-wblank-mode") is None:
        return None
    made = subprocess.run(["apertium-wblank-mode", "-z", str(path)], capture_output=True,
                          text=True, check=False)
    return made.stdout.strip() if made.returncode == 0 and made.stdout.strip() else None


class ApertiumEngine(Engine):
    """Rule-based MT through the `apertium` command and the installed language pairs."""

    name = "apertium"
    mask_style = MASK_STYLE
    batch_size = 1000
    independent = True   # null-flush: every segment is translated on its own

    def __init__(self) -> None:
        self._streams: dict[str, _Stream] = {}

    def _stream(self, mode: str) -> _Stream | None:
        """The mode's long-lived pipeline (started now if need be), None without its script."""
        script = _mode_script(mode)
        if script is None:
            return None
        current = self._streams.get(mode)
        if current is None or not current.alive:
            current = self._streams[mode] = _Stream(script)
        return current

    def close(self) -> None:
        """End the pipelines' processes (a later batch starts them again)."""
        while self._streams:
            self._streams.popitem()[1].close()

    def prepare(self, source: str, target: str) -> None:
        modes = installed_modes()
        pair = pair_key(source, target, frozenset(modes))
        if pair is not None:
            self._stream(modes[pair])   # its processes load their data while we read

    @property
    def version(self) -> str:
        return _packages().get("apertium", "apertium (version unknown)")

    def describe(self, source: str, target: str) -> str:
        pair = pair_key(source, target, self.pairs())
        mode = installed_modes().get(pair) if pair else None
        if mode is None:
            return self.version
        a, b = mode.split("-")
        names = (f"apertium-{a}-{b}", f"apertium-{b}-{a}")
        data = [v for k, v in _packages().items() if k in names]
        return f"{self.version} {mode}" + (f" ({data[0]})" if data else "")

    def pairs(self) -> frozenset[tuple[str, str]]:
        return frozenset(installed_modes())

    def translate_batch(self, segments: list[str], *, source: str, target: str) -> list[str]:
        return [o.text for o in self.translate_notes(segments, source=source, target=target)]

    def translate_notes(self, segments: list[str], *, source: str,
                        target: str) -> list[Output]:
        return list(self.translate_each(segments, source=source, target=target))

    def translate_each(self, segments: list[str], *, source: str,
                       target: str) -> Iterator[Output]:
        """Outputs as Apertium finishes them; a failure is raised once the batch is read."""
        if not segments:
            return
        modes = installed_modes()
        pair = pair_key(source, target, frozenset(modes))
        if pair is None:
            raise EngineError(f"Apertium has no {source}→{target} pair installed",
                              hint=INSTALL_HINT.replace("eng-spa", f"eng-{target}"))
        mode = modes[pair]
        stream = "".join(escape(expand_abbreviations(s.replace("\0", " "), source)) + "\0"
                         for s in segments).encode("utf-8")
        seen, error = 0, ""
        try:
            current = self._stream(mode)
            if current is not None:
                for part in current.parts(stream, len(segments)):
                    yield _output(segments[seen], part.decode("utf-8", "replace"))
                    seen += 1
                error = current.error() or ("" if current.alive
                                            else "the Apertium pipeline stopped")
            else:   # one `apertium -z` process for the batch
                done = subprocess.run(["apertium", "-z", "-f", "none", mode], input=stream,
                                      capture_output=True, check=False)
                error = done.stderr.decode("utf-8", "replace").strip()
                parts = done.stdout.decode("utf-8", "replace").split("\0")
                if not done.returncode and not error and len(parts) >= len(segments):
                    for original, text in zip(segments, parts, strict=False):
                        yield _output(original, text)
                        seen += 1
        except FileNotFoundError:
            raise EngineError("the 'apertium' command is not installed",
                              hint=INSTALL_HINT) from None
        if error or seen < len(segments):
            self._streams.pop(mode, None)
            raise EngineError(f"Apertium failed on a batch of {len(segments)} segments: "
                              f"{error.splitlines()[0] if error else 'output cut short'}",
                              hint="report the segment; rerun with --engine pseudo to continue")


_SPACES = re.compile(r" {2,}")


def _output(original: str, raw: str) -> Output:
    """One segment's output: plain text, spacing as in the source, the words marked."""
    text, marked = unescape(raw)
    if "  " not in original:
        text = _SPACES.sub(" ", text)
    text = text.strip() if original == original.strip() else text
    text = _undo_capital(original, text)
    notes = tuple(f"{_KINDS[m[0]]}: {m[1:]}" for m in marked
                  if not token_pattern(MASK_STYLE).fullmatch(m[1:]))
    return Output(text, notes)


@functools.lru_cache(maxsize=1)
def _packages() -> dict[str, str]:
    """Installed Debian apertium packages: name → "name version"."""
    if shutil.which("dpkg-query") is None:
        return {}
    found = subprocess.run(["dpkg-query", "-W", "-f", "${Package} ${Version}\n", "apertium*"],
                           capture_output=True, text=True, check=False)
    rows = [line.split(" ", 1) for line in found.stdout.splitlines() if " " in line]
    return {name: f"{name} {version}" for name, version in rows if version.strip()}
