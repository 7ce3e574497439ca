"""Evidence scans (证明材料扫描件) in the data folder, kept under their sha256: `evidence/ab/abcdef….pdf`.

A file is accepted only if it can be read and is a document we can show: PDF (with its end marker, so a
truncated download is refused), JPEG, PNG, TIFF or OFD (the Chinese fixed-layout format, a zip). The same
content is kept once, whatever its name; attaching it again is reported by the caller, not stored twice.
Files are written to a temporary name, synced and renamed, so a crash never leaves half a scan under a hash.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

from qt_app.domain.errors import DomainError

FOLDER = "evidence"
MAX_BYTES = 64 * 1024 * 1024  # a scanned audit report is a few MB; 64 MB is clearly a wrong file


@dataclass(frozen=True)
class Scan:
    sha256: str
    suffix: str  # ".pdf", ".jpg", …
    size: int
    file_name: str  # the name it came with

    def relative(self) -> str:
        return f"{FOLDER}/{self.sha256[:2]}/{self.sha256}{self.suffix}"


def document_kind(data: bytes) -> str | None:
    """The file's kind from its bytes, or None when it is not a document we can keep."""
    if data.startswith(b"%PDF-"):
        return ".pdf" if b"%%EOF" in data[-2048:] else None
    if data.startswith(b"\xff\xd8\xff"):
        return ".jpg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return ".png"
    if data[:4] in (b"II*\x00", b"MM\x00*"):
        return ".tif"
    if data.startswith(b"PK\x03\x04") and b"OFD.xml" in data[:4096]:
        return ".ofd"
    return None


def _unreadable(path: Path, zh: str, en: str) -> DomainError:
    return DomainError(
        f"证明材料无法读取：{path}（{zh}）", f"The evidence file cannot be read: {path} ({en})"
    )


def read_scan(path: Path) -> tuple[Scan, bytes]:
    """Read and check a scan; a DomainError says why it is refused (missing, empty, damaged, not a document)."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _unreadable(path, "文件超过64MB", "larger than 64 MB")
        data = path.read_bytes()
    except OSError as e:
        raise _unreadable(path, e.strerror or "无法打开", e.strerror or "cannot open") from None
    if not data:
        raise _unreadable(path, "文件为空", "the file is empty")
    kind = document_kind(data)
    if kind is None:
        raise _unreadable(
            path,
            "不是完整的 PDF、JPG、PNG、TIFF 或 OFD 文件",
            "not a complete PDF, JPG, PNG, TIFF or OFD file",
        )
    return Scan(hashlib.sha256(data).hexdigest(), kind, len(data), path.name), data


def keep(folder: Path, scan: Scan, data: bytes) -> Path:
    """Store the scan under its hash (once); returns where it lives."""
    target = folder / scan.relative()
    if target.exists() and target.stat().st_size == scan.size:
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".part")
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        raise DomainError(
            f"无法保存证明材料到 {target}：{e.strerror}",
            f"Cannot keep the evidence file at {target}: {e.strerror}",
        ) from None
    return target


def find(folder: Path, sha256: str) -> Path | None:
    """Where a kept scan is, by its hash (any suffix)."""
    sub = folder / FOLDER / sha256[:2]
    if not sub.is_dir():
        return None
    return next((p for p in sub.glob(f"{sha256}.*") if not p.name.endswith(".part")), None)


@dataclass
class Keeper:
    """Keeps scans for one recording: the files it created are removed again if the recording fails (its
    transaction rolled back), and a check-only run (`dry`) writes none at all."""

    folder: Path
    dry: bool = False
    created: list[Path] = field(default_factory=list)

    def keep(self, scan: Scan, data: bytes) -> Path:
        target = self.folder / scan.relative()
        if self.dry or target.exists():
            return target
        kept = keep(self.folder, scan, data)
        self.created.append(kept)
        return kept

    def __enter__(self) -> Keeper:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, _error: BaseException | None, _tb: TracebackType | None
    ) -> None:
        if kind is not None:
            for path in self.created:  # nothing of a failed recording stays behind
                path.unlink(missing_ok=True)
            self.created.clear()
