"""Cell editors for the editor's tables: a drop-down for columns with fixed choices (level, housing)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from qt_app.ui import i18n
from qt_app.ui.models.rows_table import RowsModel
from qt_app.ui.widgets.entry_table import TYPED

ModelIndex = QModelIndex | QPersistentModelIndex
_MOVING_ON = (Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape)


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box for RowsModel columns that declare choices; plain text editing otherwise."""

    def _choices(self, index: ModelIndex) -> tuple[tuple[str, tuple[str, str]], ...]:
        model = index.model()
        if isinstance(model, RowsModel) and 0 <= index.column() < len(model.columns):
            return model.columns[index.column()].choices
        return ()

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex) -> QWidget:
        choices = self._choices(index)
        if not choices:
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        for value, pair in choices:
            combo.addItem(i18n.pick(pair), value)
        return combo

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        # Typing a row's default value is still typing: the table keeps such a row (EntryTable.commitData).
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() not in _MOVING_ON
        ):
            editor.setProperty(TYPED, True)
        return super().eventFilter(editor, event)

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        if isinstance(editor, QComboBox):
            found = editor.findData(index.data(Qt.ItemDataRole.EditRole))
            editor.setCurrentIndex(max(found, 0))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: ModelIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)
