"""Text in exported sheets stays text (表格公式注入防护): a firm name, note or reason that starts like a formula
("=HYPERLINK(…)", "+39 02 …", "@SUM(…)") must not run when staff or the finance bureau open the file in Excel
or WPS, and must read back as typed when the file comes back to us.

- .xlsx: such text is written as a string cell (openpyxl would otherwise write "=…" as a formula).
- .csv has no cell types, so such text gets a leading apostrophe (the OWASP advice), which `csv_cell_in`
  takes off again on import.
"""

from __future__ import annotations

from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(value: object) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def xlsx_cell(sheet: Any, value: Any) -> Any:
    """A write-only cell for `value`; formula-like text is typed as a plain string."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=value)
    if looks_like_formula(value):
        cell.data_type = "s"
    return cell


def csv_cell_out(value: Any) -> Any:
    """What the CSV writer gets: formula-like text behind an apostrophe."""
    return "'" + value if looks_like_formula(value) else value


def csv_cell_in(value: str) -> str:
    """What an imported CSV cell meant: the apostrophe our export (or Excel's habit) put before formula-like text."""
    if len(value) > 1 and value[0] == "'" and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value
