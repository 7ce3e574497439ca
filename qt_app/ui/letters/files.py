"""Writing a letter's PDF to a file the user chose (另存为): all or nothing, problems in words."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from qt_app.domain.errors import DomainError


def _reason(e: OSError) -> tuple[str, str]:
    if e.errno == errno.ENOSPC or e.errno == getattr(errno, "EDQUOT", -1):
        return "磁盘已满", "the disk is full"
    if e.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "该文件夹是只读的，或没有写入权限", "the folder is read-only or you may not write to it"
    if e.errno == errno.ENOENT:
        return "文件夹不存在", "the folder does not exist"
    if e.errno == errno.EISDIR:
        return "这是一个文件夹", "that is a folder"
    text = e.strerror or str(e)
    return text, text


def write_pdf(path: str | Path, data: bytes) -> Path:
    """Write `data` to `path` through a temporary file beside it, so a failure leaves any old file intact.

    Raises DomainError naming the file and why (read-only folder, full disk…); the letter itself stays in
    the register, so nothing is lost and the user can pick another folder.
    """
    target = Path(path)
    if target.suffix.lower() != ".pdf":
        target = target.with_name(target.name + ".pdf")
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=".offer-desk-", suffix=".pdf.part", dir=target.parent)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
        tmp = None
    except OSError as e:
        zh, en = _reason(e)
        raise DomainError(
            f"无法保存到 {target}：{zh}。函件仍在登记簿中，可换一个文件夹再保存。",
            f"Cannot save to {target}: {en}. The letter is still in the register; choose another folder.",
        ) from e
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    return target
