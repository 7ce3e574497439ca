"""Admission (准入检查): what is checked before a database file is opened for writing.

Whose file it is and whether it is whole are decided on a read-only connection (`integrity`), so a foreign or
damaged file is never changed: `check_header` reads the 100-byte header without SQLite, `inspect` identifies
the file and runs the quick check (and, up to SYNC_FULL_CHECK_BYTES, the full check); what a big file has
left to check runs in a `BackgroundCheck` beside the first page, and writes wait for its verdict.
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

from qt_app.store import backups, integrity
from qt_app.store.errors import StoreCorrupt, StoreError, translate
from qt_app.store.migrations import APPLICATION_ID, SCHEMA_VERSION

# Up to this size the full check runs before the first page (~3 ms a MB); above it, beside the first page.
SYNC_FULL_CHECK_BYTES = 4 * 1024 * 1024
# Above this even the quick check (>30 ms) runs beside the first page. Writes always wait for the verdict.
BACKGROUND_CHECK_BYTES = 32 * 1024 * 1024

DAMAGED = ("未通过完整性检查（已损坏）", "failed its integrity check (damaged)")


class BackgroundCheck:
    """The checks a big file did not get before the first page, each on its own read-only connection.

    The quick check (above BACKGROUND_CHECK_BYTES) starts at once, beside the first page. The full check
    starts when the window is warm (`start_full`, from `Store.prepare_writes` in an idle turn), or when
    something is about to write (`wait(start=True)`): its ~0.2 s a 50 MB file would otherwise be taken from
    the start-up, on a 2-core machine the window's own time."""

    def __init__(self, path: Path, folder: Path, quick_first: bool) -> None:
        self.path = path
        self.folder = folder
        self.quick_first = quick_first
        self.ok: bool | None = None
        self.problems: list[str] = []
        self._quick_done = threading.Event()
        self._done = threading.Event()
        self._full_started = False
        self._lock = threading.Lock()

    def start(self) -> BackgroundCheck:
        if self.quick_first:
            threading.Thread(target=self._quick, name="offer-desk-quick-check", daemon=True).start()
        else:
            self._quick_done.set()
        return self

    def start_full(self) -> None:
        with self._lock:
            if self._full_started:
                return
            self._full_started = True
        threading.Thread(target=self._full, name="offer-desk-full-check", daemon=True).start()

    def _quick(self) -> None:
        try:
            conn = integrity.reader(self.path)
            try:
                self.problems = integrity.quick_check(conn)
            finally:
                conn.close()
        except sqlite3.Error as e:
            self.problems = [str(e)]
        finally:
            self._quick_done.set()
            if self.problems:
                self._finish()

    def _full(self) -> None:
        self._quick_done.wait()
        if self._done.is_set():
            return  # the quick check already found damage
        try:
            conn = integrity.reader(self.path)
            try:
                self.problems = integrity.full_check(conn)
            finally:
                conn.close()
        except sqlite3.Error as e:
            self.problems = [str(e)]
        finally:
            self._finish()

    def _finish(self) -> None:
        self.ok = not self.problems
        self._done.set()

    def wait(self, timeout: float | None = None, start: bool = False) -> bool:
        """True when the file passed; blocks until the check is done (or `timeout` passes: then True).
        With `start`, the full check starts now if nobody has started it yet (a write needs the verdict)."""
        if start:
            self.start_full()
        if not self._done.wait(timeout):
            return True
        return bool(self.ok)


def corrupt(path: Path, folder: Path, why_zh: str, why_en: str) -> StoreCorrupt:
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
    return corrupt(path, folder, *DAMAGED)


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


def check_header(path: Path, folder: Path) -> integrity.Header | None:
    """Refuse a file that is not SQLite, or not ours by its stamp, before SQLite gets a chance to touch it.
    None: an empty file with nothing to lose (no backups either), used as a new database."""
    try:
        header = integrity.read_header(path)
    except ValueError:
        raise corrupt(path, folder, "不是数据库文件", "is not a database") from None
    except OSError as e:
        raise StoreError(
            f"无法读取数据库文件 {path}：{e.strerror}",
            f"Cannot read the database file {path}: {e.strerror}",
            path,
        ) from e
    wal = Path(f"{path}-wal")
    if header is None:
        if backups.list_backups(folder):  # an empty file where data used to be
            raise corrupt(path, folder, "是空的（长度为0）", "is empty (0 bytes)")
        return None
    if header.application_id not in (0, APPLICATION_ID) and not wal.exists():
        raise corrupt(path, folder, "不是本程序的数据库", "is not an Offer Desk database")
    size = path.stat().st_size
    if header.page_size and header.pages and size < header.page_size * header.pages and not wal.exists():
        raise corrupt(path, folder, "被截断（不完整）", "is truncated")
    return header


@dataclass(frozen=True)
class Inspection:
    """What the read-only look at an existing file found."""

    identity: integrity.Identity
    damage: tuple[str, ...] = ()
    background: str = ""  # "quick" (quick then full) or "full": the checks left for a second connection


def inspect(path: Path, folder: Path) -> Inspection:
    """Whose the file is and whether it is whole, on a read-only connection: nothing is written."""
    try:
        conn = integrity.reader(path)
    except sqlite3.Error as e:
        raise refusal(e, path, folder) from e
    try:
        ident = integrity.identify(conn)
        if ident.kind == "foreign":
            raise corrupt(path, folder, "不是本程序的数据库", "is not an Offer Desk database")
        if ident.kind == "newer":
            raise StoreError(
                f"数据库由更新版本的程序创建（结构版本 {ident.version}），请升级程序：{path}",
                f"The database was made by a newer version of the app (schema {ident.version}); please upgrade: {path}",
                path,
            )
        if ident.kind == "empty":
            return Inspection(ident)
        upgrade = ident.version != SCHEMA_VERSION  # a migration writes: check everything first
        wal = Path(f"{path}-wal")
        size = path.stat().st_size + (wal.stat().st_size if wal.exists() else 0)
        if size > BACKGROUND_CHECK_BYTES and not upgrade:
            return Inspection(ident, background="quick")
        if integrity.quick_check(conn):
            raise corrupt(path, folder, *DAMAGED)
        if size > SYNC_FULL_CHECK_BYTES and not upgrade:
            return Inspection(ident, background="full")
        return Inspection(ident, damage=tuple(integrity.full_check(conn)))
    except sqlite3.DatabaseError as e:
        raise refusal(e, path, folder) from e
    finally:
        conn.close()


def refusal(error: sqlite3.Error, path: Path, folder: Path) -> StoreError:
    err = translate(error, path)
    if isinstance(err, StoreCorrupt):
        return corrupt(path, folder, "已损坏或不是数据库", "is damaged or not a database")
    return err
