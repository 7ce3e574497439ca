"""兑现审核表: one claim on paper — the firm, its letter and policy version, the item and its clause, the year's
actuals with their documents, what is due and why (in words, clause by clause), the review, public notice and
payment steps with who and when, amounts in figures and in capitals, the signature boxes, the office's seal
area and the verification QR code. Rendered from its snapshot (`services.ledger_papers.sheet_snapshot`).

A claim not yet reviewed prints as a draft (草稿 under the text, and the QR code says so): the reviewer's
working copy, never the record of a decision.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reportlab.platypus import Flowable, Spacer

from qt_app.domain.money_format import figure
from qt_app.reports.ledger_doc import (
    amount_words,
    closing,
    glyph_warning,
    heading,
    labelled,
    signature_areas,
    table,
)
from qt_app.reports.ledger_doc import unprintable_in as _unprintable
from qt_app.reports.letter_context import LetterContext
from qt_app.reports.official.blocks import HeadedTable, TitleBlock
from qt_app.reports.official.styles import LINE


def _basics(cx: LetterContext) -> list[Flowable]:
    s = cx.snap
    letter, claim, pol = s["letter"], s["claim"], s["policy"]
    pairs = [
        ("企业名称", s["firm"]["name"]),
        ("统一社会信用代码", s["firm"]["uscc"]),
        ("告知函文号", f"{letter['doc_number']}（{letter['status']}，{letter['issued_on']}）"),
        ("政策依据", f"《{pol['title']}》，版本 {pol['version']}"),
        ("申请事项", s["item"]["name"] + (f"（{s['item']['clause']}）" if s["item"]["clause"] else "")),
        ("兑现年度", f"{s['year']}年"),
        ("申报", f"{claim['applied_on']}申报 {figure(claim['requested'])}"),
        ("当前状态", claim["state"]),
    ]
    return [*heading(cx, "基本情况"), labelled(cx, pairs)]


def _actuals(cx: LetterContext) -> list[Flowable]:
    rows = [[a["figure"], a["value"], "；".join(a["documents"]) or "未提供"] for a in cx.snap["actuals"]]
    head = heading(cx, "实绩及证明材料")
    if not rows:
        return [*head, cx.p(f"{cx.snap['year']}年实绩尚未登记。", "body")]
    return [
        HeadedTable(
            head,
            table(cx, ("项目", "实绩", "证明材料（类型、文号、日期、扫描件）"), rows, (0.16, 0.30, 0.54)),
        )
    ]


def _due(cx: LetterContext) -> list[Flowable]:
    due = cx.snap["due"]
    out = heading(cx, "应兑现金额测算")
    lines = [
        [
            ln["clause"],
            figure(ln["amount"]),
            ln["explanation"] + ("（" + "；".join(ln["params"]) + "）" if ln["params"] else ""),
        ]
        for ln in due["lines"]
    ]
    if lines:
        out.append(
            HeadedTable([], table(cx, ("条款", "金额", "测算依据"), lines, (0.18, 0.17, 0.65), numeric=(1,)))
        )
        out.append(Spacer(1, 0.3 * LINE))
    pairs = [("承诺金额", amount_words(due["promised"])), ("应兑现金额", amount_words(due["amount"]))]
    if due["state_words"]:
        pairs.append(("说明", due["state_words"]))
    if due["difference"]:
        pairs.append(("差异说明", due["difference"]))
    if due["payment"]:
        pairs.append(("兑现情况", due["payment"]))
    out.append(labelled(cx, pairs))
    return out


def _steps(cx: LetterContext) -> list[Flowable]:
    s = cx.snap
    claim = s["claim"]
    out: list[Flowable] = []
    rows = [[st["label"], st["on"], st["words"], st["who"]] for st in s["steps"]]
    head = heading(cx, "审核、公示与拨付")
    out.append(
        HeadedTable(head, table(cx, ("环节", "日期", "内容", "经办人"), rows, (0.11, 0.2, 0.54, 0.15)))
    )
    if s["tranches"]:
        tranches = [
            [f"第{t['n']}期", t["on"], figure(t["amount"]), t["order"], t["note"]] for t in s["tranches"]
        ]
        out += [
            Spacer(1, 0.3 * LINE),
            table(
                cx,
                ("期次", "拨付日期", "金额", "拨款文号", "说明"),
                tranches,
                (0.1, 0.18, 0.2, 0.3, 0.22),
                numeric=(2,),
            ),
        ]
    pairs = [("核定金额", amount_words(claim["approved"]) if claim["approved"] else "尚未审核"),
             ("已拨付", amount_words(claim["paid"]))]  # fmt: skip
    if claim["holdback"]:
        pairs.append(
            (
                "预留（验收后拨付）",
                figure(claim["holdback"])
                + (f"，已于{claim['accepted_on']}验收" if claim["accepted_on"] else "，尚未验收"),
            )
        )
    if claim["held"]:
        pairs.append(("暂缓", f"{figure(claim['held'])}：{claim['hold_reason']}"))
    if claim["recovered"]:
        pairs.append(("追回", f"决定追回 {figure(claim['recovered'])}，已退还 {figure(claim['repaid'])}"))
    if claim["overridden"]:
        pairs.append(("超额", "核定或拨付超过应兑现金额，理由见上表，已记入审计日志"))
    if s["deadline"]:
        pairs.append(("期限", s["deadline"]))
    out += [Spacer(1, 0.3 * LINE), labelled(cx, pairs)]
    return out


def story(cx: LetterContext, digest: str, key_fp: str) -> list[Flowable]:
    s: Mapping[str, Any] = cx.snap
    out: list[Flowable] = glyph_warning(cx, _unprintable(s))
    out += [Spacer(1, 0.4 * LINE), TitleBlock([s["policy"]["title"], "兑现审核表"], cx.ts)]
    out.append(cx.p(f"申请编号：{s['doc_id']}　　打印日期：{s['issue_date_words']}", "small"))
    if s["draft"]:
        out.append(cx.p("本表为草稿：该申请尚未审核，不作为审核结论。", "small"))
    out += [Spacer(1, 0.3 * LINE), *_basics(cx), *_actuals(cx), *_due(cx), *_steps(cx)]
    body = [*heading(cx, "审核意见及签字"), cx.p(s["closing"], "body")]
    boxes = signature_areas(cx, ("经办人", "审核人", "分管领导", "财政部门"))
    return [*out, *closing(cx, body, digest, key_fp, [Spacer(1, 0.3 * LINE), boxes])]
