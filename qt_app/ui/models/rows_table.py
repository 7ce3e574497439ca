"""Editable rows for the firm editor's tables (talents, loans, revenue years…): text as staff typed it.

Cells hold the text typed ("150万", "2027"); the editor turns the rows into the canonical firm dict and
`firm_from_dict` judges them, so the table and the CLI give the same messages. A cell with a problem
turns red and carries the message as its tooltip.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from qt_app.ui import i18n

ModelIndex = QModelIndex | QPersistentModelIndex
Row = dict[str, str]
PROBLEM_BACKGROUND = QColor("#fde2e1")
CHANGED_BACKGROUND = QColor("#e3edfb")  # a variant's value that differs from the base (方案差异)
VALUE_ROLE = Qt.ItemDataRole.UserRole + 1  # the stored value (a choice's key, not its label)


@dataclass(frozen=True)
class Column:
    """One column: the dict key it edits, its name in both languages, fixed choices if any, a typing hint."""

    key: str
    zh: str  # the name, also used in messages ("上级下拨资金 为空")
    en: str
    choices: tuple[tuple[str, tuple[str, str]], ...] = ()  # (value, (zh, en))
    numeric: bool = False
    hint_zh: str = ""  # added to the header only: "（可写 150万、1.2亿）"
    hint_en: str = ""
    read_only: bool = False  # shown, not typed into (a scan attached by its button); Tab passes it by

    def name(self, lang: str | None = None) -> str:
        return i18n.pick((self.zh, self.en), lang)

    def header(self) -> str:
        return self.name() + i18n.pick((self.hint_zh, self.hint_en))

    def label_of(self, value: str) -> str:
        for key, pair in self.choices:
            if key == value:
                return i18n.pick(pair)
        return value


class RowsModel(QAbstractTableModel):
    """A small editable table; every change is announced with the rows before and after (for undo)."""

    rowsEdited = Signal(list, list)  # before, after: lists of dicts

    def __init__(self, columns: tuple[Column, ...], parent: Any = None, hidden: tuple[str, ...] = ()) -> None:
        super().__init__(parent)
        self.columns = columns
        self.hidden = hidden  # keys each row keeps but no column shows (what a row was loaded from)
        self._rows: list[Row] = []
        self._problems: dict[tuple[int, str], str] = {}
        self._marks: dict[tuple[int, str], str] = {}

    def rows(self) -> list[Row]:
        return [dict(r) for r in self._rows]

    def set_rows(self, rows: list[Row]) -> None:
        """Replace everything (loading a firm, undo/redo); announces nothing."""
        self.beginResetModel()
        self._rows = [{k: str(r.get(k, "")) for k in self._keys()} for r in rows]
        self.endResetModel()

    def add_row(self, defaults: Row | None = None) -> int:
        before = self.rows()
        row = {k: (defaults or {}).get(k, "") for k in self._keys()}
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows))
        self._rows.append(row)
        self.endInsertRows()
        self.rowsEdited.emit(before, self.rows())
        return len(self._rows) - 1

    def remove_row(self, row: int) -> None:
        if not 0 <= row < len(self._rows):
            return
        before = self.rows()
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()
        self.rowsEdited.emit(before, self.rows())

    def _keys(self) -> list[str]:
        return [c.key for c in self.columns] + [
            k for k in self.hidden if all(k != c.key for c in self.columns)
        ]

    def set_value(self, row: int, key: str, value: str) -> None:
        """Set a cell the user does not type into (a read-only column, a hidden key), announced as an edit."""
        if not 0 <= row < len(self._rows) or self._rows[row].get(key) == value:
            return
        before = self.rows()
        self._rows[row][key] = value
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))
        self.rowsEdited.emit(before, self.rows())

    def set_problems(self, problems: dict[tuple[int, str], str]) -> None:
        """Mark cells (row, key) with a message; an empty key marks the whole row."""
        if problems == self._problems:
            return
        self._problems = dict(problems)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(len(self._rows) - 1, len(self.columns) - 1),
                [Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole],
            )

    def set_marks(self, marks: dict[tuple[int, str], str]) -> None:
        """Tint cells (row, key) a variant changed, the base value as tooltip; an empty key marks the row."""
        if marks == self._marks:
            return
        self._marks = dict(marks)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(len(self._rows) - 1, len(self.columns) - 1),
                [Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole],
            )

    def mark_at(self, row: int, key: str) -> str:
        return self._marks.get((row, key)) or self._marks.get((row, ""), "")

    def problem_at(self, row: int, key: str) -> str:
        return self._problems.get((row, key)) or self._problems.get((row, ""), "")

    # -- Qt model -------------------------------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self.columns):
                return self.columns[section].header()
            return None
        return str(section + 1)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() < len(self.columns) and self.columns[index.column()].read_only:
            return flags
        return flags | Qt.ItemFlag.ItemIsEditable

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows) or index.column() >= len(self.columns):
            return None
        col = self.columns[index.column()]
        value = self._rows[index.row()][col.key]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.label_of(value)
        if role in (Qt.ItemDataRole.EditRole, VALUE_ROLE):
            return value
        problem = self.problem_at(index.row(), col.key)
        if role == Qt.ItemDataRole.BackgroundRole and problem:
            return QBrush(PROBLEM_BACKGROUND)
        if role == Qt.ItemDataRole.ToolTipRole and problem:
            return problem
        mark = self.mark_at(index.row(), col.key)
        if role == Qt.ItemDataRole.BackgroundRole and mark:
            return QBrush(CHANGED_BACKGROUND)
        if role == Qt.ItemDataRole.ToolTipRole and mark:
            return mark
        if role == Qt.ItemDataRole.TextAlignmentRole and col.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or index.row() >= len(self._rows):
            return False
        if self.columns[index.column()].read_only:
            return False  # Delete on a row clears what was typed, not the scan attached
        key = self.columns[index.column()].key
        text = "" if value is None else str(value).strip()
        if self._rows[index.row()][key] == text:
            return False
        before = self.rows()
        self._rows[index.row()][key] = text
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole])
        self.rowsEdited.emit(before, self.rows())
        return True


def year_columns() -> tuple[Column, ...]:
    """Year × amount tables (营收、算力、研发): amounts as typed, e.g. 150万 or 1.2亿."""
    return (
        Column("year", "年份", "Year", numeric=True),
        Column(
            "amount",
            "金额",
            "Amount",
            numeric=True,
            hint_zh="（可写 150万、1.2亿）",
            hint_en=" (150万, 1.2亿 accepted)",
        ),
    )
