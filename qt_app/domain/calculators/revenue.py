"""营收规模奖励 (revenue milestone award): paid once when annual revenue first exceeds a threshold.

A threshold is never paid twice. Jumping several thresholds in one year is settled by the policy's mode:
`top_up` (default: 跨档的按最高档奖励，已享受的予以扣除 — the total never exceeds the top tier),
`cumulative` (every crossed tier's award), or `highest_only` (the highest new tier, nothing deducted).
"""

from __future__ import annotations

from qt_app.domain.calculators.base import Context, Lines, read, read_tier, yuan_text
from qt_app.domain.money import Fen, format_scale
from qt_app.domain.package import LineItem, LineStatus
from qt_app.domain.policy import PolicyItem, Tier


def award_for(new: list[Tier], paid_total: Fen, mode: str) -> Fen:
    """What crossing the `new` tiers (ascending) pays, given what was paid before."""
    if not new:
        return 0
    top = int(new[-1].value.value)
    if mode == "cumulative":
        return sum(int(t.value.value) for t in new)
    if mode == "highest_only":
        return top
    return max(0, top - paid_total)


def revenue_milestone(item: PolicyItem, ctx: Context) -> list[LineItem]:
    lines = Lines(item, ctx)
    mode = str(item.param("mode").value)
    tiers = [t for t in item.tiers if t.threshold is not None]
    paid_keys: set[str] = set()
    paid_total: Fen = 0
    for year in ctx.years:
        revenue = ctx.firm.revenue.get(year, 0)
        crossed = [t for t in tiers if t.threshold is not None and revenue > t.threshold]
        new = [t for t in crossed if t.key not in paid_keys]
        if not new:
            nxt = next((t for t in tiers if t.key not in paid_keys), None)
            if nxt is None:
                zh, en = "各档奖励均已享受", "Every tier has already been paid"
            else:
                zh = f"年销售收入{format_scale(revenue)}元，未首次超过{nxt.key}元档"
                en = f"Revenue {format_scale(revenue)} yuan does not first exceed the {nxt.key} tier"
            lines.none(year, zh, en)
            continue
        award = award_for(new, paid_total, mode)
        before = paid_total
        paid_total += award
        paid_keys.update(t.key for t in crossed)

        def explain(
            new: list[Tier] = new, revenue: Fen = revenue, award: Fen = award, before: Fen = before
        ) -> tuple[str, str]:
            top = new[-1]
            crossed_zh = "、".join(t.key for t in new)
            zh = f"年销售收入{format_scale(revenue)}元，首次超过{crossed_zh}元档"
            en = f"Revenue {format_scale(revenue)} yuan first exceeds the {', '.join(t.key for t in new)} tier(s)"
            if mode == "top_up" and before == 0:
                zh += f"，按最高档奖励 = {yuan_text(award)}"
                en += f": top tier = {yuan_text(award)}"
            elif mode == "top_up":
                zh += f"，按最高档{yuan_text(int(top.value.value))}奖励，扣除已享受{yuan_text(before)} = {yuan_text(award)}"
                en += f": top tier {yuan_text(int(top.value.value))} less {yuan_text(before)} already paid = {yuan_text(award)}"
            elif mode == "cumulative":
                zh += f"，各档累加 = {yuan_text(award)}"
                en += f": tiers added up = {yuan_text(award)}"
            else:
                zh += f"，按最高档奖励 = {yuan_text(award)}"
                en += f": highest tier = {yuan_text(award)}"
            return zh, en

        params = (read(item, "mode"), *(read_tier(item, t.key, t.value) for t in new))
        status = LineStatus.ELIGIBLE if award > 0 else LineStatus.ZERO
        lines.add(year, award, status, explain, params=params)
    return lines.out
