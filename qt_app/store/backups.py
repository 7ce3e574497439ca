"""Backups (备份) with the SQLite online backup API: daily with rotation, on demand, before risky steps.

A backup is written to a temporary name and renamed into place, so a half-written backup never
looks like a good one.

The 兑现 ledger's evidence scans live beside the database in `evidence/`, kept under their sha256 and never
changed. Every backup carries them in an `evidence/` folder beside the backup file (`backups/evidence/` for
the backups folder): each scan is copied there once, whichever backup first saw it, so the folder holds
every scan any backup in it refers to; rotation leaves it alone. A restore brings back the scans missing
from the data folder (checked against their hash first).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

BACKUP_DIR = "backups"
PREFIX = "offer-desk-"
SUFFIX = ".sqlite3"
KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_SAFETY = 5  # pre-migration / pre-restore copies
SQLITE_HEADER = b"SQLite format 3\x00"
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


def write_backup(conn: sqlite3.Connection, dest: Path) -> Path:
    """Copy the live database to `dest` with the backup API (consistent even while in use)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".part")
    tmp.unlink(missing_ok=True)
    target = sqlite3.connect(str(tmp))
    try:
        conn.backup(target)
        target.execute("PRAGMA journal_mode=DELETE")  # a backup is one self-contained file
    finally:
        target.close()
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, dest)
    carry_evidence(_database_folder(conn), dest.parent)
    return dest


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
    return [p for p in root.glob("*/*") if p.is_file() and not p.name.endswith(".part")]


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
    tmp = target.with_name(target.name + ".part")
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


def is_good(path: Path) -> bool:
    """True when the file is an SQLite database that passes a quick check."""
    try:
        with open(path, "rb") as fh:
            if fh.read(16) != SQLITE_HEADER:
                return False
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return bool(conn.execute("PRAGMA quick_check").fetchone()[0] == "ok")
        finally:
            conn.close()
    except (OSError, sqlite3.Error):
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
    """Keep the newest daily backup of each of the last 7 days, one per week for 4 weeks before that,
    and the last 5 safety copies of each kind; manual backups are kept. Returns what was removed."""
    keep: set[Path] = set()
    days: set[date] = set()
    weeks: set[tuple[int, int]] = set()
    weekly = 0
    removed: list[Path] = []
    backups = list_backups(folder)
    for info in (b for b in backups if b.kind == "daily"):  # newest first
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
            weeks.add(week)
            weekly += 1
            keep.add(info.path)
    for kind in {b.kind for b in backups if b.kind not in ("daily", "manual")}:
        keep.update(b.path for b in [b for b in backups if b.kind == kind][:KEEP_SAFETY])
    for info in backups:
        if info.kind == "manual" or info.path in keep:
            continue
        try:
            info.path.unlink()
            removed.append(info.path)
        except OSError:
            pass
    return removed
