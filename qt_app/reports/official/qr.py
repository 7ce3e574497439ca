"""The verification QR code (验证二维码), drawn as one vector path.

reportlab's QR widget builds one validated shape object per module and encodes the data twice per
drawing (~100 ms a letter); here the matrix is encoded once (cached per payload, so a verification
re-render costs nothing) and each row's dark runs become rectangles in a single filled path.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import groupby

from reportlab.graphics.barcode import qrencoder
from reportlab.lib import colors
from reportlab.platypus import Flowable

QUIET = 2  # modules of white border around the code (the table cell adds more)
# Decoders read all eight mask patterns; the standard's penalty search for the "best" one costs ~30 ms a
# letter in reportlab's pure-Python encoder, so one fixed mask is used (decoding is tested with zbar).
MASK = 0


@lru_cache(maxsize=32)
def qr_matrix(text: str) -> tuple[tuple[bool, ...], ...]:
    """Modules of the QR code for `text` (error correction level M, fixed mask pattern)."""
    qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    qr.addData(text)
    qr.version = qr.calculate_version()
    qr.makeImpl(False, MASK)
    return tuple(tuple(bool(m) for m in row) for row in qr.modules)


class QrFlowable(Flowable):  # type: ignore[misc]
    """A square QR code of the given size in points."""

    def __init__(self, text: str, size: float) -> None:
        super().__init__()
        self.text = text
        self.size = size

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        matrix = qr_matrix(self.text)
        n = len(matrix) + 2 * QUIET
        box = self.size / n
        ops: list[str] = []
        for r, row in enumerate(matrix):
            y = self.size - (r + QUIET + 1) * box
            col = 0
            for dark, run in groupby(row):
                count = len(list(run))
                if dark:
                    ops.append(f"{(col + QUIET) * box:.3f} {y:.3f} {count * box:.3f} {box:.3f} re")
                col += count
        c = self.canv
        c.saveState()
        c.setFillColor(colors.black)
        # One literal path: formatting ~1,000 rectangles through reportlab's path object costs ~15 ms.
        c.addLiteral("\n".join(ops) + "\nf")
        c.restoreState()
