"""A small stacked bar chart (柱状图) drawn with QPainter: one bar per year, one colour per series.

Qt Charts is deprecated, so the panels draw their own. The chart only lays out the numbers it is given
(bar heights are the sum of the segments handed in); labels come ready-formatted from the caller.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from qt_app.domain.money import Fen
from qt_app.domain.money_format import money_compact
from qt_app.ui import i18n
from qt_app.ui.widgets.palette import OVERRUN_COLOR


@dataclass(frozen=True)
class Series:
    """One stacked layer: a key, its legend text and its colour."""

    key: str
    label: str
    color: QColor


@dataclass(frozen=True)
class Bar:
    """One bar: its label (a year), the segments (series key, amount), and what to write above/below it."""

    label: str
    segments: tuple[tuple[str, Fen], ...]
    total_text: str = ""
    flagged: bool = False  # drawn with a red outline, e.g. a year over its pool
    note: str = ""  # a word under the label, e.g. "超出"


def _nice_step(span: float, ticks: int = 4) -> float:
    """A round tick step (1, 2, 2.5 or 5 × 10ⁿ) giving about `ticks` gridlines."""
    if span <= 0:
        return 1.0
    raw = span / ticks
    mag = 10 ** (len(str(int(raw))) - 1) if raw >= 1 else 1.0
    for m in (1, 2, 2.5, 5, 10):
        if raw <= m * mag:
            return m * mag
    return 10 * mag


class StackedBarChart(QWidget):
    """Per-year stacked bars with a legend, an optional limit line (a pool) and flagged bars."""

    def __init__(self, parent: QWidget | None = None, axis_text: Callable[[Fen], str] | None = None) -> None:
        super().__init__(parent)
        self._axis_text = axis_text or (lambda fen: money_compact(fen, i18n.current()))
        self._bars: tuple[Bar, ...] = ()
        self._series: tuple[Series, ...] = ()
        self._limit: Fen | None = None
        self._limit_label = ""
        self._title = ""
        self._empty_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(180)

    # -- data -------------------------------------------------------------------------------------
    def set_data(
        self,
        bars: Sequence[Bar],
        series: Sequence[Series],
        limit: Fen | None = None,
        limit_label: str = "",
        title: str = "",
        empty_text: str = "",
    ) -> None:
        self._bars = tuple(bars)
        self._series = tuple(series)
        self._limit = limit
        self._limit_label = limit_label
        self._title = title
        self._empty_text = empty_text
        self.update()

    def bars(self) -> tuple[Bar, ...]:
        return self._bars

    def series(self) -> tuple[Series, ...]:
        return self._series

    def sizeHint(self) -> QSize:
        return QSize(480, 260)

    # -- drawing ----------------------------------------------------------------------------------
    def _visible_series(self) -> list[Series]:
        used = {key for bar in self._bars for key, v in bar.segments if v > 0}
        return [s for s in self._series if s.key in used]

    def _legend_rows(self, fm: QFontMetricsF, width: float) -> list[list[tuple[Series, float]]]:
        rows: list[list[tuple[Series, float]]] = [[]]
        x = 0.0
        box = fm.height() * 0.8
        for s in self._visible_series():
            w = box + 6 + fm.horizontalAdvance(s.label) + 16
            if rows[-1] and x + w > width:
                rows.append([])
                x = 0.0
            rows[-1].append((s, w))
            x += w
        return [r for r in rows if r]

    @staticmethod
    def _fitted_text(p: QPainter, rect: QRectF, text: str, lend: bool = False) -> None:
        """Centre a bar's total in its slot; narrow slots get a smaller font so totals never overlap.

        `lend`: the totals are staggered on two lines, so each may use half of each neighbour's slot.
        """
        if lend:
            rect = rect.adjusted(-rect.width() / 2, 0, rect.width() / 2, 0)
        width = p.fontMetrics().horizontalAdvance(text)
        if width <= rect.width() - 2:
            p.drawText(rect, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom), text)
            return
        p.save()
        font = p.font()
        scale = max(0.6, (rect.width() - 2) / width)
        font.setPointSizeF(font.pointSizeF() * scale)
        p.setFont(font)
        p.drawText(rect, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom), text)
        p.restore()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        text_color = pal.color(QPalette.ColorRole.WindowText)
        grid_color = pal.color(QPalette.ColorRole.Mid)
        fm = QFontMetricsF(self.font())
        line_h = fm.height()
        area = QRectF(self.rect()).adjusted(8, 6, -8, -6)

        if self._title:
            title_font = self.font()
            title_font.setBold(True)
            p.setFont(title_font)
            p.setPen(text_color)
            p.drawText(
                QRectF(area.left(), area.top(), area.width(), line_h),
                int(Qt.AlignmentFlag.AlignLeft),
                self._title,
            )
            p.setFont(self.font())
            area.setTop(area.top() + line_h + 6)

        total_of = [sum(v for _, v in bar.segments) for bar in self._bars]
        top_value = max([*total_of, self._limit or 0, 0])
        if not self._bars or top_value <= 0:
            p.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
            p.drawText(area, int(Qt.AlignmentFlag.AlignCenter), self._empty_text)
            p.end()
            return

        axis_guess = fm.horizontalAdvance(self._axis_text(int(top_value))) + 24
        legend = self._legend_rows(fm, area.width() - axis_guess)
        legend_h = len(legend) * (line_h + 4)
        note_h = line_h if any(b.note for b in self._bars) else 0.0
        step = _nice_step(top_value * 1.08)
        ticks = int(top_value * 1.08 // step) + 1
        axis_max = step * ticks
        axis_w = max(fm.horizontalAdvance(self._axis_text(int(step * i))) for i in range(ticks + 1)) + 8
        slot = (area.width() - axis_w) / max(len(self._bars), 1)
        # Totals too wide for their slot even in a smaller font are staggered over two lines.
        crowded = any(fm.horizontalAdvance(b.total_text) * 0.6 > slot - 2 for b in self._bars)
        head_room = line_h * (2 if crowded else 1)
        plot = QRectF(
            area.left() + axis_w,
            area.top() + head_room + 4,
            area.width() - axis_w,
            area.height() - legend_h - line_h - note_h - head_room - 12,
        )
        if plot.height() < 20:
            p.end()
            return

        def y_of(value: float) -> float:
            return plot.bottom() - plot.height() * value / axis_max

        # grid and axis labels
        p.setPen(QPen(grid_color, 1, Qt.PenStyle.DotLine))
        for i in range(ticks + 1):
            y = y_of(step * i)
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        p.setPen(text_color)
        for i in range(ticks + 1):
            y = y_of(step * i)
            label_rect = QRectF(area.left(), y - line_h / 2, axis_w - 6, line_h)
            p.drawText(
                label_rect,
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                self._axis_text(int(step * i)),
            )

        # bars
        n = len(self._bars)
        slot = plot.width() / n
        bar_w = min(slot * 0.6, 90.0)
        colors = {s.key: s.color for s in self._series}
        for i, bar in enumerate(self._bars):
            x = plot.left() + slot * i + (slot - bar_w) / 2
            base = 0.0
            for key, value in bar.segments:
                if value <= 0:
                    continue
                top = base + value
                rect = QRectF(x, y_of(top), bar_w, y_of(base) - y_of(top))
                p.fillRect(rect, colors.get(key, QColor("#999999")))
                base = top
            if bar.flagged:
                p.setPen(QPen(QColor(OVERRUN_COLOR), 2))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawRect(QRectF(x, y_of(base), bar_w, plot.bottom() - y_of(base)))
            p.setPen(QColor(OVERRUN_COLOR) if bar.flagged else text_color)
            if bar.total_text:
                lift = line_h * (i % 2) if crowded else 0.0
                self._fitted_text(
                    p,
                    QRectF(plot.left() + slot * i, y_of(base) - line_h - 2 - lift, slot, line_h),
                    bar.total_text,
                    lend=crowded,
                )
            p.setPen(text_color)
            p.drawText(
                QRectF(plot.left() + slot * i, plot.bottom() + 4, slot, line_h),
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                bar.label,
            )
            if bar.note:
                p.setPen(QColor(OVERRUN_COLOR))
                p.drawText(
                    QRectF(plot.left() + slot * i, plot.bottom() + 4 + line_h, slot, line_h),
                    int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                    bar.note,
                )
        p.setPen(QPen(text_color, 1))
        p.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))

        # the limit line (a programme pool)
        if self._limit is not None and self._limit > 0:
            y = y_of(self._limit)
            p.setPen(QPen(QColor(OVERRUN_COLOR), 1.5, Qt.PenStyle.DashLine))
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            if self._limit_label:
                w = fm.horizontalAdvance(self._limit_label) + 6
                p.drawText(
                    QRectF(plot.right() - w, y - line_h - 1, w, line_h),
                    int(Qt.AlignmentFlag.AlignRight),
                    self._limit_label,
                )

        # legend
        y = plot.bottom() + 8 + line_h + note_h + 4
        box = line_h * 0.8
        for row in legend:
            x = area.left() + axis_w
            for s, w in row:
                p.fillRect(QRectF(x, y + (line_h - box) / 2, box, box), s.color)
                p.setPen(text_color)
                p.drawText(
                    QRectF(x + box + 6, y, w, line_h),
                    int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                    s.label,
                )
                x += w
            y += line_h + 4
        p.end()
