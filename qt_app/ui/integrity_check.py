"""检查数据文件 (Check data file): the full integrity check off the UI thread, and the offer to put the newest
good backup back when the file is damaged. The check is a service (`services.firms.check_data_file`), the
restore an operation (`services.operations.backups.restore_newest_good`); this module only asks and tells.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from qt_app.domain.errors import DomainError
from qt_app.services.firms import CheckReport, check_data_file, newest_good_backup
from qt_app.services.operations import backups as backup_ops
from qt_app.services.operations import current_user
from qt_app.services.session import Session
from qt_app.ui import i18n
from qt_app.ui.errors import show_error
from qt_app.ui.hub import Hub
from qt_app.ui.workers import run_with_progress


def _tr(text: str) -> str:
    return QCoreApplication.translate("IntegrityCheck", text)


def run_check(
    session: Session, hub: Hub | None, parent: QWidget, then: Callable[[], None] | None = None
) -> None:
    """Check the file in full (a few seconds for a big file) with a progress dialog; say what was found."""

    def done(report: object) -> None:
        assert isinstance(report, CheckReport)
        if report.ok:
            QMessageBox.information(parent, _tr("检查数据文件"), report.summary(i18n.current()))
        else:
            offer_restore(session, hub, parent, report.problems)
        if then is not None:
            then()

    run_with_progress(
        parent,
        _tr("正在检查数据文件…"),
        lambda: check_data_file(session.store),
        done,
        lambda e: show_error(parent, e),
    )


def offer_restore(
    session: Session, hub: Hub | None, parent: QWidget | None, problems: tuple[str, ...] | list[str]
) -> bool:
    """The file is damaged (and now read-only): say so, and offer the newest good backup. True if restored."""
    store = session.store
    good = newest_good_backup(store)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(_tr("数据文件已损坏"))
    box.setText(
        _tr("数据文件未通过完整性检查（已损坏），已以只读方式打开，文件保持原样未被改动：{path}").format(
            path=store.path
        )
    )
    box.setDetailedText("\n".join(problems))
    restore = None
    if good is not None:
        box.setInformativeText(
            _tr("可以用最近的完好备份恢复（{backup}）；损坏的文件会改名保留，不会删除。").format(backup=good)
        )
        restore = box.addButton(_tr("用最近的完好备份恢复"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(_tr("以只读方式继续"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if restore is None or box.clickedButton() is not restore:
        return False
    try:
        result = backup_ops.restore_newest_good(session, current_user())
    except DomainError as e:
        show_error(parent, e)
        return False
    if hub is not None:  # at start there is no window yet: nothing to tell
        hub.apply(result)
    kept = result.value
    QMessageBox.information(
        parent,
        _tr("检查数据文件"),
        _tr("已从备份恢复：{backup}。损坏的文件保留为：{kept}").format(backup=good, kept=Path(str(kept))),
    )
    return True
