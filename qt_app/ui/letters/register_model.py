"""The letter register as a table (意向书登记簿): 文号, firm, variant, status, total, issue date."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from qt_app.domain.money_format import figure
from qt_app.domain.variants import BASE
from qt_app.services.letters import LetterRecord
from qt_app.store.letters import STATUS_LABELS

ModelIndex = QModelIndex | QPersistentModelIndex

RECORD_ROLE = Qt.ItemDataRole.UserRole + 1  # the LetterRecord of the row
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # the raw value (amount in 分, ISO dates) for sorting

COL_NUMBER, COL_FIRM, COL_VARIANT, COL_STATUS, COL_TOTAL, COL_ISSUED = range(6)
COLUMN_COUNT = 6

# Colours that stay readable on light and dark palettes; voided rows are greyed like struck-out paper.
STATUS_COLOURS = {
    "draft": "#7a6a00",
    "submitted": "#1f5fa8",
    "approved": "#6a3fa0",
    "issued": "#1b7a3a",
    "accepted": "#1b7a3a",
    "declined": "#8a4b00",
    "expired": "#8a4b00",
    "voided": "#9a9a9a",
}


def status_label(status: str, lang: str = "zh") -> str:
    """草稿 / 已提交 / … in the window's language (the register's own labels)."""
    pair = STATUS_LABELS.get(status)
    if pair is None:
        return status
    return pair[1] if lang == "en" else pair[0]


def local_date(stamp: str) -> str:
    """The local calendar day of a UTC ISO timestamp (2026-03-05); empty when there is none."""
    if not stamp:
        return ""
    try:
        return datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone().date().isoformat()
    except ValueError:
        return stamp[:10]


class LetterTableModel(QAbstractTableModel):
    """Read-only rows of LetterRecord; the panel refills it from `search_letters` after every change."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._records: list[LetterRecord] = []
        self.lang = "zh"  # for the register's own status labels; headers go through tr()

    def set_records(self, records: list[LetterRecord]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def record(self, row: int) -> LetterRecord | None:
        return self._records[row] if 0 <= row < len(self._records) else None

    def row_of(self, letter_id: str) -> int:
        """The row showing this letter, or -1."""
        return next((i for i, r in enumerate(self._records) if r.id == letter_id), -1)

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("文号"),
            self.tr("企业"),
            self.tr("测算方案"),
            self.tr("状态"),
            self.tr("合计（元）"),
            self.tr("出具日期"),
        )

    def variant_label(self, name: str) -> str:
        return self.tr("基准方案") if not name or name == BASE else name

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            names = self.headers()
            return names[section] if 0 <= section < len(names) else None
        return None

    def _display(self, r: LetterRecord, column: int) -> str:
        if column == COL_NUMBER:
            return r.doc_number or self.tr("（未编号）")
        if column == COL_FIRM:
            return r.firm_name or self.tr("（未命名企业）")
        if column == COL_VARIANT:
            return self.variant_label(r.variant)
        if column == COL_STATUS:
            return status_label(r.status, self.lang)
        if column == COL_TOTAL:
            return figure(int(r.total_fen))
        return local_date(r.issued_at)

    def _sort_key(self, r: LetterRecord, column: int) -> Any:
        if column == COL_NUMBER:
            return r.doc_number
        if column == COL_TOTAL:
            return r.total_fen
        if column == COL_ISSUED:
            return r.issued_at
        if column == COL_STATUS:
            return list(STATUS_LABELS).index(r.status) if r.status in STATUS_LABELS else 99
        return self._display(r, column)

    def _tooltip(self, r: LetterRecord) -> str:
        parts = [r.firm_name, r.firm_uscc]
        if r.approved_by:
            parts.append(self.tr("审批人：{who}").format(who=r.approved_by))
        if r.note:
            parts.append(self.tr("备注：{note}").format(note=r.note))
        return "\n".join(p for p in parts if p)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        r = self._records[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, column)
        if role == RECORD_ROLE:
            return r
        if role == SORT_ROLE:
            return self._sort_key(r, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(r)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_TOTAL:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and (column == COL_STATUS or r.status == "voided"):
            return QColor(STATUS_COLOURS.get(r.status, "#000000"))
        return None
