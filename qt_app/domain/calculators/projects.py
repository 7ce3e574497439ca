"""Items paid per project: 科技项目配套 (1:1 matching for municipal-or-higher science projects) and
应用场景支持 (a share of an application-scenario contract, capped per project)."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from qt_app.domain.calculators.base import Context, Lines, amount_en, amount_zh, capped, fen_of, pct, read
from qt_app.domain.firm import LEVEL_LABELS, ProjectLevel
from qt_app.domain.package import LineItem, LineStatus
from qt_app.domain.policy import PolicyItem

LEVEL_RANK = {
    ProjectLevel.COUNTY: 0,
    ProjectLevel.MUNICIPAL: 1,
    ProjectLevel.PROVINCIAL: 2,
    ProjectLevel.NATIONAL: 3,
}


def science_matching(item: PolicyItem, ctx: Context) -> list[LineItem]:
    lines = Lines(item, ctx)
    ratio: Decimal = item.param("ratio").value
    min_level = ProjectLevel(item.param("min_level").value)
    reads = (read(item, "ratio"), read(item, "min_level"))
    by_year = defaultdict(list)
    for project in ctx.firm.science_projects:
        if project.year in ctx.years:
            by_year[project.year].append(project)
    for year in ctx.years:
        projects = by_year.get(year, [])
        if not projects:
            continue
        eligible = [p for p in projects if LEVEL_RANK[p.level] >= LEVEL_RANK[min_level]]
        refused = [p for p in projects if p not in eligible]
        for p in refused:
            lvl = LEVEL_LABELS[p.level]
            lines.none(
                year,
                f"“{p.name}”为{lvl[0]}项目，仅{LEVEL_LABELS[min_level][0]}及以上科技项目给予配套",
                f"“{p.name}” is a {lvl[1]} project; only {LEVEL_LABELS[min_level][1]} or higher projects are matched",
                LineStatus.INELIGIBLE,
            )
        if not eligible:
            continue
        amount = sum(fen_of(Decimal(p.allocated) / 100 * ratio) for p in eligible)

        def explain(eligible: list = eligible, amount: int = amount) -> tuple[str, str]:  # type: ignore[type-arg]
            zh = "；".join(
                f"“{p.name}”（{LEVEL_LABELS[p.level][0]}）下拨{amount_zh(p.allocated)} × 1:{ratio.normalize()}"
                for p in eligible
            )
            en = "; ".join(
                f"“{p.name}” ({LEVEL_LABELS[p.level][1]}) allocated {amount_en(p.allocated)} × 1:{ratio.normalize()}"
                for p in eligible
            )
            return f"{zh} = 县级配套{amount_zh(amount)}", f"{en} = county matching {amount_en(amount)}"

        lines.add(year, amount, LineStatus.ELIGIBLE, explain, params=reads)
    return lines.out


def scenario_project(item: PolicyItem, ctx: Context) -> list[LineItem]:
    lines = Lines(item, ctx)
    rate: Decimal = item.param("rate").value
    cap: int = item.param("cap_per_project").value
    reads = (read(item, "rate"), read(item, "cap_per_project"))
    for year in ctx.years:
        projects = [p for p in ctx.firm.scenario_projects if p.year == year]
        if not projects:
            continue
        parts = []
        any_capped = False
        for p in projects:
            raw = fen_of(Decimal(p.contract_value) / 100 * rate)
            amount, hit = capped(raw, cap)
            any_capped |= hit
            parts.append((p.name, p.contract_value, raw, amount))
        total = sum(a for *_, a in parts)

        def explain(parts: list[tuple[str, int, int, int]] = parts, total: int = total) -> tuple[str, str]:
            zh = "；".join(
                f"“{n}”合同额{amount_zh(v)} × {pct(rate)} = {amount_zh(r)}"
                + (f"，按单个项目上限{amount_zh(a)}" if a < r else "")
                for n, v, r, a in parts
            )
            en = "; ".join(
                f"“{n}” contract {amount_en(v)} × {pct(rate)} = {amount_en(r)}"
                + (f", capped at {amount_en(a)}" if a < r else "")
                for n, v, r, a in parts
            )
            if len(parts) > 1:
                zh, en = f"{zh}；合计{amount_zh(total)}", f"{en}; total {amount_en(total)}"
            return zh, en

        status = LineStatus.CAPPED if any_capped else LineStatus.ELIGIBLE
        caps = (f"{item.id}.cap_per_project",) if any_capped else ()
        lines.add(year, total, status, explain, caps=caps, params=reads)
    return lines.out
