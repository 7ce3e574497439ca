"""Settings, backups off the UI thread, importing with a per-row report, language switch, read-only copies."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialog

from qt_app.domain import uscc
from qt_app.ui.main_window import MainWindow
from qt_app.ui.settings_dialog import SettingsDialog

ROOT = Path(__file__).resolve().parents[2]


def test_settings_are_saved_to_the_database(window, session) -> None:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(session, window.hub, window)
    assert dialog.folder_label.text() == str(session.store.folder)
    dialog.office.setText("青田县招商引资工作领导小组办公室")
    dialog.prefix.setText("青招函")
    dialog.signer.setText("王晓、林静")
    dialog.accept()
    assert session.store.get_setting("issuing_office") == "青田县招商引资工作领导小组办公室"
    assert session.store.get_setting("doc_prefix") == "青招函"
    assert session.store.get_setting("signer") == "王晓、林静"


def test_backup_now_runs_off_the_ui_thread_and_is_listed(window, session, qtbot) -> None:  # type: ignore[no-untyped-def]
    before = len(session.store.list_backups())
    with qtbot.waitSignal(window.hub.changed, timeout=10_000) as taken:
        window.action("backup_now").trigger()
    assert taken.args[0].backups
    newest = max(session.store.list_backups(), key=lambda b: b.taken_at)
    path = Path(newest.path)
    assert path.exists() and path.stat().st_size > 0
    assert len(session.store.list_backups()) == before + 1
    assert "最近备份" in window.backup_label.text() and "尚无" not in window.backup_label.text()
    dialog = SettingsDialog(session, window.hub, window)
    assert dialog.backups.count() == before + 1


def test_restoring_a_backup_brings_back_a_deleted_firm(window, session, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    session.store.backup(kind="manual")
    first = session.store.list_firms(limit=1)[0]
    session.store.delete_firm(first.id)
    window.firms.refresh()
    assert window.firms.model.row_of(first.id) < 0
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog = SettingsDialog(session, window.hub, window)
    dialog.backups.setCurrentRow(0)
    dialog.restore_selected()
    assert window.firms.model.row_of(first.id) >= 0


def test_an_import_shows_every_bad_row_and_writes_only_when_asked(
    window, session, qtbot, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from qt_app.ui.import_dialog import ImportReportDialog

    good = json.loads((ROOT / "resources" / "examples" / "xinghe-digital.json").read_text(encoding="utf-8"))
    good["uscc"] = uscc.make_code("9", "1", uscc.QINGTIAN_REGION, "MC0000001")
    good["name"] = "青田导入测试科技有限公司"
    bad = dict(good, name="青田坏数据有限公司", uscc="123")
    path = tmp_path / "firms.json"
    path.write_text(json.dumps([good, bad], ensure_ascii=False), encoding="utf-8")
    seen: list[ImportReportDialog] = []

    def skip_bad(self: ImportReportDialog) -> int:
        seen.append(self)
        assert not self.import_button.isEnabled() and not self.skip_button.isHidden()
        self._skip()
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(ImportReportDialog, "exec", skip_bad)
    before = session.store.count_firms()
    with qtbot.waitSignal(window.hub.changed, timeout=10_000) as notice:
        window.import_firms(str(path))
    assert notice.args[0].firm_list
    assert seen and "第2行" in "\n".join(seen[0].report.lines("zh"))
    assert session.store.count_firms() == before + 1
    assert session.store.count_firms("青田导入测试") == 1


def test_switching_language_rebuilds_the_window_in_english(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from qt_app.app import switch_language
    from qt_app.ui import i18n

    fresh = switch_language(window, "en")
    try:
        assert isinstance(fresh, MainWindow) and i18n.current() == "en"
        assert fresh.action("meeting_mode").text() == "Meeting mode"
        assert fresh.firms.stage_filter.itemText(0) == "All stages"
        assert fresh.editor.ui.saveButton.text() == "Save"
        assert "Policy in force" in fresh.policy_label.text()
    finally:
        assert isinstance(fresh, MainWindow)
        fresh.editor.load_firm(None)
        fresh.close()
        QApplication.processEvents()


def test_a_second_copy_opens_read_only_and_says_why(qtbot, session, no_dialogs) -> None:  # type: ignore[no-untyped-def]
    from qt_app.services.session import Session

    second = Session.open(session.store.folder)
    try:
        assert second.store.read_only
        w = MainWindow(second)
        w.show()
        assert w.read_only_label.isVisible() and "只读" in w.read_only_label.text()
        assert not w.action("new_firm").isEnabled() and not w.action("delete_firm").isEnabled()
        w.close()
    finally:
        second.close()


def test_each_data_folder_keeps_its_own_language_and_layout(qtbot, tmp_path, monkeypatch, no_dialogs) -> None:  # type: ignore[no-untyped-def]
    """Two outposts on one shared laptop (--data-dir, or $OFFER_DESK_DATA_DIR): neither sees the other's choices."""
    from qt_app import app
    from qt_app.ui import errors, i18n, settings

    from .conftest import delete_now

    monkeypatch.setattr(errors, "install_excepthook", lambda: None)  # pytest keeps its own hook

    def run(data_dir: Path | None) -> MainWindow:
        window = app.start("zh", str(data_dir) if data_dir else None)
        assert isinstance(window, MainWindow)
        qtbot.waitUntil(lambda: window.warm_up.done)
        return window

    def finish(window: MainWindow) -> None:
        window.editor.load_firm(None)
        window.close()
        session = window.session
        delete_now(window)
        session.close()

    milan = tmp_path / "milan"
    first = run(milan)
    fresh = app.switch_language(first, "en")
    assert isinstance(fresh, MainWindow)
    fresh.resize(1000, 700)
    finish(fresh)
    QApplication.processEvents()
    assert (milan / settings.FILE_NAME).exists()

    hangzhou = run(None)  # the folder named by $OFFER_DESK_DATA_DIR
    assert i18n.current() == "zh" and hangzhou.action("new_firm").text() == "新建企业"
    assert settings.folder() == Path(str(hangzhou.session.store.folder))
    finish(hangzhou)

    again = run(milan)
    assert i18n.current() == "en" and again.action("new_firm").text() == "New firm"
    assert again.size().height() == 700
    finish(again)
    assert settings.machine_settings().value(settings.LANGUAGE.key) is None  # nothing leaked to the user's
