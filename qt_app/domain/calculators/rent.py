"""租金支持 (rent subsidy): area × unit rent × days × tier rate, tiered by tenancy year, grade or site.

Calendar years are what budgets use, so a lease starting mid-year is split at its anniversaries: a calendar
year may hold the end of tenancy year 1 (100%) and the start of year 2 (70%).
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from qt_app.domain.calculators.base import Context, Lines, capped, fen_of, pct, read, read_tier, yuan_text
from qt_app.domain.package import LineItem, LineStatus
from qt_app.domain.policy import Param, PolicyItem


def _anniversary(start: date, years: int) -> date:
    try:
        return start.replace(year=start.year + years)
    except ValueError:  # 29 February
        return start.replace(year=start.year + years, day=28) + timedelta(days=1)


def _segments(move_in: date, year: int, max_years: int) -> list[tuple[int, int]]:
    """(tenancy year n, days of calendar `year` that fall in tenancy year n), for n ≤ max_years."""
    jan1, next_jan1 = date(year, 1, 1), date(year + 1, 1, 1)
    out = []
    for n in range(1, max_years + 1):
        start, end = _anniversary(move_in, n - 1), _anniversary(move_in, n)
        lo, hi = max(start, jan1), min(end, next_jan1)
        if lo < hi:
            out.append((n, (hi - lo).days))
    return out


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

    for year in ctx.years:
        segs = _segments(loc.move_in, year, max_years)
        if not segs:
            if year < loc.move_in.year:
                continue
            lines.none(
                year,
                f"租金补助期（{max_years}年）已满",
                f"The {max_years}-year rent subsidy period has ended",
            )
            continue
        total = Decimal(0)
        parts: list[tuple[int, int, Decimal]] = []
        reads = [read(item, "cap_area_m2"), read(item, "cap_unit_price"), read(item, "cap_per_year")]
        missing_key = ""
        for n, days in segs:
            key, rate = _rate_for(item, ctx, n)
            if rate is None:
                missing_key = key
                continue
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
            parts: list[tuple[int, int, Decimal]] = parts, raw: int = raw, amount: int = amount
        ) -> tuple[str, str]:
            area_zh = f"{area}㎡" + ("（面积上限）" if area_capped else "")
            price_zh = f"{price}元/㎡/天" + ("（单价上限）" if price_capped else "")
            terms_zh = " + ".join(
                f"{area_zh} × {price_zh} × {d}天 × {pct(r)}（第{n}年）" for n, d, r in parts
            )
            terms_en = " + ".join(
                f"{area} m² × {price} yuan/m²/day × {d} days × {pct(r)} (year {n})" for n, d, r in parts
            )
            zh = f"依据《{ctx.policy.short_title}》租金支持条款，{site.zh} {terms_zh} = {yuan_text(raw)}"
            en = f"Rent subsidy, {site.en}: {terms_en} = {yuan_text(raw)}"
            if amount < raw:
                zh += f"，按年度上限{yuan_text(amount)}"
                en += f", capped at {yuan_text(amount)} a year"
            return zh, en

        status = LineStatus.CAPPED if caps else LineStatus.ELIGIBLE
        lines.add(year, amount, status, explain, caps=caps, params=tuple(reads))
    return lines.out
