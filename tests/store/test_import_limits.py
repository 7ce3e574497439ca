"""Imports with limits: a zip bomb, a sheet too long or too wide, a cell too long, a 60-digit amount, a 1 MB
name — each refused with a message in words, before the work it would cost, and nothing written."""

from __future__ import annotations

import csv
import json
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from qt_app.services.firms import Store, import_firms, plan_import
from qt_app.store import sheet_limits
from qt_app.store.importer import ImportRefused
from tests.store.conftest import code_for
from tests.store.sheet_bombs import bomb_xlsx

HEADER = ["企业名称", "统一社会信用代码", "计划投资额（万元）", "备注"]


def _xlsx(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in [HEADER, *rows]:
        sheet.append(row)
    book.save(path)
    return path


def _csv(path: Path, rows: list[list[object]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([HEADER, *rows])
    return path


def _refused(store: Store, path: Path) -> str:
    """The file-level message of a refused import (and nothing written)."""
    before = store.count_firms()
    with pytest.raises(ImportRefused) as err:
        import_firms(store, path)
    assert store.count_firms() == before
    lines = err.value.report.lines("zh")
    assert lines and all(line.startswith("文件") for line in lines), lines
    return " ".join(lines) + " | " + " ".join(err.value.report.lines("en"))


def test_a_zip_bomb_is_refused_before_it_is_inflated(tmp_path: Path, store: Store) -> None:
    message = _refused(store, bomb_xlsx(tmp_path / "bomb.xlsx", megabytes=1024))
    assert (
        "xl/worksheets/sheet1.xml 解压后有 957 MB，超过上限 256 MB" in message
        and "inflates to 957 MB" in message
    )
    message = _refused(store, bomb_xlsx(tmp_path / "small-bomb.xlsx", megabytes=128))
    assert (
        "压缩炸弹" in message and "zip bomb" in message
    )  # under the size limit, but no sheet compresses so well


def test_a_bomb_that_lies_about_its_size_stops_at_the_size_it_gave(tmp_path: Path, store: Store) -> None:
    message = _refused(store, bomb_xlsx(tmp_path / "liar.xlsx", megabytes=64, lie=True))
    assert "无法读取 Excel 文件" in message  # zipfile never inflates past the declared 1 KB: a bad CRC


def test_a_sheet_too_big_even_when_it_compresses_honestly(
    tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sheet_limits, "MAX_PART_BYTES", 1000)
    rows = [[f"青田测试{i}号有限公司", code_for(i), 100, "备注"] for i in range(1, 60)]
    message = _refused(store, _xlsx(tmp_path / "big.xlsx", rows))
    assert "超过上限" in message and "over the limit" in message


@pytest.mark.parametrize("kind", ["xlsx", "csv", "json"])
def test_too_many_rows(tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch, kind: str) -> None:
    monkeypatch.setattr(sheet_limits, "MAX_ROWS", 5)
    rows = [[f"青田测试{i}号有限公司", code_for(i), 100, ""] for i in range(1, 8)]
    if kind == "json":
        path = tmp_path / "many.json"
        path.write_text(json.dumps([{"name": r[0], "uscc": r[1]} for r in rows], ensure_ascii=False), "utf-8")
    else:
        path = (_xlsx if kind == "xlsx" else _csv)(tmp_path / f"many.{kind}", rows)
    message = _refused(store, path)
    assert "行数过多：一次最多导入 5 行" in message and "Too many rows" in message


def _xlsx_with_cell(path: Path, text: str) -> Path:
    """An .xlsx with one cell longer than Excel itself allows (openpyxl would cut it: written by hand)."""
    _xlsx(path, [["青田测试有限公司", code_for(1), 100, "PLACEHOLDER"]])
    with zipfile.ZipFile(path) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    for name, data in parts.items():
        parts[name] = data.replace(b"PLACEHOLDER", text.encode())
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return path


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_a_cell_too_long(tmp_path: Path, store: Store, kind: str) -> None:
    text = "长" * 40_000
    if kind == "xlsx":
        path = _xlsx_with_cell(tmp_path / "long.xlsx", text)
    else:
        path = _csv(tmp_path / "long.csv", [["青田测试有限公司", code_for(1), 100, text]])
    message = _refused(store, path)
    assert "第2行第4列的内容过长：最多 32,767 个字，实为 40,000 个字" in message


def test_a_csv_field_over_the_csv_modules_own_limit(tmp_path: Path, store: Store) -> None:
    path = tmp_path / "huge.csv"
    path.write_text('企业名称,备注\n青田公司,"' + "x" * 200_000 + '"\n', encoding="utf-8")
    assert "第2行第2列的内容过长" in _refused(store, path)


def test_a_file_too_big(tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sheet_limits, "MAX_FILE_BYTES", 100)
    path = _csv(tmp_path / "big.csv", [["青田测试有限公司", code_for(1), 100, "x" * 200]])
    assert "文件过大" in _refused(store, path)


def test_far_right_columns_are_fine_when_empty_and_refused_when_not(tmp_path: Path, store: Store) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER)
    sheet.append(["青田测试有限公司", code_for(1), 100, ""])
    sheet.cell(row=2, column=5000).number_format = "0.00"  # formatted, empty: nothing to import
    book.save(tmp_path / "wide.xlsx")
    assert import_firms(store, tmp_path / "wide.xlsx").inserted == 1
    sheet.cell(row=3, column=2000, value="数据")
    book.save(tmp_path / "wider.xlsx")
    assert "第3行的列数过多" in _refused(store, tmp_path / "wider.xlsx")


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_a_60_digit_amount_is_a_row_error_not_a_dead_import(tmp_path: Path, store: Store, kind: str) -> None:
    rows = [["青田好公司", code_for(1), 3000, ""], ["青田巨额公司", code_for(2), "9" * 60, ""]]
    path = (_xlsx if kind == "xlsx" else _csv)(tmp_path / f"amounts.{kind}", rows)
    report = plan_import(store, path)
    assert report.inserted == 1 and report.invalid == 1
    (line,) = report.lines("zh")
    assert line.startswith("第3行 [计划投资额（万元）]：金额超出范围：最大 1000亿元")
    assert "Amount out of range: at most ¥100 billion" in report.lines("en")[0]
    assert import_firms(store, path, skip_invalid=True).inserted == 1


def test_a_one_megabyte_name_is_refused(tmp_path: Path, store: Store) -> None:
    path = tmp_path / "name.json"
    path.write_text(json.dumps([{"name": "青" * 1_000_000, "uscc": code_for(1)}]), encoding="utf-8")
    report = plan_import(store, path)
    assert report.invalid == 1
    assert "文字过长：最多 200 个字，实为 1000000 个字" in report.lines("zh")[0]
    assert len(report.lines("zh")[0]) < 200  # the message does not repeat the name back
    sheet = _csv(tmp_path / "name.csv", [["青" * 1000, code_for(1), 100, ""]])
    assert "第2行 [企业名称]：文字过长：最多 200 个字" in plan_import(store, sheet).lines("zh")[0]
