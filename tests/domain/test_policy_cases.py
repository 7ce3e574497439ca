"""Runs the policy cases in tests/policy_cases/*.yaml (cases written as data, in the policy's own terms)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from qt_app.domain.firm_io import firm_from_dict
from qt_app.domain.money import parse_amount
from qt_app.domain.policy_loader import default_policy
from qt_app.domain.simulate import simulate
from qt_app.domain.uscc import make_code
from qt_app.domain.variants import Variant

CASES_DIR = Path(__file__).resolve().parent.parent / "policy_cases"


def _cases() -> list[Any]:
    out = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]:
            out.append(pytest.param(case, id=f"{path.stem}: {case['name']}"))
    return out


def _fen(v: object) -> int:
    return parse_amount(str(v))


@pytest.mark.parametrize("case", _cases())
def test_policy_case(case: dict[str, Any]) -> None:
    data = {"name": "案例企业有限公司", "uscc": make_code("9", "1", "331121", "MA2CA0E01"), **case["firm"]}
    variant_data = case.get("variant")
    if variant_data:
        data["variants"] = [variant_data]
    firm, variants = firm_from_dict(data, case["name"])
    variant = variants[0] if variants else Variant()
    # Cases name their first year (default 2026) so they never depend on today's date.
    pkg = simulate(
        firm, default_policy(), variant, case.get("years", 5), start_year=case.get("start_year", 2026)
    )
    expect = case["expect"]
    for want in expect.get("lines", []):
        matches = [ln for ln in pkg.lines if ln.item_id == want["item"] and ln.year == want["year"]]
        if "status" in want:
            matches = [ln for ln in matches if ln.status.value == want["status"]]
        assert matches, f"no {want['item']} line in {want['year']} with status {want.get('status')}"
        line = matches[0]
        assert line.amount == _fen(want["amount"]), f"{want['item']} {want['year']}: {line.amount} 分"
        if "explanation_contains" in want:
            assert want["explanation_contains"] in line.explanation_zh
        if "reason_contains" in want:
            assert want["reason_contains"] in line.reason_zh
    if "by_year" in expect:
        got = pkg.by_year()
        for year, amount in expect["by_year"].items():
            assert got.get(int(year), 0) == _fen(amount), f"{year}: {got.get(int(year), 0)} 分"
    if "total" in expect:
        assert pkg.total == _fen(expect["total"])
    if "eligible" in expect:
        assert pkg.eligible is expect["eligible"]
    if "exclusion_contains" in expect:
        assert any(expect["exclusion_contains"] in e for e in pkg.exclusions_zh)
