"""预算敞口 (Exposure): the whole pipeline by year × item, stage-weighted or in full, against the pools.

The sum runs on a worker thread (QThreadPool) so the window stays responsive with thousands of firms;
the table, the charts and the overrun words are filled when the result comes back. Selecting a cell lists
the firms behind it; double-clicking one asks the window to open it (firmActivated).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRunnable,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from qt_app.domain.errors import DomainError
from qt_app.domain.exposure import Exposure, PoolCheck
from qt_app.domain.firm import STAGE_LABELS
from qt_app.domain.money import Fen
from qt_app.domain.policy import CATEGORY_LABELS, Policy
from qt_app.services.session import Session
from qt_app.ui.widgets.bar_chart import Bar, Series, StackedBarChart
from qt_app.ui.widgets.money_text import short_wan, wan_text
from qt_app.ui.widgets.package_parts import category_series, pick, year_text
from qt_app.ui.widgets.palette import DOWN_COLOR, OVERRUN_COLOR, category_color
from qt_app.ui.widgets.tree_model import AMOUNT_ROLE

Index = QModelIndex | QPersistentModelIndex
_NO_PARENT = QModelIndex()
ITEM_ROLE = int(Qt.ItemDataRole.UserRole) + 45
"""(year, item_id) behind a cell; None for the totals row."""
FIRM_ROLE = int(Qt.ItemDataRole.UserRole) + 46
"""The firm id behind a drill-down row."""


class ExposureModel(QAbstractTableModel):
    """Items (rows, plus a totals row) × years (columns), in 万元; overrun pool cells in red."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[tuple[str, str]] = []  # (item id, name)
        self._years: list[int] = []
        self._cells: dict[tuple[int, str], Fen] = {}
        self._year_totals: dict[int, Fen] = {}
        self._overrun: set[tuple[int, str]] = set()
        self._total_label = ""

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

    def item_name(self, item_id: str) -> str:
        return next((n for i, n in self._items if i == item_id), item_id)

    def rowCount(self, parent: Index = _NO_PARENT) -> int:
        return 0 if parent.isValid() or not self._years else len(self._items) + 1

    def columnCount(self, parent: Index = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._years)

    def cell_key(self, index: Index) -> tuple[int, str] | None:
        if not index.isValid() or index.row() >= len(self._items):
            return None
        return (self._years[index.column()], self._items[index.row()][0])

    def data(self, index: Index, role: int = int(Qt.ItemDataRole.DisplayRole)) -> Any:
        if not index.isValid():
            return None
        year = self._years[index.column()]
        key = self.cell_key(index)
        value = self._cells.get(key, 0) if key else self._year_totals.get(year, 0)
        if role == Qt.ItemDataRole.DisplayRole:
            return short_wan(value) if value else "—"
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
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._years):
            return year_text(self._years[section])
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
            return name if index.column() == 0 else short_wan(amount)
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


class _Relay(QObject):
    done = Signal(object)  # Exposure
    failed = Signal(str)


class _ExposureJob(QRunnable):
    """Runs session.exposure() off the UI thread and reports back through a relay's signals."""

    def __init__(self, session: Session, relay: _Relay) -> None:
        super().__init__()
        self.session = session
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.session.exposure()
        except DomainError as exc:
            self.relay.failed.emit(exc.message(self.session.lang))
        except Exception as exc:
            self.relay.failed.emit(str(exc))
        else:
            self.relay.done.emit(result)


class ExposurePanel(QWidget):
    """The pipeline's budget exposure (预算敞口) with pools, charts and a drill-down to firms."""

    firmActivated = Signal(str)  # a firm in the drill-down was double-clicked (its id)
    computed = Signal()  # a fresh exposure is on screen

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._exposure: Exposure | None = None
        self._busy = False
        self._again = False
        self._names: dict[str, str] = {}
        self._relay = _Relay(self)
        self._relay.done.connect(self._arrived)
        self._relay.failed.connect(self._failed)
        self._build()
        self._retranslate()

    def _build(self) -> None:
        self.weighted_button = QRadioButton()
        self.full_button = QRadioButton()
        self.weighted_button.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.weighted_button)
        group.addButton(self.full_button)
        group.buttonToggled.connect(lambda *_: self._show())
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.refresh)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.status = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.weighted_button)
        top.addWidget(self.full_button)
        top.addSpacing(12)
        top.addWidget(self.refresh_button)
        top.addWidget(self.progress)
        top.addWidget(self.status, 1)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.overruns = QLabel()
        self.overruns.setWordWrap(True)
        self.overruns.setStyleSheet(
            "QLabel { color: #9b1c1c; background: #fdecea; border: 1px solid #e8a09a; border-radius: 4px; padding: 6px; }"
        )
        self.overruns.hide()

        self.model = ExposureModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        self.table.selectionModel().currentChanged.connect(self._cell_chosen)

        self.chart = StackedBarChart()
        self.pool_chart = StackedBarChart()
        charts = QHBoxLayout()
        charts.addWidget(self.chart, 3)
        charts.addWidget(self.pool_chart, 2)
        chart_box = QWidget()
        chart_box.setLayout(charts)

        self.drill_title = QLabel()
        self.drill_title.setWordWrap(True)
        self.firm_model = FirmAmountModel(self)
        self.firms = QTableView()
        self.firms.setModel(self.firm_model)
        self.firms.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.firms.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.firms.verticalHeader().hide()
        self.firms.doubleClicked.connect(self._firm_double_clicked)
        drill = QWidget()
        drill_layout = QVBoxLayout(drill)
        drill_layout.setContentsMargins(0, 0, 0, 0)
        drill_layout.addWidget(self.drill_title)
        drill_layout.addWidget(self.firms, 1)

        upper = QSplitter(Qt.Orientation.Horizontal)
        upper.addWidget(self.table)
        upper.addWidget(drill)
        upper.setStretchFactor(0, 3)
        upper.setStretchFactor(1, 1)
        upper.setSizes([1000, 380])
        main = QSplitter(Qt.Orientation.Vertical)
        main.addWidget(upper)
        main.addWidget(chart_box)
        main.setSizes([420, 320])

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.overruns)
        layout.addWidget(main, 1)

    def _retranslate(self) -> None:
        self.weighted_button.setText(self.tr("按阶段加权"))
        self.full_button.setText(self.tr("全额（假设全部落地）"))
        self.refresh_button.setText(self.tr("重新计算"))
        self.weighted_button.setToolTip(self.tr("每家企业的政策包乘以其招商阶段的落地概率"))
        if self._exposure is None:
            self.summary.setText(self.tr("尚未计算。"))
        self.drill_title.setText(self.tr("选择表格中的一个金额，查看背后的企业。"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self._show()
        super().changeEvent(event)

    # -- public API -------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Recompute the exposure of the whole pipeline, off the UI thread."""
        if self._busy:
            self._again = True
            return
        self._busy = True
        self._names.clear()
        self.progress.show()
        self.refresh_button.setEnabled(False)
        self.status.setText(self.tr("正在汇总全部在谈企业的政策包…"))
        QThreadPool.globalInstance().start(_ExposureJob(self.session, self._relay))

    def exposure(self) -> Exposure | None:
        return self._exposure

    def weighted(self) -> bool:
        return self.weighted_button.isChecked()

    def set_weighted(self, weighted: bool) -> None:
        (self.weighted_button if weighted else self.full_button).setChecked(True)

    # -- results ----------------------------------------------------------------------------------
    def _finish(self) -> bool:
        self._busy = False
        self.progress.hide()
        self.refresh_button.setEnabled(True)
        if self._again:
            self._again = False
            self.refresh()
            return False
        return True

    def _arrived(self, result: object) -> None:
        if not isinstance(result, Exposure):
            return
        self._exposure = result
        if self._finish():
            self.status.clear()
        self._show()
        self.computed.emit()

    def _failed(self, message: str) -> None:
        self._finish()
        self.status.setText(self.tr("计算未完成：{why}").format(why=message))

    def _item_names(self, policy: Policy) -> list[tuple[str, str, str]]:
        lang = self.session.lang
        return [(it.id, it.en if lang == "en" else it.zh, it.category) for it in policy.items if it.monetary]

    def _pool_overrun(self, check: PoolCheck) -> bool:
        return check.overrun if self.weighted() else check.overrun_if_all_land

    def _show(self) -> None:
        exp = self._exposure
        if exp is None:
            return
        lang = self.session.lang
        weighted = self.weighted()
        policy = self.session.policy
        items = self._item_names(policy)
        cells = exp.by_year_item(weighted)
        year_totals = exp.by_year(weighted)
        years = sorted(year_totals)
        overrun = {(c.year, c.item_id) for c in exp.pools if self._pool_overrun(c)}
        known = {i for i, _, _ in items}
        rows = [(i, n) for i, n, _ in items] + [
            (i, i) for _, i in sorted({k for k in cells}) if i not in known
        ]
        self.model.set_exposure(rows, years, cells, year_totals, overrun, self.tr("合计"))

        full_total, weighted_total = exp.total(False), exp.total(True)
        stages = exp.by_stage(weighted)
        stage_text = "，".join(
            f"{pick(STAGE_LABELS[s], lang)} {wan_text(v, lang)}"
            for s, v in sorted(stages.items(), key=lambda kv: list(STAGE_LABELS).index(kv[0]))
            if v
        )
        self.summary.setText(
            self.tr("{n}家企业。加权合计 {weighted}；全额合计 {full}。按阶段：{stages}").format(
                n=exp.firm_count,
                weighted=wan_text(weighted_total, lang),
                full=wan_text(full_total, lang),
                stages=stage_text or self.tr("无"),
            )
        )
        self._fill_overruns(exp, policy, lang)
        self._fill_charts(exp, items, years, weighted, lang)

    def _fill_overruns(self, exp: Exposure, policy: Policy, lang: str) -> None:
        lines = []
        for check in exp.pools:
            if not self._pool_overrun(check):
                continue
            item = policy.item(check.item_id)
            amount = check.weighted if self.weighted() else check.full
            lines.append(
                self.tr("{year} {item}：预计支出 {amount}，超过年度资金池 {pool}").format(
                    year=year_text(check.year),
                    item=item.en if lang == "en" else item.zh,
                    amount=wan_text(amount, lang),
                    pool=wan_text(check.pool, lang),
                )
            )
        self.overruns.setText("\n".join("⚠ " + line for line in lines))
        self.overruns.setVisible(bool(lines))

    def _fill_charts(
        self, exp: Exposure, items: list[tuple[str, str, str]], years: list[int], weighted: bool, lang: str
    ) -> None:
        cells = exp.by_year_item(weighted)
        totals = exp.by_year(weighted)
        category_of = {i: c for i, _, c in items}
        bars = []
        for y in years:
            per_cat: dict[str, Fen] = {}
            for (year, item_id), v in cells.items():
                if year == y:
                    cat = category_of.get(item_id, "other")
                    per_cat[cat] = per_cat.get(cat, 0) + v
            segments = tuple((c, per_cat[c]) for c in CATEGORY_LABELS if per_cat.get(c))
            bars.append(Bar(year_text(y), segments, short_wan(totals.get(y, 0))))
        mode = self.tr("按阶段加权") if weighted else self.tr("全额")
        self.chart.set_data(
            bars,
            category_series(lang),
            title=self.tr("各年度敞口（{mode}，按类别）").format(mode=mode),
            empty_text=self.tr("没有企业"),
        )
        pools = [c for c in exp.pools]
        if not pools:
            self.pool_chart.set_data(
                [], [], title=self.tr("资金池"), empty_text=self.tr("本政策没有年度资金池")
            )
            return
        pool_item = pools[0].item_id
        item = self.session.policy.item(pool_item)
        name = item.en if lang == "en" else item.zh
        pool_bars = []
        limit: Fen = 0
        for check in pools:
            if check.item_id != pool_item:
                continue
            limit = check.pool
            over = self._pool_overrun(check)
            amount = check.weighted if weighted else check.full
            note = self.tr("超出资金池") if over else ""
            pool_bars.append(
                Bar(year_text(check.year), ((pool_item, amount),), short_wan(amount), over, note)
            )
        self.pool_chart.set_data(
            pool_bars,
            [Series(pool_item, name, category_color(item.category))],
            limit=limit,
            limit_label=self.tr("资金池 {pool}").format(pool=short_wan(limit)),
            title=self.tr("{item}与年度资金池").format(item=name),
        )

    # -- drill-down -------------------------------------------------------------------------------
    def _firm_name(self, firm_id: str) -> str:
        if firm_id not in self._names:
            try:
                self._names[firm_id] = self.session.store.get_firm(firm_id)[0].name
            except Exception:
                self._names[firm_id] = firm_id
        return self._names[firm_id]

    def _cell_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        exp = self._exposure
        key = self.model.cell_key(current)
        if exp is None or key is None:
            self.firm_model.set_rows([], [self.tr("企业"), self.tr("金额（全额）")])
            return
        year, item_id = key
        entries = sorted(exp.firms.get(key, []), key=lambda e: -e[1])
        rows = [(fid, self._firm_name(fid), amount) for fid, amount in entries[:500]]
        self.firm_model.set_rows(rows, [self.tr("企业"), self.tr("金额（全额）")])
        name = self.model.item_name(item_id)
        self.drill_title.setText(
            self.tr("{year} {item}：{n}家企业（双击打开）").format(
                year=year_text(year), item=name, n=len(entries)
            )
        )

    def _firm_double_clicked(self, index: QModelIndex) -> None:
        firm_id = index.data(FIRM_ROLE)
        if firm_id:
            self.firmActivated.emit(str(firm_id))
