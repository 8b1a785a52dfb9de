#!/usr/bin/env bash
# The test command: set up (Debian packages, .venv) and run lint, types and the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/ruff check pipeline tests bench
.venv/bin/mypy
.venv/bin/pytest "$@"
