"""Invariants behind issue 14: money kinds add up, deductions stay within what was awarded in the policy
period, and the years simulated depend on the firm, never on the system date."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qt_app.domain.firm import Firm
from qt_app.domain.package import LineStatus
from qt_app.domain.policy_loader import default_policy
from qt_app.domain.simulate import simulate
from qt_app.services.packages import package_to_dict
from tests.domain.strategies import firms_around_the_policy, ledgers

POLICY = default_policy()
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(firms_around_the_policy(), st.integers(min_value=1, max_value=8))
def test_total_is_cash_plus_vouchers_plus_in_kind_and_pending_stays_apart(firm: Firm, horizon: int) -> None:
    pkg = simulate(firm, POLICY, horizon=horizon)
    assert pkg.total == pkg.cash_total + pkg.voucher_total + pkg.in_kind_total
    assert pkg.total == sum(pkg.by_benefit().values()) == sum(pkg.by_year().values())
    for line in pkg.lines:
        if line.status is LineStatus.PENDING_RECOGNITION:
            assert line.amount == 0 and line.would_be > 0
    assert pkg.pending_total == sum(ln.would_be for ln in pkg.pending_lines())
    totals = package_to_dict(pkg)["totals"]
    assert totals["total_fen"] == totals["cash_fen"] + totals["voucher_fen"] + totals["in_kind_fen"]
    assert totals["pending_fen"] == pkg.pending_total
    for year, row in totals["by_year_benefit"].items():
        assert sum(row.values()) == totals["by_year"][year]


@FAST
@given(firms_around_the_policy(), ledgers, st.integers(min_value=1, max_value=8))
def test_a_deduction_never_exceeds_what_was_awarded_in_the_policy_period(
    firm: Firm, paid: dict[int, int], horizon: int
) -> None:
    pkg = simulate(firm, POLICY, horizon=horizon, awarded={"revenue": paid})
    revenue = [ln for ln in pkg.lines if ln.item_id == "revenue"]
    own = {ln.year: ln.amount for ln in revenue}  # due in a simulated year (0 outside the period)
    for line in revenue:
        if line.amount == 0:
            continue
        assert POLICY.year_in_force(line.year)
        # Awarded before this year in the policy's own years: the ledger's payment, or the year's own
        # award when that is more. Crossings in years outside the period count for nothing.
        earlier = {y for y in (*paid, *own) if y < line.year and POLICY.year_in_force(y)}
        awarded_before = sum(max(paid.get(y, 0), own.get(y, 0)) for y in earlier)
        assert 0 <= line.deducted <= awarded_before
        if awarded_before == 0:
            assert line.deducted == 0 and "扣除" not in line.explanation_zh


@contextmanager
def frozen_today(day: date) -> Iterator[None]:
    """Make `date.today()` return `day` in every loaded qt_app module (what a clock change would do)."""

    class FrozenDate(date):
        @classmethod
        def today(cls) -> FrozenDate:
            return cls(day.year, day.month, day.day)

    patched = []
    for name, module in list(sys.modules.items()):
        if name.startswith("qt_app") and getattr(module, "date", None) is date:
            patched.append(module)
            module.date = FrozenDate  # type: ignore[attr-defined]
    try:
        yield
    finally:
        for module in patched:
            module.date = date  # type: ignore[attr-defined]


@FAST
@given(firms_around_the_policy(), st.integers(min_value=1, max_value=8))
def test_the_years_simulated_do_not_change_with_the_system_date(firm: Firm, horizon: int) -> None:
    def snapshot() -> tuple[object, ...]:
        pkg = simulate(firm, POLICY, horizon=horizon)
        return pkg.years, [(ln.item_id, ln.year, ln.amount, ln.status) for ln in pkg.lines], pkg.warnings_zh

    with frozen_today(date(2024, 3, 1)):
        early = snapshot()
    with frozen_today(date(2031, 11, 30)):
        late = snapshot()
    assert early == late
    years = early[0]
    assert isinstance(years, tuple)
    if firm.start_year is None and firm.location is None and not firm.plan_years():
        assert years == ()  # no year of its own: a message, not today's year
    elif years:
        assert years[0] == firm.first_year


@FAST
@given(st.lists(firms_around_the_policy(), min_size=1, max_size=4))
def test_exposure_keeps_pending_amounts_apart_from_committed_ones(batch: list[Firm]) -> None:
    from qt_app.domain.exposure import exposure
    from qt_app.domain.firm import Stage

    packages = [simulate(f, POLICY, explain=False) for f in batch]
    result = exposure(((Stage.LANDED, p) for p in packages), POLICY)
    assert result.total(weighted=False) == sum(p.total for p in packages)
    assert result.pending_total() == sum(p.pending_total for p in packages)
    assert result.undated == sum(1 for p in packages if not p.years)
    for check in result.pools:
        pending = sum(
            ln.would_be
            for p in packages
            for ln in p.pending_lines()
            if ln.item_id == check.item_id and ln.year == check.year
        )
        assert check.pending == pending
        assert check.full == sum(
            ln.amount
            for p in packages
            for ln in p.lines
            if ln.item_id == check.item_id and ln.year == check.year
        )
