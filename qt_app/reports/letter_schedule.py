"""附件1 扶持资金测算明细表: every paying line by benefit kind with its subtotal, totals by year, the chart.

An annex starts on its own page headed 附件1 (GB/T 9704 §8). Each kind's table splits across pages with its
header repeated and never leaves a single row alone on a page.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, PageBreak, Spacer

from qt_app.domain.money_format import figure
from qt_app.reports.chart import year_category_chart
from qt_app.reports.letter_context import LetterContext
from qt_app.reports.letter_sections import KINDS, SCHEDULE, kind_totals
from qt_app.reports.official import fonts
from qt_app.reports.official.blocks import HeadedTable, TitleBlock
from qt_app.reports.official.styles import BODY_W, LINE

WIDTHS = (30, 44, 76, 178, 36, 80)  # 序号 条款 项目 测算依据 年度 金额: scaled to the 156 mm line


def _kind_of(line: dict[str, Any]) -> str:
    benefit = line.get("benefit", "cash")
    return benefit if benefit in ("cash", "voucher") else "in_kind"


def _item_name(line: dict[str, Any]) -> tuple[str, str]:
    """The item, with its status when it is not plainly eligible (已封顶, 待认定 …)."""
    zh, en = line["name_zh"], line["name_en"]
    label = line.get("status_label")
    if line.get("status") not in ("eligible", None) and label:
        return f"{zh}（{label[0]}）", f"{en} ({label[1]})"
    return zh, en


def _kind_table(cx: LetterContext, lines: list[dict[str, Any]], start: int) -> Flowable:
    head = [
        cx.cell("序号", "No.", "head"),
        cx.cell("条款", "Clause", "head"),
        cx.cell("扶持项目", "Item", "head"),
        cx.cell("测算依据", "How computed", "head"),
        cx.cell("年度", "Year", "head"),
        cx.cell("金额（元）", "Amount (yuan)", "head"),
    ]
    rows: list[list[Any]] = [head]
    for i, line in enumerate(lines, start):
        name_zh, name_en = _item_name(line)
        rows.append(
            [
                cx.cell(str(i), "", "cell_c"),
                cx.cell(line["clause"], "", "cell_c", SCHEDULE),
                cx.cell(name_zh, name_en, where=SCHEDULE),
                cx.cell(
                    line["explanation_zh"] or line.get("basis_zh") or "",
                    line.get("explanation_en") or "",
                    where=SCHEDULE,
                ),
                cx.cell(str(line["year"]), "", "cell_c"),
                cx.cell(figure(int(line["amount"])), "", "cell_r"),
            ]
        )
    subtotal = sum(int(ln["amount"]) for ln in lines)
    rows.append(
        [cx.cell("小计", "Subtotal", "cell_c"), "", "", "", "", cx.cell(figure(subtotal), "", "cell_r")]
    )
    scale = BODY_W / sum(WIDTHS)
    table = cx.grid(rows, [w * scale for w in WIDTHS], total_rows=[len(rows) - 1])
    table.setStyle([("SPAN", (0, len(rows) - 1), (4, len(rows) - 1))])
    return table


def _by_year(cx: LetterContext) -> Flowable:
    pkg = cx.snap["package"]
    years = sorted({*pkg["years"], *(ln["year"] for ln in pkg["lines"])})
    totals = kind_totals(pkg)
    kinds = [k for k in KINDS if totals[k[0]]]  # only the kinds this letter grants
    sums = {y: {kind: 0 for kind, *_ in KINDS} for y in years}
    for line in pkg["lines"]:
        sums[line["year"]][_kind_of(line)] += int(line["amount"])
    head = [cx.cell("年度", "Year", "head")] + [
        cx.cell(f"{zh}（元）", en, "head") for _k, zh, en, *_ in kinds
    ]
    head.append(cx.cell("合计（元）", "Total", "head"))
    rows: list[list[Any]] = [head]
    for y in years:
        if not any(sums[y].values()):
            continue
        cells = [cx.cell(figure(sums[y][kind]), "", "cell_r") for kind, *_ in kinds]
        rows.append(
            [cx.cell(f"{y}年", "", "cell_c"), *cells, cx.cell(figure(sum(sums[y].values())), "", "cell_r")]
        )
    rows.append(
        [cx.cell("合计", "Total", "cell_c")]
        + [cx.cell(figure(totals[kind]), "", "cell_r") for kind, *_ in kinds]
        + [cx.cell(figure(int(pkg["total"])), "", "cell_r")]
    )
    widths = [BODY_W * 0.16] + [BODY_W * 0.84 / (len(kinds) + 1)] * (len(kinds) + 1)
    return cx.grid(rows, widths, total_rows=[len(rows) - 1])


def schedule_annex(cx: LetterContext) -> list[Flowable]:
    """The annex pages, or nothing when there is no paying line."""
    pkg, terms = cx.snap["package"], cx.snap["terms"]
    lines = list(pkg["lines"])
    if not lines:
        return []
    title = terms.get("attachment_title") or ["扶持资金测算明细表", "Support estimate by item and year"]
    out: list[Flowable] = [
        PageBreak(),
        cx.p("附件1", "attachment_no"),
        *cx.en("Annex 1", "en"),
        Spacer(1, 0.5 * LINE),
        TitleBlock([title[0]], cx.ts),
        *cx.en(title[1], "en_title"),
        Spacer(1, 0.5 * LINE),
    ]
    cx.sub = 0
    number = 1
    for kind, zh, en, _key, note_zh, note_en in KINDS:
        group = [ln for ln in lines if _kind_of(ln) == kind]
        if not group:
            continue
        head = cx.subheading(f"{zh}（{note_zh}）", f"{en} ({note_en})")
        out += [HeadedTable(head, _kind_table(cx, group, number)), Spacer(1, 0.4 * LINE)]
        number += len(group)
    out += [HeadedTable(cx.subheading("分年度汇总", "Totals by year"), _by_year(cx)), Spacer(1, 0.5 * LINE)]
    chart = year_category_chart(
        lines,
        sorted({ln["year"] for ln in lines}),
        cx.snap["categories"],
        fonts.font_name(fonts.HEI),
        BODY_W,
        cx.bi,
    )
    out.append(chart)
    return out
