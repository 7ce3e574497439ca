"""A table that takes keyboard entry the way Excel and WPS do (录入表格).

Type over a cell and Tab (or Shift+Tab) to move on: the value is committed. Enter commits (and moves down
when there is a row below); Esc cancels the cell. Tab past the last cell starts a new row (as do Insert and Ctrl+Enter anywhere); Tab past the end of
that new row while nothing was typed into it — or Esc in it — takes it away again and moves on to the next
field, so Tab never traps the focus. Shift+Tab from the first cell leaves backwards. Delete clears cells.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QAbstractScrollArea,
    QTableView,
    QWidget,
)

Index = QModelIndex | QPersistentModelIndex
_NEW_ROW_KEYS = (Qt.Key.Key_Insert,)
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
TYPED = "typed"  # editor property set by the delegate: a key other than Tab, Enter or Esc reached the editor


class EntryTable(QTableView):
    """A QTableView for data entry; `append_row` (set by the owner) adds a row and returns its number."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.append_row: Callable[[], int] | None = None
        self.row_untouched: Callable[[int], bool] = lambda _row: False
        self.remove_row: Callable[[int], None] | None = None
        self._fresh_row = -1  # the row Tab / Insert just added, until something is typed into it
        self._fresh_typed = False  # a cell of the fresh row was committed (even with its default value)
        self.setTabKeyNavigation(True)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)

    # -- moving -----------------------------------------------------------------------------------------
    def moveCursor(
        self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        model = self.model()
        current = self.currentIndex()
        if model is None or action not in (
            QAbstractItemView.CursorAction.MoveNext,
            QAbstractItemView.CursorAction.MovePrevious,
        ):
            return super().moveCursor(action, modifiers)
        rows = model.rowCount()
        if not current.isValid():
            return (
                model.index(0, 0)
                if rows and action == QAbstractItemView.CursorAction.MoveNext
                else QModelIndex()
            )
        row = current.row()
        if action == QAbstractItemView.CursorAction.MoveNext:
            target = self._editable_from(current, 1)
            if target is not None:
                return target
            if self._fresh_unused(row):
                return QModelIndex()  # through a new row nobody used: leave (see `_leave_forward`)
            return self._new_row()
        return self._editable_from(current, -1) or QModelIndex()  # before the first cell: the focus leaves

    def _editable_from(self, index: Index, step: int) -> QModelIndex | None:
        """The next (step 1) or previous (-1) cell one can type into, row by row; None past either end."""
        model = self.model()
        rows, cols = model.rowCount(), model.columnCount()
        n = index.row() * cols + index.column() + step
        while 0 <= n < rows * cols:
            target = model.index(n // cols, n % cols)
            if target.flags() & Qt.ItemFlag.ItemIsEditable:
                return target
            n += step
        return None

    def _new_row(self) -> QModelIndex:
        model = self.model()
        if self.append_row is None or model is None:
            return QModelIndex()
        row = self.append_row()
        if row < 0:
            return QModelIndex()
        self._fresh_row = row
        self._fresh_typed = False
        return model.index(row, 0)

    def _fresh_unused(self, row: int) -> bool:
        """Is `row` the row just added, and has nobody typed into it? Typing a default value counts as use."""
        return row == self._fresh_row and not self._fresh_typed and self.row_untouched(row)

    def commitData(self, editor: QWidget) -> None:
        if self.currentIndex().row() == self._fresh_row and editor.property(TYPED):
            self._fresh_typed = True
        super().commitData(editor)

    def start_new_row(self) -> None:
        """Insert / Ctrl+Enter: a new row at the end, its first cell open for typing."""
        index = self._new_row()
        if index.isValid():
            self._go(index)
            self.edit(index)

    def currentChanged(self, current: Index, previous: Index) -> None:
        super().currentChanged(current, previous)
        if current.row() != self._fresh_row:
            self._fresh_row = -1  # moved to another row: the new one is an ordinary row from now on

    def _go(self, index: QModelIndex) -> None:
        self.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.scrollTo(index)

    # -- keys ---------------------------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        # Keys the window also uses as shortcuts (Del deletes a firm) belong to the table while it has focus.
        own = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace, *_NEW_ROW_KEYS, *_ENTER)
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() in own
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if key in _NEW_ROW_KEYS or (key in _ENTER and ctrl):
            self.start_new_row()
            return
        current = self.currentIndex()
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            backwards = key == Qt.Key.Key_Backtab or bool(
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            )
            target = self.moveCursor(
                QAbstractItemView.CursorAction.MovePrevious
                if backwards
                else QAbstractItemView.CursorAction.MoveNext,
                event.modifiers(),
            )
            if target.isValid():
                self._go(target)
                event.accept()
            elif not backwards and self._drop_fresh_row(move_on=False):
                event.ignore()  # the unused new row is gone; QWidget moves the focus to the next field
            else:
                event.ignore()  # QWidget moves the focus to the previous (or next) field
            return
        if key in _ENTER:
            if current.isValid() and self.state() != QAbstractItemView.State.EditingState:
                self.edit(current)  # Enter on a cell opens it (F2 too); Enter in an open cell commits it
            return
        if (
            key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
            and self.state() != QAbstractItemView.State.EditingState
        ):
            self._clear_selected()
            return
        if key == Qt.Key.Key_Escape and self._drop_fresh_row():
            return
        super().keyPressEvent(event)

    def _clear_selected(self) -> None:
        model = self.model()
        cells = self.selectionModel().selectedIndexes() or [self.currentIndex()]
        for index in cells:
            if index.isValid():
                model.setData(index, "", Qt.ItemDataRole.EditRole)

    def _drop_fresh_row(self, move_on: bool = True) -> bool:
        """Esc in a row Tab or Insert just added, untouched: take it away and move on to the next field."""
        row = self._fresh_row
        model = self.model()
        if model is None or row < 0 or row >= model.rowCount() or not self._fresh_unused(row):
            self._fresh_row = -1
            return False
        self._fresh_row = -1
        if self.remove_row is not None:
            self.remove_row(row)
        if model.rowCount():
            self._go(model.index(model.rowCount() - 1, model.columnCount() - 1))
        if move_on:
            # The plain widget chain: QAbstractItemView's own would turn this into a Tab inside the table.
            QAbstractScrollArea.focusNextPrevChild(self, True)
        return True

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        current = self.currentIndex()
        at_end = (  # the last cell one can type into
            self.model() is not None and current.isValid() and self._editable_from(current, 1) is None
        )
        super().closeEditor(editor, hint)
        if hint == QAbstractItemDelegate.EndEditHint.RevertModelCache:
            self._drop_fresh_row()  # Esc while typing in a new row nobody used cancels the row
        elif (
            hint == QAbstractItemDelegate.EndEditHint.EditNextItem
            and at_end
            and self.currentIndex() == current
        ):
            self._drop_fresh_row()  # Tab out of the last cell of an unused new row: leave the table
        elif hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache and current.isValid():
            below = current.siblingAtRow(current.row() + 1)
            if below.isValid():
                self._go(below)  # Enter commits and moves down, as in Excel
