#!/usr/bin/env bash
# One command for the outpost download: a one-folder frozen app plus a compressed archive, built from the
# project's own clean venv (never a system PySide6), then self-tested. Prints sizes and times against budgets.
#   bash build_scripts/build_app.sh            build, archive, self-test
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bootstrap.sh
source "$ROOT/build_scripts/bootstrap.sh"
cd "$ROOT"
.venv/bin/python build_scripts/build_resources.py
VERSION="$(.venv/bin/python -c 'import qt_app; print(qt_app.__version__)')"
NAME="offer-desk-$VERSION"
rm -rf build/pyinstaller "dist/$NAME" "dist/$NAME-linux-x86_64.tar.xz"
.venv/bin/python -m PyInstaller --noconfirm --clean --log-level WARN \
  --workpath build/pyinstaller --distpath dist build_scripts/offer_desk.spec
tar -C dist -cJf "dist/$NAME-linux-x86_64.tar.xz" "$NAME"
.venv/bin/python build_scripts/check_build.py "dist/$NAME" "dist/$NAME-linux-x86_64.tar.xz"
