"""Change notices (变更通知): what an operation changed, so every panel can decide whether to refresh.

Anki's `OpChanges` in our terms: a frozen record of the kinds of data an operation touched. Panels read
only the fields they show; adding a field later breaks nobody. Notices combine with `|`.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

_EMPTY: frozenset[str] = frozenset()


@dataclass(frozen=True)
class OpChanges:
    """Which data an operation wrote. Ids are firm ids; booleans cover data without an id."""

    firms: frozenset[str] = _EMPTY  # a stored firm record changed (save, stage, delete, restore)
    firm_list: bool = False  # which firms are listed may differ (new, delete, restore, import)
    contacts: frozenset[str] = _EMPTY  # a firm's contact log changed
    offers: frozenset[str] = _EMPTY  # a firm's offer variant (报价方案) changed
    variants: frozenset[str] = _EMPTY  # a firm's what-if variants (测算方案) changed; its base did not
    letters: frozenset[str] = _EMPTY  # letters of these firms changed in the register
    ledger: frozenset[str] = _EMPTY  # these firms' 兑现 ledger changed (actuals, claims, payments)
    settings: bool = False  # office settings (issuing office, 文号 prefix, signers)
    policy: bool = False  # the default policy or the loaded versions: every package may differ
    backups: bool = False  # a backup was written
    everything: bool = False  # the database was replaced (restored from a backup)

    def __or__(self, other: OpChanges) -> OpChanges:
        merged: dict[str, object] = {}
        for f in fields(self):
            a, b = getattr(self, f.name), getattr(other, f.name)
            merged[f.name] = (a | b) if isinstance(a, frozenset) else (a or b)
        return OpChanges(**merged)  # type: ignore[arg-type]

    def firm(self, firm_id: str) -> bool:
        """Did the stored record of this firm change (its variants are part of it)?"""
        return self.everything or firm_id in self.firms or firm_id in self.variants

    def package_of(self, firm_id: str) -> bool:
        """May this firm's package differ (its record, its variants, its offer or the policy changed)?"""
        return (
            self.everything
            or self.policy
            or firm_id in self.firms
            or firm_id in self.variants
            or firm_id in self.offers
        )

    @property
    def list_changed(self) -> bool:
        """May the firm list (names, stages, totals, membership) differ?"""
        return self.everything or self.policy or self.firm_list or bool(self.firms)


def firms_changed(*firm_ids: str, listed: bool = False) -> OpChanges:
    return OpChanges(firms=frozenset(firm_ids), firm_list=listed)
