"""The signal hub (信号中枢): how panels hear about changes without knowing each other."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Hub(QObject):
    """Change notices shared by every panel of one window."""

    firmSaved = Signal(str)  # a firm was written to the store (id)
    firmsChanged = Signal()  # the list may differ: delete, restore, stage change, restore from backup
    firmSelected = Signal(str)  # the current firm changed (id, "" for none)
    settingsChanged = Signal()  # issuing office, signers, … were saved
    backupTaken = Signal(str)  # a backup file was written (path)
