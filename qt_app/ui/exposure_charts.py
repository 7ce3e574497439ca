"""The exposure screen's charts: each year's exposure by category, and the first programme pool year by year."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from qt_app.domain.exposure import Exposure
from qt_app.domain.money import Fen
from qt_app.domain.money_format import money, money_compact
from qt_app.domain.policy import CATEGORY_LABELS, Policy
from qt_app.ui.widgets.bar_chart import Bar, Series
from qt_app.ui.widgets.package_parts import category_series, year_text
from qt_app.ui.widgets.palette import category_color

if TYPE_CHECKING:
    from qt_app.ui.exposure_view import ExposurePanel


def fill_charts(
    panel: ExposurePanel,
    exp: Exposure,
    items: list[tuple[str, str, str]],
    years: list[int],
    weighted: bool,
    lang: str,
) -> None:
    cells = exp.by_year_item(weighted)
    totals = exp.by_year(weighted)
    category_of = {i: c for i, _, c in items}
    bars = []
    for y in years:
        per_cat: dict[str, Fen] = {}
        for (year, item_id), v in cells.items():
            if year == y:
                cat = category_of.get(item_id, "other")
                per_cat[cat] = per_cat.get(cat, 0) + v
        segments = tuple((c, per_cat[c]) for c in CATEGORY_LABELS if per_cat.get(c))
        bars.append(Bar(year_text(y), segments, money_compact(totals.get(y, 0), lang)))
    mode = (
        QCoreApplication.translate("ExposurePanel", "按阶段加权")
        if weighted
        else QCoreApplication.translate("ExposurePanel", "全额")
    )
    panel.chart.set_data(
        bars,
        category_series(lang),
        title=QCoreApplication.translate("ExposurePanel", "各年度敞口（{mode}，按类别）").format(mode=mode),
        empty_text=QCoreApplication.translate("ExposurePanel", "没有企业"),
    )
    pools = [c for c in exp.pools]
    if not pools:
        panel.pool_chart.set_data(
            [],
            [],
            title=QCoreApplication.translate("ExposurePanel", "资金池"),
            empty_text=QCoreApplication.translate("ExposurePanel", "本政策没有年度资金池"),
        )
        return
    pool_item = pools[0].item_id
    item = panel.session.policy.item(pool_item)
    name = item.en if lang == "en" else item.zh
    pool_bars = []
    limit: Fen = 0
    for check in pools:
        if check.item_id != pool_item:
            continue
        limit = check.pool
        over = panel._pool_overrun(check)
        amount = check.weighted if weighted else check.full
        note = QCoreApplication.translate("ExposurePanel", "超出资金池") if over else ""
        pool_bars.append(
            Bar(year_text(check.year), ((pool_item, amount),), money_compact(amount, lang), over, note)
        )
    panel.pool_chart.set_data(
        pool_bars,
        [Series(pool_item, name, category_color(item.category))],
        limit=limit,
        limit_label=QCoreApplication.translate("ExposurePanel", "资金池 {pool}").format(
            pool=money_compact(limit, lang)
        ),
        title=QCoreApplication.translate("ExposurePanel", "{item}与年度资金池").format(item=name),
    )


def fill_overruns(panel: ExposurePanel, exp: Exposure, policy: Policy, lang: str) -> None:
    """The pools exceeded (stage-weighted, or if every firm lands), one line each, or nothing shown."""
    lines = []
    for check in exp.pools:
        if not panel._pool_overrun(check):
            continue
        item = policy.item(check.item_id)
        amount = check.weighted if panel.weighted() else check.full
        lines.append(
            QCoreApplication.translate(
                "ExposurePanel", "{year} {item}：预计支出 {amount}，超过年度资金池 {pool}"
            ).format(
                year=year_text(check.year),
                item=item.en if lang == "en" else item.zh,
                amount=money(amount, lang),
                pool=money(check.pool, lang),
            )
        )
    panel.overruns.setText("\n".join("⚠ " + line for line in lines))
    panel.overruns.setVisible(bool(lines))
