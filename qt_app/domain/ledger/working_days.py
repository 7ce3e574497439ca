"""Working days (工作日) for public notice and payment deadlines: weekends are excluded.

Statutory holidays and the weekend days worked in their place (调休) are not counted in or out: the State
Council publishes them each December, and the app ships offline. Every deadline computed here says so
(`HOLIDAY_NOTE`), so an officer checks a notice that spans 春节 or 国庆 by hand.
"""

from __future__ import annotations

from datetime import date, timedelta

HOLIDAY_NOTE = (
    "按工作日计算：已除去周六、周日，未扣除法定节假日及调休，跨节假日的请人工核对",
    "Counted in working days: weekends excluded; public holidays and swapped working weekends are not, so "
    "check by hand when the period spans a holiday",
)
_DAY = timedelta(days=1)


def is_working_day(d: date) -> bool:
    return d.weekday() < 5


def next_working_day(d: date) -> date:
    """`d` itself when it is a working day, else the Monday after."""
    while not is_working_day(d):
        d += _DAY
    return d


def working_days_between(start: date, end: date) -> int:
    """Working days from `start` to `end`, both included (0 when `end` is before `start`)."""
    if end < start:
        return 0
    weeks, extra = divmod((end - start).days + 1, 7)
    count = weeks * 5
    for i in range(extra):
        if is_working_day(start + timedelta(days=weeks * 7 + i)):
            count += 1
    return count


def nth_working_day(start: date, n: int) -> date:
    """The n-th working day counting `start` itself as the first when it is one (n ≥ 1).

    A 5-working-day notice posted on Monday 3 March ends on Friday 7 March; posted on a Saturday, it runs
    Monday to Friday.
    """
    if n < 1:
        raise ValueError("n must be at least 1")
    return add_working_days(next_working_day(start), n - 1)


def add_working_days(start: date, n: int) -> date:
    """The day `n` working days after `start` (a deadline "within n working days of start"); n = 0 gives
    `start`, or the next working day when `start` falls on a weekend."""
    if n < 0:
        raise ValueError("n must not be negative")
    d = start
    while n:
        d += _DAY
        if is_working_day(d):
            n -= 1
    return next_working_day(d)
