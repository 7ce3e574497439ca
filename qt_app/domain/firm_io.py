"""Firm files: plain dict/JSON ⇄ Firm (+ its variants), with every problem reported by field path.

Used by the CLI (firm JSON files), the store (rows hold this same dict form) and imports.
Amounts accept what staff type ("1500000", "150万", "1.2亿"); output writes 元 with two decimals.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, TypeVar

from qt_app.domain import uscc as uscc_mod
from qt_app.domain.errors import DomainError, FieldProblem, ValidationError, is_text
from qt_app.domain.errors import shown as _shown
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
    Stage,
    TalentGroup,
)
from qt_app.domain.json_limits import parse_json
from qt_app.domain.money import Fen, parse_amount
from qt_app.domain.variants import Variant

T = TypeVar("T")

FIRM_KEYS = {
    "id", "name", "uscc", "uscc_note", "entity_type", "is_trading", "is_headquarters", "dishonest",
    "registers_in_qingtian", "mu_grade", "grade", "domains", "location", "talents", "revenue",
    "compute_spend", "rnd_spend", "loans", "science_projects", "scenario_projects", "investment",
    "stage", "stage_reason", "owner", "outpost", "contact", "notes", "variants", "start_year",
    "domain_recognition",
}  # fmt: skip
RECOGNITION_KEYS = {"recognised", "decided_by", "decided_on", "domain", "note"}


# Limits, each refused with a message in words (nothing a user feeds the app may break it):
MAX_FILE_BYTES = 16 * 1024 * 1024  # a firm file is a few KB
MAX_TEXT_CHARS = 200  # a name, a contact, an owner, a project: one line of text
MAX_NOTES_CHARS = 20_000  # notes: a few pages
MAX_COUNT = 100_000  # people in a talent group, years of a loan
MAX_NUMBER = 10**9  # any other number: an area, a rent, a factor (amounts have their own limit in money.py)


def new_firm_id() -> str:
    """Stable random ids (not row numbers), so bundles from outposts merge without clashes."""
    return "f-" + os.urandom(8).hex()  # 16 random hex digits; uuid would cost 2 ms at every start


class _Reader:
    """Collects problems while reading a dict, so one pass reports all of them."""

    def __init__(self) -> None:
        self.problems: list[FieldProblem] = []

    def problem(self, path: str, zh: str, en: str, severity: str = "error") -> None:
        self.problems.append(FieldProblem(path, zh, en, severity))

    def get(
        self, data: Mapping[str, Any], key: str, path: str, conv: Callable[[Any, str], T], default: T
    ) -> T:
        if key not in data or data[key] is None or data[key] == "":
            return default
        try:
            return conv(data[key], f"{path}{key}")
        except _Bad as bad:
            self.problem(f"{path}{key}", bad.zh, bad.en)
            return default

    def require(
        self, data: Mapping[str, Any], key: str, path: str, conv: Callable[[Any, str], T]
    ) -> T | None:
        if key not in data or data[key] is None or data[key] == "":
            self.problem(f"{path}{key}", "必填项为空", "Required")
            return None
        try:
            return conv(data[key], f"{path}{key}")
        except _Bad as bad:
            self.problem(f"{path}{key}", bad.zh, bad.en)
            return None


class _Bad(Exception):
    def __init__(self, zh: str, en: str) -> None:
        super().__init__(zh)
        self.zh, self.en = zh, en


def _text(v: Any, limit: int) -> str:
    if not isinstance(v, str | int):
        raise _Bad("应为文本", "Expected text")
    text = str(v).strip()
    if not is_text(text):
        raise _Bad(
            "文字中有无效的字符（如不成对的代理字符或空字符）",
            "The text holds an invalid character (a lone surrogate or NUL)",
        )
    if len(text) > limit:
        raise _Bad(
            f"文字过长：最多 {limit} 个字，实为 {len(text)} 个字",
            f"Too long: at most {limit} characters, found {len(text)}",
        )
    return text


def _str(v: Any, _p: str) -> str:
    return _text(v, MAX_TEXT_CHARS)


def _note(v: Any, _p: str) -> str:
    return _text(v, MAX_NOTES_CHARS)


def _bool(v: Any, _p: str) -> bool:
    if isinstance(v, bool):
        return v
    if isinstance(v, str) and v.strip().lower() in {"是", "true", "yes", "1", "y"}:
        return True
    if isinstance(v, str) and v.strip().lower() in {"否", "false", "no", "0", "n"}:
        return False
    raise _Bad(f"应为“是”或“否”，实为“{_shown(v)}”", f"Expected yes or no, found “{_shown(v)}”")


def _digits(v: Any) -> str:
    """A number's text; anything longer than 100 characters is not a number (and is not parsed)."""
    text = str(v).strip()
    return text if len(text) <= 100 else "not a number"


def _int(v: Any, _p: str, limit: int = 0) -> int:
    if isinstance(v, bool):
        raise _Bad("应为整数", "Expected a whole number")
    try:
        d = Decimal(_digits(v))
    except InvalidOperation:
        raise _Bad(f"应为整数，实为“{_shown(v)}”", f"Expected a whole number, found “{_shown(v)}”") from None
    if not d.is_finite() or d != d.to_integral_value():
        raise _Bad(f"应为整数，实为“{_shown(v)}”", f"Expected a whole number, found “{_shown(v)}”")
    if abs(d) > (limit or MAX_NUMBER):
        raise _too_big(v, limit or MAX_NUMBER)
    return int(d)


def _too_big(v: Any, limit: int) -> _Bad:
    return _Bad(
        f"数值过大：最多 {limit:,}，实为“{_shown(v)}”", f"Too large: at most {limit:,}, found “{_shown(v)}”"
    )


def _count(v: Any, p: str) -> int:
    n = _int(v, p, MAX_COUNT)
    if n < 0:
        raise _Bad("不能为负数", "Cannot be negative")
    return n


def _year(v: Any, p: str) -> int:
    y = _int(v, p)
    if not 2000 <= y <= 2100:
        raise _Bad(f"年份应在2000–2100之间，实为{y}", f"A year between 2000 and 2100 was expected, found {y}")
    return y


def _decimal(v: Any, _p: str) -> Decimal:
    if isinstance(v, bool | float):
        v = str(v)
    try:
        d = Decimal(_digits(v).replace(",", ""))
    except InvalidOperation:
        raise _Bad(f"应为数字，实为“{_shown(v)}”", f"Expected a number, found “{_shown(v)}”") from None
    if not d.is_finite() or d < 0:
        raise _Bad(f"应为非负数，实为“{_shown(v)}”", f"Expected a non-negative number, found “{_shown(v)}”")
    if d > MAX_NUMBER:
        raise _too_big(v, MAX_NUMBER)
    return d


def _money(v: Any, _p: str) -> Fen:
    if isinstance(v, float):
        v = str(v)
    try:
        return parse_amount(v)
    except DomainError as e:
        raise _Bad(e.zh, e.en) from None


def _date(v: Any, _p: str) -> date:
    if isinstance(v, date):
        return v
    text = str(v).strip().replace("/", "-").replace(".", "-")
    for sep in ("年", "月"):
        text = text.replace(sep, "-")
    text = text.rstrip("日").rstrip("-")
    try:
        y, m, d = (int(x) for x in text.split("-"))
        return date(y, m, d)
    except (ValueError, TypeError, OverflowError):  # OverflowError: a year of 30 digits
        raise _Bad(
            f"日期格式应为 2026-03-05，实为“{_shown(v)}”",
            f"Expected a date like 2026-03-05, found “{_shown(v)}”",
        ) from None


def _enum(cls: type[Any]) -> Callable[[Any, str], Any]:
    def conv(v: Any, _p: str) -> Any:
        try:
            return cls(str(v).strip())
        except ValueError:
            allowed = "、".join(m.value for m in cls)
            raise _Bad(
                f"应为以下之一：{allowed}；实为“{_shown(v)}”",
                f"Expected one of {allowed}; found “{_shown(v)}”",
            ) from None

    return conv


def _year_amounts(r: _Reader, data: Mapping[str, Any], key: str) -> dict[int, Fen]:
    raw = data.get(key) or {}
    if not isinstance(raw, Mapping):
        r.problem(key, "应为“年份: 金额”的表", "Expected a table of year: amount")
        return {}
    out: dict[int, Fen] = {}
    for y, v in raw.items():
        try:
            year = _year(y, key)
        except _Bad as bad:
            r.problem(f"{key}.{_shown(y)}", bad.zh, bad.en)
            continue
        try:
            out[year] = _money(v, key)
        except _Bad as bad:
            r.problem(f"{key}.{y}", bad.zh, bad.en)
    return dict(sorted(out.items()))


def _list(r: _Reader, data: Mapping[str, Any], key: str) -> list[tuple[str, Mapping[str, Any]]]:
    raw = data.get(key) or []
    if not isinstance(raw, list):
        r.problem(key, "应为列表", "Expected a list")
        return []
    out = []
    for i, row in enumerate(raw):
        if not isinstance(row, Mapping):
            r.problem(f"{key}[{i}]", "应为对象", "Expected an object")
            continue
        out.append((f"{key}[{i}].", row))
    return out


def _variant(r: _Reader, p: str, row: Mapping[str, Any]) -> Variant | None:
    name = r.require(row, "name", p, _str)
    overrides = row.get("param_overrides") or {}
    if not isinstance(overrides, Mapping):
        r.problem(f"{p}param_overrides", "应为“参数: 值”的表", "Expected a table of parameter: value")
        overrides = {}
    revenue = _year_amounts(r, row, "revenue") if "revenue" in row else None
    if not name:
        return None
    return Variant(
        name=name,
        label=r.get(row, "label", p, _str, name),
        revenue_factor=r.get(row, "revenue_factor", p, _decimal, None),
        revenue=revenue,
        site=r.get(row, "site", p, _str, None),
        area_m2=r.get(row, "area_m2", p, _decimal, None),
        grade=r.get(row, "grade", p, _str, None),
        param_overrides={str(k): str(v) for k, v in overrides.items()},
    )


def variant_from_dict(data: Mapping[str, Any], source: str = "") -> Variant:
    """Read one variant (as `variant_to_dict` writes it); ValidationError names each bad field."""
    r = _Reader()
    variant = _variant(r, "", data) if isinstance(data, Mapping) else None
    if r.problems or variant is None:
        raise ValidationError(
            r.problems or [FieldProblem("", "方案应为对象", "A variant must be an object")], source
        )
    return variant


def firm_from_dict(data: Mapping[str, Any], source: str = "") -> tuple[Firm, tuple[Variant, ...]]:
    """Read a firm and its variants; raise ValidationError listing every problem (errors only).

    A checksum mismatch in 统一社会信用代码 is an error unless `uscc_note` explains why it is kept.
    """
    r = _Reader()
    if not isinstance(data, Mapping):
        raise ValidationError(
            [FieldProblem("", "企业文件应为 JSON 对象", "A firm file must be a JSON object")], source
        )
    for key in data:
        if key not in FIRM_KEYS:
            r.problem(_shown(key), "未知字段", "Unknown field")

    name = r.require(data, "name", "", _str) or ""
    raw_code = r.require(data, "uscc", "", _str) or ""
    uscc_note = r.get(data, "uscc_note", "", _str, "")
    code = raw_code
    if raw_code:
        result = uscc_mod.check(raw_code)
        code = result.code
        if result.is_error:
            r.problem("uscc", result.error_zh, result.error_en)
        elif result.is_warning and not uscc_note:
            r.problem(
                "uscc",
                result.warning_zh + "（请在 uscc_note 中说明）",
                result.warning_en + " (explain in uscc_note)",
            )

    location = None
    loc = data.get("location")
    if loc is not None:
        if not isinstance(loc, Mapping):
            r.problem("location", "应为对象", "Expected an object")
        else:
            site = r.require(loc, "site", "location.", _str)
            area = r.require(loc, "area_m2", "location.", _decimal)
            price = r.require(loc, "rent_per_m2_day", "location.", _decimal)
            move_in = r.require(loc, "move_in", "location.", _date)
            if site is not None and area is not None and price is not None and move_in is not None:
                location = Location(site, area, price, move_in)

    talents = []
    for p, row in _list(r, data, "talents"):
        level = r.require(row, "level", p, _str)
        count = r.require(row, "count", p, _count)
        year = r.require(row, "arrival_year", p, _year)
        housing = r.get(row, "housing", p, _enum(HousingChoice), HousingChoice.ALLOWANCE)
        if level is not None and count is not None and year is not None:
            talents.append(TalentGroup(level, count, year, housing))

    loans = []
    for p, row in _list(r, data, "loans"):
        lender = r.get(row, "lender", p, _str, "")
        principal = r.require(row, "principal", p, _money)
        start = r.require(row, "start_year", p, _year)
        years = r.require(row, "years", p, _count)
        fee = r.get(row, "guarantee_fee", p, _money, 0)
        if principal is not None and start is not None and years is not None:
            loans.append(Loan(lender, principal, start, years, fee))

    science = []
    for p, row in _list(r, data, "science_projects"):
        pname = r.require(row, "name", p, _str)
        level = r.require(row, "level", p, _enum(ProjectLevel))
        allocated = r.require(row, "allocated", p, _money)
        year = r.require(row, "year", p, _year)
        if pname is not None and level is not None and allocated is not None and year is not None:
            science.append(ScienceProject(pname, level, allocated, year))

    scenarios = []
    for p, row in _list(r, data, "scenario_projects"):
        pname = r.require(row, "name", p, _str)
        value = r.require(row, "contract_value", p, _money)
        year = r.require(row, "year", p, _year)
        if pname is not None and value is not None and year is not None:
            scenarios.append(ScenarioProject(pname, value, year))

    domains_raw = data.get("domains") or []
    if not isinstance(domains_raw, list):
        r.problem("domains", "应为列表", "Expected a list")
        domains_raw = []
    for i, d in enumerate(domains_raw):  # each a line of text (no lone surrogate, no 1 MB field name)
        r.get({f"[{i}]": d}, f"[{i}]", "domains", lambda v, p: _str(str(v), p), "")

    variants = [v for p, row in _list(r, data, "variants") if (v := _variant(r, p, row)) is not None]
    recognition = _recognition(r, data.get("domain_recognition"))

    firm = Firm(
        id=r.get(data, "id", "", _str, "") or new_firm_id(),
        name=name,
        uscc=code,
        uscc_note=uscc_note,
        entity_type=r.get(data, "entity_type", "", _enum(EntityType), EntityType.ENTERPRISE),
        is_trading=r.get(data, "is_trading", "", _bool, False),
        is_headquarters=r.get(data, "is_headquarters", "", _bool, False),
        dishonest=r.get(data, "dishonest", "", _bool, False),
        registers_in_qingtian=r.get(data, "registers_in_qingtian", "", _bool, True),
        mu_grade=r.get(data, "mu_grade", "", _str, "").upper(),
        grade=r.get(data, "grade", "", _str, "B").upper(),
        domains=tuple(str(d).strip() for d in domains_raw if str(d).strip()),
        recognition=recognition,
        start_year=r.get(data, "start_year", "", _year, None),
        location=location,
        talents=tuple(talents),
        revenue=_year_amounts(r, data, "revenue"),
        compute_spend=_year_amounts(r, data, "compute_spend"),
        rnd_spend=_year_amounts(r, data, "rnd_spend"),
        loans=tuple(loans),
        science_projects=tuple(science),
        scenario_projects=tuple(scenarios),
        investment=r.get(data, "investment", "", _money, 0),
        stage=r.get(data, "stage", "", _enum(Stage), Stage.LEAD),
        stage_reason=r.get(data, "stage_reason", "", _str, ""),
        owner=r.get(data, "owner", "", _str, ""),
        outpost=r.get(data, "outpost", "", _str, ""),
        contact=r.get(data, "contact", "", _str, ""),
        notes=r.get(data, "notes", "", _note, ""),
    )
    errors = [p for p in r.problems if p.severity == "error"]
    if errors:
        raise ValidationError(errors, source)
    return firm, tuple(variants)


def _decision_date(v: Any, p: str) -> date:
    d = _date(v, p)
    if not 2000 <= d.year <= 2100:
        raise _Bad(
            f"日期应在2000–2100年之间，实为{v}", f"A date between 2000 and 2100 was expected, found {v}"
        )
    return d


def _recognition(r: _Reader, raw: Any) -> DomainRecognition | None:
    """认定为元宇宙相关领域: whether, who decided and when (all three required), the field and a note."""
    if raw is None:
        return None
    p = "domain_recognition."
    if not isinstance(raw, Mapping):
        r.problem("domain_recognition", "应为对象", "Expected an object")
        return None
    for key in raw:
        if key not in RECOGNITION_KEYS:
            r.problem(f"{p}{key}", "未知字段", "Unknown field")
    recognised = r.require(raw, "recognised", p, _bool)
    decided_by = r.require(raw, "decided_by", p, _str)
    decided_on = r.require(raw, "decided_on", p, _decision_date)
    domain = r.get(raw, "domain", p, _str, "")
    note = r.get(raw, "note", p, _str, "")
    if recognised is None or not decided_by or decided_on is None:
        return None
    return DomainRecognition(recognised, decided_by, decided_on, domain, note)


def _yuan(fen: Fen) -> str:
    return f"{fen // 100}.{fen % 100:02d}"


def _amounts(m: Mapping[int, Fen]) -> dict[str, str]:
    return {str(y): _yuan(v) for y, v in sorted(m.items())}


def variant_to_dict(v: Variant) -> dict[str, Any]:
    out: dict[str, Any] = {"name": v.name, "label": v.label}
    if v.revenue_factor is not None:
        out["revenue_factor"] = str(v.revenue_factor)
    if v.revenue is not None:
        out["revenue"] = _amounts(v.revenue)
    if v.site is not None:
        out["site"] = v.site
    if v.area_m2 is not None:
        out["area_m2"] = str(v.area_m2)
    if v.grade is not None:
        out["grade"] = v.grade
    if v.param_overrides:
        out["param_overrides"] = dict(v.param_overrides)
    return out


def firm_to_dict(firm: Firm, variants: tuple[Variant, ...] = ()) -> dict[str, Any]:
    """The firm as a JSON-ready dict that `firm_from_dict` reads back to an equal Firm."""
    loc = firm.location
    out: dict[str, Any] = {
        "id": firm.id,
        "name": firm.name,
        "uscc": firm.uscc,
        "uscc_note": firm.uscc_note,
        "entity_type": firm.entity_type.value,
        "is_trading": firm.is_trading,
        "is_headquarters": firm.is_headquarters,
        "dishonest": firm.dishonest,
        "registers_in_qingtian": firm.registers_in_qingtian,
        "mu_grade": firm.mu_grade,
        "grade": firm.grade,
        "domains": list(firm.domains),
        "location": None
        if loc is None
        else {
            "site": loc.site,
            "area_m2": str(loc.area_m2),
            "rent_per_m2_day": str(loc.rent_per_m2_day),
            "move_in": loc.move_in.isoformat(),
        },
        "talents": [
            {"level": t.level, "count": t.count, "arrival_year": t.arrival_year, "housing": t.housing.value}
            for t in firm.talents
        ],
        "revenue": _amounts(firm.revenue),
        "compute_spend": _amounts(firm.compute_spend),
        "rnd_spend": _amounts(firm.rnd_spend),
        "loans": [
            {
                "lender": ln.lender,
                "principal": _yuan(ln.principal),
                "start_year": ln.start_year,
                "years": ln.years,
                "guarantee_fee": _yuan(ln.guarantee_fee),
            }
            for ln in firm.loans
        ],
        "science_projects": [
            {"name": s.name, "level": s.level.value, "allocated": _yuan(s.allocated), "year": s.year}
            for s in firm.science_projects
        ],
        "scenario_projects": [
            {"name": s.name, "contract_value": _yuan(s.contract_value), "year": s.year}
            for s in firm.scenario_projects
        ],
        "investment": _yuan(firm.investment),
        "stage": firm.stage.value,
        "stage_reason": firm.stage_reason,
        "owner": firm.owner,
        "outpost": firm.outpost,
        "contact": firm.contact,
        "notes": firm.notes,
    }
    # Written only when set, so files, rows and letter snapshots of other firms stay byte-for-byte the same.
    if firm.start_year is not None:
        out["start_year"] = firm.start_year
    rec = firm.recognition
    if rec is not None:
        out["domain_recognition"] = {
            "recognised": rec.recognised,
            "decided_by": rec.decided_by,
            "decided_on": rec.decided_on.isoformat(),
            **({"domain": rec.domain} if rec.domain else {}),
            **({"note": rec.note} if rec.note else {}),
        }
    if variants:
        out["variants"] = [variant_to_dict(v) for v in variants]
    return out


def load_firm_file(path: Path) -> tuple[Firm, tuple[Variant, ...]]:
    """Read a firm JSON file; every problem is a ValidationError naming the file."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ValidationError(
                [
                    FieldProblem(
                        "",
                        f"文件过大：企业文件最多 {MAX_FILE_BYTES // (1024 * 1024)} MB",
                        f"The file is too large: a firm file is at most {MAX_FILE_BYTES // (1024 * 1024)} MB",
                    )
                ],
                str(path),
            )
        text = path.read_text(encoding="utf-8-sig")
    except OSError as e:
        raise ValidationError(
            [FieldProblem("", f"无法读取文件：{e.strerror}", f"Cannot read file: {e.strerror}")], str(path)
        ) from e
    except UnicodeDecodeError:
        raise ValidationError(
            [FieldProblem("", "文件不是 UTF-8 文本", "The file is not UTF-8 text")], str(path)
        ) from None
    return firm_from_dict(parse_json(text, str(path)), str(path))
