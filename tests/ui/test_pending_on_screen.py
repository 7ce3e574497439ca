"""待认定 on screen: the package shows what a line would pay once the firm's field is recognised, apart from the
committed total; exposure has a 待认定 column; every line status has its own badge colours."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from qt_app.domain import uscc
from qt_app.domain.firm import Firm, Stage
from qt_app.domain.money import wan
from qt_app.domain.money_format import money
from qt_app.domain.package import LineStatus
from qt_app.ui.exposure_view import ExposurePanel
from qt_app.ui.package_view import PackagePanel
from qt_app.ui.widgets.palette import BADGE_COLORS
from qt_app.ui.widgets.tree_model import KEY_ROLE

from .conftest import shown

EMPTY_STORE = True


def unlisted(n: int, stage: Stage = Stage.SIGNED) -> Firm:
    """A firm in 大数据, a field the policy's open list does not name: 待认定 until the county decides."""
    return Firm(
        id=f"f-bigdata{n:04d}",
        name=f"青田大数据{n:02d}科技有限公司",
        uscc=uscc.make_code("9", "1", uscc.QINGTIAN_REGION, f"MB{n:07d}"),
        domains=("大数据",),
        revenue={2026: wan(6000), 2027: wan(9000)},
        compute_spend={2026: wan(400)},
        stage=stage,
    )


def test_every_line_status_has_its_badge_colours() -> None:
    assert {s.value for s in LineStatus} <= set(BADGE_COLORS)
    assert BADGE_COLORS["pending_recognition"] != BADGE_COLORS["eligible"]


def test_a_pending_line_shows_what_it_would_pay_apart_from_the_total(
    qtbot: Any, session: Any, hub: Any
) -> None:
    firm = unlisted(1)
    pkg = session.package(firm)
    assert pkg.total == 0 and pkg.pending_total > 0
    panel = PackagePanel(session, hub)
    qtbot.addWidget(panel)
    panel.show()
    panel.show_firm(shown(firm))
    m = panel.model
    revenue = next(r for r in range(m.rowCount()) if m.index(r, 0).data(KEY_ROLE) == "revenue")
    item = m.index(revenue, 1)
    pending_revenue = sum(ln.would_be for ln in pkg.pending_lines() if ln.item_id == "revenue")
    assert item.data() == f"待认定 · 可得 {money(pending_revenue)}"
    assert item.data(Qt.ItemDataRole.ForegroundRole) is not None  # greyed: not committed
    line = next(ln for ln in pkg.pending_lines() if ln.item_id == "revenue")
    years = [m.index(r, 1, m.index(revenue, 0)).data() for r in range(m.rowCount(m.index(revenue, 0)))]
    assert f"待认定 · 可得 {money(line.would_be)}" in years
    assert money(0) in panel.total_figures.text()
    assert not panel.pending_total.isHidden()
    assert (
        money(pkg.pending_total) in panel.pending_total.text() and "未计入合计" in panel.pending_total.text()
    )


def test_exposure_has_a_pending_column_not_counted(qtbot: Any, session: Any, hub: Any) -> None:
    for n in range(3):
        session.store.save_firm(unlisted(n), ())
    panel = ExposurePanel(session, hub)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.computed, timeout=10_000):
        panel.show()
    exp = panel.exposure()
    assert exp is not None and exp.total(False) == 0 and exp.pending_total() > 0
    m = panel.model
    col = m.pending_column
    assert col == m.columnCount() - 1 and m.headerData(col, Qt.Orientation.Horizontal) == "待认定（未计入）"
    per_item: dict[str, int] = {}
    for (_year, item_id), amount in exp.pending_by_year_item().items():
        per_item[item_id] = per_item.get(item_id, 0) + amount
    rows = {m.headerData(r, Qt.Orientation.Vertical): r for r in range(m.rowCount())}
    assert m.index(rows["营收规模奖励"], col).data(Qt.ItemDataRole.UserRole + 43) == per_item["revenue"]
    assert m.index(rows["合计"], col).data(Qt.ItemDataRole.UserRole + 43) == exp.pending_total()
    assert money(exp.pending_total()) in panel.summary.text()
