#!/usr/bin/env bash
# The test command: set up (Debian packages, .venv from requirements.lock) and run lint, types
# and the test suite. `scripts/test.sh --latest [pytest args]` is the non-gating drift job: the
# same suite in .venv-latest with today's newest releases, to see upstream changes early.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--latest" ]; then
  shift
  export PIPELINE_VENV=.venv-latest PIPELINE_LATEST=1
fi
VENV=${PIPELINE_VENV:-.venv}
bash scripts/setup.sh
"$VENV/bin/ruff" check pipeline tests bench
"$VENV/bin/mypy"
# Compiled bytecode is kept (in the ignored __pycache__ folders): with PYTHONDONTWRITEBYTECODE
# set, every test worker and every `python -m pipeline` a test starts compiled the project
# again (collection 5.3 s a worker instead of 1.9 s).
unset PYTHONDONTWRITEBYTECODE
# One worker per core (pytest-xdist); PIPELINE_TEST_WORKERS=0 runs in this process.
"$VENV/bin/pytest" -n "${PIPELINE_TEST_WORKERS:-auto}" --dist loadfile "$@"
