"""The 兑现台账 screen's refresh after a step, with the UI in the path: a claim step run through the operation
and the hub (store write, audit, change notice), the panel hearing the notice and showing the firm's file again
(ledger under the letter's policy, claims, the selected claim's history, evidence) — on the demo ledgers'
firm with a claim paid in tranches.

Steps alternate 暂缓 / 恢复 on an open claim, so every run records a real step and its history grows.
"""

from __future__ import annotations

from datetime import date

from benchmarks.core import Row, Timing, measure, scratch


def rows(quick: bool) -> list[Row]:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return [
        Row(
            "ledger screen refreshed after a claim step",
            _refresh_after_step(quick),
            budget_seconds=0.050,
            note="暂缓/恢复 through the operation and the hub → change notice → 兑现台账 shows the firm's file "
            "again (ledger, claims, history, evidence)",
        )
    ]


def _refresh_after_step(quick: bool) -> Timing:
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication

    from qt_app.app import setup_application
    from qt_app.domain.ledger import steps as s
    from qt_app.services.demo import load_demo
    from qt_app.services.demo_ledger import load_demo_ledger
    from qt_app.services.firms import open_store
    from qt_app.services.operations import ledger as ops
    from qt_app.services.session import Session
    from qt_app.ui.hub import Hub
    from qt_app.ui.ledger.panel import LedgerPanel
    from qt_app.ui.panel import FirmOnScreen

    app = setup_application()
    folder = scratch("offer-desk-bench-ledger-screen-")
    store = open_store(folder, auto_backup=False)
    load_demo(store)
    store.close()
    session = Session.open(folder)
    load_demo_ledger(session.store, session.policy)
    firm_id = next(r.id for r in session.store.list_firms("云端算力", limit=5))
    firm, variants = session.store.get_firm(firm_id)
    hub = Hub(QUndoStack())
    panel = LedgerPanel(session, hub)
    panel.resize(1300, 700)
    panel.show()
    panel.show_firm(FirmOnScreen.of(firm, variants))
    panel.tabs.setCurrentIndex(2)
    QApplication.processEvents()
    claim = next(c for c in panel.file.ledger.claims if c.label() == "部分拨付")  # type: ignore[union-attr]
    flip = [False]

    def step() -> None:
        flip[0] = not flip[0]
        kind = s.Hold(date(2026, 11, 28), "补充材料") if flip[0] else s.Resume(date(2026, 11, 28))
        hub.run(lambda: ops.advance_claim(session, ops.ClaimStep(claim.id, kind, "bench")), panel)
        QApplication.processEvents()

    timing = measure(step, runs=20 if quick else 100, warmup=4)
    assert panel.selected_claim() is not None
    panel.close()
    panel.deleteLater()
    app.processEvents()
    session.close()
    return timing
