"""The body of a letter, section by section, built from its snapshot: front matter, basis, the result with
each benefit kind apart, what is not granted, conditions, notes, the signature, 附注 and the firm's receipt."""

from __future__ import annotations

from datetime import date
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from qt_app.domain.money import capitals
from qt_app.domain.money_format import figure
from qt_app.reports.letter_context import GRID, LetterContext
from qt_app.reports.official import fonts
from qt_app.reports.official.blocks import (
    AtFoot,
    KeepWithTail,
    Signature,
    SignatureBlock,
    TitleBlock,
    name_atoms,
)
from qt_app.reports.official.styles import BODY_W, LINE, SIZE_3
from qt_app.reports.official.text import date_en, date_zh
from qt_app.reports.signing import pretty_fingerprint

FIRM = "企业名称 / firm name"
DECLARED = "企业申报情况 / declared plan"
WORDING = "告知函文字 / letter wording"
SCHEDULE = "测算明细 / schedule"
POLICY = "政策信息 / policy"

# What each benefit kind is called, and what it means for the firm.
KINDS = (
    ("cash", "资金", "Cash", "cash_total", "直接拨付至企业账户", "paid to the company's account"),
    ("voucher", "算力券", "Compute vouchers", "voucher_total", "仅可用于本县公共算力平台", "for the county's computing platform only"),
    ("in_kind", "实物折算", "In kind (value)", "in_kind_total", "人才公寓等，按市场价格折算", "talent apartments etc., at market value"),
)  # fmt: skip


def kind_totals(pkg: dict[str, Any]) -> dict[str, int]:
    """Cash, voucher and in-kind totals (letters from before schema 2 counted all non-cash as in kind)."""
    out = {kind: 0 for kind, *_ in KINDS}
    for line in pkg["lines"]:
        benefit = line.get("benefit", "cash")
        out[benefit if benefit in out else "in_kind"] += int(line["amount"])
    return out


def front(cx: LetterContext) -> list[Flowable]:
    """Title (balanced lines), addressee with 统一社会信用代码, opening paragraph."""
    snap, terms = cx.snap, cx.snap["terms"]
    firm = snap["firm"]
    atoms: list[str] = []
    for atom in terms.get("title_atoms") or [terms["title"][0]]:
        atoms += name_atoms(atom) if atom == firm["name"] else [atom]
    out: list[Flowable] = [Spacer(1, 1.2 * LINE), TitleBlock(atoms, cx.ts)]
    if cx.bi:
        out += [Spacer(1, 4), cx.p(terms["title"][1], "en_title")]
    out += [
        Spacer(1, 0.6 * LINE),
        _addressee(cx, firm["name"], firm["uscc"]),
        *cx.en(f"To: {firm['name']} (unified social credit code {firm['uscc']})", "en"),
        *cx.pair(terms["opening"], where=WORDING),
    ]
    return out


def _addressee(cx: LetterContext, name: str, uscc: str) -> Flowable:
    """主送: the firm and its credit code; the code starts a line of its own rather than break in two."""
    code = f"（统一社会信用代码：{uscc}）："
    if cx.ts.width(name + code, fonts.BODY, SIZE_3) <= BODY_W:
        return cx.p(name + code, "plain", FIRM)
    markup = cx.ts.markup(name, fonts.BODY, FIRM) + "<br/>" + cx.ts.markup(code, fonts.BODY, FIRM)
    return Paragraph(markup, cx.st["plain"])


def basis_section(cx: LetterContext) -> list[Flowable]:
    snap = cx.snap
    pol = snap["policy"]
    out: list[Flowable] = cx.heading("政策依据及企业申报情况", "Basis and what the company declared")
    bits = [f"版本 {pol['version']}"]
    if pol.get("doc_number"):
        bits.append(f"文号 {pol['doc_number']}")
    if pol.get("effective_from"):
        start = date_zh(date.fromisoformat(pol["effective_from"]))
        end = pol.get("effective_to")
        bits.append(f"{start}至{date_zh(date.fromisoformat(end))}" if end else f"{start}起施行")
    text = f"政策依据：《{pol['title']}》（{'，'.join(bits)}）"
    if pol.get("issuer"):
        text += f"，{pol['issuer']}发布"
    out.append(cx.p(text + "。", where=POLICY))
    if pol.get("title_en"):
        out += cx.en(f"Policy: {pol['title_en']} (version {pol['version']}).", "en_indent")
    variant = snap["variant"]
    if variant.get("name") and variant["name"] != "base":
        out.append(cx.p(f"测算方案：{variant.get('label') or variant['name']}。", where=DECLARED))
    rows = [
        [cx.cell(r["zh"], r["en"], where=DECLARED), cx.cell(r["value_zh"], r["value_en"], where=DECLARED)]
        for r in snap["declared"]
    ]
    if rows:
        out += [cx.p("企业申报情况如下：", where=WORDING), *cx.en("What the company declared:", "en_indent")]
        out.append(cx.grid(rows, [BODY_W * 0.24, BODY_W * 0.76], head_rows=0))
        out.append(Spacer(1, 0.3 * LINE))
    return out


def summary_section(cx: LetterContext) -> list[Flowable]:
    """二、测算结果: total value and cash in figures and capitals, the horizon, one subtotal per kind."""
    pkg, terms = cx.snap["package"], cx.snap["terms"]
    out: list[Flowable] = cx.heading("测算结果", "Estimated support")
    out += cx.pair(terms.get("summary") or _legacy_summary(pkg), where=WORDING)
    totals = kind_totals(pkg)
    r, c = "cell_r", "cell_c"
    rows: list[list[Any]] = [
        [
            cx.cell("类别", "Kind", "head"),
            cx.cell("金额（元）", "Amount (yuan)", "head"),
            cx.cell("说明", "Note", "head"),
        ]
    ]
    for kind, zh, en, _key, note_zh, note_en in KINDS:
        if totals[kind]:
            rows.append([cx.cell(zh, en, c), cx.cell(figure(totals[kind]), "", r), cx.cell(note_zh, note_en)])
    total = int(pkg["total"])
    rows.append(
        [
            cx.cell("合计（总价值）", "Total value", c),
            cx.cell(figure(total), "", r),
            cx.cell(f"人民币{capitals(total)}", ""),
        ]
    )
    widths = [BODY_W * 0.22, BODY_W * 0.26, BODY_W * 0.52]
    out.append(cx.grid(rows, widths, total_rows=[len(rows) - 1]))
    out.append(Spacer(1, 0.3 * LINE))
    if totals["voucher"]:
        out += cx.pair(terms.get("voucher_note") or ["", ""], where=WORDING)
    if totals["in_kind"]:
        out += cx.pair(terms.get("in_kind_note") or ["", ""], where=WORDING)
    marked = sorted(
        {
            tuple(ln["status_label"])
            for ln in pkg["lines"]
            if ln.get("status") not in ("eligible", None) and ln.get("status_label")
        }
    )
    if marked:
        names = "、".join(f"“{zh}”" for zh, _en in marked)
        en = ", ".join(f"“{e}”" for _z, e in marked)
        out += cx.pair(
            [
                f"附件1中标注{names}的项目，按标注的情形执行。",
                f"Items marked {en} in Annex 1 are paid as marked.",
            ],
            where=SCHEDULE,
        )
    return out


def _legacy_summary(pkg: dict[str, Any]) -> list[str]:
    total = int(pkg["total"])
    return [
        f"经测算，贵单位可享受的扶持总价值为{figure(total)}（大写：人民币{capitals(total)}）。",
        f"Total value {figure(total)}.",
    ]


def not_given_section(
    cx: LetterContext, title: tuple[str, str] = ("未予享受的事项及原因", "What is not granted, and why")
) -> list[Flowable]:
    pkg = cx.snap["package"]
    grouped: dict[tuple[str, str, str, str, str], list[int]] = {}
    firm_level = {zh for zh, _en in pkg["exclusions"]}
    for ln in pkg["not_given"]:
        if ln["reason_zh"] in firm_level:  # already said once for the whole firm
            continue
        key = (ln["name_zh"], ln["name_en"], ln["clause"], ln["reason_zh"], ln["reason_en"])
        grouped.setdefault(key, []).append(int(ln["year"]))
    items: list[list[str]] = [[zh, en] for zh, en in pkg["exclusions"]]
    for (name_zh, name_en, clause, reason_zh, reason_en), years in grouped.items():
        span = years_text(sorted(set(years)))
        items.append(
            [
                f"{name_zh}（{clause}，{span}）：{reason_zh or '不符合条件'}",
                f"{name_en} ({span}): {reason_en}",
            ]
        )
    if not items and cx.snap.get("kind") == "notice":
        items = [
            [
                "按贵单位目前申报的情况测算，没有可享受的扶持项目。",
                "On the plan as declared, no support item applies.",
            ]
        ]
    if not items:
        return []
    return [*cx.heading(*title), *cx.numbered(items, where=SCHEDULE)]


def years_text(years: list[int]) -> str:
    if not years:
        return ""
    if len(years) > 1 and years == list(range(years[0], years[-1] + 1)):
        return f"{years[0]}—{years[-1]}年"
    return "、".join(str(y) for y in years) + "年"


def conditions_section(cx: LetterContext) -> list[Flowable]:
    terms = cx.snap["terms"]
    return [
        *cx.heading("享受条件及资金追回", "Conditions and clawback"),
        *cx.numbered([*terms["conditions"], *terms["clawback"]], where=WORDING),
    ]


def notes_section(cx: LetterContext) -> list[Flowable]:
    """有关说明, ending with the seal statement (the signature is kept with the end of this section)."""
    terms, pol = cx.snap["terms"], cx.snap["policy"]
    notice = cx.snap.get("kind") == "notice"
    notes = [terms["notice_reapply"]] if notice and terms.get("notice_reapply") else []
    notes += [n for n in terms["notes"] if not (notice and "不构成付款承诺" in n[0])]
    notes += [list(p) for p in pol.get("legal_notes") or []]
    items = list(notes)
    illustrative = terms["illustrative"] if not notice else []
    out: list[Flowable] = cx.heading("有关说明", "Notes")
    out += cx.numbered(items, where=WORDING)
    n = len(items)
    if illustrative:
        n += 1
        note = terms["illustrative_note"]
        out += cx.pair([f"（{_cn(n)}）{note[0]}", note[1]], where=WORDING)
        listing = "；".join(f"{p['item']}·{p['label_zh']} {p['display']}" for p in illustrative)
        out.append(cx.p(listing + "。", "note", SCHEDULE))
    seal = terms["seal_statement"]
    return out + cx.pair([f"（{_cn(n + 1)}）{seal[0]}", seal[1]], where=WORDING)


def _cn(n: int) -> str:
    from qt_app.reports.official.text import cn_number

    return cn_number(n)


def closing(cx: LetterContext, body: list[Flowable], digest: str, key_fp: str, annex: bool) -> list[Flowable]:
    """特此告知, 附件说明 and the signature (署名, date, seal area, QR), kept with the end of `body`: the
    signature page always carries at least two lines of the letter's text."""
    snap, terms = cx.snap, cx.snap["terms"]
    issued = date.fromisoformat(snap["issue_date"])
    block: list[Flowable] = [*cx.pair(terms["closing"], where=WORDING)]
    if annex:
        title = terms.get("attachment_title") or ["测算明细表", "Schedule"]
        block += [
            Spacer(1, LINE),
            cx.p(f"附件：{title[0]}", "body", WORDING),
            *cx.en(f"Annex: {title[1]}", "en_indent"),
        ]
    qr_lines = (
        f"函件编号 {snap['letter_id']}",
        f"签名公钥 {pretty_fingerprint(key_fp)}",
        f"内容摘要 {digest[:16]}",
    )
    en = f"{snap.get('office_en') or snap['office']} · {date_en(issued)}" if cx.bi else ""
    sig = Signature(
        snap["office"], date_zh(issued), en, qr_lines, "扫码核验" + (" · Scan to verify" if cx.bi else "")
    )
    block += [Spacer(1, 0.5 * LINE), SignatureBlock(sig, cx.ts)]
    return [KeepWithTail(body, block)]


def contact_note(cx: LetterContext) -> list[Flowable]:
    """附注: the contact, in parentheses, two characters in, under the date."""
    out: list[Flowable] = []
    contact = cx.snap.get("contact") or {}
    if contact.get("name") and contact.get("phone"):
        out.append(
            cx.p(f"（联系人：{contact['name']}，电话：{contact['phone']}）", "note", "联系人 / contact")
        )
        out += cx.en(f"(Contact: {contact['name']}, tel. {contact['phone']})", "en_indent")
    return out


def receipt(cx: LetterContext) -> list[Flowable]:
    """The firm's receipt (企业签收) for a wet seal and signature."""
    receipt = cx.snap["terms"].get("receipt") or ["本单位已收到本函，知悉上述内容。", "Received and noted."]
    # Kept whole: a receipt split over two pages cannot be sealed across the break.
    return [KeepTogether(receipt_box(cx, f"企业签收：{receipt[0]}", receipt[1]))]


def receipt_box(cx: LetterContext, statement_zh: str, statement_en: str = "") -> list[Flowable]:
    """A box the firm seals and signs under `statement` (a letter's receipt, a statement's confirmation)."""
    rows = [
        [cx.cell(statement_zh, statement_en), "", ""],
        [
            cx.cell("企业（盖章）：", "Company seal:"),
            cx.cell("法定代表人或授权代表（签字）：", "Legal representative or authorised signatory:"),
            cx.cell("日期：", "Date:"),
        ],
    ]
    box = Table(rows, colWidths=[BODY_W * 0.34, BODY_W * 0.42, BODY_W * 0.24], rowHeights=[None, 56])
    box.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), fonts.font_name(fonts.FANGSONG)),
                ("SPAN", (0, 0), (-1, 0)),
                ("BOX", (0, 0), (-1, -1), 0.5, GRID),
                ("LINEBELOW", (0, 0), (-1, 0), 0.3, GRID),
                ("VALIGN", (0, 1), (-1, 1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return [Spacer(1, 0.4 * LINE), box]


def copies(cx: LetterContext) -> list[Flowable]:
    """版记: 抄送 at the foot of the last page (信函: no rules, no 印发 line)."""
    cc = str(cx.snap.get("cc") or "").strip()
    if not cc:
        return []
    text = cc.rstrip("。") + "。"
    return [AtFoot(cx.p(f"抄送：{text}", "copy", "抄送 / copies"))]


def draft_warning(cx: LetterContext, missing: list[tuple[str, str]], contact_missing: bool) -> list[Flowable]:
    """A boxed warning on page 1 of a draft: characters no face can print, a missing contact."""
    lines: list[str] = []
    for ch, where in missing:
        lines.append(
            f"无法打印的字符：{fonts.describe(ch)}，位于{where.split(' / ')[0]}。出具前须修改，否则无法出具。"
        )
    if contact_missing:
        lines.append("尚未填写联系人和电话（附注）：出具时须填写。")
    if not lines:
        return []
    rows = [[cx.cell("草稿提示：" + line, "")] for line in lines]
    box = Table(rows, colWidths=[BODY_W])
    box.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), fonts.font_name(fonts.FANGSONG)),
                ("BOX", (0, 0), (-1, -1), 1.0, GRID),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return [Spacer(1, 2 * mm), box]
