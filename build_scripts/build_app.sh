#!/usr/bin/env bash
# One command for the outpost download: a one-folder frozen app plus a compressed archive, built from a clean
# venv of the project's own pins (never a system PySide6), then self-tested. Prints sizes and times against budgets.
#   bash build_scripts/build_app.sh            build, archive, self-test
#
# The app is frozen with Python 3.12 or newer when the machine has one (python3.12/3.13 on PATH, or pyenv's
# ~/.pyenv/versions/3.12.*, 3.13.*; OFFER_DESK_BUILD_PYTHON overrides): there None is immortal, so the
# PySide6 6.12 refcount guard (qt_app/ui/widgets/refcount_guard.py) has nothing to do. The build venv is
# .venv-build (made once per Python and lock file). Without such a Python, the project's .venv builds it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bootstrap.sh
source "$ROOT/build_scripts/bootstrap.sh"
cd "$ROOT"
.venv/bin/python build_scripts/build_resources.py

new_enough() { "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1; }

pick_build_python() {
  local candidate
  for candidate in "${OFFER_DESK_BUILD_PYTHON:-}" python3.12 python3.13 \
    "$HOME"/.pyenv/versions/3.12.*/bin/python "$HOME"/.pyenv/versions/3.13.*/bin/python; do
    [ -n "$candidate" ] || continue
    if command -v "$candidate" >/dev/null 2>&1 && new_enough "$candidate"; then
      command -v "$candidate"
      return 0
    fi
  done
  return 1
}

PY=".venv/bin/python"
if BUILD_PY="$(pick_build_python)"; then
  stamp=".venv-build/.stamp"
  want="$("$BUILD_PY" -c 'import sys; print(sys.version)' | head -1) $(sha256sum requirements.lock | cut -d' ' -f1)"
  if [ ! -x .venv-build/bin/python ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    echo "[build] making .venv-build with $BUILD_PY"
    rm -rf .venv-build
    if "$BUILD_PY" -m venv .venv-build \
      && .venv-build/bin/python -m pip install -q --disable-pip-version-check -r requirements.lock; then
      echo "$want" > "$stamp"
    else
      echo "[build] could not set up .venv-build; building with the project's .venv instead"
      rm -rf .venv-build
    fi
  fi
  [ -x .venv-build/bin/python ] && PY=".venv-build/bin/python"
else
  echo "[build] no Python 3.12+ here; building with the project's .venv (the refcount guard stays active)"
fi
echo "[build] freezing with $("$PY" -c 'import sys; print("Python", sys.version.split()[0])')"

VERSION="$("$PY" -c 'import qt_app; print(qt_app.__version__)')"
NAME="offer-desk-$VERSION"
rm -rf build/pyinstaller "dist/$NAME" "dist/$NAME-linux-x86_64.tar.xz"
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --workpath build/pyinstaller --distpath dist build_scripts/offer_desk.spec
tar -C dist -cJf "dist/$NAME-linux-x86_64.tar.xz" "$NAME"
"$PY" build_scripts/check_build.py "dist/$NAME" "dist/$NAME-linux-x86_64.tar.xz"
