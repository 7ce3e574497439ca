"""The firm editor's form values ⇄ the canonical firm dict, and problems ⇄ the fields that show them.

Pure Python (no widgets): the editor keeps flat form values as typed; `to_firm_dict` builds the dict
that `firm_from_dict` (the same reader the CLI uses) judges, so messages match everywhere.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from qt_app.domain.errors import DomainError, FieldProblem, ValidationError
from qt_app.domain.firm import Firm, Stage
from qt_app.domain.firm_io import firm_from_dict, firm_to_dict
from qt_app.domain.firm_labels import FIRM_FIELD_LABELS
from qt_app.domain.variants import Variant

Values = dict[str, Any]
Row = dict[str, str]

TABLE_KEYS = ("talents", "loans", "science_projects", "scenario_projects")
PARAMS = "param_overrides"  # a variant's parameter changes (rows: path, value), a policy assumption
YEAR_KEYS = ("revenue", "compute_spend", "rnd_spend")
FIELD_LABELS: dict[str, tuple[str, str]] = {
    **FIRM_FIELD_LABELS,
    "location.site": ("载体", "Site"),
    "location.area_m2": ("面积", "Area"),
    "location.rent_per_m2_day": ("市场租金", "Market rent"),
    "location.move_in": ("入驻日期", "Move-in date"),
    "domain_recognition.recognised": ("认定结果", "Decision"),
    "domain_recognition.decided_by": ("认定人", "Decided by"),
    "domain_recognition.decided_on": ("认定日期", "Decided on"),
    "domain_recognition.domain": ("认定领域", "Field recognised"),
    "domain_recognition.note": ("认定备注", "Recognition note"),
    "variant.label": ("方案名称", "Variant name"),
    "variant.policy": ("政策版本", "Policy version"),
}
RECOGNITION_FIELDS = ("decided_by", "decided_on", "domain", "note")


def empty_values() -> Values:
    """A new firm's form: nothing typed yet."""
    return values_from_dict({"name": "", "uscc": "", "stage": Stage.LEAD.value, "grade": "B"})


def variant_keys() -> Values:
    """The form values only a variant has: its name and its policy assumptions (empty for the base)."""
    return {"variant.label": "", "variant.policy": "", PARAMS: []}


def values_from_firm(firm: Firm, variants: tuple[Variant, ...]) -> Values:
    return values_from_dict(firm_to_dict(firm, variants))


def as_typed(v: Any) -> str:
    """A stored value as staff would type it (amounts in 万 when whole)."""
    if v is None:
        return ""
    text = str(v)
    # Amounts read the way staff type them: 15000000.00 → 1500万; other whole 元 without ".00".
    if re.fullmatch(r"\d+\.00", text):
        yuan = int(text[:-3])
        return f"{yuan // 10_000}万" if yuan and yuan % 10_000 == 0 else str(yuan)
    return text


def values_from_dict(data: Mapping[str, Any]) -> Values:
    loc = data.get("location") or None
    values: Values = {
        "id": str(data.get("id", "")),
        "name": str(data.get("name", "")),
        "uscc": str(data.get("uscc", "")),
        "uscc_note": str(data.get("uscc_note", "")),
        "entity_type": str(data.get("entity_type", "enterprise")),
        "grade": str(data.get("grade", "B")),
        "mu_grade": str(data.get("mu_grade", "")),
        "is_trading": bool(data.get("is_trading", False)),
        "is_headquarters": bool(data.get("is_headquarters", False)),
        "dishonest": bool(data.get("dishonest", False)),
        "registers_in_qingtian": bool(data.get("registers_in_qingtian", True)),
        "investment": ""
        if as_typed(data.get("investment")) in ("", "0")
        else as_typed(data.get("investment")),
        "domains": list(data.get("domains", [])),
        "has_location": loc is not None,
        "location.site": str((loc or {}).get("site", "")),
        "location.area_m2": str((loc or {}).get("area_m2", "")),
        "location.rent_per_m2_day": str((loc or {}).get("rent_per_m2_day", "")),
        "location.move_in": str((loc or {}).get("move_in", "")),
        "stage": str(data.get("stage", "lead")),
        "stage_reason": str(data.get("stage_reason", "")),
        "owner": str(data.get("owner", "")),
        "outpost": str(data.get("outpost", "")),
        "contact": str(data.get("contact", "")),
        "notes": str(data.get("notes", "")),
        "variants": copy.deepcopy(list(data.get("variants", []))),
        "start_year": "" if data.get("start_year") is None else str(data["start_year"]),
        **_recognition_values(data.get("domain_recognition")),
        **variant_keys(),
    }
    for key in TABLE_KEYS:
        values[key] = [{k: as_typed(v) for k, v in row.items()} for row in data.get(key, []) or []]
    for key in YEAR_KEYS:
        values[key] = year_rows(data.get(key) or {})
    return values


def _recognition_values(rec: Any) -> Values:
    rec = rec if isinstance(rec, Mapping) else None
    recognised = (rec or {}).get("recognised", True)
    values: Values = {
        "has_recognition": rec is not None,
        "domain_recognition.recognised": "yes" if recognised in (True, "yes", "是", "true") else "no",
    }
    for key in RECOGNITION_FIELDS:
        values[f"domain_recognition.{key}"] = str((rec or {}).get(key, "") or "")
    return values


def year_rows(amounts: Mapping[Any, Any]) -> list[Row]:
    return [
        {"year": str(y), "amount": as_typed(v)} for y, v in sorted(amounts.items(), key=lambda kv: str(kv[0]))
    ]


def rows_to_years(rows: list[Row]) -> dict[str, str]:
    """Year rows → {year: amount}; blank rows are ignored (a row being typed)."""
    return {
        r["year"].strip(): r["amount"].strip()
        for r in rows
        if r.get("year", "").strip() or r.get("amount", "").strip()
    }


def _clean_rows(rows: list[Row]) -> list[dict[str, str]]:
    return [{k: v for k, v in r.items() if v.strip()} for r in rows if any(v.strip() for v in r.values())]


def to_firm_dict(values: Values) -> dict[str, Any]:
    """The canonical dict `firm_from_dict` reads."""
    data: dict[str, Any] = {
        k: values[k]
        for k in (
            "id", "name", "uscc", "uscc_note", "entity_type", "grade", "mu_grade", "is_trading",
            "is_headquarters", "dishonest", "registers_in_qingtian", "stage", "stage_reason", "owner",
            "outpost", "contact", "notes",
        )
    }  # fmt: skip
    data["investment"] = values["investment"]
    data["domains"] = list(values["domains"])
    if values["has_location"]:
        data["location"] = {
            "site": values["location.site"],
            "area_m2": values["location.area_m2"],
            "rent_per_m2_day": values["location.rent_per_m2_day"],
            "move_in": values["location.move_in"],
        }
    for key in TABLE_KEYS:
        data[key] = _clean_rows(values[key])
    for key in YEAR_KEYS:
        data[key] = rows_to_years(values[key])
    if values["start_year"].strip():
        data["start_year"] = values["start_year"].strip()
    if values["has_recognition"]:
        rec: dict[str, Any] = {"recognised": values["domain_recognition.recognised"] == "yes"}
        for key in RECOGNITION_FIELDS:
            text = values[f"domain_recognition.{key}"].strip()
            if text or key in ("decided_by", "decided_on"):
                rec[key] = text
        data["domain_recognition"] = rec
    if values["variants"]:
        data["variants"] = copy.deepcopy(values["variants"])
    return data


def _duplicate_years(key: str, rows: list[Row]) -> list[FieldProblem]:
    seen: set[str] = set()
    out = []
    for row in rows:
        year = row.get("year", "").strip()
        if year and year in seen:
            out.append(FieldProblem(f"{key}.{year}", f"{year}年重复出现", f"The year {year} appears twice"))
        seen.add(year)
    return out


def parse(values: Values) -> tuple[tuple[Firm, tuple[Variant, ...]] | None, list[FieldProblem]]:
    """The draft as a Firm when it is valid, and every problem found (errors block saving)."""
    problems: list[FieldProblem] = []
    for key in YEAR_KEYS:
        problems += _duplicate_years(key, values[key])
    if values["stage"] == Stage.TERMINATED.value and not values["stage_reason"].strip():
        problems.append(FieldProblem("stage_reason", "终止须说明原因", "Terminating needs a reason"))
    try:
        parsed = firm_from_dict(to_firm_dict(values))
    except ValidationError as e:
        return None, problems + list(e.problems)
    except DomainError as e:
        return None, [*problems, FieldProblem("", e.zh, e.en)]
    return (None if problems else parsed), problems


@dataclass(frozen=True)
class Place:
    """Where a problem shows: a field key, or a table key with a row index and a column key."""

    key: str
    row: int = -1
    column: str = ""


_INDEXED = re.compile(r"^(\w+)\[(\d+)\]\.?(\w*)")


def place_of(path: str, values: Values) -> Place:
    """Map a problem's path ("talents[0].count", "revenue.2026") to the field that shows it."""
    m = _INDEXED.match(path)
    if m and m.group(1) in (*TABLE_KEYS, PARAMS):
        return Place(m.group(1), int(m.group(2)), m.group(3))
    if m and m.group(1) == "variants":
        return Place("variants", int(m.group(2)), m.group(3))
    head, _, tail = path.partition(".")
    if head in YEAR_KEYS:
        for i, row in enumerate(values[head]):
            if row.get("year", "").strip() == tail:
                year_ok = tail.isdigit() and 2000 <= int(tail) <= 2100
                return Place(head, i, "amount" if year_ok else "year")
        return Place(head)
    if head == "location" and not tail:
        return Place("location")
    return Place(path)


def label_of(path: str, lang: str) -> str:
    """A problem's field in words ("营收计划 2026"), for the summary under the form."""
    m = _INDEXED.match(path)
    if m:
        base = FIELD_LABELS.get(m.group(1))
        name = (base[1] if lang == "en" else base[0]) if base else m.group(1)
        return f"{name} {'row' if lang == 'en' else '第'}{int(m.group(2)) + 1}{'' if lang == 'en' else '行'}"
    if path in FIELD_LABELS:
        pair = FIELD_LABELS[path]
        return pair[1] if lang == "en" else pair[0]
    head, _, tail = path.partition(".")
    if head in FIELD_LABELS:
        pair = FIELD_LABELS[head]
        return f"{pair[1] if lang == 'en' else pair[0]} {tail}"
    return path


REQUIRED_ZH = "必填项为空"
ColumnName = Callable[[str, str, str], str]  # (table key, column key, lang) -> the column's name


def is_required(p: FieldProblem) -> bool:
    return p.zh == REQUIRED_ZH


def where_of(path: str, values: Values, lang: str, column_name: ColumnName) -> tuple[str, Place]:
    """Where a problem is, in words: "科技项目 第1行：上级下拨资金", or a field's name ("企业名称")."""
    place = place_of(path, values)
    if place.key in (*TABLE_KEYS, *YEAR_KEYS, PARAMS) and place.row >= 0:
        table = FIELD_LABELS[place.key][1 if lang == "en" else 0]
        column = column_name(place.key, place.column, lang) if place.column else ""
        return cell_words(table, place.row, column, lang), place
    return label_of(path, lang), place


def cell_words(table: str, row: int, column: str, lang: str) -> str:
    """A table's cell in words: "科技项目 第1行：上级下拨资金" / "Science projects, row 1: Funds allocated"
    (`row` counts from 0; no column names the whole row)."""
    if lang == "en":
        where = f"{table}, row {row + 1}"
        return f"{where}: {column}" if column else where
    where = f"{table} 第{row + 1}行"
    return f"{where}：{column}" if column else where


def problem_at(where: str, p: FieldProblem, lang: str) -> str:
    """A problem said at a place in words ("科技项目 第1行：上级下拨资金 为空"), in the one wording of every form."""
    if lang == "en":
        if is_required(p):
            return f"{where} is empty" if where else "Required"
        return f"{where}: {p.en}" if where else p.en
    if is_required(p):
        return f"{where} 为空" if where else "为空"
    return f"{where} {p.zh}" if where else p.zh


def problem_line(p: FieldProblem, values: Values, lang: str, column_name: ColumnName) -> str:
    """A problem in the one wording used everywhere — summary, beside the field, in the cell's tooltip:
    "科技项目 第1行：上级下拨资金 为空", "计划投资额 应为数字，实为“x”" / "Science projects, row 1: Funds
    allocated is empty"."""
    where, _place = where_of(p.path, values, lang, column_name) if p.path else ("", Place(""))
    return problem_at(where, p, lang)


def waiting_text(problems: list[FieldProblem], values: Values, lang: str, column_name: ColumnName) -> str:
    """Why no package is shown yet: the required fields still empty, or the first problems to correct."""
    if not problems:
        return ""
    top = [p for p in problems if is_required(p) and p.path in FIELD_LABELS and "." not in p.path]
    if len(top) == len(problems):
        names = [label_of(p.path, lang) for p in top]
        if lang == "en":
            return "Fill in the required fields to compute the package: " + ", ".join(names)
        return "填写必填项后测算：" + "、".join(names)
    lines = [problem_line(p, values, lang, column_name) for p in problems[:3]]
    more = "…" if len(problems) > 3 else ""
    if lang == "en":
        return "Correct these to compute the package: " + "; ".join(lines) + more
    return "修正以下问题后测算：" + "；".join(lines) + more


def read_draft(path: Path) -> dict[str, Any] | None:
    """The draft left by a previous run, if any and readable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and isinstance(data.get("values"), dict) else None
