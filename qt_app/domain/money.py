"""Money: integer 分 (fen) end to end, Decimal rates, one half-up rounding at the line item.

金额以"分"为整数单位贯穿始终；比例用 Decimal；只在明细行处四舍五入一次。
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from qt_app.domain.errors import DomainError
from qt_app.domain.errors import shown as _shown

Fen = int
"""An amount of money in 分 (1 元 = 100 分). Never a float."""

FEN_PER_YUAN = 100
FEN_PER_WAN = 1_000_000  # 1万元 = 10,000 元 = 1,000,000 分
MAX_CAPITALS_FEN = 10**12 * FEN_PER_YUAN  # 1万亿元: refused by the capitals writer
# The largest amount anyone may type or import: 1000亿元, far above any firm's revenue or plan, and small
# enough that every sum of a few hundred of them stays exact and can still be written in capitals.
MAX_AMOUNT_FEN = 10**11 * FEN_PER_YUAN


def round_fen(value: Decimal) -> Fen:
    """Round a Decimal amount in 分 half-up to a whole 分 (the one rounding per line)."""
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def yuan_to_fen(yuan: Decimal | int) -> Fen:
    """Convert 元 (Decimal or int) to 分, rounding half-up."""
    return round_fen(Decimal(yuan) * FEN_PER_YUAN)


def wan(n: int | str | Decimal) -> Fen:
    """`wan(3000)` is 3000万元 in 分: a readable way to write thresholds in code and tests."""
    return round_fen(Decimal(n) * FEN_PER_WAN)


_PLAIN_AMOUNT = re.compile(r"([0-9]{1,15})(?:\.([0-9]{1,8}))?(万元|亿元|元|万|亿)?")  # no sign, no spaces
_TENS: tuple[int, ...] = tuple(int(10**n) for n in range(9))  # the divisor for 0–8 decimals
_UNIT_YUAN = {"": 1, "元": 1, "万": 10_000, "万元": 10_000, "亿": 100_000_000, "亿元": 100_000_000}
_AMOUNT_RE = re.compile(r"^\s*([+-]?)\s*([0-9][0-9,，]*(?:\.[0-9]+)?|\.[0-9]+)\s*(万元|亿元|元|万|亿)?\s*$")


def parse_amount(text: str | int | Decimal) -> Fen:
    """Parse what staff type: "1,500,000.00", "1500000", "150万", "1.2亿", "3000万元" → 分.

    Raises DomainError with a message in both languages; never returns a negative amount.
    """
    if type(text) is str:  # as files and sheets hold amounts ("1500000.00", "3000万"): no Decimal needed
        plain = _PLAIN_AMOUNT.fullmatch(text)
        if plain is not None:
            whole, fraction, unit = plain.groups("")
            scaled = int(whole + fraction) * FEN_PER_YUAN * _UNIT_YUAN[unit]
            fen, rest = divmod(scaled, _TENS[len(fraction)])
            if not rest and fen <= MAX_AMOUNT_FEN:  # exact and in range; anything else goes the long way
                return fen
    if isinstance(text, bool):
        raise DomainError("金额格式不正确", "Not an amount")
    if isinstance(text, int):
        value = Decimal(text)
    elif isinstance(text, Decimal):
        value = text
    else:
        normalized = str(text).replace("¥", "").replace("￥", "").replace("　", " ")
        normalized = normalized.translate(_FULLWIDTH_DIGITS)
        m = _AMOUNT_RE.match(normalized) if len(normalized) <= 200 else None
        if not m:
            raise DomainError(
                f"“{_shown(text)}”不是有效金额，应为数字，可带“万”或“亿”，如 1500000 或 150万",
                f"“{_shown(text)}” is not a valid amount; use a number, optionally with 万 or 亿, e.g. 1500000 or 150万",
            )
        sign, digits, unit = m.groups()
        try:
            value = Decimal(digits.replace(",", "").replace("，", ""))
        except InvalidOperation as exc:  # pragma: no cover - regex already guards
            raise DomainError(
                f"“{_shown(text)}”不是有效金额", f"“{_shown(text)}” is not a valid amount"
            ) from exc
        if unit in ("万", "万元"):
            value *= 10_000
        elif unit in ("亿", "亿元"):
            value *= 100_000_000
        if sign == "-":
            value = -value
    if not value.is_finite():
        raise DomainError(f"“{_shown(text)}”不是有效金额", f"“{_shown(text)}” is not a valid amount")
    if value < 0:
        raise DomainError(f"金额不能为负数：{_shown(text)}", f"An amount cannot be negative: {_shown(text)}")
    if value * FEN_PER_YUAN > MAX_AMOUNT_FEN:
        raise out_of_range(text)
    return yuan_to_fen(value)


def out_of_range(text: object) -> DomainError:
    """金额超出范围：最大 1000亿元 — an amount too large to be real (or to be computed with exactly)."""
    from qt_app.domain.money_format import money_words  # money_format imports this module

    return DomainError(
        f"金额超出范围：最大 {money_words(MAX_AMOUNT_FEN)}，实为“{_shown(text)}”",
        f"Amount out of range: at most {money_words(MAX_AMOUNT_FEN, 'en')}, found “{_shown(text)}”",
    )


_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９．，", "0123456789.,")


def format_yuan(fen: Fen, symbol: bool = True) -> str:
    """¥1,500,000.00 — the figure as printed on letters."""
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), FEN_PER_YUAN)
    return f"{sign}{'¥' if symbol else ''}{yuan:,}.{cents:02d}"


def format_wan(fen: Fen, digits: int = 2) -> str:
    """Display in 万元 for screens: 1500000元 → "150.00万"; trailing zeros trimmed for whole numbers."""
    value = (Decimal(fen) / FEN_PER_WAN).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    text = f"{value:,.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return f"{text}万"


_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SMALL_UNITS = ("", "拾", "佰", "仟")
_SECTION_UNITS = ("", "万", "亿")


def _section(n: int) -> str:
    """Write 0 < n < 10000 with 拾佰仟 and single 零 for interior zero runs."""
    out: list[str] = []
    zero_pending = False
    for pos in range(3, -1, -1):
        d = (n // 10**pos) % 10
        if d == 0:
            if out:
                zero_pending = True
            continue
        if zero_pending:
            out.append("零")
            zero_pending = False
        out.append(_DIGITS[d] + _SMALL_UNITS[pos])
    return "".join(out)


def capitals(fen: Fen) -> str:
    """Amount in Chinese capitals (大写金额) per the People's Bank settlement rules.

    0 → 零元整; 1.01元 → 壹元零壹分; 1409.50元 → 壹仟肆佰零玖元伍角; 100000元 → 壹拾万元整.
    """
    if fen < 0:
        raise DomainError("大写金额不支持负数", "Negative amounts cannot be written in capitals")
    if fen >= MAX_CAPITALS_FEN:
        raise DomainError("金额达到或超过1万亿元，无法书写大写", "Amounts of 1万亿 or more are refused")
    yuan, cents = divmod(fen, FEN_PER_YUAN)
    jiao, fen_digit = divmod(cents, 10)

    integer = ""
    if yuan:
        sections = []
        n = yuan
        while n:
            sections.append(n % 10_000)
            n //= 10_000
        parts: list[str] = []
        need_zero = False
        for idx in range(len(sections) - 1, -1, -1):
            sec = sections[idx]
            if sec == 0:
                need_zero = bool(parts)
                continue
            # A zero is needed when an earlier part exists and this section has a gap before it.
            if parts and (need_zero or sec < 1000):
                parts.append("零")
            parts.append(_section(sec) + _SECTION_UNITS[idx])
            need_zero = False
        integer = "".join(parts) + "元"

    if not yuan and not cents:
        return "零元整"
    if not cents:
        return integer + "整"
    tail = ""
    if jiao:
        tail += _DIGITS[jiao] + "角"
    if fen_digit:
        if not jiao and yuan:
            tail += "零"
        tail += _DIGITS[fen_digit] + "分"
    return integer + tail
