"""The window's chrome (菜单、工具栏、状态栏): menus and toolbar from the action registry, the status line.

Kept apart from `main_window` so that file only assembles screens and wires them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontMetrics, QKeySequence
from PySide6.QtWidgets import QLabel, QToolButton

from qt_app.ui import i18n
from qt_app.ui.actions import CONTEXT, MENUS, TOOLBAR, icon
from qt_app.ui.models.firm_table import local_time
from qt_app.ui.widgets.labels import emphasise, tint

if TYPE_CHECKING:
    from qt_app.ui.main_window import MainWindow


def build_menus(window: MainWindow) -> None:
    """Undo/redo from the undo group, the menus and the toolbar as the action registry declares them."""
    undo = window.undo_group.createUndoAction(window, QCoreApplication.translate("MainWindow", "撤销"))
    undo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
    redo = window.undo_group.createRedoAction(window, QCoreApplication.translate("MainWindow", "重做"))
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence(QKeySequence.StandardKey.Redo)])
    undo.setIcon(icon("undo"))
    redo.setIcon(icon("redo"))
    window.addAction(undo)
    window.addAction(redo)
    window.actions_by_name["undo"] = undo
    window.actions_by_name["redo"] = redo
    for title, names in MENUS:  # the layout is declared in the action registry
        menu = window.menuBar().addMenu(QCoreApplication.translate(CONTEXT, title))
        for name in names:
            if name is None:
                menu.addSeparator()
            else:
                menu.addAction(window.actions_by_name[name])
    window.toolbar = window.addToolBar(QCoreApplication.translate("MainWindow", "工具栏"))
    window.toolbar.setObjectName("mainToolbar")
    window.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    window.toolbar.setMovable(False)
    for name in TOOLBAR:
        if name is None:
            window.toolbar.addSeparator()
        else:
            window.toolbar.addAction(window.actions_by_name[name])
    for name in ("undo", "redo"):  # their text names the step ("撤销 修改…"): icon + tooltip only
        button = window.toolbar.widgetForAction(window.actions_by_name[name])
        if isinstance(button, QToolButton):
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)


def build_status(window: MainWindow) -> None:
    """The status bar: read-only notice, data file, policy in force, newest backup."""
    window.read_only_label = QLabel(window)
    emphasise(tint(window.read_only_label, "#8a5a00"))
    window.file_label = QLabel(window)
    window.policy_label = QLabel(window)
    window.backup_label = QLabel(window)
    for label in (window.read_only_label, window.file_label, window.policy_label, window.backup_label):
        window.statusBar().addPermanentWidget(label)
    notice = window.session.store.notice
    window.read_only_label.setText(i18n.pick(notice) if notice else "")
    window.read_only_label.setVisible(bool(notice))
    update_status(window)


def update_status(window: MainWindow) -> None:
    store = window.session.store
    path = QFontMetrics(window.file_label.font()).elidedText(
        str(store.path), Qt.TextElideMode.ElideMiddle, 300
    )
    window.file_label.setText(QCoreApplication.translate("MainWindow", "数据文件：{path}").format(path=path))
    window.file_label.setToolTip(str(store.path))
    if window.session.policy_loaded:  # read in the first idle turn after the list has painted
        show_policy(window)
    backups = store.list_backups()
    newest = max((b.taken_at for b in backups), default=None)
    when = local_time(newest.isoformat()) if newest else QCoreApplication.translate("MainWindow", "尚无")
    window.backup_label.setText(
        QCoreApplication.translate("MainWindow", "最近备份：{when}").format(when=when)
    )


def show_policy(window: MainWindow) -> None:
    policy = window.session.policy
    title = policy.title_en if i18n.current() == "en" else policy.short_title
    short = QFontMetrics(window.policy_label.font()).elidedText(title, Qt.TextElideMode.ElideRight, 260)
    window.policy_label.setText(
        QCoreApplication.translate("MainWindow", "现行政策：{title}（{version}）").format(
            title=short, version=policy.version
        )
    )
    window.policy_label.setToolTip(f"{title} {policy.version}")


def offer_draft(window: MainWindow, file_name: str) -> None:
    """After the window is on screen: offer back a draft left by a crash (or drop it)."""
    path = window.session.store.folder / file_name
    if window.session.store.read_only or not path.exists():
        return  # the usual start: no draft, so the form's module (~15 ms) is not loaded for nothing
    from PySide6.QtWidgets import QMessageBox

    from qt_app.ui.firm_form import read_draft
    from qt_app.ui.main_window import PACKAGE

    payload = read_draft(path)
    if payload is None:
        return
    name = str(payload["values"].get("name") or QCoreApplication.translate("MainWindow", "新企业"))
    answer = QMessageBox.question(
        window,
        QCoreApplication.translate("MainWindow", "恢复未保存的草稿"),
        QCoreApplication.translate(
            "MainWindow", "上次关闭前，“{name}”有未保存的修改。要恢复这份草稿吗？"
        ).format(name=name),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
    )
    if answer == QMessageBox.StandardButton.Yes and window.editor.restore_draft(payload):
        window.show_screen(PACKAGE)
    else:
        path.unlink(missing_ok=True)


def open_data_folder(window: MainWindow) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    QDesktopServices.openUrl(QUrl.fromLocalFile(str(window.session.store.folder)))


def about(window: MainWindow, version: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.about(
        window,
        QCoreApplication.translate("MainWindow", "关于"),
        QCoreApplication.translate(
            "MainWindow", "招商政策测算台 {version}\n青田县投资促进 · 元宇宙产业政策测算"
        ).format(version=version),
    )
