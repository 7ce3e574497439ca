"""Status badges (状态标记) drawn in item views: 原文 / 示例 / 已确认 / 方案调整, 可享受 / 已封顶 …

A model puts `[(text, kind), …]` under BADGE_ROLE; the delegate draws the display text, then one small
rounded pill per badge, coloured by kind (see palette.BADGE_COLORS).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from qt_app.ui.widgets.palette import BADGE_COLORS

BADGE_ROLE = int(Qt.ItemDataRole.UserRole) + 41
"""Model role holding a list of (text, kind) badges for a cell."""

_PAD_X = 6
_GAP = 4


def badges_of(index: QModelIndex | QPersistentModelIndex) -> list[tuple[str, str]]:
    value: Any = index.data(BADGE_ROLE)
    return list(value) if value else []


def badge_room(fm: QFontMetrics, badges: list[tuple[str, str]]) -> int:
    """The width the badges take beside a cell's text (as `BadgeDelegate` draws and sizes them)."""
    if not badges:
        return 0
    return sum(fm.horizontalAdvance(t) + 2 * _PAD_X + _GAP for t, _ in badges) + 8


def badges_text(badges: list[tuple[str, str]]) -> str:
    """The badges as plain text, e.g. "[示例]" — for tooltips, copies and tests."""
    return "".join(f"[{text}]" for text, _ in badges)


_PILLS: dict[tuple[str, str, str, int, float], QPixmap] = {}


def _pill(label: str, kind: str, font: QFont, h: int, dpr: float) -> QPixmap:
    """One rounded badge, drawn once and reused: a tree repaints dozens of them per refresh."""
    key = (label, kind, font.key(), h, dpr)
    cached = _PILLS.get(key)
    if cached is not None:
        return cached
    fm = QFontMetrics(font)
    w = fm.horizontalAdvance(label) + 2 * _PAD_X
    pixmap = QPixmap(round(w * dpr), round(h * dpr))
    pixmap.setDevicePixelRatio(dpr)
    pixmap.fill(Qt.GlobalColor.transparent)
    fill, ink = BADGE_COLORS.get(kind, BADGE_COLORS["default"])
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setFont(font)
    p.setPen(QColor(ink).lighter(170))
    p.setBrush(QColor(fill))
    p.drawRoundedRect(QRectF(0.5, 0.5, w - 1, h - 1), (h - 1) / 2, (h - 1) / 2)
    p.setPen(QColor(ink))
    p.drawText(QRect(0, 0, w, h), int(Qt.AlignmentFlag.AlignCenter), label)
    p.end()
    if len(_PILLS) > 256:  # fonts or zoom changed many times: start afresh
        _PILLS.clear()
    _PILLS[key] = pixmap
    return pixmap


class BadgeDelegate(QStyledItemDelegate):
    """Paints a cell's text followed by its status badges."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        badges = badges_of(index)
        if not badges:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text  # type: ignore[attr-defined]
        opt.text = ""  # type: ignore[attr-defined]
        widget = opt.widget  # type: ignore[attr-defined]
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect: QRect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        fm = QFontMetrics(opt.font)  # type: ignore[attr-defined]
        painter.save()
        x = rect.left() + 2
        if text:
            selected = bool(opt.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
            pal = opt.palette  # type: ignore[attr-defined]
            painter.setPen(pal.highlightedText().color() if selected else pal.text().color())
            badge_room = sum(fm.horizontalAdvance(t) + 2 * _PAD_X + _GAP for t, _ in badges)
            shown = fm.elidedText(text, Qt.TextElideMode.ElideRight, max(0, rect.width() - badge_room - 4))
            painter.drawText(
                QRect(x, rect.top(), rect.width(), rect.height()), int(Qt.AlignmentFlag.AlignVCenter), shown
            )
            x += fm.horizontalAdvance(shown) + _GAP + 2
        h = min(rect.height() - 2, fm.height() + 2)
        top = rect.top() + (rect.height() - h) // 2
        dpr = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        for label, kind in badges:
            pill = _pill(label, kind, opt.font, h, dpr)  # type: ignore[attr-defined]
            w = round(pill.width() / dpr)
            if x + w > rect.right() + 1:
                break
            painter.drawPixmap(x, top, pill)
            x += w + _GAP
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        fm_all = QFontMetrics(option.font)  # type: ignore[attr-defined]
        size.setHeight(max(size.height(), fm_all.height() + 6))  # same height with or without badges
        badges = badges_of(index)
        if badges:
            size.setWidth(size.width() + badge_room(fm_all, badges))
        return size
