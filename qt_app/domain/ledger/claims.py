"""A claim (兑现申请) per firm, item and year, and the rules each step must keep.

States: 已申报 applied → 审核通过 reviewed | 审核未通过 rejected → 公示中 notice → 部分拨付 paying → 已拨付 paid;
暂缓 held (and back), 终止 terminated. Recovery (追回 decided, 退还 received) runs beside the state.

The rules, each a field message in both languages, and the claim unchanged when one is broken:
- dates never before the application, nor before the step before;
- amounts above zero (a negative amount says so);
- approved ≤ requested; paid ≤ approved; paid for the item and year ≤ due, unless an override reason is given;
- payment only after the public notice has ended with no objection open, never while held or terminated;
- awards above `tranche_above` are paid in tranches: the first at least `first_tranche_min` of the approved
  amount, and `holdback` of it only after acceptance (验收);
- recovery ≤ what was paid; repayment ≤ what is to be recovered.
When the claim is fully paid, its tranches add up to the approved amount (property-tested).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from enum import StrEnum

from qt_app.domain.errors import DomainError, FieldProblem, ValidationError
from qt_app.domain.ledger import steps as s
from qt_app.domain.ledger.tranches import Terms as Terms  # re-exported: claims keep their terms
from qt_app.domain.ledger.tranches import tranche_plan as tranche_plan  # re-exported
from qt_app.domain.ledger.working_days import nth_working_day, working_days_between
from qt_app.domain.money import Fen
from qt_app.domain.money_format import money_words
from qt_app.domain.wording import date_words


class ClaimState(StrEnum):
    APPLIED = "applied"
    REVIEWED = "reviewed"
    REJECTED = "rejected"
    NOTICE = "notice"
    PAYING = "paying"
    PAID = "paid"
    HELD = "held"
    TERMINATED = "terminated"


STATE_LABELS: dict[str, tuple[str, str]] = {
    ClaimState.APPLIED: ("已申报", "applied"),
    ClaimState.REVIEWED: ("审核通过", "approved"),
    ClaimState.REJECTED: ("审核未通过", "rejected"),
    ClaimState.NOTICE: ("公示中", "in public notice"),
    ClaimState.PAYING: ("部分拨付", "partly paid"),
    ClaimState.PAID: ("已拨付", "paid"),
    ClaimState.HELD: ("暂缓", "held"),
    ClaimState.TERMINATED: ("终止", "terminated"),
}
OPEN_STATES = frozenset({ClaimState.APPLIED, ClaimState.REVIEWED, ClaimState.NOTICE, ClaimState.PAYING})
ALLOWED: dict[str, frozenset[ClaimState]] = {
    "review": frozenset({ClaimState.APPLIED}),
    "notice": frozenset({ClaimState.REVIEWED}),
    "objection": frozenset({ClaimState.NOTICE}),
    "resolve": frozenset({ClaimState.NOTICE, ClaimState.PAYING, ClaimState.HELD}),
    "pay": frozenset({ClaimState.NOTICE, ClaimState.PAYING}),
    "accept": frozenset({ClaimState.REVIEWED, ClaimState.NOTICE, ClaimState.PAYING, ClaimState.HELD}),
    "hold": OPEN_STATES,
    "resume": frozenset({ClaimState.HELD}),
    "terminate": OPEN_STATES | {ClaimState.HELD},
}


@dataclass(frozen=True)
class Payment:
    tranche: int  # 1, 2, …
    on: date
    amount: Fen
    order_number: str
    holdback: bool  # this tranche released (part of) the holdback
    override_reason: str = ""


@dataclass(frozen=True)
class Check:
    """What the ledger says around a step: due for the item and year, and paid for it on other claims."""

    due: Fen
    paid_elsewhere: Fen = 0


@dataclass(frozen=True)
class Claim:
    id: str
    firm_id: str
    item_id: str
    year: int
    terms: Terms
    state: ClaimState = ClaimState.APPLIED
    applied_on: date = date(2000, 1, 1)
    requested: Fen = 0
    approved: Fen = 0
    reviewer: str = ""
    reviewed_on: date | None = None
    notice_from: date | None = None
    notice_until: date | None = None
    open_objections: int = 0
    payments: tuple[Payment, ...] = ()
    accepted_on: date | None = None
    held_from: ClaimState | None = None  # the state a hold returns to
    hold_reason: str = ""
    end_reason: str = ""  # why rejected or terminated
    recovered: Fen = 0  # 追回 decided
    repaid: Fen = 0  # 退还 received
    overridden: bool = False  # approved or paid above due, with a reason (logged)
    last_on: date = date(2000, 1, 1)
    steps: tuple[s.Step, ...] = ()

    @property
    def paid(self) -> Fen:
        return sum(p.amount for p in self.payments)

    @property
    def outstanding(self) -> Fen:
        """Approved and not yet paid (0 once rejected or terminated)."""
        if self.state in (ClaimState.REJECTED, ClaimState.TERMINATED):
            return 0
        return max(0, self.approved - self.paid)

    @property
    def held(self) -> Fen:
        return self.outstanding if self.state is ClaimState.HELD else 0

    @property
    def holdback_amount(self) -> Fen:
        return self.terms.holdback_of(self.approved)

    def label(self, lang: str = "zh") -> str:
        return STATE_LABELS[self.state][1 if lang == "en" else 0]


def _problem(path: str, zh: str, en: str) -> ValidationError:
    return ValidationError([FieldProblem(path, zh, en)])


def _amount(path: str, amount: Fen, what: tuple[str, str]) -> None:
    if amount < 0:
        raise _problem(path, f"{what[0]}不能为负数", f"The {what[1]} cannot be negative")
    if amount == 0:
        raise _problem(path, f"{what[0]}应大于0", f"The {what[1]} must be more than 0")


def _text(path: str, text: str, what: tuple[str, str]) -> None:
    if not text.strip():
        raise _problem(path, f"须填写{what[0]}", f"Enter the {what[1]}")


def open_claim(
    claim_id: str, firm_id: str, item_id: str, year: int, terms: Terms, step: s.Apply, check: Check | None
) -> Claim:
    """申报: a new claim."""
    _amount("requested", step.requested, ("申报金额", "amount applied for"))
    claim = Claim(claim_id, firm_id, item_id, year, terms, applied_on=step.on, requested=step.requested)
    return replace(claim, last_on=step.on, steps=(step,))


def advance(claim: Claim, step: s.Step, check: Check | None) -> Claim:
    """The claim after `step`, or a ValidationError naming the field. `check` None replays trusted history."""
    if isinstance(step, s.Apply):
        raise DomainError("该申请已申报", "This claim has already been applied for")
    _dates(claim, step)
    allowed = ALLOWED.get(step.kind)
    if allowed is not None and claim.state not in allowed:
        label = s.STEP_LABELS[step.kind]
        raise _problem(
            "",
            f"当前状态为“{claim.label()}”，不能{label[0]}"
            + (f"（暂缓原因：{claim.hold_reason}）" if claim.state is ClaimState.HELD else ""),
            f"The claim is {claim.label('en')}; no {label[1]} now"
            + (f" (held: {claim.hold_reason})" if claim.state is ClaimState.HELD else ""),
        )
    new = _apply(claim, step, check)
    return replace(new, last_on=max(claim.last_on, step.on), steps=(*claim.steps, step))


def _dates(claim: Claim, step: s.Step) -> None:
    if step.on < claim.applied_on:
        raise _problem(
            "on",
            f"日期{date_words(step.on, 'zh')}早于申报日期{date_words(claim.applied_on, 'zh')}",
            f"{date_words(step.on, 'en')} is before the application ({date_words(claim.applied_on, 'en')})",
        )
    if step.on < claim.last_on:
        raise _problem(
            "on",
            f"日期{date_words(step.on, 'zh')}早于上一环节（{date_words(claim.last_on, 'zh')}）",
            f"{date_words(step.on, 'en')} is before the previous step ({date_words(claim.last_on, 'en')})",
        )


def _due_check(
    claim: Claim, total_here: Fen, check: Check | None, override: str, what: tuple[str, str]
) -> bool:
    """True when above due with an override reason; raises when above due without one."""
    if check is None:
        return bool(override.strip())
    total = total_here + check.paid_elsewhere
    if total <= check.due:
        return False
    if override.strip():
        return True
    raise _problem(
        "amount",
        f"{what[0]}后本项本年累计{money_words(total, 'zh')}，超过应兑现金额{money_words(check.due, 'zh')}；"
        "如确需超额，请填写超额原因",
        f"After this {what[1]}, {money_words(total, 'en')} would go to this item and year, above the "
        f"{money_words(check.due, 'en')} due; give a reason to override",
    )


def _apply(claim: Claim, step: s.Step, check: Check | None) -> Claim:
    match step:
        case s.Review():
            _text("reviewer", step.reviewer, ("审核人", "reviewer"))
            if not step.approved:
                _text("note", step.note, ("不予通过的理由", "reason for rejecting"))
                return replace(
                    claim,
                    state=ClaimState.REJECTED,
                    reviewer=step.reviewer,
                    reviewed_on=step.on,
                    end_reason=step.note,
                )
            _amount("amount", step.amount, ("核定金额", "approved amount"))
            if step.amount > claim.requested:
                raise _problem(
                    "amount",
                    f"核定金额{money_words(step.amount, 'zh')}超过申报金额{money_words(claim.requested, 'zh')}",
                    f"The approved {money_words(step.amount, 'en')} is above the {money_words(claim.requested, 'en')} applied for",
                )
            over = _due_check(claim, step.amount, check, step.override_reason, ("核定", "approval"))
            return replace(
                claim,
                state=ClaimState.REVIEWED,
                approved=step.amount,
                reviewer=step.reviewer,
                reviewed_on=step.on,
                overridden=claim.overridden or over,
            )
        case s.Notice():
            days = claim.terms.notice_working_days
            until = step.until or nth_working_day(step.on, days)
            if working_days_between(step.on, until) < days:
                raise _problem(
                    "until",
                    f"公示期不足{days}个工作日（{date_words(step.on, 'zh')}至{date_words(until, 'zh')}仅"
                    f"{working_days_between(step.on, until)}个工作日）",
                    f"The public notice is shorter than {days} working days ({date_words(step.on, 'en')} to "
                    f"{date_words(until, 'en')}: {working_days_between(step.on, until)})",
                )
            return replace(claim, state=ClaimState.NOTICE, notice_from=step.on, notice_until=until)
        case s.Objection():
            _text("text", step.text, ("异议内容", "objection"))
            if claim.notice_until is not None and step.on > claim.notice_until:
                raise _problem(
                    "on",
                    f"公示期已于{date_words(claim.notice_until, 'zh')}结束",
                    f"The public notice ended on {date_words(claim.notice_until, 'en')}",
                )
            return replace(claim, open_objections=claim.open_objections + 1)
        case s.Resolve():
            _text("text", step.text, ("处理意见", "resolution"))
            if claim.open_objections == 0:
                raise _problem("", "没有待处理的异议", "There is no open objection")
            return replace(claim, open_objections=claim.open_objections - 1)
        case s.Pay():
            return _pay(claim, step, check)
        case s.Accept():
            if claim.accepted_on is not None:
                raise _problem("", "已验收", "Already accepted")
            return replace(claim, accepted_on=step.on)
        case s.Hold():
            _text("reason", step.reason, ("暂缓原因", "reason for the hold"))
            return replace(claim, state=ClaimState.HELD, held_from=claim.state, hold_reason=step.reason)
        case s.Resume():
            return replace(claim, state=claim.held_from or ClaimState.APPLIED, held_from=None, hold_reason="")
        case s.Terminate():
            _text("reason", step.reason, ("终止原因", "reason for stopping"))
            return replace(claim, state=ClaimState.TERMINATED, end_reason=step.reason, held_from=None)
        case s.Recover():
            _text("basis", step.basis, ("追回依据", "basis of the recovery"))
            _amount("amount", step.amount, ("追回金额", "amount to recover"))
            room = claim.paid - claim.recovered
            if step.amount > room:
                raise _problem(
                    "amount",
                    f"追回金额超过已拨付且未追回的{money_words(room, 'zh')}",
                    f"The recovery is above the {money_words(room, 'en')} paid and not yet recovered",
                )
            return replace(claim, recovered=claim.recovered + step.amount)
        case s.Repay():
            _amount("amount", step.amount, ("退还金额", "amount repaid"))
            room = claim.recovered - claim.repaid
            if step.amount > room:
                raise _problem(
                    "amount",
                    f"退还金额超过待追回的{money_words(room, 'zh')}",
                    f"The repayment is above the {money_words(room, 'en')} still to be recovered",
                )
            return replace(claim, repaid=claim.repaid + step.amount)
    raise DomainError(f"未知的兑现环节：{step.kind}", f"Unknown claim step: {step.kind}")  # pragma: no cover


def _pay(claim: Claim, step: s.Pay, check: Check | None) -> Claim:
    _amount("amount", step.amount, ("拨付金额", "payment"))
    _text("order_number", step.order_number, ("拨款文号（支付令号）", "payment order number"))
    if claim.state is ClaimState.NOTICE:
        assert claim.notice_until is not None
        if step.on <= claim.notice_until:
            raise _problem(
                "on",
                f"公示期至{date_words(claim.notice_until, 'zh')}，期满后方可拨付",
                f"The public notice runs until {date_words(claim.notice_until, 'en')}; pay after it ends",
            )
    if claim.open_objections:
        raise _problem(
            "",
            "公示期内有未处理的异议，处理后方可拨付",
            "An objection is still open; resolve it before paying",
        )
    total = claim.paid + step.amount
    if total > claim.approved:
        raise _problem(
            "amount",
            f"累计拨付{money_words(total, 'zh')}将超过核定金额{money_words(claim.approved, 'zh')}",
            f"{money_words(total, 'en')} in all would be above the {money_words(claim.approved, 'en')} approved",
        )
    terms, approved = claim.terms, claim.approved
    if terms.in_tranches(approved):
        first = terms.first_min_of(approved)
        if not claim.payments and step.amount < first:
            raise _problem(
                "amount",
                f"首期拨付不少于核定金额的{_pct(terms.first_tranche_min)}（{money_words(first, 'zh')}）",
                f"The first tranche is at least {_pct(terms.first_tranche_min)} of the approved amount "
                f"({money_words(first, 'en')})",
            )
        held = terms.holdback_of(approved)
        if claim.accepted_on is None and total > approved - held:
            raise _problem(
                "amount",
                f"预留{_pct(terms.holdback)}（{money_words(held, 'zh')}）须验收后拨付，本次最多"
                f"{money_words(max(0, approved - held - claim.paid), 'zh')}",
                f"{_pct(terms.holdback)} ({money_words(held, 'en')}) is held until acceptance; at most "
                f"{money_words(max(0, approved - held - claim.paid), 'en')} now",
            )
    over = _due_check(claim, total, check, step.override_reason, ("拨付", "payment"))
    releases = terms.in_tranches(approved) and total > approved - terms.holdback_of(approved)
    payment = Payment(
        len(claim.payments) + 1,
        step.on,
        step.amount,
        step.order_number.strip(),
        releases,
        step.override_reason,
    )
    state = ClaimState.PAID if total == approved else ClaimState.PAYING
    return replace(
        claim, payments=(*claim.payments, payment), state=state, overridden=claim.overridden or over
    )


def _pct(rate: Decimal) -> str:
    text = f"{rate * 100:f}"
    return (text.rstrip("0").rstrip(".") if "." in text else text) + "%"


def replay(
    claim_id: str, firm_id: str, item_id: str, year: int, terms: Terms, history: list[s.Step]
) -> Claim:
    """The claim as its recorded steps left it (history was checked when recorded)."""
    first = history[0]
    if not isinstance(first, s.Apply):
        raise DomainError("兑现申请的第一步应为申报", "A claim starts with its application")
    claim = open_claim(claim_id, firm_id, item_id, year, terms, first, None)
    for step in history[1:]:
        claim = advance(claim, step, None)
    return claim
