"""Actuals files (实绩文件) as staff send them: JSON (docs/actuals.schema.json) or a spreadsheet (.xlsx).

The spreadsheet has one row per figure: credit code, year, what the figure is (实绩类别), its values, and one
supporting document (type, number, date, scan). A row with the same credit code, year and 类别 but only the
document columns filled adds a second document to the figure above it. Every row becomes the JSON form and is
checked by the one strict reader (`domain.ledger.actuals_io`); its problems come back as 第N行 [列名].
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from qt_app.domain.errors import DomainError, FieldProblem, ValidationError
from qt_app.domain.ledger.actuals import DOC_TYPES
from qt_app.domain.ledger.actuals_io import ActualsEntry, entries_from_data
from qt_app.domain.uscc import make_code
from qt_app.store import sheet_columns as sc
from qt_app.store.sheet_readers import _empty, read_xlsx

FIGURES: dict[str, str] = {
    "租赁": "lease", "lease": "lease",
    "经审计销售收入": "revenue", "销售收入": "revenue", "营业收入": "revenue", "revenue": "revenue",
    "算力合作合同额": "compute_spend", "算力": "compute_spend", "compute_spend": "compute_spend",
    "研发投入": "rnd_spend", "rnd_spend": "rnd_spend",
    "人才到岗": "talents", "人才": "talents", "talents": "talents",
    "贷款": "loans", "loans": "loans",
    "科技项目": "science_projects", "science_projects": "science_projects",
    "应用场景项目": "scenario_projects", "应用场景": "scenario_projects", "scenario_projects": "scenario_projects",
}  # fmt: skip
LISTS = ("talents", "loans", "science_projects", "scenario_projects")

# (key, Chinese header, English alias, kind)
HEADERS: tuple[tuple[str, str, str, str], ...] = (
    ("uscc", "统一社会信用代码", "uscc", "text"),
    ("letter", "告知函文号", "letter", "text"),
    ("year", "年度", "year", "int"),
    ("figure", "实绩类别", "figure", "text"),
    ("amount", "金额（万元）", "amount", "money"),
    ("name", "名称或贷款银行", "name", "text"),
    ("level", "人才层次或项目级别", "level", "level"),
    ("count", "人数", "count", "int"),
    ("years", "贷款年限", "loan_years", "int"),
    ("guarantee_fee", "担保费（万元）", "guarantee_fee", "money"),
    ("housing", "安居方式", "housing", "housing"),
    ("site", "入驻载体", "site", "site"),
    ("area_m2", "面积（㎡）", "area_m2", "decimal"),
    ("rent_per_m2_day", "租金（元/㎡/天）", "rent_per_m2_day", "decimal"),
    ("move_in", "入驻日期", "move_in", "date"),
    ("move_out", "迁出日期", "move_out", "date"),
    ("doc_type", "证明材料类型", "doc_type", "doc_type"),
    ("doc_number", "证明材料文号", "doc_number", "text"),
    ("doc_date", "证明材料日期", "doc_date", "date"),
    ("file", "扫描件", "file", "text"),
    ("reported_on", "报送日期", "reported_on", "date"),
)
HEADER_INDEX = {sc.header_key(h): (key, zh, kind) for key, zh, en, kind in HEADERS for h in (zh, en)}
DOC_BY_LABEL = {zh: key for key, (zh, _en) in DOC_TYPES.items()}
AMOUNT_KEY = {"revenue": "amount", "compute_spend": "amount", "rnd_spend": "amount", "loans": "principal",
              "science_projects": "allocated", "scenario_projects": "contract_value"}  # fmt: skip


def read_actuals_file(path: Path) -> list[ActualsEntry]:
    """Every firm's actuals in a .json or .xlsx file; ValidationError lists every problem, nothing is read."""
    suffix = path.suffix.lower()
    if suffix == ".json":
        try:
            data = json.loads(path.read_text(encoding="utf-8-sig"), parse_float=Decimal)
        except OSError as e:
            raise ValidationError(
                [FieldProblem("", f"无法读取文件：{e.strerror}", f"Cannot read the file: {e.strerror}")],
                str(path),
            ) from None
        except UnicodeDecodeError:
            raise ValidationError(
                [FieldProblem("", "文件不是 UTF-8 文本", "The file is not UTF-8 text")], str(path)
            ) from None
        except json.JSONDecodeError as e:
            raise ValidationError(
                [
                    FieldProblem(
                        f"第{e.lineno}行第{e.colno}列", f"JSON 格式错误：{e.msg}", f"Invalid JSON: {e.msg}"
                    )
                ],
                str(path),
            ) from None
        return entries_from_data(data, str(path))
    if suffix == ".xlsx":
        return _from_sheet(path)
    raise DomainError("实绩文件应为 .json 或 .xlsx", "An actuals file is .json or .xlsx")


def _cell(kind: str, v: Any) -> Any:
    if kind == "money":
        return sc.money_wan(v)
    if kind == "date":
        return sc.date_text(v)
    if kind == "decimal":
        return sc.decimal_text(v)
    if kind == "int":
        text = sc._text(v)
        if not re.fullmatch(r"\d+", text):
            raise sc.CellError(f"应为整数，实为“{v}”", f"Expected a whole number, found “{v}”")
        return int(text)
    if kind == "site":
        text = sc._text(v)
        return sc.SITE_NAMES.get(text, text)
    if kind == "housing":
        text = sc._text(v)
        return sc.HOUSING_BY_LABEL.get(text, text)
    if kind == "level":
        text = sc._text(v)
        return sc.LEVEL_BY_LABEL.get(text, text)
    if kind == "doc_type":
        text = sc._text(v)
        return DOC_BY_LABEL.get(text, text)
    return sc._text(v)


def _from_sheet(path: Path) -> list[ActualsEntry]:
    table = read_xlsx(path)
    problems = [
        FieldProblem(f"第{p.row}行" if p.row else "", p.zh, p.en)
        for p in table.notes
        if p.severity == "error"
    ]
    columns: dict[int, tuple[str, str, str]] = {}
    for i, header in enumerate(table.headers):
        found = HEADER_INDEX.get(sc.header_key(header)) if header else None
        if found is None and header:
            problems.append(FieldProblem(f"第1行 [{header}]", "未知的列", "Unknown column"))
        elif found is not None:
            columns[i] = found
    for key, zh, _en, _kind in HEADERS[:4]:
        if key != "letter" and key not in {c[0] for c in columns.values()}:
            problems.append(FieldProblem(f"第1行 [{zh}]", "缺少必需的列", "A required column is missing"))
    if problems:
        raise ValidationError(problems, str(path))
    firms: dict[str, dict[str, Any]] = {}
    where: dict[str, int] = {}  # JSON path of a figure → the row it came from
    last: dict[tuple[str, int, str], dict[str, Any]] = {}
    headers = {key: zh for key, zh, _en, _k in HEADERS}
    for row_no, cells in table.rows:
        values: dict[str, Any] = {}
        for i, (key, zh, kind) in columns.items():
            v = cells[i] if i < len(cells) else None
            if _empty(v):
                continue
            try:
                values[key] = _cell(kind, v)
            except sc.CellError as e:
                problems.append(FieldProblem(f"第{row_no}行 [{zh}]", e.zh, e.en))
        if not values:
            continue
        _place(values, row_no, firms, where, last, problems, headers)
    if problems:
        raise ValidationError(problems, str(path))
    try:
        return entries_from_data(
            {"firms": list(firms.values())} if len(firms) > 1 else next(iter(firms.values()), {}), str(path)
        )
    except ValidationError as e:
        raise ValidationError(
            [_located(p, list(firms), where, headers) for p in e.problems], str(path)
        ) from None


def _place(
    values: dict[str, Any],
    row_no: int,
    firms: dict[str, dict[str, Any]],
    where: dict[str, int],
    last: dict[tuple[str, int, str], dict[str, Any]],
    problems: list[FieldProblem],
    headers: dict[str, str],
) -> None:
    code, year, label = values.get("uscc"), values.get("year"), values.get("figure")
    if not code or not year or not label:
        for key in ("uscc", "year", "figure"):
            if not values.get(key):
                problems.append(FieldProblem(f"第{row_no}行 [{headers[key]}]", "必填项为空", "Required"))
        return
    figure = FIGURES.get(str(label))
    if figure is None:
        problems.append(
            FieldProblem(
                f"第{row_no}行 [{headers['figure']}]",
                f"实绩类别应为：{'、'.join(k for k in FIGURES if not k.isascii())}；实为“{label}”",
                f"Unknown figure “{label}”",
            )
        )
        return
    entry = firms.setdefault(str(code), {"uscc": code, "years": {}})
    if values.get("letter"):
        entry["letter"] = values["letter"]
    year_data = entry["years"].setdefault(str(year), {})
    if values.get("reported_on"):
        year_data["reported_on"] = values["reported_on"]
    evidence = {
        k: values[src] for k, src in (("type", "doc_type"), ("number", "doc_number"), ("date", "doc_date"), ("file", "file"))
        if src in values
    }  # fmt: skip
    fields = {
        k: v
        for k, v in values.items()
        if k
        not in (
            "uscc",
            "letter",
            "year",
            "figure",
            "reported_on",
            "doc_type",
            "doc_number",
            "doc_date",
            "file",
        )
    }
    figure_key = (str(code), int(year), figure)
    if not fields and figure_key in last:  # a further document for the figure above
        if evidence:
            last[figure_key].setdefault("evidence", []).append(evidence)
        return
    data: dict[str, Any] = {}
    if figure == "lease":
        data = {
            k: fields[k] for k in ("site", "area_m2", "rent_per_m2_day", "move_in", "move_out") if k in fields
        }
    elif figure in ("revenue", "compute_spend", "rnd_spend"):
        data = {"amount": fields["amount"]} if "amount" in fields else {}
    elif figure == "talents":
        data = {k: fields[k] for k in ("level", "count", "housing") if k in fields}
    elif figure == "loans":
        data = {"lender": fields.get("name", ""), "years": fields.get("years")} | (
            {"guarantee_fee": fields["guarantee_fee"]} if "guarantee_fee" in fields else {}
        )
    else:
        data = {"name": fields.get("name")} | (
            {"level": fields["level"]} if figure == "science_projects" and "level" in fields else {}
        )
    if (
        figure in AMOUNT_KEY
        and figure not in ("revenue", "compute_spend", "rnd_spend")
        and "amount" in fields
    ):
        data[AMOUNT_KEY[figure]] = fields["amount"]
    data = {k: v for k, v in data.items() if v is not None}
    data["evidence"] = [evidence] if evidence else []
    if figure in LISTS:
        rows = year_data.setdefault(figure, [])
        where[f"years.{year}.{figure}[{len(rows)}]"] = row_no
        rows.append(data)
    else:
        if figure in year_data:
            problems.append(
                FieldProblem(
                    f"第{row_no}行 [{headers['figure']}]",
                    f"{year}年“{label}”重复",
                    f"{year} “{label}” given twice",
                )
            )
            return
        where[f"years.{year}.{figure}"] = row_no
        year_data[figure] = data
    last[figure_key] = data


_FIELD_COLUMN = {
    "amount": "amount", "principal": "amount", "allocated": "amount", "contract_value": "amount", "lender": "name",
    "name": "name", "level": "level", "count": "count", "years": "years", "guarantee_fee": "guarantee_fee",
    "housing": "housing", "site": "site", "area_m2": "area_m2", "rent_per_m2_day": "rent_per_m2_day",
    "move_in": "move_in", "move_out": "move_out", "type": "doc_type", "number": "doc_number", "date": "doc_date",
    "file": "file", "reported_on": "reported_on", "uscc": "uscc",
}  # fmt: skip


def _located(
    p: FieldProblem, codes: list[str], where: dict[str, int], headers: dict[str, str]
) -> FieldProblem:
    """A JSON-path problem as 第N行 [列名]."""
    path = re.sub(r"^firms\[\d+\]\.", "", p.path)
    best = max((k for k in where if path.startswith(k)), key=len, default="")
    row = f"第{where[best]}行 " if best else ""
    last = re.split(r"[.\]]", path)[-1]
    column = headers.get(_FIELD_COLUMN.get(last, ""), "")
    if "evidence" in path and not last.startswith(("type", "number", "date", "file")):
        column = headers["doc_type"]
    return FieldProblem(f"{row}[{column}]" if column else (row.strip() or path), p.zh, p.en, p.severity)


def write_actuals_template(path: Path) -> Path:
    """The spreadsheet template: headers, one example row per kind of figure."""
    import openpyxl
    from openpyxl.styles import Font

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "实绩"
    sheet.append([zh for _k, zh, _en, _kind in HEADERS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    code = make_code("9", "1", "331121", "MA2H7E4K5")  # an example firm; replace with yours
    examples = [
        [code, "", 2026, "租赁", None, None, None, None, None, None, None, "青创大厦", 800, 1.2, "2026-01-01", None,
         "租赁合同", "QC-2025-118", "2025-12-20", "scans/lease.pdf", "2027-03-31"],
        [code, "", 2026, "经审计销售收入", 3500, None, None, None, None, None, None, None, None, None, None, None,
         "经审计的财务报表", "青会审〔2027〕15号", "2027-03-20", "scans/audit-2026.pdf", "2027-03-31"],
        [code, "", 2026, "人才到岗", None, None, "A", 2, None, None, "人才公寓", None, None, None, None, None,
         "人才认定证书", "丽人才〔2026〕8号", "2026-06-01", None, "2027-03-31"],
    ]  # fmt: skip
    for row in examples:
        sheet.append(row)
    tmp = path.with_name(path.name + ".part")
    book.save(tmp)
    tmp.replace(path)
    return path
