"""设置: the office role chosen with the keyboard, and bundle conflicts listed and settled in a dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from qt_app.services import ledger as L
from qt_app.services.firms import open_store
from qt_app.services.offices import set_office_role
from qt_app.ui.conflicts_dialog import ConflictsDialog
from qt_app.ui.settings_dialog import SettingsDialog
from tests.store.conftest import pin_hq, trust
from tests.store.ledger_fixtures import actuals_file, evidence, issue_letter, landed_firm, send

EMPTY_STORE = True


def test_the_office_role_is_chosen_in_settings(session, hub, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(session, hub, None)
    qtbot.addWidget(dialog)
    assert dialog.role.currentData() == "hq" and "总部" in dialog.role.currentText()
    dialog.role.setFocus()
    QTest.keyClick(dialog.role, Qt.Key.Key_Down)
    assert "联络处" in dialog.role.currentText()
    with qtbot.waitSignal(hub.changed) as notice:
        dialog.accept()
    assert notice.args[0].settings and session.store.get_setting("office_role") == "outpost"
    again = SettingsDialog(session, hub, None)
    qtbot.addWidget(again)
    assert again.role.currentData() == "outpost"
    assert again.findChild(QPushButton, "bundleConflicts") is not None


def test_conflicts_are_listed_and_settled_in_the_dialog(session, hub, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    hq = session.store
    firm = landed_firm(1, grade="C")
    issue_letter(hq, firm)
    with open_store(tmp_path / "milan", auto_backup=False) as milan:
        set_office_role(milan, "outpost")
        pin_hq(milan, hq.folder)
        trust(milan.folder, hq.folder)
        send(hq, milan, tmp_path / "hq.json")
        for store, amount, notes in ((hq, "6000万", "总部"), (milan, "5800万", "米兰")):
            years = {"2027": {"revenue": {"amount": amount, "evidence": evidence()}}}
            L.record_actuals_file(store, actuals_file(tmp_path / notes, firm, years), who=notes)
            store.save_firm(firm.with_changes(notes=notes))
        send(milan, hq, tmp_path / "milan.json")

    dialog = ConflictsDialog(session, hub, None)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = [dialog.items.item(i).text() for i in range(dialog.items.count())]
    assert len(texts) == 2 and not dialog.empty.isVisible()
    assert "企业档案" in texts[0] and "备注" in texts[0] and "notes" not in texts[0]
    assert "2027年实绩" in texts[1] and "经审计销售收入" in texts[1] and "（米兰）" in texts[1]
    dialog.items.setCurrentRow(1)
    with qtbot.waitSignal(hub.changed) as notice:
        qtbot.mouseClick(dialog.keep_remote, Qt.MouseButton.LeftButton)
    assert notice.args[0].ledger == {firm.id}
    assert hq.ledger.actuals(firm.id)[2027]["revenue"]["amount"] == "58000000.00"
    assert dialog.items.count() == 1
    qtbot.mouseClick(dialog.keep_local, Qt.MouseButton.LeftButton)
    assert dialog.items.count() == 0 and dialog.empty.isVisible() and not dialog.keep_local.isEnabled()
    assert hq.get_firm(firm.id)[0].notes == "总部" and hq.conflicts() == []
