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

# The tables each version had before the files were stamped with APPLICATION_ID (version 7): how a file of
# an earlier version is told apart from a foreign one. Index = user_version.
_V1 = frozenset({"firms", "contacts", "audit", "settings"})
_V2 = _V1 | {"letters", "doc_counters"}
_V3 = _V2 | {"firms_fts"}
_V4 = _V3 | {"package_cache", "sync_conflicts"}
_V5 = _V4 | {"firm_search"}
LEGACY_TABLES: tuple[frozenset[str], ...] = (frozenset(), _V1, _V2, _V3, _V4, _V5, _V5)


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


def _v7_application_id(db: Database) -> None:
    """Stamp the file as ours (`PRAGMA application_id`), so it is recognised before anything writes to it;
    files from before this step are recognised by their tables (LEGACY_TABLES)."""
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")


MIGRATIONS: tuple[Migration, ...] = (
    _v1_core,
    _v2_letters,
    _v3_search,
    _v4_sync_cache,
    _v5_fast_search,
    _v6_version_history,
    _v7_application_id,
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
