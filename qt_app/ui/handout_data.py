"""The meeting handout's content (会谈简报内容): one firm's package by item and year, ready to draw.

Plain data built from the Package and written by the one money formatter: the same numbers, marks and
clauses the meeting screen shows, so the paper and the projector never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from qt_app.domain.money_format import figure, money
from qt_app.domain.package import Package
from qt_app.domain.policy import Policy, Status
from qt_app.ui.widgets.package_parts import capitals_text, item_illustrative, line_name
from qt_app.ui.widgets.words import clause_text


@dataclass(frozen=True)
class HandoutRow:
    """One support item: its name, clause, amount per year, total, and whether it rests on 示例 values."""

    name: str
    clause: str
    clause_illustrative: bool
    by_year: tuple[str, ...]
    total: str
    illustrative: bool


@dataclass(frozen=True)
class Handout:
    firm: str
    policy: str
    variant: str
    made_on: str
    years: tuple[int, ...]
    rows: tuple[HandoutRow, ...]
    year_totals: tuple[str, ...]
    total: str  # 821.23万元
    total_figure: str  # ¥8,212,340.00
    total_capitals: str  # 人民币捌佰贰拾壹万…
    any_illustrative: bool


def handout(
    pkg: Package, policy: Policy, variant_label: str, lang: str, today: date | None = None
) -> Handout:
    """The handout for one package (`lang` for names, clauses and amounts; capitals always in Chinese)."""
    names: dict[str, str] = {}
    clauses: dict[str, tuple[str, bool]] = {}
    for line in pkg.paying_lines():
        names.setdefault(line.item_id, line_name(line, lang))
        clauses.setdefault(line.item_id, (line.clause, line.clause_status == Status.ILLUSTRATIVE.value))
    per_item: dict[str, dict[int, int]] = {}
    for line in pkg.paying_lines():
        per_item.setdefault(line.item_id, {}).setdefault(line.year, 0)
        per_item[line.item_id][line.year] += line.amount
    by_item = pkg.by_item()
    rows = tuple(
        HandoutRow(
            name,
            clause_text(clauses[item][0], lang),
            clauses[item][1],
            tuple(
                money(per_item[item].get(y, 0), lang) if per_item[item].get(y, 0) else "—" for y in pkg.years
            ),
            money(by_item[item], lang),
            item_illustrative(pkg, item),
        )
        for item, name in names.items()
    )
    totals = pkg.by_year()
    title = policy.title_en if lang == "en" else f"《{policy.title}》"
    return Handout(
        firm=pkg.firm_name,
        policy=f"{title} {policy.version}",
        variant=variant_label,
        made_on=(today or date.today()).isoformat(),
        years=pkg.years,
        rows=rows,
        year_totals=tuple(money(totals.get(y, 0), lang) for y in pkg.years),
        total=money(pkg.total, lang),
        total_figure=figure(pkg.total),
        total_capitals=capitals_text(pkg.total),
        any_illustrative=any(r.illustrative or r.clause_illustrative for r in rows),
    )
