"""Totals per year (各年度合计): the year, the amount and, under it, the capitals — labels reused on refresh."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _set(label: QLabel, text: str) -> None:
    if label.text() != text:  # unchanged text must not trigger a relayout
        label.setText(text)


class YearTotals(QWidget):
    """A small grid: one line with the year and its amount, one grey line of capitals per year."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(16)
        self._grid.setVerticalSpacing(1)
        self._grid.setColumnStretch(1, 1)
        self._head = [QLabel(), QLabel()]
        for col, label in enumerate(self._head):
            font = label.font()
            font.setBold(True)
            label.setFont(font)
            if col:
                label.setAlignment(_RIGHT)
            self._grid.addWidget(label, 0, col)
        self._rows: list[tuple[QLabel, QLabel, QLabel]] = []
        self._compact = False

    def set_compact(self, compact: bool) -> None:
        """Narrow windows: one line per year, without the capitals (the grand total keeps them)."""
        self._compact = compact
        for _year, _amount, caps in self._rows:
            caps.setVisible(not compact and bool(caps.text()))

    def set_headers(self, year: str, amount: str) -> None:
        for label, text in zip(self._head, (year, amount), strict=True):
            _set(label, text)

    def set_rows(self, rows: list[tuple[str, str, str]]) -> None:
        """(year, amount, capitals) per year."""
        while len(self._rows) < len(rows):
            year, amount, caps = QLabel(), QLabel(), QLabel()
            amount.setAlignment(_RIGHT)
            caps.setStyleSheet("color: palette(placeholder-text);")
            for label in (amount, caps):
                label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            r = 1 + 2 * len(self._rows)
            self._grid.addWidget(year, r, 0)
            self._grid.addWidget(amount, r, 1)
            self._grid.addWidget(caps, r + 1, 0, 1, 2, _RIGHT)
            self._rows.append((year, amount, caps))
        for i, labels in enumerate(self._rows):
            shown = i < len(rows)
            for label, text in zip(labels, rows[i] if shown else ("", "", ""), strict=True):
                label.setVisible(shown and not (label is labels[2] and self._compact))
                _set(label, text)
        for label in self._head:
            label.setVisible(bool(rows))

    def text(self) -> str:
        """Everything shown, line by line (for copies and checks)."""
        lines = [" ".join(h.text() for h in self._head)]
        lines += [" ".join(label.text() for label in row) for row in self._rows if not row[0].isHidden()]
        return "\n".join(lines)
