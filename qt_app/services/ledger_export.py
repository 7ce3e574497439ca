"""The period export for the finance bureau (兑现情况表): every claim, payment and recovery of a period, with
totals by item and by programme pool, as one .xlsx workbook.

Payments and recoveries belong to the period by their own date (支付日期, 追回/退还日期); a claim belongs to
it when any of its steps is dated in it. Amounts are 元 with two decimals.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from qt_app.domain.errors import DomainError
from qt_app.domain.ledger.claims import STATE_LABELS
from qt_app.domain.money import Fen
from qt_app.domain.money_format import money_words
from qt_app.domain.policy import Policy
from qt_app.store.ledger_export import Sheet, write_sheets

if TYPE_CHECKING:
    from qt_app.store.store import Store

BENEFIT_WORDS = {"cash": "资金", "voucher": "算力券", "in_kind": "实物折算"}
GENERAL_POOL = "县级财政专项资金（无单列资金池）"


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    start: date
    end: date
    claims: int
    payments: int
    recoveries: int
    paid: Fen
    repaid: Fen

    def words(self, lang: str = "zh") -> str:
        if lang == "en":
            return (
                f"{self.path}: {self.start} to {self.end}, {self.claims} claims, {self.payments} payments "
                f"({money_words(self.paid, 'en')}), {self.recoveries} recovery entries "
                f"({money_words(self.repaid, 'en')} repaid)"
            )
        return (
            f"已导出 {self.path}：{self.start}至{self.end}，兑现申请{self.claims}笔，拨付{self.payments}笔"
            f"（{money_words(self.paid, 'zh')}），追回记录{self.recoveries}笔（已退还{money_words(self.repaid, 'zh')}）"
        )


def _pool_name(policy: Policy, item_id: str) -> str:
    for it in policy.items:
        if it.id == item_id and "pool_per_year" in it.params:
            return f"{it.zh}资金池（年度{money_words(int(it.params['pool_per_year'].value), 'zh')}）"
    return GENERAL_POOL


def export_period(
    store: Store, path: str | Path, policy: Policy, start: date | None = None, end: date | None = None
) -> ExportSummary:
    """Write the period's claims, payments, recoveries and totals; `start`/`end` default to all time."""
    first, last = start or date(2000, 1, 1), end or date(2100, 12, 31)
    if last < first:
        raise DomainError("结束日期早于开始日期", "The end date is before the start date")
    book = store.ledger
    span = (first.isoformat(), last.isoformat())
    items = {it.id: it for it in policy.items}

    def name(item_id: str) -> str:
        return items[item_id].zh if item_id in items else item_id

    def benefit(item_id: str) -> str:
        return BENEFIT_WORDS.get(items[item_id].benefit, "") if item_id in items else ""

    payments = book.payments_between(*span)
    pay_rows = [
        (
            p["paid_on"], p["firm_name"] or "", p["firm_uscc"] or "", name(p["item_id"]), p["year"],
            benefit(p["item_id"]), p["tranche"], int(p["amount_fen"]), p["order_number"],
            "是" if p["holdback"] else "", p["override_reason"], p["policy_version"], p["claim_id"],
        )
        for p in payments
    ]  # fmt: skip
    claims = book.claims_active_between(*span)
    claim_rows = [
        (
            c["id"], c["firm_name"] or "", c["firm_uscc"] or "", name(c["item_id"]), c["year"],
            STATE_LABELS.get(c["state"], (c["state"], ""))[0], c["applied_on"], int(c["requested_fen"]),
            int(c["approved_fen"]), int(c["paid_fen"]), int(c["recovered_fen"]), int(c["repaid_fen"]),
            "是" if c["overridden"] else "", f"{c['policy_id']} {c['policy_version']}",
        )
        for c in claims
    ]  # fmt: skip
    recoveries = book.recoveries_between(*span)
    recovery_rows = [
        (
            r["on_date"], r["firm_name"] or "", r["firm_uscc"] or "", name(r["item_id"]), r["year"],
            "追回决定" if r["kind"] == "decided" else "退还到账", int(r["amount_fen"]), r["basis"], r["claim_id"],
        )
        for r in recoveries
    ]  # fmt: skip
    by_item: dict[str, dict[str, Fen]] = defaultdict(lambda: defaultdict(int))
    for p in payments:
        by_item[p["item_id"]]["paid"] += int(p["amount_fen"])
        by_item[p["item_id"]]["count"] += 1
    for r in recoveries:
        by_item[r["item_id"]]["decided" if r["kind"] == "decided" else "received"] += int(r["amount_fen"])
    total_rows: list[tuple[object, ...]] = []
    by_pool: dict[str, dict[str, Fen]] = defaultdict(lambda: defaultdict(int))
    order = [it.id for it in policy.items] + sorted(set(by_item) - set(items))
    for item_id in order:
        if item_id not in by_item:
            continue
        t = by_item[item_id]
        pool = _pool_name(policy, item_id)
        total_rows.append(
            (name(item_id), benefit(item_id), pool, t["count"], t["paid"], t["decided"], t["received"],
             t["paid"] - t["received"])
        )  # fmt: skip
        for key in ("count", "paid", "decided", "received"):
            by_pool[pool][key] += t[key]
    for pool, t in by_pool.items():
        total_rows.append(
            (
                "（按资金池合计）",
                "",
                pool,
                t["count"],
                t["paid"],
                t["decided"],
                t["received"],
                t["paid"] - t["received"],
            )
        )
    grand = {k: sum(t[k] for t in by_item.values()) for k in ("count", "paid", "decided", "received")}
    total_rows.append(
        (
            "合计",
            "",
            "",
            grand["count"],
            grand["paid"],
            grand["decided"],
            grand["received"],
            grand["paid"] - grand["received"],
        )
    )
    sheets = [
        Sheet(
            "合计",
            ("事项", "资金类别", "资金池", "拨付笔数", "拨付金额（元）", "追回决定（元）", "退还到账（元）", "净拨付（元）"),
            total_rows,
            frozenset({4, 5, 6, 7}),
        ),
        Sheet(
            "拨付明细",
            ("支付日期", "企业名称", "统一社会信用代码", "事项", "所属年度", "资金类别", "期次", "金额（元）",
             "拨款文号", "验收后预留部分", "超额原因", "政策版本", "申请编号"),
            pay_rows,
            frozenset({7}),
        ),
        Sheet(
            "兑现申请",
            ("申请编号", "企业名称", "统一社会信用代码", "事项", "所属年度", "状态", "申报日期", "申报金额（元）",
             "核定金额（元）", "已拨付（元）", "追回决定（元）", "已退还（元）", "超额核定或拨付", "政策版本"),
            claim_rows,
            frozenset({7, 8, 9, 10, 11}),
        ),
        Sheet(
            "追回",
            ("日期", "企业名称", "统一社会信用代码", "事项", "所属年度", "类别", "金额（元）", "依据或收据号", "申请编号"),
            recovery_rows,
            frozenset({6}),
        ),
    ]  # fmt: skip
    target = write_sheets(Path(path), sheets)
    return ExportSummary(
        target,
        first,
        last,
        len(claim_rows),
        len(pay_rows),
        len(recovery_rows),
        grand["paid"],
        grand["received"],
    )
