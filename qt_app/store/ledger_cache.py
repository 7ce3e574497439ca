"""The exposure cache (`Store.exposure_cache`): each firm's package amounts, kept by what they were computed from.

Three kinds per firm: `pipeline` (the firm's base package under the chosen policy; key: the firm's content
hash + the policy hash), `committed` (its letter of record's frozen package; key: the letter's content hash)
and `due` (from its actuals under the letter's policy version; key: letter hash + ledger revision + firm hash,
and ledger writes delete it). A row whose key no longer matches is stale: the service recomputes it. The sums
the county view needs are taken here in SQL, so a warm exposure over 10,000 firms reads no firm at all.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from qt_app.store import audit
from qt_app.store.db import transaction

if TYPE_CHECKING:
    import sqlite3

    from sqlite_utils import Database

KINDS = ("pipeline", "committed", "due")
_ADD_TOTALS = (
    "INSERT INTO ledger_cache_totals(kind, year, item_id, stage, amount_fen, weighted_fen, pending_fen, "
    "pending_weighted_fen) SELECT kind, year, item_id, stage, {sign}SUM(amount_fen), {sign}SUM(weighted_fen), "
    "{sign}SUM(pending_fen), {sign}SUM(pending_weighted_fen) FROM ledger_cache_lines WHERE kind = ? AND firm_id = ? "
    "GROUP BY kind, year, item_id, stage ORDER BY 1 "
    "ON CONFLICT(kind, year, item_id, stage) DO UPDATE SET amount_fen = amount_fen + excluded.amount_fen, "
    "weighted_fen = weighted_fen + excluded.weighted_fen, pending_fen = pending_fen + excluded.pending_fen, "
    "pending_weighted_fen = pending_weighted_fen + excluded.pending_weighted_fen"
)


@dataclass(frozen=True)
class CacheEntry:
    firm_id: str
    kind: str
    input_hash: str
    policy_hash: str
    dated: bool
    # (year, item id, stage, amount, stage-weighted amount, pending, pending weighted)
    lines: tuple[tuple[int, str, str, int, int, int, int], ...]


@dataclass(frozen=True)
class Sum:
    year: int
    item_id: str
    stage: str  # "" for kinds not weighted by stage
    amount: int
    weighted: int
    pending: int
    pending_weighted: int


class ExposureCache:
    def __init__(
        self, db: Callable[[], Database], conn: sqlite3.Connection, path: Path, guard: Callable[[], None]
    ) -> None:
        self._db = db
        self._conn = conn
        self._path = path
        self._guard = guard

    def live_firms(self) -> list[tuple[str, str, str]]:
        """(id, stage, content hash) of every firm not in the trash (from a covering index)."""
        return self._conn.execute(
            "SELECT id, stage, content_hash FROM firms INDEXED BY ledger_firms_cover WHERE deleted_at IS NULL"
        ).fetchall()

    def states(self) -> dict[tuple[str, str], tuple[str, str, bool]]:
        """(firm id, kind) → (input hash, policy hash, dated) of every cached row."""
        rows = self._conn.execute("SELECT firm_id, kind, input_hash, policy_hash, dated FROM ledger_cache")
        return {(f, k): (i, p, bool(d)) for f, k, i, p, d in rows}

    def write(self, entries: Iterable[CacheEntry], drop: Iterable[tuple[str, str]] = ()) -> None:
        """Replace these firms' rows (and drop others) in one transaction, keeping the totals in step.

        Derived data: not audited.
        """
        self._guard()
        with transaction(self._db(), self._path) as db:
            now = audit.utc_now()
            fresh = list(entries)
            gone = [(k, f) for f, k in drop] + [(e.kind, e.firm_id) for e in fresh]
            for kind, firm_id in gone:  # their old lines leave the totals
                db.execute(_ADD_TOTALS.format(sign="-"), [kind, firm_id])
            db.conn.executemany("DELETE FROM ledger_cache_lines WHERE kind = ? AND firm_id = ?", gone)
            db.conn.executemany(
                "DELETE FROM ledger_cache WHERE kind = ? AND firm_id = ?", [(k, f) for f, k in drop]
            )
            db.conn.executemany(
                "INSERT OR REPLACE INTO ledger_cache(firm_id, kind, input_hash, policy_hash, dated, computed_at) "
                "VALUES (?,?,?,?,?,?)",
                [(e.firm_id, e.kind, e.input_hash, e.policy_hash, int(e.dated), now) for e in fresh],
            )
            db.conn.executemany(
                "INSERT INTO ledger_cache_lines(kind, firm_id, n, year, item_id, stage, amount_fen, weighted_fen, "
                "pending_fen, pending_weighted_fen) VALUES (?,?,?,?,?,?,?,?,?,?)",
                [(e.kind, e.firm_id, n, *line) for e in fresh for n, line in enumerate(e.lines)],
            )
            for e in fresh:
                if e.lines:
                    db.execute(_ADD_TOTALS.format(sign="+"), [e.kind, e.firm_id])
            db.execute(
                "DELETE FROM ledger_cache_totals WHERE amount_fen = 0 AND weighted_fen = 0 AND pending_fen = 0 "
                "AND pending_weighted_fen = 0"
            )

    def sums(self, kind: str, exclude: Iterable[str] = ()) -> list[Sum]:
        """Cached amounts of one kind summed by year, item and stage: the kept totals, less the lines of firms
        in `exclude` (stale rows a read-only store could not refresh)."""
        out: dict[tuple[int, str, str], list[int]] = {
            (y, i, st): [a, w, p, pw]
            for y, i, st, a, w, p, pw in self._conn.execute(
                "SELECT year, item_id, stage, amount_fen, weighted_fen, pending_fen, pending_weighted_fen "
                "FROM ledger_cache_totals WHERE kind = ?",
                [kind],
            )
        }
        skip = sorted(set(exclude))
        if skip:
            for y, i, st, *amounts in self._conn.execute(
                "SELECT year, item_id, stage, SUM(amount_fen), SUM(weighted_fen), SUM(pending_fen), "
                "SUM(pending_weighted_fen) FROM ledger_cache_lines WHERE kind = ? "
                "AND firm_id IN (SELECT value FROM json_each(?)) GROUP BY year, item_id, stage",
                [kind, json.dumps(skip)],
            ):
                row = out.setdefault((y, i, st), [0, 0, 0, 0])
                for k, v in enumerate(amounts):
                    row[k] -= v
        return [Sum(y, i, st, *v) for (y, i, st), v in sorted(out.items()) if any(v)]

    def firms_in_cell(self, kind: str, year: int, item_id: str) -> list[tuple[str, int]]:
        """(firm id, amount) of the firms behind one cell of the county view (the drill-down), largest first."""
        return [
            (str(f), int(a))
            for f, a in self._conn.execute(
                "SELECT firm_id, SUM(amount_fen) AS a FROM ledger_cache_lines WHERE kind = ? AND year = ? "
                "AND item_id = ? GROUP BY firm_id HAVING a > 0 ORDER BY a DESC",
                [kind, year, item_id],
            )
        ]
