"""Columns that fit what they hold (列宽): amounts, statuses and clauses are never cut off.

Widths are measured from every row's text and badges — expanded or not — with the view's own fonts, so a
column is at least as wide as its widest cell; the last (explanation) column stretches over what is left.
A width the user dragged wider is kept, per language (`remember` / `restore`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView

from qt_app.ui import i18n, settings
from qt_app.ui.widgets.status_badge import badge_room
from qt_app.ui.widgets.tree_model import Node

CELL_PADDING = 18  # the style's text margins on both sides, the focus frame, and a little air


def _widths(view: QAbstractItemView) -> tuple[QFontMetrics, QFontMetrics]:
    font = QFont(view.font())
    bold = QFont(font)
    bold.setBold(True)
    return QFontMetrics(font), QFontMetrics(bold)


def node_widths(view: QTreeView, nodes: Iterable[Node], columns: Sequence[int]) -> dict[int, int]:
    """The width each column needs to show every node's text and badges whole."""
    fm, fm_bold = _widths(view)
    need = dict.fromkeys(columns, 0)
    indent = view.indentation()
    stack = [(n, 1 if view.rootIsDecorated() else 0) for n in nodes]
    while stack:
        node, depth = stack.pop()
        metrics = fm_bold if node.bold else fm
        for col in columns:
            text = node.cells[col] if col < len(node.cells) else ""
            width = metrics.horizontalAdvance(text) if text else 0
            width += badge_room(fm, node.badges.get(col, []))
            if width:
                width += CELL_PADDING + (indent * depth if col == 0 else 0)
            need[col] = max(need[col], width)
        stack.extend((child, depth + 1) for child in node.children)
    return need


def header_widths(header: QHeaderView, columns: Sequence[int]) -> dict[int, int]:
    return {col: header.sectionSizeFromContents(col).width() for col in columns}


def fit(header: QHeaderView, need: dict[int, int]) -> None:
    """Each column at least as wide as it needs (and as its header); never narrower than the user made it."""
    heads = header_widths(header, list(need))
    for col, width in need.items():
        width = max(width, heads[col])
        if header.sectionSize(col) < width:
            header.resizeSection(col, width)


def shrink_to(header: QHeaderView, need: dict[int, int]) -> None:
    """Set the columns to exactly what they need (another firm: last firm's wide columns do not linger)."""
    heads = header_widths(header, list(need))
    for col, width in need.items():
        header.resizeSection(col, max(width, heads[col]))


class UserWidths:
    """Column widths the user dragged wider, kept per language; fitting never makes a column narrower."""

    def __init__(self, header: QHeaderView, columns: Sequence[int], view: str) -> None:
        self.header = header
        self.columns = tuple(columns)
        self.view = view

    def _option(self) -> settings.Option[str]:
        return settings.widths(self.view, i18n.current())

    def fit(self, need: dict[int, int], exact: bool) -> None:
        """`exact` (another firm): the columns' own widths, widened where the user widened them."""
        if not exact:
            fit(self.header, need)
            return
        shrink_to(self.header, need)
        saved = [int(w) for w in settings.get(self._option()).split(",") if w.isdigit()]
        for col, width in zip(self.columns, saved, strict=False):
            if width > self.header.sectionSize(col):
                self.header.resizeSection(col, width)

    def remember(self) -> None:
        settings.put(self._option(), ",".join(str(self.header.sectionSize(c)) for c in self.columns))
