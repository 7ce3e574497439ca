"""金融支持 (finance): 贷款贴息 (interest subsidy on the dated 1-year LPR) and 担保费补助 (guarantee fees).

The LPR is a dated input: each year uses the value in force on 1 January of that year; years after the
last published value use it and say so.
"""

from __future__ import annotations

from datetime import date
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
from qt_app.domain.firm import Loan
from qt_app.domain.package import LineItem, LineStatus, ParamRead
from qt_app.domain.policy import LprRate, PolicyItem
from qt_app.domain.wording import date_words


def loan_interest(item: PolicyItem, ctx: Context) -> list[LineItem]:
    lines = Lines(item, ctx)
    share: Decimal = item.param("share_of_lpr").value
    cap_principal: int = item.param("cap_principal").value
    max_years: int = item.param("max_years").value
    policy = ctx.policy
    for year in ctx.years:
        loans = [ln for ln in ctx.firm.loans if ln.start_year <= year < ln.start_year + ln.years]
        if not loans:
            continue
        lpr = policy.lpr_on(date(year, 1, 1))
        assumed = lpr.since.year < year - 1 or date(year, 1, 1) < policy.lpr[0].since
        reads: tuple[ParamRead, ...] = ()
        if ctx.explain:
            lpr_read = ParamRead(
                f"{item.id}.lpr",
                "一年期LPR",
                f"{pct(lpr.rate)}（{lpr.since:%Y-%m-%d}起）",
                policy.lpr_status.value,
                "1-year LPR",
                f"{pct(lpr.rate)} (since {date_words(lpr.since, 'en')})",
            )
            reads = (
                read(item, "share_of_lpr"),
                read(item, "cap_principal"),
                read(item, "max_years"),
                lpr_read,
            )
        parts: list[tuple[Loan, int, bool, int]] = []
        over_years = []
        for ln in loans:
            if year >= ln.start_year + max_years:
                over_years.append(ln)
                continue
            principal, hit = capped(ln.principal, cap_principal)
            parts.append((ln, principal, hit, fen_of(Decimal(principal) / 100 * lpr.rate * share)))
        if not parts:
            lines.none(
                year,
                f"贴息期限为{max_years}年，已届满",
                f"The {max_years}-year interest subsidy period has ended",
            )
            continue
        total = sum(p[3] for p in parts)
        any_capped = any(p[2] for p in parts)

        def explain(
            parts: list[tuple[Loan, int, bool, int]] = parts, lpr: LprRate = lpr, assumed: bool = assumed
        ) -> tuple[str, str]:
            since = f"{date_words(lpr.since, 'zh')}起"
            zh = "；".join(
                f"{ln.lender or '贷款'}本金{amount_zh(p)}"
                + ("（贴息本金上限）" if hit else "")
                + f" × LPR {pct(lpr.rate)}（{since}）× {pct(share)} = {amount_zh(a)}"
                for ln, p, hit, a in parts
            )
            en = "; ".join(
                f"{ln.lender or 'loan'} principal {amount_en(p)}"
                + (" (principal cap)" if hit else "")
                + f" × LPR {pct(lpr.rate)} (since {date_words(lpr.since, 'en')}) × {pct(share)} = {amount_en(a)}"
                for ln, p, hit, a in parts
            )
            if assumed:
                zh += "（按最近公布的LPR假设）"
                en += " (assuming the latest published LPR)"
            return zh, en

        status = LineStatus.CAPPED if any_capped else LineStatus.ELIGIBLE
        caps = (f"{item.id}.cap_principal",) if any_capped else ()
        lines.add(year, total, status, explain, caps=caps, params=reads)
    return lines.out


def guarantee_fee(item: PolicyItem, ctx: Context) -> list[LineItem]:
    lines = Lines(item, ctx)
    rate: Decimal = item.param("rate").value
    cap: int = item.param("cap_per_year").value
    max_years: int = item.param("max_years").value
    reads = (read(item, "rate"), read(item, "cap_per_year"), read(item, "max_years"))
    for year in ctx.years:
        fees = [
            ln.guarantee_fee
            for ln in ctx.firm.loans
            if ln.guarantee_fee > 0 and ln.start_year <= year < ln.start_year + min(ln.years, max_years)
        ]
        if not fees:
            continue
        add_capped_share(lines, year, sum(fees), rate, cap, ("担保费", "Guarantee fees"), reads)
    return lines.out
