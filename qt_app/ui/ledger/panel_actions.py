"""What the 兑现台账 screen does (LedgerActions, mixed into LedgerPanel): the dialogs of actuals, claims and
their steps, an actuals file imported, a scan opened, and the papers (兑现审核表, 对账单) previewed, saved or
printed. Every write goes through its operation and the hub; the panel refreshes from the notice."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QTableView, QWidget

from qt_app.domain.errors import DomainError
from qt_app.domain.ledger.claims import Claim
from qt_app.services.ledger_screen import LedgerScreen, scan_file
from qt_app.services.operations import current_user
from qt_app.services.operations import ledger as ledger_ops
from qt_app.services.session import Session
from qt_app.ui import i18n
from qt_app.ui.errors import show_error
from qt_app.ui.hub import Hub
from qt_app.ui.ledger.actuals_dialog import ActualsDialog
from qt_app.ui.ledger.papers import PaperDialog, print_pdf, save_pdf
from qt_app.ui.ledger.step_dialog import ApplyDialog, StepDialog

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def tr(text: str) -> str:
    """The screen's action words (pyside6-lupdate files a bare tr() under the empty context)."""
    return QCoreApplication.translate("", text)


class LedgerActions:
    """The screen's actions; LedgerPanel supplies the widgets and the selection."""

    session: Session
    hub: Hub
    file: LedgerScreen | None
    notice: QLabel
    rows_view: QTableView
    evidence_view: QTableView
    statusMessage: SignalInstance

    if TYPE_CHECKING:  # QObject's and the panel's

        def _key(self, view: QTableView) -> tuple[object, ...] | None: ...
        def selected_claim(self) -> Claim | None: ...
        def _item_name(self, item_id: str) -> str: ...

    def _parent(self) -> QWidget:
        assert isinstance(self, QWidget)
        return self

    # -- actions --------------------------------------------------------------------------------------------
    def _done(self, dialog: object) -> None:
        value = getattr(dialog, "result_value", None)
        if value is None:
            return
        lang = i18n.current()
        self.statusMessage.emit(value.summary(lang))
        warnings = value.warnings(lang)
        self.notice.setText("\n".join("⚠ " + w for w in warnings))
        self.notice.setVisible(bool(warnings))

    def record_actuals(self, year: int | None = None) -> ActualsDialog | None:
        """登记实绩 for a new year (the next after the last recorded), or the given year to correct it."""
        screen = self.file
        if screen is None or not screen.has_letter:
            return None
        stored = screen.stored.get(year) if year is not None else None
        if year is None:
            recorded = sorted(screen.stored)
            promised = sorted({y for _i, y in screen.ledger.commitment.promised}) if screen.ledger else []
            pending = [y for y in promised if y not in recorded]
            year = pending[0] if pending else (recorded[-1] + 1 if recorded else date.today().year - 1)
        dialog = ActualsDialog(
            self.session, self.hub, screen.firm_id, year, stored, screen.sites, self._parent()
        )
        self._open(dialog)
        return dialog

    def _open(self, dialog: QDialog) -> None:
        dialog.finished.connect(lambda result: self._done(dialog) if result else None)
        dialog.open()

    def _edit_selected_year(self) -> None:
        key = self._key(self.evidence_view)
        if key and key[0] == "evidence":
            self.record_actuals(int(str(key[1])))

    def _open_scan(self) -> None:
        key = self._key(self.evidence_view)
        path = scan_file(self.session.store, str(key[2])) if key and key[0] == "evidence" else None
        if path is None:
            self.statusMessage.emit(tr("所选材料没有扫描件，或扫描件不在数据文件夹中。"))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def import_actuals(self, path: str | Path | None = None) -> bool:
        """导入实绩文件 (.json or .xlsx), all or nothing; problems listed by field."""
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self._parent(), tr("导入实绩文件"), "", tr("实绩文件 (*.json *.xlsx)")
            )
            if not chosen:
                return False
            path = chosen
        result = self.hub.run(
            lambda: ledger_ops.import_actuals(self.session, path, current_user()), self._parent()
        )
        if result is None:
            return False
        lang = i18n.current()
        self.statusMessage.emit("；".join(c.summary(lang) for c in result.value))
        warnings = [w for c in result.value for w in c.warnings(lang)]
        self.notice.setText("\n".join("⚠ " + w for w in warnings))
        self.notice.setVisible(bool(warnings))
        return True

    def apply(self) -> ApplyDialog | None:
        """申报 for the item and year selected (or chosen in the dialog)."""
        screen = self.file
        if screen is None or screen.ledger is None:
            return None
        lang = i18n.current()
        items = list(
            dict.fromkeys((r.item_id, r.name_en if lang == "en" else r.name_zh) for r in screen.ledger.rows)
        )
        dialog = ApplyDialog(
            self.session, self.hub, screen.firm_id, items, sorted(screen.actuals), parent=self._parent()
        )
        key = self._key(self.rows_view)
        if key and key[0] == "row":
            dialog.choose(str(key[1]), int(str(key[2])))
        self._open(dialog)
        return dialog

    def step(self, kind: str) -> StepDialog | None:
        """One step of the selected claim, in its small dialog."""
        claim = self.selected_claim()
        if claim is None or self.file is None or self.file.ledger is None:
            return None
        dialog = StepDialog(
            self.session,
            self.hub,
            claim,
            kind,
            self._item_name(claim.item_id),
            self.file.ledger.conditions,
            self._parent(),
        )
        self._open(dialog)
        return dialog

    # -- papers ---------------------------------------------------------------------------------------------
    def statement_pdf(self) -> bytes | None:
        from qt_app.services.ledger_papers import statement_pdf

        if self.file is None:
            return None
        try:
            return statement_pdf(self.session.store, self.file.firm_id, self.session.policies)
        except DomainError as e:
            show_error(self._parent(), e)
            return None

    def sheet_pdf(self) -> bytes | None:
        from qt_app.services.ledger_papers import review_sheet_pdf

        claim = self.selected_claim()
        if claim is None:
            return None
        try:
            return review_sheet_pdf(self.session.store, claim.id, self.session.policies)
        except DomainError as e:
            show_error(self._parent(), e)
            return None

    def _name(self, what: str) -> str:
        firm = self.file.firm_name if self.file else ""
        claim = self.selected_claim()
        suffix = f"-{claim.year}-{self._item_name(claim.item_id)}" if what == "兑现审核表" and claim else ""
        stem = _UNSAFE.sub("_", f"{what}-{firm}{suffix}").strip(" .")[:90]
        return stem + ".pdf"

    def preview_statement(self) -> PaperDialog | None:
        data = self.statement_pdf()
        if data is None:
            return None
        dialog = PaperDialog(data, tr("兑现对账单"), self._name("对账单"), self._parent())
        dialog.open()
        return dialog

    def save_statement(self, path: str | Path | None = None) -> Path | None:
        data = self.statement_pdf()
        saved = save_pdf(self._parent(), data, self._name("对账单"), path) if data else None
        if saved:
            self.statusMessage.emit(tr("已保存：{path}").format(path=saved))
        return saved

    def print_statement(self, printer: QPrinter | None = None) -> int:
        data = self.statement_pdf()
        return print_pdf(self._parent(), data, self._name("对账单"), printer) if data else 0

    def preview_sheet(self) -> PaperDialog | None:
        data = self.sheet_pdf()
        if data is None:
            return None
        dialog = PaperDialog(data, tr("兑现审核表"), self._name("兑现审核表"), self._parent())
        dialog.open()
        return dialog

    def save_sheet(self, path: str | Path | None = None) -> Path | None:
        data = self.sheet_pdf()
        saved = save_pdf(self._parent(), data, self._name("兑现审核表"), path) if data else None
        if saved:
            self.statusMessage.emit(tr("已保存：{path}").format(path=saved))
        return saved

    def print_sheet(self, printer: QPrinter | None = None) -> int:
        data = self.sheet_pdf()
        return print_pdf(self._parent(), data, self._name("兑现审核表"), printer) if data else 0
