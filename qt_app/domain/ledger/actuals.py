"""What really happened (实绩), per firm and year, each figure with its evidence (证明材料).

A year's actuals replace the plans the letter was computed from: the lease taken (and a move-out), audited
revenue, talents who arrived, loans drawn, science and scenario projects won, compute bought and R&D spent.
Every figure carries at least one piece of evidence: document type, number and date, and — once the scan is
attached — the sha256 of the file kept in the data folder.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from qt_app.domain.firm import HousingChoice, ProjectLevel
from qt_app.domain.money import Fen

DOC_TYPES: dict[str, tuple[str, str]] = {
    "business_licence": ("营业执照", "business licence"),
    "lease_contract": ("租赁合同", "lease contract"),
    "rent_invoice": ("租金发票", "rent invoice"),
    "bank_slip": ("银行转账回单", "bank transfer slip"),
    "audit_report": ("经审计的财务报表", "audited financial statements"),
    "statistical_return": ("统计报表", "statistical return"),
    "talent_certificate": ("人才认定证书", "talent certificate"),
    "social_insurance": ("社保缴纳记录", "social-insurance record"),
    "loan_contract": ("贷款合同", "loan contract"),
    "interest_receipt": ("利息回单", "interest receipt"),
    "guarantee_invoice": ("担保费发票", "guarantee fee invoice"),
    "project_document": ("项目下达文件", "project allocation document"),
    "scenario_contract": ("应用场景项目合同", "scenario project contract"),
    "compute_invoice": ("算力服务发票", "compute invoice"),
    "rnd_audit": ("研发费用专项审计报告", "R&D expense audit"),
    "move_out_record": ("迁出登记材料", "move-out record"),
    "other": ("其他材料", "other document"),
}


@dataclass(frozen=True)
class Evidence:
    """One supporting document: its type (DOC_TYPES), number (文号/编号), date and the attached scan."""

    doc_type: str
    number: str
    issued_on: date
    sha256: str = ""  # the scan kept in the data folder; "" until one is attached
    file_name: str = ""  # the scan's original name, for people
    received_on: date | None = None  # 收件日期
    received_by: str = ""  # 收件人
    source: str = ""  # the scan's path as given in an actuals file (resolved when recorded; not stored)

    @property
    def label(self) -> tuple[str, str]:
        return DOC_TYPES.get(self.doc_type, (self.doc_type, self.doc_type))


@dataclass(frozen=True)
class Lease:
    """The lease taken (租赁): where, how much, from when — and the move-out (迁出) when it happened."""

    site: str
    area_m2: Decimal
    rent_per_m2_day: Decimal
    move_in: date
    move_out: date | None
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Amount:
    """An amount for the year: audited revenue, compute bought or R&D spent."""

    amount: Fen
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class TalentsArrived:
    level: str
    count: int
    housing: HousingChoice
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class LoanDrawn:
    lender: str
    principal: Fen
    years: int
    guarantee_fee: Fen
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class ScienceWon:
    name: str
    level: ProjectLevel
    allocated: Fen
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class ScenarioWon:
    name: str
    contract_value: Fen
    evidence: tuple[Evidence, ...]


FIGURE_LABELS: dict[str, tuple[str, str]] = {
    "lease": ("租赁", "lease"),
    "revenue": ("经审计销售收入", "audited revenue"),
    "compute_spend": ("算力合作合同额", "compute bought"),
    "rnd_spend": ("研发投入", "R&D spending"),
    "talents": ("人才到岗", "talents arrived"),
    "loans": ("贷款", "loans drawn"),
    "science_projects": ("科技项目", "science projects won"),
    "scenario_projects": ("应用场景项目", "scenario projects won"),
}


@dataclass(frozen=True)
class YearActuals:
    """One year's actuals of one firm (年度实绩)."""

    year: int
    lease: Lease | None = None
    revenue: Amount | None = None  # audited (经审计)
    compute_spend: Amount | None = None
    rnd_spend: Amount | None = None
    talents: tuple[TalentsArrived, ...] = ()
    loans: tuple[LoanDrawn, ...] = ()
    science_projects: tuple[ScienceWon, ...] = ()
    scenario_projects: tuple[ScenarioWon, ...] = ()
    reported_on: date | None = None  # 报送日期
    note: str = ""

    def figures(self) -> Iterator[tuple[str, tuple[Evidence, ...]]]:
        """Each figure's path ("revenue", "talents[1]") with its evidence, in file order."""
        for key in ("lease", "revenue", "compute_spend", "rnd_spend"):
            single: Lease | Amount | None = getattr(self, key)
            if single is not None:
                yield key, single.evidence
        for key in ("talents", "loans", "science_projects", "scenario_projects"):
            for i, entry in enumerate(getattr(self, key)):
                yield f"{key}[{i}]", entry.evidence

    def evidence(self) -> Iterator[tuple[str, Evidence]]:
        for path, items in self.figures():
            for e in items:
                yield path, e


FirmActuals = Mapping[int, YearActuals]
"""A firm's actuals by year."""


def latest_lease(actuals: FirmActuals) -> Lease | None:
    """The lease of the latest year that reports one (a later report supersedes, e.g. with a move-out)."""
    for year in sorted(actuals, reverse=True):
        if actuals[year].lease is not None:
            return actuals[year].lease
    return None


def move_out_date(actuals: FirmActuals) -> date | None:
    lease = latest_lease(actuals)
    return lease.move_out if lease is not None else None
