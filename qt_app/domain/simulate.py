"""The multi-year simulation (政策测算): firm + policy version + what-if variant + horizon → Package."""

from __future__ import annotations

from dataclasses import replace

from qt_app.domain.calculators import CALCULATORS, Context
from qt_app.domain.eligibility import exclusions
from qt_app.domain.firm import Firm
from qt_app.domain.package import LineItem, LineStatus, Package
from qt_app.domain.pipeline import DEFAULT_HORIZON
from qt_app.domain.policy import Policy, with_overrides
from qt_app.domain.variants import Variant, apply_to_firm

_BASE = Variant()


def simulate(
    firm: Firm,
    policy: Policy,
    variant: Variant = _BASE,
    horizon: int = DEFAULT_HORIZON,
    start_year: int | None = None,
    explain: bool = True,
) -> Package:
    """Compute what the firm would get, year by year, each line traced to its clause.

    `explain=False` gives an amounts-only package for pipeline-wide exposure: no wording, no parameter
    reads, and only the lines that carry money. Every amount is identical either way (property-tested).
    """
    effective_firm = apply_to_firm(firm, variant)
    effective_policy = with_overrides(policy, variant.param_overrides)
    first = start_year if start_year is not None else effective_firm.first_year
    years = tuple(range(first, first + max(1, horizon)))
    ctx = Context(effective_firm, effective_policy, years, explain)

    excluded = exclusions(effective_firm, effective_policy)
    lines: list[LineItem] = []
    if excluded and explain:
        reason_zh = "；".join(zh for zh, _ in excluded)
        reason_en = "; ".join(en for _, en in excluded)
        for item in effective_policy.items:
            if item.monetary:
                lines.append(_excluded_line(item.id, ctx, reason_zh, reason_en))
    elif not excluded:
        in_force = {y for y in years if effective_policy.year_in_force(y)}
        for item in effective_policy.items:
            calc = CALCULATORS.get(item.kind)
            if calc is not None:
                for line in calc(item, ctx):
                    lines.append(line if line.year in in_force else _beyond_period(line, effective_policy))

    warnings = _warnings(effective_policy, years)
    return Package(
        firm_id=firm.id,
        firm_name=firm.name,
        policy_id=policy.id,
        policy_version=policy.version,
        policy_hash=policy.hash,
        variant=variant.name,
        years=years,
        lines=tuple(lines),
        eligible=not excluded,
        exclusions_zh=tuple(zh for zh, _ in excluded),
        exclusions_en=tuple(en for _, en in excluded),
        warnings_zh=tuple(w[0] for w in warnings),
        warnings_en=tuple(w[1] for w in warnings),
    )


def _excluded_line(item_id: str, ctx: Context, zh: str, en: str) -> LineItem:
    from qt_app.domain.calculators.base import Lines

    lines = Lines(ctx.policy.item(item_id), ctx)
    lines.none(ctx.years[0], zh, en, LineStatus.INELIGIBLE)
    return lines.out[0]


def _beyond_period(line: LineItem, policy: Policy) -> LineItem:
    """A year after the policy's end pays nothing, and says so instead of pretending."""
    if policy.year_in_force(line.year) or (line.amount == 0 and line.status is LineStatus.INELIGIBLE):
        return line
    end = policy.effective_to
    end_text = f"{end.year}年{end.month}月{end.day}日" if end else ""
    return replace(
        line,
        amount=0,
        status=LineStatus.BEYOND_POLICY,
        reason_zh=f"政策有效期至{end_text}，{line.year}年超出政策期限（原测算{line.amount / 100:,.2f}元）",
        reason_en=f"The policy ends on {end}; {line.year} is beyond its period (would have been {line.amount / 100:,.2f} yuan)",
    )


def _warnings(policy: Policy, years: tuple[int, ...]) -> list[tuple[str, str]]:
    out = []
    beyond = [y for y in years if not policy.year_in_force(y)]
    if beyond:
        shown = "、".join(str(y) for y in beyond)
        out.append(
            (
                f"{shown}年超出本政策版本的有效期",
                f"{', '.join(map(str, beyond))} fall outside this policy's period",
            )
        )
    if policy.effective_to is None:
        out.append(
            (
                "政策原文未载明截止日期，测算年度按政策持续有效处理",
                "No end date is published; all years assume the policy stays in force",
            )
        )
    return out
