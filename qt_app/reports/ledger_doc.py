"""What the 兑现 ledger's papers share with the letter: the document kit's page, fonts, signature with seal area
and QR code, the signed payload over the page digest, the file seal, and the snapshot embedded in the file.

Two documents use it: the 兑现审核表 of one claim (`ledger_sheet`, payload kind 3) and the per-firm statement
(对账单, `ledger_statement`, kind 4). Each is rendered from a plain snapshot (`services.ledger_papers` builds it)
whose canonical JSON hashes to the content hash the QR code signs, like a letter's.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from qt_app.domain.money import capitals
from qt_app.domain.money_format import figure
from qt_app.reports.letter_context import GRID, LetterContext
from qt_app.reports.official import fonts
from qt_app.reports.official import payload as od2
from qt_app.reports.official.blocks import KeepWithTail, Signature, SignatureBlock
from qt_app.reports.official.canvas import Attachment, Built, DocSpec, Letterhead, build_pdf
from qt_app.reports.official.digest import PageView, document_digest
from qt_app.reports.official.styles import BODY_W, LINE
from qt_app.reports.official.text import date_zh
from qt_app.reports.signing import pretty_fingerprint
from qt_app.reports.snapshot import canonical_json, content_hash

ATTACHMENT_NAME = "ledger-snapshot.json"
REVIEW = "review"  # 兑现审核表
STATEMENT = "statement"  # 对账单
KINDS = {REVIEW: od2.KIND_REVIEW, STATEMENT: od2.KIND_STATEMENT}
TITLES = {REVIEW: "兑现审核表", STATEMENT: "兑现对账单"}
SUBJECT_PREFIX = "Offer Desk ledger sha256:"


def amount_words(fen: int) -> str:
    """¥1,500,000.00（人民币壹佰伍拾万元整）: figures and capitals, as a payment order writes them."""
    return f"{figure(fen)}（人民币{capitals(fen)}）"


def unprintable_in(snapshot: Mapping[str, Any]) -> list[str]:
    """Characters of the document no bundled face can print (they would show as 〓)."""
    out: dict[str, None] = {}

    def walk(value: Any) -> None:
        if isinstance(value, str):
            for ch in fonts.unprintable(value):
                out[ch] = None
        elif isinstance(value, Mapping):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(snapshot)
    return list(out)


def glyph_warning(cx: LetterContext, missing: Sequence[str]) -> list[Flowable]:
    """A boxed warning when some character has no glyph: the officer fixes the record and prints again."""
    if not missing:
        return []
    chars = "、".join(fonts.describe(ch) for ch in missing[:5])
    text = f"提示：以下字符没有可用的公文字体，打印为〓：{chars}。请在台账中改用规范汉字后重新生成。"
    box = Table([[cx.cell(text)]], colWidths=[BODY_W])
    box.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), fonts.font_name(fonts.FANGSONG)),
                ("BOX", (0, 0), (-1, -1), 1.0, GRID),
            ]
        )
    )
    return [box, Spacer(1, 2 * mm)]


def table(
    cx: LetterContext,
    head: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    numeric: Sequence[int] = (),
    totals: Sequence[int] = (),
) -> Flowable:
    """A ruled table in 五号仿宋 with a 黑体 header; amounts right-aligned; total rows shaded."""
    cells: list[list[Any]] = [[cx.cell(h, style="head") for h in head]]
    for r in rows:
        cells.append([cx.cell(v, style="cell_r" if i in numeric else "cell") for i, v in enumerate(r)])
    return cx.grid(cells, [BODY_W * w for w in widths], 1, [t + 1 for t in totals])


def labelled(cx: LetterContext, pairs: Sequence[tuple[str, str]], first: float = 0.24) -> Flowable:
    """Two columns, label and value (基本情况)."""
    rows = [[cx.cell(k, style="head"), cx.cell(v)] for k, v in pairs]
    return cx.grid(rows, [BODY_W * first, BODY_W * (1 - first)], head_rows=0)


def signature_areas(cx: LetterContext, roles: Sequence[str]) -> Flowable:
    """Boxes for the wet signatures (经办人、审核人、分管领导…), each with a date line."""
    rows = [[cx.cell(f"{role}（签字）：", style="cell"), cx.cell("日期：", style="cell")] for role in roles]
    box = Table(rows, colWidths=[BODY_W * 0.68, BODY_W * 0.32], rowHeights=[40] * len(rows))
    box.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), fonts.font_name(fonts.FANGSONG)),
                ("GRID", (0, 0), (-1, -1), 0.5, GRID),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return box


def heading(cx: LetterContext, zh: str) -> list[Flowable]:
    """一、 in 黑体 with a little air above it (a form's sections follow ruled tables)."""
    return [Spacer(1, 0.35 * LINE), *cx.heading(zh, "")]


def closing(
    cx: LetterContext,
    body: list[Flowable],
    digest: str,
    key_fp: str,
    before: Sequence[Flowable] = (),
    after: Sequence[Flowable] = (),
) -> list[Flowable]:
    """The office's signature with its 42 mm seal area and the QR code, kept with the end of the text (and
    with `before` — the signature boxes — and `after` — the firm's receipt — on the same page)."""
    snap = cx.snap
    issued = date.fromisoformat(snap["issue_date"])
    qr_lines = (
        f"{TITLES[snap['document']]}编号 {snap['doc_id']}",
        f"签名公钥 {pretty_fingerprint(key_fp)}",
        f"内容摘要 {digest[:16]}",
    )
    sig = Signature(snap["office"], date_zh(issued), "", qr_lines, "扫码核验")
    return [KeepWithTail(body, [*before, Spacer(1, 0.5 * LINE), SignatureBlock(sig, cx.ts), *after])]


def claims_of(
    snap: Mapping[str, Any], digest: str, pages: int, page_digest: bytes, key_fp: str
) -> od2.Claims:
    """What the QR code says: the document's id, the letter's 文号, the firm, the date, two amounts."""
    return od2.Claims(
        kind=KINDS[snap["document"]],
        draft=bool(snap["draft"]),
        doc_id=str(snap["doc_id"]),
        number=str(snap["letter"]["doc_number"] or ""),
        party=str(snap["firm"]["uscc"]),
        issued=date.fromisoformat(snap["issue_date"]),
        total=int(snap["signed"]["total"]),
        cash=int(snap["signed"]["paid"]),
        policy=str(snap["policy"]["version"]),
        pages=pages,
        content=bytes.fromhex(digest)[: od2.CONTENT_BYTES],
        digest=page_digest,
        key=bytes.fromhex(key_fp)[:8],
    )


def render(
    snap: Mapping[str, Any],
    story_of: Callable[[LetterContext, str, str], list[Flowable]],
    key_fp: str,
    sign_message: Callable[[bytes], bytes],
) -> Built:
    """Lay out and seal a ledger paper: payload over the pages' digest (QR and /Keywords), file seal."""
    digest = content_hash(snap)
    ts = fonts.Typesetter()
    cx = LetterContext(snap, ts)

    def sign(pages: list[PageView]) -> str:
        body = od2.pack(claims_of(snap, digest, len(pages), document_digest(pages), key_fp))
        return od2.to_text(body, sign_message(od2.message(body)))

    title = TITLES[snap["document"]]
    head = Letterhead(snap["office"], "", snap["number_line"]) if snap["document"] == STATEMENT else None
    spec = DocSpec(
        title=f"{title} {snap['firm']['name']}",
        author=str(snap["office"]),
        creator=f"Offer Desk {snap['app_version']}",
        letterhead=head,
        running_head=f"{title}  {snap['firm']['name']}",
        footer=(
            f"{title} {snap['doc_id']}  ·  政策版本 {snap['policy']['version']}  ·  软件版本 {snap['app_version']}"
            f"  ·  内容摘要 {digest[:12]}"
        ),
        draft=bool(snap["draft"]),
        subject_prefix=SUBJECT_PREFIX + digest,
        attachments=[Attachment(ATTACHMENT_NAME, canonical_json(snap), f"Offer Desk {title} snapshot")],
        sign=sign,
        seal=sign_message,
        typesetter=ts,
    )
    return build_pdf(story_of(cx, digest, key_fp), spec)
