"""The desktop UI (PySide6). Importing it first guards against the PySide6 6.12 / Python 3.11 refcount bug.

See qt_app/ui/widgets/refcount_guard.py: without the guard, about 10,000 void Qt calls abort the process.
"""

from qt_app.ui.widgets.refcount_guard import protect_singletons

protect_singletons()
