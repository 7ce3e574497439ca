"""Limits on what an import may hold (导入限额), checked before the work they would cost.

A spreadsheet's parts are measured from the zip's central directory before anything is inflated (a zip
bomb is refused in milliseconds); rows and cells are counted while the sheet streams. Each limit is far
above real use: the county's whole register is a few thousand firms, a cell is at most Excel's own 32,767
characters.
"""

from __future__ import annotations

from qt_app.domain.errors import DomainError

MAX_FILE_BYTES = 64 * 1024 * 1024  # an .xlsx, .csv or .json file as it lies on the disk
MAX_PART_BYTES = 256 * 1024 * 1024  # one part of an .xlsx, inflated (100,000 template rows ≈ 170 MB)
MAX_RATIO = 100  # inflated / compressed: sheets compress 5–20 times, a zip bomb a thousand times
RATIO_FROM_BYTES = 1024 * 1024  # small parts may compress as they like
MAX_ROWS = 100_000  # rows of data in one sheet, CSV or JSON list
MAX_COLUMNS = 1000  # columns that hold a value (the template has 42)
MAX_CELL_CHARS = 32_767  # Excel's own limit for one cell
LAST_SHEET_ROW = 1_048_576  # Excel's last row


def _mb(n: int) -> int:
    return n // (1024 * 1024)


class SheetLimit(DomainError):
    """An import over one of the limits above; the message says which and what was found."""


def file_too_big(size: int) -> SheetLimit:
    return SheetLimit(
        f"文件过大：导入文件最多 {_mb(MAX_FILE_BYTES)} MB，实为 {_mb(size)} MB",
        f"The file is too large: an import file is at most {_mb(MAX_FILE_BYTES)} MB, this one is {_mb(size)} MB",
    )


def part_too_big(part: str, size: int, compressed: int) -> SheetLimit | None:
    """None when a zip member may be inflated; else why not (its size as the central directory says)."""
    if size > MAX_PART_BYTES:
        return SheetLimit(
            f"Excel 文件中的 {part} 解压后有 {_mb(size)} MB，超过上限 {_mb(MAX_PART_BYTES)} MB，未读取",
            f"The part {part} of the Excel file inflates to {_mb(size)} MB, over the limit of "
            f"{_mb(MAX_PART_BYTES)} MB; not read",
        )
    if size > RATIO_FROM_BYTES and size > MAX_RATIO * max(compressed, 1):
        return SheetLimit(
            f"Excel 文件中的 {part} 压缩比异常（{size // max(compressed, 1)} 倍，可能是“压缩炸弹”），未读取",
            f"The part {part} of the Excel file is compressed {size // max(compressed, 1)} times (a zip bomb?); "
            "not read",
        )
    return None


def too_many_rows() -> SheetLimit:
    return SheetLimit(
        f"行数过多：一次最多导入 {MAX_ROWS:,} 行，请分成几个文件",
        f"Too many rows: at most {MAX_ROWS:,} rows per import; split the file",
    )


def row_out_of_range(row: int) -> SheetLimit:
    return SheetLimit(
        f"行号 {row} 超出 Excel 的范围（最多 {LAST_SHEET_ROW:,} 行）",
        f"Row number {row} is beyond Excel's last row ({LAST_SHEET_ROW:,})",
    )


def too_many_columns(row: int) -> SheetLimit:
    return SheetLimit(
        f"第{row}行的列数过多：最多 {MAX_COLUMNS} 列有内容",
        f"Row {row} has too many columns: at most {MAX_COLUMNS}",
    )


def cell_too_long(row: int, column: int, length: int) -> SheetLimit:
    return SheetLimit(
        f"第{row}行第{column}列的内容过长：最多 {MAX_CELL_CHARS:,} 个字，实为 {length:,} 个字",
        f"Row {row}, column {column} is too long: at most {MAX_CELL_CHARS:,} characters, found {length:,}",
    )
