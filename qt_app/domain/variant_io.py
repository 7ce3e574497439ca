"""What-if variants in firm files: dict ⇄ Variant, every problem by path (`variants[0].firm.location.area_m2`).

A variant's `firm` object is a partial firm in the firm file's own form, read by the same field readers,
so an override gets the messages the base firm gets. Policy assumptions sit apart, under `policy` (a
loaded version) and `param_overrides`. The older keys (`revenue_factor`, `revenue`, `site`, `area_m2`,
`grade`) still read, compute and write as before.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from qt_app.domain.errors import FieldProblem, ValidationError, shown
from qt_app.domain.field_values import Bad, Reader, to_decimal, to_str
from qt_app.domain.firm import Firm
from qt_app.domain.firm_fields import (
    KEY_OF_FIELD,
    PLAN_KEYS,
    PLAN_WRITERS,
    amounts_text,
    read_plan,
    year_amounts,
)
from qt_app.domain.variants import Variant

VARIANT_KEYS = {
    "name", "label", "revenue_factor", "revenue", "site", "area_m2", "grade", "param_overrides", "firm",
    "policy",
}  # fmt: skip
POLICY_KEYS = {"id", "version"}
_BLANK = Firm(id="", name="", uscc="")


def read_variant(r: Reader, p: str, row: Mapping[str, Any]) -> Variant | None:
    """One variant at path prefix `p` ("variants[2]."); problems go to `r`."""
    for key in row:
        if key not in VARIANT_KEYS:
            r.problem(f"{p}{key}", "未知字段", "Unknown field")
    name = r.require(row, "name", p, to_str)
    overrides = row.get("param_overrides") or {}
    if not isinstance(overrides, Mapping):
        r.problem(f"{p}param_overrides", "应为“参数: 值”的表", "Expected a table of parameter: value")
        overrides = {}
    params: dict[str, str] = {}
    for key, value in overrides.items():  # parameter names and values are lines of text
        where = f"{p}param_overrides.{shown(key)}"
        try:
            params[to_str(str(key), where)] = to_str(str(value), where)
        except Bad as bad:
            r.problem(where, bad.zh, bad.en)
    revenue = year_amounts(r, row, "revenue", p) if "revenue" in row else None
    firm_overrides = _overlay(r, p, row.get("firm"))
    policy_id, policy_version = _policy(r, p, row.get("policy"))
    if not name:
        return None
    return Variant(
        name=name,
        label=r.get(row, "label", p, to_str, name),
        revenue_factor=r.get(row, "revenue_factor", p, to_decimal, None),
        revenue=revenue,
        site=r.get(row, "site", p, to_str, None),
        area_m2=r.get(row, "area_m2", p, to_decimal, None),
        grade=r.get(row, "grade", p, to_str, None),
        param_overrides=params,
        firm_overrides=firm_overrides,
        policy_id=policy_id,
        policy_version=policy_version,
    )


def _overlay(r: Reader, p: str, raw: Any) -> dict[str, Any]:
    if raw is None:
        return {}
    if not isinstance(raw, Mapping):
        r.problem(f"{p}firm", "应为对象", "Expected an object")
        return {}
    for key in raw:
        if key not in PLAN_KEYS:
            r.problem(
                f"{p}firm.{key}",
                "方案只能改变测算所用的企业信息（名称、信用代码、招商进度在基准中修改）",
                "A variant changes only what the package is computed from (name, code and stage belong to the base)",
            )
    return read_plan(r, raw, f"{p}firm.", present_only=True)


def _policy(r: Reader, p: str, raw: Any) -> tuple[str, str]:
    if raw is None:
        return "", ""
    if not isinstance(raw, Mapping):
        r.problem(f"{p}policy", "应为对象", "Expected an object")
        return "", ""
    for key in raw:
        if key not in POLICY_KEYS:
            r.problem(f"{p}policy.{key}", "未知字段", "Unknown field")
    policy_id = r.require(raw, "id", f"{p}policy.", to_str) or ""
    return policy_id, r.get(raw, "version", f"{p}policy.", to_str, "")


def variant_from_dict(data: Mapping[str, Any], source: str = "") -> Variant:
    """Read one variant (as `variant_to_dict` writes it); ValidationError names each bad field."""
    r = Reader()
    variant = read_variant(r, "", data) if isinstance(data, Mapping) else None
    if r.problems or variant is None:
        raise ValidationError(
            r.problems or [FieldProblem("", "方案应为对象", "A variant must be an object")], source
        )
    return variant


def overlay_to_dict(overrides: Mapping[str, Any]) -> dict[str, Any]:
    """The overlay in the firm file's form, in the file's key order (a cleared location is written null)."""
    firm = replace(_BLANK, **dict(overrides))
    wanted = {KEY_OF_FIELD[name] for name in overrides}
    return {key: PLAN_WRITERS[key](firm) for key in PLAN_KEYS if key in wanted}


def variant_to_dict(v: Variant) -> dict[str, Any]:
    out: dict[str, Any] = {"name": v.name, "label": v.label}
    if v.revenue_factor is not None:
        out["revenue_factor"] = str(v.revenue_factor)
    if v.revenue is not None:
        out["revenue"] = amounts_text(v.revenue)
    if v.site is not None:
        out["site"] = v.site
    if v.area_m2 is not None:
        out["area_m2"] = str(v.area_m2)
    if v.grade is not None:
        out["grade"] = v.grade
    if v.firm_overrides:
        out["firm"] = overlay_to_dict(v.firm_overrides)
    if v.policy_id:
        out["policy"] = {"id": v.policy_id, **({"version": v.policy_version} if v.policy_version else {})}
    if v.param_overrides:
        out["param_overrides"] = dict(v.param_overrides)
    return out
