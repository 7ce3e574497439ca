"""Backups (备份) with the SQLite online backup API: daily, on demand, before risky steps; one rotation for all.

A backup is written to a temporary name (`….part`, locked while it is written) and renamed into place, so a
half-written backup never looks like a good one; a `.part` left by a killed process is removed on the next
start or backup. Free space is checked first, and a full or failing disk is explained naming the folder.

The 兑现 ledger's evidence scans live beside the database in `evidence/`, kept under their sha256 and never
changed. Every backup carries them in an `evidence/` folder beside the backup file (`backups/evidence/` for
the backups folder): each scan is copied there once, whichever backup first saw it, so the folder holds
every scan any backup in it refers to; rotation leaves it alone. A restore brings back the scans missing
from the data folder (checked against their hash first).
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sqlite3
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from qt_app.store import integrity
from qt_app.store.errors import StoreDiskError, StoreError, StoreFull, free_bytes, size_words

BACKUP_DIR = "backups"
PREFIX = "offer-desk-"
SUFFIX = ".sqlite3"
PART = ".part"
# One rotation for every kind of backup (daily, manual, pre-migration, pre-restore): the newest few of
# each kind, plus the newest copy of each of the last 7 days and of each of the 4 weeks before them.
KEEP_PER_KIND = 5
KEEP_DAILY = 7
KEEP_WEEKLY = 4
SPARE_BYTES = 1024 * 1024  # free space a backup leaves beside it, so the disk is not left at 0 bytes
SQLITE_HEADER = integrity.SQLITE_HEADER
EVIDENCE_DIR = "evidence"  # as qt_app.store.evidence_files.FOLDER (not imported: backups load at start)


@dataclass(frozen=True)
class BackupInfo:
    """One backup file: where, what kind (daily, manual, pre-migration, pre-restore), when (UTC)."""

    path: Path
    kind: str
    taken_at: datetime
    size: int


def backup_dir(folder: Path) -> Path:
    return folder / BACKUP_DIR


def database_bytes(conn: sqlite3.Connection) -> int:
    """How big a copy of the open database will be (pages in use, the write-ahead log's included)."""
    pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
    return pages * int(conn.execute("PRAGMA page_size").fetchone()[0])


def write_backup(conn: sqlite3.Connection, dest: Path) -> Path:
    """Copy the live database to `dest` with the backup API (consistent even while in use).

    Raises StoreFull (not enough space, checked first), StoreDiskError (the disk failed) or StoreError,
    each naming the folder; a failed copy leaves no `.part` behind."""
    folder = dest.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise _os_error(e, folder) from e
    need = database_bytes(conn)
    free = free_bytes(folder)
    if free is not None and free < need + SPARE_BYTES:
        need_zh, need_en = size_words(need + SPARE_BYTES)
        free_zh, free_en = size_words(free)
        raise StoreFull(
            f"备份文件夹 {folder} 所在磁盘空间不足：备份需要约 {need_zh}，只剩 {free_zh}。请清理磁盘或换一个文件夹",
            f"Not enough space for the backup in {folder}: it needs about {need_en}, {free_en} are free. "
            "Free some space or choose another folder",
            dest,
        )
    tmp = dest.with_name(dest.name + PART)
    _remove_part(tmp)
    try:
        with _held(tmp) as fd:
            target = sqlite3.connect(str(tmp))
            try:
                conn.backup(target)
                target.execute("PRAGMA journal_mode=DELETE")  # a backup is one self-contained file
            finally:
                target.close()
            os.fsync(fd)
        os.replace(tmp, dest)
    except (sqlite3.Error, OSError) as e:
        _remove_part(tmp)
        if isinstance(e, OSError):
            raise _os_error(e, folder) from e
        text = str(e).lower()
        if "full" in text:
            raise StoreFull(
                f"备份时磁盘已满：{folder}。备份未完成，数据库未受影响",
                f"The disk filled up during the backup: {folder}. No backup was made; the database is unharmed",
                dest,
            ) from e
        raise StoreDiskError(
            f"写入备份时出错：{folder}（{e}）。备份未完成，数据库未受影响",
            f"Writing the backup failed: {folder} ({e}). No backup was made; the database is unharmed",
            dest,
        ) from e
    carry_evidence(_database_folder(conn), dest.parent)
    return dest


# -- the ledger's evidence scans, carried with the backups ---------------------------------------------------
def _database_folder(conn: sqlite3.Connection) -> Path | None:
    """The folder of the database file a connection reads (None for an in-memory one)."""
    for _seq, name, file in conn.execute("PRAGMA database_list"):
        if name == "main" and file:
            return Path(file).parent
    return None


def _scans(folder: Path) -> list[Path]:
    """Kept scans under `folder/evidence/ab/…` (temporary `.part` files left out)."""
    root = folder / EVIDENCE_DIR
    if not root.is_dir():
        return []
    return [p for p in root.glob("*/*") if p.is_file() and not p.name.endswith(PART)]


def _same_folder(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def _copy_scan(src: Path, target: Path) -> bool:
    """Copy one scan to a temporary name, sync and rename (never half a scan under its hash)."""
    if target.exists() and target.stat().st_size == src.stat().st_size:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + PART)
    shutil.copyfile(src, tmp)
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, target)
    return True


def carry_evidence(source: Path | None, backup_folder: Path) -> int:
    """Copy the data folder's scans that the backup folder's `evidence/` lacks; returns how many.

    A scan that cannot be copied leaves the database backup valid (it is still in the data folder);
    the next backup tries again.
    """
    if source is None or _same_folder(source, backup_folder):
        return 0
    copied = 0
    for scan in _scans(source):
        try:
            copied += _copy_scan(scan, backup_folder / EVIDENCE_DIR / scan.parent.name / scan.name)
        except OSError:
            continue
    return copied


def restore_evidence(backup: Path, folder: Path) -> int:
    """Bring back the scans beside a backup that the data folder lacks, each checked against its hash."""
    if _same_folder(backup.parent, folder):
        return 0
    import hashlib  # restoring only: OpenSSL loads in ~3 ms, which start-up need not pay

    restored = 0
    for scan in _scans(backup.parent):
        target = folder / EVIDENCE_DIR / scan.parent.name / scan.name
        if target.exists():
            continue
        try:
            if hashlib.sha256(scan.read_bytes()).hexdigest() != scan.name.split(".")[0]:
                continue  # damaged in the backup: better missing (and reported) than wrong
            restored += _copy_scan(scan, target)
        except OSError:
            continue
    return restored


def _os_error(e: OSError, folder: Path) -> StoreError:
    """An OS error while writing a backup, in words that name the folder."""
    if e.errno in (errno.ENOSPC, errno.EDQUOT):
        return StoreFull(
            f"备份文件夹 {folder} 所在磁盘已满，备份未完成，数据库未受影响",
            f"The disk holding {folder} is full; no backup was made and the database is unharmed",
        )
    if e.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return StoreError(
            f"备份文件夹 {folder} 不可写入（只读或没有权限）",
            f"The backup folder {folder} cannot be written (read-only or no permission)",
        )
    if e.errno == errno.EIO:
        return StoreDiskError(
            f"写入备份文件夹 {folder} 时磁盘出错（U盘可能已拔出，或磁盘有故障），备份未完成",
            f"The disk failed while writing to {folder} (a USB stick may have been removed, or the disk is "
            "failing); no backup was made",
        )
    return StoreError(
        f"无法写入备份文件夹 {folder}：{e.strerror}",
        f"Cannot write to the backup folder {folder}: {e.strerror}",
    )


@contextlib.contextmanager
def _held(part: Path) -> Iterator[int]:
    """The `.part` file, created and locked for as long as it is being written, so a cleanup by another
    process leaves it alone (Windows refuses to delete an open file by itself)."""
    fd = os.open(part, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        if sys.platform != "win32":
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX)
        yield fd
    finally:
        os.close(fd)


def _remove_part(part: Path) -> bool:
    """Delete a `.part` (and its journal) unless a live process is writing it; True when removed."""
    try:
        fd = os.open(part, os.O_RDWR)
    except FileNotFoundError:
        Path(f"{part}-journal").unlink(missing_ok=True)
        return False
    except OSError:
        return False
    try:
        if sys.platform != "win32":
            import fcntl

            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                return False  # being written right now
    finally:
        os.close(fd)
    try:
        part.unlink()
        Path(f"{part}-journal").unlink(missing_ok=True)
    except OSError:
        return False
    return True


def clean_parts(folder: Path) -> list[Path]:
    """Remove half-written backups left by a killed or crashed process; returns what was removed."""
    directory = backup_dir(folder)
    if not directory.is_dir():
        return []
    return [p for p in directory.glob(f"*{SUFFIX}{PART}") if _remove_part(p)]


def new_backup_path(folder: Path, kind: str, now: datetime | None = None) -> Path:
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S-%f")
    return backup_dir(folder) / f"{PREFIX}{stamp}-{kind}{SUFFIX}"


def _parse(path: Path) -> BackupInfo | None:
    name = path.name
    if not (name.startswith(PREFIX) and name.endswith(SUFFIX)):
        return None
    parts = name[len(PREFIX) : -len(SUFFIX)].split("-", 3)
    if len(parts) != 4:
        return None
    try:
        day, clock, micro = parts[:3]
        digits = day + clock + micro
        if (len(day), len(clock), len(micro)) != (8, 6, 6) or not (digits.isascii() and digits.isdigit()):
            return None
        # fromisoformat, not strptime: the status bar lists backups at start and _strptime costs ~4 ms to load
        taken = datetime.fromisoformat(f"{day}T{clock}.{micro}").replace(tzinfo=UTC)
        size = path.stat().st_size
    except (ValueError, OSError):
        return None
    return BackupInfo(path, parts[3], taken, size)


def list_backups(folder: Path) -> list[BackupInfo]:
    """Backups in the data folder, newest first."""
    directory = backup_dir(folder)
    if not directory.is_dir():
        return []
    found = [info for p in directory.glob(f"{PREFIX}*{SUFFIX}") if (info := _parse(p)) is not None]
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def is_good(path: Path, full: bool = False) -> bool:
    """True when the file is an Offer Desk database that passes a quick (or the full) check."""
    try:
        header = integrity.read_header(path)
        if header is None:
            return False
        conn = integrity.reader(path)
        try:
            if integrity.identify(conn).kind not in ("ours", "legacy"):
                return False
            return not (integrity.full_check(conn) if full else integrity.quick_check(conn))
        finally:
            conn.close()
    except (OSError, ValueError, sqlite3.Error):
        return False


def newest_good(folder: Path) -> Path | None:
    """The newest backup that opens and passes a quick check: what to offer when the file is damaged."""
    for info in list_backups(folder):
        if is_good(info.path):
            return info.path
    return None


def has_daily_for(folder: Path, day: date) -> bool:
    return any(b.kind == "daily" and b.taken_at.date() == day for b in list_backups(folder))


def rotate(folder: Path) -> list[Path]:
    """One policy for every backup: keep the newest KEEP_PER_KIND of each kind, the newest copy of each of
    the last 7 days that have one, and the newest of each of the 4 weeks before those. Returns what was
    removed."""
    found = list_backups(folder)  # newest first
    keep: set[Path] = set()
    per_kind: dict[str, int] = {}
    for info in found:
        if per_kind.get(info.kind, 0) < KEEP_PER_KIND:
            per_kind[info.kind] = per_kind.get(info.kind, 0) + 1
            keep.add(info.path)
    days: set[date] = set()
    weeks: set[tuple[int, int]] = set()
    weekly = 0
    for info in found:
        day = info.taken_at.date()
        iso = info.taken_at.isocalendar()
        week = (iso.year, iso.week)
        if day in days:
            continue
        if len(days) < KEEP_DAILY:
            days.add(day)
            weeks.add(week)  # a week already represented by a daily copy
            keep.add(info.path)
        elif week not in weeks and weekly < KEEP_WEEKLY:
            days.add(day)
            weeks.add(week)
            weekly += 1
            keep.add(info.path)
    removed: list[Path] = []
    for info in found:
        if info.path in keep:
            continue
        try:
            info.path.unlink()
            removed.append(info.path)
        except OSError:
            pass
    return removed
