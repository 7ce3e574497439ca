"""方案对比 and 预算敞口 panels: differences against the first variant; the compute pool's overrun years."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from qt_app import paths
from qt_app.domain import uscc
from qt_app.domain.firm import Firm, Stage
from qt_app.domain.firm_io import load_firm_file
from qt_app.domain.money import wan
from qt_app.domain.variants import Variant
from qt_app.services.offers import offer_variant
from qt_app.services.session import Session
from qt_app.ui.compare_view import DIFF_ROLE, CompareModel, ComparePanel, compare_rows
from qt_app.ui.exposure_view import ExposureModel, ExposurePanel, FirmAmountModel
from qt_app.ui.widgets.tree_model import AMOUNT_ROLE

from .conftest import shown

EXAMPLES = paths.resource("examples")


EMPTY_STORE = True  # the conftest's session opens a database without firms


@pytest.fixture
def xinghe() -> tuple[Firm, tuple[Variant, ...]]:
    return load_firm_file(EXAMPLES / "xinghe-digital.json")


def compute_buyer(n: int, stage: Stage, spend_wan: int = 800) -> Firm:
    """A firm buying compute every year from 2026 (800万 → a 200万 voucher, the yearly cap)."""
    return Firm(
        id=f"f-buyer{n:04d}",
        name=f"青田算力客户{n:02d}科技有限公司",
        uscc=uscc.make_code("9", "1", "331121", f"MA{n:07d}"),
        domains=("人工智能",),
        revenue={2026: wan(1000), 2027: wan(1500)},
        compute_spend={2026: wan(spend_wan), 2027: wan(spend_wan)},
        stage=stage,
    )


def row_of(model: CompareModel, label: str) -> int:
    for r in range(model.rowCount()):
        if model.headerData(r, Qt.Orientation.Vertical) == label:
            return r
    raise AssertionError(label)


# -- 方案对比 ------------------------------------------------------------------------------------------
def test_compare_shows_the_difference_against_the_first_variant(qtbot, session, hub, xinghe) -> None:
    firm, variants = xinghe
    panel = ComparePanel(session, hub)
    qtbot.addWidget(panel)
    panel.show()
    panel.show_firm(shown(firm, variants))
    panel.set_checked(["base", "huaqiao"])
    m = panel.model
    assert [m.headerData(c, Qt.Orientation.Horizontal) for c in range(m.columnCount())] == [
        "基准方案",
        "改入驻华侨总部大楼",
    ]
    base = session.package(firm, Variant())
    moved = session.package(firm, variants[1])
    rent = row_of(m, "租金支持")
    delta = moved.by_item()["rent"] - base.by_item()["rent"]
    assert delta > 0
    assert m.index(rent, 0).data(AMOUNT_ROLE) == base.by_item()["rent"]
    assert m.index(rent, 1).data(DIFF_ROLE) == delta
    assert "（+24.54万元）" in m.index(rent, 1).data()  # 1200㎡ at the HQ building vs 800㎡ at 青创
    assert m.index(rent, 1).data(Qt.ItemDataRole.BackgroundRole) is not None
    total = row_of(m, "合计")
    assert m.index(total, 1).data(AMOUNT_ROLE) == moved.total
    # an item both variants pay alike is not highlighted
    compute = row_of(m, "算力券")
    assert m.index(compute, 1).data(DIFF_ROLE) == 0
    assert m.index(compute, 1).data(Qt.ItemDataRole.BackgroundRole) is None


def test_offer_button_names_its_column(qtbot, session, hub, xinghe) -> None:
    firm, variants = xinghe
    panel = ComparePanel(session, hub)
    qtbot.addWidget(panel)
    panel.show()
    panel.show_firm(shown(firm, variants))
    panel.set_checked(["base", "optimistic", "site:enclave_hangzhou"])
    assert panel.variant("site:enclave_hangzhou") is not None
    buttons = [b for b in panel._buttons if not b.isHidden()]
    assert [b.text() for b in buttons] == ["设为报价方案"] * 3
    with qtbot.waitSignal(hub.changed) as sig:
        qtbot.mouseClick(buttons[1], Qt.MouseButton.LeftButton)
    assert sig.args[0].offers == {firm.id}
    assert offer_variant(session.store, firm.id).name == "optimistic"  # type: ignore[union-attr]


def test_compare_refuses_a_fifth_column(qtbot, session, hub, xinghe) -> None:
    firm, variants = xinghe
    panel = ComparePanel(session, hub)
    qtbot.addWidget(panel)
    panel.show()
    panel.show_firm(shown(firm, variants))
    for i in range(panel.pick_list.count()):
        panel.pick_list.item(i).setCheckState(Qt.CheckState.Checked)
    assert panel.model.columnCount() == 4
    assert "最多" in panel.pick_note.text()


def test_compare_model_passes_the_model_tester(qtmodeltester, session, xinghe) -> None:
    firm, variants = xinghe
    packages = session.compare(firm, [Variant(), *variants])
    model = CompareModel()
    model.set_table(["a", "b", "c", "d"], compare_rows(packages, "zh", "合计", "{year}小计"))
    qtmodeltester.check(model)
    model.set_table(["a"], compare_rows(packages[:1], "zh", "合计", "{year}小计"))


# -- 预算敞口 ------------------------------------------------------------------------------------------
def computed_panel(qtbot, session: Session, hub) -> ExposurePanel:  # type: ignore[no-untyped-def]
    panel = ExposurePanel(session, hub)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.computed, timeout=10_000):
        panel.show()  # summed when first shown
    return panel


def test_exposure_flags_the_year_many_firms_buy_compute(qtbot, session, hub) -> None:
    for n in range(6):  # 6 landed firms × 200万 = 1200万 a year, over the 1000万 compute pool
        session.store.save_firm(compute_buyer(n, Stage.LANDED), ())
    session.store.save_firm(compute_buyer(99, Stage.LEAD, spend_wan=100), ())
    panel = computed_panel(qtbot, session, hub)
    exp = panel.exposure()
    assert exp is not None and exp.firm_count == 7
    assert not panel.overruns.isHidden()
    text = panel.overruns.text()
    assert "2026年 算力券" in text and "2027年 算力券" in text and "超过年度资金池 1,000.00万元" in text
    m = panel.model
    compute_row = next(r for r in range(m.rowCount()) if m.headerData(r, Qt.Orientation.Vertical) == "算力券")
    cell = m.index(compute_row, 0)
    assert cell.data(AMOUNT_ROLE) == exp.by_year_item(True)[(2026, "compute")]
    assert cell.data(Qt.ItemDataRole.ForegroundRole) is not None  # red
    assert [bar.flagged for bar in panel.pool_chart.bars()][:2] == [True, True]
    assert "超出资金池" in panel.pool_chart.bars()[0].note

    # drill-down: the firms behind that cell; a double-click opens one
    panel.table.setCurrentIndex(cell)
    fm = panel.firm_model
    assert fm.rowCount() == 7
    assert fm.index(0, 0).data().startswith("青田算力客户")
    assert fm.index(0, 1).data(AMOUNT_ROLE) == wan(200)
    assert "7家企业" in panel.drill_title.text()
    rect = panel.firms.visualRect(fm.index(0, 0))
    qtbot.mouseClick(panel.firms.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(panel.firmActivated) as sig:
        qtbot.mouseDClick(panel.firms.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert sig.args[0].startswith("f-buyer")


def test_exposure_weighted_by_stage_versus_in_full(qtbot, session, hub) -> None:
    for n in range(6):  # leads: 10% likely, so the weighted draw stays inside the pool
        session.store.save_firm(compute_buyer(n, Stage.LEAD), ())
    panel = computed_panel(qtbot, session, hub)
    assert panel.weighted()
    assert panel.overruns.isHidden()
    assert not any(bar.flagged for bar in panel.pool_chart.bars())
    panel.set_weighted(False)
    assert not panel.overruns.isHidden()
    assert "1,200.00万元" in panel.overruns.text()
    assert any(bar.flagged for bar in panel.pool_chart.bars())


def test_exposure_models_pass_the_model_tester(qtmodeltester) -> None:
    model = ExposureModel()
    model.set_exposure([("rent", "租金支持"), ("compute", "算力券")], [2026, 2027],
                       {(2026, "rent"): wan(10), (2027, "compute"): wan(1200)}, {2026: wan(10), 2027: wan(1200)},
                       {(2027, "compute")}, "合计")  # fmt: skip
    qtmodeltester.check(model)
    firms = FirmAmountModel()
    firms.set_rows([("f-1", "甲科技", wan(200)), ("f-2", "乙科技", wan(150))], ["企业", "金额"])
    qtmodeltester.check(firms)
    firms.set_rows([], ["企业", "金额"])


def test_english_compare_headers(qtbot, session, hub, xinghe) -> None:
    from qt_app.ui import i18n

    firm, variants = xinghe
    i18n.install("en")
    panel = ComparePanel(session, hub)
    qtbot.addWidget(panel)
    panel.show()
    panel.show_firm(shown(replace(firm, name="Xinghe"), variants))
    labels = [panel.model.headerData(r, Qt.Orientation.Vertical) for r in range(panel.model.rowCount())]
    assert "Rent subsidy" in labels


def test_exposure_job_reports_progress_and_can_be_stopped(qtbot, session, monkeypatch) -> None:
    from qt_app.ui import exposure_job as exposure_view

    for n in range(3):
        session.store.save_firm(compute_buyer(n, Stage.SIGNED), ())
    monkeypatch.setattr(exposure_view, "PROGRESS_EVERY", 1)
    relay = exposure_view._Relay()
    seen: list[tuple[int, int]] = []
    results: list[object] = []
    relay.progress.connect(lambda done, total: seen.append((done, total)))
    relay.done.connect(results.append)
    exposure_view._ExposureJob(session, relay, 3).run()
    assert seen == [(1, 3), (2, 3), (3, 3)]
    assert results and results[0].firm_count == 3

    stopped: list[bool] = []
    relay.cancelled.connect(lambda: stopped.append(True))
    job = exposure_view._ExposureJob(session, relay, 3)
    job.stop = True
    job.run()
    assert stopped == [True] and len(results) == 1
