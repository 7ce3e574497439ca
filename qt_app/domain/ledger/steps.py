"""The steps of a claim (兑现申请的各个环节), as plain frozen records: what staff record, and nothing else.

申报 Apply → 审核 Review → 公示 Notice (异议 Objection / 处理 Resolve) → 拨付 Pay (tranches; 验收 Accept releases the
holdback), with 暂缓 Hold / 恢复 Resume, 终止 Terminate, and 追回 Recover / 退还 Repay. Each has a date (`on`);
amounts are 分. `claims.advance` checks a step against the claim and what is due.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from typing import Any, ClassVar

from qt_app.domain.errors import DomainError
from qt_app.domain.money import Fen


@dataclass(frozen=True)
class Apply:
    """申报: the firm applies for one item and year."""

    kind: ClassVar[str] = "apply"
    on: date
    requested: Fen
    applicant: str = ""
    note: str = ""


@dataclass(frozen=True)
class Review:
    """审核: who reviewed, the result, the approved amount (核定金额)."""

    kind: ClassVar[str] = "review"
    on: date
    reviewer: str
    approved: bool
    amount: Fen = 0
    department: str = ""
    note: str = ""  # a rejection's reason
    override_reason: str = ""  # approving above what is due: only with a reason


@dataclass(frozen=True)
class Notice:
    """公示: from `on` to `until` (by default the policy's number of working days)."""

    kind: ClassVar[str] = "notice"
    on: date
    until: date | None = None


@dataclass(frozen=True)
class Objection:
    """异议 raised during the public notice."""

    kind: ClassVar[str] = "objection"
    on: date
    text: str


@dataclass(frozen=True)
class Resolve:
    """异议处理: how an objection was resolved."""

    kind: ClassVar[str] = "resolve"
    on: date
    text: str


@dataclass(frozen=True)
class Pay:
    """拨付: one tranche, against a payment order (支付令/拨款文号)."""

    kind: ClassVar[str] = "pay"
    on: date
    amount: Fen
    order_number: str
    override_reason: str = ""  # paying above what is due: only with a reason


@dataclass(frozen=True)
class Accept:
    """验收: releases the holdback."""

    kind: ClassVar[str] = "accept"
    on: date
    by: str = ""
    note: str = ""


@dataclass(frozen=True)
class Hold:
    """暂缓: no payment until resumed."""

    kind: ClassVar[str] = "hold"
    on: date
    reason: str


@dataclass(frozen=True)
class Resume:
    kind: ClassVar[str] = "resume"
    on: date
    note: str = ""


@dataclass(frozen=True)
class Terminate:
    """终止: nothing more is paid."""

    kind: ClassVar[str] = "terminate"
    on: date
    reason: str


@dataclass(frozen=True)
class Recover:
    """追回 decided: the basis (a clawback condition or a decision) and the amount to be repaid."""

    kind: ClassVar[str] = "recover"
    on: date
    basis: str
    amount: Fen
    condition_id: str = ""


@dataclass(frozen=True)
class Repay:
    """退还: repayment received against a recovery."""

    kind: ClassVar[str] = "repay"
    on: date
    amount: Fen
    receipt: str = ""


Step = (
    Apply | Review | Notice | Objection | Resolve | Pay | Accept | Hold | Resume | Terminate | Recover | Repay
)
STEP_TYPES: dict[str, type[Any]] = {
    t.kind: t
    for t in (Apply, Review, Notice, Objection, Resolve, Pay, Accept, Hold, Resume, Terminate, Recover, Repay)
}
STEP_LABELS: dict[str, tuple[str, str]] = {
    "apply": ("申报", "application"),
    "review": ("审核", "review"),
    "notice": ("公示", "public notice"),
    "objection": ("异议", "objection"),
    "resolve": ("异议处理", "objection resolved"),
    "pay": ("拨付", "payment"),
    "accept": ("验收", "acceptance"),
    "hold": ("暂缓", "hold"),
    "resume": ("恢复", "resumed"),
    "terminate": ("终止", "terminated"),
    "recover": ("追回", "recovery"),
    "repay": ("退还", "repayment"),
}


def step_to_dict(step: Step) -> dict[str, Any]:
    """JSON-ready (dates as ISO text, amounts as 分), with its `kind`."""
    out: dict[str, Any] = {"kind": step.kind}
    for f in fields(step):
        value = getattr(step, f.name)
        out[f.name] = value.isoformat() if isinstance(value, date) else value
    return out


def step_from_dict(data: dict[str, Any]) -> Step:
    """The step `step_to_dict` wrote (events are read back from the store)."""
    cls = STEP_TYPES.get(str(data.get("kind")))
    if cls is None:
        raise DomainError(f"未知的兑现环节：{data.get('kind')}", f"Unknown claim step: {data.get('kind')}")
    values: dict[str, Any] = {}
    for f in fields(cls):
        if f.name not in data:
            continue
        value = data[f.name]
        if f.name in ("on", "until") and isinstance(value, str):
            value = date.fromisoformat(value)
        values[f.name] = value
    step: Step = cls(**values)
    return step
