"""The county view through the package cache: the same figures as computing every firm afresh, only changed firms
recomputed, committed / due / paid / recovered equal to the sum of the firms' ledgers, budgets and the voucher
pool; a read-only copy gives the same figures without writing."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qt_app.domain.ledger import steps as s
from qt_app.domain.ledger.statement import county_totals
from qt_app.domain.money import wan
from qt_app.domain.policy_loader import default_policy
from qt_app.services import ledger as L
from qt_app.services.exposure_report import exposure_report
from qt_app.services.firms import Store, open_store
from qt_app.services.ledger_exposure import county_exposure, refresh_cache
from qt_app.services.ledger_read import firm_ledger
from qt_app.services.session import Session
from tests.store.ledger_fixtures import actuals_file, evidence, issue_letter, landed_firm, lease

BASE = ("full", "weighted", "pending")
LEDGER = ("committed", "due", "paid", "recovered")


def _cells(report: object, keys: tuple[str, ...]) -> dict[tuple[int, str, str], int]:
    return {
        (r.year, r.item_id, k): r.amount(k)  # type: ignore[attr-defined]
        for r in report.rows  # type: ignore[attr-defined]
        for k in keys
        if r.amount(k)  # type: ignore[attr-defined]
    }


def test_the_cached_view_equals_computing_every_firm_and_only_changes_are_recomputed(folder: Path) -> None:
    session = Session.open(folder)  # the demo firms
    policy = session.policy
    fresh = exposure_report(session.exposure(), policy)
    cached, _ = county_exposure(session.store, policy)
    assert _cells(cached, BASE) == _cells(fresh, BASE) and cached.firm_count == fresh.firm_count
    assert cached.undated == fresh.undated
    pools = [(r.year, r.item_id, r.pool, r.exceeded, r.exceeded_if_all_land) for r in fresh.rows if r.pool]
    assert pools and pools == [
        (r.year, r.item_id, r.pool, r.exceeded, r.exceeded_if_all_land) for r in cached.rows if r.pool
    ]
    warm, _, _ = refresh_cache(session.store, policy)
    assert sum(warm.recomputed.values()) == 0
    firm, variants = next(session.store.all_firms())
    session.store.save_firm(firm.with_changes(compute_spend={2027: wan(5000)}), variants)
    again, _, _ = refresh_cache(session.store, policy)
    assert again.recomputed == {"pipeline": 1}
    after, _ = county_exposure(session.store, policy)
    assert _cells(after, BASE) == _cells(exposure_report(session.exposure(), policy), BASE)
    session.store.delete_firm(firm.id)  # to the trash: its rows leave the totals
    gone, _ = county_exposure(session.store, policy)
    assert _cells(gone, BASE) == _cells(exposure_report(session.exposure(), policy), BASE)
    assert gone.firm_count == after.firm_count - 1
    session.close()


def _firm_with_ledger(store: Store, tmp: Path, n: int, paid_compute: int = 0) -> str:
    firm = landed_firm(n, compute_spend={2026: wan(300)})
    issue_letter(store, firm)
    years = {"2026": {"lease": lease(), "revenue": {"amount": "6000万", "evidence": evidence()},
                      "compute_spend": {"amount": "250万", "evidence": evidence("compute_invoice")}}}  # fmt: skip
    L.record_actuals_file(store, actuals_file(tmp / str(n), firm, years))
    if paid_compute:
        claim = L.open_claim(store, L.OpenClaim(firm.id, "compute", 2026, date(2027, 4, 1))).claim_ids[0]
        for step in (s.Review(date(2027, 4, 5), "钱", True, paid_compute), s.Notice(date(2027, 4, 6)),
                     s.Accept(date(2027, 4, 7)), s.Pay(date(2027, 4, 20), paid_compute, "财拨〔2027〕8号")):  # fmt: skip
            L.advance_claim(store, L.ClaimStep(claim, step))
        L.advance_claim(
            store,
            L.ClaimStep(claim, s.Recover(date(2027, 8, 1), "以虚假材料申报", wan(10), "false_statement")),
        )
        L.advance_claim(store, L.ClaimStep(claim, s.Repay(date(2027, 9, 1), wan(4), "收据〔2027〕1号")))
    return firm.id


def test_committed_due_paid_and_recovered_add_up_to_the_firms_and_the_voucher_pool_counts_what_was_issued(
    store: Store, tmp_path: Path
) -> None:
    ids = [_firm_with_ledger(store, tmp_path, 1, paid_compute=wan(75)), _firm_with_ledger(store, tmp_path, 2)]
    L.set_budget(store, L.SetBudget("revenue", 2026, wan(100), "财政局"), default_policy())
    L.set_budget(store, L.SetBudget("guarantee", 2027, wan(10)), default_policy())
    report, _ = county_exposure(store, default_policy())
    ledgers = [firm_ledger(store, fid) for fid in ids]
    expected = {
        (y, i, k): v[k if k != "recovered" else "recovered"]
        for (y, i), v in county_totals(ledgers).items()
        for k in ("committed", "due", "paid", "recovered")
        if k != "committed" and v[k]
    }
    expected.update(
        {(y, i, "committed"): v["promised"] for (y, i), v in county_totals(ledgers).items() if v["promised"]}
    )
    assert _cells(report, LEDGER) == expected
    compute = next(r for r in report.rows if (r.year, r.item_id) == (2026, "compute"))
    assert compute.amount("paid") == wan(75) and compute.amount("recovered") == wan(4)
    assert compute.pool_used == wan(75) and compute.pool_left == wan(1000) - wan(75)
    revenue = next(r for r in report.rows if (r.year, r.item_id) == (2026, "revenue"))
    assert revenue.budget == wan(100) and revenue.amount("due") == wan(120)
    assert revenue.over_budget == ("due",)
    guarantee = next(r for r in report.rows if (r.year, r.item_id) == (2027, "guarantee"))
    assert guarantee.budget == wan(10) and guarantee.over_budget == ()
    data = report.to_dict()
    assert data["total"]["paid_fen"] == wan(75) and data["total"]["due_fen"] == sum(
        lg.totals()["due"] for lg in ledgers
    )


def test_a_read_only_copy_gives_the_same_figures_and_writes_nothing(store: Store, tmp_path: Path) -> None:
    _firm_with_ledger(store, tmp_path, 3)
    policy = default_policy()
    writable, _ = county_exposure(store, policy)
    firm, variants = store.get_firm(landed_firm(3).id)
    store.save_firm(firm.with_changes(rnd_spend={2026: wan(100)}), variants)  # the cache is now stale
    expected, _ = county_exposure(store, policy)
    assert expected.totals() != writable.totals()
    store.save_firm(firm, variants)  # back: the cached row is stale again for the second copy
    second = open_store(store.folder, read_only=True, auto_backup=False)
    try:
        before = second.conn.execute("SELECT count(*), max(computed_at) FROM ledger_cache").fetchone()
        seen, _ = county_exposure(second, policy)
        after = second.conn.execute("SELECT count(*), max(computed_at) FROM ledger_cache").fetchone()
    finally:
        second.close()
    assert seen.totals() == writable.totals() and before == after


@given(
    plans=st.lists(
        st.tuples(st.sampled_from(["2000万", "4000万", "6000万", "1.2亿"]), st.integers(0, 3), st.booleans()),
        min_size=1,
        max_size=3,
    )
)
@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_county_totals_equal_the_sum_of_the_firms(plans: list[tuple[str, int, bool]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        with open_store(root / "desk", auto_backup=False) as store:
            ids = []
            for n, (revenue, rnd, pay) in enumerate(plans):
                firm = landed_firm(100 + n)
                issue_letter(store, firm)
                years = {
                    "2026": {
                        "revenue": {"amount": revenue, "evidence": evidence()},
                        "lease": lease(area=str(300 + 100 * rnd)),
                    }
                }
                if rnd:
                    years["2027"] = {
                        "rnd_spend": {"amount": f"{rnd * 100}万", "evidence": evidence("rnd_audit")}
                    }
                L.record_actuals_file(store, actuals_file(root / str(n), firm, years))
                if pay:
                    claim = L.open_claim(
                        store, L.OpenClaim(firm.id, "rent", 2026, date(2027, 4, 1))
                    ).claim_ids[0]
                    amount = store.ledger.claim(claim)["requested_fen"]  # type: ignore[index]
                    for step in (s.Review(date(2027, 4, 5), "钱", True, amount), s.Notice(date(2027, 4, 6)),
                                 s.Pay(date(2027, 4, 20), amount, "财拨1")):  # fmt: skip
                        L.advance_claim(store, L.ClaimStep(claim, step))
                ids.append(firm.id)
                county_exposure(store, default_policy())  # the cache follows each change (kept totals)
            report, _ = county_exposure(store, default_policy())
            sums = county_totals(firm_ledger(store, fid) for fid in ids)
    got = {(r.year, r.item_id): r for r in report.rows}
    for key, columns in sums.items():
        row = got[key]
        assert row.amount("committed") == columns["promised"]
        assert row.amount("due") == columns["due"] and row.amount("paid") == columns["paid"]
    assert report.totals()["due"] == sum(c["due"] for c in sums.values())
    assert report.totals()["paid"] == sum(c["paid"] for c in sums.values())
