"""One way to write money: the screen, sentence and letter forms in both languages."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qt_app.domain.errors import DomainError
from qt_app.domain.money import MAX_AMOUNT_FEN, parse_amount, wan
from qt_app.domain.money_format import figure, money, money_compact, money_words, signed_money


@pytest.mark.parametrize(
    ("fen", "zh", "en"),
    [
        (0, "0元", "¥0"),
        (800_000, "8,000元", "¥8,000"),
        (800_050, "8,000.50元", "¥8,000.50"),
        (98_169_000, "98.17万元", "¥981,690"),
        (wan(150), "150.00万元", "¥1.50 million"),
        (wan("390.4"), "390.40万元", "¥3.90 million"),
        (wan(3000), "3,000.00万元", "¥30.00 million"),
        (wan(12000), "1.20亿元", "¥120.00 million"),
        (wan(300000), "30.00亿元", "¥3.00 billion"),
    ],
)
def test_screen_form_has_fixed_decimals(fen: int, zh: str, en: str) -> None:
    assert money(fen, "zh") == zh
    assert money(fen, "en") == en


@pytest.mark.parametrize(
    ("fen", "zh", "en"),
    [
        (wan(3000), "3000万元", "¥30 million"),
        (wan(12000), "1.2亿元", "¥120 million"),
        (wan(20), "20万元", "¥200,000"),
        (850_000, "8,500元", "¥8,500"),
        (98_169_000, "981,690元", "¥981,690"),
        (wan("122.05"), "122.05万元", "¥1,220,500"),
    ],
)
def test_sentence_form_is_the_shortest_exact_one(fen: int, zh: str, en: str) -> None:
    assert money_words(fen, "zh") == zh
    assert money_words(fen, "en") == en


def test_letter_figure_and_compact_and_signed() -> None:
    assert figure(wan(150)) == "¥1,500,000.00"
    assert money_compact(wan(150)) == "150.00万"
    assert money_compact(wan(150), "en") == "¥1.50M"
    assert signed_money(wan(40)) == "+40.00万元"
    assert signed_money(-wan(40), "en") == "−¥400,000"
    assert signed_money(0) == "±0"


@given(st.integers(min_value=0, max_value=10**14))
def test_sentence_form_reads_back_exactly(fen: int) -> None:
    """Whatever the sentence form writes, the amount parser reads back to the same 分 (or, above the largest
    amount anyone may type, refuses it in words)."""
    typed = money_words(fen, "zh").removesuffix("元")
    if fen <= MAX_AMOUNT_FEN:
        assert parse_amount(typed) == fen
    else:
        with pytest.raises(DomainError, match="金额超出范围：最大 1000亿元"):
            parse_amount(typed)
