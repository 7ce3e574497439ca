"""What is due (应兑现) from actuals: the same engine, under the policy version the letter was issued under.

The firm the engine reads is the letter's frozen firm with its plans replaced by what really happened (the
lease taken, audited revenue, talents arrived, loans drawn, projects won, compute bought, R&D spent), and
its standing (dishonesty list, trading, registration, field recognition) as the firm record says today.
What the ledger says was paid goes in as `awarded`, so the revenue top-up deducts it and the one-time
landing award is not paid twice.

A year counts only once its actuals are reported: other years are "not reported" and due nothing yet.
A firm that moved out (迁出) is due nothing from the year it left, except the rent for the days it still
leased (the engine stops the rent at the move-out date); clawback (`clawback.py`) handles what was paid.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from qt_app.domain.errors import DomainError
from qt_app.domain.firm import Firm, Loan, Location, ScenarioProject, ScienceProject, TalentGroup
from qt_app.domain.ledger.actuals import FirmActuals, latest_lease
from qt_app.domain.ledger.commitment import Commitment
from qt_app.domain.money import Fen
from qt_app.domain.package import LineItem, Package
from qt_app.domain.policy import Policy
from qt_app.domain.simulate import simulate
from qt_app.domain.variants import Variant
from qt_app.domain.wording import date_words

REPORTED = "reported"
NOT_REPORTED = "not_reported"
MOVED_OUT = "moved_out"

# Standing facts read from the firm record today, not from the letter (they may change after it).
STANDING_FIELDS = (
    "dishonest", "is_trading", "is_headquarters", "registers_in_qingtian", "mu_grade", "recognition",
    "domains",
)  # fmt: skip


def engine_firm(plan: Firm, actuals: FirmActuals, current: Firm | None = None) -> Firm:
    """The firm as the engine reads it for due amounts: plans replaced by actuals, standing from `current`."""
    lease = latest_lease(actuals)
    location = (
        Location(lease.site, lease.area_m2, lease.rent_per_m2_day, lease.move_in, lease.move_out)
        if lease is not None
        else None
    )
    years = sorted(actuals)
    changes: dict[str, object] = {
        "location": location,
        "start_year": None,
        "revenue": {y: a.revenue.amount for y in years if (a := actuals[y]).revenue is not None},
        "compute_spend": {y: a.compute_spend.amount for y in years if (a := actuals[y]).compute_spend},
        "rnd_spend": {y: a.rnd_spend.amount for y in years if (a := actuals[y]).rnd_spend is not None},
        "talents": tuple(
            TalentGroup(t.level, t.count, y, t.housing) for y in years for t in actuals[y].talents
        ),
        "loans": tuple(
            Loan(ln.lender, ln.principal, y, ln.years, ln.guarantee_fee)
            for y in years
            for ln in actuals[y].loans
        ),
        "science_projects": tuple(
            ScienceProject(s.name, s.level, s.allocated, y)
            for y in years
            for s in actuals[y].science_projects
        ),
        "scenario_projects": tuple(
            ScenarioProject(s.name, s.contract_value, y) for y in years for s in actuals[y].scenario_projects
        ),
    }
    if current is not None:
        changes.update({name: getattr(current, name) for name in STANDING_FIELDS})
    return plan.with_changes(**changes)


@dataclass(frozen=True)
class DueCell:
    """What is due for one item in one year, and why (the engine's lines, clause by clause)."""

    item_id: str
    year: int
    amount: Fen
    state: str  # REPORTED | NOT_REPORTED | MOVED_OUT
    lines: tuple[LineItem, ...] = ()
    words_zh: str = ""  # why nothing is due yet (not reported, moved out)
    words_en: str = ""
    would_be: Fen = 0  # what the actuals would give, when nothing is due because the firm moved out


@dataclass(frozen=True)
class Due:
    policy_id: str
    policy_version: str
    policy_hash: str
    package: Package
    firm: Firm  # the engine firm (actuals)
    reported_years: tuple[int, ...]
    moved_out: date | None
    cells: Mapping[tuple[str, int], DueCell] = field(default_factory=dict)

    def amount(self, item_id: str, year: int) -> Fen:
        cell = self.cells.get((item_id, year))
        return cell.amount if cell is not None else 0

    def by_year_item(self) -> dict[tuple[int, str], Fen]:
        """(year, item) → due, for the county view (only what is due: amounts above zero)."""
        return {(y, i): c.amount for (i, y), c in self.cells.items() if c.amount > 0}

    @property
    def total(self) -> Fen:
        return sum(c.amount for c in self.cells.values())


def check_pinned(commitment: Commitment, policy: Policy) -> None:
    """Due amounts are computed under the letter's policy version and no other."""
    if policy.hash != commitment.policy_hash:
        raise DomainError(
            f"告知函 {commitment.doc_number} 依据的政策版本为 {commitment.policy_id} {commitment.policy_version}"
            f"（{commitment.policy_hash[:8]}），不能按 {policy.id} {policy.version}（{policy.hash[:8]}）计算应兑现金额",
            f"Letter {commitment.doc_number} was issued under {commitment.policy_id} {commitment.policy_version} "
            f"({commitment.policy_hash[:8]}); due amounts cannot be computed under {policy.id} {policy.version} "
            f"({policy.hash[:8]})",
        )


def compute_due(
    commitment: Commitment,
    actuals: FirmActuals,
    policy: Policy,
    paid: Mapping[str, Mapping[int, Fen]] | None = None,
    variant: Variant | None = None,
    current: Firm | None = None,
) -> Due:
    """Due per item and year from the actuals, under the letter's (pinned) policy version.

    `paid` is what the ledger says was paid (net of repayments), per item and year; `variant` carries the
    letter's negotiated parameters (param_overrides) and grade; `current` the firm record as it is today.
    """
    check_pinned(commitment, policy)
    firm = engine_firm(commitment.firm, actuals, current)
    years = sorted(set(commitment.years) | set(actuals))
    moved = firm.location.move_out if firm.location is not None else None
    if not years:  # neither the letter nor the actuals name a year
        return Due(
            policy.id, policy.version, policy.hash, simulate(firm, policy, explain=False), firm, (), moved
        )
    start, horizon = years[0], years[-1] - years[0] + 1
    pkg = simulate(
        firm,
        policy,
        variant or Variant(),
        horizon,
        start_year=start,
        explain=True,
        awarded=paid or {},
    )
    grouped: dict[tuple[str, int], list[LineItem]] = defaultdict(list)
    for line in pkg.lines:
        grouped[(line.item_id, line.year)].append(line)
    for key in commitment.promised:  # every promised item-year gets a cell, even with no line now
        grouped.setdefault(key, [])
    kinds = {it.id: it.kind for it in policy.items}
    cells: dict[tuple[str, int], DueCell] = {}
    for (item_id, year), lines in grouped.items():
        cells[(item_id, year)] = _cell(item_id, year, tuple(lines), actuals, moved, kinds.get(item_id, ""))
    ordered = dict(sorted(cells.items(), key=lambda kv: (kv[0][1], kv[0][0])))
    return Due(policy.id, policy.version, policy.hash, pkg, firm, tuple(sorted(actuals)), moved, ordered)


def _cell(
    item_id: str, year: int, lines: tuple[LineItem, ...], actuals: FirmActuals, moved: date | None, kind: str
) -> DueCell:
    amount = sum(ln.amount for ln in lines)
    if moved is not None and (year > moved.year or (year == moved.year and kind != "rent_subsidy")):
        return DueCell(
            item_id,
            year,
            0,
            MOVED_OUT,
            lines,
            f"企业已于{date_words(moved, 'zh')}迁出，{'迁出当年及以后' if year == moved.year else '迁出后'}不再享受",
            f"The firm moved out on {date_words(moved, 'en')}; nothing is due from the year it left",
            would_be=amount,
        )
    if year not in actuals:
        return DueCell(
            item_id,
            year,
            0,
            NOT_REPORTED,
            lines,
            f"{year}年实绩尚未报送，暂无应兑现金额",
            f"No actuals reported for {year} yet, so nothing is due",
        )
    return DueCell(item_id, year, amount, REPORTED, lines)
