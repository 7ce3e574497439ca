"""Paying claims in tranches while the process is killed: no confirmed payment is lost, no half-written step is
left (a claim's summary always equals its payment records, and its steps replay to the same claim)."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from qt_app.services import ledger as L
from qt_app.services.firms import open_store
from qt_app.services.ledger_read import load_claims
from tests.faults.ledger import record
from tests.store.ledger_fixtures import actuals_file, evidence, issue_letter, landed_firm

ROOT = Path(__file__).resolve().parents[2]
KILLS = 6
FIRMS = 12
CHILD = textwrap.dedent(
    """
    import sys
    from datetime import date
    from qt_app.domain.ledger import steps as s
    from qt_app.domain.ledger.claims import ClaimState
    from qt_app.domain.money import wan
    from qt_app.services import ledger as L
    from qt_app.services.firms import open_store
    from qt_app.services.ledger_read import load_claims

    store = open_store(sys.argv[1], auto_backup=False)
    ids = sys.argv[2].split(",")
    print("ready", flush=True)
    plan = [wan(75), wan(60), wan(15)]
    for fid in ids:
        claim = next((c for c in load_claims(store, fid) if c.item_id == "revenue"), None)
        if claim is None:
            L.open_claim(store, L.OpenClaim(fid, "revenue", 2026, date(2027, 4, 1), who="fault"))
            claim = next(c for c in load_claims(store, fid) if c.item_id == "revenue")
        while claim.state is not ClaimState.PAID:
            if claim.state is ClaimState.APPLIED:
                step = s.Review(date(2027, 4, 5), "fault", True, wan(150))
            elif claim.state is ClaimState.REVIEWED:
                step = s.Notice(date(2027, 4, 6))
            elif claim.accepted_on is None:
                step = s.Accept(date(2027, 4, 7), "fault")
            else:
                n = len(claim.payments)
                step = s.Pay(date(2027, 4 + n, 20), plan[n], f"财拨〔2027〕{n + 1}号")
            L.advance_claim(store, L.ClaimStep(claim.id, step, "fault"))
            if isinstance(step, s.Pay):
                print("paid", claim.id, step.order_number, step.amount, flush=True)  # printed after the commit
            claim = next(c for c in load_claims(store, fid) if c.id == claim.id)
    print("done", flush=True)
    """
)


def test_killing_the_app_while_paying_tranches_loses_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    ids = []
    with open_store(folder, auto_backup=False) as store:
        for n in range(FIRMS):
            firm = landed_firm(500 + n, grade="C")
            issue_letter(store, firm)
            years = {"2026": {"revenue": {"amount": "1.2亿", "evidence": evidence()}}}
            L.record_actuals_file(store, actuals_file(tmp_path / str(n), firm, years))
            ids.append(firm.id)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    rng = random.Random(15)
    printed: set[tuple[str, str, int]] = set()
    done = False
    for _ in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(folder), ",".join(ids)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.1, 0.8))
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate()
        done |= "done" in out
        for line in out.splitlines():
            if line.startswith("paid "):
                _, claim, order, amount = line.split()
                printed.add((claim, order, int(amount)))
        with sqlite3.connect(folder / "offer-desk.sqlite3") as check:
            assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    with open_store(folder, auto_backup=False) as store:
        rows = store.conn.execute("SELECT claim_id, order_number, amount_fen FROM ledger_payments").fetchall()
        stored = {(c, o, int(a)) for c, o, a in rows}
        summaries = {
            r[0]: r[1] for r in store.conn.execute("SELECT id, paid_fen FROM ledger_claims").fetchall()
        }
        claims = [c for fid in ids for c in load_claims(store, fid)]
    lost = printed - stored
    record(
        f"SIGKILL while paying tranches ({KILLS} kills, {len(printed)} confirmed payments)", KILLS, len(lost)
    )
    assert not lost, f"confirmed payments missing after a crash: {lost}"
    assert printed, "no payment was confirmed before the kills"
    for claim in claims:  # the summary, the payment records and the replayed steps agree
        paid = sum(a for c, _o, a in stored if c == claim.id)
        assert summaries[claim.id] == paid == claim.paid, claim.id
        assert [p.amount for p in claim.payments] == sorted(
            (a for c, _o, a in stored if c == claim.id), reverse=True
        )
