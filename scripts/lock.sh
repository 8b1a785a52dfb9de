#!/usr/bin/env bash
# Refresh requirements.lock: every Python dependency of the pipeline and its dev tools,
# transitive ones included, at an exact version with sha256 hashes (pip-tools' pip-compile,
# run in a throw-away venv so that pip-tools itself is not part of the project's environment).
# Run after changing dependencies in pyproject.toml, then commit requirements.lock.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
tool=$(mktemp -d)
trap 'rm -rf "$tool"' EXIT
"$PY" -m venv "$tool"
"$tool/bin/python" -m pip install -q "pip==26.3" "pip-tools==7.6.2"
"$tool/bin/pip-compile" -q --extra dev --generate-hashes --allow-unsafe --strip-extras \
  --no-emit-index-url --no-emit-find-links -c constraints.txt \
  -o requirements.lock pyproject.toml
# pip-compile writes the output path it was given; keep the header free of temp paths.
echo "lock: requirements.lock has $(grep -c '^[a-zA-Z0-9_.-]*==' requirements.lock) packages"
