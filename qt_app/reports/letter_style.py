"""Look of the offer letter: colours, page geometry, paragraph styles, and escaping of user text."""

from __future__ import annotations

from functools import lru_cache

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from qt_app.reports.fonts import ensure_font

RED = colors.HexColor("#c8161d")  # 公文红
GREY = colors.HexColor("#555555")
LIGHT = colors.HexColor("#f2f2f2")

# Flate only: ASCII85 on top makes every stream 25% larger and costs ~5 ms a letter in pure Python.
rl_config.useA85 = 0

PAGE_W, PAGE_H = A4
MARGIN_L, MARGIN_R, MARGIN_T, MARGIN_B = 28 * mm, 26 * mm, 25 * mm, 24 * mm
BODY_W = PAGE_W - MARGIN_L - MARGIN_R
NUMERALS = "一二三四五六七八九十"


_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})


def esc(text: object) -> str:
    """Escape user text for a Paragraph (markup characters print as typed).

    (xml.sax.saxutils.escape does the same but imports urllib and email: ~20 ms at start-up.)
    """
    return str(text).translate(_ESCAPES)


@lru_cache(maxsize=1)
def styles() -> dict[str, ParagraphStyle]:
    font = ensure_font()
    base = ParagraphStyle(
        "base", fontName=font, fontSize=11.5, leading=19, wordWrap="CJK", alignment=TA_JUSTIFY
    )
    return {
        "body": ParagraphStyle("body", parent=base, firstLineIndent=23),
        "plain": base,
        "en": ParagraphStyle(
            "en", parent=base, fontSize=8.5, leading=12, textColor=GREY, wordWrap=None, alignment=TA_LEFT
        ),
        "en_body": ParagraphStyle(
            "en_body",
            parent=base,
            fontSize=8.5,
            leading=12,
            textColor=GREY,
            wordWrap=None,
            spaceAfter=3,
            alignment=TA_LEFT,
        ),
        # English around a Chinese name: break anywhere, like the Chinese text
        "en_cjk": ParagraphStyle(
            "en_cjk", parent=base, fontSize=8.5, leading=12, textColor=GREY, spaceAfter=3, alignment=TA_LEFT
        ),
        "title": ParagraphStyle("title", parent=base, fontSize=18, leading=28, alignment=TA_CENTER),
        "title_en": ParagraphStyle(
            "title_en",
            parent=base,
            fontSize=10.5,
            leading=14,
            alignment=TA_CENTER,
            wordWrap=None,
            textColor=GREY,
        ),
        "h1": ParagraphStyle(
            "h1", parent=base, fontSize=12.5, leading=20, spaceBefore=8, spaceAfter=3, keepWithNext=1
        ),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11.5, alignment=TA_LEFT),
        "cell_c": ParagraphStyle("cell_c", parent=base, fontSize=8.5, leading=11.5, alignment=TA_CENTER),
        "cell_r": ParagraphStyle("cell_r", parent=base, fontSize=8.5, leading=11.5, alignment=TA_RIGHT),
        "cell_en": ParagraphStyle(
            "cell_en", parent=base, fontSize=7, leading=9, textColor=GREY, wordWrap=None, alignment=TA_LEFT
        ),
        "cell_en_c": ParagraphStyle(
            "cell_en_c",
            parent=base,
            fontSize=7,
            leading=9,
            textColor=GREY,
            wordWrap=None,
            alignment=TA_CENTER,
        ),
        "head": ParagraphStyle("head", parent=base, fontSize=8.5, leading=11, alignment=TA_CENTER),
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=11.5, textColor=GREY),
        "sign": ParagraphStyle("sign", parent=base, fontSize=11.5, leading=20, alignment=TA_LEFT),
    }
