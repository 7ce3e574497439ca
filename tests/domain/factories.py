"""Firms for tests, written the way a policy officer would describe them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from qt_app.domain.firm import Firm, Location
from qt_app.domain.money import wan
from qt_app.domain.uscc import make_code


def firm(**changes: Any) -> Firm:
    """A plain eligible AI firm in 青创大厦 from 1 January 2026 with no other plans."""
    base = Firm(
        id="f-test",
        name="青田测试科技有限公司",
        uscc=make_code("9", "1", "331121", "MA2T0E5T1"),
        domains=("人工智能",),
        location=Location("qingchuang", Decimal(800), Decimal("1.2"), date(2026, 1, 1)),
    )
    return base.with_changes(**changes)


def revenue(**by_year: str) -> dict[int, int]:
    """revenue(y2026="2000万") → {2026: 分}."""
    from qt_app.domain.money import parse_amount

    return {int(k[1:]): parse_amount(v) for k, v in by_year.items()}


__all__ = ["firm", "revenue", "wan"]
