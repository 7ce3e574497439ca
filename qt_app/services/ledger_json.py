"""One firm's ledger as plain JSON-ready data (`ledger show --format json`, scripts, the second-pass screens)."""

from __future__ import annotations

from typing import Any

from qt_app.domain.ledger.actuals_dict import year_actuals_to_dict
from qt_app.domain.ledger.claims import Claim
from qt_app.domain.ledger.statement import COLUMNS, FirmLedger
from qt_app.domain.ledger.steps import step_to_dict
from qt_app.domain.money_format import figure


def _claim(c: Claim) -> dict[str, Any]:
    return {
        "id": c.id,
        "item": c.item_id,
        "year": c.year,
        "state": c.state.value,
        "state_label": c.label("zh"),
        "state_label_en": c.label("en"),
        "applied_on": c.applied_on.isoformat(),
        "requested_fen": c.requested,
        "approved_fen": c.approved,
        "paid_fen": c.paid,
        "held_fen": c.held,
        "recovered_fen": c.recovered,
        "repaid_fen": c.repaid,
        "overridden": c.overridden,
        "notice": [c.notice_from.isoformat(), c.notice_until.isoformat()]
        if c.notice_from and c.notice_until
        else None,
        "open_objections": c.open_objections,
        "accepted_on": c.accepted_on.isoformat() if c.accepted_on else None,
        "hold_reason": c.hold_reason,
        "end_reason": c.end_reason,
        "tranches": [
            {
                "tranche": p.tranche,
                "on": p.on.isoformat(),
                "amount_fen": p.amount,
                "order_number": p.order_number,
                "holdback": p.holdback,
                "override_reason": p.override_reason,
            }
            for p in c.payments
        ],
        "steps": [step_to_dict(s) for s in c.steps],
    }


def ledger_to_dict(ledger: FirmLedger) -> dict[str, Any]:
    """Every figure of the ledger: rows with the five columns and their words, due lines clause by clause."""
    c = ledger.commitment
    totals = ledger.totals()
    return {
        "firm": {"id": ledger.firm_id, "name": ledger.firm_name, "uscc": ledger.uscc},
        "letter": {
            "id": c.letter_id,
            "doc_number": c.doc_number,
            "status": c.status,
            "issued_on": c.issued_on.isoformat() if c.issued_on else None,
            "variant": c.variant,
        },
        "policy": {
            "id": ledger.due.policy_id,
            "version": ledger.due.policy_version,
            "hash": ledger.due.policy_hash,
        },
        "reported_years": list(ledger.due.reported_years),
        "moved_out": ledger.due.moved_out.isoformat() if ledger.due.moved_out else None,
        "columns": [{"key": k, "zh": zh, "en": en} for k, zh, en in COLUMNS],
        "rows": [
            {
                "year": r.year,
                "item": r.item_id,
                "name": r.name_zh,
                "name_en": r.name_en,
                "benefit": r.benefit,
                **{f"{k}_fen": r.amount(k) for k, _, _ in COLUMNS},
                **{k: figure(r.amount(k)) for k, _, _ in COLUMNS},
                "due_state": r.due_state,
                "difference": r.difference_zh,
                "difference_en": r.difference_en,
                "payment": r.payment_zh,
                "payment_en": r.payment_en,
                "claims": list(r.claim_ids),
                "due_lines": [
                    {
                        "clause": ln.clause,
                        "clause_en": ln.clause_en,
                        "amount_fen": ln.amount,
                        "status": ln.status.value,
                        "explanation": ln.explanation_zh,
                        "explanation_en": ln.explanation_en,
                        "reason": ln.reason_zh,
                        "reason_en": ln.reason_en,
                        "params": [
                            {"path": p.path, "label": p.label_zh, "value": p.display, "status": p.status}
                            for p in ln.params
                        ],
                    }
                    for ln in r.due_lines
                ],
            }
            for r in ledger.rows
        ],
        "totals": {**{f"{k}_fen": v for k, v in totals.items()}, **{k: figure(v) for k, v in totals.items()}},
        "by_year": {str(y): {f"{k}_fen": v for k, v in t.items()} for y, t in ledger.by_year().items()},
        "claims": [_claim(c) for c in ledger.claims],
        "recoveries_due": [
            {
                "condition": r.condition.id,
                "status": r.condition.status.value,
                "item": r.item_id,
                "paid_fen": r.paid,
                "share": str(r.share),
                "amount_fen": r.amount,
                "decided_fen": r.decided,
                "outstanding_fen": r.outstanding,
                "words": r.words_zh,
                "words_en": r.words_en,
            }
            for r in ledger.recoveries_due
        ],
        "clawback_conditions": [
            {
                "id": x.id,
                "trigger": x.trigger,
                "method": x.method,
                "items": list(x.items),
                "status": x.status.value,
                "zh": x.zh,
                "en": x.en,
            }
            for x in ledger.conditions
        ],
        "deadlines": [
            {"on": d.on.isoformat(), "kind": d.kind, "zh": d.zh, "en": d.en, "claim": d.claim_id}
            for d in ledger.deadlines
        ],
        "actuals": {str(y): year_actuals_to_dict(a) for y, a in sorted(ledger.actuals.items())},
        "notes": list(ledger.notes_zh),
        "notes_en": list(ledger.notes_en),
    }
