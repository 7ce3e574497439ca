"""租金支持 (rent subsidy): area × unit rent × days × tier rate, tiered by tenancy year, grade or site.

Calendar years are what budgets use, so a lease starting mid-year is split at its anniversaries: a calendar
year may hold the end of tenancy year 1 (100%) and the start of year 2 (70%). Only days the policy is in force
count: in the year it takes effect (or ends) the days before (or after) are left out, and the words say so.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from qt_app.domain.calculators.base import (
    Context,
    Lines,
    amount_en,
    amount_zh,
    capped,
    fen_of,
    pct,
    read,
    read_tier,
)
from qt_app.domain.package import LineItem, LineStatus
from qt_app.domain.policy import Param, PolicyItem
from qt_app.domain.wording import date_words


def _anniversary(start: date, years: int) -> date:
    try:
        return start.replace(year=start.year + years)
    except ValueError:  # 29 February
        return start.replace(year=start.year + years, day=28) + timedelta(days=1)


def _anniversaries(move_in: date, max_years: int) -> list[date]:
    """Start of tenancy year 1, 2, … and the end of the last: computed once per lease, not once per year."""
    return [_anniversary(move_in, n) for n in range(max_years + 1)]


def _segments(
    bounds: list[date], year: int, window: tuple[date, date] | None = None
) -> list[tuple[int, int]]:
    """(tenancy year n, days of calendar `year` that fall in tenancy year n), for the tenancy years in `bounds`.

    `window` narrows the year to the days the policy is in force ([from, to) ).
    """
    jan1, next_jan1 = window or (date(year, 1, 1), date(year + 1, 1, 1))
    out = []
    for n in range(1, len(bounds)):
        lo, hi = max(bounds[n - 1], jan1), min(bounds[n], next_jan1)
        if lo < hi:
            out.append((n, (hi - lo).days))
    return out


ONE_DAY = timedelta(days=1)


def _in_force_days(ctx: Context, year: int) -> tuple[date, date] | None:
    """[first, after-last) days of `year` the policy is in force, when that is not the whole year.

    A year wholly outside the period is left whole: the simulation marks it before/after the policy.
    """
    policy = ctx.policy
    if not policy.year_in_force(year):
        return None
    jan1, next_jan1 = date(year, 1, 1), date(year + 1, 1, 1)
    lo = max(jan1, policy.effective_from)
    hi = min(next_jan1, policy.effective_to + ONE_DAY) if policy.effective_to else next_jan1
    return None if (lo, hi) == (jan1, next_jan1) else (lo, hi)


def _rate_for(item: PolicyItem, ctx: Context, n: int) -> tuple[str, Param | None]:
    key_kind = item.tier_key.value if item.tier_key else "tenancy_year"
    firm = ctx.firm
    key = {"tenancy_year": str(n), "grade": firm.grade, "site": firm.location.site if firm.location else ""}[
        key_kind
    ]
    tier = item.tier(key)
    return key, (tier.value if tier else None)


def rent_subsidy(item: PolicyItem, ctx: Context) -> list[LineItem]:
    lines = Lines(item, ctx)
    loc = ctx.firm.location
    if loc is None:
        for y in ctx.years[:1]:
            lines.none(y, "未填写入驻载体和面积", "No building or area entered", LineStatus.INELIGIBLE)
        return lines.out
    site = ctx.policy.site(loc.site)
    if site is None:
        for y in ctx.years[:1]:
            lines.none(
                y,
                f"入驻地点“{loc.site}”不是政策所列载体（华侨总部大楼、青创大厦、在外飞地）",
                f"Site “{loc.site}” is not one of the policy's buildings or enclaves",
                LineStatus.INELIGIBLE,
            )
        return lines.out

    cap_area = item.param("cap_area_m2").value
    cap_price = item.param("cap_unit_price").value
    cap_year = item.param("cap_per_year").value
    max_years = item.param("max_years").value
    if item.tier_key is not None and item.tier_key.value == "tenancy_year":
        max_years = min(max_years, len(item.tiers))
    area, area_capped = (cap_area, True) if loc.area_m2 > cap_area else (loc.area_m2, False)
    price, price_capped = (
        (cap_price, True) if loc.rent_per_m2_day > cap_price else (loc.rent_per_m2_day, False)
    )

    bounds = _anniversaries(loc.move_in, max_years)
    if loc.move_out is not None:  # actuals: no subsidy for days after moving out
        bounds = [min(b, loc.move_out) for b in bounds]
    explain_on = ctx.explain
    for year in ctx.years:
        window = _in_force_days(ctx, year)
        segs = _segments(bounds, year, window)
        if window is not None and segs == _segments(bounds, year):
            window = None  # the lease lies wholly inside the policy's days: nothing was left out
        if not segs:
            if year < loc.move_in.year:
                continue
            if loc.move_out is not None and loc.move_out.year <= year:
                lines.none(
                    year,
                    f"已于{date_words(loc.move_out, 'zh')}迁出，此后不再享受租金支持",
                    f"Moved out on {date_words(loc.move_out, 'en')}; no rent subsidy after that",
                )
                continue
            lines.none(
                year,
                f"租金补助期（{max_years}年）已满",
                f"The {max_years}-year rent subsidy period has ended",
            )
            continue
        total = Decimal(0)
        parts: list[tuple[int, int, Decimal]] = []
        reads = (
            [read(item, "cap_area_m2"), read(item, "cap_unit_price"), read(item, "cap_per_year")]
            if explain_on
            else []
        )
        missing_key = ""
        for n, days in segs:
            key, rate = _rate_for(item, ctx, n)
            if rate is None:
                missing_key = key
                continue
            if explain_on:
                reads.append(read_tier(item, key, rate))
            total += area * price * days * rate.value
            parts.append((n, days, rate.value))
        if not parts:
            lines.none(
                year,
                f"档位“{missing_key}”不在租金补助档位表内",
                f"Tier “{missing_key}” is not in the rent subsidy table",
                LineStatus.INELIGIBLE,
            )
            continue
        raw = fen_of(total)
        amount, year_capped = capped(raw, cap_year)
        caps = tuple(
            name
            for name, hit in (
                (f"{item.id}.cap_area_m2", area_capped),
                (f"{item.id}.cap_unit_price", price_capped),
                (f"{item.id}.cap_per_year", year_capped),
            )
            if hit
        )

        def explain(
            parts: list[tuple[int, int, Decimal]] = parts,
            raw: int = raw,
            amount: int = amount,
            window: tuple[date, date] | None = window,
            year: int = year,
        ) -> tuple[str, str]:
            area_zh = f"{area}㎡" + ("（面积上限）" if area_capped else "")
            price_zh = f"{price}元/㎡/天" + ("（单价上限）" if price_capped else "")
            terms_zh = " + ".join(
                f"{area_zh} × {price_zh} × {d}天 × {pct(r)}（第{n}年）" for n, d, r in parts
            )
            terms_en = " + ".join(
                f"{area} m² × {price} yuan/m²/day × {d} days × {pct(r)} (year {n})" for n, d, r in parts
            )
            zh = f"依据《{ctx.policy.short_title}》租金支持条款，{site.zh} {terms_zh} = {amount_zh(raw)}"
            en = f"Rent subsidy, {site.en}: {terms_en} = {amount_en(raw)}"
            if loc.move_out is not None and loc.move_out.year == year:
                zh += f"（{date_words(loc.move_out, 'zh')}迁出，计至迁出前一日）"
                en += f" (moved out on {date_words(loc.move_out, 'en')}: counted up to the day before)"
            if window is not None:
                zh += f"（只计政策有效期内的天数：{date_words(window[0], 'zh')}至{date_words(window[1] - ONE_DAY, 'zh')}）"
                en += f" (only days the policy is in force: {date_words(window[0], 'en')} to {date_words(window[1] - ONE_DAY, 'en')})"
            if amount < raw:
                zh += f"，按年度上限{amount_zh(amount)}"
                en += f", capped at {amount_en(amount)} a year"
            return zh, en

        status = LineStatus.CAPPED if caps else LineStatus.ELIGIBLE
        lines.add(year, amount, status, explain, caps=caps, params=tuple(reads))
    return lines.out
