"""Firm files: what staff write is read exactly, and every problem is reported by field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings

from qt_app.domain.errors import ValidationError
from qt_app.domain.firm import Firm
from qt_app.domain.firm_io import FIRM_KEYS, firm_from_dict, firm_to_dict, load_firm_file
from qt_app.domain.money import wan
from tests.domain.strategies import firms, firms_around_the_policy

ROOT = Path(__file__).resolve().parents[2]


def test_schema_documents_exactly_the_keys_the_reader_accepts() -> None:
    schema = json.loads((ROOT / "docs" / "firm.schema.json").read_text(encoding="utf-8"))
    assert set(schema["properties"]) == FIRM_KEYS


@pytest.mark.parametrize(
    "path", sorted((ROOT / "resources" / "examples").glob("*.json")), ids=lambda p: p.name
)
def test_example_firms_load(path: Path) -> None:
    firm, _variants = load_firm_file(path)
    assert firm.name


@settings(max_examples=100, deadline=None)
@given(firms())
def test_round_trip_through_the_dict_form(firm: Firm) -> None:
    data = json.loads(json.dumps(firm_to_dict(firm), ensure_ascii=False))
    back, _ = firm_from_dict({**data, "domains": list(firm.domains)})
    assert back == firm


def test_amounts_accept_wan_and_yi() -> None:
    firm, _ = firm_from_dict(
        {"name": "甲", "uscc": "91310110666007217T", "revenue": {"2027": "1.2亿", 2028: 3000}}
    )
    assert firm.revenue == {2027: wan(12_000), 2028: 300_000}


def test_all_problems_are_reported_at_once_with_paths() -> None:
    with pytest.raises(ValidationError) as err:
        firm_from_dict(
            {
                "name": "",
                "uscc": "9131011066600721",
                "revenue": {"2026": "abc"},
                "location": {
                    "site": "qingchuang",
                    "area_m2": "-5",
                    "rent_per_m2_day": "1",
                    "move_in": "明天",
                },
                "colour": "red",
            }
        )
    paths = {p.path for p in err.value.problems}
    assert {"name", "uscc", "revenue.2026", "location.area_m2", "location.move_in", "colour"} <= paths


def test_checksum_mismatch_needs_a_note_to_be_kept() -> None:
    with pytest.raises(ValidationError, match="校验位不符"):
        firm_from_dict({"name": "甲", "uscc": "91310110666007217A"})
    firm, _ = firm_from_dict(
        {"name": "甲", "uscc": "91310110666007217A", "uscc_note": "早期试点代码，已核对营业执照"}
    )
    assert firm.uscc == "91310110666007217A"


def test_dates_in_the_three_usual_forms() -> None:
    for text in ("2026-03-05", "2026/3/5", "2026年3月5日"):
        firm, _ = firm_from_dict(
            {"name": "甲", "uscc": "91310110666007217T",
             "location": {"site": "qingchuang", "area_m2": 1, "rent_per_m2_day": 1, "move_in": text}}
        )  # fmt: skip
        assert firm.location is not None and firm.location.move_in.isoformat() == "2026-03-05"


@pytest.mark.parametrize("year", ["INF", "NaN", "-Infinity", "2026.5"])
def test_non_numeric_years_are_refused_not_crashed(year: str) -> None:
    with pytest.raises(ValidationError) as err:
        firm_from_dict({"name": "甲", "uscc": "91310110666007217T", "compute_spend": {year: "10万"}})
    assert any(p.path == f"compute_spend.{year}" and "整数" in p.zh for p in err.value.problems)


@settings(max_examples=100, deadline=None)
@given(firms_around_the_policy())
def test_recognition_and_start_year_round_trip(firm: Firm) -> None:
    data = json.loads(json.dumps(firm_to_dict(firm), ensure_ascii=False))
    back, _ = firm_from_dict(data)
    assert back.recognition == firm.recognition and back.start_year == firm.start_year


def test_a_firm_without_the_new_fields_writes_exactly_what_it_did() -> None:
    # Rows in the store and frozen letter snapshots of other firms must not change.
    data = firm_to_dict(firm_from_dict({"name": "某公司", "uscc": "91310110666007217T"})[0])
    assert "start_year" not in data and "domain_recognition" not in data


def test_recognition_needs_whether_who_and_when_and_says_what_is_wrong() -> None:
    with pytest.raises(ValidationError) as err:
        firm_from_dict(
            {
                "name": "某公司",
                "uscc": "91310110666007217T",
                "start_year": 1999,
                "domain_recognition": {"recognised": "也许", "decided_on": "上周", "by": "局里"},
            }
        )
    lines = err.value.lines("zh")
    assert any(ln.startswith("start_year") and "2000–2100" in ln for ln in lines)
    assert any(ln.startswith("domain_recognition.recognised") and "是" in ln for ln in lines)
    assert any(ln.startswith("domain_recognition.decided_by") and "必填" in ln for ln in lines)
    assert any(ln.startswith("domain_recognition.decided_on") and "2026-03-05" in ln for ln in lines)
    assert any(ln.startswith("domain_recognition.by") and "未知字段" in ln for ln in lines)
    en = err.value.lines("en")
    assert any("domain_recognition.decided_by" in ln and "Required" in ln for ln in en)


def test_recognition_reads_what_staff_type() -> None:
    firm, _ = firm_from_dict(
        {
            "name": "某公司",
            "uscc": "91310110666007217T",
            "domains": ["大数据"],
            "domain_recognition": {
                "recognised": "是",
                "decided_by": "县经济商务科技局",
                "decided_on": "2026年3月5日",
            },
        }
    )
    assert firm.recognition is not None and firm.recognition.recognised
    assert firm.recognition.decided_on.isoformat() == "2026-03-05"
