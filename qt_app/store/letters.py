"""The register of offer letters (意向书登记簿) and gap-free document numbers (文号).

Statuses: draft → submitted → approved → issued → accepted | declined | expired; anything not yet voided
may be voided. Issuing takes the next number for (prefix, year) in the same transaction that freezes
the letter, so a failure consumes no number. Issued letters are never edited; voided ones keep their number.
At an outpost the register also holds headquarters' letters as read-only copies (`letter_copies`, merged
from bundles): their status changes only at headquarters.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qt_app.domain.errors import DomainError
from qt_app.store import audit
from qt_app.store.db import transaction

if TYPE_CHECKING:
    from sqlite_utils import Database  # types only: sqlite-utils loads on the first write

STATUSES = ("draft", "submitted", "approved", "issued", "accepted", "declined", "expired", "voided")
STATUS_LABELS = {
    "draft": ("草稿", "Draft"),
    "submitted": ("已提交", "Submitted"),
    "approved": ("已审批", "Approved"),
    "issued": ("已出具", "Issued"),
    "accepted": ("已接受", "Accepted"),
    "declined": ("已谢绝", "Declined"),
    "expired": ("已过期", "Expired"),
    "voided": ("已作废", "Voided"),
}
TRANSITIONS: dict[str, frozenset[str]] = {
    "draft": frozenset({"submitted", "voided"}),
    "submitted": frozenset({"approved", "voided"}),
    "approved": frozenset({"issued", "voided"}),
    "issued": frozenset({"accepted", "declined", "expired", "voided"}),
    "accepted": frozenset({"voided"}),
    "declined": frozenset({"voided"}),
    "expired": frozenset({"voided"}),
    "voided": frozenset(),
}
EDITABLE = frozenset({"draft", "submitted"})
COLUMNS = (
    "id", "firm_id", "firm_name", "firm_uscc", "variant", "status", "doc_number", "year", "seq", "total_fen",
    "policy_id", "policy_version", "policy_hash", "content_hash", "signature", "payload", "key_fingerprint",
    "snapshot_json", "supersedes", "created_at", "submitted_at", "approved_by", "approved_at", "issued_at",
    "status_changed_at", "note",
)  # fmt: skip
# Set by the register itself, never by a caller's record or draft update.
MANAGED = frozenset(
    {"id", "status", "doc_number", "year", "seq", "created_at", "status_changed_at", "issued_at"}
)
# What `build(doc_number)` may freeze into the letter at issue time.
FROZEN_FIELDS = frozenset(COLUMNS) - MANAGED
# Kept in the letter's row (frozen once issued): the audit log writes their hash and length, not the text.
KEPT_IN_ROW = ("snapshot_json", "payload")


def doc_number(prefix: str, year: int, seq: int) -> str:
    """文号: 青招〔2026〕7号 — six-cornered brackets, no leading zeros."""
    return f"{prefix}〔{year}〕{seq}号"


def _label(status: str) -> str:
    return STATUS_LABELS.get(status, (status, status))[0]


class LetterError(DomainError):
    """A register rule refused the change (e.g. editing an issued letter)."""


class LetterRegister:
    """The letters table behind `Store.letters`; every change is one transaction with an audit row."""

    def __init__(self, db: Database, path: Path, guard: Callable[[], None]) -> None:
        self._db = db
        self._path = path
        self._guard = guard  # raises when the store is read-only

    def _check_fields(self, fields: dict[str, Any], allowed: frozenset[str]) -> None:
        bad = sorted(set(fields) - allowed)
        if bad:
            names = ", ".join(bad)
            raise LetterError(
                f"意向书登记簿不接受这些字段：{names}", f"The letter register does not accept: {names}"
            )

    def create_draft(self, record: dict[str, Any], who: str = "") -> str:
        """Register a new draft letter; returns its id."""
        self._guard()
        self._check_fields(record, FROZEN_FIELDS)
        if not record.get("firm_id"):
            raise LetterError("意向书缺少企业", "A letter needs a firm (firm_id)")
        now = audit.utc_now()
        row = {**record, "id": "l-" + uuid.uuid4().hex[:16], "status": "draft", "created_at": now}
        row["status_changed_at"] = now
        with transaction(self._db, self._path):
            self._db.table("letters").insert(row)
            stored = self._must(str(row["id"]))  # with the table's defaults: what the row holds
            audit.record(self._db, who, "letters", row["id"], "create", None, stored, KEPT_IN_ROW)
        return str(row["id"])

    def get(self, letter_id: str) -> dict[str, Any] | None:
        rows = list(self._db.query("SELECT * FROM letters WHERE id = ?", [letter_id]))
        return rows[0] if rows else None

    def _must(self, letter_id: str) -> dict[str, Any]:
        row = self.get(letter_id)
        if row is None:
            raise LetterError(f"找不到意向书：{letter_id}", f"No such letter: {letter_id}")
        return row

    def update_draft(self, letter_id: str, fields: dict[str, Any], who: str = "") -> None:
        """Change a draft or submitted letter; refused once approved, issued or voided."""
        self._guard()
        self._check_fields(fields, FROZEN_FIELDS)
        with transaction(self._db, self._path):
            before = self._must(letter_id)
            if before["status"] not in EDITABLE:
                raise LetterError(
                    f"意向书状态为“{_label(before['status'])}”，不能修改",
                    f"The letter is {before['status']} and can no longer be edited",
                )
            if fields:
                self._db.table("letters").update(letter_id, fields)
                audit.record(
                    self._db, who, "letters", letter_id, "update", before, self._must(letter_id), KEPT_IN_ROW
                )

    def set_status(self, letter_id: str, status: str, who: str, note: str = "") -> None:
        """Move a letter along draft → submitted → approved → issued → accepted|declined|expired, or void it."""
        self._guard()
        if status == "issued":
            raise LetterError(
                "出具意向书请使用“出具”（分配文号）", "Use issue() to issue a letter (it assigns the number)"
            )
        with transaction(self._db, self._path):
            before = self._must(letter_id)
            current = str(before["status"])
            office = self.copy_of(letter_id)
            if office is not None:
                raise LetterError(
                    f"该函件是{office or '总部'}登记簿的副本（只读）：状态只在总部变更，随总部的数据包传来",
                    f"This letter is a read-only copy of {office or 'headquarters'}' register: its status changes "
                    "there and arrives with headquarters' bundles",
                )
            if status not in TRANSITIONS.get(current, frozenset()):
                raise LetterError(
                    f"意向书不能从“{_label(current)}”变为“{_label(status)}”",
                    f"A letter cannot go from {current} to {status}",
                )
            now = audit.utc_now()
            changes: dict[str, Any] = {"status": status, "status_changed_at": now}
            if note:
                changes["note"] = note
            if status == "submitted":
                changes["submitted_at"] = now
            elif status == "approved":
                changes["approved_at"] = now
                changes["approved_by"] = who
            self._db.table("letters").update(letter_id, changes)
            audit.record(
                self._db,
                who,
                "letters",
                letter_id,
                f"status:{status}",
                before,
                self._must(letter_id),
                KEPT_IN_ROW,
            )

    def issue(
        self, letter_id: str, prefix: str, year: int, build: Callable[[str], dict[str, Any]], who: str = ""
    ) -> dict[str, Any]:
        """Issue an approved letter: next gap-free number, frozen fields from `build(doc_number)`, one transaction."""
        self._guard()
        with transaction(self._db, self._path):
            before = self._must(letter_id)
            if before["status"] != "approved":
                raise LetterError(
                    f"只有已审批的意向书才能出具，当前为“{_label(before['status'])}”",
                    f"Only an approved letter can be issued; this one is {before['status']}",
                )
            row = self._db.execute(
                "SELECT last_seq FROM doc_counters WHERE prefix = ? AND year = ?", [prefix, year]
            ).fetchone()
            seq = (int(row[0]) if row else 0) + 1
            number = doc_number(prefix, year, seq)
            # A copy of headquarters' letters (an office switched to hq) may already hold the next 文号: the
            # county's numbers run on after the highest one held, never twice.
            while self._db.execute("SELECT 1 FROM letters WHERE doc_number = ?", [number]).fetchone():
                seq += 1
                number = doc_number(prefix, year, seq)
            frozen = dict(build(number))  # raising here rolls everything back: no number consumed
            self._check_fields(frozen, FROZEN_FIELDS)
            self._db.execute(
                "INSERT INTO doc_counters(prefix, year, last_seq) VALUES (?, ?, ?) "
                "ON CONFLICT(prefix, year) DO UPDATE SET last_seq = excluded.last_seq",
                [prefix, year, seq],
            )
            now = audit.utc_now()
            changes = {
                **frozen,
                "status": "issued",
                "doc_number": number,
                "year": year,
                "seq": seq,
                "issued_at": now,
                "status_changed_at": now,
            }
            self._db.table("letters").update(letter_id, changes)
            after = self._must(letter_id)
            audit.record(self._db, who, "letters", letter_id, "issue", before, after, KEPT_IN_ROW)
        return after

    def copy_of(self, letter_id: str) -> str | None:
        """The office whose register this letter was copied from ("" when unnamed); None for our own letters."""
        row = self._db.execute("SELECT office FROM letter_copies WHERE letter_id = ?", [letter_id]).fetchone()
        return None if row is None else str(row[0])

    def search(self, query: str = "", status: str | None = None) -> list[dict[str, Any]]:
        """Letters matching a firm name, credit code or 文号 fragment, newest first."""
        where: list[str] = []
        params: list[Any] = []
        if query:
            like = "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            where.append(
                "(firm_name LIKE ? ESCAPE '\\' OR firm_uscc LIKE ? ESCAPE '\\' OR doc_number LIKE ? ESCAPE '\\')"
            )
            params.extend([like, like, like])
        if status:
            where.append("status = ?")
            params.append(status)
        sql = "SELECT * FROM letters" + (" WHERE " + " AND ".join(where) if where else "")
        return list(self._db.query(sql + " ORDER BY created_at DESC, id", params))

    def by_content_hash(self, content_hash: str) -> dict[str, Any] | None:
        rows = list(
            self._db.query(
                "SELECT * FROM letters WHERE content_hash = ? ORDER BY created_at DESC LIMIT 1",
                [content_hash],
            )
        )
        return rows[0] if rows else None

    def by_doc_number(self, number: str) -> dict[str, Any] | None:
        rows = list(self._db.query("SELECT * FROM letters WHERE doc_number = ?", [number]))
        return rows[0] if rows else None

    def for_firm(self, firm_id: str) -> list[dict[str, Any]]:
        return list(
            self._db.query("SELECT * FROM letters WHERE firm_id = ? ORDER BY created_at DESC", [firm_id])
        )
