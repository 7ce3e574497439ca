"""Small text helpers shared by official documents: escaping for Paragraph markup, dates as 公文 write them."""

from __future__ import annotations

from datetime import date

_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})


def esc(text: object) -> str:
    """Escape user text for a Paragraph (markup characters print as typed).

    (xml.sax.saxutils.escape does the same but imports urllib and email: ~20 ms at start-up.)
    """
    return str(text).translate(_ESCAPES)


def date_zh(d: date) -> str:
    """2026年3月5日: Arabic numerals, no zero padding (GB/T 9704 成文日期)."""
    return f"{d.year}年{d.month}月{d.day}日"


def date_en(d: date) -> str:
    return f"{d.day} {d.strftime('%B')} {d.year}"


NUMERALS = "一二三四五六七八九十"


def cn_number(n: int) -> str:
    """一 … 九十九: heading numbers (一、 （一）)."""
    if n <= 10:
        return NUMERALS[n - 1]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else NUMERALS[tens - 1]
    return head + "十" + (NUMERALS[ones - 1] if ones else "")
