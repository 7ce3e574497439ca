"""What-if variants (测算方案): the firm's plan and the policy, plus named changes.

A variant holds two kinds of change, kept apart because they mean different things to the firm:
- **firm what-ifs**: `firm_overrides`, a partial overlay of the firm's plan fields (another building, area,
  rent or move-in date, the revenue plan year by year, talents, loans, projects, compute and R&D spend, the
  start year…), each replacing the base value whole; and `revenue_factor` (base revenue × 0.7). Files from
  before the overlay existed also carry `revenue`, `site`, `area_m2` and `grade`; they compute as they did.
- **policy assumptions**: `policy_id` / `policy_version` (compute under another loaded version) and
  `param_overrides` ("policy + deltas", e.g. `rent.cap_per_year = 200万`). Not something the firm does: shown
  as such, and never the offer on a letter unless the version it names is in force.

A variant is always relative to the base firm: starting one from another variant copies that variant's
changes, so editing or deleting a variant never changes another.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from qt_app.domain.firm import Firm
from qt_app.domain.money import FEN_PER_WAN, Fen, round_fen

BASE = "base"

# The Firm fields a variant may override: everything the simulation reads. Who the firm is (name, credit
# code) and where it stands in the pipeline belong to the firm itself, not to a what-if.
OVERRIDABLE: tuple[str, ...] = (
    "entity_type", "is_trading", "is_headquarters", "dishonest", "registers_in_qingtian", "mu_grade",
    "grade", "domains", "location", "talents", "revenue", "compute_spend", "rnd_spend", "loans",
    "science_projects", "scenario_projects", "investment", "start_year", "recognition",
)  # fmt: skip


@dataclass(frozen=True)
class Variant:
    """A named set of changes; the base variant changes nothing."""

    name: str = BASE  # stable id (`simulate --variant NAME`, the offer, the letter register)
    label: str = "基准方案"  # what staff call it; renaming changes only this
    revenue_factor: Decimal | None = None  # e.g. 0.7 for a conservative plan
    revenue: dict[int, Fen] | None = None  # older files: replaces the base revenue plan entirely
    site: str | None = None  # older files: another building or enclave
    area_m2: Decimal | None = None  # older files
    grade: str | None = None  # older files
    param_overrides: dict[str, str] = field(default_factory=dict)  # "item.param" → value as typed
    firm_overrides: Mapping[str, Any] = field(default_factory=dict)  # Firm field → value (OVERRIDABLE)
    policy_id: str = ""  # compute under this loaded policy version instead of the default
    policy_version: str = ""  # with policy_id: that exact version

    @property
    def is_base(self) -> bool:
        return not self.changes_firm and not self.policy_assumption

    @property
    def changes_firm(self) -> bool:
        """Does it assume something of the firm (an overlay, a factor, or the older deltas)?"""
        return bool(
            self.firm_overrides
            or self.revenue_factor is not None
            or self.revenue is not None
            or self.site is not None
            or self.area_m2 is not None
            or self.grade is not None
        )

    @property
    def policy_assumption(self) -> bool:
        """Does it assume something of the policy (another version, or parameters overridden)?"""
        return bool(self.policy_id or self.param_overrides)


def apply_to_firm(firm: Firm, variant: Variant) -> Firm:
    """The firm as this variant assumes it: the overlay first, then the older deltas and the factor."""
    if variant.firm_overrides:
        firm = replace(firm, **dict(variant.firm_overrides))
    changes: dict[str, object] = {}
    revenue = dict(variant.revenue) if variant.revenue is not None else dict(firm.revenue)
    if variant.revenue_factor is not None:
        revenue = scaled(revenue, variant.revenue_factor)
    if variant.revenue is not None or variant.revenue_factor is not None:
        changes["revenue"] = revenue
    if firm.location is not None and (variant.site is not None or variant.area_m2 is not None):
        changes["location"] = replace(
            firm.location,
            site=variant.site if variant.site is not None else firm.location.site,
            area_m2=variant.area_m2 if variant.area_m2 is not None else firm.location.area_m2,
        )
    if variant.grade is not None:
        changes["grade"] = variant.grade
    return replace(firm, **changes) if changes else firm  # type: ignore[arg-type]


def scaled(revenue: Mapping[int, Fen], factor: Decimal) -> dict[int, Fen]:
    return {y: round_fen(Decimal(v) * factor) for y, v in revenue.items()}


def variant_between(base: Firm, effective: Firm, like: Variant) -> Variant:
    """The variant that turns `base` into `effective` (what the variant editor saves), keeping `like`'s name,
    label and policy assumptions. A revenue factor stays while the revenue is still the base's × factor;
    the older deltas become overrides. `apply_to_firm(base, result)` equals `effective` (property-tested)."""
    overrides: dict[str, Any] = {
        name: getattr(effective, name)
        for name in OVERRIDABLE
        if name != "revenue" and getattr(effective, name) != getattr(base, name)
    }
    factor = like.revenue_factor
    if factor is None or effective.revenue != scaled(base.revenue, factor):
        factor = None
        if effective.revenue != base.revenue:
            overrides["revenue"] = dict(effective.revenue)
    return replace(
        like,
        revenue_factor=factor,
        revenue=None,
        site=None,
        area_m2=None,
        grade=None,
        firm_overrides=overrides,
    )


def standard_variants() -> tuple[Variant, ...]:
    """Conservative / base / optimistic revenue: the comparison staff reach for first."""
    return (
        Variant("conservative", "保守方案", revenue_factor=Decimal("0.7")),
        Variant(BASE, "基准方案"),
        Variant("optimistic", "乐观方案", revenue_factor=Decimal("1.3")),
    )


SITE_PREFIX = "site:"  # a built-in what-if: the same plan in another building or enclave


def built_in(name: str) -> Variant | None:
    """The built-in what-ifs 方案对比 offers beside the firm's own: 保守/乐观 (revenue × 0.7 / 1.3) and
    "site:<id>" (another building); None for any other name."""
    for v in standard_variants():
        if v.name == name and not v.is_base:
            return v
    if name.startswith(SITE_PREFIX) and len(name) > len(SITE_PREFIX):
        return Variant(name, name, site=name.removeprefix(SITE_PREFIX))
    return None


def next_name(variants: tuple[Variant, ...]) -> str:
    """A stable id for a new variant ("v1", "v2"…) that no variant of the firm has used."""
    taken = {v.name for v in variants}
    n = 1
    while f"v{n}" in taken:
        n += 1
    return f"v{n}"


def unique_label(label: str, variants: tuple[Variant, ...], skip: str = "") -> str:
    """`label`, or "label（2）"… when another variant of the firm already has it."""
    taken = {v.label for v in variants if v.name != skip}
    if label not in taken:
        return label
    n = 2
    while f"{label}（{n}）" in taken:
        n += 1
    return f"{label}（{n}）"


def just_above(threshold: Fen) -> Fen:
    """A revenue just above a threshold ("exceeds" is strict): 1万元 more, so it reads 3.0001亿元."""
    return threshold + FEN_PER_WAN


def with_revenue_year(base: Firm, variant: Variant, year: int, revenue: Fen) -> Variant:
    """`variant` with one year of its revenue plan set (a hint made into a what-if)."""
    planned = apply_to_firm(base, variant)
    bumped = replace(planned, revenue={**planned.revenue, year: revenue})
    return variant_between(base, bumped, replace(variant, revenue_factor=None))
