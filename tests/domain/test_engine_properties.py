"""Invariants that hold for every firm: totals add up, caps hold, money is never negative."""

from __future__ import annotations

from collections import defaultdict

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qt_app.domain.firm import Firm
from qt_app.domain.money import wan
from qt_app.domain.package import LineStatus, Package
from qt_app.domain.policy_loader import default_policy
from qt_app.domain.simulate import simulate
from qt_app.domain.variants import Variant
from tests.domain.strategies import firms, revenue_factors

POLICY = default_policy()
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(firms(), revenue_factors, st.integers(min_value=1, max_value=8))
def test_totals_equal_the_sum_of_lines_and_money_is_never_negative(
    firm: Firm, factor: object, horizon: int
) -> None:
    variant = Variant("v", revenue_factor=factor) if factor is not None else Variant()  # type: ignore[arg-type]
    pkg = simulate(firm, POLICY, variant, horizon)
    assert all(line.amount >= 0 for line in pkg.lines)
    assert pkg.total == sum(line.amount for line in pkg.lines)
    assert (
        pkg.total
        == sum(pkg.by_year().values())
        == sum(pkg.by_category().values())
        == sum(pkg.by_item().values())
    )
    assert set(pkg.by_year()) == set(pkg.years)
    assert all(line.year in pkg.years for line in pkg.lines)


@FAST
@given(firms())
def test_caps_are_never_exceeded(firm: Firm) -> None:
    pkg = simulate(firm, POLICY)
    per_year = {
        "rent": wan(100),
        "compute": wan(200),
        "rnd": wan(100),
        "guarantee": wan(20),
    }
    for line in pkg.lines:
        if line.item_id in per_year:
            assert line.amount <= per_year[line.item_id]
        if line.item_id == "loan":
            assert line.amount <= len(firm.loans) * wan(1000) * 345 // 10000 // 2 + 1
        if line.item_id == "scenario":
            assert line.amount <= wan(100) * sum(1 for p in firm.scenario_projects if p.year == line.year)
    assert sum(ln.amount for ln in pkg.lines if ln.item_id == "revenue") <= wan(300)


@FAST
@given(firms())
def test_capped_lines_name_their_cap_and_unpaid_lines_give_a_reason(firm: Firm) -> None:
    for line in simulate(firm, POLICY).lines:
        if line.status is LineStatus.CAPPED or line.status is LineStatus.POOL_LIMITED:
            assert line.caps
        if line.status in (LineStatus.INELIGIBLE, LineStatus.ZERO):
            assert line.amount == 0 and line.reason_zh and line.reason_en
        if line.amount > 0:
            assert line.explanation_zh and line.explanation_en and line.clause


@FAST
@given(firms())
def test_each_revenue_threshold_is_paid_at_most_once(firm: Firm) -> None:
    paid = [ln for ln in simulate(firm, POLICY, horizon=8).lines if ln.item_id == "revenue" and ln.amount > 0]
    assert len(paid) <= 4
    assert len({ln.year for ln in paid}) == len(paid)


@FAST
@given(firms())
def test_wording_never_changes_the_amounts(firm: Firm) -> None:
    worded = simulate(firm, POLICY)
    bare = simulate(firm, POLICY, explain=False)

    def money(pkg: Package) -> list[tuple[str, int, str, int, int, str]]:
        return [
            (ln.item_id, ln.year, ln.benefit.value, ln.amount, ln.would_be, ln.status.value)
            for ln in pkg.lines
            if ln.amount > 0 or ln.status is LineStatus.PENDING_RECOGNITION
        ]

    assert money(worded) == money(bare) and len(money(bare)) == len(bare.lines)
    assert worded.by_year() == bare.by_year() and worded.total == bare.total
    assert worded.pending_total == bare.pending_total


@FAST
@given(st.lists(firms(), min_size=1, max_size=5))
def test_exposure_full_equals_sum_of_packages(batch: list[Firm]) -> None:
    from qt_app.domain.exposure import exposure
    from qt_app.domain.firm import Stage

    packages = [simulate(f, POLICY, explain=False) for f in batch]
    result = exposure(((Stage.LANDED, p) for p in packages), POLICY)
    assert result.total(weighted=False) == sum(p.total for p in packages)
    assert result.total(weighted=True) == result.total(weighted=False)  # landed firms weigh 1
    lead = exposure(((Stage.LEAD, p) for p in packages), POLICY)
    assert lead.total(weighted=True) <= lead.total(weighted=False)
    per_item: dict[tuple[int, str], int] = defaultdict(int)
    for p in packages:
        for ln in p.lines:
            per_item[(ln.year, ln.item_id)] += ln.amount
    assert {k: v for k, v in per_item.items() if v} == result.by_year_item(weighted=False)
