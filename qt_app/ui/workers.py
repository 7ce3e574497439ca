"""Long work off the UI thread (后台任务): a QRunnable with signals, a progress dialog with cancel.

The store's backup runs as one SQLite call, so "cancel" stops waiting and removes the file it made
(nothing half-written is left behind; the backup module writes to a temporary name first).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

_running: set[Job] = set()


def busy() -> bool:
    """True while a job runs: idle work that writes to the database waits (one connection, one writer)."""
    return bool(_running)


class _Signals(QObject):
    finished = Signal(object)  # the result
    failed = Signal(object)  # the exception


class Job(QRunnable):
    """Runs `fn` on the thread pool; results and errors come back as signals on the UI thread."""

    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = _Signals()
        self.cancelled = False

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as e:  # reported to the UI thread, shown as a dialog in words
            self.signals.failed.emit(e)
            return
        self.signals.finished.emit(result)


def run_with_progress(
    parent: QWidget,
    label: str,
    fn: Callable[[], Any],
    done: Callable[[Any], None],
    failed: Callable[[BaseException], None],
    cancelled: Callable[[Any], None] | None = None,
    cancel_text: str = "",
) -> Job:
    """Start `fn` off the UI thread with a busy progress dialog offering cancel."""
    dialog = QProgressDialog(label, cancel_text or None, 0, 0, parent)  # type: ignore[arg-type]
    dialog.setWindowTitle(label)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)  # nothing else touches the data meanwhile
    job = Job(fn)

    def finish(result: Any) -> None:
        _running.discard(job)
        dialog.reset()
        dialog.deleteLater()
        if job.cancelled:
            if cancelled is not None:
                cancelled(result)
        else:
            done(result)

    def fail(error: Any) -> None:
        _running.discard(job)
        dialog.reset()
        dialog.deleteLater()
        if not job.cancelled:
            failed(error)

    def cancel() -> None:
        job.cancelled = True

    dialog.canceled.connect(cancel)
    job.signals.finished.connect(finish)
    job.signals.failed.connect(fail)
    job.setAutoDelete(False)
    _running.add(job)  # also keeps the job and its signals alive until done
    QThreadPool.globalInstance().start(job)
    return job
