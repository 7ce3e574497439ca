"""Driving the real window by keyboard alone: key clicks, Tab, Enter, and Chinese through the input method."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

Key = Qt.Key
NONE = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(key: Qt.Key, modifiers: Qt.KeyboardModifier = NONE, times: int = 1) -> None:
    """Key clicks on whatever has the focus; queued work (Qt commits a cell after Enter) runs in between."""
    for _ in range(times):
        QTest.keyClick(focused(), key, modifiers)
        QApplication.processEvents()


def type_text(text: str) -> None:
    """ASCII as key clicks; Chinese as one input-method commit (QTest cannot type Chinese)."""
    if not text:
        return
    if text.isascii():
        QTest.keyClicks(focused(), text)
    else:
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(focused(), event)
    QApplication.processEvents()


def inside(widget: QWidget, target: QWidget) -> bool:
    while widget is not None:
        if widget is target:
            return True
        widget = widget.parentWidget()  # type: ignore[assignment]
    return False


def tab_to(target: QWidget, limit: int = 80) -> None:
    """Press Tab until `target` has the focus (it must be reachable by Tab from where the focus is)."""
    for _ in range(limit):
        if focused() is target:
            return
        press(Key.Key_Tab)
    raise AssertionError(
        f"{target.objectName()} is not reachable with Tab (focus on {focused().objectName()})"
    )
