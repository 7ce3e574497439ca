"""Backups taken and put back (备份与恢复): checked before copying, a damaged file kept aside, never deleted.

- `take_backup`: the full check first (a damaged file is not copied over good backups), then the copy, then
  the one rotation for every backup.
- `restore`: a fully checked backup replaces the database; a safety copy of the current file is taken
  first, or, when the current file is damaged, the file itself is renamed aside.
- `check`: the full check on demand (设置 → 检查数据文件); a damaged file turns read-only.
- the daily copy of a big file, taken beside the first page once its background check has passed.
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from qt_app.paths import data_dir as paths_data_dir
from qt_app.store import audit, backups, integrity
from qt_app.store.admission import damaged_error
from qt_app.store.db import DB_NAME, LOCK_NAME, Opened, open_database, transaction
from qt_app.store.errors import StoreCorrupt, StoreError, translate
from qt_app.store.lock import FileLock
from qt_app.store.migrations import SCHEMA_VERSION, migrate, schema_version

if TYPE_CHECKING:
    from qt_app.store.store import Store


@dataclass(frozen=True)
class CheckReport:
    """The result of a full check of the database file (检查数据文件)."""

    path: Path
    problems: tuple[str, ...]
    backup: Path | None  # the newest good backup, offered when the file is damaged
    seconds: float

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self, lang: str = "zh") -> str:
        if lang == "en":
            if self.ok:
                return f"The data file passed the full integrity check ({self.seconds:.1f} s): {self.path}"
            tail = f" The newest good backup: {self.backup}" if self.backup else " No good backup was found."
            return f"The data file is damaged ({len(self.problems)} problems) and is now read-only: {self.path}.{tail}"
        if self.ok:
            return f"数据文件通过完整性检查（用时 {self.seconds:.1f} 秒）：{self.path}"
        tail = f"最近的完好备份：{self.backup}" if self.backup else "没有找到完好的备份。"
        return f"数据文件已损坏（{len(self.problems)} 处问题），现已改为只读：{self.path}。{tail}"


def check(store: Store) -> CheckReport:
    """Run the full check now; a damaged file turns read-only (its notice offers the newest good backup)."""
    started = time.perf_counter()
    problems = integrity.check_file(store.path, full=True)
    if problems:
        store._opened.mark_damaged(problems)
    good = backups.newest_good(store.folder) if problems else None
    return CheckReport(store.path, tuple(problems), good, time.perf_counter() - started)


def require_whole(store: Store, before_zh: str, before_en: str) -> None:
    """The full check before a backup or an export: a damaged file is neither copied nor sent."""
    problems = integrity.check_file(store.path, full=True)
    if problems:
        store._opened.mark_damaged(problems)
        error = damaged_error(store.path, store.folder)
        raise StoreCorrupt(
            f"{error.zh}。为免把损坏的数据{before_zh}，已停止",
            f"{error.en}. Stopped, so that damaged data is not {before_en}",
            store.path,
            error.backup,
        )


def take_backup(store: Store, to: str | Path | None = None, kind: str = "manual") -> Path:
    """Check the file in full, copy it (into the backups folder unless `to` is given), then rotate."""
    require_whole(store, "备份（可能覆盖完好的备份）", "backed up (over good backups)")
    dest = Path(to) if to else backups.new_backup_path(store.folder, kind)
    if to is None:
        backups.clean_parts(store.folder)
    made = backups.write_backup(store.conn, dest)
    if to is None:
        backups.rotate(store.folder)
    return made


def restore(store: Store, source: str | Path, who: str = "") -> Path:
    """Replace the database with a backup; returns the safety copy (or, for a damaged file, where the
    damaged file was kept)."""
    src = Path(source)
    if not backups.is_good(src, full=True):
        raise StoreCorrupt(
            f"备份文件已损坏或不是本程序的数据库：{src}",
            f"The backup is damaged or not an Offer Desk database: {src}",
            src,
        )
    if store.damaged:
        return _restore_over_damage(store, src, who)
    store._writable()
    conn = integrity.reader(src)
    try:
        if schema_version(conn) > SCHEMA_VERSION:
            raise StoreCorrupt(
                f"该备份来自更新版本的程序：{src}",
                f"The backup comes from a newer version of the app: {src}",
                src,
            )
        safety = take_backup(store, kind="pre-restore")
        try:
            conn.backup(store.conn)
        except sqlite3.Error as e:
            raise translate(e, store.path) from e
    finally:
        conn.close()
    if schema_version(store.db) < SCHEMA_VERSION:
        with transaction(store.db, store.path):
            migrate(store.db)
    with transaction(store.db, store.path):
        audit.record(store.db, who, "database", str(src), "restore", None, {"safety_backup": str(safety)})
    return safety


def _restore_over_damage(store: Store, src: Path, who: str) -> Path:
    """A damaged file is not copied (that would copy the damage): it is renamed aside and the backup put in
    its place, then the store reopens on the restored file."""
    folder = store.folder
    store._opened.close()
    try:
        aside = recover_from_backup(folder, src)
    finally:
        store._replace(open_database(folder))
    if not store.read_only:
        with transaction(store.db, store.path):
            audit.record(store.db, who, "database", str(src), "restore", None, {"damaged_file": str(aside)})
    return aside


def daily_backup_beside(opened: Opened) -> None:
    if opened.integrity is None or not opened.integrity.wait():
        return
    if backups.has_daily_for(opened.folder, datetime.now(UTC).date()):
        return
    try:
        conn = integrity.reader(opened.path)
        try:
            backups.write_backup(conn, backups.new_backup_path(opened.folder, "daily"))
        finally:
            conn.close()
        backups.rotate(opened.folder)
    except (sqlite3.Error, OSError, StoreError):
        pass  # the next start tries again; a failed automatic copy must not disturb the user


def recover_from_backup(data_dir: str | Path | None, source: str | Path) -> Path:
    """Put a good backup in place of a database file that cannot be opened (恢复备份).

    The damaged file is never deleted: it is renamed aside (…-damaged-<time>) and its path returned.
    """
    src = Path(source)
    if not backups.is_good(src, full=True):
        raise StoreCorrupt(
            f"备份文件已损坏或不是本程序的数据库：{src}",
            f"The backup is damaged or not an Offer Desk database: {src}",
            src,
        )
    folder = paths_data_dir(data_dir)
    lock = FileLock(folder / LOCK_NAME)
    if not lock.acquire():
        raise StoreError(
            f"数据库正被另一个“招商政策测算台”窗口使用，请先关闭它：{folder}",
            f"The database is in use by another Offer Desk window; close it first: {folder}",
        )
    try:
        live = folder / DB_NAME
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        aside = folder / f"offer-desk-damaged-{stamp}.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            part = Path(f"{live}{suffix}")
            if part.exists():
                part.rename(Path(f"{aside}{suffix}"))
        source_conn = integrity.reader(src)
        try:
            backups.write_backup(source_conn, live)
        finally:
            source_conn.close()
        return aside
    finally:
        lock.release()
