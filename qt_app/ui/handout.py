"""The meeting handout (会谈简报): one A4 page for the investor to take away, printed or saved as PDF.

Drawn with QPainter from `handout_data.Handout` in the bundled CJK font (Qt embeds it in the PDF): the firm,
its package by item and year, the totals in figures and capitals, the same 示例 marks and clauses as the
meeting screen, and "测算值，以正式告知函为准".
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)
from PySide6.QtWidgets import QApplication, QWidget

from qt_app.ui.handout_data import Handout

MARGIN_MM = 18
INK = QColor("#1a1a1a")
GREY = QColor("#666666")
RULE = QColor("#9a9a9a")
MARK_FILL, MARK_INK = QColor("#fff1cc"), QColor("#8a5a00")


def _font(points: float, bold: bool = False) -> QFont:
    font = QFont(QApplication.font())
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


class _Page:
    """Draws down an A4 page in millimetres."""

    def __init__(self, painter: QPainter, dpi: float, width_mm: float) -> None:
        self.p = painter
        self.mm = dpi / 25.4
        self.width = width_mm - 2 * MARGIN_MM
        self.y: float = MARGIN_MM

    def rect(self, x: float, y: float, w: float, h: float) -> QRectF:
        return QRectF(x * self.mm, y * self.mm, w * self.mm, h * self.mm)

    def line_mm(self, font: QFont) -> float:
        return QFontMetricsF(font, self.p.device()).height() / self.mm

    def text_mm(self, font: QFont, text: str) -> float:
        return QFontMetricsF(font, self.p.device()).horizontalAdvance(text) / self.mm

    def write(self, text: str, font: QFont, color: QColor = INK, gap: float = 1.5) -> None:
        """A paragraph across the page, wrapped."""
        self.p.setFont(font)
        self.p.setPen(color)
        box = self.rect(MARGIN_MM, self.y, self.width, 200)
        used = self.p.boundingRect(box, int(Qt.TextFlag.TextWordWrap), text)
        self.p.drawText(box, int(Qt.TextFlag.TextWordWrap), text)
        self.y += used.height() / self.mm + gap

    def mark(self, x: float, y: float, h: float, font: QFont) -> float:
        """A small "示例" tag at (x, y); returns its width."""
        label = QCoreApplication.translate("Handout", "示例")
        w = self.text_mm(font, label) + 2.0
        r = self.rect(x, y + h * 0.12, w, h * 0.76)
        self.p.setPen(QPen(MARK_INK, 0.2 * self.mm))
        self.p.setBrush(MARK_FILL)
        self.p.drawRoundedRect(r, 0.8 * self.mm, 0.8 * self.mm)
        self.p.setBrush(Qt.BrushStyle.NoBrush)
        self.p.setFont(font)
        self.p.setPen(MARK_INK)
        self.p.drawText(r, int(Qt.AlignmentFlag.AlignCenter), label)
        return w

    def rule(self, weight: float = 0.25) -> None:
        self.p.setPen(QPen(RULE, weight * self.mm))
        self.p.drawLine(
            self.rect(MARGIN_MM, self.y, self.width, 0).topLeft(),
            self.rect(MARGIN_MM, self.y, self.width, 0).topRight(),
        )


def draw(painter: QPainter, device: QPagedPaintDevice, data: Handout) -> None:
    """Draw the handout on one A4 page of `device` (a QPrinter or a QPdfWriter)."""
    dpi = float(device.logicalDpiX())
    page = _Page(painter, dpi, 210.0)
    page.write(QCoreApplication.translate("Handout", "会谈简报"), _font(17, bold=True), gap=1)
    page.write(data.firm, _font(14, bold=True), gap=1)
    page.write(
        QCoreApplication.translate("Handout", "依据{policy} · {variant} · {date}").format(
            policy=data.policy, variant=data.variant, date=data.made_on
        ),
        _font(9),
        GREY,
        gap=4,
    )
    _table(page, data)
    page.y += 4
    total = QCoreApplication.translate("Handout", "合计 {money}（{figure}）").format(
        money=data.total, figure=data.total_figure
    )
    top = page.y
    page.write(total, _font(13, bold=True), gap=1)
    if data.any_illustrative:  # the total rests on illustrative values too
        line = page.line_mm(_font(13, bold=True))
        page.mark(MARGIN_MM + page.text_mm(_font(13, bold=True), total) + 2, top, line, _font(9))
    page.write(
        QCoreApplication.translate("Handout", "大写：{capitals}").format(capitals=data.total_capitals),
        _font(10.5),
        gap=5,
    )
    if data.any_illustrative:
        page.write(
            QCoreApplication.translate(
                "Handout",
                "标“示例”的金额或条款编号依据的是示例值（参照浙江省同类政策的合理取值），"
                "待青田县兑现细则确认后以确认值为准。",
            ),
            _font(8.5),
            GREY,
            gap=2,
        )
    page.write(
        QCoreApplication.translate("Handout", "测算值，以正式告知函为准。"), _font(11, bold=True), gap=2
    )
    page.y = 297 - MARGIN_MM - 6
    page.rule()
    page.y += 1.5
    page.write(QCoreApplication.translate("Handout", "青田县投资促进 · 招商政策测算台"), _font(8), GREY)


def _table(page: _Page, data: Handout) -> None:
    """Items × years, a total column and a row of year totals; the font shrinks until it fits the width."""
    years = [QCoreApplication.translate("PackagePanel", "{year}年").format(year=y) for y in data.years]
    head = [
        QCoreApplication.translate("Handout", "支持事项"),
        QCoreApplication.translate("Handout", "条款"),
        *years,
        QCoreApplication.translate("Handout", "合计"),
    ]
    body = [[r.name, r.clause, *r.by_year, r.total] for r in data.rows]
    foot = [QCoreApplication.translate("Handout", "年度合计"), "", *data.year_totals, data.total]
    for points in (9.5, 9.0, 8.5, 8.0, 7.5, 7.0):
        font, bold = _font(points), _font(points, bold=True)
        mark_w = page.text_mm(font, QCoreApplication.translate("Handout", "示例")) + 3.0
        widths = [
            max(page.text_mm(bold if i == 0 or row is foot else font, row[i]) for row in (head, *body, foot))
            + 3.0
            for i in range(len(head))
        ]
        widths[1] += mark_w  # the clause may carry a 示例 tag
        widths[-1] += mark_w  # and so may the item's total
        if sum(widths) <= page.width:
            break
    spare = page.width - sum(widths)
    widths[0] += max(spare, 0)  # the item names take what is left
    line = page.line_mm(font) + 1.6
    p = page.p

    def row_cells(cells: list[str], f: QFont, marks: tuple[bool, bool] = (False, False)) -> None:
        x: float = MARGIN_MM
        for i, (text, w) in enumerate(zip(cells, widths, strict=True)):
            numeric = i >= 2
            p.setFont(f)
            p.setPen(INK)
            room = w - (mark_w if (i == 1 and marks[0]) or (i == len(cells) - 1 and marks[1]) else 0) - 1.5
            align = Qt.AlignmentFlag.AlignRight if numeric else Qt.AlignmentFlag.AlignLeft
            p.drawText(
                page.rect(x + 0.75, page.y, room, line), int(align | Qt.AlignmentFlag.AlignVCenter), text
            )
            if i == 1 and marks[0]:
                page.mark(x + 0.75 + page.text_mm(f, text) + 1.0, page.y, line, font)
            if i == len(cells) - 1 and marks[1]:
                page.mark(x + w - mark_w + 0.5, page.y, line, font)
            x += w
        page.y += line

    page.rule(0.5)
    row_cells(head, bold)
    page.rule()
    for r, cells in zip(data.rows, body, strict=True):
        row_cells(cells, font, (r.clause_illustrative, r.illustrative))
    page.rule()
    row_cells(foot, bold)
    page.rule(0.5)


def write_pdf(path: str | Path, data: Handout) -> Path:
    """The handout as a one-page A4 PDF (fonts embedded)."""
    path = Path(path)
    writer = QPdfWriter(str(path))
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)
        )
    )
    writer.setResolution(300)
    writer.setTitle(QCoreApplication.translate("Handout", "会谈简报") + " · " + data.firm)
    writer.setCreator("Offer Desk")
    painter = QPainter(writer)
    try:
        draw(painter, writer, data)
    finally:
        painter.end()
    return path


def preview(parent: QWidget, data: Handout) -> None:
    """Print preview (打印预览) of the handout; the dialog prints it."""
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)
        )
    )
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("Handout", "会谈简报 · 打印预览"))

    def paint(target: QPrinter) -> None:
        painter = QPainter(target)
        try:
            draw(painter, target, data)
        finally:
            painter.end()

    dialog.paintRequested.connect(paint)
    dialog.exec()
