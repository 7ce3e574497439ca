"""Recovery (恢复): the daily copy of a big file taken beside the first page, and putting a good backup in
place of a database file that cannot be opened (the damaged file is kept aside, never deleted)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from qt_app.paths import data_dir as paths_data_dir
from qt_app.store import backups
from qt_app.store.db import DB_NAME, LOCK_NAME, Opened
from qt_app.store.errors import StoreCorrupt, StoreError
from qt_app.store.lock import FileLock


def daily_backup_beside(opened: Opened) -> None:
    if opened.integrity is None or not opened.integrity.wait():
        return
    if backups.has_daily_for(opened.folder, datetime.now(UTC).date()):
        return
    try:
        conn = sqlite3.connect(f"file:{opened.path}?mode=ro", uri=True)
        try:
            backups.write_backup(conn, backups.new_backup_path(opened.folder, "daily"))
        finally:
            conn.close()
        backups.rotate(opened.folder)
    except (sqlite3.Error, OSError):
        pass  # the next start tries again; a failed automatic copy must not disturb the user


def recover_from_backup(data_dir: str | Path | None, source: str | Path) -> Path:
    """Put a good backup in place of a database file that cannot be opened (恢复备份).

    The damaged file is never deleted: it is renamed aside (…-damaged-<time>) and its path returned.
    """
    src = Path(source)
    if not backups.is_good(src):
        raise StoreCorrupt(
            f"备份文件已损坏或不是数据库：{src}", f"The backup is damaged or not a database: {src}", src
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
        source_conn = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
        try:
            backups.write_backup(source_conn, live)
        finally:
            source_conn.close()
        return aside
    finally:
        lock.release()
