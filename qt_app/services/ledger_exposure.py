"""The county view (预算敞口 with the 兑现 ledger): full and stage-weighted pipeline, committed (issued letters),
due (actuals, under each letter's policy version), paid and recovered — per year and item, against the
programme pools (the 算力券 pool counts vouchers actually issued) and each year's budget.

Fast because of the exposure cache (`Store.exposure_cache`): every firm's amounts are kept by what they were
computed from (firm content hash + policy hash; letter content hash; ledger revision), and summed in SQL.
Only firms whose key changed are recomputed, and written back when the store is writable. A warm view over
10,000 firms reads no firm and runs no simulation.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from qt_app.domain.errors import DomainError
from qt_app.domain.exposure import DEFAULT_STAGE_WEIGHTS, Exposure, exposure_from_sums
from qt_app.domain.firm import Firm, Stage
from qt_app.domain.ledger.commitment import promised_amounts
from qt_app.domain.money import Fen
from qt_app.domain.package import LineStatus
from qt_app.domain.policy import Policy
from qt_app.domain.simulate import simulate
from qt_app.domain.variants import Variant
from qt_app.services.exposure_report import Column, ExposureReport, exposure_report
from qt_app.services.ledger_read import due_of, ledger_inputs
from qt_app.store.ledger_cache import CacheEntry, Sum

if TYPE_CHECKING:
    from qt_app.store.store import Store

COMMITTED = Column("committed", "已承诺（已出具告知函）", "committed (issued letters)")
DUE = Column("due", "应兑现（按实绩）", "due (actuals)")
PAID = Column("paid", "已拨付", "paid")
RECOVERED = Column("recovered", "已追回（已退还）", "recovered (repaid)")
LEDGER_COLUMNS = (COMMITTED, DUE, PAID, RECOVERED)
HORIZON = 5


Progress = Callable[[int, int], None]
"""Called as stale rows are recomputed: (done, of how many); raising stops the refresh."""


@dataclass(frozen=True)
class CacheReport:
    """What one refresh did: rows recomputed per kind, and firms whose due could not be computed (with why)."""

    recomputed: Mapping[str, int]
    unavailable: tuple[tuple[str, str, str], ...]  # (firm id, zh, en)
    written: bool
    firm_count: int = 0  # firms not in the trash
    undated: int = 0  # of them, firms with no year to start from


def _ratios(weights: Mapping[Stage, Decimal]) -> dict[str, tuple[int, int]]:
    """Weights as exact fractions: half-up rounding in integers, as `domain.exposure` does."""
    return {stage.value: Decimal(w).as_integer_ratio() for stage, w in weights.items()}


def _weighted(amount: Fen, ratio: tuple[int, int]) -> Fen:
    num, den = ratio
    return (2 * amount * num + den) // (2 * den)


def _pipeline_entry(
    firm: Firm,
    policy: Policy,
    content_hash: str,
    key: str,
    horizon: int,
    ratios: Mapping[str, tuple[int, int]],
) -> CacheEntry:
    """A firm's base package as cache lines, each weighted by the firm's stage and rounded per line."""
    pkg = simulate(firm, policy, Variant(), horizon, explain=False)
    ratio = ratios.get(firm.stage.value, (0, 1))
    lines = []
    for ln in pkg.lines:
        pending = ln.would_be if ln.status is LineStatus.PENDING_RECOGNITION else 0
        if ln.amount > 0 or pending > 0:
            amount = max(ln.amount, 0)
            lines.append(
                (
                    ln.year,
                    ln.item_id,
                    firm.stage.value,
                    amount,
                    _weighted(amount, ratio),
                    pending,
                    _weighted(pending, ratio),
                )
            )
    return CacheEntry(firm.id, "pipeline", content_hash, key, bool(pkg.years), tuple(lines))


def _pipeline_key(policy: Policy, horizon: int, ratios: Mapping[str, tuple[int, int]]) -> str:
    """What a firm's cached pipeline amounts depend on besides the firm: policy, horizon and stage weights."""
    weights = ",".join(f"{k}={n}/{d}" for k, (n, d) in sorted(ratios.items()))
    return f"{policy.hash}:{horizon}:{weights}"


def _unweighted(
    firm_id: str, kind: str, key: str, policy_hash: str, amounts: Mapping[tuple[int, str], Fen]
) -> CacheEntry:
    lines = tuple((y, i, "", a, a, 0, 0) for (y, i), a in sorted(amounts.items()) if a)
    return CacheEntry(firm_id, kind, key, policy_hash, True, lines)


def refresh_cache(
    store: Store,
    policy: Policy,
    policies: Sequence[Policy] = (),
    horizon: int = HORIZON,
    weights: Mapping[Stage, Decimal] = DEFAULT_STAGE_WEIGHTS,
    progress: Progress | None = None,
) -> tuple[CacheReport, list[CacheEntry], dict[str, set[str]]]:
    """Bring the cache up to date: (report, entries computed, firm ids to leave out of each kind's SQL sums).

    On a writable store the entries are written and nothing needs leaving out but the firms whose due
    cannot be computed; on a read-only one the stale rows are left out and the fresh entries returned.
    `progress` hears (done, of how many) as stale rows are recomputed.
    """
    cache, book = store.exposure_cache, store.ledger
    ratios = _ratios(weights)
    pipeline_key = _pipeline_key(policy, horizon, ratios)
    states = cache.states()
    records = book.letters_of_record()
    revisions = book.revisions()
    live = {fid: content for fid, _stage, content in cache.live_firms()}
    expected: dict[tuple[str, str], tuple[str, str]] = {}
    for fid, content in live.items():
        expected[(fid, "pipeline")] = (content, pipeline_key)
        rec = records.get(fid)
        if rec is None:
            continue
        letter = str(rec["content_hash"] or rec["id"])
        expected[(fid, "committed")] = (letter, "")
        if fid in revisions:
            expected[(fid, "due")] = (f"{letter}:{revisions[fid]}:{content}", str(rec["policy_hash"]))
    stale = [k for k, v in expected.items() if states.get(k, ("", "", True))[:2] != v]
    drop = [k for k in states if k not in expected]
    entries: list[CacheEntry] = []
    unavailable: list[tuple[str, str, str]] = []
    counts: dict[str, int] = defaultdict(int)
    stale_pipeline = {fid for fid, kind in stale if kind == "pipeline"}
    to_do = len(stale_pipeline) + sum(1 for _fid, kind in stale if kind == "due")

    def tick() -> None:
        if progress is not None:
            progress(counts["pipeline"] + counts["due"] + len(unavailable), to_do)

    if stale_pipeline:
        loaded = (
            ((f, v) for f, v in store.all_firms() if f.id in stale_pipeline)
            if len(stale_pipeline) > 200
            else (store.get_firm(fid) for fid in sorted(stale_pipeline))
        )
        for firm, _variants in loaded:
            entries.append(_pipeline_entry(firm, policy, live[firm.id], pipeline_key, horizon, ratios))
            counts["pipeline"] += 1
            tick()
    stale_committed = [fid for fid, kind in stale if kind == "committed"]
    for row in book.letter_snapshots([str(records[fid]["id"]) for fid in stale_committed]):
        snapshot = json.loads(row["snapshot_json"] or "{}")
        fid = str(row["firm_id"])
        promised = {(y, i): a for (i, y), a in promised_amounts(snapshot).items()}
        entries.append(_unweighted(fid, "committed", expected[(fid, "committed")][0], "", promised))
        counts["committed"] += 1
    for fid, kind in stale:
        if kind != "due":
            continue
        try:
            firm, variants = store.get_firm(fid)
            due = due_of(ledger_inputs(store, firm, variants, policies))
        except DomainError as e:
            unavailable.append((fid, e.zh, e.en))
            tick()
            continue
        key, pol = expected[(fid, "due")]
        entries.append(_unweighted(fid, "due", key, pol, due.by_year_item()))
        counts["due"] += 1
        tick()
    written = False
    if (entries or drop) and not store.read_only:
        cache.write(entries, drop)
        written = True
    exclude: dict[str, set[str]] = {kind: set() for kind in ("pipeline", "committed", "due")}
    exclude["due"] |= {fid for fid, _, _ in unavailable}
    if not written:
        for fid, kind in (*stale, *drop):
            exclude.setdefault(kind, set()).add(fid)
    dated = {e.firm_id: e.dated for e in entries if e.kind == "pipeline"}
    undated = sum(1 for fid in live if not dated.get(fid, states.get((fid, "pipeline"), ("", "", True))[2]))
    report = CacheReport(dict(counts), tuple(unavailable), written, len(live), undated)
    return report, ([] if written else entries), exclude


def _python_sums(entries: Iterable[CacheEntry], kind: str) -> list[Sum]:
    """Sums of the entries a read-only store could not write (the same numbers the SQL would add)."""
    return [Sum(*line) for e in entries if e.kind == kind for line in e.lines]


@dataclass(frozen=True)
class CountyView:
    """The county view as the exposure screen shows it: the rows with the ledger's columns, the pipeline's
    Exposure (for the matrix and the charts), and what the refresh of the cache did."""

    report: ExposureReport
    exposure: Exposure
    cache: CacheReport

    @property
    def firm_count(self) -> int:
        return self.exposure.firm_count


def county_view(
    store: Store,
    policy: Policy,
    policies: Sequence[Policy] = (),
    year: int | None = None,
    weights: Mapping[Stage, Decimal] = DEFAULT_STAGE_WEIGHTS,
    progress: Progress | None = None,
) -> CountyView:
    """The county view (year × item rows with committed, due, paid, recovered, budgets and pools)."""
    report_cache, fresh, exclude = refresh_cache(store, policy, policies, weights=weights, progress=progress)
    cache = store.exposure_cache
    pipeline = cache.sums("pipeline", exclude["pipeline"]) + _python_sums(fresh, "pipeline")
    stages = {s.value: s for s in Stage}
    exp = exposure_from_sums(
        (
            (s.year, s.item_id, stages[s.stage], s.amount, s.weighted, s.pending, s.pending_weighted)
            for s in pipeline
            if s.stage in stages
        ),
        policy,
        report_cache.firm_count,
        report_cache.undated,
    )
    report = exposure_report(exp, policy, year)
    for column, kind in ((COMMITTED, "committed"), (DUE, "due")):
        sums = cache.sums(kind, exclude[kind]) + _python_sums(fresh, kind)
        values: dict[tuple[int, str], Fen] = defaultdict(int)
        for s in sums:
            if year is None or s.year == year:
                values[(s.year, s.item_id)] += s.amount
        report.add_column(column, {k: v for k, v in values.items() if v}, policy)
    money = store.ledger.money_by_year_item()
    for column, key in ((PAID, "paid"), (RECOVERED, "repaid")):
        picked = {k: v[key] for k, v in money.items() if v.get(key) and (year is None or k[0] == year)}
        report.add_column(column, picked, policy)
    for (y, item_id), amount in store.ledger.budgets().items():
        if year is None or y == year:
            report.ensure_row(y, item_id, policy).budget = amount
    pools = {it.id: it for it in policy.items if "pool_per_year" in it.params}
    for row in report.rows:
        item = pools.get(row.item_id)
        if item is None:
            continue
        row.pool = int(item.params["pool_per_year"].value) if row.pool is None else row.pool
        if item.benefit == "voucher":
            row.pool_used = row.amount(PAID.key)  # the 算力券 pool: vouchers actually issued
    for fid, zh, en in report_cache.unavailable:
        report.notes.append((f"企业 {fid} 的应兑现未计入：{zh}", f"Due of firm {fid} not counted: {en}"))
    return CountyView(report, exp, report_cache)


def county_exposure(
    store: Store,
    policy: Policy,
    policies: Sequence[Policy] = (),
    year: int | None = None,
    weights: Mapping[Stage, Decimal] = DEFAULT_STAGE_WEIGHTS,
) -> tuple[ExposureReport, Exposure]:
    """The county view as rows (year × item) with the ledger's columns, and the pipeline Exposure itself."""
    view = county_view(store, policy, policies, year, weights)
    return view.report, view.exposure


def firms_in_cell(store: Store, kind: str, year: int, item_id: str) -> list[tuple[str, Fen]]:
    """The firms behind one cell of the county view (pipeline, committed or due), largest first."""
    return store.exposure_cache.firms_in_cell(kind, year, item_id)
