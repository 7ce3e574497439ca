"""The contact log model (联络记录): a firm's visits, calls and meetings, newest first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from qt_app.store.models import ContactEntry
from qt_app.ui import i18n

ModelIndex = QModelIndex | QPersistentModelIndex

CONTACT_KINDS: tuple[tuple[str, tuple[str, str]], ...] = (
    ("visit", ("拜访", "Visit")),
    ("call", ("电话", "Call")),
    ("meeting", ("会谈", "Meeting")),
    ("message", ("微信/邮件", "Message")),
    ("other", ("其他", "Other")),
)
COLUMNS = (("日期", "Date"), ("方式", "Kind"), ("联系人", "With"), ("内容", "Notes"), ("下一步", "Next step"))


def kind_label(kind: str) -> str:
    """The kind in the current language, whether stored as its key ("visit") or its Chinese label (拜访)."""
    return next((i18n.pick(pair) for key, pair in CONTACT_KINDS if kind in (key, pair[0])), kind)


class ContactsModel(QAbstractTableModel):
    """Read-only rows of ContactEntry; adding goes through the store, then `set_entries`."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._entries: list[ContactEntry] = []

    def set_entries(self, entries: list[ContactEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entry(self, row: int) -> ContactEntry | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return i18n.pick(COLUMNS[section]) if 0 <= section < len(COLUMNS) else None
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._entries):
            return None
        e = self._entries[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values = (e.date, kind_label(e.kind), e.who, e.notes, e.next_step)
            return values[index.column()] if 0 <= index.column() < len(values) else None
        return None
