"""Run a pipeline command in a child process that SIGKILLs itself at its N-th file replacement.

Before the replacement when N > 0, right after it when N < 0: every kill lands mid-write,
with no timing involved. The child is a fork of the test process (the pipeline is imported
already, so a run costs no interpreter start); it is a process of its own, killed for real,
and it tells how many replacements it made on its stderr.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path


def _child(target: int, argv: list[str], env: dict[str, str], err: int) -> None:
    """In the forked child: count (and die at) replacements while the CLI runs."""
    os.dup2(err, 2)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    sys.stdout = open(1, "w", encoding="utf-8", closefd=False)   # noqa: SIM115
    sys.stderr = open(2, "w", encoding="utf-8", closefd=False)   # noqa: SIM115
    os.environ.update(env)
    from pipeline.cli import cli

    count, real = [0], os.replace

    def replace(src: str, dst: str) -> None:
        count[0] += 1
        if count[0] == abs(target) and target > 0:
            os.kill(os.getpid(), signal.SIGKILL)
        real(src, dst)
        if count[0] == abs(target) and target < 0:
            os.kill(os.getpid(), signal.SIGKILL)

    os.replace = replace   # type: ignore[assignment]
    code = 1
    try:
        cli(argv, standalone_mode=False)
        code = 0
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else 1
    except BaseException as error:   # noqa: BLE001 - reported to the parent as text
        print(f"{type(error).__name__}: {error}", file=sys.stderr)
    finally:
        print(count[0], file=sys.stderr)
        sys.stderr.flush()
        os._exit(code)


def killed_at(root: Path, at: int, *args: str,
              env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`pipeline --project ROOT ARGS...`, killed at replacement `at` (10**9: never)."""
    argv = ["--project", str(root), *args]
    with tempfile.TemporaryFile() as err:
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            _child(at, argv, env or {}, err.fileno())
        _, status = os.waitpid(pid, 0)
        code = -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    return subprocess.CompletedProcess(["pipeline", *argv], code, "", stderr)


def replacements(done: subprocess.CompletedProcess[str]) -> int:
    return int(done.stderr.strip().splitlines()[-1])

