"""MT engines by name, the pairs they serve, and the order a language tries them in."""

from __future__ import annotations

import tomllib
from collections.abc import Callable

from pipeline.argos_models import INSTALL_HINT
from pipeline.config import Config
from pipeline.engines.base import Engine, Output
from pipeline.errors import EngineError
from pipeline.model import Language

__all__ = ["Engine", "Output", "NAMES", "create", "engine_order", "pick_engine"]


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


def create(name: str) -> Engine:
    """A fresh engine by name (heavy libraries load on first translation, not here)."""
    try:
        return FACTORIES[name]()
    except KeyError:
        raise EngineError(f"unknown engine '{name}'",
                          hint=f"use one of {', '.join(NAMES)}") from None


def _explicit_engines(config: Config, tag: str) -> tuple[str, ...] | None:
    """The engines a language's own config entry lists, None when it inherits the default."""
    try:
        data = tomllib.loads((config.root / "pyproject.toml").read_text("utf-8"))
    except (OSError, ValueError):
        return None
    spec = data.get("tool", {}).get("pipeline", {}).get("languages", {}).get(tag)
    if isinstance(spec, dict) and isinstance(spec.get("engines"), list):
        return tuple(str(e) for e in spec["engines"])
    return None


def engine_order(config: Config, lang: Language) -> tuple[str, ...]:
    """The engines `lang` tries, in order. Pseudo-localization is not a translation: it is
    used only when the language's own entry lists it, never from the project-wide default."""
    explicit = _explicit_engines(config, lang.tag)
    if explicit is not None:
        return explicit
    return tuple(e for e in lang.engines if e != "pseudo")


def pick_engine(config: Config, lang: Language, *, requested: str | None,
                cache: dict[str, Engine]) -> Engine:
    """The first engine in `lang`'s order (or the one requested) that serves source→lang."""
    names = (requested,) if requested else engine_order(config, lang)
    for name in names:
        engine = cache.get(name) or cache.setdefault(name, create(name))
        if engine.supports(config.source_language, lang.tag):
            return engine
    tried = ", ".join(names) or "none configured"
    raise EngineError(f"no engine translates {config.source_language}→{lang.tag} "
                      f"(tried: {tried})", hint=f"get an {config.source_language}→{lang.tag} "
                      "argos model and " + INSTALL_HINT.replace("install one", "install it"))
