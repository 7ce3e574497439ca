"""The county view's sum off the UI thread (QThreadPool): the exposure cache is refreshed and summed on a
worker, reporting progress and stopping when asked. The worker writes what it computed into the cache in one
transaction; the store's write lock makes an operation started meanwhile on the UI thread wait for it rather
than join it, as with a long import.

The first view after start fills the cache (cold: every firm's package is computed, ~20 s for 10,000 firms on
a busy 2-core machine); later views recompute only the firms that changed.
"""

from __future__ import annotations

import contextlib
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Signal

from qt_app.domain.errors import DomainError
from qt_app.services.session import Session
from qt_app.ui import i18n

PROGRESS_EVERY = 100  # firms between progress reports


class _Relay(QObject):
    done = Signal(object)  # CountyView
    failed = Signal(str)
    progress = Signal(int, int)  # firms computed so far, firms to compute
    cancelled = Signal()


class _Cancelled(Exception):
    pass


class _ExposureJob(QRunnable):
    """Refreshes the county view (the session's policy and loaded versions) off the UI thread."""

    def __init__(self, session: Session, relay: _Relay, total: int) -> None:
        super().__init__()
        self.session = session
        self.relay = relay
        self.total = total
        self.stop = False

    def _progress(self, done: int, total: int) -> None:
        if self.stop:
            raise _Cancelled
        from qt_app.ui import exposure_job

        if done % exposure_job.PROGRESS_EVERY == 0 or done == total:
            self._send(self.relay.progress, done, total)

    def run(self) -> None:
        from qt_app.services.ledger_exposure import county_view

        try:
            if self.stop:
                raise _Cancelled
            view = county_view(
                self.session.store,
                self.session.policy,
                self.session.policies,
                progress=self._progress,
            )
        except _Cancelled:
            self._send(self.relay.cancelled)
        except DomainError as exc:
            self._send(self.relay.failed, exc.message(i18n.current()))
        except Exception as exc:
            self._send(self.relay.failed, str(exc))
        else:
            self._send(self.relay.done, view)

    @staticmethod
    def _send(signal: Any, *args: object) -> None:
        # the panel (and its relay) may have closed while the sum ran: then there is nobody to tell
        with contextlib.suppress(RuntimeError):
            signal.emit(*args)
