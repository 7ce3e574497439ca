"""政策测算 and 会谈模式 panels: the numbers on screen are the engine's, and they move with the firm."""

from __future__ import annotations

import sys
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import QLabel

from qt_app import paths
from qt_app.domain.firm import Firm
from qt_app.domain.firm_io import load_firm_file
from qt_app.domain.money import capitals, wan
from qt_app.domain.money_format import figure, money
from qt_app.domain.variants import Variant
from qt_app.ui.meeting import MeetingView
from qt_app.ui.package_view import PackagePanel
from qt_app.ui.panel_strings_en import PANEL_STRINGS_EN
from qt_app.ui.widgets.package_parts import NOT_GIVEN_KEY, package_nodes
from qt_app.ui.widgets.status_badge import BADGE_ROLE
from qt_app.ui.widgets.tree_model import AMOUNT_ROLE, KEY_ROLE, NodeTreeModel

from .conftest import shown

EXAMPLES = paths.resource("examples")


EMPTY_STORE = True  # the conftest's session opens a database without firms


@pytest.fixture
def xinghe() -> tuple[Firm, tuple[Variant, ...]]:
    return load_firm_file(EXAMPLES / "xinghe-digital.json")


def item_amounts(panel: PackagePanel) -> dict[str, int]:
    m = panel.model
    keys = [str(m.index(r, 0).data(KEY_ROLE)) for r in range(m.rowCount())]
    return {k: int(m.index(r, 1).data(AMOUNT_ROLE)) for r, k in enumerate(keys) if k != NOT_GIVEN_KEY}


def year_row(panel: PackagePanel, item_id: str, year: int) -> str:
    m = panel.model
    for r in range(m.rowCount()):
        parent = m.index(r, 0)
        if parent.data(KEY_ROLE) != item_id:
            continue
        for r2 in range(m.rowCount(parent)):
            if m.index(r2, 0, parent).data() == f"{year}年":
                return str(m.index(r2, 1, parent).data())
    raise AssertionError(f"no {item_id} row for {year}")


def test_totals_on_screen_are_the_packages(qtbot, session, hub, xinghe) -> None:
    firm, variants = xinghe
    panel = PackagePanel(session, hub)
    qtbot.addWidget(panel)
    panel.show()
    panel.show_firm(shown(firm, variants))
    pkg = session.package(firm, Variant())
    assert pkg.total > 0
    assert figure(pkg.total) in panel.total_figures.text() and money(pkg.total) in panel.total_figures.text()
    assert panel.total_capitals.text() == "人民币" + capitals(pkg.total)
    amounts = item_amounts(panel)
    assert amounts == {k: v for k, v in pkg.by_item().items() if k in amounts}
    assert sum(amounts.values()) == pkg.total
    for amount in pkg.by_year().values():
        assert money(amount) in panel.totals.text()
        assert "人民币" + capitals(amount) in panel.totals.text()
    # the 2027 compute voucher is capped at the yearly limit, and says so
    assert year_row(panel, "compute", 2027) == "200.00万元"
    assert "[已封顶]" in "".join(f"[{t}]" for t, _ in panel.model.index(2, 2).data(BADGE_ROLE) or [])


def test_revenue_edit_moves_the_milestone_award(qtbot, session, hub, xinghe) -> None:
    firm, variants = xinghe
    panel = PackagePanel(session, hub)
    qtbot.addWidget(panel)
    panel.show()
    panel.show_firm(shown(firm, variants))
    # 1.2亿 in 2027 passes the 1亿 tier: 150万 that year
    assert year_row(panel, "revenue", 2027) == "150.00万元"
    slower = replace(firm, revenue={**firm.revenue, 2027: wan(6000)})
    panel.show_firm(shown(slower, variants))
    # 6000万 only passes the 5000万 tier (60万); the rest comes when 2028 passes 3亿
    assert year_row(panel, "revenue", 2027) == "60.00万元"
    assert year_row(panel, "revenue", 2028) == "240.00万元"
    assert figure(session.package(slower).total) in panel.total_figures.text()


def test_hints_name_the_revenue_that_would_add_money(qtbot, session, hub, xinghe) -> None:
    firm, variants = xinghe
    modest = replace(firm, revenue={2026: wan(2000), 2027: wan(4000), 2028: wan(4500)})
    panel = PackagePanel(session, hub)
    qtbot.addWidget(panel)
    panel.show()
    panel.show_firm(shown(modest, variants))
    hints = session.hints(modest)
    assert hints
    assert panel.hint_texts() == [hint.zh for hint in hints]
    assert any("可增加" in text for text in panel.hint_texts())


def test_trading_firm_shows_why_nothing_is_given(qtbot, session, hub) -> None:
    firm, variants = load_firm_file(EXAMPLES / "trading-firm.json")
    panel = PackagePanel(session, hub)
    qtbot.addWidget(panel)
    panel.show()
    panel.show_firm(shown(firm, variants))
    assert not panel.banner.isHidden()
    assert "贸易类企业不适用本政策" in panel.banner.text()
    assert panel.hint_texts() == ["本政策不适用于该企业，没有测算提示。"]
    assert "0元（¥0.00）" in panel.total_figures.text()
    # the tree lists every line not given, open, with its reason and badge
    m = panel.model
    assert m.rowCount() == 1 and m.index(0, 0).data(KEY_ROLE) == NOT_GIVEN_KEY
    group = m.index(0, 0)
    assert panel.tree.isExpanded(group)
    assert m.rowCount(group) == len(session.package(firm).not_given())
    assert m.index(0, 4, group).data() == "贸易类企业不适用本政策"
    assert [t for t, _ in m.index(0, 2, group).data(BADGE_ROLE)] == ["不符合条件"]
    assert panel.total_capitals.text() == "人民币零元整"


def test_variant_selector_recomputes(qtbot, session, hub, xinghe) -> None:
    firm, variants = xinghe
    panel = PackagePanel(session, hub)
    qtbot.addWidget(panel)
    panel.show()
    panel.show_firm(shown(firm, variants))
    labels = [panel.variant_combo.itemText(i) for i in range(panel.variant_combo.count())]
    assert labels == ["基准方案", "保守方案", "改入驻华侨总部大楼", "租金年度上限调至200万（政策假设）"]
    with qtbot.waitSignal(panel.variantChanged) as sig:
        panel.set_variant("huaqiao")
    assert sig.args == ["huaqiao"]
    huaqiao = next(v for v in variants if v.name == "huaqiao")
    expected = session.package(firm, huaqiao)
    assert (
        item_amounts(panel)["rent"] == expected.by_item()["rent"] != session.package(firm).by_item()["rent"]
    )
    # a live edit keeps the chosen variant
    panel.show_firm(shown(replace(firm, name="青田星河数字科技股份有限公司"), variants))
    assert panel.current_variant().name == "huaqiao"


def test_english_uses_domain_labels(qtbot, session, hub, xinghe) -> None:
    firm, variants = xinghe
    from qt_app.ui import i18n

    i18n.install("en")
    panel = PackagePanel(session, hub)
    qtbot.addWidget(panel)
    panel.show()
    panel.show_firm(shown(firm, variants))
    names = [panel.model.index(r, 0).data() for r in range(panel.model.rowCount())]
    assert "Rent subsidy" in names
    assert "eligible" in [t for t, _ in panel.model.index(0, 2).data(BADGE_ROLE)]


def test_package_model_passes_the_model_tester(qtmodeltester, session, xinghe) -> None:
    firm, _ = xinghe
    model = NodeTreeModel(["事项", "金额", "状态", "条款", "说明"])
    model.set_nodes(package_nodes(session.package(firm), "zh", session.policy))
    qtmodeltester.check(model)
    # a live edit resets the model under the tester's eyes
    model.set_nodes(package_nodes(session.package(replace(firm, revenue={})), "zh", session.policy))
    model.set_nodes([])


def test_meeting_view_shows_the_package_and_nothing_internal(qtbot, session, hub, xinghe) -> None:
    firm, variants = xinghe
    firm = replace(firm, notes="对方底线：租金补助不低于三年", contact="李总 13800000000")
    other = replace(firm, id="f-other", name="另一家在谈企业有限公司")
    session.store.save_firm(other, ())
    view = MeetingView(session, hub)
    qtbot.addWidget(view)
    view.show()
    view.show_firm(shown(firm, variants))
    text = view.visible_text()
    pkg = session.package(firm)
    assert firm.name in text
    assert figure(pkg.total) in text and money(pkg.total) in text
    assert capitals(pkg.total) in text
    assert "测算值，以正式告知函为准" in text
    for internal in ("政策商议", "王晓", "杭州", "底线", "13800000000", "另一家在谈企业"):
        assert internal not in text
    view.set_variant("huaqiao")
    assert figure(session.package(firm, variants[1]).total) in view.visible_text()


def test_a_live_edit_keeps_the_row_being_read(qtbot, session, hub, xinghe) -> None:
    firm, variants = xinghe
    panel = PackagePanel(session, hub)
    qtbot.addWidget(panel)
    panel.show()
    panel.show_firm(shown(firm, variants))
    m = panel.model
    rent, revenue = m.index(0, 0), m.index(1, 0)
    panel.tree.setExpanded(rent, False)
    row_2027 = next(
        m.index(r, 0, revenue)
        for r in range(m.rowCount(revenue))
        if m.index(r, 0, revenue).data() == "2027年"
    )
    panel.tree.setCurrentIndex(row_2027)
    key_2027 = row_2027.data(KEY_ROLE)  # read now: after the refresh the old index points at freed rows
    assert "150.00万元" in panel.detail.text()
    panel.show_firm(shown(replace(firm, revenue={**firm.revenue, 2027: wan(6000)}), variants))
    current = panel.tree.currentIndex()
    assert current.data(KEY_ROLE) == key_2027
    assert "60.00万元" in panel.detail.text() and "营收规模奖励" in panel.detail.text()
    assert not panel.tree.isExpanded(m.index(0, 0))
    assert panel.tree.isExpanded(m.index(1, 0))


def test_thousands_of_qt_calls_do_not_exhaust_none(qtbot) -> None:
    """PySide6 6.12 on Python 3.11 drops a reference to None per void call; the guard keeps it alive."""
    label = QLabel("青田")
    qtbot.addWidget(label)
    for _ in range(30_000):  # without the guard the interpreter aborts near 10,000
        label.update()
    assert sys.getrefcount(None) > 1_000_000


class _EnglishPanels(QTranslator):
    """The panels' own English table, as the shell's .qm will carry it."""

    def translate(self, context, source, disambiguation=None, n=-1):  # type: ignore[no-untyped-def]
        return PANEL_STRINGS_EN.get(source, "")

    def isEmpty(self) -> bool:
        return False


def test_switching_language_retranslates_a_shown_panel(qtbot, qapp, session, hub, xinghe) -> None:
    firm, variants = xinghe
    panel = PackagePanel(session, hub)
    qtbot.addWidget(panel)
    panel.show()
    panel.show_firm(shown(firm, variants))
    assert panel.model.headerData(0, Qt.Orientation.Horizontal) == "事项 / 年度"
    translator = _EnglishPanels()
    from qt_app.ui import i18n

    i18n.install("en")
    qapp.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: panel.model.headerData(0, Qt.Orientation.Horizontal) == "Item / year")
        assert panel.model.index(0, 0).data() == "Rent subsidy"
        assert panel.variant_combo.itemText(0) == "Base plan"
        assert panel.total_figures.text().startswith("Total ¥11.79 million (¥11,785,696.00)")
    finally:
        qapp.removeTranslator(translator)


def test_an_override_variant_badges_its_parameter(qtbot, session, hub, xinghe) -> None:
    firm, variants = xinghe
    panel = PackagePanel(session, hub)
    qtbot.addWidget(panel)
    panel.show()
    panel.show_firm(shown(firm, variants))
    panel.set_variant("higher-rent-cap")
    m = panel.model
    rent = m.index(0, 0)
    first_year = m.index(0, 0, rent)
    badges = {
        str(m.index(r, 0, first_year).data(KEY_ROLE)).rsplit("/", 1)[-1]: m.index(r, 2, first_year).data(
            BADGE_ROLE
        )
        for r in range(m.rowCount(first_year))
    }
    assert badges["rent.cap_per_year"] == [("方案调整", "override")]
    assert badges["rent.cap_area_m2"] == [("示例", "illustrative")]


def test_a_column_dragged_wider_is_remembered_per_language(qtbot, session, hub, xinghe) -> None:
    from qt_app.ui import i18n

    firm, variants = xinghe

    def amount_width() -> int:
        panel = PackagePanel(session, hub)
        qtbot.addWidget(panel)
        panel.show()
        panel.show_firm(shown(firm, variants))
        width = panel.tree.header().sectionSize(1)
        panel.tree.header().resizeSection(1, 333)  # the user drags the amount column wider
        return width

    first = amount_width()
    assert first < 333
    assert amount_width() == 333  # the same language: as the user left it
    i18n.install("en")
    assert amount_width() < 333  # English keeps its own widths
    i18n.install("zh")
    assert amount_width() == 333
