"""A guard against a reference-count bug of the PySide6 6.12 wheels on Python 3.11 (引用计数保护).

Measured here (PySide6-Essentials 6.12.0, shiboken6 6.12.0, CPython 3.11.7): every call of a void Qt
method (`widget.update()`, `setVisible()`, `repaint()`…) hands back None without taking a reference, and
`signal.emit()` does the same with True. From Python 3.12 these singletons are immortal, so the wheels
get away with it; on 3.11 each call costs None one reference, and after about 10,000 calls the process
dies with "Fatal Python error: none_dealloc". A refreshing panel reaches that in minutes.

`protect_singletons()` gives None, True and False a huge reference count once (what 3.12 does by
design), so they can never reach zero. It applies only where the bug is: PySide6 6.12.x on CPython before
3.12 (`tests/ui/test_refcount_guard.py` reproduces the crash there without it). The frozen app is built
with Python 3.12 or newer where the build machine has it (build_scripts/build_app.sh), and there this
does nothing. Remove the module when the wheels are fixed or Python 3.11 is dropped.
"""

from __future__ import annotations

import ctypes
import sys

AFFECTED_QT = "6.12."  # the PySide6 series whose void calls drop a reference (6.11.3, 6.10.3 do not)
_BALLAST = 1 << 40  # ~10¹² calls before it could matter
_state = {"done": False}


def needed(qt_version: str, python: tuple[int, int] = sys.version_info[:2], implementation: str = "") -> bool:
    """True where the bug bites: PySide6 6.12.x on CPython older than 3.12."""
    implementation = implementation or sys.implementation.name
    return implementation == "cpython" and python < (3, 12) and qt_version.startswith(AFFECTED_QT)


def protect_singletons() -> bool:
    """Make None/True/False effectively immortal where needed; True when the guard is in place."""
    if _state["done"]:
        return True
    import PySide6  # already loaded wherever this is called (qt_app.ui imports it first)

    if not needed(str(PySide6.__version__)):
        return False
    for obj in (None, True, False):
        # ob_refcnt is the first field of every CPython object
        ctypes.c_ssize_t.from_address(id(obj)).value += _BALLAST
    _state["done"] = True
    return True
