"""Small dialogs of the firm list: change stage (with a reason for 终止), add a contact entry, the trash."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qt_app.domain.firm import STAGE_LABELS, Firm, Stage
from qt_app.store.models import FirmRow
from qt_app.ui import i18n
from qt_app.ui.models.contacts import CONTACT_KINDS
from qt_app.ui.models.firm_table import local_time


class StageDialog(QDialog):
    """变更阶段: pick the new stage; 终止 needs a reason before OK is allowed."""

    def __init__(self, firm: Firm, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("变更阶段：{name}").format(name=firm.name))
        form = QFormLayout(self)
        self.stage = QComboBox(self)
        for stage, pair in STAGE_LABELS.items():
            self.stage.addItem(i18n.pick(pair), stage.value)
        self.stage.setCurrentIndex(max(self.stage.findData(firm.stage.value), 0))
        self.reason = QLineEdit(firm.stage_reason, self)
        self.reason.setPlaceholderText(self.tr("终止时必须说明原因"))
        self.message = QLabel(self)
        self.message.setStyleSheet("color: #b3261e;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        form.addRow(self.tr("新阶段"), self.stage)
        form.addRow(self.tr("原因"), self.reason)
        form.addRow(self.message)
        form.addRow(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.stage.currentIndexChanged.connect(self._check)
        self.reason.textChanged.connect(self._check)
        self._check()

    def chosen(self) -> tuple[Stage, str]:
        return Stage(self.stage.currentData()), self.reason.text().strip()

    def _check(self) -> None:
        stage, reason = self.chosen()
        missing = stage is Stage.TERMINATED and not reason
        self.message.setText(self.tr("终止须说明原因") if missing else "")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not missing)


class ContactDialog(QDialog):
    """添加联络记录: date, kind, who was met, what was said, the next step."""

    def __init__(self, firm_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("联络记录：{name}").format(name=firm_name))
        form = QFormLayout(self)
        self.when = QDateEdit(QDate.currentDate(), self)
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd")
        self.kind = QComboBox(self)
        for key, pair in CONTACT_KINDS:
            self.kind.addItem(i18n.pick(pair), key)
        self.who = QLineEdit(self)
        self.notes = QPlainTextEdit(self)
        self.next_step = QLineEdit(self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("添加"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        form.addRow(self.tr("日期"), self.when)
        form.addRow(self.tr("方式"), self.kind)
        form.addRow(self.tr("联系人"), self.who)
        form.addRow(self.tr("内容"), self.notes)
        form.addRow(self.tr("下一步"), self.next_step)
        form.addRow(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

    def entry(self) -> tuple[date, str, str, str, str]:
        d = self.when.date()
        return (
            date(d.year(), d.month(), d.day()),
            str(self.kind.currentData()),
            self.who.text().strip(),
            self.notes.toPlainText().strip(),
            self.next_step.text().strip(),
        )


class TrashDialog(QDialog):
    """回收站: deleted firms, newest first; restoring one closes the dialog with its id."""

    def __init__(self, rows: list[FirmRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("回收站"))
        self.resize(520, 400)
        layout = QVBoxLayout(self)
        self.list = QListWidget(self)
        for row in rows:
            when = local_time(row.deleted_at or row.modified_at)
            item = QListWidgetItem(
                self.tr("{name}（删除于 {when}）").format(name=row.name, when=when), self.list
            )
            item.setData(Qt.ItemDataRole.UserRole, row.id)
        empty = QLabel(self.tr("回收站是空的。"), self)
        empty.setVisible(not rows)
        self.restore = QPushButton(self.tr("恢复所选"), self)
        self.restore.setEnabled(False)
        close = QPushButton(self.tr("关闭"), self)
        self.list.currentRowChanged.connect(lambda r: self.restore.setEnabled(r >= 0))
        self.restore.clicked.connect(self.accept)
        close.clicked.connect(self.reject)
        layout.addWidget(empty)
        layout.addWidget(self.list)
        layout.addWidget(self.restore)
        layout.addWidget(close)

    def chosen_id(self) -> str:
        item = self.list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else ""
