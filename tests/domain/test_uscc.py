"""统一社会信用代码: errors block, a checksum mismatch only warns."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from qt_app.domain.uscc import ALPHABET, check, make_code


def test_reference_example_is_valid() -> None:
    result = check("91310110666007217T")
    assert result.ok and result.region == "310110"


def test_normalises_spaces_case_and_fullwidth() -> None:
    assert check(" 9131 0110 6660 0721 7t ").ok
    assert check("９１３１０１１０６６６００７２１７Ｔ").ok


def test_wrong_length_is_an_error_naming_the_length() -> None:
    result = check("9131011066600721")
    assert result.is_error and "18位" in result.error_zh and "16" in result.error_zh


def test_forbidden_letters_are_errors() -> None:
    result = check("91310110666OO7217T")
    assert result.is_error and "O" in result.error_zh


def test_checksum_mismatch_is_an_overridable_warning() -> None:
    result = check("91310110666007217A")
    assert not result.is_error and result.is_warning and "应为 T" in result.warning_zh


@given(st.text(alphabet=ALPHABET, min_size=9, max_size=9))
def test_made_codes_always_check(org: str) -> None:
    code = make_code("9", "1", "331121", org)
    assert check(code).ok and check(code).region == "331121"
