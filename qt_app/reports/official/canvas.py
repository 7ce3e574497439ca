"""Building an official PDF in one pass: page furniture, the per-page digest, the signature, the QR code.

`build_pdf(story, spec)` lays the story out on GB/T 9704 pages. When the canvas saves, every page gets its
furniture (page number "— 2 —", footer with 共 N 页, running head); then each page's visible text is read
back from its content stream exactly as a verifier reads the finished file, digested (see `digest`), and
`spec.sign` turns the digests into the payload that the QR code (a form drawn where `QrSlot` stands) and the
file's /Keywords carry. Same story and spec → same bytes.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFStream, PDFString, PDFZCompress
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from qt_app.reports import pdf_read
from qt_app.reports.official import fonts
from qt_app.reports.official.digest import PageView, page_digest_list
from qt_app.reports.official.qr import draw_qr
from qt_app.reports.official.styles import (
    BODY_H,
    BODY_W,
    BOTTOM_RULE_Y,
    CHAR,
    FOOTER_Y,
    GREY,
    LETTERHEAD_TOP,
    LINE,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_TOP,
    PAGE_H,
    PAGE_NUMBER_Y,
    PAGE_W,
    RED,
    RULE_LEN,
    SIZE_3,
    SIZE_4,
)

QR_FORM = "ODVerifyQR"
SEAL_MARK = "ODSEAL:"  # in /Keywords after the payload: the signature over the whole file
SEAL_HEX = 128  # an Ed25519 signature in hex
FILE_DOMAIN = b"ODF1"


@dataclass(frozen=True)
class Letterhead:
    """版头 of a 信函: the issuing body in red over a double rule, the 文号 (or a draft mark) under it."""

    office: str
    office_en: str = ""
    number: str = ""


@dataclass(frozen=True)
class Attachment:
    name: str
    data: bytes
    description: str
    mime: str = "application/json"


@dataclass
class DocSpec:
    """Everything about a document that is not its story."""

    title: str
    author: str
    creator: str
    letterhead: Letterhead | None = None
    running_head: str = ""  # from page 2, top right
    footer: str = ""  # every page, bottom left; 共 N 页 is added
    bilingual: bool = False
    draft: bool = False
    subject_prefix: str = ""
    attachments: Sequence[Attachment] = ()
    sign: Callable[[list[PageView]], str] | None = None  # page views → payload text (QR and /Keywords)
    seal: Callable[[bytes], bytes] | None = None  # message → signature: the file seal (see `seal_file`)
    typesetter: fonts.Typesetter = field(default_factory=fonts.Typesetter)
    # filled in by the build
    pages: list[PageView] = field(default_factory=list)
    payload: str = ""


@dataclass(frozen=True)
class Built:
    pdf: bytes
    pages: list[PageView]
    payload: str


# -- furniture ----------------------------------------------------------------------------------------------


def _fit_size(ts: fonts.Typesetter, text: str, chain: fonts.Chain, size: float, width: float) -> float:
    while size > 12 and ts.width(text, chain, size) > width:
        size -= 1
    return size


def _shorten(ts: fonts.Typesetter, text: str, chain: fonts.Chain, size: float, width: float) -> str:
    """A one-line label cut with … so it never runs past the margin (the body still has all of it)."""
    if ts.width(text, chain, size) <= width:
        return text
    while text and ts.width(text + "…", chain, size) > width:
        text = text[:-1]
    return text + "…"


def _draw_centred(
    canv: Canvas, ts: fonts.Typesetter, y: float, text: str, chain: fonts.Chain, size: float
) -> None:
    w = ts.width(text, chain, size)
    ts.draw(canv, (PAGE_W - w) / 2, y, text, chain, size)


def _draw_right(
    canv: Canvas, ts: fonts.Typesetter, x: float, y: float, text: str, chain: fonts.Chain, size: float
) -> None:
    ts.draw(canv, x - ts.width(text, chain, size), y, text, chain, size)


def letterhead_bottom(head: Letterhead, bilingual: bool) -> float:
    """Where the frame of page 1 starts (y from the bottom): under the 文号 line."""
    return float(_number_baseline(head, bilingual) - 0.45 * LINE)


def _office_size(head: Letterhead, ts: fonts.Typesetter) -> float:
    return _fit_size(ts, head.office, fonts.TITLE, 36, BODY_W)


def _rule_y(head: Letterhead, bilingual: bool) -> float:
    size = 36.0  # layout uses the nominal size so the frame does not move with the name's length
    baseline = PAGE_H - LETTERHEAD_TOP - size * 0.88
    return float(baseline - size * 0.12 - 4 * mm - (13 if bilingual and head.office_en else 0))


def _number_baseline(head: Letterhead, bilingual: bool) -> float:
    return float(_rule_y(head, bilingual) - 4 * mm - SIZE_3 * 0.85)


def _double_rule(canv: Canvas, y: float, thick_first: bool) -> None:
    x0 = (PAGE_W - RULE_LEN) / 2
    canv.setStrokeColor(RED)
    for dy, width in ((0, 2.0), (-3.2, 0.7)) if thick_first else ((0, 0.7), (-3.2, 2.0)):
        canv.setLineWidth(width)
        canv.line(x0, y + dy, x0 + RULE_LEN, y + dy)


def draw_letterhead(canv: Canvas, head: Letterhead, bilingual: bool, ts: fonts.Typesetter) -> None:
    canv.saveState()
    size = _office_size(head, ts)
    baseline = PAGE_H - LETTERHEAD_TOP - size * 0.88
    canv.setFillColor(RED)
    _draw_centred(canv, ts, baseline, head.office, fonts.TITLE, size)
    if bilingual and head.office_en:
        _draw_centred(canv, ts, baseline - size * 0.12 - 11, head.office_en, fonts.LATIN, 10)
    rule = _rule_y(head, bilingual)
    _double_rule(canv, rule, thick_first=True)
    _double_rule(canv, BOTTOM_RULE_Y, thick_first=False)
    canv.setFillColorRGB(0, 0, 0)
    if head.number:
        _draw_right(
            canv, ts, MARGIN_LEFT + BODY_W, _number_baseline(head, bilingual), head.number, fonts.BODY, SIZE_3
        )
    canv.restoreState()


def draw_watermark(canv: Canvas, ts: fonts.Typesetter, bilingual: bool) -> None:
    """草稿 under everything (a light grey, no transparency: copies keep it as text)."""
    canv.saveState()
    canv.setFillColorRGB(0.87, 0.87, 0.87)
    canv.translate(PAGE_W / 2, PAGE_H / 2)
    canv.rotate(35)
    w = ts.width("草稿", fonts.TITLE, 120)
    ts.draw(canv, -w / 2, 0, "草稿", fonts.TITLE, 120)
    w = ts.width("DRAFT", fonts.LATIN_BOLD, 56)
    ts.draw(canv, -w / 2, -72, "DRAFT", fonts.LATIN_BOLD, 56)
    canv.restoreState()


def _page_number(canv: Canvas, ts: fonts.Typesetter, number: int) -> None:
    """— 2 —: 4号 half-width numerals; odd pages right, even pages left, one character in (GB/T 9704 §7.5)."""
    text = f"— {number} —"
    if number % 2:
        _draw_right(canv, ts, MARGIN_LEFT + BODY_W - CHAR, PAGE_NUMBER_Y, text, fonts.LATIN, SIZE_4)
    else:
        ts.draw(canv, MARGIN_LEFT + CHAR, PAGE_NUMBER_Y, text, fonts.LATIN, SIZE_4)


# -- page text as a verifier reads it -----------------------------------------------------------------------


def _font_maps(doc: Any) -> dict[str, pdf_read.FontMap]:
    """Resource name (F3+1) → code → character, from reportlab's subsets: what ToUnicode will say."""
    out: dict[str, pdf_read.FontMap] = {}
    for face in fonts.ALL_FACES:
        if face.name not in pdfmetrics.getRegisteredFontNames():
            continue
        font = pdfmetrics.getFont(face.name)
        state = getattr(font, "state", {}).get(doc)
        if state is None or not state.internalName:
            continue
        for k, subset in enumerate(state.subsets):
            out[f"{state.internalName}+{k}"] = pdf_read.FontMap(1, {i: chr(u) for i, u in enumerate(subset)})
    return out


def _page_text(code: str, maps: dict[str, pdf_read.FontMap]) -> str:
    scan = pdf_read.PageScan()
    pdf_read.scan_content(
        pdf_read.PdfFile(b""), code.encode("latin-1"), {}, scan, fonts_for=lambda _res: maps
    )
    return "".join(scan.text)


# -- the canvas ---------------------------------------------------------------------------------------------


def _canvas_class(spec: DocSpec) -> type[Canvas]:
    ts = spec.typesetter

    class OfficialCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            views: list[PageView] = []
            for number, state in enumerate(self._pages, 1):
                self.__dict__.update(state)
                self._furniture(number, total)
                maps = _font_maps(self._doc)
                views.append(PageView(PAGE_W, PAGE_H, 0, _page_text("\n".join(self._code), maps)))
                super().showPage()
            spec.pages = views
            if spec.sign is not None:
                spec.payload = spec.sign(views)
                placeholder = f" {SEAL_MARK}{'0' * SEAL_HEX}" if spec.seal is not None else ""
                self.setKeywords(spec.payload + placeholder)
                self.setSubject(f"{spec.subject_prefix} pages {page_digest_list(views)}".strip())
                self.beginForm(QR_FORM, lowerx=0, lowery=0, upperx=1, uppery=1)
                draw_qr(self, spec.payload, 1.0)
                self.endForm()
            self._embed()
            super().save()

        def _furniture(self, number: int, total: int) -> None:
            self.saveState()
            self.setFillColor(GREY)
            if number > 1:
                self.setFillColorRGB(0, 0, 0)
                _page_number(self, ts, number)
                self.setFillColor(GREY)
                if spec.running_head:
                    head = _shorten(ts, spec.running_head, fonts.BODY, 8, BODY_W)
                    _draw_right(self, ts, MARGIN_LEFT + BODY_W, PAGE_H - MARGIN_TOP + 14, head, fonts.BODY, 8)
            tail = f"共 {total} 页" + (f" · {total} page{'s' if total > 1 else ''}" if spec.bilingual else "")
            footer = f"{spec.footer}  ·  {tail}" if spec.footer else tail
            ts.draw(self, MARGIN_LEFT, FOOTER_Y, footer, fonts.BODY, 7.5)
            self.restoreState()

        def _embed(self) -> None:
            if not spec.attachments:
                return
            doc = self._doc
            names: list[Any] = []
            for att in spec.attachments:
                stream = PDFStream(
                    PDFDictionary(
                        {"Type": PDFName("EmbeddedFile"), "Subtype": PDFName(att.mime.replace("/", "#2F"))}
                    ),
                    content=att.data,
                    filters=[PDFZCompress],
                )
                filespec = PDFDictionary(
                    {
                        "Type": PDFName("Filespec"),
                        "F": PDFString(att.name),
                        "UF": PDFString(att.name),
                        "Desc": PDFString(att.description),
                        "EF": PDFDictionary({"F": doc.Reference(stream)}),
                    }
                )
                names += [PDFString(att.name), doc.Reference(filespec)]
            self.setCatalogEntry(
                "Names", PDFDictionary({"EmbeddedFiles": PDFDictionary({"Names": PDFArray(names)})})
            )

    return OfficialCanvas


class QrSlot(Flowable):  # type: ignore[misc]
    """Where the verification QR code goes; drawn at save time, once the pages' digests are signed."""

    def __init__(self, size: float) -> None:
        super().__init__()
        self.size = size

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        draw_qr_slot(self.canv, 0, 0, self.size)


def draw_qr_slot(canv: Canvas, x: float, y: float, size: float) -> None:
    canv.saveState()
    canv.translate(x, y)
    canv.scale(size, size)
    canv.doForm(QR_FORM)
    canv.restoreState()


def build_pdf(story: list[Flowable], spec: DocSpec) -> Built:
    """Lay out `story` on GB/T 9704 pages (信函 letterhead on page 1 when the spec has one) and seal it."""
    ts = spec.typesetter
    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf,
        pagesize=(PAGE_W, PAGE_H),
        leftMargin=MARGIN_LEFT,
        rightMargin=PAGE_W - MARGIN_LEFT - BODY_W,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=spec.title,
        author=spec.author,
        subject=spec.subject_prefix,
        creator=spec.creator,
        invariant=1,
        initialFontName=fonts.font_name(fonts.FANGSONG),
        lang="zh-CN",
    )

    def begin(canv: Canvas, _doc: BaseDocTemplate) -> None:
        if spec.draft:
            draw_watermark(canv, ts, spec.bilingual)
        if spec.letterhead is not None and canv.getPageNumber() == 1:
            draw_letterhead(canv, spec.letterhead, spec.bilingual, ts)

    full = Frame(MARGIN_LEFT, MARGIN_BOTTOM, BODY_W, BODY_H, id="body", leftPadding=0, rightPadding=0,
                 topPadding=0, bottomPadding=0)  # fmt: skip
    templates = [PageTemplate(id="later", frames=[full], onPage=begin)]
    if spec.letterhead is not None:
        top = letterhead_bottom(spec.letterhead, spec.bilingual)
        first = Frame(MARGIN_LEFT, MARGIN_BOTTOM, BODY_W, top - MARGIN_BOTTOM, id="first", leftPadding=0,
                      rightPadding=0, topPadding=0, bottomPadding=0)  # fmt: skip
        templates.insert(
            0, PageTemplate(id="first", frames=[first], onPage=begin, autoNextPageTemplate="later")
        )
    doc.addPageTemplates(templates)
    doc.build(story, canvasmaker=_canvas_class(spec))
    data = buf.getvalue()
    if spec.seal is not None and spec.payload:
        data = seal_file(data, spec.seal)
    return Built(data, spec.pages, spec.payload)


def file_message(data: bytes) -> tuple[bytes, int] | None:
    """What the file seal signs — the whole file with the seal's own hex digits zeroed — and where they are."""
    mark = data.find(SEAL_MARK.encode("ascii"))
    if mark < 0:
        return None
    start = mark + len(SEAL_MARK)
    blank = data[:start] + b"0" * SEAL_HEX + data[start + SEAL_HEX :]
    return FILE_DOMAIN + hashlib.sha256(blank).digest(), start


def seal_file(data: bytes, sign: Callable[[bytes], bytes]) -> bytes:
    """Sign every byte of the finished file and write the signature into its placeholder (same length, so
    offsets stay valid): a verifier can then tell the file as issued from a re-saved or edited copy."""
    found = file_message(data)
    if found is None:
        return data
    message, start = found
    return data[:start] + sign(message).hex().encode("ascii") + data[start + SEAL_HEX :]
