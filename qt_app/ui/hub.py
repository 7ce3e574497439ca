"""The hub (信号中枢): runs operations for one window and publishes what they changed.

Panels never call each other or the store's writes: they run an operation through `Hub.run`, which shows
a refusal in words, puts the operation's undo on the window's undo stack and publishes its change notice
(`changed`); every panel hears the notice and refreshes what it shows. The firm being edited is published
as `firmShown` (a `FirmOnScreen`), so every screen shows that firm or a clear state, never another's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from qt_app.domain.errors import DomainError
from qt_app.services.operations import OpChanges, OpResult, Undo
from qt_app.ui import i18n

T = TypeVar("T")


class Hub(QObject):
    """Change notices and the current firm, shared by every panel of one window."""

    changed = Signal(object)  # OpChanges: after an operation, its undo or its redo
    firmShown = Signal(object)  # FirmOnScreen: the firm being edited (a parsed draft, or why not yet)

    def __init__(self, stack: QUndoStack, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stack = stack

    def publish(self, changes: OpChanges) -> None:
        if changes != OpChanges():
            self.changed.emit(changes)

    def run(
        self, op: Callable[[], OpResult[T]], parent: QWidget | None = None, title: str = ""
    ) -> OpResult[T] | None:
        """Run an operation; a refusal (DomainError) is shown in words and None returned."""
        from qt_app.ui.errors import show_error

        try:
            result = op()
        except DomainError as e:
            show_error(parent, e, title)
            return None
        self.apply(result)
        return result

    def apply(self, result: OpResult[T]) -> None:
        """An operation the caller ran itself (to handle its refusal in place): record its undo, publish it."""
        if result.undo is not None:
            self.stack.push(OpCommand(result.undo, self))
        self.publish(result.changes)


class OpCommand(QUndoCommand):
    """An operation's undo on a QUndoStack. Its first redo is the operation itself, already done."""

    def __init__(self, entry: Undo, hub: Hub) -> None:
        super().__init__(entry.label(i18n.current()))
        self.entry = entry
        self.hub = hub
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._run(self.entry.redo)

    def undo(self) -> None:
        self._run(self.entry.undo)

    def _run(self, step: Callable[[], OpChanges]) -> None:
        from qt_app.ui.errors import show_error

        try:
            changes = step()
        except DomainError as e:  # e.g. the credit code was taken meanwhile: say so, drop the step
            self.setObsolete(True)
            parent = self.hub.parent()
            show_error(
                parent if isinstance(parent, QWidget) else None,
                e,
                QCoreApplication.translate("Undo", "无法撤销"),
            )
            return
        self.hub.publish(changes)
