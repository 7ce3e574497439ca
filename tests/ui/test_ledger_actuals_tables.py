"""登记实绩's tables, typed by keyboard as in the firm editor: a talent group, a loan and a science project, each
with its document and a scan; recorded, read back from the store in a new session, and due on the 承诺与兑现
tab. A row's problem is said under its table in the firm editor's words; correcting a year keeps what the
form does not show."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from qt_app.domain.ledger.actuals_io import year_actuals_from_dict
from qt_app.domain.policy_loader import default_policy
from qt_app.services import ledger as L
from qt_app.services.session import Session
from qt_app.store.store import open_store_at
from qt_app.ui.hub import Hub
from qt_app.ui.ledger.actuals_dialog import ActualsDialog
from qt_app.ui.ledger.panel import LedgerPanel
from tests.store.ledger_fixtures import PDF, big_lease_firm, evidence, issue_letter, scan

from .keys import Key, focused, press, type_text
from .ledger_panel import open_panel as _panel

EMPTY_STORE = True


def _due(panel: LedgerPanel, item: str, year: int) -> str:
    """The 应兑现 column of an item and year on the 承诺与兑现 tab ("" when the tab has no such row)."""
    n = panel.rows_model.find(("row", item, year))
    row = panel.rows_model.row(n) if n >= 0 else None
    return row.cells[3] if row is not None else ""


def _dialog(qtbot: Any, panel: LedgerPanel, year: int) -> ActualsDialog:
    dialog = panel.record_actuals(year)
    assert isinstance(dialog, ActualsDialog)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    return dialog


def _into(qtbot: Any, dialog: ActualsDialog, key: str) -> None:
    """The keyboard focus in a table, as after tabbing to it; Insert then starts a row."""
    view = dialog.tables[key].view
    dialog.scroll_area.ensureWidgetVisible(view)
    view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view)


def _pdf(folder: Path, name: str) -> Path:
    """A scan of its own (a different file for every document, as each is a different paper)."""
    return folder / scan(folder, name, PDF.replace(b"Catalog", b"Catalog /Id (" + name.encode() + b")"))


def test_talents_a_loan_and_a_project_typed_by_keyboard_are_recorded_and_due(
    qtbot: Any, session: Session, hub: Hub, tmp_path: Path
) -> None:
    firm = big_lease_firm(91)
    issue_letter(session.store, firm)
    panel = _panel(qtbot, session, hub, firm)
    assert _due(panel, "housing", 2026) in ("", "—") and _due(panel, "science", 2026) in ("", "—")
    dialog = _dialog(qtbot, panel, 2026)
    talents = dialog.tables["talents"]

    _into(qtbot, dialog, "talents")
    press(Key.Key_Insert)  # a new row, its first cell (人才层次, B by default) open
    press(Key.Key_Up)  # A类
    press(Key.Key_Tab)
    type_text("2")  # 人数
    press(Key.Key_Tab)  # 安居方式 stays 租房补贴
    press(Key.Key_Tab)  # 材料类型 stays 人才认定证书
    press(Key.Key_Tab)
    type_text("青人社〔2026〕12号")  # Chinese through the input method
    press(Key.Key_Tab)
    type_text("2026-03-01")
    press(Key.Key_Return)  # commits the last cell; no new row
    assert talents.model.rowCount() == 1
    assert talents.attach(_pdf(tmp_path, "talents.pdf"), row=0)  # what 为所选行附扫描件… does once picked
    assert "talents.pdf" in talents.model.index(0, 6).data()

    _into(qtbot, dialog, "loans")
    press(Key.Key_Insert)
    type_text("青田农商银行")
    press(Key.Key_Tab)
    type_text("500万")
    press(Key.Key_Tab)  # 期限 stays 3 years
    press(Key.Key_Tab)
    type_text("4万")  # 年担保费
    press(Key.Key_Tab)  # 材料类型 stays 贷款合同
    press(Key.Key_Tab)
    type_text("QNS-2026-0301")
    press(Key.Key_Tab)
    type_text("2026-04-10")
    press(Key.Key_Tab)  # past the last cell one types into (the scan is attached, not typed): a new row
    assert dialog.tables["loans"].model.rowCount() == 2
    press(Key.Key_Escape)  # nobody typed into it: it goes, and the focus moves on
    assert dialog.tables["loans"].model.rowCount() == 1 and focused() is not dialog.tables["loans"].view

    _into(qtbot, dialog, "science_projects")
    press(Key.Key_Insert)
    type_text("元宇宙引擎关键技术研发")
    press(Key.Key_Tab)  # 级别 stays 市级
    press(Key.Key_Tab)
    type_text("200万")
    press(Key.Key_Tab)
    press(Key.Key_Tab)
    type_text("丽科〔2026〕7号")
    press(Key.Key_Tab)
    type_text("2026-05-20")
    press(Key.Key_Return)

    dialog.scroll_area.ensureWidgetVisible(dialog.note)
    dialog.note.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.note)
    press(Key.Key_Return)  # 记录
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.tables["talents"].problems.text()

    year = session.store.ledger.actuals(firm.id)[2026]
    (talent,) = year["talents"]
    assert (talent["level"], talent["count"], talent["housing"]) == ("A", 2, "allowance")
    (loan,) = year["loans"]
    assert (loan["lender"], loan["principal"], loan["years"], loan["guarantee_fee"]) == (
        "青田农商银行", "5000000.00", 3, "40000.00",
    )  # fmt: skip
    (project,) = year["science_projects"]
    assert (project["name"], project["level"], project["allocated"]) == (
        "元宇宙引擎关键技术研发",
        "municipal",
        "2000000.00",
    )
    documents = {r["figure"]: r for r in session.store.ledger.evidence(firm.id)}
    assert documents["talents[0]"]["doc_number"] == "青人社〔2026〕12号"
    assert documents["talents[0]"]["file_name"] == "talents.pdf" and documents["talents[0]"]["sha256"]
    assert (
        documents["loans[0]"]["doc_type"] == "loan_contract"
        and documents["loans[0]"]["doc_date"] == "2026-04-10"
    )
    assert documents["science_projects[0]"]["doc_type"] == "project_document"

    due = {item: _due(panel, item, 2026) for item in ("housing", "loan", "guarantee", "science")}
    assert due == {
        "housing": "7.20万元",  # two level-A talents' rent allowance: 3000 yuan a month each, twelve months
        "loan": "7.50万元",  # half the LPR on 500万
        "guarantee": "2.00万元",  # half the guarantee fee
        "science": "200.00万元",  # 1:1 county matching of the funds allocated from the city
    }

    # read back in a new session, on a screen of its own: the same figures, the same due amounts
    again = Session(store=open_store_at(session.store.folder, auto_backup=False), policies=[default_policy()])
    try:
        assert again.store.ledger.actuals(firm.id)[2026] == year
        other = _panel(qtbot, again, Hub(hub.stack), firm)
        assert {item: _due(other, item, 2026) for item in due} == due
    finally:
        again.close()


def test_a_row_problem_names_table_row_and_column_and_nothing_is_saved(
    qtbot: Any, session: Session, hub: Hub
) -> None:
    firm = big_lease_firm(92)
    issue_letter(session.store, firm)
    panel = _panel(qtbot, session, hub, firm)
    dialog = _dialog(qtbot, panel, 2026)
    _into(qtbot, dialog, "scenario_projects")
    press(Key.Key_Insert)
    type_text("智慧文旅场景")
    press(Key.Key_Tab)
    type_text("一百万")  # not an amount
    press(Key.Key_Return)
    dialog.accept()  # 记录
    table = dialog.tables["scenario_projects"]
    lines = table.problems.text().split("\n")
    assert any(line.startswith("应用场景项目 第1行：合同额 ") for line in lines), lines
    assert "应用场景项目 第1行 缺少证明材料（材料类型、文号或编号、日期）" in lines
    assert table.model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole).startswith("应用场景项目 第1行：合同额")
    assert dialog.isVisible() and 2026 not in session.store.ledger.actuals(firm.id)
    dialog.reject()


def test_correcting_a_year_keeps_what_the_form_does_not_show(
    qtbot: Any, session: Session, hub: Hub, tmp_path: Path
) -> None:
    firm = big_lease_firm(93)
    issue_letter(session.store, firm)
    name = _pdf(tmp_path, "loan.pdf").name
    documents = [
        {
            **evidence("loan_contract", "QNS-2026-0301", file=name)[0],
            "received_on": "2027-03-25",
            "received_by": "叶海峰",
        },
        evidence("interest_receipt", "利息回单-2026-12")[0],
    ]
    data = {"loans": [{"lender": "青田农商银行", "principal": "500万", "years": 3, "evidence": documents}],
            "talents": [{"level": "B", "count": 1, "evidence": evidence("talent_certificate", "青人社〔2026〕3号")}]}  # fmt: skip
    actual, problems = year_actuals_from_dict(data, 2026)
    assert actual is not None, problems
    L.record_actuals(session.store, L.RecordActuals(firm.id, (actual,), base_dir=tmp_path, who="叶海峰"))
    before = session.store.ledger.actuals(firm.id)[2026]
    panel = _panel(qtbot, session, hub, firm)

    dialog = panel.record_actuals(2026)  # 修改所选年度: the year as recorded
    assert isinstance(dialog, ActualsDialog)
    loans = dialog.tables["loans"]
    assert loans.model.index(0, 1).data() == "500万" and loans.model.index(0, 7).data() == "loan.pdf"
    _into(qtbot, dialog, "talents")
    view = dialog.tables["talents"].view
    view.setCurrentIndex(dialog.tables["talents"].model.index(0, 1))
    type_text("3")  # 人数 typed over: the cell opens and takes it
    press(Key.Key_Return)
    dialog.accept()
    assert not dialog.isVisible()

    after = session.store.ledger.actuals(firm.id)[2026]
    assert after["talents"][0]["count"] == 3
    assert after["loans"] == before["loans"]  # both documents, the scan and its receipt, as recorded
    assert (
        after["loans"][0]["evidence"][0]["received_by"] == "叶海峰"
        and len(after["loans"][0]["evidence"]) == 2
    )
