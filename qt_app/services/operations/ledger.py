"""兑现台账 operations: actuals, claims, budgets — the ledger's writes with their change notices and undo.

Each wraps one write of `qt_app.services.ledger` (one request in, one transaction, one `LedgerChanged` out,
returned as the value so the screen can show its summary and warnings) and says what changed: `ledger` (the
firms whose ledgers changed) or `budgets`.

What can be undone, and what not (docs/ledger.md):
- **Actuals** (登记实绩): undo puts the years back as they were (a year recorded for the first time is removed
  again), unless a claim already rests on that year; a mistyped figure is also corrected by recording the year
  again. Scans stay in the data folder (kept under their hash, harmless when unused).
- **Budgets** (预算): undo puts back the previous amount (or none).
- **Claim steps and payments** are append-only by design — a payment record mirrors money that moved — so none
  is undoable. The workflow's own correcting steps take their place: a claim opened by mistake is 终止 with a
  reason; a hold is lifted by 恢复; an objection is closed by 异议处理; a wrong or excessive payment is
  recovered (追回, then 退还 when the money comes back); a rejected review is followed by a new 申报.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from qt_app.services import ledger as svc
from qt_app.services.ledger import ClaimStep, LedgerChanged, OpenClaim, RecordActuals, SetBudget
from qt_app.services.ledger_read import resolve_firm
from qt_app.services.operations.base import OpResult, Undo
from qt_app.services.operations.changes import OpChanges

if TYPE_CHECKING:
    from qt_app.services.session import Session

__all__ = [
    "ClaimStep",
    "OpenClaim",
    "RecordActuals",
    "SetBudget",
    "advance_claim",
    "import_actuals",
    "open_claim",
    "record_actuals",
    "set_budget",
]


def _notice(changed: LedgerChanged) -> OpChanges:
    return OpChanges(ledger=frozenset(changed.firm_ids))


def record_actuals(session: Session, req: RecordActuals) -> OpResult[LedgerChanged]:
    """登记实绩 for one firm; undo puts the years back as they were (see the module's notes)."""
    store = session.store
    firm, _variants = resolve_firm(store, req.firm)
    years = [a.year for a in req.years]
    before = store.ledger.year_states(firm.id, years)
    changed = svc.record_actuals(store, req, session.policies)
    after = store.ledger.year_states(firm.id, years)
    letter = store.ledger.letter_of_record(firm.id)
    letter_id = str(letter["id"]) if letter else ""
    notice = _notice(changed)

    def put(states: dict[int, tuple[dict[str, object] | None, list[dict[str, object]]]]) -> OpChanges:
        store.ledger.put_years(firm.id, letter_id, states, req.who)
        return notice

    listed = "、".join(str(y) for y in sorted(years))
    undo = Undo(
        f"登记“{firm.name}”{listed}年实绩",
        f"Record the {', '.join(str(y) for y in sorted(years))} actuals of “{firm.name}”",
        lambda: put(before),
        lambda: put(after),
    )
    return OpResult(notice, changed, undo)


def import_actuals(session: Session, path: str | Path, who: str = "") -> OpResult[list[LedgerChanged]]:
    """导入实绩文件 (.json or .xlsx): every firm in it, all or nothing. Not undoable with Ctrl+Z (a file may
    cover many firms and years): each year is corrected by recording it again, and the audit log keeps both."""
    changes = svc.record_actuals_file(session.store, path, who, session.policies)
    firms = frozenset(f for c in changes for f in c.firm_ids)
    return OpResult(OpChanges(ledger=firms), changes)


def open_claim(session: Session, req: OpenClaim) -> OpResult[LedgerChanged]:
    """申报. Not undoable: a claim opened by mistake is 终止 with the reason, which the record keeps."""
    changed = svc.open_claim(session.store, req, session.policies)
    return OpResult(_notice(changed), changed)


def advance_claim(session: Session, req: ClaimStep) -> OpResult[LedgerChanged]:
    """One step of a claim (审核 … 退还). Not undoable: steps and payments are append-only; the workflow's
    correcting steps (恢复, 异议处理, 终止, 追回/退还) take a step's place."""
    changed = svc.advance_claim(session.store, req, session.policies)
    return OpResult(_notice(changed), changed)


def set_budget(session: Session, req: SetBudget) -> OpResult[LedgerChanged]:
    """The year's budget for an item; undo puts back the previous amount (or none)."""
    store = session.store
    before = store.ledger.budgets().get((req.year, req.item_id))
    changed = svc.set_budget(store, req, session.policy)
    notice = OpChanges(budgets=True)

    def put(amount: int | None) -> OpChanges:
        svc.set_budget(store, SetBudget(req.item_id, req.year, amount, req.who), session.policy)
        return notice

    undo = Undo(
        changed.summary_zh,
        changed.summary_en,
        lambda: put(before),
        lambda: put(req.amount),
    )
    return OpResult(notice, changed, undo)
