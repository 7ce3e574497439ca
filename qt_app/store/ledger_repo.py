"""The 兑现 ledger's tables (`Store.ledger`): actuals with evidence, claims and their append-only steps, payments,
recoveries, budgets and kept policy versions. Every write is one transaction with its audit entry, and bumps
the firm's ledger revision (the due cache's key).

Business rules live in `qt_app.domain.ledger`; this module only refuses what must never be stored whatever
the caller: actuals for a firm without an issued or accepted letter, and steps recorded out of turn.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qt_app.store import audit
from qt_app.store.db import transaction
from qt_app.store.ledger_actuals_repo import ActualsTables
from qt_app.store.ledger_actuals_repo import LedgerRefused as LedgerRefused  # re-exported
from qt_app.store.ledger_actuals_repo import (  # re-exported: bundle merging writes through them too
    actuals_hash as actuals_hash,
)
from qt_app.store.ledger_actuals_repo import actuals_versions as actuals_versions
from qt_app.store.ledger_actuals_repo import bump as bump
from qt_app.store.ledger_actuals_repo import insert_evidence as insert_evidence
from qt_app.store.ledger_actuals_repo import write_actuals as write_actuals

if TYPE_CHECKING:
    import sqlite3

    from sqlite_utils import Database

_RECORD_SQL = (
    "SELECT * FROM letters WHERE firm_id = ? AND status IN ('issued', 'accepted') "
    "ORDER BY issued_at DESC, id DESC LIMIT 1"
)


def _rows(cursor: sqlite3.Cursor) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


class LedgerBook(ActualsTables):
    """The ledger tables of one open store (the actuals and evidence tables are in `ledger_actuals_repo`)."""

    def __init__(
        self, db: Callable[[], Database], conn: sqlite3.Connection, path: Path, guard: Callable[[], None]
    ) -> None:
        self._db = db  # the sqlite-utils handle, made on the first write
        self._conn = conn  # reads
        self._path = path
        self._guard = guard

    def _q(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        return _rows(self._conn.execute(sql, list(params)))

    # -- letters (read from the register) ---------------------------------------------------------------
    def letter_of_record(self, firm_id: str) -> dict[str, Any] | None:
        """The firm's latest issued or accepted letter: what the ledger pays against."""
        rows = self._q(_RECORD_SQL, [firm_id])
        return rows[0] if rows else None

    def letter_statuses(self, firm_id: str) -> list[str]:
        return [r["status"] for r in self._q("SELECT status FROM letters WHERE firm_id = ?", [firm_id])]

    def letters_of_record(self) -> dict[str, dict[str, Any]]:
        """firm id → (id, content_hash, policy_hash) of its letter of record, for every firm that has one."""
        rows = self._conn.execute(
            "SELECT firm_id, id, content_hash, policy_hash FROM letters INDEXED BY ledger_letters_cover "
            "WHERE status IN ('issued', 'accepted') ORDER BY firm_id, issued_at, id"
        )
        # the last per firm wins: the latest issued
        return {f: {"id": i, "content_hash": c, "policy_hash": p} for f, i, c, p in rows}

    def letter_snapshots(self, letter_ids: list[str]) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for start in range(0, len(letter_ids), 500):
            chunk = letter_ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            out += self._q(f"SELECT * FROM letters WHERE id IN ({marks})", chunk)
        return out

    # -- revisions --------------------------------------------------------------------------------------
    def revisions(self) -> dict[str, int]:
        return {r[0]: int(r[1]) for r in self._conn.execute("SELECT firm_id, revision FROM ledger_firms")}

    def firms_with_ledgers(self) -> list[str]:
        return [r[0] for r in self._conn.execute("SELECT firm_id FROM ledger_firms ORDER BY firm_id")]

    # -- claims ------------------------------------------------------------------------------------------
    def open_claim(self, row: dict[str, Any], event: dict[str, Any], who: str) -> None:
        """A new claim and its 申报 step, one transaction."""
        self._guard()
        with transaction(self._db(), self._path) as db:
            now = audit.utc_now()
            full = {**row, "created_at": now, "modified_at": now}
            cols = ", ".join(full)
            db.execute(
                f"INSERT INTO ledger_claims({cols}) VALUES ({', '.join('?' * len(full))})",
                list(full.values()),
            )
            self._event(db, row["id"], event, now, who)
            audit.record(db, who, "ledger_claims", row["id"], "apply", None, {**full, "step": event})
            self._bump(db, row["firm_id"], now)

    def _event(self, db: Database, claim_id: str, event: dict[str, Any], now: str, who: str) -> None:
        db.execute(
            "INSERT INTO ledger_claim_events(claim_id, kind, on_date, data_json, at, who) VALUES (?,?,?,?,?,?)",
            [
                claim_id,
                event["kind"],
                event["on"],
                json.dumps(event, ensure_ascii=False, sort_keys=True),
                now,
                who,
            ],
        )

    def add_step(
        self,
        claim_id: str,
        expected_steps: int,
        event: dict[str, Any],
        summary: dict[str, Any],
        who: str,
        payment: dict[str, Any] | None = None,
        recovery: dict[str, Any] | None = None,
    ) -> None:
        """Append a step, update the claim's summary, and record a payment or recovery: one transaction.

        `expected_steps` is how many steps the caller checked against; another writer in between is refused.
        """
        self._guard()
        with transaction(self._db(), self._path) as db:
            before = db.execute("SELECT * FROM ledger_claims WHERE id = ?", [claim_id]).fetchone()
            if before is None:
                raise LedgerRefused(f"找不到兑现申请：{claim_id}", f"No such claim: {claim_id}")
            count = db.execute(
                "SELECT count(*) FROM ledger_claim_events WHERE claim_id = ?", [claim_id]
            ).fetchone()[0]
            if count != expected_steps:
                raise LedgerRefused(
                    "该申请刚被其他人修改，请刷新后重试",
                    "The claim was changed by someone else; refresh and try again",
                )
            now = audit.utc_now()
            self._event(db, claim_id, event, now, who)
            sets = ", ".join(f"{k} = ?" for k in summary)
            db.execute(
                f"UPDATE ledger_claims SET {sets}, modified_at = ? WHERE id = ?",
                [*summary.values(), now, claim_id],
            )
            firm_id = str(
                db.execute("SELECT firm_id FROM ledger_claims WHERE id = ?", [claim_id]).fetchone()[0]
            )
            if payment is not None:
                p = {"id": "p-" + os.urandom(8).hex(), **payment, "recorded_at": now, "recorded_by": who}
                db.execute(
                    f"INSERT INTO ledger_payments({', '.join(p)}) VALUES ({', '.join('?' * len(p))})",
                    list(p.values()),
                )
                audit.record(db, who, "ledger_payments", p["id"], "pay", None, p)
            if recovery is not None:
                r = {"id": "r-" + os.urandom(8).hex(), **recovery, "recorded_at": now, "recorded_by": who}
                db.execute(
                    f"INSERT INTO ledger_recoveries({', '.join(r)}) VALUES ({', '.join('?' * len(r))})",
                    list(r.values()),
                )
                audit.record(db, who, "ledger_recoveries", r["id"], r["kind"], None, r)
            audit.record(
                db, who, "ledger_claims", claim_id, str(event["kind"]), None, {**summary, "step": event}
            )
            self._bump(db, firm_id, now)

    def claim(self, claim_id: str) -> dict[str, Any] | None:
        rows = self._q("SELECT * FROM ledger_claims WHERE id = ?", [claim_id])
        return rows[0] if rows else None

    def claims(self, firm_id: str) -> list[dict[str, Any]]:
        return self._q(
            "SELECT * FROM ledger_claims WHERE firm_id = ? ORDER BY year, item_id, applied_on", [firm_id]
        )

    def events(self, claim_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
        """Each claim's steps in the order recorded."""
        out: dict[str, list[dict[str, Any]]] = {c: [] for c in claim_ids}
        if not claim_ids:
            return out
        marks = ",".join("?" * len(claim_ids))
        for claim_id, data in self._conn.execute(
            f"SELECT claim_id, data_json FROM ledger_claim_events WHERE claim_id IN ({marks}) ORDER BY seq",
            claim_ids,
        ):
            out[claim_id].append(json.loads(data))
        return out

    def event_log(self, claim_id: str) -> list[dict[str, Any]]:
        """The steps with who recorded them and when (the claim's history as people read it)."""
        return self._q("SELECT * FROM ledger_claim_events WHERE claim_id = ? ORDER BY seq", [claim_id])

    # -- period reports ----------------------------------------------------------------------------------
    def payments_between(self, start: str, end: str) -> list[dict[str, Any]]:
        return self._q(
            "SELECT p.*, c.policy_version, c.letter_id, f.name AS firm_name, f.uscc AS firm_uscc "
            "FROM ledger_payments p JOIN ledger_claims c ON c.id = p.claim_id LEFT JOIN firms f ON f.id = p.firm_id "
            "WHERE p.paid_on BETWEEN ? AND ? ORDER BY p.paid_on, p.recorded_at",
            [start, end],
        )

    def recoveries_between(self, start: str, end: str) -> list[dict[str, Any]]:
        return self._q(
            "SELECT r.*, f.name AS firm_name, f.uscc AS firm_uscc FROM ledger_recoveries r "
            "LEFT JOIN firms f ON f.id = r.firm_id WHERE r.on_date BETWEEN ? AND ? ORDER BY r.on_date",
            [start, end],
        )

    def claims_active_between(self, start: str, end: str) -> list[dict[str, Any]]:
        """Claims with any step dated in the period."""
        return self._q(
            "SELECT c.*, f.name AS firm_name, f.uscc AS firm_uscc FROM ledger_claims c "
            "LEFT JOIN firms f ON f.id = c.firm_id WHERE c.id IN (SELECT claim_id FROM ledger_claim_events "
            "WHERE on_date BETWEEN ? AND ?) ORDER BY c.applied_on, c.firm_id, c.item_id, c.year",
            [start, end],
        )

    def money_by_year_item(self) -> dict[tuple[int, str], dict[str, int]]:
        """(award year, item) → paid, recovered (decided), repaid (received), from the payment records."""
        out: dict[tuple[int, str], dict[str, int]] = {}
        for year, item, paid in self._conn.execute(
            "SELECT year, item_id, SUM(amount_fen) FROM ledger_payments GROUP BY year, item_id"
        ):
            out.setdefault((int(year), item), {})["paid"] = int(paid)
        for year, item, kind, amount in self._conn.execute(
            "SELECT year, item_id, kind, SUM(amount_fen) FROM ledger_recoveries GROUP BY year, item_id, kind"
        ):
            out.setdefault((int(year), item), {})["repaid" if kind == "received" else "recovered"] = int(
                amount
            )
        return out

    # -- budgets ------------------------------------------------------------------------------------------
    def set_budget(self, item_id: str, year: int, amount: int | None, who: str) -> None:
        """Set (or clear, with None) the budget for one item and year."""
        self._guard()
        with transaction(self._db(), self._path) as db:
            key = f"{item_id}:{year}"
            before = db.execute(
                "SELECT amount_fen FROM ledger_budgets WHERE item_id = ? AND year = ?", [item_id, year]
            ).fetchone()
            if amount is None:
                db.execute("DELETE FROM ledger_budgets WHERE item_id = ? AND year = ?", [item_id, year])
            else:
                db.execute(
                    "INSERT OR REPLACE INTO ledger_budgets(item_id, year, amount_fen, set_at, set_by) VALUES (?,?,?,?,?)",
                    [item_id, year, amount, audit.utc_now(), who],
                )
            audit.record(db, who, "ledger_budgets", key, "set", before[0] if before else None, amount)

    def budgets(self) -> dict[tuple[int, str], int]:
        return {
            (int(y), i): int(a)
            for i, y, a in self._conn.execute("SELECT item_id, year, amount_fen FROM ledger_budgets")
        }

    # -- policy versions letters were issued under ---------------------------------------------------------
    def keep_policy(self, digest: str, policy_id: str, version: str, text: str) -> bool:
        """Keep a policy version's text (once), so a letter's version stays computable; True when new."""
        if self._conn.execute("SELECT 1 FROM ledger_policies WHERE hash = ?", [digest]).fetchone():
            return False
        self._guard()
        with transaction(self._db(), self._path) as db:
            db.execute(
                "INSERT OR IGNORE INTO ledger_policies(hash, policy_id, version, text, kept_at) VALUES (?,?,?,?,?)",
                [digest, policy_id, version, text, audit.utc_now()],
            )
            audit.record(
                db, "", "ledger_policies", digest, "keep", None,
                {"policy_id": policy_id, "version": version, "text": text}, kept=("text",),
            )  # fmt: skip
        return True

    def policy_text(self, digest: str) -> str | None:
        row = self._conn.execute("SELECT text FROM ledger_policies WHERE hash = ?", [digest]).fetchone()
        return str(row[0]) if row else None
