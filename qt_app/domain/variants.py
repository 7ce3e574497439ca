"""What-if variants (测算方案): the firm's plan and the policy, plus named deltas.

A variant changes assumptions about the firm (revenue scaled or replaced, another building or area,
another grade) and/or policy parameters ("policy + deltas", e.g. `rent.cap_per_year = 200万`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal

from qt_app.domain.firm import Firm
from qt_app.domain.money import Fen, round_fen

BASE = "base"


@dataclass(frozen=True)
class Variant:
    """A named set of overrides; the base variant overrides nothing."""

    name: str = BASE
    label: str = "基准方案"
    revenue_factor: Decimal | None = None  # e.g. 0.7 for a conservative plan
    revenue: dict[int, Fen] | None = None  # replaces the base revenue plan entirely
    site: str | None = None  # another building or enclave
    area_m2: Decimal | None = None
    grade: str | None = None
    param_overrides: dict[str, str] = field(default_factory=dict)  # "item.param" → value as typed

    @property
    def is_base(self) -> bool:
        return (
            self.revenue_factor is None
            and self.revenue is None
            and self.site is None
            and self.area_m2 is None
            and self.grade is None
            and not self.param_overrides
        )


def apply_to_firm(firm: Firm, variant: Variant) -> Firm:
    """The firm as this variant assumes it."""
    changes: dict[str, object] = {}
    revenue = dict(variant.revenue) if variant.revenue is not None else dict(firm.revenue)
    if variant.revenue_factor is not None:
        revenue = {y: round_fen(Decimal(v) * variant.revenue_factor) for y, v in revenue.items()}
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


def standard_variants() -> tuple[Variant, ...]:
    """Conservative / base / optimistic revenue: the comparison staff reach for first."""
    return (
        Variant("conservative", "保守方案", revenue_factor=Decimal("0.7")),
        Variant(BASE, "基准方案"),
        Variant("optimistic", "乐观方案", revenue_factor=Decimal("1.3")),
    )
