"""The package (政策包): what a firm would get, line by line and year by year, each traced to its clause.

Totals count only what is committed (amount > 0). A line 待认定 (the firm's field awaits recognition) carries
amount 0 and the amount it would get in `would_be`: it is shown, and summed apart (`pending_total`), but never
mixed into the totals, the letter's schedule or the budget exposure's committed figures.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from enum import StrEnum

from qt_app.domain.money import Fen, capitals


class LineStatus(StrEnum):
    """Why a line has the amount it has."""

    ELIGIBLE = "eligible"  # 可享受
    CAPPED = "capped"  # 已封顶: eligible, reduced by a cap (named in `caps`)
    POOL_LIMITED = "pool_limited"  # 受资金池限制
    ZERO = "zero"  # 条件未触发: eligible, but nothing to pay this year (e.g. no threshold crossed)
    INELIGIBLE = "ineligible"  # 不符合条件: `reason` says why
    BEYOND_POLICY = "beyond_policy_period"  # 超出政策期限: after the policy's end date
    BEFORE_POLICY = "before_policy_period"  # 早于政策施行日
    PENDING_RECOGNITION = "pending_recognition"  # 待认定: paid once the firm's field is recognised (would_be)


STATUS_LABELS: dict[LineStatus, tuple[str, str]] = {
    LineStatus.ELIGIBLE: ("可享受", "eligible"),
    LineStatus.CAPPED: ("已封顶", "capped"),
    LineStatus.POOL_LIMITED: ("受资金池限制", "pool-limited"),
    LineStatus.ZERO: ("本年无", "none this year"),
    LineStatus.INELIGIBLE: ("不符合条件", "not eligible"),
    LineStatus.BEYOND_POLICY: ("超出政策期限", "beyond policy period"),
    LineStatus.BEFORE_POLICY: ("早于政策施行", "before the policy"),
    LineStatus.PENDING_RECOGNITION: ("待认定", "pending recognition"),
}


class Benefit(StrEnum):
    CASH = "cash"  # 资金
    VOUCHER = "voucher"  # 券（算力券）：只能用于指定服务，不是现金
    IN_KIND = "in_kind"  # 实物/服务（折算）


@dataclass(frozen=True, slots=True)
class ParamRead:
    """A policy parameter the line used, with its provenance status (seed/illustrative/confirmed/override)."""

    path: str  # e.g. "rent.cap_per_year"; rules too: "stacking", "eligibility.domains", "rent.condition.1"
    label_zh: str
    display: str  # the value as shown to people, e.g. "100万元", "70%"
    status: str
    label_en: str = ""
    display_en: str = ""  # e.g. "¥1 million"


@dataclass(frozen=True, slots=True)
class RuleRead:
    """A policy rule the package applied (an exclusion, the domain rule, stacking), with its status.

    `status` is seed / illustrative / confirmed; an illustrative rule's words already say it is provisional.
    """

    path: str  # e.g. "eligibility.exclude_dishonest"
    zh: str
    en: str
    status: str

    @property
    def illustrative(self) -> bool:
        return self.status == "illustrative"


@dataclass(frozen=True, slots=True)
class LineItem:
    """One item in one year (or one reason why it is not given)."""

    item_id: str
    kind: str
    clause: str  # 第X条 (may be illustrative numbering; see clause_status)
    clause_status: str
    name_zh: str
    name_en: str
    category: str
    benefit: Benefit
    year: int
    amount: Fen
    status: LineStatus
    explanation_zh: str = ""
    explanation_en: str = ""
    reason_zh: str = ""  # when not eligible / beyond period / zero
    reason_en: str = ""
    caps: tuple[str, ...] = ()  # names of the caps that bit, e.g. ("rent.cap_per_year",)
    params: tuple[ParamRead, ...] = ()
    basis_zh: str = ""  # what it is computed from, in words (for the letter's schedule)
    clause_en: str = ""  # "Art. 1", "Art. 6(1)"
    would_be: Fen = 0  # the amount it would carry: once recognised (待认定), or had the policy been in force
    deducted: Fen = 0  # revenue top-up: awards already made in the policy period, deducted from this line

    @property
    def counts(self) -> bool:
        """Does this line contribute money to the package?"""
        return self.amount > 0


@dataclass(frozen=True)
class Package:
    """The whole package for one firm, one policy version, one variant."""

    firm_id: str
    firm_name: str
    policy_id: str
    policy_version: str
    policy_hash: str
    variant: str
    years: tuple[int, ...]
    lines: tuple[LineItem, ...]
    eligible: bool = True  # False when a firm-level exclusion applies (trading, HQ, dishonest…)
    exclusions_zh: tuple[str, ...] = ()
    exclusions_en: tuple[str, ...] = ()
    warnings_zh: tuple[str, ...] = ()
    warnings_en: tuple[str, ...] = ()
    exclusion_rules: tuple[RuleRead, ...] = ()  # the rule behind each exclusion, same order as exclusions_zh
    rules: tuple[
        RuleRead, ...
    ] = ()  # firm-level rules the package rests on (domain basis, stacking), with status

    @property
    def total(self) -> Fen:
        """Everything committed: cash + vouchers + in-kind (never 待认定 amounts)."""
        return sum(line.amount for line in self.lines)

    @property
    def dated(self) -> bool:
        """False when the firm gave no year to start from (no move-in, no plan year, no start year)."""
        return bool(self.years)

    @property
    def pending_total(self) -> Fen:
        """What the 待认定 lines would add once the firm's field is recognised (kept apart from `total`)."""
        return sum(line.would_be for line in self.lines if line.status is LineStatus.PENDING_RECOGNITION)

    def pending_lines(self) -> tuple[LineItem, ...]:
        return tuple(line for line in self.lines if line.status is LineStatus.PENDING_RECOGNITION)

    def by_year_pending(self) -> dict[int, Fen]:
        out = dict.fromkeys(self.years, 0)
        for line in self.pending_lines():
            out[line.year] = out.get(line.year, 0) + line.would_be
        return out

    def by_benefit(self) -> dict[Benefit, Fen]:
        """Cash, vouchers and in-kind apart (each present, zero when none)."""
        out = dict.fromkeys(Benefit, 0)
        for line in self.lines:
            out[line.benefit] += line.amount
        return out

    def by_year_benefit(self) -> dict[int, dict[Benefit, Fen]]:
        out = {y: dict.fromkeys(Benefit, 0) for y in self.years}
        for line in self.lines:
            out.setdefault(line.year, dict.fromkeys(Benefit, 0))[line.benefit] += line.amount
        return out

    @property
    def total_capitals(self) -> str:
        return capitals(self.total)

    @property
    def cash_total(self) -> Fen:
        """Money paid to the firm (资金)."""
        return sum(line.amount for line in self.lines if line.benefit is Benefit.CASH)

    @property
    def voucher_total(self) -> Fen:
        """Vouchers (算力券), spendable only on the county's compute."""
        return sum(line.amount for line in self.lines if line.benefit is Benefit.VOUCHER)

    @property
    def in_kind_total(self) -> Fen:
        """Value of what is given in kind (人才公寓等，按市场租金折算)."""
        return sum(line.amount for line in self.lines if line.benefit is Benefit.IN_KIND)

    def by_year(self) -> dict[int, Fen]:
        out = dict.fromkeys(self.years, 0)
        for line in self.lines:
            out[line.year] = out.get(line.year, 0) + line.amount
        return out

    def by_item(self) -> dict[str, Fen]:
        out: dict[str, Fen] = defaultdict(int)
        for line in self.lines:
            out[line.item_id] += line.amount
        return dict(out)

    def by_category(self) -> dict[str, Fen]:
        out: dict[str, Fen] = defaultdict(int)
        for line in self.lines:
            out[line.category] += line.amount
        return dict(out)

    def by_year_category(self) -> dict[int, dict[str, Fen]]:
        out: dict[int, dict[str, Fen]] = {y: defaultdict(int) for y in self.years}
        for line in self.lines:
            out.setdefault(line.year, defaultdict(int))[line.category] += line.amount
        return {y: dict(v) for y, v in out.items()}

    def paying_lines(self) -> tuple[LineItem, ...]:
        """Lines with money, in item then year order (the letter's Schedule A)."""
        return tuple(line for line in self.lines if line.amount > 0)

    def not_given(self) -> tuple[LineItem, ...]:
        """Lines explaining what the firm does not get, and why (ineligible / outside the policy period)."""
        return tuple(line for line in self.lines if line.status in _NOT_GIVEN and line.amount == 0)


_NOT_GIVEN = (LineStatus.INELIGIBLE, LineStatus.BEYOND_POLICY, LineStatus.BEFORE_POLICY)
