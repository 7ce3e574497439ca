"""Label styles shared by the panels: a screen title and muted secondary text."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QLabel

# Fonts and palettes, not style sheets: a style sheet switches the widget to Qt's slower style-sheet
# style, and the firm list's labels are built before the first paint.


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
    return mute(QLabel(text))


def mute(label: QLabel) -> QLabel:
    """Secondary text in the palette's placeholder colour."""
    return tint(label, label.palette().color(QPalette.ColorRole.PlaceholderText))


def tint(label: QLabel, color: QColor | str) -> QLabel:
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(color))
    label.setPalette(palette)
    return label


def emphasise(label: QLabel) -> QLabel:
    """Semi-bold, for a small heading inside a screen."""
    font = label.font()
    font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)
    return label
