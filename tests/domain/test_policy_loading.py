"""A broken policy file is refused with file, line, key path, expected and found; never a traceback."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from qt_app.domain.errors import ValidationError
from qt_app.domain.package import LineStatus
from qt_app.domain.policy_loader import default_policy, load_policy, parse_policy, policy_in_force
from qt_app.domain.simulate import simulate
from qt_app.paths import default_policy_path
from tests.domain.factories import firm, revenue

TEXT = default_policy_path().read_text(encoding="utf-8")


def problems(text: str) -> list[str]:
    with pytest.raises(ValidationError) as err:
        parse_policy(text, "broken.yaml")
    assert err.value.source == "broken.yaml"
    return err.value.lines("zh")


def test_the_bundled_policy_covers_the_ten_areas_with_status_on_every_value() -> None:
    policy = default_policy()
    kinds = {it.kind for it in policy.items}
    assert {
        "rent_subsidy",
        "revenue_milestone",
        "compute_voucher",
        "project_landing",
        "talent_housing",
    } <= kinds
    assert {"science_matching", "rnd_subsidy", "loan_interest", "scenario_project", "text"} <= kinds
    assert len({it.clause.value[:3] for it in policy.items}) == 10
    assert policy.effective_from == date(2023, 8, 10) and policy.effective_to is None
    rent = policy.item("rent")
    assert [t.value.status.value for t in rent.tiers] == ["seed"] * 4
    assert rent.param("cap_area_m2").status.value == "illustrative"
    assert policy.item("compute").param("pool_per_year").status.value == "seed"


def test_unknown_key_names_line_and_path() -> None:
    bad = TEXT.replace("      cap_area_m2: {value: 1000", "      cap_area_m3: {value: 1000")
    found = problems(bad)
    assert any("items[0].params.cap_area_m3" in p and "未知的键" in p and "第" in p for p in found)
    assert any("items[0].params.cap_area_m2" in p and "缺失" in p for p in found)


def test_misindented_key_is_not_silently_ignored() -> None:
    bad = TEXT.replace(
        "    timing: annual\n    basis:\n      zh: 入驻", "    timing: annual\n    basis:\n      zh: 入驻", 1
    )
    bad = bad.replace("      max_years: {value: 4, unit: years", "    max_years: {value: 4, unit: years", 1)
    found = problems(bad)
    assert any("items[0].max_years" in p and "未知的键" in p for p in found)


def test_wrong_type_says_expected_and_found() -> None:
    bad = TEXT.replace('value: "0.30", unit: rate', 'value: "三成", unit: rate')
    found = problems(bad)
    assert any("items[2].params.rate.value" in p and "0 到 1 之间的比例" in p and "三成" in p for p in found)


def test_negative_rate_and_overlapping_tiers_are_refused() -> None:
    bad = TEXT.replace('{key: "2", value: "0.70"', '{key: "2", value: "-0.70"')
    assert any("tiers[1].value" in p for p in problems(bad))
    overlap = TEXT.replace("{key: 5000万, threshold: 5000万", "{key: 5000万, threshold: 2000万")
    assert any("tiers[1].threshold" in p and "高于上一档" in p for p in problems(overlap))
    dup = TEXT.replace('{key: "3", value: "0.60"', '{key: "2", value: "0.60"')
    assert any("重复的档位" in p for p in problems(dup))


def test_end_before_start_is_refused() -> None:
    bad = TEXT.replace("effective_to: null", "effective_to: 2022-01-01")
    assert any("effective_to" in p and "不早于生效日期" in p for p in problems(bad))


def test_an_item_computed_from_tax_paid_is_refused() -> None:
    bad = TEXT.replace("computed_from: [revenue]", "computed_from: [tax_paid]")
    assert any("公平竞争审查条例" in p for p in problems(bad))


def test_duplicate_keys_are_caught() -> None:
    bad = TEXT.replace("short_title: 若干意见\n", "short_title: 若干意见\nshort_title: 意见\n")
    assert any("重复的键" in p for p in problems(bad))


def test_yaml_syntax_error_gives_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("id: [unclosed\n", encoding="utf-8")
    with pytest.raises(ValidationError) as err:
        load_policy(path)
    assert "YAML 语法错误" in err.value.zh and "第" in err.value.zh and str(path) in err.value.source


def test_unreadable_and_non_utf8_files(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="无法读取"):
        load_policy(tmp_path / "missing.yaml")
    gbk = tmp_path / "gbk.yaml"
    gbk.write_bytes("标题".encode("gbk"))
    with pytest.raises(ValidationError, match="UTF-8"):
        load_policy(gbk)


def newer_version(end_of_first: str = "2027-12-31") -> tuple[str, str]:
    first = TEXT.replace("effective_to: null", f"effective_to: {end_of_first}")
    second = (
        TEXT.replace('version: "2023.1"', 'version: "2028.1"')
        .replace("id: qingtian-metaverse-2023", "id: qingtian-metaverse-2028")
        .replace("effective_from: 2023-08-10", "effective_from: 2028-01-01")
    )
    return first, second


def test_a_newer_version_loads_beside_the_first_and_the_one_in_force_is_chosen() -> None:
    first_text, second_text = newer_version()
    first, second = parse_policy(first_text, "a.yaml"), parse_policy(second_text, "b.yaml")
    assert first.hash != second.hash
    assert policy_in_force([first, second], date(2026, 5, 1)).version == "2023.1"
    assert policy_in_force([first, second], date(2029, 5, 1)).version == "2028.1"


def test_years_beyond_the_policy_end_pay_nothing_and_say_so() -> None:
    first_text, _ = newer_version("2027-12-31")
    ending = parse_policy(first_text, "a.yaml")
    plan = revenue(y2026="2000万", y2027="2500万", y2028="1.2亿")
    pkg = simulate(firm(revenue=plan), ending)
    after = [ln for ln in pkg.lines if ln.year >= 2028 and ln.item_id in ("rent", "revenue")]
    assert after and all(ln.amount == 0 and ln.status is LineStatus.BEYOND_POLICY for ln in after)
    assert all("晚于政策截止日（2027年12月31日）" in ln.reason_zh for ln in after)
    assert all("after the policy ended (31 December 2027)" in ln.reason_en for ln in after)
    assert any("2028" in w for w in pkg.warnings_zh)
    assert next(ln for ln in pkg.lines if ln.item_id == "rent" and ln.year == 2027).amount > 0


def test_every_rule_carries_its_status_and_the_field_list_is_open() -> None:
    policy = default_policy()
    status = {path: rule.status.value for path, rule in policy.rules.items()}
    assert status["eligibility.domains"] == "seed" and policy.domains_open
    assert status["eligibility.exclude_trading"] == status["eligibility.exclude_headquarters"] == "seed"
    assert status["eligibility.require_registration"] == "seed"
    # Not in the article: from comparable Zhejiang policies.
    assert (
        status["eligibility.exclude_dishonest"] == status["eligibility.exclude_mu_grades"] == "illustrative"
    )
    assert status["stacking"] == "illustrative" and status["rent.condition.1"] == "illustrative"


OLD_FORM = """eligibility:
  domains: [人工智能, 区块链]
  exclude_trading: true
  exclude_headquarters: true
  exclude_dishonest: true
  exclude_mu_grades: [C, D]
  require_registration: true

stacking:
  zh: 就高不重复。
  en: Highest only, once.

"""


def test_a_schema_1_file_still_loads_and_its_unmarked_rules_are_illustrative() -> None:
    head, rest = TEXT.split("eligibility:", 1)
    old = (
        head.replace("schema: 2", "schema: 1") + OLD_FORM + "legal_notes:" + rest.split("legal_notes:", 1)[1]
    )
    policy = parse_policy(old, "old.yaml")
    assert policy.domains == ("人工智能", "区块链") and not policy.domains_open
    assert policy.exclude_trading and policy.exclude_mu_grades == ("C", "D")
    assert {r.status.value for r in policy.rules.values()} == {"illustrative"}
    pkg = simulate(firm(domains=("大数据",)), policy)
    assert not pkg.eligible and "按示例规则（待兑现细则确认）不予享受" in pkg.exclusions_zh[0]


def test_a_rule_without_a_known_status_is_refused_with_its_path() -> None:
    bad = TEXT.replace(
        "exclude_dishonest: {value: true, status: illustrative}",
        "exclude_dishonest: {value: true, status: maybe}",
    )
    assert any("eligibility.exclude_dishonest.status" in p and "illustrative" in p for p in problems(bad))
    bare = TEXT.replace(
        "exclude_dishonest: {value: true, status: illustrative}", "exclude_dishonest: {value: true}"
    )
    assert any("eligibility.exclude_dishonest.status" in p and "缺失" in p for p in problems(bare))
    closed = TEXT.replace("    open: true\n", "    open: sometimes\n")
    assert any("eligibility.domains.open" in p and "true 或 false" in p for p in problems(closed))
