"""GB/T 9704-2012 page geometry and the paragraph styles of an official document.

A4; 版心 156 × 225 mm with the top margin 37 mm and the left 28 mm; body 3号仿宋 on a 22-line grid
(line pitch 225 mm / 22). 3号 is taken as 15.75 pt so that 28 characters fill the 156 mm line exactly, as
Word's 公文 templates set it; at 16 pt only 27 fit. Tables and English run smaller (see docs/letters.md).
"""

from __future__ import annotations

from functools import lru_cache

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib import textsplit as _rl_textsplit
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import paragraph as _rl_paragraph

from qt_app.reports.official import fonts

RED = colors.HexColor("#d7191f")  # 公文红 for the office name and the rules
BLACK = colors.black
GREY = colors.HexColor("#4d4d4d")  # footer, running head, verification small print
RULE_GREY = colors.HexColor("#808080")
HEAD_FILL = colors.HexColor("#efefef")

# 禁则: Chinese punctuation that may not start a line hangs at the end of the previous one instead
# (reportlab's list covers Japanese and ASCII marks only; one-font paragraphs use textsplit's copy).
_CANNOT_START = "，。、；：？！）》」』】〕〗”’…·％‰℃"
_rl_paragraph.ALL_CANNOT_START += _CANNOT_START
_rl_textsplit.ALL_CANNOT_START += _CANNOT_START

# Flate only: ASCII85 on top makes every stream 25% larger and costs ~5 ms a letter in pure Python.
rl_config.useA85 = 0

PAGE_W, PAGE_H = A4
MARGIN_TOP, MARGIN_LEFT = 37 * mm, 28 * mm
BODY_W, BODY_H = 156 * mm, 225 * mm
MARGIN_RIGHT = PAGE_W - MARGIN_LEFT - BODY_W
MARGIN_BOTTOM = PAGE_H - MARGIN_TOP - BODY_H
LINES = 22
LINE = BODY_H / LINES  # 28.99 pt: the 22-line grid
SIZE_3 = 15.75  # 3号 (28 characters to the line)
SIZE_2 = 22.0  # 2号: the title
SIZE_4 = 14.0  # 4号: page numbers, 版记
SIZE_SMALL4 = 12.0  # 小四: tables
SIZE_5 = 10.5  # 五号: dense table cells
CHAR = SIZE_3  # one character's width: indents are counted in characters

# 信函格式 (GB/T 9704 §10.1): office name 30 mm from the top, red double rules 170 mm long.
LETTERHEAD_TOP = 30 * mm
RULE_LEN = 170 * mm
BOTTOM_RULE_Y = 20 * mm
PAGE_NUMBER_Y = MARGIN_BOTTOM - 7 * mm - SIZE_4 * 0.7  # the dash line 7 mm under the 版心
FOOTER_Y = 10 * mm


def _p(name: str, chain: fonts.Chain, size: float, leading: float, **kw: object) -> ParagraphStyle:
    params: dict[str, object] = {"textColor": BLACK, **kw}
    return ParagraphStyle(
        name, fontName=fonts.font_name(chain.base), fontSize=size, leading=leading, **params
    )


@lru_cache(maxsize=1)
def styles() -> dict[str, ParagraphStyle]:
    cjk = {"wordWrap": "CJK", "allowWidows": 0, "allowOrphans": 0}
    en = {"wordWrap": None, "allowWidows": 0, "allowOrphans": 0, "alignment": TA_LEFT}
    return {
        "body": _p("body", fonts.BODY, SIZE_3, LINE, firstLineIndent=2 * CHAR, alignment=TA_JUSTIFY, **cjk),
        "plain": _p("plain", fonts.BODY, SIZE_3, LINE, alignment=TA_JUSTIFY, **cjk),
        "h1": _p("h1", fonts.HEADING1, SIZE_3, LINE, firstLineIndent=2 * CHAR, keepWithNext=1, **cjk),
        "h2": _p("h2", fonts.HEADING2, SIZE_3, LINE, firstLineIndent=2 * CHAR, keepWithNext=1, **cjk),
        "attachment_no": _p("attachment_no", fonts.HEADING1, SIZE_3, LINE, **cjk),
        "subtitle": _p("subtitle", fonts.TITLE, 18, LINE, alignment=TA_CENTER, **cjk),
        "en": _p("en", fonts.LATIN, 11, 14, spaceAfter=5, **en),
        "en_indent": _p("en_indent", fonts.LATIN, 11, 14, spaceAfter=5, leftIndent=2 * CHAR, **en),
        "en_heading": _p("en_heading", fonts.LATIN_ITALIC, 11, 14, leftIndent=2 * CHAR, keepWithNext=1, **en),
        "en_title": _p("en_title", fonts.LATIN_BOLD, 13, 17, **{**en, "alignment": TA_CENTER}),
        "cell": _p("cell", fonts.BODY, SIZE_5, 14, alignment=TA_LEFT, **cjk),
        "cell_c": _p("cell_c", fonts.BODY, SIZE_5, 14, alignment=TA_CENTER, **cjk),
        "cell_r": _p("cell_r", fonts.BODY, SIZE_5, 14, alignment=TA_RIGHT, **cjk),
        "head": _p("head", fonts.HEADING1, SIZE_5, 14, alignment=TA_CENTER, **cjk),
        "cell_en": _p("cell_en", fonts.LATIN, 8, 10, **en),
        "cell_en_c": _p("cell_en_c", fonts.LATIN, 8, 10, **{**en, "alignment": TA_CENTER}),
        "small": _p("small", fonts.BODY, 9, 12, textColor=GREY, **cjk),
        "small_en": _p("small_en", fonts.LATIN, 8, 10, textColor=GREY, **en),
        "note": _p("note", fonts.BODY, SIZE_3, LINE, firstLineIndent=2 * CHAR, **cjk),
        "copy": _p("copy", fonts.BODY, SIZE_4, LINE, leftIndent=CHAR, firstLineIndent=0, **cjk),
    }


def chain_of(style: ParagraphStyle) -> fonts.Chain:
    """The font chain a style's text is set in (by its base face)."""
    for c in (fonts.BODY, fonts.TITLE, fonts.HEADING1, fonts.HEADING2, fonts.LATIN, fonts.LATIN_BOLD):
        if c.base.name == style.fontName:
            return c
    if style.fontName == fonts.LATIN_ITALIC.base.name:
        return fonts.LATIN_ITALIC
    return fonts.BODY
