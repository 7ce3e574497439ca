#!/usr/bin/env bash
# Sets up (see bootstrap.sh) and launches Offer Desk on its embedded SQLite database.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bootstrap.sh
source "$ROOT/build_scripts/bootstrap.sh"
cd "$ROOT"
.venv/bin/python build_scripts/build_resources.py
exec .venv/bin/python -m qt_app "$@"
