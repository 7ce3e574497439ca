"""The cell values of an .xlsx workbook's sheets, streamed straight from its XML (读取 Excel 单元格).

openpyxl's read-only mode spends ~0.2 ms a row on a wide sheet: a sheet without a <dimension> element (as
openpyxl's own write-only mode saves them, our exporter included) is parsed once in full just to look for
one, and every cell, inline strings above all, goes through its descriptor machinery. This reader parses
each part once with `iterparse` and turns cells into plain values directly.

The values are the ones openpyxl's `iter_rows(values_only=True)` gives with `data_only=True`, because the
importer's cell parsers were written against them: cached formula results (never the formula), shared and
inline strings (rich-text runs joined, phonetic runs dropped), booleans, error texts ("#N/A"), and numbers
in a date or time style as datetime, time or timedelta through openpyxl's own format and epoch helpers, so
the two cannot drift apart. Row i of a sheet (0-based) is spreadsheet row i + 1; rows the XML skips are
empty lists, and a row is as long as its last cell's column.

Limits (`sheet_limits`): every part's inflated size and compression ratio are read from the zip's central
directory before it is opened (zipfile never inflates past the declared size, so the check holds), and rows,
columns and cell lengths are counted while the sheet streams.

Elements are matched on their local names, so transitional, strict (http://purl.oclc.org/ooxml/...) and
prefix-free files from Excel, WPS, LibreOffice and openpyxl all read alike.
"""

from __future__ import annotations

import datetime
import gc
import posixpath
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import IO, Any
from xml.etree import ElementTree as ET

from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format
from openpyxl.utils.datetime import MAC_EPOCH, WINDOWS_EPOCH, from_excel, from_ISO8601

from qt_app.store import sheet_limits as limits

CellValue = (
    str | int | float | bool | datetime.datetime | datetime.date | datetime.time | datetime.timedelta | None
)


# Built-in number formats ECMA-376 leaves to the locale (ids 27-36, 50-58). Chinese Excel and WPS save a
# date typed as 2026年3月5日 with id 31 and no format text; these are the zh-CN meanings, so such cells
# arrive as dates, not as day counts like 46086.
ZH_CN_FORMATS: dict[int, str] = {
    27: 'yyyy"年"m"月"', 28: 'm"月"d"日"', 29: 'm"月"d"日"', 30: "m-d-yy", 31: 'yyyy"年"m"月"d"日"',
    32: 'h"时"mm"分"', 33: 'h"时"mm"分"ss"秒"', 34: '上午/下午h"时"mm"分"', 35: '上午/下午h"时"mm"分"ss"秒"',
    36: 'yyyy"年"m"月"', 50: 'yyyy"年"m"月"', 51: 'm"月"d"日"', 52: 'yyyy"年"m"月"', 53: 'm"月"d"日"',
    54: 'm"月"d"日"', 55: '上午/下午h"时"mm"分"', 56: '上午/下午h"时"mm"分"ss"秒"', 57: 'yyyy"年"m"月"',
    58: 'm"月"d"日"',
}  # fmt: skip


class XlsxError(Exception):
    """The file is not a readable workbook: not a zip, a part missing, broken XML or a malformed value."""


@dataclass(frozen=True)
class SheetCells:
    part: str  # the worksheet's part in the zip, e.g. "xl/worksheets/sheet1.xml"
    rows: list[list[CellValue]]  # rows[i] is spreadsheet row i + 1; missing cells are None
    merged: list[str]  # merged ranges as the sheet lists them, e.g. "C2:C4"


_LOCAL: dict[str, str] = {}


def _local(tag: str) -> str:
    """A tag's local name ("{namespace}row" → "row"), cached: a few distinct tags, a million elements."""
    name = _LOCAL.get(tag)
    if name is None:
        name = _LOCAL[tag] = tag.rpartition("}")[2]
    return name


def _text(node: ET.Element) -> str:
    """A string item (<si> or <is>) as openpyxl's Text.content reads it: its own <t> (the last one, as
    openpyxl keeps), then each rich-text run's <t>; phonetic runs (<rPh>, WPS writes them for Chinese)
    are a reading aid, not the text."""
    if len(node) == 1:
        only = node[0]
        if _LOCAL.get(only.tag) == "t":  # the usual <si><t>…</t></si>, kept quick
            return only.text or ""
    plain: str | None = None
    runs: list[str] = []
    for child in node:
        name = _local(child.tag)
        if name == "t":
            plain = child.text
        elif name == "r":
            run: str | None = None
            for part in child:
                if _local(part.tag) == "t":
                    run = part.text
            if run is not None:
                runs.append(run)
    if not runs:
        return plain or ""
    return "".join([plain, *runs] if plain is not None else runs)


_COLUMNS: dict[str, int] = {}
_DIGITS = "0123456789"


def _column(ref: str) -> int:
    """The column number of a cell reference ("AB12" → 28)."""
    letters = ref.rstrip(_DIGITS)
    col = _COLUMNS.get(letters)
    if col is None:
        if not (0 < len(letters) <= 3 and letters.isascii() and letters.isalpha()):
            raise ValueError(f"bad cell reference {ref!r}")
        col = 0
        for ch in letters.upper():
            col = col * 26 + ord(ch) - 64
        _COLUMNS[letters] = col
    return col


def _number(text: str) -> int | float:
    # openpyxl's rule (_cast_number): an int unless the text has a point or an exponent
    if "." in text or "E" in text or "e" in text:
        return float(text)
    return int(text)


def _row_number(text: str) -> int:
    # openpyxl accepts "3.0" as row 3 too (some generators write floats)
    try:
        return int(text)
    except ValueError:
        value = float(text)
        if not value.is_integer():
            raise ValueError(f"{text!r} is not a valid row number") from None
        return int(value)


def _rels_path(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def _target(part: str, target: str) -> str:
    """A relationship target as a zip member name: absolute from the zip root, else relative to `part`."""
    if target.startswith("/"):
        return target[1:]
    return posixpath.normpath(posixpath.join(posixpath.dirname(part), target))


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Reading a sheet makes a million short-lived elements and keeps thousands of row lists: enough
    allocations to set off several full garbage collections over everything the app holds (0.1-0.2 s of
    a 0.7 s read of 10,000 rows). Nothing here makes reference cycles, so the collector can wait."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


@contextmanager
def _reading(what: str) -> Iterator[None]:
    """Everything a damaged file can raise while one part is read, as an XlsxError naming the part."""
    try:
        yield
    except KeyError as e:  # zipfile: "There is no item named ... in the archive"
        raise XlsxError(f"{what}: {e.args[0] if e.args else e}") from e
    except (
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        ET.ParseError,
        ValueError,
        IndexError,
        OverflowError,
        NotImplementedError,  # a compression method zipfile does not know
        RuntimeError,  # an encrypted member
    ) as e:
        raise XlsxError(f"{what}: {e}") from e


class XlsxBook:
    """One workbook, open for reading; use as a context manager so the zip is closed."""

    def __init__(self, path: Path) -> None:
        try:
            self._zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, EOFError, ValueError) as e:
            raise XlsxError(f"not an .xlsx workbook ({e})") from e
        try:
            self._open()
        except BaseException:
            self._zip.close()
            raise

    def _open(self) -> None:
        names = set(self._zip.namelist())
        book = "xl/workbook.xml"  # where every producer puts it; the package rels say for sure
        if "_rels/.rels" in names:
            for kind, target in self._rels("").values():
                if kind == "officeDocument":
                    book = target
        with _reading(book):
            root = ET.fromstring(self._read(book))
        if _local(root.tag) != "workbook":  # a .docx or any other zip package renamed .xlsx
            raise XlsxError(f"{book} is not a workbook")
        rels = self._rels(book)
        self.epoch = WINDOWS_EPOCH
        sheets: list[tuple[str, str]] = []  # (name, relationship id) in workbook order
        for el in root:
            name = _local(el.tag)
            if name == "workbookPr":
                # openpyxl's Bool: any text but "false", "f" and "0" is true
                flag = el.get("date1904")
                if flag and flag not in ("false", "f", "0"):
                    self.epoch = MAC_EPOCH
            elif name == "sheets":
                for sheet in el:
                    # r:id, in whichever namespace (transitional or strict) the file uses
                    rid = next((v for k, v in sheet.attrib.items() if k.endswith("}id")), None)
                    if _local(sheet.tag) == "sheet" and rid:  # openpyxl drops a sheet without one too
                        sheets.append((sheet.get("name", ""), rid))
        self.sheet_parts: list[str] = []  # worksheets in workbook order (chart sheets hold no cells)
        for sheet_name, rid in sheets:
            if rid not in rels:
                raise XlsxError(f"{book}: sheet {sheet_name!r} has no relationship {rid}")
            kind, target = rels[rid]
            if kind == "chartsheet":
                continue
            if target not in names:
                # openpyxl skips such a sheet, and the file then reads as empty: say it is damaged instead
                raise XlsxError(f"sheet {sheet_name!r}: the part {target} is missing")
            self.sheet_parts.append(target)
        # styles and shared strings where the relationships say, else where every producer puts them
        by_kind = {kind: target for kind, target in rels.values()}
        styles = by_kind.get("styles", "xl/styles.xml")
        self._dates, self._durations = self._date_styles(styles) if styles in names else (set(), set())
        strings = by_kind.get("sharedStrings", "xl/sharedStrings.xml")
        self._strings = self._shared_strings(strings) if strings in names else []

    def __enter__(self) -> XlsxBook:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self._zip.close()

    def _measured(self, part: str) -> None:
        """Refuse a part whose central-directory entry says it inflates too far (before inflating it)."""
        try:
            info = self._zip.getinfo(part)
        except KeyError:
            return  # zipfile says which part is missing when it is opened
        refused = limits.part_too_big(part, info.file_size, info.compress_size)
        if refused is not None:
            raise refused

    def _read(self, part: str) -> bytes:
        self._measured(part)
        return self._zip.read(part)

    def _open_part(self, part: str) -> IO[bytes]:
        self._measured(part)
        return self._zip.open(part)

    def _rels(self, part: str) -> dict[str, tuple[str, str]]:
        """A part's relationships: id → (type's last word, e.g. "worksheet"; target member name)."""
        path = _rels_path(part)
        with _reading(path):
            root = ET.fromstring(self._read(path))
        out: dict[str, tuple[str, str]] = {}
        for el in root:
            if _local(el.tag) == "Relationship" and el.get("TargetMode") != "External":
                kind = el.get("Type", "").rpartition("/")[2]
                out[el.get("Id", "")] = (kind, _target(part, el.get("Target", "")))
        return out

    def _date_styles(self, part: str) -> tuple[set[int], set[int]]:
        """Cell styles (cellXfs indexes) whose number format is a date or time, and those of them that are
        durations ("[h]:mm"), decided by openpyxl's own helpers as its stylesheet reader does."""
        with _reading(part):
            root = ET.fromstring(self._read(part))
            custom: dict[int, str | None] = {}
            xfs: list[ET.Element] = []
            for group in root:
                name = _local(group.tag)
                if name == "numFmts":
                    for fmt in group:
                        if _local(fmt.tag) == "numFmt":
                            custom[int(fmt.get("numFmtId", "0"))] = fmt.get("formatCode")
                elif name == "cellXfs":
                    xfs.extend(xf for xf in group if _local(xf.tag) == "xf")
            dates: set[int] = set()
            durations: set[int] = set()
            for index, xf in enumerate(xfs):
                fmt_id = int(xf.get("numFmtId", "0"))
                # a custom format wins over a built-in one with the same id; the East Asian built-ins are
                # not in openpyxl's table (it reads those dates as numbers): ours has their zh-CN meaning
                code = (
                    custom[fmt_id]
                    if fmt_id in custom
                    else BUILTIN_FORMATS.get(fmt_id, ZH_CN_FORMATS.get(fmt_id))
                )
                if is_date_format(code):
                    dates.add(index)
                if is_timedelta_format(code):
                    durations.add(index)
        return dates, durations

    def _shared_strings(self, part: str) -> list[str]:
        strings: list[str] = []
        with _reading(part), _collector_paused(), self._open_part(part) as fh:
            for _event, el in ET.iterparse(fh):
                if _local(el.tag) == "si":
                    # openpyxl's read_string_table unescapes Excel's "_x005F_" (a literal "_") this way
                    strings.append(_text(el).replace("x005F_", ""))
                    el.clear()
        return strings

    def sheets(self) -> Iterator[SheetCells]:
        """Each worksheet in workbook order, read when asked for."""
        for part in self.sheet_parts:
            yield self.read_sheet(part)

    def read_sheet(self, part: str) -> SheetCells:
        rows: list[list[CellValue]] = []
        merged: list[str] = []
        number = 0  # the last <row>'s number, as openpyxl counts: the next row without r="" is number + 1
        local = _LOCAL
        # <dimension> is not read: WPS and some exporters write a wrong one, and every row is read anyway
        filled = 0  # rows holding a value, against MAX_ROWS (+1: the header)
        with _reading(part), _collector_paused(), self._open_part(part) as fh:
            for _event, el in ET.iterparse(fh):
                tag = el.tag
                name = local.get(tag) or _local(tag)
                if name == "row":
                    r = el.get("r")
                    number = _row_number(r) if r else number + 1
                    if number > limits.LAST_SHEET_ROW:
                        raise limits.row_out_of_range(number)
                    # rows must come in order; like openpyxl, a row numbered at or below one already
                    # read is dropped rather than merged in
                    if number > len(rows):
                        cells = self._cells(el, tag[:-3], number)
                        if any(v is not None for v in cells):
                            filled += 1
                            if filled > limits.MAX_ROWS + 1:
                                raise limits.too_many_rows()
                        rows.extend([] for _ in range(number - len(rows) - 1))
                        rows.append(cells)
                    el.clear()  # its cells are read: free them (the rest of the sheet is small)
                elif name == "mergeCell":
                    ref = el.get("ref")
                    if ref:
                        merged.append(ref)
        return SheetCells(part, rows, merged)

    def _cells(self, row: ET.Element, ns: str, number: int) -> list[CellValue]:
        """One <row>'s values. This runs for every cell of the file, so it is written for speed: a row's
        cells and their parts are in the row's own namespace (`ns`, "{...}" or ""), which turns matching
        on local names into comparing whole tags."""
        c_tag, v_tag, is_tag = ns + "c", ns + "v", ns + "is"
        columns = _COLUMNS
        dates = self._dates
        strings = self._strings
        out: list[CellValue] = []
        col = 0
        last = 0
        for c in row:
            if c.tag != c_tag:
                continue  # <extLst>: not a cell
            ref = c.get("r")
            col = (columns.get(ref.rstrip(_DIGITS)) or _column(ref)) if ref else col + 1
            kind = c.get("t")
            value: CellValue
            if kind == "inlineStr":  # the text is in <is>; openpyxl ignores any <v>
                node = c.find(is_tag)
                value = None if node is None else _text(node)
            else:
                text = c.findtext(v_tag)  # the first <v>; <f> (the formula) is not read: data_only
                if not text:
                    value = None
                elif kind is None or kind == "n":
                    value = _number(text)
                    if dates:
                        style = c.get("s")
                        if style and int(style) in dates:
                            value = self._date(value, int(style))
                elif kind == "s":
                    index = int(text)
                    if not 0 <= index < len(strings):
                        raise ValueError(f"cell {ref or col}: there is no shared string {index}")
                    value = strings[index]
                elif kind == "b":
                    value = bool(int(text))
                elif kind == "d":
                    value = from_ISO8601(text)
                else:  # "str" (a formula's text result), "e" (an error: "#N/A"), or a type openpyxl keeps
                    value = text
            if col > limits.MAX_COLUMNS:
                if value is None or value == "":
                    continue  # a formatted but empty cell far to the right: nothing to import
                raise limits.too_many_columns(number)
            if isinstance(value, str) and len(value) > limits.MAX_CELL_CHARS:
                raise limits.cell_too_long(number, col, len(value))
            last = col
            size = len(out)
            if col > size:
                if col > size + 1:
                    out.extend([None] * (col - size - 1))
                out.append(value)
            else:
                out[col - 1] = value  # a repeated column: the later cell wins, as in openpyxl
        # openpyxl makes a row as long as its *last* cell's column (cells out of order beyond it are lost)
        del out[last:]
        return out

    def _date(self, serial: float, style: int) -> CellValue:
        try:
            value: Any = from_excel(serial, self.epoch, timedelta=style in self._durations)
        except (OverflowError, ValueError):
            return "#VALUE!"  # openpyxl's reading of a date serial out of range (it also warns)
        return value  # type: ignore[no-any-return]
