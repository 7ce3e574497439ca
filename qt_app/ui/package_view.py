"""政策测算 (Package): the package of the firm being edited, recomputed live as staff type.

A breakdown tree (item → years → parameters with their status badges), what the firm does not get and
why, totals per year and overall in figures and capitals, a stacked chart by category, hints and warnings.
Until the draft can be computed it says what is missing instead — never another firm's numbers. Widgets
are built once; a refresh only refills them, so it stays well under 30 ms. Narrow windows (1366×768) put
the chart under the tree so amounts and clauses keep their full width.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QSplitter,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from qt_app.domain.money_format import figure, money
from qt_app.domain.package import Package
from qt_app.domain.variants import BASE, Variant
from qt_app.services.operations import OpChanges
from qt_app.services.session import Session
from qt_app.ui import i18n
from qt_app.ui.hub import Hub
from qt_app.ui.panel import FirmOnScreen, Panel
from qt_app.ui.widgets import column_fit
from qt_app.ui.widgets.bar_chart import StackedBarChart
from qt_app.ui.widgets.labels import muted_label, title_label
from qt_app.ui.widgets.package_parts import (
    NOT_GIVEN_KEY,
    capitals_text,
    category_series,
    package_nodes,
    year_bars,
    year_text,
)
from qt_app.ui.widgets.status_badge import BadgeDelegate
from qt_app.ui.widgets.tree_model import KEY_ROLE, Node, NodeTreeModel
from qt_app.ui.widgets.year_totals import YearTotals

BANNER_STYLE = "QLabel { background: #fff4e0; border: 1px solid #f0c36d; border-radius: 4px; padding: 6px; }"
EXCLUDED_STYLE = (
    "QLabel { background: #fdecea; border: 1px solid #e8a09a; border-radius: 4px; padding: 6px; }"
)
FITTED = (0, 1, 2, 3)  # item, amount, status, clause: sized to their content; the explanation stretches
WIDE = 1100  # below this width the chart and totals go under the tree


class PackagePanel(Panel):
    """The package of the firm on screen under one of its variants (政策测算)."""

    variantChanged = Signal(str)  # the variant shown changed (its name; "base" for the plan as declared)

    def __init__(self, session: Session, hub: Hub, parent: QWidget | None = None) -> None:
        super().__init__(session, hub, parent)
        self._variants: tuple[Variant, ...] = ()
        self._package: Package | None = None
        self._expanded: set[str] = set()
        self._fresh_firm = True
        self._fitting = False
        self._build()
        self.retranslate()

    # -- construction -----------------------------------------------------------------------------
    def _build(self) -> None:
        self.title = title_label()
        self.subtitle = muted_label()
        self.subtitle.setWordWrap(True)
        self.variant_label = QLabel()
        self.variant_combo = QComboBox()
        self.variant_combo.setMinimumContentsLength(14)
        self.variant_combo.currentIndexChanged.connect(self._variant_picked)
        self.variant_label.setBuddy(self.variant_combo)

        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        head.addLayout(titles, 1)
        head.addWidget(self.variant_label)
        head.addWidget(self.variant_combo)

        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.hide()

        self.model = NodeTreeModel([], self)
        self.tree = QTreeView()
        self.tree.setObjectName("packageTree")
        self.tree.setModel(self.model)
        badges = BadgeDelegate(self.tree)  # Python painting only where badges are (status, clause)
        self.tree.setItemDelegateForColumn(2, badges)
        self.tree.setItemDelegateForColumn(3, badges)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(False)
        self.tree.expanded.connect(self._remember_expanded)
        self.tree.collapsed.connect(self._remember_collapsed)
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setMinimumSectionSize(40)
        header.sectionResized.connect(self._column_dragged)
        self._widths = column_fit.UserWidths(header, FITTED, "package_tree")

        self.chart = StackedBarChart()
        self.chart.setMinimumHeight(190)
        self.totals = YearTotals()
        self.hints_box = QGroupBox()
        self.hints = QListWidget()  # a list scrolls and wraps by itself, however many hints come
        self.hints.setWordWrap(True)
        self.hints.setFrameShape(QListWidget.Shape.NoFrame)
        self.hints.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.hints.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hints.setStyleSheet("QListWidget { background: transparent; }")
        QVBoxLayout(self.hints_box).addWidget(self.hints)

        self.side = QWidget()
        self.side_layout = QBoxLayout(QBoxLayout.Direction.TopToBottom, self.side)
        self.side_layout.setContentsMargins(0, 0, 4, 0)
        self.side_layout.addWidget(self.chart, 3)
        numbers = QVBoxLayout()
        numbers.addWidget(self.totals)
        numbers.addWidget(self.hints_box, 1)
        self.side_layout.addLayout(numbers, 2)

        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setMinimumHeight(self.detail.fontMetrics().height() * 2 + 12)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setStyleSheet(
            "QLabel { border: 1px solid palette(mid); border-radius: 4px; padding: 4px; }"
        )
        self.tree.selectionModel().currentChanged.connect(self._show_detail)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.tree, 1)
        left_layout.addWidget(self.detail)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([960, 440])

        self.total_figures = QLabel()
        self.total_figures.setObjectName("packageTotal")
        big = self.total_figures.font()
        big.setPointSizeF(big.pointSizeF() * 1.3)
        big.setBold(True)
        self.total_figures.setFont(big)
        self.total_figures.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.total_capitals = QLabel()
        self.total_capitals.setWordWrap(True)
        self.total_capitals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        foot = QHBoxLayout()
        foot.addWidget(self.total_figures)
        foot.addSpacing(16)
        foot.addWidget(self.total_capitals, 1)

        self.waiting = QLabel()  # in place of the numbers until the draft can be computed
        self.waiting.setObjectName("packageWaiting")
        self.waiting.setWordWrap(True)
        self.waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.waiting.setStyleSheet(
            "QLabel { color: palette(placeholder-text); font-size: 13pt; padding: 24px; }"
        )
        self.body = QStackedWidget()
        self.body.addWidget(self.splitter)
        self.body.addWidget(self.waiting)

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.banner)
        layout.addWidget(self.body, 1)
        layout.addLayout(foot)

    def retranslate(self) -> None:
        self.variant_label.setText(self.tr("测算方案："))
        self.hints_box.setTitle(self.tr("测算提示"))
        self.model.set_headers(
            [self.tr("事项 / 年度"), self.tr("金额"), self.tr("状态"), self.tr("条款"), self.tr("计算说明")]
        )
        self._fill_variants()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        wide = event.size().width() >= WIDE
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if self.splitter.orientation() != orientation:
            self.splitter.setOrientation(orientation)
            self.side_layout.setDirection(
                QBoxLayout.Direction.TopToBottom if wide else QBoxLayout.Direction.LeftToRight
            )
            self.totals.set_compact(not wide)  # the capitals per year go; the grand total keeps its own
            self.splitter.setSizes([960, 440] if wide else [600, 220])

    # -- the panel interface ------------------------------------------------------------------------
    def show_firm(self, shown: FirmOnScreen) -> None:
        """Show (or recompute) this firm's package; called on selection and on every live edit."""
        if shown.firm_id != self.shown.firm_id:
            self._expanded.clear()
            self._fresh_firm = True
        variants = shown.variants if shown.firm is not None else ()
        if variants != self._variants:
            self._variants = variants
            self._fill_variants()
        super().show_firm(shown)

    def affected_by(self, changes: OpChanges) -> bool:
        return changes.policy or changes.everything

    # -- public API -------------------------------------------------------------------------------
    def current_variant(self) -> Variant:
        name = self.variant_combo.currentData()
        return self._variant_named(str(name) if name else BASE)

    def package(self) -> Package | None:
        """The package on screen (what the numbers shown were read from); None while waiting."""
        return self._package

    def set_variant(self, name: str) -> None:
        i = self.variant_combo.findData(name)
        if i >= 0:
            self.variant_combo.setCurrentIndex(i)

    def hint_texts(self) -> list[str]:
        """The hints on screen, one per line."""
        return [self.hints.item(i).text() for i in range(self.hints.count())]

    # -- internals --------------------------------------------------------------------------------
    def _variant_named(self, name: str) -> Variant:
        for v in self._variants:
            if v.name == name:
                return v
        return Variant()

    def _fill_variants(self) -> None:
        keep = self.variant_combo.currentData()
        self.variant_combo.blockSignals(True)
        self.variant_combo.clear()
        self.variant_combo.addItem(self.tr("基准方案"), BASE)
        for v in self._variants:
            if v.name != BASE:
                self.variant_combo.addItem(v.label or v.name, v.name)
        i = self.variant_combo.findData(keep) if keep else 0
        self.variant_combo.setCurrentIndex(max(i, 0))
        self.variant_combo.blockSignals(False)

    def _variant_picked(self, _index: int) -> None:
        self.request_refresh()
        self.variantChanged.emit(str(self.variant_combo.currentData() or BASE))

    def _remember_expanded(self, index: QModelIndex) -> None:
        self._expanded.add(str(index.data(KEY_ROLE)))

    def _remember_collapsed(self, index: QModelIndex) -> None:
        self._expanded.discard(str(index.data(KEY_ROLE)))

    def _show_detail(self, current: QModelIndex, _previous: QModelIndex | None = None) -> None:
        """The selected row's explanation in full (the tree elides long sentences)."""
        if not current.isValid():
            self.detail.setText(self.tr("选择一行，查看完整的计算说明。") if self._package else "")
            return
        node = self.model.node(current)
        names = [node.cells[0]]
        up = current.parent()
        while up.isValid():
            names.insert(0, self.model.node(up).cells[0])
            up = up.parent()
        head = " · ".join([*names, node.cells[1]] if node.cells[1] else names)
        self.detail.setText(f"{head}\n{node.tooltip}" if node.tooltip else head)

    def refresh(self) -> None:
        """Recompute the package of the firm on screen and refill every widget (or say what is missing)."""
        firm = self.shown.firm
        if firm is None:
            if self._package is not None and self._package.firm_id == self.shown.firm_id:
                self._show_stale()  # the same firm, a row half typed: keep its numbers, greyed, and say why
            else:
                self._show_waiting()
            return
        self._set_current(True)
        lang = i18n.current()
        variant = self.current_variant()
        pkg = self.session.package(firm, variant)
        self._package = pkg
        policy = self.session.policy
        self.body.setCurrentWidget(self.splitter)
        self.title.setText(firm.name or self.tr("（未命名企业）"))
        variant_text = variant.label if variant.name != BASE else self.tr("基准方案")
        self.subtitle.setText(
            self.tr("《{title}》{version} · {variant} · {first}–{last}年").format(
                title=policy.title_en if lang == "en" else policy.title,
                version=pkg.policy_version,
                variant=variant_text,
                first=pkg.years[0] if pkg.years else "",
                last=pkg.years[-1] if pkg.years else "",
            )
        )
        self._fill_banner(pkg, lang)
        self._fill_tree(pkg, lang)
        self.chart.set_data(
            year_bars(pkg, lang),
            category_series(lang),
            title=self.tr("各年度政策包（按类别）"),
            empty_text=self.tr("该方案下没有可享受的金额"),
        )
        self._fill_totals(pkg)
        hints = self.session.hints(firm, variant)
        if hints:
            lines = [h.en if lang == "en" else h.zh for h in hints]
        elif not pkg.eligible:
            lines = [self.tr("本政策不适用于该企业，没有测算提示。")]
        else:
            lines = [self.tr("暂无提示：提高任一年度的销售收入都不会增加政策包总额。")]
        self._set_hints(lines)

    def _set_current(self, current: bool) -> None:
        for widget in (self.splitter, self.total_figures, self.total_capitals):
            widget.setEnabled(current)

    def _show_stale(self) -> None:
        """The draft of the firm on screen does not compute right now (a row being typed, an amount with a
        typo): its last package stays, greyed, under a note naming what to correct — never another firm's."""
        self._set_current(False)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.setText(
            self.tr("以下是修改前的测算，尚未计入正在填写的内容。") + "\n" + self.shown.waiting
        )
        self.banner.show()

    def is_stale(self) -> bool:
        """True while the numbers on screen are the firm's last computable ones (greyed)."""
        return not self.splitter.isEnabled()

    def _show_waiting(self) -> None:
        """No package yet: the firm's name and what to fill in, every number cleared."""
        shown = self.shown
        self._package = None
        if shown.firm_id:
            self.title.setText(shown.name or self.tr("新企业"))
            self.subtitle.setText(shown.waiting)
        else:
            self.title.setText(self.tr("未选择企业"))
            self.subtitle.setText(self.tr("在企业库中选择一家企业，或新建一家，即可看到它的政策包。"))
        self.banner.hide()
        self.model.set_nodes([], reset=True)
        self.chart.set_data([], category_series(i18n.current()))
        self.totals.set_rows([])
        self.total_figures.setText("")
        self.total_capitals.setText("")
        self._set_hints([])
        self.detail.setText("")
        self.waiting.setText(self.subtitle.text())
        self.body.setCurrentWidget(self.waiting)
        self._set_current(True)

    def _set_hints(self, lines: list[str]) -> None:
        if lines != self.hint_texts():
            self.hints.clear()
            self.hints.addItems(lines)

    def _fill_banner(self, pkg: Package, lang: str) -> None:
        parts: list[str] = []
        if not pkg.eligible:
            reasons = pkg.exclusions_en if lang == "en" else pkg.exclusions_zh
            parts.append(self.tr("不适用本政策：") + "；".join(reasons))
            self.banner.setStyleSheet(EXCLUDED_STYLE)
        else:
            self.banner.setStyleSheet(BANNER_STYLE)
        warnings = pkg.warnings_en if lang == "en" else pkg.warnings_zh
        parts.extend(self.tr("注意：") + w for w in warnings)
        self.banner.setText("\n".join(parts))
        self.banner.setVisible(bool(parts))

    def _fill_tree(self, pkg: Package, lang: str) -> None:
        nodes = package_nodes(pkg, lang, self.session.policy)
        expand_all = self._fresh_firm
        self._fresh_firm = False
        current_key = self.tree.currentIndex().data(KEY_ROLE)
        self.tree.setUpdatesEnabled(False)
        reset = self.model.set_nodes(nodes, reset=expand_all)
        if reset:
            self._restore_view(nodes, expand_all, current_key)
        self._fit_columns(nodes, exact=expand_all)
        self.tree.setUpdatesEnabled(True)
        self._show_detail(self.tree.currentIndex())

    def _fit_columns(self, nodes: list[Node], exact: bool) -> None:
        """Amounts, statuses and clauses whole; a firm just opened starts from its own widths."""
        self._fitting = True
        self._widths.fit(column_fit.node_widths(self.tree, nodes, FITTED), exact)
        self._fitting = False

    def _column_dragged(self, col: int, _old: int, _new: int) -> None:
        if not self._fitting and col in FITTED:
            self._widths.remember()

    def _restore_view(self, nodes: list[Node], expand_all: bool, current_key: object) -> None:
        """After a reset (another firm, or rows came and went): expansion and the row staff were reading."""
        if expand_all:  # the paying items open; "not given" opens only when nothing else is there
            self._expanded = {n.key for n in nodes if n.key != NOT_GIVEN_KEY} or {n.key for n in nodes}
        for row, node in enumerate(nodes):
            if node.key in self._expanded:
                parent = self.model.index(row, 0)
                self.tree.setExpanded(parent, True)
                for r2, child in enumerate(node.children):
                    if child.key in self._expanded:
                        self.tree.setExpanded(self.model.index(r2, 0, parent), True)
        if current_key:  # keep the row staff were reading
            found = self.model.match(
                self.model.index(0, 0), KEY_ROLE, current_key, 1,
                Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive,
            )  # fmt: skip
            if found:
                self.tree.setCurrentIndex(found[0])

    def _fill_totals(self, pkg: Package) -> None:
        lang = i18n.current()
        self.totals.set_headers(self.tr("年度"), self.tr("金额"))
        self.totals.set_rows(
            [
                (year_text(y), money(amount, lang), capitals_text(amount))
                for y, amount in pkg.by_year().items()
            ]
        )
        total = pkg.total
        self.total_figures.setText(
            self.tr("合计 {money}（{figure}）").format(money=money(total, lang), figure=figure(total))
        )
        self.total_capitals.setText(capitals_text(total))
