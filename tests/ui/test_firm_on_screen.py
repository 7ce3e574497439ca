"""The screen always shows the firm being edited: New, Duplicate and Open never leave another firm's
numbers beside the form; meeting mode marks illustrative amounts, names clauses, and prints a handout."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

from qt_app.domain.money import capitals
from qt_app.domain.money_format import money
from qt_app.ui.main_window import PACKAGE


def package_of(window: Any) -> Any:
    panel = window.panel("package")
    panel.refresh()
    return panel


def first_two(window: Any) -> tuple[str, str]:
    rows = window.session.store.list_firms(sort="package_total_fen", descending=True, limit=2)
    return rows[0].id, rows[1].id


def test_new_firm_clears_the_package_and_says_what_is_missing(window: Any) -> None:
    a, _b = first_two(window)
    window.open_firm(a)
    panel = package_of(window)
    assert panel.package() is not None and panel.package().firm_id == a
    old_total = panel.total_figures.text()
    assert old_total
    window.action("new_firm").trigger()
    assert window.pages.currentIndex() == PACKAGE
    assert panel.package() is None
    assert panel.total_figures.text() == "" and panel.model.rowCount() == 0
    assert panel.body.currentWidget() is panel.waiting
    assert panel.waiting.text() == "填写必填项后测算：企业名称、统一社会信用代码"
    assert window.current_firm().firm is None and window.current_firm().firm_id == window.editor.firm_id


def test_duplicate_shows_the_copy_not_the_original(window: Any) -> None:
    a, _b = first_two(window)
    original, _ = window.session.store.get_firm(a)
    window.open_firm(a)
    window.action("duplicate_firm").trigger()
    panel = package_of(window)
    assert panel.package() is None  # the copy has no credit code yet
    assert panel.title.text() == f"{original.name}（副本）"
    assert "统一社会信用代码" in panel.waiting.text() and "企业名称" not in panel.waiting.text()
    compare = window.panel("compare")
    compare.refresh()
    assert compare.model.rowCount() == 0  # no columns of the original either


def test_opening_another_firm_shows_that_firm_everywhere(window: Any) -> None:
    a, b = first_two(window)
    window.open_firm(a)
    window.open_firm(b)
    panel = package_of(window)
    assert panel.package() is not None and panel.package().firm_id == b
    meeting = window.panel("meeting")
    meeting.refresh()
    assert meeting.package() is not None and meeting.package().firm_id == b


def test_a_new_default_policy_reaches_every_package_on_screen(window: Any, qtbot: Any) -> None:
    a, _b = first_two(window)
    window.open_firm(a)
    panel = package_of(window)
    shown_under = panel.package().policy_hash
    policies = window.panel("policies")
    newer = Path(window.session.policy.path)
    text = newer.read_text(encoding="utf-8").replace('version: "2023.1"', 'version: "2025.1"', 1)
    text = text.replace("id: qingtian-metaverse-2023", "id: qingtian-metaverse-2025", 1)
    text = text.replace("cap_per_year: {value: 100万", "cap_per_year: {value: 150万", 1)
    path = Path(window.session.store.folder) / "newer.yaml"
    path.write_text(text, encoding="utf-8")
    assert policies.load_file(path)
    policies.versions.setCurrentRow(1)
    policies.default_button.click()
    assert panel.package().policy_hash != shown_under  # the package panel heard the notice and recomputed
    assert panel.package().policy_version == "2025.1"


def test_meeting_mode_marks_illustrative_amounts_and_names_each_clause(window: Any) -> None:
    a, _b = first_two(window)
    window.open_firm(a)
    window.set_meeting_mode(True)
    meeting = window.panel("meeting")
    pkg = meeting.package()
    assert pkg is not None and pkg.firm_id == a
    lines = meeting.items.texts()
    rent = next(line for line in lines if line.startswith("租金支持"))
    assert "第一条" in rent and rent.endswith("[示例]")  # the rent caps are illustrative values
    assert money(pkg.by_item()["rent"]) in rent
    assert "以正式告知函为准" in meeting.caveat.text() and "示例" in meeting.caveat.text()
    assert not meeting.total_mark.isHidden() and meeting.total_mark.text() == "示例"  # so does the total
    window.set_meeting_mode(False)


def test_the_meeting_handout_is_one_a4_page_with_the_same_numbers(window: Any, tmp_path: Path) -> None:
    a, _b = first_two(window)
    window.open_firm(a)
    meeting = window.panel("meeting")
    meeting.refresh()
    pdf = meeting.save_handout(tmp_path / "brief.pdf")
    assert pdf is not None and pdf.exists()
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "Pages:           1" in info and "(A4)" in info
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pkg = meeting.package()
    assert pkg is not None
    for expected in (
        "会谈简报",
        pkg.firm_name,
        money(pkg.total),
        capitals(pkg.total),
        "测算值，以正式告知函为准",
        "示例",
    ):
        assert expected in text.replace(" ", ""), expected
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = [line for line in fonts.splitlines()[2:] if line.strip()]
    assert rows and all(" yes " in line for line in rows)  # every font embedded (the bundled CJK font)


def test_a_half_typed_row_keeps_this_firms_numbers_greyed_and_says_why(window: Any) -> None:
    a, _b = first_two(window)
    window.open_firm(a)
    panel = package_of(window)
    before = panel.package()
    assert before is not None and not panel.is_stale()
    ed = window.editor
    model = ed.tables.model("science_projects")
    model.add_row({"name": "", "level": "municipal", "year": "2027"})  # a new row, nothing typed yet
    ed.announce_now()
    panel.refresh()
    assert panel.is_stale() and panel.package() is before  # the same firm's last numbers, greyed
    assert "尚未计入" in panel.banner.text() and "科技项目 第" in panel.banner.text()
    assert not panel.tree.isEnabled()
    model.remove_row(model.rowCount() - 1)
    ed.announce_now()
    panel.refresh()
    assert not panel.is_stale() and panel.package() is not None and panel.package().firm_id == a
