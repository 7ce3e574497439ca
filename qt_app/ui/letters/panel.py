"""告知函 (LettersPanel): the letter register with search and status, and everything done to a letter.

生成草稿 for the current firm, 提交 → 审批 → 出具 (the 文号), 作废, 另出新函, 预览 (QPdfView), 打印 (system
dialog, printer resolution), 另存为, 批量生成 (off the UI thread), 核验. Widgets only: every rule and every
number comes from `qt_app.services.letters`; a refusal arrives as a DomainError and is shown in words.
"""

from __future__ import annotations

import getpass
import logging
import re
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from qt_app.domain.errors import DomainError
from qt_app.domain.firm import Firm
from qt_app.domain.variants import BASE, Variant
from qt_app.reports.signing import KeyRing
from qt_app.services import letters as svc
from qt_app.services.letter_batch import BatchResult, LetterJob
from qt_app.services.letters import ISSUED_STATES, LetterRecord
from qt_app.services.offers import with_offer
from qt_app.services.operations import OpChanges, OpResult
from qt_app.services.operations import letters as letter_ops
from qt_app.services.packages import find_variant
from qt_app.services.session import Session
from qt_app.store.letters import STATUS_LABELS
from qt_app.ui.hub import Hub
from qt_app.ui.letters.batch import BatchDialog, BatchRun
from qt_app.ui.letters.files import write_pdf
from qt_app.ui.letters.preview import LetterPreview
from qt_app.ui.letters.printing import print_document
from qt_app.ui.letters.register_model import (
    COL_FIRM,
    COL_NUMBER,
    COL_STATUS,
    COL_TOTAL,
    COL_VARIANT,
    LetterTableModel,
    local_date,
    status_label,
)
from qt_app.ui.panel import FirmOnScreen, Panel
from qt_app.ui.widgets.labels import muted_label, title_label

log = logging.getLogger("offer_desk")
T = TypeVar("T")

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')
REPLIES = ("accepted", "declined", "expired")  # what the firm (or time) answered an issued letter


def who() -> str:
    """The person at the keyboard, for the register's audit trail."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return ""


def suggested_name(rec: LetterRecord) -> str:
    """告知函-青招〔2026〕3号-<firm>.pdf (drafts: 告知函-草稿-<firm>.pdf), safe on Windows."""
    number = rec.doc_number or "草稿"
    stem = _UNSAFE.sub("_", f"告知函-{number}-{rec.firm_name}").strip(" .")[:90]
    return stem + ".pdf"


class LettersPanel(Panel):
    """The letter register and its actions (告知函登记簿)."""

    def __init__(self, session: Session, hub: Hub, parent: QWidget | None = None) -> None:
        super().__init__(session, hub, parent)
        self._firm: Firm | None = None
        self._variants: tuple[Variant, ...] = ()
        self._batch: BatchRun | None = None
        self._last_folder = ""
        self._last_approver = ""
        self._preview_id = ""
        self._build()
        self._retranslate()
        self.refresh()
        self._stale = False

    # -- construction -----------------------------------------------------------------------------
    def _build(self) -> None:
        self.title = title_label()
        self.firm_label = muted_label()
        self.variant_combo = QComboBox()
        self.variant_combo.setMinimumContentsLength(10)
        self.language_combo = QComboBox()
        self.generate_button = QPushButton()
        self.generate_button.clicked.connect(self.generate_draft)
        self.generate_button.setDefault(True)

        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self.title)
        titles.addWidget(self.firm_label)
        head.addLayout(titles, 1)
        self.variant_label = QLabel()
        self.language_label = QLabel()
        head.addWidget(self.variant_label)
        head.addWidget(self.variant_combo)
        head.addSpacing(8)
        head.addWidget(self.language_label)
        head.addWidget(self.language_combo)
        head.addSpacing(8)
        head.addWidget(self.generate_button)

        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(220)
        self.search.textChanged.connect(lambda _t: self.refresh())
        self.status_filter = QComboBox()
        self.status_filter.currentIndexChanged.connect(lambda _i: self.refresh())

        self.submit_button = QPushButton()
        self.submit_button.clicked.connect(self.submit)
        self.approve_button = QPushButton()
        self.approve_button.clicked.connect(lambda: self.approve())
        self.issue_button = QPushButton()
        self.issue_button.clicked.connect(lambda: self.issue())
        self.void_button = QPushButton()
        self.void_button.clicked.connect(lambda: self.void())
        self.supersede_button = QPushButton()
        self.supersede_button.clicked.connect(self.supersede)
        self.reply_button = QPushButton()  # a push button draws its menu arrow beside the text, not over it
        self.reply_menu = QMenu(self.reply_button)
        self.reply_actions = {s: self.reply_menu.addAction("") for s in REPLIES}
        for status, action in self.reply_actions.items():
            action.triggered.connect(lambda _c=False, s=status: self.record_reply(s))
        self.reply_button.setMenu(self.reply_menu)
        self.preview_button = QPushButton()
        self.preview_button.setCheckable(True)
        self.preview_button.setChecked(True)
        self.preview_button.toggled.connect(self._preview_toggled)
        self.print_button = QPushButton()
        self.print_button.clicked.connect(lambda: self.print_letter())
        self.save_button = QPushButton()
        self.save_button.clicked.connect(lambda: self.save_as())
        self.batch_button = QPushButton()
        self.batch_button.clicked.connect(self.batch)
        self.verify_button = QPushButton()
        self.verify_button.clicked.connect(self.open_verify)

        # Two rows, so the English labels fit at 1440 px: finding and output first, then the lifecycle steps.
        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        bar.addWidget(self.status_filter)
        bar.addStretch(1)
        for b in (
            self.preview_button,
            self.print_button,
            self.save_button,
            self.batch_button,
            self.verify_button,
        ):
            bar.addWidget(b)
        steps = QHBoxLayout()
        for b in (
            self.submit_button,
            self.approve_button,
            self.issue_button,
            self.void_button,
            self.supersede_button,
            self.reply_button,
        ):
            steps.addWidget(b)
        steps.addStretch(1)

        self.model = LetterTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_FIRM, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        for column, width in ((COL_NUMBER, 150), (COL_VARIANT, 96), (COL_STATUS, 72), (COL_TOTAL, 140)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _i: self.preview())

        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setStyleSheet(
            "QLabel { border: 1px solid palette(mid); border-radius: 4px; padding: 4px; }"
        )
        self.detail.setMinimumHeight(self.detail.fontMetrics().height() * 2 + 12)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.detail)

        self.preview_pane = LetterPreview()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.preview_pane)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([780, 520])

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(bar)
        layout.addLayout(steps)
        layout.addWidget(self.splitter, 1)

    def _retranslate(self) -> None:
        self.title.setText(self.tr("告知函登记簿"))
        self.variant_label.setText(self.tr("测算方案："))
        self.language_label.setText(self.tr("语言："))
        keep_language = self.language_combo.currentData()
        self.language_combo.clear()
        self.language_combo.addItem(self.tr("中文"), "zh")
        self.language_combo.addItem(self.tr("中文 + 英文"), "zh+en")
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(keep_language)))
        self.generate_button.setText(self.tr("生成草稿"))
        self.generate_button.setToolTip(self.tr("按所选测算方案为当前企业生成一份告知函草稿"))
        self.search.setPlaceholderText(self.tr("搜索企业名称、信用代码或文号"))
        keep_status = self.status_filter.currentData()
        self.status_filter.blockSignals(True)
        self.status_filter.clear()
        self.status_filter.addItem(self.tr("全部状态"), "")
        for status in STATUS_LABELS:
            self.status_filter.addItem(status_label(status, self.session.lang), status)
        self.status_filter.setCurrentIndex(max(0, self.status_filter.findData(keep_status)))
        self.status_filter.blockSignals(False)
        self.submit_button.setText(self.tr("提交"))
        self.approve_button.setText(self.tr("审批"))
        self.issue_button.setText(self.tr("出具"))
        self.issue_button.setToolTip(self.tr("分配下一个文号并签名；出具后不可修改"))
        self.void_button.setText(self.tr("作废"))
        self.supersede_button.setText(self.tr("另出新函"))
        self.supersede_button.setToolTip(self.tr("按企业现在的数据另出一份新函；新函出具时原函作废"))
        self.reply_button.setText(self.tr("登记结果"))
        self.reply_actions["accepted"].setText(self.tr("企业已接受"))
        self.reply_actions["declined"].setText(self.tr("企业已谢绝"))
        self.reply_actions["expired"].setText(self.tr("已过期"))
        self.preview_button.setText(self.tr("预览"))
        self.print_button.setText(self.tr("打印…"))
        self.save_button.setText(self.tr("另存为…"))
        self.batch_button.setText(self.tr("批量生成…"))
        self.verify_button.setText(self.tr("核验…"))
        self._show_firm_line()
        self._update_buttons()

    def retranslate(self) -> None:
        self._retranslate()
        self.model.lang = self.session.lang

    # -- the panel interface ------------------------------------------------------------------------
    def show_firm(self, shown: FirmOnScreen) -> None:
        """The firm 生成草稿 writes for (the one being edited), its variants and its offer variant."""
        self.shown = shown
        firm = shown.firm
        variants, offer = (
            with_offer(self.session.store, shown.firm_id, shown.variants) if firm else ((), None)
        )
        self._set_firm(firm, variants)
        if offer is not None:
            self.set_variant(offer)

    def on_changes(self, changes: OpChanges) -> None:
        """The register follows every letter operation; an offer chosen elsewhere preselects its variant."""
        if changes.letters or changes.everything:
            self.refresh()
        if self.shown.firm_id in changes.offers:
            self.show_firm(self.shown)

    # -- public API -------------------------------------------------------------------------------
    def _set_firm(self, firm: Firm | None, variants: tuple[Variant, ...]) -> None:
        self._firm = firm
        self._variants = tuple(variants)
        keep = self.variant_combo.currentData()
        self.variant_combo.clear()
        self.variant_combo.addItem(self.tr("基准方案"), BASE)
        for v in self._variants:
            if v.name != BASE:
                self.variant_combo.addItem(v.label or v.name, v.name)
        self.variant_combo.setCurrentIndex(max(0, self.variant_combo.findData(keep)))
        self._show_firm_line()
        self._update_buttons()

    def set_variant(self, name: str) -> None:
        """Pre-select the variant new drafts are written for (the firm's offer variant)."""
        index = self.variant_combo.findData(name)
        if index >= 0:
            self.variant_combo.setCurrentIndex(index)

    def refresh(self, select: str | None = None) -> None:
        """Reload the register (search text and status filter applied), keeping or moving the selection."""
        current = self.selected()
        keep = select or (current.id if current else "")
        status = str(self.status_filter.currentData() or "") or None
        records = self._attempt(
            lambda: svc.search_letters(self.session.store, self.search.text().strip(), status)
        )
        self.model.lang = self.session.lang
        self.model.set_records(records or [])
        self.select_letter(keep)
        self._update_buttons()

    def selected(self) -> LetterRecord | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.record(rows[0].row()) if rows else None

    def select_letter(self, letter_id: str) -> bool:
        row = self.model.row_of(letter_id) if letter_id else -1
        if row < 0:
            self.table.clearSelection()
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    # -- lifecycle actions ------------------------------------------------------------------------
    def generate_draft(self) -> str | None:
        """生成草稿: the current firm under the chosen variant, in the chosen language."""
        firm = self._firm
        if firm is None:
            self._inform(self.tr("生成草稿"), self.tr("请先在企业库中选择一家企业。"))
            return None
        name = str(self.variant_combo.currentData() or BASE)
        language = str(self.language_combo.currentData() or "zh")

        def make() -> str:
            variant = find_variant(self._variants, name)
            return self._apply(
                letter_ops.draft_letter(self.session, firm, self._variants, variant, language, who())
            )

        letter_id = self._attempt(make, self.tr("无法生成草稿"))
        if letter_id:
            self.refresh(select=letter_id)
            self.statusMessage.emit(self.tr("已为“{firm}”生成告知函草稿").format(firm=firm.name))
        return letter_id

    def submit(self) -> bool:
        rec = self.selected()
        if rec is None:
            return False
        done = self._do(
            lambda: self._apply(letter_ops.submit_letter(self.session, rec.id, who())), self.tr("无法提交")
        )
        return self._after(done, rec, self.tr("已提交审批：{firm}"))

    def approve(self, approver: str | None = None) -> bool:
        """审批: asks who approves (name kept in the register with the time)."""
        rec = self.selected()
        if rec is None:
            return False
        if approver is None:
            default = self._last_approver or self.session.store.get_setting("signer", "") or ""
            text, ok = QInputDialog.getText(
                self,
                self.tr("审批"),
                self.tr("审批人姓名（记入登记簿）：\n{firm}").format(firm=rec.firm_name),
                QLineEdit.EchoMode.Normal,
                default,
            )
            if not ok:
                return False
            approver = text
        approver = approver.strip()
        if not approver:
            self._warn(self.tr("无法审批"), self.tr("请填写审批人姓名。"))
            return False
        done = self._do(
            lambda: self._apply(letter_ops.approve_letter(self.session, rec.id, approver)),
            self.tr("无法审批"),
        )
        if done:
            self._last_approver = approver
        return self._after(done, rec, self.tr("已审批：{firm}"))

    def issue(self, confirm: bool = True) -> LetterRecord | None:
        """出具: the next 文号 of the year, signed and frozen; asks for the 附注 contact and 抄送 first."""
        rec = self.selected()
        if rec is None:
            return None
        contact, cc = svc.letter_contact(self.session.store)
        if confirm:
            from qt_app.ui.letters.issue_dialog import IssueDialog

            dialog = IssueDialog(rec.firm_name, contact, cc, self.session.lang, self)
            chosen = dialog.chosen() if dialog.exec() == IssueDialog.DialogCode.Accepted else None
            if chosen is None:
                return None
            contact, cc = chosen
        issued = self._attempt(
            lambda: self._apply(
                letter_ops.issue_letter(
                    self.session, rec.id, who(), contact=contact if contact.complete else None, cc=cc
                )
            ),
            self.tr("无法出具"),
        )
        if issued is None:
            return None
        self.refresh(select=issued.id)
        message = self.tr("已出具，文号：{number}").format(number=issued.doc_number)
        self.statusMessage.emit(message + " · " + issued.firm_name)
        self._inform(self.tr("出具告知函"), message)
        return issued

    def void(self, reason: str | None = None) -> bool:
        """作废 with a reason; an issued letter keeps its 文号 (the counter never reuses it)."""
        rec = self.selected()
        if rec is None:
            return False
        if reason is None:
            text, ok = QInputDialog.getText(
                self,
                self.tr("作废告知函"),
                self.tr("作废原因（必填）：\n作废后不可恢复；已出具的函件保留其文号。"),
            )
            if not ok:
                return False
            reason = text
        reason = reason.strip()
        if not reason:
            self._warn(self.tr("无法作废"), self.tr("请填写作废原因。"))
            return False
        done = self._do(
            lambda: self._apply(letter_ops.set_letter_status(self.session, rec.id, "voided", who(), reason)),
            self.tr("无法作废"),
        )
        return self._after(done, rec, self.tr("已作废：{firm}"))

    def supersede(self) -> str | None:
        """另出新函: a new draft from the firm's current data; issuing it voids the old letter."""
        rec = self.selected()
        if rec is None:
            return None
        language = str(self.language_combo.currentData() or "zh")

        def make() -> str:
            firm, variants = self.session.store.get_firm(rec.firm_id)
            variant = find_variant(variants, rec.variant)
            result = letter_ops.draft_letter(self.session, firm, variants, variant, language, who(), rec.id)
            return self._apply(result)

        letter_id = self._attempt(make, self.tr("无法另出新函"))
        if letter_id:
            self.refresh(select=letter_id)
            self.statusMessage.emit(
                self.tr("已生成新函草稿；新函出具时，原函 {number} 将作废").format(number=rec.doc_number)
            )
        return letter_id

    def record_reply(self, status: str) -> bool:
        """登记结果: the firm accepted or declined, or the letter expired."""
        rec = self.selected()
        if rec is None:
            return False
        done = self._do(
            lambda: self._apply(letter_ops.set_letter_status(self.session, rec.id, status, who())),
            self.tr("无法登记结果"),
        )
        label = status_label(status, self.session.lang)
        return self._after(done, rec, label + "：{firm}")

    # -- preview, print, save ---------------------------------------------------------------------
    def preview(self) -> bool:
        """预览: the selected letter in the pane beside the register."""
        rec = self.selected()
        if rec is None:
            self.preview_pane.clear()
            self._preview_id = ""
            return False
        if not self.preview_button.isChecked():
            self.preview_button.setChecked(True)  # shows the pane, which previews again
            return self._preview_id == rec.id
        data = self._attempt(lambda: self._pdf(rec), self.tr("无法预览"))
        if data is None:
            return False
        caption = " · ".join(
            p
            for p in (
                rec.doc_number or self.tr("草稿（未编号）"),
                rec.firm_name,
                status_label(rec.status, self.session.lang),
            )
            if p
        )
        if not self.preview_pane.show_pdf(data, caption):
            self._warn(self.tr("无法预览"), self.tr("这份 PDF 无法显示。"))
            return False
        self._preview_id = rec.id
        return True

    def print_letter(self, printer: QPrinter | None = None) -> bool:
        """打印: through the system print dialog (or straight to `printer`), at the printer's resolution."""
        rec = self.selected()
        if rec is None or not self._loaded(rec):
            return False
        doc = self.preview_pane.document
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setDocName(suggested_name(rec)[:-4])
            dialog = QPrintDialog(printer, self)
            dialog.setWindowTitle(self.tr("打印告知函"))
            dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
            dialog.setMinMax(1, doc.pageCount())
            if dialog.exec() != QPrintDialog.DialogCode.Accepted:
                return False
        pages = self._attempt(lambda: print_document(doc, printer), self.tr("无法打印"))
        if pages is None:
            return False
        self.statusMessage.emit(self.tr("已送打印：{n} 页").format(n=pages))
        return True

    def save_as(self, path: str | Path | None = None) -> Path | None:
        """另存为: the letter's PDF bytes to a file; a read-only folder or a full disk is said in words."""
        rec = self.selected()
        if rec is None or not self._loaded(rec):
            return None
        if path is None:
            start = Path(self._last_folder or Path.home()) / suggested_name(rec)
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("另存告知函"), str(start), self.tr("PDF 文件 (*.pdf)")
            )
            if not chosen:
                return None
            path = chosen
        data = self.preview_pane.pdf_bytes
        saved = self._attempt(lambda: write_pdf(path, data), self.tr("无法保存"))
        if saved is None:
            return None
        self._last_folder = str(saved.parent)
        self.statusMessage.emit(self.tr("已保存：{path}").format(path=saved))
        return saved

    def _pdf(self, rec: LetterRecord) -> bytes:
        return svc.letter_pdf(self.session.store, rec.id, keyring=KeyRing(self.session.store.folder))

    def _loaded(self, rec: LetterRecord) -> bool:
        """The preview holds this letter's bytes (so print and save match what is on screen)."""
        if self._preview_id == rec.id and self.preview_pane.pdf_bytes:
            return True
        data = self._attempt(lambda: self._pdf(rec), self.tr("无法生成 PDF"))
        if data is None or not self.preview_pane.show_pdf(data, rec.doc_number or rec.firm_name):
            return False
        self._preview_id = rec.id
        return True

    # -- batch and verify -------------------------------------------------------------------------
    def batch(self) -> None:
        """批量生成: pick firms in a dialog, then run."""
        rows = self._attempt(lambda: self.session.store.list_firms(limit=2000, sort="name"))
        if rows is None:
            return
        dialog = BatchDialog([(r.id, r.name) for r in rows], self)
        if self._firm is not None:
            dialog.set_checked([self._firm.id])
        if dialog.exec() != BatchDialog.DialogCode.Accepted:
            return
        self.start_batch(dialog.chosen_ids(), dialog.out_dir(), dialog.chosen_language())

    def start_batch(self, firm_ids: list[str], out_dir: Path, language: str = "zh") -> BatchRun | None:
        """Draft letters for these firms into `out_dir`, off the UI thread, with a progress dialog."""
        if self._batch is not None:
            self._warn(self.tr("批量生成告知函"), self.tr("上一批还在生成中。"))
            return None
        store = self.session.store

        def jobs() -> list[LetterJob]:
            out = []
            for firm_id in firm_ids:
                firm, variants = store.get_firm(firm_id)
                out.append(LetterJob(firm=firm, variants=variants, variant=BASE))
            return out

        loaded = self._attempt(jobs, self.tr("无法批量生成"))
        if not loaded:
            return None
        run = BatchRun(
            loaded,
            out_dir,
            self.session.policy,
            svc.terms_from_store(store),
            language,
            KeyRing(store.folder),
            self,
        )
        run.done.connect(self._batch_done)
        run.error.connect(self._batch_failed)
        self._batch = run
        run.start()
        return run

    def _batch_done(self, result: BatchResult) -> None:
        run, self._batch = self._batch, None
        folder = run.out_dir if run else Path()
        lines = [
            self.tr("已生成 {n} 份告知函，保存在：{folder}").format(n=len(result.written), folder=folder)
        ]
        if result.cancelled:
            lines.append(self.tr("已按要求停止，其余企业未生成。"))
        for name, zh, en in result.failed:
            lines.append(
                self.tr("未生成：{firm}——{why}").format(
                    firm=name, why=en if self.session.lang == "en" else zh
                )
            )
        self.statusMessage.emit(lines[0])
        if result.failed:
            self._warn(self.tr("批量生成告知函"), "\n".join(lines))
        else:
            self._inform(self.tr("批量生成告知函"), "\n".join(lines))

    def _batch_failed(self, exc: BaseException) -> None:
        self._batch = None
        self._show_error(exc, self.tr("无法批量生成"))

    def open_verify(self) -> None:
        from qt_app.ui.letters.verify_dialog import VerifyDialog

        dialog = VerifyDialog(self.session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    # -- helpers ----------------------------------------------------------------------------------
    def _show_firm_line(self) -> None:
        if self._firm is None:
            self.firm_label.setText(self.tr("未选择企业：生成草稿前请先在企业库中选择一家企业。"))
        else:
            name = self._firm.name or self.tr("（未命名企业）")
            self.firm_label.setText(self.tr("当前企业：{firm}").format(firm=name))

    def _selection_changed(self, _sel: QItemSelection, _old: QItemSelection) -> None:
        self._update_buttons()
        self._show_detail()
        if self.preview_button.isChecked():
            self.preview()

    def _preview_toggled(self, on: bool) -> None:
        self.preview_pane.setVisible(on)
        if on:
            self.preview()

    def _show_detail(self) -> None:
        rec = self.selected()
        if rec is None:
            self.detail.setText(self.tr("选择一份函件，查看它的编号、审批和备注。"))
            return
        parts = [self.tr("函件编号：{id}").format(id=rec.id)]
        if rec.firm_uscc:
            parts.append(self.tr("统一社会信用代码：{code}").format(code=rec.firm_uscc))
        if rec.approved_by:
            parts.append(
                self.tr("审批：{who}（{day}）").format(who=rec.approved_by, day=local_date(rec.approved_at))
            )
        if rec.supersedes:
            old = self.session.store.letters.get(rec.supersedes)
            number = str(old.get("doc_number") or rec.supersedes) if old else rec.supersedes
            parts.append(self.tr("取代：{number}").format(number=number))
        if rec.note:
            parts.append(self.tr("备注：{note}").format(note=rec.note))
        self.detail.setText("　·　".join(parts))

    def _update_buttons(self) -> None:
        rec = self.selected()
        status = rec.status if rec else ""
        self.generate_button.setEnabled(self._firm is not None)
        self.variant_combo.setEnabled(self._firm is not None)
        self.submit_button.setEnabled(status == "draft")
        self.approve_button.setEnabled(status == "submitted")
        self.issue_button.setEnabled(status == "approved")
        self.void_button.setEnabled(bool(status) and status != "voided")
        self.supersede_button.setEnabled(status in ISSUED_STATES and status != "voided")
        self.reply_button.setEnabled(status == "issued")
        for b in (self.print_button, self.save_button):
            b.setEnabled(rec is not None)

    def _after(self, ok: bool, rec: LetterRecord, message: str) -> bool:
        if ok:
            self.refresh(select=rec.id)
            self.statusMessage.emit(message.format(firm=rec.firm_name))
        return ok

    def _apply(self, result: OpResult[T]) -> T:
        """An operation went through: the hub tells every panel (this register refreshes from it too)."""
        self.hub.apply(result)
        return result.value

    def _attempt(self, fn: Callable[[], T], title: str = "") -> T | None:
        """Run a use case; a refusal or failure becomes a message box in words (None returned)."""
        try:
            return fn()
        except Exception as e:  # shown in words; details of the unexpected go to the log
            self._show_error(e, title)
            return None

    def _do(self, fn: Callable[[], object], title: str) -> bool:
        """Like `_attempt` for steps that return nothing: True when it went through."""
        return self._attempt(lambda: (fn(), True)[1], title) is True

    def _show_error(self, exc: BaseException, title: str = "") -> None:
        if isinstance(exc, DomainError):
            log.warning("letters: %s", exc.en)
            text = exc.message(self.session.lang)
        else:
            log.error("letters: unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
            text = self.tr("发生了意外错误，操作未完成。详细信息已写入日志文件。")
        self._warn(title or self.tr("无法完成操作"), text)

    def _warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)

    def _inform(self, title: str, text: str) -> None:
        QMessageBox.information(self, title, text)
