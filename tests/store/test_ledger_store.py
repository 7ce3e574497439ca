"""The ledger in a real database: actuals with their scans, claims step by step, and what is refused — with the
reason, and nothing saved. Every step is in the audit log; claim steps and payments are append-only."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from qt_app.domain.errors import DomainError, ValidationError
from qt_app.domain.ledger import steps as s
from qt_app.domain.money import wan
from qt_app.domain.policy_loader import load_policy
from qt_app.services import ledger as L
from qt_app.services.firms import Store
from qt_app.services.ledger_read import firm_ledger
from qt_app.store.ledger_repo import LedgerRefused
from tests.store.ledger_fixtures import PDF, actuals_file, evidence, issue_letter, landed_firm, lease, scan

ROOT = Path(__file__).resolve().parents[2]
NEWER = ROOT / "tests" / "policy_cases" / "ledger" / "qingtian-metaverse-2026.yaml"


def _count(store: Store, table: str) -> int:
    return int(store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def _record(store: Store, path: Path) -> list[L.LedgerChanged]:
    return L.record_actuals_file(store, path, who="赵会计")


def test_actuals_are_refused_for_a_firm_without_an_issued_letter_and_the_reason_is_given(
    store: Store, tmp_path: Path
) -> None:
    firm = landed_firm(1)
    lid = issue_letter(store, firm, status="draft")
    path = actuals_file(tmp_path, firm, {"2026": {"revenue": {"amount": "3500万", "evidence": evidence()}}})
    with pytest.raises(ValidationError) as e:
        _record(store, path)
    text = e.value.zh
    assert "没有已出具或已接受的告知函" in text and "草稿1份" in text and firm.uscc in text
    assert "no issued or accepted letter" in e.value.en
    assert _count(store, "ledger_actuals") == 0 and _count(store, "ledger_evidence") == 0
    # the store refuses it too, whatever a caller checked
    with pytest.raises(LedgerRefused):
        store.ledger.record_actuals(firm.id, lid, {2026: {}}, [], "x", "y")


def test_scans_are_kept_under_their_hash_and_an_accepted_letter_counts(store: Store, tmp_path: Path) -> None:
    firm = landed_firm(2)
    issue_letter(store, firm, status="accepted")
    name = scan(tmp_path)
    path = actuals_file(
        tmp_path,
        firm,
        {"2026": {"lease": lease(), "revenue": {"amount": "3500万", "evidence": evidence(file=name)}}},
    )
    (notice,) = _record(store, path)
    assert notice.kind == "actuals" and notice.firm_ids == (firm.id,) and "2026年实绩" in notice.summary_zh
    assert any("未附扫描件" in w for w in notice.warnings_zh)  # the lease contract came without a scan
    import hashlib

    digest = hashlib.sha256(PDF).hexdigest()
    kept = store.folder / "evidence" / digest[:2] / f"{digest}.pdf"
    assert kept.read_bytes() == PDF
    rows = store.ledger.evidence(firm.id)
    assert {(r["figure"], r["sha256"], r["file_name"]) for r in rows} == {
        ("lease", "", ""),
        ("revenue", digest, "audit.pdf"),
    }
    audit = store.audit_log("ledger_actuals")
    assert [a["action"] for a in audit] == ["create"] and audit[0]["who"] == "赵会计"


def test_an_unreadable_scan_is_refused_and_nothing_is_saved(store: Store, tmp_path: Path) -> None:
    firm = landed_firm(3)
    issue_letter(store, firm)
    for body, name in ((PDF[:-7], "cut.pdf"), (b"", "empty.pdf"), (b"just text", "note.txt")):
        scan(tmp_path, name, body)
        path = actuals_file(
            tmp_path, firm, {"2026": {"revenue": {"amount": "3500万", "evidence": evidence(file=name)}}}
        )
        with pytest.raises(ValidationError) as e:
            _record(store, path)
        (problem,) = e.value.problems
        assert problem.path.endswith("years.2026.revenue.evidence.file") and "证明材料无法读取" in problem.zh
    missing = actuals_file(
        tmp_path, firm, {"2026": {"revenue": {"amount": "1", "evidence": evidence(file="nope.pdf")}}}
    )
    with pytest.raises(ValidationError, match="证明材料无法读取"):
        _record(store, missing)
    assert _count(store, "ledger_actuals") == 0 and not (store.folder / "evidence").exists()


def test_a_scan_already_attached_elsewhere_is_reported(store: Store, tmp_path: Path) -> None:
    one, two = landed_firm(4), landed_firm(5)
    issue_letter(store, one)
    issue_letter(store, two)
    name = scan(tmp_path)
    _record(
        store,
        actuals_file(
            tmp_path, one, {"2026": {"revenue": {"amount": "1亿", "evidence": evidence(file=name)}}}
        ),
    )
    (notice,) = _record(
        store,
        actuals_file(
            tmp_path, two, {"2026": {"rnd_spend": {"amount": "90万", "evidence": evidence(file=name)}}}
        ),
    )
    warning = next(w for w in notice.warnings_zh if "已作为" in w)
    assert one.id in warning and "是同一份文件" in warning
    assert len(list((store.folder / "evidence").rglob("*.pdf"))) == 1  # kept once


def test_recording_a_year_again_replaces_it_and_warns_when_paid_is_now_above_due(
    store: Store, tmp_path: Path
) -> None:
    firm = landed_firm(6, grade="C")
    issue_letter(store, firm)
    _record(
        store,
        actuals_file(tmp_path, firm, {"2026": {"revenue": {"amount": "6000万", "evidence": evidence()}}}),
    )
    claim = L.open_claim(store, L.OpenClaim(firm.id, "revenue", 2026, date(2027, 4, 1), who="赵")).claim_ids[
        0
    ]
    for step in (s.Review(date(2027, 4, 5), "钱", True, wan(60)), s.Notice(date(2027, 4, 6)),
                 s.Accept(date(2027, 4, 7)), s.Pay(date(2027, 4, 20), wan(60), "财拨〔2027〕5号")):  # fmt: skip
        L.advance_claim(store, L.ClaimStep(claim, step, "赵"))
    (notice,) = _record(
        store,
        actuals_file(tmp_path, firm, {"2026": {"revenue": {"amount": "4200万", "evidence": evidence()}}}),
    )
    assert any(
        "已拨付60万元，按新登记的实绩应兑现20万元，差额40万元可能需要追回" in w for w in notice.warnings_zh
    )
    assert [a["action"] for a in store.audit_log("ledger_actuals")] == ["create", "update"]
    ledger = firm_ledger(store, firm.uscc)
    row = ledger.row("revenue", 2026)
    assert row is not None and (row.due, row.paid) == (wan(20), wan(60))
    assert "超过应兑现20万元" in row.payment_zh


def test_a_claim_step_by_step_with_every_step_audited(store: Store, tmp_path: Path) -> None:
    firm = landed_firm(7, grade="C", revenue={2026: wan(12000)})
    issue_letter(store, firm)
    _record(
        store,
        actuals_file(tmp_path, firm, {"2026": {"revenue": {"amount": "1.2亿", "evidence": evidence()}}}),
    )
    with pytest.raises(ValidationError, match="请先登记2027年实绩"):
        L.open_claim(store, L.OpenClaim(firm.id, "revenue", 2027, date(2028, 4, 1)))
    opened = L.open_claim(store, L.OpenClaim(firm.name, "revenue", 2026, date(2027, 4, 1), who="赵"))
    claim_id = opened.claim_ids[0]
    assert "申报金额150万元（应兑现150万元）" in opened.summary_zh
    steps = [
        s.Review(date(2027, 4, 10), "经信局钱科长", True, wan(150)),
        s.Notice(date(2027, 4, 12)),
        s.Pay(date(2027, 4, 19), wan(75), "财拨〔2027〕11号"),
        s.Pay(date(2027, 5, 19), wan(60), "财拨〔2027〕12号"),
        s.Hold(date(2027, 6, 1), "验收资料不全"),
        s.Accept(date(2027, 6, 20), "经信局"),
        s.Resume(date(2027, 6, 21)),
        s.Pay(date(2027, 6, 30), wan(15), "财拨〔2027〕20号"),
    ]
    for step in steps:
        L.advance_claim(store, L.ClaimStep(claim_id, step, "赵"))
    row = store.ledger.claim(claim_id)
    assert row is not None and (row["state"], row["paid_fen"], row["approved_fen"]) == (
        "paid",
        wan(150),
        wan(150),
    )
    payments = store.conn.execute(
        "SELECT tranche, amount_fen, holdback FROM ledger_payments ORDER BY tranche"
    ).fetchall()
    assert payments == [(1, wan(75), 0), (2, wan(60), 0), (3, wan(15), 1)]
    actions = [a["action"] for a in store.audit_log("ledger_claims", claim_id)]
    assert actions == ["apply", "review", "notice", "pay", "pay", "hold", "accept", "resume", "pay"]
    assert len(store.audit_log("ledger_payments")) == 3
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store.conn.execute("UPDATE ledger_claim_events SET kind = 'x'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store.conn.execute("DELETE FROM ledger_payments")


def test_bad_payments_get_a_field_message_and_nothing_is_saved(store: Store, tmp_path: Path) -> None:
    firm = landed_firm(8, grade="C")
    issue_letter(store, firm)
    _record(
        store,
        actuals_file(tmp_path, firm, {"2026": {"revenue": {"amount": "3500万", "evidence": evidence()}}}),
    )
    claim = L.open_claim(
        store, L.OpenClaim(firm.id, "revenue", 2026, date(2027, 4, 1), requested=wan(30))
    ).claim_ids[0]
    before = (_count(store, "ledger_claim_events"), _count(store, "ledger_payments"), len(store.audit_log()))
    cases = [
        (s.Review(date(2027, 4, 5), "钱", True, wan(30)), "amount", "超过应兑现金额20万元"),
        (s.Review(date(2027, 3, 5), "钱", True, wan(20)), "on", "早于申报日期"),
        (s.Review(date(2027, 4, 5), "钱", True, -100), "amount", "不能为负数"),
    ]
    for step, field, words in cases:
        with pytest.raises(ValidationError) as e:
            L.advance_claim(store, L.ClaimStep(claim, step, "赵"))
        assert e.value.problems[0].path == field and words in e.value.problems[0].zh
    assert (
        _count(store, "ledger_claim_events"),
        _count(store, "ledger_payments"),
        len(store.audit_log()),
    ) == before
    L.advance_claim(store, L.ClaimStep(claim, s.Review(date(2027, 4, 5), "钱", True, wan(20)), "赵"))
    L.advance_claim(store, L.ClaimStep(claim, s.Notice(date(2027, 4, 6)), "赵"))
    with pytest.raises(ValidationError, match="超过核定金额"):
        L.advance_claim(store, L.ClaimStep(claim, s.Pay(date(2027, 4, 20), wan(25), "财拨1"), "赵"))
    assert _count(store, "ledger_payments") == 0


def test_a_step_recorded_by_someone_else_in_between_is_refused(store: Store, tmp_path: Path) -> None:
    firm = landed_firm(9, grade="C")
    issue_letter(store, firm)
    _record(
        store,
        actuals_file(tmp_path, firm, {"2026": {"revenue": {"amount": "3500万", "evidence": evidence()}}}),
    )
    claim = L.open_claim(store, L.OpenClaim(firm.id, "revenue", 2026, date(2027, 4, 1))).claim_ids[0]
    step = s.step_to_dict(s.Hold(date(2027, 4, 2), "x"))
    with pytest.raises(LedgerRefused, match="刚被其他人修改"):
        store.ledger.add_step(claim, 0, step, {"state": "held"}, "赵")


def test_the_letters_policy_version_is_kept_and_never_replaced_by_todays(
    store: Store, tmp_path: Path
) -> None:
    newer = load_policy(NEWER)
    firm = landed_firm(10, grade="C", revenue={2026: wan(6000)})
    issue_letter(store, firm, newer)
    path = actuals_file(tmp_path, firm, {"2026": {"revenue": {"amount": "6000万", "evidence": evidence()}}})
    with pytest.raises(DomainError) as e:
        firm_ledger(store, firm.id)
    assert "2026.1" in e.value.zh and "未载入" in e.value.zh and "不会按现行版本计算" in e.value.zh
    (notice,) = _record(store, path)  # actuals are facts: recorded, and the ledger says what it lacks
    assert any(w.startswith("应兑现金额暂不能计算") and "2026.1" in w for w in notice.warnings_zh)
    with pytest.raises(DomainError, match="未载入"):
        firm_ledger(store, firm.id)
    L.record_actuals_file(store, path, policies=[newer])  # loading the file once keeps its text
    ledger = firm_ledger(store, firm.id)
    assert ledger.due.policy_version == "2026.1" and ledger.row("revenue", 2026).due == wan(80)  # type: ignore[union-attr]
    assert store.audit_log("ledger_policies")[0]["record_id"] == newer.hash


def test_a_refused_file_or_a_dry_run_leaves_no_scan_and_no_row(store: Store, tmp_path: Path) -> None:
    import json

    good, drafted = landed_firm(11), landed_firm(12)
    issue_letter(store, good)
    issue_letter(store, drafted, status="draft")
    name = scan(tmp_path)
    both = tmp_path / "two.json"
    first = {
        "uscc": good.uscc,
        "years": {"2026": {"revenue": {"amount": "1亿", "evidence": evidence(file=name)}}},
    }
    second = {"uscc": drafted.uscc, "years": {"2026": {"revenue": {"amount": "1亿", "evidence": evidence()}}}}
    both.write_text(json.dumps({"firms": [first, second]}, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValidationError) as e:
        _record(store, both)
    assert e.value.problems[0].path == drafted.uscc and "没有已出具或已接受的告知函" in e.value.problems[0].zh
    assert _count(store, "ledger_actuals") == 0 and not list(store.folder.rglob("*.pdf"))
    one = actuals_file(tmp_path, good, first["years"])
    (notice,) = L.check_actuals_file(store, one)
    assert "已登记" in notice.summary_zh  # what recording would do…
    assert _count(store, "ledger_actuals") == 0 and not list(store.folder.rglob("*.pdf"))  # …and nothing done
    _record(store, one)
    assert _count(store, "ledger_actuals") == 1 and len(list(store.folder.rglob("*.pdf"))) == 1
