"""Reading the QR code back from a PDF's vector drawing, without an image decoder.

A copy re-saved by another program (print to PDF, cairo) loses /Keywords and the attachments but keeps the
page drawing, and with it the QR code's modules as filled rectangles. Those are put back on the module grid
and decoded (format information, mask, block interleaving, alphanumeric or byte segments); reportlab's
encoder supplies the tables. No error correction is needed: vector modules are exact, and the payload's
signature is checked anyway.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.barcode import qrencoder

from qt_app.reports import pdf_read

Rect = tuple[float, float, float, float]
ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"


def matrix_from_rects(rects: Sequence[Rect]) -> list[list[bool]] | None:
    """The module grid a set of filled rectangles draws, if they draw a QR code."""
    if len(rects) < 30:
        return None
    heights = sorted(h for _x, _y, _w, h in rects)
    module = heights[len(heights) // 2]  # each rectangle is one row of modules high
    if module <= 0 or sum(abs(h - module) < module * 0.03 for h in heights) < len(rects) * 0.8:
        return None
    x0 = min(x for x, _y, _w, _h in rects)
    top = max(y + h for _x, y, _w, h in rects)
    right = max(x + w for x, _y, w, _h in rects)
    bottom = min(y for _x, y, _w, _h in rects)
    n = round((right - x0) / module)
    if n != round((top - bottom) / module) or n < 21 or (n - 17) % 4:
        return None
    grid = [[False] * n for _ in range(n)]
    for x, y, w, h in rects:
        c0, c1 = round((x - x0) / module), round((x + w - x0) / module)
        r0, r1 = round((top - y - h) / module), round((top - y) / module)
        if not (0 <= c0 < c1 <= n and 0 <= r0 < r1 <= n):
            return None
        for r in range(r0, r1):
            for c in range(c0, c1):
                grid[r][c] = True
    return grid


def _format(grid: list[list[bool]]) -> tuple[int, int]:
    """(error correction level, mask) from the format information next to the top-left finder."""
    n = len(grid)
    bits = 0
    for i in range(15):
        if i < 6:
            dark = grid[i][8]
        elif i < 8:
            dark = grid[i + 1][8]
        else:
            dark = grid[n - 15 + i][8]
        bits |= int(dark) << i
    best = min(
        (bin(bits ^ qrencoder.QRUtil.getBCHTypeInfo((ec << 3) | mask)).count("1"), ec, mask)
         for ec in range(4) for mask in range(8)
    )  # fmt: skip
    if best[0] > 3:
        raise ValueError("no QR format information")
    return best[1], best[2]


class _Bits:
    def __init__(self, data: bytes) -> None:
        self.data, self.pos = data, 0

    def read(self, n: int) -> int:
        value = 0
        for _ in range(n):
            byte = self.data[self.pos // 8] if self.pos // 8 < len(self.data) else 0
            value = (value << 1) | ((byte >> (7 - self.pos % 8)) & 1)
            self.pos += 1
        return value

    @property
    def left(self) -> int:
        return len(self.data) * 8 - self.pos


def decode_matrix(grid: list[list[bool]]) -> str:
    """The text a QR module grid encodes (numeric, alphanumeric and byte segments)."""
    n = len(grid)
    version = (n - 17) // 4
    level, mask = _format(grid)
    qr = qrencoder.QRCode(version, level)
    qr.moduleCount = n
    masked = qrencoder.QRUtil.getMask(mask)
    bits = [grid[row][col] ^ masked(row, col) for col, row in qr.dataPosIterator()]
    blocks = qrencoder.QRRSBlock.getRSBlocks(version, level)
    total = sum(b.totalCount for b in blocks)
    codewords = [sum(int(bits[8 * k + j]) << (7 - j) for j in range(8)) for k in range(total)]
    data: list[list[int]] = [[] for _ in blocks]
    it = iter(codewords)
    for i in range(max(b.dataCount for b in blocks)):
        for k, b in enumerate(blocks):
            if i < b.dataCount:
                data[k].append(next(it))
    stream = _Bits(bytes(v for block in data for v in block))
    out: list[str] = []
    size = 0 if version < 10 else 1 if version < 27 else 2
    while stream.left >= 4:
        mode = stream.read(4)
        if mode == 0:
            break
        if mode == 2:
            count = stream.read((9, 11, 13)[size])
            for _ in range(count // 2):
                a, b = divmod(stream.read(11), 45)
                out += (ALNUM[a], ALNUM[b])
            if count % 2:
                out.append(ALNUM[stream.read(6)])
        elif mode == 4:
            count = stream.read((8, 16, 16)[size])
            out.append(bytes(stream.read(8) for _ in range(count)).decode("utf-8", errors="replace"))
        elif mode == 1:
            count = stream.read((10, 12, 14)[size])
            for _ in range(count // 3):
                out.append(f"{stream.read(10):03d}")
            rest = count % 3
            if rest:
                out.append(f"{stream.read(7 if rest == 2 else 4):0{rest}d}")
        else:
            raise ValueError(f"unsupported QR segment mode {mode}")
    return "".join(out)


def qr_texts(data: bytes) -> list[str]:
    """Every QR code drawn as vector rectangles in the PDF, decoded, from the last page to the first."""
    pdf = pdf_read.read_pdf(data)
    found: list[str] = []
    for page in reversed(pdf_read.pages(pdf)):
        scan = pdf_read.scan_page(pdf, page, want_rects=True)
        for rects in scan.rects:
            grid = matrix_from_rects(rects)
            if grid is None:
                continue
            try:
                found.append(decode_matrix(grid))
            except (ValueError, IndexError, StopIteration):
                continue
    return found
