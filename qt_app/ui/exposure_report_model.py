"""The county view's 兑现与预算 table: one row per year and item with the pipeline (full, stage-weighted) and the
ledger's columns (committed, due, paid, recovered) against the year's budget and the programme pool; a year's
total after its items. Amounts above the budget or the pool are red, with the reason as the tooltip.

Every number is the service's (`services.ledger_exposure.county_view`): the year totals come from
`ExposureReport.year_totals`, the pool left from `ExposureRow.pool_left`.
"""

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
from qt_app.services.exposure_report import ExposureReport, ExposureRow
from qt_app.ui import i18n
from qt_app.ui.widgets.palette import DOWN_COLOR, OVERRUN_COLOR
from qt_app.ui.widgets.tree_model import AMOUNT_ROLE

Index = QModelIndex | QPersistentModelIndex
_NO_PARENT = QModelIndex()
CELL_ROLE = int(Qt.ItemDataRole.UserRole) + 47
"""(year, item id, column key) behind a cell; None on a total row or a name."""
AMOUNT_KEYS = ("full", "weighted", "committed", "due", "paid", "recovered")
EXTRA_KEYS = ("budget", "pool", "pool_left")
TOTAL_FILL = QColor("#f2f2f2")


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files a bare tr() under the empty context


def headers() -> dict[str, str]:
    return {
        "year": tr("年度"),
        "item": tr("事项"),
        "full": tr("全额"),
        "weighted": tr("按阶段加权"),
        "committed": tr("已承诺"),
        "due": tr("应兑现"),
        "paid": tr("已拨付"),
        "recovered": tr("已追回"),
        "budget": tr("年度预算"),
        "pool": tr("资金池"),
        "pool_left": tr("资金池余额"),
    }


def header_tips() -> dict[str, str]:
    return {
        "full": tr("全部在谈企业按全额计（假设全部落地）"),
        "weighted": tr("每家企业的政策包乘以其招商阶段的落地概率"),
        "committed": tr("已出具或已接受的告知函承诺的金额"),
        "due": tr("按企业报送的实绩、依告知函的政策版本计算的应兑现金额"),
        "paid": tr("已拨付（按兑现年度计）"),
        "recovered": tr("已追回并退还的金额"),
        "budget": tr("在“设置”中按事项和年度设定的预算"),
        "pool": tr("政策规定的年度资金池"),
        "pool_left": tr("资金池减去已实际发放的金额（算力券按已发放计）"),
    }


class ReportModel(QAbstractTableModel):
    """Year × item rows with amounts, budget and pool; year totals in bold."""

    KEYS = ("year", "item", *AMOUNT_KEYS, *EXTRA_KEYS)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[ExposureRow | None, int, dict[str, Fen]]] = []  # (row or None, year, totals)
        self._names = headers()
        self._tips = header_tips()

    def set_report(self, report: ExposureReport | None) -> None:
        self.beginResetModel()
        self._names, self._tips = headers(), header_tips()
        self._rows = []
        if report is not None:
            totals = report.year_totals()
            for year in report.years():
                self._rows += [(r, year, {}) for r in report.rows if r.year == year]
                self._rows.append((None, year, totals.get(year, {})))
        self.endResetModel()

    def rowCount(self, parent: Index = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.KEYS)

    def key(self, index: Index) -> tuple[int, str, str] | None:
        if not index.isValid():
            return None
        row = self._rows[index.row()][0]
        col = self.KEYS[index.column()]
        return (row.year, row.item_id, col) if row is not None and col in AMOUNT_KEYS else None

    def _value(self, row: ExposureRow | None, totals: dict[str, Fen], key: str) -> Fen | None:
        if row is None:
            return totals.get(key) if key in AMOUNT_KEYS else None
        if key in AMOUNT_KEYS:
            return row.amount(key)
        value: Fen | None = getattr(row, key)
        return value

    def _flag(self, row: ExposureRow | None, key: str) -> str:
        """Why a cell is red ("" when it is not)."""
        if row is None:
            return ""
        lang = i18n.current()
        if key in row.over_budget and row.budget is not None:
            return tr("超过{year}年预算 {budget}").format(year=row.year, budget=money(row.budget, lang))
        if key == "weighted" and row.exceeded and row.pool is not None:
            return tr("超过年度资金池 {pool}").format(pool=money(row.pool, lang))
        left = row.pool_left
        if key == "pool_left" and left is not None and left < 0:
            return tr("资金池已超支")
        return ""

    def data(self, index: Index, role: int = int(Qt.ItemDataRole.DisplayRole)) -> Any:
        if not index.isValid():
            return None
        row, year, totals = self._rows[index.row()]
        key = self.KEYS[index.column()]
        lang = i18n.current()
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "year":
                return str(year)
            if key == "item":
                return (row.name_en if lang == "en" else row.name_zh) if row is not None else tr("合计")
            value = self._value(row, totals, key)
            return money(value, lang) if value else "—"
        if role == AMOUNT_ROLE and key not in ("year", "item"):
            return self._value(row, totals, key)
        if role == CELL_ROLE:
            return self.key(index)
        if role == Qt.ItemDataRole.TextAlignmentRole and key not in ("year", "item"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        flag = self._flag(row, key)
        if role == Qt.ItemDataRole.ToolTipRole and flag:
            return flag
        if role == Qt.ItemDataRole.BackgroundRole:
            if row is None:
                return QBrush(TOTAL_FILL)
            if flag:
                return QBrush(QColor(DOWN_COLOR))
        if role == Qt.ItemDataRole.ForegroundRole and flag:
            return QBrush(QColor(OVERRUN_COLOR))
        if role == Qt.ItemDataRole.FontRole and (row is None or flag):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = int(Qt.ItemDataRole.DisplayRole)
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.KEYS):
            return None
        key = self.KEYS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._names[key]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tips.get(key)
        return None
