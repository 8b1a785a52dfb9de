"""CTranslate2 model folders of the layouts sites use: OPUS-MT and NLLB-200 / M2M-100.

- opus-mt: a converted Marian model (model.bin, config.json, vocabularies) with its
  SentencePiece models, `source.spm` and `target.spm` (or one shared model); one pair.
- nllb, m2m100: one multilingual model. The source is `[source token] pieces </s>` (NLLB's
  current convention, and M2M-100's), the target language is chosen by
  `target_prefix=[[token]]` and that token is taken off the output. Tokens come from
  pipeline.languages (`fra_Latn`, `__fr__`).
- argos: an unpacked argos package folder, run by the argos engine.

Segments are tokenized with the folder's SentencePiece model(s), sent in one
`translate_batch` call per batch and detokenized with the target model; masks and glossary
are the translate stage's, as for every engine. Threads and the CTranslate2 batch size are
argos's settings (PIPELINE_ARGOS_THREADS, PIPELINE_ARGOS_BATCH); beam, device and compute
type come from the model's configuration, and PIPELINE_MODEL_DEVICE overrides the device.
"""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path
from typing import Any

from pipeline.engines.argos import ArgosEngine, ArgosSettings
from pipeline.engines.base import Engine, load_ctranslate2
from pipeline.engines.model_config import DEVICES, ModelConfig
from pipeline.errors import EngineError

# Shared SentencePiece model names, in the order they are looked for.
SHARED_SPM = ("sentencepiece.bpe.model", "sentencepiece.model", "spm.model", "source.spm")


def device_setting(model: ModelConfig) -> str:
    """auto, cpu or cuda: PIPELINE_MODEL_DEVICE, else the model's configured device."""
    device = os.environ.get("PIPELINE_MODEL_DEVICE") or model.device
    if device not in DEVICES:
        raise EngineError(f"PIPELINE_MODEL_DEVICE must be one of {', '.join(DEVICES)}, not "
                          f"{device!r}", hint="unset it or set e.g. PIPELINE_MODEL_DEVICE=cpu")
    return device


def device_for(model: ModelConfig) -> str:
    """cpu or cuda, as CTranslate2 is asked: auto is cuda when a GPU is visible."""
    device = device_setting(model)
    if device == "auto":
        ctranslate2 = load_ctranslate2()

        return "cuda" if ctranslate2.get_cuda_device_count() > 0 else "cpu"
    return device


def tokenizer_files(folder: Path) -> tuple[Path, Path]:
    """The (source, target) SentencePiece models of a model folder; one shared model twice."""
    source, target = folder / "source.spm", folder / "target.spm"
    if source.is_file() and target.is_file():
        return source, target
    for name in SHARED_SPM:
        if (folder / name).is_file():
            return folder / name, folder / name
    raise EngineError("no SentencePiece model in the model folder", path=folder,
                      hint="put source.spm and target.spm (or one sentencepiece.model, "
                           "e.g. NLLB's sentencepiece.bpe.model) next to model.bin")


def _vocabulary(folder: Path, side: str) -> frozenset[str] | None:
    """The tokens of the model's source or target vocabulary (None if not readable)."""
    for stem in (f"{side}_vocabulary", "shared_vocabulary"):
        json_file, text_file = folder / f"{stem}.json", folder / f"{stem}.txt"
        try:
            if json_file.is_file():
                return frozenset(json.loads(json_file.read_text("utf-8")))
            if text_file.is_file():
                return frozenset(text_file.read_text("utf-8").splitlines())
        except (OSError, ValueError, TypeError):
            return None
    return None


@dataclasses.dataclass(frozen=True, slots=True)
class _Loaded:
    translator: Any
    source_spm: Any
    target_spm: Any
    eos: list[str]          # appended to each source unless the model adds it itself


class FolderEngine(Engine):
    """A CTranslate2 model folder configured in [tool.pipeline.models]."""

    mask_style = "word"
    batch_size = 256

    def __init__(self, model: ModelConfig, *, targets: tuple[str, ...] = (),
                 settings: ArgosSettings | None = None) -> None:
        self.model = model
        self.name = model.name
        self.targets = targets
        self.settings = settings or ArgosSettings.from_env()
        self._loaded: _Loaded | None = None

    @property
    def version(self) -> str:
        ctranslate2 = load_ctranslate2()

        return f"ctranslate2 {ctranslate2.__version__}"

    def describe(self, source: str, target: str) -> str:
        return f"{self.model.kind} {self.name} {self.model.path.name} ({self.version})"

    def pairs(self) -> frozenset[tuple[str, str]]:
        return frozenset({(self.model.source, self.model.target)})

    def close(self) -> None:
        """Free the model now (see ArgosEngine.close); a later batch loads it again."""
        self._loaded = None

    def _load(self) -> _Loaded:
        if self._loaded is None:
            import logging

            ctranslate2 = load_ctranslate2()
            import sentencepiece

            folder = self.model.folder()
            source, target = tokenizer_files(folder)
            try:
                settings = json.loads((folder / "config.json").read_text("utf-8"))
            except (OSError, ValueError):
                settings = {}
            eos = [] if settings.get("add_source_eos") else [str(settings.get("eos_token")
                                                                 or "</s>")]
            ctranslate2.set_log_level(logging.ERROR)
            try:
                translator = ctranslate2.Translator(
                    str(folder), device=device_for(self.model),
                    compute_type=self.model.compute_type, inter_threads=1,
                    intra_threads=self.settings.threads or os.cpu_count() or 1)
                source_spm = sentencepiece.SentencePieceProcessor(model_file=str(source))
                target_spm = source_spm if target == source else \
                    sentencepiece.SentencePieceProcessor(model_file=str(target))
            except (RuntimeError, ValueError, OSError) as exc:
                raise self.model.error(f"cannot load {self.model.shown}: {exc}",
                                       hint=f"check that it is a CTranslate2 {self.model.kind}"
                                            " model folder") from None
            self._loaded = _Loaded(translator, source_spm, target_spm, eos)
        return self._loaded

    def _prepare(self, pieces: list[list[str]], *, source: str,
                 target: str) -> tuple[list[list[str]], list[list[str]] | None]:
        """Source tokens for CTranslate2 and the target prefix (None: the model's own start)."""
        eos = self._load().eos
        return [p + eos for p in pieces], None

    def translate_batch(self, segments: list[str], *, source: str, target: str) -> list[str]:
        if not segments:
            return []
        if not self.supports(source, target):
            raise EngineError(f"model '{self.name}' does not translate {source}→{target}",
                              hint="see 'pipeline models list' for the pairs it serves")
        loaded = self._load()
        tokens, prefix = self._prepare(loaded.source_spm.encode(segments, out_type=str),
                                       source=source, target=target)
        # A translation far longer than its source is garbage: stop decoding well before.
        limit = min(self.settings.max_length, 2 * max(map(len, tokens)) + 16)
        results = loaded.translator.translate_batch(
            tokens, target_prefix=prefix, max_batch_size=self.settings.batch,
            beam_size=self.model.beam, max_decoding_length=limit, replace_unknowns=True)
        outputs = []
        for result, given in zip(results, prefix or [[]] * len(results), strict=True):
            hypothesis = list(result.hypotheses[0])
            if given and hypothesis[:len(given)] == given:
                hypothesis = hypothesis[len(given):]
            outputs.append(loaded.target_spm.decode(hypothesis).strip())
        return outputs


class OpusMTEngine(FolderEngine):
    """One language pair: a converted Marian (OPUS-MT) model with its SentencePiece models."""


class MultilingualEngine(FolderEngine):
    """NLLB-200 or M2M-100: one model, the language chosen by a token."""

    def __init__(self, model: ModelConfig, *, targets: tuple[str, ...] = (),
                 settings: ArgosSettings | None = None) -> None:
        super().__init__(model, targets=targets, settings=settings)
        self._known: set[tuple[str, str]] = set()  # (side, token) found in the vocabulary

    def pairs(self) -> frozenset[tuple[str, str]]:
        return frozenset((self.model.source, tag) for tag in self.targets)

    def supports(self, source: str, target: str) -> bool:
        return source != target and None not in (self.model.token(source),
                                                 self.model.token(target))

    def describe(self, source: str, target: str) -> str:
        return (f"{self.model.kind} {self.name} {self.model.path.name} {self.model.token(source)}"
                f"→{self.model.token(target)} ({self.version})")

    def _prepare(self, pieces: list[list[str]], *, source: str,
                 target: str) -> tuple[list[list[str]], list[list[str]] | None]:
        start, goal = self.model.token(source), self.model.token(target)
        assert start is not None and goal is not None  # supports() was asked first
        for side, token in (("source", start), ("target", goal)):
            if (side, token) in self._known:
                continue
            vocabulary = _vocabulary(self.model.path, side)
            if vocabulary is None or token in vocabulary:
                self._known.add((side, token))
            else:
                other, example = ("m2m100", "__fr__") if self.model.kind == "nllb" else \
                    ("nllb", "fra_Latn")
                raise self.model.error(
                    f"the {side} vocabulary of {self.model.shown} has no '{token}' token",
                    hint=f"is it a {self.model.kind} model? kind = \"{other}\" uses "
                         f"{example}-style tokens")
        eos = self._load().eos
        return [[start, *p, *eos] for p in pieces], [[goal]] * len(pieces)


def configured_engine(model: ModelConfig, *, targets: tuple[str, ...]) -> Engine:
    """The engine that runs a configured model (its folder must exist)."""
    model.folder()
    if model.kind == "argos":
        from pipeline.engines.packages import installed_packages

        found = [p for p in installed_packages(model.path.parent) if p.path == model.path]
        if not found:
            raise model.error(f"{model.shown} is not an argos package",
                              hint="an unpacked .argosmodel holds metadata.json, model/ and "
                                   "sentencepiece.model")
        settings = dataclasses.replace(ArgosSettings.from_env(), beam=model.beam,
                                       device=device_setting(model),
                                       compute_type=model.compute_type)
        engine = ArgosEngine(packages=found, settings=settings)
        engine.name = model.name
        return engine
    if model.multilingual:
        return MultilingualEngine(model, targets=targets)
    return OpusMTEngine(model, targets=targets)
