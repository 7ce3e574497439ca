"""Items keyed by who the firm is or brings: 项目引进奖励 (one-off landing award by firm grade) and
创业安居 (talent housing: a rent-free apartment in kind, or a monthly allowance in cash, for some years)."""

from __future__ import annotations

from collections import defaultdict

from qt_app.domain.calculators.base import Context, Lines, amount_en, amount_zh, read, read_tier
from qt_app.domain.firm import HousingChoice
from qt_app.domain.package import Benefit, LineItem, LineStatus
from qt_app.domain.policy import PolicyItem
from qt_app.domain.wording import date_words


def project_landing(item: PolicyItem, ctx: Context) -> list[LineItem]:
    """新引进落地项目按企业等级一次性奖励: needs the landing facts the clause names — a landing (move-in)
    date within the policy period — and is paid once: an award already made (ledger) is not paid again."""
    lines = Lines(item, ctx)
    landed = ctx.firm.landing_date
    if landed is None:
        lines.none(
            ctx.years[0],
            "未填写落地（入驻）日期：项目引进奖励须新引进项目落地后给予",
            "No landing (move-in) date entered: the landing award is paid once the project has landed",
            LineStatus.INELIGIBLE,
        )
        return lines.out
    year = landed.year
    if year not in ctx.years:
        return lines.out
    policy = ctx.policy
    if landed < policy.effective_from:
        lines.none(
            year,
            f"落地日期{date_words(landed, 'zh')}早于政策施行日（{date_words(policy.effective_from, 'zh')}），"
            "不属于本政策新引进项目",
            f"Landed on {date_words(landed, 'en')}, before the policy took effect "
            f"({date_words(policy.effective_from, 'en')}): not a project newly attracted under it",
            LineStatus.INELIGIBLE,
        )
        return lines.out
    if policy.effective_to is not None and landed > policy.effective_to:
        lines.none(
            year,
            f"落地日期{date_words(landed, 'zh')}晚于政策截止日（{date_words(policy.effective_to, 'zh')}）",
            f"Landed on {date_words(landed, 'en')}, after the policy ended ({date_words(policy.effective_to, 'en')})",
            LineStatus.INELIGIBLE,
        )
        return lines.out
    earlier = {y: a for y, a in ctx.awarded_in_period(item.id).items() if y != year}
    if earlier:
        y, a = next(iter(earlier.items()))
        lines.none(
            year,
            f"已于{y}年享受项目引进奖励{amount_zh(a)}，一次性奖励不重复享受",
            f"The landing award ({amount_en(a)}) was already made in {y}; a one-time award is not paid again",
            LineStatus.INELIGIBLE,
        )
        return lines.out
    tier = item.tier(ctx.firm.grade)
    if tier is None:
        keys = "、".join(t.key for t in item.tiers)
        lines.none(
            year,
            f"企业等级为{ctx.firm.grade or '未评定'}，项目引进奖励仅限{keys}类企业",
            f"Firm grade {ctx.firm.grade or 'none'}: the landing award is for grades {', '.join(t.key for t in item.tiers)} only",
            LineStatus.INELIGIBLE,
        )
        return lines.out
    amount = int(tier.value.value)

    def explain() -> tuple[str, str]:
        return (
            f"{ctx.firm.grade}类企业新引进，{date_words(landed, 'zh')}落地，一次性奖励{amount_zh(amount)}",
            f"Grade {ctx.firm.grade} firm newly attracted, landed on {date_words(landed, 'en')}: "
            f"one-time award {amount_en(amount)}",
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
                zh = " + ".join(f"{lv}类人才{n}人 × {amount_zh(m)}/月 × 12个月" for lv, n, m in groups)
                en = " + ".join(
                    f"{n} level-{lv} talent(s) × {amount_en(m)}/month × 12" for lv, n, m in groups
                )
                return f"{what_zh}：{zh} = {amount_zh(amount)}", f"{what_en}: {en} = {amount_en(amount)}"

            params = (
                (read(item, "max_years"),)
                + (
                    (read(item, "apartment_value_per_month"),)
                    if in_kind
                    else tuple(read_tier(item, lv, t.value) for lv, *_ in groups if (t := item.tier(lv)))
                )
                if ctx.explain
                else ()
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
