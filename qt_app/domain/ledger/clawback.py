"""Clawback (追回): what the policy's conditions say must be repaid, from the actuals and what was paid.

Only a move-out (迁出) is a fact the actuals carry, so only `move_out` conditions are computed here: within
N years of moving in, the items the condition names are repaid pro rata to the part of those N years not
served (days), or in full. False statements and the dishonesty list are decisions staff record on a claim
(追回 with the condition as its basis); the ledger lists those conditions with their status beside it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from qt_app.domain.ledger.actuals import Lease
from qt_app.domain.money import Fen
from qt_app.domain.money_format import money_words
from qt_app.domain.policy import ClawbackCondition, ClawbackMethod, ClawbackTrigger, Policy
from qt_app.domain.wording import date_words


def anniversary(start: date, years: int) -> date:
    try:
        return start.replace(year=start.year + years)
    except ValueError:  # 29 February
        return start.replace(year=start.year + years, day=28) + timedelta(days=1)


@dataclass(frozen=True)
class RecoveryDue:
    """One item to be repaid under one condition: how much was paid, the share to repay, the amount."""

    condition: ClawbackCondition
    item_id: str
    paid: Fen
    share: Decimal  # 0..1
    amount: Fen
    words_zh: str
    words_en: str
    decided: Fen = 0  # 追回 already decided on this item's claims

    @property
    def outstanding(self) -> Fen:
        """Still to be decided (追回) under this condition."""
        return max(0, self.amount - self.decided)


@dataclass(frozen=True)
class ClawbackWindow:
    """A move-out condition's window: it closes N years after moving in (a deadline officers watch)."""

    condition: ClawbackCondition
    opens: date
    closes: date


def windows(policy: Policy, lease: Lease | None) -> list[ClawbackWindow]:
    if lease is None:
        return []
    out = []
    for cond in policy.clawback:
        if cond.trigger == ClawbackTrigger.MOVE_OUT and cond.within_years is not None:
            out.append(
                ClawbackWindow(cond, lease.move_in, anniversary(lease.move_in, int(cond.within_years.value)))
            )
    return out


def recoveries_due(
    policy: Policy, lease: Lease | None, paid: Mapping[str, Fen], names: Mapping[str, tuple[str, str]]
) -> list[RecoveryDue]:
    """What a move-out within a condition's window obliges the firm to repay, item by item (net paid)."""
    if lease is None or lease.move_out is None:
        return []
    out: list[RecoveryDue] = []
    for window in windows(policy, lease):
        cond = window.condition
        if lease.move_out >= window.closes:
            continue
        whole = (window.closes - window.opens).days
        served = max(0, (lease.move_out - window.opens).days)
        if cond.method == ClawbackMethod.FULL:
            share = Decimal(1)
        elif cond.method == ClawbackMethod.PRO_RATA:
            share = Decimal(whole - served) / Decimal(whole)
        else:  # stop: nothing already paid is recovered by this condition
            continue
        years = int(cond.within_years.value) if cond.within_years else 0
        for item_id, amount in paid.items():
            if amount <= 0 or not cond.covers(item_id):
                continue
            due = int((Decimal(amount) * share).quantize(Decimal(1), rounding=ROUND_HALF_UP))
            zh_name, en_name = names.get(item_id, (item_id, item_id))
            pct = f"{(share * 100).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)}%"
            zh = (
                f"{date_words(lease.move_out, 'zh')}迁出，距入驻（{date_words(lease.move_in, 'zh')}）{served}天，"
                f"未满{years}年（{whole}天）；按未满年限比例{pct}退还{zh_name}已拨付{money_words(amount, 'zh')}中的"
                f"{money_words(due, 'zh')}"
            )
            en = (
                f"Moved out on {date_words(lease.move_out, 'en')}, {served} days after moving in "
                f"({date_words(lease.move_in, 'en')}), within {years} years ({whole} days): {pct} of the "
                f"{money_words(amount, 'en')} paid for {en_name} is repaid, {money_words(due, 'en')}"
            )
            if cond.method == ClawbackMethod.FULL:
                zh = f"{date_words(lease.move_out, 'zh')}迁出，未满{years}年；全额退还{zh_name}已拨付{money_words(amount, 'zh')}"
                en = f"Moved out on {date_words(lease.move_out, 'en')}, within {years} years: the {money_words(amount, 'en')} paid for {en_name} is repaid in full"
            out.append(RecoveryDue(cond, item_id, amount, share, due, zh, en))
    return out
