"""设置 → 检查数据文件, and a damaged file at start: said in words, read-only, the newest good backup offered
and put back with one click."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from qt_app.store.db import DB_NAME
from qt_app.ui.settings_dialog import SettingsDialog


def _damage(path: Path) -> None:
    """Text that is not UTF-8 in one firm's notes: the quick check cannot see it, the full check can."""
    conn = sqlite3.connect(path)
    conn.execute(
        "UPDATE firms SET notes = CAST(x'e99d92ff' AS TEXT) WHERE rid = (SELECT min(rid) FROM firms)"
    )
    conn.commit()
    conn.close()


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A QMessageBox built by hand is answered by clicking the button named in `answers` (and recorded)."""
    chosen: list[str] = []

    def exec_(box: QMessageBox) -> int:
        chosen.append(box.text())
        for button in box.buttons():
            if button.text() in chosen[:1] or button.text() == "用最近的完好备份恢复":
                button.click()
                break
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return chosen


def _click_check(qtbot, dialog: SettingsDialog) -> None:  # type: ignore[no-untyped-def]
    button = dialog.findChild(QPushButton, "checkDataFile")
    assert button is not None and button.isEnabled() and button.text() == "检查数据文件"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_whole_file_passes_the_check(window, session, qtbot, no_dialogs) -> None:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(session, window.hub, window)
    _click_check(qtbot, dialog)
    qtbot.waitUntil(lambda: any("通过完整性检查" in m for m in no_dialogs), timeout=10_000)
    assert not session.store.read_only


def test_a_damaged_file_is_found_and_the_newest_good_backup_put_back(  # type: ignore[no-untyped-def]
    window, session, qtbot, no_dialogs, answers
) -> None:
    good = session.store.backup(kind="manual")
    firms = session.store.count_firms()
    _damage(session.store.path)
    dialog = SettingsDialog(session, window.hub, window)
    _click_check(qtbot, dialog)
    qtbot.waitUntil(lambda: any("已从备份恢复" in m for m in no_dialogs), timeout=10_000)
    assert (
        answers and "已损坏" in answers[0] and "只读" in answers[0] and str(session.store.path) in answers[0]
    )
    assert not session.store.read_only and not session.store.damaged
    assert session.store.count_firms() == firms and session.store.check_file().ok
    kept = list(session.store.folder.glob("offer-desk-damaged-*.sqlite3"))
    assert len(kept) == 1 and str(good) in next(m for m in no_dialogs if "已从备份恢复" in m)
    assert window.action("new_firm").isEnabled() and not window.read_only_label.isVisible()


def test_a_damaged_file_at_start_opens_read_only_and_offers_the_backup(  # type: ignore[no-untyped-def]
    qapp, tmp_path: Path, answers, no_dialogs
) -> None:
    from qt_app.app import open_session
    from qt_app.services.session import Session

    first = Session.open(tmp_path / "desk")  # demo firms
    first.store.backup(kind="manual")
    first.close()
    _damage(tmp_path / "desk" / DB_NAME)
    restored = open_session(tmp_path / "desk", "zh")
    assert restored is not None and answers and "已损坏" in answers[0]
    assert not restored.store.read_only and restored.store.count_firms() > 0
    assert any("已从备份恢复" in m for m in no_dialogs)
    restored.close()
