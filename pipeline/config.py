"""The project's configuration: a frozen object read from `[tool.pipeline]` in pyproject.toml."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from pipeline.engines.model_config import ModelConfig, check_language, parse_models
from pipeline.errors import ConfigError
from pipeline.languages import catalog_tag
from pipeline.model import Language
from pipeline.review.policy import ReviewPolicy, parse_policy

STATUSES = ("released", "draft")
ENGINES = ("argos", "apertium", "pseudo")
SEGMENTATION = ("sentence", "paragraph")
# What a build does with a released document whose English changed (or whose approvals
# lapsed): take it down until re-approved, or keep the last released build published.
ON_SOURCE_CHANGE = ("withdraw", "keep-previous")
_TAG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")
_KNOWN_KEYS = {
    "source-language", "source-dir", "locales-dir", "glossary-dir", "output-dir",
    "segmentation", "languages", "engines", "disabled-checks", "project-name", "review",
    "on-source-change", "models",
    "theme-dir", "organisation", "site-url",
}
_LANGUAGE_KEYS = {"status", "engines"}


@dataclass(frozen=True)
class Config:
    """Everything a stage needs to know about the project, resolved to absolute paths."""

    root: Path
    source_language: str = "en"
    languages: tuple[Language, ...] = ()
    source_dir: Path = Path("source")
    locales_dir: Path = Path("locales")
    glossary_dir: Path = Path("glossary")
    output_dir: Path = Path("output")
    segmentation: str = "sentence"
    engines: tuple[str, ...] = ("argos", "apertium")
    disabled_checks: tuple[str, ...] = ()
    project_name: str = ""
    review: ReviewPolicy = ReviewPolicy()
    on_source_change: str = "withdraw"
    theme_dir: Path = Path("theme")   # branding: logo, CSS, templates, overrides of UI words
    organisation: str = ""            # printed in every page's header
    site_url: str = ""                # where output/ is published (QR codes, canonical links)
    models: tuple[ModelConfig, ...] = ()  # [tool.pipeline.models]: CTranslate2 model folders

    def language(self, tag: str) -> Language:
        for lang in self.languages:
            if lang.tag == tag:
                return lang
        known = ", ".join(lang.tag for lang in self.languages)
        raise ConfigError(f"language '{tag}' is not configured",
                          path=self.root / "pyproject.toml",
                          hint=f"configured: {known}; add it under [tool.pipeline.languages]")

    def model(self, name: str) -> ModelConfig | None:
        """The configured model of this name (None: a built-in engine or unknown)."""
        return next((m for m in self.models if m.name == name), None)

    def select(self, tags: tuple[str, ...] | list[str]) -> tuple[Language, ...]:
        """The configured languages named in `tags`, or all of them when none are named."""
        return tuple(self.language(t) for t in tags) if tags else self.languages

    def rel(self, path: Path) -> str:
        """A path as the user sees it: relative to the project root where possible."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return str(path)


def validate_tag(tag: str, *, where: Path, line: int | None = None) -> str:
    """Check a language tag with Babel; path-like or unknown tags are refused."""
    from babel import Locale, UnknownLocaleError

    if not isinstance(tag, str) or not _TAG.match(tag):
        raise ConfigError(f"'{tag}' is not a language tag", path=where, line=line,
                          hint="use a BCP 47 tag such as 'es', 'fr', 'zh' or 'pt-BR'")
    try:
        Locale.parse(tag, sep="-" if "-" in tag else "_")
    except (UnknownLocaleError, ValueError):
        raise ConfigError(f"unknown language tag '{tag}'", path=where, line=line,
                          hint="use a tag Babel knows, such as 'es', 'fr', 'ar', 'zh'") from None
    return tag


def find_project(start: Path) -> Path:
    """The nearest folder at or above `start` whose pyproject.toml has [tool.pipeline]."""
    start = start.resolve()
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file() and "[tool.pipeline" in candidate.read_text("utf-8", "replace"):
            return folder
    raise ConfigError("no project found: no pyproject.toml with [tool.pipeline] here or above",
                      path=start, hint="run 'pipeline init' or pass --project DIR")


def _line_of(text: str, key: str) -> int | None:
    for number, line in enumerate(text.splitlines(), 1):
        if re.match(rf"\s*\"?{re.escape(key)}\"?\s*=", line):
            return number
    return None


def load_config(root: Path) -> Config:
    """Read and validate `[tool.pipeline]` from `root/pyproject.toml`."""
    path = root / "pyproject.toml"
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        raise ConfigError("pyproject.toml not found", path=path,
                          hint="run 'pipeline init' to create a project") from None
    except UnicodeDecodeError:
        raise ConfigError("pyproject.toml is not UTF-8", path=path) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"\s*\(at line (\d+), column \d+\)", str(exc))
        message = str(exc).replace(found.group(0), "") if found else str(exc)
        raise ConfigError(f"invalid TOML: {message}", path=path,
                          line=int(found.group(1)) if found else None,
                          hint="fix the TOML syntax") from None
    table = data.get("tool", {}).get("pipeline")
    if not isinstance(table, dict):
        raise ConfigError("no [tool.pipeline] table", path=path,
                          hint="add one (see 'pipeline init' for an example)")
    unknown = sorted(set(table) - _KNOWN_KEYS)
    if unknown:
        raise ConfigError(f"unknown setting '{unknown[0]}' in [tool.pipeline]", path=path,
                          line=_line_of(text, unknown[0]),
                          hint=f"known settings: {', '.join(sorted(_KNOWN_KEYS))}")

    def folder(key: str, default: str) -> Path:
        value = table.get(key, default)
        if not isinstance(value, str) or not value:
            raise ConfigError(f"'{key}' must be a folder name, not {value!r}", path=path,
                              line=_line_of(text, key), hint=f'write e.g. {key} = "{default}"')
        resolved = (root / value).resolve()
        if root.resolve() not in (resolved, *resolved.parents):
            raise ConfigError(f"'{key}' points outside the project: {value}", path=path,
                              line=_line_of(text, key), hint="use a folder inside the project")
        return resolved

    def choice(key: str, default: str, allowed: tuple[str, ...]) -> str:
        value = table.get(key, default)
        if value not in allowed:
            raise ConfigError(f"'{key}' must be one of {', '.join(allowed)}, not {value!r}",
                              path=path, line=_line_of(text, key),
                              hint=f'write e.g. {key} = "{default}"')
        return str(value)

    source_language = validate_tag(table.get("source-language", "en"), where=path,
                                   line=_line_of(text, "source-language"))
    models = parse_models(table.get("models"), root=root, source=source_language,
                          builtin=ENGINES, path=path, text=text)
    known_engines = (*ENGINES, *(m.name for m in models))

    def engine_list(value: object, key: str) -> tuple[str, ...]:
        if not isinstance(value, list) or any(v not in known_engines for v in value):
            raise ConfigError(f"'{key}' must be a list of engines from "
                              f"{', '.join(known_engines)}", path=path,
                              line=_line_of(text, key),
                              hint='write e.g. engines = ["argos", "apertium"]')
        return tuple(value)

    default_engines = engine_list(table.get("engines", ["argos", "apertium"]), "engines")
    raw_languages = table.get("languages", {})
    if not isinstance(raw_languages, dict):
        raise ConfigError("[tool.pipeline.languages] must be a table of tag = status",
                          path=path, line=_line_of(text, "languages"),
                          hint='write e.g. es = "released" under [tool.pipeline.languages]')
    languages = []
    folders: dict[str, str] = {}
    for tag, spec in raw_languages.items():
        line = _line_of(text, tag)
        validate_tag(tag, where=path, line=line)
        if catalog_tag(tag).casefold() == catalog_tag(source_language).casefold():
            raise ConfigError(f"'{tag}' is the source language, not a target", path=path,
                              line=line, hint="remove it from [tool.pipeline.languages]")
        same = folders.setdefault(catalog_tag(tag).casefold(), tag)
        if same != tag:
            raise ConfigError(f"'{tag}' and '{same}' name the same language (one catalog "
                              "folder)", path=path, line=line, hint="keep one of them")
        if isinstance(spec, str):
            spec = {"status": spec}
        if not isinstance(spec, dict):
            raise ConfigError(f"language '{tag}' must be \"released\", \"draft\" or a table",
                              path=path, line=line, hint=f'write e.g. {tag} = "draft"')
        unknown_keys = sorted(set(spec) - _LANGUAGE_KEYS)
        if unknown_keys:
            raise ConfigError(f"unknown setting '{unknown_keys[0]}' for language '{tag}'",
                              path=path, line=line,
                              hint=f"known settings: {', '.join(sorted(_LANGUAGE_KEYS))}")
        status = spec.get("status", "draft")
        if status not in STATUSES:
            raise ConfigError(f"language '{tag}' has status {status!r}", path=path, line=line,
                              hint="use \"released\" or \"draft\"")
        engines = engine_list(spec.get("engines", list(default_engines)), tag)
        own = "engines" in spec
        for name in engines if own else ():
            model = next((m for m in models if m.name == name), None)
            if model is not None:
                check_language(model, tag, path=path, line=line)
        languages.append(Language(tag=tag, status=status, engines=engines, own_engines=own))
    disabled = table.get("disabled-checks", [])
    if not isinstance(disabled, list) or not all(isinstance(c, str) for c in disabled):
        raise ConfigError("'disabled-checks' must be a list of check names", path=path,
                          line=_line_of(text, "disabled-checks"),
                          hint='write e.g. disabled-checks = ["length"]')
    name = table.get("project-name", data.get("project", {}).get("name", ""))
    if not isinstance(name, str):
        raise ConfigError(f"'project-name' must be text, not {name!r}", path=path,
                          line=_line_of(text, "project-name"),
                          hint='write e.g. project-name = "Patient information"')
    branding = {}
    for key in ("organisation", "site-url"):
        value = table.get(key, "")
        if not isinstance(value, str) or (key == "site-url" and value
                                          and not re.match(r"^https?://[^\s]+$", value)):
            kind = "an http(s) address" if key == "site-url" else "text"
            raise ConfigError(f"'{key}' must be {kind}, not {value!r}", path=path,
                              line=_line_of(text, key),
                              hint=f'write e.g. {key} = "'
                                   + ("https://www.example.org/leaflets/" if key == "site-url"
                                      else "Example Hospital") + '"')
        branding[key] = value
    inputs = {key: folder(key, key.removesuffix("-dir"))
              for key in ("source-dir", "locales-dir", "glossary-dir")}
    output = folder("output-dir", "output")
    for key, value in (("project", root.resolve()), *inputs.items()):
        if output == value or (key != "project" and output in value.parents) or (
                key == "source-dir" and value in output.parents):  # assets are copied from it
            raise ConfigError(f"'output-dir' overlaps the {key.removesuffix('-dir')} folder",
                              path=path, line=_line_of(text, "output-dir"),
                              hint="builds replace what is in it: give it a folder of its own, "
                                   'e.g. output-dir = "output"')
    return Config(
        root=root.resolve(),
        source_language=source_language,
        languages=tuple(languages),
        source_dir=inputs["source-dir"],
        locales_dir=inputs["locales-dir"],
        glossary_dir=inputs["glossary-dir"],
        output_dir=output,
        segmentation=choice("segmentation", "sentence", SEGMENTATION),
        engines=default_engines,
        disabled_checks=tuple(disabled),
        project_name=name,
        review=parse_policy(table.get("review"), path=path,
                            line_of=lambda key: _line_of(text, key)),
        on_source_change=choice("on-source-change", "withdraw", ON_SOURCE_CHANGE),
        theme_dir=folder("theme-dir", "theme"),
        organisation=branding["organisation"],
        site_url=branding["site-url"],
        models=models,
    )
