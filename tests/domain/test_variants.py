"""What-if variants in the domain: the overlay, older files, the file form, the words for their differences."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qt_app.domain.errors import DomainError, ValidationError
from qt_app.domain.firm import DomainRecognition, Firm, Location
from qt_app.domain.firm_fields import PLAN_KEYS
from qt_app.domain.firm_io import firm_from_dict, firm_to_dict, load_firm_file
from qt_app.domain.hints import milestone_hints
from qt_app.domain.money import wan
from qt_app.domain.policy_loader import default_policy
from qt_app.domain.simulate import simulate
from qt_app.domain.variant_io import POLICY_KEYS, VARIANT_KEYS, variant_from_dict, variant_to_dict
from qt_app.domain.variants import OVERRIDABLE, Variant, apply_to_firm, variant_between
from qt_app.services.packages import check_policy, find_variant

from .strategies import firms, revenue_factors

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "examples" / "xinghe-digital.json"


def test_the_schema_documents_the_variant_exactly() -> None:
    schema = json.loads((ROOT / "docs" / "firm.schema.json").read_text(encoding="utf-8"))
    variant = schema["properties"]["variants"]["items"]
    assert set(variant["properties"]) == VARIANT_KEYS
    assert set(variant["properties"]["firm"]["properties"]) == set(PLAN_KEYS)
    assert set(variant["properties"]["policy"]["properties"]) == POLICY_KEYS
    # every overlay field refers to the base field's own definition
    for key, spec in variant["properties"]["firm"]["properties"].items():
        assert key in json.dumps(spec)


def test_older_variants_read_compute_and_write_as_before() -> None:
    raw = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    firm, variants = load_firm_file(EXAMPLE)
    # written back exactly as the file has them
    assert firm_to_dict(firm, variants)["variants"] == raw["variants"]
    conservative, huaqiao, cap = variants
    assert apply_to_firm(firm, conservative).revenue == {y: v * 7 // 10 for y, v in firm.revenue.items()}
    assert firm.location is not None
    moved = apply_to_firm(firm, huaqiao).location
    assert moved == replace(firm.location, site="huaqiao_hq", area_m2=Decimal("1200"))
    assert apply_to_firm(firm, cap) == firm and cap.policy_assumption and not cap.changes_firm
    policy = default_policy()
    # the overlay form of the same change computes the same package
    as_overlay = Variant("huaqiao", "改入驻华侨总部大楼", firm_overrides={"location": moved})
    assert simulate(firm, policy, as_overlay).lines == simulate(firm, policy, huaqiao).lines


@settings(max_examples=80, deadline=None)
@given(firms(), firms(), revenue_factors, st.sets(st.sampled_from(OVERRIDABLE)))
def test_the_variant_between_two_firms_gives_back_the_second(
    base: Firm, other: Firm, factor: Decimal | None, fields: set[str]
) -> None:
    """What the variant editor saves turns the base into exactly the firm typed, whatever was changed."""
    effective = replace(base, **{f: getattr(other, f) for f in fields})
    like = Variant("v1", "方案", revenue_factor=factor)
    if factor is not None and "revenue" not in fields:
        effective = apply_to_firm(base, like)  # the factor still applies: it must be kept, not frozen
    made = variant_between(base, effective, like)
    assert apply_to_firm(base, made) == effective
    assert set(made.firm_overrides) <= set(OVERRIDABLE)
    assert all(made.firm_overrides[f] != getattr(base, f) for f in made.firm_overrides)
    if factor is not None and "revenue" not in fields:
        assert made.revenue_factor == factor and "revenue" not in made.firm_overrides


@settings(max_examples=80, deadline=None)
@given(firms(), firms(), st.sets(st.sampled_from(OVERRIDABLE), min_size=1))
def test_a_variant_survives_the_firm_file(base: Firm, other: Firm, fields: set[str]) -> None:
    effective = replace(base, **{f: getattr(other, f) for f in fields})
    made = variant_between(
        base, effective, Variant("v1", "方案", param_overrides={"rent.cap_per_year": "200万"})
    )
    data = json.loads(json.dumps(firm_to_dict(base, (made,)), ensure_ascii=False))
    back_firm, (back,) = firm_from_dict({**data, "domains": list(base.domains)})
    assert back == made
    assert apply_to_firm(back_firm, back) == effective


def test_an_override_gets_the_same_message_as_the_base_at_its_own_path() -> None:
    data = firm_to_dict(*load_firm_file(EXAMPLE))
    data["location"]["area_m2"] = "-5"
    with pytest.raises(ValidationError) as base_err:
        firm_from_dict(data)
    data = firm_to_dict(*load_firm_file(EXAMPLE))
    data["variants"] = [
        {"name": "v1", "label": "迁华侨", "firm": {"location": {**data["location"], "area_m2": "-5"}}}
    ]
    with pytest.raises(ValidationError) as variant_err:
        firm_from_dict(data)
    (base_p,) = base_err.value.problems
    (var_p,) = variant_err.value.problems
    assert var_p.path == "variants[0].firm.location.area_m2" and base_p.path == "location.area_m2"
    assert (var_p.zh, var_p.en) == (base_p.zh, base_p.en)


def test_a_variant_cannot_change_who_the_firm_is() -> None:
    with pytest.raises(ValidationError) as err:
        variant_from_dict({"name": "v1", "firm": {"name": "别的公司", "stage": "signed"}})
    paths = {p.path for p in err.value.problems}
    assert paths == {"firm.name", "firm.stage"}
    assert "基准" in err.value.problems[0].zh


def test_a_cleared_site_and_start_year_are_written_and_read_back() -> None:
    firm, _ = load_firm_file(EXAMPLE)
    v = Variant("v1", "暂不租房", firm_overrides={"location": None, "start_year": 2027})
    data = variant_to_dict(v)
    assert data["firm"] == {"location": None, "start_year": 2027}
    back = variant_from_dict(data)
    assert back == v
    assert apply_to_firm(firm, back).location is None
    assert simulate(firm, default_policy(), back).years[0] == 2027


def test_recognition_can_be_a_what_if() -> None:
    firm, _ = load_firm_file(EXAMPLE)
    firm = replace(firm, domains=("大数据",))
    rec = DomainRecognition(True, "县经济商务科技局", date(2026, 3, 5), "大数据")
    v = variant_between(firm, replace(firm, recognition=rec), Variant("v1", "认定后"))
    policy = default_policy()
    pending, recognised = simulate(firm, policy), simulate(firm, policy, v)
    assert pending.total == 0 and pending.pending_total > 0
    assert recognised.total == pending.pending_total
    assert variant_from_dict(variant_to_dict(v)) == v


def test_policy_assumptions_are_apart_from_firm_what_ifs() -> None:
    v = variant_from_dict(
        {"name": "v2", "label": "新版政策", "policy": {"id": "qingtian-metaverse-2025", "version": "2025.1"}}
    )
    assert v.policy_assumption and not v.changes_firm
    assert variant_to_dict(v)["policy"] == {"id": "qingtian-metaverse-2025", "version": "2025.1"}
    with pytest.raises(DomainError, match="--policy"):
        check_policy(v, default_policy())
    check_policy(Variant("v3", "现行", policy_id=default_policy().id), default_policy())


def test_a_variant_is_found_by_its_name_or_its_label() -> None:
    _firm, variants = load_firm_file(EXAMPLE)
    assert find_variant(variants, "huaqiao").name == "huaqiao"
    assert find_variant(variants, "改入驻华侨总部大楼").name == "huaqiao"
    with pytest.raises(DomainError, match="没有名为"):
        find_variant(variants, "别处")


def test_a_hint_is_exactly_the_variant_it_offers() -> None:
    firm, _ = load_firm_file(EXAMPLE)
    firm = replace(firm, revenue={2026: wan(2000), 2027: wan(4000), 2028: wan(9000), 2029: wan(28_000)})
    policy = default_policy()
    base = simulate(firm, policy)
    hints = milestone_hints(firm, policy)
    assert hints
    for hint in hints:
        made = simulate(firm, policy, hint.variant)
        assert made.total - base.total == hint.gain
        assert apply_to_firm(firm, hint.variant).revenue[hint.year] == hint.threshold + wan(1)
        assert hint.label("zh").startswith(f"{hint.year}年营收超过")


def test_a_variant_of_another_site_keeps_the_rest_of_the_location() -> None:
    firm, _ = load_firm_file(EXAMPLE)
    assert firm.location is not None
    moved = replace(firm.location, site="huaqiao_hq", area_m2=Decimal("1000"))
    v = variant_between(firm, replace(firm, location=moved), Variant("v1", "迁华侨"))
    assert v.firm_overrides == {"location": moved}
    assert isinstance(apply_to_firm(firm, v).location, Location)
