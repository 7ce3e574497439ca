"""Errors as dialogs in words (错误提示), never a traceback on screen; details go to a log file.

The log lives in the data folder (`offer-desk.log`), so staff can send it along with a problem.
"""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from qt_app.domain.errors import DomainError, ValidationError
from qt_app.ui import i18n

LOG_ROTATE_BYTES = 1_000_000
LOG_KEEP = 2
LOG_NAME = "offer-desk.log"
log = logging.getLogger("offer_desk")


def setup_logging(folder: Path) -> Path | None:
    """Log to `offer-desk.log` in the data folder (rotated at start past 1 MB); None when not writable."""
    path = folder / LOG_NAME
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _rotate(path)
        handler = logging.FileHandler(path, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    for old in list(log.handlers):
        log.removeHandler(old)
        old.close()
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return path


def _rotate(path: Path) -> None:
    """Keep two old logs. Done once at start, so logging.handlers (and socket, pickle) stay unimported."""
    if not path.exists() or path.stat().st_size < LOG_ROTATE_BYTES:
        return
    for n in range(LOG_KEEP, 0, -1):
        older = path.with_name(f"{path.name}.{n}")
        newer = path.with_name(f"{path.name}.{n - 1}") if n > 1 else path
        if newer.exists():
            newer.replace(older)


def describe(exc: BaseException) -> str:
    """What went wrong, in the user's language; unexpected errors get a plain sentence, not a traceback."""
    if isinstance(exc, ValidationError):
        return "\n".join(exc.lines(i18n.current()))
    if isinstance(exc, DomainError):
        return exc.message(i18n.current())
    return QCoreApplication.translate(
        "Errors", "发生了意外错误，操作未完成。详细信息已写入日志文件 {log}。"
    ).format(log=LOG_NAME)


def show_error(parent: QWidget | None, exc: BaseException, title: str = "") -> None:
    """Log the error and show it as a dialog in words."""
    if isinstance(exc, DomainError):
        log.warning("%s", exc.en)
    else:
        log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    from PySide6.QtWidgets import QMessageBox  # loaded with the first message, not at start

    QMessageBox.warning(parent, title or QCoreApplication.translate("Errors", "无法完成操作"), describe(exc))


def excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """Unhandled errors in slots: log them with the traceback and tell the user in words."""
    log.error("unhandled error:\n%s", "".join(traceback.format_exception(kind, exc, tb)))
    if QCoreApplication.instance() is not None:
        show_error(None, exc)
    else:  # pragma: no cover - before the app exists
        sys.__excepthook__(kind, exc, tb)


def install_excepthook() -> None:
    sys.excepthook = excepthook
