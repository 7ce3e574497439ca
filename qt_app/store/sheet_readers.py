"""Reading spreadsheets and firm files (读取表格): rows of raw cells with their spreadsheet row numbers.

.xlsx as Excel and WPS save them (first sheet with data, merged cells spread over the rows they cover),
.csv in UTF-8 with or without BOM or GB18030, .json as a list of firm objects.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qt_app.domain.errors import DomainError, shown
from qt_app.domain.json_limits import parse_json
from qt_app.store import sheet_limits as limits
from qt_app.store.sheet_text import csv_cell_in


@dataclass(frozen=True)
class RowProblem:
    """One problem: spreadsheet row (1-based, as Excel shows it; 0 = the file), column, why."""

    row: int
    column: str
    zh: str
    en: str
    severity: str = "error"

    def message(self, lang: str = "zh") -> str:
        where_zh = f"第{self.row}行" if self.row else "文件"
        where_en = f"row {self.row}" if self.row else "file"
        col = f" [{self.column}]" if self.column else ""
        warn = ("（提示）" if lang != "en" else " (warning)") if self.severity != "error" else ""
        return f"{where_en}{col}: {self.en}{warn}" if lang == "en" else f"{where_zh}{col}：{self.zh}{warn}"


@dataclass
class Table:
    headers: list[str]
    rows: list[tuple[int, list[Any]]]  # (spreadsheet row number, cells)
    notes: list[RowProblem] = field(default_factory=list)


def _file_problem(zh: str, en: str) -> RowProblem:
    return RowProblem(0, "", zh, en)


def _bytes(path: Path) -> bytes:
    """The file's bytes, unless it is over the import size limit (checked before reading it)."""
    size = path.stat().st_size
    if size > limits.MAX_FILE_BYTES:
        raise limits.file_too_big(size)
    return path.read_bytes()


def read_csv(path: Path) -> Table:
    """CSV as Excel and WPS save it: UTF-8 with or without BOM, else GB18030 (简体中文 Windows)."""
    raw = _bytes(path)
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes almost anything
        raise DomainError(
            "无法识别文件编码（应为 UTF-8 或 GB18030）", "Unknown encoding (expected UTF-8 or GB18030)"
        )
    first = text.split("\n", 1)[0]
    delimiter = "\t" if first.count("\t") > first.count(",") else ","
    records: list[tuple[int, list[Any]]] = []
    filled = 0
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    # csv's own limit (128 K characters a field) would stop long cells in its words; ours come first
    previous = csv.field_size_limit(max(limits.MAX_FILE_BYTES, limits.MAX_CELL_CHARS))
    try:
        for number, record in enumerate(reader, start=1):
            for column, cell in enumerate(record, start=1):
                if len(cell) > limits.MAX_CELL_CHARS:
                    raise limits.cell_too_long(number, column, len(cell))
            if any(cell.strip() for cell in record):
                filled += 1
                if filled > limits.MAX_ROWS + 1:  # +1: the header
                    raise limits.too_many_rows()
                if len(record) > limits.MAX_COLUMNS:
                    raise limits.too_many_columns(number)
            records.append((number, [csv_cell_in(cell) for cell in record]))
    except csv.Error as e:  # a field over csv's own limit, a NUL byte, a quote left open
        raise DomainError(
            f"CSV 文件格式错误（第{reader.line_num}行）：{e}",
            f"Invalid CSV file (line {reader.line_num}): {e}",
        ) from e
    finally:
        csv.field_size_limit(previous)
    return _table(records, [])


_MERGE_RE = re.compile(r"[A-Z]+[0-9]+:[A-Z]+[0-9]+")  # a merged range, "C2:C4"; other refs are skipped


def read_xlsx(path: Path) -> Table:
    """The first worksheet with data; merged cells are read as the same value in every row they cover."""
    from openpyxl.utils.cell import range_boundaries

    from qt_app.store.xlsx_cells import XlsxBook, XlsxError

    size = path.stat().st_size
    if size > limits.MAX_FILE_BYTES:
        raise limits.file_too_big(size)
    try:
        with XlsxBook(path) as book:
            sheet = next((s for s in book.sheets() if any(not _empty(v) for r in s.rows for v in r)), None)
    except (XlsxError, OSError) as e:
        raise DomainError(f"无法读取 Excel 文件：{e}", f"Cannot read the Excel file: {e}") from e
    if sheet is None:
        return Table([], [], [_file_problem("工作表为空", "The worksheet is empty")])
    grid: list[list[Any]] = sheet.rows
    notes: list[RowProblem] = []
    for coord in sheet.merged:
        if not _MERGE_RE.fullmatch(coord):
            continue
        min_col, min_row, max_col, max_row = range_boundaries(coord)
        top = (
            grid[min_row - 1][min_col - 1]
            if min_row - 1 < len(grid) and min_col - 1 < len(grid[min_row - 1])
            else None
        )
        for r in range(min_row, min(max_row, len(grid)) + 1):
            row = grid[r - 1]
            row.extend([None] * (max_col - len(row)))
            for c in range(min_col, max_col + 1):
                row[c - 1] = top
        if max_row > min_row:
            notes.append(
                RowProblem(
                    min_row,
                    coord,
                    f"合并单元格 {coord}：已按每行同值“{shown(top)}”读取，请核对",
                    f"Merged cells {coord}: read as “{shown(top)}” on every row; please check",
                    "warning",
                )
            )
    return _table([(i + 1, r) for i, r in enumerate(grid)], notes)


def _empty(v: Any) -> bool:
    return v is None or (isinstance(v, str) and not v.strip())


def _table(records: list[tuple[int, list[Any]]], notes: list[RowProblem]) -> Table:
    records = [(n, r) for n, r in records if not all(_empty(v) for v in r)]
    if not records:
        return Table([], [], [*notes, _file_problem("工作表为空", "The worksheet is empty")])
    _, headers = records[0]
    return Table([("" if _empty(h) else str(h).strip()) for h in headers], records[1:], notes)


def read_json(path: Path) -> list[tuple[int, Any]]:
    try:
        text = _bytes(path).decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise DomainError(f"JSON 文件不是 UTF-8 文本：{e}", f"The JSON file is not UTF-8 text: {e}") from e
    data = parse_json(text)
    if isinstance(data, dict) and isinstance(data.get("firms"), list):
        data = data["firms"]
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        raise DomainError("JSON 文件应为企业对象的列表", "A JSON import must be a list of firm objects")
    if len(data) > limits.MAX_ROWS:
        raise limits.too_many_rows()
    return [(i + 1, item) for i, item in enumerate(data)]
