"""营收规模奖励 (revenue milestone award): paid once when annual revenue first exceeds a threshold.

A threshold is never paid twice. Jumping several thresholds in one year is settled by the policy's mode:
`top_up` (default: 跨档的按最高档奖励，已享受的予以扣除 — the total never exceeds the top tier),
`cumulative` (every crossed tier's award), or `highest_only` (the highest new tier, nothing deducted).

"Already awarded" (已享受) means awarded within the policy period — never a tier merely crossed:
- a year before the policy took effect (or after it ended) awards nothing, so crossing a threshold then
  settles nothing and deducts nothing later;
- an earlier simulated year in force counts what it awards (due), or what the ledger says was paid for it
  when that is more;
- `Context.awarded` (the 兑现 ledger) adds awards already made before the simulated years, in force only.
The words name each year and amount deducted ("扣除2023年已享受20万元").
"""

from __future__ import annotations

from dataclasses import dataclass

from qt_app.domain.calculators.base import Context, Lines, amount_en, amount_zh, read, read_tier
from qt_app.domain.money import Fen
from qt_app.domain.package import LineItem, LineStatus
from qt_app.domain.policy import PolicyItem, Tier


@dataclass(frozen=True, slots=True)
class Made:
    """An award counted as already made: its year, amount, and whether the ledger says it was paid."""

    year: int
    amount: Fen
    paid: bool  # True: the ledger's payment; False: what an earlier simulated year awards (due)


def award_for(new: list[Tier], paid_total: Fen, mode: str) -> Fen:
    """What crossing the `new` tiers (ascending) pays, given what was awarded before."""
    if not new:
        return 0
    top = int(new[-1].value.value)
    if mode == "cumulative":
        return sum(int(t.value.value) for t in new)
    if mode == "highest_only":
        return top
    return max(0, top - paid_total)


def settled_by(tiers: list[Tier], total: Fen, mode: str) -> set[str]:
    """The tiers an amount already awarded covers (ledger payments name no tier, only an amount)."""
    if mode == "cumulative":
        out, running = set(), 0
        for t in tiers:
            running += int(t.value.value)
            if running > total:
                break
            out.add(t.key)
        return out
    return {t.key for t in tiers if int(t.value.value) <= total}


def _made_words(made: list[Made], lang: str) -> str:
    if lang == "en":
        return ", ".join(f"{amount_en(m.amount)} {'paid' if m.paid else 'awarded'} in {m.year}" for m in made)
    return "、".join(f"{m.year}年已{'兑现' if m.paid else '享受'}{amount_zh(m.amount)}" for m in made)


def revenue_milestone(item: PolicyItem, ctx: Context) -> list[LineItem]:
    lines = Lines(item, ctx)
    mode = str(item.param("mode").value)
    tiers = [t for t in item.tiers if t.threshold is not None]
    ledger = ctx.awarded_in_period(item.id)
    made = [Made(y, a, True) for y, a in ledger.items() if y < ctx.years[0]]
    settled = settled_by(tiers, sum(m.amount for m in made), mode)
    for year in ctx.years:
        revenue = ctx.firm.revenue.get(year)
        in_force = ctx.policy.year_in_force(year)
        crossed = [
            t for t in tiers if revenue is not None and t.threshold is not None and revenue > t.threshold
        ]
        new = [t for t in crossed if t.key not in settled]
        before = list(made)
        paid_before = sum(m.amount for m in before)
        award = award_for(new, paid_before, mode)
        if in_force:  # only the policy's own years award anything, so only they count as already awarded
            counted = max(award, ledger.get(year, 0))
            settled.update(t.key for t in crossed)
            if counted > 0:
                made.append(Made(year, counted, ledger.get(year, 0) >= award and year in ledger))
                settled |= settled_by(tiers, sum(m.amount for m in made), mode)
        if not new:
            if ctx.explain:  # a line with no money only matters where it is read
                _no_new_tier(lines, year, revenue, tiers, settled)
            continue
        top = int(new[-1].value.value)
        deducted = top - award if mode == "top_up" else 0
        if not ctx.explain and award == 0:
            continue
        params = (read(item, "mode"), *(read_tier(item, t.key, t.value) for t in new)) if ctx.explain else ()
        if award == 0:
            lines.none(
                year,
                f"年销售收入{amount_zh(revenue or 0)}，首次超过{_tier_words(new, 'zh')}档，按最高档{amount_zh(top)}；"
                f"已享受{amount_zh(paid_before)}（{_made_words(before, 'zh')}），不再奖励",
                f"Revenue {amount_en(revenue or 0)} first exceeds {_tier_words(new, 'en')}: top "
                f"tier {amount_en(top)}; {amount_en(paid_before)} already awarded ({_made_words(before, 'en')}), "
                "nothing more is due",
            )
            continue

        def explain(
            new: list[Tier] = new,
            revenue: Fen = revenue or 0,
            award: Fen = award,
            before: list[Made] = before,
        ) -> tuple[str, str]:
            top = int(new[-1].value.value)
            zh = f"年销售收入{amount_zh(revenue)}，首次超过{_tier_words(new, 'zh')}档"
            en = f"Revenue {amount_en(revenue)} first exceeds {_tier_words(new, 'en')}"
            if mode == "top_up" and award < top:
                zh += f"，按最高档{amount_zh(top)}奖励，扣除{_made_words(before, 'zh')} = {amount_zh(award)}"
                en += f": top tier {amount_en(top)}, less {_made_words(before, 'en')} = {amount_en(award)}"
            elif mode == "cumulative":
                zh += f"，各档累加 = {amount_zh(award)}"
                en += f": tiers added up = {amount_en(award)}"
            else:
                zh += f"，按最高档奖励 = {amount_zh(award)}"
                en += f": top tier = {amount_en(award)}"
            return zh, en

        lines.add(year, award, LineStatus.ELIGIBLE, explain, params=params, deducted=deducted)
    return lines.out


def _tier_words(tiers: list[Tier], lang: str) -> str:
    """3000万元、5000万元 · the ¥30 million and ¥50 million thresholds."""
    amounts = [t.threshold or 0 for t in tiers]
    if lang != "en":
        return "、".join(amount_zh(a) for a in amounts)
    words = [amount_en(a) for a in amounts]
    joined = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
    return f"the {joined} threshold" + ("s" if len(words) > 1 else "")


def _no_new_tier(lines: Lines, year: int, revenue: Fen | None, tiers: list[Tier], settled: set[str]) -> None:
    """A year with nothing new to award, and why: no plan, below the next tier, or every tier awarded."""
    nxt = next((t for t in tiers if t.key not in settled), None)
    if nxt is None:
        lines.none(year, "各档奖励均已享受", "Every tier has already been awarded")
    elif revenue is None:
        lines.none(year, "本年未填写销售收入计划", "No revenue planned this year")
    else:
        lines.none(
            year,
            f"年销售收入{amount_zh(revenue)}，未超过尚未享受的下一档（{amount_zh(nxt.threshold or 0)}）",
            f"Revenue {amount_en(revenue)} does not exceed the next tier not yet awarded "
            f"({amount_en(nxt.threshold or 0)})",
        )
