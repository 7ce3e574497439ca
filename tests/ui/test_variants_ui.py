"""What-if variants at the table: built by keyboard in the editor, the same package as the CLI computes, undone,
deleted (the offer only when confirmed), made from a hint and shown beside the base."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from qt_app.domain import uscc
from qt_app.domain.firm import Firm
from qt_app.domain.firm_io import firm_from_dict
from qt_app.domain.money import wan
from qt_app.domain.money_format import money
from qt_app.domain.variants import BASE, Variant
from qt_app.services.offers import offer_variant
from qt_app.services.operations import office
from qt_app.services.packages import package_to_dict
from qt_app.ui.main_window import COMPARE, PACKAGE

from .keys import CTRL, SHIFT, Key, focused, press, tab_to, type_text

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "examples" / "xinghe-digital.json"


@pytest.fixture
def xinghe(window: Any) -> Firm:
    """青田星河 with its three variants (保守, 改入驻华侨总部大楼, 租金上限200万), open in the editor."""
    data = json.loads(EXAMPLE.read_text("utf-8"))
    data["uscc"] = uscc.make_code("9", "1", uscc.QINGTIAN_REGION, "MW0000001")
    firm, variants = firm_from_dict(data)
    window.session.store.save_firm(firm, variants)
    window.open_firm(firm.id)
    window.activateWindow()
    QTest.qWaitForWindowActive(window)
    return firm


def stored(window: Any, firm: Firm) -> tuple[Variant, ...]:
    return window.session.store.get_firm(firm.id)[1]


def to_page(window: Any, page: Any) -> None:
    bar = window.editor.ui.tabs.tabBar()
    tab_to(bar, limit=200)
    while window.editor.ui.tabs.currentWidget() is not page:
        press(Key.Key_Right)


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "qt_app", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_a_variant_built_by_keyboard_is_the_package_the_cli_computes(
    window: Any, xinghe: Firm, tmp_path: Path
) -> None:
    ed = window.editor
    ui = ed.ui
    press(Key.Key_N, CTRL | SHIFT)  # 新建方案, from the base shown
    assert window.pages.currentIndex() == PACKAGE and ed.variant_mode.is_new
    assert focused() is ui.variantNameEdit
    type_text("迁华侨总部且提速")
    to_page(window, ui.locationTab)
    tab_to(ui.siteCombo)
    press(Key.Key_Home)
    press(Key.Key_Down, times=ui.siteCombo.findData("huaqiao_hq"))
    tab_to(ui.areaEdit)
    press(Key.Key_A, CTRL)
    type_text("1000")
    to_page(window, ui.revenueTab)
    tab_to(ui.revenueTable)
    press(Key.Key_Home, CTRL)  # the first cell: 2026
    press(Key.Key_Down)  # 2027
    press(Key.Key_Right)  # its amount
    press(Key.Key_Return)  # open the cell
    type_text("350000000")  # 3.5亿 a year earlier
    press(Key.Key_Tab)  # 2028's year
    press(Key.Key_Tab)  # 2028's amount, open for typing (as Tab does in Excel)
    type_text("400000000")
    press(Key.Key_Return)
    assert ui.saveButton.isEnabled(), ui.problemsLabel.text()
    assert "华侨总部大楼 1000㎡（基准：青创大厦 800㎡）" in ui.variantBanner.text()
    press(Key.Key_S, CTRL)  # 保存
    assert not ed.dirty
    made = stored(window, xinghe)[-1]
    assert made.label == "迁华侨总部且提速" and not ed.variant_mode.is_new
    location = made.firm_overrides["location"]
    assert (location.site, location.area_m2) == ("huaqiao_hq", Decimal("1000"))
    assert made.firm_overrides["revenue"][2027] == wan(35_000) and made.firm_overrides["revenue"][
        2028
    ] == wan(40_000)

    panel = window.panel("package")
    assert panel.variant_combo.currentData() == made.name  # the package shows the variant being edited
    shown = panel.package()
    assert shown is not None and shown.variant == made.name

    # the firm file as exported, computed by another process
    data = str(window.session.store.folder)
    exported = tmp_path / "firm.json"
    out = cli("firms", "export", str(exported), "--firm", xinghe.id, "--data-dir", data)
    assert out.returncode == 0, out.stderr
    out = cli("simulate", str(exported), "--variant", made.label, "--format", "json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == json.loads(json.dumps(package_to_dict(shown), ensure_ascii=False))
    cli_package = json.loads(out.stdout)
    assert money(cli_package["totals"]["total_fen"]) in panel.total_figures.text()  # what the officer reads


def test_creating_editing_and_deleting_a_variant_undo_and_redo(window: Any, xinghe: Firm) -> None:
    ed = window.editor
    undo, redo = window.action("undo"), window.action("redo")
    before = stored(window, xinghe)
    assert ed.variant_bar.new_variant("")
    ed.ui.variantNameEdit.setText("扩产方案")
    ed.ui.investmentEdit.setText("8000万")
    assert ed.save()
    made = stored(window, xinghe)[-1]
    assert made.label == "扩产方案" and made.firm_overrides == {"investment": wan(8000)}
    undo.trigger()  # the creation
    assert stored(window, xinghe) == before and not ed.variant_mode.active
    redo.trigger()
    assert stored(window, xinghe)[-1] == made

    assert ed.variant_bar.open_variant(made.name)
    ed.ui.investmentEdit.setText("9000万")
    assert ed.save()
    assert stored(window, xinghe)[-1].firm_overrides == {"investment": wan(9000)}
    undo.trigger()  # the edit
    assert stored(window, xinghe)[-1].firm_overrides == {"investment": wan(8000)}
    assert ed.ui.investmentEdit.text() == "8000万"  # the editor shows the variant as it is again
    redo.trigger()
    assert ed.ui.investmentEdit.text() == "9000万"

    assert ed.variant_bar.delete()
    assert all(v.name != made.name for v in stored(window, xinghe)) and not ed.variant_mode.active
    undo.trigger()  # the deletion
    assert stored(window, xinghe)[-1].label == "扩产方案"
    redo.trigger()
    assert stored(window, xinghe) == before


def test_deleting_the_offer_asks_first(window: Any, xinghe: Firm, monkeypatch: pytest.MonkeyPatch) -> None:
    session = window.session
    huaqiao = next(v for v in stored(window, xinghe) if v.name == "huaqiao")
    office.choose_offer_variant(session, xinghe.id, huaqiao)
    ed = window.editor
    assert ed.variant_bar.open_variant("huaqiao")
    assert "（报价方案）" in ed.ui.variantModeCombo.currentText()
    asked: list[str] = []

    def answer(reply: QMessageBox.StandardButton) -> Any:
        def ask(_parent: Any, title: str, text: str, *_a: Any) -> QMessageBox.StandardButton:
            asked.append(text)
            return reply

        return ask

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    assert not ed.variant_bar.delete()
    assert "报价方案" in asked[0] and "已出具的告知函保持出具时的方案不变" in asked[0]
    assert any(v.name == "huaqiao" for v in stored(window, xinghe))
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    assert ed.variant_bar.delete()
    assert all(v.name != "huaqiao" for v in stored(window, xinghe))
    assert offer_variant(session.store, xinghe.id) is None


def test_an_override_that_makes_the_firm_invalid_gets_the_base_message_and_saves_nothing(
    window: Any, xinghe: Firm
) -> None:
    ed = window.editor
    ed.ui.areaEdit.setText("很大")
    base_message = ed.ui.areaEdit.toolTip()
    assert "应为数字" in base_message
    ed.revert()
    before = stored(window, xinghe)
    assert ed.variant_bar.new_variant("")
    ed.ui.variantNameEdit.setText("面积写错")
    ed.ui.areaEdit.setText("很大")
    assert ed.ui.areaEdit.toolTip() == base_message
    assert base_message in ed.ui.problemsLabel.text()
    assert not ed.ui.saveButton.isEnabled() and not ed.save()
    ed.ui.areaEdit.setText("900")
    ed.ui.variantNameEdit.setText("")
    assert "方案名称 为空" in ed.ui.problemsLabel.text() and not ed.save()
    ed.ui.variantNameEdit.setText("保守方案")  # taken by another variant
    assert "已有同名方案" in ed.ui.problemsLabel.text() and not ed.save()
    assert stored(window, xinghe) == before


def test_a_hint_becomes_a_variant_shown_beside_the_base(window: Any, xinghe: Firm) -> None:
    session = window.session
    modest = xinghe.with_changes(revenue={2026: wan(2000), 2027: wan(4000), 2028: wan(9000)})
    session.store.save_firm(modest, stored(window, xinghe))
    window.open_firm(xinghe.id)
    panel = window.panel("package")
    panel.request_refresh()
    hint = panel.hints_box.chosen()
    assert hint is not None and panel.hints_box.button.isEnabled()
    panel.hints_box.list.setFocus()
    press(Key.Key_Return)  # 按此新建方案 on the hint chosen
    made = stored(window, xinghe)[-1]
    assert made.label == hint.label("zh")
    assert window.pages.currentIndex() == COMPARE
    compare = window.panel("compare")
    assert [v.name for v in compare.shown_variants()] == [BASE, made.name]
    total = compare.model.rowCount() - 1
    gain = compare.model.index(total, 1).data(Qt.ItemDataRole.UserRole + 44)
    assert gain == hint.gain


def test_every_variant_in_every_list_and_policy_assumptions_marked(window: Any, xinghe: Firm) -> None:
    ed = window.editor
    names = [ed.ui.variantCombo.itemText(i) for i in range(ed.ui.variantCombo.count())]
    assert names == [
        "基准方案（企业申报）",
        "保守方案",
        "改入驻华侨总部大楼",
        "租金年度上限调至200万（政策假设）",
    ]
    panel = window.panel("package")
    listed = [panel.variant_combo.itemData(i) for i in range(panel.variant_combo.count())]
    assert listed == [BASE, "conservative", "huaqiao", "higher-rent-cap"]
    window.show_screen(COMPARE)
    compare = window.panel("compare")
    compare.show_variants([BASE, "huaqiao", "conservative", "higher-rent-cap"])
    headers = [compare.model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert headers[3] == "租金年度上限调至200万（政策假设）"
    cap_button = compare._buttons[3]
    assert not cap_button.isEnabled() and "政策参数假设" in cap_button.toolTip()
    assert compare.choose_offer("huaqiao")
    compare.refresh()
    assert compare.model.headerData(1, Qt.Orientation.Horizontal) == "★ 改入驻华侨总部大楼"
    assert not compare._buttons[1].isEnabled() and "当前报价方案" in compare._buttons[1].text()
    rent = next(
        r
        for r in range(compare.model.rowCount())
        if compare.model.headerData(r, Qt.Orientation.Vertical) == "租金支持"
    )
    tip = compare.model.index(rent, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert "2026年" in tip and "（+" in tip  # each year of the line, with its difference
    assert ed.variant_bar.open_variant("higher-rent-cap")
    assert "（政策假设）" in ed.ui.variantBanner.text()
    assert (
        not ed.ui.tabs.isTabVisible(ed.ui.tabs.indexOf(ed.ui.pipelineTab)) or not ed.ui.stageCombo.isEnabled()
    )
    assert ed.ui.tabs.isTabVisible(ed.ui.tabs.indexOf(ed.ui.policyTab))


def test_a_variant_being_typed_comes_back_after_a_crash(window: Any, xinghe: Firm) -> None:
    from qt_app.ui import editor_drafts

    ed = window.editor
    assert ed.variant_bar.open_variant("huaqiao")
    ed.ui.areaEdit.setText("1500")
    kept = json.loads(json.dumps(editor_drafts.payload(ed), ensure_ascii=False))  # as the draft file holds it
    ed.load_firm(None)
    assert ed.restore_draft(kept)
    assert ed.variant_mode.name == "huaqiao" and ed.dirty and ed.ui.areaEdit.text() == "1500"
    assert "改入驻华侨总部大楼" in ed.ui.titleLabel.text()
    assert ed.save()
    assert (
        next(v for v in stored(window, xinghe) if v.name == "huaqiao").firm_overrides["location"].area_m2
        == 1500
    )


def test_a_new_variant_starts_from_the_entry_chosen_in_the_comparison(window: Any, xinghe: Firm) -> None:
    window.show_screen(COMPARE)
    compare = window.panel("compare")
    picks = compare.pick_list
    row = next(
        r
        for r in range(picks.count())
        if picks.item(r).data(Qt.ItemDataRole.UserRole) == "site:enclave_shanghai"
    )
    picks.setCurrentRow(row)
    compare.new_button.click()  # 新建方案… from 改入驻青田（上海）飞地, a built-in what-if
    ed = window.editor
    assert window.pages.currentIndex() == PACKAGE and ed.variant_mode.is_new
    assert ed.ui.siteCombo.currentData() == "enclave_shanghai"
    assert "青田（上海）飞地 800㎡（基准：青创大厦 800㎡）" in ed.ui.variantBanner.text()
    ed.ui.variantNameEdit.setText("去上海飞地")
    assert ed.save()
    made = stored(window, xinghe)[-1]
    assert made.firm_overrides["location"].site == "enclave_shanghai" and made.site is None
