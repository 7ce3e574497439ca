"""Undo of typing in the firm editor (编辑撤销): one step per edit, consecutive typing in a field merged.

These steps change only the editor's draft, not the store. Changes of data are operations; their undo is
recorded by the operation itself (`qt_app.services.operations`) and run through `hub.OpCommand`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand


class EditField(QUndoCommand):
    """One edit in the firm editor; consecutive typing in the same field merges into one step."""

    MERGE_ID = 4101

    def __init__(
        self, key: str, before: Any, after: Any, apply: Callable[[str, Any], None], label: str
    ) -> None:
        super().__init__(QCoreApplication.translate("Undo", "修改{field}").format(field=label))
        self.key, self.before, self.after, self._apply = key, before, after, apply
        self._first = True

    def id(self) -> int:
        return self.MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditField) or other.key != self.key or not isinstance(self.after, str):
            return False
        self.after = other.after
        return True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._apply(self.key, self.after)

    def undo(self) -> None:
        self._apply(self.key, self.before)
