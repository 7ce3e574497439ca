"""`python -m qt_app ledger …` and `exposure` as headquarters scripts use them: exit codes, tables, JSON, no
tracebacks, field messages for bad input."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from qt_app.domain.money import wan
from qt_app.services.firms import open_store
from tests.cli.test_policy_cli import run
from tests.store.ledger_fixtures import actuals_file, evidence, issue_letter, landed_firm, lease, scan


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str]:
    """A data folder with one landed firm whose letter is issued, one with only a draft; an actuals file."""
    root = tmp_path_factory.mktemp("ledger-cli")
    folder = root / "desk"
    firm, drafted = landed_firm(1, grade="C"), landed_firm(2)
    with open_store(folder, auto_backup=False) as store:
        issue_letter(store, firm)
        issue_letter(store, drafted, status="draft")
    name = scan(root)
    years = {"2026": {"lease": lease(), "revenue": {"amount": "1.2亿", "evidence": evidence(file=name)}}}
    actuals_file(root, firm, years)
    actuals_file(
        root, drafted, {"2026": {"revenue": {"amount": "1亿", "evidence": evidence()}}}, "drafted.json"
    )
    return folder, firm.uscc, firm.id


def _ok(*args: str) -> str:
    out = run(*args)
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr
    return out.stdout


def test_record_show_and_a_claim_through_to_paid(desk: tuple[Path, str, str]) -> None:
    folder, code, firm_id = desk
    d = ["--data-dir", str(folder)]
    refused = run("ledger", "record", str(folder.parent / "drafted.json"), *d)
    assert (
        refused.returncode == 2
        and "没有已出具或已接受的告知函" in refused.stderr
        and "Traceback" not in refused.stderr
    )
    checked = _ok("ledger", "record", str(folder.parent / "actuals.json"), "--dry-run", "--who", "赵", *d)
    assert "检查完成：未写入任何数据" in checked
    assert "已报送实绩年度：无" in _ok("ledger", "show", code, *d)
    assert "已登记" in _ok("ledger", "record", str(folder.parent / "actuals.json"), "--who", "赵", *d)
    table = _ok("ledger", "show", "元宇宙测试1号", *d)
    assert "2026年经审计销售收入1.2亿元，超过1亿元档" in table and "待拨付150万元（尚未申报）" in table
    assert "首次超过3000万元、5000万元、1亿元档，按最高档奖励 = 150万元" in table
    apply = json.loads(_ok("ledger", "claim", "apply", code, "--item", "revenue", "--year", "2026", "--date", "2027-04-01",
                           "--format", "json", *d))  # fmt: skip
    claim = apply["claims"][0]
    steps = [
        ("review", "--date", "2027-04-10", "--amount", "150万", "--reviewer", "经信局钱科长"),
        ("notice", "--date", "2027-04-12"),
        ("pay", "--date", "2027-04-19", "--amount", "75万", "--order", "财拨〔2027〕11号"),
        ("accept", "--date", "2027-05-01", "--who", "经信局"),
        ("pay", "--date", "2027-05-10", "--amount", "75万", "--order", "财拨〔2027〕15号"),
    ]
    for step, *options in steps:
        _ok("ledger", "claim", step, claim, *options, *d)
    data = json.loads(_ok("ledger", "show", firm_id, "--format", "json", *d))
    row = next(r for r in data["rows"] if (r["item"], r["year"]) == ("revenue", 2026))
    assert (row["promised_fen"], row["due_fen"], row["paid_fen"]) == (wan(20), wan(150), wan(150))
    (k,) = data["claims"]
    assert k["state"] == "paid" and [t["amount_fen"] for t in k["tranches"]] == [wan(75), wan(75)]
    assert data["policy"]["version"] == "2023.1" and data["letter"]["doc_number"].startswith("青招〔2025〕")
    en = _ok("--lang", "en", "ledger", "show", code, *d)
    assert (
        "2026 audited revenue ¥120 million, above the ¥100 million tier" in en
        and "¥1.5 million paid in full" in en
    )


def test_bad_claim_input_gets_one_line_per_field_and_exit_2(desk: tuple[Path, str, str]) -> None:
    folder, code, _ = desk
    d = ["--data-dir", str(folder)]
    _ok("ledger", "record", str(folder.parent / "actuals.json"), *d)
    out = run(
        "ledger", "claim", "apply", code, "--item", "rent", "--year", "2026", "--date", "2027-04-01", *d
    )
    claim = out.stdout.strip().splitlines()[-1].split("：")[1]
    cases = [
        (
            ("review", "--date", "2027-04-05", "--amount", "50万", "--reviewer", "钱"),
            "amount: 核定金额50万元超过申报金额",
        ),
        (
            ("review", "--date", "2027-03-05", "--amount", "10万", "--reviewer", "钱"),
            "on: 日期2027年3月5日早于申报日期",
        ),
        (
            ("review", "--date", "2027-04-05", "--amount", "-3", "--reviewer", "钱"),
            "--amount: 金额不能为负数",
        ),
        (("review", "--date", "明天", "--amount", "1", "--reviewer", "钱"), "--date: 日期格式应为"),
        (("pay", "--date", "2027-04-05", "--amount", "1"), "当前状态为“已申报”，不能拨付"),
    ]
    for options, words in cases:
        bad = run("ledger", "claim", options[0], claim, *options[1:], *d)
        assert bad.returncode == 2 and words in bad.stderr, bad.stderr
        assert "Traceback" not in bad.stderr
    missing = run("ledger", "claim", "apply", code, "--date", "2027-04-01", *d)
    assert missing.returncode == 2 and "--item" in missing.stderr and "--year" in missing.stderr


def test_budget_exposure_and_export(desk: tuple[Path, str, str], tmp_path: Path) -> None:
    folder, _, _ = desk
    d = ["--data-dir", str(folder)]
    _ok("ledger", "record", str(folder.parent / "actuals.json"), *d)
    assert "2026年营收规模奖励预算：100万元" in _ok("ledger", "budget", "revenue", "2026", "100万", *d)
    bad = run("ledger", "budget", "lunch", "2026", "1万", *d)
    assert bad.returncode == 2 and "政策中没有事项“lunch”" in bad.stderr
    data = json.loads(_ok("exposure", "--format", "json", "--year", "2026", *d))
    assert [c["key"] for c in data["columns"]][3:] == ["committed", "due", "paid", "recovered"]
    revenue = next(r for r in data["rows"] if r["item"] == "revenue")
    assert revenue["budget_fen"] == wan(100) and revenue["due_fen"] == wan(150)
    assert "due" in revenue["over_budget"]
    table = _ok("exposure", "--year", "2026", *d)
    assert "已承诺（已出具告知函）" in table and "年度预算" in table and "超出预算" in table
    assert "年度预算" not in _ok("exposure", "--year", "2030", *d)
    out = tmp_path / "兑现.xlsx"
    said = _ok("ledger", "export", str(out), "--from", "2027-01-01", "--to", "2027-12-31", *d)
    assert str(out) in said and openpyxl.load_workbook(out).sheetnames == [
        "合计",
        "拨付明细",
        "兑现申请",
        "追回",
    ]
    wrong = run(
        "ledger", "export", str(tmp_path / "x.xlsx"), "--from", "2027-12-31", "--to", "2027-01-01", *d
    )
    assert wrong.returncode == 2 and "结束日期早于开始日期" in wrong.stderr
    template = tmp_path / "模板.xlsx"
    _ok("ledger", "template", str(template))
    assert openpyxl.load_workbook(template).active["A1"].value == "统一社会信用代码"  # type: ignore[index]


def test_policy_check_prints_the_payment_rules_and_clawback_conditions() -> None:
    root = Path(__file__).resolve().parents[2]
    out = _ok("policy", "check", str(root / "resources" / "policies" / "qingtian-metaverse-2023.yaml"))
    assert "兑现规则：公示5个工作日[illustrative]" in out and "move_out[illustrative]" in out
