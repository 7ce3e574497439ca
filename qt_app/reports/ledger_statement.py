"""兑现对账单: one firm's ledger on paper, to hand to the firm — promised, due, paid, held and recovered by item
and year with year subtotals, totals in figures and in capitals, every difference in words, claims under way
with their deadlines, what a clawback condition obliges it to repay, the office's signature and seal area, the
verification QR code and the firm's receipt. Rendered from its snapshot (`services.ledger_papers`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reportlab.platypus import Flowable, Spacer

from qt_app.domain.money_format import figure
from qt_app.reports.ledger_doc import amount_words, closing, glyph_warning, heading, labelled, table
from qt_app.reports.ledger_doc import unprintable_in as _unprintable
from qt_app.reports.letter_context import LetterContext
from qt_app.reports.letter_sections import receipt_box
from qt_app.reports.official import fonts
from qt_app.reports.official.blocks import HeadedTable, TitleBlock, name_atoms
from qt_app.reports.official.styles import BODY_W, LINE, SIZE_3

COLUMNS = ("promised", "due", "paid", "held", "recovered")
HEADS = ("承诺", "应兑现", "已拨付", "暂缓", "已追回")


def _yuan(fen: int) -> str:
    """The figure without the ¥ (the table's header says 单位：元), so a million fits its column."""
    return figure(fen).replace("¥", "")


def _front(cx: LetterContext) -> list[Flowable]:
    s = cx.snap
    firm = s["firm"]
    atoms = ["关于", *name_atoms(firm["name"]), "享受扶持政策", "兑现情况的对账单"]
    out: list[Flowable] = [Spacer(1, 1.0 * LINE), TitleBlock(atoms, cx.ts), Spacer(1, 0.5 * LINE)]
    code = f"（统一社会信用代码：{firm['uscc']}）："
    if cx.ts.width(firm["name"] + code, fonts.BODY, SIZE_3) <= BODY_W:
        out.append(cx.p(firm["name"] + code, "plain"))
    else:
        out += [cx.p(firm["name"], "plain"), cx.p(code, "plain")]
    out.append(cx.p(s["opening"], "body"))
    return out


def _table(cx: LetterContext) -> list[Flowable]:
    s = cx.snap
    rows: list[list[str]] = []
    totals: list[int] = []
    for block in s["years"]:
        for r in block["rows"]:
            rows.append([str(r["year"]), r["name"], *(_yuan(r[c]) for c in COLUMNS)])
        rows.append([str(block["year"]), "小计", *(_yuan(block["sums"][c]) for c in COLUMNS)])
        totals.append(len(rows) - 1)
    rows.append(["", "合计", *(_yuan(s["totals"][c]) for c in COLUMNS)])
    totals.append(len(rows) - 1)
    widths = (0.075, 0.21, 0.143, 0.143, 0.143, 0.143, 0.143)
    grid = table(cx, ("年度", "事项", *HEADS), rows, widths, numeric=(2, 3, 4, 5, 6), totals=totals)
    head = heading(cx, "兑现情况总表（单位：元）")
    sums = [
        (name, amount_words(s["totals"][c]))
        for c, name in zip(
            COLUMNS, ("承诺合计", "应兑现合计", "已拨付合计", "暂缓合计", "已追回合计"), strict=True
        )
    ]
    return [HeadedTable(head, grid), Spacer(1, 0.3 * LINE), labelled(cx, sums)]


def _words(cx: LetterContext) -> list[Flowable]:
    items = [[w] for w in cx.snap["differences"]]
    if not items:
        return []
    return [*heading(cx, "差异说明"), *cx.numbered(items)]


def _claims(cx: LetterContext) -> list[Flowable]:
    s = cx.snap
    out: list[Flowable] = []
    if s["claims"]:
        rows = [[f"{c['year']}年", c["name"], c["state"], figure(c["requested"]), figure(c["approved"]), figure(c["paid"])]
                for c in s["claims"]]  # fmt: skip
        grid = table(
            cx,
            ("年度", "事项", "状态", "申报", "核定", "已拨付"),
            rows,
            (0.1, 0.22, 0.16, 0.17, 0.17, 0.18),
            numeric=(3, 4, 5),
        )
        out.append(HeadedTable(heading(cx, "兑现申请办理情况"), grid))
    if s["deadlines"]:
        out += [
            Spacer(1, 0.3 * LINE),
            cx.p("有关期限：", "plain"),
            *cx.numbered([[d] for d in s["deadlines"]]),
        ]
    if s["recoveries"]:
        out += [*heading(cx, "应追回款项"), *cx.numbered([[r] for r in s["recoveries"]])]
    return out


def _receipt(cx: LetterContext) -> list[Flowable]:
    return receipt_box(cx, "企业确认：本单位已收到本对账单，对所列金额无异议（如有异议请另附说明）。")


def story(cx: LetterContext, digest: str, key_fp: str) -> list[Flowable]:
    s: Mapping[str, Any] = cx.snap
    out: list[Flowable] = glyph_warning(cx, _unprintable(s))
    out += [*_front(cx), *_table(cx), *_words(cx), *_claims(cx)]
    body = [*heading(cx, "有关说明"), *cx.numbered([[n] for n in s["notes"]])]
    return [*out, *closing(cx, body, digest, key_fp, after=_receipt(cx))]
