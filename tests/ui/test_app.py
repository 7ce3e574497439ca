"""The app as a whole: starts on an empty folder with demo firms, meeting mode, English, geometry kept."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QLabel

from qt_app.ui.main_window import PACKAGE, MainWindow
from qt_app.ui.models.firm_table import ID_ROLE


def test_the_app_opens_an_empty_folder_with_demo_firms(qtbot, _private_data_dir: Path, no_dialogs) -> None:  # type: ignore[no-untyped-def]
    from qt_app.app import open_session

    session = open_session(_private_data_dir, "zh")
    assert session is not None
    try:
        w = MainWindow(session)
        w.show()
        assert w.firms.model.total >= 20 and "offer-desk" in w.file_label.text()
        # The list paints first; the policy (status bar, domain filter, totals) follows in the next idle turns.
        qtbot.waitUntil(lambda: w.warm_up.done)
        assert w.session.policy.version in w.policy_label.text()
        assert w.firms.domain_filter.count() > 1
        assert (_private_data_dir / "offer-desk.log").exists()
        w.close()
    finally:
        session.close()
    assert no_dialogs == []


def test_a_damaged_database_is_explained_in_words(qtbot, _private_data_dir: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from qt_app.app import open_session

    (_private_data_dir / "offer-desk.sqlite3").write_bytes(b"this is not a database" * 100)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    assert open_session(_private_data_dir, "zh") is None
    assert shown and "不是数据库" in shown[0] and "Traceback" not in shown[0]


def test_the_bundled_font_is_the_app_font(qapp) -> None:  # type: ignore[no-untyped-def]
    from qt_app.app import use_bundled_font

    family = use_bundled_font(qapp)
    assert family and QApplication.font().family() == family
    from PySide6.QtGui import QFontMetrics

    assert QFontMetrics(QApplication.font()).inFontUcs4(ord("青"))


def test_meeting_mode_hides_everything_internal_and_the_same_key_returns(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    firm_id = window.firms.model.index(0, 0).data(ID_ROLE)
    window.open_firm(firm_id)
    action = window.action("meeting_mode")
    assert "F11" in [s.toString() for s in action.shortcuts()]
    action.trigger()
    assert window.in_meeting
    assert not window.menuBar().isVisible() and not window.statusBar().isVisible()
    assert not window.firms.isVisible() and not window.editor.isVisible()
    action.trigger()
    assert not window.in_meeting and window.editor.isVisible() and window.statusBar().isVisible()


def test_english_shows_english_labels(qtbot, session, no_dialogs) -> None:  # type: ignore[no-untyped-def]
    from qt_app.ui import i18n

    assert i18n.install("en")
    w = MainWindow(session)
    w.show()
    try:
        assert w.action("new_firm").text() == "New firm"
        assert w.nav.item(0).text() == "Firms"
        assert (
            w.firms.model.headerData(
                0, __import__("PySide6.QtCore", fromlist=["Qt"]).Qt.Orientation.Horizontal
            )
            == "Firm"
        )
        assert w.editor.ui.tabs.tabText(0) == "Identity"
        assert [a.text() for a in w.menuBar().actions()] == ["&File", "&Edit", "&View", "&Help"]
        stages = {w.firms.model.index(r, 2).data() for r in range(w.firms.model.rowCount())}
        assert stages <= {
            "Lead",
            "Contact",
            "Negotiating",
            "Policy talks",
            "Signed",
            "Landed",
            "Producing",
            "Terminated",
        }
    finally:
        w.editor.load_firm(None)
        w.close()


def test_the_revenue_award_moves_when_revenue_changes(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = window.panel("package")
    if isinstance(panel, QLabel) or not hasattr(panel, "package"):
        return  # the package panel is not part of this build
    firm_id = window.firms.model.index(0, 0).data(ID_ROLE)
    window.open_firm(firm_id)
    qtbot.waitUntil(lambda: panel.package() is not None and panel.package().firm_id == firm_id, timeout=3000)

    def revenue_award() -> int:
        return sum(line.amount for line in panel.package().lines if line.item_id == "revenue")

    before = revenue_award()
    ed = window.editor
    ed.ui.tabs.setCurrentWidget(ed.ui.revenueTab)
    model = ed.ui.revenueTable.model()
    assert model.rowCount() > 0
    row = model.rowCount() - 1
    model.setData(model.index(row, 1), "9亿")  # the last planned year jumps far above every threshold
    qtbot.waitUntil(lambda: revenue_award() != before, timeout=3000)
    assert revenue_award() > before
    assert ed.parsed is not None
    assert panel.package().total == window.session.package(ed.parsed[0]).total  # what the service computes


def test_window_geometry_and_screen_are_remembered(qtbot, session, no_dialogs) -> None:  # type: ignore[no-untyped-def]
    from qt_app.ui import settings

    w = MainWindow(session)
    w.show()
    w.resize(980, 650)
    w.show_screen(PACKAGE)
    w.editor.load_firm(None)
    size = (w.size().width(), w.size().height())
    w.close()
    again = MainWindow(session)
    again.show()
    try:
        assert again.nav.currentRow() == PACKAGE
        assert again.size().height() == size[1]  # (offscreen Qt pins the width to its own screen rules)
        assert not settings.get(settings.WINDOW_GEOMETRY).isEmpty()
    finally:
        again.editor.load_firm(None)
        again.close()


def test_an_unexpected_error_becomes_a_dialog_in_words_and_a_log_entry(
    qtbot, _private_data_dir, no_dialogs
) -> None:  # type: ignore[no-untyped-def]
    from qt_app.ui import errors

    log = errors.setup_logging(_private_data_dir)
    try:
        raise KeyError("internal detail")
    except KeyError as e:
        errors.excepthook(type(e), e, e.__traceback__)
    assert no_dialogs and "意外错误" in no_dialogs[0] and "Traceback" not in no_dialogs[0]
    assert log is not None
    for handler in errors.log.handlers:
        handler.flush()
    text = log.read_text(encoding="utf-8")
    assert "Traceback" in text and "internal detail" in text


def test_every_screen_opens_from_the_navigation(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from qt_app.ui.main_window import SCREENS

    for index, (action_name, key) in enumerate(SCREENS):
        window.action(action_name).trigger()
        assert window.pages.currentIndex() == index
        shown = window.pages.currentWidget()
        assert shown is not None and shown.isVisible()
        if index > 1:
            from PySide6.QtWidgets import QScrollArea

            assert isinstance(shown, QScrollArea) and shown.widget() is window.panel(key), key
            assert not isinstance(window.panel(key), QLabel), key


def test_escape_also_leaves_meeting_mode(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    window.action("meeting_mode").trigger()
    assert window.in_meeting
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.in_meeting and not window.action("meeting_mode").isChecked()


def test_the_policy_loads_when_the_window_reopens_on_another_screen(qtbot, session, no_dialogs) -> None:  # type: ignore[no-untyped-def]
    from qt_app.ui import settings
    from qt_app.ui.main_window import EXPOSURE

    from .conftest import delete_now

    settings.put(settings.LAST_SCREEN, EXPOSURE)  # the firm list is hidden at start
    w = MainWindow(session)
    try:
        w.show()
        qtbot.waitUntil(lambda: w.warm_up.done)
        assert w.pages.currentIndex() == EXPOSURE
        assert w.session.policy.version in w.policy_label.text()
        assert w.firms.domain_filter.count() > 1
    finally:
        w.close()
        delete_now(w)


def test_qts_own_buttons_follow_the_ui_language(qapp) -> None:  # type: ignore[no-untyped-def]
    """Qt's standard buttons (QMessageBox, file dialogs…) speak Chinese with a Chinese UI (qtbase_zh_CN)."""
    from PySide6.QtWidgets import QDialogButtonBox

    from qt_app.ui import i18n

    def texts() -> list[str]:
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        return sorted(b.text() for b in box.buttons())

    i18n.install("zh")
    assert texts() == sorted(["确定", "取消"])
    i18n.install("en")
    assert texts() == ["Cancel", "OK"]
