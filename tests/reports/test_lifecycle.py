"""The letter register through the service: draft → submitted → approved → issued, 文号 gap-free, never edited."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qt_app.domain.errors import DomainError
from qt_app.reports.official import payload
from qt_app.reports.signing import KeyRing
from qt_app.reports.snapshot import Contact
from qt_app.services import letter_batch
from qt_app.services import letters as svc
from tests.reports.factories import excluded_package, make_firm, make_package, make_policy

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("qt_app.store.letters") is None,
    reason="the store's letter register is not built yet",
)

DAY = date(2026, 3, 5)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Any]:
    from qt_app.services.firms import open_store

    s = open_store(tmp_path / "data")
    s.save_firm(make_firm())
    yield s
    s.close()


def _approved(store: Any, name: str = "青田元宇宙科技有限公司", supersedes: str = "") -> str:
    firm = make_firm(name)
    letter_id = svc.create_draft(
        store, firm, None, make_package(firm), make_policy(), who="小王", supersedes=supersedes
    )
    svc.submit_letter(store, letter_id, "小王")
    svc.approve_letter(store, letter_id, "李主任")
    return letter_id


def test_issue_assigns_the_next_number_and_freezes_a_signed_snapshot(store: Any) -> None:
    letter_id = _approved(store)
    rec = svc.issue_letter(store, letter_id, "小王", today=DAY)
    assert rec.status == "issued"
    assert rec.doc_number == "青招〔2026〕1号"
    assert rec.approved_by == "李主任"
    assert rec.total_fen == make_package().total
    row = store.letters.get(letter_id)
    snapshot = json.loads(row["snapshot_json"])
    assert snapshot["doc_number"] == "青招〔2026〕1号" and snapshot["draft"] is False
    assert snapshot["issue_date"] == "2026-03-05"
    assert rec.key_fingerprint == KeyRing(store.folder).fingerprint()


def test_numbers_are_gap_free_and_a_voided_letter_keeps_its_number(store: Any) -> None:
    first = svc.issue_letter(store, _approved(store), "小王", today=DAY)
    svc.set_letter_status(store, first.id, "voided", "李主任", "企业名称有误")
    second = svc.issue_letter(store, _approved(store), "小王", today=DAY)
    third = svc.issue_letter(store, _approved(store), "小王", today=DAY)
    assert [first.doc_number, second.doc_number, third.doc_number] == [
        "青招〔2026〕1号",
        "青招〔2026〕2号",
        "青招〔2026〕3号",
    ]
    assert store.letters.get(first.id)["doc_number"] == "青招〔2026〕1号"
    assert store.letters.get(first.id)["status"] == "voided"


def test_the_register_is_searchable_by_name_and_number(store: Any) -> None:
    first = svc.issue_letter(store, _approved(store, "A&B <科技>有限公司"), "小王", today=DAY)
    svc.create_draft(store, make_firm(), None, make_package(), make_policy())
    assert [r.id for r in svc.search_letters(store, "A&B")] == [first.id]
    assert [r.doc_number for r in svc.search_letters(store, "〔2026〕1")] == ["青招〔2026〕1号"]
    assert len(svc.search_letters(store, status="draft")) == 1


def test_a_failed_issue_consumes_no_number(store: Any) -> None:
    class BrokenKeys(KeyRing):
        def sign_message(self, message: bytes) -> bytes:
            raise DomainError("签名密钥不可用", "The signing key is unavailable")

    broken = _approved(store)
    with pytest.raises(DomainError):  # raised inside the register's transaction, after a number was drawn
        svc.issue_letter(store, broken, "小王", today=DAY, keyring=BrokenKeys(store.folder))
    assert store.letters.get(broken)["status"] == "approved"
    ok = svc.issue_letter(store, broken, "小王", today=DAY)
    assert ok.doc_number == "青招〔2026〕1号"


def test_the_prefix_and_office_come_from_settings(store: Any) -> None:
    store.set_setting("doc_prefix", "青投")
    store.set_setting("issuing_office", "青田县商务局")
    rec = svc.issue_letter(store, _approved(store), "小王", today=DAY)
    assert rec.doc_number == "青投〔2026〕1号"
    assert json.loads(store.letters.get(rec.id)["snapshot_json"])["office"] == "青田县商务局"


def test_an_issued_letter_refuses_edits(store: Any) -> None:
    rec = svc.issue_letter(store, _approved(store), "小王", today=DAY)
    firm = make_firm("改过的名字有限公司")
    with pytest.raises(DomainError) as err:
        svc.refresh_draft(store, rec.id, firm, None, make_package(firm), make_policy())
    assert "不能修改" in err.value.zh
    assert store.letters.get(rec.id)["firm_name"] == "青田元宇宙科技有限公司"


def test_only_an_approved_letter_is_issued(store: Any) -> None:
    firm = make_firm()
    draft = svc.create_draft(store, firm, None, make_package(firm), make_policy())
    with pytest.raises(DomainError):
        svc.issue_letter(store, draft, "小王", today=DAY)
    assert store.letters.get(draft)["doc_number"] in (None, "")


def test_the_issued_pdf_is_the_same_every_time_and_verifies_against_the_register(store: Any) -> None:
    rec = svc.issue_letter(store, _approved(store), "小王", today=DAY)
    one = svc.letter_pdf(store, rec.id)  # the PDF sealed at issue, not drawn again
    svc._JUST_ISSUED.clear()
    assert one == svc.letter_pdf(store, rec.id)  # drawn afresh from the frozen snapshot: the same bytes
    verdict = svc.verify_pdf(one, store)
    assert verdict.ok and verdict.register == "known" and verdict.register_status == "issued"
    assert "登记簿：已登记（状态：已出具）" in verdict.lines("zh")
    assert "Register: known (status: Issued)" in verdict.lines("en")
    qr = svc.verify_qr_text(rec.payload, store)
    assert qr.ok and qr.register == "known"
    svc.set_letter_status(store, rec.id, "voided", "李主任")
    voided = svc.verify_qr_text(rec.payload, store)
    assert voided.register_status == "voided" and voided.signature_valid and not voided.ok
    assert "此函已作废" in "\n".join(voided.lines())


def test_a_draft_pdf_is_watermarked_and_unnumbered(store: Any) -> None:
    firm = make_firm()
    draft = svc.create_draft(store, firm, None, make_package(firm), make_policy())
    verdict = svc.verify_pdf(svc.letter_pdf(store, draft), store)
    assert verdict.draft and verdict.payload["n"] == "" and verdict.exit_code == 4
    assert verdict.register == "known" and verdict.register_status == "draft"


def test_a_superseding_letter_voids_the_old_one_when_issued(store: Any) -> None:
    old = svc.issue_letter(store, _approved(store), "小王", today=DAY)
    new = svc.issue_letter(store, _approved(store, supersedes=old.id), "小王", today=DAY)
    assert new.supersedes == old.id and new.doc_number == "青招〔2026〕2号"
    previous = store.letters.get(old.id)
    assert previous["status"] == "voided" and "青招〔2026〕2号" in previous["note"]


def test_a_letter_with_our_number_but_other_content_is_flagged(store: Any) -> None:
    rec = svc.issue_letter(store, _approved(store), "小王", today=DAY)
    ring = KeyRing(store.folder)
    claims, _body, _sig = payload.from_text(rec.payload)
    forged_claims = payload.replace(claims, doc_id="l-" + "ab" * 8, total=1, content=bytes(12))
    body = payload.pack(forged_claims)
    forged = payload.to_text(body, ring.sign_message(payload.message(body)))
    verdict = svc.verify_qr_text(forged, store)
    assert verdict.signature_valid and verdict.register == "mismatch" and not verdict.ok


def test_the_contact_comes_from_settings_and_can_be_changed_at_issue(store: Any) -> None:
    svc.save_letter_contact(store, Contact("王科长", "0578-6812345"), "县财政局、县经信局", "小王")
    assert svc.letter_contact(store) == (Contact("王科长", "0578-6812345"), "县财政局、县经信局")
    first = svc.issue_letter(store, _approved(store), "小王", today=DAY)
    snap = json.loads(store.letters.get(first.id)["snapshot_json"])
    assert (
        snap["contact"] == {"name": "王科长", "phone": "0578-6812345"} and snap["cc"] == "县财政局、县经信局"
    )
    second = svc.issue_letter(
        store, _approved(store), "小王", today=DAY, contact=Contact("李四", "0578-1234567"), cc=""
    )
    snap = json.loads(store.letters.get(second.id)["snapshot_json"])
    assert snap["contact"]["name"] == "李四" and snap["cc"] == ""
    assert svc.letter_contact(store)[0].name == "王科长"  # the edit was for that letter only


def test_a_wrong_telephone_is_refused_before_a_number_is_used(store: Any) -> None:
    letter_id = _approved(store)
    with pytest.raises(DomainError) as err:
        svc.issue_letter(store, letter_id, "小王", today=DAY, contact=Contact("王科长", "call me"))
    assert "电话" in err.value.zh and store.letters.get(letter_id)["status"] == "approved"
    with pytest.raises(DomainError):
        svc.save_letter_contact(store, Contact("", "0578-6812345"), "")


def test_an_unprintable_character_refuses_the_issue_and_keeps_the_number(store: Any) -> None:
    letter_id = _approved(store, "青田😀科技有限公司")
    with pytest.raises(DomainError) as err:
        svc.issue_letter(store, letter_id, "小王", today=DAY)
    assert "U+1F600" in err.value.zh and "企业名称" in err.value.zh and "文号未占用" in err.value.zh
    assert "U+1F600" in err.value.en
    assert store.letters.get(letter_id)["status"] == "approved"
    ok = svc.issue_letter(store, _approved(store, "𠀀青田科技有限公司"), "小王", today=DAY)
    assert ok.doc_number == "青招〔2026〕1号"  # the refused one used no number; Ext-B prints


def test_an_excluded_firm_is_drafted_as_a_notice(store: Any) -> None:
    firm = make_firm("青田环球贸易有限公司", is_trading=True)
    package = excluded_package(firm)
    assert svc.letter_kind(package) == "notice"
    letter_id = svc.create_draft(store, firm, None, package, make_policy())
    svc.submit_letter(store, letter_id, "小王")
    svc.approve_letter(store, letter_id, "李主任")
    rec = svc.issue_letter(store, letter_id, "小王", today=DAY)
    verdict = svc.verify_pdf(svc.letter_pdf(store, rec.id), store)
    assert verdict.ok and verdict.payload["x"] == 2 and rec.total_fen == 0


def test_batch_letters_reports_progress_and_stops_when_cancelled(tmp_path: Path) -> None:
    firms = [make_firm(f"批量企业{i}有限公司").with_changes(id=f"f-batch{i}") for i in range(3)]
    jobs = [letter_batch.LetterJob(f, package=make_package(f)) for f in firms]
    seen: list[tuple[int, int, str]] = []
    result = letter_batch.batch_letters(
        jobs, tmp_path / "out", make_policy(), progress=lambda *a: seen.append(a)
    )
    assert len(result.written) == 3 and not result.failed and not result.cancelled
    assert seen[0] == (0, 3, "批量企业0有限公司") and seen[-1] == (3, 3, "")
    assert all(p.read_bytes().startswith(b"%PDF") for p in result.written)
    calls = iter([False, True])
    stopped = letter_batch.batch_letters(
        jobs, tmp_path / "out2", make_policy(), cancel=lambda: next(calls, True)
    )
    assert stopped.cancelled and len(stopped.written) == 1


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(["issue", "void_last", "fail"]), min_size=1, max_size=6))
def test_numbers_stay_gap_free_whatever_happens(
    tmp_path_factory: pytest.TempPathFactory, steps: list[str]
) -> None:
    """Issue, void and failed issues in any order: the numbers issued are exactly 1..n, each once."""
    from qt_app.services.firms import open_store

    class BrokenKeys(KeyRing):
        def sign_message(self, message: bytes) -> bytes:
            raise DomainError("签名密钥不可用", "The signing key is unavailable")

    with open_store(tmp_path_factory.mktemp("gapfree")) as s:
        s.save_firm(make_firm())
        issued: list[str] = []
        for step in steps:
            if step == "issue":
                issued.append(svc.issue_letter(s, _approved(s), "小王", today=DAY).id)
            elif step == "void_last" and issued:
                row = s.letters.get(issued[-1])
                if row["status"] != "voided":
                    svc.set_letter_status(s, issued[-1], "voided", "李主任")
            elif step == "fail":
                with pytest.raises(DomainError):
                    svc.issue_letter(s, _approved(s), "小王", today=DAY, keyring=BrokenKeys(s.folder))
        numbers = [s.letters.get(i)["doc_number"] for i in issued]
        assert numbers == [f"青招〔2026〕{n}号" for n in range(1, len(issued) + 1)]
