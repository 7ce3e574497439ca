"""Per-letter rendering helpers: paragraphs and cells set through the font chains, bilingual pairs, numbering."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from qt_app.reports.official import fonts
from qt_app.reports.official.blocks import BreakableTable
from qt_app.reports.official.styles import HEAD_FILL, chain_of, styles
from qt_app.reports.official.text import cn_number

GRID = colors.HexColor("#5a5a5a")


class LetterContext:
    """What every section needs: the snapshot, the typesetter, the styles, the language and the counters."""

    def __init__(self, snap: Mapping[str, Any], ts: fonts.Typesetter) -> None:
        self.snap = snap
        self.ts = ts
        self.bi = snap["language"] == "zh+en"
        self.st = styles()
        self.section = 0

    # -- paragraphs --------------------------------------------------------------------------------------
    def p(self, text: str, style: str = "body", where: str = "") -> Paragraph:
        st = self.st[style]
        return Paragraph(self.ts.markup(text, chain_of(st), where), st)

    def en(self, text: str, style: str = "en") -> list[Flowable]:
        """English under the Chinese (bilingual letters only)."""
        return [self.p(text, style)] if self.bi and text else []

    def pair(
        self, pair: Sequence[str], style: str = "body", en_style: str = "en_indent", where: str = ""
    ) -> list[Flowable]:
        out: list[Flowable] = [self.p(pair[0], style, where)]
        if len(pair) > 1:
            out += self.en(pair[1], en_style)
        return out

    def heading(self, zh: str, en: str) -> list[Flowable]:
        """一、 in 黑体 (first level), with the English in italics under it on bilingual letters."""
        self.section += 1
        self.sub = 0
        return [self.p(f"{cn_number(self.section)}、{zh}", "h1"), *self.en(en, "en_heading")]

    def subheading(self, zh: str, en: str) -> list[Flowable]:
        """（一） in 楷体 (second level)."""
        self.sub = getattr(self, "sub", 0) + 1
        return [self.p(f"（{cn_number(self.sub)}）{zh}", "h2"), *self.en(en, "en_heading")]

    def numbered(self, items: Sequence[Sequence[str]], where: str = "") -> list[Flowable]:
        """（一）（二）… items inside a section, in the body face."""
        out: list[Flowable] = []
        for i, pair in enumerate(items, 1):
            out += self.pair([f"（{cn_number(i)}）{pair[0]}", *pair[1:2]], where=where)
        return out

    # -- tables ------------------------------------------------------------------------------------------
    def cell(self, zh: str, en: str = "", style: str = "cell", where: str = "") -> Flowable | list[Flowable]:
        """A table cell; on bilingual letters the English sits below, wrapped at spaces, not mid-word."""
        para = self.p(zh, style, where)
        if not (self.bi and en):
            return para
        en_style = "cell_en_c" if self.st[style].alignment == TA_CENTER else "cell_en"
        return [para, self.p(en, en_style)]

    def grid(
        self,
        rows: list[list[Any]],
        widths: Sequence[float],
        head_rows: int = 1,
        total_rows: Sequence[int] = (),
    ) -> Table:
        """A ruled table; it splits between rows with the header repeated and no row left alone."""
        table = BreakableTable(rows, colWidths=list(widths), repeatRows=head_rows, hAlign="LEFT")
        cmds: list[tuple[Any, ...]] = [
            ("FONTNAME", (0, 0), (-1, -1), fonts.font_name(fonts.FANGSONG)),
            ("GRID", (0, 0), (-1, -1), 0.5, GRID),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ]
        if head_rows:
            cmds.append(("BACKGROUND", (0, 0), (-1, head_rows - 1), HEAD_FILL))
        for r in total_rows:
            cmds.append(("BACKGROUND", (0, r), (-1, r), HEAD_FILL))
        table.setStyle(TableStyle(cmds))
        return table
