"""测算提示 with "按此新建方案": each hint is a what-if the officer can turn into a variant at once.

A list (it scrolls and wraps by itself, however many hints come); the chosen hint — by click, arrow keys,
Enter or a double click — asks for its variant through `variantWanted`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from qt_app.domain.hints import Hint


class HintBox(QGroupBox):
    """The hints of the package on screen, and the button that makes the chosen one a variant."""

    variantWanted = Signal(object)  # the Hint to make a variant of

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._hints: list[Hint] = []
        self.list = QListWidget()
        self.list.setObjectName("hintList")
        self.list.setWordWrap(True)
        self.list.setFrameShape(QListWidget.Shape.NoFrame)
        self.list.setStyleSheet("QListWidget { background: transparent; }")
        self.list.currentRowChanged.connect(lambda _row: self._update())
        self.list.itemActivated.connect(lambda _item: self._wanted())
        self.button = QPushButton()
        self.button.setObjectName("hintVariantButton")
        self.button.clicked.connect(self._wanted)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("测算提示"))
        self.button.setText(self.tr("按此新建方案"))
        self.button.setToolTip(self.tr("按所选提示新建一个测算方案，与基准方案并列对比（也可双击提示）"))

    def set_hints(self, hints: list[Hint], lines: list[str], can_make: bool) -> None:
        """Show `lines` (one per hint, or a single note when there is none); `can_make`: the firm is saved."""
        self._hints = list(hints) if can_make else []
        if lines != self.texts():
            self.list.clear()
            for line in lines:
                item = QListWidgetItem(line)
                if not hints:
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a note, not a hint to act on
                self.list.addItem(item)
            if hints:
                self.list.setCurrentRow(0)
        self._update()

    def texts(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def chosen(self) -> Hint | None:
        row = self.list.currentRow()
        return self._hints[row] if 0 <= row < len(self._hints) else None

    def _update(self) -> None:
        self.button.setEnabled(self.chosen() is not None)

    def _wanted(self) -> None:
        hint = self.chosen()
        if hint is not None:
            self.variantWanted.emit(hint)
