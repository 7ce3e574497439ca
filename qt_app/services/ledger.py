"""Writing the 兑现 ledger: each change is one function taking one request and returning a change notice.

- `record_actuals(store, RecordActuals)` / `record_actuals_file(store, path)` (in `ledger_actuals`, re-exported):
  a year's actuals with evidence (scans kept in the data folder under their sha256); refused for a firm without
  an issued or accepted letter.
- `open_claim(store, OpenClaim)`: 申报 for one item and year (actuals for that year must be recorded first).
- `advance_claim(store, ClaimStep)`: 审核, 公示, 异议, 拨付, 验收, 暂缓, 恢复, 终止, 追回, 退还 — at headquarters
  only: an outpost's every step but 申报 is refused with the reason (`services.offices`, docs/ledger.md).
- `set_budget(store, SetBudget)`: the budget for one item and year (预算).

Each runs in one transaction (reads, checks and the write together, so two officers cannot both pay the
last 10万), writes its audit entries, and returns a `LedgerChanged` the window's hub can pass on. Bad input
is a ValidationError naming the field, in Chinese and English, and nothing is saved.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from qt_app.domain.errors import DomainError, FieldProblem, ValidationError
from qt_app.domain.ledger import steps as s
from qt_app.domain.ledger.claims import Check, Claim, ClaimState, Terms, advance
from qt_app.domain.ledger.claims import open_claim as new_claim
from qt_app.domain.ledger.working_days import HOLIDAY_NOTE
from qt_app.domain.money import Fen
from qt_app.domain.money_format import money_words
from qt_app.domain.policy import Policy
from qt_app.services.ledger_actuals import RecordActuals as RecordActuals  # re-exported
from qt_app.services.ledger_actuals import check_actuals_file as check_actuals_file  # re-exported
from qt_app.services.ledger_actuals import record_actuals as record_actuals  # re-exported
from qt_app.services.ledger_actuals import record_actuals_file as record_actuals_file  # re-exported
from qt_app.services.ledger_changes import LedgerChanged as LedgerChanged  # re-exported
from qt_app.services.ledger_read import (
    LedgerInputs,
    due_of,
    keep_policy_text,
    ledger_inputs,
    resolve_firm,
    terms_to_json,
)
from qt_app.services.offices import refuse_at_outpost

if TYPE_CHECKING:
    from qt_app.store.store import Store


@dataclass(frozen=True)
class OpenClaim:
    firm: str
    item_id: str
    year: int
    on: date
    requested: Fen | None = None  # None: what is due and not yet paid
    applicant: str = ""
    note: str = ""
    who: str = ""


@dataclass(frozen=True)
class ClaimStep:
    claim_id: str
    step: s.Step
    who: str = ""


@dataclass(frozen=True)
class SetBudget:
    item_id: str
    year: int
    amount: Fen | None  # None clears it
    who: str = ""


# -- claims ----------------------------------------------------------------------------------------------


def _claim_words(inputs: LedgerInputs, item_id: str, year: int) -> tuple[str, str]:
    item = next((it for it in inputs.policy.items if it.id == item_id), None)
    zh, en = (item.zh, item.en) if item else (item_id, item_id)
    return f"“{inputs.firm.name}”{year}年{zh}", f"{en} {year} of “{inputs.firm.name}”"


def open_claim(store: Store, req: OpenClaim, policies: Sequence[Policy] = ()) -> LedgerChanged:
    """申报: a claim for one item and year, checked against what is due."""
    firm, variants = resolve_firm(store, req.firm)
    with store.transaction():
        inputs = ledger_inputs(store, firm, variants, policies)
        item = next((it for it in inputs.policy.items if it.id == req.item_id and it.monetary), None)
        if item is None:
            known = "、".join(it.id for it in inputs.policy.items if it.monetary)
            raise ValidationError(
                [
                    FieldProblem(
                        "item",
                        f"政策中没有事项“{req.item_id}”（可选：{known}）",
                        f"No item “{req.item_id}” in the policy (known: {known})",
                    )
                ]
            )
        if req.year not in inputs.actuals:
            raise ValidationError(
                [
                    FieldProblem(
                        "year",
                        f"请先登记{req.year}年实绩及证明材料，再申报",
                        f"Record the actuals of {req.year} with their evidence before applying",
                    )
                ]
            )
        same = [c for c in inputs.claims if (c.item_id, c.year) == (req.item_id, req.year)]
        live = [
            c for c in same if c.state not in (ClaimState.REJECTED, ClaimState.TERMINATED, ClaimState.PAID)
        ]
        if live:
            raise ValidationError(
                [
                    FieldProblem(
                        "item",
                        f"该事项该年度已有兑现申请（{live[0].label()}）",
                        f"A claim for this item and year is already {live[0].label('en')}",
                    )
                ]
            )
        due = due_of(inputs)
        amount_due = due.amount(req.item_id, req.year)
        paid_elsewhere = sum(c.paid for c in same)
        requested = req.requested if req.requested is not None else amount_due - paid_elsewhere
        if req.requested is None and requested <= 0:
            cell = due.cells.get((req.item_id, req.year))
            why = (cell.words_zh, cell.words_en) if cell is not None and cell.words_zh else ("", "")
            raise ValidationError(
                [
                    FieldProblem(
                        "requested",
                        f"本项本年没有尚未兑现的应兑现金额{('：' + why[0]) if why[0] else ''}",
                        f"Nothing is left due for this item and year{(': ' + why[1]) if why[1] else ''}",
                    )
                ]
            )
        claim_id = "k-" + os.urandom(8).hex()
        terms = Terms.of(inputs.policy.payment)
        apply = s.Apply(req.on, requested, req.applicant, req.note)
        claim = new_claim(
            claim_id, firm.id, req.item_id, req.year, terms, apply, Check(amount_due, paid_elsewhere)
        )
        pol = inputs.policy
        store.ledger.open_claim(
            {
                "id": claim_id, "firm_id": firm.id, "item_id": req.item_id, "year": req.year,
                "letter_id": inputs.letter_id, "policy_id": pol.id, "policy_version": pol.version,
                "policy_hash": pol.hash, "terms_json": terms_to_json(terms), "state": claim.state.value,
                "applied_on": req.on.isoformat(), "requested_fen": requested,
            },
            s.step_to_dict(apply),
            req.who,
        )  # fmt: skip
        keep_policy_text(store, pol)
    what = _claim_words(inputs, req.item_id, req.year)
    return LedgerChanged(
        "claim",
        (firm.id,),
        (claim_id,),
        f"{what[0]}已申报，申报金额{money_words(requested, 'zh')}（应兑现{money_words(amount_due, 'zh')}）",
        f"{what[1]}: applied for {money_words(requested, 'en')} ({money_words(amount_due, 'en')} due)",
    )


def advance_claim(store: Store, req: ClaimStep, policies: Sequence[Policy] = ()) -> LedgerChanged:
    """One step of a claim, checked against the claim, the payment rules and what is due now.

    Refused at an outpost with the reason (payment records are made at headquarters only)."""
    refuse_at_outpost(store, s.STEP_LABELS.get(req.step.kind, ("该环节", "this step")))
    with store.transaction():
        row = store.ledger.claim(req.claim_id)
        if row is None:
            raise DomainError(f"找不到兑现申请：{req.claim_id}", f"No such claim: {req.claim_id}")
        firm, variants = resolve_firm(store, str(row["firm_id"]))
        inputs = ledger_inputs(store, firm, variants, policies)
        claim = next(c for c in inputs.claims if c.id == req.claim_id)
        others = [
            c
            for c in inputs.claims
            if (c.item_id, c.year) == (claim.item_id, claim.year) and c.id != claim.id
        ]
        check = None
        if isinstance(req.step, s.Review | s.Pay):
            check = Check(due_of(inputs).amount(claim.item_id, claim.year), sum(c.paid for c in others))
        new = advance(claim, req.step, check)
        payment = recovery = None
        if isinstance(req.step, s.Pay):
            last = new.payments[-1]
            payment = {
                "claim_id": claim.id, "firm_id": firm.id, "item_id": claim.item_id, "year": claim.year,
                "tranche": last.tranche, "amount_fen": last.amount, "paid_on": last.on.isoformat(),
                "order_number": last.order_number, "holdback": int(last.holdback),
                "override_reason": last.override_reason,
            }  # fmt: skip
        elif isinstance(req.step, s.Recover | s.Repay):
            recovery = {
                "claim_id": claim.id, "firm_id": firm.id, "item_id": claim.item_id, "year": claim.year,
                "kind": "decided" if isinstance(req.step, s.Recover) else "received",
                "amount_fen": req.step.amount, "on_date": req.step.on.isoformat(),
                "basis": req.step.basis if isinstance(req.step, s.Recover) else req.step.receipt,
            }  # fmt: skip
        store.ledger.add_step(
            claim.id, len(claim.steps), s.step_to_dict(req.step), _summary(new), req.who, payment, recovery
        )
    what = _claim_words(inputs, claim.item_id, claim.year)
    zh, en = _step_words(req.step, new)
    return LedgerChanged("claim", (firm.id,), (claim.id,), f"{what[0]}：{zh}", f"{what[1]}: {en}")


def _summary(claim: Claim) -> dict[str, object]:
    return {
        "state": claim.state.value,
        "approved_fen": claim.approved,
        "paid_fen": claim.paid,
        "recovered_fen": claim.recovered,
        "repaid_fen": claim.repaid,
        "overridden": int(claim.overridden),
    }


def _step_words(step: s.Step, claim: Claim) -> tuple[str, str]:
    label = s.STEP_LABELS[step.kind]
    if isinstance(step, s.Pay):
        p = claim.payments[-1]
        return (
            f"拨付第{p.tranche}期{money_words(p.amount, 'zh')}（{p.order_number}），累计{money_words(claim.paid, 'zh')}",
            f"tranche {p.tranche} of {money_words(p.amount, 'en')} paid ({p.order_number}); "
            f"{money_words(claim.paid, 'en')} in all",
        )
    if isinstance(step, s.Review) and step.approved:
        return (
            f"审核通过，核定{money_words(claim.approved, 'zh')}",
            f"approved at {money_words(claim.approved, 'en')}",
        )
    if isinstance(step, s.Notice) and claim.notice_until is not None:
        return (
            f"公示至{claim.notice_until.isoformat()}（{HOLIDAY_NOTE[0]}）",
            f"public notice until {claim.notice_until.isoformat()} ({HOLIDAY_NOTE[1]})",
        )
    return f"{label[0]}（{claim.label()}）", f"{label[1]} ({claim.label('en')})"


# -- budgets ---------------------------------------------------------------------------------------------


def set_budget(store: Store, req: SetBudget, policy: Policy | None = None) -> LedgerChanged:
    """The budget (预算) for one item and year; the county view compares committed, due and paid with it."""
    problems = []
    if req.amount is not None and req.amount < 0:
        problems.append(FieldProblem("amount", "预算金额不能为负数", "A budget cannot be negative"))
    if not 2000 <= req.year <= 2100:
        problems.append(
            FieldProblem("year", "年份应在2000–2100之间", "A year between 2000 and 2100 was expected")
        )
    if policy is not None and req.item_id not in {it.id for it in policy.items if it.monetary}:
        problems.append(
            FieldProblem("item", f"政策中没有事项“{req.item_id}”", f"No item “{req.item_id}” in the policy")
        )
    if problems:
        raise ValidationError(problems)
    store.ledger.set_budget(req.item_id, req.year, req.amount, req.who)
    item = next((it for it in policy.items if it.id == req.item_id), None) if policy is not None else None
    zh_name, en_name = (item.zh, item.en) if item is not None else (req.item_id, req.item_id)
    if req.amount is None:
        shown = ("已清除", "cleared")
    else:
        shown = (money_words(req.amount, "zh"), money_words(req.amount, "en"))
    return LedgerChanged(
        "budget",
        summary_zh=f"{req.year}年{zh_name}预算：{shown[0]}",
        summary_en=f"Budget for {en_name} in {req.year}: {shown[1]}",
    )
