"""The audit log (操作日志): append-only, one row per change — who, when, what action, and what changed.

An entry keeps only the fields that changed, each with its value before and after (a new record: every field
it has; nested objects are compared field by field, so a path like `variants/0/label` — a JSON Pointer
(RFC 6901) without its leading slash — names what changed inside one). A large text the database keeps
elsewhere (a letter's frozen snapshot stays in its row) is written as `{"sha256": …, "bytes": …}` instead of
the text, plus, when both sides are JSON and differ in only a few places, those places
(`snapshot_json/draft_core/package/total`). So a letter's 40 KB snapshot is not copied into every status
change, and the log still proves which version each step saw.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database  # types only: sqlite-utils loads on the first write

LARGE = 1024  # UTF-8 bytes: a kept-elsewhere text this long is written as its hash and length
DETAIL_SHARE = 10  # the places a large JSON text changed are written when they take ≤ 1/10 of its size


class _Absent:
    """A field one side does not have (distinct from a field holding null)."""


ABSENT = _Absent()


def utc_now() -> str:
    """UTC ISO time with microseconds: sortable as text and safe for a future server sync."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def as_text(value: Any) -> str | None:
    """How an entry stores a value: text as it is, anything else as JSON."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def digest(text: str) -> dict[str, Any]:
    """What the log keeps of a large text kept elsewhere: its SHA-256 (of the UTF-8 bytes) and length."""
    import hashlib  # on the first large text, not at start (OpenSSL takes ~3 ms to load)

    raw = text.encode("utf-8")
    return {"sha256": hashlib.sha256(raw).hexdigest(), "bytes": len(raw)}


def is_digest(value: Any) -> bool:
    return isinstance(value, dict) and set(value) == {"sha256", "bytes"}


def _segment(key: Any) -> str:
    text = str(key)
    return text.replace("~", "~0").replace("/", "~1") if "~" in text or "/" in text else text


def path_field(path: str) -> str:
    """The top-level field a path names (`variants/0/label` → `variants`)."""
    return path.split("/", 1)[0].replace("~1", "/").replace("~0", "~")


def _nested(old: Any, new: Any, prefix: str, before: dict[str, Any], after: dict[str, Any]) -> None:
    """Every place `old` and `new` differ, dicts by key and equal-length lists by index."""
    if old == new and type(old) is type(new):
        return
    if isinstance(old, dict) and isinstance(new, dict):
        for key in sorted(set(old) | set(new), key=str):
            _nested(old.get(key, ABSENT), new.get(key, ABSENT), f"{prefix}/{_segment(key)}", before, after)
        return
    if isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        for i, (o, n) in enumerate(zip(old, new, strict=True)):
            _nested(o, n, f"{prefix}/{i}", before, after)
        return
    if old is not ABSENT:
        before[prefix] = old
    if new is not ABSENT:
        after[prefix] = new


def _large(value: Any) -> bool:
    return isinstance(value, str) and len(value.encode("utf-8")) >= LARGE


def _parsed(text: Any) -> Any:
    try:
        value = json.loads(text) if isinstance(text, str) else ABSENT
    except ValueError:
        return ABSENT
    return value if isinstance(value, dict | list) else ABSENT


def _kept_text(old: Any, new: Any, key: str, before: dict[str, Any], after: dict[str, Any]) -> None:
    """A large text kept elsewhere: hash and length on each side, and where the JSON changed when that is small."""
    for value, side in ((old, before), (new, after)):
        if value is not ABSENT:
            side[key] = digest(value) if _large(value) else value
    parsed_old, parsed_new = _parsed(old), _parsed(new)
    if parsed_old is ABSENT or parsed_new is ABSENT:
        return
    b: dict[str, Any] = {}
    a: dict[str, Any] = {}
    _nested(parsed_old, parsed_new, key, b, a)
    size = len(as_text(b) or "") + len(as_text(a) or "")
    if size * DETAIL_SHARE <= max(len(str(old)), len(str(new))):
        before.update(b)
        after.update(a)


def changes(before: Any, after: Any, kept: Collection[str] = ()) -> tuple[Any, Any]:
    """What an entry records of a change: for records (dicts), only the fields that differ, by path."""
    if not isinstance(before, Mapping) and not isinstance(after, Mapping):
        return before, after  # a setting's value, a budget: small, kept as it is
    if before is None and not kept:  # a new record (an import writes thousands): its fields as they are
        return None, {_segment(key): value for key, value in after.items() if value is not None}
    old = dict(before) if isinstance(before, Mapping) else {}
    new = dict(after) if isinstance(after, Mapping) else {}
    b: dict[str, Any] = {}
    a: dict[str, Any] = {}
    for key in sorted(set(old) | set(new), key=str):
        o, n = old.get(key, ABSENT), new.get(key, ABSENT)
        if before is None:  # a new record: every field it has (empty ones say nothing)
            o = ABSENT
            if n is None:
                continue
        if after is None:
            n = ABSENT
            if o is None:
                continue
        if o == n and type(o) is type(n):
            continue
        name = _segment(key)
        if key in kept and (_large(o) or _large(n)):
            _kept_text(o, n, name, b, a)
        else:
            _nested(o, n, name, b, a)
    return (b if before is not None else None), (a if after is not None else None)


def record(
    db: Database,
    who: str,
    table: str,
    record_id: str,
    action: str,
    before: Any,
    after: Any,
    kept: Collection[str] = (),
) -> None:
    """Append one entry; runs inside the caller's transaction so it commits with the change itself.

    `kept` names the fields whose large texts the database keeps elsewhere (written as hash and length).
    """
    old, new = changes(before, after, kept)
    db.execute(
        "INSERT INTO audit(at, who, tbl, record_id, action, before_json, after_json) VALUES (?,?,?,?,?,?,?)",
        [utc_now(), who, table, record_id, action, as_text(old), as_text(new)],
    )


def changed_fields(entry: Mapping[str, Any]) -> set[str]:
    """The top-level fields an entry says changed (a new record: those it was created with)."""
    out: set[str] = set()
    for column in ("before_json", "after_json"):
        value = _parsed(entry.get(column))
        if isinstance(value, dict):
            out.update(path_field(p) for p in value)
    return out


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
