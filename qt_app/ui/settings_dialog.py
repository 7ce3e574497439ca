"""设置 (Settings): issuing office, 文号 prefix, signers, office role (and bundle conflicts, headquarters' key at an
outpost), language, data folder, backups; 年度预算.

Office, prefix, signers and the budgets (item × year, `budget_table`) are stored in the database; language and
the data folder are this computer's preferences. A language change applies at once (the window is rebuilt);
a new data folder applies at the next start.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from qt_app.domain.errors import DomainError, ValidationError
from qt_app.domain.offices import HQ_KEY, ROLE_LABELS, ROLES, SETTING
from qt_app.services import letters as letters_svc
from qt_app.services.offices import office_role
from qt_app.services.operations import OpResult, current_user
from qt_app.services.operations import backups as backup_ops
from qt_app.services.operations.office import save_office_settings
from qt_app.services.session import Session
from qt_app.ui import i18n, settings
from qt_app.ui.budget_table import BudgetTable
from qt_app.ui.conflicts_dialog import ConflictsDialog
from qt_app.ui.errors import show_error
from qt_app.ui.hq_key_field import HqKeyField
from qt_app.ui.hub import Hub
from qt_app.ui.models.firm_table import local_time
from qt_app.ui.workers import run_with_progress

KIND_LABELS = {
    "daily": ("每日自动", "daily"),
    "manual": ("手动", "manual"),
    "pre-restore": ("恢复前", "before restore"),
    "pre-migration": ("升级前", "before upgrade"),
}


class SettingsDialog(QDialog):
    """The settings; OK saves the database settings and the preferences."""

    def __init__(self, session: Session, hub: Hub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.hub = hub
        self.setWindowTitle(self.tr("设置"))
        store = session.store
        self.office = QLineEdit(store.get_setting("issuing_office"), self)
        self.prefix = QLineEdit(store.get_setting("doc_prefix"), self)
        self.signer = QLineEdit(store.get_setting("signer"), self)
        self.signer.setPlaceholderText(self.tr("多位签发人用“、”分隔"))
        contact, cc = letters_svc.letter_contact(store)
        self.contact_name = QLineEdit(contact.name, self)
        self.contact_phone = QLineEdit(contact.phone, self)
        self.contact_phone.setPlaceholderText("0578-6812345")
        self.copies = QLineEdit(cc, self)
        self.copies.setPlaceholderText(self.tr("如：县财政局、县经信局（可不填）"))
        self.role = QComboBox(self)  # 本机角色: what bundles carry and which claim steps are recorded here
        self.role.setObjectName("officeRole")
        for role in ROLES:
            self.role.addItem(i18n.pick(ROLE_LABELS[role]), role)
        self.role.setCurrentIndex(max(self.role.findData(office_role(store)), 0))
        self.hq_key = HqKeyField(
            store, self
        )  # 总部密钥: an outpost merges headquarters' records only from it
        self.role.currentIndexChanged.connect(
            lambda _i: self.hq_key.follow_role(str(self.role.currentData()), not store.read_only)
        )
        self.hq_key.follow_role(str(self.role.currentData()), not store.read_only)
        self.language = QComboBox(self)
        self.language.addItem("中文", "zh")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(self.language.findData(i18n.current()), 0))
        self.language_note = QLabel(self.tr("切换语言后窗口立即以新语言重建，未保存的修改会先提示。"), self)
        self.language_note.setWordWrap(True)

        letters = QGroupBox(self.tr("发文"), self)
        lf = QFormLayout(letters)
        lf.addRow(self.tr("发文机关"), self.office)
        lf.addRow(self.tr("文号前缀"), self.prefix)
        lf.addRow(self.tr("签发人"), self.signer)
        lf.addRow(self.tr("联系人"), self.contact_name)
        lf.addRow(self.tr("电话"), self.contact_phone)
        lf.addRow(self.tr("抄送"), self.copies)
        conflicts = QPushButton(self.tr("数据包冲突…"), self)
        conflicts.setObjectName("bundleConflicts")
        conflicts.clicked.connect(lambda: ConflictsDialog(session, hub, self).exec())
        role_row = QHBoxLayout()
        role_row.addWidget(self.role, 1)
        role_row.addWidget(conflicts)
        lf.addRow(self.tr("本机角色"), role_row)
        lf.addRow(self.tr("总部密钥"), self.hq_key)
        QWidget.setTabOrder(self.role, conflicts)  # Tab follows the rows: role, its button, then 总部密钥
        QWidget.setTabOrder(conflicts, self.hq_key.choice)

        general = QGroupBox(self.tr("界面"), self)
        gf = QFormLayout(general)
        gf.addRow(self.tr("语言"), self.language)
        gf.addRow(self.language_note)

        folder = QGroupBox(self.tr("数据文件夹"), self)
        ff = QVBoxLayout(folder)
        self.folder_label = QLabel(str(store.folder), self)
        self.folder_label.setWordWrap(True)
        self.folder_label.setObjectName("dataFolder")
        open_button = QPushButton(self.tr("打开文件夹"), self)
        open_button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(store.folder))))
        change_button = QPushButton(self.tr("更改…"), self)
        change_button.clicked.connect(self._choose_folder)
        self.folder_note = QLabel(self)
        self.folder_note.setWordWrap(True)
        self.folder_note.hide()  # until a new folder is chosen: the dialog fits a 1366×768 screen
        row = QHBoxLayout()
        row.addWidget(self.folder_label, 1)
        row.addWidget(open_button)
        row.addWidget(change_button)
        ff.addLayout(row)
        ff.addWidget(self.folder_note)

        backups = QGroupBox(self.tr("备份"), self)
        bl = QVBoxLayout(backups)
        self.backups = QListWidget(self)
        self.backups.setObjectName("backupList")
        backup_now = QPushButton(self.tr("立即备份"), self)
        backup_now.clicked.connect(lambda: run_backup(session, hub, self, self.fill_backups))
        self.restore_button = QPushButton(self.tr("从所选备份恢复…"), self)
        self.restore_button.clicked.connect(self.restore_selected)
        self.backups.currentRowChanged.connect(
            lambda r: self.restore_button.setEnabled(r >= 0 and not store.read_only)
        )
        check = QPushButton(self.tr("检查数据文件"), self)
        check.setObjectName("checkDataFile")
        check.clicked.connect(self.check_data_file)
        brow = QHBoxLayout()
        brow.addWidget(backup_now)
        brow.addWidget(self.restore_button)
        brow.addWidget(check)
        brow.addStretch(1)
        bl.addWidget(self.backups)
        self.no_backups = QLabel(self.tr("还没有备份。每天首次打开时会自动备份，也可随时“立即备份”。"), self)
        self.no_backups.setWordWrap(True)
        bl.addWidget(self.no_backups)
        bl.addLayout(brow)
        backup_now.setEnabled(not store.read_only)

        self.buttons = buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        general_page = QWidget(self)
        general_layout = QVBoxLayout(general_page)
        for box in (letters, general, folder, backups):
            general_layout.addWidget(box)
        self.budgets = BudgetTable(session, hub, self)
        self.tabs = QTabWidget(self)
        self.general_scroll = general_scroll = QScrollArea(
            self
        )  # a short screen (1366×768 with a taskbar) scrolls, never hides OK
        general_scroll.setWidget(general_page)
        general_scroll.setWidgetResizable(True)
        general_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        general_scroll.setHorizontalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )  # wide enough: _fit_screen
        self.tabs.addTab(general_scroll, self.tr("常规"))
        self.tabs.addTab(self.budgets, self.tr("年度预算"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.general_page = general_page
        for edit in (
            self.office,
            self.prefix,
            self.signer,
            self.contact_name,
            self.contact_phone,
            self.copies,
            self.role,
        ):
            edit.setEnabled(not store.read_only)
        self.fill_backups()
        self.resize(640, 560)
        self._fitted = False

    def showEvent(self, event: QShowEvent) -> None:
        if not self._fitted:  # measured once laid out: wrapped notes and a hidden list are counted right
            self._fitted = True
            self._fit_screen()
        super().showEvent(event)

    def _fit_screen(self) -> None:
        """As tall as the 常规 page needs, but no taller than the screen holds (1366×768 with a taskbar): the
        page scrolls and OK stays in sight."""
        chrome = self.height() - self.general_scroll.height()  # the tab bar, the buttons, the margins
        bar = self.general_scroll.verticalScrollBar().sizeHint().width()  # shown when the screen is short
        width = max(640, self.general_page.minimumSizeHint().width() + 30 + bar)  # English labels are wider
        page = self.general_page.heightForWidth(width - 30)  # wrapped notes at the page's own width
        room = self.screen().availableGeometry().height() - 40  # the window's title bar
        self.resize(width, max(560, min(page + chrome, room)))

    def fill_backups(self) -> None:
        self.backups.clear()
        for info in sorted(self.session.store.list_backups(), key=lambda b: b.taken_at, reverse=True):
            kind = i18n.pick(KIND_LABELS.get(info.kind, (info.kind, info.kind)))
            text = f"{local_time(info.taken_at.isoformat())}  ·  {kind}  ·  {info.size // 1024} KB"
            item = QListWidgetItem(text, self.backups)
            item.setData(256, str(info.path))
            item.setToolTip(str(info.path))
        self.restore_button.setEnabled(False)
        self.no_backups.setVisible(self.backups.count() == 0)
        self.backups.setVisible(self.backups.count() > 0)

    def check_data_file(self) -> None:
        """检查数据文件: the full integrity check; a damaged file is offered the newest good backup."""
        from qt_app.ui.integrity_check import run_check

        run_check(self.session, self.hub, self, self.fill_backups)

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("选择数据文件夹"), str(self.session.store.folder)
        )
        if chosen:
            settings.put(settings.DATA_DIR, chosen)
            self.folder_note.setText(self.tr("下次启动时使用：{path}").format(path=chosen))
            self.folder_note.show()

    def restore_selected(self) -> None:
        item = self.backups.currentItem()
        if item is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("从备份恢复"),
            self.tr("用所选备份替换当前数据？恢复前会先自动备份当前数据，可随时再恢复回来。"),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        source = Path(str(item.data(256)))
        if (
            self.hub.run(lambda: backup_ops.restore_backup(self.session, source, current_user()), self)
            is None
        ):
            return
        self.fill_backups()
        QMessageBox.information(self, self.tr("从备份恢复"), self.tr("已从备份恢复。"))

    def accept(self) -> None:
        store = self.session.store
        if not store.read_only and not self.budgets.save():
            self.tabs.setCurrentWidget(self.budgets)  # a cell is not an amount: said under the table
            return
        if not store.read_only:
            values = {
                "issuing_office": self.office.text(),
                "doc_prefix": self.prefix.text(),
                "signer": self.signer.text(),
                letters_svc.CONTACT_NAME: self.contact_name.text(),
                letters_svc.CONTACT_PHONE: self.contact_phone.text(),
                letters_svc.LETTER_CC: self.copies.text(),
                SETTING: str(self.role.currentData()),
                HQ_KEY: self.hq_key.value(),
            }
            try:
                result = save_office_settings(self.session, values, current_user())
            except ValidationError as e:
                if any(p.path == HQ_KEY for p in e.problems):  # said under the choice, the dialog stays open
                    en = i18n.current() == "en"
                    self.hq_key.show_problem(" ".join(p.en if en else p.zh for p in e.problems))
                    self.hq_key.choice.setFocus()
                    return
                show_error(self, e)
                return
            except DomainError as e:
                show_error(self, e)
                return
            self.hub.apply(result)
        settings.put(settings.LANGUAGE, str(self.language.currentData()))
        super().accept()

    def chosen_language(self) -> str:
        return str(self.language.currentData())


def run_backup(session: Session, hub: Hub, parent: QWidget, then: object = None) -> None:
    """立即备份, off the UI thread, with a progress dialog; cancelling removes the copy it made."""

    def done(result: object) -> None:
        assert isinstance(result, OpResult)
        hub.apply(result)
        path = result.value
        if callable(then):
            then()
        QMessageBox.information(
            parent,
            QCoreApplication.translate("SettingsDialog", "备份"),
            QCoreApplication.translate("SettingsDialog", "已备份到：{path}").format(path=path),
        )

    def cancelled(result: object) -> None:
        if isinstance(result, OpResult) and isinstance(result.value, Path):
            result.value.unlink(missing_ok=True)

    run_with_progress(
        parent,
        QCoreApplication.translate("SettingsDialog", "正在备份…"),
        lambda: backup_ops.backup_now(session),
        done,
        lambda e: show_error(parent, e),
        cancelled,
        cancel_text=QCoreApplication.translate("SettingsDialog", "取消"),
    )
