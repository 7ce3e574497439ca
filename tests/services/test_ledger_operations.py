"""The ledger's operations: what each write says it changed, what can be undone (actuals, budgets) and what
cannot (claim steps, payments: corrected by the workflow's own steps), read back from a real store."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from qt_app.domain.errors import DomainError, ValidationError
from qt_app.domain.ledger import steps as s
from qt_app.domain.ledger.actuals import YearActuals
from qt_app.domain.ledger.actuals_io import year_actuals_from_dict
from qt_app.domain.money import wan
from qt_app.domain.policy_loader import default_policy
from qt_app.services.firms import open_store
from qt_app.services.ledger_read import firm_ledger
from qt_app.services.operations import OpChanges
from qt_app.services.operations import ledger as ops
from qt_app.services.session import Session
from tests.store.ledger_fixtures import PDF, issue_letter, landed_firm, scan


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    policy = default_policy()
    s = Session(open_store(tmp_path / "desk", auto_backup=False), [policy], policy.id)
    yield s
    s.close()


def _year(year: int, revenue: str, file: str = "") -> YearActuals:
    ev: dict[str, str] = {
        "type": "audit_report",
        "number": f"青会审〔{year + 1}〕15号",
        "date": f"{year + 1}-03-20",
    }
    if file:
        ev["file"] = file
    actual, problems = year_actuals_from_dict({"revenue": {"amount": revenue, "evidence": [ev]}}, year)
    assert actual is not None, problems
    return actual


def _revenue(session: Session, firm_id: str, year: int) -> int | None:
    data = session.store.ledger.actuals(firm_id).get(year)
    return None if data is None else int(data["revenue"]["amount"].replace(".", ""))


def test_recording_actuals_says_which_ledger_changed_and_undo_puts_the_year_back(
    session: Session, tmp_path: Path
) -> None:
    firm = landed_firm(41)
    issue_letter(session.store, firm)
    scan(tmp_path)
    req = ops.RecordActuals(firm.id, (_year(2026, "3500万", "audit.pdf"),), base_dir=tmp_path, who="赵会计")
    first = ops.record_actuals(session, req)
    assert first.changes == OpChanges(ledger=frozenset({firm.id}))
    assert "2026年实绩" in first.value.summary_zh and first.undo is not None
    assert _revenue(session, firm.id, 2026) == wan(3500)
    digest = hashlib.sha256(PDF).hexdigest()
    assert [r["sha256"] for r in session.store.ledger.evidence(firm.id)] == [digest]

    # a mistyped figure recorded over it: undo brings back the year as it was, evidence and all
    typo = ops.record_actuals(session, ops.RecordActuals(firm.id, (_year(2026, "35000万"),), who="赵会计"))
    assert _revenue(session, firm.id, 2026) == wan(35000)
    assert typo.undo is not None and typo.undo.undo() == OpChanges(ledger=frozenset({firm.id}))
    assert _revenue(session, firm.id, 2026) == wan(3500)
    assert [r["sha256"] for r in session.store.ledger.evidence(firm.id)] == [digest]
    assert typo.undo.redo() and _revenue(session, firm.id, 2026) == wan(35000)
    typo.undo.undo()
    # the first recording undone: the year is gone again, and due is "not reported"
    first.undo.undo()
    assert session.store.ledger.actuals(firm.id) == {}
    ledger = firm_ledger(session.store, firm.id)
    assert all(r.due == 0 for r in ledger.rows)
    assert [a["action"] for a in session.store.audit_log("ledger_actuals")][-2:] == ["undo", "undo"]


def test_undo_never_takes_away_the_actuals_a_claim_rests_on(session: Session) -> None:
    firm = landed_firm(42)
    issue_letter(session.store, firm)
    recorded = ops.record_actuals(session, ops.RecordActuals(firm.id, (_year(2026, "3500万"),)))
    opened = ops.open_claim(session, ops.OpenClaim(firm.id, "revenue", 2026, date(2027, 4, 1)))
    assert opened.undo is None and opened.changes.ledger == frozenset({firm.id})
    assert recorded.undo is not None
    with pytest.raises(DomainError, match="已有兑现申请"):
        recorded.undo.undo()
    assert _revenue(session, firm.id, 2026) == wan(3500)


def test_claim_steps_and_payments_have_no_undo_and_a_refused_step_saves_nothing(session: Session) -> None:
    firm = landed_firm(43)
    issue_letter(session.store, firm)
    ops.record_actuals(session, ops.RecordActuals(firm.id, (_year(2026, "3500万"),)))
    claim = ops.open_claim(
        session, ops.OpenClaim(firm.id, "revenue", 2026, date(2027, 4, 1))
    ).value.claim_ids[0]
    due = firm_ledger(session.store, firm.id).row("revenue", 2026)
    assert due is not None and due.due > 0
    with pytest.raises(ValidationError) as bad:
        ops.advance_claim(session, ops.ClaimStep(claim, s.Review(date(2027, 3, 1), "李主任", True, due.due)))
    assert bad.value.problems[0].path == "on" and "早于申报日期" in bad.value.problems[0].zh
    for step in (s.Review(date(2027, 4, 5), "李主任", True, due.due), s.Notice(date(2027, 4, 6))):
        done = ops.advance_claim(session, ops.ClaimStep(claim, step, "李主任"))
        assert done.undo is None and done.changes == OpChanges(ledger=frozenset({firm.id}))
    events = session.store.ledger.event_log(claim)
    assert [e["kind"] for e in events] == ["apply", "review", "notice"]


def test_a_budget_is_set_through_its_operation_and_undone(session: Session) -> None:
    first = ops.set_budget(session, ops.SetBudget("rent", 2027, wan(800), "周敏"))
    assert first.changes == OpChanges(budgets=True) and "800万元" in first.value.summary_zh
    second = ops.set_budget(session, ops.SetBudget("rent", 2027, wan(900), "周敏"))
    assert session.store.ledger.budgets()[(2027, "rent")] == wan(900)
    assert second.undo is not None and first.undo is not None
    second.undo.undo()
    assert session.store.ledger.budgets()[(2027, "rent")] == wan(800)
    first.undo.undo()
    assert (2027, "rent") not in session.store.ledger.budgets()
    with pytest.raises(ValidationError, match="不能为负数"):
        ops.set_budget(session, ops.SetBudget("rent", 2027, -1))
    assert (2027, "rent") not in session.store.ledger.budgets()


def test_importing_an_actuals_file_names_every_firm_it_changed(session: Session, tmp_path: Path) -> None:
    a, b = landed_firm(44), landed_firm(45)
    for f in (a, b):
        issue_letter(session.store, f)
    ev = [{"type": "audit_report", "number": "青会审〔2027〕1号", "date": "2027-03-20"}]
    path = tmp_path / "two.json"
    path.write_text(
        json.dumps(
            {"firms": [{"uscc": f.uscc, "years": {"2026": {"revenue": {"amount": "3500万", "evidence": ev}}}}
                       for f in (a, b)]},
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )  # fmt: skip
    result = ops.import_actuals(session, path, "赵会计")
    assert result.changes == OpChanges(ledger=frozenset({a.id, b.id})) and result.undo is None
    assert len(result.value) == 2
