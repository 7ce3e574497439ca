"""Firm records (企业档案): save, load, list, search, trash. Every write is audited by the caller's transaction."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from qt_app.domain.errors import DomainError, FieldProblem, ValidationError
from qt_app.domain.pipeline import Stage
from qt_app.store import audit
from qt_app.store.models import SORT_COLUMNS, FirmFilter, FirmRow
from qt_app.store.search_text import in_order_pattern, initials_of, pinyin_text, sort_key_text

if TYPE_CHECKING:
    from sqlite_utils import Database  # types only: sqlite-utils loads on the first write

    from qt_app.domain.firm import Firm
    from qt_app.domain.variants import Variant
    from qt_app.store.db import Reader

STAGE_ORDER = {s.value: i for i, s in enumerate(Stage)}
_ROW_COLUMNS = (
    "f.id, f.name, f.uscc, f.stage, f.domains, f.outpost, f.owner, f.modified_at, "
    "(SELECT total_fen FROM package_cache p WHERE p.firm_id = f.id AND p.variant = 'base') AS total, "
    "f.deleted_at"
)


def to_json(data: dict[str, Any]) -> str:
    """Canonical JSON (sorted keys), so equal firms give equal text and equal hashes."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


HISTORY_LIMIT = 200  # versions remembered per firm: enough for years of edits between two bundle trips


def add_version(history: list[str], *more: str) -> list[str]:
    """The versions a record has had, oldest first, without repeats; the newest `more` go last."""
    out = [h for h in history if h not in more]
    out.extend(dict.fromkeys(more))
    return out[-HISTORY_LIMIT:]


def content_hash(data_json: str, deleted_at: str | None) -> str:
    """What bundle merging compares: the firm's data plus whether it is in the trash."""
    import hashlib  # on the first write, not at start (OpenSSL takes ~2 ms to load)

    return hashlib.sha256(f"{data_json}\n{'deleted' if deleted_at else ''}".encode()).hexdigest()


class FirmNotFound(DomainError):
    def __init__(self, firm_id: str) -> None:
        super().__init__(f"找不到企业：{firm_id}", f"No such firm: {firm_id}")


def validate(firm: Firm, variants: tuple[Variant, ...]) -> dict[str, Any]:
    """The canonical dict, read back once (so nothing saved can fail to load, and text is trimmed
    exactly as a later load would trim it)."""
    from qt_app.domain.firm_io import firm_from_dict, firm_to_dict  # the model loads after the first paint

    return firm_to_dict(*firm_from_dict(firm_to_dict(firm, variants), firm.name or firm.id))


def _uscc_taken(db: Reader, code: str, firm_id: str) -> str | None:
    row = db.execute(
        "SELECT name FROM firms WHERE uscc = ? AND id != ? AND deleted_at IS NULL LIMIT 1", [code, firm_id]
    ).fetchone()
    return None if row is None else str(row[0])


def write(
    db: Database,
    data: dict[str, Any],
    *,
    who: str,
    now: str,
    action: str = "save",
    modified_at: str | None = None,
    deleted_at: str | None = None,
    history: list[str] | None = None,
    created_at: str | None = None,
) -> str:
    """Insert or update one firm from its canonical dict, with its search entry and an audit row.

    `history` (bundle merges) replaces the record's list of versions; otherwise the new version is added.
    """
    firm_id = str(data["id"])
    code = str(data.get("uscc", ""))
    other = _uscc_taken(db, code, firm_id) if code and deleted_at is None else None
    if other is not None:
        raise ValidationError(
            [
                FieldProblem(
                    "uscc",
                    f"统一社会信用代码已被“{other}”使用",
                    f"This credit code is already used by “{other}”",
                )
            ],
            str(data.get("name", "")),
        )
    data_json = to_json(data)
    before = db.execute(
        "SELECT rid, data_json, created_at, hash_history FROM firms WHERE id = ?", [firm_id]
    ).fetchone()
    name, contact, notes = str(data["name"]), str(data.get("contact", "")), str(data.get("notes", ""))
    pinyin = pinyin_text(name, contact)
    columns = {
        "id": firm_id,
        "name": name,
        "uscc": code,
        "stage": str(data.get("stage", "lead")),
        "owner": str(data.get("owner", "")),
        "outpost": str(data.get("outpost", "")),
        "domains": json.dumps(list(data.get("domains", [])), ensure_ascii=False),
        "contact": contact,
        "notes": notes,
        "data_json": data_json,
        "modified_at": modified_at or now,
        "deleted_at": deleted_at,
        "search_pinyin": pinyin,
        "name_sort": sort_key_text(name),
        "content_hash": content_hash(data_json, deleted_at),
    }
    known = history if history is not None else (json.loads(before[3]) if before is not None else [])
    columns["hash_history"] = json.dumps(add_version(known, str(columns["content_hash"])))
    if before is None:
        columns["created_at"] = created_at or now
        names = ", ".join(columns)
        marks = ", ".join("?" for _ in columns)
        rid = int(
            db.execute(f"INSERT INTO firms({names}) VALUES ({marks})", list(columns.values())).lastrowid or 0
        )
    else:
        rid = before[0]
        sets = ", ".join(f"{k} = ?" for k in columns if k != "id")
        db.execute(
            f"UPDATE firms SET {sets} WHERE rid = ?", [v for k, v in columns.items() if k != "id"] + [rid]
        )
        unindex(db, rid)
        db.execute("DELETE FROM package_cache WHERE firm_id = ?", [firm_id])  # the figures are stale now
    if deleted_at is None:  # the trash is not searched
        index(db, rid, name, code, contact, notes, pinyin)
    audit.record(  # the fields that changed, compared as data (a firm's JSON is not kept elsewhere)
        db, who, "firms", firm_id, action if before else "create",
        json.loads(before[1]) if before else None,
        json.loads(data_json) if before else data,  # a new firm: its dict is what the JSON reads back as
    )  # fmt: skip
    return firm_id


def load(db: Reader, firm_id: str) -> tuple[Firm, tuple[Variant, ...]]:
    row = db.execute("SELECT data_json FROM firms WHERE id = ?", [firm_id]).fetchone()
    if row is None:
        raise FirmNotFound(firm_id)
    from qt_app.domain.firm_io import firm_from_dict

    return firm_from_dict(json.loads(row[0]), firm_id)


def raw(db: Database, firm_id: str) -> dict[str, Any] | None:
    """The stored row (data, timestamps, hashes) for merging and exports."""
    rows = list(db.query("SELECT * FROM firms WHERE id = ?", [firm_id]))
    return rows[0] if rows else None


def search_hay(name: str, code: str, contact: str, notes: str, pinyin: str) -> str:
    """One lower-case line of everything searchable, for short (1–2 character) queries."""
    return "\x1f".join((name, code, contact, notes, pinyin)).lower()


def index(db: Database, rid: int, name: str, code: str, contact: str, notes: str, pinyin: str) -> None:
    """Put a firm in both search indexes: trigram FTS (3+ characters) and the narrow scan table."""
    db.execute(
        "INSERT INTO firms_fts(rowid, name, uscc, contact, notes, pinyin) VALUES (?, ?, ?, ?, ?, ?)",
        [rid, name, code, contact, notes, pinyin],
    )
    db.execute(
        "INSERT OR REPLACE INTO firm_search(rid, hay) VALUES (?, ?)",
        [rid, search_hay(name, code, contact, notes, pinyin)],
    )


def unindex(db: Database, rid: int) -> None:
    db.execute("DELETE FROM firms_fts WHERE rowid = ?", [rid])
    db.execute("DELETE FROM firm_search WHERE rid = ?", [rid])


def set_deleted(db: Database, firm_id: str, deleted_at: str | None, who: str, now: str) -> None:
    row = db.execute(
        "SELECT data_json, deleted_at, rid, name, uscc, contact, notes, search_pinyin FROM firms WHERE id = ?",
        [firm_id],
    ).fetchone()
    if row is None:
        raise FirmNotFound(firm_id)
    unindex(db, row[2])
    if deleted_at is None:
        index(db, *row[2:])
    new_hash = content_hash(row[0], deleted_at)
    history = json.loads(db.execute("SELECT hash_history FROM firms WHERE id = ?", [firm_id]).fetchone()[0])
    db.execute(
        "UPDATE firms SET deleted_at = ?, modified_at = ?, content_hash = ?, hash_history = ? WHERE id = ?",
        [deleted_at, now, new_hash, json.dumps(add_version(history, new_hash)), firm_id],
    )
    action = "delete" if deleted_at else "restore"
    audit.record(db, who, "firms", firm_id, action, {"deleted_at": row[1]}, {"deleted_at": deleted_at})


_LIKE_ESCAPE = re.compile(r"([\\%_])")


def _like(term: str) -> str:
    return "%" + _LIKE_ESCAPE.sub(r"\\\1", term) + "%"


# The last short-term scan (connection, key, row ids): count and first page ask for the same one.
_last_short_scan: list[tuple[sqlite3.Connection, tuple[str, int, int], list[int]]] = []


def short_matches(db: Reader, term: str) -> list[int]:
    """Row ids of firms (not in the trash) whose text or pinyin contains a 1–2 character term.

    One scan per term and database state: typing asks for the count and the first page of the same
    query, so the second ask is served from memory. The key includes the connection's change counter
    and SQLite's data_version, so any write (here or by another connection) starts afresh.
    """
    conn = db if isinstance(db, sqlite3.Connection) else db.conn
    key = (term, conn.total_changes, conn.execute("PRAGMA data_version").fetchone()[0])
    if _last_short_scan and _last_short_scan[0][0] is conn and _last_short_scan[0][1] == key:
        return _last_short_scan[0][2]
    if term.isascii():  # LIKE is quick on ASCII and ignores case
        sql, arg = "SELECT rid FROM firm_search WHERE hay LIKE ? ESCAPE '\\'", _like(term.lower())
    else:  # instr is quicker than LIKE on Chinese text (the hay is already lower-case)
        sql, arg = "SELECT rid FROM firm_search WHERE instr(hay, ?) > 0", term.lower()
    found = [int(r[0]) for r in conn.execute(sql, [arg]).fetchall()]
    _last_short_scan[:] = [(conn, key, found)]
    return found


# Every live firm's name and contact initials, for the words-in-order match: (connection, key, rows).
_initials: list[tuple[sqlite3.Connection, tuple[int, int], list[tuple[int, tuple[str, ...]]]]] = []
# The last long-term answer (connection, (term, key), row ids): count and first page ask for the same one.
_last_long: list[tuple[sqlite3.Connection, tuple[str, int, int], list[int]]] = []


def _state(conn: sqlite3.Connection) -> tuple[int, int]:
    """Changes by this connection and by any other: a key that moves with every write."""
    return conn.total_changes, int(conn.execute("PRAGMA data_version").fetchone()[0])


def in_order_matches(db: Reader, term: str) -> list[int] | None:
    """Row ids of firms whose pinyin initials hold `term`'s words in order (qtkj → 青田…科技), or None when the
    term is not pinyin initials. The initials are read once per database state (a scan of one column)."""
    pattern = in_order_pattern(term)
    if pattern is None:
        return None
    conn = db if isinstance(db, sqlite3.Connection) else db.conn
    key = _state(conn)
    if not (_initials and _initials[0][0] is conn and _initials[0][1] == key):
        rows = conn.execute("SELECT rid, search_pinyin FROM firms WHERE deleted_at IS NULL").fetchall()
        _initials[:] = [(conn, key, [(int(r[0]), initials_of(r[1])) for r in rows if r[1]])]
    search = pattern.search
    return [rid for rid, initials in _initials[0][2] if any(search(i) for i in initials)]


def long_matches(db: Reader, term: str) -> list[int] | None:
    """For a term of pinyin letters: firms containing it anywhere (trigram index) or holding its words in
    order in their initials, as one list of row ids; None for other terms (the trigram index alone serves)."""
    conn = db if isinstance(db, sqlite3.Connection) else db.conn
    if in_order_pattern(term) is None:
        return None
    key = (term, *_state(conn))
    if _last_long and _last_long[0][0] is conn and _last_long[0][1] == key:
        return _last_long[0][2]
    phrase = '"' + term.replace('"', '""') + '"'
    found = {int(r[0]) for r in conn.execute("SELECT rowid FROM firms_fts WHERE firms_fts MATCH ?", [phrase])}
    found.update(in_order_matches(conn, term) or ())
    rids = sorted(found)
    _last_long[:] = [(conn, key, rids)]
    return rids


def _term_condition(db: Reader, term: str) -> tuple[str, Any]:
    """One word of the query: a substring anywhere (trigram index, or a scan when short), or initials in order."""
    if len(term) < 3:  # too short for trigrams: a scan of one narrow column
        return "f.rid IN (SELECT value FROM json_each(?))", [json.dumps(short_matches(db, term))]
    letters = long_matches(db, term)
    if letters is not None:
        return "f.rid IN (SELECT value FROM json_each(?))", [json.dumps(letters)]
    phrase = '"' + term.replace('"', '""') + '"'
    return "f.rid IN (SELECT rowid FROM firms_fts WHERE firms_fts MATCH ?)", [phrase]


def _conditions(
    db: Reader, query: str, filters: FirmFilter | None, deleted: bool
) -> tuple[list[str], list[Any]]:
    filters = filters or FirmFilter()
    where = ["f.deleted_at IS NOT NULL" if deleted else "f.deleted_at IS NULL"]
    params: list[Any] = []
    for term in query.split():  # every word must match (trigram substring, short-term scan, or initials)
        condition, args = _term_condition(db, term)
        where.append(condition)
        params.extend(args)
    if filters.stages:
        where.append(f"f.stage IN ({', '.join('?' for _ in filters.stages)})")
        params.extend(filters.stages)
    if filters.domain:
        where.append("EXISTS (SELECT 1 FROM json_each(f.domains) d WHERE d.value = ?)")
        params.append(filters.domain)
    if filters.outpost:
        where.append("f.outpost = ?")
        params.append(filters.outpost)
    if filters.owner:
        where.append("f.owner = ?")
        params.append(filters.owner)
    return where, params


def _order(sort: str, descending: bool) -> str:
    if sort not in SORT_COLUMNS:
        raise DomainError(f"不能按“{sort}”排序", f"Cannot sort by “{sort}”")
    expr = {
        "name": "f.name_sort",
        "stage": "CASE f.stage " + " ".join(f"WHEN '{k}' THEN {v}" for k, v in STAGE_ORDER.items()) + " END",
        "package_total_fen": "total",
    }.get(sort, f"f.{sort}")
    direction = "DESC" if descending else "ASC"
    return f"{expr} {direction}, f.rid {direction}"  # rid: the index order, so no sort step


def _row(r: tuple[Any, ...]) -> FirmRow:
    return FirmRow(r[0], r[1], r[2], r[3], tuple(json.loads(r[4])), r[5], r[6], r[7], r[8], r[9])


def list_rows(
    db: Reader,
    query: str = "",
    filters: FirmFilter | None = None,
    sort: str = "modified_at",
    descending: bool = True,
    offset: int = 0,
    limit: int = 100,
    deleted: bool = False,
) -> list[FirmRow]:
    where, params = _conditions(db, query, filters, deleted)
    sql = (
        f"SELECT {_ROW_COLUMNS} FROM firms f WHERE {' AND '.join(where)} "
        f"ORDER BY {_order(sort, descending)} LIMIT ? OFFSET ?"
    )
    return [_row(r) for r in db.execute(sql, [*params, int(limit), int(offset)]).fetchall()]


def count(db: Reader, query: str = "", filters: FirmFilter | None = None, deleted: bool = False) -> int:
    terms = query.split()
    if len(terms) == 1 and not deleted and (filters is None or filters == FirmFilter()):
        # Search as you type, no filters: count in the index alone (it holds exactly the firms not in the trash).
        term = terms[0]
        if len(term) < 3:
            return len(short_matches(db, term))
        letters = long_matches(db, term)
        if letters is not None:  # substring and initials-in-order matches, each firm once
            return len(letters)
        phrase = '"' + term.replace('"', '""') + '"'
        return int(
            db.execute("SELECT count(*) FROM firms_fts WHERE firms_fts MATCH ?", [phrase]).fetchone()[0]
        )
    where, params = _conditions(db, query, filters, deleted)
    return int(db.execute(f"SELECT count(*) FROM firms f WHERE {' AND '.join(where)}", params).fetchone()[0])


def iterate(db: Reader, batch: int = 500) -> Iterator[tuple[Firm, tuple[Variant, ...]]]:
    """Every firm not in the trash, by name; read in batches so 100,000 firms stay light."""
    from qt_app.domain.firm_io import firm_from_dict

    last = ""
    last_id = ""
    while True:
        rows = db.execute(
            "SELECT name_sort, id, data_json FROM firms WHERE deleted_at IS NULL AND (name_sort, id) > (?, ?) "
            "ORDER BY name_sort, id LIMIT ?",
            [last, last_id, batch],
        ).fetchall()
        if not rows:
            return
        for _, firm_id, data_json in rows:
            yield firm_from_dict(json.loads(data_json), firm_id)
        last, last_id = rows[-1][0], rows[-1][1]


def find_by_uscc(db: Reader, code: str) -> str | None:
    row = db.execute(
        "SELECT id FROM firms WHERE uscc = ? ORDER BY deleted_at IS NOT NULL, modified_at DESC LIMIT 1",
        [code],
    ).fetchone()
    return None if row is None else str(row[0])
