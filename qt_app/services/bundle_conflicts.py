"""Bundle conflicts a person settles (数据包冲突): firm records and years of actuals changed on both sides.

A bundle import never overwrites a local change the sender had not seen: it parks the other side's version
and lists it. `list_conflicts` shows both kinds with what differs; `resolve` keeps the local or the remote
version (either way both count as seen, so the choice wins on the next exchange). The CLI (`bundle
conflicts`, `bundle resolve`) and the window (`operations.bundles.resolve_bundle_conflict`) call these.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from qt_app.domain.errors import DomainError
from qt_app.domain.firm_labels import FIRM_FIELD_LABELS
from qt_app.domain.ledger.actuals import FIGURE_LABELS as ACTUAL_FIGURES
from qt_app.store.bundle_report import resolve_hint

if TYPE_CHECKING:
    from qt_app.store.store import Store

FIRM, ACTUALS = "firm", "actuals"
KEEP = ("local", "remote")
# A year of actuals' figures as the ledger names them, and the parts of the year that are not figures.
FIGURE_LABELS: dict[str, tuple[str, str]] = {
    "letter": ("所依据的告知函", "the letter"),
    **ACTUAL_FIGURES,
    "reported_on": ("报送日期", "reporting date"),
    "note": ("备注", "note"),
}


@dataclass(frozen=True)
class ConflictItem:
    """One conflict as a person reads it: which firm (and year), when and by whom each side changed it, and
    what differs."""

    kind: str  # firm | actuals
    firm_id: str
    name: str
    year: int | None
    local_at: str
    remote_at: str
    differs: tuple[str, ...]  # field or figure names
    local_by: str = ""
    remote_by: str = ""
    source: str = ""

    def differs_words(self, lang: str = "zh") -> str:
        index = 1 if lang == "en" else 0
        labels = FIGURE_LABELS if self.kind == ACTUALS else FIRM_FIELD_LABELS  # the editor's words
        names = [labels[d][index] if d in labels else d for d in self.differs]
        return (", " if lang == "en" else "、").join(names)

    def what(self, lang: str = "zh") -> str:
        if self.kind == ACTUALS:
            return f"{self.year} actuals" if lang == "en" else f"{self.year}年实绩"
        return "firm record" if lang == "en" else "企业档案"

    @property
    def hint(self) -> str:
        return resolve_hint(self.firm_id, self.year)


def list_conflicts(store: Store) -> list[ConflictItem]:
    """Every conflict waiting: firm records first, then years of actuals."""
    out = [
        ConflictItem(
            FIRM, c.firm_id, c.name, None, c.local_modified_at, c.remote_modified_at, c.changed_fields
        )
        for c in store.conflicts()
    ]
    for c in store.ledger_conflicts():
        item = ConflictItem(
            ACTUALS, c.firm_id, c.name, c.year, c.local_recorded_at, c.remote_recorded_at, c.changed,
            c.local_by, c.remote_by, c.source,
        )  # fmt: skip
        out.append(item)
    return out


@dataclass(frozen=True)
class Resolved:
    kind: str
    firm_id: str
    year: int | None
    keep: str
    summary_zh: str
    summary_en: str

    def summary(self, lang: str = "zh") -> str:
        return self.summary_en if lang == "en" else self.summary_zh


def resolve(store: Store, firm: str, keep: str, year: int | None = None, who: str = "") -> Resolved:
    """Keep the local or the remote version of a firm's record (no year) or of its year of actuals."""
    if keep not in KEEP:
        raise DomainError("请选择保留本机（local）或对方（remote）的版本", "Choose to keep local or remote")
    waiting = list_conflicts(store)
    kind = FIRM if year is None else ACTUALS
    firm_id = _firm_id(store, firm, waiting)
    match = next((c for c in waiting if (c.kind, c.firm_id, c.year) == (kind, firm_id, year)), None)
    if match is None:
        others = [c for c in waiting if c.firm_id == firm_id]
        listed = "；".join(c.hint for c in others)
        raise DomainError(
            f"“{firm}”没有待处理的{'企业档案' if year is None else f'{year}年实绩'}冲突"
            + (f"（该企业的冲突：{listed}）" if others else ""),
            f"No {'firm record' if year is None else f'{year} actuals'} conflict is waiting for “{firm}”"
            + (f" (its conflicts: {listed})" if others else ""),
        )
    if year is None:
        store.resolve_conflict(firm_id, keep, who)
    else:
        store.resolve_ledger_conflict(firm_id, year, keep, who)
    side = ("本机", "the local") if keep == "local" else ("对方", "the remote")
    return Resolved(
        kind,
        firm_id,
        year,
        keep,
        f"已保留{side[0]}的版本：{match.name}（{firm_id}）{match.what()}",
        f"Kept {side[1]} version: {match.what('en')} of {match.name} ({firm_id})",
    )


def _firm_id(store: Store, ref: str, waiting: list[ConflictItem]) -> str:
    """A firm by id, or by credit code or name when it is not an id in conflict."""
    if any(c.firm_id == ref for c in waiting):
        return ref
    from qt_app.services.ledger_read import resolve_firm

    return resolve_firm(store, ref)[0].id
