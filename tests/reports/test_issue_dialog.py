"""The issue step as an officer uses it: the contact from settings, edited for one letter, a wrong telephone
refused in the dialog; and the settings dialog's contact fields."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from qt_app.reports.snapshot import Contact
from qt_app.services import letters as svc
from qt_app.services.session import Session
from qt_app.ui.letters.issue_dialog import IssueDialog


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    s = Session.open(tmp_path / "office")
    yield s
    s.close()


def _dispose(widget: QWidget) -> None:
    """Delete a widget now, before its session's store closes (a queued refresh must not reach a closed store)."""
    widget.close()
    widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _type(widget: object, text: str) -> None:
    """Clear a field and type ASCII into it with the keyboard."""
    QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # type: ignore[arg-type]
    QTest.keyClick(widget, Qt.Key.Key_Delete)  # type: ignore[arg-type]
    QTest.keyClicks(widget, text)  # type: ignore[arg-type]


def test_the_dialog_offers_the_settings_contact_and_refuses_a_bad_number(qtbot: QtBot) -> None:
    dialog = IssueDialog("青田元宇宙科技有限公司", Contact("王科长", "0578-6812345"), "县财政局", "zh")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.name.text() == "王科长" and dialog.phone.text() == "0578-6812345"
    _type(dialog.phone, "call me")
    QTest.keyClick(dialog.phone, Qt.Key.Key_Return)
    assert dialog.chosen() is None and "电话“call me”格式不对" in dialog.error.text()
    dialog.name.setText("李四")  # Chinese goes in as committed input-method text
    _type(dialog.phone, "0578-1234567")
    _type(dialog.cc, "")
    QTest.keyClick(dialog.phone, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.chosen() == (Contact("李四", "0578-1234567"), "")


def test_the_settings_dialog_stores_the_contact(
    session: Session, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from qt_app.ui.hub import Hub
    from qt_app.ui.settings_dialog import SettingsDialog

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a, **_k: shown.append(text))
    dialog = SettingsDialog(session, Hub(QUndoStack()))
    dialog.contact_name.setText("王科长")
    _type(dialog.contact_phone, "0578-6812345")
    dialog.copies.setText("县财政局、县经信局")
    dialog.accept()
    assert svc.letter_contact(session.store) == (Contact("王科长", "0578-6812345"), "县财政局、县经信局")
    _dispose(dialog)


def test_issuing_from_the_panel_asks_for_the_contact(
    session: Session, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The real dialog, answered with the keyboard while it is open."""
    import json

    from qt_app.services.demo import load_demo
    from qt_app.ui.letters.panel import LettersPanel
    from qt_app.ui.panel import FirmOnScreen

    monkeypatch.setattr(QMessageBox, "information", lambda *_a, **_k: QMessageBox.StandardButton.Ok)
    load_demo(session.store)
    svc.save_letter_contact(session.store, Contact("王科长", "0578-6812345"), "", "test")
    from qt_app.ui.hub import Hub

    panel = LettersPanel(session, Hub(QUndoStack()))
    row = session.store.list_firms(sort="name", descending=False, limit=1)[0]
    firm, variants = session.store.get_firm(row.id)
    panel.show_firm(FirmOnScreen.of(firm, variants))
    letter_id = panel.generate_draft()
    assert letter_id
    svc.submit_letter(session.store, letter_id, "小王")
    svc.approve_letter(session.store, letter_id, "李主任")
    panel.refresh(select=letter_id)

    def answer() -> None:
        dialog = next(
            w for w in QApplication.topLevelWidgets() if isinstance(w, IssueDialog) and w.isVisible()
        )
        _type(dialog.phone, "0578-7654321")
        QTest.keyClick(dialog.phone, Qt.Key.Key_Return)

    QTimer.singleShot(200, answer)
    issued = panel.issue()
    _dispose(panel)
    assert issued is not None and issued.doc_number.endswith("1号")
    snap = json.loads(session.store.letters.get(issued.id)["snapshot_json"])
    assert snap["contact"] == {"name": "王科长", "phone": "0578-7654321"}
