"""A faster PySide6 import scan (导入扫描提速), same answers.

PySide6 hooks every import that follows its own (PYSIDE-2029) and asks whether the new module uses
PySide, by `inspect.getsource(module)` and a search for "PySide6". inspect goes through linecache and
decodes the whole file line by line: about 0.05 ms a module, and the app imports some 190 modules
after Qt before its first paint (measured: 8 ms of a 170 ms start, 15 ms more while it warms up).

`speed_up_import_scan()` answers the same question from the file's bytes. Modules without a `.py`
file (built-ins, extensions, frozen code) still go to PySide's own check, so the answer never differs.
It replaces a private function of shiboken's, so it applies only to the PySide6 versions it was checked
against (CHECKED: `tests/ui/test_startup.py` compares its answers with PySide's own); any other version
keeps PySide's check, costing the 8–29 ms this saves.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

_MARK = "_offer_desk_fast_scan"
CHECKED = (
    "6.12.0",
)  # PySide6 versions whose shibokensupport.feature._mod_uses_pyside this was checked against


def speed_up_import_scan() -> bool:
    """Swap PySide6's per-import source check for a plain file read; True when in place."""
    pyside = sys.modules.get("PySide6")
    if pyside is None or getattr(pyside, "__version__", "") not in CHECKED:
        return False  # another version: PySide's own check stays
    feature = sys.modules.get("shibokensupport.feature")
    original: Callable[[ModuleType], bool] | None = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or original is None:
        return False  # another PySide6 version: nothing to speed up, nothing changed
    if getattr(original, _MARK, False):
        return True

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return original(module)

    setattr(uses_pyside, _MARK, True)
    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]
    return True
