"""argos-translate packages run straight on CTranslate2: our segments, batched, no network.

argostranslate's own `translate()` splits sentences with a model it downloads and translates
one sentence at a time; here the pipeline's segments are tokenized with the package's
SentencePiece model and sent to `Translator.translate_batch` in one call per batch.

Settings (environment; argos's own variable is the fallback):
PIPELINE_ARGOS_DEVICE (ARGOS_DEVICE_TYPE): cpu, cuda or auto (default: cuda when present);
PIPELINE_ARGOS_THREADS: CPU threads (default: all cores); PIPELINE_ARGOS_BEAM
(ARGOS_BEAM_SIZE, default 4); PIPELINE_ARGOS_BATCH (ARGOS_BATCH_SIZE, default 32 sentences
per CTranslate2 batch); PIPELINE_ARGOS_COMPUTE_TYPE (ARGOS_COMPUTE_TYPE, default "default":
the model's own type; pin "float32" for reproducible tests).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.engines.base import Engine, load_ctranslate2, pair_key
from pipeline.engines.packages import INSTALL_HINT, ArgosPackage, installed_packages
from pipeline.errors import EngineError


@dataclass(frozen=True, slots=True)
class ArgosSettings:
    """How CTranslate2 runs: device, threads, beam, batch size and compute type."""

    device: str = "auto"
    threads: int = 0
    beam: int = 4
    batch: int = 32
    compute_type: str = "default"
    max_length: int = 512

    @classmethod
    def from_env(cls) -> ArgosSettings:
        def get(name: str, argos: str | None, default: str) -> str:
            return os.environ.get(name) or (os.environ.get(argos) if argos else None) or default

        def number(name: str, argos: str | None, default: int) -> int:
            value = get(name, argos, str(default))
            try:
                return max(0, int(value))
            except ValueError:
                raise EngineError(f"{name} must be a whole number, not {value!r}",
                                  hint=f"unset it or set e.g. {name}={default}") from None

        return cls(device=get("PIPELINE_ARGOS_DEVICE", "ARGOS_DEVICE_TYPE", "auto"),
                   threads=number("PIPELINE_ARGOS_THREADS", None, 0),
                   beam=max(1, number("PIPELINE_ARGOS_BEAM", "ARGOS_BEAM_SIZE", 4)),
                   batch=max(1, number("PIPELINE_ARGOS_BATCH", "ARGOS_BATCH_SIZE", 32)),
                   compute_type=get("PIPELINE_ARGOS_COMPUTE_TYPE", "ARGOS_COMPUTE_TYPE",
                                    "default"))


class ArgosEngine(Engine):
    """Neural MT from installed argos packages (CTranslate2 + SentencePiece)."""

    name = "argos"
    mask_style = "word"
    batch_size = 256

    def __init__(self, *, packages: list[ArgosPackage] | None = None,
                 settings: ArgosSettings | None = None) -> None:
        self._packages = packages
        self.settings = settings or ArgosSettings.from_env()
        self._loaded: dict[tuple[str, str], tuple[Any, Any]] = {}
        self._unknown: dict[tuple[str, str], str] = {}

    @property
    def packages(self) -> list[ArgosPackage]:
        if self._packages is None:
            self._packages = installed_packages()
        return self._packages

    def _package(self, source: str, target: str) -> ArgosPackage:
        by_pair = {(p.from_code, p.to_code): p for p in self.packages}
        pair = pair_key(source, target, frozenset(by_pair))
        if pair is None:
            raise EngineError(f"no argos model for {source}→{target} is installed",
                              hint=INSTALL_HINT)
        return by_pair[pair]

    @property
    def version(self) -> str:
        ctranslate2 = load_ctranslate2()

        return f"ctranslate2 {ctranslate2.__version__}"

    def describe(self, source: str, target: str) -> str:
        package = self._package(source, target)
        version = f" {package.package_version}" if package.package_version else ""
        return f"argos {package.name}{version} ({self.version})"

    def prepare(self, source: str, target: str) -> None:
        self._load(self._package(source, target))

    def pairs(self) -> frozenset[tuple[str, str]]:
        return frozenset((p.from_code, p.to_code) for p in self.packages)

    def close(self) -> None:
        """Free the models now (a later batch loads them again): left to the interpreter's
        exit, CTranslate2's threads were sometimes torn down unjoined (an abort)."""
        self._loaded.clear()

    def _load(self, package: ArgosPackage) -> tuple[Any, Any]:
        key = (package.from_code, package.to_code)
        if key not in self._loaded:
            import logging

            ctranslate2 = load_ctranslate2()
            import sentencepiece

            # CTranslate2 logs to stderr itself (e.g. "float16 converted to float32"): the
            # CLI's output is ours; real failures still raise and are reported below.
            ctranslate2.set_log_level(logging.ERROR)
            device = self.settings.device
            if device == "auto":
                device = "cuda" if ctranslate2.get_cuda_device_count() > 0 else "cpu"
            try:
                translator = ctranslate2.Translator(
                    str(package.model), device=device, compute_type=self.settings.compute_type,
                    inter_threads=1, intra_threads=self.settings.threads or os.cpu_count() or 1)
                tokenizer = sentencepiece.SentencePieceProcessor(
                    model_file=str(package.tokenizer))
            except (RuntimeError, ValueError, OSError) as exc:
                raise EngineError(f"cannot load the argos model: {exc}", path=package.path,
                                  hint="reinstall it with 'pipeline models install FILE'"
                                  ) from None
            self._loaded[key] = (translator, tokenizer)
            self._unknown[key] = _unknown_token(package.model)
        return self._loaded[key]

    def translate_batch(self, segments: list[str], *, source: str, target: str) -> list[str]:
        if not segments:
            return []
        package = self._package(source, target)
        translator, tokenizer = self._load(package)
        key = (package.from_code, package.to_code)
        tokens = tokenizer.encode(segments, out_type=str)
        prefix = [[package.target_prefix]] * len(tokens) if package.target_prefix else None
        # A translation far longer than its source is garbage: stop decoding well before.
        limit = min(self.settings.max_length, 2 * max(map(len, tokens)) + 16)

        def run(indexes: list[int], *, replace_unknowns: bool) -> list[Any]:
            return list(translator.translate_batch(
                [tokens[i] for i in indexes],
                target_prefix=[prefix[i] for i in indexes] if prefix else None,
                max_batch_size=self.settings.batch, beam_size=self.settings.beam,
                max_decoding_length=limit, replace_unknowns=replace_unknowns))

        # Replacing unknown tokens needs the attention weights of every decoding step, which
        # costs as much again as the translation: only outputs with an unknown token get it.
        results = run(list(range(len(tokens))), replace_unknowns=False)
        unknown = [i for i, r in enumerate(results) if self._unknown[key] in r.hypotheses[0]]
        for i, again in zip(unknown, run(unknown, replace_unknowns=True) if unknown else [],
                            strict=True):
            results[i] = again
        outputs = []
        for result in results:
            text = tokenizer.decode(result.hypotheses[0])
            if package.target_prefix and text.startswith(package.target_prefix):
                text = text[len(package.target_prefix):]
            outputs.append(text.strip())
        return outputs


def _unknown_token(model: Path) -> str:
    """The model's unknown-word token (CTranslate2's config.json; "<unk>" by default)."""
    try:
        config = json.loads((model / "config.json").read_text("utf-8"))
    except (OSError, ValueError):
        return "<unk>"
    token = config.get("unk_token") if isinstance(config, dict) else None
    return token if isinstance(token, str) and token else "<unk>"
