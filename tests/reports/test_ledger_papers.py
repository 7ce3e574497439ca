"""The ledger's papers as a reader and a checker meet them: the 兑现审核表 of a claim paid in two tranches with
a holdback, and the firm's 对账单 — what the pages say (pdftotext), that every face is embedded (pdffonts), and
that verification gives the letter's verdicts: genuine, edited, draft; from the command line too."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from qt_app.reports.verify import REGISTER_KNOWN, REGISTER_UNKNOWN, Outcome
from qt_app.services import ledger as L
from qt_app.services.firms import Store, open_store
from qt_app.services.ledger_papers import review_sheet_pdf, statement_pdf
from qt_app.services.letters import verify_pdf
from tests.reports.conftest import edit_text, squash
from tests.store.ledger_fixtures import big_lease_firm, issue_letter, paid_in_tranches, recorded_year

ROOT = Path(__file__).resolve().parents[2]
PRINTED = date(2027, 6, 12)


def pdftotext(pdf: Path) -> str:
    """The pages' text in drawing order (-raw), so a sentence wrapped in a table cell reads as one."""
    return subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, str, str, Path]]:
    """A real store: a firm with its letter issued, 2026 actuals, the rent claim paid in two tranches, and a
    second claim (the landing award) applied for and not yet reviewed; the papers written once."""
    folder = tmp_path_factory.mktemp("ledger-papers")
    store = open_store(folder / "desk", auto_backup=False)
    firm = big_lease_firm(71, name="青田星河数字科技有限公司")
    issue_letter(store, firm)
    recorded_year(store, firm, folder / "scans")
    claim = paid_in_tranches(store, firm)
    draft = L.open_claim(store, L.OpenClaim(firm.id, "landing", 2026, date(2027, 6, 2))).claim_ids[0]
    (folder / "sheet.pdf").write_bytes(review_sheet_pdf(store, claim, today=PRINTED))
    (folder / "draft.pdf").write_bytes(review_sheet_pdf(store, draft, today=PRINTED))
    (folder / "statement.pdf").write_bytes(statement_pdf(store, firm.id, today=PRINTED))
    yield store, firm.id, claim, folder
    store.close()


def test_the_review_sheet_says_everything_a_reviewer_signs_for(ledger: tuple[Store, str, str, Path]) -> None:
    store, _fid, claim, folder = ledger
    text = squash(pdftotext(folder / "sheet.pdf"))
    for fact in (
        "兑现审核表", claim, "青田星河数字科技有限公司",
        "青招〔2025〕1号", "租金支持", "第一条", "2026年", "租赁合同QC-2025-118", "已附扫描件",
        "经审计的财务报表", "¥547,500.00", "人民币伍拾肆万柒仟伍佰元整",  # approved, in figures and capitals
        "¥492,750.00", "¥54,750.00", "青财拨〔2027〕11号", "青财拨〔2027〕25号", "含验收后拨付的预留款",
        "李主任", "王出纳", "周科长", "县经信局", "经办人（签字）", "审核人（签字）", "分管领导（签字）",
        "青田县投资促进中心", "2027年6月12日", "扫码核验",
    ):  # fmt: skip
        assert squash(fact) in text, fact
    firm, _ = store.get_firm(_fid)
    assert firm.uscc in text
    assert "依据《若干意见》租金支持条款" in text  # the due computation in words, clause by clause


def test_the_statement_totals_each_column_and_writes_them_in_capitals(
    ledger: tuple[Store, str, str, Path],
) -> None:
    store, fid, _claim, folder = ledger
    from qt_app.services.ledger_read import firm_ledger

    totals = firm_ledger(store, fid).totals()
    text = squash(pdftotext(folder / "statement.pdf"))
    from qt_app.domain.money import capitals
    from qt_app.domain.money_format import figure

    for key, label in (("promised", "承诺合计"), ("due", "应兑现合计"), ("paid", "已拨付合计")):
        assert squash(f"{label}{figure(totals[key])}（人民币{capitals(totals[key])}）") in text, label
    for fact in (
        "兑现对账单",
        "对账日期：2027年6月12日",
        "差异说明",
        "企业确认",
        "法定代表人或授权代表（签字）",
    ):
        assert squash(fact) in text, fact


@pytest.mark.parametrize("name", ["sheet.pdf", "draft.pdf", "statement.pdf"])
def test_every_face_is_embedded(ledger: tuple[Store, str, str, Path], name: str) -> None:
    out = subprocess.run(
        ["pdffonts", str(ledger[3] / name)], check=True, capture_output=True, text=True
    ).stdout
    rows = [line.split() for line in out.splitlines()[2:] if line.strip()]
    assert rows and all(r[-5] == "yes" for r in rows), out  # the "emb" column


def test_genuine_papers_pass_and_are_known_to_the_ledger(ledger: tuple[Store, str, str, Path]) -> None:
    store, _fid, claim, folder = ledger
    for name in ("sheet.pdf", "statement.pdf"):
        verdict = verify_pdf(folder / name, store)
        assert verdict.outcome is Outcome.PASS and verdict.exact_match, verdict.lines()
        assert verdict.register == REGISTER_KNOWN
    sheet = verify_pdf(folder / "sheet.pdf", store)
    assert sheet.payload["i"] == claim and sheet.register_status_label[0] == "已拨付"
    lines = "\n".join(sheet.lines())
    assert "兑现审核表" in lines and "核定金额：¥547,500.00" in lines and "已拨付：¥547,500.00" in lines
    assert "兑现台账：在册（申请状态：已拨付）" in lines
    elsewhere = verify_pdf(folder / "sheet.pdf")  # another office, with the key but not the ledger
    assert elsewhere.outcome is Outcome.PASS or elsewhere.outcome is Outcome.UNKNOWN_KEY


def test_an_edited_amount_fails_and_is_named(ledger: tuple[Store, str, str, Path]) -> None:
    store, _fid, _claim, folder = ledger
    for name, old, new in (
        ("sheet.pdf", "492,750.00", "592,750.00"),
        ("statement.pdf", "547,500.00", "947,500.00"),
    ):
        altered = edit_text((folder / name).read_bytes(), old, new)
        verdict = verify_pdf(altered, store)
        assert verdict.outcome is Outcome.FAILED and verdict.visible_match is False, name
        assert verdict.pages_changed
        assert "未通过" in "\n".join(verdict.lines())


def test_a_sheet_printed_before_review_is_a_draft(ledger: tuple[Store, str, str, Path]) -> None:
    store, _fid, _claim, folder = ledger
    text = squash(pdftotext(folder / "draft.pdf"))
    assert "本表为草稿" in text and "草稿" in text
    verdict = verify_pdf(folder / "draft.pdf", store)
    assert verdict.outcome is Outcome.DRAFT and verdict.exit_code == 4
    assert "该申请打印时尚未审核" in "\n".join(verdict.lines())


def test_the_commands_write_papers_that_verify(ledger: tuple[Store, str, str, Path], tmp_path: Path) -> None:
    store, fid, claim, _folder = ledger

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "qt_app", "--data-dir", str(store.folder), *args],
            cwd=ROOT, capture_output=True, text=True, check=False,
        )  # fmt: skip

    sheet, statement = tmp_path / "审核表.pdf", tmp_path / "对账单.pdf"
    made = run("ledger", "sheet", claim, "-o", str(sheet), "--date", "2027-06-12")
    assert made.returncode == 0 and "已写出兑现审核表" in made.stdout, made.stderr
    made = run("ledger", "statement", fid, "-o", str(statement))
    assert made.returncode == 0, made.stderr
    for path in (sheet, statement):
        checked = run("verify", str(path))
        assert checked.returncode == 0 and "结论：通过" in checked.stdout, checked.stdout + checked.stderr
    missing = run("ledger", "sheet", "k-0000000000000000", "-o", str(tmp_path / "x.pdf"))
    assert (
        missing.returncode == 2 and "找不到兑现申请" in missing.stderr and "Traceback" not in missing.stderr
    )
    unknown = verify_pdf(sheet, None)
    assert unknown.register in (REGISTER_UNKNOWN, "not_checked")
