#!/usr/bin/env bash
# The main job on the sample content: set up, then extract → translate → check → build.
# Released languages (ar, ru, zh) are built from approved translations; drafts (es, fr) are
# built with a "not yet reviewed" banner. Results land in output/ (open output/index.html).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
P=.venv/bin/pipeline
$P extract
$P translate            # fills new entries with machine drafts (fuzzy) where an engine serves the pair
$P check                # the CI gate: released languages must pass
$P build --draft        # HTML and PDF for every language into output/
$P status
