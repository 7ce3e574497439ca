"""The desktop app (桌面程序): QApplication, the bundled CJK font, the translator, the session, the window.

Start-up stays light: the window's heavy parts (PDF letters, other panels) are imported when first used.
Any failure to open the data becomes a dialog in words (offering the newest good backup), never a
traceback; details go to `offer-desk.log` in the data folder.
"""

from __future__ import annotations

# isort: off
import qt_app.ui  # noqa: F401  (first: PySide6 with its fixes, before the layers below load)

# isort: on
import gc
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QWidget

from qt_app import paths
from qt_app.services.session import Session
from qt_app.store.errors import StoreCorrupt, StoreError
from qt_app.ui import errors, i18n, settings

if TYPE_CHECKING:
    from qt_app.ui.main_window import MainWindow

APP_FONT_PT = 10


def setup_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with names, high-DPI rounding and the bundled CJK font as the app font."""
    app = QApplication.instance()
    if isinstance(app, QApplication) and app.property("offerDeskReady"):
        return app  # already set up (run_app, then start): the font is not registered twice
    if not isinstance(app, QApplication):
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(settings.ORGANIZATION)
    app.setApplicationName(settings.APPLICATION)
    app.setApplicationDisplayName("招商政策测算台 Offer Desk")
    app.setWindowIcon(QIcon(str(paths.resource("icons", "app.svg"))))
    use_bundled_font(app)
    app.setProperty("offerDeskReady", True)
    return app


def use_bundled_font(app: QApplication) -> str:
    """Register WenQuanYi Micro Hei and make it the app font, so Chinese never shows as boxes."""
    font_id = QFontDatabase.addApplicationFont(str(paths.font_path()))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        errors.log.warning("bundled font not loaded: %s", paths.font_path())
        return ""
    font = QFont(families[0], APP_FONT_PT)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    app.setFont(font)
    return families[0]


def open_session(data_dir: str | Path | None, lang: str, parent: QWidget | None = None) -> Session | None:
    """Open the data folder; on failure explain in words and offer the newest good backup."""
    folder = paths.data_dir(data_dir)
    errors.setup_logging(folder)
    while True:
        try:
            session = Session.open(data_dir, lang=lang)
        except StoreError as e:
            errors.log.error("cannot open the store: %s", e.en)
            if not _offer_backup(e, parent):
                return None
        except Exception as e:  # the session could not start at all: say so, log the details
            errors.log.exception("cannot start")
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.critical(parent, QCoreApplication.translate("App", "无法启动"), errors.describe(e))
            return None
        else:
            if session.store.damaged:  # readable but damaged: read-only, with the newest good backup offered
                from qt_app.ui.integrity_check import offer_restore

                offer_restore(session, None, parent, session.store.damaged)
            return session


def _offer_backup(e: StoreError, parent: QWidget | None) -> bool:
    """Tell the user what is wrong; True when they chose to restore the newest backup (then retry)."""
    from PySide6.QtWidgets import QMessageBox  # dialogs load when needed (start-up time)

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("App", "无法打开数据库"))
    box.setText(e.message(i18n.current()))
    restore = None
    if isinstance(e, StoreCorrupt) and e.backup is not None and e.path is not None:
        box.setInformativeText(
            QCoreApplication.translate("App", "可以用最近的完好备份替换损坏的文件（损坏的文件会改名保留）。")
        )
        restore = box.addButton(
            QCoreApplication.translate("App", "用最近的备份恢复"), QMessageBox.ButtonRole.AcceptRole
        )
    box.addButton(QCoreApplication.translate("App", "退出"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if restore is None or box.clickedButton() is not restore or e.path is None or e.backup is None:
        return False
    return _replace_with_backup(e.path, e.backup, parent)


def _replace_with_backup(damaged: Path, backup: Path, parent: QWidget | None) -> bool:
    """Keep the damaged file under another name and put the backup in its place."""
    import shutil
    from datetime import datetime

    from PySide6.QtWidgets import QMessageBox

    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    try:
        for suffix in ("", "-wal", "-shm"):
            part = Path(f"{damaged}{suffix}")
            if part.exists():
                part.rename(part.with_name(f"{part.name}.damaged-{stamp}"))
        shutil.copy2(backup, damaged)
    except OSError as err:
        errors.log.error("restore from backup failed: %s", err)
        QMessageBox.critical(
            parent,
            QCoreApplication.translate("App", "恢复失败"),
            QCoreApplication.translate("App", "无法用备份替换数据库文件：{why}").format(why=err.strerror),
        )
        return False
    return True


def run_app(lang: str = "zh", data_dir: str | None = None) -> int:
    """Start the desktop app; returns the exit code."""
    app = setup_application()  # held here for the whole event loop
    window = start(lang, data_dir)
    if window is None:
        gc.enable()
        return 1
    code = app.exec()
    window.session.close()
    return int(code)


def start(lang: str = "zh", data_dir: str | None = None) -> MainWindow | None:
    """Everything up to the shown window: the application, language, the session, the window.

    The firm list paints first; the window loads the policy and the write path in the idle turns
    after (`window.warm_up`). None when the data could not be opened (the user was told why).
    """
    setup_application()
    folder = data_dir or settings.get(settings.DATA_DIR) or None
    settings.use_folder(paths.data_dir(folder))  # this profile's language and layout, not another's
    chosen = settings.get(settings.LANGUAGE) if lang == "zh" and "--lang" not in sys.argv else lang
    i18n.install(chosen)
    errors.install_excepthook()
    session = open_session(folder, i18n.current())
    if session is None:
        gc.enable()
        return None
    window = make_window(session)
    # The collector, paused by the launcher for start-up, runs again once the window is warm (or after
    # 5 s at the latest, should the window never paint).
    window.warm_up.finished.connect(gc.enable)
    QTimer.singleShot(5000, gc.enable)
    window.show()
    return window


def make_window(session: Session) -> MainWindow:
    from qt_app.ui.main_window import MainWindow

    window = MainWindow(session)
    app = QApplication.instance()
    if app is not None:
        app.setProperty("mainWindow", window)
    return window


def switch_language(window: QWidget, lang: str) -> QWidget | None:
    """Rebuild the window in another language (asks about unsaved changes first); None if cancelled."""
    from qt_app.ui.main_window import MainWindow

    if not isinstance(window, MainWindow) or not window.editor.maybe_leave():
        return None
    window.save_layout()
    window.editor.discard_draft()
    window.hide()  # hidden first: its panels only note the language change, the new window does the work
    i18n.install(lang)
    settings.put(settings.LANGUAGE, lang)
    window.session.lang = lang
    fresh = make_window(window.session)
    fresh.show()
    window.close_quietly()
    window.deleteLater()
    return fresh
