"""The letter preview (预览): the selected letter's PDF bytes shown with QPdfView, all pages, fit to width."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class LetterPreview(QWidget):
    """Shows one PDF held in memory; the buffer lives as long as the document reads from it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self._buffer: QBuffer | None = None
        self._bytes = b""
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet("QLabel { font-weight: bold; padding: 2px 0; }")
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        self.view.setStyleSheet("QPdfView { background: #8a8f96; }")  # paper on a grey desk
        self.empty = QLabel(self.tr("选择登记簿中的一份函件，即可在此预览。"))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty, 1)
        self.clear()

    @property
    def pdf_bytes(self) -> bytes:
        """The bytes on show (what 打印 and 另存为 use, so they match the preview exactly)."""
        return self._bytes

    def show_pdf(self, data: bytes, caption: str) -> bool:
        """Load `data` into the view; False when Qt cannot read it (the view is then cleared)."""
        old = self._buffer
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.close()
        self.document.load(buffer)
        self._buffer = buffer
        if old is not None:
            old.close()
            old.deleteLater()
        if self.document.status() == QPdfDocument.Status.Error or self.document.pageCount() == 0:
            self.clear()
            return False
        self._bytes = data
        self.caption.setText(caption)
        self.caption.show()
        self.view.show()
        self.empty.hide()
        return True

    def clear(self) -> None:
        self.document.close()
        self._bytes = b""
        self.caption.hide()
        self.view.hide()
        self.empty.show()
