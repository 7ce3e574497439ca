"""Migration 10 compacts an existing audit log (whole rows before and after) into changes, shrinks the file and
keeps the old log in the pre-migration backup (kills during it: tests/faults/test_migration_kills.py)."""

from __future__ import annotations

import hashlib
import itertools
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from qt_app.services.firms import open_store
from qt_app.store import audit
from qt_app.store.db import DB_NAME
from qt_app.store.migrations import migrate
from tests.store.conftest import make_firm

SNAPSHOT = {f"line{i:03d}": {"label": f"第{i}项扶持", "amount": i * 1000} for i in range(600)}


def _old(value: Any) -> str:
    """How the log wrote a record before migration 10."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _lifecycle(n: int) -> list[dict[str, Any]]:
    draft = {"id": f"l-{n:04d}", "firm_id": make_firm(1).id, "firm_name": "青田星河数字科技有限公司", "status": "draft",
             "total_fen": 100_000 + n, "snapshot_json": json.dumps({"draft_core": SNAPSHOT}, ensure_ascii=False),
             "doc_number": None, "year": None, "seq": None, "content_hash": None, "approved_by": None,
             "created_at": "2026-03-01T00:00:00Z", "status_changed_at": "2026-03-01T00:00:00Z"}  # fmt: skip
    submitted = {**draft, "status": "submitted", "status_changed_at": "2026-03-02T00:00:00Z"}
    approved = {
        **submitted,
        "status": "approved",
        "approved_by": "李主任",
        "status_changed_at": "2026-03-03T00:00:00Z",
    }
    issued = {**approved, "status": "issued", "doc_number": f"青招〔2026〕{n}号", "year": 2026, "seq": n,
              "snapshot_json": json.dumps({**SNAPSHOT, "doc_number": n}, ensure_ascii=False),
              "content_hash": f"h{n}", "status_changed_at": "2026-03-04T00:00:00Z"}  # fmt: skip
    return [draft, submitted, approved, issued]


def v9_file(folder: Path, letters: int) -> None:
    """A file as version 9 left it: letters whose every audit entry holds the whole row twice."""
    folder.mkdir(parents=True)
    conn = sqlite3.connect(folder / DB_NAME, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")  # as the app leaves every file it has opened
    db = Database(conn, execute_plugins=False)
    migrate(db, target=9)
    conn.execute("BEGIN")
    for n in range(1, letters + 1):
        rows = _lifecycle(n)
        conn.execute(
            f"INSERT INTO letters({', '.join(rows[-1])}) VALUES ({', '.join('?' * len(rows[-1]))})",
            list(rows[-1].values()),
        )
        steps = [("create", None, rows[0])] + [
            ("issue" if after["status"] == "issued" else f"status:{after['status']}", before, after)
            for before, after in itertools.pairwise(rows)
        ]
        for action, before, after in steps:
            conn.execute(
                "INSERT INTO audit(at, who, tbl, record_id, action, before_json, after_json) VALUES (?,?,?,?,?,?,?)",
                ["2026-03-04T00:00:00Z", "李主任", "letters", rows[0]["id"], action,
                 None if before is None else _old(before), _old(after)],
            )  # fmt: skip
    firm = {"id": make_firm(1).id, "name": "青田星河数字科技有限公司", "notes": "", "domains": ["人工智能"]}
    conn.execute(
        "INSERT INTO audit(at, who, tbl, record_id, action, before_json, after_json) VALUES (?,?,?,?,?,?,?)",
        [
            "2026-03-05T00:00:00Z",
            "王",
            "firms",
            firm["id"],
            "save",
            _old(firm),
            _old({**firm, "notes": "二次洽谈"}),
        ],
    )
    conn.execute("INSERT INTO audit(at, who, tbl, record_id, action, before_json, after_json) "
                 "VALUES ('2026-03-06', '王', 'settings', 'doc_prefix', 'set', '青投', '青招')")  # fmt: skip
    conn.execute("COMMIT")
    conn.close()


def log_rows(folder: Path) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(folder / DB_NAME)
    rows = conn.execute("SELECT * FROM audit ORDER BY seq").fetchall()
    conn.close()
    return rows


def test_an_old_log_is_compacted_and_the_file_shrinks(tmp_path: Path) -> None:
    folder = tmp_path / "desk"
    v9_file(folder, 40)
    size_before = (folder / DB_NAME).stat().st_size
    old_log = log_rows(folder)
    store = open_store(folder, auto_backup=False)
    entries = store.audit_log("letters", "l-0007")
    assert [e["action"] for e in entries] == ["create", "status:submitted", "status:approved", "issue"]
    approve, issue = entries[2], entries[3]
    assert audit.changed_fields(approve) == {"status", "approved_by", "status_changed_at"}
    assert json.loads(approve["after_json"]) == {"approved_by": "李主任", "status": "approved",
                                                  "status_changed_at": "2026-03-03T00:00:00Z"}  # fmt: skip
    row = store.letters.get("l-0007")
    assert row is not None
    after = json.loads(issue["after_json"])
    assert after["snapshot_json"]["sha256"] == hashlib.sha256(row["snapshot_json"].encode()).hexdigest()
    assert audit.changed_fields(issue) == {"status", "doc_number", "year", "seq", "snapshot_json",
                                           "content_hash", "status_changed_at"}  # fmt: skip
    firm_save, setting = store.audit_log("firms")[0], store.audit_log("settings")[0]
    assert (json.loads(firm_save["before_json"]), json.loads(firm_save["after_json"])) == (
        {"notes": ""},
        {"notes": "二次洽谈"},
    )
    assert (setting["before_json"], setting["after_json"]) == ("青投", "青招")  # not a record: as written
    with pytest.raises(Exception, match="append-only"):
        store.db.execute("UPDATE audit SET who = 'x'")
    backup = next(b.path for b in store.list_backups() if b.kind == "pre-migration-v9")
    store.close()
    kept = sqlite3.connect(backup)
    assert kept.execute("SELECT * FROM audit ORDER BY seq").fetchall() == old_log  # the log as it was
    kept.close()
    size_after = (folder / DB_NAME).stat().st_size
    assert size_after * 5 < size_before, (size_before, size_after)
