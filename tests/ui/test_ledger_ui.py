"""兑现台账 in the window, driven as an officer does it: a year's actuals typed by keyboard with a scan attached,
due seen against promised, and a claim taken through 申报 → 审核 → 公示 → 拨付 (two tranches, the holdback after
验收), each refused step said beside its field with nothing saved — read back from the store."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from qt_app.domain.money import wan
from qt_app.services import ledger as L
from qt_app.ui.ledger.actuals_dialog import ActualsDialog
from qt_app.ui.ledger.panel import LedgerPanel
from qt_app.ui.ledger.step_dialog import ApplyDialog, StepDialog
from tests.store.ledger_fixtures import PDF, big_lease_firm, issue_letter, recorded_year, scan

from .helpers import ime_type
from .keys import CTRL, Key, focused, press, tab_to, type_text
from .ledger_panel import open_panel as _panel

EMPTY_STORE = True  # the conftest's session opens a database without firms


def _retype(text: str) -> None:
    """Replace what the focused line holds, by keyboard."""
    press(Key.Key_A, CTRL)
    press(Key.Key_Backspace)
    type_text(text)


def _row(panel: LedgerPanel, item: str, year: int) -> tuple[str, ...]:
    model = panel.rows_model
    n = model.find(("row", item, year))
    assert n >= 0, f"no row for {item} {year}"
    row = model.row(n)
    assert row is not None
    return row.cells


def _focus(qtbot, dialog: QDialog, field) -> None:  # type: ignore[no-untyped-def]
    """The dialog is the active window and `field` has the keyboard focus, as when it opens for an officer."""
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)


def _accepted(dialog: QDialog) -> None:
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()


def test_a_firm_without_an_issued_letter_shows_why_nothing_can_be_recorded(qtbot, session, hub) -> None:  # type: ignore[no-untyped-def]
    firm = big_lease_firm(80)
    issue_letter(session.store, firm, status="draft")
    panel = _panel(qtbot, session, hub, firm)
    assert panel.pages.currentIndex() == 0
    why = panel.why.text()
    assert "没有已出具或已接受的告知函" in why and "草稿1份" in why
    assert not panel.record_button.isEnabled() and not panel.apply_button.isEnabled()
    assert panel.record_actuals() is None


def test_actuals_typed_by_keyboard_show_due_against_promised(qtbot, session, hub, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    firm = big_lease_firm(81)
    issue_letter(session.store, firm)
    panel = _panel(qtbot, session, hub, firm)
    assert panel.pages.currentIndex() == 1 and panel.record_button.isEnabled()
    promised = _row(panel, "revenue", 2026)[2]
    dialog = panel.record_actuals(2026)
    assert isinstance(dialog, ActualsDialog)
    qtbot.waitExposed(dialog)
    _focus(qtbot, dialog, dialog.year)
    assert dialog.year.text() == "2026"
    press(Key.Key_Tab)
    type_text("2027-03-31")  # 报送日期
    press(Key.Key_Tab)
    assert focused() is dialog.amounts["revenue"]
    type_text("28000000")  # 2800万: below the 3000万 tier the letter promised on
    press(Key.Key_Tab, times=2)  # the document type stays 经审计的财务报表
    type_text("QHS-2027-15")
    press(Key.Key_Tab)
    type_text("2027-03-20")
    tab_to(dialog.site)
    while dialog.site.currentData() != "qingchuang":
        press(Key.Key_Down)
    press(Key.Key_Tab)
    type_text("3000")
    press(Key.Key_Tab)
    type_text("1.5")
    press(Key.Key_Tab)
    type_text("2026-01-01")
    tab_to(dialog.evidence["lease"].number)
    type_text("QC-2025-118")
    press(Key.Key_Tab)
    type_text("2025-12-20")

    # a scan that is not a document is refused beside its field; a real one is taken
    (tmp_path / "note.txt").write_text("not a scan", encoding="utf-8")
    assert not dialog.evidence["lease"].attach(tmp_path / "note.txt")
    assert "证明材料无法读取" in dialog.form.messages["lease.evidence[0].file"].text()
    assert dialog.evidence["lease"].attach(tmp_path / scan(tmp_path, "lease.pdf"))
    assert "lease.pdf" in dialog.evidence["lease"].status.text()
    _focus(qtbot, dialog, dialog.evidence["lease"].number)
    press(Key.Key_Return)
    _accepted(dialog)

    stored = session.store.ledger.actuals(firm.id)[2026]
    assert stored["revenue"]["amount"] == "28000000.00" and stored["lease"]["area_m2"] == "3000"
    evidence = {r["figure"]: r for r in session.store.ledger.evidence(firm.id)}
    assert (
        evidence["revenue"]["doc_number"] == "QHS-2027-15" and evidence["lease"]["file_name"] == "lease.pdf"
    )
    assert (session.store.folder / "evidence").is_dir()

    revenue = _row(panel, "revenue", 2026)
    assert revenue[2] == promised and revenue[3] == "0元"  # due, in red: the tier was missed
    n = panel.rows_model.find(("row", "revenue", 2026))
    assert 3 in panel.rows_model.row(n).less  # type: ignore[union-attr]
    assert "2800万元" in revenue[7] and "3000万元" in revenue[7]
    rent = _row(panel, "rent", 2026)
    assert rent[3] == "54.75万元"
    panel.rows_view.setCurrentIndex(panel.rows_model.index(panel.rows_model.find(("row", "rent", 2026)), 0))
    detail = panel.detail.toPlainText()
    assert (
        "应兑现依据（逐条）" in detail
        and "第一条" in detail
        and "1000㎡（面积上限）" in detail.replace(" ", "")
    )
    evidence_rows = [panel.evidence_model.row(i).cells for i in range(panel.evidence_model.rowCount())]  # type: ignore[union-attr]
    assert any(r[1] == "租赁" and r[6] == "lease.pdf" for r in evidence_rows)
    # a mistyped year is undone from the window's stack: the year is gone again
    assert hub.stack.count() == 1
    hub.stack.undo()
    assert 2026 not in session.store.ledger.actuals(firm.id)
    assert _row(panel, "rent", 2026)[3] == "—"


def _open_claim_dialog(panel: LedgerPanel, item: str) -> ApplyDialog:
    panel.rows_view.setCurrentIndex(panel.rows_model.index(panel.rows_model.find(("row", item, 2026)), 0))
    dialog = panel.apply()
    assert isinstance(dialog, ApplyDialog)
    return dialog


def _step(qtbot, panel: LedgerPanel, kind: str) -> StepDialog:  # type: ignore[no-untyped-def]
    assert panel.step_buttons[kind].isEnabled(), f"{kind} is not offered now"
    panel.step_buttons[kind].click()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, StepDialog) and w.isVisible())
    _focus(qtbot, dialog, dialog.on)
    return dialog


def test_a_claim_goes_through_to_paid_in_two_tranches_with_the_holdback(
    qtbot, session, hub, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    firm = big_lease_firm(82)
    issue_letter(session.store, firm)
    recorded_year(session.store, firm, tmp_path)
    panel = _panel(qtbot, session, hub, firm)

    apply = _open_claim_dialog(panel, "rent")
    assert apply.item.currentData() == "rent" and apply.year.currentData() == 2026
    _focus(qtbot, apply, apply.on)
    _retype("2027-04-01")
    press(Key.Key_Tab)
    type_text("-5")  # a negative amount is said beside the field, and nothing is saved
    press(Key.Key_Return)
    assert apply.isVisible() and "不能为负数" in apply.form.messages["amount"].text()
    assert session.store.ledger.claims(firm.id) == []
    _focus(qtbot, apply, apply.amount)
    _retype("")
    press(Key.Key_Return)  # empty: what is due and not yet paid
    _accepted(apply)
    (claim,) = session.store.ledger.claims(firm.id)
    assert claim["requested_fen"] == 54_750_000 and claim["state"] == "applied"
    panel.tabs.setCurrentIndex(2)
    assert panel.selected_claim() is not None

    review = _step(qtbot, panel, "review")
    _retype("2027-03-01")  # before the application
    tab_to(review.reviewer)
    ime_type(review.reviewer, "李主任")
    press(Key.Key_Return)
    assert "早于申报日期" in review.form.messages["on"].text() and review.isVisible()
    _focus(qtbot, review, review.on)
    _retype("2027-04-08")
    press(Key.Key_Return)
    _accepted(review)

    notice = _step(qtbot, panel, "notice")
    _retype("2027-04-09")
    press(Key.Key_Return)
    _accepted(notice)
    assert "公示截止" in panel.deadlines.text() or "公示" in panel.deadlines.toolTip()
    said = panel.deadlines.text() + panel.deadlines.toolTip()
    assert "拨付期限（申报后" in said and "未扣除法定节假日" in said  # no holiday calendar: it says so

    pay = _step(qtbot, panel, "pay")
    assert pay.amount.text() == "273,750"  # the usual first tranche (50%) is offered
    _retype("2027-04-12")  # the notice runs to 15 April
    tab_to(pay.amount)
    _retype("600000")  # above the approved amount
    press(Key.Key_Tab)
    type_text("QCB-2027-11")
    press(Key.Key_Return)
    assert pay.isVisible()
    said = pay.form.messages["on"].text() + pay.form.messages["amount"].text()
    assert "期满后方可拨付" in said
    assert session.store.conn.execute("SELECT count(*) FROM ledger_payments").fetchone()[0] == 0
    _focus(qtbot, pay, pay.on)
    _retype("2027-04-20")
    press(Key.Key_Return)
    assert "超过核定金额" in pay.form.messages["amount"].text() and pay.isVisible()
    _focus(qtbot, pay, pay.amount)
    _retype("492750")  # 90%: the first tranche; the 10% holdback waits for 验收
    press(Key.Key_Return)
    _accepted(pay)
    assert panel.selected_claim().label() == "部分拨付"  # type: ignore[union-attr]

    early = _step(qtbot, panel, "pay")
    assert early.amount.text() == ""  # nothing may be paid before 验收
    early.reject()

    accept = _step(qtbot, panel, "accept")
    _retype("2027-06-01")
    press(Key.Key_Return)
    _accepted(accept)
    last = _step(qtbot, panel, "pay")
    assert last.amount.text() == "54,750"  # the holdback
    _retype("2027-06-10")
    tab_to(last.order)
    type_text("QCB-2027-25")
    press(Key.Key_Return)
    _accepted(last)

    row = session.store.ledger.claim(claim["id"])
    assert row is not None and row["state"] == "paid" and row["paid_fen"] == 54_750_000
    payments = session.store.conn.execute(
        "SELECT amount_fen, holdback, order_number FROM ledger_payments WHERE claim_id = ? ORDER BY tranche",
        [claim["id"]],
    ).fetchall()
    assert [tuple(p) for p in payments] == [(49_275_000, 0, "QCB-2027-11"), (5_475_000, 1, "QCB-2027-25")]
    history = [panel.history_model.row(i).cells[1] for i in range(panel.history_model.rowCount())]  # type: ignore[union-attr]
    assert history == ["申报", "审核", "公示", "拨付", "验收", "拨付"]
    assert "李主任" in panel.history_model.row(1).cells[2]  # type: ignore[union-attr]
    assert _row(panel, "rent", 2026)[4] == "54.75万元"  # paid
    assert hub.stack.count() == 0  # claim steps are not undoable
    assert [a["action"] for a in session.store.audit_log("ledger_claims")] == [
        "apply", "review", "notice", "pay", "accept", "pay",
    ]  # fmt: skip


def test_approving_above_due_needs_a_reason(qtbot, session, hub, tmp_path) -> None:  # type: ignore[no-untyped-def]
    firm = big_lease_firm(83)
    issue_letter(session.store, firm)
    recorded_year(session.store, firm, tmp_path)
    panel = _panel(qtbot, session, hub, firm)
    apply = _open_claim_dialog(panel, "landing")
    _focus(qtbot, apply, apply.on)
    _retype("2027-04-01")
    press(Key.Key_Tab)
    type_text("300000")  # 30万 asked, 20万 due
    press(Key.Key_Return)
    _accepted(apply)
    panel.tabs.setCurrentIndex(2)
    review = _step(qtbot, panel, "review")
    _retype("2027-04-08")
    press(Key.Key_Return)
    assert "超过应兑现金额" in review.form.messages["amount"].text()
    assert session.store.ledger.claims(firm.id)[0]["state"] == "applied"
    ime_type(review.override, "县政府专题会议纪要〔2027〕3号同意")
    press(Key.Key_Return)
    _accepted(review)
    claim = session.store.ledger.claims(firm.id)[0]
    assert claim["state"] == "reviewed" and claim["overridden"] == 1 and claim["approved_fen"] == wan(30)
    event = session.store.ledger.event_log(claim["id"])[-1]
    assert "专题会议纪要" in event["data_json"]


def test_a_scan_already_attached_is_reported(qtbot, session, hub, tmp_path) -> None:  # type: ignore[no-untyped-def]
    firm = big_lease_firm(84)
    issue_letter(session.store, firm)
    recorded_year(session.store, firm, tmp_path)
    panel = _panel(qtbot, session, hub, firm)
    dialog = panel.record_actuals(2027)
    assert isinstance(dialog, ActualsDialog)
    same = tmp_path / f"lease-{firm.id}.pdf"  # the 2026 lease contract's scan
    assert same.exists() and same.read_bytes() != PDF
    assert dialog.evidence["revenue"].attach(same)
    assert "是同一份文件" in dialog.form.notes["revenue.evidence[0].file"].text()
    dialog.reject()


def test_the_exposure_view_shows_committed_due_and_paid(qtbot, session, hub, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from qt_app.domain.money_format import money
    from qt_app.services.ledger_read import firm_ledger
    from qt_app.ui.exposure_report_model import CELL_ROLE
    from qt_app.ui.exposure_view import ExposurePanel
    from tests.store.ledger_fixtures import paid_in_tranches

    firms = [big_lease_firm(85), big_lease_firm(86)]
    for firm in firms:
        issue_letter(session.store, firm)
        recorded_year(session.store, firm, tmp_path)
    paid_in_tranches(session.store, firms[0])
    L.set_budget(session.store, L.SetBudget("rent", 2026, wan(100)), session.policy)
    panel = ExposurePanel(session, hub)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.computed, timeout=20_000):
        panel.show()
    panel.tabs.setCurrentIndex(1)
    model = panel.report_model
    keys = model.KEYS
    ledgers = [firm_ledger(session.store, f.id) for f in firms]
    for r in range(model.rowCount()):
        key = model.index(r, keys.index("committed")).data(CELL_ROLE)
        if key is None or key[:2] != (2026, "rent"):
            continue
        expected = {
            c: sum(lg.row("rent", 2026).amount(c) for lg in ledgers) for c in ("promised", "due", "paid")
        }  # type: ignore[union-attr]
        cells = {k: model.index(r, keys.index(k)).data() for k in ("committed", "due", "paid", "budget")}
        assert cells == {
            "committed": money(expected["promised"]), "due": money(expected["due"]),
            "paid": money(expected["paid"]), "budget": "100.00万元",
        }  # fmt: skip
        due = model.index(r, keys.index("due"))
        assert "超过2026年预算" in due.data(Qt.ItemDataRole.ToolTipRole)  # 109.5万 due against 100万
        panel.report_table.setCurrentIndex(due)
        assert panel.firm_model.rowCount() == 2 and "2家企业" in panel.drill_title.text()
        break
    else:
        pytest.fail("no 2026 rent row in 兑现与预算")
    assert "已拨付 54.75万元" in panel.summary.text()


def test_budgets_are_typed_in_settings_and_saved_through_their_operation(qtbot, session, hub) -> None:  # type: ignore[no-untyped-def]
    from qt_app.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(session, hub)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentWidget(dialog.budgets)
    table = dialog.budgets.table
    items = [i for i, _ in dialog.budgets.items]
    years = dialog.budgets.years
    rent, compute = items.index("rent"), items.index("compute")
    col = years.index(2027)
    _focus(qtbot, dialog, table)

    def type_cell(row: int, text: str) -> None:
        table.setCurrentCell(row, col)
        type_text(text[0])  # any key starts editing, as in a spreadsheet; the rest goes into the cell
        type_text(text[1:])
        press(Key.Key_Return)

    type_cell(rent, "8000000")
    type_cell(compute, "-5")
    dialog.accept()
    assert dialog.isVisible() and not dialog.budgets.message.isHidden()
    assert "算力券" in dialog.budgets.message.text() and "不能为负数" in dialog.budgets.message.text()
    assert session.store.ledger.budgets() == {}  # nothing saved while a cell is wrong
    type_cell(compute, "2000000")
    dialog.accept()
    assert session.store.ledger.budgets() == {(2027, "rent"): wan(800), (2027, "compute"): wan(200)}
    assert hub.stack.count() == 2  # one undo per budget set
    hub.stack.undo()
    assert session.store.ledger.budgets() == {(2027, "rent"): wan(800)}


def test_papers_are_saved_and_printed_from_the_screen_and_the_period_exported(
    qtbot, session, hub, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtPrintSupport import QPrinter

    from qt_app.reports.verify import Outcome
    from qt_app.services.letters import verify_pdf
    from qt_app.ui.ledger.papers import ExportDialog
    from tests.store.ledger_fixtures import paid_in_tranches

    firm = big_lease_firm(87)
    issue_letter(session.store, firm)
    recorded_year(session.store, firm, tmp_path)
    claim = paid_in_tranches(session.store, firm)
    panel = _panel(qtbot, session, hub, firm)
    panel.tabs.setCurrentIndex(2)
    assert panel.selected_claim() is not None and panel.selected_claim().id == claim  # type: ignore[union-attr]
    sheet = panel.save_sheet(tmp_path / "sheet.pdf")
    statement = panel.save_statement(tmp_path / "statement.pdf")
    assert sheet is not None and statement is not None
    for path in (sheet, statement):
        assert verify_pdf(path, session.store).outcome is Outcome.PASS
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setResolution(100)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert panel.print_sheet(printer) >= 2 and (tmp_path / "printed.pdf").stat().st_size > 1000

    export = ExportDialog(session)
    qtbot.addWidget(export)
    export.show()
    _focus(qtbot, export, export.start)
    _retype("2027-13-01")
    export.path.setText(str(tmp_path / "period.xlsx"))
    export.accept()
    assert export.isVisible() and "日期格式" in export.form.messages["from"].text()
    assert not (tmp_path / "period.xlsx").exists()
    export.start.setFocus()
    _retype("2027-01-01")
    export.end.setFocus()
    _retype("2027-12-31")
    export.accept()
    assert export.result() == QDialog.DialogCode.Accepted and (tmp_path / "period.xlsx").stat().st_size > 0
    assert "拨付2笔" in export.summary and "54.75万元" in export.summary


def test_an_actuals_file_is_imported_from_the_screen_and_a_bad_one_refused_in_words(  # type: ignore[no-untyped-def]
    qtbot, session, hub, tmp_path, no_dialogs
) -> None:
    import json

    firm = big_lease_firm(88)
    issue_letter(session.store, firm)
    panel = _panel(qtbot, session, hub, firm)
    ev = [{"type": "audit_report", "number": "青会审〔2027〕9号", "date": "2027-03-20"}]
    good = tmp_path / "actuals.json"
    good.write_text(
        json.dumps({"uscc": firm.uscc, "years": {"2026": {"revenue": {"amount": "2800万", "evidence": ev}}}}),
        encoding="utf-8",
    )
    assert panel.import_actuals(good)
    assert _row(panel, "revenue", 2026)[3] == "0元"  # 2800万 misses the 3000万 tier
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps({"uscc": firm.uscc, "years": {"2027": {"revenue": {"amount": "-5", "evidence": ev}}}}),
        encoding="utf-8",
    )
    assert not panel.import_actuals(bad)
    assert no_dialogs and "years.2027.revenue.amount" in no_dialogs[-1] and "Traceback" not in no_dialogs[-1]
    assert 2027 not in session.store.ledger.actuals(firm.id)


def test_the_ledger_screen_speaks_english(qtbot, session, hub, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from qt_app.ui import i18n

    firm = big_lease_firm(89)
    issue_letter(session.store, firm)
    recorded_year(session.store, firm, tmp_path)
    i18n.install("en")
    panel = _panel(qtbot, session, hub, firm)
    headers = [panel.rows_model.headerData(c, Qt.Orientation.Horizontal) for c in range(8)]
    assert headers[:7] == ["Year", "Item", "Promised", "Due", "Paid", "Held", "Recovered"]
    assert all(h and h.isascii() for h in headers)
    assert panel.title.text() == "Payment ledger (one file per firm)"
    assert _row(panel, "rent", 2026)[1] == "Rent subsidy" and _row(panel, "rent", 2026)[3] == "¥547,500"
    assert panel.step_buttons["pay"].text() == "Pay…" and panel.record_button.text() == "Record actuals…"
    assert "Letters:" in panel.letter_line.text() and "Policy version" in panel.letter_line.text()
