"""Field values as staff write them (字段取值): text, yes/no, whole numbers, years, amounts, dates, choices.

Each converter takes the raw value and its path and returns the value, or raises `Bad` with the message
in Chinese and English; `Reader` collects every problem of one pass, by path.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from qt_app.domain.errors import DomainError, FieldProblem
from qt_app.domain.money import Fen, parse_amount

T = TypeVar("T")


class Reader:
    """Collects problems while reading a dict, so one pass reports all of them."""

    def __init__(self) -> None:
        self.problems: list[FieldProblem] = []

    def problem(self, path: str, zh: str, en: str, severity: str = "error") -> None:
        self.problems.append(FieldProblem(path, zh, en, severity))

    def get(
        self, data: Mapping[str, Any], key: str, path: str, conv: Callable[[Any, str], T], default: T
    ) -> T:
        if key not in data or data[key] is None or data[key] == "":
            return default
        try:
            return conv(data[key], f"{path}{key}")
        except Bad as bad:
            self.problem(f"{path}{key}", bad.zh, bad.en)
            return default

    def require(
        self, data: Mapping[str, Any], key: str, path: str, conv: Callable[[Any, str], T]
    ) -> T | None:
        if key not in data or data[key] is None or data[key] == "":
            self.problem(f"{path}{key}", "必填项为空", "Required")
            return None
        try:
            return conv(data[key], f"{path}{key}")
        except Bad as bad:
            self.problem(f"{path}{key}", bad.zh, bad.en)
            return None


class Bad(Exception):
    def __init__(self, zh: str, en: str) -> None:
        super().__init__(zh)
        self.zh, self.en = zh, en


def to_str(v: Any, _p: str) -> str:
    if not isinstance(v, str | int):
        raise Bad("应为文本", "Expected text")
    return str(v).strip()


def to_bool(v: Any, _p: str) -> bool:
    if isinstance(v, bool):
        return v
    if isinstance(v, str) and v.strip().lower() in {"是", "true", "yes", "1", "y"}:
        return True
    if isinstance(v, str) and v.strip().lower() in {"否", "false", "no", "0", "n"}:
        return False
    raise Bad(f"应为“是”或“否”，实为“{v}”", f"Expected yes or no, found “{v}”")


def to_int(v: Any, _p: str) -> int:
    if isinstance(v, bool):
        raise Bad("应为整数", "Expected a whole number")
    try:
        d = Decimal(str(v).strip())
    except InvalidOperation:
        raise Bad(f"应为整数，实为“{v}”", f"Expected a whole number, found “{v}”") from None
    if not d.is_finite() or d != d.to_integral_value():
        raise Bad(f"应为整数，实为“{v}”", f"Expected a whole number, found “{v}”")
    return int(d)


def to_count(v: Any, p: str) -> int:
    n = to_int(v, p)
    if n < 0:
        raise Bad("不能为负数", "Cannot be negative")
    return n


def to_year(v: Any, p: str) -> int:
    y = to_int(v, p)
    if not 2000 <= y <= 2100:
        raise Bad(f"年份应在2000–2100之间，实为{y}", f"A year between 2000 and 2100 was expected, found {y}")
    return y


def to_decimal(v: Any, _p: str) -> Decimal:
    if isinstance(v, bool | float):
        v = str(v)
    try:
        d = Decimal(str(v).strip().replace(",", ""))
    except InvalidOperation:
        raise Bad(f"应为数字，实为“{v}”", f"Expected a number, found “{v}”") from None
    if not d.is_finite() or d < 0:
        raise Bad(f"应为非负数，实为“{v}”", f"Expected a non-negative number, found “{v}”")
    return d


def to_money(v: Any, _p: str) -> Fen:
    if isinstance(v, float):
        v = str(v)
    try:
        return parse_amount(v)
    except DomainError as e:
        raise Bad(e.zh, e.en) from None


def to_date(v: Any, _p: str) -> date:
    if isinstance(v, date):
        return v
    text = str(v).strip().replace("/", "-").replace(".", "-")
    for sep in ("年", "月"):
        text = text.replace(sep, "-")
    text = text.rstrip("日").rstrip("-")
    try:
        y, m, d = (int(x) for x in text.split("-"))
        return date(y, m, d)
    except (ValueError, TypeError):
        raise Bad(
            f"日期格式应为 2026-03-05，实为“{v}”", f"Expected a date like 2026-03-05, found “{v}”"
        ) from None


def to_enum(cls: type[Any]) -> Callable[[Any, str], Any]:
    def conv(v: Any, _p: str) -> Any:
        try:
            return cls(str(v).strip())
        except ValueError:
            allowed = "、".join(m.value for m in cls)
            raise Bad(
                f"应为以下之一：{allowed}；实为“{v}”", f"Expected one of {allowed}; found “{v}”"
            ) from None

    return conv
