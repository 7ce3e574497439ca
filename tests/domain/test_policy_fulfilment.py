"""The policy file's 兑现 sections: payment rules and clawback conditions, strict, with their status."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from qt_app.domain.errors import ValidationError
from qt_app.domain.money import wan
from qt_app.domain.policy import Status, Unit
from qt_app.domain.policy_loader import default_policy, parse_policy

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = (ROOT / "resources" / "policies" / "qingtian-metaverse-2023.yaml").read_text(encoding="utf-8")


def _problems(text: str) -> list[str]:
    with pytest.raises(ValidationError) as e:
        parse_policy(text, "p.yaml")
    return [f"{p.path}: {p.zh}" for p in e.value.problems]


def test_the_bundled_file_carries_illustrative_payment_rules_and_clawback_conditions() -> None:
    policy = default_policy()
    pay = policy.payment
    assert pay.notice_working_days.value == 5 and pay.notice_working_days.unit is Unit.WORKING_DAYS
    assert (
        pay.notice_working_days.display() == "5个工作日"
        and pay.notice_working_days.display_en() == "5 working days"
    )
    assert pay.tranche_above.value == wan(50) and pay.holdback.value == Decimal("0.10")
    assert all(p.status is Status.ILLUSTRATIVE for p in pay.params().values())
    move_out = next(c for c in policy.clawback if c.id == "move_out")
    assert move_out.items == ("rent", "landing") and move_out.within_years is not None
    assert move_out.within_years.value == 5 and move_out.status is Status.ILLUSTRATIVE
    assert policy.rules["clawback.move_out"].status is Status.ILLUSTRATIVE
    assert next(c for c in policy.clawback if c.id == "false_statement").covers("compute")


def test_a_file_without_the_sections_gets_the_defaults_and_no_condition() -> None:
    text = BUNDLED.split("\n# 兑现: how awards are paid")[0]
    policy = parse_policy(text)
    assert policy.clawback == () and policy.payment.notice_working_days.value == 5


def test_a_clawback_tied_to_tax_or_naming_an_unknown_item_is_refused_with_its_line() -> None:
    text = BUNDLED.replace("trigger: move_out", "trigger: tax_paid_drop").replace(
        "items: [rent, landing]", "items: [rent, lunch]"
    )
    text = text.replace("method: full", "method: half")
    found = "\n".join(_problems(text))
    assert "clawback[0].trigger" in found and "move_out、false_statement、dishonest 之一" in found
    assert "纳税" in found or "公平竞争审查条例" in found
    assert "clawback[0].items[1]" in found and "政策中的事项编号" in found
    assert "clawback[1].method" in found
    assert "行" in found.split("\n")[0]  # every problem names its line
    taxed = BUNDLED.replace("zh: 企业列入严重失信主体名单的", "zh: 企业纳税额下降或列入严重失信主体名单的")
    assert any("公平竞争审查条例" in p for p in _problems(taxed))


def test_payment_values_are_checked_like_every_other_value() -> None:
    text = BUNDLED.replace("notice_working_days: {value: 5,", "notice_working_days: {value: 0,")
    text = text.replace('holdback: {value: "0.10"', 'holdback: {value: "0.60"')
    found = "\n".join(_problems(text))
    assert "payment.notice_working_days.value" in found and "工作日" in found
    assert "payment.holdback" in found and "不超过100%" in found
    unknown = BUNDLED.replace("  holdback: {value", "  hold_back: {value")
    assert any("payment.hold_back" in p and "未知的键" in p for p in _problems(unknown))
    missing = BUNDLED.replace("    within_years: {value: 5, status: illustrative}\n", "")
    assert any("clawback[0].within_years" in p for p in _problems(missing))
