"""Runs the 兑现 cases in tests/policy_cases/ledger/*.yaml: a letter (firm + policy version), what really happened,
what was paid or the steps of one claim, then what the ledger must show.

A case's `letter.policy` and `in_force` name policy files next to the cases (default: the bundled version).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from qt_app.domain.errors import DomainError
from qt_app.domain.ledger.claims import Claim
from qt_app.domain.ledger.due import compute_due
from qt_app.domain.ledger.statement import FirmLedger, build_ledger, paid_by_item_year
from qt_app.domain.ledger.steps import Apply
from qt_app.domain.policy import Policy
from qt_app.domain.policy_loader import default_policy, load_policy
from qt_app.domain.wording import date_words
from tests.domain.ledger_factories import Books, actuals_for, commitment_for, fen, step_of

CASES_DIR = Path(__file__).resolve().parent.parent / "policy_cases" / "ledger"


def _cases() -> list[Any]:
    out = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data.get("cases", []) if isinstance(data, dict) and "cases" in data else []:
            out.append(pytest.param(case, id=f"{path.stem}: {case['name']}"))
    return out


def _policy(name: str | None) -> Policy:
    return load_policy(CASES_DIR / name) if name else default_policy()


def _steps(books: Books, spec: dict[str, Any]) -> Claim:
    """Take one claim through the case's steps; a step with `error` must be refused with those words."""
    claim: Claim | None = None
    for raw in spec["steps"]:
        step = step_of(raw)
        try:
            if isinstance(step, Apply):
                claim = books.open(spec["item"], spec["year"], step)
            else:
                assert claim is not None, "a claim starts with apply"
                claim = books.step(claim, step)
        except DomainError as e:
            assert "error" in raw, f"{raw['step']} {raw.get('on')} refused: {e.zh}"
            assert raw["error"] in e.zh, e.zh
            continue
        assert "error" not in raw, f"{raw['step']} {raw.get('on')} should have been refused: {raw['error']}"
    assert claim is not None
    return claim


def _ledger(case: dict[str, Any]) -> tuple[FirmLedger, Books, Claim | None]:
    letter = case["letter"]
    policy = _policy(letter.get("policy"))
    commitment = commitment_for(letter["firm"], policy, letter.get("years", 5))
    actuals = actuals_for(case.get("actuals", {}))
    books = Books(commitment, actuals, policy)
    for item_id, by_year in case.get("paid", {}).items():
        for year, amount in by_year.items():
            books.pay_in_full(item_id, int(year), fen(amount))
    claim = _steps(books, case["claim"]) if "claim" in case else None
    due = compute_due(commitment, actuals, policy, paid_by_item_year(books.claims))
    in_force = _policy(case["in_force"]) if "in_force" in case else None
    return build_ledger(commitment, actuals, due, books.claims, policy, in_force=in_force), books, claim


def _cell(ledger: FirmLedger, column: str, item: str, year: int) -> int:
    row = ledger.row(item, year)
    return row.amount(column) if row is not None else 0


@pytest.mark.parametrize("case", _cases())
def test_ledger_case(case: dict[str, Any]) -> None:
    ledger, _books, claim = _ledger(case)
    expect = case["expect"]
    for column in ("promised", "due", "paid", "held", "recovered"):
        for item, by_year in expect.get(column, {}).items():
            for year, amount in by_year.items():
                got = _cell(ledger, column, item, int(year))
                assert got == fen(amount), f"{column} {item} {year}: {got} 分"
    for key, attr in (("difference_contains", "difference_zh"), ("difference_en_contains", "difference_en")):
        for item, by_year in expect.get(key, {}).items():
            for year, text in by_year.items():
                row = ledger.row(item, int(year))
                assert row is not None and text in getattr(row, attr), (
                    f"{item} {year}: {row and getattr(row, attr)!r}"
                )
    for item, by_year in expect.get("due_explanation_contains", {}).items():
        for year, text in by_year.items():
            row = ledger.row(item, int(year))
            words = [ln.explanation_zh + ln.reason_zh for ln in (row.due_lines if row else ())]
            assert any(text in w for w in words), f"{item} {year}: {words}"
    recovery = {r.item_id: r.amount for r in ledger.recoveries_due}
    for item, amount in expect.get("recovery", {}).items():
        assert recovery.get(item) == fen(amount), f"recovery {item}: {recovery.get(item)} 分"
    if "recovery_contains" in expect:
        assert any(expect["recovery_contains"] in r.words_zh for r in ledger.recoveries_due), (
            ledger.recoveries_due
        )
    if "policy_version" in expect:
        assert ledger.due.policy_version == expect["policy_version"]
    if "notes_contains" in expect:
        assert any(expect["notes_contains"] in n for n in ledger.notes_zh), ledger.notes_zh
    if "due_under_in_force" in expect:
        newer = _policy(case["in_force"])
        with pytest.raises(DomainError, match="不能按"):
            compute_due(ledger.commitment, ledger.actuals, newer)
        # what the newer version would have paid, had the letter been issued under it
        recomputed = commitment_for(case["letter"]["firm"], newer, case["letter"].get("years", 5))
        other = compute_due(recomputed, ledger.actuals, newer)
        for item, by_year in expect["due_under_in_force"].items():
            for year, amount in by_year.items():
                assert other.amount(item, int(year)) == fen(amount)
    if "deadline_contains" in expect:
        said = [f"{date_words(d.on, 'zh')} {d.zh}" for d in ledger.deadlines]
        assert expect["deadline_contains"] in said, said
    for d in ledger.deadlines:  # read aloud to the firm: never a condition's id
        assert not re.search(r"[a-z]_[a-z]", d.zh + d.en), d
    if claim is not None and "claim_state" in expect:
        assert claim.state.value == expect["claim_state"]
    if claim is not None and "tranches" in expect:
        assert [p.amount for p in claim.payments] == [fen(a) for a in expect["tranches"]]
        assert sum(p.amount for p in claim.payments) == claim.approved
