"""One way to write money (金额写法): every screen, chart, hint, list, explanation and letter calls these.

Three forms, each in Chinese or English:
- `money(fen, lang)` for tables and totals on screen: fixed decimals, separators.
  zh: 8,000元 · 98.17万元 · 1,500.00万元 · 1.20亿元;  en: ¥8,000 · ¥981,690 · ¥15.00 million · ¥1.20 billion.
- `money_words(fen, lang)` inside sentences (explanations, hints, reasons): the shortest exact form, as people
  say it. zh: 3000万元 · 1.2亿元 · 20万元 · 8,500元;  en: ¥30 million · ¥120 million · ¥200,000.
- `figure(fen)` for letters: ¥1,500,000.00 (with `capitals()` from `money` beside it).
`money_compact` is `money` without the unit word, for chart labels and narrow cells (zh 150.00万, en ¥1.50M).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from qt_app.domain.money import FEN_PER_WAN, FEN_PER_YUAN, Fen

_FEN_PER_YI = FEN_PER_WAN * 10_000  # 1亿元
_FEN_PER_MILLION = 100 * 1_000_000  # ¥1 million
_FEN_PER_BILLION = _FEN_PER_MILLION * 1_000
_TWO = Decimal("0.01")


def _scaled(fen: Fen, unit: int) -> str:
    """`fen / unit` with exactly two decimals and thousands separators."""
    value = (Decimal(abs(fen)) / unit).quantize(_TWO, rounding=ROUND_HALF_UP)
    return f"{value:,.2f}"


def _trimmed(fen: Fen, unit: int) -> str:
    """`fen / unit` with no trailing zeros and no separators (3000, 1.2, 0.05)."""
    value = Decimal(abs(fen)) / unit
    text = f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def _yuan(fen: Fen) -> str:
    """Whole yuan with separators; cents only when there are some (8,000 · 8,000.50)."""
    yuan, cents = divmod(abs(fen), FEN_PER_YUAN)
    return f"{yuan:,}" if cents == 0 else f"{yuan:,}.{cents:02d}"


def _sign(fen: Fen) -> str:
    return "−" if fen < 0 else ""


def money(fen: Fen, lang: str = "zh") -> str:
    """An amount in a table or total on screen, fixed decimals (see the module docstring)."""
    a = abs(fen)
    if lang == "en":
        if a >= _FEN_PER_BILLION:
            return f"{_sign(fen)}¥{_scaled(fen, _FEN_PER_BILLION)} billion"
        if a >= _FEN_PER_MILLION:
            return f"{_sign(fen)}¥{_scaled(fen, _FEN_PER_MILLION)} million"
        return f"{_sign(fen)}¥{_yuan(fen)}"
    if a >= _FEN_PER_YI:
        return f"{_sign(fen)}{_scaled(fen, _FEN_PER_YI)}亿元"
    if a >= FEN_PER_WAN:
        return f"{_sign(fen)}{_scaled(fen, FEN_PER_WAN)}万元"
    return f"{_sign(fen)}{_yuan(fen)}元"


def money_compact(fen: Fen, lang: str = "zh") -> str:
    """`money` without the unit word, for chart labels and narrow cells: 150.00万 · ¥1.50M."""
    a = abs(fen)
    if lang == "en":
        if a >= _FEN_PER_BILLION:
            return f"{_sign(fen)}¥{_scaled(fen, _FEN_PER_BILLION)}B"
        if a >= _FEN_PER_MILLION:
            return f"{_sign(fen)}¥{_scaled(fen, _FEN_PER_MILLION)}M"
        return f"{_sign(fen)}¥{_yuan(fen)}"
    if a >= _FEN_PER_YI:
        return f"{_sign(fen)}{_scaled(fen, _FEN_PER_YI)}亿"
    if a >= FEN_PER_WAN:
        return f"{_sign(fen)}{_scaled(fen, FEN_PER_WAN)}万"
    return f"{_sign(fen)}{_yuan(fen)}"


def money_words(fen: Fen, lang: str = "zh") -> str:
    """An amount inside a sentence, the shortest exact form: 3000万元, 1.2亿元, ¥30 million, ¥200,000."""
    a = abs(fen)
    if lang == "en":
        if a >= _FEN_PER_BILLION and a % (_FEN_PER_BILLION // 100) == 0:
            return f"{_sign(fen)}¥{_trimmed(fen, _FEN_PER_BILLION)} billion"
        if a >= _FEN_PER_MILLION and a % (_FEN_PER_MILLION // 100) == 0:
            return f"{_sign(fen)}¥{_trimmed(fen, _FEN_PER_MILLION)} million"
        return f"{_sign(fen)}¥{_yuan(fen)}"
    if a >= _FEN_PER_YI and a % (_FEN_PER_YI // 10_000) == 0:
        return f"{_sign(fen)}{_trimmed(fen, _FEN_PER_YI)}亿元"
    if a >= FEN_PER_WAN and a % (FEN_PER_WAN // 100) == 0:
        return f"{_sign(fen)}{_trimmed(fen, FEN_PER_WAN)}万元"
    return f"{_sign(fen)}{_yuan(fen)}元"


def figure(fen: Fen) -> str:
    """¥1,500,000.00: the figure as printed on letters, always with 分."""
    yuan, cents = divmod(abs(fen), FEN_PER_YUAN)
    return f"{'-' if fen < 0 else ''}¥{yuan:,}.{cents:02d}"


def signed_money(delta: Fen, lang: str = "zh") -> str:
    """+40.00万元 / −40.00万元 for a difference (±0 when equal)."""
    if delta == 0:
        return "±0"
    return ("+" if delta > 0 else "−") + money(abs(delta), lang)
