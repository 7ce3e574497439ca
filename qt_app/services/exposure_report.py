"""预算敞口 as plain rows (year × item), for the headless `exposure` command and anything else that wants data.

Each row holds one amount per column, the item's annual pool when it has one, and whether the pool is
exceeded. Columns are data, not fields: the base ones are the full amount (every firm counted in full), the
stage-weighted expectation, and what 待认定 firms would add once recognised (shown, never counted against a
pool). The 兑现 ledger adds its own (committed / due / paid) with `ExposureReport.add_column`, and the
table and JSON pick them up without change.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from qt_app.domain.exposure import DEFAULT_STAGE_WEIGHTS, Exposure
from qt_app.domain.money import Fen
from qt_app.domain.money_format import figure
from qt_app.domain.pipeline import STAGE_LABELS
from qt_app.domain.policy import Policy


@dataclass(frozen=True)
class Column:
    """One amount column: its key (JSON field `<key>_fen`) and header in both languages."""

    key: str
    zh: str
    en: str


FULL = Column("full", "全额", "full")
WEIGHTED = Column("weighted", "按阶段加权", "stage-weighted")
PENDING = Column("pending", "待认定（未计入）", "pending recognition (not counted)")
BASE_COLUMNS = (FULL, WEIGHTED, PENDING)


@dataclass
class ExposureRow:
    year: int
    item_id: str
    name_zh: str
    name_en: str
    amounts: dict[str, Fen] = field(default_factory=dict)
    pool: Fen | None = None  # the item's annual programme pool (年度资金池), when it has one
    budget: Fen | None = None  # the year's budget for the item (预算, set in settings), when one is set
    pool_used: Fen | None = None  # what the pool has actually given out (算力券: vouchers issued), when known

    def amount(self, key: str) -> Fen:
        return self.amounts.get(key, 0)

    @property
    def over_budget(self) -> tuple[str, ...]:
        """The columns above the year's budget (stage-weighted, committed, due, paid), when one is set."""
        if self.budget is None:
            return ()
        keys = (WEIGHTED.key, "committed", "due", "paid")
        return tuple(k for k in keys if k in self.amounts and self.amounts[k] > self.budget)

    @property
    def pool_left(self) -> Fen | None:
        """The pool less what it has given out."""
        if self.pool is None or self.pool_used is None:
            return None
        return self.pool - self.pool_used

    @property
    def exceeded(self) -> bool:
        """The stage-weighted expectation is above the pool."""
        return self.pool is not None and self.amount(WEIGHTED.key) > self.pool

    @property
    def exceeded_if_all_land(self) -> bool:
        """Counting every firm in full, the pool would not suffice."""
        return self.pool is not None and self.amount(FULL.key) > self.pool


@dataclass
class ExposureReport:
    policy_id: str
    policy_version: str
    firm_count: int
    undated: int  # firms with no year to start from: not counted
    columns: list[Column]
    rows: list[ExposureRow]
    notes: list[tuple[str, str]] = field(default_factory=list)  # (zh, en) shown under the table

    def ensure_row(self, year: int, item_id: str, names: Policy | None = None) -> ExposureRow:
        """The row for (year, item), added (with no amounts) when missing, e.g. for a budget alone."""
        for r in self.rows:
            if (r.year, r.item_id) == (year, item_id):
                return r
        zh, en = _item_names(names, item_id)
        row = ExposureRow(year, item_id, zh, en)
        self.rows.append(row)
        self.rows.sort(key=lambda r: (r.year, _order(names, r.item_id)))
        return row

    def years(self) -> list[int]:
        return sorted({r.year for r in self.rows})

    def year_totals(self) -> dict[int, dict[str, Fen]]:
        out: dict[int, dict[str, Fen]] = {}
        for r in self.rows:
            sums = out.setdefault(r.year, dict.fromkeys((c.key for c in self.columns), 0))
            for c in self.columns:
                sums[c.key] += r.amount(c.key)
        return dict(sorted(out.items()))

    def totals(self) -> dict[str, Fen]:
        return {c.key: sum(r.amount(c.key) for r in self.rows) for c in self.columns}

    def add_column(
        self, column: Column, values: Mapping[tuple[int, str], Fen], names: Policy | None = None
    ) -> None:
        """Another amount per (year, item id), e.g. the ledger's committed / due / paid.

        Rows it names that are missing are added (named from `names`, the policy, when given).
        """
        self.columns.append(column)
        index = {(r.year, r.item_id): r for r in self.rows}
        for (year, item_id), amount in values.items():
            row = index.get((year, item_id))
            if row is None:
                zh, en = _item_names(names, item_id)
                row = index[(year, item_id)] = ExposureRow(year, item_id, zh, en)
                self.rows.append(row)
            row.amounts[column.key] = amount
        self.rows.sort(key=lambda r: (r.year, _order(names, r.item_id)))

    def to_dict(self) -> dict[str, Any]:
        def amounts(values: Mapping[str, Fen]) -> dict[str, Any]:
            out: dict[str, Any] = {}
            for c in self.columns:
                out[f"{c.key}_fen"] = values.get(c.key, 0)
                out[c.key] = figure(values.get(c.key, 0))
            return out

        return {
            "policy": {"id": self.policy_id, "version": self.policy_version},
            "firm_count": self.firm_count,
            "undated_firms": self.undated,
            "stage_weights": {s.value: str(w) for s, w in DEFAULT_STAGE_WEIGHTS.items()},
            "columns": [{"key": c.key, "zh": c.zh, "en": c.en} for c in self.columns],
            "rows": [
                {
                    "year": r.year,
                    "item": r.item_id,
                    "name": r.name_zh,
                    "name_en": r.name_en,
                    **amounts(r.amounts),
                    "pool_fen": r.pool,
                    "pool": figure(r.pool) if r.pool is not None else None,
                    "exceeded": r.exceeded,
                    "exceeded_if_all_land": r.exceeded_if_all_land,
                    "pool_used_fen": r.pool_used,
                    "pool_left_fen": r.pool_left,
                    "budget_fen": r.budget,
                    "budget": figure(r.budget) if r.budget is not None else None,
                    "over_budget": list(r.over_budget),
                }
                for r in self.rows
            ],
            "notes": [zh for zh, _ in self.notes],
            "notes_en": [en for _, en in self.notes],
            "by_year": {str(y): amounts(t) for y, t in self.year_totals().items()},
            "total": amounts(self.totals()),
        }


def _item_names(policy: Policy | None, item_id: str) -> tuple[str, str]:
    if policy is not None:
        for it in policy.items:
            if it.id == item_id:
                return it.zh, it.en
    return item_id, item_id


def _order(policy: Policy | None, item_id: str) -> int:
    if policy is not None:
        for n, it in enumerate(policy.items):
            if it.id == item_id:
                return n
    return 10_000


def exposure_report(exp: Exposure, policy: Policy, year: int | None = None) -> ExposureReport:
    """Rows for every (year, item) with money, full or pending, and every pool-year; `year` keeps one year."""
    full = exp.by_year_item(weighted=False)
    weighted = exp.by_year_item(weighted=True)
    pending = exp.pending_by_year_item()
    pools = {(p.year, p.item_id): p.pool for p in exp.pools}
    keys = set(full) | set(pending) | set(pools)
    if year is not None:
        keys = {k for k in keys if k[0] == year}
    rows = []
    for y, item_id in sorted(keys, key=lambda k: (k[0], _order(policy, k[1]))):
        zh, en = _item_names(policy, item_id)
        amounts = {
            FULL.key: full.get((y, item_id), 0),
            WEIGHTED.key: weighted.get((y, item_id), 0),
            PENDING.key: pending.get((y, item_id), 0),
        }
        rows.append(ExposureRow(y, item_id, zh, en, amounts, pools.get((y, item_id))))
    return ExposureReport(policy.id, policy.version, exp.firm_count, exp.undated, list(BASE_COLUMNS), rows)


def stage_weights_words(lang: str) -> str:
    """线索10%、接洽20%… · lead 10%, contact 20%…"""
    parts = []
    for stage, w in DEFAULT_STAGE_WEIGHTS.items():
        label = STAGE_LABELS[stage][1 if lang == "en" else 0]
        parts.append(f"{label} {int(w * 100)}%" if lang == "en" else f"{label}{int(w * 100)}%")
    return (", " if lang == "en" else "、").join(parts)
