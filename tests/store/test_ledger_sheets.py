"""Spreadsheets of the ledger: actuals sent as .xlsx (problems by row and column), the template, and the period
export for the finance bureau read back cell by cell."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from qt_app.domain.errors import ValidationError
from qt_app.domain.ledger import steps as s
from qt_app.domain.money import wan
from qt_app.domain.policy_loader import default_policy
from qt_app.services import ledger as L
from qt_app.services.firms import Store
from qt_app.services.ledger_export import export_period
from qt_app.services.ledger_read import firm_ledger
from qt_app.store.actuals_sheet import HEADERS, read_actuals_file, write_actuals_template
from tests.store.ledger_fixtures import actuals_file, evidence, issue_letter, landed_firm, scan

HEAD = [zh for _k, zh, _en, _kind in HEADERS]


def _sheet(path: Path, rows: list[dict[str, Any]]) -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws.append(HEAD)
    for row in rows:
        ws.append([row.get(h) for h in HEAD])
    book.save(path)
    return path


def test_an_actuals_sheet_is_recorded_with_its_scans(store: Store, tmp_path: Path) -> None:
    firm = landed_firm(1, grade="C")
    issue_letter(store, firm)
    name = scan(tmp_path)
    rows = [
        {"统一社会信用代码": firm.uscc, "年度": 2026, "实绩类别": "租赁", "入驻载体": "青创大厦", "面积（㎡）": 800,
         "租金（元/㎡/天）": 1.2, "入驻日期": "2026-01-01", "证明材料类型": "租赁合同", "证明材料文号": "QC-1",
         "证明材料日期": "2025-12-20"},
        {"统一社会信用代码": firm.uscc, "年度": 2026, "实绩类别": "经审计销售收入", "金额（万元）": 4200,
         "证明材料类型": "经审计的财务报表", "证明材料文号": "青会审〔2027〕15号", "证明材料日期": "2027年3月20日",
         "扫描件": name, "报送日期": "2027-03-31"},
        {"统一社会信用代码": firm.uscc, "年度": 2026, "实绩类别": "经审计销售收入", "证明材料类型": "统计报表",
         "证明材料文号": "统计-2026-9", "证明材料日期": "2027-01-15"},
        {"统一社会信用代码": firm.uscc, "年度": 2026, "实绩类别": "人才到岗", "人才层次或项目级别": "A", "人数": 2,
         "安居方式": "人才公寓", "证明材料类型": "人才认定证书", "证明材料文号": "丽人才〔2026〕8号", "证明材料日期": "2026-06-01"},
    ]  # fmt: skip
    (notice,) = L.record_actuals_file(store, _sheet(tmp_path / "实绩.xlsx", rows))
    ledger = firm_ledger(store, firm.uscc)
    actual = ledger.actuals[2026]
    assert actual.revenue is not None and actual.revenue.amount == wan(4200)
    assert [e.doc_type for e in actual.revenue.evidence] == ["audit_report", "statistical_return"]
    assert actual.revenue.evidence[0].sha256 and actual.talents[0].count == 2
    assert ledger.row("housing", 2026).due == 2 * 2000 * 12 * 100  # type: ignore[union-attr]
    assert "4份证明材料" in notice.summary_zh


def test_sheet_problems_name_the_row_and_the_column(tmp_path: Path) -> None:
    code = landed_firm(2).uscc
    rows = [
        {"统一社会信用代码": code, "年度": 2026, "实绩类别": "经审计销售收入", "金额（万元）": "很多",
         "证明材料类型": "审计报告", "证明材料文号": "X", "证明材料日期": "2027-03-01"},
        {"统一社会信用代码": code, "年度": 2026, "实绩类别": "研发投入", "金额（万元）": 80},
        {"统一社会信用代码": code, "年度": 2026, "实绩类别": "捐款", "金额（万元）": 80},
        {"统一社会信用代码": code, "实绩类别": "研发投入", "金额（万元）": 80},
    ]  # fmt: skip
    with pytest.raises(ValidationError) as e:
        read_actuals_file(_sheet(tmp_path / "bad.xlsx", rows))
    found = [f"{p.path} {p.zh}" for p in e.value.problems]
    assert any(f.startswith("第2行 [金额（万元）]") and "很多" in f for f in found), found
    assert any(f.startswith("第4行 [实绩类别]") and "捐款" in f for f in found), found
    assert any(f.startswith("第5行 [年度]") for f in found), found
    fixed = [{**rows[0], "金额（万元）": 4200, "证明材料类型": "审计报告"}, rows[1]]
    with pytest.raises(ValidationError) as e:
        read_actuals_file(_sheet(tmp_path / "bad2.xlsx", fixed))
    found = [f"{p.path} {p.zh}" for p in e.value.problems]
    assert any(f.startswith("第2行 [证明材料类型]") and "材料类型应为" in f for f in found), found
    assert any(f.startswith("第3行") and "缺少证明材料" in f for f in found), found


def test_the_template_reads_back_as_actuals(tmp_path: Path) -> None:
    path = write_actuals_template(tmp_path / "实绩模板.xlsx")
    (entry,) = read_actuals_file(path)
    (year,) = entry.years
    assert year.lease is not None and year.revenue is not None and year.revenue.amount == wan(3500)
    assert year.talents[0].housing.value == "apartment" and year.lease.evidence[0].source == "scans/lease.pdf"


def test_the_period_export_lists_claims_payments_and_recoveries_with_totals(
    store: Store, tmp_path: Path
) -> None:
    firm = landed_firm(3, grade="C", compute_spend={2026: wan(300)})
    issue_letter(store, firm)
    years = {"2026": {"revenue": {"amount": "1.2亿", "evidence": evidence()},
                      "compute_spend": {"amount": "300万", "evidence": evidence("compute_invoice")}}}  # fmt: skip
    L.record_actuals_file(store, actuals_file(tmp_path, firm, years))
    revenue = L.open_claim(store, L.OpenClaim(firm.id, "revenue", 2026, date(2027, 3, 1))).claim_ids[0]
    for step in (s.Review(date(2027, 3, 5), "钱", True, wan(150)), s.Notice(date(2027, 3, 8)),
                 s.Pay(date(2027, 3, 20), wan(75), "财拨〔2027〕1号"), s.Pay(date(2027, 12, 30), wan(60), "财拨〔2027〕30号"),
                 s.Accept(date(2028, 1, 5)), s.Pay(date(2028, 1, 10), wan(15), "财拨〔2028〕2号")):  # fmt: skip
        L.advance_claim(store, L.ClaimStep(revenue, step))
    compute = L.open_claim(store, L.OpenClaim(firm.id, "compute", 2026, date(2027, 3, 1))).claim_ids[0]
    for step in (s.Review(date(2027, 3, 5), "钱", True, wan(90)), s.Notice(date(2027, 3, 8)),
                 s.Accept(date(2027, 3, 9)), s.Pay(date(2027, 4, 1), wan(90), "算力券〔2027〕1号"),
                 s.Recover(date(2027, 9, 1), "false_statement：发票不实", wan(30), "false_statement"),
                 s.Repay(date(2027, 10, 1), wan(30), "收据9")):  # fmt: skip
        L.advance_claim(store, L.ClaimStep(compute, step))
    summary = export_period(
        store, tmp_path / "兑现情况表.xlsx", default_policy(), date(2027, 1, 1), date(2027, 12, 31)
    )
    assert (summary.payments, summary.paid, summary.repaid, summary.claims) == (3, wan(225), wan(30), 2)
    assert "拨付3笔（225万元）" in summary.words("zh")
    book = openpyxl.load_workbook(summary.path)
    assert book.sheetnames == ["合计", "拨付明细", "兑现申请", "追回"]
    pay = list(book["拨付明细"].iter_rows(values_only=True))
    assert [r[0] for r in pay[1:]] == ["2027-03-20", "2027-04-01", "2027-12-30"]
    assert pay[1][1] == firm.name and pay[1][7] == 750000 and pay[1][8] == "财拨〔2027〕1号"
    totals = {r[0] + "|" + str(r[2]): r for r in book["合计"].iter_rows(values_only=True)}
    assert totals["营收规模奖励|县级财政专项资金（无单列资金池）"][4] == 1350000
    pool = totals["算力券|算力券资金池（年度1000万元）"]
    assert (pool[4], pool[5], pool[6], pool[7]) == (900000, 300000, 300000, 600000)
    assert next(r for r in totals.values() if r[0] == "合计")[4] == 2250000
    assert len(list(book["追回"].iter_rows(values_only=True))) == 3
    everything = export_period(store, tmp_path / "all.xlsx", default_policy())
    assert everything.payments == 4 and everything.paid == wan(240)
