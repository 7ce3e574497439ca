"""政策库 panel: versions and their parameters; a broken file lists its problems line by line and changes nothing."""

from __future__ import annotations

import pytest

from qt_app import paths
from qt_app.domain.errors import ValidationError
from qt_app.domain.policy_loader import load_policy
from qt_app.ui.policy_view import PoliciesPanel
from qt_app.ui.widgets.status_badge import BADGE_ROLE

EMPTY_STORE = True  # the conftest's session opens a database without firms


def policy_text(**changes: str) -> str:
    text = paths.default_policy_path().read_text(encoding="utf-8")
    for old, new in changes.items():
        assert old in text
        text = text.replace(old, new, 1)
    return text


def test_shows_the_version_with_open_end_and_badges(qtbot, session, hub) -> None:
    panel = PoliciesPanel(session, hub)
    qtbot.addWidget(panel)
    assert panel.versions.count() == 1
    assert "（默认）" in panel.versions.item(0).text()
    assert "截止日期未定" in panel.header.text()
    rent = panel.items_model.item(0, 0)
    assert rent.text() == "第一条 租金支持"
    assert panel.items_model.item(0, 2).data(BADGE_ROLE) == [("示例", "illustrative")]
    params = {rent.child(r, 0).text(): rent.child(r, 1).text() for r in range(rent.rowCount())}
    assert params["年度上限"] == "100万元"
    assert panel.lpr_model.rowCount() == len(session.policy.lpr)


def test_broken_file_lists_problems_line_by_line_and_changes_nothing(qtbot, session, hub, tmp_path) -> None:
    bad = tmp_path / "broken.yaml"
    bad.write_text(
        policy_text(
            **{
                'version: "2023.1"': 'version: "2024.9"',
                'rate: {value: "0.30", unit: rate': 'rate: {value: "abc", unit: rate',
            }
        ),
        encoding="utf-8",
    )
    with pytest.raises(ValidationError) as caught:
        load_policy(bad)
    panel = PoliciesPanel(session, hub)
    qtbot.addWidget(panel)
    before = list(session.policies)
    assert panel.load_file(bad) is False
    lines = panel.error_lines()
    assert lines == caught.value.lines("zh")
    assert all(line.startswith("第") and "行 " in line for line in lines)
    assert any("items[2].params.rate.value" in line and "实为“abc”" in line for line in lines)
    assert "未做任何更改" in panel.errors_label.text()
    assert session.policies == before
    assert panel.versions.count() == 1


def test_load_a_new_version_and_make_it_the_default(qtbot, session, hub, tmp_path) -> None:
    newer = tmp_path / "newer.yaml"
    newer.write_text(
        policy_text(
            **{
                "id: qingtian-metaverse-2023": "id: qingtian-metaverse-2025",
                'version: "2023.1"': 'version: "2025.1"',
                "effective_to: null": "effective_to: 2028-12-31",
            }
        ),
        encoding="utf-8",
    )
    panel = PoliciesPanel(session, hub)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(hub.changed) as loaded:
        assert panel.load_file(newer) is True
    assert loaded.args[0].policy
    assert panel.errors.isHidden()
    assert panel.versions.count() == 2
    assert "2028-12-31" in panel.header.text()
    assert panel.default_button.isEnabled()
    panel.show()
    with qtbot.waitSignal(hub.changed) as changed:
        panel.default_button.click()
    assert changed.args[0].policy
    assert session.policy.id == "qingtian-metaverse-2025"
    assert "（默认）" in panel.versions.item(1).text()
    assert not panel.default_button.isEnabled()
    hub.stack.undo()  # Ctrl+Z: the previous default again, everywhere
    assert session.policy.id == "qingtian-metaverse-2023"
    assert "（默认）" in panel.versions.item(0).text()
