"""Firms with real issued letters in a real store, and actuals files with real scans, for the ledger tests."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from qt_app.domain.firm import Firm, Stage
from qt_app.domain.policy import Policy
from qt_app.domain.policy_loader import default_policy
from qt_app.domain.simulate import simulate
from qt_app.services import letters
from qt_app.services.firms import Store
from tests.domain.factories import firm as plain_firm
from tests.store.conftest import code_for

PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


def landed_firm(n: int, **changes: Any) -> Firm:
    """An AI firm in 青创大厦 from 1 January 2026, grade A, with the revenue plan most letters promise."""
    base = plain_firm(id=f"f-ledger{n:04d}", name=f"青田元宇宙测试{n}号有限公司", uscc=code_for(9000 + n))
    from tests.domain.factories import revenue

    plan: dict[str, Any] = {
        "grade": "A",
        "revenue": revenue(y2026="3500万", y2027="6000万"),
        "stage": Stage.LANDED,
    }
    return base.with_changes(**{**plan, **changes})


def issue_letter(store: Store, firm: Firm, policy: Policy | None = None, status: str = "issued") -> str:
    """Save the firm and take its letter through draft → submitted → approved → issued (→ accepted)."""
    policy = policy or default_policy()
    store.save_firm(firm)
    lid = letters.create_draft(store, firm, (), simulate(firm, policy), policy, who="王建国")
    if status == "draft":
        return lid
    letters.submit_letter(store, lid, "王建国")
    letters.approve_letter(store, lid, "李主任")
    letters.issue_letter(store, lid, "李主任", today=date(2025, 12, 1))
    if status == "accepted":
        letters.set_letter_status(store, lid, "accepted", "王建国")
    return lid


def evidence(
    kind: str = "audit_report", number: str = "青会审〔2027〕15号", file: str | None = None
) -> list[dict[str, str]]:
    ev = {"type": kind, "number": number, "date": "2027-03-20"}
    if file:
        ev["file"] = file
    return [ev]


def lease(move_out: str | None = None, area: str = "800") -> dict[str, Any]:
    out: dict[str, Any] = {"site": "qingchuang", "area_m2": area, "rent_per_m2_day": "1.2", "move_in": "2026-01-01",
                           "evidence": evidence("lease_contract", "QC-2025-118")}  # fmt: skip
    if move_out:
        out["move_out"] = move_out
    return out


def actuals_file(folder: Path, firm: Firm, years: dict[str, Any], name: str = "actuals.json") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(json.dumps({"uscc": firm.uscc, "years": years}, ensure_ascii=False), encoding="utf-8")
    return path


def scan(folder: Path, name: str = "audit.pdf", body: bytes = PDF) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(body)
    return name


def send(sender: Store, receiver: Store, path: Path) -> Any:
    """Export a signed bundle from one office and import it at the other (they trust each other)."""
    from qt_app.services.bundles import export_bundle, import_bundle

    export_bundle(sender, path)
    return import_bundle(receiver, path, who="收件人")


def tables(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Everything a bundle may change, row by row (not the audit log, which records each import)."""
    names = ("firms", "contacts", "letters", "letter_copies", "ledger_actuals", "ledger_evidence", "ledger_claims",
             "ledger_claim_events", "ledger_payments", "ledger_recoveries", "ledger_conflicts", "sync_conflicts",
             "ledger_firms", "ledger_policies")  # fmt: skip
    return {n: sorted(store.conn.execute(f"SELECT * FROM {n}").fetchall(), key=repr) for n in names}
