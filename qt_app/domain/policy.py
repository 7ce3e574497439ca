"""A policy version (政策版本) as data: items, their clauses, tiers and parameters, each with a status.

Every value carries where it came from: `seed` (the published article), `illustrative` (a realistic default
from comparable Zhejiang policies, to be replaced by Qingtian's 兑现细则), `confirmed`, or `override` (a what-if
variant's delta). Illustrative values are never printed as if they were official.

Rules carry the same status as numbers (`Policy.rules`): who may apply (the domain list, and whether it is
open — the article's list ends in "等"), each exclusion (贸易类, 总部类 and registration are the article's;
严重失信 and 亩均 C/D come from comparable policies, so they are illustrative), the stacking rule (就高、不重复)
and each item's conditions. An illustrative rule is worded as provisional wherever it is applied.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

from qt_app.domain.errors import DomainError
from qt_app.domain.money import Fen
from qt_app.domain.money_format import money_words


class Status(StrEnum):
    SEED = "seed"  # 原文
    ILLUSTRATIVE = "illustrative"  # 示例
    CONFIRMED = "confirmed"  # 已确认
    OVERRIDE = "override"  # 方案调整


STATUS_LABELS: dict[str, tuple[str, str]] = {
    Status.SEED: ("原文", "seed"),
    Status.ILLUSTRATIVE: ("示例", "illustrative"),
    Status.CONFIRMED: ("已确认", "confirmed"),
    Status.OVERRIDE: ("方案调整", "override"),
}


class Unit(StrEnum):
    """How a parameter's value is typed, checked and shown."""

    FEN = "fen"  # money; written in the file as 元 or with 万/亿
    RATE = "rate"  # a share between 0 and 1
    RATIO = "ratio"  # a multiplier ≥ 0 (1 = 1:1 matching)
    M2 = "m2"
    PRICE = "yuan_per_m2_day"
    YEARS = "years"
    MODE = "mode"  # one word from a fixed list
    LEVEL = "level"  # a science-project level
    WORKING_DAYS = "working_days"  # 兑现: public notice and payment deadlines, weekends excluded


# Words for the fixed-list values people see (the file keeps the short English keys).
VALUE_WORDS: dict[str, str] = {
    "top_up": "跨档按最高档、扣除已享受",
    "cumulative": "各档累加",
    "highest_only": "仅按最高档",
    "national": "国家级",
    "provincial": "省级及以上",
    "municipal": "市级及以上",
    "county": "县级及以上",
}
VALUE_WORDS_EN: dict[str, str] = {
    "top_up": "highest tier, less what was already awarded",
    "cumulative": "every tier added up",
    "highest_only": "highest tier only",
    "national": "national",
    "provincial": "provincial or higher",
    "municipal": "municipal or higher",
    "county": "county or higher",
}

# Rule paths (Policy.rules); an item's conditions are "<item id>.condition.<n>", counted from 1.
RULE_DOMAINS = "eligibility.domains"
RULE_TRADING = "eligibility.exclude_trading"
RULE_HEADQUARTERS = "eligibility.exclude_headquarters"
RULE_DISHONEST = "eligibility.exclude_dishonest"
RULE_MU_GRADES = "eligibility.exclude_mu_grades"
RULE_REGISTRATION = "eligibility.require_registration"
RULE_STACKING = "stacking"

CATEGORY_LABELS: dict[str, tuple[str, str]] = {
    "rent": ("租金支持", "Rent"),
    "award": ("奖励", "Awards"),
    "compute": ("算力合作", "Compute"),
    "science": ("技术创新", "Innovation"),
    "finance": ("金融支持", "Finance"),
    "scenario": ("应用场景", "Scenarios"),
    "housing": ("创业安居", "Housing"),
    "other": ("其他", "Other"),
}


@dataclass(frozen=True, slots=True)
class Param:
    """One parameter value with its unit and provenance."""

    value: Any  # Decimal (rate/ratio/m2/price), int (fen/years) or str (mode/level/text)
    unit: Unit
    status: Status

    def display(self) -> str:
        v = self.value
        match self.unit:
            case Unit.FEN:
                return money_words(int(v), "zh")
            case Unit.RATE:
                return _percent(Decimal(v))
            case Unit.RATIO:
                return f"1:{_trim(Decimal(v))}"
            case Unit.M2:
                return f"{_trim(Decimal(v))}㎡"
            case Unit.PRICE:
                return f"{_trim(Decimal(v))}元/㎡/天"
            case Unit.YEARS:
                return f"{v}年"
            case Unit.WORKING_DAYS:
                return f"{v}个工作日"
            case Unit.MODE | Unit.LEVEL:
                return VALUE_WORDS.get(str(v), str(v))
            case _:
                return str(v)

    def display_en(self) -> str:
        v = self.value
        match self.unit:
            case Unit.FEN:
                return money_words(int(v), "en")
            case Unit.M2:
                return f"{_trim(Decimal(v))} m²"
            case Unit.PRICE:
                return f"{_trim(Decimal(v))} yuan/m²/day"
            case Unit.YEARS:
                return f"{v} year{'s' if v != 1 else ''}"
            case Unit.WORKING_DAYS:
                return f"{v} working day{'s' if v != 1 else ''}"
            case Unit.MODE | Unit.LEVEL:
                return VALUE_WORDS_EN.get(str(v), str(v))
            case _:
                return self.display()


def _trim(d: Decimal) -> str:
    text = f"{d:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _percent(d: Decimal) -> str:
    return _trim(d * 100) + "%"


@dataclass(frozen=True, slots=True)
class Tier:
    """One row of a rate table: its key (tenancy year, grade, site, talent level) or a revenue threshold."""

    key: str
    value: Param
    threshold: Fen | None = None  # only for threshold tiers (revenue milestones)


@dataclass(frozen=True)
class PolicyItem:
    """One support item (扶持事项) and how it is computed."""

    id: str
    kind: str
    clause: Param  # 第X条 (text; status says whether the numbering is the official one)
    zh: str
    en: str
    category: str
    benefit: str  # cash | voucher | in_kind
    timing: str  # one_off | annual
    basis_zh: str
    basis_en: str
    computed_from: tuple[str, ...]
    tier_key: Param | None
    tiers: tuple[Tier, ...]
    params: dict[str, Param]
    conditions: tuple[tuple[str, str], ...] = ()
    note_zh: str = ""
    note_en: str = ""

    @property
    def monetary(self) -> bool:
        return self.kind != "text"

    def param(self, name: str) -> Param:
        return self.params[name]

    def tier(self, key: str) -> Tier | None:
        for t in self.tiers:
            if t.key == key:
                return t
        return None


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule of the policy (not a number) with its provenance: eligibility, an exclusion, stacking, a condition."""

    path: str  # e.g. "eligibility.exclude_dishonest", "stacking", "rent.condition.1"
    zh: str
    en: str
    status: Status

    @property
    def official(self) -> bool:
        """Stated by the article or confirmed: may be worded as definitive."""
        return self.status in (Status.SEED, Status.CONFIRMED)


@dataclass(frozen=True)
class Site:
    """A building or enclave where the rent subsidy applies (载体)."""

    id: str
    zh: str
    en: str
    kind: str  # building | enclave


@dataclass(frozen=True)
class LprRate:
    """The 1-year Loan Prime Rate in force from a date (a dated input, never a constant)."""

    since: date
    rate: Decimal


class ClawbackTrigger(StrEnum):
    """What sets off a clawback (追回). None is tied to tax paid (公平竞争审查条例)."""

    MOVE_OUT = "move_out"  # 迁出: registration or operation moved out of the county
    FALSE_STATEMENT = "false_statement"  # 以虚假材料骗取
    DISHONEST = "dishonest"  # 列入严重失信名单


class ClawbackMethod(StrEnum):
    """How much is recovered once a condition is met."""

    PRO_RATA = "pro_rata"  # 按未满年限比例退还
    FULL = "full"  # 全额追回
    STOP = "stop"  # 停止拨付（已拨付的不自动追回）


CLAWBACK_TRIGGER_WORDS: dict[str, tuple[str, str]] = {
    ClawbackTrigger.MOVE_OUT: ("迁出青田", "moving out of Qingtian"),
    ClawbackTrigger.FALSE_STATEMENT: ("以虚假材料骗取扶持", "obtaining support by false statements"),
    ClawbackTrigger.DISHONEST: ("列入严重失信名单", "being listed as seriously dishonest"),
}
CLAWBACK_METHOD_WORDS: dict[str, tuple[str, str]] = {
    ClawbackMethod.PRO_RATA: ("按未满年限比例退还", "repaid pro rata to the years not served"),
    ClawbackMethod.FULL: ("全额追回", "recovered in full"),
    ClawbackMethod.STOP: ("停止拨付", "further payments stopped"),
}


@dataclass(frozen=True)
class ClawbackCondition:
    """A clawback condition (追回条件) as policy data: what sets it off, within how long, which items, how much.

    `items` empty means every monetary item. `within_years` (counted from the move-in date) is set for
    `move_out`. The condition as a whole carries a status, like every rule; so does `within_years`.
    """

    id: str
    trigger: str  # a ClawbackTrigger value
    method: str  # a ClawbackMethod value
    items: tuple[str, ...]
    zh: str
    en: str
    status: Status
    within_years: Param | None = None

    @property
    def path(self) -> str:
        return f"clawback.{self.id}"

    def covers(self, item_id: str) -> bool:
        return not self.items or item_id in self.items


@dataclass(frozen=True)
class PaymentRules:
    """How awards are paid (兑现): public notice (公示), tranches (分期) with a holdback (预留) until acceptance
    (验收), and the payment deadline. Not in the article: illustrative unless the file says otherwise."""

    notice_working_days: Param = Param(5, Unit.WORKING_DAYS, Status.ILLUSTRATIVE)
    pay_within_working_days: Param = Param(60, Unit.WORKING_DAYS, Status.ILLUSTRATIVE)
    tranche_above: Param = Param(
        50_000_000, Unit.FEN, Status.ILLUSTRATIVE
    )  # 50万元: larger awards in tranches
    first_tranche_min: Param = Param(Decimal("0.50"), Unit.RATE, Status.ILLUSTRATIVE)
    holdback: Param = Param(Decimal("0.10"), Unit.RATE, Status.ILLUSTRATIVE)

    def params(self) -> dict[str, Param]:
        return {
            "notice_working_days": self.notice_working_days,
            "pay_within_working_days": self.pay_within_working_days,
            "tranche_above": self.tranche_above,
            "first_tranche_min": self.first_tranche_min,
            "holdback": self.holdback,
        }


@dataclass(frozen=True)
class Policy:
    """One version of the policy document."""

    id: str
    version: str
    title: str  # without 《》
    title_en: str
    short_title: str
    issuer: str
    doc_number: str | None  # 文号 of the policy itself; None when unknown
    issued: date
    effective_from: date
    effective_to: date | None  # None: no end date published
    source: str
    last_reviewed: date
    domains: tuple[str, ...]
    exclude_trading: bool
    exclude_headquarters: bool
    exclude_dishonest: bool
    exclude_mu_grades: tuple[str, ...]
    require_registration: bool
    stacking_zh: str
    stacking_en: str
    legal_notes: tuple[tuple[str, str], ...]
    lpr: tuple[LprRate, ...]
    lpr_status: Status
    sites: tuple[Site, ...]
    items: tuple[PolicyItem, ...]
    hash: str = ""
    path: str = ""
    overrides: dict[str, str] = field(default_factory=dict)
    domains_open: bool = False  # the list ends in "等": a firm outside it may be recognised (认定)
    rules: Mapping[str, Rule] = field(default_factory=dict)
    payment: PaymentRules = field(default_factory=PaymentRules)  # 兑现: notice, tranches, holdback
    clawback: tuple[ClawbackCondition, ...] = ()  # 追回条件
    text: str = field(default="", repr=False, compare=False)  # the YAML it was read from (hashes to `hash`)

    def rule(self, path: str) -> Rule:
        """The rule at `path`; a rule the file does not describe is illustrative (never printed as official)."""
        found = self.rules.get(path)
        return found if found is not None else Rule(path, "", "", Status.ILLUSTRATIVE)

    def item(self, item_id: str) -> PolicyItem:
        for it in self.items:
            if it.id == item_id:
                return it
        raise KeyError(item_id)

    def site(self, site_id: str) -> Site | None:
        for s in self.sites:
            if s.id == site_id:
                return s
        return None

    def in_force(self, on: date) -> bool:
        return self.effective_from <= on and (self.effective_to is None or on <= self.effective_to)

    def year_in_force(self, year: int) -> bool:
        """A calendar year counts while the policy is in force on any day of it."""
        starts = self.effective_from <= date(year, 12, 31)
        ends = self.effective_to is None or self.effective_to >= date(year, 1, 1)
        return starts and ends

    def lpr_on(self, on: date) -> LprRate:
        """The LPR in force on a date; before the first dated value, the first one."""
        best = self.lpr[0]
        for entry in self.lpr:
            if entry.since <= on:
                best = entry
        return best

    def period_text(self, lang: str = "zh") -> str:
        if lang == "en":
            end = f"{self.effective_to:%Y-%m-%d}" if self.effective_to else "open (no end date published)"
            return f"{self.effective_from:%Y-%m-%d} to {end}"
        end = f"{self.effective_to:%Y-%m-%d}" if self.effective_to else "未定（原文未载明）"
        return f"{self.effective_from:%Y-%m-%d} 至 {end}"

    def condition_rules(self, item_id: str) -> tuple[Rule, ...]:
        """The item's conditions (享受条件) as rules with their status, in file order."""
        out = []
        n = 1
        while (r := self.rules.get(f"{item_id}.condition.{n}")) is not None:
            out.append(r)
            n += 1
        return tuple(out)


def with_overrides(policy: Policy, overrides: dict[str, str]) -> Policy:
    """Policy + deltas: `{"rent.cap_per_year": "200万", "rent.tier.1": "0.8", "revenue.mode": "cumulative"}`.

    Each overridden value takes status `override`; an unknown path or a bad value is a DomainError.
    """
    from qt_app.domain.policy_values import parse_value  # local: loader helpers, avoids a cycle

    if not overrides:
        return policy
    items = {it.id: it for it in policy.items}
    for path, raw in overrides.items():
        parts = path.split(".")
        item = items.get(parts[0])
        if item is None or len(parts) < 2:
            raise DomainError(f"方案调整的参数“{path}”不存在", f"Override “{path}” names no parameter")
        if parts[1] == "tier" and len(parts) == 3:
            old = item.tier(parts[2])
            if old is None:
                raise DomainError(f"方案调整的档位“{path}”不存在", f"Override “{path}” names no tier")
            new_param = Param(parse_value(raw, old.value.unit, path), old.value.unit, Status.OVERRIDE)
            tiers = tuple(replace(t, value=new_param) if t.key == parts[2] else t for t in item.tiers)
            items[item.id] = replace(item, tiers=tiers)
        elif len(parts) == 2 and parts[1] in item.params:
            old_p = item.params[parts[1]]
            new_params = dict(item.params)
            new_params[parts[1]] = Param(parse_value(raw, old_p.unit, path), old_p.unit, Status.OVERRIDE)
            items[item.id] = replace(item, params=new_params)
        else:
            raise DomainError(f"方案调整的参数“{path}”不存在", f"Override “{path}” names no parameter")
    merged = {**policy.overrides, **overrides}
    return replace(policy, items=tuple(items[it.id] for it in policy.items), overrides=merged)
