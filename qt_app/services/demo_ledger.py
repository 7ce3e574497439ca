"""Demo 兑现 ledgers (演示台账): three landed demo firms with an issued letter, a year of actuals with their
documents, and claims at different steps — paid in tranches with the holdback released after 验收, partly paid
with a public notice running, and one held for a missing document. The same every time (fixed dates in 2026).

Loaded by `python -m qt_app firms demo` and the screenshots; a firm that already has an issued letter is left
alone, so loading twice adds nothing.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qt_app.domain.errors import DomainError
from qt_app.domain.firm import Firm
from qt_app.domain.ledger import steps as s
from qt_app.domain.ledger.actuals_io import year_actuals_from_dict
from qt_app.domain.ledger.step_words import suggested_payment
from qt_app.domain.money import wan
from qt_app.domain.money_format import money_words
from qt_app.domain.policy import Policy
from qt_app.domain.simulate import simulate
from qt_app.services import ledger as L
from qt_app.services import letters
from qt_app.services.ledger_read import load_claims
from qt_app.services.offers import with_offer

if TYPE_CHECKING:
    from qt_app.store.store import Store

WHO = "演示"


@dataclass(frozen=True)
class DemoLedger:
    """One firm's story: when its letter was issued, and how far its claims have gone."""

    name: str
    issued: date
    story: str  # paid | tranches | held
    compute_factor: int = (
        1  # compute bought against the plan (2: twice the plan, so more is due than promised)
    )


DEMO_LEDGERS = (
    DemoLedger("丽水远方影视动漫有限公司", date(2026, 2, 26), "paid"),
    DemoLedger("青田云端算力科技有限公司", date(2026, 5, 18), "tranches", compute_factor=2),
    DemoLedger("青田千峡VR体验科技有限公司", date(2026, 9, 8), "held"),
)


def _scan(folder: Path, name: str, firm: Firm) -> str:
    """A small PDF standing in for a scanned document (a real scan is any PDF, JPG, PNG, TIFF or OFD)."""
    body = (
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >>"
        b" endobj\n% " + f"{name} {firm.uscc}".encode() + b"\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    )
    sub = folder / firm.id
    sub.mkdir(exist_ok=True)
    (sub / name).write_bytes(body)
    return f"{firm.id}/{name}"


def _issue(store: Store, firm: Firm, variants: tuple[Any, ...], policy: Policy, on: date) -> None:
    package = simulate(firm, policy)
    lid = letters.create_draft(store, firm, variants, package, policy, who=WHO)
    letters.submit_letter(store, lid, WHO)
    letters.approve_letter(store, lid, "李主任")
    letters.issue_letter(store, lid, "李主任", today=on, policies=[policy])
    letters.set_letter_status(store, lid, "accepted", WHO, "企业已签收")


def _actuals(firm: Firm, folder: Path, compute_factor: int = 1) -> dict[str, Any]:
    """2026 as the firm really did it: the lease it took, compute bought, talents who arrived."""
    loc = firm.location
    assert loc is not None
    lease_scan = _scan(folder, "租赁合同.pdf", firm)
    out: dict[str, Any] = {
        "lease": {
            "site": loc.site, "area_m2": str(loc.area_m2), "rent_per_m2_day": str(loc.rent_per_m2_day),
            "move_in": loc.move_in.isoformat(),
            "evidence": [{"type": "lease_contract", "number": f"QC-2026-{firm.id[-3:].upper()}",
                          "date": loc.move_in.replace(day=1).isoformat(), "file": lease_scan}],
        },
        "reported_on": "2026-10-12",
    }  # fmt: skip
    spend = firm.compute_spend.get(2026)
    if spend:
        out["compute_spend"] = {
            "amount": money_words(spend * compute_factor).removesuffix("元"),
            "evidence": [{"type": "compute_invoice", "number": "浙增票 33009812", "date": "2026-09-30",
                          "file": _scan(folder, "算力服务发票.pdf", firm)}],
        }  # fmt: skip
    talents = [t for t in firm.talents if t.arrival_year == 2026]
    if talents:
        out["talents"] = [
            {"level": t.level, "count": t.count, "housing": t.housing.value,
             "evidence": [{"type": "social_insurance", "number": f"青社保〔2026〕{40 + n}号", "date": "2026-09-15"}]}
            for n, t in enumerate(talents)
        ]  # fmt: skip
    return out


def _walk(store: Store, claim_id: str, steps: list[s.Step]) -> None:
    for step in steps:
        L.advance_claim(store, L.ClaimStep(claim_id, step, WHO))


def _pay_next(store: Store, firm_id: str, claim_id: str, on: date, order: str) -> None:
    claim = next(c for c in load_claims(store, firm_id) if c.id == claim_id)
    amount = suggested_payment(claim)
    if amount:
        L.advance_claim(store, L.ClaimStep(claim_id, s.Pay(on, amount, order), "王出纳"))


def _claim(store: Store, firm: Firm, item: str, on: date) -> tuple[str, int]:
    notice = L.open_claim(store, L.OpenClaim(firm.id, item, 2026, on, applicant="企业财务", who=WHO))
    claim_id = notice.claim_ids[0]
    claim = next(c for c in load_claims(store, firm.id) if c.id == claim_id)
    return claim_id, claim.requested


def _pay_in_full(store: Store, firm: Firm, item: str) -> None:
    """申报 → 审核 → 公示 → 拨付 in one payment (the amount is below the tranche threshold)."""
    claim_id, amount = _claim(store, firm, item, date(2026, 10, 15))
    _walk(store, claim_id, [
        s.Review(date(2026, 10, 22), "李主任", True, amount, "县经信局"),
        s.Notice(date(2026, 10, 26)),
    ])  # fmt: skip
    _pay_next(store, firm.id, claim_id, date(2026, 11, 5), "青财拨〔2026〕118号")


def _story(store: Store, firm: Firm, story: str) -> None:
    if story == "held":
        rent, _amount = _claim(store, firm, "rent", date(2026, 10, 15))
        _walk(store, rent, [s.Hold(date(2026, 10, 20), "租赁合同备案证明待补交")])
        return
    _pay_in_full(store, firm, "rent")
    if not firm.compute_spend.get(2026):
        return
    compute, amount = _claim(
        store, firm, "compute", date(2026, 11, 2) if story == "paid" else date(2026, 10, 19)
    )
    if story == "paid":  # the vouchers are in public notice
        _walk(store, compute, [
            s.Review(date(2026, 11, 16), "李主任", True, amount, "县经信局"),
            s.Notice(date(2026, 11, 27)),
        ])  # fmt: skip
        return
    # in tranches: at least half first, the middle, and 10% held until 验收
    _walk(store, compute, [
        s.Review(date(2026, 10, 23), "李主任", True, amount, "县经信局"),
        s.Notice(date(2026, 10, 26)),
    ])  # fmt: skip
    _pay_next(store, firm.id, compute, date(2026, 11, 6), "青财拨〔2026〕121号")
    _pay_next(store, firm.id, compute, date(2026, 11, 20), "青财拨〔2026〕129号")


# 年度预算 the county set for a few items (万元), so the county view has something to compare with.
DEMO_BUDGETS = {("rent", 2026): 300, ("rent", 2027): 500, ("compute", 2026): 150, ("compute", 2027): 800,
                ("landing", 2026): 100, ("housing", 2026): 120}  # fmt: skip


def load_demo_ledger(store: Store, policy: Policy) -> int:
    """Give the demo firms above a letter, 2026 actuals and claims; returns how many firms got one."""
    monetary = {it.id for it in policy.items if it.monetary}
    budgets = store.ledger.budgets()
    for (item_id, year), amount in DEMO_BUDGETS.items():
        if item_id in monetary and (year, item_id) not in budgets:
            L.set_budget(store, L.SetBudget(item_id, year, wan(amount), WHO), policy)
    done = 0
    with tempfile.TemporaryDirectory(prefix="offer-desk-demo-scans-") as tmp:
        folder = Path(tmp)
        for demo in DEMO_LEDGERS:
            rows = [r for r in store.list_firms(demo.name, limit=5) if r.name == demo.name]
            if not rows or store.ledger.letter_of_record(rows[0].id) is not None:
                continue
            firm, variants = store.get_firm(rows[0].id)
            variants, _offer = with_offer(store, firm.id, variants)
            try:
                _issue(store, firm, variants, policy, demo.issued)
                actual, problems = year_actuals_from_dict(_actuals(firm, folder, demo.compute_factor), 2026)
                if actual is None:
                    raise DomainError(problems[0].zh, problems[0].en)
                L.record_actuals(
                    store, L.RecordActuals(firm.id, (actual,), source="demo", base_dir=folder, who=WHO)
                )
                _story(store, firm, demo.story)
            except DomainError:
                continue  # a demo firm whose plan no longer fits the story: the others still show
            done += 1
    return done
