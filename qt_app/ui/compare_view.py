"""方案对比 (Variants): two to four variants of one firm side by side, differences against the first.

Rows are the items, each year's total and the overall total; columns are the chosen variants (the firm's
own, the built-in revenue plans, other buildings). A cell that differs from the first column is tinted and
shows the difference; an item's tooltip gives it year by year. The offer's column is marked, and policy
assumptions are named as such. "设为报价方案" under a column makes that variant the offer; 新建方案 and 方案操作
under the list make and manage the firm's own variants.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from qt_app.domain.errors import DomainError
from qt_app.domain.firm import Firm
from qt_app.domain.money_format import money_compact
from qt_app.domain.variants import BASE, SITE_PREFIX, Variant, standard_variants
from qt_app.services.offers import offer_refusal, offer_variant
from qt_app.services.operations import OpChanges, current_user
from qt_app.services.operations.office import choose_offer_variant
from qt_app.services.session import Session
from qt_app.ui import i18n, variant_actions
from qt_app.ui.compare_model import DIFF_ROLE, CompareModel, CompareRow, compare_rows
from qt_app.ui.hub import Hub
from qt_app.ui.panel import FirmOnScreen, Panel
from qt_app.ui.widgets.bar_chart import Bar, StackedBarChart
from qt_app.ui.widgets.layout import fill_with_sides
from qt_app.ui.widgets.package_parts import category_segments, category_series
from qt_app.ui.widgets.variant_words import shown_label, summary, variant_title

__all__ = ["DIFF_ROLE", "CompareModel", "ComparePanel", "CompareRow", "compare_rows"]

MAX_COLUMNS = 4


class ComparePanel(Panel):
    """Side-by-side variants of the current firm (方案对比)."""

    def __init__(self, session: Session, hub: Hub, parent: QWidget | None = None) -> None:
        super().__init__(session, hub, parent)
        self._firm: Firm | None = None
        self._variants: tuple[Variant, ...] = ()
        self._editing = ""  # the variant the editor is on, shown beside the base
        self._candidates: dict[str, Variant] = {}
        self._shown: list[Variant] = []
        self._offer = ""
        self._buttons: list[QPushButton] = []
        self._build()
        self.retranslate()

    def _build(self) -> None:
        self.pick_label = QLabel()
        self.pick_list = QListWidget()
        self.pick_list.setObjectName("comparePicks")
        self.pick_list.itemChanged.connect(self._picked)
        self.pick_list.currentItemChanged.connect(lambda *_: self._update_commands())
        self.pick_note = QLabel()
        self.pick_note.setWordWrap(True)
        self.pick_note.setStyleSheet("color: #9b1c1c;")
        self.new_button = QPushButton()
        self.new_button.setObjectName("compareNewVariant")
        self.new_button.clicked.connect(lambda: self.newVariantRequested.emit(self._current_start()))
        self.menu_button = QToolButton()
        self.commands = variant_actions.command_menu(self.menu_button, self._command)
        commands = QHBoxLayout()
        commands.addWidget(self.new_button)
        commands.addWidget(self.menu_button)
        commands.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.pick_label)
        left_layout.addWidget(self.pick_list, 1)
        left_layout.addLayout(commands)
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
        self.table.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
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
        self.legend.setText(
            self.tr("括号内为与第一列相比的差额；绿色为更多，红色为更少；指向事项可看各年度。")
        )
        self.new_button.setText(self.tr("新建方案…"))
        self.new_button.setToolTip(self.tr("从所选方案出发新建一个测算方案"))
        self.menu_button.setText(self.tr("方案操作"))
        for key, text in variant_actions.command_texts().items():
            self.commands[key].setText(text)
        if self._firm is None:
            self.title.setText(self.tr("未选择企业"))
        if self._firm is not None:
            self._fill_candidates(keep=[v.name for v in self._shown], read_offer=False)

    # -- the panel interface ------------------------------------------------------------------------
    def show_firm(self, shown: FirmOnScreen) -> None:
        """Another firm (or a live edit): the candidates follow; the columns chosen stay when it is the same
        firm, and a variant being edited joins them beside the base."""
        same = self._firm is not None and shown.firm is not None and self._firm.id == shown.firm.id
        self._firm = shown.firm
        editing = shown.variant if shown.variant != self._editing else ""
        self._editing = shown.variant
        if shown.firm is not None and (not same or shown.variants != self._variants or editing):
            self._variants = shown.variants
            keep = [v.name for v in self._shown] if same else None
            if editing:
                keep = beside_base(keep or [BASE], editing)
            self._fill_candidates(keep=keep)
        super().show_firm(shown)

    def affected_by(self, changes: OpChanges) -> bool:
        return changes.policy or changes.everything or self.shown.firm_id in changes.offers

    def show_variants(self, names: list[str]) -> None:
        self.set_checked(names)

    def variant(self, name: str) -> Variant | None:
        """The variant behind a column name (firm variants, built-in revenue plans, "site:<id>" buildings)."""
        return self._candidates.get(name)

    def shown_variants(self) -> list[Variant]:
        return list(self._shown)

    def set_checked(self, names: list[str]) -> None:
        """Choose the columns (first = reference), e.g. a variant just made beside the base."""
        self._fill_candidates(keep=names)
        self.request_refresh()

    # -- internals --------------------------------------------------------------------------------
    def _candidate_list(self, firm: Firm) -> list[Variant]:
        lang = i18n.current()
        out: list[Variant] = [Variant(BASE, self.tr("基准方案"))]
        out += [replace(v, label=shown_label(v)) for v in self._variants if v.name != BASE]
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

    def _fill_candidates(self, keep: list[str] | None, read_offer: bool = True) -> None:
        if self._firm is None:
            return
        candidates = self._candidate_list(self._firm)
        self._candidates = {v.name: v for v in candidates}
        if read_offer:
            offer = offer_variant(self.session.store, self._firm.id)
            self._offer = offer.name if offer is not None else ""
        if keep:
            chosen = [n for n in keep if n in self._candidates][:MAX_COLUMNS]
        else:
            own = [v.name for v in self._variants if v.name != BASE][:2]
            chosen = [BASE, *(own or ["conservative", "optimistic"])]
        current = self._current_name()
        self.pick_list.blockSignals(True)
        self.pick_list.clear()
        # checked ones first, in the order chosen, so the first column stays the reference
        ordered = [self._candidates[n] for n in chosen] + [v for v in candidates if v.name not in chosen]
        for v in ordered:
            item = QListWidgetItem(self._title(v))
            item.setData(Qt.ItemDataRole.UserRole, v.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if v.name in chosen else Qt.CheckState.Unchecked)
            if v.changes_firm or v.policy_assumption:
                item.setToolTip(summary(self._firm, v, self.session.policy, i18n.current()))
            self.pick_list.addItem(item)
            if v.name == current:
                self.pick_list.setCurrentItem(item)
        self.pick_list.blockSignals(False)
        self.pick_note.clear()
        self._update_commands()

    def _offer_changed(self, firm_id: str) -> bool:
        offer = offer_variant(self.session.store, firm_id)
        name = offer.name if offer is not None else ""
        changed, self._offer = name != self._offer, name
        return changed

    def _title(self, v: Variant) -> str:
        return variant_title(v.label or v.name, v.policy_assumption, v.name == self._offer)

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
        if firm is not None and self._offer_changed(firm.id):
            self._fill_candidates(keep=self._checked_names(), read_offer=False)
        if firm is None:
            self._shown = []
            self.model.set_table([], [])
            self.title.setText(self.shown.name or self.tr("未选择企业"))
            self.pick_list.clear()
            self.pick_note.setText(self.shown.waiting)
            self.chart.set_data([], category_series(lang))
            self._fill_buttons()
            self._update_commands()
            return
        self._shown, packages, problems = [], [], []
        for name in self._checked_names():
            v = self._candidates.get(name)
            if v is None:
                continue
            try:
                packages.append(self.session.package(firm, v))
            except DomainError as e:  # a policy assumption that does not compute: said, not shown
                problems.append(f"{v.label}：{e.message(lang)}")
                continue
            self._shown.append(v)
        self.pick_note.setText("\n".join(problems))
        self.model.lang = lang
        rows = compare_rows(packages, lang, self.tr("合计"), self.tr("{year}小计"))
        offer_col = next((i for i, v in enumerate(self._shown) if v.name == self._offer), -1)
        headers = [variant_title(v.label or v.name, v.policy_assumption, False) for v in self._shown]
        self.model.set_table(headers, rows, offer_col)
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
            if not visible:
                continue
            v = self._shown[i]
            button.setProperty("variant_name", v.name)
            refusal = offer_refusal(v, self.session.policies)
            if v.name == self._offer:
                button.setText(self.tr("✓ 当前报价方案"))
                button.setEnabled(False)
                button.setToolTip(self.tr("会谈模式和新的告知函使用此方案"))
            elif refusal is not None:
                button.setText(self.tr("政策假设，不可报价"))
                button.setEnabled(False)
                button.setToolTip(refusal.message(i18n.current()))
            else:
                button.setText(self.tr("设为报价方案"))
                button.setEnabled(True)
                button.setToolTip(self.tr("把“{label}”设为本企业的报价方案").format(label=v.label))
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

    # -- the firm's own variants: make, rename, copy, delete, reorder ----------------------------------------
    def _current_name(self) -> str:
        item = self.pick_list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""

    def _current_start(self) -> str:
        """Where 新建方案 starts: the chosen entry (own or built-in), "" (the base) when none is chosen."""
        name = self._current_name()
        return "" if name == BASE else name

    def _current_own(self) -> str:
        """The chosen list entry when it is one of the firm's own variants (not a built-in plan)."""
        name = self._current_name()
        return name if any(v.name == name for v in self._variants) else ""

    def _update_commands(self) -> None:
        stored = self._firm is not None and not self.shown.is_new
        self.new_button.setEnabled(stored)
        own = stored and bool(self._current_own())
        self.menu_button.setEnabled(own)

    def _command(self, key: str) -> None:
        variant = next((v for v in self._variants if v.name == self._current_own()), None)
        if self._firm is not None and variant is not None:
            variant_actions.run_command(key, self, self.session, self.hub, self._firm.id, variant)


def beside_base(columns: list[str], name: str) -> list[str]:
    """The columns with `name` added beside the base (the base first), at most four."""
    out = [BASE, *(c for c in columns if c not in (BASE, name))]
    return [out[0], name, *out[1 : MAX_COLUMNS - 1]]
