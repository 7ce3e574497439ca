"""Importing firms (批量导入) from .xlsx, .csv or .json, with a per-row report before anything is written.

Read → plan (every row checked, each matched to an existing firm by 统一社会信用代码: update or insert)
→ apply in ONE transaction, either all-or-nothing or skipping invalid rows. Nothing is written while
the plan has problems and the mode is all-or-nothing.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qt_app.domain.errors import DomainError, ValidationError, shown
from qt_app.domain.firm_io import firm_from_dict, firm_to_dict, new_firm_id
from qt_app.store import audit, firms_repo
from qt_app.store import sheet_columns as sc
from qt_app.store.db import bulk_page_cache
from qt_app.store.sheet_readers import (
    RowProblem,
    Table,
    _empty,
    _file_problem,
    read_csv,
    read_json,
    read_xlsx,
)

if TYPE_CHECKING:
    from qt_app.store.store import Store

MODES = ("all", "skip")
ACTION_LABELS = {"insert": ("新增", "insert"), "update": ("更新", "update"), "error": ("有误", "invalid")}


@dataclass
class RowPlan:
    """What will happen to one row: insert, update (matched by credit code) or nothing (invalid)."""

    row: int
    name: str
    action: str = "insert"
    firm_id: str = ""
    data: dict[str, Any] | None = None
    problems: list[RowProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)


@dataclass
class ImportReport:
    """The per-row report (导入报告), shown before and after writing."""

    source: str
    rows: list[RowPlan] = field(default_factory=list)
    file_problems: list[RowProblem] = field(default_factory=list)
    mode: str = "all"
    committed: bool = False

    @property
    def problems(self) -> list[RowProblem]:
        return self.file_problems + [p for r in self.rows for p in r.problems]

    @property
    def errors(self) -> list[RowProblem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def inserted(self) -> int:
        return sum(1 for r in self.rows if r.ok and r.action == "insert")

    @property
    def updated(self) -> int:
        return sum(1 for r in self.rows if r.ok and r.action == "update")

    @property
    def invalid(self) -> int:
        return sum(1 for r in self.rows if not r.ok)

    @property
    def acceptable(self) -> bool:
        """True when applying in this mode would write something and break no rule."""
        if any(p.severity == "error" for p in self.file_problems):
            return False
        return (self.mode == "skip" or self.invalid == 0) and (self.inserted + self.updated) > 0

    def summary(self, lang: str = "zh") -> str:
        done = self.committed
        if lang == "en":
            state = "imported" if done else "nothing written"
            return (
                f"{self.source}: {len(self.rows)} rows — {self.inserted} new, {self.updated} updates, "
                f"{self.invalid} invalid; {state}"
            )
        state = "已导入" if done else "未写入任何数据"
        return f"{self.source}：共{len(self.rows)}行，新增{self.inserted}，更新{self.updated}，有误{self.invalid}；{state}"

    def lines(self, lang: str = "zh") -> list[str]:
        return [p.message(lang) for p in self.problems]


class ImportRefused(DomainError):
    """The import was not written; `report` says row by row why."""

    def __init__(self, report: ImportReport) -> None:
        self.report = report
        super().__init__(report.summary("zh"), report.summary("en"))


# -- turning rows into firm dicts --------------------------------------------------------------


@dataclass
class _Layout:
    fixed: dict[int, sc.Column]
    years: dict[int, tuple[str, int]]
    headers: list[str]


def _layout(table: Table, problems: list[RowProblem]) -> _Layout | None:
    fixed: dict[int, sc.Column] = {}
    years: dict[int, tuple[str, int]] = {}
    seen: dict[str, int] = {}
    for i, header in enumerate(table.headers):
        if not header:
            continue
        col = sc.HEADER_INDEX.get(sc.header_key(header))
        year = sc.year_column(header)
        key = col.key if col else (f"{year[0]}.{year[1]}" if year else "")
        if not key:
            problems.append(
                RowProblem(1, shown(header), "未知的列，已忽略", "Unknown column, ignored", "warning")
            )
            continue
        if key in seen:
            problems.append(
                RowProblem(
                    1, shown(header), f"与第{seen[key] + 1}列重复", f"Duplicates column {seen[key] + 1}"
                )
            )
            continue
        seen[key] = i
        if col:
            fixed[i] = col
        elif year:
            years[i] = year
    missing = [c.zh for c in sc.COLUMNS if c.required and c.key not in seen]
    for name in missing:
        problems.append(RowProblem(1, name, "缺少必需的列", "A required column is missing"))
    return (
        None
        if missing or any(p.severity == "error" for p in problems)
        else _Layout(fixed, years, table.headers)
    )


def _column_for_path(path: str, layout: _Layout | None) -> str:
    """Map a firm_io field path ("location.area_m2", "revenue.2027", "loans[0].principal") to a header."""
    if layout is None:
        return path
    head = re.split(r"[\[]", path, maxsplit=1)[0]
    for col in layout.fixed.values():
        if col.key == head or col.key == path.split("[")[0] or path.startswith(col.key + "."):
            return col.zh
    if head == "location":
        return "入驻地点"
    m = re.match(r"(revenue|compute_spend|rnd_spend)\.(\d{4})", path)
    if m:
        for i, (kind, year) in layout.years.items():
            if kind == m.group(1) and str(year) == m.group(2):
                return layout.headers[i]
    return path


def _row_dict(cells: list[Any], layout: _Layout, plan: RowPlan) -> dict[str, Any]:
    data: dict[str, Any] = {}
    location: dict[str, Any] = {}
    for i, col in layout.fixed.items():
        v = cells[i] if i < len(cells) else None
        if _empty(v):
            continue
        try:
            value = sc.convert(col, v)
        except sc.CellError as e:
            plan.problems.append(RowProblem(plan.row, col.zh, e.zh, e.en))
            if col.required:
                data[col.key] = str(v)
            continue
        if col.key.startswith("location."):
            location[col.key.split(".", 1)[1]] = value
        else:
            data[col.key] = value
    for i, (kind, year) in layout.years.items():
        v = cells[i] if i < len(cells) else None
        if _empty(v):
            continue
        try:
            data.setdefault(kind, {})[str(year)] = sc.money_wan(v)
        except sc.CellError as e:
            plan.problems.append(RowProblem(plan.row, shown(layout.headers[i]), e.zh, e.en))
    if location:
        data["location"] = location
    return data


def _check(data: Any, plan: RowPlan, layout: _Layout | None) -> None:
    """Validate with firm_io (the one reader of firm dicts) and keep the canonical form."""
    if isinstance(data, dict):
        plan.name = str(data.get("name", ""))
    try:
        firm, variants = firm_from_dict(data)
    except ValidationError as e:
        reported = {p.column for p in plan.problems}  # a cell already reported is not reported twice
        for p in e.problems:
            column = _column_for_path(p.path, layout)
            if column not in reported:
                plan.problems.append(RowProblem(plan.row, shown(column, 60), p.zh, p.en))
        return
    plan.name = firm.name
    if plan.ok:
        plan.data = firm_to_dict(firm, variants)


def _match(store: Store, plans: Iterable[RowPlan], has_ids: set[int], layout: _Layout | None) -> None:
    """Duplicates by 统一社会信用代码: within the file (an error) and against the database (an update)."""
    seen: dict[str, int] = {}
    db = store.db
    code_col = "统一社会信用代码" if layout else "uscc"
    for plan in plans:
        if plan.data is None:
            continue
        code = plan.data["uscc"]
        if code in seen:
            plan.problems.append(
                RowProblem(
                    plan.row,
                    code_col,
                    f"与第{seen[code]}行的统一社会信用代码重复",
                    f"Same credit code as row {seen[code]}",
                )
            )
            plan.data = None
            continue
        seen[code] = plan.row
        row = db.execute(
            "SELECT id, data_json FROM firms WHERE uscc = ? AND deleted_at IS NULL LIMIT 1", [code]
        ).fetchone()
        given = plan.data["id"] if plan.row in has_ids else ""
        if row is not None:
            if given and given != row[0]:
                plan.problems.append(
                    RowProblem(
                        plan.row, "企业编号" if layout else "id",
                        f"编号与统一社会信用代码指向不同的企业（该代码属于 {row[0]}）",
                        f"The id and the credit code point to different firms (the code belongs to {row[0]})",
                    )
                )  # fmt: skip
                plan.data = None
                continue
            plan.action, plan.firm_id = "update", str(row[0])
            plan.data["id"] = plan.firm_id
            if "variants" not in plan.data:  # a spreadsheet carries no variants: keep the saved ones
                saved = json.loads(row[1]).get("variants")
                if saved:
                    plan.data["variants"] = saved
        elif given and db.execute("SELECT 1 FROM firms WHERE id = ?", [given]).fetchone():
            plan.action, plan.firm_id = "update", given
        else:
            plan.action, plan.firm_id = "insert", given or new_firm_id()
            plan.data["id"] = plan.firm_id


def plan_import(store: Store, path: str | Path, mode: str = "all") -> ImportReport:
    """Read and check a file; nothing is written. The report lists every problem by row and column."""
    path = Path(path)
    if mode not in MODES:
        raise DomainError(f"未知的导入方式：{mode}", f"Unknown import mode: {mode}")
    report = ImportReport(str(path), mode=mode)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".xlsm", ".csv", ".txt", ".json"):
        report.file_problems.append(
            _file_problem(
                "只支持 .xlsx、.csv 或 .json 文件", "Only .xlsx, .csv or .json files can be imported"
            )
        )
        return report
    try:
        if suffix == ".json":
            items = read_json(path)
            has_ids = set()
            for row, item in items:
                plan = RowPlan(row, str(item.get("name", "")) if isinstance(item, dict) else "")
                if isinstance(item, dict) and item.get("id"):
                    has_ids.add(row)
                _check(item, plan, None)
                report.rows.append(plan)
            layout = None
        else:
            table = read_xlsx(path) if suffix in (".xlsx", ".xlsm") else read_csv(path)
            report.file_problems.extend(table.notes)
            layout = _layout(table, report.file_problems) if table.headers else None
            if layout is None:
                return report
            has_ids = set()
            id_col = next((i for i, c in layout.fixed.items() if c.key == "id"), None)
            for row, cells in table.rows:
                plan = RowPlan(row, "")
                if id_col is not None and id_col < len(cells) and not _empty(cells[id_col]):
                    has_ids.add(row)
                data = _row_dict(cells, layout, plan)
                _check(data, plan, layout)
                if not plan.ok:
                    plan.data = None
                report.rows.append(plan)
    except OSError as e:
        report.file_problems.append(
            _file_problem(f"无法读取文件：{e.strerror}", f"Cannot read the file: {e.strerror}")
        )
        return report
    except DomainError as e:
        report.file_problems.append(_file_problem(e.zh, e.en))
        return report
    if not report.rows and not report.file_problems:
        report.file_problems.append(_file_problem("文件中没有企业数据", "The file holds no firms"))
    _match(store, report.rows, has_ids, layout)
    for plan in report.rows:
        if not plan.ok:
            plan.action = "error"
    return report


def apply_import(store: Store, report: ImportReport, who: str = "") -> ImportReport:
    """Write a checked plan in one transaction; refuses (writing nothing) unless it is acceptable."""
    if not report.acceptable:
        raise ImportRefused(report)
    with bulk_page_cache(store.conn), store.transaction():
        now = audit.utc_now()
        for plan in report.rows:
            if plan.ok and plan.data is not None:
                firms_repo.write(store.db, plan.data, who=who, now=now, action="import")
        audit.record(
            store.db, who, "import", report.source, "import", None,
            {"inserted": report.inserted, "updated": report.updated, "skipped": report.invalid},
        )  # fmt: skip
    report.committed = True
    return report


def import_file(store: Store, path: str | Path, skip_invalid: bool = False, who: str = "") -> ImportReport:
    """Plan and, when acceptable, apply. Raises ImportRefused (with the report) when nothing may be written."""
    report = plan_import(store, path, "skip" if skip_invalid else "all")
    return apply_import(store, report, who)
