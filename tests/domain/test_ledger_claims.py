"""The claim's rules as an officer meets them: each broken rule names its field, in Chinese and English, and the
claim is unchanged; working days for public notice; the tranche plan."""

from __future__ import annotations

from datetime import date

import pytest

from qt_app.domain.errors import ValidationError
from qt_app.domain.ledger import steps as s
from qt_app.domain.ledger.claims import (
    Check,
    Claim,
    ClaimState,
    Terms,
    advance,
    open_claim,
    replay,
    tranche_plan,
)
from qt_app.domain.ledger.working_days import (
    HOLIDAY_NOTE,
    add_working_days,
    nth_working_day,
    working_days_between,
)
from qt_app.domain.money import wan

TERMS = Terms()


def _claim(requested: int = wan(150), on: date = date(2027, 3, 1), due: int = wan(150)) -> Claim:
    return open_claim("k-1", "f-1", "revenue", 2026, TERMS, s.Apply(on, requested), Check(due))


def _refused(claim: Claim, step: s.Step, check: Check | None, field: str, words: str) -> ValidationError:
    with pytest.raises(ValidationError) as e:
        advance(claim, step, check)
    problem = e.value.problems[0]
    assert problem.path == field and words in problem.zh, (problem.path, problem.zh)
    assert problem.en and problem.en != problem.zh
    return e.value


def _to_notice(amount: int = wan(150), due: int = wan(150)) -> Claim:
    c = _claim(amount, due=due)
    c = advance(c, s.Review(date(2027, 3, 10), "钱科长", True, amount), Check(due))
    return advance(c, s.Notice(date(2027, 3, 15)), None)


def test_a_negative_amount_a_date_before_the_application_and_a_payment_above_due_are_refused() -> None:
    with pytest.raises(ValidationError) as e:
        _claim(requested=-100)
    assert e.value.problems[0].path == "requested" and "不能为负数" in e.value.problems[0].zh
    c = _claim(requested=wan(200), due=wan(150))
    _refused(
        c,
        s.Review(date(2027, 2, 28), "钱科长", True, wan(150)),
        Check(wan(150)),
        "on",
        "早于申报日期2027年3月1日",
    )
    err = _refused(
        c,
        s.Review(date(2027, 3, 10), "钱科长", True, wan(160)),
        Check(wan(150)),
        "amount",
        "超过应兑现金额150万元",
    )
    assert "above the ¥1.5 million due" in err.problems[0].en
    _refused(
        c, s.Review(date(2027, 3, 10), "钱科长", True, -5), Check(wan(150)), "amount", "核定金额不能为负数"
    )
    c = advance(c, s.Review(date(2027, 3, 10), "钱科长", True, wan(150)), Check(wan(150)))
    c = advance(c, s.Notice(date(2027, 3, 15)), None)
    c = advance(c, s.Accept(date(2027, 3, 16)), None)
    # due fell after the review (e.g. corrected actuals): paying above it is refused without a reason…
    _refused(
        c, s.Pay(date(2027, 3, 22), wan(150), "财拨1"), Check(wan(100)), "amount", "超过应兑现金额100万元"
    )
    _refused(c, s.Pay(date(2027, 3, 22), -1, "财拨1"), Check(wan(100)), "amount", "拨付金额不能为负数")
    # …and allowed with one, marked as overridden
    paid = advance(
        c, s.Pay(date(2027, 3, 22), wan(150), "财拨1", "县政府专题会议纪要〔2027〕3号同意"), Check(wan(100))
    )
    assert paid.state is ClaimState.PAID and paid.overridden and paid.payments[0].override_reason


def test_paid_elsewhere_counts_against_due() -> None:
    c = _to_notice(wan(30), due=wan(30))
    _refused(c, s.Pay(date(2027, 3, 22), wan(30), "财拨1"), Check(wan(40), wan(20)), "amount", "累计50万元")


def test_payment_waits_for_the_notice_and_its_objections() -> None:
    c = _to_notice(wan(30), due=wan(30))
    assert c.notice_until == date(2027, 3, 19)  # Monday 15 → Friday 19: five working days
    _refused(c, s.Pay(date(2027, 3, 19), wan(30), "财拨1"), Check(wan(30)), "on", "期满后方可拨付")
    c = advance(c, s.Objection(date(2027, 3, 17), "有企业反映数据不实"), None)
    _refused(c, s.Pay(date(2027, 3, 22), wan(30), "财拨1"), Check(wan(30)), "", "未处理的异议")
    _refused(c, s.Objection(date(2027, 3, 22), "迟到的异议"), None, "on", "公示期已于2027年3月19日结束")
    c = advance(c, s.Resolve(date(2027, 3, 22), "核实无误"), None)
    _refused(c, s.Pay(date(2027, 3, 22), wan(30), ""), Check(wan(30)), "order_number", "拨款文号")
    assert advance(c, s.Pay(date(2027, 3, 22), wan(30), "财拨1"), Check(wan(30))).state is ClaimState.PAID


def test_a_notice_shorter_than_five_working_days_is_refused() -> None:
    c = advance(_claim(), s.Review(date(2027, 3, 10), "钱科长", True, wan(150)), Check(wan(150)))
    _refused(c, s.Notice(date(2027, 3, 12), date(2027, 3, 16)), None, "until", "公示期不足5个工作日")
    assert advance(c, s.Notice(date(2027, 3, 12), date(2027, 3, 18)), None).notice_until == date(2027, 3, 18)


def test_hold_resume_terminate_and_recovery() -> None:
    c = _to_notice(wan(30), due=wan(30))
    _refused(c, s.Hold(date(2027, 3, 16), " "), None, "reason", "暂缓原因")
    held = advance(c, s.Hold(date(2027, 3, 16), "项目进度滞后"), None)
    assert held.state is ClaimState.HELD and held.held == wan(30)
    _refused(held, s.Pay(date(2027, 3, 22), wan(30), "财拨1"), Check(wan(30)), "", "暂缓原因：项目进度滞后")
    back = advance(held, s.Resume(date(2027, 3, 18)), None)
    assert back.state is ClaimState.NOTICE
    paid = advance(back, s.Pay(date(2027, 3, 22), wan(30), "财拨1"), Check(wan(30)))
    _refused(paid, s.Terminate(date(2027, 4, 1), "迁出"), None, "", "不能终止")
    _refused(paid, s.Recover(date(2027, 8, 1), "迁出", wan(31)), None, "amount", "超过已拨付且未追回的30万元")
    rec = advance(paid, s.Recover(date(2027, 8, 1), "move_out：2027年7月1日迁出", wan(21), "move_out"), None)
    _refused(rec, s.Repay(date(2027, 9, 1), wan(22), "收据1"), None, "amount", "超过待追回的21万元")
    done = advance(rec, s.Repay(date(2027, 9, 1), wan(21), "收据1"), None)
    assert (done.recovered, done.repaid, done.state) == (wan(21), wan(21), ClaimState.PAID)
    stopped = advance(_claim(), s.Terminate(date(2027, 3, 5), "企业列入严重失信名单"), None)
    assert stopped.state is ClaimState.TERMINATED and stopped.outstanding == 0


def test_a_rejection_needs_its_reason_and_ends_the_claim() -> None:
    c = _claim()
    _refused(c, s.Review(date(2027, 3, 10), "钱科长", False), None, "note", "不予通过的理由")
    rejected = advance(c, s.Review(date(2027, 3, 10), "钱科长", False, note="审计报告非本年度"), None)
    assert rejected.state is ClaimState.REJECTED and rejected.end_reason == "审计报告非本年度"
    _refused(rejected, s.Notice(date(2027, 3, 15)), None, "", "不能公示")


def test_replay_rebuilds_the_claim_from_its_steps() -> None:
    c = _to_notice()
    c = advance(c, s.Pay(date(2027, 3, 22), wan(75), "财拨1"), Check(wan(150)))
    again = replay(c.id, c.firm_id, c.item_id, c.year, c.terms, list(c.steps))
    assert again == c


def test_tranche_plan_adds_up_and_small_awards_are_paid_at_once() -> None:
    assert tranche_plan(wan(150), TERMS) == (wan(75), wan(60), wan(15))
    assert tranche_plan(wan(50), TERMS) == (wan(50),)  # not above 50万: one payment
    assert sum(tranche_plan(5_000_001, TERMS)) == 5_000_001
    assert tranche_plan(0, TERMS) == ()


def test_working_days_skip_weekends_and_say_holidays_are_not_counted() -> None:
    assert nth_working_day(date(2027, 3, 15), 5) == date(2027, 3, 19)
    assert nth_working_day(date(2027, 3, 13), 5) == date(2027, 3, 19)  # posted on a Saturday
    assert nth_working_day(date(2027, 3, 18), 5) == date(2027, 3, 24)  # Thursday → next Wednesday
    assert working_days_between(date(2027, 3, 13), date(2027, 3, 21)) == 5
    assert add_working_days(date(2027, 3, 19), 1) == date(2027, 3, 22)
    assert add_working_days(date(2027, 3, 1), 60) == date(2027, 5, 24)
    assert "未扣除法定节假日" in HOLIDAY_NOTE[0] and "public holidays" in HOLIDAY_NOTE[1]
