"""The exposure table's models (预算敞口表格): items × years with overrun cells, and the firms behind a cell."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from qt_app.domain.money import Fen
from qt_app.domain.money_format import money
from qt_app.ui import i18n
from qt_app.ui.widgets.package_parts import year_text
from qt_app.ui.widgets.palette import DOWN_COLOR, OVERRUN_COLOR
from qt_app.ui.widgets.tree_model import AMOUNT_ROLE

Index = QModelIndex | QPersistentModelIndex
_NO_PARENT = QModelIndex()
PENDING_COLOR = "#0f5f58"  # 待认定, as its badge
ITEM_ROLE = int(Qt.ItemDataRole.UserRole) + 45
"""(year, item_id) behind a cell; None for the totals row."""
FIRM_ROLE = int(Qt.ItemDataRole.UserRole) + 46
"""The firm id behind a drill-down row."""


class ExposureModel(QAbstractTableModel):
    """Items (rows, plus a totals row) × years (columns); overrun pool cells in red."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[tuple[str, str]] = []  # (item id, name)
        self._years: list[int] = []
        self._cells: dict[tuple[int, str], Fen] = {}
        self._year_totals: dict[int, Fen] = {}
        self._overrun: set[tuple[int, str]] = set()
        self._total_label = ""
        self._pending: dict[str, Fen] = {}  # 待认定 per item over all years: shown apart, never counted
        self._pending_label = ""

    def set_exposure(
        self,
        items: list[tuple[str, str]],
        years: list[int],
        cells: dict[tuple[int, str], Fen],
        year_totals: dict[int, Fen],
        overrun: set[tuple[int, str]],
        total_label: str,
    ) -> None:
        self.beginResetModel()
        self._items, self._years, self._cells = items, years, cells
        self._year_totals, self._overrun, self._total_label = year_totals, overrun, total_label
        self.endResetModel()

    def set_pending(self, per_item: dict[str, Fen], label: str) -> None:
        """The last column: what firms 待认定 would add per item once recognised (none: no column)."""
        self.beginResetModel()
        self._pending = {k: v for k, v in per_item.items() if v}
        self._pending_label = label
        self.endResetModel()

    @property
    def pending_column(self) -> int:
        """The 待认定 column's index, or -1 when no firm is 待认定."""
        return len(self._years) if self._pending and self._years else -1

    def item_name(self, item_id: str) -> str:
        return next((n for i, n in self._items if i == item_id), item_id)

    def rowCount(self, parent: Index = _NO_PARENT) -> int:
        return 0 if parent.isValid() or not self._years else len(self._items) + 1

    def columnCount(self, parent: Index = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._years) + (1 if self.pending_column >= 0 else 0)

    def cell_key(self, index: Index) -> tuple[int, str] | None:
        if not index.isValid() or index.row() >= len(self._items) or index.column() >= len(self._years):
            return None
        return (self._years[index.column()], self._items[index.row()][0])

    def _pending_data(self, index: Index, role: int) -> Any:
        if index.row() < len(self._items):
            value = self._pending.get(self._items[index.row()][0], 0)
        else:
            value = sum(self._pending.values())
        if role == Qt.ItemDataRole.DisplayRole:
            return money(value, i18n.current()) if value else "—"
        if role == AMOUNT_ROLE:
            return value
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(PENDING_COLOR))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate(
                "ExposurePanel", "待认定企业认定为相关领域后可得的金额（全额，各年合计），未计入敞口和资金池"
            )
        return None

    def data(self, index: Index, role: int = int(Qt.ItemDataRole.DisplayRole)) -> Any:
        if not index.isValid():
            return None
        if index.column() == self.pending_column:
            return self._pending_data(index, role)
        year = self._years[index.column()]
        key = self.cell_key(index)
        value = self._cells.get(key, 0) if key else self._year_totals.get(year, 0)
        if role == Qt.ItemDataRole.DisplayRole:
            return money(value, i18n.current()) if value else "—"
        if role == AMOUNT_ROLE:
            return value
        if role == ITEM_ROLE:
            return key
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if key in self._overrun:
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(QColor(DOWN_COLOR))
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(OVERRUN_COLOR))
        if role == Qt.ItemDataRole.FontRole and (key is None or key in self._overrun):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = int(Qt.ItemDataRole.DisplayRole)
    ) -> Any:
        pending = orientation == Qt.Orientation.Horizontal and section == self.pending_column
        if role == Qt.ItemDataRole.ToolTipRole and pending:
            return self._pending_data(self.index(0, section), role)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._years):
            return year_text(self._years[section])
        if orientation == Qt.Orientation.Horizontal and section == self.pending_column:
            return self._pending_label
        if orientation == Qt.Orientation.Vertical:
            if 0 <= section < len(self._items):
                return self._items[section][1]
            if section == len(self._items):
                return self._total_label
        return None


class FirmAmountModel(QAbstractTableModel):
    """The firms behind one cell: name and full amount, largest first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, str, Fen]] = []  # (firm id, name, amount)
        self._headers = ["", ""]

    def set_rows(self, rows: list[tuple[str, str, Fen]], headers: list[str]) -> None:
        self.beginResetModel()
        self._rows = rows
        self._headers = headers
        self.endResetModel()

    def rowCount(self, parent: Index = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _NO_PARENT) -> int:
        return 0 if parent.isValid() else 2

    def data(self, index: Index, role: int = int(Qt.ItemDataRole.DisplayRole)) -> Any:
        if not index.isValid():
            return None
        firm_id, name, amount = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return name if index.column() == 0 else money(amount, i18n.current())
        if role == FIRM_ROLE:
            return firm_id
        if role == AMOUNT_ROLE and index.column() == 1:
            return amount
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = int(Qt.ItemDataRole.DisplayRole)
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < 2
        ):
            return self._headers[section]
        return None
