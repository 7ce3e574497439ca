"""Opening the database file (打开数据库): one file, WAL, foreign keys, a quick check, migrations.

A damaged, unreadable or foreign file is never written to: opening raises StoreCorrupt naming the file
and the newest good backup. A second copy of the app gets a read-only connection (or a StoreError when
it must write), guarded by an OS lock on `offer-desk.lock`.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from qt_app import paths
from qt_app.store import backups
from qt_app.store.errors import StoreCorrupt, StoreError, translate
from qt_app.store.lock import FileLock
from qt_app.store.migrations import SCHEMA_VERSION, migrate, schema_version

if TYPE_CHECKING:
    from sqlite_utils import Database

    # What a read needs: the plain connection serves reads, so opening the file and showing the first
    # page never waits for sqlite-utils (and the click, dateutil and pluggy it imports: ~40 ms).
    Reader: TypeAlias = Database | sqlite3.Connection

DB_NAME = "offer-desk.sqlite3"
LOCK_NAME = "offer-desk.lock"
BUSY_TIMEOUT_MS = 3000
BACKGROUND_CHECK_BYTES = (
    32 * 1024 * 1024
)  # above this a quick check takes >30 ms: run it beside the first page


@dataclass
class Opened:
    """An open database: the connection, whether it may write, and why not (zh, en) when it may not."""

    conn: sqlite3.Connection
    path: Path
    folder: Path
    read_only: bool
    lock: FileLock | None
    notice: tuple[str, str] | None = None
    migrated_from: int | None = None
    integrity: IntegrityCheck | None = None

    @cached_property
    def db(self) -> Database:
        """The sqlite-utils handle for writes and migrations, made on first use (reads use `conn`)."""
        from sqlite_utils import Database

        return Database(self.conn, execute_plugins=False)

    def require_intact(self) -> None:
        """Wait for a background integrity check; a damaged file becomes read-only and the caller is told."""
        if self.integrity is None or self.integrity.wait():
            return
        error = _corrupt(
            self.path, self.folder, "未通过完整性检查（已损坏）", "failed its integrity check (damaged)"
        )
        self.read_only = True
        self.notice = (error.zh, error.en)
        raise error

    def close(self) -> None:
        try:
            self.conn.close()
        finally:
            if self.lock is not None:
                self.lock.release()


class IntegrityCheck:
    """`PRAGMA quick_check` on its own read-only connection, in a background thread."""

    def __init__(self, path: Path, folder: Path) -> None:
        self.path = path
        self.folder = folder
        self.ok: bool | None = None
        self._done = threading.Event()

    def start(self) -> None:
        threading.Thread(target=self._run, name="offer-desk-quick-check", daemon=True).start()

    def _run(self) -> None:
        try:
            conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
            try:
                self.ok = _quick_check(conn)
            finally:
                conn.close()
        except sqlite3.Error:
            self.ok = False
        finally:
            self._done.set()

    def wait(self, timeout: float | None = None) -> bool:
        """True when the file passed; blocks until the check is done (or `timeout` passes: then True)."""
        if not self._done.wait(timeout):
            return True
        return bool(self.ok)


def _corrupt(path: Path, folder: Path, why_zh: str, why_en: str) -> StoreCorrupt:
    good = backups.newest_good(folder)
    hint_zh = "文件保持原样未被改动" + ("" if good else "；没有找到完好的备份")
    hint_en = "it was left untouched" + ("" if good else "; no good backup was found")
    return StoreCorrupt(
        f"数据库文件{why_zh}：{path}。{hint_zh}",
        f"The database file {why_en}: {path}; {hint_en}",
        path,
        good,
    )


def _check_header(path: Path, folder: Path) -> None:
    """Refuse a file that is not SQLite before SQLite gets a chance to touch it."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(100)
    except OSError as e:
        raise StoreError(
            f"无法读取数据库文件 {path}：{e.strerror}",
            f"Cannot read the database file {path}: {e.strerror}",
            path,
        ) from e
    if not head:
        if backups.list_backups(folder):  # an empty file where data used to be
            raise _corrupt(path, folder, "是空的（长度为0）", "is empty (0 bytes)")
        return
    if head[:16] != backups.SQLITE_HEADER:
        raise _corrupt(path, folder, "不是数据库文件", "is not a database")
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(head[28:32], "big")
    size = path.stat().st_size
    if page_size and pages and size < page_size * pages and not Path(f"{path}-wal").exists():
        raise _corrupt(path, folder, "被截断（不完整）", "is truncated")


def _connect(path: Path, read_only: bool, busy_ms: int) -> sqlite3.Connection:
    if read_only:
        # In a read-only folder no writer can exist and SQLite cannot create the WAL index (-shm):
        # read the file as immutable instead of failing.
        frozen = not _folder_writable(path.parent) and not Path(f"{path}-shm").exists()
        uri = f"file:{path}?mode=ro" + ("&immutable=1" if frozen else "")
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    else:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {int(busy_ms)}")
    return conn


def _prepare(conn: sqlite3.Connection, read_only: bool) -> None:
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA recursive_triggers = ON")  # as sqlite-utils sets it, whenever its handle is made
    if not read_only:
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise sqlite3.OperationalError(f"cannot enable WAL (journal_mode={mode})")
        conn.execute("PRAGMA synchronous = FULL")  # a committed save survives a flat battery


def _quick_check(conn: sqlite3.Connection) -> bool:
    rows = conn.execute("PRAGMA quick_check").fetchall()
    return len(rows) == 1 and rows[0][0] == "ok"


def _folder_writable(folder: Path) -> bool:
    return os.access(folder, os.W_OK | os.X_OK)


def open_database(
    data_dir: str | Path | None = None,
    read_only: bool = False,
    require_write: bool = False,
    busy_timeout_ms: int = BUSY_TIMEOUT_MS,
) -> Opened:
    """Open (creating when absent) `offer-desk.sqlite3` in the data folder, upgraded to SCHEMA_VERSION."""
    folder = paths.data_dir(data_dir)
    path = folder / DB_NAME
    notice: tuple[str, str] | None = None
    if not read_only:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise StoreError(
                f"无法创建数据文件夹 {folder}：{e.strerror}",
                f"Cannot create the data folder {folder}: {e.strerror}",
            ) from e
    exists = path.exists()
    if exists:
        _check_header(path, folder)
    elif read_only or not _folder_writable(folder):
        raise StoreError(
            f"数据文件夹中还没有数据库，且无法创建（只读）：{path}",
            f"There is no database yet and none can be created (read-only): {path}",
            path,
        )

    lock: FileLock | None = None
    if not read_only:
        reason: tuple[str, str] | None = None
        if not _folder_writable(folder) or (exists and not os.access(path, os.W_OK)):
            reason = ("数据文件夹或文件只读", "The data folder or file is read-only")
        else:
            lock = FileLock(folder / LOCK_NAME)
            if not lock.acquire():
                lock = None
                reason = (
                    "数据库正被另一个“招商政策测算台”窗口使用",
                    "The database is in use by another Offer Desk window",
                )
        if reason is not None:
            if require_write:
                raise StoreError(f"{reason[0]}，无法写入：{path}", f"{reason[1]}; cannot write: {path}", path)
            notice = (f"{reason[0]}，已以只读方式打开：{path}", f"{reason[1]}; opened read-only: {path}")
    writable = lock is not None
    try:
        conn = _connect(path, not writable, busy_timeout_ms)
    except sqlite3.Error as e:
        if lock:
            lock.release()
        raise translate(e, path) from e
    opened = Opened(conn, path, folder, not writable, lock, notice)
    try:
        _prepare(conn, not writable)
        size = path.stat().st_size if exists else 0
        needs_upgrade = schema_version(conn) != SCHEMA_VERSION
        if size > BACKGROUND_CHECK_BYTES and not needs_upgrade:
            # A big file: check it on a second connection while the first page shows; writes wait for it.
            opened.integrity = IntegrityCheck(path, folder)
            opened.integrity.start()
        elif not _quick_check(conn):
            raise _corrupt(path, folder, "未通过完整性检查（已损坏）", "failed its integrity check (damaged)")
        _upgrade(opened, exists)
    except sqlite3.DatabaseError as e:
        opened.close()
        err = translate(e, path)
        if isinstance(err, StoreCorrupt):
            raise _corrupt(path, folder, "已损坏或不是数据库", "is damaged or not a database") from e
        raise err from e
    except BaseException:
        opened.close()
        raise
    return opened


def _upgrade(opened: Opened, existed: bool) -> None:
    conn, path = opened.conn, opened.path
    version = schema_version(conn)
    if version == 0 and conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
        raise _corrupt(path, opened.folder, "不是本程序的数据库", "is not an Offer Desk database")
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"数据库由更新版本的程序创建（结构版本 {version}），请升级程序：{path}",
            f"The database was made by a newer version of the app (schema {version}); please upgrade: {path}",
            path,
        )
    if version == SCHEMA_VERSION:
        return
    if opened.read_only:
        raise StoreError(
            f"数据库需要升级，但当前只能只读打开：{path}",
            f"The database needs an upgrade but can only be opened read-only now: {path}",
            path,
        )
    if existed and version > 0:  # a copy of the old version first, in case the upgrade goes wrong
        backups.write_backup(conn, backups.new_backup_path(opened.folder, f"pre-migration-v{version}"))
    with transaction(opened.db, path):
        migrate(opened.db)
    opened.migrated_from = version


def _write_lock(db: Database) -> threading.RLock:
    lock: threading.RLock = db.__dict__.setdefault("_offer_desk_write_lock", threading.RLock())
    return lock


@contextmanager
def transaction(db: Database, path: Path) -> Iterator[Database]:
    """One user action = one transaction (BEGIN IMMEDIATE); nested use becomes a savepoint.

    The connection may be shared with a worker thread (a long import): a lock lets one thread's
    transaction finish before another thread's begins, instead of the second joining the first.
    """
    with _write_lock(db):
        yield from _transaction(db, path)


def _transaction(db: Database, path: Path) -> Iterator[Database]:
    if db.conn.in_transaction:
        try:
            with db.atomic():
                yield db
        except sqlite3.Error as e:
            raise translate(e, path) from e
        return
    try:
        db.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as e:
        raise translate(e, path) from e
    try:
        yield db
    except BaseException as e:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        if isinstance(e, sqlite3.Error):
            raise translate(e, path) from e
        raise
    try:
        db.conn.execute("COMMIT")
    except sqlite3.Error as e:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise translate(e, path) from e
