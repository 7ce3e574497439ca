"""The letter PDF read back with poppler: what a firm and a printer see (GB/T 9704 layout, kinds apart)."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from pathlib import Path

from qt_app.domain.money import capitals
from qt_app.domain.money_format import figure
from qt_app.domain.package import LineStatus
from qt_app.reports.pdf_read import read_pdf, visible_text
from tests.reports.conftest import DOC_NUMBER, page_count, pdftotext, squash
from tests.reports.factories import USCC, excluded_package, line, make_firm, make_package

FACES = (
    "ZhuqueFangsong-Regular",
    "ODTitleSong-Bold",
    "ODHei-Regular",
    "ODKai-Regular",
    "LiberationSerif",
    "ODHanFallback-Regular",
)


def test_letter_names_the_firm_number_amounts_and_totals(issued_pdf: Path) -> None:
    text = squash(pdftotext(issued_pdf))
    pkg = make_package()
    assert "青田县投资促进中心" in text
    assert DOC_NUMBER in text
    assert squash("关于青田元宇宙科技有限公司适用青田县元宇宙产业扶持政策的告知函") in text
    assert f"统一社会信用代码：{USCC}" in text
    for ln in pkg.paying_lines():
        assert figure(ln.amount) in text, ln
    assert "人民币" + capitals(pkg.total) in text  # total value in capitals
    assert "人民币" + capitals(pkg.cash_total) in text  # and the cash
    assert "2026年3月5日" in text and "2026年6月3日" in text  # no zero padding; valid 90 days
    assert "本函为测算告知，不构成付款承诺；以政策原文及兑现审核结果为准" in text
    assert "（联系人：王科长，电话：0578-6812345）" in text
    assert "草稿" not in text and "DRAFT" not in "".join(visible_text(read_pdf(issued_pdf.read_bytes())))


def test_cash_vouchers_and_in_kind_are_totalled_apart_with_the_horizon(issued_pdf: Path) -> None:
    pkg = make_package()
    text = squash(pdftotext(issued_pdf))
    assert "在2026年至2028年可享受的扶持总价值为" + figure(pkg.total) in text
    assert "其中资金" + figure(pkg.cash_total) in text
    body = squash(pdftotext(issued_pdf, 2))  # 二、测算结果: one row per kind
    assert f"资金{figure(pkg.cash_total)}" in body
    assert f"算力券{figure(pkg.voucher_total)}仅可用于本县公共算力平台" in body
    assert f"实物折算{figure(pkg.in_kind_total)}" in body
    assert f"合计（总价值）{figure(pkg.total)}" in body
    annex = squash(pdftotext(issued_pdf, 5, page_count(issued_pdf)))
    assert annex.count("小计") == 3  # one subtotal per kind
    assert "（二）算力券" in annex and "不能兑换现金" in text


def test_page_numbers_footer_and_copies(issued_pdf: Path) -> None:
    pages = page_count(issued_pdf)
    assert "—1—" not in squash(pdftotext(issued_pdf, 1))  # a 信函's first page carries no number
    for page in range(2, pages + 1):
        assert f"—{page}—" in squash(pdftotext(issued_pdf, page))
    for page in range(1, pages + 1):
        assert f"共 {pages} 页" in pdftotext(issued_pdf, page)
    assert "抄送：县财政局、县经信局。" in pdftotext(issued_pdf, pages)
    assert "抄送" not in pdftotext(issued_pdf, 1, pages - 1)


def test_every_face_is_embedded_as_a_subset(write_letter: Callable[..., Path]) -> None:
    pdf = write_letter("rare", firm=make_firm("𠀀青田科技有限公司"))
    out = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout
    rows = out.splitlines()[2:]
    names = {row.split()[0].split("+", 1)[1] for row in rows}
    assert names == set(FACES), names
    for row in rows:
        assert row.split()[-5:-2] == ["yes", "yes", "yes"], row  # embedded, subset, ToUnicode


def test_a_rare_character_prints_and_copies_as_itself(write_letter: Callable[..., Path]) -> None:
    name = "𠀀青田科技有限公司"
    pdf = write_letter("rare", firm=make_firm(name))
    assert squash(name) in squash(pdftotext(pdf))  # ToUnicode carries the surrogate pair


def test_markup_in_names_prints_exactly_as_typed(write_letter: Callable[..., Path]) -> None:
    firm = make_firm("A&B <科技>")
    text = pdftotext(write_letter("markup", firm=firm, package=make_package(firm)))
    assert "A&B <科技>（统一社会信用代码" in text
    assert "&amp;" not in text and "&lt;" not in text


def test_a_sixty_character_name_stays_inside_the_margins(write_letter: Callable[..., Path]) -> None:
    name = "浙江省丽水市青田县" + "元宇宙数字孪生虚拟现实人工智能" * 3 + "科技发展有限公司"
    assert len(name) == 62
    firm = make_firm(name)
    pdf = write_letter("longname", firm=firm, package=make_package(firm))
    assert squash(name) in squash(pdftotext(pdf))
    bbox = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    right = max(float(x) for x in re.findall(r'xMax="([\d.]+)"', bbox))
    # 版心 right edge 28 + 156 = 184 mm = 521.6 pt, plus one hanging punctuation mark
    assert right <= 521.6 + 16, right


def test_the_schedule_splits_with_its_header_and_no_lone_row(long_pdf: Path) -> None:
    pages = page_count(long_pdf)
    seen: set[int] = set()
    per_page = []
    for page in range(1, pages + 1):
        text = squash(pdftotext(long_pdf, page))
        rows = {i for i in range(1, 41) if re.search(rf"扶持项目{i}20\d\d年", text)}
        if rows:
            assert "测算依据" in text and "金额（元）" in text, f"page {page} has rows but no header"
            per_page.append(len(rows))
        seen |= rows
    assert seen == set(range(1, 41))
    assert len(per_page) >= 2 and min(per_page) >= 2, per_page  # never one row alone on a page


def _ink_rows(pdf: Path, page: int) -> list[int]:
    pgm = subprocess.run(
        ["pdftoppm", "-gray", "-r", "36", "-f", str(page), "-l", str(page), str(pdf)],
        check=True,
        capture_output=True,
    ).stdout
    parts = pgm.split(b"\n", 3)
    w, h = (int(x) for x in parts[1].split())
    data = parts[3][: w * h]
    return [r for r in range(h) if any(b < 128 for b in data[r * w : (r + 1) * w])]


def test_page_one_is_full_and_the_signature_page_carries_text(long_pdf: Path, issued_pdf: Path) -> None:
    for pdf in (long_pdf, issued_pdf):
        rows = _ink_rows(pdf, 1)
        h = 297 * 36 / 25.4
        text_rows = [
            r for r in rows if r < h - 35 * 36 / 25.4
        ]  # above the 版心's foot (footer and rule below)
        assert max(text_rows) > h * 0.72, "page 1 is half empty"
        for page in range(1, page_count(pdf) + 1):
            text = squash(pdftotext(pdf, page))
            if "扫码核验" in text:  # the signature page: the seal statement and 特此告知 stand on it
                assert "纸质文本为准" in text and "特此告知" in text
                assert "（五）本函以加盖" in text or "二维码及数字签名" in text


def test_bilingual_letter_has_english_in_a_serif(write_letter: Callable[..., Path]) -> None:
    pdf = write_letter("bi", language="zh+en")
    text = pdftotext(pdf)
    for words in ("Estimated support", "Conditions and clawback", "Annex 1", "Scan to verify", "pages"):
        assert words in text, words
    assert "not a promise of payment" in text
    assert "关于青田元宇宙科技有限公司" in squash(text)  # Chinese stays first


def test_chinese_only_letter_has_no_english(issued_pdf: Path) -> None:
    text = pdftotext(issued_pdf)
    assert "Estimated support" not in text and "Annex" not in text


def test_draft_has_watermark_no_number_and_warns(write_letter: Callable[..., Path]) -> None:
    firm = make_firm("青田😀科技有限公司")
    pdf = write_letter("draft", draft=True, firm=firm, package=make_package(firm), settings={})
    pages = visible_text(read_pdf(pdf.read_bytes()))
    assert all("草稿" in page and "DRAFT" in page for page in pages)
    text = squash(pdftotext(pdf))
    assert "草稿（未编号）" in text and "青招〔" not in text
    assert "U+1F600" in text and "出具前须修改" in text  # the character no face has, named
    assert "尚未填写联系人和电话" in text
    assert "青田〓科技有限公司" in text  # printed as the typesetter's mark, never as a blank gap


def test_an_excluded_firm_gets_a_notice_not_a_zero_offer(write_letter: Callable[..., Path]) -> None:
    firm = make_firm("青田环球贸易有限公司", is_trading=True)
    pdf = write_letter("excluded", firm=firm, package=excluded_package(firm))
    text = squash(pdftotext(pdf))
    assert "不予享受青田县元宇宙产业扶持政策的告知函" in text
    assert "不予支持的原因" in text and text.count("贸易类企业不适用本政策") == 1
    assert "¥0.00" not in text and "零元整" not in text and "附件1" not in text
    assert "测算结果" not in text and "不构成付款承诺" not in text


def test_nothing_to_pay_is_a_notice_too(write_letter: Callable[..., Path]) -> None:
    firm = make_firm()
    empty = make_package(
        firm, (line("rent", 2026, 0, reason="不在政策载体内", status=LineStatus.INELIGIBLE),)
    )
    text = squash(pdftotext(write_letter("empty", firm=firm, package=empty)))
    assert "不予享受" in text and "不在政策载体内" in text and "¥0.00" not in text
    nothing = make_package(firm, (line("rent", 2026, 0),))  # eligible, but nothing this year
    text = squash(pdftotext(write_letter("nothing", firm=firm, package=nothing)))
    assert "没有可享受的扶持项目" in text and "¥0.00" not in text


def test_settings_change_the_issuing_office_and_terms(write_letter: Callable[..., Path]) -> None:
    settings = {"issuing_office": "青田县商务局", "letter_validity_days": "30", "letter_min_years": "3"}
    text = squash(pdftotext(write_letter("settings", settings=settings)))
    assert text.startswith("青田县商务局") and "至2026年4月4日" in text and "不少于3年" in text


def test_forty_rows_make_pages_that_each_render_ink(long_pdf: Path) -> None:
    for page in range(1, page_count(long_pdf) + 1):
        assert _ink_rows(long_pdf, page), f"page {page} looks blank"


def test_the_firms_receipt_never_stands_alone_on_the_last_page(
    write_letter: Callable[..., Path], long_pdf: Path, issued_pdf: Path
) -> None:
    """The firm signs the receipt: a last page holding only the receipt could be detached from what it signs
    for (the example letter's receipt once fell alone onto page 9)."""
    from qt_app.domain.firm_io import load_firm_file
    from qt_app.domain.policy_loader import default_policy
    from qt_app.domain.simulate import simulate

    firm, _variants = load_firm_file(Path("resources/examples/xinghe-digital.json"))
    example = write_letter("example", firm=firm, package=simulate(firm, default_policy()))
    for pdf in (example, long_pdf, issued_pdf):
        last = squash(pdftotext(pdf, page_count(pdf)))
        assert "企业签收" in last
        before_receipt = last.split("企业签收")[0]
        assert len(before_receipt) > 40, f"{pdf.name}: the receipt stands alone on its page: {last[:120]}"
