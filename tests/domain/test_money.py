"""Amounts in figures and in capitals, exactly as policy-reference §2 prescribes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qt_app.domain.errors import DomainError
from qt_app.domain.money import capitals, format_wan, format_yuan, parse_amount, wan

CAPITALS = {
    "0": "零元整",
    "0.05": "伍分",
    "1.01": "壹元零壹分",
    "10": "壹拾元整",
    "325.04": "叁佰贰拾伍元零肆分",
    "1409.50": "壹仟肆佰零玖元伍角",
    "6007.14": "陆仟零柒元壹角肆分",
    "100000": "壹拾万元整",
    "1500000": "壹佰伍拾万元整",
    "100000000": "壹亿元整",
    "1234567890.89": "壹拾贰亿叁仟肆佰伍拾陆万柒仟捌佰玖拾元捌角玖分",
    "100005": "壹拾万零伍元整",
    "105000000": "壹亿零伍佰万元整",
    "10.50": "壹拾元伍角",
    "20000.30": "贰万元叁角",
}


@pytest.mark.parametrize(("yuan", "expected"), CAPITALS.items())
def test_capitals_match_the_settlement_rules(yuan: str, expected: str) -> None:
    assert capitals(parse_amount(yuan)) == expected


def test_negative_and_huge_amounts_are_refused_with_a_message() -> None:
    with pytest.raises(DomainError, match="负数"):
        capitals(-1)
    with pytest.raises(DomainError, match="1万亿"):
        capitals(10**12 * 100)


@given(st.integers(min_value=0, max_value=10**14 - 1))
def test_capitals_use_only_the_official_characters(fen: int) -> None:
    text = capitals(fen)
    assert set(text) <= set("零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整")
    assert "零零" not in text
    assert not text.startswith("零") or text == "零元整"
    assert text.endswith("整") == (fen % 100 == 0)


def test_what_staff_type_parses_to_fen() -> None:
    assert parse_amount("1,500,000.00") == 150_000_000
    assert parse_amount("150万") == wan(150)
    assert parse_amount("1.2亿") == wan(12_000)
    assert parse_amount("３０００万元") == wan(3000)
    assert parse_amount("¥800") == 80_000


@pytest.mark.parametrize("bad", ["abc", "12,3a", "-5", "1.2.3", ""])
def test_malformed_amounts_say_so_in_chinese(bad: str) -> None:
    with pytest.raises(DomainError) as err:
        parse_amount(bad)
    assert "金额" in err.value.zh


def test_figures_for_letters_and_screens() -> None:
    assert format_yuan(150_000_000) == "¥1,500,000.00"
    assert format_wan(wan(150)) == "150万"
    assert format_wan(35_040_000) == "35.04万"


@given(
    whole=st.integers(min_value=0, max_value=10**15 - 1),
    fraction=st.text(alphabet="0123456789", max_size=8),
    unit=st.sampled_from(["", "元", "万", "万元", "亿", "亿元"]),
)
def test_plain_amounts_read_fast_as_the_full_parser_reads_them(whole: int, fraction: str, unit: str) -> None:
    """Plain amounts ("1500000.00", "3000万") skip Decimal; a leading space sends the same text through
    the full parser, which must give the same 分 or the same refusal."""
    text = f"{whole}.{fraction}{unit}" if fraction else f"{whole}{unit}"

    def outcome(t: str) -> object:
        try:
            return parse_amount(t)
        except DomainError as e:
            return e.en.replace(f"“ {text}”", f"“{text}”")

    assert outcome(text) == outcome(" " + text)


@given(st.integers(min_value=0, max_value=10**20))
def test_whole_numbers_as_text_read_as_the_full_reader_reads_them(n: int) -> None:
    from qt_app.domain.field_values import Bad, to_int, to_year

    for read in (to_int, to_year):
        got = []
        for v in (str(n), f" {n}", n):  # the fast paths, and the full reader (it strips the space)
            try:
                got.append(read(v, "x"))
            except Bad as e:
                got.append(e.en.replace(f" {n}", f"{n}").replace("“ ", "“"))
        assert got[0] == got[1] == got[2]
