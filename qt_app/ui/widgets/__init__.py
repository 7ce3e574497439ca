"""Small shared widgets for the analysis panels: chart, status badges, money text (formatting only)."""

from qt_app.ui.widgets.refcount_guard import protect_singletons

# Every panel imports this package, so the guard is in place before any window refreshes
# (see refcount_guard: PySide6 6.12 on Python 3.11 otherwise crashes after ~10,000 Qt calls).
protect_singletons()
