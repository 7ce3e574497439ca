"""A prospective firm (意向企业) and its plans: everything the simulation reads.

Plain frozen dataclasses: the store saves them, the UI edits copies, the engine reads them.
Money is integer 分; areas and unit prices are Decimal; years are calendar years.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from enum import StrEnum

from qt_app.domain.money import Fen
from qt_app.domain.pipeline import DEFAULT_HORIZON as DEFAULT_HORIZON  # re-exported
from qt_app.domain.pipeline import STAGE_LABELS as STAGE_LABELS  # re-exported
from qt_app.domain.pipeline import Stage as Stage  # re-exported


class EntityType(StrEnum):
    """独立法人企业 or 研发机构: both are eligible kinds."""

    ENTERPRISE = "enterprise"
    RND_INSTITUTION = "rnd_institution"


class ProjectLevel(StrEnum):
    """Level of a science project (科技项目级别); matching needs municipal or higher."""

    NATIONAL = "national"  # 国家级
    PROVINCIAL = "provincial"  # 省级
    MUNICIPAL = "municipal"  # 市级
    COUNTY = "county"  # 县级


LEVEL_LABELS: dict[ProjectLevel, tuple[str, str]] = {
    ProjectLevel.NATIONAL: ("国家级", "national"),
    ProjectLevel.PROVINCIAL: ("省级", "provincial"),
    ProjectLevel.MUNICIPAL: ("市级", "municipal"),
    ProjectLevel.COUNTY: ("县级", "county"),
}


class HousingChoice(StrEnum):
    """创业安居: a rent-free talent apartment (in kind) or a monthly rent allowance (cash)."""

    APARTMENT = "apartment"
    ALLOWANCE = "allowance"


@dataclass(frozen=True)
class Location:
    """Where the firm moves in: a site id from the policy (building or enclave), area and market rent."""

    site: str  # e.g. "qingchuang" (青创大厦); ids are listed in the policy file's `sites`
    area_m2: Decimal
    rent_per_m2_day: Decimal  # market rent, 元/㎡/天
    move_in: date  # lease start (入驻日期); tenancy years count from here
    move_out: date | None = None  # 迁出: only from the 兑现 ledger's actuals; the rent subsidy stops here


@dataclass(frozen=True)
class TalentGroup:
    """Talents of one level arriving in one year (人才), and the housing they choose."""

    level: str  # talent level key in the policy, e.g. "A" | "B" | "C"
    count: int
    arrival_year: int
    housing: HousingChoice = HousingChoice.ALLOWANCE


@dataclass(frozen=True)
class Loan:
    """A bank loan (贷款); interest subsidy is computed from principal and the dated LPR."""

    lender: str
    principal: Fen
    start_year: int
    years: int
    guarantee_fee: Fen = 0  # annual guarantee fee paid (担保费), 0 if none


@dataclass(frozen=True)
class ScienceProject:
    """A science project listed at some level, with the funds allocated from above (下拨资金)."""

    name: str
    level: ProjectLevel
    allocated: Fen
    year: int


@dataclass(frozen=True)
class ScenarioProject:
    """An application-scenario project (应用场景项目) with its contract value."""

    name: str
    contract_value: Fen
    year: int


@dataclass(frozen=True)
class DomainRecognition:
    """The county's decision (认定) on whether a firm outside the listed fields is 元宇宙相关领域.

    The article's field list ends in "等", so it is open; a firm outside it is 待认定 until someone decides.
    """

    recognised: bool  # True: 认定为元宇宙相关领域; False: 认定不属于
    decided_by: str  # who decided, e.g. 县经济商务科技局
    decided_on: date
    domain: str = ""  # the field as recognised, e.g. 大数据
    note: str = ""


@dataclass(frozen=True)
class Firm:
    """A prospective firm and its declared plans (企业申报/计划信息)."""

    id: str
    name: str
    uscc: str  # 统一社会信用代码, normalised
    entity_type: EntityType = EntityType.ENTERPRISE
    is_trading: bool = False  # 贸易类: excluded
    is_headquarters: bool = False  # 总部类: excluded
    dishonest: bool = False  # on the serious-dishonesty list (严重失信): excluded
    registers_in_qingtian: bool = True  # will register and pay tax in Qingtian (依法经营、合法纳税)
    mu_grade: str = ""  # 亩均论英雄 rating ("A".."D"), empty when not rated
    grade: str = "B"  # firm grade used by tier keys and project landing awards ("A" | "B" | "C")
    domains: tuple[str, ...] = ()  # 元宇宙 domains, from the policy's list (or others, to be recognised)
    recognition: DomainRecognition | None = None  # 认定 for a firm outside the listed fields
    start_year: int | None = (
        None  # explicit first simulated year (测算起始年), else move-in or first plan year
    )
    location: Location | None = None
    talents: tuple[TalentGroup, ...] = ()
    revenue: dict[int, Fen] = field(default_factory=dict)  # 年销售收入 by year (base plan)
    compute_spend: dict[int, Fen] = field(default_factory=dict)  # 算力合作合同额 by year
    rnd_spend: dict[int, Fen] = field(default_factory=dict)  # 研发投入 by year
    loans: tuple[Loan, ...] = ()
    science_projects: tuple[ScienceProject, ...] = ()
    scenario_projects: tuple[ScenarioProject, ...] = ()
    investment: Fen = 0  # planned fixed investment (计划投资额), shown in the letter's basis
    uscc_note: str = ""  # why a code failing its checksum was kept anyway
    # Pipeline and CRM facts (not read by the simulation)
    stage: Stage = Stage.LEAD
    stage_reason: str = ""  # why terminated
    owner: str = ""
    outpost: str = ""
    contact: str = ""
    notes: str = ""

    @property
    def first_year(self) -> int | None:
        """The first simulated year, from the firm's own dates (never from the clock).

        An explicit `start_year`, else the move-in year, else the earliest year of any plan (revenue,
        compute, R&D, talents, loans, projects); None when the firm gives no year at all.
        """
        if self.start_year is not None:
            return self.start_year
        if self.location is not None:
            return self.location.move_in.year
        return min(self.plan_years(), default=None)

    def plan_years(self) -> set[int]:
        """Every year any plan of the firm names."""
        years = set(self.revenue) | set(self.compute_spend) | set(self.rnd_spend)
        years.update(t.arrival_year for t in self.talents)
        years.update(ln.start_year for ln in self.loans)
        years.update(p.year for p in self.science_projects)
        years.update(p.year for p in self.scenario_projects)
        return years

    @property
    def landing_date(self) -> date | None:
        """落地: the move-in date (入驻日期), the landing fact the project-landing clause names."""
        return self.location.move_in if self.location is not None else None

    def with_changes(self, **changes: object) -> Firm:
        """A copy with some fields changed (what-if variants, editor drafts)."""
        return replace(self, **changes)  # type: ignore[arg-type]
