"""The desktop UI (PySide6). Importing it first puts two workarounds for the PySide6 6.12 wheels in place.

- qt_app/ui/widgets/refcount_guard.py: without it, about 10,000 void Qt calls abort the process (PySide6 6.12.x
  on Python 3.11 only; it does nothing elsewhere).
- qt_app/ui/widgets/import_scan.py: PySide6 rereads the source of every module imported after it; this
  reads the bytes instead (same answer, a few milliseconds less at every start; checked PySide6 versions only).
"""

import PySide6  # noqa: F401  (loads shiboken, whose import hook the scan fix replaces)

from qt_app.ui.widgets.import_scan import speed_up_import_scan
from qt_app.ui.widgets.refcount_guard import protect_singletons

protect_singletons()
speed_up_import_scan()
