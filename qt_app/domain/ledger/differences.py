"""Why due differs from promised (差异说明), in words, item by item and year by year.

"2027年经审计销售收入4200万元，未达5000万元档，该项减少40万元" · "2027 audited revenue ¥42 million, below the
¥50 million tier: ¥400,000 less". Each item kind names the figure it is computed from, planned against
actual; the amount of the difference closes the sentence.
"""

from __future__ import annotations

from collections.abc import Callable

from qt_app.domain.firm import Firm, HousingChoice
from qt_app.domain.ledger.due import MOVED_OUT, NOT_REPORTED, DueCell
from qt_app.domain.money import Fen
from qt_app.domain.money_format import money_words
from qt_app.domain.package import LineStatus
from qt_app.domain.policy import Policy, PolicyItem
from qt_app.domain.wording import date_words

Words = tuple[str, str]


def _m(fen: Fen, lang: str) -> str:
    return money_words(fen, lang)


def _tail(delta: Fen) -> Words:
    if delta < 0:
        return f"，该项减少{_m(-delta, 'zh')}", f": {_m(-delta, 'en')} less"
    return f"，该项增加{_m(delta, 'zh')}", f": {_m(delta, 'en')} more"


def difference_words(
    item: PolicyItem | None, year: int, promised: Fen, cell: DueCell, plan: Firm, actual: Firm, policy: Policy
) -> Words:
    """One sentence per language; empty when due equals promised and nothing needs saying."""
    delta = cell.amount - promised
    if cell.state in (NOT_REPORTED, MOVED_OUT):
        if promised == 0 and cell.state == NOT_REPORTED:
            return "", ""
        more_zh = [f"按实绩测算为{_m(cell.would_be, 'zh')}"] if cell.would_be else []
        more_en = [f"the actuals would give {_m(cell.would_be, 'en')}"] if cell.would_be else []
        if promised:
            more_zh.append(f"承诺{_m(promised, 'zh')}")
            more_en.append(f"{_m(promised, 'en')} promised")
        zh = cell.words_zh + (f"（{'，'.join(more_zh)}）" if more_zh else "")
        en = cell.words_en + (f" ({'; '.join(more_en)})" if more_en else "")
        return zh, en
    if delta == 0:
        return "", ""
    refused = next((ln for ln in cell.lines if ln.status in _NOT_PAID and ln.reason_zh), None)
    if refused is not None and cell.amount == 0:
        t = _tail(delta)
        return refused.reason_zh + t[0], refused.reason_en + t[1]
    if item is None:
        t = _tail(delta)
        return f"{year}年实绩与承诺不同" + t[0], f"{year}: the actuals differ from the plan" + t[1]
    describe = _DESCRIBE.get(item.kind, _generic)
    zh, en = describe(item, year, delta, plan, actual, policy)
    t = _tail(delta)
    return zh + t[0], en + t[1]


_NOT_PAID = (
    LineStatus.INELIGIBLE,
    LineStatus.PENDING_RECOGNITION,
    LineStatus.BEYOND_POLICY,
    LineStatus.BEFORE_POLICY,
)


def _versus(label: Words, year: int, planned: Fen | None, actual: Fen | None) -> Words:
    a_zh = _m(actual, "zh") if actual is not None else "未报送"
    a_en = _m(actual, "en") if actual is not None else "not reported"
    p_zh = _m(planned, "zh") if planned is not None else "无"
    p_en = _m(planned, "en") if planned is not None else "none"
    return f"{year}年{label[0]}{a_zh}（计划{p_zh}）", f"{year} {label[1]} {a_en} (planned {p_en})"


def _revenue(item: PolicyItem, year: int, delta: Fen, plan: Firm, actual: Firm, policy: Policy) -> Words:
    a, p = actual.revenue.get(year), plan.revenue.get(year)
    thresholds = sorted(t.threshold for t in item.tiers if t.threshold is not None)
    if a is not None and p is not None and delta < 0 and a < p:
        missed = [t for t in thresholds if a <= t < p]
        if missed:
            return (
                f"{year}年经审计销售收入{_m(a, 'zh')}，未达{_m(missed[0], 'zh')}档",
                f"{year} audited revenue {_m(a, 'en')}, below the {_m(missed[0], 'en')} tier",
            )
    if a is not None and delta > 0 and (p is None or a > p):
        crossed = [t for t in thresholds if (p or 0) <= t < a]
        if crossed:
            return (
                f"{year}年经审计销售收入{_m(a, 'zh')}，超过{_m(crossed[-1], 'zh')}档（计划{_m(p or 0, 'zh')}）",
                f"{year} audited revenue {_m(a, 'en')}, above the {_m(crossed[-1], 'en')} tier "
                f"(planned {_m(p or 0, 'en')})",
            )
    return _versus(("经审计销售收入", "audited revenue"), year, p, a)


def _rent(item: PolicyItem, year: int, delta: Fen, plan: Firm, actual: Firm, policy: Policy) -> Words:
    a, p = actual.location, plan.location
    if a is None:
        return f"{year}年未报送租赁实绩", f"No lease reported for {year}"
    zh, en = [], []
    if a.move_out is not None and a.move_out.year == year:
        zh.append(f"{date_words(a.move_out, 'zh')}迁出，租金支持计至迁出日")
        en.append(f"moved out on {date_words(a.move_out, 'en')}, rent subsidy up to that day")
    if p is None or a.area_m2 != p.area_m2:
        zh.append(f"实际租用面积{a.area_m2}㎡（计划{p.area_m2 if p else '无'}㎡）")
        en.append(f"leased {a.area_m2} m² (planned {p.area_m2 if p else 'none'} m²)")
    if p is not None and a.rent_per_m2_day != p.rent_per_m2_day:
        zh.append(f"租金{a.rent_per_m2_day}元/㎡/天（计划{p.rent_per_m2_day}元/㎡/天）")
        en.append(f"rent {a.rent_per_m2_day} yuan/m²/day (planned {p.rent_per_m2_day})")
    if p is not None and a.move_in != p.move_in:
        zh.append(f"{date_words(a.move_in, 'zh')}入驻（计划{date_words(p.move_in, 'zh')}）")
        en.append(f"moved in on {date_words(a.move_in, 'en')} (planned {date_words(p.move_in, 'en')})")
    if p is not None and a.site != p.site:
        zh.append(f"入驻载体与计划不同（{a.site}，计划{p.site}）")
        en.append(f"a different site ({a.site}, planned {p.site})")
    if not zh:
        return _generic(item, year, delta, plan, actual, policy)
    moved = a.move_out is not None and a.move_out.year == year  # the sentence then opens with its date
    return ("" if moved else f"{year}年") + "，".join(zh), f"{year}: " + ", ".join(en)


def _spend(field: str, label: Words) -> Callable[[PolicyItem, int, Fen, Firm, Firm, Policy], Words]:
    def describe(item: PolicyItem, year: int, delta: Fen, plan: Firm, actual: Firm, policy: Policy) -> Words:
        return _versus(label, year, getattr(plan, field).get(year), getattr(actual, field).get(year))

    return describe


def _talents(item: PolicyItem, year: int, delta: Fen, plan: Firm, actual: Firm, policy: Policy) -> Words:
    span = int(item.params["max_years"].value) if "max_years" in item.params else 1

    def count(firm: Firm) -> tuple[int, int]:
        groups = [t for t in firm.talents if t.arrival_year <= year < t.arrival_year + span]
        flats = sum(t.count for t in groups if t.housing is HousingChoice.APARTMENT)
        return sum(t.count for t in groups), flats

    (a, a_flats), (p, p_flats) = count(actual), count(plan)
    zh = f"{year}年享受安居的到岗人才{a}人（计划{p}人）"
    en = f"{year}: {a} talent(s) in post with housing support (planned {p})"
    if a == p and a_flats != p_flats:
        zh += f"，其中入住人才公寓{a_flats}人（计划{p_flats}人）"
        en += f", {a_flats} in talent apartments (planned {p_flats})"
    return zh, en


def _loans(field: str, label: Words) -> Callable[[PolicyItem, int, Fen, Firm, Firm, Policy], Words]:
    def describe(item: PolicyItem, year: int, delta: Fen, plan: Firm, actual: Firm, policy: Policy) -> Words:
        def total(firm: Firm) -> Fen:
            return sum(
                getattr(ln, field) for ln in firm.loans if ln.start_year <= year < ln.start_year + ln.years
            )

        return _versus(label, year, total(plan), total(actual))

    return describe


def _projects(kind: str, label: Words) -> Callable[[PolicyItem, int, Fen, Firm, Firm, Policy], Words]:
    def describe(item: PolicyItem, year: int, delta: Fen, plan: Firm, actual: Firm, policy: Policy) -> Words:
        def total(firm: Firm) -> Fen:
            if kind == "science":
                return sum(p.allocated for p in firm.science_projects if p.year == year)
            return sum(p.contract_value for p in firm.scenario_projects if p.year == year)

        return _versus(label, year, total(plan), total(actual))

    return describe


def _landing(item: PolicyItem, year: int, delta: Fen, plan: Firm, actual: Firm, policy: Policy) -> Words:
    a, p = actual.landing_date, plan.landing_date
    if a is None:
        return "未报送落地（入驻）实绩", "No landing (move-in) reported"
    if p is not None and a.year != p.year:
        return (
            f"{date_words(a, 'zh')}落地（计划{date_words(p, 'zh')}）",
            f"landed on {date_words(a, 'en')} (planned {date_words(p, 'en')})",
        )
    return _generic(item, year, delta, plan, actual, policy)


def _generic(item: PolicyItem, year: int, delta: Fen, plan: Firm, actual: Firm, policy: Policy) -> Words:
    return (
        f"{year}年{item.zh}按实绩计算与承诺不同",
        f"{year}: {item.en} computed from the actuals differs from the plan",
    )


_DESCRIBE: dict[str, Callable[[PolicyItem, int, Fen, Firm, Firm, Policy], Words]] = {
    "revenue_milestone": _revenue,
    "rent_subsidy": _rent,
    "compute_voucher": _spend("compute_spend", ("算力合作合同额", "compute bought")),
    "rnd_subsidy": _spend("rnd_spend", ("研发投入", "R&D spending")),
    "talent_housing": _talents,
    "loan_interest": _loans("principal", ("在贷本金", "loan principal outstanding")),
    "guarantee_fee": _loans("guarantee_fee", ("担保费", "guarantee fees")),
    "science_matching": _projects("science", ("获批科技项目下拨资金", "science-project funds allocated")),
    "scenario_project": _projects("scenario", ("应用场景项目合同额", "scenario contract value")),
    "project_landing": _landing,
}


def paid_words(due: Fen, paid: Fen, outstanding_label: Words | None = None) -> Words:
    """已拨付 against 应兑现: what is left, or what was paid above due."""
    if paid == 0 and due == 0:
        return "", ""
    if paid > due:
        return (
            f"已拨付{_m(paid, 'zh')}，超过应兑现{_m(due, 'zh')}，差额{_m(paid - due, 'zh')}",
            f"{_m(paid, 'en')} paid, above the {_m(due, 'en')} due by {_m(paid - due, 'en')}",
        )
    if paid == due:
        return f"已足额拨付{_m(paid, 'zh')}", f"{_m(paid, 'en')} paid in full"
    if paid == 0:
        zh, en = f"待拨付{_m(due, 'zh')}", f"{_m(due, 'en')} to be paid"
    else:
        zh = f"已拨付{_m(paid, 'zh')}，尚余{_m(due - paid, 'zh')}"
        en = f"{_m(paid, 'en')} paid, {_m(due - paid, 'en')} to go"
    if outstanding_label is not None:
        zh += f"（{outstanding_label[0]}）"
        en += f" ({outstanding_label[1]})"
    return zh, en
