"""Items paid per project: 科技项目配套 (1:1 matching for municipal-or-higher science projects) and
应用场景支持 (a share of an application-scenario contract, capped per project)."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from qt_app.domain.calculators.base import Context, Lines, capped, fen_of, pct, read, yuan_text
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
                f"“{p.name}”（{LEVEL_LABELS[p.level][0]}）下拨{yuan_text(p.allocated)} × 1:{ratio.normalize()}"
                for p in eligible
            )
            en = "; ".join(
                f"“{p.name}” ({LEVEL_LABELS[p.level][1]}) allocated {yuan_text(p.allocated)} × 1:{ratio.normalize()}"
                for p in eligible
            )
            return f"{zh} = 县级配套{yuan_text(amount)}", f"{en} = county matching {yuan_text(amount)}"

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
                f"“{n}”合同额{yuan_text(v)} × {pct(rate)} = {yuan_text(r)}"
                + (f"，按单个项目上限{yuan_text(a)}" if a < r else "")
                for n, v, r, a in parts
            )
            en = "; ".join(
                f"“{n}” contract {yuan_text(v)} × {pct(rate)} = {yuan_text(r)}"
                + (f", capped at {yuan_text(a)}" if a < r else "")
                for n, v, r, a in parts
            )
            if len(parts) > 1:
                zh, en = f"{zh}；合计{yuan_text(total)}", f"{en}; total {yuan_text(total)}"
            return zh, en

        status = LineStatus.CAPPED if any_capped else LineStatus.ELIGIBLE
        caps = (f"{item.id}.cap_per_project",) if any_capped else ()
        lines.add(year, total, status, explain, caps=caps, params=reads)
    return lines.out
