"""A minimal PDF reader for letters this app wrote: objects, streams, the embedded snapshot, visible text.

Not a general PDF parser: enough to read back what reportlab writes (plain objects, Flate/ASCII85
streams, TrueType subsets with ToUnicode maps) without poppler or an image decoder on the user's machine.
"""

from __future__ import annotations

import base64
import re
import zlib
from dataclasses import dataclass, field

_OBJ = re.compile(rb"(\d+)\s+(\d+)\s+obj\b")
_DICT_END = re.compile(rb"stream\r?\n|endobj")
_LENGTH = re.compile(rb"/Length\s+(\d+)(?!\s+\d+\s+R)")
_FILTERS = re.compile(rb"/Filter\s*(\[[^\]]*\]|/\w+)")
_REF = re.compile(rb"(\d+)\s+0\s+R")


class PdfReadError(Exception):
    """The bytes are not a PDF this reader understands."""


@dataclass
class PdfObject:
    num: int
    head: bytes  # the dictionary (or value) text
    raw: bytes | None = None  # stream bytes as stored, if any

    def stream(self) -> bytes:
        """The stream decoded through its filters (Flate, ASCII85)."""
        if self.raw is None:
            return b""
        data = self.raw
        m = _FILTERS.search(self.head)
        names = re.findall(rb"/(\w+)", m.group(1)) if m else []
        for name in names:
            if name in (b"ASCII85Decode", b"A85"):
                body = data.strip()
                if not body.endswith(b"~>"):
                    body += b"~>"
                data = base64.a85decode(body, adobe=True, ignorechars=b" \t\n\r\x0b")
            elif name in (b"FlateDecode", b"Fl"):
                data = zlib.decompress(data)
            else:
                raise PdfReadError(f"unsupported filter {name!r}")
        return data


@dataclass
class PdfFile:
    objects: dict[int, PdfObject] = field(default_factory=dict)

    def find(self, marker: bytes) -> list[PdfObject]:
        return [o for o in self.objects.values() if marker in o.head]

    def ref(self, text: bytes, key: bytes) -> PdfObject | None:
        m = re.search(rb"/" + key + rb"\s+(\d+)\s+0\s+R", text)
        return self.objects.get(int(m.group(1))) if m else None


def read_pdf(data: bytes) -> PdfFile:
    """Split the file into numbered objects, reading each stream by its /Length."""
    if not data.startswith(b"%PDF-"):
        raise PdfReadError("not a PDF file")
    pdf = PdfFile()
    pos = 0
    while True:
        m = _OBJ.search(data, pos)
        if not m:
            break
        end = _DICT_END.search(data, m.end())
        if not end:
            break
        head = data[m.end() : end.start()]
        num = int(m.group(1))
        if end.group(0).startswith(b"stream"):
            length = _LENGTH.search(head)
            if not length:
                raise PdfReadError(f"object {num}: stream without a direct /Length")
            start = end.end()
            raw = data[start : start + int(length.group(1))]
            pdf.objects[num] = PdfObject(num, head, raw)
            close = data.find(b"endobj", start + len(raw))
            pos = close + 6 if close >= 0 else len(data)
        else:
            pdf.objects[num] = PdfObject(num, head)
            pos = end.end()
    if not pdf.objects:
        raise PdfReadError("no objects found")
    return pdf


# -- strings ------------------------------------------------------------------------------------------------

_ESCAPES = {ord("n"): 10, ord("r"): 13, ord("t"): 9, ord("b"): 8, ord("f"): 12}


def _literal(data: bytes, i: int) -> tuple[bytes, int]:
    """Read a (literal string) starting at data[i] == '('; return its bytes and the index after it."""
    out = bytearray()
    depth = 1
    i += 1
    while i < len(data):
        ch = data[i]
        if ch == 0x5C:  # backslash
            i += 1
            nxt = data[i]
            if nxt in _ESCAPES:
                out.append(_ESCAPES[nxt])
            elif 0x30 <= nxt <= 0x37:
                digits = data[i : i + 3]
                n = 0
                k = 0
                while k < len(digits) and 0x30 <= digits[k] <= 0x37:
                    n = n * 8 + digits[k] - 0x30
                    k += 1
                out.append(n & 0xFF)
                i += k - 1
            elif nxt in (0x0A, 0x0D):
                pass  # line continuation
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


def _hex(data: bytes, i: int) -> tuple[bytes, int]:
    end = data.index(b">", i)
    digits = re.sub(rb"\s", b"", data[i + 1 : end])
    if len(digits) % 2:
        digits += b"0"
    return bytes.fromhex(digits.decode("ascii")), end + 1


def pdf_string(data: bytes) -> str:
    """Decode a PDF text string value: (literal) or <hex>, PDFDocEncoding/latin-1 or UTF-16BE with BOM."""
    data = data.strip()
    if data.startswith(b"("):
        raw, _ = _literal(data, 0)
    elif data.startswith(b"<"):
        raw, _ = _hex(data, 0)
    else:
        raise PdfReadError("not a string")
    if raw.startswith(b"\xfe\xff"):
        return raw[2:].decode("utf-16-be", errors="replace")
    return raw.decode("latin-1")


def info_value(pdf: PdfFile, key: str) -> str | None:
    """A value from the document information dictionary (/Keywords, /Subject, …)."""
    pat = re.compile(rb"/" + key.encode() + rb"\s*(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>)", re.S)
    for obj in pdf.objects.values():
        if obj.raw is None and (b"/Producer" in obj.head or b"/Creator" in obj.head):
            m = pat.search(obj.head)
            if m:
                return pdf_string(m.group(1))
    return None


def embedded_file(pdf: PdfFile, name: str) -> bytes | None:
    """The bytes of the attachment called `name` (an /EmbeddedFile stream referenced by a /Filespec)."""
    literal = b"(" + name.encode("ascii") + b")"
    for spec in pdf.find(b"/Filespec"):
        if literal in spec.head:
            ef = re.search(rb"/EF\s*<<\s*/F\s+(\d+)\s+0\s+R", spec.head)
            if ef and int(ef.group(1)) in pdf.objects:
                return pdf.objects[int(ef.group(1))].stream()
    return None


# -- visible text --------------------------------------------------------------------------------------------


def _cmap(data: bytes) -> dict[int, str]:
    out: dict[int, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        for src, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            out[int(src, 16)] = bytes.fromhex(dst.decode()).decode("utf-16-be", errors="replace")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
        for lo, hi, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            base = int(dst, 16)
            for k, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                out[code] = chr(base + k)
    return out


def _font_maps(pdf: PdfFile, page: PdfObject) -> dict[bytes, dict[int, str] | None]:
    """Resource name → code-to-text map for the fonts a page uses (None: no ToUnicode, read as latin-1)."""
    fonts_text = page.head
    res = pdf.ref(page.head, b"Resources")
    if res is not None:
        fonts_text = res.head
    fdict = pdf.ref(fonts_text, b"Font")
    if fdict is not None:
        fonts_text = fdict.head
    else:
        m = re.search(rb"/Font\s*<<(.*?)>>", fonts_text, re.S)
        fonts_text = m.group(1) if m else b""
    out: dict[bytes, dict[int, str] | None] = {}
    for name, num in re.findall(rb"/([^\s/<>\[\]()]+)\s+(\d+)\s+0\s+R", fonts_text):
        font = pdf.objects.get(int(num))
        if font is None:
            continue
        tu = pdf.ref(font.head, b"ToUnicode")
        out[name] = _cmap(tu.stream()) if tu is not None else None
    return out


_DELIMS = b"()<>[]{}/% \t\r\n\x0c\x00"


def _show(text: bytes, cmap: dict[int, str] | None) -> str:
    if cmap is None:
        return text.decode("latin-1")
    return "".join(cmap.get(b, "\ufffd") for b in text)


def content_text(content: bytes, fonts: dict[bytes, dict[int, str] | None]) -> str:
    """The text shown by a content stream (Tj, TJ, ', "), in stream order, without layout."""
    out: list[str] = []
    operands: list[object] = []
    array: list[object] | None = None
    font: dict[int, str] | None = None
    i, n = 0, len(content)
    while i < n:
        ch = content[i]
        if ch in b" \t\r\n\x0c\x00":
            i += 1
        elif ch == 0x25:  # % comment
            j = content.find(b"\n", i)
            i = n if j < 0 else j + 1
        elif ch == 0x28:
            s, i = _literal(content, i)
            (array if array is not None else operands).append(s)
        elif ch == 0x3C and content[i : i + 2] != b"<<":
            s, i = _hex(content, i)
            (array if array is not None else operands).append(s)
        elif ch == 0x5B:
            array = []
            i += 1
        elif ch == 0x5D:
            operands.append(array or [])
            array = None
            i += 1
        elif ch == 0x2F:
            j = i + 1
            while j < n and content[j] not in _DELIMS:
                j += 1
            (array if array is not None else operands).append(("name", content[i + 1 : j]))
            i = j
        else:
            j = i
            while j < n and content[j] not in _DELIMS:
                j += 1
            if j == i:  # a stray delimiter such as << >> { }
                i += 1
                continue
            token = content[i:j]
            i = j
            if re.fullmatch(rb"[+-]?(\d+\.?\d*|\.\d+)", token):
                (array if array is not None else operands).append(token)
                continue
            if token == b"Tf" and len(operands) >= 2 and isinstance(operands[-2], tuple):
                font = fonts.get(operands[-2][1])
            elif token in (b"Tj", b"'", b'"') and operands and isinstance(operands[-1], bytes):
                out.append(_show(operands[-1], font))
            elif token == b"TJ" and operands and isinstance(operands[-1], list):
                out.extend(_show(x, font) for x in operands[-1] if isinstance(x, bytes))
            elif token in (b"T*", b"Td", b"TD", b"ET"):
                out.append("\n")
            operands = []
    return "".join(out)


def page_contents(pdf: PdfFile) -> list[tuple[PdfObject, list[PdfObject]]]:
    """Pages in order, each with its content stream objects."""
    pages: list[PdfObject] = []
    for obj in pdf.find(b"/Kids"):
        if re.search(rb"/Type\s*/Pages", obj.head):
            kids = re.search(rb"/Kids\s*\[([^\]]*)\]", obj.head)
            if kids:
                pages += [pdf.objects[int(k)] for k in _REF.findall(kids.group(1)) if int(k) in pdf.objects]
            break
    out = []
    for page in pages:
        m = re.search(rb"/Contents\s*(\[[^\]]*\]|\d+\s+0\s+R)", page.head)
        refs = _REF.findall(m.group(1)) if m else []
        out.append((page, [pdf.objects[int(r)] for r in refs if int(r) in pdf.objects]))
    return out


def visible_text(pdf: PdfFile) -> list[str]:
    """The text of each page, as the viewer would draw it (whitespace and order not guaranteed)."""
    texts = []
    for page, contents in page_contents(pdf):
        fonts = _font_maps(pdf, page)
        texts.append("".join(content_text(c.stream(), fonts) for c in contents))
    return texts
