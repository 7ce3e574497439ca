"""批量导入 (Import firms): choose a file, check it off the UI thread, read the per-row report, then write.

Checking writes nothing, so cancelling it is a true cancel. Writing is one transaction (all rows or, when
chosen, every valid row); while it runs the window is blocked by a modal progress dialog so no other
change can interleave with it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qt_app.services.operations import OpResult, current_user
from qt_app.services.operations import firms as firm_ops
from qt_app.services.session import Session
from qt_app.store.importer import ImportReport
from qt_app.ui import i18n
from qt_app.ui.errors import show_error
from qt_app.ui.hub import Hub
from qt_app.ui.workers import run_with_progress

FILE_FILTER = "Excel / CSV / JSON (*.xlsx *.csv *.json)"


class ImportReportDialog(QDialog):
    """The plan, row by row: how many new, updated, invalid, and every problem in words."""

    def __init__(self, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.skip_invalid = False
        self.setWindowTitle(self.tr("导入企业：检查结果"))
        self.resize(640, 460)
        lang = i18n.current()
        summary = QLabel(report.summary(lang), self)
        summary.setWordWrap(True)
        lines = QPlainTextEdit("\n".join(report.lines(lang)) or self.tr("没有发现问题。"), self)
        lines.setReadOnly(True)
        buttons = QDialogButtonBox(self)
        ok_all = report.invalid == 0 and not any(p.severity == "error" for p in report.file_problems)
        writable = report.inserted + report.updated > 0
        self.import_button = QPushButton(self.tr("导入"), self)
        self.import_button.setEnabled(ok_all and writable)
        self.skip_button = QPushButton(
            self.tr("跳过有误的行，导入其余 {n} 行").format(n=report.inserted + report.updated), self
        )
        file_ok = not any(p.severity == "error" for p in report.file_problems)
        self.skip_button.setVisible(report.invalid > 0 and writable and file_ok)
        cancel = QPushButton(self.tr("取消"), self)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.skip_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        self.import_button.clicked.connect(self.accept)
        self.skip_button.clicked.connect(self._skip)
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(lines, 1)
        layout.addWidget(buttons)

    def _skip(self) -> None:
        self.skip_invalid = True
        self.accept()


def import_firms(session: Session, hub: Hub, parent: QWidget, path: str | None = None) -> None:
    """Ask for a file (unless given), check it off the UI thread, show the report, write when asked."""
    if path is None:
        path, _ = QFileDialog.getOpenFileName(
            parent, QCoreApplication.translate("ImportDialog", "导入企业"), str(Path.home()), FILE_FILTER
        )
    if not path:
        return

    def checked(report: object) -> None:
        assert isinstance(report, ImportReport)
        dialog = ImportReportDialog(report, parent)
        if not dialog.exec():
            return
        if dialog.skip_invalid:
            report.mode = "skip"
        run_with_progress(
            parent,
            QCoreApplication.translate("ImportDialog", "正在写入…"),
            lambda: firm_ops.import_firms(session, report, current_user()),
            written,
            lambda e: show_error(parent, e),
        )

    def written(result: object) -> None:
        assert isinstance(result, OpResult) and isinstance(result.value, ImportReport)
        hub.apply(result)
        QMessageBox.information(
            parent,
            QCoreApplication.translate("ImportDialog", "导入企业"),
            result.value.summary(i18n.current()),
        )

    run_with_progress(
        parent,
        QCoreApplication.translate("ImportDialog", "正在检查文件…"),
        lambda: firm_ops.plan_import(session, path),
        checked,
        lambda e: show_error(parent, e),
        cancel_text=QCoreApplication.translate("ImportDialog", "取消"),
    )
