"""Printing a letter (打印): each PDF page rendered at the printer's resolution onto the printer's painter.

Pages are rendered in horizontal bands so a 600 dpi A4 page never needs one 140 MB image at once.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QPrinter

from qt_app.domain.errors import DomainError

BAND_PIXELS = 1024  # rows of pixels rendered at a time


def print_document(doc: QPdfDocument, printer: QPrinter) -> int:
    """Print every page of `doc` (A4 letters) to `printer`, full page; returns the number of pages printed."""
    pages = doc.pageCount()
    if pages <= 0:
        raise DomainError("没有可打印的页面", "There is nothing to print")
    printer.setFullPage(True)  # the letter carries its own margins
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    first, last = printer.fromPage(), printer.toPage()
    wanted = range(max(first, 1) - 1, min(last, pages) if last else pages) if first else range(pages)
    painter = QPainter()
    if not painter.begin(printer):
        raise DomainError("打印机无法开始打印", "The printer could not start the job")
    try:
        printed = 0
        for i in wanted:
            if printed:
                printer.newPage()
            _draw_page(doc, i, printer, painter)
            printed += 1
    finally:
        painter.end()
    return printed


def _draw_page(doc: QPdfDocument, page: int, printer: QPrinter, painter: QPainter) -> None:
    """Render one page to fill the paper, at the printer's resolution, band by band."""
    target = printer.pageLayout().fullRectPixels(printer.resolution())
    width, height = target.width(), target.height()
    size = doc.pagePointSize(page)
    if size.width() > 0 and size.height() > 0:  # keep the page's proportions, centred
        scale = min(width / size.width(), height / size.height())
        width, height = round(size.width() * scale), round(size.height() * scale)
    left = target.x() + (target.width() - width) // 2
    top = target.y() + (target.height() - height) // 2
    for y in range(0, height, BAND_PIXELS):
        band = min(BAND_PIXELS, height - y)
        options = QPdfDocumentRenderOptions()
        options.setScaledSize(QSize(width, height))
        options.setScaledClipRect(QRect(0, y, width, band))
        image = doc.render(page, QSize(width, band), options)
        if image.isNull():
            raise DomainError(f"第 {page + 1} 页无法渲染", f"Page {page + 1} could not be rendered")
        if image.format() != QImage.Format.Format_ARGB32_Premultiplied:
            image = image.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
        painter.drawImage(left, top + y, image)
