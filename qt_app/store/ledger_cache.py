"""The exposure cache (`Store.exposure_cache`): each firm's package amounts, kept by what they were computed from.

Three kinds per firm: `pipeline` (the firm's base package under the chosen policy; key: the firm's content
hash + the policy hash), `committed` (its letter of record's frozen package; key: the letter's content hash)
and `due` (from its actuals under the letter's policy version; key: letter hash + ledger revision + firm hash,
and ledger writes delete it). A row whose key no longer matches is stale: the service recomputes it. The sums
the county view needs are taken here in SQL, so a warm exposure over 10,000 firms reads no firm at all.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from qt_app.store import audit
from qt_app.store.db import transaction

if TYPE_CHECKING:
    import sqlite3

    from sqlite_utils import Database

KINDS = ("pipeline", "committed", "due")


@dataclass(frozen=True)
class CacheEntry:
    firm_id: str
    kind: str
    input_hash: str
    policy_hash: str
    dated: bool
    lines: tuple[tuple[int, str, int, int], ...]  # (year, item id, amount, pending amount)


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
        """(id, stage, content hash) of every firm not in the trash."""
        return [
            (str(a), str(b), str(c))
            for a, b, c in self._conn.execute(
                "SELECT id, stage, content_hash FROM firms WHERE deleted_at IS NULL"
            )
        ]

    def states(self) -> dict[tuple[str, str], tuple[str, str, bool]]:
        """(firm id, kind) → (input hash, policy hash, dated) of every cached row."""
        return {
            (str(f), str(k)): (str(i), str(p), bool(d))
            for f, k, i, p, d in self._conn.execute(
                "SELECT firm_id, kind, input_hash, policy_hash, dated FROM ledger_cache"
            )
        }

    def write(self, entries: Iterable[CacheEntry], drop: Iterable[tuple[str, str]] = ()) -> None:
        """Replace these firms' rows (and drop others) in one transaction. Derived data: not audited."""
        self._guard()
        with transaction(self._db(), self._path) as db:
            now = audit.utc_now()
            for firm_id, kind in drop:
                db.execute("DELETE FROM ledger_cache WHERE firm_id = ? AND kind = ?", [firm_id, kind])
                db.execute("DELETE FROM ledger_cache_lines WHERE firm_id = ? AND kind = ?", [firm_id, kind])
            heads: list[tuple[object, ...]] = []
            lines: list[tuple[object, ...]] = []
            for e in entries:
                db.execute(
                    "DELETE FROM ledger_cache_lines WHERE firm_id = ? AND kind = ?", [e.firm_id, e.kind]
                )
                heads.append((e.firm_id, e.kind, e.input_hash, e.policy_hash, int(e.dated), now))
                lines.extend((e.firm_id, e.kind, n, y, i, a, p) for n, (y, i, a, p) in enumerate(e.lines))
            db.conn.executemany(
                "INSERT OR REPLACE INTO ledger_cache(firm_id, kind, input_hash, policy_hash, dated, computed_at) "
                "VALUES (?,?,?,?,?,?)",
                heads,
            )
            db.conn.executemany(
                "INSERT INTO ledger_cache_lines(firm_id, kind, n, year, item_id, amount_fen, pending_fen) "
                "VALUES (?,?,?,?,?,?,?)",
                lines,
            )

    def sums(
        self,
        kind: str,
        exclude: Iterable[str] = (),
        weights: Mapping[str, tuple[int, int]] | None = None,
    ) -> list[Sum]:
        """Cached amounts summed by year and item (and stage, weighted per line half-up, for `weights`).

        Rows of firms in `exclude` (stale ones a read-only store could not refresh) and of firms in the trash
        are left out.
        """
        skip = json.dumps(sorted(set(exclude)))
        if weights is None:
            sql = (
                "SELECT l.year, l.item_id, '', SUM(l.amount_fen), SUM(l.amount_fen), SUM(l.pending_fen), "
                "SUM(l.pending_fen) FROM ledger_cache_lines l JOIN firms f ON f.id = l.firm_id "
                "WHERE l.kind = ? AND f.deleted_at IS NULL AND l.firm_id NOT IN (SELECT value FROM json_each(?)) "
                "GROUP BY l.year, l.item_id"
            )
            params: list[object] = [kind, skip]
        else:
            values = ", ".join("(?, ?, ?)" for _ in weights) or "('', 0, 1)"
            sql = (
                f"WITH w(stage, num, den) AS (VALUES {values}) "
                "SELECT l.year, l.item_id, f.stage, SUM(l.amount_fen), "
                "SUM((2 * l.amount_fen * COALESCE(w.num, 0) + COALESCE(w.den, 1)) / (2 * COALESCE(w.den, 1))), "
                "SUM(l.pending_fen), "
                "SUM((2 * l.pending_fen * COALESCE(w.num, 0) + COALESCE(w.den, 1)) / (2 * COALESCE(w.den, 1))) "
                "FROM ledger_cache_lines l JOIN firms f ON f.id = l.firm_id LEFT JOIN w ON w.stage = f.stage "
                "WHERE l.kind = ? AND f.deleted_at IS NULL AND l.firm_id NOT IN (SELECT value FROM json_each(?)) "
                "GROUP BY l.year, l.item_id, f.stage"
            )
            params = [x for stage, (num, den) in weights.items() for x in (stage, num, den)]
            params += [kind, skip]
        return [
            Sum(int(y), str(i), str(s), int(a), int(w), int(p), int(pw))
            for y, i, s, a, w, p, pw in self._conn.execute(sql, params)
        ]

    def firms_in_cell(self, kind: str, year: int, item_id: str) -> list[tuple[str, int]]:
        """(firm id, amount) of the firms behind one cell of the county view (the drill-down), largest first."""
        return [
            (str(f), int(a))
            for f, a in self._conn.execute(
                "SELECT l.firm_id, SUM(l.amount_fen) AS a FROM ledger_cache_lines l JOIN firms f ON f.id = l.firm_id "
                "WHERE l.kind = ? AND l.year = ? AND l.item_id = ? AND f.deleted_at IS NULL "
                "GROUP BY l.firm_id HAVING a > 0 ORDER BY a DESC",
                [kind, year, item_id],
            )
        ]
