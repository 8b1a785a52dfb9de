"""translate overlaps its own work with the engine's and the disk's; the results do not change."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import REPO, run

from pipeline.background import Writes
from pipeline.config import load_config
from pipeline.engines.base import Output
from pipeline.engines.pseudo import PseudoEngine
from pipeline.translate import translate


def test_writes_run_in_order_on_another_thread_and_close_waits_for_them() -> None:
    writes, done, release = Writes(), [], threading.Event()
    threads: set[int] = set()

    def write(n: int) -> int:
        if n == 0:
            release.wait()   # the first write blocks until the caller has handed over all
        threads.add(threading.get_ident())
        done.append(n)
        return n * 10

    futures = [writes.submit(write, n) for n in range(5)]
    assert done == []        # handing over does not wait for the disk
    release.set()
    writes.close()
    assert done == [0, 1, 2, 3, 4] and [f.result() for f in futures] == [0, 10, 20, 30, 40]
    assert threads and threading.get_ident() not in threads


def test_a_failed_write_is_raised_at_the_next_hand_over_and_at_close() -> None:
    def fail() -> None:
        raise OSError("disk full")

    writes = Writes()
    failed = writes.submit(fail)
    assert isinstance(failed.exception(), OSError)   # waits for it to finish
    with pytest.raises(OSError, match="disk full"):
        writes.submit(lambda: None)
    writes = Writes()
    writes.submit(fail)
    with pytest.raises(OSError, match="disk full"):
        writes.close()
    writes = Writes()
    writes.submit(fail)
    writes.close(quiet=True)   # after another error: the first one goes on alone


class Recording(PseudoEngine):
    """Pseudo-localization that remembers how many segments each call got."""

    def __init__(self, *, independent: bool) -> None:
        self.independent = independent
        self.calls: list[int] = []

    def translate_each(self, segments: list[str], *, source: str,
                       target: str) -> Iterator[Output]:
        self.calls.append(len(segments))
        yield from super().translate_each(segments, source=source, target=target)


@pytest.fixture
def extracted(sample: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.rmtree(sample / "locales", ignore_errors=True)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    assert run(sample, "extract").exit_code == 0
    return sample


def test_an_engine_that_batches_do_not_change_starts_on_the_first_segments_found(
        extracted: Path, tmp_path: Path) -> None:
    """152 segments: an engine whose outputs depend on their batch gets them in one call
    (as always); one that says they do not (Apertium) gets the first 64 at once, while the
    catalogs are still being read. The catalogs come out byte for byte the same."""
    other = tmp_path / "other"
    shutil.copytree(extracted, other)
    results = {}
    for root, independent in ((extracted, False), (other, True)):
        engine = Recording(independent=independent)
        summary = translate(load_config(root), langs=("es",), engine="pseudo",
                            engines={"pseudo": engine})
        assert summary.machine == 152 and summary.engine_calls == len(engine.calls)
        results[independent] = engine.calls, {
            p.relative_to(root): p.read_bytes() for p in (root / "locales").rglob("*.po")}
    # (segments that differ only in what masking protects are one text to the engine)
    assert len(results[False][0]) == 1 and 140 < results[False][0][0] <= 152
    assert len(results[True][0]) > 1 and 56 < results[True][0][0] <= 64
    assert results[True][1] == results[False][1] and len(results[True][1]) > 1


def test_translate_with_an_argos_model_exits_cleanly_every_time(
        extracted: Path, tmp_path: Path, tiny_argos: dict[str, Path]) -> None:
    """CTranslate2 models are freed at the end of the run: left to the interpreter's exit,
    its threads were sometimes torn down unjoined and the process aborted (SIGABRT,
    "terminate called without an active exception") after writing everything."""
    package = tiny_argos["copy"]
    env = {**os.environ, "PYTHONPATH": str(REPO), "ARGOS_PACKAGES_DIR": str(tmp_path / "m"),
           "PIPELINE_ARGOS_COMPUTE_TYPE": "float32"}
    command = [sys.executable, "-m", "pipeline", "--project", str(extracted)]
    subprocess.run([*command, "models", "install", str(package)], env=env, check=True,
                   capture_output=True)
    for args in (("--lang", "fr"), ("--lang", "fr", "--refresh-fuzzy")):
        done = subprocess.run([*command, "translate", *args], env=env, capture_output=True,
                              text=True)
        assert (done.returncode, done.stderr) == (0, "")
        assert "fr: translated 152 segments with argos" in done.stdout
