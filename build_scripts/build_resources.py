"""Build step: compile Designer forms and translations when their sources are newer.

forms/*.ui -> qt_app/ui/forms/ui_*.py (pyside6-uic, generated, never edited)
resources/translations/*.ts -> *.qm (pyside6-lrelease)
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMS = ROOT / "forms"
OUT = ROOT / "qt_app" / "ui" / "forms"
TRANSLATIONS = ROOT / "resources" / "translations"


def _tool(name: str) -> str:
    """Find a PySide6 tool next to the running interpreter first (the project's venv)."""
    local = Path(sys.executable).parent / name
    found = str(local) if local.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"build_resources: {name} not found; run build_scripts/bootstrap.sh")
    return found


def _stale(src: Path, dst: Path) -> bool:
    return not dst.exists() or dst.stat().st_mtime < src.stat().st_mtime


def build_forms() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    init = OUT / "__init__.py"
    if not init.exists():
        init.write_text('"""Generated from forms/*.ui by build_scripts/build_resources.py. Do not edit."""\n')
    built = 0
    for ui in sorted(FORMS.glob("*.ui")):
        dst = OUT / f"ui_{ui.stem}.py"
        if _stale(ui, dst):
            subprocess.run([_tool("pyside6-uic"), "--from-imports", str(ui), "-o", str(dst)], check=True)
            built += 1
    return built


def build_translations() -> int:
    built = 0
    for ts in sorted(TRANSLATIONS.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if _stale(ts, qm):
            subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
            built += 1
    return built


def main() -> None:
    forms = build_forms()
    qms = build_translations()
    if forms or qms:
        print(f"[build] forms compiled: {forms}, translations compiled: {qms}")


if __name__ == "__main__":
    main()
