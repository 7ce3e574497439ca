"""The audit log (操作日志): append-only, one row per change, with the record before and after."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database  # types only: sqlite-utils loads on the first write


def utc_now() -> str:
    """UTC ISO time with microseconds: sortable as text and safe for a future server sync."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _json(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def record(db: Database, who: str, table: str, record_id: str, action: str, before: Any, after: Any) -> None:
    """Append one entry; runs inside the caller's transaction so it commits with the change itself."""
    db.execute(
        "INSERT INTO audit(at, who, tbl, record_id, action, before_json, after_json) VALUES (?,?,?,?,?,?,?)",
        [utc_now(), who, table, record_id, action, _json(before), _json(after)],
    )


def entries(db: Database, table: str | None = None, record_id: str | None = None) -> list[dict[str, Any]]:
    """Audit entries, oldest first, optionally for one table or one record."""
    sql = "SELECT seq, at, who, tbl, record_id, action, before_json, after_json FROM audit"
    where: list[str] = []
    params: list[Any] = []
    if table is not None:
        where.append("tbl = ?")
        params.append(table)
    if record_id is not None:
        where.append("record_id = ?")
        params.append(record_id)
    if where:
        sql += " WHERE " + " AND ".join(where)
    return list(db.query(sql + " ORDER BY seq", params))
