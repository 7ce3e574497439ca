"""Import and export: the template, a per-row report before anything is written, both modes, duplicates."""

from __future__ import annotations

import json
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from qt_app.domain.money import wan
from qt_app.services.demo import demo_firms, ensure_demo
from qt_app.services.firms import (
    ImportRefused,
    Store,
    export_firms,
    import_firms,
    open_store,
    plan_import,
    write_template,
)
from qt_app.store.exporter import example_firm
from qt_app.store.sheet_columns import COLUMNS
from tests.store.conftest import code_for, make_firm

NAME, CODE, OWNER, MOVE_IN, SITE, AREA, RENT = (
    "企业名称",
    "统一社会信用代码",
    "负责人",
    "入驻日期",
    "入驻地点",
    "面积（㎡）",
    "市场租金（元/㎡/天）",
)
REV26 = "2026年销售收入（万元）"
HEADERS = [NAME, CODE, OWNER, SITE, AREA, RENT, MOVE_IN, REV26, "元宇宙领域"]


def _row(n: int, **cells: Any) -> list[Any]:
    base = {NAME: f"青田导入测试{n}号科技有限公司", CODE: code_for(n), OWNER: "王建国", SITE: "青创大厦", AREA: 500,
            RENT: 1.5, MOVE_IN: "2026-03-05", REV26: 3000, "元宇宙领域": "人工智能、VR"}  # fmt: skip
    base.update(cells)
    return [base[h] for h in HEADERS]


def _xlsx(path: Path, rows: list[list[Any]], headers: list[str] = HEADERS) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(headers)
    for r in rows:
        sheet.append(r)
    book.save(path)
    return path


def _csv(path: Path, rows: list[list[Any]], encoding: str) -> Path:
    lines = [",".join(HEADERS)] + [",".join(str(c) for c in r) for r in rows]
    path.write_bytes("\n".join(lines).encode(encoding))
    return path


def test_the_template_imports_as_its_example_firm(tmp_path: Path, store: Store) -> None:
    for suffix in (".xlsx", ".csv"):
        template = write_template(tmp_path / f"import-template{suffix}")
        report = import_firms(store, template)
        assert report.committed and report.errors == []
    (row,) = store.list_firms()
    firm = store.get_firm(row.id)[0]
    assert firm == example_firm().with_changes(id=row.id)  # the second import updated the first
    assert (
        store.conn.execute("PRAGMA cache_size").fetchone()[0] == -2000
    )  # the import's bigger cache is given back


def test_the_committed_template_files_are_current(tmp_path: Path) -> None:
    root = Path(__file__).parents[2] / "resources" / "examples"
    fresh = write_template(tmp_path / "t.csv").read_bytes()
    assert (root / "import-template.csv").read_bytes() == fresh
    book = openpyxl.load_workbook(root / "import-template.xlsx")
    headers = [c.value for c in next(book.active.iter_rows(max_row=1))]
    assert headers[:3] == ["企业编号", "企业名称", "统一社会信用代码"] and len(headers) >= len(COLUMNS)


def test_export_then_import_into_another_database_gives_the_same_firms(tmp_path: Path, store: Store) -> None:
    ensure_demo(store)
    for suffix in (".xlsx", ".csv", ".json"):
        path = tmp_path / f"firms{suffix}"
        assert export_firms(store, path) == len(demo_firms())
        other = open_store(tmp_path / f"other{suffix}", auto_backup=False)
        report = import_firms(other, path)
        assert report.inserted == len(demo_firms()) and report.committed
        for firm, variants in demo_firms():
            got_firm, got_variants = other.get_firm(firm.id)
            assert got_firm == firm
            assert got_variants == (variants if suffix == ".json" else ())
        other.close()


def test_reimporting_updates_by_credit_code_and_keeps_variants(tmp_path: Path, store: Store) -> None:
    ensure_demo(store)
    path = tmp_path / "firms.xlsx"
    export_firms(store, path)
    book = openpyxl.load_workbook(path)
    sheet = book.active
    headers = [c.value for c in sheet[1]]
    sheet.cell(2, headers.index("企业编号") + 1).value = None  # matched by the code alone
    sheet.cell(2, headers.index("备注") + 1).value = "表格里改过"
    book.save(path)
    report = import_firms(store, path)
    assert report.updated == len(demo_firms()) and report.inserted == 0
    first_id = report.rows[0].firm_id
    firm, variants = store.get_firm(first_id)
    assert firm.notes == "表格里改过"
    assert variants == dict((f.id, v) for f, v in demo_firms())[first_id]
    assert store.count_firms() == len(demo_firms())


def test_problems_are_reported_by_row_and_column_and_nothing_is_written(tmp_path: Path, store: Store) -> None:
    rows = [
        _row(1),
        _row(2, **{REV26: "约三千万"}),
        _row(3, **{MOVE_IN: "2026-13-05"}),
        _row(4, **{CODE: "91331121MA0000004"}),
        _row(5, **{AREA: "八百"}),
        _row(6, **{CODE: code_for(1)}),
    ]
    path = _xlsx(tmp_path / "bad.xlsx", rows)
    with pytest.raises(ImportRefused) as err:
        import_firms(store, path)
    report = err.value.report
    where = [(p.row, p.column) for p in report.errors]
    assert where == [(3, REV26), (4, MOVE_IN), (5, CODE), (6, AREA), (7, CODE)]
    lines = report.lines("zh")
    assert lines[0].startswith("第3行 [2026年销售收入（万元）]") and "约三千万" in lines[0]
    assert "日期不存在" in lines[1] and "18位" in lines[2] and "与第2行" in lines[4]
    assert report.lines("en")[0].startswith(
        "row 3 [2026年销售收入（万元）]: “约三千万” is not a valid amount"
    )
    assert store.count_firms() == 0 and not report.committed


def test_skip_invalid_writes_the_good_rows_only(tmp_path: Path, store: Store) -> None:
    path = _xlsx(tmp_path / "mixed.xlsx", [_row(1), _row(2, **{REV26: "abc"}), _row(3)])
    report = import_firms(store, path, skip_invalid=True)
    assert report.committed and (report.inserted, report.invalid) == (2, 1)
    assert sorted(r.name for r in store.list_firms()) == [
        "青田导入测试1号科技有限公司",
        "青田导入测试3号科技有限公司",
    ]


def test_dates_in_every_format_staff_use(tmp_path: Path, store: Store) -> None:
    formats = ["2026-03-05", "2026/3/5", "2026年3月5日", datetime(2026, 3, 5), 46086]  # 46086 = Excel serial
    path = _xlsx(tmp_path / "dates.xlsx", [_row(i + 1, **{MOVE_IN: f}) for i, f in enumerate(formats)])
    report = import_firms(store, path)
    assert report.inserted == 5
    for plan in report.rows:
        loc = store.get_firm(plan.firm_id)[0].location
        assert loc is not None and loc.move_in.isoformat() == "2026-03-05"


def test_amounts_in_wan_with_units_and_site_names(tmp_path: Path, store: Store) -> None:
    cells = [3000, "3000", "0.3亿", "30000000元", "3,000"]
    path = _xlsx(tmp_path / "amounts.xlsx", [_row(i + 1, **{REV26: c}) for i, c in enumerate(cells)])
    report = import_firms(store, path)
    for plan in report.rows:
        firm = store.get_firm(plan.firm_id)[0]
        assert firm.revenue == {2026: wan(3000)}
        assert firm.location is not None and firm.location.site == "qingchuang"
        assert firm.domains == ("人工智能", "VR")


def test_merged_cells_are_read_on_every_row_with_a_warning(tmp_path: Path, store: Store) -> None:
    path = _xlsx(
        tmp_path / "merged.xlsx",
        [_row(1, **{OWNER: "陈丽华"}), _row(2, **{OWNER: None}), _row(3, **{OWNER: None})],
    )
    book = openpyxl.load_workbook(path)
    book.active.merge_cells("C2:C4")
    book.save(path)
    report = import_firms(store, path)
    assert report.inserted == 3
    assert {store.get_firm(p.firm_id)[0].owner for p in report.rows} == {"陈丽华"}
    (warning,) = report.problems
    assert warning.severity == "warning" and warning.column == "C2:C4" and "合并单元格" in warning.zh


def test_an_empty_sheet_and_missing_columns_are_clear(tmp_path: Path, store: Store) -> None:
    empty = tmp_path / "empty.xlsx"
    openpyxl.Workbook().save(empty)
    report = plan_import(store, empty)
    assert [p.message("zh") for p in report.problems] == ["文件：工作表为空"]
    headers_only = _xlsx(tmp_path / "no-code.xlsx", [["某公司"]], headers=[NAME])
    report = plan_import(store, headers_only)
    assert [(p.row, p.column, p.zh) for p in report.errors] == [(1, CODE, "缺少必需的列")]
    with pytest.raises(ImportRefused):
        import_firms(store, headers_only)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_csv_in_the_encodings_excel_and_wps_write(tmp_path: Path, store: Store, encoding: str) -> None:
    path = _csv(tmp_path / "firms.csv", [_row(1), _row(2, **{MOVE_IN: "2026/3/5"})], encoding)
    report = import_firms(store, path)
    assert report.inserted == 2
    assert {r.name for r in store.list_firms()} == {
        "青田导入测试1号科技有限公司",
        "青田导入测试2号科技有限公司",
    }


def test_ten_thousand_rows_with_three_bad_ones_get_a_precise_report(tmp_path: Path, store: Store) -> None:
    bad = {2500: {REV26: "未知"}, 7000: {MOVE_IN: "明年"}, 9999: {CODE: "123"}}
    rows = [_row(i, **bad.get(i, {})) for i in range(1, 10_001)]
    path = _csv(tmp_path / "big.csv", rows, "utf-8-sig")
    with pytest.raises(ImportRefused) as err:
        import_firms(store, path)
    assert [(p.row, p.column) for p in err.value.report.errors] == [
        (2501, REV26),
        (7001, MOVE_IN),
        (10000, CODE),
    ]
    assert store.count_firms() == 0
    report = import_firms(store, path, skip_invalid=True)
    assert report.inserted == 9_997 and store.count_firms() == 9_997


def test_json_import_reports_field_paths(tmp_path: Path, store: Store) -> None:
    good = {"name": "青田JSON科技有限公司", "uscc": code_for(1), "revenue": {"2026": "3000万"}}
    bad = {"name": "坏数据公司", "uscc": code_for(2), "revenue": {"2026": "很多"}}
    path = tmp_path / "firms.json"
    path.write_text(json.dumps([good, bad], ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ImportRefused) as err:
        import_firms(store, path)
    assert [(p.row, p.column) for p in err.value.report.errors] == [(2, "revenue.2026")]
    assert import_firms(store, path, skip_invalid=True).inserted == 1


def test_unknown_file_types_are_refused(tmp_path: Path, store: Store) -> None:
    path = tmp_path / "firms.docx"
    path.write_bytes(b"x")
    report = plan_import(store, path)
    assert ".xlsx" in report.errors[0].zh


def test_a_credit_code_that_excel_turned_into_a_number_is_explained(tmp_path: Path, store: Store) -> None:
    path = _xlsx(tmp_path / "numeric.xlsx", [_row(1, **{CODE: 9.13311210000001e17})])
    report = plan_import(store, path)
    (problem,) = report.errors
    assert problem.column == CODE and "存成了数字" in problem.zh and "as a number" in problem.en


def test_text_starting_with_an_equals_sign_stays_text_in_excel(tmp_path: Path, store: Store) -> None:
    """openpyxl writes "=…" as a formula: Excel would run a name sent in a bundle as "=HYPERLINK(…)", and
    the cell would read back empty."""
    store.save_firm(make_firm(1, stage_reason="=0", notes='=HYPERLINK("http://example.com")'))
    export_firms(store, tmp_path / "out.xlsx")
    with zipfile.ZipFile(tmp_path / "out.xlsx") as z:
        assert b"<f>" not in z.read("xl/worksheets/sheet1.xml")
    other = open_store(tmp_path / "other", auto_backup=False)
    import_firms(other, tmp_path / "out.xlsx")
    firm = other.get_firm(make_firm(1).id)[0]
    assert (firm.stage_reason, firm.notes) == ("=0", '=HYPERLINK("http://example.com")')
    other.close()


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_formula_like_text_is_inert_in_the_file_and_reads_back_as_typed(
    tmp_path: Path, store: Store, suffix: str
) -> None:
    """A Milan number "+39 02 1234" or a note "=1+1 见合同" must not run as a formula in Excel or WPS (CSV has no
    cell types, so it goes out behind an apostrophe) and must come back exactly as typed."""
    store.save_firm(make_firm(1, contact="+39 02 1234", notes="=1+1 见合同", stage_reason="@SUM(A1)"))
    out = tmp_path / f"out{suffix}"
    export_firms(store, out)
    if suffix == ".csv":
        text = out.read_text(encoding="utf-8-sig")
        assert "'+39 02 1234" in text and "'=1+1 见合同" in text and "'@SUM(A1)" in text
    else:
        with zipfile.ZipFile(out) as z:
            assert b"<f>" not in z.read("xl/worksheets/sheet1.xml")
    other = open_store(tmp_path / "other", auto_backup=False)
    import_firms(other, out)
    firm = other.get_firm(make_firm(1).id)[0]
    assert (firm.contact, firm.notes, firm.stage_reason) == ("+39 02 1234", "=1+1 见合同", "@SUM(A1)")
    other.close()


@given(st.integers(min_value=-(10**20), max_value=10**20))
def test_a_whole_number_of_wan_reads_as_the_decimal_reading_gives(n: int) -> None:
    """Cells of whole 万元 (most of a sheet's amounts) skip Decimal, and the amount read is the same."""
    from decimal import Decimal

    from qt_app.store.sheet_columns import money_wan

    assert money_wan(n) == f"{Decimal(str(n))}万" == money_wan(Decimal(n))  # Decimal still goes the long way
