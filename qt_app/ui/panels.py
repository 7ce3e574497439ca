"""The analysis panels, imported only when first shown; a missing one becomes a calm placeholder."""

from __future__ import annotations

import importlib
import logging

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from qt_app.services.session import Session
from qt_app.ui.hub import Hub
from qt_app.ui.panel import Panel

log = logging.getLogger("offer_desk")

PANELS = {
    "package": ("qt_app.ui.package_view", "PackagePanel"),
    "compare": ("qt_app.ui.compare_view", "ComparePanel"),
    "exposure": ("qt_app.ui.exposure_view", "ExposurePanel"),
    "policies": ("qt_app.ui.policy_view", "PoliciesPanel"),
    "meeting": ("qt_app.ui.meeting", "MeetingView"),
    "letters": ("qt_app.ui.letters.panel", "LettersPanel"),
    "ledger": ("qt_app.ui.ledger.panel", "LedgerPanel"),
}


class MissingPanel(Panel):
    """Stands in for a panel whose module is not part of this build: a calm line, nothing else."""

    def __init__(self, key: str, session: Session, hub: Hub, parent: QWidget | None = None) -> None:
        super().__init__(session, hub, parent)
        self.label = QLabel(QCoreApplication.translate("Panels", "此面板尚未安装。"), self)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setObjectName(f"{key}Placeholder")
        QVBoxLayout(self).addWidget(self.label)


def make_panel(key: str, session: Session, hub: Hub, parent: QWidget | None = None) -> Panel:
    """Build the panel `key`; if its module is not part of this build, a placeholder saying so."""
    module_name, class_name = PANELS[key]
    try:
        cls = getattr(importlib.import_module(module_name), class_name)
    except (ImportError, AttributeError) as e:
        log.warning("panel %s unavailable: %s", key, e)
        return MissingPanel(key, session, hub, parent)
    panel: Panel = cls(session, hub, parent)
    panel.setObjectName(f"{key}Panel")
    return panel
