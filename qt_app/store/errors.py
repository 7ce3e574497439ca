"""Store errors (数据库错误): what went wrong with the database file, in words a user can act on."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from qt_app.domain.errors import DomainError


class StoreError(DomainError):
    """The database file cannot be used as asked; it names the file and, if any, the newest good backup."""

    def __init__(self, zh: str, en: str, path: Path | None = None, backup: Path | None = None) -> None:
        if backup is not None:
            zh += f"。最近的完好备份：{backup}"
            en += f". Newest good backup: {backup}"
        super().__init__(zh, en)
        self.path = path
        self.backup = backup


class StoreBusy(StoreError):
    """Another program holds a lock on the file; retrying later may succeed."""


class StoreFull(StoreError):
    """The disk (or the file's size limit) is full; the last action was rolled back."""


class StoreCorrupt(StoreError):
    """The file is damaged or is not an Offer Desk database; it was left untouched."""


class StoreDiskError(StoreError):
    """The disk failed a read or write (an I/O error): a removed USB stick, a failing disk, a full one."""


def free_bytes(folder: Path) -> int | None:
    """Free space where `folder` lives (its nearest existing parent); None when it cannot be told."""
    import shutil

    for candidate in (folder, *folder.parents):
        try:
            return shutil.disk_usage(candidate).free
        except OSError:
            continue
    return None


def size_words(n: int) -> tuple[str, str]:
    """A byte count as people read it: 0 字节, 12 KB, 3.4 MB, 1.2 GB."""
    if n < 1024:
        return f"{n} 字节", f"{n} bytes"
    for unit, scale in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if n >= scale:
            text = f"{n / scale:.1f}".rstrip("0").rstrip(".") + f" {unit}"
            return text, text
    return f"{n} 字节", f"{n} bytes"  # pragma: no cover - every n >= 1024 matched above


def _space(folder: Path) -> tuple[str, str]:
    free = free_bytes(folder)
    if free is None:
        return "", ""
    zh, en = size_words(free)
    return f"（{folder} 所在磁盘剩余 {zh}）", f" ({en} free where {folder} is)"


def translate(error: sqlite3.Error, path: Path) -> StoreError:
    """Turn a raw sqlite3 error into a StoreError with a message in both languages."""
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return StoreBusy(
            f"数据库文件正被其他程序占用，请稍后重试（{path}）",
            f"The database file is busy (locked by another program); please try again shortly ({path})",
            path,
        )
    if "full" in text:
        space_zh, space_en = _space(path.parent)
        return StoreFull(
            f"磁盘空间已满{space_zh}，刚才的操作未保存，已有数据未受影响（{path}）",
            f"The disk is full{space_en}; the last action was not saved and existing data is unharmed ({path})",
            path,
        )
    if "readonly" in text or "read-only" in text:
        return StoreError(
            f"数据库文件或文件夹只读，无法保存（{path}）",
            f"The database file or its folder is read-only; nothing can be saved ({path})",
            path,
        )
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return StoreCorrupt(
            f"数据库文件已损坏或不是本程序的数据库，文件保持原样未被改动（{path}）",
            f"The database file is damaged or is not an Offer Desk database; it was left untouched ({path})",
            path,
        )
    if "disk i/o" in text:
        free = free_bytes(path.parent)
        if free == 0:
            return StoreFull(
                f"磁盘空间已满（{path.parent} 所在磁盘剩余 0 字节），无法读写数据库文件：{path}",
                f"The disk is full (0 bytes free where {path.parent} is); cannot read or write the database file: {path}",
                path,
            )
        return StoreDiskError(
            f"读写数据库文件时磁盘出错（U盘或网络盘可能已拔出，或磁盘有故障）：{path}",
            f"The disk failed while reading or writing the database file (a USB stick or network drive may "
            f"have been removed, or the disk is failing): {path}",
            path,
        )
    if "could not decode" in text:
        return StoreCorrupt(
            f"数据库文件中有损坏的文字（不是有效的 UTF-8），文件保持原样未被改动（{path}）",
            f"The database file holds damaged text (not valid UTF-8); it was left untouched ({path})",
            path,
        )
    if "unable to open" in text:
        return StoreError(
            f"无法读写数据库文件（{path}）：{error}",
            f"Cannot read or write the database file ({path}): {error}",
            path,
        )
    return StoreError(
        f"数据库操作失败（{path}）：{error}", f"Database operation failed ({path}): {error}", path
    )
