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
from qt_app.store.errors import (
    StoreCorrupt,
    StoreDiskError,
    StoreError,
    StoreFull,
    free_bytes,
    size_words,
    translate,
)
from qt_app.store.lock import FileLock
from qt_app.store.migrations import APPLICATION_ID, SCHEMA_VERSION, migrate

if TYPE_CHECKING:
    from sqlite_utils import Database

    # What a read needs: the plain connection serves reads, so opening the file and showing the first
    # page never waits for sqlite-utils (and the click, dateutil and pluggy it imports: ~40 ms).
    Reader: TypeAlias = Database | sqlite3.Connection

DB_NAME = "offer-desk.sqlite3"
LOCK_NAME = "offer-desk.lock"
BUSY_TIMEOUT_MS = 3000
# Up to this size the full check runs before the first page (~3 ms a MB); above it, beside the first page.
SYNC_FULL_CHECK_BYTES = 4 * 1024 * 1024
# Above this even the quick check (>30 ms) runs beside the first page. Writes always wait for the verdict.
BACKGROUND_CHECK_BYTES = 32 * 1024 * 1024

DAMAGED = ("未通过完整性检查（已损坏）", "failed its integrity check (damaged)")


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
    damage: tuple[str, ...] = ()  # what the full check found; the file is then read-only

    @cached_property
    def db(self) -> Database:
        """The sqlite-utils handle for writes and migrations, made on first use (reads use `conn`)."""
        from sqlite_utils import Database

        return Database(self.conn, execute_plugins=False)

    def require_intact(self) -> None:
        """Wait for a background check; a damaged file becomes read-only and the caller is told."""
        if not self.damage and self.integrity is not None and not self.integrity.wait():
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


class IntegrityCheck:
    """The checks a big file did not get before the first page, on their own read-only connection."""

    def __init__(self, path: Path, folder: Path, quick_first: bool) -> None:
        self.path = path
        self.folder = folder
        self.quick_first = quick_first
        self.ok: bool | None = None
        self.problems: list[str] = []
        self._done = threading.Event()

    def start(self) -> IntegrityCheck:
        threading.Thread(target=self._run, name="offer-desk-integrity-check", daemon=True).start()
        return self

    def _run(self) -> None:
        try:
            conn = integrity.reader(self.path)
            try:
                problems = integrity.quick_check(conn) if self.quick_first else []
                self.problems = problems or integrity.full_check(conn)
            finally:
                conn.close()
        except sqlite3.Error as e:
            self.problems = [str(e)]
        finally:
            self.ok = not self.problems
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


def damaged_error(path: Path, folder: Path) -> StoreCorrupt:
    return _corrupt(path, folder, *DAMAGED)


def damaged_notice(path: Path, folder: Path) -> tuple[str, str]:
    """The read-only banner of a damaged file: what, and how to put the newest good backup back."""
    error = damaged_error(path, folder)
    if error.backup is None:
        return (f"{error.zh}。已以只读方式打开", f"{error.en}. Opened read-only")
    return (
        f"{error.zh}。已以只读方式打开；可在“设置 → 检查数据文件”中用该备份恢复"
        f"（或运行 python -m qt_app restore {error.backup}）",
        f"{error.en}. Opened read-only; restore that backup in Settings → Check data file "
        f"(or run python -m qt_app restore {error.backup})",
    )


def _check_header(path: Path, folder: Path) -> integrity.Header | None:
    """Refuse a file that is not SQLite, or not ours by its stamp, before SQLite gets a chance to touch it.
    None: an empty file with nothing to lose (no backups either), used as a new database."""
    try:
        header = integrity.read_header(path)
    except ValueError:
        raise _corrupt(path, folder, "不是数据库文件", "is not a database") from None
    except OSError as e:
        raise StoreError(
            f"无法读取数据库文件 {path}：{e.strerror}",
            f"Cannot read the database file {path}: {e.strerror}",
            path,
        ) from e
    wal = Path(f"{path}-wal")
    if header is None:
        if backups.list_backups(folder):  # an empty file where data used to be
            raise _corrupt(path, folder, "是空的（长度为0）", "is empty (0 bytes)")
        return None
    if header.application_id not in (0, APPLICATION_ID) and not wal.exists():
        raise _corrupt(path, folder, "不是本程序的数据库", "is not an Offer Desk database")
    size = path.stat().st_size
    if header.page_size and header.pages and size < header.page_size * header.pages and not wal.exists():
        raise _corrupt(path, folder, "被截断（不完整）", "is truncated")
    return header


@dataclass(frozen=True)
class _Inspection:
    """What the read-only look at an existing file found."""

    identity: integrity.Identity
    damage: tuple[str, ...] = ()
    background: str = ""  # "quick" (quick then full) or "full": the checks left for a second connection


def _inspect(path: Path, folder: Path) -> _Inspection:
    """Whose the file is and whether it is whole, on a read-only connection: nothing is written."""
    try:
        conn = integrity.reader(path)
    except sqlite3.Error as e:
        raise _refusal(e, path, folder) from e
    try:
        ident = integrity.identify(conn)
        if ident.kind == "foreign":
            raise _corrupt(path, folder, "不是本程序的数据库", "is not an Offer Desk database")
        if ident.kind == "newer":
            raise StoreError(
                f"数据库由更新版本的程序创建（结构版本 {ident.version}），请升级程序：{path}",
                f"The database was made by a newer version of the app (schema {ident.version}); please upgrade: {path}",
                path,
            )
        if ident.kind == "empty":
            return _Inspection(ident)
        upgrade = ident.version != SCHEMA_VERSION  # a migration writes: check everything first
        wal = Path(f"{path}-wal")
        size = path.stat().st_size + (wal.stat().st_size if wal.exists() else 0)
        if size > BACKGROUND_CHECK_BYTES and not upgrade:
            return _Inspection(ident, background="quick")
        if integrity.quick_check(conn):
            raise _corrupt(path, folder, *DAMAGED)
        if size > SYNC_FULL_CHECK_BYTES and not upgrade:
            return _Inspection(ident, background="full")
        return _Inspection(ident, damage=tuple(integrity.full_check(conn)))
    except sqlite3.DatabaseError as e:
        raise _refusal(e, path, folder) from e
    finally:
        conn.close()


def _refusal(error: sqlite3.Error, path: Path, folder: Path) -> StoreError:
    err = translate(error, path)
    if isinstance(err, StoreCorrupt):
        return _corrupt(path, folder, "已损坏或不是数据库", "is damaged or not a database")
    return err


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
    header = _check_header(path, folder) if exists else None
    if not exists and (read_only or not _folder_writable(folder)):
        raise StoreError(
            f"数据文件夹中还没有数据库，且无法创建（只读）：{path}",
            f"There is no database yet and none can be created (read-only): {path}",
            path,
        )
    seen = _inspect(path, folder) if header is not None else None

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
    seen: _Inspection | None,
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
            opened.integrity = IntegrityCheck(path, folder, quick_first=seen.background == "quick").start()
        _upgrade(opened, seen.identity.version if seen is not None else 0)
        if writable:
            _use_wal(conn)
    except sqlite3.DatabaseError as e:
        opened.close()
        raise _refusal(e, path, folder) from e
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
