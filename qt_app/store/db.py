"""Opening the database file (打开数据库): one file, WAL, foreign keys, identity and integrity checks, migrations.

Nothing writes to the file before it is known to be ours and whole: the header and a read-only connection
tell whose it is (`integrity.identify`), and a quick check (and, for files up to a few MB, the full check)
runs on that connection before the writing connection opens or the journal mode changes. A foreign or
unreadable file raises StoreCorrupt naming the file and the newest good backup, byte for byte untouched.
A file that reads but fails the full check opens read-only, with the offer to restore that backup
(`Opened.damage`). A second copy of the app gets a read-only connection (or a StoreError when it must
write), guarded by an OS lock on `offer-desk.lock`.
"""

from __future__ import annotations

import contextlib
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
from qt_app.store import backups, integrity
from qt_app.store.admission import (
    BackgroundCheck,
    Inspection,
    check_header,
    damaged_error,
    damaged_notice,
    inspect,
    refusal,
)
from qt_app.store.errors import (
    StoreDiskError,
    StoreError,
    StoreFull,
    free_bytes,
    size_words,
    translate,
)
from qt_app.store.lock import FileLock
from qt_app.store.migrations import SCHEMA_VERSION, migrate

if TYPE_CHECKING:
    from sqlite_utils import Database

    # What a read needs: the plain connection serves reads, so opening the file and showing the first
    # page never waits for sqlite-utils (and the click, dateutil and pluggy it imports: ~40 ms).
    Reader: TypeAlias = Database | sqlite3.Connection

DB_NAME = "offer-desk.sqlite3"
LOCK_NAME = "offer-desk.lock"
BUSY_TIMEOUT_MS = 3000


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
    integrity: BackgroundCheck | None = None
    damage: tuple[str, ...] = ()  # what the full check found; the file is then read-only

    @cached_property
    def db(self) -> Database:
        """The sqlite-utils handle for writes and migrations, made on first use (reads use `conn`)."""
        from sqlite_utils import Database

        return Database(self.conn, execute_plugins=False)

    def require_intact(self) -> None:
        """Wait for a background check; a damaged file becomes read-only and the caller is told."""
        if not self.damage and self.integrity is not None and not self.integrity.wait(start=True):
            self.mark_damaged(self.integrity.problems or ["?"])
        if self.damage:
            raise damaged_error(self.path, self.folder)

    def mark_damaged(self, problems: list[str] | tuple[str, ...]) -> None:
        """The full check failed: no more writes; the notice says so and names the newest good backup."""
        self.damage = tuple(problems)
        self.read_only = True
        self.notice = damaged_notice(self.path, self.folder)

    def close(self) -> None:
        try:
            self.conn.close()
        finally:
            if self.lock is not None:
                self.lock.release()


def _connect(path: Path, read_only: bool, busy_ms: int) -> sqlite3.Connection:
    if read_only:
        conn = integrity.reader(path)
    else:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {int(busy_ms)}")
    return conn


def _prepare(conn: sqlite3.Connection, read_only: bool) -> None:
    """Connection settings only: nothing here writes to the file."""
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA recursive_triggers = ON")  # as sqlite-utils sets it, whenever its handle is made
    if not read_only:
        conn.execute("PRAGMA synchronous = FULL")  # a committed save survives a flat battery


def _use_wal(conn: sqlite3.Connection) -> None:
    """Switch a file we know is ours (and whole) to WAL; a no-op when it already is."""
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        raise sqlite3.OperationalError(f"cannot enable WAL (journal_mode={mode})")


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
    header = check_header(path, folder) if exists else None
    if not exists and (read_only or not _folder_writable(folder)):
        raise StoreError(
            f"数据文件夹中还没有数据库，且无法创建（只读）：{path}",
            f"There is no database yet and none can be created (read-only): {path}",
            path,
        )
    seen = inspect(path, folder) if header is not None else None

    lock: FileLock | None = None
    if seen is not None and seen.damage:  # readable but damaged: nothing may write (the restore locks itself)
        if require_write:
            raise damaged_error(path, folder)
        notice = damaged_notice(path, folder)
    elif not read_only:
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
    try:
        return _open_connection(path, folder, lock, notice, seen, busy_timeout_ms)
    except (StoreFull, StoreDiskError) as e:
        # A full (or failing) disk may still be read: open read-only and say why, unless asked to write.
        if lock is None or require_write or not exists:
            raise
        if isinstance(e, StoreFull):
            free_zh, free_en = size_words(free_bytes(folder) or 0)
            trouble = (
                f"{folder} 所在磁盘已满（剩余 {free_zh}），无法保存修改，已以只读方式打开：{path}",
                f"The disk holding {folder} is full ({free_en} free); changes cannot be saved, so the "
                f"database was opened read-only: {path}",
            )
        else:
            trouble = (f"{e.zh}。已以只读方式打开", f"{e.en}. Opened read-only")
    return _open_connection(path, folder, None, trouble, seen, busy_timeout_ms)


def _open_connection(
    path: Path,
    folder: Path,
    lock: FileLock | None,
    notice: tuple[str, str] | None,
    seen: Inspection | None,
    busy_ms: int,
) -> Opened:
    writable = lock is not None
    try:
        conn = _connect(path, not writable, busy_ms)
    except sqlite3.Error as e:
        if lock:
            lock.release()
        raise translate(e, path) from e
    opened = Opened(conn, path, folder, not writable, lock, notice, damage=seen.damage if seen else ())
    try:
        _prepare(conn, not writable)
        if seen is not None and seen.background:
            opened.integrity = BackgroundCheck(path, folder, quick_first=seen.background == "quick").start()
        _upgrade(opened, seen.identity.version if seen is not None else 0)
        if writable:
            _use_wal(conn)
    except sqlite3.DatabaseError as e:
        opened.close()
        raise refusal(e, path, folder) from e
    except BaseException:
        opened.close()
        raise
    return opened


def _upgrade(opened: Opened, version: int) -> None:
    """Bring the schema to SCHEMA_VERSION (a new file: create it) in one transaction, after a backup."""
    path = opened.path
    if version == SCHEMA_VERSION:
        return
    if opened.read_only:
        raise StoreError(
            f"数据库需要升级，但当前只能只读打开：{path}",
            f"The database needs an upgrade but can only be opened read-only now: {path}",
            path,
        )
    if version > 0:  # a copy of the old version first, in case the upgrade goes wrong
        backups.write_backup(opened.conn, backups.new_backup_path(opened.folder, f"pre-migration-v{version}"))
    with transaction(opened.db, path):
        migrate(opened.db)
    opened.migrated_from = version
    if version > 0:
        _reclaim(opened.conn)


def _reclaim(conn: sqlite3.Connection) -> None:
    """After an upgrade that freed much of the file (migration 10 compacts the audit log), VACUUM once so the
    file, and every copy and backup of it, shrinks. Atomic like any transaction; without room it is skipped."""
    pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
    free = int(conn.execute("PRAGMA freelist_count").fetchone()[0])
    if free * 4 < pages:
        return
    with contextlib.suppress(sqlite3.Error):  # a full disk: the file stays whole and reuses its free pages
        conn.execute("VACUUM")


def _write_lock(db: Database) -> threading.RLock:
    lock: threading.RLock = db.__dict__.setdefault("_offer_desk_write_lock", threading.RLock())
    return lock


BULK_CACHE_KIB = 64 * 1024  # a 10,000-firm import writes ~100 MB: SQLite's default 2 MB cache keeps spilling


@contextmanager
def bulk_page_cache(conn: sqlite3.Connection) -> Iterator[None]:
    """A larger page cache for one bulk write (an import: ~0.3 s of 4 s saved), back to what it was after,
    so the app does not hold the memory for the rest of the day."""
    before = int(conn.execute("PRAGMA cache_size").fetchone()[0])
    conn.execute(f"PRAGMA cache_size = {-BULK_CACHE_KIB}")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA cache_size = {before}")


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
