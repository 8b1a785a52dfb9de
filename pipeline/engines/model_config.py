"""Models configured in `[tool.pipeline.models]`: CTranslate2 folders of the layouts people use.

```toml
[tool.pipeline.models.opus-fr]       # a name; languages list it in their `engines`
kind = "opus-mt"                     # opus-mt | nllb | m2m100 | argos
path = "models/opus-mt-en-fr"        # the folder, relative to the project (or absolute)
target = "fr"                        # opus-mt only: the language it translates into
beam = 4                             # 1–32 (default 4)
device = "auto"                      # cpu | cuda | auto; PIPELINE_MODEL_DEVICE overrides
compute-type = "default"             # CTranslate2's: default, float32, int8, float16, ...
```

An opus-mt model serves source-language → target; an nllb or m2m100 model serves every
language whose engines include it and that it has a language token for (pipeline.languages);
an argos folder is an unpacked argos package and serves the pair its metadata.json names.
The folder is looked at when a model is used, not when the project is read: `check` and
`build` run where no model is installed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import ConfigError
from pipeline.languages import base_language, model_language_token

KINDS = ("opus-mt", "nllb", "m2m100", "argos")
MULTILINGUAL = ("nllb", "m2m100")
DEVICES = ("auto", "cpu", "cuda")
COMPUTE_TYPES = ("default", "auto", "float32", "float16", "bfloat16", "int8", "int8_float32",
                 "int8_float16", "int8_bfloat16", "int16")
KEYS = ("kind", "path", "target", "beam", "device", "compute-type")
MAX_BEAM = 32
_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]{0,63}$")
_HEADER = re.compile(r"^\s*\[\s*([^\[\]]+?)\s*\]\s*(?:#.*)?$")
_KEY = re.compile(r"""(?:^|[{,])\s*("[^"]*"|'[^']*'|[A-Za-z0-9_.-]+)\s*=""")
_EXAMPLE = ('write e.g. [tool.pipeline.models.opus-fr] with kind = "opus-mt", '
            'path = "models/opus-mt-en-fr", target = "fr"')


@dataclass(frozen=True, slots=True)
class ModelConfig:
    """One configured model: its name, layout, folder and how CTranslate2 runs it."""

    name: str
    kind: str
    path: Path                 # absolute
    shown: str                 # as written in pyproject.toml
    source: str                # the project's source language
    target: str = ""           # opus-mt: the one target language
    beam: int = 4
    device: str = "auto"
    compute_type: str = "default"
    config_file: Path | None = None
    line: int | None = None

    @property
    def multilingual(self) -> bool:
        return self.kind in MULTILINGUAL

    def token(self, tag: str) -> str | None:
        """The language token a multilingual model uses for `tag` (None: not served)."""
        return model_language_token(self.kind, tag) if self.multilingual else None

    def error(self, message: str, hint: str) -> ConfigError:
        """A one-line error about this model, pointing at its entry in pyproject.toml."""
        return ConfigError(f"model '{self.name}': {message}", path=self.config_file,
                           line=self.line, hint=hint)

    def folder(self) -> Path:
        """The model folder, which must exist and hold a CTranslate2 model."""
        if not self.path.is_dir():
            raise self.error(f"folder {self.shown} not found",
                             hint=f"put the {self.kind} model there, or fix path = "
                                  f'"{self.shown}"')
        model_bin = self.path / ("model/model.bin" if self.kind == "argos" else "model.bin")
        if not model_bin.is_file():
            raise self.error(f"{self.shown} has no {model_bin.relative_to(self.path)}",
                             hint="point path at a CTranslate2 model folder (convert the "
                                  "model with ct2-transformers-converter or "
                                  "ct2-opus-mt-converter)")
        return self.path


def toml_lines(text: str) -> dict[tuple[str, ...], int]:
    """Line of every table and key in a TOML text, by dotted path (inline tables included)."""
    lines: dict[tuple[str, ...], int] = {}
    table: tuple[str, ...] = ()
    for number, line in enumerate(text.splitlines(), 1):
        header = _HEADER.match(line)
        if header:
            table = tuple(p.strip().strip("\"'") for p in header.group(1).split("."))
            lines.setdefault(table, number)
            continue
        code = line.split("#", 1)[0]
        keys = [k.strip("\"'") for k in _KEY.findall(code)]
        if not keys:
            continue
        first = (*table, *keys[0].split("."))
        lines.setdefault(first, number)
        for key in keys[1:]:  # inline table: `name = { kind = ..., path = ... }`
            lines.setdefault((*first, key), number)
    return lines


def parse_models(raw: object, *, root: Path, source: str, builtin: tuple[str, ...],
                 path: Path, text: str) -> tuple[ModelConfig, ...]:
    """Validate `[tool.pipeline.models]`; each error names pyproject.toml:line and a fix."""
    from pipeline.config import validate_tag

    lines = toml_lines(text)
    here = ("tool", "pipeline", "models")

    def line_of(*keys: str) -> int | None:
        for end in range(len(keys), -1, -1):
            if (*here, *keys[:end]) in lines:
                return lines[(*here, *keys[:end])]
        return None

    if raw is None:
        return ()
    if not isinstance(raw, dict):
        raise ConfigError("[tool.pipeline.models] must be a table of named models", path=path,
                          line=line_of(), hint=_EXAMPLE)
    models = []
    for name, spec in raw.items():
        def fail(message: str, key: str = "", hint: str = _EXAMPLE,
                 name: str = name) -> ConfigError:
            return ConfigError(f"model '{name}': {message}", path=path,
                               line=line_of(name, key) if key else line_of(name), hint=hint)

        if not _NAME.match(name) or name in builtin:
            raise fail("is not a usable name", hint="use letters, digits, '-', '_' or '.', "
                       f"and none of the engines {', '.join(builtin)}")
        if not isinstance(spec, dict):
            raise fail("must be a table with kind and path")
        unknown = sorted(set(spec) - set(KEYS))
        if unknown:
            raise fail(f"unknown setting '{unknown[0]}'", unknown[0],
                       hint=f"known settings: {', '.join(KEYS)}")
        kind = spec.get("kind")
        if kind not in KINDS:
            raise fail(f"unknown kind {kind!r}", "kind",
                       hint=f"use one of {', '.join(KINDS)}")
        folder = spec.get("path")
        if not isinstance(folder, str) or not folder.strip():
            raise fail("path must name the model folder", "path",
                       hint=f'write e.g. path = "models/{name}"')
        beam = spec.get("beam", 4)
        if isinstance(beam, bool) or not isinstance(beam, int) or not 1 <= beam <= MAX_BEAM:
            raise fail(f"beam must be a whole number from 1 to {MAX_BEAM}, not {beam!r}",
                       "beam", hint="write e.g. beam = 4 (1 is greedy and fastest)")
        device = spec.get("device", "auto")
        if device not in DEVICES:
            raise fail(f"device must be one of {', '.join(DEVICES)}, not {device!r}", "device",
                       hint='write e.g. device = "cpu"')
        compute = spec.get("compute-type", "default")
        if compute not in COMPUTE_TYPES:
            raise fail(f"compute-type {compute!r} is not one of CTranslate2's", "compute-type",
                       hint=f"use one of {', '.join(COMPUTE_TYPES)}")
        target = spec.get("target", "")
        if kind == "opus-mt":
            if not target:
                raise fail("an opus-mt model needs target, the language it translates into",
                           hint='add e.g. target = "fr"')
            validate_tag(target, where=path, line=line_of(name, "target"))
        elif target:
            raise fail(f"target is for opus-mt models only; a {kind} model "
                       + ("names its pair in metadata.json" if kind == "argos"
                          else "serves every language that lists it"), "target",
                       hint="remove target")
        model = ModelConfig(name=name, kind=kind, path=(root / folder).resolve(), shown=folder,
                            source=source, target=str(target), beam=beam, device=device,
                            compute_type=compute, config_file=path, line=line_of(name))
        if model.multilingual and model.token(source) is None:
            raise fail(f"{kind} has no language token for the source language '{source}'",
                       "kind", hint="use another kind of model for this source language")
        models.append(model)
    return tuple(models)


def check_language(model: ModelConfig, tag: str, *, path: Path, line: int | None) -> None:
    """A language that lists `model` in its own engines must be one the model translates."""
    if model.multilingual and model.token(tag) is None:
        raise ConfigError(f"{model.kind} model '{model.name}' has no language token for "
                          f"'{tag}'", path=path, line=line,
                          hint=f"remove '{model.name}' from {tag}'s engines (pipeline/"
                               "languages.py lists the codes it knows)")
    if model.kind == "opus-mt" and base_language(tag) != base_language(model.target):
        raise ConfigError(f"opus-mt model '{model.name}' translates {model.source}→"
                          f"{model.target}, not {tag}", path=path, line=line,
                          hint=f"remove '{model.name}' from {tag}'s engines, or configure "
                               f"an {model.source}→{tag} model")
