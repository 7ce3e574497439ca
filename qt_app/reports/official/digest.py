"""The signed fingerprint of what a page shows (页面内容摘要), independent of the app version that drew it.

Canonical form of a page (version "ODV1"): its visible size in whole points and its rotation, then the text
it draws, read in drawing order through the fonts' ToUnicode maps (invisible text, render modes 3 and 7,
left out), normalised to NFC, with every space, line break, control and format character removed. A
re-saving program keeps all of that; a changed word, amount, 文号 or name, an added or removed line, or a
cropped or rotated page changes it. The document digest is the first 16 bytes of SHA-256 over the pages'
SHA-256 digests in page order, and it is what the QR code signs.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

CANON = "ODV1"
DOC_DIGEST_BYTES = 16


def canonical_text(text: str) -> str:
    """NFC, without whitespace, control or format characters (categories Z* and C*)."""
    return "".join(ch for ch in unicodedata.normalize("NFC", text) if unicodedata.category(ch)[0] not in "ZC")


@dataclass(frozen=True)
class PageView:
    """One page as the digest sees it."""

    width: float
    height: float
    rotate: int
    text: str

    @property
    def canonical(self) -> str:
        return f"{CANON}|{round(self.width)}x{round(self.height)}|{self.rotate % 360}|{canonical_text(self.text)}"

    def digest(self) -> bytes:
        return hashlib.sha256(self.canonical.encode("utf-8")).digest()


def document_digest(pages: Sequence[PageView]) -> bytes:
    return hashlib.sha256(b"".join(p.digest() for p in pages)).digest()[:DOC_DIGEST_BYTES]


def page_digest_list(pages: Sequence[PageView]) -> str:
    """Short per-page digests for the file's metadata, so a verifier can name the page that changed."""
    return ",".join(p.digest().hex()[:16] for p in pages)


def pages_from_pdf(data: bytes) -> list[PageView]:
    """Every page of a PDF file as the digest sees it (raises PdfReadError on unreadable files)."""
    from qt_app.reports import pdf_read

    pdf = pdf_read.read_pdf(data)
    out = []
    for page in pdf_read.pages(pdf):
        width, height = page.box
        out.append(PageView(width, height, page.rotate, "".join(pdf_read.scan_page(pdf, page).text)))
    return out
