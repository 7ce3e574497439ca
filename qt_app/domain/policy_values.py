"""Typed parameter values: what each unit accepts, and the message when it does not."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from qt_app.domain.errors import DomainError
from qt_app.domain.money import parse_amount
from qt_app.domain.policy import Unit

MODES = ("top_up", "cumulative", "highest_only")
LEVELS = ("national", "provincial", "municipal", "county")

EXPECTED: dict[Unit, tuple[str, str]] = {
    Unit.FEN: ("金额（元，可带“万”或“亿”）", "an amount (元, may end in 万 or 亿)"),
    Unit.RATE: ("0 到 1 之间的比例", "a share between 0 and 1"),
    Unit.RATIO: ("不小于 0 的倍数", "a multiplier of at least 0"),
    Unit.M2: ("不小于 0 的面积（㎡）", "a non-negative area (m²)"),
    Unit.PRICE: ("不小于 0 的单价（元/㎡/天）", "a non-negative unit price (元/m²/day)"),
    Unit.YEARS: ("不小于 0 的整数年数", "a whole number of years, at least 0"),
    Unit.MODE: ("top_up、cumulative 或 highest_only", "top_up, cumulative or highest_only"),
    Unit.LEVEL: ("national、provincial、municipal 或 county", "national, provincial, municipal or county"),
    Unit.WORKING_DAYS: ("不小于 1 的整数工作日数", "a whole number of working days, at least 1"),
}


def _bad(raw: object, unit: Unit, where: str) -> DomainError:
    zh, en = EXPECTED[unit]
    return DomainError(f"{where}：应为{zh}，实为“{raw}”", f"{where}: expected {en}, found “{raw}”")


def parse_value(raw: object, unit: Unit, where: str) -> Any:
    """Convert a raw YAML/UI value to the unit's type, or raise a DomainError naming `where`."""
    if isinstance(raw, bool) or raw is None:
        raise _bad(raw, unit, where)
    text = str(raw).strip()
    if unit is Unit.FEN:
        try:
            return parse_amount(text)
        except DomainError:
            raise _bad(raw, unit, where) from None
    if unit in (Unit.MODE, Unit.LEVEL):
        allowed = MODES if unit is Unit.MODE else LEVELS
        if text not in allowed:
            raise _bad(raw, unit, where)
        return text
    try:
        d = Decimal(text.rstrip("%")) / (100 if text.endswith("%") else 1)
    except InvalidOperation:
        raise _bad(raw, unit, where) from None
    if not d.is_finite() or d < 0:
        raise _bad(raw, unit, where)
    if unit is Unit.RATE and d > 1:
        raise _bad(raw, unit, where)
    if unit in (Unit.YEARS, Unit.WORKING_DAYS):
        if d != d.to_integral_value() or (unit is Unit.WORKING_DAYS and d < 1):
            raise _bad(raw, unit, where)
        return int(d)
    return d
