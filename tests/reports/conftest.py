"""Letters rendered once per session (rendering is the slow part) and poppler helpers to read them back."""

from __future__ import annotations

import re
import subprocess
import zlib
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from qt_app.reports import pdf_read
from qt_app.reports.signing import KeyRing
from qt_app.services.letters import render_letter
from tests.reports.factories import CONTACT, make_firm, make_package, make_policy, many_lines

ISSUE_DATE = date(2026, 3, 5)
DOC_NUMBER = "青招〔2026〕7号"
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "letters"


def pdftotext(pdf: Path, first: int | None = None, last: int | None = None, layout: bool = False) -> str:
    cmd = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else [])
    if first is not None:
        cmd += ["-f", str(first), "-l", str(last or first)]
    return subprocess.run([*cmd, str(pdf), "-"], check=True, capture_output=True, text=True).stdout


def page_count(pdf: Path) -> int:
    out = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


def squash(text: str) -> str:
    return "".join(text.split())


def edit_text(data: bytes, old: str, new: str) -> bytes:
    """Change printed text the way a PDF editor would: find `old` in a content stream through the fonts'
    ToUnicode maps, draw `new` in its place (switching to another subset of the same face for a character
    the first lacks), and leave everything else — metadata, signatures, offsets — as it was."""
    pdf = pdf_read.read_pdf(data)
    for page in pdf_read.pages(pdf):
        resources = pdf.dict(page.attrs.get("Resources"))
        fonts = pdf_read.resource_fonts(pdf, resources, {})
        for obj in pdf_read.page_streams(pdf, page):
            plain = obj.stream()
            for name, fmap in fonts.items():
                if not fmap.table or fmap.width != 1:
                    continue
                rev = {v: k for k, v in fmap.table.items()}
                if not all(ch in rev for ch in old):
                    continue
                at = plain.find(_esc(bytes(rev[ch] for ch in old)))
                if at < 0:
                    continue
                tf = list(re.finditer(rb"/" + re.escape(name.encode()) + rb" ([\d.]+) Tf", plain[:at]))
                if not tf:
                    continue
                size = tf[-1].group(1)
                runs = b""
                for ch in new:
                    where = (
                        name
                        if ch in rev
                        else next(n for n, m in fonts.items() if m.table and ch in m.table.values())
                    )
                    code = {v: k for k, v in fonts[where].table.items()}[ch]  # type: ignore[union-attr]
                    runs += b") Tj /%s %s Tf (%s) Tj /%s %s Tf (" % (
                        where.encode(),
                        size,
                        _esc(bytes([code])),
                        name.encode(),
                        size,
                    )
                edited = plain[:at] + runs + plain[at + len(_esc(bytes(rev[ch] for ch in old))) :]
                return _replace_stream(data, obj, edited)
    raise AssertionError(f"{old!r} is not printed in one font subset")


def _esc(b: bytes) -> bytes:
    """How bytes appear inside a PDF literal string as reportlab writes it (octal escapes)."""
    out = bytearray()
    for ch in b:
        if ch in b"()\\":
            out += b"\\" + bytes([ch])
        elif 32 <= ch < 127:
            out.append(ch)
        else:
            out += b"\\%03o" % ch
    return bytes(out)


def _replace_stream(data: bytes, obj: pdf_read.PdfObject, new_plain: bytes) -> bytes:
    """Re-encode an edited stream (offsets are left stale, as a careless editor would)."""
    encoded = zlib.compress(new_plain)
    assert obj.raw is not None
    start = obj.raw_start
    head_end = data.rfind(b"stream", 0, start)
    head_start = data.rfind(b"obj", 0, head_end)
    head = re.sub(rb"/Length\s+\d+", b"/Length %d" % len(encoded), data[head_start:head_end])
    return data[:head_start] + head + b"stream\n" + encoded + data[start + len(obj.raw) :]


@pytest.fixture(scope="session")
def session_keys(tmp_path_factory: pytest.TempPathFactory) -> KeyRing:
    return KeyRing(tmp_path_factory.mktemp("keys-data"))


@pytest.fixture(scope="session")
def write_letter(tmp_path_factory: pytest.TempPathFactory, session_keys: KeyRing) -> Callable[..., Path]:
    folder = tmp_path_factory.mktemp("letters")
    cache: dict[str, Path] = {}

    def make(key: str, **kw: object) -> Path:
        if key in cache:
            return cache[key]
        firm = kw.pop("firm", None) or make_firm()
        package = kw.pop("package", None) or make_package(firm)  # type: ignore[arg-type]
        draft = bool(kw.pop("draft", False))
        settings = kw.pop("settings", CONTACT)
        pdf = render_letter(
            firm,  # type: ignore[arg-type]
            None,
            package,  # type: ignore[arg-type]
            make_policy(),
            settings,  # type: ignore[arg-type]
            str(kw.pop("language", "zh")),
            draft,
            letter_id=f"l-{zlib.crc32(key.encode()):016x}",
            doc_number=DOC_NUMBER,
            issue_date=ISSUE_DATE,
            keyring=session_keys,
        )
        path = folder / f"{key}.pdf"
        path.write_bytes(pdf)
        cache[key] = path
        return path

    return make


@pytest.fixture(scope="session")
def issued_pdf(write_letter: Callable[..., Path]) -> Path:
    return write_letter("issued")


@pytest.fixture(scope="session")
def long_pdf(write_letter: Callable[..., Path]) -> Path:
    firm = make_firm()
    return write_letter("long", package=make_package(firm, many_lines(40)))


__all__ = [
    "DOC_NUMBER",
    "FIXTURES",
    "ISSUE_DATE",
    "edit_text",
    "many_lines",
    "page_count",
    "pdftotext",
    "squash",
]
