#!/usr/bin/env bash
# Set up everything the pipeline and its tests need on a fresh Debian machine:
# Debian packages (gettext, Apertium, poppler, fonts, HarfBuzz subsetting), a virtual
# environment in .venv from requirements.lock (CPU-only torch), the pipeline and dev tools.
# Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  gettext                      # msgfmt / msgmerge: real peers in tests
  python3-venv                 # venv for Debian's optimized python3 (see PY below)
  apertium apertium-eng-spa    # second MT engine (English -> Spanish)
  poppler-utils                # pdftotext / pdffonts for PDF checks
  openssh-client               # ssh-keygen -Y sign/verify: SSH-signed sign-offs
  fonts-noto-core fonts-noto-cjk fonts-dejavu-core  # one Noto face per script (languages.FONTS)
  libharfbuzz-subset0          # WeasyPrint font subsetting (CJK PDFs ~40x faster)
  libpango-1.0-0 libpangoft2-1.0-0
  default-jre-headless         # Nu HTML checker (vnu.jar) in tests
  hunspell-es hunspell-fr hunspell-ru  # is a copied English word also Spanish/French? a cut word Russian?
  dict-freedict-eng-spa dict-freedict-spa-eng dict-freedict-eng-fra dict-freedict-fra-eng
  dict-freedict-eng-ara dict-freedict-eng-rus mueller7-dict  # which list item is gone?
  chromium chromium-driver     # real-browser tests of the review app (Selenium)
)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "setup: installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The interpreter: $PYTHON if set; else Debian's own build of the Python the lock was made for
# (3.11), built with profile-guided optimization: pure-Python work such as reading catalogs
# takes about 17 % less CPU on it than on an unoptimized source build such as pyenv's, the
# whole test suite 3-7 % less (measured side by side, see README); else python3 on PATH.
LOCKED_PY=3.11
if [ -n "${PYTHON:-}" ]; then
  PY=$PYTHON
elif [ -x "/usr/bin/python$LOCKED_PY" ] && dpkg-query -W -f='${Status}' "python$LOCKED_PY-venv" 2>/dev/null | grep -q "ok installed"; then
  PY=/usr/bin/python$LOCKED_PY
else
  PY=python3
fi
VENV=${PIPELINE_VENV:-.venv}
if [ ! -x "$VENV/bin/python" ]; then
  "$PY" -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install -q "pip==26.3"
if [ "${PIPELINE_LATEST:-}" = 1 ]; then
  # The non-gating drift job: today's newest releases within pyproject.toml's ranges
  # (constraints.txt still keeps torch on the CPU build that lies on these machines).
  "$VENV/bin/python" -m pip install -q --upgrade -c constraints.txt "torch==2.13.0"
  "$VENV/bin/python" -m pip install -q --upgrade --upgrade-strategy eager -c constraints.txt -e ".[dev]"
else
  # Every dependency, transitive ones included, at the exact version and hash in
  # requirements.lock (refresh it with scripts/lock.sh). torch is the CPU build.
  "$VENV/bin/python" -m pip install -q --require-hashes --no-deps -r requirements.lock
  "$VENV/bin/python" -m pip install -q --no-deps --no-build-isolation -e .
fi

# npm tools at locked versions into .tools/: the Nu HTML checker (vnu-jar ships vnu.jar) for
# the HTML validity tests, and axe-core, injected into pages by the accessibility tests.
NPM_TOOLS=(vnu-jar@26.9.27 axe-core@4.14.1)
npm_missing=()
for spec in "${NPM_TOOLS[@]}"; do
  name=${spec%@*} version=${spec##*@}
  grep -qs "\"version\": \"$version\"" ".tools/node_modules/$name/package.json" || npm_missing+=("$spec")
done
if [ ${#npm_missing[@]} -gt 0 ] && command -v npm >/dev/null; then
  mkdir -p .tools
  (cd .tools && npm install --silent --no-audit --no-fund --save-exact --prefix . "${npm_missing[@]}" >/dev/null)
fi
echo "setup: ready ($(du -sh "$VENV" | cut -f1) in $VENV)"
