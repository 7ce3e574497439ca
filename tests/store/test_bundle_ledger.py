"""The 兑现 ledger between an outpost and headquarters, through real stores and real signed bundles: the outpost
records actuals with a scan and applies; headquarters reviews, publicises and pays; the outpost sees the
payment, read-only. Payments are made at headquarters only, and a bundle cannot bring one in."""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from qt_app.domain.errors import ValidationError
from qt_app.domain.ledger import steps as s
from qt_app.domain.money import wan
from qt_app.domain.policy_loader import default_policy
from qt_app.reports.signing import KeyRing
from qt_app.services import ledger as L
from qt_app.services.bundles import export_bundle, import_bundle
from qt_app.services.firms import Store, open_store
from qt_app.services.ledger_exposure import county_exposure
from qt_app.services.ledger_read import firm_ledger
from qt_app.services.offices import set_office_role
from qt_app.store.bundle_format import signed_bytes
from tests.store.conftest import pin_hq, trust
from tests.store.ledger_fixtures import (
    PDF,
    actuals_file,
    evidence,
    issue_letter,
    landed_firm,
    scan,
    send,
    tables,
)


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Store, Store]]:
    """Headquarters and the Milan outpost, each with its own key ring, trusting each other."""
    hq = open_store(tmp_path / "hq", auto_backup=False)
    milan = open_store(tmp_path / "milan", auto_backup=False)
    milan.set_setting("issuing_office", "青田县驻米兰联络处")
    set_office_role(milan, "outpost", "叶海峰")
    pin_hq(milan, hq.folder)  # the outpost takes letters and claim records only from headquarters' key
    trust(milan.folder, hq.folder)
    yield hq, milan
    hq.close()
    milan.close()


def _revenue(folder: Path, firm: Any, amount: str, file: str | None = None, year: str = "2026") -> Path:
    return actuals_file(
        folder, firm, {year: {"revenue": {"amount": amount, "evidence": evidence(file=file)}}}
    )


def _resign(path: Path, signer: Path, change: Any) -> Path:
    """The bundle with its body changed and signed again by `signer` (a sender with a bug, or a bad actor
    who holds the key): the shape and the rules are judged, not the signature."""
    envelope = json.loads(path.read_text(encoding="utf-8"))
    change(envelope["body"])
    sig = KeyRing(signer).private_key().sign(signed_bytes(envelope["body"]))
    envelope["signature"]["value"] = base64.urlsafe_b64encode(sig).rstrip(b"=").decode()
    path.write_text(json.dumps(envelope, ensure_ascii=False), encoding="utf-8")
    return path


def _applied(hq: Store, milan: Store, tmp_path: Path, n: int = 1) -> tuple[Any, str]:
    """A firm with HQ's letter at the outpost, its 2026 actuals recorded there with a scan, and applied for."""
    firm = landed_firm(n, grade="C")
    issue_letter(hq, firm)
    send(hq, milan, tmp_path / "hq-first.json")
    folder = tmp_path / f"milan-scans-{n}"
    L.record_actuals_file(milan, _revenue(folder, firm, "1.2亿", scan(folder)), who="叶海峰")
    opened = L.open_claim(milan, L.OpenClaim(firm.id, "revenue", 2026, date(2027, 4, 1), who="叶海峰"))
    return firm, opened.claim_ids[0]


def test_an_application_made_abroad_is_paid_at_hq_and_the_outpost_sees_the_payment_read_only(
    pair: tuple[Store, Store], tmp_path: Path
) -> None:
    hq, milan = pair
    firm, claim_id = _applied(hq, milan, tmp_path)
    review = s.Review(date(2027, 4, 10), "经信局钱科长", True, wan(150))
    with pytest.raises(ValidationError) as refused:
        L.advance_claim(milan, L.ClaimStep(claim_id, review, "叶海峰"))
    (problem,) = refused.value.problems
    assert problem.path == "step" and "联络处" in problem.zh and "付款记录只在总部形成" in problem.zh
    assert "Payment records are made at headquarters only" in problem.en
    assert milan.ledger.claim(claim_id)["state"] == "applied"  # type: ignore[index]

    before, _ = county_exposure(hq, default_policy())
    report = send(milan, hq, tmp_path / "milan.json")
    assert report.sender_role == "outpost" and report.rejected == []
    assert report.ledger_added == [f"{firm.id}:2026"] and report.claims_added == [claim_id]
    digest = hashlib.sha256(PDF).hexdigest()
    assert (hq.folder / "evidence" / digest[:2] / f"{digest}.pdf").read_bytes() == PDF
    (ev,) = hq.ledger.evidence(firm.id)
    assert (ev["figure"], ev["sha256"], ev["size"], ev["file_name"]) == (
        "revenue",
        digest,
        len(PDF),
        "audit.pdf",
    )
    after, _ = county_exposure(hq, default_policy())  # the merge made the cached due stale
    assert before.totals()["due"] == 0 and after.totals()["due"] == wan(150)

    for step in (review, s.Notice(date(2027, 4, 12)), s.Pay(date(2027, 4, 20), wan(75), "财拨〔2027〕11号"),
                 s.Pay(date(2027, 5, 20), wan(60), "财拨〔2027〕12号")):  # fmt: skip
        L.advance_claim(hq, L.ClaimStep(claim_id, step, "李主任"))

    back = tmp_path / "hq.json"
    report = send(hq, milan, back)
    assert report.claims_updated == [claim_id] and report.rejected == []
    row = milan.ledger.claim(claim_id)
    assert row is not None and (row["state"], row["approved_fen"], row["paid_fen"]) == (
        "paying",
        wan(150),
        wan(135),
    )
    mine = milan.conn.execute(
        "SELECT id, tranche, amount_fen, order_number FROM ledger_payments ORDER BY tranche"
    )
    theirs = hq.conn.execute(
        "SELECT id, tranche, amount_fen, order_number FROM ledger_payments ORDER BY tranche"
    )
    assert mine.fetchall() == theirs.fetchall()
    steps = [e["kind"] for e in milan.ledger.event_log(claim_id)]
    assert steps == ["apply", "review", "notice", "pay", "pay"]
    ledger_row = firm_ledger(milan, firm.id).row("revenue", 2026)
    assert ledger_row is not None and (ledger_row.due, ledger_row.paid) == (wan(150), wan(135))

    with pytest.raises(ValidationError, match="付款记录只在总部形成"):
        L.advance_claim(milan, L.ClaimStep(claim_id, s.Accept(date(2027, 6, 1), "经信局"), "叶海峰"))
    with pytest.raises(ValidationError, match="付款记录只在总部形成"):
        L.advance_claim(milan, L.ClaimStep(claim_id, s.Pay(date(2027, 6, 2), wan(15), "财拨〔2027〕20号")))
    assert milan.conn.execute("SELECT count(*) FROM ledger_payments").fetchone()[0] == 2

    held = tables(milan)  # the same bundle again changes nothing, on either side
    again = import_bundle(milan, back)
    assert tables(milan) == held and again.claims_unchanged == [claim_id] and again.ledger_unchanged
    held_hq = tables(hq)
    send(milan, hq, tmp_path / "milan-again.json")
    assert tables(hq) == held_hq


def test_an_outpost_bundle_carrying_a_payment_is_refused_with_the_reason(
    pair: tuple[Store, Store], tmp_path: Path
) -> None:
    hq, milan = pair
    firm, claim_id = _applied(hq, milan, tmp_path)
    path = tmp_path / "milan.json"
    export_bundle(milan, path)

    def paid(body: dict[str, Any]) -> None:
        (claim,) = body["sections"]["claims"]
        for step in (s.Review(date(2027, 4, 10), "叶海峰", True, wan(150)), s.Notice(date(2027, 4, 12)),
                     s.Pay(date(2027, 4, 20), wan(75), "米兰自拨1号")):  # fmt: skip
            claim["steps"].append(
                {"step": s.step_to_dict(step), "at": "2027-04-20T00:00:00", "who": "叶海峰"}
            )
        claim["payments"] = [
            {"id": "p-milan1", "tranche": 1, "amount_fen": wan(75), "paid_on": "2027-04-20",
             "order_number": "米兰自拨1号", "holdback": 0, "override_reason": "", "recorded_at": "2027-04-20T00:00:00",
             "recorded_by": "叶海峰"}
        ]  # fmt: skip

    report = import_bundle(hq, _resign(path, milan.folder, paid))
    (rejected,) = report.rejected
    assert (
        rejected[0] == claim_id
        and "付款记录只在总部形成" in rejected[1]
        and "headquarters only" in rejected[2]
    )
    assert (
        hq.ledger.claim(claim_id) is None
        and hq.conn.execute("SELECT count(*) FROM ledger_payments").fetchone()[0] == 0
    )
    assert report.ledger_added == [f"{firm.id}:2026"]  # the rest of the bundle is merged

    set_office_role(milan, "hq")  # an outpost switched to headquarters cannot push payments in either
    export_bundle(milan, path)
    report = import_bundle(hq, _resign(path, milan.folder, paid))
    assert (
        report.sender_role == "hq" and report.rejected[0][0] == claim_id and hq.ledger.claim(claim_id) is None
    )


def test_actuals_recorded_differently_on_both_sides_are_a_conflict_until_a_person_picks(
    pair: tuple[Store, Store], tmp_path: Path
) -> None:
    hq, milan = pair
    firm = landed_firm(2, grade="C")
    issue_letter(hq, firm)
    send(hq, milan, tmp_path / "letter.json")
    L.record_actuals_file(hq, _revenue(tmp_path / "hq", firm, "6000万", year="2027"), who="赵会计")
    L.record_actuals_file(milan, _revenue(tmp_path / "milan", firm, "5800万", year="2027"), who="叶海峰")
    report = send(milan, hq, tmp_path / "milan.json")
    (conflict,) = report.ledger_conflicts
    assert (conflict.firm_id, conflict.year, conflict.changed) == (firm.id, 2027, ("revenue",))
    assert (conflict.local_by, conflict.remote_by) == ("赵会计", "叶海峰")
    assert any("2027年实绩两边登记的不同" in line and "--year 2027" in line for line in report.lines())
    assert hq.ledger.actuals(firm.id)[2027]["revenue"]["amount"] == "60000000.00"  # never overwritten
    assert [c.year for c in hq.ledger_conflicts()] == [2027]
    assert send(milan, hq, tmp_path / "milan2.json").ledger_conflicts  # still listed, still not overwritten

    revision = hq.ledger.revisions()[firm.id]
    hq.resolve_ledger_conflict(firm.id, 2027, "remote", "李主任")
    assert hq.ledger.actuals(firm.id)[2027]["revenue"]["amount"] == "58000000.00"
    assert hq.ledger_conflicts() == [] and hq.ledger.revisions()[firm.id] > revision
    back = send(hq, milan, tmp_path / "hq.json")  # the choice travels: both sides agree, nothing conflicts
    assert back.ledger_unchanged == [f"{firm.id}:2027"] and not back.ledger_conflicts
    assert send(milan, hq, tmp_path / "milan3.json").ledger_unchanged == [f"{firm.id}:2027"]
    assert [a["action"] for a in hq.audit_log("ledger_actuals")][-1] == "resolve:remote"


def test_a_correction_on_one_side_travels_without_a_conflict(
    pair: tuple[Store, Store], tmp_path: Path
) -> None:
    hq, milan = pair
    firm = landed_firm(3, grade="C")
    issue_letter(hq, firm)
    send(hq, milan, tmp_path / "letter.json")
    L.record_actuals_file(milan, _revenue(tmp_path / "a", firm, "4000万"))
    assert send(milan, hq, tmp_path / "1.json").ledger_added == [f"{firm.id}:2026"]
    L.record_actuals_file(milan, _revenue(tmp_path / "b", firm, "6000万"))  # the audited figure arrived
    older = tmp_path / "hq-old.json"
    export_bundle(hq, older)  # HQ's bundle still has the first figure
    assert import_bundle(milan, older).ledger_kept_local == [f"{firm.id}:2026"]
    before, _ = county_exposure(hq, default_policy())
    assert send(milan, hq, tmp_path / "2.json").ledger_updated == [f"{firm.id}:2026"]
    assert hq.ledger.actuals(firm.id)[2026]["revenue"]["amount"] == "60000000.00"
    after, _ = county_exposure(hq, default_policy())  # above the 5000万 tier now: the cached due was let go
    due = sum(r.due for r in firm_ledger(hq, firm.id).rows)
    assert after.totals()["due"] == due != before.totals()["due"]
    L.record_actuals_file(hq, _revenue(tmp_path / "c", firm, "6100万"))  # and HQ corrects it later
    assert send(hq, milan, tmp_path / "3.json").ledger_updated == [f"{firm.id}:2026"]
    assert milan.ledger.actuals(firm.id)[2026]["revenue"]["amount"] == "61000000.00"


def test_a_scan_whose_bytes_do_not_match_its_hash_refuses_that_entry(
    pair: tuple[Store, Store], tmp_path: Path
) -> None:
    hq, milan = pair
    firm, claim_id = _applied(hq, milan, tmp_path)
    other = landed_firm(4, grade="C")
    issue_letter(hq, other)
    send(hq, milan, tmp_path / "letter.json")
    L.record_actuals_file(milan, _revenue(tmp_path / "o", other, "3500万"))
    path = tmp_path / "milan.json"
    export_bundle(milan, path)
    forged = PDF.replace(b"Catalog", b"Katalog")

    def swap(body: dict[str, Any]) -> None:
        entry = next(e for e in body["sections"]["ledger"] if e["firm_id"] == firm.id)
        entry["scans"][0]["data"] = base64.b64encode(forged).decode()

    report = import_bundle(hq, _resign(path, milan.folder, swap))
    refused = {r[0]: r[1] for r in report.rejected}
    assert "与其摘要不符" in refused[f"{firm.id}:2026"]
    assert "没有该企业2026年的实绩" in refused[claim_id]  # no application without its actuals
    assert report.ledger_added == [f"{other.id}:2026"]  # the other firm's year is merged
    assert hq.ledger.actuals(firm.id) == {} and not (hq.folder / "evidence").exists()


def test_an_application_hq_already_has_for_that_item_and_year_is_not_entered_twice(
    pair: tuple[Store, Store], tmp_path: Path
) -> None:
    hq, milan = pair
    firm, claim_id = _applied(hq, milan, tmp_path)
    path = tmp_path / "milan.json"
    export_bundle(milan, path)
    report = import_bundle(hq, path)
    assert report.claims_added == [claim_id]
    L.advance_claim(
        hq, L.ClaimStep(claim_id, s.Review(date(2027, 4, 10), "钱", False, note="材料不全"), "钱")
    )
    # rejected at HQ: the outpost applies again, and a second application after a rejection is fine
    send(hq, milan, tmp_path / "back.json")
    again = L.open_claim(milan, L.OpenClaim(firm.id, "revenue", 2026, date(2027, 5, 1), who="叶海峰"))
    report = send(milan, hq, tmp_path / "2.json")
    assert report.claims_added == [again.claim_ids[0]]  # the rejected one is HQ's record now: not sent back
    # but not while one is live
    hq_claim = again.claim_ids[0]
    path = tmp_path / "3.json"
    export_bundle(milan, path)

    def twin(body: dict[str, Any]) -> None:
        entry = next(c for c in body["sections"]["claims"] if c["id"] == hq_claim)
        body["sections"]["claims"].append({**entry, "id": "k-twin"})

    report = import_bundle(hq, _resign(path, milan.folder, twin))
    assert report.rejected[0][0] == "k-twin" and "已有该事项该年度的兑现申请" in report.rejected[0][1]


def test_a_late_bundle_never_takes_a_claim_back(pair: tuple[Store, Store], tmp_path: Path) -> None:
    hq, milan = pair
    _firm, claim_id = _applied(hq, milan, tmp_path)
    send(milan, hq, tmp_path / "1.json")
    L.advance_claim(hq, L.ClaimStep(claim_id, s.Review(date(2027, 4, 10), "钱", True, wan(150)), "钱"))
    early = tmp_path / "early.json"
    export_bundle(hq, early)
    L.advance_claim(hq, L.ClaimStep(claim_id, s.Notice(date(2027, 4, 12)), "钱"))
    assert send(hq, milan, tmp_path / "late.json").claims_updated == [claim_id]
    assert import_bundle(milan, early).claims_kept_local == [claim_id]
    assert [e["kind"] for e in milan.ledger.event_log(claim_id)] == ["apply", "review", "notice"]


def test_an_outpost_without_hqs_letter_is_told_where_it_comes_from(
    pair: tuple[Store, Store], tmp_path: Path
) -> None:
    hq, milan = pair
    firm = landed_firm(5, grade="C")
    issue_letter(hq, firm)
    milan.save_firm(firm)  # the firm is known here, its letter not yet
    with pytest.raises(ValidationError) as refused:
        L.record_actuals_file(milan, _revenue(tmp_path, firm, "3500万"))
    assert "没有已出具或已接受的告知函" in refused.value.zh and "请先导入总部的数据包" in refused.value.zh
    assert "import headquarters' bundle first" in refused.value.en
    send(hq, milan, tmp_path / "hq.json")
    (notice,) = L.record_actuals_file(milan, _revenue(tmp_path, firm, "3500万"))
    assert notice.firm_ids == (firm.id,)
