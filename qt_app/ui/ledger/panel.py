"""兑现台账 (LedgerPanel): one firm's file after the offer (一企一档) — its letters, actuals with evidence,
promised · due · paid · held · recovered side by side per item and year with every difference in words, the
claims with their steps and tranches, the deadlines, and the papers (兑现审核表, 对账单).

Widgets only: the numbers and words come from `services.ledger_screen` (the domain's ledger); every write is an
operation (`operations.ledger`) run through the hub, whose notice refreshes this screen and the county view.
A firm without an issued or accepted letter shows why nothing can be recorded yet.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from qt_app.domain.errors import DomainError
from qt_app.domain.ledger.claims import Claim
from qt_app.domain.ledger.step_words import STEP_ORDER, next_steps
from qt_app.domain.money_format import money
from qt_app.services.ledger_screen import LedgerScreen, claim_history, ledger_screen
from qt_app.services.operations import OpChanges
from qt_app.services.session import Session
from qt_app.ui import i18n
from qt_app.ui.hub import Hub
from qt_app.ui.ledger import parts
from qt_app.ui.ledger.form import WARN_COLOR
from qt_app.ui.ledger.models import KEY_ROLE, TextTable
from qt_app.ui.ledger.panel_actions import LedgerActions
from qt_app.ui.ledger.papers import run_export
from qt_app.ui.ledger.step_dialog import TITLES
from qt_app.ui.ledger.step_dialog import tr as dialog_tr
from qt_app.ui.panel import FirmOnScreen, Panel
from qt_app.ui.widgets.labels import muted_label, tint, title_label

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def _table(model: TextTable) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class LedgerPanel(Panel, LedgerActions):
    """The firm's 兑现台账 and every step taken on it."""

    def __init__(self, session: Session, hub: Hub, parent: QWidget | None = None) -> None:
        super().__init__(session, hub, parent)
        self.file: LedgerScreen | None = None
        self._filling = False
        self._unsized: set[int] = set()
        self._build()
        self.retranslate()
        self._stale = True

    # -- construction -------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.title = title_label()
        self.firm_line = muted_label()
        self.letter_line = QLabel()
        self.letter_line.setWordWrap(True)
        self.deadlines = tint(QLabel(), WARN_COLOR)
        self.deadlines.setWordWrap(True)
        self.notice = tint(QLabel(), WARN_COLOR)
        self.notice.setWordWrap(True)
        self.notice.setObjectName("ledgerNotice")
        self.record_button = QPushButton()
        self.record_button.clicked.connect(lambda: self.record_actuals())
        self.import_button = QPushButton()
        self.import_button.clicked.connect(lambda: self.import_actuals())
        self.apply_button = QPushButton()
        self.apply_button.clicked.connect(lambda: self.apply())
        self.statement_button = QPushButton()
        menu = QMenu(self.statement_button)
        self.statement_preview = menu.addAction("")
        self.statement_preview.triggered.connect(lambda: self.preview_statement())
        self.statement_save = menu.addAction("")
        self.statement_save.triggered.connect(lambda: self.save_statement())
        self.statement_print = menu.addAction("")
        self.statement_print.triggered.connect(lambda: self.print_statement())
        self.statement_button.setMenu(menu)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(lambda: run_export(self.session, self, self.statusMessage.emit))
        buttons = QHBoxLayout()
        for b in (self.record_button, self.import_button, self.apply_button, self.statement_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)

        self.why = QLabel()
        self.why.setWordWrap(True)
        self.why.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.why.setObjectName("ledgerWhy")
        why_page = QWidget()
        why_layout = QVBoxLayout(why_page)
        why_layout.addWidget(self.why)
        why_layout.addStretch(1)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("ledgerTabs")
        self.tabs.currentChanged.connect(lambda tab: self._fit_columns(tab))
        self.rows_model = TextTable(frozenset({2, 3, 4, 5, 6}), self)
        self.rows_view = _table(self.rows_model)
        self.rows_view.setObjectName("ledgerRows")
        self.rows_view.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.detail = QTextBrowser()
        self.detail.setObjectName("ledgerDetail")
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.rows_view)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self.tabs.addTab(split, "")

        self.evidence_model = TextTable(frozenset(), self)
        self.evidence_view = _table(self.evidence_model)
        self.evidence_view.setObjectName("ledgerEvidence")
        self.edit_year_button = QPushButton()
        self.edit_year_button.clicked.connect(self._edit_selected_year)
        self.open_scan_button = QPushButton()
        self.open_scan_button.clicked.connect(self._open_scan)
        ev_buttons = QHBoxLayout()
        ev_buttons.addWidget(self.edit_year_button)
        ev_buttons.addWidget(self.open_scan_button)
        ev_buttons.addStretch(1)
        ev_page = QWidget()
        ev_layout = QVBoxLayout(ev_page)
        ev_layout.addWidget(self.evidence_view, 1)
        ev_layout.addLayout(ev_buttons)
        self.tabs.addTab(ev_page, "")

        self.claims_model = TextTable(frozenset({3, 4, 5, 6}), self)
        self.claims_view = _table(self.claims_model)
        self.claims_view.setObjectName("ledgerClaims")
        self.claims_view.selectionModel().currentRowChanged.connect(lambda *_: self._show_claim())
        self.claim_title = QLabel()
        self.claim_title.setWordWrap(True)
        self.step_buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        for n, kind in enumerate(STEP_ORDER):
            b = QPushButton()
            b.setObjectName(f"step_{kind}")
            b.clicked.connect(lambda _c=False, k=kind: self.step(k))
            self.step_buttons[kind] = b
            grid.addWidget(b, n // 4, n % 4)
        self.history_model = TextTable(frozenset(), self)
        self.history_view = _table(self.history_model)
        self.history_view.setObjectName("ledgerHistory")
        self.history_view.horizontalHeader().setStretchLastSection(False)
        self.tranches = QLabel()
        self.tranches.setWordWrap(True)
        self.sheet_button = QPushButton()
        sheet_menu = QMenu(self.sheet_button)
        self.sheet_preview = sheet_menu.addAction("")
        self.sheet_preview.triggered.connect(lambda: self.preview_sheet())
        self.sheet_save = sheet_menu.addAction("")
        self.sheet_save.triggered.connect(lambda: self.save_sheet())
        self.sheet_print = sheet_menu.addAction("")
        self.sheet_print.triggered.connect(lambda: self.print_sheet())
        self.sheet_button.setMenu(sheet_menu)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.claim_title)
        rl.addLayout(grid)
        rl.addWidget(self.history_view, 1)
        rl.addWidget(self.tranches)
        rl.addWidget(self.sheet_button, 0, Qt.AlignmentFlag.AlignLeft)
        claims_split = QSplitter(Qt.Orientation.Horizontal)
        claims_split.addWidget(self.claims_view)
        claims_split.addWidget(right)
        claims_split.setStretchFactor(0, 1)
        claims_split.setStretchFactor(1, 1)
        self.tabs.addTab(claims_split, "")

        self.pages = QStackedWidget()
        self.pages.addWidget(why_page)
        self.pages.addWidget(self.tabs)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.firm_line)
        layout.addWidget(self.letter_line)
        layout.addWidget(self.deadlines)
        layout.addLayout(buttons)
        layout.addWidget(self.notice)
        layout.addWidget(self.pages, 1)
        self.notice.hide()
        self.deadlines.hide()

    def retranslate(self) -> None:
        self.title.setText(self.tr("兑现台账（一企一档）"))
        self.record_button.setText(self.tr("登记实绩…"))
        self.record_button.setToolTip(self.tr("登记一个年度的实际情况，每项附证明材料"))
        self.import_button.setText(self.tr("导入实绩文件…"))
        self.apply_button.setText(self.tr("申报…"))
        self.statement_button.setText(self.tr("对账单"))
        self.statement_preview.setText(self.tr("预览…"))
        self.statement_save.setText(self.tr("另存为…"))
        self.statement_print.setText(self.tr("打印…"))
        self.export_button.setText(self.tr("导出兑现情况表…"))
        self.export_button.setToolTip(self.tr("全县某一期间的兑现申请、拨付和追回，供财政局使用"))
        self.tabs.setTabText(0, self.tr("承诺与兑现"))
        self.tabs.setTabText(1, self.tr("实绩与证明材料"))
        self.tabs.setTabText(2, self.tr("兑现申请"))
        self.edit_year_button.setText(self.tr("修改所选年度…"))
        self.open_scan_button.setText(self.tr("打开扫描件"))
        for kind, b in self.step_buttons.items():
            b.setText(dialog_tr(TITLES[kind]) + "…")
        self.sheet_button.setText(self.tr("兑现审核表"))
        self.sheet_preview.setText(self.tr("预览…"))
        self.sheet_save.setText(self.tr("另存为…"))
        self.sheet_print.setText(self.tr("打印…"))

    # -- the panel interface -----------------------------------------------------------------------------
    def show_firm(self, shown: FirmOnScreen) -> None:
        if shown.firm_id != self.shown.firm_id:
            self.notice.hide()
        super().show_firm(shown)

    def affected_by(self, changes: OpChanges) -> bool:
        fid = self.shown.firm_id
        if not fid:
            return changes.everything
        return (
            changes.everything
            or changes.policy
            or fid in changes.ledger
            or fid in changes.letters
            or changes.firm(fid)
        )

    def refresh(self) -> None:
        """Read the firm's file again and show it, keeping the row and claim selected."""
        lang = i18n.current()
        shown = self.shown
        if not shown.firm_id or shown.is_new:
            self.file = None
            self._show_why(
                self.tr("保存企业后即可建立兑现台账。")
                if shown.is_new
                else self.tr("在企业库中选择一家企业，查看其兑现台账。")
            )
            return
        try:
            screen = ledger_screen(self.session, shown.firm_id)
        except DomainError as e:
            self.file = None
            self._show_why(e.message(lang))
            return
        self.file = screen
        self.firm_line.setText(f"{screen.firm_name}  ·  {screen.uscc}")
        self.letter_line.setText(self._letters_text(screen, lang))
        if screen.ledger is None:
            why = screen.why_not(lang)
            if not screen.has_letter:
                why += "\n\n" + self.tr("在“告知函”（Ctrl+6）中出具告知函后，即可在此登记实绩、申报兑现。")
            self._show_why(why, screen.has_letter)
            return
        ledger = screen.ledger
        self.pages.setCurrentIndex(1)
        keep_row, keep_claim = self._key(self.rows_view), self._key(self.claims_view)
        self._filling = True  # one detail and one claim shown at the end, not one per selection change
        try:
            self.rows_model.set_rows(parts.row_headers(), parts.ledger_rows(ledger, lang))
            self._select(self.rows_view, self.rows_model, keep_row)
            self.evidence_model.set_rows(parts.evidence_headers(), parts.evidence_rows(screen, lang))
            self.claims_model.set_rows(parts.claim_headers(), parts.claim_rows(ledger, lang))
            self._select(self.claims_view, self.claims_model, keep_claim)
        finally:
            self._filling = False
        self._unsized = {0, 1, 2}  # columns fit their content on the tab shown, the others when shown
        self._fit_columns(self.tabs.currentIndex())
        head, tip = parts.deadline_text(ledger, lang)
        self.deadlines.setText(head)
        self.deadlines.setToolTip(tip)
        self.deadlines.setVisible(bool(head))
        self._row_chosen()
        self._show_claim()
        self._enable(True, True)

    def _fit_columns(self, tab: int) -> None:
        """Columns fit their content on a tab when it is shown (measuring every row costs a few ms a table)."""
        if tab in self._unsized:
            self._unsized.discard(tab)
            views = {0: self.rows_view, 1: self.evidence_view, 2: self.claims_view}
            views[tab].resizeColumnsToContents()

    def _show_why(self, text: str, has_letter: bool = False) -> None:
        self.why.setText(text)
        self.pages.setCurrentIndex(0)
        self.deadlines.hide()
        if self.file is None:
            self.firm_line.setText(self.shown.name)
            self.letter_line.clear()
        self._enable(has_letter, False)

    def _enable(self, can_record: bool, has_ledger: bool) -> None:
        writable = not self.session.store.read_only
        self.record_button.setEnabled(can_record and writable)
        self.import_button.setEnabled(writable)
        self.apply_button.setEnabled(has_ledger and writable and bool(self.file and self.file.actuals))
        self.statement_button.setEnabled(has_ledger)

    def _letters_text(self, screen: LedgerScreen, lang: str) -> str:
        if not screen.letters:
            return self.tr("告知函：无")
        items = []
        for line in screen.letters:
            text = (
                f"{line.doc_number} {line.status_words(lang)}" if line.doc_number else line.status_words(lang)
            )
            if line.of_record:
                text = self.tr("{letter}（兑现依据，承诺 {total}）").format(
                    letter=text, total=money(line.total, lang)
                )
            items.append(text)
        ledger = screen.ledger
        version = self.tr("政策版本")
        policy = f"  ·  {version} {ledger.due.policy_id} {ledger.due.policy_version}" if ledger else ""
        return self.tr("告知函：") + ("; " if lang == "en" else "；").join(items) + policy

    # -- selection ------------------------------------------------------------------------------------------
    @staticmethod
    def _key(view: QTableView) -> tuple[object, ...] | None:
        index = view.currentIndex()
        value = index.data(KEY_ROLE) if index.isValid() else None
        return tuple(value) if value else None

    @staticmethod
    def _select(view: QTableView, model: TextTable, key: tuple[object, ...] | None) -> None:
        row = model.find(key) if key else -1
        if row < 0 and model.rowCount() > 0:
            row = 0
        if row >= 0:
            view.selectRow(row)
            view.setCurrentIndex(model.index(row, 0))

    def _row_chosen(self, *_args: object) -> None:
        if self._filling:
            return
        screen = self.file
        key = self._key(self.rows_view)
        if screen is None or screen.ledger is None or not key or key[0] != "row":
            self.detail.clear()
            return
        row = screen.ledger.row(str(key[1]), int(str(key[2])))
        self.detail.setHtml(parts.row_detail(screen.ledger, row, i18n.current()) if row else "")

    def selected_claim(self) -> Claim | None:
        key = self._key(self.claims_view)
        if self.file is None or not key or key[0] != "claim":
            return None
        return self.file.claim(str(key[1]))

    def _show_claim(self) -> None:
        if self._filling:
            return
        lang = i18n.current()
        claim = self.selected_claim()
        allowed = next_steps(claim) if claim is not None else ()
        writable = not self.session.store.read_only
        for kind, b in self.step_buttons.items():
            b.setEnabled(writable and kind in allowed)
        self.sheet_button.setEnabled(claim is not None)
        if claim is None:
            self.claim_title.setText(self.tr("选择一项兑现申请，查看其办理环节。"))
            self.history_model.set_rows(parts.history_headers(), [])
            self.tranches.clear()
            return
        name = self._item_name(claim.item_id)
        self.claim_title.setText(
            self.tr("{year}年{item} · {state} · 申请编号 {id}").format(
                year=claim.year, item=name, state=claim.label(lang), id=claim.id
            )
        )
        self.history_model.set_rows(
            parts.history_headers(), parts.history_rows(claim_history(self.session.store, claim), lang)
        )
        self.history_view.resizeColumnsToContents()
        self.history_view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        lines = [
            self.tr("第{n}期 {on} {amount}（{order}）").format(
                n=p.tranche, on=p.on.isoformat(), amount=money(p.amount, lang), order=p.order_number
            )
            for p in claim.payments
        ]
        held = claim.holdback_amount
        if held:
            state = self.tr("已验收") if claim.accepted_on else self.tr("验收后拨付")
            lines.append(self.tr("预留 {held}：{state}").format(held=money(held, lang), state=state))
        self.tranches.setText("\n".join(lines))

    def _item_name(self, item_id: str) -> str:
        lang = i18n.current()
        ledger = self.file.ledger if self.file else None
        for r in ledger.rows if ledger else ():
            if r.item_id == item_id:
                return r.name_en if lang == "en" else r.name_zh
        return item_id
