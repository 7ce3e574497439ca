#!/usr/bin/env bash
# Sets up (see bootstrap.sh) and runs the whole check: ruff, mypy, then pytest (offscreen Qt).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bootstrap.sh
source "$ROOT/build_scripts/bootstrap.sh"
cd "$ROOT"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
.venv/bin/python build_scripts/build_resources.py
echo "[check] ruff"
.venv/bin/ruff check qt_app tests build_scripts benchmarks
.venv/bin/ruff format --check qt_app tests build_scripts benchmarks
echo "[check] mypy"
.venv/bin/mypy qt_app benchmarks build_scripts
echo "[check] pytest"
.venv/bin/python -m pytest -q -n 2 "$@"
