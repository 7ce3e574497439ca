"""方案对比 (Variants): two to four variants of one firm side by side, differences against the first.

Rows are the items, each year's total and the overall total; columns are the chosen variants. A cell that
differs from the first column is tinted and shows the difference in 万元. "设为报价方案" under a column
asks the window to make that variant the offer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QBrush, QColor, QFont, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from qt_app.domain.firm import Firm
from qt_app.domain.money import Fen
from qt_app.domain.money_format import money, money_compact, signed_money
from qt_app.domain.package import Package
from qt_app.domain.variants import BASE, Variant, standard_variants
from qt_app.services.operations import OpChanges, current_user
from qt_app.services.operations.office import choose_offer_variant
from qt_app.services.session import Session
from qt_app.ui import i18n
from qt_app.ui.hub import Hub
from qt_app.ui.panel import FirmOnScreen, Panel
from qt_app.ui.widgets.bar_chart import Bar, StackedBarChart
from qt_app.ui.widgets.layout import fill_with_sides
from qt_app.ui.widgets.package_parts import category_segments, category_series, line_name, year_text
from qt_app.ui.widgets.palette import DOWN_COLOR, UP_COLOR
from qt_app.ui.widgets.tree_model import AMOUNT_ROLE

Index = QModelIndex | QPersistentModelIndex
_NO_PARENT = QModelIndex()
MAX_COLUMNS = 4
DIFF_ROLE = int(Qt.ItemDataRole.UserRole) + 44
"""The difference in 分 against the first column (None in the first column)."""
SITE_PREFIX = "site:"


@dataclass(frozen=True)
class CompareRow:
    """One row of the comparison: an item, a year's total or the overall total."""

    kind: str  # item | year | total
    label: str
    values: tuple[Fen, ...]


def compare_rows(packages: list[Package], lang: str, total_label: str, year_label: str) -> list[CompareRow]:
    """Rows read from each package's by_item / by_year / total, items in the policy's order."""
    names: dict[str, str] = {}
    for pkg in packages:
        for line in pkg.lines:
            names.setdefault(line.item_id, line_name(line, lang))
    by_item = [pkg.by_item() for pkg in packages]
    rows = [
        CompareRow("item", name, tuple(items.get(item_id, 0) for items in by_item))
        for item_id, name in names.items()
        if any(items.get(item_id, 0) for items in by_item)
    ]
    by_year = [pkg.by_year() for pkg in packages]
    years = sorted({y for pkg in packages for y in pkg.years})
    rows += [
        CompareRow("year", year_label.format(year=year_text(y)), tuple(t.get(y, 0) for t in by_year))
        for y in years
    ]
    rows.append(CompareRow("total", total_label, tuple(pkg.total for pkg in packages)))
    return rows


class CompareModel(QAbstractTableModel):
    """Rows × variants; cells are amounts with the difference against column 0."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers: list[str] = []
        self._rows: list[CompareRow] = []
        self.lang = "zh"

    def set_table(self, headers: list[str], rows: list[CompareRow]) -> None:
        self.beginResetModel()
        self._headers = headers
        self._rows = rows
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
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            return self._headers[section]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return self._rows[section].label
        return None


class ComparePanel(Panel):
    """Side-by-side variants of the current firm (方案对比)."""

    def __init__(self, session: Session, hub: Hub, parent: QWidget | None = None) -> None:
        super().__init__(session, hub, parent)
        self._firm: Firm | None = None
        self._variants: tuple[Variant, ...] = ()
        self._candidates: dict[str, Variant] = {}
        self._shown: list[Variant] = []
        self._buttons: list[QPushButton] = []
        self._build()
        self.retranslate()

    def _build(self) -> None:
        self.pick_label = QLabel()
        self.pick_list = QListWidget()
        self.pick_list.itemChanged.connect(self._picked)
        self.pick_note = QLabel()
        self.pick_note.setWordWrap(True)
        self.pick_note.setStyleSheet("color: #9b1c1c;")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.pick_label)
        left_layout.addWidget(self.pick_list, 1)
        left_layout.addWidget(self.pick_note)

        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.model = CompareModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.verticalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.legend.setStyleSheet("color: palette(placeholder-text);")
        self.button_bar = QHBoxLayout()
        self.button_bar.setContentsMargins(0, 0, 0, 0)
        self.button_gap = QWidget()
        self.button_bar.addWidget(self.button_gap)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.title)
        right_layout.addWidget(self.table)
        right_layout.addLayout(self.button_bar)
        right_layout.addWidget(self.legend)
        self.chart = StackedBarChart()
        self.chart.setMinimumHeight(160)
        right_layout.addWidget(self.chart, 1)

        fill_with_sides(self, left, right, left_width=300)

    def retranslate(self) -> None:
        self.pick_label.setText(self.tr("选择两到四个方案："))
        self.legend.setText(self.tr("括号内为与第一列相比的差额；绿色为更多，红色为更少。"))
        for button in self._buttons:
            button.setText(self.tr("设为报价方案"))
        if self._firm is None:
            self.title.setText(self.tr("未选择企业"))

    # -- the panel interface ------------------------------------------------------------------------
    def show_firm(self, shown: FirmOnScreen) -> None:
        """Another firm (or a live edit): the candidates follow; the columns chosen stay when it is the same firm."""
        same = self._firm is not None and shown.firm is not None and self._firm.id == shown.firm.id
        self._firm = shown.firm
        if shown.firm is not None and (not same or shown.variants != self._variants):
            self._variants = shown.variants
            self._fill_candidates(keep=[v.name for v in self._shown] if same else None)
        super().show_firm(shown)

    def affected_by(self, changes: OpChanges) -> bool:
        return changes.policy or changes.everything

    def variant(self, name: str) -> Variant | None:
        """The variant behind a column name (firm variants, built-in revenue plans, "site:<id>" buildings)."""
        return self._candidates.get(name)

    def shown_variants(self) -> list[Variant]:
        return list(self._shown)

    def set_checked(self, names: list[str]) -> None:
        """Choose the columns (first = reference), e.g. from a test or a remembered setting."""
        self._fill_candidates(keep=names)
        self.request_refresh()

    # -- internals --------------------------------------------------------------------------------
    def _candidate_list(self, firm: Firm) -> list[Variant]:
        lang = i18n.current()
        out: list[Variant] = [Variant(BASE, self.tr("基准方案"))]
        out += [v for v in self._variants if v.name != BASE]
        names = {v.name for v in out}
        for v in standard_variants():
            if v.name not in names:
                label = {
                    "conservative": self.tr("保守方案（营收×0.7）"),
                    "optimistic": self.tr("乐观方案（营收×1.3）"),
                }
                out.append(Variant(v.name, label.get(v.name, v.label), revenue_factor=v.revenue_factor))
        current_site = firm.location.site if firm.location is not None else None
        if current_site is not None:
            taken = {v.site for v in out if v.site}
            for site in self.session.policy.sites:
                if site.id != current_site and site.id not in taken:
                    name = site.en if lang == "en" else site.zh
                    out.append(
                        Variant(
                            SITE_PREFIX + site.id, self.tr("改入驻{site}").format(site=name), site=site.id
                        )
                    )
        return out

    def _fill_candidates(self, keep: list[str] | None) -> None:
        if self._firm is None:
            return
        candidates = self._candidate_list(self._firm)
        self._candidates = {v.name: v for v in candidates}
        if keep:
            chosen = [n for n in keep if n in self._candidates][:MAX_COLUMNS]
        else:
            own = [v.name for v in self._variants if v.name != BASE][:2]
            chosen = [BASE, *(own or ["conservative", "optimistic"])]
        self.pick_list.blockSignals(True)
        self.pick_list.clear()
        # checked ones first, in the order chosen, so the first column stays the reference
        ordered = [self._candidates[n] for n in chosen] + [v for v in candidates if v.name not in chosen]
        for v in ordered:
            item = QListWidgetItem(v.label or v.name)
            item.setData(Qt.ItemDataRole.UserRole, v.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if v.name in chosen else Qt.CheckState.Unchecked)
            self.pick_list.addItem(item)
        self.pick_list.blockSignals(False)
        self.pick_note.clear()

    def _checked_names(self) -> list[str]:
        names = []
        for i in range(self.pick_list.count()):
            item = self.pick_list.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                names.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return names

    def _picked(self, item: QListWidgetItem) -> None:
        checked = self._checked_names()
        if len(checked) > MAX_COLUMNS:
            self.pick_list.blockSignals(True)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.pick_list.blockSignals(False)
            self.pick_note.setText(self.tr("最多同时比较四个方案。"))
            return
        self.pick_note.setText(self.tr("请至少选择两个方案。") if len(checked) < 2 else "")
        self.request_refresh()

    def refresh(self) -> None:
        firm = self._firm
        lang = i18n.current()
        if firm is None:
            self._shown = []
            self.model.set_table([], [])
            self.title.setText(self.shown.name or self.tr("未选择企业"))
            self.pick_list.clear()
            self.pick_note.setText(self.shown.waiting)
            self.chart.set_data([], category_series(lang))
            self._fill_buttons()
            return
        self._shown = [self._candidates[n] for n in self._checked_names() if n in self._candidates]
        packages = self.session.compare(firm, self._shown) if self._shown else []
        self.model.lang = lang
        rows = compare_rows(packages, lang, self.tr("合计"), self.tr("{year}小计"))
        self.model.set_table([v.label or v.name for v in self._shown], rows)
        # every row visible (the totals are at the bottom); the chart takes what is left
        rows_height = self.table.verticalHeader().defaultSectionSize() * len(rows)
        self.table.setFixedHeight(rows_height + self.table.horizontalHeader().sizeHint().height() + 4)
        name = firm.name or self.tr("（未命名企业）")
        self.title.setText(self.tr("{firm} · 方案对比").format(firm=name))
        self.chart.set_data(
            [
                Bar(v.label or v.name, category_segments(pkg), money_compact(pkg.total, lang))
                for v, pkg in zip(self._shown, packages, strict=True)
            ],
            category_series(lang),
            title=self.tr("各方案政策包合计（按类别）"),
            empty_text=self.tr("请至少选择两个方案。"),
        )
        self._fill_buttons()

    def _fill_buttons(self) -> None:
        while len(self._buttons) < len(self._shown):
            button = QPushButton(self.tr("设为报价方案"))
            button.clicked.connect(self._button_clicked)
            self._buttons.append(button)
            self.button_bar.addWidget(button, 1)
        for i, button in enumerate(self._buttons):
            visible = i < len(self._shown)
            button.setVisible(visible)
            if visible:
                button.setProperty("variant_name", self._shown[i].name)
                button.setToolTip(
                    self.tr("把“{label}”设为本企业的报价方案").format(label=self._shown[i].label)
                )
        QTimer.singleShot(0, self, self._align_buttons)  # dropped if the panel is gone by then

    def _align_buttons(self) -> None:
        self.button_gap.setFixedWidth(self.table.verticalHeader().width() + self.table.frameWidth())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._align_buttons()

    def _button_clicked(self) -> None:
        sender = self.sender()
        if isinstance(sender, QPushButton):
            self.choose_offer(str(sender.property("variant_name")))

    def choose_offer(self, name: str) -> bool:
        """设为报价方案: meeting mode, the handout and new letters use this variant for this firm."""
        chosen = self._candidates.get(name)
        if self._firm is None or chosen is None:
            return False
        firm_id = self._firm.id
        if (
            self.hub.run(lambda: choose_offer_variant(self.session, firm_id, chosen, current_user()), self)
            is None
        ):
            return False
        label = chosen.label or chosen.name
        self.statusMessage.emit(
            self.tr("已将“{name}”设为报价方案：会谈模式和告知函将使用此方案").format(name=label)
        )
        return True
