"""Run a pipeline command in a child that SIGKILLs itself at its N-th file replacement.

Before the replacement when N > 0, right after it when N < 0: every kill lands mid-write,
with no timing involved. The child prints how many replacements it made (on stderr).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SCRIPT = """
import json, os, signal, sys
from pipeline.cli import cli
target, count = int(sys.argv[1]), [0]
real = os.replace
def replace(src, dst):
    count[0] += 1
    if count[0] == abs(target) and target > 0:
        os.kill(os.getpid(), signal.SIGKILL)
    real(src, dst)
    if count[0] == abs(target) and target < 0:
        os.kill(os.getpid(), signal.SIGKILL)
os.replace = replace
try:
    cli(json.loads(sys.argv[2]), standalone_mode=False)
finally:
    print(count[0], file=sys.stderr)
"""


def killed_at(root: Path, at: int, *args: str,
              env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`pipeline --project ROOT ARGS...`, killed at replacement `at` (10**9: never)."""
    import json

    command = json.dumps(["--project", str(root), *args])
    return subprocess.run([sys.executable, "-c", SCRIPT, str(at), command],
                          env={**os.environ, **(env or {})}, capture_output=True, text=True)


def replacements(done: subprocess.CompletedProcess[str]) -> int:
    return int(done.stderr.strip().splitlines()[-1])
