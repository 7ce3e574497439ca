"""Writing a period report for the finance bureau (财政局) as one .xlsx workbook: one sheet per table.

The rows are plain data from `services.ledger_export`; money columns are written as numbers in 元 with two
decimals (exact to the 分), so the bureau's own formulas work on them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from qt_app.domain.errors import DomainError
from qt_app.store.sheet_text import xlsx_cell


@dataclass(frozen=True)
class Sheet:
    title: str
    headers: tuple[str, ...]
    rows: list[tuple[Any, ...]]
    money: frozenset[int] = frozenset()  # columns holding 分, written as 元


def write_sheets(path: Path, sheets: list[Sheet]) -> Path:
    """Write the workbook through a temporary file, so a failure never leaves half a report."""
    import openpyxl
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    if path.suffix.lower() != ".xlsx":
        raise DomainError("导出文件应为 .xlsx", "The export is an .xlsx file")
    book = openpyxl.Workbook(write_only=True)
    bold = Font(bold=True)
    for spec in sheets:
        sheet = book.create_sheet(spec.title)
        sheet.freeze_panes = "A2"
        head = []
        for h in spec.headers:
            cell = WriteOnlyCell(sheet, value=h)
            cell.font = bold
            head.append(cell)
        sheet.append(head)
        for row in spec.rows:
            cells = []
            for i, value in enumerate(row):
                if i in spec.money and isinstance(value, int):
                    cell = WriteOnlyCell(sheet, value=float(Decimal(value) / 100))
                    cell.number_format = "#,##0.00"
                    cells.append(cell)
                else:
                    cells.append(xlsx_cell(sheet, value))
            sheet.append(cells)
    tmp = path.with_name(path.name + ".part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        book.save(tmp)
        os.replace(tmp, path)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        raise DomainError(f"无法写入 {path}：{e.strerror}", f"Cannot write {path}: {e.strerror}") from None
    return path
