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
from collections.abc import Iterable, Mapping, Sequence
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


@dataclass(frozen=True)
class CacheReport:
    """What one refresh did: rows recomputed per kind, and firms whose due could not be computed (with why)."""

    recomputed: Mapping[str, int]
    unavailable: tuple[tuple[str, str, str], ...]  # (firm id, zh, en)
    written: bool


def _pipeline_entry(firm: Firm, policy: Policy, content_hash: str, horizon: int) -> CacheEntry:
    pkg = simulate(firm, policy, Variant(), horizon, explain=False)
    lines = []
    for ln in pkg.lines:
        pending = ln.would_be if ln.status is LineStatus.PENDING_RECOGNITION else 0
        if ln.amount > 0 or pending > 0:
            lines.append((ln.year, ln.item_id, ln.amount, pending))
    return CacheEntry(
        firm.id, "pipeline", content_hash, _pipeline_key(policy, horizon), bool(pkg.years), tuple(lines)
    )


def _pipeline_key(policy: Policy, horizon: int) -> str:
    return f"{policy.hash}:{horizon}"


def refresh_cache(
    store: Store, policy: Policy, policies: Sequence[Policy] = (), horizon: int = HORIZON
) -> tuple[CacheReport, list[CacheEntry], dict[str, set[str]]]:
    """Bring the cache up to date: (report, entries computed, firm ids to leave out of each kind's SQL sums).

    On a writable store the entries are written and nothing needs leaving out but the firms whose due
    cannot be computed; on a read-only one the stale rows are left out and the fresh entries returned.
    """
    cache, book = store.exposure_cache, store.ledger
    states = cache.states()
    firms = cache.live_firms()
    records = book.letters_of_record()
    revisions = book.revisions()
    live = {fid: content for fid, _stage, content in firms}
    expected: dict[tuple[str, str], tuple[str, str]] = {}
    for fid, content in live.items():
        expected[(fid, "pipeline")] = (content, _pipeline_key(policy, horizon))
        rec = records.get(fid)
        if rec is None:
            continue
        expected[(fid, "committed")] = (str(rec["content_hash"] or rec["id"]), "")
        if fid in revisions:
            key = f"{rec['content_hash'] or rec['id']}:{revisions[fid]}:{content}"
            expected[(fid, "due")] = (key, str(rec["policy_hash"]))
    stale = [k for k, v in expected.items() if states.get(k, ("", "", True))[:2] != v]
    drop = [k for k in states if k not in expected]
    entries: list[CacheEntry] = []
    unavailable: list[tuple[str, str, str]] = []
    counts: dict[str, int] = defaultdict(int)
    stale_pipeline = {fid for fid, kind in stale if kind == "pipeline"}
    if stale_pipeline:
        loaded = (
            ((f, v) for f, v in store.all_firms() if f.id in stale_pipeline)
            if len(stale_pipeline) > 200
            else (store.get_firm(fid) for fid in sorted(stale_pipeline))
        )
        for firm, _variants in loaded:
            entries.append(_pipeline_entry(firm, policy, live[firm.id], horizon))
            counts["pipeline"] += 1
    stale_committed = [fid for fid, kind in stale if kind == "committed"]
    for row in book.letter_snapshots([str(records[fid]["id"]) for fid in stale_committed]):
        snapshot = json.loads(row["snapshot_json"] or "{}")
        lines = tuple((y, i, a, 0) for (i, y), a in sorted(promised_amounts(snapshot).items()) if a)
        fid = str(row["firm_id"])
        entries.append(CacheEntry(fid, "committed", expected[(fid, "committed")][0], "", True, lines))
        counts["committed"] += 1
    for fid, kind in stale:
        if kind != "due":
            continue
        try:
            firm, variants = store.get_firm(fid)
            due = due_of(ledger_inputs(store, firm, variants, policies))
        except DomainError as e:
            unavailable.append((fid, e.zh, e.en))
            continue
        lines = tuple((y, i, a, 0) for (y, i), a in sorted(due.by_year_item().items()))
        key, pol = expected[(fid, "due")]
        entries.append(CacheEntry(fid, "due", key, pol, True, lines))
        counts["due"] += 1
    written = False
    if (entries or drop) and not store.read_only:
        cache.write(entries, drop)
        written = True
    exclude: dict[str, set[str]] = {kind: set() for kind in ("pipeline", "committed", "due")}
    exclude["due"] |= {fid for fid, _, _ in unavailable}
    if not written:
        for fid, kind in (*stale, *drop):
            exclude.setdefault(kind, set()).add(fid)
    return CacheReport(dict(counts), tuple(unavailable), written), ([] if written else entries), exclude


def _ratios(weights: Mapping[Stage, Decimal]) -> dict[str, tuple[int, int]]:
    return {stage.value: Decimal(w).as_integer_ratio() for stage, w in weights.items()}


def _python_sums(
    entries: Iterable[CacheEntry], kind: str, stages: Mapping[str, str], ratios: Mapping[str, tuple[int, int]]
) -> list[Sum]:
    """Sums of entries a read-only store could not write, rounded per line exactly as the SQL does."""
    out = []
    for e in entries:
        if e.kind != kind:
            continue
        stage = stages.get(e.firm_id, "") if kind == "pipeline" else ""
        num, den = ratios.get(stage, (0, 1)) if kind == "pipeline" else (1, 1)
        for year, item, amount, pending in e.lines:
            out.append(
                Sum(
                    year, item, stage, amount, (2 * amount * num + den) // (2 * den),
                    pending, (2 * pending * num + den) // (2 * den),
                )
            )  # fmt: skip
    return out


def county_exposure(
    store: Store,
    policy: Policy,
    policies: Sequence[Policy] = (),
    year: int | None = None,
    weights: Mapping[Stage, Decimal] = DEFAULT_STAGE_WEIGHTS,
) -> tuple[ExposureReport, Exposure]:
    """The county view as rows (year × item) with the ledger's columns, and the pipeline Exposure itself."""
    report_cache, fresh, exclude = refresh_cache(store, policy, policies)
    cache = store.exposure_cache
    ratios = _ratios(weights)
    firms = cache.live_firms()
    stages = {fid: stage for fid, stage, _ in firms}
    pipeline = cache.sums("pipeline", exclude["pipeline"], ratios) + _python_sums(
        fresh, "pipeline", stages, ratios
    )
    states = cache.states()
    undated = sum(
        1
        for (fid, kind), (_i, _p, dated) in states.items()
        if kind == "pipeline" and not dated and fid in stages and fid not in exclude
    )
    undated += sum(1 for e in fresh if e.kind == "pipeline" and not e.dated)
    exp = exposure_from_sums(
        (
            (s.year, s.item_id, Stage(s.stage), s.amount, s.weighted, s.pending, s.pending_weighted)
            for s in pipeline
            if s.stage in ratios
        ),
        policy,
        len(firms),
        undated,
    )
    report = exposure_report(exp, policy, year)
    for column, kind in ((COMMITTED, "committed"), (DUE, "due")):
        sums = cache.sums(kind, exclude[kind]) + _python_sums(fresh, kind, stages, ratios)
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
    return report, exp
