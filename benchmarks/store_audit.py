"""Store rows about size: what a letter's lifecycle adds to the audit log, and the file 1,000 letters make.

A few real letters (snapshot, signature, the services the panel calls) give the audit bytes per lifecycle
against the letter's own frozen snapshot. The file with 1,000 letters runs the same lifecycle through the
register with one real letter's frozen fields (building and signing a letter takes ~0.2 s and does not change
what is logged), against the same file with its audit log emptied: the share the log adds to every backup.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Any

from benchmarks.core import ROOT, Row, scratch, size

EXAMPLE = ROOT / "resources" / "examples" / "xinghe-digital.json"
WHO = "bench"


def _audit_bytes(db: Any, ids: list[str]) -> int:
    marks = ", ".join("?" * len(ids))
    row = db.execute(
        "SELECT sum(length(CAST(coalesce(before_json, '') AS BLOB)) + length(CAST(coalesce(after_json, '') AS BLOB))) "
        f"FROM audit WHERE tbl = 'letters' AND record_id IN ({marks})",
        ids,
    ).fetchone()
    return int(row[0] or 0)


def _file_bytes(path: Path, empty_audit: bool = False) -> int:
    """The file as it would be copied or backed up: checkpointed and vacuumed (free pages dropped)."""
    conn = sqlite3.connect(path, isolation_level=None)
    if empty_audit:  # a scratch copy: the log's triggers go with it
        conn.executescript("DROP TRIGGER audit_no_delete; DELETE FROM audit;")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("VACUUM")
    conn.close()
    return path.stat().st_size


def rows(quick: bool) -> list[Row]:
    from qt_app.domain.firm_io import load_firm_file
    from qt_app.domain.policy_loader import default_policy
    from qt_app.domain.simulate import simulate
    from qt_app.services import letters
    from qt_app.services.firms import open_store
    from qt_app.store.db import DB_NAME

    root = scratch("offer-desk-audit-")
    store = open_store(root / "real", auto_backup=False)
    firm, variants = load_firm_file(EXAMPLE)
    policy = default_policy()
    package = simulate(firm, policy)
    store.save_firm(firm, variants, who=WHO)
    renamed = firm.with_changes(name="青田星河元宇宙科技有限公司")
    real: list[str] = []
    drafts: list[dict[str, Any]] = []
    for _ in range(3 if quick else 10):  # draft, refreshed draft, submitted, approved, issued, accepted
        lid = letters.create_draft(store, firm, variants, package, policy, who=WHO)
        drafts.append(store.letters.get(lid) or {})
        letters.refresh_draft(store, lid, renamed, variants, simulate(renamed, policy), policy, who=WHO)
        drafts.append(store.letters.get(lid) or {})
        letters.submit_letter(store, lid, WHO)
        letters.approve_letter(store, lid, "主任")
        letters.issue_letter(store, lid, "主任", policies=[policy])
        letters.set_letter_status(store, lid, "accepted", WHO, "企业已签收")
        real.append(lid)
    issued = store.letters.get(real[0])
    assert issued is not None
    snapshot = len(str(issued["snapshot_json"]).encode("utf-8"))
    per_letter = _audit_bytes(store.db, real) / len(real)
    frozen = {
        k: issued[k] for k in ("snapshot_json", "content_hash", "signature", "payload", "key_fingerprint")
    }
    drafted = ("firm_id", "firm_name", "firm_uscc", "variant", "total_fen", "policy_id", "policy_version",
               "policy_hash", "snapshot_json")  # fmt: skip
    draft_fields = {k: drafts[0][k] for k in drafted}
    refreshed = {k: drafts[1][k] for k in drafted if k != "firm_id"}
    store.close()

    n = 1000
    bulk = open_store(root / "bulk", auto_backup=False)
    bulk.save_firm(firm, variants, who=WHO)
    reg = bulk.letters
    for _ in range(n):
        lid = reg.create_draft(draft_fields, WHO)
        reg.update_draft(lid, refreshed, WHO)
        reg.set_status(lid, "submitted", WHO)
        reg.set_status(lid, "approved", "主任")
        reg.issue(lid, "青招", 2026, lambda number: frozen, "主任")
        reg.set_status(lid, "accepted", WHO, "企业已签收")
    bulk.close()
    with_log = _file_bytes(root / "bulk" / DB_NAME)
    bare = root / "bare.sqlite3"
    shutil.copyfile(root / "bulk" / DB_NAME, bare)
    without = _file_bytes(bare, empty_audit=True)
    shutil.rmtree(root, ignore_errors=True)
    return [
        Row("baseline: one issued letter's frozen snapshot", size(snapshot)),
        Row(
            "audit log per letter lifecycle (create, refresh, submit, approve, issue, accept)",
            size(per_letter),
            "snapshot",
            size(snapshot),
            budget_ratio=0.25,
            note=f"{len(real)} real letters; a full copy of the row in each entry was ~11× the snapshot",
        ),
        Row(
            f"database file with {n:,} letters, each through its lifecycle",
            size(with_log),
            "same file, audit emptied",
            size(without),
            budget_ratio=1.25,
            note="checkpointed and vacuumed, as a copy or backup would carry it",
        ),
    ]
