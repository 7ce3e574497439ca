"""A Package turned into what the panels show (政策包展示): tree rows, chart bars, totals, reasons.

Formatting and grouping only: every amount is read from the Package (lines, by_item, by_year,
by_year_category, total); nothing here computes a subsidy.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from qt_app.domain.errors import DomainError
from qt_app.domain.money import Fen, capitals
from qt_app.domain.money_format import money, money_compact
from qt_app.domain.package import STATUS_LABELS as LINE_STATUS_LABELS
from qt_app.domain.package import LineItem, LineStatus, Package
from qt_app.domain.policy import CATEGORY_LABELS, Policy, Status
from qt_app.domain.policy import STATUS_LABELS as PARAM_STATUS_LABELS
from qt_app.ui.widgets.bar_chart import Bar, Series
from qt_app.ui.widgets.palette import category_color
from qt_app.ui.widgets.tree_model import Node
from qt_app.ui.widgets.words import clause_text, param_name, param_value

ILLUSTRATIVE = Status.ILLUSTRATIVE.value


NOT_GIVEN_KEY = "__not_given"
"""Key of the tree's last group: the lines the firm does not get, each with its reason."""


def pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def line_status_label(status: LineStatus, lang: str) -> str:
    return pick(LINE_STATUS_LABELS.get(status, (str(status), str(status))), lang)


def value_status_label(status: str, lang: str) -> str:
    """原文 / 示例 / 已确认 / 方案调整 for a parameter or clause status."""
    return pick(PARAM_STATUS_LABELS.get(status, (status, status)), lang)


def year_text(year: int) -> str:
    return QCoreApplication.translate("PackagePanel", "{year}年").format(year=year)


def capitals_text(fen: Fen) -> str:
    """人民币壹拾万元整 — the amount in capitals (大写); empty when it cannot be written."""
    try:
        return "人民币" + capitals(fen)
    except DomainError:
        return ""


def pending_text(would_be: Fen, lang: str) -> str:
    """What a 待认定 line (or item) shows instead of an amount: "待认定 · 可得 20.00万元"."""
    return QCoreApplication.translate("PackagePanel", "待认定 · 可得 {amount}").format(
        amount=money(would_be, lang)
    )


def is_illustrative(line: LineItem) -> bool:
    """Does the amount rest on an illustrative value (示例) — a parameter the county has not confirmed?"""
    return any(p.status == ILLUSTRATIVE for p in line.params)


def item_illustrative(pkg: Package, item_id: str) -> bool:
    return any(is_illustrative(ln) for ln in pkg.paying_lines() if ln.item_id == item_id)


def line_name(line: LineItem, lang: str) -> str:
    return line.name_en if lang == "en" else line.name_zh


def category_series(lang: str) -> list[Series]:
    return [Series(key, pick(labels, lang), category_color(key)) for key, labels in CATEGORY_LABELS.items()]


def category_segments(pkg: Package) -> tuple[tuple[str, int], ...]:
    """The package's whole-horizon amount per category (Package.by_category), in the legend's order."""
    cats = pkg.by_category()
    order = list(CATEGORY_LABELS)
    ordered = [(c, cats[c]) for c in order if cats.get(c, 0) > 0]
    return tuple(ordered + [(c, v) for c, v in cats.items() if c not in order and v > 0])


def year_bars(pkg: Package, lang: str = "zh") -> list[Bar]:
    """One bar per year, stacked by category, the year's total written above it."""
    totals = pkg.by_year()
    per_year = pkg.by_year_category()
    order = list(CATEGORY_LABELS)
    bars = []
    for year in pkg.years:
        cats = per_year.get(year, {})
        segments = tuple((c, cats[c]) for c in order if cats.get(c, 0) > 0)
        segments += tuple((c, v) for c, v in cats.items() if c not in order and v > 0)
        total = totals.get(year, 0)
        bars.append(Bar(year_text(year), segments, money_compact(total, lang) if total else ""))
    return bars


def _item_order(pkg: Package) -> list[str]:
    seen: dict[str, None] = {}
    for line in pkg.lines:
        seen.setdefault(line.item_id, None)
    return list(seen)


def package_nodes(pkg: Package, lang: str, policy: Policy | None = None) -> list[Node]:
    """Item → years → parameters, then a group of the lines the firm does not get, with the reason."""
    hidden = {id(line) for line in pkg.not_given()}
    by_item = pkg.by_item()
    nodes: list[Node] = []
    for item_id in _item_order(pkg):
        lines = [ln for ln in pkg.lines if ln.item_id == item_id and id(ln) not in hidden]
        if not lines:
            continue
        first = lines[0]
        total = by_item.get(item_id, 0)
        pending = sum(ln.would_be for ln in lines if ln.status is LineStatus.PENDING_RECOGNITION)
        total_text = pending_text(pending, lang) if pending and not total else money(total, lang)
        basis = first.basis_zh
        if lang == "en" and policy is not None:
            try:
                basis = policy.item(item_id).basis_en
            except KeyError:
                basis = ""
        statuses: list[LineStatus] = []
        for ln in lines:
            if ln.status not in statuses and (ln.amount > 0 or total == 0):
                statuses.append(ln.status)
        item = Node(
            item_id,
            [line_name(first, lang), total_text, "", clause_text(first.clause, lang), basis],
            badges={
                2: [(line_status_label(s, lang), s.value) for s in statuses],
                3: [(value_status_label(first.clause_status, lang), first.clause_status)],
            },
            tooltip=basis,
            bold=True,
            color="#777777" if pending and not total else "",
            amount=total,
        )
        for n, ln in enumerate(lines):
            words = (ln.explanation_en if lang == "en" else ln.explanation_zh) or (
                ln.reason_en if lang == "en" else ln.reason_zh
            )
            waiting = ln.status is LineStatus.PENDING_RECOGNITION and ln.would_be > 0
            amount_text = pending_text(ln.would_be, lang) if waiting else money(ln.amount, lang)
            year = item.add(
                Node(
                    f"{item_id}/{ln.year}/{n}",
                    [year_text(ln.year), amount_text, "", "", words],
                    badges={2: [(line_status_label(ln.status, lang), ln.status.value)]},
                    tooltip=words,
                    color="" if ln.amount > 0 else "#777777",
                    amount=ln.amount,
                )
            )
            for p in ln.params:
                reached = p.path in ln.caps
                value = param_value(policy, p.path, p.display, lang) + (
                    QCoreApplication.translate("PackagePanel", "（已按此上限）") if reached else ""
                )
                year.add(
                    Node(
                        f"{item_id}/{ln.year}/{n}/{p.path}",
                        [param_name(p.path, p.label_zh, lang), "", "", "", value],
                        badges={2: [(value_status_label(p.status, lang), p.status)]},
                        tooltip=f"{p.path} = {p.display}",
                    )
                )
        nodes.append(item)
    missing = pkg.not_given()
    if missing:
        group = Node(
            NOT_GIVEN_KEY,
            [QCoreApplication.translate("PackagePanel", "未享受的事项"), "", "", "", ""],
            bold=True,
            color="#777777",
        )
        for n, ln in enumerate(missing):
            reason = ln.reason_en if lang == "en" else ln.reason_zh
            group.add(
                Node(
                    f"{NOT_GIVEN_KEY}/{ln.item_id}/{ln.year}/{n}",
                    [
                        f"{line_name(ln, lang)} · {year_text(ln.year)}",
                        "",
                        "",
                        clause_text(ln.clause, lang),
                        reason,
                    ],
                    badges={2: [(line_status_label(ln.status, lang), ln.status.value)]},
                    tooltip=reason,
                    color="#777777",
                )
            )
        nodes.append(group)
    return nodes
