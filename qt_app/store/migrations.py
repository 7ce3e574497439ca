"""Schema versions and ordered migrations (数据库结构版本与升级).

`PRAGMA user_version` records the version. Each step runs in the caller's transaction, so a failed
upgrade leaves the file as it was. Never edit a released step: add a new one and bump SCHEMA_VERSION.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING

from qt_app.store.search_text import pinyin_text, sort_key_text

if TYPE_CHECKING:
    from sqlite_utils import Database  # types only: sqlite-utils loads on the first write

    from qt_app.store.db import Reader

Migration = Callable[["Database"], None]

APPLICATION_ID = 0x51544F44  # "QTOD" (Qingtian Offer Desk) at byte 68 of the file header: 1364480836

# The tables each version had before the files were stamped with APPLICATION_ID (version 8): how a file of
# an earlier version is told apart from a foreign one. Index = user_version.
_V1 = frozenset({"firms", "contacts", "audit", "settings"})
_V2 = _V1 | {"letters", "doc_counters"}
_V3 = _V2 | {"firms_fts"}
_V4 = _V3 | {"package_cache", "sync_conflicts"}
_V5 = _V4 | {"firm_search"}
_V7 = _V5 | {"ledger_actuals", "ledger_claims", "ledger_claim_events", "ledger_payments", "ledger_policies"}
LEGACY_TABLES: tuple[frozenset[str], ...] = (frozenset(), _V1, _V2, _V3, _V4, _V5, _V5, _V7)


def _v1_core(db: Database) -> None:
    """Firms, contact log, append-only audit log, settings."""
    db.executescript(
        """
        CREATE TABLE firms (
            rid INTEGER PRIMARY KEY,          -- local only: the FTS row id (stable across VACUUM)
            id TEXT NOT NULL UNIQUE,          -- stable random id, shared with bundles and a future server
            name TEXT NOT NULL,
            uscc TEXT NOT NULL DEFAULT '',
            stage TEXT NOT NULL DEFAULT 'lead',
            owner TEXT NOT NULL DEFAULT '',
            outpost TEXT NOT NULL DEFAULT '',
            domains TEXT NOT NULL DEFAULT '[]',
            contact TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            data_json TEXT NOT NULL,
            created_at TEXT NOT NULL,
            modified_at TEXT NOT NULL,
            deleted_at TEXT
        );
        CREATE INDEX firms_uscc ON firms(uscc);
        CREATE INDEX firms_modified ON firms(deleted_at, modified_at);
        CREATE INDEX firms_stage ON firms(stage);
        CREATE INDEX firms_outpost ON firms(outpost);
        CREATE INDEX firms_owner ON firms(owner);
        CREATE TABLE contacts (
            id TEXT PRIMARY KEY,
            firm_id TEXT NOT NULL REFERENCES firms(id),
            date TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT '',
            who TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            next_step TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            modified_at TEXT NOT NULL,
            deleted_at TEXT
        );
        CREATE INDEX contacts_firm ON contacts(firm_id, date);
        CREATE TABLE audit (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            who TEXT NOT NULL DEFAULT '',
            tbl TEXT NOT NULL,
            record_id TEXT NOT NULL,
            action TEXT NOT NULL,
            before_json TEXT,
            after_json TEXT
        );
        CREATE INDEX audit_record ON audit(tbl, record_id);
        CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
            BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
        CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
            BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
        CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        """
    )


def _v2_letters(db: Database) -> None:
    """The register of offer letters and gap-free 文号 counters."""
    db.executescript(
        """
        CREATE TABLE letters (
            id TEXT PRIMARY KEY,
            firm_id TEXT NOT NULL,            -- no foreign key: a letter outlives its firm record
            firm_name TEXT NOT NULL DEFAULT '',
            firm_uscc TEXT NOT NULL DEFAULT '',
            variant TEXT NOT NULL DEFAULT 'base',
            status TEXT NOT NULL DEFAULT 'draft',
            doc_number TEXT UNIQUE,
            year INTEGER,
            seq INTEGER,
            total_fen INTEGER NOT NULL DEFAULT 0,
            policy_id TEXT NOT NULL DEFAULT '',
            policy_version TEXT NOT NULL DEFAULT '',
            policy_hash TEXT NOT NULL DEFAULT '',
            content_hash TEXT,
            signature TEXT,
            payload TEXT,
            key_fingerprint TEXT,
            snapshot_json TEXT,
            supersedes TEXT,
            created_at TEXT NOT NULL,
            submitted_at TEXT,
            approved_by TEXT,
            approved_at TEXT,
            issued_at TEXT,
            status_changed_at TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX letters_firm ON letters(firm_id);
        CREATE INDEX letters_content ON letters(content_hash);
        CREATE INDEX letters_status ON letters(status, created_at);
        CREATE TABLE doc_counters (
            prefix TEXT NOT NULL,
            year INTEGER NOT NULL,
            last_seq INTEGER NOT NULL,
            PRIMARY KEY (prefix, year)
        );
        """
    )


def _v3_search(db: Database) -> None:
    """Search as you type: FTS5 trigram over name, code, contact, notes and pinyin; pinyin sort key."""
    db.executescript(
        """
        ALTER TABLE firms ADD COLUMN search_pinyin TEXT NOT NULL DEFAULT '';
        ALTER TABLE firms ADD COLUMN name_sort TEXT NOT NULL DEFAULT '';
        CREATE INDEX firms_name_sort ON firms(name_sort);
        CREATE VIRTUAL TABLE firms_fts USING fts5(name, uscc, contact, notes, pinyin, tokenize = 'trigram');
        """
    )
    rows = db.execute("SELECT rid, name, uscc, contact, notes FROM firms").fetchall()
    for rid, name, code, contact, notes in rows:
        py = pinyin_text(name, contact)
        db.execute(
            "UPDATE firms SET search_pinyin = ?, name_sort = ? WHERE rid = ?", [py, sort_key_text(name), rid]
        )
        db.execute(
            "INSERT INTO firms_fts(rowid, name, uscc, contact, notes, pinyin) VALUES (?, ?, ?, ?, ?, ?)",
            [rid, name, code, contact, notes, py],
        )


def _v4_sync_cache(db: Database) -> None:
    """Bundle merging (content hash + last agreed hash), package totals for the list, sync conflicts."""
    db.executescript(
        """
        ALTER TABLE firms ADD COLUMN content_hash TEXT NOT NULL DEFAULT '';
        ALTER TABLE firms ADD COLUMN base_hash TEXT;
        CREATE TABLE package_cache (
            firm_id TEXT NOT NULL,
            variant TEXT NOT NULL,
            policy_hash TEXT NOT NULL,
            total_fen INTEGER NOT NULL,
            by_year_json TEXT NOT NULL DEFAULT '{}',
            computed_at TEXT NOT NULL,
            PRIMARY KEY (firm_id, variant)
        );
        CREATE TABLE sync_conflicts (
            firm_id TEXT PRIMARY KEY,
            remote_json TEXT NOT NULL,
            remote_modified_at TEXT NOT NULL,
            remote_deleted_at TEXT,
            found_at TEXT NOT NULL,
            source TEXT NOT NULL DEFAULT ''
        );
        """
    )
    from qt_app.store.firms_repo import content_hash  # the hash the current code writes

    for rid, data_json, deleted_at in db.execute("SELECT rid, data_json, deleted_at FROM firms").fetchall():
        db.execute(
            "UPDATE firms SET content_hash = ? WHERE rid = ?", [content_hash(data_json, deleted_at), rid]
        )


def _v5_fast_search(db: Database) -> None:
    """Faster search as you type: a narrow table for 1–2 character queries; the trash leaves the indexes."""
    from qt_app.store.firms_repo import search_hay

    db.execute("CREATE TABLE firm_search (rid INTEGER PRIMARY KEY, hay TEXT NOT NULL)")
    db.execute("DROP INDEX firms_name_sort")  # replaced: the list always filters out the trash first
    db.execute("CREATE INDEX firms_live_name ON firms(deleted_at, name_sort)")
    db.execute("DELETE FROM firms_fts WHERE rowid IN (SELECT rid FROM firms WHERE deleted_at IS NOT NULL)")
    rows = db.execute(
        "SELECT rid, name, uscc, contact, notes, search_pinyin FROM firms WHERE deleted_at IS NULL"
    ).fetchall()
    for rid, *fields in rows:
        db.execute("INSERT INTO firm_search(rid, hay) VALUES (?, ?)", [rid, search_hay(*fields)])


def _v6_version_history(db: Database) -> None:
    """Bundle merging by version history: each firm remembers the versions it has had, so a bundle is
    recognised as older or newer than the local copy without assuming the other side accepted anything."""
    db.execute("ALTER TABLE firms ADD COLUMN hash_history TEXT NOT NULL DEFAULT '[]'")
    db.execute("ALTER TABLE sync_conflicts ADD COLUMN remote_history TEXT NOT NULL DEFAULT '[]'")
    for rid, current, base in db.execute("SELECT rid, content_hash, base_hash FROM firms").fetchall():
        versions = [h for h in dict.fromkeys((base, current)) if h]
        db.execute("UPDATE firms SET hash_history = ? WHERE rid = ?", [json.dumps(versions), rid])


def _v7_ledger(db: Database) -> None:
    """The 兑现 ledger (issue 15): actuals with evidence, claims with append-only steps, payments, recoveries,
    budgets per item and year, kept policy versions, and the exposure cache (packages by content and policy
    hash). Self-contained: touches no earlier table."""
    db.executescript(
        """
        CREATE TABLE ledger_actuals (
            firm_id TEXT NOT NULL,
            year INTEGER NOT NULL,
            letter_id TEXT NOT NULL,          -- the letter of record when recorded (provenance)
            data_json TEXT NOT NULL,          -- year_actuals_to_dict: figures with evidence (scans by sha256)
            source TEXT NOT NULL DEFAULT '',  -- the file it came from, or 'form'
            recorded_at TEXT NOT NULL,
            recorded_by TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (firm_id, year)
        );
        CREATE TABLE ledger_evidence (
            id TEXT PRIMARY KEY,
            firm_id TEXT NOT NULL,
            year INTEGER NOT NULL,
            figure TEXT NOT NULL,             -- "revenue", "talents[0]", …
            doc_type TEXT NOT NULL,
            doc_number TEXT NOT NULL DEFAULT '',
            doc_date TEXT NOT NULL,
            sha256 TEXT NOT NULL DEFAULT '',  -- the scan under evidence/ab/abcdef….ext in the data folder
            file_name TEXT NOT NULL DEFAULT '',
            size INTEGER,
            received_on TEXT,
            received_by TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        );
        CREATE INDEX ledger_evidence_firm ON ledger_evidence(firm_id, year);
        CREATE INDEX ledger_evidence_hash ON ledger_evidence(sha256);
        CREATE TABLE ledger_claims (
            id TEXT PRIMARY KEY,
            firm_id TEXT NOT NULL,
            item_id TEXT NOT NULL,
            year INTEGER NOT NULL,
            letter_id TEXT NOT NULL,
            policy_id TEXT NOT NULL,
            policy_version TEXT NOT NULL,
            policy_hash TEXT NOT NULL,        -- the version the claim was judged under
            terms_json TEXT NOT NULL,         -- the payment rules it was opened under
            state TEXT NOT NULL,
            applied_on TEXT NOT NULL,
            requested_fen INTEGER NOT NULL,
            approved_fen INTEGER NOT NULL DEFAULT 0,
            paid_fen INTEGER NOT NULL DEFAULT 0,
            recovered_fen INTEGER NOT NULL DEFAULT 0,
            repaid_fen INTEGER NOT NULL DEFAULT 0,
            overridden INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            modified_at TEXT NOT NULL
        );
        CREATE INDEX ledger_claims_firm ON ledger_claims(firm_id, item_id, year);
        CREATE TABLE ledger_claim_events (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            claim_id TEXT NOT NULL REFERENCES ledger_claims(id),
            kind TEXT NOT NULL,
            on_date TEXT NOT NULL,
            data_json TEXT NOT NULL,
            at TEXT NOT NULL,
            who TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX ledger_claim_events_claim ON ledger_claim_events(claim_id, seq);
        CREATE TRIGGER ledger_claim_events_no_update BEFORE UPDATE ON ledger_claim_events
            BEGIN SELECT RAISE(ABORT, 'claim events are append-only'); END;
        CREATE TRIGGER ledger_claim_events_no_delete BEFORE DELETE ON ledger_claim_events
            BEGIN SELECT RAISE(ABORT, 'claim events are append-only'); END;
        CREATE TABLE ledger_payments (
            id TEXT PRIMARY KEY,
            claim_id TEXT NOT NULL REFERENCES ledger_claims(id),
            firm_id TEXT NOT NULL,
            item_id TEXT NOT NULL,
            year INTEGER NOT NULL,
            tranche INTEGER NOT NULL,
            amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
            paid_on TEXT NOT NULL,
            order_number TEXT NOT NULL,
            holdback INTEGER NOT NULL DEFAULT 0,
            override_reason TEXT NOT NULL DEFAULT '',
            recorded_at TEXT NOT NULL,
            recorded_by TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX ledger_payments_paid_on ON ledger_payments(paid_on);
        CREATE INDEX ledger_payments_item ON ledger_payments(year, item_id);
        CREATE TRIGGER ledger_payments_no_update BEFORE UPDATE ON ledger_payments
            BEGIN SELECT RAISE(ABORT, 'payment records are append-only'); END;
        CREATE TRIGGER ledger_payments_no_delete BEFORE DELETE ON ledger_payments
            BEGIN SELECT RAISE(ABORT, 'payment records are append-only'); END;
        CREATE TABLE ledger_recoveries (
            id TEXT PRIMARY KEY,
            claim_id TEXT NOT NULL REFERENCES ledger_claims(id),
            firm_id TEXT NOT NULL,
            item_id TEXT NOT NULL,
            year INTEGER NOT NULL,
            kind TEXT NOT NULL,               -- decided (追回) | received (退还)
            amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
            on_date TEXT NOT NULL,
            basis TEXT NOT NULL DEFAULT '',   -- condition id or decision; the receipt number when received
            recorded_at TEXT NOT NULL,
            recorded_by TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX ledger_recoveries_on ON ledger_recoveries(on_date);
        CREATE TABLE ledger_firms (
            firm_id TEXT PRIMARY KEY,
            revision INTEGER NOT NULL DEFAULT 0,  -- bumped by every ledger write of the firm (cache key)
            modified_at TEXT NOT NULL
        );
        CREATE TABLE ledger_budgets (
            item_id TEXT NOT NULL,
            year INTEGER NOT NULL,
            amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
            set_at TEXT NOT NULL,
            set_by TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (item_id, year)
        );
        CREATE TABLE ledger_policies (
            hash TEXT PRIMARY KEY,            -- sha256 of the text: a letter's policy_hash
            policy_id TEXT NOT NULL,
            version TEXT NOT NULL,
            text TEXT NOT NULL,
            kept_at TEXT NOT NULL
        );
        CREATE TABLE ledger_cache (
            firm_id TEXT NOT NULL,
            kind TEXT NOT NULL,               -- pipeline | committed | due
            input_hash TEXT NOT NULL,         -- firm content hash / letter content hash (+ ledger revision)
            policy_hash TEXT NOT NULL,
            dated INTEGER NOT NULL DEFAULT 1,
            computed_at TEXT NOT NULL,
            PRIMARY KEY (firm_id, kind)
        ) WITHOUT ROWID;
        CREATE TABLE ledger_cache_lines (
            kind TEXT NOT NULL,
            firm_id TEXT NOT NULL,
            n INTEGER NOT NULL,
            year INTEGER NOT NULL,
            item_id TEXT NOT NULL,
            stage TEXT NOT NULL DEFAULT '',   -- pipeline: the firm's stage when computed (part of its content hash)
            amount_fen INTEGER NOT NULL,
            weighted_fen INTEGER NOT NULL,    -- stage-weighted, rounded per line (the weights are in the key)
            pending_fen INTEGER NOT NULL DEFAULT 0,
            pending_weighted_fen INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (kind, firm_id, n)
        ) WITHOUT ROWID;
        CREATE TABLE ledger_cache_totals (       -- the lines summed, kept in step by every cache write
            kind TEXT NOT NULL,
            year INTEGER NOT NULL,
            item_id TEXT NOT NULL,
            stage TEXT NOT NULL DEFAULT '',
            amount_fen INTEGER NOT NULL DEFAULT 0,
            weighted_fen INTEGER NOT NULL DEFAULT 0,
            pending_fen INTEGER NOT NULL DEFAULT 0,
            pending_weighted_fen INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (kind, year, item_id, stage)
        ) WITHOUT ROWID;
        -- The county view reads these few columns of every firm and letter: covering indexes keep it off the
        -- wide rows (data_json, snapshot_json).
        CREATE INDEX ledger_firms_cover ON firms(deleted_at, id, stage, content_hash);
        CREATE INDEX ledger_letters_cover ON letters(status, firm_id, issued_at, id, content_hash, policy_hash);
        """
    )


def _v8_application_id(db: Database) -> None:
    """Stamp the file as ours (`PRAGMA application_id`), so it is recognised before anything writes to it;
    files from before this step are recognised by their tables (LEGACY_TABLES)."""
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def _v9_outposts(db: Database) -> None:
    """Outposts (issue 15): ledger entries and letters travel in bundles. Each year's actuals remember the
    versions they have had (merged like firms), conflicting actuals are parked until a person picks, and
    letters received from headquarters are marked as read-only copies. Self-contained."""
    db.executescript(
        """
        ALTER TABLE ledger_actuals ADD COLUMN hash_history TEXT NOT NULL DEFAULT '[]';
        CREATE TABLE ledger_conflicts (
            firm_id TEXT NOT NULL,
            year INTEGER NOT NULL,
            remote_json TEXT NOT NULL,        -- the other side's entry: letter, figures, who and when
            remote_history TEXT NOT NULL DEFAULT '[]',
            source TEXT NOT NULL DEFAULT '',  -- the bundle it came in
            found_at TEXT NOT NULL,
            PRIMARY KEY (firm_id, year)
        );
        CREATE TABLE letter_copies (
            letter_id TEXT PRIMARY KEY,       -- a row of `letters` received from headquarters: read-only here
            origin TEXT NOT NULL,             -- the sending database's id
            office TEXT NOT NULL DEFAULT '',
            received_at TEXT NOT NULL
        );
        """
    )


def _v10_compact_audit(db: Database) -> None:
    """The audit log keeps what changed, a letter's frozen snapshot by its hash (issue: audit size): entries
    written before are compacted the same way (`audit_compact`; the pre-migration backup keeps them whole)."""
    from qt_app.store import audit_compact

    audit_compact.compact(db)


MIGRATIONS: tuple[Migration, ...] = (
    _v1_core,
    _v2_letters,
    _v3_search,
    _v4_sync_cache,
    _v5_fast_search,
    _v6_version_history,
    _v7_ledger,
    _v8_application_id,
    _v9_outposts,
    _v10_compact_audit,
)
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(db: Reader) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: Database, target: int = SCHEMA_VERSION) -> list[int]:
    """Apply every step above the file's version up to `target`, in the caller's transaction."""
    current = schema_version(db)
    done = []
    for version in range(current + 1, target + 1):
        MIGRATIONS[version - 1](db)
        db.execute(f"PRAGMA user_version = {version}")
        done.append(version)
    return done
