"""Payment terms a claim is opened under (from the letter's policy version) and the usual tranche plan (分期):
one payment, or at least `first_tranche_min` first and `holdback` after acceptance (验收)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from qt_app.domain.money import Fen
from qt_app.domain.policy import PaymentRules


def share_of(amount: Fen, rate: Decimal) -> Fen:
    return int((Decimal(amount) * rate).quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class Terms:
    """The payment rules a claim was opened under (from the letter's policy version), kept with the claim."""

    notice_working_days: int = 5
    pay_within_working_days: int = 60
    tranche_above: Fen = 50_000_000
    first_tranche_min: Decimal = Decimal("0.50")
    holdback: Decimal = Decimal("0.10")

    @classmethod
    def of(cls, rules: PaymentRules) -> Terms:
        return cls(
            int(rules.notice_working_days.value),
            int(rules.pay_within_working_days.value),
            int(rules.tranche_above.value),
            Decimal(rules.first_tranche_min.value),
            Decimal(rules.holdback.value),
        )

    def in_tranches(self, approved: Fen) -> bool:
        return approved > self.tranche_above

    def holdback_of(self, approved: Fen) -> Fen:
        return share_of(approved, self.holdback) if self.in_tranches(approved) else 0

    def first_min_of(self, approved: Fen) -> Fen:
        return share_of(approved, self.first_tranche_min) if self.in_tranches(approved) else 0


def tranche_plan(approved: Fen, terms: Terms) -> tuple[Fen, ...]:
    """The usual schedule: one payment, or the first share, the middle, and the holdback after acceptance.

    The parts add up to `approved` exactly (the rounding remainder stays in the middle part).
    """
    if approved <= 0:
        return ()
    if not terms.in_tranches(approved):
        return (approved,)
    first, held = terms.first_min_of(approved), terms.holdback_of(approved)
    middle = approved - first - held
    return tuple(p for p in (first, middle, held) if p > 0)
