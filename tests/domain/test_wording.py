"""Dates and clause numbers in both languages."""

from __future__ import annotations

from datetime import date

import pytest

from qt_app.domain.wording import clause_en, date_words


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("第一条", "Art. 1"),
        ("第三条", "Art. 3"),
        ("第十条", "Art. 10"),
        ("第十二条", "Art. 12"),
        ("第二十三条", "Art. 23"),
        ("第六条第一款", "Art. 6(1)"),
        ("第七条第二款第三项", "Art. 7(2)(3)"),
        ("第5条", "Art. 5"),
        ("附则", "附则"),  # another form is kept as it is, never lost
        ("第X条", "第X条"),
    ],
)
def test_clause_numbers_in_english(zh: str, en: str) -> None:
    assert clause_en(zh) == en


def test_dates_in_both_languages() -> None:
    assert date_words(date(2023, 8, 10), "zh") == "2023年8月10日"
    assert date_words(date(2023, 8, 10), "en") == "10 August 2023"
