"""Knowing the file is ours and whole (识别与完整性检查), before anything writes to it.

The app's own database carries `PRAGMA application_id` = APPLICATION_ID; files made before that stamp
existed (application_id 0) are recognised by their schema: a known `user_version` and every table that
version had. Everything here reads through a read-only connection, so a foreign or damaged file is never
changed, not even its journal mode.

Two depths of check: `quick_check` (page structure, what SQLite can see cheaply) at every open, and
`full_check` (`PRAGMA integrity_check`, which also finds an index out of step with its table, plus a read of
every text value, which finds text that is not UTF-8) before writes, backups and bundle exports.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from qt_app.store.migrations import APPLICATION_ID, LEGACY_TABLES, SCHEMA_VERSION

SQLITE_HEADER = b"SQLite format 3\x00"
MAX_REPORTED = 20  # integrity_check lines kept for the report; the first few say enough


@dataclass(frozen=True)
class Header:
    """The fields of the 100-byte file header this module needs (read without SQLite)."""

    page_size: int
    pages: int
    wal: bool  # file format version 2: the file is in WAL mode
    user_version: int
    application_id: int


def read_header(path: Path) -> Header | None:
    """The header of an SQLite file; None for an empty file. Raises ValueError when it is not SQLite,
    OSError when it cannot be read."""
    with open(path, "rb") as fh:
        head = fh.read(100)
    if not head:
        return None
    if len(head) < 100 or head[:16] != SQLITE_HEADER:
        raise ValueError("not an SQLite file")
    page_size = int.from_bytes(head[16:18], "big")
    return Header(
        page_size=65536 if page_size == 1 else page_size,
        pages=int.from_bytes(head[28:32], "big"),
        wal=head[18] == 2 and head[19] == 2,
        user_version=int.from_bytes(head[60:64], "big", signed=True),
        application_id=int.from_bytes(head[68:72], "big", signed=True),
    )


def _connect_ro(path: Path, frozen: bool) -> sqlite3.Connection:
    uri = f"file:{path}?mode=ro" + ("&immutable=1" if frozen else "")
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA busy_timeout = 3000")
    return conn


def reader(path: Path) -> sqlite3.Connection:
    """A read-only connection that cannot change the file.

    A WAL file needs its index (-shm) to be read; where none can be made (a read-only folder, a disk with
    0 bytes free) and no write-ahead log holds unsaved pages, the file is read as immutable instead."""
    shm, wal = Path(f"{path}-shm"), Path(f"{path}-wal")
    frozen = not os.access(path.parent, os.W_OK | os.X_OK) and not shm.exists()
    conn = _connect_ro(path, frozen)
    if frozen:
        return conn
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError as e:
        conn.close()
        text = str(e).lower()
        if ("disk i/o" not in text and "unable to open" not in text) or _has_pages(wal):
            raise
        conn = _connect_ro(path, True)
    return conn


def _has_pages(wal: Path) -> bool:
    try:
        return wal.stat().st_size > 0
    except OSError:
        return False


@dataclass(frozen=True)
class Identity:
    """What a file is: "ours", "legacy" (ours, made before the stamp), "empty", "newer" or "foreign"."""

    kind: str
    version: int
    application_id: int


def identify(conn: sqlite3.Connection) -> Identity:
    app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if app_id == APPLICATION_ID:
        return Identity("newer" if version > SCHEMA_VERSION else "ours", version, app_id)
    if app_id != 0:
        return Identity("foreign", version, app_id)
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    if version == 0 and not names:
        pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
        # a file that holds pages but no schema is not empty: its first page is probably damaged
        return Identity("empty" if pages <= 1 else "foreign", version, app_id)
    if 0 < version < len(LEGACY_TABLES) and LEGACY_TABLES[version] <= names:
        return Identity("legacy", version, app_id)
    return Identity("foreign", version, app_id)


def quick_check(conn: sqlite3.Connection) -> list[str]:
    """`PRAGMA quick_check`: [] when the file passed, else what SQLite found."""
    rows = [str(r[0]) for r in conn.execute(f"PRAGMA quick_check({MAX_REPORTED})").fetchall()]
    return [] if rows == ["ok"] else rows


def full_check(conn: sqlite3.Connection) -> list[str]:
    """`PRAGMA integrity_check` and a read of every text value: [] when the file is whole."""
    rows = [str(r[0]) for r in conn.execute(f"PRAGMA integrity_check({MAX_REPORTED})").fetchall()]
    problems = [] if rows == ["ok"] else rows
    tables = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'"
        )
    ]
    for table in tables:
        quoted = '"' + table.replace('"', '""') + '"'
        try:
            cursor = conn.execute(f"SELECT * FROM {quoted}")
            while cursor.fetchmany(500):
                pass
        except sqlite3.OperationalError as e:
            if "decode" not in str(e).lower():
                raise
            problems.append(f"table {table}: text that is not valid UTF-8 ({e})")
    return problems


def check_file(path: Path, full: bool = True) -> list[str]:
    """Check a database file on its own read-only connection; [] when whole. Unreadable: one problem."""
    try:
        conn = reader(path)
        try:
            return full_check(conn) if full else quick_check(conn)
        finally:
            conn.close()
    except sqlite3.Error as e:
        return [str(e)]
