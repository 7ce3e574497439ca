"""Typing into the editor's tables as in Excel: Tab commits and moves on, Enter commits, Esc cancels,
a new row by keyboard; a value always lands in the table, row and column it was typed in."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from qt_app.domain import uscc
from qt_app.domain.money import wan
from qt_app.ui.main_window import PACKAGE

from .keys import CTRL, SHIFT, Key, focused, press, tab_to, type_text

GOOD_CODE = uscc.make_code("9", "1", uscc.QINGTIAN_REGION, "MA1234567")


@pytest.fixture
def editor(window: Any, qtbot: Any) -> Any:
    """A new firm in the real window, which has the keyboard focus."""
    window.activateWindow()
    QTest.qWaitForWindowActive(window)
    window.action("new_firm").trigger()
    assert window.pages.currentIndex() == PACKAGE
    return window.editor


def rows(ed: Any, key: str) -> list[dict[str, str]]:
    return ed.tables.model(key).rows()


def test_tab_commits_each_cell_and_insert_starts_a_row(editor: Any) -> None:
    ui = editor.ui
    ui.tabs.setCurrentWidget(ui.projectsTab)
    ui.scienceTable.setFocus()
    press(Key.Key_Insert)  # a new row, its first cell open for typing
    type_text("青田元宇宙引擎研发")
    press(Key.Key_Tab)
    press(Key.Key_Down)  # 级别: the next level in the list
    press(Key.Key_Tab)
    type_text("2000000")
    press(Key.Key_Tab)
    type_text("2027")
    press(Key.Key_Return)
    row = rows(editor, "science_projects")[0]
    assert row["name"] == "青田元宇宙引擎研发" and row["allocated"] == "2000000" and row["year"] == "2027"
    assert row["level"] != "municipal"  # moved off the default with the arrow key
    assert rows(editor, "revenue") == []  # nothing landed in another table


def test_tab_past_the_last_cell_adds_a_row_and_an_unused_one_lets_the_focus_go(editor: Any) -> None:
    ui = editor.ui
    ui.tabs.setCurrentWidget(ui.revenueTab)
    ui.revenueTable.setFocus()
    press(Key.Key_Insert)
    type_text("2026")
    press(Key.Key_Tab)
    type_text("15000000")
    press(Key.Key_Tab)  # past the last cell: a new row, prefilled with the next year
    assert [r["year"] for r in rows(editor, "revenue")] == ["2026", "2027"]
    press(Key.Key_Tab)
    press(Key.Key_Tab)  # through the unused new row: it goes, and so does the focus
    assert rows(editor, "revenue") == [{"year": "2026", "amount": "15000000"}]
    assert focused() is not ui.revenueTable
    assert editor.parsed is None or editor.parsed[0].revenue == {2026: wan(1500)}


def test_esc_cancels_the_cell_being_typed(editor: Any) -> None:
    ui = editor.ui
    ui.tabs.setCurrentWidget(ui.revenueTab)
    ui.revenueTable.setFocus()
    press(Key.Key_Insert)
    type_text("2030")
    press(Key.Key_Tab)
    type_text("1")
    press(Key.Key_Escape)  # the amount is not kept; the year typed before it is
    assert rows(editor, "revenue") == [{"year": "2030", "amount": ""}]
    assert focused() is ui.revenueTable


def test_an_amount_for_a_science_project_never_lands_in_the_revenue_plan(window: Any, editor: Any) -> None:
    """The reported bug: one delegate shared by seven tables sent a typed amount to the wrong table."""
    firm, _variants = next(iter(window.session.store.all_firms()))
    window.open_firm(firm.id)
    revenue_before = rows(editor, "revenue")
    ui = editor.ui
    for tab in (ui.revenueTab, ui.talentsTab, ui.projectsTab):
        ui.tabs.setCurrentWidget(tab)  # every table has been shown, as a user clicking through would
    ui.scienceTable.setFocus()
    press(Key.Key_Insert)
    type_text("科技项目甲")
    press(Key.Key_Tab)
    press(Key.Key_Tab)
    type_text("2000000")
    press(Key.Key_Tab)
    assert rows(editor, "revenue") == revenue_before
    assert rows(editor, "science_projects")[-1]["allocated"] == "2000000"
    assert editor.parsed is not None and editor.parsed[0].revenue == firm.revenue


def test_a_row_problem_names_table_row_and_column_beside_the_table(editor: Any) -> None:
    ui = editor.ui
    ui.tabs.setCurrentWidget(ui.projectsTab)
    ui.scienceTable.setFocus()
    press(Key.Key_Insert)
    type_text("无资金的项目")
    press(Key.Key_Return)
    line = "科技项目 第1行：上级下拨资金 为空"
    assert (
        line
        in ui.scienceTable.parentWidget().findChild(type(ui.problemsLabel), "scienceTableProblems").text()
    )
    assert line in ui.problemsLabel.text()
    model = ui.scienceTable.model()
    assert model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole) == line


def test_delete_in_a_table_clears_the_cell_and_never_deletes_the_firm(window: Any, editor: Any) -> None:
    firm, _ = next(iter(window.session.store.all_firms()))
    window.open_firm(firm.id)
    ui = editor.ui
    ui.tabs.setCurrentWidget(ui.revenueTab)
    ui.revenueTable.setFocus()
    ui.revenueTable.setCurrentIndex(ui.revenueTable.model().index(0, 1))
    press(Key.Key_Delete)
    assert rows(editor, "revenue")[0]["amount"] == ""
    assert window.session.store.count_firms() == 30 and editor.firm_id == firm.id


def test_ctrl_enter_adds_a_talent_row_with_the_defaults(editor: Any) -> None:
    ui = editor.ui
    ui.tabs.setCurrentWidget(ui.talentsTab)
    ui.talentsTable.setFocus()
    press(Key.Key_Return, CTRL)
    press(Key.Key_Escape)  # the editor on the first cell closes, and the untouched row goes with it
    assert rows(editor, "talents") == []
    assert focused() is ui.talentAddButton  # …and the focus moves on, as after the last field
    press(Key.Key_Tab, SHIFT)
    assert focused() is ui.talentsTable
    press(Key.Key_Insert)
    press(Key.Key_Tab)
    type_text("3")
    press(Key.Key_Return)
    assert rows(editor, "talents")[0]["count"] == "3"
    tab_to(ui.talentAddButton)


def test_a_new_row_typed_exactly_as_its_defaults_is_kept(editor: Any) -> None:
    """Typing the values a new row was prefilled with (B, 1 person, this year, rent allowance) is still typing:
    Tab past the end, then on to another field, keeps the row (it used to be taken away as unused)."""
    ui = editor.ui
    ui.tabs.setCurrentWidget(ui.talentsTab)
    ui.talentsTable.setFocus()
    press(Key.Key_Insert)
    defaults = rows(editor, "talents")[0]
    press(Key.Key_Escape)  # the open level cell: the row is untouched, so Esc takes it away
    assert rows(editor, "talents") == [] and focused() is not ui.talentsTable
    press(Key.Key_Tab, SHIFT)  # back into the table
    assert focused() is ui.talentsTable
    press(Key.Key_Insert)
    press(Key.Key_Home)
    press(Key.Key_Down)  # A, then back to B: chosen, though the same as the default
    press(Key.Key_Tab)
    type_text(defaults["count"])
    press(Key.Key_Tab)
    type_text(defaults["arrival_year"])
    press(Key.Key_Return)  # as fill-in ends: the housing keeps its default (租房补贴)
    for _ in range(10):  # Tab on out of the table, through the new row Tab past the end offers
        if focused() is not ui.talentsTable:
            break
        press(Key.Key_Tab)
    assert focused() is not ui.talentsTable
    assert rows(editor, "talents") == [defaults]
    assert editor.values()["talents"] == [defaults]  # what saving would store
