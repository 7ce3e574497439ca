"""Layout shared by the panels: a chooser on the left, what it shows on the right."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget


def fill_with_sides(owner: QWidget, left: QWidget, right: QWidget, left_width: int) -> QSplitter:
    """Make `owner` a left/right splitter whose right side takes the extra width."""
    splitter = QSplitter(Qt.Orientation.Horizontal)
    splitter.addWidget(left)
    splitter.addWidget(right)
    splitter.setStretchFactor(1, 1)
    splitter.setSizes([left_width, 1400 - left_width])
    QVBoxLayout(owner).addWidget(splitter)
    return splitter
