"""Migration 10: audit entries written before it, compacted the way entries are written since.

Until then a letter's entries copied its whole row before and after (its ~40 KB snapshot about eleven times
over a lifecycle) and a firm's entries the firm's JSON twice. Each entry becomes what `audit.changes` writes
now: the fields that changed, the letter row's snapshot and payload as their hash and length. Nothing an entry
told is lost but the text of drafts later replaced, which the entry keeps by hash (the pre-migration backup
keeps the log as it was). Runs inside the migration's transaction: a kill leaves the file as it was.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from qt_app.store import audit

if TYPE_CHECKING:
    from sqlite_utils import Database

# As the letters register declared them when this step was written (not imported: a released step is frozen).
LETTERS_KEPT = ("snapshot_json", "payload")
BATCH = 500


def _parsed(text: str | None) -> Any:
    if text is None:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return audit.ABSENT


def compact(db: Database) -> int:
    """Rewrite the letters' and firms' entries as changes; returns how many were rewritten."""
    seqs = [
        int(r[0]) for r in db.execute("SELECT seq FROM audit WHERE tbl IN ('letters', 'firms') ORDER BY seq")
    ]
    db.execute("DROP TRIGGER IF EXISTS audit_no_update")  # put back below, in the same transaction
    done = 0
    for start in range(0, len(seqs), BATCH):
        chunk = seqs[start : start + BATCH]
        rows = db.execute(
            f"SELECT seq, tbl, before_json, after_json FROM audit WHERE seq IN ({', '.join('?' * len(chunk))})",
            chunk,
        ).fetchall()
        for seq, table, before_text, after_text in rows:
            before, after = _parsed(before_text), _parsed(after_text)
            shapes_ok = all(v is None or isinstance(v, dict) for v in (before, after))
            if not shapes_ok or (before is None and after is None):
                continue  # not a record's before and after: left as written
            old, new = audit.changes(before, after, LETTERS_KEPT if table == "letters" else ())
            db.execute(
                "UPDATE audit SET before_json = ?, after_json = ? WHERE seq = ?",
                [audit.as_text(old), audit.as_text(new), seq],
            )
            done += 1
    db.execute(
        "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit "
        "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END"
    )
    return done
