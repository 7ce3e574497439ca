"""The firm file's fields one by one: reading each (with every problem by path) and writing each back.

Shared by the firm reader (`firm_io`) and the what-if variants (`variant_io`), whose `firm` object is a
partial firm in this same form, so a variant's override gets exactly the messages the base firm gets.
Amounts accept what staff type ("1500000", "150万", "1.2亿"); output writes 元 with two decimals.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from qt_app.domain.errors import shown
from qt_app.domain.field_values import (
    Bad,
    Reader,
    to_bool,
    to_count,
    to_date,
    to_decimal,
    to_enum,
    to_money,
    to_str,
    to_year,
)
from qt_app.domain.firm import (
    DomainRecognition,
    EntityType,
    Firm,
    HousingChoice,
    Loan,
    Location,
    ProjectLevel,
    ScenarioProject,
    ScienceProject,
    TalentGroup,
)
from qt_app.domain.money import Fen

RECOGNITION_KEYS = {"recognised", "decided_by", "decided_on", "domain", "note"}

# The fields the simulation reads (every one a variant may override), as the file names them, in the order
# `firm_to_dict` writes them; `domain_recognition` is the Firm's `recognition`.
PLAN_KEYS: tuple[str, ...] = (
    "entity_type", "is_trading", "is_headquarters", "dishonest", "registers_in_qingtian", "mu_grade",
    "grade", "domains", "location", "talents", "revenue", "compute_spend", "rnd_spend", "loans",
    "science_projects", "scenario_projects", "investment", "start_year", "domain_recognition",
)  # fmt: skip
FIELD_OF_KEY = {key: ("recognition" if key == "domain_recognition" else key) for key in PLAN_KEYS}
KEY_OF_FIELD = {field: key for key, field in FIELD_OF_KEY.items()}


def year_amounts(r: Reader, data: Mapping[str, Any], key: str, prefix: str = "") -> dict[int, Fen]:
    raw = data.get(key) or {}
    if not isinstance(raw, Mapping):
        r.problem(f"{prefix}{key}", "应为“年份: 金额”的表", "Expected a table of year: amount")
        return {}
    out: dict[int, Fen] = {}
    for y, v in raw.items():
        try:
            year = to_year(y, key)
        except Bad as bad:
            r.problem(f"{prefix}{key}.{shown(y)}", bad.zh, bad.en)
            continue
        try:
            out[year] = to_money(v, key)
        except Bad as bad:
            r.problem(f"{prefix}{key}.{shown(y)}", bad.zh, bad.en)
    return dict(sorted(out.items()))


def rows_of(
    r: Reader, data: Mapping[str, Any], key: str, prefix: str = ""
) -> list[tuple[str, Mapping[str, Any]]]:
    raw = data.get(key) or []
    if not isinstance(raw, list):
        r.problem(f"{prefix}{key}", "应为列表", "Expected a list")
        return []
    out = []
    for i, row in enumerate(raw):
        if not isinstance(row, Mapping):
            r.problem(f"{prefix}{key}[{i}]", "应为对象", "Expected an object")
            continue
        out.append((f"{prefix}{key}[{i}].", row))
    return out


# -- the plan fields, one reader each: (reader, data, prefix) -> the Firm field's value ----------------------
def _location(r: Reader, data: Mapping[str, Any], prefix: str) -> Location | None:
    loc = data.get("location")
    if loc is None:
        return None
    if not isinstance(loc, Mapping):
        r.problem(f"{prefix}location", "应为对象", "Expected an object")
        return None
    p = f"{prefix}location."
    site = r.require(loc, "site", p, to_str)
    area = r.require(loc, "area_m2", p, to_decimal)
    price = r.require(loc, "rent_per_m2_day", p, to_decimal)
    move_in = r.require(loc, "move_in", p, to_date)
    if site is not None and area is not None and price is not None and move_in is not None:
        return Location(site, area, price, move_in)
    return None


def _talents(r: Reader, data: Mapping[str, Any], prefix: str) -> tuple[TalentGroup, ...]:
    talents = []
    for p, row in rows_of(r, data, "talents", prefix):
        level = r.require(row, "level", p, to_str)
        count = r.require(row, "count", p, to_count)
        year = r.require(row, "arrival_year", p, to_year)
        housing = r.get(row, "housing", p, to_enum(HousingChoice), HousingChoice.ALLOWANCE)
        if level is not None and count is not None and year is not None:
            talents.append(TalentGroup(level, count, year, housing))
    return tuple(talents)


def _loans(r: Reader, data: Mapping[str, Any], prefix: str) -> tuple[Loan, ...]:
    loans = []
    for p, row in rows_of(r, data, "loans", prefix):
        lender = r.get(row, "lender", p, to_str, "")
        principal = r.require(row, "principal", p, to_money)
        start = r.require(row, "start_year", p, to_year)
        years = r.require(row, "years", p, to_count)
        fee = r.get(row, "guarantee_fee", p, to_money, 0)
        if principal is not None and start is not None and years is not None:
            loans.append(Loan(lender, principal, start, years, fee))
    return tuple(loans)


def _science(r: Reader, data: Mapping[str, Any], prefix: str) -> tuple[ScienceProject, ...]:
    science = []
    for p, row in rows_of(r, data, "science_projects", prefix):
        pname = r.require(row, "name", p, to_str)
        level = r.require(row, "level", p, to_enum(ProjectLevel))
        allocated = r.require(row, "allocated", p, to_money)
        year = r.require(row, "year", p, to_year)
        if pname is not None and level is not None and allocated is not None and year is not None:
            science.append(ScienceProject(pname, level, allocated, year))
    return tuple(science)


def _scenarios(r: Reader, data: Mapping[str, Any], prefix: str) -> tuple[ScenarioProject, ...]:
    scenarios = []
    for p, row in rows_of(r, data, "scenario_projects", prefix):
        pname = r.require(row, "name", p, to_str)
        value = r.require(row, "contract_value", p, to_money)
        year = r.require(row, "year", p, to_year)
        if pname is not None and value is not None and year is not None:
            scenarios.append(ScenarioProject(pname, value, year))
    return tuple(scenarios)


def _domains(r: Reader, data: Mapping[str, Any], prefix: str) -> tuple[str, ...]:
    raw = data.get("domains") or []
    if not isinstance(raw, list):
        r.problem(f"{prefix}domains", "应为列表", "Expected a list")
        return ()
    for i, d in enumerate(raw):  # each a line of text (no lone surrogate, no 1 MB field name)
        r.get({f"[{i}]": d}, f"[{i}]", f"{prefix}domains", lambda v, p: to_str(str(v), p), "")
    return tuple(str(d).strip() for d in raw if str(d).strip())


def _decision_date(v: Any, p: str) -> date:
    d = to_date(v, p)
    if not 2000 <= d.year <= 2100:
        raise Bad(
            f"日期应在2000–2100年之间，实为{v}", f"A date between 2000 and 2100 was expected, found {v}"
        )
    return d


def _recognition(r: Reader, data: Mapping[str, Any], prefix: str) -> DomainRecognition | None:
    """认定为元宇宙相关领域: whether, who decided and when (all three required), the field and a note."""
    raw = data.get("domain_recognition")
    if raw is None:
        return None
    p = f"{prefix}domain_recognition."
    if not isinstance(raw, Mapping):
        r.problem(f"{prefix}domain_recognition", "应为对象", "Expected an object")
        return None
    for key in raw:
        if key not in RECOGNITION_KEYS:
            r.problem(f"{p}{key}", "未知字段", "Unknown field")
    recognised = r.require(raw, "recognised", p, to_bool)
    decided_by = r.require(raw, "decided_by", p, to_str)
    decided_on = r.require(raw, "decided_on", p, _decision_date)
    domain = r.get(raw, "domain", p, to_str, "")
    note = r.get(raw, "note", p, to_str, "")
    if recognised is None or not decided_by or decided_on is None:
        return None
    return DomainRecognition(recognised, decided_by, decided_on, domain, note)


def _simple(key: str, conv: Callable[[Any, str], Any], default: Any) -> Callable[..., Any]:
    def read(r: Reader, data: Mapping[str, Any], prefix: str) -> Any:
        return r.get(data, key, prefix, conv, default)

    return read


def _upper(key: str, default: str) -> Callable[..., str]:
    def read(r: Reader, data: Mapping[str, Any], prefix: str) -> str:
        return str(r.get(data, key, prefix, to_str, default)).upper()

    return read


def _years(key: str) -> Callable[..., dict[int, Fen]]:
    def read(r: Reader, data: Mapping[str, Any], prefix: str) -> dict[int, Fen]:
        return year_amounts(r, data, key, prefix)

    return read


PLAN_READERS: dict[str, Callable[[Reader, Mapping[str, Any], str], Any]] = {
    "entity_type": _simple("entity_type", to_enum(EntityType), EntityType.ENTERPRISE),
    "is_trading": _simple("is_trading", to_bool, False),
    "is_headquarters": _simple("is_headquarters", to_bool, False),
    "dishonest": _simple("dishonest", to_bool, False),
    "registers_in_qingtian": _simple("registers_in_qingtian", to_bool, True),
    "mu_grade": _upper("mu_grade", ""),
    "grade": _upper("grade", "B"),
    "domains": _domains,
    "location": _location,
    "talents": _talents,
    "revenue": _years("revenue"),
    "compute_spend": _years("compute_spend"),
    "rnd_spend": _years("rnd_spend"),
    "loans": _loans,
    "science_projects": _science,
    "scenario_projects": _scenarios,
    "investment": _simple("investment", to_money, 0),
    "start_year": _simple("start_year", to_year, None),
    "domain_recognition": _recognition,
}


def read_plan(
    r: Reader, data: Mapping[str, Any], prefix: str = "", present_only: bool = False
) -> dict[str, Any]:
    """The plan fields as Firm keyword arguments; `present_only` reads just the keys `data` has (an overlay)."""
    return {
        FIELD_OF_KEY[key]: read(r, data, prefix)
        for key, read in PLAN_READERS.items()
        if not present_only or key in data
    }


# -- writing -------------------------------------------------------------------------------------------------
def yuan_text(fen: Fen) -> str:
    return f"{fen // 100}.{fen % 100:02d}"


def amounts_text(m: Mapping[int, Fen]) -> dict[str, str]:
    return {str(y): yuan_text(v) for y, v in sorted(m.items())}


def location_dict(loc: Location | None) -> dict[str, str] | None:
    if loc is None:
        return None
    return {
        "site": loc.site,
        "area_m2": str(loc.area_m2),
        "rent_per_m2_day": str(loc.rent_per_m2_day),
        "move_in": loc.move_in.isoformat(),
    }


def recognition_dict(rec: DomainRecognition | None) -> dict[str, Any] | None:
    if rec is None:
        return None
    return {
        "recognised": rec.recognised,
        "decided_by": rec.decided_by,
        "decided_on": rec.decided_on.isoformat(),
        **({"domain": rec.domain} if rec.domain else {}),
        **({"note": rec.note} if rec.note else {}),
    }


PLAN_WRITERS: dict[str, Callable[[Firm], Any]] = {
    "entity_type": lambda f: f.entity_type.value,
    "is_trading": lambda f: f.is_trading,
    "is_headquarters": lambda f: f.is_headquarters,
    "dishonest": lambda f: f.dishonest,
    "registers_in_qingtian": lambda f: f.registers_in_qingtian,
    "mu_grade": lambda f: f.mu_grade,
    "grade": lambda f: f.grade,
    "domains": lambda f: list(f.domains),
    "location": lambda f: location_dict(f.location),
    "talents": lambda f: [
        {"level": t.level, "count": t.count, "arrival_year": t.arrival_year, "housing": t.housing.value}
        for t in f.talents
    ],
    "revenue": lambda f: amounts_text(f.revenue),
    "compute_spend": lambda f: amounts_text(f.compute_spend),
    "rnd_spend": lambda f: amounts_text(f.rnd_spend),
    "loans": lambda f: [
        {
            "lender": ln.lender,
            "principal": yuan_text(ln.principal),
            "start_year": ln.start_year,
            "years": ln.years,
            "guarantee_fee": yuan_text(ln.guarantee_fee),
        }
        for ln in f.loans
    ],
    "science_projects": lambda f: [
        {"name": s.name, "level": s.level.value, "allocated": yuan_text(s.allocated), "year": s.year}
        for s in f.science_projects
    ],
    "scenario_projects": lambda f: [
        {"name": s.name, "contract_value": yuan_text(s.contract_value), "year": s.year}
        for s in f.scenario_projects
    ],
    "investment": lambda f: yuan_text(f.investment),
    "start_year": lambda f: f.start_year,
    "domain_recognition": lambda f: recognition_dict(f.recognition),
}
