"""Label styles shared by the panels: a screen title and muted secondary text."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


def title_label(text: str = "") -> QLabel:
    """A panel's title: bold, a third larger than the body text."""
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.35)
    font.setBold(True)
    label.setFont(font)
    return label


def muted_label(text: str = "") -> QLabel:
    """Secondary text (subtitles, hints) in the palette's placeholder colour."""
    label = QLabel(text)
    label.setStyleSheet("color: palette(placeholder-text);")
    return label
