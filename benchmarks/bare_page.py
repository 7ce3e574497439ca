"""One GB/T 9704 page drawn directly: 22 lines of 28 characters of 3号仿宋 with Latin digits, a 小标宋 title, a
黑体 heading — the same faces a letter embeds, none of the layout. The letters rows' baseline, warm and cold."""

from __future__ import annotations

import io

from reportlab.pdfgen.canvas import Canvas

from qt_app.reports.official import fonts


def bare_page() -> bytes:
    buf = io.BytesIO()
    c = Canvas(buf, initialFontName=fonts.font_name(fonts.FANGSONG))
    c.setFont(fonts.font_name(fonts.TITLE_SONG), 22)
    c.drawString(80, 760, "关于青田星河数字科技有限公司适用青田县元宇宙产业扶持政策的告知函")
    c.setFont(fonts.font_name(fonts.HEI), 15.75)
    c.drawString(80, 730, "一、政策依据及企业申报情况")
    for i in range(22):
        y = 700 - i * 29
        c.setFont(fonts.FANGSONG.name, 15.75)
        c.drawString(80, y, "经测算贵单位可享受的扶持总价值为人民币元整其中资金")
        c.setFont(fonts.font_name(fonts.SERIF), 15.75)
        c.drawString(400, y, f"¥{i},500,000.00")
    c.showPage()
    c.save()
    return buf.getvalue()
