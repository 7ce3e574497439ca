"""Window state (窗口状态): geometry, splitters, list columns and last screen remembered; meeting mode.

Kept apart from the main window so that file only assembles screens and actions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray

from qt_app.ui import i18n, settings

if TYPE_CHECKING:
    from qt_app.ui.main_window import MainWindow

DEFAULT_SIZE = (1440, 900)


def restore_layout(window: MainWindow) -> None:
    """Put the window back as it was left: size and place, splitters, list columns, firm, screen."""
    from qt_app.ui.main_window import FIRMS, SCREENS

    geometry = settings.get(settings.WINDOW_GEOMETRY)
    if isinstance(geometry, QByteArray) and not geometry.isEmpty():
        window.restoreGeometry(geometry)
    else:
        window.resize(*DEFAULT_SIZE)
    state = settings.get(settings.WINDOW_STATE)
    if isinstance(state, QByteArray) and not state.isEmpty():
        window.restoreState(state)
    saved = settings.get(settings.MAIN_SPLITTER)
    if not saved.isEmpty():
        window.firms.splitter.restoreState(saved)
    header = settings.get(settings.columns("firm_list", i18n.current()))
    if not header.isEmpty():
        window.firms.table.horizontalHeader().restoreState(header)
    last = settings.get(settings.LAST_FIRM)
    if not (last and window.firms.select(last)):
        window.firms.select_first()
    screen = settings.get(settings.LAST_SCREEN)
    window.nav.setCurrentRow(screen if 0 <= screen < len(SCREENS) else FIRMS)


def save_layout(window: MainWindow) -> None:
    if window.in_meeting:
        window.set_meeting_mode(False)
    settings.put(settings.WINDOW_GEOMETRY, window.saveGeometry())
    settings.put(settings.WINDOW_STATE, window.saveState())
    settings.put(settings.MAIN_SPLITTER, window.firms.splitter.saveState())
    if window.editor_built:
        settings.put(settings.EDITOR_SPLITTER, window.editor_splitter.saveState())
    settings.put(
        settings.columns("firm_list", i18n.current()), window.firms.table.horizontalHeader().saveState()
    )
    settings.put(settings.LAST_SCREEN, max(window.nav.currentRow(), 0))


def set_meeting_mode(window: MainWindow, on: bool) -> None:
    """会谈模式: hide everything internal and show only this firm's package, full screen; or come back."""
    action = window.actions_by_name["meeting_mode"]
    if action.isChecked() != on:
        action.setChecked(on)  # re-enters through the action's toggled signal
        return
    if on == window.in_meeting:
        return
    if on:
        window.current_firm()  # builds the editor page: the current firm is its draft
        meeting = window.panel("meeting")  # shows the current firm from the moment it is built
        if window.outer.indexOf(meeting) < 0:
            window.outer.addWidget(meeting)
        window.setProperty("wasMaximized", window.isMaximized())
        window.outer.setCurrentIndex(1)
        window.menuBar().hide()
        window.toolbar.hide()
        window.statusBar().hide()
        window.showFullScreen()
    else:
        window.outer.setCurrentIndex(0)
        window.menuBar().show()
        window.toolbar.show()
        window.statusBar().show()
        if window.property("wasMaximized"):
            window.showMaximized()
        else:
            window.showNormal()
