"""Plain-text tables for the headless commands: a package (simulate) and the budget exposure.

Columns are padded by display width, so Chinese (two cells a character) lines up with figures.
"""

from __future__ import annotations

import unicodedata

from qt_app.domain.money import capitals
from qt_app.domain.money_format import figure, money
from qt_app.domain.package import STATUS_LABELS, Benefit, Package
from qt_app.domain.policy import RULE_STACKING
from qt_app.domain.policy import STATUS_LABELS as VALUE_STATUS
from qt_app.services.exposure_report import ExposureReport, stage_weights_words

BENEFIT_WORDS = {
    Benefit.CASH: ("资金", "cash"),
    Benefit.VOUCHER: ("算力券", "vouchers"),
    Benefit.IN_KIND: ("实物折算", "in kind"),
}


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, cells: int, right: bool = False) -> str:
    gap = " " * max(0, cells - width(text))
    return gap + text if right else text + gap


def _pick(pair: tuple[str, str], en: bool) -> str:
    return pair[1] if en else pair[0]


def _split(amounts: dict[Benefit, int], en: bool) -> str:
    """cash ¥…, vouchers ¥…, in kind ¥… (zero kinds left out)."""
    parts = [f"{_pick(BENEFIT_WORDS[b], en)} {figure(v)}" for b, v in amounts.items() if v]
    return ("; " if en else "；").join(parts) or ("nothing" if en else "无")


def render_package(pkg: Package, lang: str = "zh") -> str:
    en = lang == "en"
    out = [f"{pkg.firm_name} — {pkg.policy_id} {pkg.policy_version} — {pkg.variant}"]
    for rule, text in zip(pkg.exclusion_rules, pkg.exclusions_en if en else pkg.exclusions_zh, strict=False):
        mark = f" [{_pick(VALUE_STATUS.get(rule.status, (rule.status, rule.status)), en)}]"
        out.append(("Excluded: " if en else "不适用：") + text + mark)
    clause_w = max((width((ln.clause_en or ln.clause) if en else ln.clause) for ln in pkg.lines), default=0)
    name_w = max((width(ln.name_en if en else ln.name_zh) for ln in pkg.lines), default=0)
    status_w = max((width(_pick(STATUS_LABELS[ln.status], en)) for ln in pkg.lines), default=0)
    for line in pkg.lines:
        status = _pick(STATUS_LABELS[line.status], en)
        words = (line.explanation_en or line.reason_en) if en else (line.explanation_zh or line.reason_zh)
        name = line.name_en if en else line.name_zh
        clause = (line.clause_en or line.clause) if en else line.clause
        # (¥…) is an amount shown but not counted: 待认定, or outside the policy's period
        shown = f"({figure(line.would_be)})" if line.would_be and not line.amount else figure(line.amount)
        out.append(
            f"{line.year}  {pad(clause, clause_w)}  {pad(name, name_w)} {pad(shown, 16, True)}  "
            f"{pad(status, status_w)}  {words}"
        )
    out.append("")
    by_benefit = pkg.by_year_benefit()
    for year, year_total in pkg.by_year().items():
        head = f"{year} total" if en else f"{year}年合计"
        out.append(
            f"{pad(head, 12)} {pad(figure(year_total), 16, True)}  {_split(by_benefit.get(year, {}), en)}"
        )
    total = pkg.total
    out.append(
        f"{pad('Total' if en else '合计', 12)} {pad(figure(total), 16, True)}  人民币{capitals(total)}"
    )
    out.append(("  of which " if en else "  其中：") + _split(pkg.by_benefit(), en))
    if pkg.pending_total:
        label = "Pending recognition (not in the total)" if en else "待认定（未计入合计）"
        out.append(f"{label}: {figure(pkg.pending_total)}" if en else f"{label}：{figure(pkg.pending_total)}")
    out.extend(_illustrative(pkg, en))
    for text in pkg.warnings_en if en else pkg.warnings_zh:
        out.append(("Note: " if en else "提示：") + text)
    return "\n".join(out)


def _illustrative(pkg: Package, en: bool) -> list[str]:
    """The illustrative values and rules the package rests on, once each, by item: never shown as official."""
    groups: dict[str, dict[str, None]] = {}
    paths: set[str] = set()
    for ln in pkg.lines:
        if not (ln.amount or ln.would_be):
            continue
        for p in ln.params:
            if p.status != "illustrative":
                continue
            paths.add(p.path)
            label = (p.label_en or p.path) if en else p.label_zh
            value = (p.display_en or p.display) if en else p.display
            owner = (
                ("Rules" if en else "规则") if p.path == RULE_STACKING else (ln.name_en if en else ln.name_zh)
            )
            groups.setdefault(owner, {})[f"{label} {value.rstrip('。.')}"] = None
    for r in pkg.rules:
        if r.illustrative and r.path not in paths:
            groups.setdefault("Rules" if en else "规则", {})[(r.en if en else r.zh).rstrip("。.")] = None
    if not groups:
        return []
    head = (
        "Illustrative values and rules (to be confirmed by the implementing rules):"
        if en
        else "示例参数与规则（待兑现细则确认）："
    )
    sep = "; " if en else "；"
    return [head, *(f"  · {owner}: {sep.join(values)}" if en else f"  · {owner}：{sep.join(values)}"
                    for owner, values in groups.items())]  # fmt: skip


def render_exposure(report: ExposureReport, lang: str = "zh") -> str:
    en = lang == "en"
    cols = report.columns
    head = (
        f"Budget exposure — {report.policy_id} {report.policy_version} — {report.firm_count} firms "
        f"(stage weights: {stage_weights_words('en')})"
        if en
        else f"预算敞口 — {report.policy_id} {report.policy_version} — {report.firm_count}家企业"
        f"（阶段权重：{stage_weights_words('zh')}）"
    )
    out = [head]
    if report.undated:
        out.append(
            f"{report.undated} firm(s) give no year to start from and are not counted"
            if en
            else f"另有{report.undated}家企业未填写任何年度，未计入"
        )
    budgets = any(r.budget is not None for r in report.rows)
    titles = ["Year" if en else "年度", "Item" if en else "事项", *(c.en if en else c.zh for c in cols),
              "Annual pool" if en else "年度资金池", "Exceeded" if en else "是否超出"]  # fmt: skip
    if budgets:
        titles += ["Budget" if en else "年度预算", "Over budget" if en else "超出预算"]
    names = {c.key: (c.en if en else c.zh) for c in cols}
    rows = []
    for r in report.rows:
        row = [
            str(r.year),
            r.name_en if en else r.name_zh,
            *(money(r.amount(c.key), lang) for c in cols),
            money(r.pool, lang) if r.pool is not None else "—",
            _exceeded(r.exceeded, r.exceeded_if_all_land, r.pool is not None, en),
        ]
        if budgets:
            over = (", " if en else "、").join(names.get(k, k) for k in r.over_budget)
            row += [
                money(r.budget, lang) if r.budget is not None else "—",
                over or ("—" if r.budget is None else ("no" if en else "未超出")),
            ]
        rows.append(row)
    blank = ["", ""] if budgets else []
    for year, sums in report.year_totals().items():
        rows.append(
            [
                str(year),
                "Year total" if en else "年度合计",
                *(money(sums[c.key], lang) for c in cols),
                "",
                "",
                *blank,
            ]
        )
    totals = report.totals()
    rows.append(["", "Total" if en else "合计", *(money(totals[c.key], lang) for c in cols), "", "", *blank])
    rows.sort(
        key=lambda row: (row[0] == "", row[0])
    )  # a year's total follows its items; the grand total last
    widths = [max(width(row[i]) for row in [titles, *rows]) for i in range(len(titles))]
    numeric = set(range(2, 3 + len(cols))) | ({len(titles) - 2} if budgets else set())
    for row in [titles, *rows]:
        out.append("  ".join(pad(cell, widths[i], i in numeric) for i, cell in enumerate(row)).rstrip())
    if not report.rows:
        out.append("No amounts in this selection" if en else "所选范围内没有测算金额")
    for r in report.rows:
        if r.pool_used is not None and r.pool is not None:
            left = r.pool_left or 0
            out.append(
                f"{r.year} {r.name_en}: {money(r.pool_used, lang)} issued against the {money(r.pool, lang)} pool, "
                f"{money(left, lang)} left" if en else
                f"{r.year}年{r.name_zh}：已发放{money(r.pool_used, lang)}，年度资金池{money(r.pool, lang)}，剩余{money(left, lang)}"
            )  # fmt: skip
    for zh, en_text in report.notes:
        out.append(("Note: " + en_text) if en else ("提示：" + zh))
    return "\n".join(out)


def _exceeded(weighted: bool, full: bool, has_pool: bool, en: bool) -> str:
    if not has_pool:
        return "—"
    if weighted:
        return "EXCEEDED" if en else "超出"
    if full:
        return "exceeded if all land" if en else "全部落地时超出"
    return "no" if en else "未超出"
