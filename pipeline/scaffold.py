"""`pipeline init`: scaffold a new content project."""

from __future__ import annotations

from pathlib import Path

from pipeline.errors import ConfigError
from pipeline.files import atomic_write

PYPROJECT = """\
[project]
name = "{name}"
version = "0.1.0"

[tool.pipeline]
source-language = "en"
source-dir = "source"
locales-dir = "locales"
glossary-dir = "glossary"
output-dir = "output"
segmentation = "sentence"       # or "paragraph"
engines = ["argos", "apertium"] # tried in this order for each language

[tool.pipeline.languages]
# tag = "released" (must pass check, build refuses unreviewed content) or "draft"
es = "draft"
"""

EXAMPLE = """\
---
title: Welcome
description: An example patient information page.
---

# Welcome

This page is an example. Replace it with your own patient information.
"""

GLOSSARY = "id,en,es,dnt,case,note\n"


def init_project(root: Path) -> list[Path]:
    """Create pyproject.toml, source/, locales/, glossary/; refuse to overwrite a config."""
    config = root / "pyproject.toml"
    if config.exists() and "[tool.pipeline" in config.read_text("utf-8", "replace"):
        raise ConfigError("a pipeline project already exists here", path=config,
                          hint="edit its [tool.pipeline] table instead")
    if config.exists():
        raise ConfigError("pyproject.toml exists without [tool.pipeline]", path=config,
                          hint="add a [tool.pipeline] table by hand (see the README)")
    files = {
        config: PYPROJECT.format(name=root.resolve().name or "content"),
        root / "source" / "welcome.md": EXAMPLE,
        root / "glossary" / "glossary.csv": GLOSSARY,
        root / "locales" / ".gitkeep": "",
        root / ".gitignore": "output/\n.pipeline/\n.pipeline.lock\n",
    }
    created = []
    for path, text in files.items():
        if not path.exists():
            atomic_write(path, text)
            created.append(path)
    return created
