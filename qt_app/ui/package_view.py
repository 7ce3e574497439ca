"""政策测算 (Package): the package of the firm being edited, recomputed live as staff type.

A breakdown tree (item → years → parameters with their status badges), what the firm does not get and
why, totals per year and overall in figures and capitals, a stacked chart by category, hints and warnings.
Until the draft can be computed it says what is missing instead — never another firm's numbers. Widgets
are built once; a refresh only refills them, so it stays well under 30 ms. Narrow windows (1366×768) put
the chart under the tree so amounts and clauses keep their full width.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from qt_app.domain.errors import DomainError
from qt_app.domain.money_format import figure, money
from qt_app.domain.package import Package
from qt_app.domain.variants import BASE, Variant
from qt_app.services.offers import offer_variant
from qt_app.services.operations import OpChanges
from qt_app.services.session import Session
from qt_app.ui import i18n, variant_actions
from qt_app.ui.hub import Hub
from qt_app.ui.panel import FirmOnScreen, Panel
from qt_app.ui.widgets.bar_chart import StackedBarChart
from qt_app.ui.widgets.hint_box import HintBox
from qt_app.ui.widgets.labels import muted_label, title_label
from qt_app.ui.widgets.package_parts import (
    capitals_text,
    category_series,
    year_bars,
    year_text,
)
from qt_app.ui.widgets.package_tree import PackageTree
from qt_app.ui.widgets.variant_words import shown_label, variant_title
from qt_app.ui.widgets.year_totals import YearTotals

if TYPE_CHECKING:
    from qt_app.domain.hints import Hint

BANNER_STYLE = "QLabel { background: #fff4e0; border: 1px solid #f0c36d; border-radius: 4px; padding: 6px; }"
EXCLUDED_STYLE = (
    "QLabel { background: #fdecea; border: 1px solid #e8a09a; border-radius: 4px; padding: 6px; }"
)
WIDE = 1100  # below this width the chart and totals go under the tree


class PackagePanel(Panel):
    """The package of the firm on screen under one of its variants (政策测算)."""

    variantChanged = Signal(str)  # the variant shown changed (its name; "base" for the plan as declared)

    def __init__(self, session: Session, hub: Hub, parent: QWidget | None = None) -> None:
        super().__init__(session, hub, parent)
        self._variants: tuple[Variant, ...] = ()
        self._offer = ""
        self._package: Package | None = None
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
        self.new_variant_button = QPushButton()
        self.new_variant_button.setObjectName("packageNewVariant")
        self.new_variant_button.clicked.connect(
            lambda: self.newVariantRequested.emit(
                self.current_variant().name if self.variant_combo.currentIndex() else ""
            )
        )

        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        head.addLayout(titles, 1)
        head.addWidget(self.variant_label)
        head.addWidget(self.variant_combo)
        head.addWidget(self.new_variant_button)

        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.hide()

        self.package_tree = PackageTree()
        self.tree, self.model, self.detail = (
            self.package_tree.tree,
            self.package_tree.model,
            self.package_tree.detail,
        )

        self.chart = StackedBarChart()
        self.chart.setMinimumHeight(190)
        self.totals = YearTotals()
        self.hints_box = HintBox()
        self.hints_box.variantWanted.connect(self.variant_from_hint)

        self.side = QWidget()
        self.side_layout = QBoxLayout(QBoxLayout.Direction.TopToBottom, self.side)
        self.side_layout.setContentsMargins(0, 0, 4, 0)
        self.side_layout.addWidget(self.chart, 3)
        numbers = QVBoxLayout()
        numbers.addWidget(self.totals)
        numbers.addWidget(self.hints_box, 1)
        self.side_layout.addLayout(numbers, 2)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.package_tree)
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
        self.pending_total = QLabel()  # 待认定: computed, shown apart, never in the total
        self.pending_total.setObjectName("packagePending")
        self.pending_total.setWordWrap(True)
        self.pending_total.setStyleSheet("QLabel { color: #0f5f58; }")
        self.pending_total.hide()
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
        layout.addWidget(self.pending_total)

    def retranslate(self) -> None:
        self.variant_label.setText(self.tr("测算方案："))
        self.new_variant_button.setText(self.tr("新建方案…"))
        self.new_variant_button.setToolTip(self.tr("从所选方案出发新建一个测算方案，在左侧编辑"))
        self.hints_box.retranslate()
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
            self.package_tree.new_firm()
        variants = shown.variants if shown.firm is not None else ()
        editing = shown.variant != self.shown.variant or shown.firm_id != self.shown.firm_id
        if variants != self._variants or editing:
            self._variants = variants
            self._offer = self._read_offer(shown.firm_id)
            self._fill_variants(shown.variant if editing else None)
        super().show_firm(shown)

    def _read_offer(self, firm_id: str) -> str:
        offer = offer_variant(self.session.store, firm_id) if firm_id else None
        return offer.name if offer is not None else ""

    def affected_by(self, changes: OpChanges) -> bool:
        return changes.policy or changes.everything or self.shown.firm_id in changes.offers

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
        return self.hints_box.texts()

    def variant_from_hint(self, hint: Hint) -> str:
        """按此新建方案: the hint's what-if as a new variant, shown beside the base in 方案对比; its name."""
        name = variant_actions.from_hint(
            self, self.session, self.hub, self.shown.firm_id, self.current_variant(), hint
        )
        if name:
            self.compareRequested.emit([BASE, name])
        return name

    # -- internals --------------------------------------------------------------------------------
    def _variant_named(self, name: str) -> Variant:
        for v in self._variants:
            if v.name == name:
                return v
        return Variant()

    def _fill_variants(self, choose: str | None = None) -> None:
        """Every variant of the firm, the offer and policy assumptions marked; `choose` one (the one being
        edited; "" the base), else keep the choice."""
        keep = (choose or BASE) if choose is not None else self.variant_combo.currentData()
        self.variant_combo.blockSignals(True)
        self.variant_combo.clear()
        self.variant_combo.addItem(variant_title(self.tr("基准方案"), False, self._offer == BASE), BASE)
        for v in self._variants:
            if v.name != BASE:
                title = variant_title(shown_label(v), v.policy_assumption, v.name == self._offer)
                self.variant_combo.addItem(title, v.name)
        i = self.variant_combo.findData(keep) if keep else 0
        self.variant_combo.setCurrentIndex(max(i, 0))
        self.variant_combo.blockSignals(False)

    def _variant_picked(self, _index: int) -> None:
        self.request_refresh()
        self.variantChanged.emit(str(self.variant_combo.currentData() or BASE))

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
        offer = self._read_offer(firm.id)
        if offer != self._offer:  # chosen in 方案对比 meanwhile: the list marks it
            self._offer = offer
            self._fill_variants()
        variant = self.current_variant()
        try:
            pkg = self.session.package(firm, variant)
        except DomainError as e:  # a policy assumption that does not compute (a version not loaded…)
            self._show_waiting(e.message(lang))
            return
        self._package = pkg
        policy = self.session.policy
        self.body.setCurrentWidget(self.splitter)
        self.title.setText(firm.name or self.tr("（未命名企业）"))
        variant_text = shown_label(variant) if variant.name != BASE else self.tr("基准方案")
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
        self.package_tree.fill(pkg, lang, self.session.policy)
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
        self.hints_box.set_hints(hints, lines, not self.shown.is_new)
        self.new_variant_button.setEnabled(not self.shown.is_new)

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

    def _show_waiting(self, why: str = "") -> None:
        """No package yet: the firm's name and what to fill in (or `why` not), every number cleared."""
        shown = self.shown
        self._package = None
        if shown.firm_id:
            self.title.setText(shown.name or self.tr("新企业"))
            self.subtitle.setText(why or shown.waiting)
        else:
            self.title.setText(self.tr("未选择企业"))
            self.subtitle.setText(self.tr("在企业库中选择一家企业，或新建一家，即可看到它的政策包。"))
        self.banner.hide()
        self.package_tree.clear()
        self.chart.set_data([], category_series(i18n.current()))
        self.totals.set_rows([])
        self.total_figures.setText("")
        self.total_capitals.setText("")
        self.pending_total.hide()
        self.hints_box.set_hints([], [], False)
        self.waiting.setText(self.subtitle.text())
        self.body.setCurrentWidget(self.waiting)
        self._set_current(True)

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
        pending = pkg.pending_total
        self.pending_total.setText(
            self.tr("另有待认定 {money}：认定为元宇宙相关领域后可得，未计入合计").format(
                money=money(pending, lang)
            )
            if pending
            else ""
        )
        self.pending_total.setVisible(bool(pending))
