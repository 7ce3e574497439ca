"""Budget exposure (预算敞口): the whole pipeline's packages by year × item × stage, against programme pools.

Each firm's package is weighted by the likelihood of its stage (a lead rarely lands; a signed firm usually
does), so the county sees both the full commitment and the expected cost.

Amounts 待认定 (a firm's field awaits recognition) are kept apart, in `pending` (full and weighted): they
are not committed, so they never count against a pool; the pool check only reports what they would add.
Firms that give no year to start from are counted in `undated` and add nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from qt_app.domain.firm import Stage
from qt_app.domain.money import Fen
from qt_app.domain.package import LineStatus, Package
from qt_app.domain.policy import Policy

DEFAULT_STAGE_WEIGHTS: dict[Stage, Decimal] = {
    Stage.LEAD: Decimal("0.1"),
    Stage.CONTACT: Decimal("0.2"),
    Stage.NEGOTIATING: Decimal("0.4"),
    Stage.POLICY_TALKS: Decimal("0.6"),
    Stage.SIGNED: Decimal("0.8"),
    Stage.LANDED: Decimal("1"),
    Stage.PRODUCING: Decimal("1"),
    Stage.TERMINATED: Decimal("0"),
}


@dataclass(frozen=True)
class PoolCheck:
    """One programme pool in one year: what the pipeline would draw against what is budgeted."""

    item_id: str
    year: int
    pool: Fen
    full: Fen  # every firm's package counted in full
    weighted: Fen  # stage-weighted expectation
    pending: Fen = 0  # 待认定 amounts in full (not counted above)

    @property
    def overrun(self) -> bool:
        return self.weighted > self.pool

    @property
    def overrun_if_all_land(self) -> bool:
        return self.full > self.pool


@dataclass
class Exposure:
    """Totals in 分, full and stage-weighted, keyed by (year, item_id, stage)."""

    full: dict[tuple[int, str, Stage], Fen] = field(default_factory=lambda: defaultdict(int))
    weighted: dict[tuple[int, str, Stage], Fen] = field(default_factory=lambda: defaultdict(int))
    firms: dict[tuple[int, str], list[tuple[str, Fen]]] = field(default_factory=lambda: defaultdict(list))
    pools: list[PoolCheck] = field(default_factory=list)
    firm_count: int = 0
    pending_full: dict[tuple[int, str, Stage], Fen] = field(default_factory=lambda: defaultdict(int))
    pending_weighted: dict[tuple[int, str, Stage], Fen] = field(default_factory=lambda: defaultdict(int))
    undated: int = 0  # firms with no year to start from (no move-in, plan year or start year)

    def pending_by_year_item(self, weighted: bool = False) -> dict[tuple[int, str], Fen]:
        out: dict[tuple[int, str], Fen] = defaultdict(int)
        for (year, item, _), v in (self.pending_weighted if weighted else self.pending_full).items():
            out[(year, item)] += v
        return dict(out)

    def pending_total(self, weighted: bool = False) -> Fen:
        return sum((self.pending_weighted if weighted else self.pending_full).values())

    def by_year(self, weighted: bool = True) -> dict[int, Fen]:
        out: dict[int, Fen] = defaultdict(int)
        for (year, _, _), v in (self.weighted if weighted else self.full).items():
            out[year] += v
        return dict(sorted(out.items()))

    def by_year_item(self, weighted: bool = True) -> dict[tuple[int, str], Fen]:
        out: dict[tuple[int, str], Fen] = defaultdict(int)
        for (year, item, _), v in (self.weighted if weighted else self.full).items():
            out[(year, item)] += v
        return dict(out)

    def by_stage(self, weighted: bool = True) -> dict[Stage, Fen]:
        out: dict[Stage, Fen] = defaultdict(int)
        for (_, _, stage), v in (self.weighted if weighted else self.full).items():
            out[stage] += v
        return dict(out)

    def total(self, weighted: bool = True) -> Fen:
        return sum((self.weighted if weighted else self.full).values())

    def overruns(self) -> list[PoolCheck]:
        return [p for p in self.pools if p.overrun or p.overrun_if_all_land]


def exposure(
    entries: Iterable[tuple[Stage, Package]],
    policy: Policy,
    weights: Mapping[Stage, Decimal] = DEFAULT_STAGE_WEIGHTS,
) -> Exposure:
    """Aggregate packages; each line is weighted by its firm's stage and rounded once, half-up."""
    result = Exposure()
    full, weighted, firms = result.full, result.weighted, result.firms
    # Weights as exact fractions: half-up rounding in integers, same result as Decimal, much faster.
    ratios = {stage: Decimal(w).as_integer_ratio() for stage, w in weights.items()}
    pending_full, pending_weighted = result.pending_full, result.pending_weighted
    for stage, package in entries:
        result.firm_count += 1
        if not package.years:
            result.undated += 1
        num, den = ratios.get(stage, (0, 1))
        for line in package.lines:
            amount = line.amount
            if amount <= 0:
                if line.would_be > 0 and line.status is LineStatus.PENDING_RECOGNITION:
                    key = (line.year, line.item_id, stage)
                    pending_full[key] += line.would_be
                    pending_weighted[key] += (2 * line.would_be * num + den) // (2 * den)
                continue
            key = (line.year, line.item_id, stage)
            full[key] += amount
            weighted[key] += (2 * amount * num + den) // (2 * den)
            firms[(line.year, line.item_id)].append((package.firm_id, line.amount))
    add_pools(result, policy)
    return result


def exposure_from_sums(
    sums: Iterable[tuple[int, str, Stage, Fen, Fen, Fen, Fen]], policy: Policy, firm_count: int, undated: int
) -> Exposure:
    """The same Exposure from amounts already summed per (year, item, stage): (year, item, stage, full,
    weighted, pending full, pending weighted), each weighted amount rounded per line before summing, as
    `exposure()` does. The exposure cache (`services.ledger_exposure`) sums in SQL and comes through here.
    `firms` (the per-cell drill-down) is left empty: the cache answers it per cell."""
    result = Exposure(firm_count=firm_count, undated=undated)
    for year, item_id, stage, full, weighted, pending_full, pending_weighted in sums:
        key = (year, item_id, stage)
        if full:
            result.full[key] += full
            result.weighted[key] += weighted
        if pending_full:
            result.pending_full[key] += pending_full
            result.pending_weighted[key] += pending_weighted
    add_pools(result, policy)
    return result


def add_pools(result: Exposure, policy: Policy) -> None:
    """Each programme pool, in every year that has amounts, against the full and weighted draw."""
    by_item_full = result.by_year_item(weighted=False)
    by_item_weighted = result.by_year_item(weighted=True)
    by_item_pending = result.pending_by_year_item()
    years = sorted({y for y, _ in by_item_full} | {y for y, _ in by_item_pending})
    for policy_item in policy.items:
        pool = policy_item.params.get("pool_per_year")
        if pool is None:
            continue
        pid = policy_item.id
        for year in years:
            full_amount, weighted_amount = (
                by_item_full.get((year, pid), 0),
                by_item_weighted.get((year, pid), 0),
            )
            result.pools.append(
                PoolCheck(
                    pid,
                    year,
                    int(pool.value),
                    full_amount,
                    weighted_amount,
                    by_item_pending.get((year, pid), 0),
                )
            )
