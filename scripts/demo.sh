#!/usr/bin/env bash
# Quick start: install into .venv/ and run the main job on the sample shipped in examples/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/definiens extract examples/ --format text
