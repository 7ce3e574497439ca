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


def big_lease_firm(n: int, **changes: Any) -> Firm:
    """A landed firm whose first year's rent subsidy (3000 m² at 1.5 yuan: ¥547,500) is paid in tranches."""
    from decimal import Decimal

    from qt_app.domain.firm import Location

    location = Location("qingchuang", Decimal("3000"), Decimal("1.5"), date(2026, 1, 1))
    return landed_firm(n, location=location, **changes)


def recorded_year(store: Store, firm: Firm, folder: Path, revenue: str = "3500万") -> None:
    """2026 actuals as recorded: the lease (with its contract scanned) and audited revenue."""
    from qt_app.domain.ledger.actuals_io import year_actuals_from_dict
    from qt_app.services import ledger as L

    loc = firm.location
    assert loc is not None
    name = scan(
        folder, f"lease-{firm.id}.pdf", PDF.replace(b"Catalog", b"Catalog /Id (" + firm.id.encode() + b")")
    )
    data = {
        "lease": {"site": loc.site, "area_m2": str(loc.area_m2), "rent_per_m2_day": str(loc.rent_per_m2_day),
                  "move_in": loc.move_in.isoformat(), "evidence": evidence("lease_contract", "QC-2025-118", file=name)},
        "revenue": {"amount": revenue, "evidence": evidence()},
    }  # fmt: skip
    actual, problems = year_actuals_from_dict(data, 2026)
    assert actual is not None, problems
    L.record_actuals(store, L.RecordActuals(firm.id, (actual,), base_dir=folder, who="赵会计"))


def paid_in_tranches(store: Store, firm: Firm) -> str:
    """The 2026 rent claim taken through 申报 → 审核 → 公示 → 拨付 (90%) → 验收 → 拨付 (the 10% holdback)."""
    from qt_app.domain.ledger import steps as s
    from qt_app.services import ledger as L

    claim = L.open_claim(
        store, L.OpenClaim(firm.id, "rent", 2026, date(2027, 4, 1), applicant="张会计")
    ).claim_ids[0]
    for step, who in (
        (s.Review(date(2027, 4, 8), "李主任", True, 54_750_000, "县经信局"), "李主任"),
        (s.Notice(date(2027, 4, 9)), "李主任"),
        (s.Pay(date(2027, 4, 20), 49_275_000, "青财拨〔2027〕11号"), "王出纳"),
        (s.Accept(date(2027, 6, 1), "周科长", "入驻情况属实"), "周科长"),
        (s.Pay(date(2027, 6, 10), 5_475_000, "青财拨〔2027〕25号"), "王出纳"),
    ):
        L.advance_claim(store, L.ClaimStep(claim, step, who))
    return claim


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
