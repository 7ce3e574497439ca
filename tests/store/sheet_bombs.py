"""Spreadsheets built to hurt: a zip bomb (a real one: its sheet truly inflates to a gigabyte), and one whose
central directory lies about its size. Built byte by byte in a fraction of a second."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    b'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'
)
RELS = (
    b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    b'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    b'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/'
    b'main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
    b'<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    b'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
)
SHEET_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
    '2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>企业名称</t></is></c></row>'
).encode()
FILLER = b'<row><c t="inlineStr"><is><t>x</t></is></c></row>' * 20_000  # ~1 MB of rows


def _zip(path: Path, members: list[tuple[str, bytes, int, int, int]]) -> None:
    """Write a zip from (name, stored bytes, method, crc, inflated size) without zipfile's help."""
    out = bytearray()
    central = bytearray()
    for name, raw, method, crc, size in members:
        encoded = name.encode()
        offset = len(out)
        out += struct.pack(
            "<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0, crc, len(raw), size, len(encoded), 0
        )
        out += encoded + raw
        central += struct.pack(
            "<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, method, 0, 0, crc, len(raw), size, len(encoded),
            0, 0, 0, 0, 0, offset,
        )  # fmt: skip
        central += encoded
    start = len(out)
    out += central
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(central), start, 0)
    path.write_bytes(bytes(out))


def _stored(name: str, data: bytes) -> tuple[str, bytes, int, int, int]:
    return (name, data, 0, zlib.crc32(data), len(data))


def bomb_xlsx(path: Path, megabytes: int = 1024, lie: bool = False) -> Path:
    """An .xlsx whose sheet inflates to `megabytes` MB of rows (~1000 times its size). With `lie`, the
    central directory claims the sheet is 1 KB."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(FILLER) + compressor.flush(zlib.Z_FULL_FLUSH)  # stands alone: repeatable
    head = zlib.compressobj(9, zlib.DEFLATED, -15)
    head_block = head.compress(SHEET_HEAD) + head.flush(zlib.Z_FULL_FLUSH)
    stream = head_block + block * megabytes + b"\x03\x00"  # an empty final block ends the stream
    crc = zlib.crc32(SHEET_HEAD)
    for _ in range(megabytes):
        crc = zlib.crc32(FILLER, crc)
    size = len(SHEET_HEAD) + len(FILLER) * megabytes
    _zip(
        path,
        [
            _stored("[Content_Types].xml", CONTENT_TYPES),
            _stored("_rels/.rels", RELS),
            _stored("xl/workbook.xml", WORKBOOK),
            _stored("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
            ("xl/worksheets/sheet1.xml", stream, 8, crc, 1024 if lie else size),
        ],
    )
    return path
