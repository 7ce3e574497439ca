"""`python -m qt_app exposure` as headquarters would script it: full and stage-weighted amounts per year and
item, each pool and whether it is exceeded, 待认定 amounts apart; table or JSON; one year with --year."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from qt_app.domain.money import wan
from qt_app.domain.uscc import make_code
from tests.cli.test_policy_cli import run


def _firm(n: int, **fields: Any) -> dict[str, Any]:
    return {
        "name": f"青田算力测试{n}号有限公司",
        "uscc": make_code("9", "1", "331121", f"MA2EX{n:04d}"),
        **fields,
    }


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Six landed firms each drawing the 200万 voucher cap in 2026 (1200万 > the 1000万 pool), one lead,
    one 大数据 firm awaiting recognition, one firm with no year at all."""
    folder = tmp_path_factory.mktemp("exposure")
    firms = [
        _firm(i, stage="landed", domains=["人工智能"], compute_spend={"2026": "1000万"}) for i in range(6)
    ]
    firms.append(_firm(6, stage="lead", domains=["区块链"], compute_spend={"2026": "100万"}))
    firms.append(_firm(7, stage="landed", domains=["大数据"], compute_spend={"2026": "500万"}))
    firms.append(_firm(8, stage="contact", domains=["人工智能"]))
    source = folder / "firms.json"
    source.write_text(json.dumps(firms, ensure_ascii=False), encoding="utf-8")
    imported = run("firms", "import", str(source), "--data-dir", str(folder))
    assert imported.returncode == 0, imported.stderr
    return folder


def test_json_gives_full_weighted_pending_and_the_pool_per_year_and_item(data_dir: Path) -> None:
    out = run("exposure", "--format", "json", "--data-dir", str(data_dir))
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["firm_count"] == 9 and data["undated_firms"] == 1
    keys = ["full", "weighted", "pending", "committed", "due", "paid", "recovered"]
    assert [c["key"] for c in data["columns"]] == keys  # no letters yet: the ledger's columns are zero
    compute = next(r for r in data["rows"] if r["item"] == "compute" and r["year"] == 2026)
    # 6 × 200万 (landed, weight 1) + 30万 (lead: 30% of 100万, weight 10%)
    assert compute["full_fen"] == 6 * wan(200) + wan(30)
    assert compute["weighted_fen"] == 6 * wan(200) + wan(3)
    assert compute["pending_fen"] == wan(150)  # the 大数据 firm's vouchers: shown, not counted
    assert compute["pool_fen"] == wan(1000) and compute["exceeded"] and compute["exceeded_if_all_land"]
    assert compute["name"] == "算力券" and compute["name_en"] == "Compute vouchers"
    assert data["total"]["full_fen"] == sum(r["full_fen"] for r in data["rows"])
    assert data["by_year"]["2026"]["pending_fen"] == wan(150)


def test_table_marks_the_exceeded_pool_in_both_languages(data_dir: Path) -> None:
    zh = run("exposure", "--data-dir", str(data_dir))
    assert zh.returncode == 0, zh.stderr
    row = next(line for line in zh.stdout.splitlines() if line.startswith("2026") and "算力券" in line)
    assert "1,230.00万元" in row and "1,203.00万元" in row and "150.00万元" in row
    assert "1,000.00万元" in row and row.rstrip().endswith("超出")
    assert "待认定（未计入）" in zh.stdout and "另有1家企业未填写任何年度，未计入" in zh.stdout
    en = run("--lang", "en", "exposure", "--data-dir", str(data_dir))
    row = next(
        line for line in en.stdout.splitlines() if line.startswith("2026") and "Compute vouchers" in line
    )
    assert "¥12.30 million" in row and "¥10.00 million" in row and row.rstrip().endswith("EXCEEDED")


def test_year_keeps_one_year_and_a_bad_year_is_explained(data_dir: Path) -> None:
    one = run("exposure", "--format", "json", "--year", "2026", "--data-dir", str(data_dir))
    assert one.returncode == 0 and {r["year"] for r in json.loads(one.stdout)["rows"]} == {2026}
    none = run("exposure", "--year", "2040", "--data-dir", str(data_dir))
    assert none.returncode == 0 and "所选范围内没有测算金额" in none.stdout
    bad = run("exposure", "--year", "1999", "--data-dir", str(data_dir))
    assert bad.returncode == 2 and "2000–2100" in bad.stderr and "Traceback" not in bad.stderr
    worse = run("exposure", "--year", "明年", "--data-dir", str(data_dir))
    assert worse.returncode == 2 and "Traceback" not in worse.stderr


def test_the_ledger_can_add_its_columns_and_the_table_shows_them() -> None:
    from qt_app.cli.tables import render_exposure
    from qt_app.domain.exposure import exposure
    from qt_app.domain.firm import Stage
    from qt_app.domain.policy_loader import default_policy
    from qt_app.domain.simulate import simulate
    from qt_app.services.exposure_report import Column, exposure_report
    from tests.domain.factories import firm

    policy = default_policy()
    pkg = simulate(firm(compute_spend={2026: wan(300)}), policy, explain=False)
    report = exposure_report(exposure([(Stage.SIGNED, pkg)], policy), policy)
    report.add_column(
        Column("paid", "已兑现", "paid"), {(2026, "compute"): wan(50), (2026, "science"): wan(10)}, policy
    )
    compute = next(r for r in report.rows if r.item_id == "compute" and r.year == 2026)
    assert compute.amount("paid") == wan(50) and compute.amount("full") == wan(90)
    science = next(r for r in report.rows if r.item_id == "science")
    assert science.name_zh == "科技项目配套" and science.amount("full") == 0
    data = report.to_dict()
    assert data["total"]["paid_fen"] == wan(60)
    table = render_exposure(report)
    assert "已兑现" in table.splitlines()[1] and "50.00万元" in table
