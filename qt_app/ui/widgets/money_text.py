"""Money as text on screen (金额显示): formatting only — every amount comes from a Package or an Exposure."""

from __future__ import annotations

from qt_app.domain.errors import DomainError
from qt_app.domain.money import Fen, capitals, format_wan, format_yuan


def yuan_text(fen: Fen) -> str:
    """¥1,500,000.00 — the figure as printed on a letter."""
    return format_yuan(fen)


def wan_text(fen: Fen, lang: str = "zh") -> str:
    """150万元 (zh) or 150万 yuan (en), the way staff read amounts at the table."""
    return format_wan(fen) + (" yuan" if lang == "en" else "元")


def short_wan(fen: Fen) -> str:
    """150万 — compact, for table cells and chart labels."""
    return format_wan(fen)


def signed_wan(delta: Fen, lang: str = "zh") -> str:
    """+40万元 / −40万元 for a difference already computed by the caller's data (±0 when equal)."""
    if delta == 0:
        return "±0"
    sign = "+" if delta > 0 else "−"
    return sign + wan_text(abs(delta), lang)


def capitals_text(fen: Fen) -> str:
    """人民币壹拾万元整 — the amount in capitals (大写) as on a letter; empty when it cannot be written."""
    try:
        return "人民币" + capitals(fen)
    except DomainError:
        return ""
