"""The analysis panels, imported only when first shown; a missing one becomes a calm placeholder."""

from __future__ import annotations

import importlib
import logging

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QWidget

from qt_app.services.session import Session

log = logging.getLogger("offer_desk")

PANELS = {
    "package": ("qt_app.ui.package_view", "PackagePanel"),
    "compare": ("qt_app.ui.compare_view", "ComparePanel"),
    "exposure": ("qt_app.ui.exposure_view", "ExposurePanel"),
    "policies": ("qt_app.ui.policy_view", "PoliciesPanel"),
    "meeting": ("qt_app.ui.meeting", "MeetingView"),
    "letters": ("qt_app.ui.letters.panel", "LettersPanel"),
}


def make_panel(key: str, session: Session, parent: QWidget | None = None) -> QWidget:
    """Build the panel `key`; if its module is not part of this build, a label saying so."""
    module_name, class_name = PANELS[key]
    try:
        cls = getattr(importlib.import_module(module_name), class_name)
    except (ImportError, AttributeError) as e:
        log.warning("panel %s unavailable: %s", key, e)
        label = QLabel(QCoreApplication.translate("Panels", "此面板尚未安装。"), parent)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setObjectName(f"{key}Placeholder")
        return label
    panel: QWidget = cls(session, parent)
    panel.setObjectName(f"{key}Panel")
    return panel
