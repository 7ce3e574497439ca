"""Exporting firms (导出) as .xlsx, .csv (UTF-8 with BOM, which Excel and WPS open correctly) or .json,
and writing the downloadable import template (导入模板)."""

from __future__ import annotations

import csv
import json
import os
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qt_app.domain import uscc
from qt_app.domain.errors import DomainError
from qt_app.domain.firm import (
    Firm,
    HousingChoice,
    Loan,
    Location,
    ProjectLevel,
    ScienceProject,
    Stage,
    TalentGroup,
)
from qt_app.domain.firm_io import firm_to_dict
from qt_app.domain.money import wan
from qt_app.store import sheet_columns as sc
from qt_app.store.sheet_text import csv_cell_out, xlsx_cell

if TYPE_CHECKING:
    from qt_app.store.store import Store

FORMATS = (".xlsx", ".csv", ".json")


def _cell(v: Any) -> Any:
    """Numbers stay numbers in a spreadsheet (whole 万元 as int, else float to 6 places: exact to the 分)."""
    if v == "" or v is None:
        return None  # an empty cell, not an empty string: smaller files, faster reading
    if isinstance(v, Decimal):
        return int(v) if v == v.to_integral_value() else float(v)
    return v


def _write_rows(path: Path, rows: list[dict[str, Any]]) -> None:
    headers = sc.export_headers(rows)
    tmp = path.with_name(path.name + ".part")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(headers)
            for data in rows:
                cells = sc.cells_for(data)
                writer.writerow(
                    ["" if cells.get(h) is None else csv_cell_out(cells.get(h, "")) for h in headers]
                )
    else:
        import openpyxl
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font

        book = openpyxl.Workbook(write_only=True)
        sheet = book.create_sheet("企业")
        sheet.freeze_panes = "C2"
        bold = Font(bold=True)
        head = []
        for h in headers:
            cell = WriteOnlyCell(sheet, value=h)
            cell.font = bold
            head.append(cell)
        sheet.append(head)
        for data in rows:
            cells = sc.cells_for(data)
            sheet.append([xlsx_cell(sheet, _cell(cells.get(h, ""))) for h in headers])
        book.save(tmp)
    os.replace(tmp, path)


def export_dicts(rows: list[dict[str, Any]], path: str | Path) -> Path:
    """Write canonical firm dicts in the format the file name asks for."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise DomainError("只能导出为 .xlsx、.csv 或 .json", "Export to .xlsx, .csv or .json")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if suffix == ".json":
            tmp = path.with_name(path.name + ".part")
            tmp.write_text(json.dumps({"firms": rows}, ensure_ascii=False, indent=1), encoding="utf-8")
            os.replace(tmp, path)
        else:
            _write_rows(path, rows)
    except OSError as e:
        raise DomainError(f"无法写入 {path}：{e.strerror}", f"Cannot write {path}: {e.strerror}") from e
    return path


def export_firms(store: Store, path: str | Path) -> int:
    """Export every firm not in the trash (variants too, in JSON); returns how many."""
    rows = [firm_to_dict(f, v) for f, v in store.all_firms()]
    export_dicts(rows, path)
    return len(rows)


def example_firm() -> Firm:
    """The one example row of the template: every column filled the way staff would fill it."""
    return Firm(
        id="",
        name="青田示例数字科技有限公司",
        uscc=uscc.make_code("9", "1", uscc.QINGTIAN_REGION, "MA2H7K9X3"),
        domains=("人工智能", "数字孪生"),
        grade="B",
        location=Location("qingchuang", Decimal("800"), Decimal("1.5"), date(2026, 3, 5)),
        talents=(
            TalentGroup("C", 5, 2026, HousingChoice.ALLOWANCE),
            TalentGroup("A", 1, 2026, HousingChoice.APARTMENT),
        ),
        revenue={2026: wan(1800), 2027: wan(3200), 2028: wan(5200), 2029: wan(8600), 2030: wan(12000)},
        compute_spend={2026: wan(80)},
        rnd_spend={2026: wan(180), 2027: wan(320)},
        loans=(Loan("青田农商银行", wan(500), 2026, 3, wan(5)),),
        science_projects=(ScienceProject("丽水市重点研发计划项目", ProjectLevel.MUNICIPAL, wan(50), 2027),),
        investment=wan(2000),
        stage=Stage.CONTACT,
        owner="王建国",
        outpost="米兰",
        contact="张伟 13800000000",
        notes="示例行：导入前请删除或改成真实企业",
    )


def write_template(path: str | Path) -> Path:
    """The downloadable import template (.xlsx or .csv): Chinese headers and one example row."""
    data = firm_to_dict(example_firm())
    data["id"] = ""
    return export_dicts([data], path) if Path(path).suffix.lower() != ".json" else Path(path)
