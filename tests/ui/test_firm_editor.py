"""The firm editor as staff use it: type a firm in Chinese, see problems in words, save, undo."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from qt_app.domain import uscc
from qt_app.ui.main_window import FIRMS, PACKAGE
from qt_app.ui.models.firm_table import ID_ROLE, NAME

from .helpers import ime_type

GOOD_CODE = uscc.make_code("9", "1", uscc.QINGTIAN_REGION, "MA7777777")
BAD_CHECK = GOOD_CODE[:17] + ("0" if GOOD_CODE[17] != "0" else "1")


def listed_names(window) -> list[str]:  # type: ignore[no-untyped-def]
    model = window.firms.model
    return [model.index(r, NAME).data() for r in range(model.rowCount())]


def test_a_firm_typed_in_chinese_is_saved_and_listed(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.action("new_firm").trigger()
    assert window.pages.currentIndex() == PACKAGE
    ed = window.editor
    ime_type(ed.ui.nameEdit, "青田测试元宇宙科技有限公司")
    assert not ed.ui.saveButton.isEnabled()  # the credit code is still missing
    assert "统一社会信用代码" in ed.ui.problemsLabel.text() or ed.problems
    ed.ui.usccEdit.setText(GOOD_CODE)
    assert ed.ui.saveButton.isEnabled()
    qtbot.mouseClick(ed.ui.saveButton, Qt.MouseButton.LeftButton)
    assert not ed.dirty
    window.show_screen(FIRMS)
    assert "青田测试元宇宙科技有限公司" in listed_names(window)
    stored, _ = window.session.store.get_firm(ed.firm_id)
    assert stored.uscc == GOOD_CODE


def test_a_malformed_credit_code_is_explained_and_blocks_saving(window) -> None:  # type: ignore[no-untyped-def]
    window.action("new_firm").trigger()
    ed = window.editor
    ime_type(ed.ui.nameEdit, "青田某科技有限公司")
    ed.ui.usccEdit.setText("91331121MA2A0B1C2")  # 17 characters
    assert ed.ui.usccMessage.isVisible()
    assert "应为18位，现为17位" in ed.ui.usccMessage.text()
    assert not ed.ui.saveButton.isEnabled()
    assert ed.save() is False
    ed.ui.usccEdit.setText("91331121MA2A0B1CZ4")  # Z is never used
    assert "不允许的字符" in ed.ui.usccMessage.text()
    assert not ed.ui.saveButton.isEnabled()


def test_a_checksum_mismatch_can_be_kept_with_a_note(window) -> None:  # type: ignore[no-untyped-def]
    window.action("new_firm").trigger()
    ed = window.editor
    ime_type(ed.ui.nameEdit, "青田早期试点企业有限公司")
    ed.ui.usccEdit.setText(BAD_CHECK)
    assert "校验位不符" in ed.ui.usccMessage.text()
    assert ed.ui.usccNoteEdit.isVisible()
    assert not ed.ui.saveButton.isEnabled()
    ime_type(ed.ui.usccNoteEdit, "营业执照原件如此，已电话核实")
    assert "已附说明" in ed.ui.usccMessage.text()
    assert ed.ui.saveButton.isEnabled()
    assert ed.save()
    stored, _ = window.session.store.get_firm(ed.firm_id)
    assert stored.uscc_note == "营业执照原件如此，已电话核实"


def test_a_bad_revenue_amount_turns_its_cell_red_with_the_cli_message(window) -> None:  # type: ignore[no-untyped-def]
    window.action("new_firm").trigger()
    ed = window.editor
    ime_type(ed.ui.nameEdit, "青田营收测试有限公司")
    ed.ui.usccEdit.setText(GOOD_CODE)
    ed.ui.tabs.setCurrentWidget(ed.ui.revenueTab)
    model = ed.ui.revenueTable.model()
    ed.ui.revenueAddButton.click()
    assert model.setData(model.index(0, 1), "很多")
    assert "不是有效金额" in model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert not ed.ui.saveButton.isEnabled()
    assert model.setData(model.index(0, 1), "1.2亿")
    assert model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole) is None
    assert ed.ui.saveButton.isEnabled()
    assert ed.parsed is not None
    firm, _ = ed.parsed
    assert list(firm.revenue.values()) == [120_000_000 * 100]


def test_edits_undo_and_redo_with_the_keyboard(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.action("new_firm").trigger()
    ed = window.editor
    ime_type(ed.ui.nameEdit, "第一个名字")
    ed.ui.gradeCombo.setCurrentIndex(ed.ui.gradeCombo.findData("A"))
    undo, redo = window.action("undo"), window.action("redo")
    assert undo.isEnabled()
    undo.trigger()
    assert ed.ui.gradeCombo.currentData() == "B"
    undo.trigger()
    assert ed.ui.nameEdit.text() == ""
    redo.trigger()
    assert ed.ui.nameEdit.text() == "第一个名字"
    assert "Ctrl+Shift+Z" in [s.toString() for s in redo.shortcuts()]


def test_leaving_with_unsaved_changes_asks_first(window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    first = window.firms.model.index(0, 0).data(ID_ROLE)
    window.open_firm(first)
    ed = window.editor
    ime_type(ed.ui.ownerEdit, "新负责人")
    assert ed.dirty
    monkeypatch.setattr(QMessageBox, "exec", lambda _self: QMessageBox.StandardButton.Cancel)
    other = window.firms.model.index(1, 0).data(ID_ROLE)
    window.open_firm(other)
    assert ed.firm_id == first and ed.ui.ownerEdit.text() == "新负责人"  # nothing lost
    monkeypatch.setattr(QMessageBox, "exec", lambda _self: QMessageBox.StandardButton.Save)
    window.open_firm(other)
    assert ed.firm_id == other
    saved, _ = window.session.store.get_firm(first)
    assert saved.owner == "新负责人"


def test_an_unsaved_draft_survives_a_crash(window, session, qtbot) -> None:  # type: ignore[no-untyped-def]
    from qt_app.ui.firm_editor import read_draft
    from qt_app.ui.main_window import DRAFT_FILE

    window.action("new_firm").trigger()
    ime_type(window.editor.ui.nameEdit, "崩溃前的草稿有限公司")
    window.editor.write_draft()
    payload = read_draft(session.store.folder / DRAFT_FILE)
    assert payload is not None and payload["values"]["name"] == "崩溃前的草稿有限公司"
    window.editor.load_firm(None)
    assert window.editor.restore_draft(payload)
    assert window.editor.ui.nameEdit.text() == "崩溃前的草稿有限公司" and window.editor.dirty


def test_ctrl_z_in_a_field_undoes_through_the_editor_stack(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.action("new_firm").trigger()
    ed = window.editor
    ed.ui.ownerEdit.setFocus()
    qtbot.keyClicks(ed.ui.ownerEdit, "Wang")
    ed.ui.gradeCombo.setCurrentIndex(ed.ui.gradeCombo.findData("C"))
    ed.ui.ownerEdit.setFocus()
    qtbot.keyClick(ed.ui.ownerEdit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ed.ui.gradeCombo.currentData() == "B"  # the last step, even though the focus is in another field
    qtbot.keyClick(ed.ui.ownerEdit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ed.ui.ownerEdit.text() == ""
    qtbot.keyClick(
        ed.ui.ownerEdit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert ed.ui.ownerEdit.text() == "Wang"


def test_a_variant_gets_its_own_revenue_plan_from_the_year_table(window, session) -> None:  # type: ignore[no-untyped-def]
    import json
    from pathlib import Path

    from qt_app.domain.firm_io import firm_from_dict

    data = json.loads(
        (Path(__file__).resolve().parents[2] / "resources/examples/xinghe-digital.json").read_text("utf-8")
    )
    data["uscc"] = uscc.make_code("9", "1", uscc.QINGTIAN_REGION, "MD0000001")
    firm, variants = firm_from_dict(data)
    session.store.save_firm(firm, variants)
    window.open_firm(firm.id)
    ed = window.editor
    combo = ed.ui.variantCombo  # the 营收计划 tab lists every variant; choosing one edits it
    assert combo.count() == 1 + len(variants)
    combo.setCurrentIndex(combo.findData("conservative"))
    assert ed.variant_mode.name == "conservative"
    assert "× 0.7" in ed.ui.variantInfo.text()
    model = ed.ui.revenueTable.model()
    shown = {model.index(r, 0).data(): model.index(r, 1).data() for r in range(model.rowCount())}
    assert shown["2027"] == "8400万"  # the base 1.2亿 × 0.7, as the variant computes it
    row_2027 = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "2027")
    assert model.setData(model.index(row_2027, 1), "8000万")
    assert "蓝色" in ed.ui.variantInfo.text()
    assert model.index(row_2027, 1).data(Qt.ItemDataRole.ToolTipRole) == "基准：1.2亿元"
    assert ed.save()
    _stored, stored_variants = session.store.get_firm(firm.id)
    conservative = next(v for v in stored_variants if v.name == "conservative")
    assert conservative.revenue_factor is None  # its own plan now: the other years keep base × 0.7
    assert conservative.firm_overrides["revenue"][2027] == 80_000_000 * 100
    assert conservative.firm_overrides["revenue"][2028] == firm.revenue[2028] * 7 // 10
    combo.setCurrentIndex(0)
    assert not ed.variant_mode.active
    assert model.rowCount() == len(firm.revenue)  # the base plan is untouched
    assert _stored.revenue == firm.revenue


def test_tab_moves_through_the_identity_fields_in_reading_order(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.action("new_firm").trigger()
    ed = window.editor
    ed.ui.nameEdit.setFocus()
    order = []
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget().objectName())
    assert order[:3] == ["usccEdit", "entityCombo", "gradeCombo"]  # the hidden note field is skipped
