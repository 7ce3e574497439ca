"""PDF objects parsed from bytes: values, indirect objects, object streams, streams and their filters.

Enough of ISO 32000 to read what other programs make of a letter (qpdf packing objects into object streams,
cairo's print-to-PDF, an editor's incremental save), without poppler or an image decoder on the user's
machine. Not a general reader: no encryption, no broken-file repair beyond scanning for `N G obj`.
"""

from __future__ import annotations

import contextlib
import re
import zlib
from dataclasses import dataclass, field
from typing import Any, NamedTuple


class PdfReadError(Exception):
    """The bytes are not a PDF this reader understands."""


class Name(str):
    """A PDF name (/Type) as a str without the slash."""


class Ref(NamedTuple):
    num: int
    gen: int = 0


_WS = b" \t\r\n\x0c\x00"
_DELIMS = b"()<>[]{}/%" + _WS
_NUMBER = re.compile(rb"[+-]?(\d+\.?\d*|\.\d+)")
_OBJ = re.compile(rb"(\d+)\s+(\d+)\s+obj\b")
_ESCAPES = {ord("n"): 10, ord("r"): 13, ord("t"): 9, ord("b"): 8, ord("f"): 12}


def skip_ws(data: bytes, i: int) -> int:
    n = len(data)
    while i < n:
        ch = data[i]
        if ch in _WS:
            i += 1
        elif ch == 0x25:  # % comment to end of line
            while i < n and data[i] not in b"\r\n":
                i += 1
        else:
            break
    return i


def literal_string(data: bytes, i: int) -> tuple[bytes, int]:
    """Read a (literal string) starting at data[i] == '('; return its bytes and the index after it."""
    out = bytearray()
    depth = 1
    i += 1
    n = len(data)
    while i < n:
        ch = data[i]
        if ch == 0x5C:  # backslash
            i += 1
            if i >= n:
                break
            nxt = data[i]
            if nxt in _ESCAPES:
                out.append(_ESCAPES[nxt])
            elif 0x30 <= nxt <= 0x37:
                k = 0
                value = 0
                while k < 3 and i + k < n and 0x30 <= data[i + k] <= 0x37:
                    value = value * 8 + data[i + k] - 0x30
                    k += 1
                out.append(value & 0xFF)
                i += k - 1
            elif nxt == 0x0D:  # line continuation (\r or \r\n)
                if i + 1 < n and data[i + 1] == 0x0A:
                    i += 1
            elif nxt == 0x0A:
                pass
            else:
                out.append(nxt)
        elif ch == 0x28:
            depth += 1
            out.append(ch)
        elif ch == 0x29:
            depth -= 1
            if depth == 0:
                return bytes(out), i + 1
            out.append(ch)
        else:
            out.append(ch)
        i += 1
    raise PdfReadError("unterminated string")


def hex_string(data: bytes, i: int) -> tuple[bytes, int]:
    end = data.find(b">", i)
    if end < 0:
        raise PdfReadError("unterminated hex string")
    digits = re.sub(rb"\s", b"", data[i + 1 : end])
    if len(digits) % 2:
        digits += b"0"
    try:
        return bytes.fromhex(digits.decode("ascii")), end + 1
    except ValueError as e:
        raise PdfReadError("bad hex string") from e


def _name(data: bytes, i: int) -> tuple[Name, int]:
    j = i + 1
    while j < len(data) and data[j] not in _DELIMS:
        j += 1
    raw = data[i + 1 : j]
    if b"#" in raw:
        raw = re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), raw)
    return Name(raw.decode("latin-1")), j


def token(data: bytes, i: int) -> tuple[bytes, int]:
    """A bare token (number, keyword) at i."""
    j = i
    while j < len(data) and data[j] not in _DELIMS:
        j += 1
    return data[i:j], j


def parse_value(data: bytes, i: int) -> tuple[Any, int]:
    """One PDF value at data[i:]: dict, array, string (bytes), Name, number, bool, None or Ref."""
    i = skip_ws(data, i)
    if i >= len(data):
        raise PdfReadError("unexpected end of data")
    ch = data[i]
    if ch == 0x3C:  # <
        if data[i : i + 2] == b"<<":
            out: dict[str, Any] = {}
            i += 2
            while True:
                i = skip_ws(data, i)
                if data[i : i + 2] == b">>":
                    return out, i + 2
                if i >= len(data) or data[i] != 0x2F:
                    raise PdfReadError("dictionary key is not a name")
                key, i = _name(data, i)
                value, i = parse_value(data, i)
                out[key] = value
        return hex_string(data, i)
    if ch == 0x5B:  # [
        items: list[Any] = []
        i += 1
        while True:
            i = skip_ws(data, i)
            if i >= len(data):
                raise PdfReadError("unterminated array")
            if data[i] == 0x5D:
                return items, i + 1
            value, i = parse_value(data, i)
            items.append(value)
    if ch == 0x28:
        return literal_string(data, i)
    if ch == 0x2F:
        return _name(data, i)
    word, j = token(data, i)
    if not word:
        raise PdfReadError(f"unexpected byte {data[i : i + 1]!r}")
    if word == b"true":
        return True, j
    if word == b"false":
        return False, j
    if word == b"null":
        return None, j
    if not _NUMBER.fullmatch(word):
        raise PdfReadError(f"unexpected token {word[:20]!r}")
    if b"." not in word:
        # an indirect reference "12 0 R"?
        k = skip_ws(data, j)
        gen, k2 = token(data, k)
        if gen.isdigit():
            k3 = skip_ws(data, k2)
            if data[k3 : k3 + 1] == b"R" and (k3 + 1 >= len(data) or data[k3 + 1] in _DELIMS):
                return Ref(int(word), int(gen)), k3 + 1
        return int(word), j
    return float(word), j


# -- objects ------------------------------------------------------------------------------------------------


@dataclass
class PdfObject:
    num: int
    value: Any
    raw: bytes | None = None  # stream bytes as stored, if any
    head: bytes = b""  # the object's text before `stream` (what the file says, for exact comparisons)
    offset: int = 0  # where it was defined (an object-stream member: the stream's offset)
    raw_start: int = -1  # where the stream's bytes start in the file
    length_ok: bool = True  # the stream's /Length is its true length

    @property
    def dict(self) -> dict[str, Any]:
        return self.value if isinstance(self.value, dict) else {}

    def stream(self) -> bytes:
        """The stream decoded through its filters (Flate, ASCII85, ASCIIHex)."""
        if self.raw is None:
            return b""
        return decode(self.raw, self.dict)


def decode(data: bytes, params: dict[str, Any]) -> bytes:
    filters = params.get("Filter")
    names = filters if isinstance(filters, list) else [filters] if filters else []
    parms = params.get("DecodeParms")
    for k, name in enumerate(names):
        if name in ("FlateDecode", "Fl"):
            data = zlib.decompressobj().decompress(data)
            p = parms[k] if isinstance(parms, list) else parms
            if isinstance(p, dict) and int(p.get("Predictor", 1)) >= 10:
                data = _png_unpredict(data, int(p.get("Columns", 1)) * int(p.get("Colors", 1)))
        elif name in ("ASCII85Decode", "A85"):
            import base64

            body = data.strip()
            if body.startswith(b"<~"):
                body = body[2:]
            if not body.endswith(b"~>"):
                body += b"~>"
            data = base64.a85decode(body, adobe=True, ignorechars=b" \t\n\r\x0b")
        elif name in ("ASCIIHexDecode", "AHx"):
            data, _ = hex_string(b"<" + data.split(b">")[0] + b">", 0)
        else:
            raise PdfReadError(f"unsupported filter {name}")
    return data


def _png_unpredict(data: bytes, columns: int) -> bytes:
    """PNG row predictors (xref and object streams written with /Predictor 12)."""
    out = bytearray()
    prev = bytearray(columns)
    row_len = columns + 1
    for r in range(0, len(data) - columns, row_len):
        kind, row = data[r], bytearray(data[r + 1 : r + row_len])
        for c in range(len(row)):
            left = row[c - 1] if c else 0
            up = prev[c]
            if kind == 1:
                row[c] = (row[c] + left) & 0xFF
            elif kind == 2:
                row[c] = (row[c] + up) & 0xFF
            elif kind == 3:
                row[c] = (row[c] + (left + up) // 2) & 0xFF
            elif kind == 4:
                ul = prev[c - 1] if c else 0
                p = left + up - ul
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - ul)
                row[c] = (row[c] + (left if pa <= pb and pa <= pc else up if pb <= pc else ul)) & 0xFF
        out += row
        prev = row
    return bytes(out)


@dataclass
class PdfFile:
    data: bytes
    objects: dict[int, PdfObject] = field(default_factory=dict)
    trailer: dict[str, Any] = field(default_factory=dict)
    revisions: int = 1  # how many times the file was saved (incremental updates add one each)
    object_streams: bool = False

    def get(self, ref: Any) -> Any:
        """Resolve a reference (any other value is returned as is)."""
        seen = 0
        while isinstance(ref, Ref) and seen < 32:
            obj = self.objects.get(ref.num)
            ref = obj.value if obj is not None else None
            seen += 1
        return ref

    def obj(self, ref: Any) -> PdfObject | None:
        return self.objects.get(ref.num) if isinstance(ref, Ref) else None

    def dict(self, ref: Any) -> dict[str, Any]:
        value = self.get(ref)
        return value if isinstance(value, dict) else {}

    def stream(self, ref: Any) -> bytes:
        obj = self.obj(ref)
        return obj.stream() if obj is not None else b""


def read_objects(data: bytes) -> PdfFile:
    """Every `N G obj` in the file (later definitions win, as incremental updates intend), object streams
    unpacked, and the last trailer (classic or cross-reference stream)."""
    if not data.startswith(b"%PDF-"):
        raise PdfReadError("not a PDF file")
    pdf = PdfFile(data)
    pdf.revisions = max(1, data.count(b"%%EOF"))
    pending_length: list[tuple[PdfObject, Ref, int]] = []
    pos = 0
    while True:
        m = _OBJ.search(data, pos)
        if not m:
            break
        num = int(m.group(1))
        try:
            value, end = parse_value(data, m.end())
        except (PdfReadError, IndexError):
            pos = m.end()
            continue
        after = skip_ws(data, end)
        obj = PdfObject(num, value, head=data[m.end() : end], offset=m.start())
        if data.startswith(b"stream", after) and isinstance(value, dict):
            start = after + 6
            if data[start : start + 2] == b"\r\n":
                start += 2
            elif data[start : start + 1] in (b"\n", b"\r"):
                start += 1
            length = value.get("Length")
            if isinstance(length, int) and data[start + length : start + length + 20].lstrip().startswith(
                b"endstream"
            ):
                obj.raw = data[start : start + length]
                obj.raw_start = start
                pos = start + length
            else:
                stop = data.find(b"endstream", start)
                if stop < 0:
                    raise PdfReadError(f"object {num}: stream without endstream")
                obj.raw = (
                    data[start:stop].rstrip(b"\r\n") if not isinstance(length, Ref) else data[start:stop]
                )
                obj.raw_start = start
                obj.length_ok = isinstance(length, Ref)
                if isinstance(length, Ref):
                    pending_length.append((obj, length, start))
                pos = stop + 9
            if value.get("Type") == "XRef":
                pdf.trailer = value
        else:
            pos = end
        pdf.objects[num] = obj
    for obj, ref, _start in pending_length:
        n = pdf.get(ref)
        if isinstance(n, int) and obj.raw is not None and n <= len(obj.raw):
            obj.raw = obj.raw[:n]
    for obj in [o for o in pdf.objects.values() if o.dict.get("Type") == "ObjStm"]:
        pdf.object_streams = True
        _unpack(pdf, obj)
    at = data.rfind(b"trailer")
    if at >= 0 and at > max(
        (o.offset for o in pdf.objects.values() if o.dict.get("Type") == "XRef"), default=-1
    ):
        with contextlib.suppress(PdfReadError):
            pdf.trailer, _ = parse_value(data, at + 7)
    if not pdf.objects:
        raise PdfReadError("no objects found")
    return pdf


def _unpack(pdf: PdfFile, stm: PdfObject) -> None:
    try:
        body = stm.stream()
        count, first = int(stm.dict["N"]), int(stm.dict["First"])
        header = body[:first].split()
        for k in range(count):
            num, off = int(header[2 * k]), int(header[2 * k + 1])
            known = pdf.objects.get(num)
            if known is not None and known.offset > stm.offset:
                continue  # redefined by a later revision
            value, end = parse_value(body, first + off)
            pdf.objects[num] = PdfObject(num, value, head=body[first + off : end], offset=stm.offset)
    except (PdfReadError, KeyError, ValueError, IndexError, zlib.error):
        return
