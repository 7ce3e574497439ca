"""A small read-only tree model (树形模型) over plain nodes, shared by the package and policy panels.

Panels build a fresh list of `Node`s from a Package or a Policy and hand it to `set_nodes`; the view keeps
its own widgets, only the model resets, so a refresh costs microseconds per row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from qt_app.ui.widgets.status_badge import BADGE_ROLE

Index = QModelIndex | QPersistentModelIndex
_NO_PARENT = QModelIndex()
KEY_ROLE = int(Qt.ItemDataRole.UserRole) + 42
"""A stable key per node ("rent", "rent/2026/0", …) so views can keep rows expanded across refreshes."""
AMOUNT_ROLE = int(Qt.ItemDataRole.UserRole) + 43
"""The amount in 分 behind a money cell (tests and copies read it; screens show the text)."""


@dataclass(eq=False)
class Node:
    """One row: its cells, per-column badges, tooltip and children."""

    key: str
    cells: list[str]
    badges: dict[int, list[tuple[str, str]]] = field(default_factory=dict)
    tooltip: str = ""
    bold: bool = False
    color: str = ""  # text colour, e.g. grey for "本年无"
    amount: int | None = None
    children: list[Node] = field(default_factory=list)
    parent: Node | None = None
    row: int = 0

    def add(self, child: Node) -> Node:
        child.parent = self
        child.row = len(self.children)
        self.children.append(child)
        return child


def _same_shape(old: list[Node], new: list[Node]) -> bool:
    if len(old) != len(new):
        return False
    return all(a.key == b.key and _same_shape(a.children, b.children) for a, b in zip(old, new, strict=True))


class NodeTreeModel(QAbstractItemModel):
    """Shows a list of top-level Nodes with fixed column headers."""

    def __init__(self, headers: list[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = headers
        self._root = Node("", [])
        self._amount_column = 1

    def set_headers(self, headers: list[str]) -> None:
        self._headers = headers
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(headers) - 1)

    def set_nodes(self, nodes: list[Node], reset: bool = False) -> bool:
        """Show these rows; returns True when the model was reset (False: same rows, values updated).

        A live edit usually keeps every row and only changes amounts and words: updating in place keeps
        the view's expansion and selection and costs a fraction of a reset.
        """
        if not reset and _same_shape(self._root.children, nodes):
            self._update(self._root, nodes, QModelIndex())
            return False
        self.beginResetModel()
        root = Node("", [])
        for n in nodes:
            root.add(n)
        self._root = root
        self.endResetModel()
        return True

    def _update(self, owner: Node, fresh: list[Node], parent: QModelIndex) -> None:
        """Copy the new values in; tell the view only about rows whose text, badges or colour changed."""
        last_col = len(self._headers) - 1
        for row, (old, new) in enumerate(zip(owner.children, fresh, strict=True)):
            same = (
                old.cells == new.cells
                and old.badges == new.badges
                and old.tooltip == new.tooltip
                and (old.bold, old.color, old.amount) == (new.bold, new.color, new.amount)
            )
            if not same:
                old.cells, old.badges, old.tooltip = new.cells, new.badges, new.tooltip
                old.bold, old.color, old.amount = new.bold, new.color, new.amount
                self.dataChanged.emit(self.index(row, 0, parent), self.index(row, last_col, parent))
            if old.children:
                self._update(old, new.children, self.index(row, 0, parent))

    def nodes(self) -> list[Node]:
        return self._root.children

    def node(self, index: Index) -> Node:
        if not index.isValid():
            return self._root
        node: Node = index.internalPointer()
        return node

    # -- QAbstractItemModel ------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = _NO_PARENT) -> QModelIndex:
        if column < 0 or column >= len(self._headers) or row < 0:
            return QModelIndex()
        owner = self.node(parent)
        if row >= len(owner.children):
            return QModelIndex()
        return self.createIndex(row, column, owner.children[row])

    def parent(self, index: Index = _NO_PARENT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        node = self.node(index)
        up = node.parent
        if up is None or up is self._root:
            return QModelIndex()
        return self.createIndex(up.row, 0, up)

    def rowCount(self, parent: Index = _NO_PARENT) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self.node(parent).children)

    def columnCount(self, parent: Index = _NO_PARENT) -> int:
        return len(self._headers)

    def data(self, index: Index, role: int = int(Qt.ItemDataRole.DisplayRole)) -> Any:
        if not index.isValid():
            return None
        node = self.node(index)
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return node.cells[col] if col < len(node.cells) else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return node.tooltip or (node.cells[col] if col < len(node.cells) else None) or None
        if role == BADGE_ROLE:
            return node.badges.get(col)
        if role == KEY_ROLE:
            return node.key
        if role == AMOUNT_ROLE:
            return node.amount if col == self._amount_column else None
        if role == Qt.ItemDataRole.FontRole and node.bold:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and node.color:
            return QBrush(QColor(node.color))
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self._amount_column:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = int(Qt.ItemDataRole.DisplayRole)
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
        if horizontal and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
