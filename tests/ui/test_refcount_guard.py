"""The two PySide6 workarounds are scoped to the versions they were made for.

The refcount guard: without it, PySide6 6.12 on CPython 3.11 aborts after some thousands of void Qt calls
(reproduced here in a child process); with it the same calls run to the end. The import-scan speed-up
replaces a private function of shiboken, so it stays away from any version it was not checked against.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from qt_app.ui.widgets import import_scan
from qt_app.ui.widgets.refcount_guard import needed

ROOT = Path(__file__).resolve().parents[2]
CALLS = textwrap.dedent(
    """
    import sys
    if sys.argv[1] == "guarded":
        import qt_app.ui  # puts the guard in place, as the app does
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication([])
    widget = QWidget()
    for _ in range(200_000):
        widget.update()  # a void call: on the affected wheels each one drops a reference to None
    print("survived", flush=True)
    """
)


def _run(mode: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-c", CALLS, mode], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_the_guard_is_scoped_to_pyside_6_12_on_python_before_3_12() -> None:
    assert needed("6.12.0", (3, 11), "cpython") and needed("6.12.3", (3, 11), "cpython")
    assert not needed("6.12.0", (3, 12), "cpython") and not needed("6.12.0", (3, 13), "cpython")
    assert not needed("6.11.3", (3, 11), "cpython") and not needed("6.13.0", (3, 11), "cpython")
    assert not needed("6.12.0", (3, 11), "pypy")


def test_without_the_guard_void_calls_crash_and_with_it_they_do_not() -> None:
    import PySide6

    if not needed(PySide6.__version__):
        pytest.skip(f"PySide6 {PySide6.__version__} on Python {sys.version_info[:2]} is not affected")
    bare = _run("bare")
    assert bare.returncode != 0 and "survived" not in bare.stdout, bare.stdout
    assert "none_dealloc" in bare.stderr, bare.stderr[-2000:]
    guarded = _run("guarded")
    assert guarded.returncode == 0 and "survived" in guarded.stdout, guarded.stderr[-2000:]


def test_the_import_scan_leaves_unchecked_versions_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    import PySide6

    feature = sys.modules["shibokensupport.feature"]
    current = feature._mod_uses_pyside
    monkeypatch.setattr(PySide6, "__version__", "6.13.0")
    assert import_scan.speed_up_import_scan() is False
    assert feature._mod_uses_pyside is current  # untouched
    monkeypatch.setattr(PySide6, "__version__", import_scan.CHECKED[0])
    assert import_scan.speed_up_import_scan() is True
