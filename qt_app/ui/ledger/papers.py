"""The ledger's papers on screen: the 兑现审核表 or 对账单 previewed, saved (另存为) or printed (打印), and the
period export (兑现情况表) for the finance bureau. The PDFs and the workbook come from the services; this module
only shows them and writes the bytes where the officer chose."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qt_app.domain.errors import DomainError, FieldProblem
from qt_app.services.session import Session
from qt_app.ui import i18n
from qt_app.ui.errors import show_error
from qt_app.ui.ledger.form import FieldForm, read_date
from qt_app.ui.letters.files import write_pdf
from qt_app.ui.letters.preview import LetterPreview
from qt_app.ui.letters.printing import print_document


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files a bare tr() under the empty context


def print_pdf(parent: QWidget, data: bytes, name: str, printer: QPrinter | None = None) -> int:
    """Print PDF bytes through the system dialog (or straight to `printer`); returns pages printed (0: not)."""
    preview = LetterPreview(parent)
    preview.hide()
    try:
        if not preview.show_pdf(data, name):
            return 0
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setDocName(name)
            dialog = QPrintDialog(printer, parent)
            dialog.setWindowTitle(tr("打印"))
            if dialog.exec() != QPrintDialog.DialogCode.Accepted:
                return 0
        return print_document(preview.document, printer)
    finally:
        preview.deleteLater()


def save_pdf(parent: QWidget, data: bytes, suggested: str, path: str | Path | None = None) -> Path | None:
    """另存为: the bytes to a file the officer picks (or `path`); a refusal is said in words."""
    if path is None:
        chosen, _ = QFileDialog.getSaveFileName(
            parent, tr("另存为"), str(Path.home() / suggested), tr("PDF 文件 (*.pdf)")
        )
        if not chosen:
            return None
        path = chosen
    try:
        return write_pdf(path, data)
    except DomainError as e:
        show_error(parent, e, tr("无法保存"))
        return None


class PaperDialog(QDialog):
    """A paper previewed as it prints, with 另存为 and 打印 beside it."""

    def __init__(self, data: bytes, caption: str, suggested: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(caption)
        self.resize(760, 720)
        self.data, self.suggested = data, suggested
        self.preview = LetterPreview(self)
        self.preview.show_pdf(data, caption)
        save = QPushButton(tr("另存为…"), self)
        save.clicked.connect(lambda: save_pdf(self, self.data, self.suggested))
        printing = QPushButton(tr("打印…"), self)
        printing.clicked.connect(lambda: print_pdf(self, self.data, self.suggested))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText(tr("关闭"))
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(save)
        row.addWidget(printing)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 1)
        layout.addLayout(row)


class ExportDialog(QDialog):
    """导出兑现情况表: the period's claims, payments and recoveries as a workbook for the finance bureau."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("exportDialog")
        self.setWindowTitle(tr("导出兑现情况表"))
        self.setMinimumWidth(460)
        today = date.today()
        self.form = FieldForm(self)
        self.start = self.form.line(
            "from", tr("起始日期"), date(today.year, 1, 1).isoformat(), tr("如 2027-01-01")
        )
        self.end = self.form.line("to", tr("截止日期"), today.isoformat(), tr("如 2027-12-31"))
        self.path = self.form.line("file", tr("保存到"), str(Path.home() / f"兑现情况表-{today.year}.xlsx"))
        browse = QPushButton(tr("选择…"), self)
        browse.clicked.connect(self._browse)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("导出"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(browse)
        layout.addWidget(buttons)
        self.summary = ""
        self.written: Path | None = None

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, tr("导出兑现情况表"), self.path.text(), tr("Excel 工作簿 (*.xlsx)")
        )
        if chosen:
            self.path.setText(chosen)

    def accept(self) -> None:
        from qt_app.services.ledger_export import export_period

        self.form.clear()
        problems: list[FieldProblem] = []
        start = read_date(self.start.text(), "from", problems)
        end = read_date(self.end.text(), "to", problems)
        target = self.path.text().strip()
        if not target:
            problems.append(FieldProblem("file", "请选择保存位置", "Choose where to save"))
        if problems:
            self.form.show_problems(problems)
            return
        try:
            summary = export_period(self.session.store, Path(target), self.session.policy, start, end)
        except DomainError as e:
            self.form.say("", e.message(i18n.current()))
            return
        self.summary = summary.words(i18n.current())
        self.written = summary.path
        super().accept()


def run_export(session: Session, parent: QWidget, status: Callable[[str], None]) -> None:
    dialog = ExportDialog(session, parent)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        status(dialog.summary)
