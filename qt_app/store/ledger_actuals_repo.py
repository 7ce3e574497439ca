"""The actuals and evidence tables of the 兑现 ledger (part of `Store.ledger`): a year's figures with their
documents, recorded (or replaced) in one transaction, and put back as they were when a recording is undone.

Refused whatever the caller checked: actuals for a firm without an issued or accepted letter, and undoing
the recording of a year a claim already rests on (a claim needs its year's actuals; it is corrected by its
own steps — 终止, 追回 — never by taking the evidence away from under it).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qt_app.domain.errors import DomainError
from qt_app.store import audit
from qt_app.store.db import transaction
from qt_app.store.firms_repo import add_version

if TYPE_CHECKING:
    import sqlite3

    from sqlite_utils import Database

COMMITTED = ("issued", "accepted")
EVIDENCE_COLUMNS = (
    "id", "firm_id", "year", "figure", "doc_type", "doc_number", "doc_date", "sha256", "file_name", "size",
    "received_on", "received_by", "created_at",
)  # fmt: skip

YearState = tuple[dict[str, Any] | None, list[dict[str, Any]]]
"""A year as stored: its figures (None: not recorded) and its evidence rows."""


def bump(db: Database, firm_id: str, now: str) -> None:
    """A write to the firm's ledger (here, or merged from a bundle): its revision moves on and its due is stale."""
    db.execute(
        "INSERT INTO ledger_firms(firm_id, revision, modified_at) VALUES (?, 1, ?) "
        "ON CONFLICT(firm_id) DO UPDATE SET revision = revision + 1, modified_at = excluded.modified_at",
        [firm_id, now],
    )
    # the firm's due is stale now: its cached lines stay (and stay summed) until the next refresh replaces them
    db.execute("UPDATE ledger_cache SET input_hash = '' WHERE firm_id = ? AND kind = 'due'", [firm_id])


def actuals_hash(letter_id: str, data_json: str) -> str:
    """What bundle merging compares for one firm and year: the letter recorded against and the figures with
    their documents (scans by sha256). The evidence rows are derived from the figures."""
    import hashlib

    return hashlib.sha256(f"{letter_id}\n{data_json}".encode()).hexdigest()


def actuals_versions(db: Database, firm_id: str, year: int) -> list[str]:
    """The versions this firm's year has had here, oldest first, the current one last ([] when none)."""
    row = db.execute(
        "SELECT letter_id, data_json, hash_history FROM ledger_actuals WHERE firm_id = ? AND year = ?",
        [firm_id, year],
    ).fetchone()
    if row is None:
        return []
    return add_version(json.loads(row[2] or "[]"), actuals_hash(row[0], row[1]))


def write_actuals(db: Database, row: Mapping[str, Any]) -> None:
    """Insert or replace one firm's year (the evidence rows are the caller's)."""
    db.execute(
        "INSERT OR REPLACE INTO ledger_actuals(firm_id, year, letter_id, data_json, source, recorded_at, "
        "recorded_by, hash_history) VALUES (:firm_id, :year, :letter_id, :data_json, :source, :recorded_at, "
        ":recorded_by, :hash_history)",
        dict(row),
    )


def _year_row(
    db: Database,
    firm_id: str,
    year: int,
    letter_id: str,
    data: Mapping[str, Any],
    source: str,
    now: str,
    who: str,
) -> dict[str, Any]:
    """The row for one recorded year, its version history carried on (bundles merge by it)."""
    data_json = json.dumps(data, ensure_ascii=False, sort_keys=True)
    history = add_version(actuals_versions(db, firm_id, year), actuals_hash(letter_id, data_json))
    return {
        "firm_id": firm_id, "year": year, "letter_id": letter_id, "data_json": data_json, "source": source,
        "recorded_at": now, "recorded_by": who, "hash_history": json.dumps(history),
    }  # fmt: skip


def insert_evidence(db: Database, firm_id: str, evidence: Iterable[Mapping[str, Any]], now: str) -> None:
    """One row per document of the figures (what the ledger lists and finds duplicates by); an undo puts
    rows back with their own ids and times."""
    for ev in evidence:
        row = {
            "id": ev.get("id") or "e-" + os.urandom(8).hex(), "firm_id": firm_id, "year": ev["year"],
            "figure": ev["figure"], "doc_type": ev["doc_type"], "doc_number": ev["doc_number"],
            "doc_date": ev["doc_date"], "sha256": ev.get("sha256", ""), "file_name": ev.get("file_name", ""),
            "size": ev.get("size"), "received_on": ev.get("received_on"), "received_by": ev.get("received_by", ""),
            "created_at": ev.get("created_at") or now,
        }  # fmt: skip
        db.execute(
            f"INSERT INTO ledger_evidence({', '.join(EVIDENCE_COLUMNS)}) VALUES ({', '.join('?' * len(row))})",
            [row[c] for c in EVIDENCE_COLUMNS],
        )


class LedgerRefused(DomainError):
    """The store refused a ledger write that must never happen (no letter, a step out of turn)."""


class ActualsTables:
    """`ledger_actuals` and `ledger_evidence`; `LedgerBook` supplies the connection."""

    _db: Callable[[], Database]
    _conn: sqlite3.Connection
    _path: Path
    _guard: Callable[[], None]

    def _q(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        cursor = self._conn.execute(sql, list(params))
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def _bump(self, db: Database, firm_id: str, now: str) -> None:
        bump(db, firm_id, now)

    def record_actuals(
        self,
        firm_id: str,
        letter_id: str,
        years: Mapping[int, dict[str, Any]],
        evidence: list[dict[str, Any]],
        source: str,
        who: str,
    ) -> None:
        """Write (or replace) years of actuals and their evidence rows, in one transaction.

        Refused, whatever the caller checked, when `letter_id` is not the firm's issued or accepted letter.
        """
        self._guard()
        with transaction(self._db(), self._path) as db:
            letter = db.execute(
                "SELECT status FROM letters WHERE id = ? AND firm_id = ?", [letter_id, firm_id]
            ).fetchone()
            if letter is None or letter[0] not in COMMITTED:
                raise LedgerRefused(
                    "没有已出具或已接受的告知函，不能登记实绩",
                    "No issued or accepted letter: actuals cannot be recorded",
                )
            now = audit.utc_now()
            for year, data in sorted(years.items()):
                before = db.execute(
                    "SELECT data_json FROM ledger_actuals WHERE firm_id = ? AND year = ?", [firm_id, year]
                ).fetchone()
                write_actuals(db, _year_row(db, firm_id, year, letter_id, data, source, now, who))
                db.execute("DELETE FROM ledger_evidence WHERE firm_id = ? AND year = ?", [firm_id, year])
                audit.record(
                    db, who, "ledger_actuals", f"{firm_id}:{year}", "update" if before else "create",
                    json.loads(before[0]) if before else None, data,
                )  # fmt: skip
            insert_evidence(db, firm_id, evidence, now)
            self._bump(db, firm_id, now)

    def actuals(self, firm_id: str) -> dict[int, dict[str, Any]]:
        rows = self._conn.execute(
            "SELECT year, data_json FROM ledger_actuals WHERE firm_id = ? ORDER BY year", [firm_id]
        ).fetchall()
        return {int(y): json.loads(d) for y, d in rows}

    def evidence(self, firm_id: str) -> list[dict[str, Any]]:
        return self._q(
            "SELECT * FROM ledger_evidence WHERE firm_id = ? ORDER BY year, figure, doc_date", [firm_id]
        )

    def evidence_by_hash(self, sha256: str) -> list[dict[str, Any]]:
        return self._q("SELECT * FROM ledger_evidence WHERE sha256 = ? ORDER BY created_at", [sha256])

    # -- undo -----------------------------------------------------------------------------------------------
    def year_states(self, firm_id: str, years: Iterable[int]) -> dict[int, YearState]:
        """Each year as stored now (figures or None, evidence rows): what an undo puts back."""
        stored = self.actuals(firm_id)
        rows = self.evidence(firm_id)
        return {y: (stored.get(y), [r for r in rows if int(r["year"]) == y]) for y in years}

    def put_years(self, firm_id: str, letter_id: str, states: Mapping[int, YearState], who: str) -> None:
        """Put years back as `year_states` read them (undo or redo of a recording), in one transaction.

        A year that was not recorded before is removed again — refused when a claim already rests on it.
        """
        self._guard()
        with transaction(self._db(), self._path) as db:
            now = audit.utc_now()
            for year, (data, evidence) in sorted(states.items()):
                before = db.execute(
                    "SELECT data_json FROM ledger_actuals WHERE firm_id = ? AND year = ?", [firm_id, year]
                ).fetchone()
                if data is None:
                    claims = db.execute(
                        "SELECT count(*) FROM ledger_claims WHERE firm_id = ? AND year = ?", [firm_id, year]
                    ).fetchone()[0]
                    if claims:
                        raise LedgerRefused(
                            f"{year}年已有兑现申请以该年实绩为依据，不能撤销登记；如需更正请重新登记该年实绩",
                            f"A claim already rests on the actuals of {year}, so recording them cannot be undone; "
                            "record the year again to correct it",
                        )
                    db.execute("DELETE FROM ledger_actuals WHERE firm_id = ? AND year = ?", [firm_id, year])
                else:  # a new version: the undo travels in bundles like any correction
                    write_actuals(db, _year_row(db, firm_id, year, letter_id, data, "undo", now, who))
                db.execute("DELETE FROM ledger_evidence WHERE firm_id = ? AND year = ?", [firm_id, year])
                insert_evidence(db, firm_id, evidence, now)
                audit.record(
                    db, who, "ledger_actuals", f"{firm_id}:{year}", "undo",
                    json.loads(before[0]) if before else None, data,
                )  # fmt: skip
            self._bump(db, firm_id, now)
