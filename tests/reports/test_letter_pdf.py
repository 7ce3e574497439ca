"""The letter PDF read back with poppler: what a firm and a printer would see."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from qt_app.domain.money import capitals, format_yuan
from qt_app.domain.package import Benefit, LineStatus
from qt_app.reports.pdf_read import read_pdf, visible_text
from tests.reports.conftest import DOC_NUMBER, page_count, pdftotext, squash
from tests.reports.factories import USCC, line, make_firm, make_package


def test_letter_names_the_firm_number_amounts_and_total_in_capitals(issued_pdf: Path) -> None:
    text = squash(pdftotext(issued_pdf))
    pkg = make_package()
    assert "青田县投资促进中心" in text
    assert DOC_NUMBER in text
    assert squash("关于青田元宇宙科技有限公司适用青田县元宇宙产业扶持政策的告知函") in text
    assert f"统一社会信用代码：{USCC}" in text
    for ln in pkg.paying_lines():
        assert format_yuan(ln.amount) in text, ln
    assert format_yuan(pkg.total) == "¥1,267,680.00"
    assert "人民币壹佰贰拾陆万柒仟陆佰捌拾元整" in text
    assert "2026年3月5日" in text  # no zero padding
    assert "2026年6月3日" in text  # valid for 90 days
    assert "本函为测算告知，不构成付款承诺；以政策原文及兑现审核结果为准" in text
    assert "纸质文本为准" in text  # the paper seal remains the legal act
    assert "草稿" not in text and "DRAFT" not in "".join(visible_text(read_pdf(issued_pdf.read_bytes())))


def test_letter_lists_what_is_not_given_and_illustrative_values(issued_pdf: Path) -> None:
    text = squash(pdftotext(issued_pdf))
    assert "未予享受的事项及原因" in text
    assert "县级项目不予配套" in text
    assert "示例值" in text
    assert squash("营收奖励·年度上限 100万元") in text  # the one illustrative parameter used


def test_totals_split_cash_and_in_kind_per_year(issued_pdf: Path) -> None:
    text = pdftotext(issued_pdf)
    # 2026: cash 350,400 + 200,000; in kind 72,000
    assert "¥550,400.00" in text and "¥72,000.00" in text and "¥622,400.00" in text
    assert "实物折算" in text


def test_the_cjk_font_is_embedded_as_a_subset_and_nothing_else_is_used(issued_pdf: Path) -> None:
    out = subprocess.run(["pdffonts", str(issued_pdf)], check=True, capture_output=True, text=True).stdout
    rows = out.splitlines()[2:]
    assert rows, out
    for row in rows:
        assert "WenQuanYiMicroHei" in row, row
        cols = row.split()
        assert cols[-5:-2] == ["yes", "yes", "yes"], row  # emb, sub, uni


def _dark_fraction(pdf: Path, page: int) -> float:
    pgm = subprocess.run(
        ["pdftoppm", "-gray", "-r", "50", "-f", str(page), "-l", str(page), str(pdf)],
        check=True,
        capture_output=True,
    ).stdout
    # binary PGM: P5\n<w> <h>\n255\n<data>
    parts = pgm.split(b"\n", 3)
    w, h = (int(x) for x in parts[1].split())
    data = parts[3][: w * h]
    return sum(1 for b in data if b < 128) / len(data)


def test_every_page_renders_with_ink(long_pdf: Path) -> None:
    for page in range(1, page_count(long_pdf) + 1):
        assert _dark_fraction(long_pdf, page) > 0.005, f"page {page} looks blank"


def test_forty_rows_flow_over_pages_with_the_header_repeated(long_pdf: Path) -> None:
    pages = page_count(long_pdf)
    assert pages >= 3
    seen_rows = set()
    pages_with_rows = 0
    for page in range(1, pages + 1):
        text = squash(pdftotext(long_pdf, page))
        rows = {i for i in range(1, 41) if f"扶持项目{i}2" in text or f"扶持项目{i}" in text}
        if rows:
            pages_with_rows += 1
            assert "测算依据" in text and "金额（元）" in text, f"page {page} has rows but no header"
        seen_rows |= rows
        assert f"第{page}页/共{pages}页" in text
    assert pages_with_rows >= 2
    assert seen_rows == set(range(1, 41))


def test_markup_in_names_prints_exactly_as_typed(write_letter: Callable[..., Path]) -> None:
    firm = make_firm("A&B <科技>")
    pdf = write_letter("markup", firm=firm, package=make_package(firm))
    text = pdftotext(pdf)
    assert "A&B <科技>（统一社会信用代码" in text
    assert "&amp;" not in text and "&lt;" not in text


def test_a_very_long_name_wraps_instead_of_running_off_the_page(write_letter: Callable[..., Path]) -> None:
    name = "浙江省丽水市青田县" + "元宇宙数字孪生虚拟现实人工智能" * 5 + "科技发展有限公司"
    firm = make_firm(name)
    pdf = write_letter("longname", firm=firm, package=make_package(firm))
    raw = pdftotext(pdf)
    assert squash(name) in squash(raw)
    longest = max(len(line) for line in raw.splitlines())
    assert longest < 90  # pdftotext joins a line only if it was laid out as one


def test_bilingual_letter_has_english_headings_and_rows(write_letter: Callable[..., Path]) -> None:
    pdf = write_letter("bi", language="zh+en")
    text = pdftotext(pdf)
    for words in ("Schedule A", "Conditions and clawback", "Notes", "Scan to verify", "Page 1 of"):
        assert words in text, words
    assert "关于青田元宇宙科技有限公司" in squash(text)  # Chinese stays first
    assert "not a promise of payment" in text


def test_chinese_only_letter_has_no_english(issued_pdf: Path) -> None:
    text = pdftotext(issued_pdf)
    assert "Schedule A" not in text and "Page 1 of" not in text


def test_draft_has_watermark_and_no_number(write_letter: Callable[..., Path]) -> None:
    pdf = write_letter("draft", draft=True)
    text = pdftotext(pdf)
    # the watermark is rotated (pdftotext scrambles it): read the page streams in drawing order instead
    pages = visible_text(read_pdf(pdf.read_bytes()))
    assert all("草稿" in page and "DRAFT" in page for page in pages)
    assert "草稿（未编号）" in squash(text)
    assert "青招〔" not in text


def test_settings_change_the_issuing_office_and_terms(write_letter: Callable[..., Path]) -> None:
    settings = {"issuing_office": "青田县商务局", "letter_validity_days": "30", "letter_min_years": "3"}
    pdf = write_letter("settings", settings=settings)
    text = squash(pdftotext(pdf))
    assert "青田县商务局（盖章）" in text
    assert "至2026年4月4日" in text
    assert "不少于3年" in text


def test_a_package_with_nothing_to_pay_says_so(write_letter: Callable[..., Path]) -> None:
    firm = make_firm()
    empty = make_package(firm, (line("rent", 2026, 0, reason="不在政策载体内"),))
    pdf = write_letter("empty", firm=firm, package=empty)
    text = squash(pdftotext(pdf))
    assert "暂无可享受的扶持项目" in text
    assert "人民币" + capitals(0) in text


def test_in_kind_lines_are_labelled(write_letter: Callable[..., Path]) -> None:
    firm = make_firm()
    pkg = make_package(firm, (line("housing", 2026, 4_800_000, benefit=Benefit.IN_KIND, category="housing"),))
    text = squash(pdftotext(write_letter("inkind", firm=firm, package=pkg)))
    assert "实物折算" in text


def test_a_firm_level_exclusion_is_said_once(write_letter: Callable[..., Path]) -> None:
    firm = make_firm("青田环球贸易有限公司", is_trading=True)
    reason = "贸易类企业不适用本政策"
    lines = tuple(
        line(item, 2026, 0, reason=reason, status=LineStatus.INELIGIBLE) for item in ("rent", "compute")
    )
    pkg = replace(
        make_package(firm, lines), eligible=False, exclusions_zh=(reason,), exclusions_en=("trading firm",)
    )
    text = squash(pdftotext(write_letter("excluded", firm=firm, package=pkg)))
    assert text.count(reason) == 1
    assert "暂无可享受的扶持项目" in text and "人民币零元整" in text
