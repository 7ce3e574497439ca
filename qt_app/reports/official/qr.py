"""The verification QR code (验证二维码): encoded once per payload, drawn as one vector path.

Error correction level M and large modules: the payload is base45 text, so the code uses the alphanumeric
mode (5.5 bits a character) and a letter's ~236 characters make a version 9 code, 53 modules, drawn 40 mm
wide with its 4-module quiet zone: 0.66 mm a module, 3.9 pixels at 150 dpi. Measured with zbar on synthetic
worn scans (tests/reports/test_qr_scan.py), blur costs more than damage: level Q's smaller modules decoded
fewer. The mask pattern is chosen by the standard's penalty rules (computed here on bit rows; reportlab's
own scoring costs ~15 ms a code).
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import groupby
from typing import Any

from reportlab.graphics.barcode import qrencoder

QUIET = 4  # modules of white border, part of the drawn square
LEVEL = qrencoder.QRErrorCorrectLevel.M

Matrix = tuple[tuple[bool, ...], ...]


def _segment(text: str) -> Any:
    try:
        return qrencoder.QRAlphaNum(text)
    except ValueError:
        return qrencoder.QR8bitByte(text)


def _penalty(rows: list[int], n: int) -> int:
    """ISO/IEC 18004 §7.8.3 mask penalty, on rows as integers (bit c = column c)."""
    full = (1 << n) - 1
    cols = [sum(((rows[r] >> c) & 1) << r for r in range(n)) for c in range(n)]
    score = 0
    finder = re.compile(r"(?=(10111010000|00001011101))")
    for lines in (rows, cols):
        for line in lines:
            bits = format(line, f"0{n}b")
            score += sum(len(m.group(0)) - 2 for m in re.finditer(r"1{5,}|0{5,}", bits))
            score += 40 * len(finder.findall(bits))
    for r in range(n - 1):
        a, b = rows[r], rows[r + 1]
        dark = a & b & (a >> 1) & (b >> 1)
        light = ~a & ~b & (~a >> 1) & (~b >> 1) & (full >> 1)
        score += 3 * (bin(dark & (full >> 1)).count("1") + bin(light).count("1"))
    dark_total = sum(bin(r).count("1") for r in rows)
    score += 10 * (abs(dark_total * 100 // (n * n) - 50) // 5)
    return score


@lru_cache(maxsize=64)
def qr_matrix(text: str, level: int = LEVEL) -> Matrix:
    """Modules of the QR code for `text` (dark = True), best mask pattern."""
    qr = qrencoder.QRCode(None, level)
    qr.addData(_segment(text))
    qr.version = qr.calculate_version()
    best: tuple[int, Matrix] | None = None
    for mask in range(8):
        qr.makeImpl(False, mask)
        n = qr.moduleCount
        rows = [sum(1 << c for c, dark in enumerate(row) if dark) for row in qr.modules]
        score = _penalty(rows, n)
        if best is None or score < best[0]:
            best = (score, tuple(tuple(bool(m) for m in row) for row in qr.modules))
    assert best is not None
    return best[1]


def qr_path(matrix: Matrix, size: float) -> str:
    """PDF path operators filling the dark modules of `matrix` in a size × size square (quiet zone included)."""
    n = len(matrix) + 2 * QUIET
    box = size / n
    ops: list[str] = []
    for r, row in enumerate(matrix):
        y = size - (r + QUIET + 1) * box
        col = 0
        for dark, run in groupby(row):
            count = len(list(run))
            if dark:
                ops.append(f"{(col + QUIET) * box:.5f} {y:.5f} {count * box:.5f} {box:.5f} re")
            col += count
    return "\n".join(ops) + "\nf"


def draw_qr(canv: Any, text: str, size: float) -> None:
    """Draw the QR code for `text` with its lower-left corner at the origin."""
    canv.saveState()
    canv.setFillColorRGB(0, 0, 0)
    # One literal path: formatting ~1,000 rectangles through reportlab's path object costs ~15 ms.
    canv.addLiteral(qr_path(qr_matrix(text), size))
    canv.restoreState()
