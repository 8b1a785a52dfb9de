"""Shared fixtures: a throw-away copy of a test project and a CLI runner."""

from __future__ import annotations

import os
import shutil
import socket
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner, Result

from pipeline.cli import cli

# What pipeline.engines.base.load_ctranslate2 sets before CTranslate2 loads, set here too:
# the tests' own model building (tests/tinyargos.py) may load it first in a test process.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

DATA = Path(__file__).parent / "data"
REPO = Path(__file__).parent.parent


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of tests/data/project in a temporary folder."""
    root = tmp_path / "project"
    shutil.copytree(DATA / "project", root)
    return root


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """A copy of this repository's sample content project (source, glossary, locales)."""
    root = tmp_path / "sample"
    root.mkdir()
    shutil.copy(REPO / "pyproject.toml", root / "pyproject.toml")
    for folder in ("source", "glossary", "locales", "review", "theme"):
        if (REPO / folder).exists():
            shutil.copytree(REPO / folder, root / folder)
    return root


def run(root: Path, *args: str) -> Result:
    """Run the pipeline CLI on a project folder; exceptions other than exit propagate."""
    return CliRunner().invoke(cli, ["--project", str(root), *args], catch_exceptions=False)


@pytest.fixture
def fresh(sample: Path) -> Path:
    """The sample with the Arabic sign-offs (log and Poedit comments) taken away."""
    shutil.rmtree(sample / "review" / "signoffs" / "ar")
    for doc in ("car-t-or-transplant", "travelling-for-treatment"):
        po = polib.pofile(str(sample / "locales" / "ar" / "LC_MESSAGES" / f"{doc}.po"))
        for entry in po:
            entry.tcomment = "\n".join(line for line in entry.tcomment.splitlines()
                                       if not line.startswith("signed-off:"))
        po.save(str(sample / "locales" / "ar" / "LC_MESSAGES" / f"{doc}.po"))
    return sample


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to open a network connection fails the test."""
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"network access attempted: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
