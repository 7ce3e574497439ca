"""The per-year stacked bar chart (分年度扶持金额图), drawn as reportlab vector graphics."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from qt_app.domain.money import FEN_PER_WAN

# Muted colours that stay distinct when printed in grey; no red (red is the office name's alone).
PALETTE = ("#2f4b7c", "#7a9cc6", "#4f772d", "#a3b18a", "#6d597a", "#b8a9c9", "#5c5c5c", "#a6a6a6")


def _nice_step(top: float) -> float:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000, 20000, 50000):
        if top / step <= 6:
            return float(step)
    return top / 5


def year_category_chart(
    lines: Sequence[Mapping[str, Any]],
    years: Sequence[int],
    categories: Mapping[str, Sequence[str]],
    font: str,
    width: float,
    bilingual: bool = False,
) -> Drawing:
    """Stacked bars: one bar per year, one segment per category, heights in 万元 (geometry only)."""
    cats = list(categories)
    sums = {c: {y: 0 for y in years} for c in cats}
    for line in lines:
        if line["category"] in sums and line["year"] in sums[line["category"]]:
            sums[line["category"]][line["year"]] += int(line["amount"])
    height = 150.0
    d = Drawing(width, height)
    title = "分年度扶持金额（万元）" + (" Support by year (10,000 yuan)" if bilingual else "")
    d.add(String(0, height - 10, title, fontName=font, fontSize=9, fillColor=colors.HexColor("#333333")))
    chart = VerticalBarChart()
    chart.x, chart.y = 40, 22
    chart.width = width * 0.62
    chart.height = height - 50
    chart.data = [[sums[c][y] / FEN_PER_WAN for y in years] for c in cats] or [[0 for _ in years]]
    chart.categoryAxis.categoryNames = [f"{y}年" for y in years]
    chart.categoryAxis.style = "stacked"
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 8
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    top = max((sum(sums[c][y] for c in cats) / FEN_PER_WAN for y in years), default=0.0)
    step = _nice_step(top) if top > 0 else 1.0
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = step * (int(top / step) + 1)
    chart.valueAxis.valueStep = step
    chart.valueAxis.labelTextFormat = lambda v: f"{v:,.0f}" if step >= 1 else f"{v:g}"
    chart.valueAxis.gridStrokeColor = colors.HexColor("#dddddd")
    chart.valueAxis.visibleGrid = True
    chart.barWidth = 14
    chart.groupSpacing = 12
    for i in range(len(cats)):
        chart.bars[i].fillColor = colors.HexColor(PALETTE[i % len(PALETTE)])
        chart.bars[i].strokeColor = colors.white
        chart.bars[i].strokeWidth = 0.3
    d.add(chart)
    if cats:
        legend = Legend()
        legend.x = chart.x + chart.width + 18
        legend.y = chart.y + chart.height
        legend.fontName = font
        legend.fontSize = 8
        legend.alignment = "right"
        legend.boxAnchor = "nw"
        legend.columnMaximum = 10
        legend.dx = legend.dy = 8
        legend.deltay = 13
        # listed top-down in the order the segments stack, so the legend reads like the bars
        legend.colorNamePairs = [
            (
                colors.HexColor(PALETTE[i % len(PALETTE)]),
                categories[c][0] + (f" {categories[c][1]}" if bilingual else ""),
            )
            for i, c in reversed(list(enumerate(cats)))
        ]
        d.add(legend)
    return d
