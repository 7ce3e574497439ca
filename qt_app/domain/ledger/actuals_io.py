"""Actuals files (实绩文件): dict/JSON ⇄ YearActuals, strict like the firm file (docs/actuals.schema.json).

Every problem names its field path ("years.2027.revenue.evidence[0].date") in Chinese and English; an
unknown key is an error. Amounts accept what staff type ("4200万", "1.2亿", "350400.00").

A file holds one firm (`{"uscc" | "firm_id", "letter"?, "years": {YEAR: {...}}}`) or a list of them
(`{"firms": [...]}` or a bare list).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from qt_app.domain import uscc as uscc_mod
from qt_app.domain.errors import FieldProblem, ValidationError

# The firm file's field readers: the same words for the same mistakes in both kinds of file.
from qt_app.domain.field_values import (
    Bad,
    Reader,
    to_count,
    to_date,
    to_decimal,
    to_enum,
    to_money,
    to_str,
    to_year,
)
from qt_app.domain.firm import HousingChoice, ProjectLevel
from qt_app.domain.ledger.actuals import (
    DOC_TYPES,
    Amount,
    Evidence,
    Lease,
    LoanDrawn,
    ScenarioWon,
    ScienceWon,
    TalentsArrived,
    YearActuals,
)

ENTRY_KEYS = {"uscc", "firm_id", "letter", "years"}
YEAR_KEYS = {
    "lease", "revenue", "compute_spend", "rnd_spend", "talents", "loans", "science_projects",
    "scenario_projects", "reported_on", "note",
}  # fmt: skip
EVIDENCE_KEYS = {"type", "number", "date", "file", "sha256", "file_name", "received_on", "received_by"}
LEASE_KEYS = {"site", "area_m2", "rent_per_m2_day", "move_in", "move_out", "evidence"}
AMOUNT_KEYS = {"amount", "evidence"}
LIST_KEYS: dict[str, set[str]] = {
    "talents": {"level", "count", "housing", "evidence"},
    "loans": {"lender", "principal", "years", "guarantee_fee", "evidence"},
    "science_projects": {"name", "level", "allocated", "evidence"},
    "scenario_projects": {"name", "contract_value", "evidence"},
}
_HEX = set("0123456789abcdef")


@dataclass(frozen=True)
class ActualsEntry:
    """One firm's part of an actuals file: who (credit code or id), which letter (optional), which years."""

    uscc: str
    firm_id: str
    letter: str  # 文号 or letter id; "" = the firm's letter of record
    years: tuple[YearActuals, ...]
    source: str = ""  # the file, for messages

    @property
    def firm_ref(self) -> str:
        return self.firm_id or self.uscc


def _unknown(r: Reader, data: Mapping[str, Any], allowed: set[str], path: str) -> None:
    for key in data:
        if key not in allowed:
            r.problem(f"{path}{key}", "未知字段", "Unknown field")


def _evidence(r: Reader, raw: Any, path: str, year: int) -> tuple[Evidence, ...]:
    """A figure's evidence: at least one document (type, number, date); the scan by `file` or `sha256`."""
    if raw is None or raw == []:
        r.problem(
            f"{path}evidence",
            "缺少证明材料（材料类型、文号或编号、日期）",
            "Evidence is missing (document type, number, date)",
        )
        return ()
    if not isinstance(raw, list):
        r.problem(f"{path}evidence", "应为证明材料列表", "Expected a list of documents")
        return ()
    out = []
    for i, row in enumerate(raw):
        p = f"{path}evidence[{i}]."
        if not isinstance(row, Mapping):
            r.problem(p.rstrip("."), "应为对象", "Expected an object")
            continue
        _unknown(r, row, EVIDENCE_KEYS, p)
        kind = r.require(row, "type", p, to_str)
        if kind is not None and kind not in DOC_TYPES:
            r.problem(
                f"{p}type",
                f"材料类型应为以下之一：{'、'.join(DOC_TYPES)}；实为“{kind}”",
                f"The document type must be one of {', '.join(DOC_TYPES)}; found “{kind}”",
            )
            kind = None
        number = r.require(row, "number", p, to_str)
        issued = r.require(row, "date", p, to_date)
        if issued is not None and not 2000 <= issued.year <= 2100:
            r.problem(f"{p}date", "日期应在2000–2100年之间", "A date between 2000 and 2100 was expected")
            issued = None
        digest = r.get(row, "sha256", p, to_str, "").lower()
        if digest and (len(digest) != 64 or not set(digest) <= _HEX):
            r.problem(f"{p}sha256", "应为64位十六进制的 sha256", "Expected a sha256 of 64 hex digits")
            digest = ""
        received = r.get(row, "received_on", p, to_date, None)
        if received is not None and issued is not None and received < issued:
            r.problem(f"{p}received_on", "收件日期早于材料日期", "Received before the document's date")
        if kind and number and issued is not None:
            out.append(
                Evidence(
                    kind,
                    number,
                    issued,
                    digest,
                    r.get(row, "file_name", p, to_str, ""),
                    received,
                    r.get(row, "received_by", p, to_str, ""),
                    r.get(row, "file", p, to_str, ""),
                )
            )
    return tuple(out)


def _obj(r: Reader, raw: Any, path: str, allowed: set[str]) -> Mapping[str, Any] | None:
    if raw is None:
        return None
    if not isinstance(raw, Mapping):
        r.problem(path.rstrip("."), "应为对象", "Expected an object")
        return None
    _unknown(r, raw, allowed, path)
    return raw


def _lease(r: Reader, raw: Any, p: str, year: int) -> Lease | None:
    data = _obj(r, raw, p, LEASE_KEYS)
    if data is None:
        return None
    site = r.require(data, "site", p, to_str)
    area = r.require(data, "area_m2", p, to_decimal)
    price = r.require(data, "rent_per_m2_day", p, to_decimal)
    move_in = r.require(data, "move_in", p, to_date)
    move_out = r.get(data, "move_out", p, to_date, None)
    evidence = _evidence(r, data.get("evidence"), p, year)
    if move_in is not None and move_in > date(year, 12, 31):
        r.problem(f"{p}move_in", f"入驻日期晚于{year}年", f"The move-in date is after {year}")
    if move_in is not None and move_out is not None and move_out <= move_in:
        r.problem(
            f"{p}move_out", "迁出日期应晚于入驻日期", "The move-out date must be after the move-in date"
        )
        move_out = None
    if None in (site, area, price, move_in):
        return None
    assert site is not None and area is not None and price is not None and move_in is not None
    return Lease(site, area, price, move_in, move_out, evidence)


def _amount(r: Reader, raw: Any, p: str, year: int) -> Amount | None:
    data = _obj(r, raw, p, AMOUNT_KEYS)
    if data is None:
        return None
    amount = r.require(data, "amount", p, to_money)
    evidence = _evidence(r, data.get("evidence"), p, year)
    return None if amount is None else Amount(amount, evidence)


def _rows(r: Reader, raw: Any, key: str, p: str) -> list[tuple[str, Mapping[str, Any]]]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        r.problem(f"{p}{key}", "应为列表", "Expected a list")
        return []
    out = []
    for i, row in enumerate(raw):
        rp = f"{p}{key}[{i}]."
        data = _obj(r, row, rp, LIST_KEYS[key])
        if data is not None:
            out.append((rp, data))
    return out


def year_actuals_from_dict(
    data: Mapping[str, Any], year: int, prefix: str = ""
) -> tuple[YearActuals | None, list[FieldProblem]]:
    """One year's actuals and the problems found (an empty list when it may be recorded)."""
    r = Reader()
    p = prefix
    if not isinstance(data, Mapping):
        return None, [FieldProblem(p.rstrip("."), "应为对象", "Expected an object")]
    _unknown(r, data, YEAR_KEYS, p)
    talents = []
    for rp, row in _rows(r, data.get("talents"), "talents", p):
        level = r.require(row, "level", rp, to_str)
        count = r.require(row, "count", rp, to_count)
        if count == 0:
            r.problem(f"{rp}count", "人数应大于0", "The count must be more than 0")
        housing = r.get(row, "housing", rp, to_enum(HousingChoice), HousingChoice.ALLOWANCE)
        evidence = _evidence(r, row.get("evidence"), rp, year)
        if level and count:
            talents.append(TalentsArrived(level.upper(), count, housing, evidence))
    loans = []
    for rp, row in _rows(r, data.get("loans"), "loans", p):
        principal = r.require(row, "principal", rp, to_money)
        years = r.require(row, "years", rp, to_count)
        fee = r.get(row, "guarantee_fee", rp, to_money, 0)
        evidence = _evidence(r, row.get("evidence"), rp, year)
        if principal is not None and years is not None:
            loans.append(LoanDrawn(r.get(row, "lender", rp, to_str, ""), principal, years, fee, evidence))
    science = []
    for rp, row in _rows(r, data.get("science_projects"), "science_projects", p):
        name = r.require(row, "name", rp, to_str)
        level = r.require(row, "level", rp, to_enum(ProjectLevel))
        allocated = r.require(row, "allocated", rp, to_money)
        evidence = _evidence(r, row.get("evidence"), rp, year)
        if name and level is not None and allocated is not None:
            science.append(ScienceWon(name, level, allocated, evidence))
    scenarios = []
    for rp, row in _rows(r, data.get("scenario_projects"), "scenario_projects", p):
        name = r.require(row, "name", rp, to_str)
        value = r.require(row, "contract_value", rp, to_money)
        evidence = _evidence(r, row.get("evidence"), rp, year)
        if name and value is not None:
            scenarios.append(ScenarioWon(name, value, evidence))
    reported = r.get(data, "reported_on", p, to_date, None)
    if reported is not None and reported < date(year, 1, 1):
        r.problem(f"{p}reported_on", f"报送日期早于{year}年", f"Reported before {year} began")
    actual = YearActuals(
        year=year,
        lease=_lease(r, data.get("lease"), f"{p}lease.", year),
        revenue=_amount(r, data.get("revenue"), f"{p}revenue.", year),
        compute_spend=_amount(r, data.get("compute_spend"), f"{p}compute_spend.", year),
        rnd_spend=_amount(r, data.get("rnd_spend"), f"{p}rnd_spend.", year),
        talents=tuple(talents),
        loans=tuple(loans),
        science_projects=tuple(science),
        scenario_projects=tuple(scenarios),
        reported_on=reported,
        note=r.get(data, "note", p, to_str, ""),
    )
    if not any(True for _ in actual.figures()) and not r.problems:
        r.problem(p.rstrip(".") or str(year), "该年度没有任何实绩", "No figure is given for this year")
    errors = [x for x in r.problems if x.severity == "error"]
    return (None if errors else actual), r.problems


def entry_from_dict(
    data: Any, source: str = "", prefix: str = ""
) -> tuple[ActualsEntry | None, list[FieldProblem]]:
    """One firm's entry of an actuals file, and every problem in it."""
    r = Reader()
    if not isinstance(data, Mapping):
        return None, [FieldProblem(prefix.rstrip("."), "应为对象", "Expected an object")]
    _unknown(r, data, ENTRY_KEYS, prefix)
    code = r.get(data, "uscc", prefix, to_str, "")
    if code:
        result = uscc_mod.check(code)
        if result.is_error:
            r.problem(f"{prefix}uscc", result.error_zh, result.error_en)
        elif result.is_warning:  # a code in the register passed its checksum; this one names no firm
            r.problem(
                f"{prefix}uscc",
                f"统一社会信用代码“{code}”校验位不符，请与企业档案核对",
                f"The credit code “{code}” fails its check digit; compare it with the firm record",
            )
        code = result.code
    firm_id = r.get(data, "firm_id", prefix, to_str, "")
    if not code and not firm_id:
        r.problem(
            f"{prefix}uscc", "须填写统一社会信用代码（或 firm_id）", "Give the credit code (uscc) or firm_id"
        )
    years_raw = data.get("years")
    problems = list(r.problems)
    years: list[YearActuals] = []
    if not isinstance(years_raw, Mapping) or not years_raw:
        problems.append(
            FieldProblem(f"{prefix}years", "应为“年度: 实绩”的表", "Expected a table of year: actuals")
        )
    else:
        for key, raw in years_raw.items():
            yp = f"{prefix}years.{key}."
            try:
                year = to_year(key, yp)
            except Bad as bad:
                problems.append(FieldProblem(yp.rstrip("."), bad.zh, bad.en))
                continue
            actual, found = year_actuals_from_dict(raw, year, yp)
            problems.extend(found)
            if actual is not None:
                years.append(actual)
    if any(p.severity == "error" for p in problems):
        return None, problems
    entry = ActualsEntry(
        code,
        firm_id,
        r.get(data, "letter", prefix, to_str, ""),
        tuple(sorted(years, key=lambda y: y.year)),
        source,
    )
    return entry, problems


def entries_from_data(data: Any, source: str = "") -> list[ActualsEntry]:
    """Every firm's entry of an actuals file; ValidationError lists every problem and nothing is returned."""
    if isinstance(data, Mapping) and isinstance(data.get("firms"), list):
        data = data["firms"]
    rows = data if isinstance(data, list) else [data]
    entries: list[ActualsEntry] = []
    problems: list[FieldProblem] = []
    for i, row in enumerate(rows):
        prefix = f"firms[{i}]." if isinstance(data, list) and len(rows) > 1 else ""
        entry, found = entry_from_dict(row, source, prefix)
        problems.extend(found)
        if entry is not None:
            entries.append(entry)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise ValidationError(errors, source)
    if not entries:
        raise ValidationError([FieldProblem("", "文件中没有实绩", "The file holds no actuals")], source)
    return entries
