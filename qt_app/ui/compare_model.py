"""方案对比's table (对比表): rows of items, years and the total; one column per variant; the difference against
the first column in each cell, each item's years in its tooltip; the offer's column marked.

Formatting only: every amount is read from the packages (by_item, by_year, total, the lines).
"""

from __future__ import annotations

from dataclasses import dataclass, field
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
from qt_app.domain.money_format import money, signed_money
from qt_app.domain.package import Package
from qt_app.ui.widgets.package_parts import line_name, year_text
from qt_app.ui.widgets.palette import DOWN_COLOR, UP_COLOR
from qt_app.ui.widgets.tree_model import AMOUNT_ROLE

Index = QModelIndex | QPersistentModelIndex
_NO_PARENT = QModelIndex()
DIFF_ROLE = int(Qt.ItemDataRole.UserRole) + 44
"""The difference in 分 against the first column (None in the first column)."""


@dataclass(frozen=True)
class CompareRow:
    """One row of the comparison: an item, a year's total or the overall total."""

    kind: str  # item | year | total
    label: str
    values: tuple[Fen, ...]
    by_year: tuple[dict[int, Fen], ...] = field(default=())  # an item's amount per year, per column


def compare_rows(packages: list[Package], lang: str, total_label: str, year_label: str) -> list[CompareRow]:
    """Rows read from each package's by_item / by_year / total, items in the policy's order."""
    names: dict[str, str] = {}
    for pkg in packages:
        for line in pkg.lines:
            names.setdefault(line.item_id, line_name(line, lang))
    by_item = [pkg.by_item() for pkg in packages]
    per_year: list[dict[str, dict[int, Fen]]] = []
    for pkg in packages:
        years: dict[str, dict[int, Fen]] = {}
        for line in pkg.paying_lines():
            cell = years.setdefault(line.item_id, {})
            cell[line.year] = cell.get(line.year, 0) + line.amount
        per_year.append(years)
    rows = [
        CompareRow(
            "item",
            name,
            tuple(items.get(item_id, 0) for items in by_item),
            tuple(years.get(item_id, {}) for years in per_year),
        )
        for item_id, name in names.items()
        if any(items.get(item_id, 0) for items in by_item)
    ]
    by_year = [pkg.by_year() for pkg in packages]
    all_years = sorted({y for pkg in packages for y in pkg.years})
    rows += [
        CompareRow("year", year_label.format(year=year_text(y)), tuple(t.get(y, 0) for t in by_year))
        for y in all_years
    ]
    rows.append(CompareRow("total", total_label, tuple(pkg.total for pkg in packages)))
    return rows


def year_detail(row: CompareRow, col: int, lang: str) -> str:
    """An item's years in one column, each with its difference against the first column."""
    if not row.by_year:
        return ""
    mine, first = row.by_year[col], row.by_year[0]
    lines = []
    for year in sorted(set(mine) | set(first)):
        amount = mine.get(year, 0)
        text = f"{year_text(year)} {money(amount, lang)}"
        delta = amount - first.get(year, 0)
        if col and delta:
            diff = signed_money(delta, lang)
            text += f" ({diff})" if lang == "en" else f"（{diff}）"
        lines.append(text)
    head = QCoreApplication.translate("ComparePanel", "{item}，按年度：").format(item=row.label)
    return "\n".join([head, *lines]) if lines else ""


class CompareModel(QAbstractTableModel):
    """Rows × variants; cells are amounts with the difference against column 0."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers: list[str] = []
        self._rows: list[CompareRow] = []
        self._offer = -1  # the column of the offer variant
        self.lang = "zh"

    def set_table(self, headers: list[str], rows: list[CompareRow], offer: int = -1) -> None:
        self.beginResetModel()
        self._headers = headers
        self._rows = rows
        self._offer = offer
        self.endResetModel()

    def rows(self) -> list[CompareRow]:
        return self._rows

    def rowCount(self, parent: Index = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def _delta(self, row: CompareRow, col: int) -> Fen | None:
        return None if col == 0 else row.values[col] - row.values[0]

    def data(self, index: Index, role: int = int(Qt.ItemDataRole.DisplayRole)) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        col = index.column()
        value = row.values[col]
        delta = self._delta(row, col)
        if role == Qt.ItemDataRole.DisplayRole:
            text = money(value, self.lang)
            if delta:
                diff = signed_money(delta, self.lang)
                text += f" ({diff})" if self.lang == "en" else f"（{diff}）"
            return text
        if role == AMOUNT_ROLE:
            return value
        if role == DIFF_ROLE:
            return delta
        if role == Qt.ItemDataRole.ToolTipRole:
            return year_detail(row, col, self.lang) or None
        if role == Qt.ItemDataRole.BackgroundRole and delta:
            return QBrush(QColor(UP_COLOR if delta > 0 else DOWN_COLOR))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and row.kind == "total":
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = int(Qt.ItemDataRole.DisplayRole)
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.FontRole and horizontal and section == self._offer:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and horizontal and 0 <= section < len(self._headers):
            return self._headers[section]  # whole, when the column is too narrow for it
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if horizontal and 0 <= section < len(self._headers):
            mark = "★ " if section == self._offer else ""  # the offer, also named under its column
            return mark + self._headers[section]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return self._rows[section].label
        return None
