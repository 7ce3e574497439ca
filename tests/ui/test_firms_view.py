"""企业库 as staff use it: search in Chinese and pinyin initials, filters, delete with undo, stages, contacts."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from qt_app.domain.firm import Stage
from qt_app.domain.money_format import money
from qt_app.ui.models.firm_table import ID_ROLE, NAME, STAGE, TOTAL

from .helpers import ime_type


def names(window) -> list[str]:  # type: ignore[no-untyped-def]
    m = window.firms.model
    return [m.index(r, NAME).data() for r in range(m.rowCount())]


def search(window, qtbot, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    ime_type(window.firms.search, text)
    qtbot.waitUntil(lambda: window.firms.model.query == text.strip(), timeout=2000)
    return names(window)


def test_search_as_you_type_finds_chinese_substrings_and_pinyin_initials(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    all_names = names(window)
    target = next(n for n in all_names if n.startswith("青田") and "科技" in n)
    found = search(window, qtbot, target[2:5])  # three characters from the middle of the name
    assert target in found and len(found) < len(all_names)
    from pypinyin import Style, lazy_pinyin

    initials = "".join(lazy_pinyin(target[:4], style=Style.FIRST_LETTER))
    assert target in search(window, qtbot, initials)
    assert search(window, qtbot, "没有这样的企业名称") == []
    assert "共 0 家企业" in window.firms.count_label.text()


def test_the_stage_filter_and_sorting_are_done_by_the_store(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = window.firms
    view.stage_filter.setCurrentIndex(view.stage_filter.findData(Stage.SIGNED.value))
    shown = {view.model.index(r, STAGE).data() for r in range(view.model.rowCount())}
    assert shown == {"签约"}
    view.stage_filter.setCurrentIndex(0)
    view.table.sortByColumn(NAME, __import__("PySide6.QtCore", fromlist=["Qt"]).Qt.SortOrder.AscendingOrder)
    first = view.model.index(0, NAME).data()
    assert first == view.model.firm_row(0).name
    assert view.model.total == len(names(window))


def test_delete_goes_to_the_trash_and_ctrl_z_brings_it_back(window) -> None:  # type: ignore[no-untyped-def]
    view = window.firms
    window.show_screen(0)
    view.table.selectRow(0)
    firm_id = view.current_id()
    name = view.model.index(0, NAME).data()
    before = view.model.total
    window.action("delete_firm").trigger()
    assert view.model.total == before - 1 and name not in names(window)
    assert any(r.id == firm_id for r in window.session.store.trash())
    window.action("undo").trigger()
    assert view.model.total == before and name in names(window)
    window.action("redo").trigger()
    assert name not in names(window)


def test_terminating_needs_a_reason_and_can_be_undone(window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from qt_app.ui.firm_dialogs import StageDialog

    view = window.firms
    view.table.selectRow(0)
    firm_id = view.current_id()
    old = window.session.store.get_firm(firm_id)[0].stage
    firm = window.session.store.get_firm(firm_id)[0]
    dialog = StageDialog(firm)
    dialog.stage.setCurrentIndex(dialog.stage.findData(Stage.TERMINATED.value))
    assert not dialog.buttons.buttons()[0].isEnabled() or "终止须说明原因" in dialog.message.text()
    ime_type(dialog.reason, "企业决定落户外省")
    assert dialog.message.text() == ""

    def fake_exec(self: StageDialog) -> int:
        self.stage.setCurrentIndex(self.stage.findData(Stage.TERMINATED.value))
        self.reason.setText("企业决定落户外省")
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(StageDialog, "exec", fake_exec)
    window.action("change_stage").trigger()
    stored = window.session.store.get_firm(firm_id)[0]
    assert stored.stage is Stage.TERMINATED and stored.stage_reason == "企业决定落户外省"
    row = view.model.row_of(firm_id)
    assert view.model.index(row, STAGE).data() == "终止"
    window.action("undo").trigger()
    assert window.session.store.get_firm(firm_id)[0].stage is old


def test_the_contact_log_lists_and_adds_entries(window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from qt_app.ui.firm_dialogs import ContactDialog

    view = window.firms
    view.table.selectRow(0)
    firm_id = view.current_id()
    before = view.contacts.rowCount()

    def fake_exec(self: ContactDialog) -> int:
        self.who.setText("张总")
        self.notes.setPlainText("介绍了租金补助和营收奖励")
        self.next_step.setText("下周带团队考察青创大厦")
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(ContactDialog, "exec", fake_exec)
    window.action("add_contact").trigger()
    assert view.contacts.rowCount() == before + 1
    texts = [view.contacts.index(0, c).data() for c in range(5)]
    assert "张总" in texts and "下周带团队考察青创大厦" in texts
    assert window.session.store.contacts(firm_id)[0].who == "张总"


def test_package_totals_fill_in_for_the_list(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    model = window.firms.model
    qtbot.waitUntil(lambda: not model.missing_totals(1), timeout=5000)
    first = model.firm_row(0)
    assert first is not None and first.package_total_fen is not None
    firm, _ = window.session.store.get_firm(first.id)
    expected = window.session.package(firm, explain=False).total
    assert first.package_total_fen == expected
    assert model.index(0, TOTAL).data() == money(expected)
    assert model.index(0, NAME).data(ID_ROLE) == first.id


def test_an_unedited_editor_follows_a_stage_change_made_in_the_list(window) -> None:  # type: ignore[no-untyped-def]
    view = window.firms
    view.table.selectRow(0)
    firm_id = view.current_id()
    window.open_firm(firm_id)
    window.show_screen(0)
    assert window.firms.set_stage(firm_id, Stage.SIGNED.value)
    assert window.editor.ui.stageCombo.currentData() == Stage.SIGNED.value
    assert not window.editor.dirty


def test_pinyin_initials_find_a_firm_with_words_between(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = window.firms
    view.search.setText("qtkj")  # as typed in the search box
    view.apply_search()
    names = [view.model.index(r, NAME).data() for r in range(view.model.rowCount())]
    assert "青田芝溪算法科技有限公司" in names  # 青田 … 科技, 芝溪算法 between
    assert all("科技" in n or "科" in n for n in names)


def test_an_empty_result_says_so_and_suggests_what_to_try(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = window.firms
    view.search.setText("不存在的企业名")
    view.apply_search()
    assert view.model.total == 0
    assert view.nothing_found.isVisible() and not view.table.isVisible()
    text = view.nothing_found.text()
    assert "没有找到与“不存在的企业名”相符的企业" in text and "qtkj" in text
    view.search.clear()
    view.apply_search()
    assert view.table.isVisible() and not view.nothing_found.isVisible()
