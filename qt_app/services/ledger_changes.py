"""The change notice every ledger write returns (`LedgerChanged`): which firms and claims changed, a one-line
summary, warnings to show. The ledger's operations (`operations/ledger.py`) return it as their value, with an
`OpChanges` for the hub; the screen shows its summary and warnings."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LedgerChanged:
    """What changed (the change notice): which firms and claims, a one-line summary, and warnings to show."""

    kind: str  # actuals | claim | budget
    firm_ids: tuple[str, ...] = ()
    claim_ids: tuple[str, ...] = ()
    summary_zh: str = ""
    summary_en: str = ""
    warnings_zh: tuple[str, ...] = ()
    warnings_en: tuple[str, ...] = ()

    def summary(self, lang: str = "zh") -> str:
        return self.summary_en if lang == "en" else self.summary_zh

    def warnings(self, lang: str = "zh") -> tuple[str, ...]:
        return self.warnings_en if lang == "en" else self.warnings_zh
