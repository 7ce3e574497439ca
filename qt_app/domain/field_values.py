"""Field values as staff write them (字段取值): text, yes/no, whole numbers, years, amounts, dates, choices.

Each converter takes the raw value and its path and returns the value, or raises `Bad` with the message
in Chinese and English; `Reader` collects every problem of one pass, by path. Every converter has limits
(nothing a user or an outsider feeds the app may break it): one-line text 200 characters, notes 20,000,
counts 100,000, other numbers 10⁹, amounts 1000亿元 (money.py); no lone surrogate or NUL in text; a value
quoted back in a message is cut short.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from qt_app.domain.errors import DomainError, FieldProblem, is_text, shown
from qt_app.domain.money import Fen, parse_amount

T = TypeVar("T")

MAX_TEXT_CHARS = 200  # a name, a contact, an owner, a project: one line of text
MAX_NOTES_CHARS = 20_000  # notes: a few pages
MAX_COUNT = 100_000  # people in a talent group, years of a loan
MAX_NUMBER = 10**9  # any other number: an area, a rent, a factor (amounts have their own limit in money.py)


class Reader:
    """Collects problems while reading a dict, so one pass reports all of them."""

    def __init__(self) -> None:
        self.problems: list[FieldProblem] = []

    def problem(self, path: str, zh: str, en: str, severity: str = "error") -> None:
        self.problems.append(FieldProblem(path, zh, en, severity))

    def get(
        self, data: Mapping[str, Any], key: str, path: str, conv: Callable[[Any, str], T], default: T
    ) -> T:
        value = data.get(key)  # absent, null and "" all mean "not given"
        if value is None or value == "":
            return default
        try:
            return conv(value, f"{path}{key}")
        except Bad as bad:
            self.problem(f"{path}{key}", bad.zh, bad.en)
            return default

    def require(
        self, data: Mapping[str, Any], key: str, path: str, conv: Callable[[Any, str], T]
    ) -> T | None:
        value = data.get(key)
        if value is None or value == "":
            self.problem(f"{path}{key}", "必填项为空", "Required")
            return None
        try:
            return conv(value, f"{path}{key}")
        except Bad as bad:
            self.problem(f"{path}{key}", bad.zh, bad.en)
            return None


class Bad(Exception):
    def __init__(self, zh: str, en: str) -> None:
        super().__init__(zh)
        self.zh, self.en = zh, en


def _text(v: Any, limit: int) -> str:
    if not isinstance(v, str | int):
        raise Bad("应为文本", "Expected text")
    text = str(v).strip()
    if not is_text(text):
        raise Bad(
            "文字中有无效的字符（如不成对的代理字符或空字符）",
            "The text holds an invalid character (a lone surrogate or NUL)",
        )
    if len(text) > limit:
        raise Bad(
            f"文字过长：最多 {limit} 个字，实为 {len(text)} 个字",
            f"Too long: at most {limit} characters, found {len(text)}",
        )
    return text


def to_str(v: Any, _p: str) -> str:
    return _text(v, MAX_TEXT_CHARS)


def to_note(v: Any, _p: str) -> str:
    return _text(v, MAX_NOTES_CHARS)


def _too_big(v: Any, limit: int) -> Bad:
    return Bad(
        f"数值过大：最多 {limit:,}，实为“{shown(v)}”", f"Too large: at most {limit:,}, found “{shown(v)}”"
    )


def _digits(v: Any) -> str:
    """A number's text; anything longer than 100 characters is not a number (and is not parsed)."""
    text = str(v).strip()
    return text if len(text) <= 100 else "not a number"


def to_bool(v: Any, _p: str) -> bool:
    if isinstance(v, bool):
        return v
    if isinstance(v, str) and v.strip().lower() in {"是", "true", "yes", "1", "y"}:
        return True
    if isinstance(v, str) and v.strip().lower() in {"否", "false", "no", "0", "n"}:
        return False
    raise Bad(f"应为“是”或“否”，实为“{shown(v)}”", f"Expected yes or no, found “{shown(v)}”")


def to_int(v: Any, _p: str, limit: int = MAX_NUMBER) -> int:
    if type(v) is int and abs(v) <= limit:  # already a whole number: as it is
        return v
    if type(v) is str and len(v) <= 18 and v.isascii() and v.isdigit() and int(v) <= limit:
        return int(v)  # a year key ("2026"): every amount of an import has one
    if isinstance(v, bool):
        raise Bad("应为整数", "Expected a whole number")
    try:
        d = Decimal(_digits(v))
    except InvalidOperation:
        raise Bad(f"应为整数，实为“{shown(v)}”", f"Expected a whole number, found “{shown(v)}”") from None
    if not d.is_finite() or d != d.to_integral_value():
        raise Bad(f"应为整数，实为“{shown(v)}”", f"Expected a whole number, found “{shown(v)}”")
    if abs(d) > limit:
        raise _too_big(v, limit)
    return int(d)


def to_count(v: Any, p: str) -> int:
    n = to_int(v, p, MAX_COUNT)
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
        d = Decimal(_digits(v).replace(",", ""))
    except InvalidOperation:
        raise Bad(f"应为数字，实为“{shown(v)}”", f"Expected a number, found “{shown(v)}”") from None
    if not d.is_finite() or d < 0:
        raise Bad(f"应为非负数，实为“{shown(v)}”", f"Expected a non-negative number, found “{shown(v)}”")
    if d > MAX_NUMBER:
        raise _too_big(v, MAX_NUMBER)
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
    except (ValueError, TypeError, OverflowError):  # OverflowError: a year of 30 digits
        raise Bad(
            f"日期格式应为 2026-03-05，实为“{shown(v)}”",
            f"Expected a date like 2026-03-05, found “{shown(v)}”",
        ) from None


def to_enum(cls: type[Any]) -> Callable[[Any, str], Any]:
    def conv(v: Any, _p: str) -> Any:
        try:
            return cls(str(v).strip())
        except ValueError:
            allowed = "、".join(m.value for m in cls)
            raise Bad(
                f"应为以下之一：{allowed}；实为“{shown(v)}”", f"Expected one of {allowed}; found “{shown(v)}”"
            ) from None

    return conv
