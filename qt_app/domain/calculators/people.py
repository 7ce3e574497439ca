"""Items keyed by who the firm is or brings: 项目引进奖励 (one-off landing award by firm grade) and
创业安居 (talent housing: a rent-free apartment in kind, or a monthly allowance in cash, for some years)."""

from __future__ import annotations

from collections import defaultdict

from qt_app.domain.calculators.base import Context, Lines, read, read_tier, yuan_text
from qt_app.domain.firm import HousingChoice
from qt_app.domain.package import Benefit, LineItem, LineStatus
from qt_app.domain.policy import PolicyItem


def project_landing(item: PolicyItem, ctx: Context) -> list[LineItem]:
    lines = Lines(item, ctx)
    year = ctx.firm.first_year
    if year not in ctx.years:
        return lines.out
    tier = item.tier(ctx.firm.grade)
    if tier is None:
        keys = "、".join(t.key for t in item.tiers)
        lines.none(
            year,
            f"企业等级为{ctx.firm.grade or '未评定'}，项目引进奖励仅限{keys}类企业",
            f"Firm grade {ctx.firm.grade or 'none'}: the landing award is for grades {keys} only",
            LineStatus.INELIGIBLE,
        )
        return lines.out
    amount = int(tier.value.value)

    def explain() -> tuple[str, str]:
        return (
            f"{ctx.firm.grade}类企业新引进落地，一次性奖励{yuan_text(amount)}",
            f"Grade {ctx.firm.grade} firm newly landed: one-time award {yuan_text(amount)}",
        )

    lines.add(year, amount, LineStatus.ELIGIBLE, explain, params=(read_tier(item, tier.key, tier.value),))
    return lines.out


def talent_housing(item: PolicyItem, ctx: Context) -> list[LineItem]:
    lines = Lines(item, ctx)
    max_years: int = item.param("max_years").value
    apartment: int = item.param("apartment_value_per_month").value
    per_year: dict[tuple[int, HousingChoice], list[tuple[str, int, int]]] = defaultdict(list)
    unknown: dict[int, list[str]] = defaultdict(list)
    for group in ctx.firm.talents:
        for year in range(group.arrival_year, group.arrival_year + max_years):
            if year not in ctx.years or group.count <= 0:
                continue
            if group.housing is HousingChoice.APARTMENT:
                per_year[(year, group.housing)].append((group.level, group.count, apartment))
            else:
                tier = item.tier(group.level)
                if tier is None:
                    unknown[year].append(group.level)
                    continue
                per_year[(year, group.housing)].append((group.level, group.count, int(tier.value.value)))
    for year in ctx.years:
        for level in unknown.get(year, []):
            lines.none(
                year,
                f"人才层次“{level}”不在安居补贴档位内",
                f"Talent level “{level}” has no housing allowance",
                LineStatus.INELIGIBLE,
            )
        for choice in (HousingChoice.ALLOWANCE, HousingChoice.APARTMENT):
            groups = per_year.get((year, choice))
            if not groups:
                continue
            amount = sum(count * monthly * 12 for _, count, monthly in groups)
            in_kind = choice is HousingChoice.APARTMENT

            def explain(
                groups: list[tuple[str, int, int]] = groups, amount: int = amount, in_kind: bool = in_kind
            ) -> tuple[str, str]:
                what_zh = "人才公寓免租（按市场租金折算）" if in_kind else "租房补贴"
                what_en = (
                    "rent-free talent apartment (valued at market rent)" if in_kind else "rent allowance"
                )
                zh = " + ".join(f"{lv}类人才{n}人 × {yuan_text(m)}/月 × 12个月" for lv, n, m in groups)
                en = " + ".join(
                    f"{n} level-{lv} talent(s) × {yuan_text(m)}/month × 12" for lv, n, m in groups
                )
                return f"{what_zh}：{zh} = {yuan_text(amount)}", f"{what_en}: {en} = {yuan_text(amount)}"

            params = (read(item, "max_years"),) + (
                (read(item, "apartment_value_per_month"),)
                if in_kind
                else tuple(read_tier(item, lv, t.value) for lv, *_ in groups if (t := item.tier(lv)))
            )
            lines.add(
                year,
                amount,
                LineStatus.ELIGIBLE,
                explain,
                params=params,
                benefit=Benefit.IN_KIND if in_kind else Benefit.CASH,
            )
    return lines.out
