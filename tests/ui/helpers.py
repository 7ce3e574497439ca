"""Typing Chinese like a user: input-method commit events (key clicks with Chinese abort Qt's test lib)."""

from __future__ import annotations

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit


def ime_type(edit: QLineEdit, text: str, replace: bool = True) -> None:
    """Commit `text` into a line edit through the input method, as a Chinese IME does."""
    edit.setFocus()
    if replace:
        edit.selectAll()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(edit, event)
