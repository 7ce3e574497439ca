"""The 兑现台账 screen on its own, showing one firm, as the ledger tests open it."""

from __future__ import annotations

from typing import Any

from qt_app.services.session import Session
from qt_app.ui.hub import Hub
from qt_app.ui.ledger.panel import LedgerPanel

from .conftest import shown


def open_panel(qtbot: Any, session: Session, hub: Hub, firm: Any) -> LedgerPanel:
    """A ledger panel at a laptop's size, exposed, showing `firm` as the editor would publish it."""
    panel = LedgerPanel(session, hub)
    qtbot.addWidget(panel)
    panel.resize(1300, 700)
    panel.show()
    qtbot.waitExposed(panel)
    panel.show_firm(shown(firm))
    return panel
