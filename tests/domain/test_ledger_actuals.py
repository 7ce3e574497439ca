"""Actuals files are read as strictly as firm files: every problem with its field path, in both languages."""

from __future__ import annotations

from typing import Any

import pytest

from qt_app.domain.errors import ValidationError
from qt_app.domain.ledger.actuals_dict import year_actuals_to_dict
from qt_app.domain.ledger.actuals_io import entries_from_data, year_actuals_from_dict
from qt_app.domain.money import wan
from qt_app.domain.uscc import make_code

CODE = make_code("9", "1", "331121", "MA2AC0001")
EV = [{"type": "audit_report", "number": "青会审〔2028〕15号", "date": "2028-03-20", "received_by": "赵"}]


def _problems(data: Any) -> dict[str, str]:
    with pytest.raises(ValidationError) as e:
        entries_from_data(data, "实绩.json")
    assert e.value.source == "实绩.json"
    return {p.path: p.zh for p in e.value.problems}


def test_a_full_year_reads_and_writes_back_the_same() -> None:
    data = {
        "lease": {"site": "qingchuang", "area_m2": "800", "rent_per_m2_day": "1.2", "move_in": "2026-01-01",
                  "move_out": "2027-07-01", "evidence": [{"type": "lease_contract", "number": "QC-1", "date": "2025-12-20"}]},
        "revenue": {"amount": "4200万", "evidence": EV},
        "compute_spend": {"amount": "250万", "evidence": EV},
        "rnd_spend": {"amount": "180万", "evidence": EV},
        "talents": [{"level": "a", "count": 2, "housing": "apartment", "evidence": EV}],
        "loans": [{"lender": "青田农商行", "principal": "500万", "years": 3, "guarantee_fee": "5万", "evidence": EV}],
        "science_projects": [{"name": "数字孪生平台", "level": "provincial", "allocated": "100万", "evidence": EV}],
        "scenario_projects": [{"name": "元宇宙侨乡馆", "contract_value": "300万", "evidence": EV}],
        "reported_on": "2028-03-31",
        "note": "按审计报告填报",
    }  # fmt: skip
    actual, problems = year_actuals_from_dict(data, 2027)
    assert actual is not None and problems == []
    assert actual.revenue is not None and actual.revenue.amount == wan(4200)
    assert actual.talents[0].level == "A" and actual.lease is not None and actual.lease.move_out is not None
    assert [path for path, _ in actual.figures()] == [
        "lease", "revenue", "compute_spend", "rnd_spend", "talents[0]", "loans[0]", "science_projects[0]",
        "scenario_projects[0]",
    ]  # fmt: skip
    again, _ = year_actuals_from_dict(year_actuals_to_dict(actual), 2027)
    assert again == actual


def test_every_problem_is_named_by_its_field() -> None:
    found = _problems(
        {
            "uscc": CODE,
            "extra": 1,
            "years": {
                "2027": {
                    "revenue": {"amount": "-3"},
                    "talents": [{"level": "A", "count": 0, "evidence": EV}],
                    "lease": {"site": "qingchuang", "area_m2": "800", "rent_per_m2_day": "1.2", "move_in": "2026-01-01",
                              "move_out": "2025-12-01", "evidence": [{"type": "contract?", "number": "", "date": "昨天"}]},
                    "reported_on": "2026-12-31",
                    "revenu": 1,
                },
                "1999": {"revenue": {"amount": "1", "evidence": EV}},
            },
        }
    )  # fmt: skip
    assert found["extra"] == "未知字段" and found["years.2027.revenu"] == "未知字段"
    assert "负数" in found["years.2027.revenue.amount"]
    assert "缺少证明材料" in found["years.2027.revenue.evidence"]
    assert "人数应大于0" in found["years.2027.talents[0].count"]
    assert "迁出日期应晚于入驻日期" in found["years.2027.lease.move_out"]
    assert "材料类型应为以下之一" in found["years.2027.lease.evidence[0].type"]
    assert found["years.2027.lease.evidence[0].number"] == "必填项为空"
    assert "2026-03-05" in found["years.2027.lease.evidence[0].date"]
    assert "报送日期早于2027年" in found["years.2027.reported_on"]
    assert "2000–2100" in found["years.1999"]


def test_the_firm_is_named_by_a_valid_credit_code_or_id() -> None:
    assert (
        "统一社会信用代码"
        in _problems({"years": {"2027": {"revenue": {"amount": "1", "evidence": EV}}}})["uscc"]
    )
    bad = CODE[:-1] + ("0" if CODE[-1] != "0" else "1")
    assert (
        "校验位不符"
        in _problems({"uscc": bad, "years": {"2027": {"revenue": {"amount": "1", "evidence": EV}}}})["uscc"]
    )
    assert "没有任何实绩" in _problems({"firm_id": "f-1", "years": {"2027": {"note": "空"}}})["years.2027"]


def test_several_firms_in_one_file_are_read_together() -> None:
    one = {
        "uscc": CODE,
        "letter": "青招〔2026〕7号",
        "years": {"2027": {"revenue": {"amount": "1亿", "evidence": EV}}},
    }
    two = {"firm_id": "f-2", "years": {"2026": {"rnd_spend": {"amount": "50万", "evidence": EV}}}}
    entries = entries_from_data({"firms": [one, two]})
    assert [e.firm_ref for e in entries] == [CODE, "f-2"] and entries[0].letter == "青招〔2026〕7号"
    found = _problems([one, {**two, "years": {"2026": {"rnd_spend": {"amount": "x", "evidence": EV}}}}])
    assert "firms[1].years.2026.rnd_spend.amount" in found


def test_the_schema_documents_exactly_the_keys_the_reader_accepts_and_the_example_reads() -> None:
    import json
    from pathlib import Path

    from qt_app.domain.ledger.actuals import DOC_TYPES
    from qt_app.domain.ledger.actuals_io import (
        AMOUNT_KEYS,
        ENTRY_KEYS,
        EVIDENCE_KEYS,
        LEASE_KEYS,
        LIST_KEYS,
        YEAR_KEYS,
    )

    docs = Path(__file__).resolve().parents[2] / "docs"
    defs = json.loads((docs / "actuals.schema.json").read_text(encoding="utf-8"))["$defs"]
    year = defs["year"]["properties"]
    assert set(defs["firm"]["properties"]) == ENTRY_KEYS and set(year) == YEAR_KEYS
    assert set(defs["evidence"]["properties"]) == EVIDENCE_KEYS
    assert set(defs["evidence"]["properties"]["type"]["enum"]) == set(DOC_TYPES)
    assert (
        set(year["lease"]["properties"]) == LEASE_KEYS and set(year["revenue"]["properties"]) == AMOUNT_KEYS
    )
    for key, keys in LIST_KEYS.items():
        assert set(year[key]["items"]["properties"]) == keys, key
    (entry,) = entries_from_data(json.loads((docs / "actuals-example.json").read_text(encoding="utf-8")))
    assert entry.years[0].revenue is not None and entry.years[0].revenue.amount == wan(4200)
