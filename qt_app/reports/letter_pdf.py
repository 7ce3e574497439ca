"""The offer letter PDF (政策兑现告知函): A4, official layout after GB/T 9704, rendered from a snapshot.

Everything prints in the bundled CJK font (embedded subset). All user text is XML-escaped before it
reaches a Paragraph, so `A&B <科技>` prints as typed. The snapshot JSON and the signed payload are
embedded in the file (attachment `letter-snapshot.json`, Keywords) so `verify FILE.pdf` needs no image
decoder.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFStream, PDFString, PDFZCompress
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Spacer,
)

from qt_app.reports.fonts import ensure_font
from qt_app.reports.letter_sections import (
    LetterContext,
    RedHeader,
    basis_section,
    conditions_section,
    not_given_section,
    notes_section,
    schedule_section,
    signatures_section,
    totals_section,
)
from qt_app.reports.letter_style import (
    BODY_W,
    GREY,
    MARGIN_B,
    MARGIN_L,
    MARGIN_R,
    MARGIN_T,
    PAGE_H,
    PAGE_W,
    RED,
    esc,
)
from qt_app.reports.snapshot import canonical_json

ATTACHMENT_NAME = "letter-snapshot.json"
SUBJECT_PREFIX = "Offer Desk letter sha256:"


# -- page furniture --------------------------------------------------------------------------------------


def _fit(text: str, font: str, size: float, width: float) -> str:
    """Shorten a one-line label with … so it never runs past the margin."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def _footer_text(snap: Mapping[str, Any], digest: str) -> str:
    return (
        f"函件编号 {snap['letter_id']}  ·  政策版本 {snap['policy']['version']}  ·  "
        f"软件版本 {snap['app_version']}  ·  内容摘要 {digest[:12]}"
    )


def _canvas_class(snap: Mapping[str, Any], payload: str, digest: str) -> type[Canvas]:
    """A canvas that knows the page count when it saves (第 x 页 / 共 y 页) and embeds the snapshot."""
    font = ensure_font()
    bi = snap["language"] == "zh+en"
    footer = _footer_text(snap, digest)
    snapshot_bytes = canonical_json(snap)

    class LetterCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, 1):
                self.__dict__.update(state)
                self._furniture(number, total)
                super().showPage()
            self._embed()
            super().save()

        def _furniture(self, number: int, total: int) -> None:
            self.saveState()
            self.setFont(font, 7)
            self.setFillColor(GREY)
            self.setStrokeColor(colors.HexColor("#999999"))
            self.setLineWidth(0.4)
            y = MARGIN_B - 10
            self.line(MARGIN_L, y + 9, PAGE_W - MARGIN_R, y + 9)
            self.drawString(MARGIN_L, y, footer)
            label = f"第 {number} 页 / 共 {total} 页" + (f"  Page {number} of {total}" if bi else "")
            self.setFont(font, 8.5)
            self.drawRightString(PAGE_W - MARGIN_R, y, label)
            if number > 1:
                self.setFont(font, 7.5)
                head = f"{snap['doc_number'] or '草稿'}  {snap['firm']['name']}"
                self.drawRightString(PAGE_W - MARGIN_R, PAGE_H - MARGIN_T + 10, _fit(head, font, 7.5, BODY_W))
            self.restoreState()

        def _embed(self) -> None:
            doc = self._doc
            stream = PDFStream(
                PDFDictionary({"Type": PDFName("EmbeddedFile"), "Subtype": PDFName("application#2Fjson")}),
                content=snapshot_bytes,
                filters=[PDFZCompress],
            )
            spec = PDFDictionary(
                {
                    "Type": PDFName("Filespec"),
                    "F": PDFString(ATTACHMENT_NAME),
                    "UF": PDFString(ATTACHMENT_NAME),
                    "Desc": PDFString("Offer Desk letter snapshot"),
                    "EF": PDFDictionary({"F": doc.Reference(stream)}),
                }
            )
            names = PDFArray([PDFString(ATTACHMENT_NAME), doc.Reference(spec)])
            self.setCatalogEntry("Names", PDFDictionary({"EmbeddedFiles": PDFDictionary({"Names": names})}))

    return LetterCanvas


def _draft_watermark(canv: Canvas, bilingual: bool) -> None:
    canv.saveState()
    canv.setFillColor(RED)
    canv.setFillAlpha(0.10)
    canv.setFont(ensure_font(), 110)
    canv.translate(PAGE_W / 2, PAGE_H / 2)
    canv.rotate(35)
    canv.drawCentredString(0, 0, "草稿")
    canv.setFont(ensure_font(), 54)
    canv.drawCentredString(0, -70, "DRAFT")
    canv.restoreState()


def render_pdf(snapshot: Mapping[str, Any], payload: str, digest: str, key_fp: str) -> bytes:
    """Lay out the letter from its snapshot; same snapshot and payload → same bytes."""
    font = ensure_font()
    cx = LetterContext(snapshot)
    buf = io.BytesIO()
    title = snapshot["terms"]["title"]
    doc = BaseDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=MARGIN_L,
        rightMargin=MARGIN_R,
        topMargin=MARGIN_T,
        bottomMargin=MARGIN_B,
        title=title[0],
        author=snapshot["office"],
        subject=SUBJECT_PREFIX + digest,
        keywords=payload,
        creator=f"Offer Desk {snapshot['app_version']}",
        invariant=1,
        initialFontName=font,
        lang="zh-CN",
    )
    frame = Frame(
        MARGIN_L, MARGIN_B, BODY_W, PAGE_H - MARGIN_T - MARGIN_B, id="body", leftPadding=0, rightPadding=0
    )
    draft = bool(snapshot["draft"])

    def on_page(canv: Canvas, _doc: BaseDocTemplate) -> None:
        if draft:
            _draft_watermark(canv, cx.bi)

    doc.addPageTemplates([PageTemplate(id="letter", frames=[frame], onPage=on_page)])
    firm = snapshot["firm"]
    story: list[Flowable] = [
        RedHeader(snapshot["office"], snapshot.get("office_en", ""), snapshot["doc_number"], draft, cx.bi),
        Spacer(1, 8),
        cx.p(esc(title[0]), "title"),
    ]
    if cx.bi:
        story.append(cx.p(esc(title[1]), "title_en"))
    story += [
        Spacer(1, 10),
        cx.p(f"{esc(firm['name'])}（统一社会信用代码：{esc(firm['uscc'])}）：", "plain"),
    ]
    if cx.bi:
        story.append(
            cx.p(f"To: {esc(firm['name'])} (unified social credit code {esc(firm['uscc'])})", "en_cjk")
        )
    story += cx.pair(snapshot["terms"]["opening"])
    story += basis_section(cx)
    story += schedule_section(cx)
    story += totals_section(cx)
    story += not_given_section(cx)
    story += conditions_section(cx)
    story += notes_section(cx)
    story += signatures_section(cx, payload, digest, key_fp)
    doc.build(story, canvasmaker=_canvas_class(snapshot, payload, digest))
    return buf.getvalue()
