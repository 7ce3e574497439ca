"""Reading a letter PDF back: pages, their visible text and vector rectangles, the info dictionary, attachments.

Works on the file as this app wrote it and on copies other programs re-saved (object streams, Type0 fonts
with two-byte codes, Form XObjects, inherited page attributes), so verification can tell "re-saved" from
"edited". Text is read through each font's ToUnicode map, in the order the page draws it.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from qt_app.reports.pdf_objects import (
    Name,
    PdfFile,
    PdfObject,
    PdfReadError,
    Ref,
    hex_string,
    literal_string,
    read_objects,
)

__all__ = ["Page", "PdfFile", "PdfObject", "PdfReadError", "read_pdf"]

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def read_pdf(data: bytes) -> PdfFile:
    return read_objects(data)


def _text(value: Any) -> str:
    """A PDF text string: UTF-16BE with BOM, else PDFDocEncoding (≈ latin-1)."""
    if isinstance(value, bytes):
        if value.startswith(b"\xfe\xff"):
            return value[2:].decode("utf-16-be", errors="replace")
        return value.decode("latin-1")
    return "" if value is None else str(value)


def info_value(pdf: PdfFile, key: str) -> str | None:
    """A value from the document information dictionary (/Keywords, /Subject, /Producer …)."""
    info = pdf.dict(pdf.trailer.get("Info"))
    if not info:  # no trailer found: the dictionary that looks like one
        for obj in pdf.objects.values():
            d = obj.dict
            if obj.raw is None and ("Producer" in d or "Creator" in d) and "Type" not in d:
                info = d
    value = info.get(key)
    return _text(value) if isinstance(value, bytes) else None


def embedded_file(pdf: PdfFile, name: str) -> bytes | None:
    """The bytes of the attachment called `name` (an /EmbeddedFile referenced by a /Filespec)."""
    for obj in pdf.objects.values():
        d = obj.dict
        if d.get("Type") != "Filespec":
            continue
        if name not in (_text(d.get("F")), _text(d.get("UF"))):
            continue
        ef = pdf.dict(d.get("EF"))
        target = ef.get("F") or ef.get("UF")
        if isinstance(target, Ref):
            return pdf.stream(target)
    return None


# -- pages -------------------------------------------------------------------------------------------------


@dataclass
class Page:
    obj: PdfObject
    attrs: dict[str, Any]  # with inherited /Resources /MediaBox /CropBox /Rotate resolved

    @property
    def box(self) -> tuple[float, float]:
        """Width and height of the visible area (CropBox, else MediaBox), in points."""
        box = self.attrs.get("CropBox") or self.attrs.get("MediaBox") or [0, 0, 612, 792]
        try:
            x0, y0, x1, y1 = (float(v) for v in box)
        except (TypeError, ValueError):
            return (0.0, 0.0)
        return (abs(x1 - x0), abs(y1 - y0))

    @property
    def rotate(self) -> int:
        try:
            return int(self.attrs.get("Rotate") or 0) % 360
        except (TypeError, ValueError):
            return 0


_INHERITED = ("Resources", "MediaBox", "CropBox", "Rotate")


def pages(pdf: PdfFile) -> list[Page]:
    """Pages in order, walking the page tree from the catalogue (inherited attributes applied)."""
    root = pdf.dict(pdf.trailer.get("Root"))
    top = root.get("Pages")
    if not isinstance(top, Ref):  # no trailer: the page tree node nobody points to
        kids = {k.num for o in pdf.objects.values() for k in o.dict.get("Kids", []) if isinstance(k, Ref)}
        tops = [o for o in pdf.objects.values() if o.dict.get("Type") == "Pages" and o.num not in kids]
        top = Ref(tops[0].num) if tops else None
    out: list[Page] = []

    def walk(ref: Any, inherited: dict[str, Any], depth: int) -> None:
        obj = pdf.obj(ref)
        if obj is None or depth > 32:
            return
        d = obj.dict
        attrs = dict(inherited)
        for key in _INHERITED:
            if key in d:
                attrs[key] = pdf.get(d[key])
        if d.get("Type") == "Pages" or "Kids" in d:
            for kid in pdf.get(d.get("Kids")) or []:
                walk(kid, attrs, depth + 1)
        else:
            out.append(Page(obj, attrs))

    walk(top, {}, 0)
    return out


def page_streams(pdf: PdfFile, page: Page) -> list[PdfObject]:
    """The page's content streams (one stream, or an array of them)."""
    contents = page.obj.dict.get("Contents")
    one = pdf.obj(contents)
    if one is not None and one.raw is not None:
        return [one]
    refs = pdf.get(contents)
    out = []
    for ref in refs if isinstance(refs, list) else []:
        obj = pdf.obj(ref)
        if obj is not None and obj.raw is not None:
            out.append(obj)
    return out


def page_content(pdf: PdfFile, page: Page) -> bytes:
    return b"\n".join(obj.stream() for obj in page_streams(pdf, page))


# -- fonts --------------------------------------------------------------------------------------------------


@dataclass
class FontMap:
    """How a font's codes become text: byte width of a code and the ToUnicode table (None: latin-1)."""

    width: int = 1
    table: dict[int, str] | None = None

    def text(self, raw: bytes) -> str:
        if self.table is None:
            return raw.decode("latin-1")
        w = self.width
        get = self.table.get
        if w == 1:
            return "".join(get(b, "\ufffd") for b in raw)
        return "".join(get(int.from_bytes(raw[i : i + w], "big"), "\ufffd") for i in range(0, len(raw), w))


def _utf16(hexdigits: bytes) -> str:
    return bytes.fromhex(hexdigits.decode("ascii")).decode("utf-16-be", errors="replace")


def parse_cmap(data: bytes) -> dict[int, str]:
    """A ToUnicode CMap: bfchar and bfrange (both forms), UTF-16BE destinations (surrogate pairs allowed)."""
    out: dict[int, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        for src, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
            out[int(src, 16)] = _utf16(dst)
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
        for lo, hi, rest in re.findall(
            rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]*>)", block
        ):
            start, stop = int(lo, 16), int(hi, 16)
            if rest.startswith(b"["):
                for k, dst in enumerate(re.findall(rb"<([0-9A-Fa-f]*)>", rest)):
                    out[start + k] = _utf16(dst)
                continue
            base = _utf16(rest[1:-1])
            if not base:
                continue
            for k, code in enumerate(range(start, min(stop, start + 0xFFFF) + 1)):
                out[code] = base[:-1] + chr(ord(base[-1]) + k)
    return out


def font_map(pdf: PdfFile, font: dict[str, Any]) -> FontMap:
    width = 2 if font.get("Subtype") == "Type0" else 1
    tu = font.get("ToUnicode")
    if isinstance(tu, Ref):
        try:
            return FontMap(width, parse_cmap(pdf.stream(tu)))
        except (PdfReadError, zlib.error, ValueError):
            return FontMap(width, {})
    return FontMap(width, None if width == 1 else {})


def resource_fonts(pdf: PdfFile, resources: dict[str, Any], cache: dict[int, FontMap]) -> dict[str, FontMap]:
    out: dict[str, FontMap] = {}
    for name, ref in pdf.dict(resources.get("Font")).items():
        key = ref.num if isinstance(ref, Ref) else id(ref)
        if key not in cache:
            cache[key] = font_map(pdf, pdf.dict(ref))
        out[name] = cache[key]
    return out


# -- content streams ----------------------------------------------------------------------------------------

_OPERAND_END = b"()<>[]{}/%" + b" \t\r\n\x0c\x00"


_TOKEN = re.compile(
    rb"""[\x00\t\n\x0c\r ]*(?:
      (?P<str>\((?:[^()\\]|\\.)*\))                 # a literal string without nested brackets
     |(?P<name>/[^\x00\t\n\x0c\r ()<>\[\]{}/%]*)
     |(?P<num>[+-]?(?:\d+\.?\d*|\.\d+))(?![^\x00\t\n\x0c\r ()<>\[\]{}/%])
     |(?P<word>[^\x00\t\n\x0c\r ()<>\[\]{}/%]+)
     |(?P<open>\[)|(?P<close>\])
     |(?P<dict><<)
     |(?P<hex><)
     |(?P<comment>%[^\r\n]*)
     |(?P<other>[\s\S])
    )""",
    re.X,
)
_INLINE_IMAGE_END = re.compile(rb"\sEI(?=\s|$)")


def tokens(content: bytes) -> Iterator[tuple[str, list[Any]]]:
    """(operator, operands) in the order a content stream lists them; inline images are skipped."""
    operands: list[Any] = []
    stack: list[list[Any]] = []
    i, n = 0, len(content)
    match = _TOKEN.match
    while i < n:
        m = match(content, i)
        if m is None:
            break
        kind = m.lastgroup
        i = m.end()
        target = stack[-1] if stack else operands
        if kind == "num":
            text = m.group("num")
            target.append(float(text) if b"." in text else int(text))
        elif kind == "str":
            raw = m.group("str")
            target.append(raw[1:-1] if b"\\" not in raw else literal_string(raw, 0)[0])
        elif kind == "word":
            op = m.group("word").decode("latin-1")
            if op == "BI":  # inline image: skip to EI
                end = _INLINE_IMAGE_END.search(content, i)
                i = end.end() if end else n
                operands = []
                continue
            yield op, operands
            operands = []
            stack = []
        elif kind == "name":
            target.append(Name(m.group("name")[1:].decode("latin-1")))
        elif kind == "open":
            stack.append([])
        elif kind == "close":
            done = stack.pop() if stack else []
            (stack[-1] if stack else operands).append(done)
        elif kind == "dict":  # inline dictionary (BDC properties): skip it
            depth = 1
            while i < n and depth:
                if content[i : i + 2] == b"<<":
                    depth, i = depth + 1, i + 2
                elif content[i : i + 2] == b">>":
                    depth, i = depth - 1, i + 2
                else:
                    i += 1
            target.append({})
        elif kind == "hex":
            s, i = hex_string(content, m.start("hex"))
            target.append(s)
        elif kind == "other" and m.group("other") == b"(":  # a string with nested brackets
            s, i = literal_string(content, m.start("other"))
            target.append(s)


def _mul(a: Matrix, b: Matrix) -> Matrix:
    return (
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    )


@dataclass
class _State:
    ctm: Matrix = IDENTITY
    render: int = 0  # text render mode (3 and 7 draw nothing)
    font: FontMap = field(default_factory=lambda: FontMap())  # Tf is graphics state: q/Q save it


@dataclass
class PageScan:
    """What a page shows: its text in drawing order, and the axis-aligned rectangles it fills."""

    text: list[str] = field(default_factory=list)
    rects: list[list[tuple[float, float, float, float]]] = field(default_factory=list)  # one list per fill


def _num(v: Any) -> float:
    return float(v) if isinstance(v, (int, float)) else 0.0


def scan_content(
    pdf: PdfFile,
    content: bytes,
    resources: dict[str, Any],
    out: PageScan,
    *,
    want_rects: bool = False,
    ctm: Matrix = IDENTITY,
    depth: int = 0,
    font_cache: dict[int, FontMap] | None = None,
    fonts_for: Callable[[dict[str, Any]], dict[str, FontMap]] | None = None,
) -> None:
    """Walk a content stream (and the forms it draws) collecting visible text, and filled rectangles if asked."""
    cache: dict[int, FontMap] = {} if font_cache is None else font_cache
    fonts = fonts_for(resources) if fonts_for else resource_fonts(pdf, resources, cache)
    state = _State(ctm)
    saved: list[_State] = []
    path: list[tuple[float, float, float, float]] = []
    sub: list[tuple[float, float]] = []
    shapes_ok = True

    def point(x: float, y: float) -> tuple[float, float]:
        m = state.ctm
        return (x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5])

    def close_sub() -> None:
        nonlocal shapes_ok
        pts = sub[:-1] if len(sub) == 5 and sub[0] == sub[-1] else sub
        if len(pts) == 4:
            xs = sorted({round(p[0], 2) for p in pts})
            ys = sorted({round(p[1], 2) for p in pts})
            if len(xs) == 2 and len(ys) == 2:
                path.append((xs[0], ys[0], xs[1] - xs[0], ys[1] - ys[0]))
            else:
                shapes_ok = False
        elif len(pts) > 1:  # a lone moveto (cairo ends paths with one) draws nothing
            shapes_ok = False
        sub.clear()

    for op, args in tokens(content):
        if op in ("Tj", "'", '"'):
            if args and isinstance(args[-1], bytes) and state.render not in (3, 7):
                out.text.append(state.font.text(args[-1]))
        elif op == "TJ":
            if args and isinstance(args[-1], list) and state.render not in (3, 7):
                out.text.extend(state.font.text(x) for x in args[-1] if isinstance(x, bytes))
        elif op == "Tf":
            if args and isinstance(args[0], str):
                state.font = fonts.get(args[0], FontMap())
        elif op == "Tr":
            state.render = int(_num(args[0])) if args else 0
        elif op == "q":
            saved.append(_State(state.ctm, state.render, state.font))
        elif op == "Q":
            if saved:
                state = saved.pop()
        elif op == "cm":
            if len(args) == 6:
                state.ctm = _mul(tuple(_num(a) for a in args), state.ctm)  # type: ignore[arg-type]
        elif op == "Do":
            if depth < 8 and args and isinstance(args[0], str):
                xobj = pdf.dict(resources.get("XObject")).get(args[0])
                form = pdf.obj(xobj)
                if form is not None and form.dict.get("Subtype") == "Form":
                    m = form.dict.get("Matrix")
                    fm = tuple(_num(v) for v in m) if isinstance(m, list) and len(m) == 6 else IDENTITY
                    res = pdf.dict(form.dict.get("Resources")) or resources
                    try:
                        body = form.stream()
                    except (PdfReadError, zlib.error, ValueError):
                        continue
                    scan_content(
                        pdf,
                        body,
                        res,
                        out,
                        want_rects=want_rects,
                        ctm=_mul(fm, state.ctm),  # type: ignore[arg-type]
                        depth=depth + 1,
                        font_cache=cache,
                    )
        elif not want_rects:
            continue
        elif op == "re" and len(args) == 4:
            x, y, w, h = (_num(a) for a in args)
            corners = [point(x, y), point(x + w, y), point(x + w, y + h), point(x, y + h)]
            sub.clear()
            sub.extend(corners)
            close_sub()
        elif op == "m" and len(args) == 2:
            close_sub()
            sub.append(point(_num(args[0]), _num(args[1])))
        elif op == "l" and len(args) == 2:
            sub.append(point(_num(args[0]), _num(args[1])))
        elif op in ("c", "v", "y"):
            shapes_ok = False
            sub.clear()
        elif op == "h":
            close_sub()
        elif op in ("f", "F", "f*", "B", "B*", "b", "b*"):
            close_sub()
            if path and shapes_ok:
                out.rects.append(list(path))
            path.clear()
            shapes_ok = True
        elif op in ("n", "S", "s"):
            sub.clear()
            path.clear()
            shapes_ok = True


def scan_page(pdf: PdfFile, page: Page, *, want_rects: bool = False) -> PageScan:
    out = PageScan()
    resources = pdf.dict(page.attrs.get("Resources"))
    scan_content(pdf, page_content(pdf, page), resources, out, want_rects=want_rects)
    return out


def visible_text(pdf: PdfFile) -> list[str]:
    """The text of each page in drawing order (no layout; whitespace as the file has it)."""
    return ["".join(scan_page(pdf, page).text) for page in pages(pdf)]


def has_unpacked_structure(pdf: PdfFile) -> bool:
    """True when the file is one revision of plain objects (as this app writes it)."""
    return pdf.revisions == 1 and not pdf.object_streams


__all__ += [
    "FontMap",
    "PageScan",
    "embedded_file",
    "info_value",
    "pages",
    "parse_cmap",
    "scan_page",
    "tokens",
]
