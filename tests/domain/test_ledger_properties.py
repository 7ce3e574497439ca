"""Invariants of the claim rules, over many random claims: paid never above due unless overridden with a reason,
never above what was approved; a fully paid claim's tranches add up to it."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from qt_app.domain.errors import DomainError
from qt_app.domain.ledger import steps as s
from qt_app.domain.ledger.claims import Check, ClaimState, Terms, advance, open_claim, tranche_plan

AMOUNTS = st.integers(min_value=-(10**6), max_value=5 * 10**8)  # up to 500万元, a few negative
TERMS = st.builds(
    Terms,
    st.integers(1, 10),
    st.integers(10, 90),
    st.integers(0, 2 * 10**8),
    st.decimals(min_value=Decimal("0.1"), max_value=Decimal("0.6"), places=2),
    st.decimals(min_value=Decimal("0"), max_value=Decimal("0.3"), places=2),
)
DAY0 = date(2027, 3, 1)


@given(
    terms=TERMS,
    due=st.integers(0, 5 * 10**8),
    elsewhere=st.integers(0, 10**8),
    approved=AMOUNTS,
    attempts=st.lists(st.tuples(AMOUNTS, st.booleans(), st.booleans(), st.integers(0, 40)), max_size=8),
)
@settings(max_examples=300, deadline=None)
def test_paid_never_exceeds_due_unless_overridden_nor_what_was_approved(
    terms: Terms, due: int, elsewhere: int, approved: int, attempts: list[tuple[int, bool, bool, int]]
) -> None:
    check = Check(due, elsewhere)
    try:
        claim = open_claim("k", "f", "revenue", 2026, terms, s.Apply(DAY0, max(1, approved)), check)
        claim = advance(claim, s.Review(DAY0 + timedelta(days=5), "审核人", True, approved), check)
        claim = advance(claim, s.Notice(DAY0 + timedelta(days=7)), check)
    except DomainError:
        return  # a refused review or notice leaves nothing to pay
    day = DAY0 + timedelta(days=30)
    for amount, override, accept, gap in attempts:
        day += timedelta(days=gap)
        try:
            if accept and claim.accepted_on is None:
                claim = advance(claim, s.Accept(day, "验收人"), check)
            step = s.Pay(day, amount, "财拨1", "县政府专题会议同意" if override else "")
            claim = advance(claim, step, check)
        except DomainError:
            pass
        assert 0 <= claim.paid <= claim.approved
        assert claim.paid + elsewhere <= due or claim.overridden
        if claim.overridden:
            assert any(p.override_reason for p in claim.payments) or claim.approved + elsewhere > due


@given(terms=TERMS, approved=st.integers(1, 10**10))
@settings(max_examples=300, deadline=None)
def test_paying_the_tranche_plan_pays_the_claim_exactly(terms: Terms, approved: int) -> None:
    plan = tranche_plan(approved, terms)
    assert sum(plan) == approved and all(p > 0 for p in plan)
    check = Check(approved)
    claim = open_claim("k", "f", "revenue", 2026, terms, s.Apply(DAY0, approved), check)
    claim = advance(claim, s.Review(DAY0, "审核人", True, approved), check)
    claim = advance(claim, s.Notice(DAY0), check)
    day = DAY0 + timedelta(days=20)
    for i, part in enumerate(plan):
        if (
            terms.in_tranches(approved)
            and i == len(plan) - 1
            and claim.accepted_on is None
            and terms.holdback_of(approved)
        ):
            claim = advance(claim, s.Accept(day, "验收人"), check)
        claim = advance(claim, s.Pay(day, part, f"财拨{i}"), check)
        day += timedelta(days=1)
    assert claim.state is ClaimState.PAID
    assert sum(p.amount for p in claim.payments) == claim.approved == approved
