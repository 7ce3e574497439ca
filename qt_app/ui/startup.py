"""Start-up in two halves (启动): paint the firm list first, then warm the rest in idle turns.

The window is built from what the first screen needs (the store's plain connection, the first page of
firms). Loading the policy file and sqlite-utils (the write path) waits until the list has painted, and
runs one step per event-loop turn, so a click or key press in between is handled at once.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

Step = Callable[[], None]


class WarmUp(QObject):
    """Runs `steps` one per event-loop turn after `target` first paints; `finished` when all have run."""

    finished = Signal()

    def __init__(self, target: QWidget, steps: Sequence[Step], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._steps = list(steps)
        self._target = target
        self.longest_step = 0.0  # seconds: the longest the event loop was held by one step
        self.done = False
        # perf_counter() stamps for the start-up benchmark: first paint, the turn after it, all steps run
        self.painted_at = self.idle_at = self.finished_at = 0.0
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._target and event.type() == QEvent.Type.Paint:
            self._target.removeEventFilter(self)
            self.painted_at = time.perf_counter()
            QTimer.singleShot(0, self, self._next)
        return False

    def _next(self) -> None:
        self.idle_at = self.idle_at or time.perf_counter()
        if self._steps:
            self._run_one()
        if self._steps:
            QTimer.singleShot(0, self, self._next)
        elif not self.done:
            self.done = True
            self.finished_at = time.perf_counter()
            self.finished.emit()

    def stop(self) -> None:
        """Run nothing more (the window is going away before it warmed up)."""
        self._steps.clear()
        self._target.removeEventFilter(self)

    def _run_one(self) -> None:
        step = self._steps.pop(0)
        started = time.perf_counter()
        step()
        self.longest_step = max(self.longest_step, time.perf_counter() - started)
