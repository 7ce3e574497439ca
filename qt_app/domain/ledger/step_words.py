"""A claim's steps in words (兑现环节的文字记录), for the ledger screen's history and the 兑现审核表.

Each step says what was decided, by whom and for how much — "审核通过，核定150万元（审核人：李主任，县经信局）" /
"approved at ¥1.5 million (reviewer: 李主任, 县经信局)" — and, for the claim as a whole, which steps may come
next (`next_steps`) and the tranche a payment would usually take now (`suggested_payment`).
"""

from __future__ import annotations

from qt_app.domain.ledger import steps as s
from qt_app.domain.ledger.claims import ALLOWED, Claim, ClaimState
from qt_app.domain.ledger.tranches import tranche_plan
from qt_app.domain.ledger.working_days import HOLIDAY_NOTE
from qt_app.domain.money import Fen
from qt_app.domain.money_format import money_words
from qt_app.domain.wording import date_words

Words = tuple[str, str]

# In the order an officer meets them (the screen's buttons, the review form's rows).
STEP_ORDER = (
    "review", "notice", "objection", "resolve", "pay", "accept", "hold", "resume", "terminate", "recover",
    "repay",
)  # fmt: skip


def _who(*names: str) -> Words:
    named = [n for n in names if n.strip()]
    return ("（" + "，".join(named) + "）", " (" + ", ".join(named) + ")") if named else ("", "")


def step_words(step: s.Step) -> Words:
    """One recorded step as a sentence, in Chinese and English."""
    m = money_words
    match step:
        case s.Apply():
            who = _who(f"申报人：{step.applicant}" if step.applicant else "")
            who_en = _who(f"applicant: {step.applicant}" if step.applicant else "")[1]
            note = (f"；{step.note}", f"; {step.note}") if step.note else ("", "")
            return (
                f"申报{m(step.requested)}{who[0]}{note[0]}",
                f"applied for {m(step.requested, 'en')}{who_en}{note[1]}",
            )
        case s.Review() if step.approved:
            zh = f"审核通过，核定{m(step.amount)}{_who('审核人：' + step.reviewer, step.department)[0]}"
            en = f"approved at {m(step.amount, 'en')}{_who('reviewer: ' + step.reviewer, step.department)[1]}"
            if step.override_reason:
                zh += f"；超过应兑现金额，理由：{step.override_reason}"
                en += f"; above the amount due, because: {step.override_reason}"
            return zh, en
        case s.Review():
            return (
                f"审核不予通过：{step.note}{_who('审核人：' + step.reviewer)[0]}",
                f"rejected: {step.note}{_who('reviewer: ' + step.reviewer)[1]}",
            )
        case s.Notice():
            until = (
                (f"至{date_words(step.until)}", f" to {date_words(step.until, 'en')}")
                if step.until
                else ("", "")
            )
            return (
                f"自{date_words(step.on)}起公示{until[0]}（{HOLIDAY_NOTE[0]}）",
                f"public notice from {date_words(step.on, 'en')}{until[1]} ({HOLIDAY_NOTE[1]})",
            )
        case s.Objection():
            return f"公示期间收到异议：{step.text}", f"objection during the notice: {step.text}"
        case s.Resolve():
            return f"异议处理：{step.text}", f"objection resolved: {step.text}"
        case s.Pay():
            zh = f"拨付{m(step.amount)}，拨款文号{step.order_number}"
            en = f"paid {m(step.amount, 'en')}, payment order {step.order_number}"
            if step.override_reason:
                zh += f"；超过应兑现金额，理由：{step.override_reason}"
                en += f"; above the amount due, because: {step.override_reason}"
            return zh, en
        case s.Accept():
            who = _who(f"验收人：{step.by}" if step.by else "")
            who_en = _who(f"by {step.by}" if step.by else "")[1]
            note = (f"；{step.note}", f"; {step.note}") if step.note else ("", "")
            return (
                f"验收合格，预留部分可拨付{who[0]}{note[0]}",
                f"accepted; the holdback may be paid{who_en}{note[1]}",
            )
        case s.Hold():
            return f"暂缓拨付：{step.reason}", f"payment held: {step.reason}"
        case s.Resume():
            note = (f"：{step.note}", f": {step.note}") if step.note else ("", "")
            return f"恢复办理{note[0]}", f"resumed{note[1]}"
        case s.Terminate():
            return f"终止，不再拨付：{step.reason}", f"terminated, nothing more is paid: {step.reason}"
        case s.Recover():
            basis = step.basis + (f"（{step.condition_id}）" if step.condition_id else "")
            return (
                f"决定追回{m(step.amount)}，依据：{basis}",
                f"recovery of {m(step.amount, 'en')} decided: {basis}",
            )
        case s.Repay():
            receipt = (f"，收款凭证{step.receipt}", f", receipt {step.receipt}") if step.receipt else ("", "")
            return f"收到退还{m(step.amount)}{receipt[0]}", f"{m(step.amount, 'en')} repaid{receipt[1]}"
    return s.STEP_LABELS[step.kind]  # pragma: no cover - every step kind is matched above


def next_steps(claim: Claim) -> tuple[str, ...]:
    """The steps the claim may take now, in STEP_ORDER (what the screen offers; the domain still checks)."""
    out = []
    for kind in STEP_ORDER:
        allowed = ALLOWED.get(kind)
        if allowed is not None and claim.state not in allowed:
            continue
        if kind == "objection" and claim.state is not ClaimState.NOTICE:
            continue
        if kind == "resolve" and not claim.open_objections:
            continue
        if kind == "accept" and claim.accepted_on is not None:
            continue
        if kind == "recover" and claim.paid - claim.recovered <= 0:
            continue
        if kind == "repay" and claim.recovered - claim.repaid <= 0:
            continue
        out.append(kind)
    return tuple(out)


def suggested_payment(claim: Claim) -> Fen:
    """The next tranche of the usual plan (首期, then the middle, the holdback after 验收), never above what
    may be paid now; 0 when nothing may."""
    plan = tranche_plan(claim.approved, claim.terms)
    left = claim.approved - claim.paid
    if left <= 0:
        return 0
    held = claim.holdback_amount if claim.accepted_on is None else 0
    room = max(0, claim.approved - held - claim.paid)
    done = claim.paid
    for part in plan:
        if done >= part:
            done -= part
            continue
        return min(part - done, room)
    return min(left, room)
