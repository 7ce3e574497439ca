"""The multi-year simulation (政策测算): firm + policy version + what-if variant + horizon → Package.

Years come from the firm, never the clock: `start_year` (argument, else the firm file's), else the move-in
year, else the earliest year of any plan. A firm with none gets a package with no years and a message.

Awards already made (`awarded`) — the 兑现 ledger's payments — are an explicit input::

    simulate(firm, policy, awarded={"revenue": {2024: wan(20)}, "landing": {2024: wan(10)}})

`awarded[item_id][year]` is what was paid for that item in that year, in 分. Only years the policy was in
force count (others get a warning and are not deducted). The revenue top-up deducts them, naming year and
amount ("扣除2024年已兑现20万元"); the one-time landing award is not paid again. For a simulated year, the
larger of the ledger's payment and the year's own award counts as already awarded for later years.

A firm outside the policy's open field list (or with none entered) and not yet recognised (认定) is 待认定:
its lines are computed as for a recognised firm, then carry amount 0, status `pending_recognition` and the
amount in `would_be`; `Package.pending_total` sums them apart from the committed total.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from qt_app.domain.calculators import CALCULATORS, Context
from qt_app.domain.calculators.base import amount_en, amount_zh
from qt_app.domain.eligibility import DomainStanding, Standing, domain_standing, exclusions, rules_applied
from qt_app.domain.errors import DomainError
from qt_app.domain.firm import Firm
from qt_app.domain.money import Fen
from qt_app.domain.package import LineItem, LineStatus, Package
from qt_app.domain.pipeline import DEFAULT_HORIZON
from qt_app.domain.policy import Policy, with_overrides
from qt_app.domain.variants import Variant, apply_to_firm
from qt_app.domain.wording import date_words, year_list

_BASE = Variant()
NO_YEARS = (
    "未填写入驻日期、任何计划年度或测算起始年（start_year），无法确定测算年度；请填写其中之一",
    "No move-in date, plan year or start year (start_year) is entered, so there is no year to start "
    "from; enter one of them",
)


def simulate(
    firm: Firm,
    policy: Policy,
    variant: Variant = _BASE,
    horizon: int = DEFAULT_HORIZON,
    start_year: int | None = None,
    explain: bool = True,
    awarded: Mapping[str, Mapping[int, Fen]] | None = None,
) -> Package:
    """Compute what the firm would get, year by year, each line traced to its clause.

    `explain=False` gives an amounts-only package for pipeline-wide exposure: no wording, no parameter
    reads, and only the lines that carry money (or would, once recognised). Every amount is identical
    either way (property-tested).
    """
    effective_firm = apply_to_firm(firm, variant)
    effective_policy = with_overrides(policy, variant.param_overrides)
    made = _checked(awarded or {})
    first = start_year if start_year is not None else effective_firm.first_year
    if first is None:
        return _package(firm, policy, variant, (), [], [NO_YEARS])
    years = tuple(range(first, first + max(1, horizon)))
    standing = domain_standing(effective_firm, effective_policy)
    pending = standing.standing is Standing.PENDING
    shows_basis = explain and standing.standing in (Standing.PENDING, Standing.RECOGNISED)
    ctx = Context(
        effective_firm, effective_policy, years, explain, made, (standing.read(),) if shows_basis else ()
    )

    excluded = exclusions(effective_firm, effective_policy, standing)
    lines: list[LineItem] = []
    if excluded and explain:
        reason_zh = "；".join(e.zh for e in excluded)
        reason_en = "; ".join(e.en for e in excluded)
        for item in effective_policy.items:
            if item.monetary:
                lines.append(_excluded_line(item.id, ctx, reason_zh, reason_en))
    elif not excluded:
        in_force = {y for y in years if effective_policy.year_in_force(y)}
        for item in effective_policy.items:
            calc = CALCULATORS.get(item.kind)
            if calc is None:
                continue
            for line in calc(item, ctx):
                if line.year not in in_force:
                    if explain:
                        lines.append(_outside_period(line, effective_policy))
                elif pending and line.amount > 0:
                    lines.append(_pending(line, standing, explain))
                else:
                    lines.append(line)

    warnings = _warnings(effective_policy, years, made)
    if pending and not excluded:
        warnings.append(_pending_warning(standing, sum(ln.would_be for ln in lines)))
    return _package(
        firm,
        policy,
        variant,
        years,
        lines,
        warnings,
        eligible=not excluded,
        exclusions_zh=tuple(e.zh for e in excluded),
        exclusions_en=tuple(e.en for e in excluded),
        exclusion_rules=tuple(excluded),
        rules=rules_applied(effective_policy, standing) if explain else (),
    )


def _package(
    firm: Firm,
    policy: Policy,
    variant: Variant,
    years: tuple[int, ...],
    lines: list[LineItem],
    warnings: list[tuple[str, str]],
    **more: Any,
) -> Package:
    return Package(
        firm_id=firm.id,
        firm_name=firm.name,
        policy_id=policy.id,
        policy_version=policy.version,
        policy_hash=policy.hash,
        variant=variant.name,
        years=years,
        lines=tuple(lines),
        warnings_zh=tuple(w[0] for w in warnings),
        warnings_en=tuple(w[1] for w in warnings),
        **more,
    )


def _checked(awarded: Mapping[str, Mapping[int, Fen]]) -> dict[str, dict[int, Fen]]:
    """The ledger's awards, checked: whole 分, never negative, calendar years."""
    out: dict[str, dict[int, Fen]] = {}
    for item_id, by_year in awarded.items():
        for year, amount in by_year.items():
            if isinstance(amount, bool) or not isinstance(amount, int) or amount < 0:
                raise DomainError(
                    f"已兑现金额应为不小于0的整数（分）：{item_id} {year}年 “{amount}”",
                    f"An amount already awarded must be whole 分, not negative: {item_id} {year} “{amount}”",
                )
            if isinstance(year, bool) or not isinstance(year, int):
                raise DomainError(
                    f"已兑现年度应为年份：“{year}”", f"A year already awarded must be a year: “{year}”"
                )
            out.setdefault(item_id, {})[year] = amount
    return out


def _excluded_line(item_id: str, ctx: Context, zh: str, en: str) -> LineItem:
    from qt_app.domain.calculators.base import Lines

    lines = Lines(ctx.policy.item(item_id), ctx)
    lines.none(ctx.years[0], zh, en, LineStatus.INELIGIBLE)
    return lines.out[0]


def _pending(line: LineItem, standing: DomainStanding, explain: bool) -> LineItem:
    """待认定: the amount is shown as what it would be once recognised, and kept out of the totals."""
    if not explain:
        return replace(line, amount=0, would_be=line.amount, status=LineStatus.PENDING_RECOGNITION)
    zh, en = amount_zh(line.amount), amount_en(line.amount)
    return replace(
        line,
        amount=0,
        would_be=line.amount,
        status=LineStatus.PENDING_RECOGNITION,
        explanation_zh=f"待认定：认定为元宇宙相关领域后可享受{zh}（{line.explanation_zh}）",
        explanation_en=f"Pending recognition: {en} once recognised as metaverse-related ({line.explanation_en})",
        reason_zh=f"所属领域{standing.zh}；认定后本项本年可享受{zh}",
        reason_en=f"Field {standing.en}; once recognised this item pays {en} this year",
    )


def _outside_period(line: LineItem, policy: Policy) -> LineItem:
    """A year before the policy took effect, or after it ended, pays nothing, and says which way it misses."""
    if line.amount == 0 and line.status is LineStatus.INELIGIBLE:
        return line  # already says why (e.g. a landing date before the policy)
    if line.year < policy.effective_from.year:
        status = LineStatus.BEFORE_POLICY
        head_zh = f"{line.year}年早于政策施行日（{date_words(policy.effective_from, 'zh')}）"
        head_en = f"{line.year} is before the policy took effect ({date_words(policy.effective_from, 'en')})"
    else:
        end = policy.effective_to
        status = LineStatus.BEYOND_POLICY
        head_zh = f"{line.year}年晚于政策截止日（{date_words(end, 'zh') if end else '未载明'}）"
        head_en = f"{line.year} is after the policy ended ({date_words(end, 'en') if end else 'not stated'})"
    if line.amount > 0:
        head_zh += f"，不予享受（按本政策测算为{amount_zh(line.amount)}）"
        head_en += f"; nothing is paid (it would have been {amount_en(line.amount)})"
    return replace(
        line,
        amount=0,
        would_be=line.amount,
        deducted=0,
        status=status,
        explanation_zh="",
        explanation_en="",
        reason_zh=head_zh,
        reason_en=head_en,
    )


def _pending_warning(standing: DomainStanding, pending: Fen) -> tuple[str, str]:
    return (
        f"所属领域{standing.zh}：原文领域名单以“等”字结尾，经县有关部门认定为元宇宙相关领域后方可享受；"
        f"认定前各项标为“待认定”，待认定金额{amount_zh(pending)}单列，不计入合计",
        f"Field {standing.en}: the article's list of fields ends in “etc.”, so the firm qualifies once the "
        f"county recognises it as metaverse-related; until then its items are marked pending, and the "
        f"{amount_en(pending)} they would pay is shown apart, not counted in the totals",
    )


def _warnings(
    policy: Policy, years: tuple[int, ...], awarded: Mapping[str, Mapping[int, Fen]]
) -> list[tuple[str, str]]:
    out = []
    start, end = policy.effective_from, policy.effective_to
    before = [y for y in years if y < start.year]
    after = [y for y in years if end is not None and y > end.year]
    if before:
        out.append(
            (
                f"{year_list(before, 'zh')}早于本政策施行日（{date_words(start, 'zh')}），不予享受",
                f"{year_list(before, 'en')}: before the policy took effect ({date_words(start, 'en')}); nothing is paid",
            )
        )
    if after and end is not None:
        out.append(
            (
                f"{year_list(after, 'zh')}晚于本政策截止日（{date_words(end, 'zh')}），不予享受",
                f"{year_list(after, 'en')}: after the policy ended ({date_words(end, 'en')}); nothing is paid",
            )
        )
    if end is None:
        out.append(
            (
                "政策原文未载明截止日期，测算年度按政策持续有效处理",
                "No end date is published; all years assume the policy stays in force",
            )
        )
    names = {it.id: (it.zh, it.en) for it in policy.items}
    for item_id, by_year in awarded.items():
        outside = sorted(y for y, a in by_year.items() if a > 0 and not policy.year_in_force(y))
        zh, en = names.get(item_id, (item_id, item_id))
        if outside:
            out.append(
                (
                    f"{zh}的已兑现记录（{year_list(outside, 'zh')}）不在政策期限内，未作扣除",
                    f"Awards recorded for {en} in {year_list(outside, 'en')} fall outside the policy's period "
                    "and are not deducted",
                )
            )
    return out
