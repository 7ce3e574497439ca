"""The fuzz suite for bundles carrying the 兑现 ledger: headquarters' bundle (a letter, the policy text, actuals
with a scan, a claim paid in tranches) and an outpost's (actuals with a scan, an application), mutated the way
`test_fuzz.py` mutates firm bundles and fed to `bundle import` at the other office.

Each case ends accepted or refused with a message in words (no traceback), and loses nothing: what the
receiver recorded that the sender never saw stays as it was (the outpost's own year of actuals; headquarters'
payments), payments never disappear, a refused import changes nothing, and the file passes the full check.
"""

from __future__ import annotations

import base64
import json
import random
import shutil
import sqlite3
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

from qt_app.domain.ledger import steps as s
from qt_app.domain.money import wan
from qt_app.reports.signing import KeyRing
from qt_app.services import ledger as L
from qt_app.services.bundles import export_bundle, import_bundle
from qt_app.services.firms import open_store
from qt_app.services.offices import set_office_role
from qt_app.store import integrity
from qt_app.store.bundle_format import signed_bytes
from qt_app.store.db import DB_NAME
from tests.faults.ledger import record_fuzz
from tests.fuzz import mutations as mut
from tests.fuzz.test_fuzz import CASES, _cli, _settings
from tests.store.conftest import pin_hq, trust
from tests.store.ledger_fixtures import actuals_file, evidence, issue_letter, landed_firm, scan

FIRM = landed_firm(1, grade="C")
TARGET = "ledger bundles → bundle import"
TABLES = ("ledger_actuals", "ledger_evidence", "ledger_claims", "ledger_claim_events", "ledger_payments",
          "ledger_recoveries", "ledger_conflicts", "letters", "letter_copies", "firms")  # fmt: skip


@pytest.fixture(scope="module")
def offices(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """HQ and Milan trusting each other. HQ paid a claim Milan applied for; Milan then recorded 2027 (never
    sent) and HQ a payment Milan never saw. Each side's last bundle is the base the mutations start from."""
    root = tmp_path_factory.mktemp("fuzz-ledger")
    hq_dir, milan_dir = root / "hq", root / "milan"
    with open_store(hq_dir, auto_backup=False) as hq, open_store(milan_dir, auto_backup=False) as milan:
        set_office_role(milan, "outpost")
        pin_hq(milan, hq_dir)
        trust(milan_dir, hq_dir)
        issue_letter(hq, FIRM)
        export_bundle(hq, root / "letter.json")
        import_bundle(milan, root / "letter.json")
        years = {"2026": {"revenue": {"amount": "1.2亿", "evidence": evidence(file=scan(root / "s"))}}}
        L.record_actuals_file(milan, actuals_file(root / "s", FIRM, years))
        claim = L.open_claim(milan, L.OpenClaim(FIRM.id, "revenue", 2026, date(2027, 4, 1))).claim_ids[0]
        export_bundle(milan, root / "milan.json")
        import_bundle(hq, root / "milan.json")
        for step in (s.Review(date(2027, 4, 10), "钱", True, wan(150)), s.Notice(date(2027, 4, 12)),
                     s.Pay(date(2027, 4, 20), wan(75), "财拨〔2027〕11号")):  # fmt: skip
            L.advance_claim(hq, L.ClaimStep(claim, step))
        export_bundle(hq, root / "hq.json")
        import_bundle(milan, root / "hq.json")
        later = {
            "2027": {"revenue": {"amount": "6000万", "evidence": evidence(file=scan(root / "t", "b.pdf"))}}
        }
        L.record_actuals_file(milan, actuals_file(root / "t", FIRM, later))  # Milan's own, never sent
        L.advance_claim(hq, L.ClaimStep(claim, s.Pay(date(2027, 5, 20), wan(60), "财拨〔2027〕12号")))
        export_bundle(hq, root / "hq2.json")
        export_bundle(milan, root / "milan2.json")
    return {
        "to_milan": (json.loads((root / "hq2.json").read_text(encoding="utf-8")), hq_dir, milan_dir),
        "to_hq": (json.loads((root / "milan2.json").read_text(encoding="utf-8")), milan_dir, hq_dir),
    }


def _held(folder: Path) -> tuple[dict[str, list[Any]], str | None, set[str]]:
    """The tables, Milan's own 2027 (never sent) and the payments (HQ's second one Milan never saw)."""
    conn = sqlite3.connect(f"file:{folder / DB_NAME}?mode=ro", uri=True)
    try:
        assert integrity.full_check(conn) == []
        rows = {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLES}
        own = conn.execute(
            "SELECT data_json FROM ledger_actuals WHERE firm_id = ? AND year = 2027", [FIRM.id]
        ).fetchone()
        paid = {str(r[0]) for r in conn.execute("SELECT id FROM ledger_payments")}
        return rows, own[0] if own else None, paid
    finally:
        conn.close()


def _case(offices: dict[str, Any], seed: int, ops: int) -> None:
    rng = random.Random(seed)
    direction = rng.choice(("to_milan", "to_hq"))
    base, sender, receiver = offices[direction]
    envelope = json.loads(json.dumps(base))
    if rng.random() < 0.85:
        body = envelope["body"]["sections"]
        kind = rng.choice(("letters", "policies", "ledger", "claims", "ledger", "claims"))
        target = body if rng.random() < 0.2 or not body.get(kind) else {kind: body[kind]}
        mut.mutate_document(target, rng, ops)  # aimed at the ledger's kinds most of the time
        if target is not body:  # the section itself may have been replaced, renamed or dropped
            body.pop(kind)
            body.update(target)
        if rng.random() < 0.7 and isinstance(
            envelope.get("body"), dict
        ):  # a sender's bug: the shape is judged
            try:
                sig = KeyRing(sender).private_key().sign(signed_bytes(envelope["body"]))
                envelope["signature"]["value"] = base64.urlsafe_b64encode(sig).rstrip(b"=").decode()
            except (TypeError, ValueError, AttributeError):
                pass
        text = mut.dump(envelope, rng)
    else:
        text = mut.mutate_text(json.dumps(envelope, ensure_ascii=False), rng, ops)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "receiver"
        shutil.copytree(receiver, folder)
        path = Path(tmp) / "bundle.json"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        before, own_before, paid_before = _held(folder)
        outcome, _ = _cli(TARGET, ["bundle", "import", str(path), "--data-dir", str(folder)])
        after, own_after, paid_after = _held(folder)  # the full check passes
    lost = int(direction == "to_milan" and own_after != own_before) + int(not paid_after >= paid_before)
    lost += int(outcome == "refused" and after != before)
    record_fuzz(TARGET, outcome, lost)
    assert not lost, (direction, outcome, own_before, own_after, paid_before, paid_after)


@_settings(60)
@given(CASES)
def test_mutated_ledger_bundles(offices: dict[str, Any], case: tuple[int, int]) -> None:
    _case(offices, *case)


@pytest.mark.slow
@_settings(600)
@given(CASES)
def test_mutated_ledger_bundles_campaign(offices: dict[str, Any], case: tuple[int, int]) -> None:
    _case(offices, *case)
