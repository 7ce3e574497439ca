"""Runs the policy cases in tests/policy_cases/*.yaml (cases written as data, in the policy's own terms).

A case is a firm (as in a firm file), optionally a variant, `awarded` (the 兑现 ledger's payments:
item → year → amount), `years` (horizon) and `start_year`; then what the package must show. The years come
from the firm's own dates unless the case names `start_year`, so no case depends on today's date.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from qt_app.domain.firm_io import firm_from_dict
from qt_app.domain.money import parse_amount
from qt_app.domain.package import LineItem, Package
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


def run_case(case: dict[str, Any]) -> Package:
    data = {"name": "案例企业有限公司", "uscc": make_code("9", "1", "331121", "MA2CA0E01"), **case["firm"]}
    variant_data = case.get("variant")
    if variant_data:
        data["variants"] = [variant_data]
    firm, variants = firm_from_dict(data, case["name"])
    variant = variants[0] if variants else Variant()
    extra: dict[str, Any] = {}
    if "awarded" in case:
        extra["awarded"] = {
            item: {int(y): _fen(a) for y, a in by_year.items()} for item, by_year in case["awarded"].items()
        }
    return simulate(
        firm, default_policy(), variant, case.get("years", 5), start_year=case.get("start_year"), **extra
    )


def _check_line(line: LineItem, want: dict[str, Any]) -> None:
    where = f"{want['item']} {want['year']}"
    assert line.amount == _fen(want["amount"]), f"{where}: {line.amount} 分"
    for key in ("would_be", "deducted"):
        if key in want:
            assert getattr(line, key) == _fen(want[key]), f"{where} {key}: {getattr(line, key)} 分"
    texts = {
        "explanation": line.explanation_zh,
        "explanation_en": line.explanation_en,
        "reason": line.reason_zh,
        "reason_en": line.reason_en,
    }
    for field, text in texts.items():
        if f"{field}_contains" in want:
            assert want[f"{field}_contains"] in text, f"{where}: {text!r}"
        if f"{field}_not_contains" in want:
            assert want[f"{field}_not_contains"] not in text, f"{where}: {text!r}"
    for path, status in want.get("param_status", {}).items():
        found = [p.status for p in line.params if p.path == path]
        assert found == [status], f"{where} {path}: {found}"


@pytest.mark.parametrize("case", _cases())
def test_policy_case(case: dict[str, Any]) -> None:
    pkg = run_case(case)
    expect = case["expect"]
    for want in expect.get("lines", []):
        matches = [ln for ln in pkg.lines if ln.item_id == want["item"] and ln.year == want["year"]]
        if "status" in want:
            matches = [ln for ln in matches if ln.status.value == want["status"]]
        assert matches, f"no {want['item']} line in {want['year']} with status {want.get('status')}"
        _check_line(matches[0], want)
    if "by_year" in expect:
        got = pkg.by_year()
        for year, amount in expect["by_year"].items():
            assert got.get(int(year), 0) == _fen(amount), f"{year}: {got.get(int(year), 0)} 分"
    for key in ("total", "pending_total", "cash_total", "voucher_total", "in_kind_total"):
        if key in expect:
            got_total = getattr(pkg, key)
            assert got_total == _fen(expect[key]), f"{key}: {got_total} 分"
    if "years" in expect:
        assert list(pkg.years) == expect["years"]
    if "eligible" in expect:
        assert pkg.eligible is expect["eligible"]
    if "exclusion_contains" in expect:
        assert any(expect["exclusion_contains"] in e for e in pkg.exclusions_zh), pkg.exclusions_zh
    if "exclusion_en_contains" in expect:
        assert any(expect["exclusion_en_contains"] in e for e in pkg.exclusions_en), pkg.exclusions_en
    if "exclusion_not_contains" in expect:
        assert all(expect["exclusion_not_contains"] not in e for e in pkg.exclusions_zh), pkg.exclusions_zh
    if "exclusion_status" in expect:
        assert [r.status for r in pkg.exclusion_rules] == expect["exclusion_status"]
    if "warning_contains" in expect:
        assert any(expect["warning_contains"] in w for w in pkg.warnings_zh), pkg.warnings_zh
