#!/usr/bin/env bash
# The main job on the sample content: set up, extract catalogs, report their review state.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
P=.venv/bin/pipeline
$P extract
$P status
