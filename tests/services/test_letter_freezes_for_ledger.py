"""What the ledger later needs is frozen when the letter is issued: the variant's negotiated parameters (so an
edit of the firm record after issue changes no due amount) and the policy text (so the letter's version stays
computable without its file). Letters issued before keep reading as they did. Backups carry the scans."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from qt_app.domain.ledger.actuals_io import year_actuals_from_dict
from qt_app.domain.policy_loader import default_policy, load_policy
from qt_app.domain.simulate import simulate
from qt_app.domain.variants import Variant, apply_to_firm
from qt_app.services import ledger as L
from qt_app.services import letters
from qt_app.services.firms import Store, open_store
from qt_app.services.ledger_read import firm_ledger
from tests.store.ledger_fixtures import PDF, issue_letter, landed_firm, lease, scan

ROOT = Path(__file__).resolve().parents[2]
CAP = Variant("cap", "房租补贴封顶20万", param_overrides={"rent.cap_per_year": "20万"})


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "desk", auto_backup=False)
    yield s
    s.close()


def _issue_with(store: Store, variant: Variant) -> str:
    policy = default_policy()
    firm = landed_firm(61, location=None)
    store.save_firm(firm, (variant,))
    pkg = simulate(firm, policy, variant)
    lid = letters.create_draft(store, apply_to_firm(firm, variant), (variant,), pkg, policy, who="王建国")
    letters.submit_letter(store, lid, "王建国")
    letters.approve_letter(store, lid, "李主任")
    letters.issue_letter(store, lid, "李主任", today=date(2025, 12, 1))
    return lid


def _lease_year(store: Store, firm_id: str) -> None:
    data = {"lease": {**lease(area="2000"), "rent_per_m2_day": "1.5"}}
    actual, problems = year_actuals_from_dict(data, 2026)
    assert actual is not None, problems
    L.record_actuals(store, L.RecordActuals(firm_id, (actual,)))


def test_the_letter_freezes_its_variants_negotiated_parameters_and_due_follows_them(store: Store) -> None:
    lid = _issue_with(store, CAP)
    snapshot = json.loads(store.letters.get(lid)["snapshot_json"])
    assert snapshot["variant"]["param_overrides"] == {"rent.cap_per_year": "20万"}
    firm_id = landed_firm(61).id
    _lease_year(store, firm_id)
    capped = firm_ledger(store, firm_id).row("rent", 2026)
    assert capped is not None and 0 < capped.due <= 20_000_000
    # the variant on the firm record is edited after issue: the county's commitment did not change
    firm, _ = store.get_firm(firm_id)
    store.save_firm(firm, (Variant("cap", "改过的方案", param_overrides={"rent.cap_per_year": "300万"}),))
    ledger = firm_ledger(store, firm_id)
    again = ledger.row("rent", 2026)
    assert again is not None and again.due == capped.due
    assert not any("已不在企业档案中" in note for note in ledger.notes_zh)


def test_a_letter_issued_before_the_freeze_still_reads_the_firm_records_variant(store: Store) -> None:
    lid = _issue_with(store, CAP)
    row = store.letters.get(lid)
    snapshot = json.loads(row["snapshot_json"])
    snapshot["variant"] = {"name": "cap", "label": CAP.label}  # as letters were issued before
    store.db.execute("UPDATE letters SET snapshot_json = ? WHERE id = ?", [json.dumps(snapshot), lid])
    firm_id = landed_firm(61).id
    _lease_year(store, firm_id)
    row26 = firm_ledger(store, firm_id).row("rent", 2026)
    assert row26 is not None and 0 < row26.due <= 20_000_000  # the record's variant still carries the cap
    firm, _ = store.get_firm(firm_id)
    store.save_firm(firm, ())
    ledger = firm_ledger(store, firm_id)
    assert "已不在企业档案中" in ledger.notes_zh[-1]


def test_issuing_keeps_the_policy_text_so_due_needs_no_file(store: Store, tmp_path: Path) -> None:
    other = load_policy(ROOT / "tests" / "policy_cases" / "ledger" / "qingtian-metaverse-2026.yaml")
    firm = landed_firm(62)
    store.save_firm(firm)
    lid = letters.create_draft(store, firm, (), simulate(firm, other), other, who="王建国")
    letters.submit_letter(store, lid, "王建国")
    letters.approve_letter(store, lid, "李主任")
    assert store.ledger.policy_text(other.hash) is None
    letters.issue_letter(store, lid, "李主任", today=date(2026, 9, 1), policies=[other])
    assert store.ledger.policy_text(other.hash) == other.text
    actual, _ = year_actuals_from_dict(
        {
            "revenue": {
                "amount": "3500万",
                "evidence": [{"type": "audit_report", "number": "1", "date": "2027-03-01"}],
            }
        },
        2026,
    )
    assert actual is not None
    L.record_actuals(store, L.RecordActuals(firm.id, (actual,)))
    ledger = firm_ledger(store, firm.id)  # the file is not passed: the kept text is used
    assert ledger.due.policy_hash == other.hash


def test_backups_carry_the_scans_and_a_restore_brings_them_back(store: Store, tmp_path: Path) -> None:
    firm = landed_firm(63)
    issue_letter(store, firm)
    scan(tmp_path)
    ev = [{"type": "audit_report", "number": "青会审〔2027〕15号", "date": "2027-03-20", "file": "audit.pdf"}]
    actual, _ = year_actuals_from_dict({"revenue": {"amount": "3500万", "evidence": ev}}, 2026)
    assert actual is not None
    L.record_actuals(store, L.RecordActuals(firm.id, (actual,), base_dir=tmp_path))
    kept = next((store.folder / "evidence").glob("*/*.pdf"))
    backup = store.backup(kind="manual")
    carried = backup.parent / "evidence" / kept.parent.name / kept.name
    assert carried.read_bytes() == PDF
    elsewhere = store.backup(tmp_path / "usb" / "desk.sqlite3")  # a copy on another drive carries them too
    assert (elsewhere.parent / "evidence" / kept.parent.name / kept.name).read_bytes() == PDF
    kept.unlink()  # the scan is lost from the data folder
    store.restore(backup, "周敏")
    assert kept.read_bytes() == PDF
    assert [b.path for b in store.list_backups() if b.kind == "manual"] == [backup]  # the pool is no backup
