"""Tables of the 兑现台账 screen: rows of text the panel formatted (amounts through money_format), each row
with a key (item and year, a claim id, a year) and a look (a total row in bold, a row needing attention)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

Index = QModelIndex | QPersistentModelIndex
_NO_PARENT = QModelIndex()
KEY_ROLE = int(Qt.ItemDataRole.UserRole) + 61
"""What a row stands for: ("row", item id, year), ("claim", id), ("year", year)…"""
TOTAL_FILL = QColor("#f2f2f2")
ATTENTION_FILL = QColor("#fff4e0")
ATTENTION_TEXT = QColor("#8a5a00")
LESS_TEXT = QColor("#9b1c1c")


@dataclass(frozen=True)
class TextRow:
    cells: tuple[str, ...]
    key: tuple[Any, ...] = ()
    total: bool = False  # a subtotal or total: bold on grey
    attention: bool = False  # waiting on someone (held, objection open, scan missing)
    tips: tuple[str, ...] = ()  # per-cell tooltips ("" for none)
    less: frozenset[int] = frozenset()  # columns to show in red (due below promised)


class TextTable(QAbstractTableModel):
    """Read-only rows of text with right-aligned amount columns."""

    def __init__(self, numeric: frozenset[int] = frozenset(), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.numeric = numeric
        self._headers: list[str] = []
        self._rows: list[TextRow] = []

    def set_rows(self, headers: list[str], rows: list[TextRow]) -> None:
        self.beginResetModel()
        self._headers, self._rows = headers, rows
        self.endResetModel()

    def row(self, n: int) -> TextRow | None:
        return self._rows[n] if 0 <= n < len(self._rows) else None

    def find(self, key: tuple[Any, ...]) -> int:
        return next((n for n, r in enumerate(self._rows) if r.key == key), -1)

    def rowCount(self, parent: Index = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = int(Qt.ItemDataRole.DisplayRole)) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return row.cells[col] if col < len(row.cells) else ""
        if role == KEY_ROLE:
            return row.key
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = row.tips[col] if col < len(row.tips) else ""
            return tip or None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if col in self.numeric else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if row.total:
                return QBrush(TOTAL_FILL)
            if row.attention:
                return QBrush(ATTENTION_FILL)
        if role == Qt.ItemDataRole.ForegroundRole:
            if col in row.less:
                return QBrush(LESS_TEXT)
            if row.attention and not row.total:
                return QBrush(ATTENTION_TEXT)
        if role == Qt.ItemDataRole.FontRole and row.total:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = int(Qt.ItemDataRole.DisplayRole)
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None
