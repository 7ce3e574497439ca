"""The streaming .xlsx reader gives the values openpyxl's read-only `iter_rows(values_only=True)` gives.

The importer's cell parsers were written against openpyxl's values, so every test here reads the same file
with both and compares (types included: True == 1 and 1.0 == 1 in Python, not here). Files openpyxl cannot
write (cached formula results, phonetic runs, strict namespaces) are written by hand, part by part.
"""

from __future__ import annotations

import re
import zipfile
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.chart import BarChart, Reference
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from qt_app.domain.errors import DomainError
from qt_app.services.firms import Store, export_firms
from qt_app.store.sheet_readers import Table, _table, read_xlsx
from qt_app.store.xlsx_cells import XlsxBook
from tests.store.conftest import make_firm


def _empty(v: Any) -> bool:
    return v is None or (isinstance(v, str) and not v.strip())


def openpyxl_rows(path: Path) -> list[list[Any]]:
    """The first sheet with data, as read_xlsx read it before it had its own reader."""
    book = openpyxl.load_workbook(path, data_only=True, read_only=True)
    try:
        for ws in book.worksheets:
            ws.reset_dimensions()
            rows = [list(r) for r in ws.iter_rows(values_only=True)]
            if any(not _empty(v) for r in rows for v in r):
                return rows
        return []
    finally:
        book.close()


def our_rows(path: Path) -> list[list[Any]]:
    with XlsxBook(path) as book:
        for sheet in book.sheets():
            if any(not _empty(v) for r in sheet.rows for v in r):
                return sheet.rows
    return []


def typed(rows: list[list[Any]]) -> list[list[tuple[str, Any]]]:
    return [[(type(v).__name__, v) for v in r] for r in rows]


def as_table(rows: list[list[Any]]) -> Table:
    return _table([(i + 1, list(r)) for i, r in enumerate(rows)], [])


def assert_same_as_openpyxl(path: Path) -> list[list[Any]]:
    ours, theirs = our_rows(path), openpyxl_rows(path)
    assert typed(ours) == typed(theirs)
    assert as_table(ours) == as_table(theirs)
    return ours


# --- workbooks openpyxl writes ------------------------------------------------------------------------

VALUES: list[list[Any]] = [
    ["企业名称", "统一社会信用代码", "面积（㎡）", "租金", "是否", "备注"],
    ["青田星河数字科技有限公司", "91331121MA2H7K9X38", 500, 1.5, True, "  前后空格  "],
    ["负数", "", -42, -0.125, False, "换行\n第二行"],
    ["大数", "00123", 10**15, 1.5e300, None, "<a & b> \"引号\" 'x'"],
    ["下划线", "a_x005F_b", 2**63, 1e-7, None, "9.13311210000001e17"],
]


def _openpyxl_book(path: Path, rows: list[list[Any]], write_only: bool, first_empty: bool = False) -> Path:
    book = openpyxl.Workbook(write_only=write_only)
    if not write_only:
        book.remove(book.active)
    if first_empty:
        book.create_sheet("空表")
    sheet = book.create_sheet("企业")
    for r in rows:
        sheet.append(r)
    book.save(path)
    return path


@pytest.mark.parametrize("write_only", [False, True], ids=["normal", "write_only"])
def test_text_numbers_and_booleans_match_openpyxl(tmp_path: Path, write_only: bool) -> None:
    rows = assert_same_as_openpyxl(_openpyxl_book(tmp_path / "v.xlsx", VALUES, write_only))
    assert rows[1] == ["青田星河数字科技有限公司", "91331121MA2H7K9X38", 500, 1.5, True, "  前后空格  "]
    assert rows[3][2:4] == [10**15, 1.5e300] and type(rows[3][2]) is int
    assert rows[2][4] is False and rows[3][5] == "<a & b> \"引号\" 'x'"


@pytest.mark.parametrize("write_only", [False, True], ids=["normal", "write_only"])
def test_dates_and_times_in_builtin_and_custom_formats_match_openpyxl(
    tmp_path: Path, write_only: bool
) -> None:
    path = tmp_path / "d.xlsx"
    book = openpyxl.Workbook(write_only=write_only)
    sheet = book.create_sheet("日期") if write_only else book.active
    formats = ["mm-dd-yy", 'yyyy"年"m"月"d"日"', "[h]:mm:ss", "h:mm", "0.00", "@", "#,##0", "yyyy/m/d"]
    serials = [46086, 46086.5, 1.5, 0.75, 46086, 46086, 46086, 1e10]  # 1e10 is past any date
    if write_only:
        cells = []
        for fmt, serial in zip(formats, serials, strict=True):
            cell = openpyxl.cell.WriteOnlyCell(sheet, value=serial)
            cell.number_format = fmt
            cells.append(cell)
        sheet.append(cells)
    else:
        sheet.append(serials)
        for cell, fmt in zip(sheet[1], formats, strict=True):
            cell.number_format = fmt
    sheet.append([datetime(2026, 3, 5, 10, 20, 30), date(2026, 3, 5), time(8, 30), timedelta(hours=30), 1])
    book.save(path)
    with pytest.warns(UserWarning):  # openpyxl says so about the 1e10 date; we read it the same way
        rows = assert_same_as_openpyxl(path)
    assert rows[0] == [datetime(2026, 3, 5), datetime(2026, 3, 5, 12), timedelta(days=1.5), time(18), 46086,
                       46086, 46086, "#VALUE!"]  # fmt: skip
    assert rows[1][:4] == [
        datetime(2026, 3, 5, 10, 20, 30),
        datetime(2026, 3, 5),
        time(8, 30),
        timedelta(hours=30),
    ]


def test_a_1904_workbook_counts_days_from_1904(tmp_path: Path) -> None:
    path = tmp_path / "mac.xlsx"
    book = openpyxl.Workbook()
    book.epoch = CALENDAR_MAC_1904
    book.active.append([datetime(2026, 3, 5), 1])
    book.active["B1"].number_format = "yyyy-mm-dd"
    book.save(path)
    with zipfile.ZipFile(path) as z:
        assert b"date1904" in z.read("xl/workbook.xml")
    rows = assert_same_as_openpyxl(path)
    assert rows == [[datetime(2026, 3, 5), datetime(1904, 1, 2)]]


@pytest.mark.parametrize("write_only", [False, True], ids=["normal", "write_only"])
def test_the_first_sheet_with_data_is_read(tmp_path: Path, write_only: bool) -> None:
    path = _openpyxl_book(tmp_path / "two.xlsx", [["名称"], ["青田"]], write_only, first_empty=True)
    assert assert_same_as_openpyxl(path) == [["名称"], ["青田"]]


def test_a_chart_sheet_first_is_passed_over(tmp_path: Path) -> None:
    path = tmp_path / "chart.xlsx"
    book = openpyxl.Workbook()
    data = book.active
    data.append(["年", 1])
    chart = BarChart()
    chart.add_data(Reference(data, min_col=2, min_row=1, max_row=1))
    book.create_chartsheet("图", 0).add_chart(chart)
    book.save(path)
    assert assert_same_as_openpyxl(path) == [["年", 1]]


def test_sparse_rows_and_cells_keep_their_places(tmp_path: Path) -> None:
    path = tmp_path / "sparse.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["B2"] = "B2"
    sheet["E2"] = 5
    sheet["AB7"] = "AB7"
    sheet["A9"] = True
    book.save(path)
    rows = assert_same_as_openpyxl(path)
    assert len(rows) == 9 and rows[0] == [] and rows[1] == [None, "B2", None, None, 5]
    assert rows[6][27] == "AB7" and rows[8] == [True]


def test_what_our_exporter_writes_reads_the_same(tmp_path: Path, store: Store) -> None:
    for n in range(1, 4):
        store.save_firm(make_firm(n, notes=f"备注{n}"), who="test")
    path = tmp_path / "export.xlsx"
    export_firms(store, path)
    rows = assert_same_as_openpyxl(path)
    assert rows[0][:2] == ["企业编号", "企业名称"] and len(rows) == 4


# --- workbooks written part by part -------------------------------------------------------------------

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main"
STRICT_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"

STYLES = """<styleSheet xmlns="{main}">
<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>
<numFmt numFmtId="165" formatCode="[h]:mm"/></numFmts>
<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>
<fills count="1"><fill><patternFill patternType="none"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="31" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>
<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>"""


def _package(
    path: Path,
    sheet_data: str,
    *,
    strings: str | None = None,
    after: str = "",
    date1904: bool = False,
    strict: bool = False,
    prefix: str = "",
    strings_part: str = "xl/sharedStrings.xml",
    leave_out: tuple[str, ...] = (),
) -> Path:
    """A workbook as Excel and WPS lay it out, with `sheet_data` inside <sheetData> and `strings` (the <si>
    items) in the shared strings part. `prefix` writes the sheet with a namespace prefix ("x:")."""
    main, rel = (STRICT_MAIN, STRICT_REL) if strict else (MAIN, REL)
    flag = ' date1904="1"' if date1904 else ""
    rel_type = f"{rel}/" if strict else "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    sheet = (
        f'<worksheet xmlns="{main}" xmlns:r="{rel}"><sheetData>{sheet_data}</sheetData>{after}</worksheet>'
    )
    if prefix:  # <x:worksheet xmlns:x="…"><x:sheetData>…: the same elements, spelt with a prefix
        sheet = re.sub(r"<(/?)(?=[a-zA-Z])", rf"<\1{prefix}:", sheet).replace("xmlns=", f"xmlns:{prefix}=")
    parts = {
        "[Content_Types].xml": (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{CT}.sheet.main+xml"/>'
            f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{CT}.worksheet+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{CT}.styles+xml"/>'
            f'<Override PartName="/{strings_part}" ContentType="{CT}.sharedStrings+xml"/></Types>'
        ),
        "_rels/.rels": (
            f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{rel_type}officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            f'<workbook xmlns="{main}" xmlns:r="{rel}"><workbookPr{flag}/>'
            '<sheets><sheet name="企业" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            f'<Relationships xmlns="{PKG}">'
            f'<Relationship Id="rId1" Type="{rel_type}worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{rel_type}styles" Target="styles.xml"/>'
            f'<Relationship Id="rId3" Type="{rel_type}sharedStrings" Target="/{strings_part}"/>'
            "</Relationships>"
        ),
        "xl/styles.xml": STYLES.format(main=main),
        "xl/worksheets/sheet1.xml": sheet,
        strings_part: f'<sst xmlns="{main}">{strings or ""}</sst>',
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            if name not in leave_out:
                z.writestr(name, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + text)
    return path


FORMULAS = """
<row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c r="B1" t="str"><f>"青"&amp;"田"</f><v>青田</v></c>
<c r="C1" t="e"><f>NA()</f><v>#N/A</v></c><c r="D1" t="b"><f>TRUE()</f><v>1</v></c>
<c r="E1"><f>A1/3</f><v>0.66666666666666663</v></c><c r="F1"><f>A1*2</f></c>
<c r="G1" t="e"><v>#DIV/0!</v></c><c r="H1"><f t="shared" ref="H1:H2" si="0">A1*10</f><v>20</v></c>
<c r="I1" s="1"><f>DATE(2026,3,5)</f><v>46086</v></c><c r="J1" t="d"><v>2026-03-05T10:20:30</v></c></row>
<row r="2"><c r="H2"><f t="shared" si="0"/><v>1E+21</v></c><c r="I2" t="str"><f>""</f><v></v></c></row>
"""


def test_formulas_are_read_as_their_cached_values(tmp_path: Path) -> None:
    rows = assert_same_as_openpyxl(_package(tmp_path / "f.xlsx", FORMULAS))
    assert rows[0] == [2, "青田", "#N/A", True, 0.6666666666666666, None, "#DIV/0!", 20, datetime(2026, 3, 5),
                       datetime(2026, 3, 5, 10, 20, 30)]  # fmt: skip
    assert rows[1] == [None] * 7 + [1e21, None]  # an empty cached text is no value


SHARED = """
<si><t>青田</t><rPh sb="0" eb="2"><t>qīng tián</t></rPh><phoneticPr fontId="1" type="noConversion"/></si>
<si><r><rPr><b/><sz val="11"/></rPr><t>星河</t></r><r><t xml:space="preserve"> 数字 </t></r>
<rPh sb="0" eb="2"><t>xīng hé</t></rPh></si>
<si><t/></si>
<si><t xml:space="preserve">  两端空格  </t></si>
<si><t>&lt;x&gt; &amp; "y" &#169;</t></si>
<si><t>a_x005F_x000D_b</t></si>
<si><t>前</t><r><t>后</t></r></si>
"""

SHARED_ROWS = """
<row r="1" spans="1:7"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>
<c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c><c r="G1" t="s"><v>6</v></c></row>
<row r="2"><c r="A2" t="inlineStr"><is><r><t>富</t></r><r><rPr><i/></rPr><t>文本</t></r></is></c>
<c r="B2" t="inlineStr"><is><t xml:space="preserve"> 行内 </t></is></c><c r="C2" t="inlineStr"><v>9</v></c>
<c r="D2" t="inlineStr"><is><t>中</t><rPh sb="0" eb="1"><t>zhōng</t></rPh></is></c></row>
"""


def test_shared_rich_and_inline_strings_leave_out_phonetic_runs(tmp_path: Path) -> None:
    rows = assert_same_as_openpyxl(_package(tmp_path / "s.xlsx", SHARED_ROWS, strings=SHARED))
    assert rows == [
        ["青田", "星河 数字 ", "", "  两端空格  ", '<x> & "y" ©', "a_x000D_b", "前后"],
        ["富文本", " 行内 ", None, "中"],
    ]


DATES = """
<row r="1"><c r="A1" s="1"><v>46086</v></c><c r="B1" s="2"><v>46086.25</v></c><c r="C1" s="3"><v>1.5</v></c>
<c r="D1"><v>46086</v></c><c r="E1" s="2"><v>0.5</v></c><c r="F1" s="1"><v>30</v></c></row>
"""


@pytest.mark.parametrize("date1904", [False, True], ids=["1900", "1904"])
def test_hand_written_date_styles_match_openpyxl(tmp_path: Path, date1904: bool) -> None:
    rows = assert_same_as_openpyxl(_package(tmp_path / "d.xlsx", DATES, date1904=date1904))
    start = datetime(1904, 1, 1) if date1904 else datetime(1899, 12, 30)
    assert rows == [[start + timedelta(days=46086), start + timedelta(days=46086.25), timedelta(days=1.5), 46086,
                     time(12), start + timedelta(days=30 if date1904 else 31)]]  # fmt: skip


def test_chinese_excels_built_in_date_formats_read_as_dates(tmp_path: Path) -> None:
    """Id 31 (2026年3月5日) is saved without its format text; openpyxl reads a day count, we read the date."""
    path = _package(
        tmp_path / "zh.xlsx", '<row r="1"><c r="A1" s="4"><v>46086</v></c><c r="B1"><v>46086</v></c></row>'
    )
    assert our_rows(path) == [[datetime(2026, 3, 5), 46086]]
    assert openpyxl_rows(path) == [[46086, 46086]]  # the difference is deliberate


QUIRKS = """
<row r="2"><c r="C2"><v>1</v></c><c><v>2</v></c><c r="A2"><v>3</v></c></row>
<row><c><v>4</v></c><c r="C3"><v>5</v></c><c r="C3"><v>6</v></c></row>
<row r="2"><c r="A2"><v>7</v></c></row>
<row r="6.0" spans="1:2" ht="20" customHeight="1"/>
<row r="8"><c r="B8" t="n"><v>  8 </v></c><c r="AAA8" t="b"><v>0</v></c></row>
"""


def test_rows_and_cells_are_placed_as_openpyxl_places_them(tmp_path: Path) -> None:
    """Cells without r="" follow the one before; a row as long as its last cell; a row out of order is
    dropped; "6.0" is row 6."""
    rows = assert_same_as_openpyxl(_package(tmp_path / "q.xlsx", QUIRKS))
    assert rows[:3] == [[], [3], [4, None, 6]]
    assert rows[3:7] == [[], [], [], []] and rows[7][:2] == [None, 8] and rows[7][-1] is False
    assert len(rows) == 8 and len(rows[7]) == 703


def test_namespace_prefixes_and_strict_namespaces_read_alike(tmp_path: Path) -> None:
    expected = our_rows(_package(tmp_path / "plain.xlsx", SHARED_ROWS + DATES.replace('r="1"', 'r="3"'),
                                 strings=SHARED))  # fmt: skip
    prefixed = _package(tmp_path / "x.xlsx", SHARED_ROWS, strings=SHARED, prefix="x")
    assert typed(our_rows(prefixed)) == typed(openpyxl_rows(prefixed)) == typed(expected[:2])
    # openpyxl reads nothing of a strict file (it knows only the transitional namespace)
    strict = _package(tmp_path / "strict.xlsx", SHARED_ROWS + DATES.replace('r="1"', 'r="3"'), strings=SHARED,
                      strict=True)  # fmt: skip
    assert typed(our_rows(strict)) == typed(expected)


def test_shared_strings_are_found_through_the_workbook_relationships(tmp_path: Path) -> None:
    path = _package(tmp_path / "moved.xlsx", SHARED_ROWS, strings=SHARED, strings_part="xl/strings/sst1.xml")
    assert assert_same_as_openpyxl(path)[0][0] == "青田"


def test_merged_cells_are_spread_by_read_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "merged.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    for r in [
        ["名称", "负责人", "地点"],
        ["甲", "陈丽华", "青创大厦"],
        ["乙", None, None],
        ["丙", None, None],
    ]:
        sheet.append(r)
    sheet.merge_cells("B2:B4")
    sheet.merge_cells("C2:C3")
    sheet.merge_cells("A5:C5")  # below the data: no rows to spread over, and only one row: no warning
    book.save(path)
    table = read_xlsx(path)
    assert table.headers == ["名称", "负责人", "地点"]
    assert table.rows == [
        (2, ["甲", "陈丽华", "青创大厦"]),
        (3, ["乙", "陈丽华", "青创大厦"]),
        (4, ["丙", "陈丽华"]),
    ]
    assert sorted((n.row, n.column, n.severity) for n in table.notes) == [
        (2, "B2:B4", "warning"),
        (2, "C2:C3", "warning"),
    ]


def test_an_empty_workbook_is_an_empty_table(tmp_path: Path) -> None:
    path = tmp_path / "empty.xlsx"
    openpyxl.Workbook().save(path)
    table = read_xlsx(path)
    assert (
        table.headers == [] and table.rows == [] and [n.en for n in table.notes] == ["The worksheet is empty"]
    )


def _not_a_workbook(tmp_path: Path, kind: str) -> Path:
    path = tmp_path / f"{kind}.xlsx"
    if kind == "text":
        path.write_text("企业名称,统一社会信用代码\n", encoding="utf-8")
    elif kind == "empty-file":
        path.write_bytes(b"")
    elif kind == "other-zip":
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("readme.txt", "hello")
    elif kind == "no-sheet-part":
        _package(path, FORMULAS, leave_out=("xl/worksheets/sheet1.xml",))
    elif kind == "no-workbook-rels":
        _package(path, FORMULAS, leave_out=("xl/_rels/workbook.xml.rels",))
    elif kind == "broken-sheet-xml":
        _package(path, FORMULAS + "<row r='3'><c r='A3'><v>1</v>")
    elif kind == "broken-strings-xml":
        _package(path, SHARED_ROWS, strings=SHARED + "<si><t>x</si>")
    elif kind == "bad-number":
        _package(path, '<row r="1"><c r="A1"><v>十二</v></c></row>')
    elif kind == "missing-shared-string":
        _package(path, '<row r="1"><c r="A1" t="s"><v>7</v></c></row>', strings="<si><t>只有一个</t></si>")
    elif kind == "truncated-zip":
        data = _package(tmp_path / "whole.xlsx", FORMULAS).read_bytes()
        path.write_bytes(data[: len(data) // 2])
    return path


@pytest.mark.parametrize(
    ("kind", "says"),
    [
        ("text", "zip"),
        ("empty-file", "zip"),
        ("other-zip", "xl/workbook.xml"),
        ("no-sheet-part", "xl/worksheets/sheet1.xml"),
        ("no-workbook-rels", "xl/_rels/workbook.xml.rels"),
        ("broken-sheet-xml", "xl/worksheets/sheet1.xml"),
        ("broken-strings-xml", "xl/sharedStrings.xml"),
        ("bad-number", "xl/worksheets/sheet1.xml"),
        ("missing-shared-string", "shared string 7"),
        ("truncated-zip", "zip"),
    ],
)
def test_a_file_that_is_not_a_readable_workbook_is_refused_in_words(
    tmp_path: Path, kind: str, says: str
) -> None:
    with pytest.raises(DomainError) as refused:
        read_xlsx(_not_a_workbook(tmp_path, kind))
    assert refused.value.zh.startswith("无法读取 Excel 文件：")
    assert refused.value.en.startswith("Cannot read the Excel file: ") and says in refused.value.en


# --- any grid ------------------------------------------------------------------------------------------

text = st.text(st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\t\n"), max_size=12)
cells = (
    st.none()
    | st.booleans()
    | st.integers(-(10**18), 10**18)
    | st.floats(allow_nan=False, allow_infinity=False)
    | text
    | st.sampled_from(["青田", " ", "00123", "1e5", "TRUE", "#N/A", "2026-03-05", "x005F_"])
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(grid=st.lists(st.lists(cells, max_size=7), max_size=8), write_only=st.booleans())
def test_any_grid_openpyxl_writes_reads_back_as_openpyxl_reads_it(
    tmp_path_factory: pytest.TempPathFactory, grid: list[list[Any]], write_only: bool
) -> None:
    path = tmp_path_factory.mktemp("grid") / "g.xlsx"
    book = openpyxl.Workbook(write_only=write_only)
    sheet = book.create_sheet("表") if write_only else book.active
    for row in grid:
        sheet.append(row)
    book.save(path)
    assert typed(our_rows(path)) == typed(openpyxl_rows(path))
