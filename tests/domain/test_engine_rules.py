"""The policy's rules, as a policy officer would state them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from qt_app.domain.firm import HousingChoice, Loan, ProjectLevel, ScenarioProject, ScienceProject, TalentGroup
from qt_app.domain.money import wan
from qt_app.domain.package import Benefit, LineStatus, Package
from qt_app.domain.policy import Policy, with_overrides
from qt_app.domain.policy_loader import default_policy
from qt_app.domain.simulate import simulate
from qt_app.domain.variants import Variant
from tests.domain.factories import firm, revenue


@pytest.fixture(scope="module")
def policy() -> Policy:
    return default_policy()


def amounts(pkg: Package, item: str) -> dict[int, int]:
    return {ln.year: ln.amount for ln in pkg.lines if ln.item_id == item and ln.amount}


def test_rent_follows_the_tenancy_year_tiers_100_70_60_50(policy: Policy) -> None:
    pkg = simulate(firm(), policy)
    # 800㎡ × 1.2元 × 365天 = 350,400元 at 100%; 2028 is a leap year (366 days)
    assert amounts(pkg, "rent") == {2026: 35_040_000, 2027: 24_528_000, 2028: 21_081_600, 2029: 17_520_000}
    first = next(ln for ln in pkg.lines if ln.item_id == "rent")
    assert first.clause == "第一条"
    assert "青创大厦 800㎡ × 1.2元/㎡/天 × 365天 × 100%" in first.explanation_zh
    assert "= 35.04万元" in first.explanation_zh and "= ¥350,400" in first.explanation_en
    assert first.clause_en == "Art. 1"


def test_rent_mid_year_move_in_splits_at_the_anniversary(policy: Policy) -> None:
    f = firm()
    assert f.location is not None
    f = replace(f, location=replace(f.location, move_in=date(2026, 7, 1)))
    pkg = simulate(f, policy)
    line_2027 = next(ln for ln in pkg.lines if ln.item_id == "rent" and ln.year == 2027)
    assert "（第1年）" in line_2027.explanation_zh and "（第2年）" in line_2027.explanation_zh
    # 181 days at 100% + 184 days at 70%
    expected = round((800 * Decimal("1.2") * 181 * 1 + 800 * Decimal("1.2") * 184 * Decimal("0.7")) * 100)
    assert line_2027.amount == expected


def test_rent_caps_area_price_and_year_and_says_which(policy: Policy) -> None:
    f = firm()
    assert f.location is not None
    big = replace(f, location=replace(f.location, area_m2=Decimal(3000), rent_per_m2_day=Decimal(4)))
    line = next(ln for ln in simulate(big, policy).lines if ln.item_id == "rent")
    # 1000㎡ × 1.5元 × 365 = 547,500元: area and price caps bite, the 100万 year cap does not
    assert line.amount == 54_750_000
    assert line.status is LineStatus.CAPPED
    assert set(line.caps) == {"rent.cap_area_m2", "rent.cap_unit_price"}
    tight = with_overrides(policy, {"rent.cap_per_year": "50万"})
    line = next(ln for ln in simulate(big, tight).lines if ln.item_id == "rent")
    assert line.amount == wan(50) and "rent.cap_per_year" in line.caps


def test_rent_tier_key_can_be_the_firm_grade(policy: Policy) -> None:
    item = policy.item("rent")
    assert item.tier_key is not None
    from qt_app.domain.policy import Param, Status, Tier

    by_grade = replace(
        item,
        tier_key=replace(item.tier_key, value="grade"),
        tiers=(
            Tier("A", Param(Decimal("1"), item.tiers[0].value.unit, Status.ILLUSTRATIVE)),
            Tier("B", Param(Decimal("0.5"), item.tiers[0].value.unit, Status.ILLUSTRATIVE)),
        ),
    )
    graded = replace(policy, items=tuple(by_grade if it.id == "rent" else it for it in policy.items))
    a = amounts(simulate(firm(grade="A"), graded), "rent")
    b = amounts(simulate(firm(grade="B"), graded), "rent")
    assert a[2027] == 2 * b[2027] == 35_040_000
    c_lines = [ln for ln in simulate(firm(grade="C"), graded).lines if ln.item_id == "rent"]
    assert all(ln.amount == 0 for ln in c_lines)
    assert c_lines[0].status is LineStatus.INELIGIBLE and "档位“C”" in c_lines[0].reason_zh


def test_site_outside_the_policy_gets_no_rent_and_is_told_why(policy: Policy) -> None:
    f = firm()
    assert f.location is not None
    elsewhere = replace(f, location=replace(f.location, site="somewhere_else"))
    line = next(ln for ln in simulate(elsewhere, policy).lines if ln.item_id == "rent")
    assert line.amount == 0 and line.status is LineStatus.INELIGIBLE and "不是政策所列载体" in line.reason_zh


def test_jump_from_2000wan_to_1_2yi_pays_150wan_not_230wan(policy: Policy) -> None:
    pkg = simulate(firm(revenue=revenue(y2026="2000万", y2027="1.2亿")), policy)
    assert amounts(pkg, "revenue") == {2027: wan(150)}


def test_later_thresholds_top_up_and_never_exceed_300wan(policy: Policy) -> None:
    plan = revenue(y2026="3500万", y2027="6000万", y2028="2亿", y2029="3.5亿", y2030="5亿")
    got = amounts(simulate(firm(revenue=plan), policy), "revenue")
    assert got == {2026: wan(20), 2027: wan(40), 2028: wan(90), 2029: wan(150)}
    assert sum(got.values()) == wan(300)


def test_a_threshold_is_never_paid_twice_after_revenue_dips(policy: Policy) -> None:
    plan = revenue(y2026="3500万", y2027="2000万", y2028="3500万")
    assert amounts(simulate(firm(revenue=plan), policy), "revenue") == {2026: wan(20)}


def test_exactly_at_a_threshold_is_not_exceeding_it(policy: Policy) -> None:
    assert amounts(simulate(firm(revenue=revenue(y2026="3000万")), policy), "revenue") == {}


@pytest.mark.parametrize(("mode", "expected"), [("cumulative", wan(230)), ("highest_only", wan(150))])
def test_jump_mode_is_configurable(policy: Policy, mode: str, expected: int) -> None:
    variant = Variant("m", param_overrides={"revenue.mode": mode})
    pkg = simulate(firm(revenue=revenue(y2026="1.2亿")), policy, variant)
    assert amounts(pkg, "revenue") == {2026: expected}


@pytest.mark.parametrize(
    ("flag", "reason"),
    [("is_trading", "贸易类企业"), ("is_headquarters", "总部类企业"), ("dishonest", "严重失信")],
)
def test_excluded_firms_get_nothing_and_are_told_why(policy: Policy, flag: str, reason: str) -> None:
    rich = firm(revenue=revenue(y2026="5亿"), compute_spend={2026: wan(100)}, **{flag: True})
    pkg = simulate(rich, policy)
    assert pkg.total == 0 and not pkg.eligible
    assert any(reason in text for text in pkg.exclusions_zh)
    assert all(ln.status is LineStatus.INELIGIBLE and reason in ln.reason_zh for ln in pkg.lines)


def test_firm_outside_the_listed_fields_is_pending_not_excluded(policy: Policy) -> None:
    # The article's list ends in "等": only the county's decision (认定) can settle a field it does not list.
    pkg = simulate(firm(domains=("房地产",)), policy)
    assert pkg.eligible and pkg.total == 0 and pkg.pending_total > 0
    assert any("待认定" in w for w in pkg.warnings_zh)


def test_matching_only_for_municipal_or_higher_projects(policy: Policy) -> None:
    projects = (
        ScienceProject("市级项目", ProjectLevel.MUNICIPAL, wan(50), 2027),
        ScienceProject("省级项目", ProjectLevel.PROVINCIAL, wan(80), 2027),
        ScienceProject("县级项目", ProjectLevel.COUNTY, wan(10), 2027),
    )
    pkg = simulate(firm(science_projects=projects), policy)
    assert amounts(pkg, "science") == {2027: wan(130)}
    refused = [ln for ln in pkg.lines if ln.item_id == "science" and ln.status is LineStatus.INELIGIBLE]
    assert len(refused) == 1 and "县级项目" in refused[0].reason_zh and "市级及以上" in refused[0].reason_zh


def test_loan_subsidy_uses_the_lpr_dated_for_that_year(policy: Policy) -> None:
    loan = Loan("农商银行", wan(800), 2024, 3)
    pkg = simulate(firm(loans=(loan,)), policy, start_year=2024)
    got = amounts(pkg, "loan")
    # 1 Jan 2024 → 3.45% (2023-08-21); 2025 → 3.10% (2024-10-21); 2026 → 3.00% (2025-05-20); × 50%
    assert got == {2024: 13_800_000, 2025: 12_400_000, 2026: 12_000_000}
    line = next(ln for ln in pkg.lines if ln.item_id == "loan" and ln.year == 2026)
    assert "3%（2025年5月20日起）" in line.explanation_zh
    assert any(p.path == "loan.lpr" and p.status == "illustrative" for p in line.params)


def test_loan_principal_cap_and_three_year_limit(policy: Policy) -> None:
    pkg = simulate(firm(loans=(Loan("行", wan(2000), 2026, 5),)), policy)
    got = amounts(pkg, "loan")
    assert got == {2026: wan(15), 2027: wan(15), 2028: wan(15)}
    assert any("已届满" in ln.reason_zh for ln in pkg.lines if ln.item_id == "loan" and ln.year == 2029)


def test_compute_voucher_share_and_cap(policy: Policy) -> None:
    pkg = simulate(firm(compute_spend={2026: wan(300), 2027: wan(1000)}), policy)
    assert amounts(pkg, "compute") == {2026: wan(90), 2027: wan(200)}


def test_scenario_projects_capped_per_project(policy: Policy) -> None:
    projects = (ScenarioProject("甲", wan(800), 2027), ScenarioProject("乙", wan(100), 2027))
    assert amounts(simulate(firm(scenario_projects=projects), policy), "scenario") == {2027: wan(120)}


def test_housing_apartment_is_in_kind_and_allowance_is_cash(policy: Policy) -> None:
    talents = (
        TalentGroup("A", 2, 2026, HousingChoice.APARTMENT),
        TalentGroup("C", 3, 2027, HousingChoice.ALLOWANCE),
    )
    pkg = simulate(firm(talents=talents), policy)
    housing = [ln for ln in pkg.lines if ln.item_id == "housing"]
    in_kind = {ln.year: ln.amount for ln in housing if ln.benefit is Benefit.IN_KIND}
    cash = {ln.year: ln.amount for ln in housing if ln.benefit is Benefit.CASH}
    assert in_kind == {2026: 4_800_000, 2027: 4_800_000, 2028: 4_800_000}
    assert cash == {2027: 3_600_000, 2028: 3_600_000, 2029: 3_600_000}


def test_landing_award_by_grade(policy: Policy) -> None:
    assert amounts(simulate(firm(grade="A"), policy), "landing") == {2026: wan(20)}
    c = [ln for ln in simulate(firm(grade="C"), policy).lines if ln.item_id == "landing"]
    assert c[0].status is LineStatus.INELIGIBLE and "C" in c[0].reason_zh


def test_no_line_is_computed_from_tax_paid(policy: Policy) -> None:
    for item in policy.items:
        assert not any("tax" in word for word in item.computed_from)
    pkg = simulate(firm(revenue=revenue(y2026="5000万")), policy)
    for line in pkg.lines:
        assert "税" not in line.explanation_zh and "退税" not in line.basis_zh


def test_variant_changes_building_area_and_revenue(policy: Policy) -> None:
    f = firm(revenue=revenue(y2026="4000万"))
    conservative = simulate(f, policy, Variant("c", revenue_factor=Decimal("0.7")))
    assert amounts(conservative, "revenue") == {}
    moved = simulate(f, policy, Variant("h", site="huaqiao_hq", area_m2=Decimal(500)))
    line = next(ln for ln in moved.lines if ln.item_id == "rent")
    assert "华侨总部大楼 500㎡" in line.explanation_zh


def test_override_is_marked_as_such_in_the_parameters_read(policy: Policy) -> None:
    pkg = simulate(firm(), policy, Variant("o", param_overrides={"rent.cap_per_year": "20万"}))
    line = next(ln for ln in pkg.lines if ln.item_id == "rent")
    assert line.amount == wan(20)
    assert any(p.path == "rent.cap_per_year" and p.status == "override" for p in line.params)


def test_unknown_override_is_a_clear_error(policy: Policy) -> None:
    from qt_app.domain.errors import DomainError

    with pytest.raises(DomainError, match="不存在"):
        simulate(firm(), policy, Variant("x", param_overrides={"rent.cap_per_decade": "1"}))
    with pytest.raises(DomainError, match="比例"):
        simulate(firm(), policy, Variant("x", param_overrides={"compute.rate": "1.5"}))
