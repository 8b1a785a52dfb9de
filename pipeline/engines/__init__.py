"""MT engines by name, the pairs they serve, and the order a language tries them in.

Names are the built-in engines (argos, apertium, pseudo) and the models configured under
`[tool.pipeline.models]` (pipeline.engines.model_config), which run on CTranslate2 like argos.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pipeline.engines.base import Engine, Output
from pipeline.engines.packages import INSTALL_HINT
from pipeline.errors import EngineError, PipelineError
from pipeline.model import Language

if TYPE_CHECKING:
    from pipeline.config import Config
    from pipeline.engines.model_config import ModelConfig

__all__ = ["Engine", "Output", "NAMES", "create", "engine_order", "pick_engine", "preflight",
           "served_by", "configured_models"]


def _argos() -> Engine:
    from pipeline.engines.argos import ArgosEngine

    return ArgosEngine()


def _apertium() -> Engine:
    from pipeline.engines.apertium import ApertiumEngine

    return ApertiumEngine()


def _pseudo() -> Engine:
    from pipeline.engines.pseudo import PseudoEngine

    return PseudoEngine()


FACTORIES: dict[str, Callable[[], Engine]] = {
    "argos": _argos, "apertium": _apertium, "pseudo": _pseudo,
}
NAMES = tuple(FACTORIES)


def served_by(config: Config, model: ModelConfig) -> tuple[str, ...]:
    """The configured languages whose engine order includes `model` and that it translates."""
    tags = []
    for lang in config.languages:
        if model.name not in engine_order(config, lang):
            continue
        if model.multilingual and model.token(lang.tag) is None:
            continue
        tags.append(lang.tag)
    return tuple(tags)


def create(name: str, config: Config | None = None) -> Engine:
    """A fresh engine by name (heavy libraries load on first translation, not here)."""
    model = config.model(name) if config is not None else None
    if config is not None and model is not None:
        from pipeline.engines.ct2 import configured_engine

        return configured_engine(model, targets=served_by(config, model))
    try:
        return FACTORIES[name]()
    except KeyError:
        known = (*NAMES, *(m.name for m in config.models)) if config else NAMES
        raise EngineError(f"unknown engine '{name}'",
                          hint=f"use one of {', '.join(known)}") from None


def engine_order(config: Config, lang: Language) -> tuple[str, ...]:
    """The engines `lang` tries, in order. Pseudo-localization is not a translation: it is
    used only when the language's own entry lists it, never from the project-wide default."""
    if lang.own_engines:
        return lang.engines
    return tuple(e for e in lang.engines if e != "pseudo")


def pick_engine(config: Config, lang: Language, *, requested: str | None,
                cache: dict[str, Engine]) -> Engine:
    """The first engine in `lang`'s order (or the one requested) that serves source→lang."""
    names = (requested,) if requested else engine_order(config, lang)
    for name in names:
        engine = cache.get(name) or cache.setdefault(name, create(name, config))
        if engine.supports(config.source_language, lang.tag):
            return engine
    tried = ", ".join(names) or "none configured"
    raise EngineError(f"no engine translates {config.source_language}→{lang.tag} "
                      f"(tried: {tried})", hint=f"get an {config.source_language}→{lang.tag} "
                      "argos model and " + INSTALL_HINT.replace("install one", "install it")
                      + ", or configure a model under [tool.pipeline.models]")


def preflight(config: Config, *, langs: tuple[str, ...], requested: str | None) -> None:
    """Before translating: the engine asked for exists, and every configured model the
    selected languages may use has its folder (one line naming pyproject.toml:line)."""
    names = (*NAMES, *(m.name for m in config.models))
    if requested is not None and requested not in names:
        raise EngineError(f"unknown engine '{requested}'", hint=f"use one of {', '.join(names)}")
    for lang in config.select(langs):
        for name in (requested,) if requested else engine_order(config, lang):
            model = config.model(name) if name else None
            if model is not None:
                model.folder()


@dataclass(frozen=True, slots=True)
class ModelListing:
    """A configured model as `pipeline models list` shows it."""

    model: ModelConfig
    pairs: tuple[tuple[str, str], ...]
    sha256: str = ""        # of model.bin
    problem: str = ""       # why it cannot run; empty when it can


def configured_models(config: Config) -> list[ModelListing]:
    """Each configured model with the pairs it serves and its model.bin's sha256."""
    from pipeline.engines.index import file_sha256
    from pipeline.engines.packages import installed_packages

    listed = []
    for model in config.models:
        source = config.source_language
        pairs: tuple[tuple[str, str], ...]
        if model.kind == "opus-mt":
            pairs = ((source, model.target),)
        else:
            pairs = tuple((source, tag) for tag in served_by(config, model))
        try:
            folder = model.folder()
        except PipelineError as exc:
            listed.append(ModelListing(model, pairs, problem=exc.message))
            continue
        if model.kind == "argos":
            found = [p for p in installed_packages(folder.parent) if p.path == folder]
            if not found:
                listed.append(ModelListing(model, pairs, problem="not an argos package"))
                continue
            pairs = ((found[0].from_code, found[0].to_code),)
            model_bin = folder / "model" / "model.bin"
        else:
            model_bin = folder / "model.bin"
        listed.append(ModelListing(model, pairs, sha256=file_sha256(model_bin)))
    return listed
