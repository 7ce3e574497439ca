"""A guard against a reference-count bug of the PySide6 6.12 wheels on Python 3.11 (引用计数保护).

Measured here (PySide6-Essentials 6.12.0, shiboken6 6.12.0, CPython 3.11.7): every call of a void Qt
method (`widget.update()`, `setVisible()`, `repaint()`…) hands back None without taking a reference, and
`signal.emit()` does the same with True. From Python 3.12 these singletons are immortal, so the wheels
get away with it; on 3.11 each call costs None one reference, and after about 10,000 calls the process
dies with "Fatal Python error: none_dealloc". A refreshing panel reaches that in minutes.

`protect_singletons()` gives None, True and False a huge reference count once (what 3.12 does by
design), so they can never reach zero. It does nothing on 3.12+ or on other interpreters.
"""

from __future__ import annotations

import ctypes
import sys

_BALLAST = 1 << 40  # ~10¹² calls before it could matter
_state = {"done": False}


def protect_singletons() -> bool:
    """Make None/True/False effectively immortal on CPython < 3.12; True when the guard was applied."""
    if _state["done"]:
        return True
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    for obj in (None, True, False):
        # ob_refcnt is the first field of every CPython object
        ctypes.c_ssize_t.from_address(id(obj)).value += _BALLAST
    _state["done"] = True
    return True
