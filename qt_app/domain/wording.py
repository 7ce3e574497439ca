"""Small pieces of wording the engine shares: dates and clause numbers in Chinese and English.

Amounts are not here: they go through `money_format` (`money_words` inside sentences).
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CLAUSE = re.compile(r"^第(?P<art>[零〇一二两三四五六七八九十百\d]+)条(?:第(?P<para>[零〇一二两三四五六七八九十百\d]+)款)?"
                     r"(?:第(?P<item>[零〇一二两三四五六七八九十百\d]+)项)?$")  # fmt: skip


def date_words(d: date, lang: str = "zh") -> str:
    """2023年8月10日 · 10 August 2023 (GB/T 9704: Arabic numerals, no zero padding)."""
    if lang == "en":
        return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"
    return f"{d.year}年{d.month}月{d.day}日"


def _number(text: str) -> int | None:
    """一 → 1, 十 → 10, 十二 → 12, 二十三 → 23, 一百零五 → 105; Arabic digits pass through."""
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for ch in text:
        if ch in _DIGITS:
            current = _DIGITS[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current


@lru_cache(maxsize=256)
def clause_en(clause: str) -> str:
    """第三条 → Art. 3 · 第六条第一款 → Art. 6(1) · 第七条第二款第三项 → Art. 7(2)(3).

    A reference in another form is returned unchanged, so nothing is ever lost in translation.
    """
    m = _CLAUSE.match(clause.strip())
    if m is None:
        return clause
    parts = [_number(m.group(g)) if m.group(g) else None for g in ("art", "para", "item")]
    given = [m.group(g) is not None for g in ("art", "para", "item")]
    if any(g and p is None for g, p in zip(given, parts, strict=True)):
        return clause
    out = f"Art. {parts[0]}"
    for p in parts[1:]:
        if p is not None:
            out += f"({p})"
    return out


def year_list(years: list[int] | tuple[int, ...], lang: str = "zh") -> str:
    """2022、2023年 · 2022, 2023."""
    if lang == "en":
        return ", ".join(str(y) for y in years)
    return "、".join(str(y) for y in years) + "年"
