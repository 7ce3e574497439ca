"""The firm list model (企业列表模型): lazily fetched pages from the store, sorted and searched by the store.

Never loads the whole pipeline: rows arrive a page at a time as the view scrolls (canFetchMore /
fetchMore); sorting and searching are asked of the store, so 100,000 firms cost one page of widgets.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from qt_app.domain.money_format import money
from qt_app.domain.pipeline import STAGE_LABELS, Stage
from qt_app.store.models import FirmFilter, FirmRow
from qt_app.ui import i18n
from qt_app.ui.widgets.words import domain_name

PAGE = 200
ModelIndex = QModelIndex | QPersistentModelIndex

# Column constants: (store sort key, header zh, header en)
NAME, USCC, STAGE, DOMAINS, OUTPOST, OWNER, TOTAL, MODIFIED = range(8)
COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("name", "企业名称", "Firm"),
    ("uscc", "统一社会信用代码", "Credit code"),
    ("stage", "阶段", "Stage"),
    ("domains", "领域", "Domains"),
    ("outpost", "驻点", "Outpost"),
    ("owner", "负责人", "Owner"),
    ("package_total_fen", "政策包合计", "Package total"),
    ("modified_at", "修改时间", "Modified"),
)
ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the firm id of a row
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # the raw value (for tests and a proxy)

# Plain ints: a paint asks data() for ~8 roles per cell, and most of those asks need no answer.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ROLES = frozenset({_DISPLAY, int(ID_ROLE), int(SORT_ROLE), _ALIGN, _FOREGROUND, _TOOLTIP})
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

Lister = Callable[[str, FirmFilter, str, bool, int, int], list[FirmRow]]
Counter = Callable[[str, FirmFilter], int]


def local_time(stamp: str) -> str:
    """An ISO UTC timestamp as local "2026-03-05 14:20"."""
    try:
        return datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return stamp


class FirmTableModel(QAbstractTableModel):
    """Rows of FirmRow, fetched a page at a time; the store sorts and filters."""

    def __init__(self, lister: Lister, counter: Counter, parent: Any = None) -> None:
        super().__init__(parent)
        self._lister = lister
        self._counter = counter
        self._rows: list[FirmRow] = []
        self._texts: list[tuple[str | None, ...] | None] = []  # each row's cell texts, made on first paint
        self._total = 0
        self._query = ""
        self._filters = FirmFilter()
        self._sort = "modified_at"
        self._descending = True
        self.reload()  # a view with sorting enabled reloads once more, sorted by its header

    @property
    def sort_key(self) -> tuple[str, bool]:
        return self._sort, self._descending

    # -- what to show -------------------------------------------------------------------------------
    @property
    def query(self) -> str:
        return self._query

    @property
    def filters(self) -> FirmFilter:
        return self._filters

    @property
    def total(self) -> int:
        """How many firms match, fetched or not."""
        return self._total

    def set_query(self, query: str, filters: FirmFilter | None = None) -> None:
        self._query = query.strip()
        if filters is not None:
            self._filters = filters
        self.reload()

    def reload(self) -> None:
        """Start again from the first page (after a search, a filter, a save elsewhere)."""
        self.beginResetModel()
        self._total = self._counter(self._query, self._filters)
        self._rows = self._lister(self._query, self._filters, self._sort, self._descending, 0, PAGE)
        self._texts = [None] * len(self._rows)
        self.endResetModel()

    def row_of(self, firm_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == firm_id), -1)

    def firm_row(self, row: int) -> FirmRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    # -- lazy fetching ------------------------------------------------------------------------------
    def canFetchMore(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: ModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        more = self._lister(self._query, self._filters, self._sort, self._descending, len(self._rows), PAGE)
        more = more[: max(0, self._total - len(self._rows))]
        if not more:
            self._total = len(self._rows)  # the store has fewer than it counted (deleted meanwhile)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._rows.extend(more)
        self._texts.extend([None] * len(more))
        self.endInsertRows()

    # -- the table ----------------------------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
        if horizontal and 0 <= section < len(COLUMNS):
            return i18n.pick((COLUMNS[section][1], COLUMNS[section][2]))
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        role = int(role)
        if role not in _ROLES or not index.isValid() or index.row() >= len(self._rows):
            return None
        r, col = index.row(), index.column()
        row = self._rows[r]
        if role == _DISPLAY:
            texts = self._texts[r]
            if texts is None:
                texts = self._texts[r] = tuple(self._display(row, c) for c in range(len(COLUMNS)))
            return texts[col] if 0 <= col < len(texts) else None
        if role == ID_ROLE:
            return row.id
        if role == SORT_ROLE:
            return self._raw(row, col)
        if role == _ALIGN and col == TOTAL:
            return _RIGHT
        if role == _FOREGROUND and col == STAGE and row.stage == Stage.TERMINATED.value:
            return QColor("#9a9a9a")
        if role == _TOOLTIP and col == NAME:
            return row.name
        return None

    @staticmethod
    def _raw(row: FirmRow, col: int) -> Any:
        values: tuple[Any, ...] = (
            row.name, row.uscc, row.stage, "、".join(row.domains), row.outpost, row.owner,
            row.package_total_fen, row.modified_at,
        )  # fmt: skip
        return values[col] if 0 <= col < len(values) else None

    def _display(self, row: FirmRow, col: int) -> str | None:
        if col == STAGE:
            try:
                return i18n.label(STAGE_LABELS, Stage(row.stage))
            except ValueError:
                return row.stage
        if col == DOMAINS:
            lang = i18n.current()
            return ("、" if lang != "en" else ", ").join(domain_name(d, lang) for d in row.domains)
        if col == TOTAL:
            return "—" if row.package_total_fen is None else money(row.package_total_fen, i18n.current())
        if col == MODIFIED:
            return local_time(row.modified_at)
        raw = self._raw(row, col)
        return None if raw is None else str(raw)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Ask the store to sort (server-side), then start again from the first page."""
        if not 0 <= column < len(COLUMNS):
            return
        key = (COLUMNS[column][0], order == Qt.SortOrder.DescendingOrder)
        if key == (self._sort, self._descending) and self._rows:
            return  # already in that order (the view asks again when sorting is switched on)
        self._sort, self._descending = key
        self.reload()

    def missing_totals(self, limit: int) -> list[str]:
        """Ids of loaded rows whose package total is not known yet (filled in idle time)."""
        return [r.id for r in self._rows if r.package_total_fen is None][:limit]

    def forget_totals(self) -> None:
        """Every loaded total is stale (another default policy): they are figured again in idle time."""
        self._rows = [replace(r, package_total_fen=None) for r in self._rows]
        self._texts = [None] * len(self._rows)
        if self._rows:
            self.dataChanged.emit(self.index(0, TOTAL), self.index(len(self._rows) - 1, TOTAL))

    def set_total(self, firm_id: str, total_fen: int) -> None:
        row = self.row_of(firm_id)
        if row < 0:
            return
        self._rows[row] = replace(self._rows[row], package_total_fen=total_fen)
        self._texts[row] = None
        cell = self.index(row, TOTAL)
        self.dataChanged.emit(cell, cell, [Qt.ItemDataRole.DisplayRole])
