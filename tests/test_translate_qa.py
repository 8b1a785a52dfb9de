"""The checks of machine output on worker processes: the same flags, the same catalogs."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
from pathlib import Path

from conftest import REPO, copy_sample

from pipeline.checks.flags import entry_checks
from pipeline.translate_qa import Checkers


def _translate(root: Path, workers: str) -> str:
    """`pipeline translate` in a process of its own (one thread: it may fork its workers)."""
    env = {**os.environ, "PIPELINE_QA_WORKERS": workers,
           "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run([sys.executable, "-m", "pipeline", "--project", str(root),
                           "translate", "--lang", "es", "--engine", "apertium",
                           "--refresh-fuzzy"], env=env, capture_output=True, text=True,
                          timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


def _catalogs(root: Path) -> dict[str, list[str]]:
    return {po.name: [line for line in po.read_text("utf-8").splitlines()
                      if not line.startswith('"PO-Revision-Date:')]
            for po in sorted((root / "locales" / "es" / "LC_MESSAGES").glob("*.po"))}


def test_checks_on_worker_processes_write_what_the_stage_alone_writes(tmp_path: Path) -> None:
    apart, alone = copy_sample(tmp_path / "apart"), copy_sample(tmp_path / "alone")
    said = _translate(apart, "2")
    assert "checked in 2 worker processes" in said
    assert "checked in" not in _translate(alone, "0")
    catalogs = _catalogs(apart)
    assert catalogs == _catalogs(alone)
    flags = [line for lines in catalogs.values() for line in lines if line.startswith("# qa: ")]
    assert len(flags) >= 5, "the sample's Spanish drafts have QA flags to compare"
    translated = re.search(r"es: translated (\d+) segments", said)
    assert translated and int(translated.group(1)) >= 20, said


def test_no_worker_is_forked_while_another_thread_runs() -> None:
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        checkers = Checkers()
        checkers.start(None, entry_checks())
        assert checkers.workers == 0
        assert checkers.submit("es", [("Rest.", "Descanse.", (), False)], glossary=None,
                               checks=entry_checks()) is None   # the stage checks it itself
    finally:
        release.set()
        other.join()
