"""Items paid as a share of what the firm spends, capped per year:
算力券 (compute vouchers, also limited by the county's annual pool) and 研发投入补助 (R&D subsidy).
"""

from __future__ import annotations

from decimal import Decimal

from qt_app.domain.calculators.base import (
    Context,
    Lines,
    add_capped_share,
    amount_en,
    amount_zh,
    capped,
    fen_of,
    pct,
    read,
)
from qt_app.domain.package import LineItem, LineStatus
from qt_app.domain.policy import PolicyItem


def compute_voucher(item: PolicyItem, ctx: Context) -> list[LineItem]:
    lines = Lines(item, ctx)
    rate: Decimal = item.param("rate").value
    cap: int = item.param("cap_per_year").value
    pool: int = item.param("pool_per_year").value
    reads = (read(item, "rate"), read(item, "cap_per_year"), read(item, "pool_per_year"))
    for year in ctx.years:
        spend = ctx.firm.compute_spend.get(year, 0)
        if spend <= 0:
            lines.none(year, "本年无算力合作计划", "No compute cooperation planned this year")
            continue
        raw = fen_of(Decimal(spend) / 100 * rate)
        amount, hit_cap = capped(raw, cap)
        amount, hit_pool = capped(amount, pool)
        status = (
            LineStatus.POOL_LIMITED if hit_pool else LineStatus.CAPPED if hit_cap else LineStatus.ELIGIBLE
        )
        caps = tuple(
            n
            for n, hit in ((f"{item.id}.cap_per_year", hit_cap), (f"{item.id}.pool_per_year", hit_pool))
            if hit
        )

        def explain(spend: int = spend, raw: int = raw, amount: int = amount) -> tuple[str, str]:
            zh = f"算力合作合同额{amount_zh(spend)} × {pct(rate)} = {amount_zh(raw)}"
            en = f"Compute contract {amount_en(spend)} × {pct(rate)} = {amount_en(raw)}"
            if amount < raw:
                zh += f"，按上限{amount_zh(amount)}"
                en += f", capped at {amount_en(amount)}"
            return zh + "，以算力券发放", en + ", paid as vouchers"

        lines.add(year, amount, status, explain, caps=caps, params=reads)
    return lines.out


def rnd_subsidy(item: PolicyItem, ctx: Context) -> list[LineItem]:
    lines = Lines(item, ctx)
    rate: Decimal = item.param("rate").value
    cap: int = item.param("cap_per_year").value
    max_years: int = item.param("max_years").value
    reads = (read(item, "rate"), read(item, "cap_per_year"), read(item, "max_years"))
    landed = ctx.firm.landing_date
    first = (
        landed.year if landed is not None else ctx.years[0]
    )  # 落地后N年: from landing, else the first year
    for year in ctx.years:
        spend = ctx.firm.rnd_spend.get(year, 0)
        if year >= first + max_years:
            if spend > 0:
                lines.none(
                    year, f"研发补助限落地后{max_years}年内", f"R&D subsidy is limited to {max_years} years"
                )
            continue
        if spend <= 0:
            lines.none(year, "本年无研发投入计划", "No R&D spending planned this year")
            continue
        add_capped_share(lines, year, spend, rate, cap, ("研发投入", "R&D spending"), reads)
    return lines.out
