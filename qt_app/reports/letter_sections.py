"""The parts of an offer letter, each built from the snapshot: header, basis, Schedule A, totals, terms, seals."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from qt_app.domain.money import capitals, format_yuan
from qt_app.reports.chart import year_category_chart
from qt_app.reports.fonts import ensure_font
from qt_app.reports.letter_style import BODY_W, GREY, LIGHT, NUMERALS, RED, esc, styles
from qt_app.reports.qr import QrFlowable
from qt_app.reports.signing import pretty_fingerprint
from qt_app.reports.snapshot import date_en, date_zh

# -- building blocks -------------------------------------------------------------------------------------


class RedHeader(Flowable):  # type: ignore[misc]
    """版头: the issuing body in red, a thick-over-thin red rule, and the 文号 (or the draft mark) under it."""

    def __init__(self, office: str, office_en: str, doc_number: str, draft: bool, bilingual: bool) -> None:
        super().__init__()
        self.office, self.office_en, self.doc_number = office, office_en, doc_number
        self.draft, self.bilingual = draft, bilingual
        self.font = ensure_font()

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        self.height = 70 + (12 if self.bilingual else 0)
        return aw, self.height

    def draw(self) -> None:
        c = self.canv
        size = 26.0
        while size > 12 and stringWidth(self.office, self.font, size) > self.width:
            size -= 1
        y = self.height - size
        c.saveState()
        t = c.beginText()
        t.setTextRenderMode(2)  # fill + stroke: a heavier face for the 发文机关标志
        t.setFont(self.font, size)
        c.setFillColor(RED)
        c.setStrokeColor(RED)
        c.setLineWidth(0.7)
        t.setTextOrigin((self.width - stringWidth(self.office, self.font, size)) / 2, y)
        t.textOut(self.office)
        c.drawText(t)
        c.restoreState()
        c.setFillColor(RED)
        c.setStrokeColor(RED)
        line_y = y - 12
        if self.bilingual and self.office_en:
            c.setFont(self.font, 9)
            c.drawCentredString(self.width / 2, y - 13, self.office_en)
            line_y -= 12
        c.setLineWidth(2)
        c.line(0, line_y, self.width, line_y)
        c.setLineWidth(0.6)
        c.line(0, line_y - 3.5, self.width, line_y - 3.5)
        c.setFillColor(colors.black if not self.draft else GREY)
        c.setFont(self.font, 12)
        mark = self.doc_number if not self.draft else "草稿（未编号）" + (" DRAFT" if self.bilingual else "")
        c.drawRightString(self.width, line_y - 21, mark)


class LetterContext:
    """Per-letter rendering helpers (language switch, numbering)."""

    def __init__(self, snap: Mapping[str, Any]) -> None:
        self.snap = snap
        self.bi = snap["language"] == "zh+en"
        self.st = styles()
        self.section = 0

    def p(self, text: str, style: str = "body") -> Paragraph:
        return Paragraph(text, self.st[style])

    def pair(self, pair: Sequence[str], style: str = "body", en_style: str = "en_body") -> list[Flowable]:
        out: list[Flowable] = [self.p(esc(pair[0]), style)]
        if self.bi and len(pair) > 1 and pair[1]:
            out.append(self.p(esc(pair[1]), en_style))
        return out

    def heading(self, zh: str, en: str) -> Paragraph:
        self.section += 1
        text = f"{NUMERALS[self.section - 1]}、{esc(zh)}"
        if self.bi:
            text += f'  <font size="9" color="#555555">{esc(en)}</font>'
        return self.p(text, "h1")

    def cell(self, zh: str, en: str = "", style: str = "cell") -> Paragraph | list[Paragraph]:
        """A table cell; on bilingual letters the English sits below, wrapped at spaces, not mid-word."""
        para = Paragraph(esc(zh), self.st[style])
        if not (self.bi and en):
            return para
        en_style = self.st["cell_en_c" if self.st[style].alignment == TA_CENTER else "cell_en"]
        return [para, Paragraph(esc(en), en_style)]


def _grid(rows: list[list[Any]], widths: Sequence[float], head_rows: int = 1) -> Table:
    table = Table(rows, colWidths=list(widths), repeatRows=head_rows, hAlign="LEFT")
    style = [
        ("FONTNAME", (0, 0), (-1, -1), ensure_font()),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#888888")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if head_rows:
        style.append(("BACKGROUND", (0, 0), (-1, head_rows - 1), LIGHT))
    table.setStyle(TableStyle(style))
    return table


# -- sections ---------------------------------------------------------------------------------------------


def basis_section(cx: LetterContext) -> list[Flowable]:
    snap = cx.snap
    pol = snap["policy"]
    out: list[Flowable] = [cx.heading("政策依据及企业申报情况", "Basis")]
    bits = [f"版本 {pol['version']}"]
    if pol.get("doc_number"):
        bits.append(f"文号 {pol['doc_number']}")
    if pol.get("effective_from"):
        span = date_zh(date.fromisoformat(pol["effective_from"])) + "起施行"
        if pol.get("effective_to"):
            span = (
                date_zh(date.fromisoformat(pol["effective_from"]))
                + "至"
                + date_zh(date.fromisoformat(pol["effective_to"]))
            )
        bits.append(span)
    text = f"政策依据：《{esc(pol['title'])}》（{esc('，'.join(bits))}）"
    if pol.get("issuer"):
        text += f"，{esc(pol['issuer'])}发布"
    out.append(cx.p(text + "。", "body"))
    if cx.bi and pol.get("title_en"):
        out.append(cx.p(f"Policy: {esc(pol['title_en'])} (version {esc(pol['version'])}).", "en_body"))
    variant = snap["variant"]
    if variant.get("name") and variant["name"] != "base":
        out.append(cx.p(f"测算方案：{esc(variant.get('label') or variant['name'])}。", "body"))
    out.append(cx.p("企业申报情况：", "body"))
    rows = [
        [cx.cell(r["zh"], r["en"], "cell"), cx.cell(r["value_zh"], r["value_en"] if cx.bi else "", "cell")]
        for r in snap["declared"]
    ]
    if rows:
        out.append(_grid(rows, [BODY_W * 0.24, BODY_W * 0.76], head_rows=0))
    return out


def schedule_section(cx: LetterContext) -> list[Flowable]:
    lines = cx.snap["package"]["lines"]
    out: list[Flowable] = [
        CondPageBreak(60 * mm),
        cx.heading("测算结果（附表A）", "Schedule A: estimated support"),
    ]
    if not lines:
        out += cx.pair(
            ["经测算，贵单位暂无可享受的扶持项目。", "On this estimate your company receives no support."]
        )
        return out
    head = [
        cx.cell("序号", "No.", "head"),
        cx.cell("条款", "Clause", "head"),
        cx.cell("扶持项目", "Item", "head"),
        cx.cell("测算依据", "How computed", "head"),
        cx.cell("年度", "Year", "head"),
        cx.cell("金额（元）", "Amount (yuan)", "head"),
        cx.cell("方式", "Form", "head"),
    ]
    rows: list[list[Any]] = [head]
    for i, line in enumerate(lines, 1):
        form_zh, form_en = {"cash": ("资金", "cash"), "voucher": ("算力券", "voucher")}.get(
            line["benefit"], ("实物折算", "in kind")
        )
        rows.append(
            [
                cx.cell(str(i), "", "cell_c"),
                cx.cell(line["clause"], "", "cell_c"),
                cx.cell(line["name_zh"], line["name_en"]),
                cx.cell(line["explanation_zh"] or line["basis_zh"], line["explanation_en"]),
                cx.cell(str(line["year"]), "", "cell_c"),
                Paragraph(esc(format_yuan(line["amount"])), cx.st["cell_r"]),
                cx.cell(form_zh, form_en),
            ]
        )
    widths = [26, 42, 66, 154, 32, 80, 42]
    scale = BODY_W / sum(widths)
    out.append(_grid(rows, [w * scale for w in widths]))
    return out


def totals_section(cx: LetterContext) -> list[Flowable]:
    pkg = cx.snap["package"]
    lines = pkg["lines"]
    years = sorted({*pkg["years"], *(ln["year"] for ln in lines)})
    cash = dict.fromkeys(years, 0)
    kind = dict.fromkeys(years, 0)
    for ln in lines:
        (cash if ln["benefit"] == "cash" else kind)[ln["year"]] += int(ln["amount"])
    head = [
        cx.cell("年度", "Year", "head"),
        cx.cell("资金（元）", "Cash", "head"),
        cx.cell("实物折算（元）", "In kind", "head"),
        cx.cell("合计（元）", "Total", "head"),
    ]
    rows: list[list[Any]] = [head]
    r = cx.st["cell_r"]
    for y in years:
        if cash[y] + kind[y] == 0:
            continue
        rows.append(
            [
                cx.cell(f"{y}年", "", "cell_c"),
                Paragraph(esc(format_yuan(cash[y])), r),
                Paragraph(esc(format_yuan(kind[y])), r),
                Paragraph(esc(format_yuan(cash[y] + kind[y])), r),
            ]
        )
    total = int(pkg["total"])
    rows.append(
        [
            cx.cell("合计", "Total", "cell_c"),
            Paragraph(esc(format_yuan(sum(cash.values()))), r),
            Paragraph(esc(format_yuan(sum(kind.values()))), r),
            Paragraph(esc(format_yuan(total)), r),
        ]
    )
    caps = f"合计金额（大写）：人民币{esc(capitals(total))}"
    if cx.bi:
        caps += f'<br/><font size="7" color="#555555">Total: RMB {esc(format_yuan(total))}, written above in Chinese capitals</font>'
    rows.append([Paragraph(caps, cx.st["cell"]), "", "", ""])
    table = _grid(rows, [BODY_W * 0.16, BODY_W * 0.28, BODY_W * 0.28, BODY_W * 0.28])
    table.setStyle(
        TableStyle(
            [
                ("SPAN", (0, len(rows) - 1), (-1, len(rows) - 1)),
                ("BACKGROUND", (0, len(rows) - 2), (-1, len(rows) - 2), LIGHT),
            ]
        )
    )
    label = cx.p(
        "分年度及总计：" + (' <font size="8.5" color="#555555">Totals by year</font>' if cx.bi else "")
    )
    out: list[Flowable] = [Spacer(1, 6), KeepTogether([label, table])]
    if lines:
        chart = year_category_chart(lines, years, cx.snap["categories"], ensure_font(), BODY_W, cx.bi)
        out += [Spacer(1, 8), chart]
    return out


def not_given_section(cx: LetterContext) -> list[Flowable]:
    pkg = cx.snap["package"]
    grouped: dict[tuple[str, str, str, str, str], list[int]] = {}
    firm_level = {zh for zh, _en in pkg["exclusions"]}
    for ln in pkg["not_given"]:
        if ln["reason_zh"] in firm_level:  # already said once for the whole firm
            continue
        key = (ln["name_zh"], ln["name_en"], ln["clause"], ln["reason_zh"], ln["reason_en"])
        grouped.setdefault(key, []).append(int(ln["year"]))
    items: list[tuple[str, str]] = [(zh, en) for zh, en in pkg["exclusions"]]
    for (name_zh, name_en, clause, reason_zh, reason_en), years in grouped.items():
        span = _years_text(sorted(set(years)))
        items.append(
            (
                f"{name_zh}（{clause}，{span}）：{reason_zh or '不符合条件'}",
                f"{name_en} ({span}): {reason_en}",
            )
        )
    if not items:
        return []
    out: list[Flowable] = [cx.heading("未予享受的事项及原因", "What is not granted, and why")]
    for i, (zh, en) in enumerate(items, 1):
        out += cx.pair([f"（{_cn(i)}）{zh}", en])
    return out


def _years_text(years: list[int]) -> str:
    if not years:
        return ""
    if len(years) > 1 and years == list(range(years[0], years[-1] + 1)):
        return f"{years[0]}—{years[-1]}年"
    return "、".join(str(y) for y in years) + "年"


def _cn(n: int) -> str:
    return NUMERALS[n - 1] if n <= 10 else ("十" + NUMERALS[n - 11] if n < 20 else str(n))


def conditions_section(cx: LetterContext) -> list[Flowable]:
    terms = cx.snap["terms"]
    out: list[Flowable] = [cx.heading("享受条件及资金追回", "Conditions and clawback")]
    for i, pair in enumerate([*terms["conditions"], *terms["clawback"]], 1):
        out += cx.pair([f"（{_cn(i)}）{pair[0]}", pair[1]])
    return out


def notes_section(cx: LetterContext) -> list[Flowable]:
    terms = cx.snap["terms"]
    pol = cx.snap["policy"]
    notes = [*terms["notes"]]
    notes += pol.get("legal_notes") or []
    out: list[Flowable] = [cx.heading("有关说明", "Notes")]
    n = 0
    for pair in notes:
        n += 1
        out += cx.pair([f"（{_cn(n)}）{pair[0]}", pair[1]])
    illustrative = terms["illustrative"]
    if illustrative:
        n += 1
        note = terms["illustrative_note"]
        out += cx.pair([f"（{_cn(n)}）{note[0]}", note[1]])
        listing = "；".join(f"{p['item']}·{p['label_zh']} {p['display']}" for p in illustrative)
        out.append(cx.p(esc(listing) + "。", "small"))
    n += 1
    out += cx.pair([f"（{_cn(n)}）{terms['seal_statement'][0]}", terms["seal_statement"][1]])
    return out


def signatures_section(cx: LetterContext, payload: str, digest: str, key_fp: str) -> list[Flowable]:
    """落款: the firm's acknowledgement, the office's seal and date, the QR code, then the check data."""
    snap = cx.snap
    issued = date.fromisoformat(snap["issue_date"])
    st = cx.st["sign"]
    firm = snap["firm"]["name"]
    en_note = ' <font size="7.5" color="#555555">Acknowledged by the company</font>' if cx.bi else ""
    left = [
        Paragraph("企业确认：" + en_note, st),
        Paragraph(f"{esc(firm)}（盖章）", st),
        Spacer(1, 14),
        Paragraph("法定代表人或授权代表（签字）：", st),
        Spacer(1, 12),
        Paragraph(
            "日期：&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;年&nbsp;&nbsp;&nbsp;&nbsp;月&nbsp;&nbsp;&nbsp;&nbsp;日",
            st,
        ),
    ]
    centre = ParagraphStyle("sign_c", parent=st, alignment=TA_CENTER)
    middle: list[Flowable] = [
        SealPlaceholder(),
        Paragraph(esc(snap["office"]) + "（盖章）", centre),
        Paragraph(esc(date_zh(issued)), centre),
    ]
    if snap.get("signer"):
        middle.append(Paragraph(f"经办人：{esc(snap['signer'])}", centre))
    if cx.bi:
        middle.append(
            Paragraph(esc(date_en(issued)), ParagraphStyle("d_en", parent=cx.st["en"], alignment=TA_CENTER))
        )
    qr_size = 34 * mm
    caption = "扫码核验" + (" Scan to verify" if cx.bi else "")
    right: list[Flowable] = [
        QrFlowable(payload, qr_size),
        Paragraph(caption, ParagraphStyle("qr_c", parent=cx.st["small"], alignment=TA_CENTER)),
    ]
    widths = [BODY_W * 0.42, BODY_W * 0.34, BODY_W * 0.24]
    table = Table([[left, middle, right]], colWidths=widths)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), ensure_font()),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (0, -1), 0),
                ("ALIGN", (2, 0), (2, 0), "CENTER"),
            ]
        )
    )
    closing = snap["terms"]["closing"]
    block: list[Flowable] = [
        *cx.pair(closing),
        Spacer(1, 8),
        table,
        Spacer(1, 6),
        *_check_data(cx, digest, key_fp),
    ]
    return [Spacer(1, 4), KeepTogether(block)]


class SealPlaceholder(Flowable):  # type: ignore[misc]
    """A dashed circle where the county's red seal is pressed (盖章处)."""

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        return aw, 48

    def draw(self) -> None:
        c = self.canv
        c.setDash(2, 2)
        c.setStrokeColor(colors.HexColor("#bbbbbb"))
        c.setLineWidth(0.6)
        c.circle(self.width / 2, 24, 23)
        c.setDash()
        c.setFillColor(colors.HexColor("#aaaaaa"))
        c.setFont(ensure_font(), 7.5)
        c.drawCentredString(self.width / 2, 21.5, "盖章处")


def _check_data(cx: LetterContext, digest: str, key_fp: str) -> list[Flowable]:
    """核验信息: the facts a verifier compares, in small print under the signatures."""
    snap = cx.snap
    small = cx.st["small"]
    rows = [
        f"核验信息　函件编号：{esc(snap['letter_id'])}　文号：{esc(snap['doc_number'] or '草稿（未编号）')}　"
        f"政策版本：{esc(snap['policy']['version'])}（摘要 {esc(snap['policy']['hash'][:12])}）",
        f"内容摘要（SHA-256）：{esc(digest)}",
        f"签名公钥指纹：{esc(pretty_fingerprint(key_fp))}　{esc(snap['terms']['verify_hint'][0])}",
    ]
    out: list[Flowable] = [Paragraph(r, small) for r in rows]
    if cx.bi:
        out.append(Paragraph(esc(snap["terms"]["verify_hint"][1]), cx.st["cell_en"]))
    box = Table([[out]], colWidths=[BODY_W])
    box.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), ensure_font()),
                ("BOX", (0, 0), (-1, -1), 0.4, colors.HexColor("#999999")),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return [box]
