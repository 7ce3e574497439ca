"""Headquarters' letters at an outpost: read-only copies that travel in bundles, follow later status changes,
let the outpost verify the firm's PDF offline, and never take a 文号 from a letter already there."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from qt_app.domain.errors import DomainError
from qt_app.reports.signing import KeyRing
from qt_app.reports.verify import REGISTER_KNOWN, Outcome
from qt_app.services import letters
from qt_app.services.bundles import export_bundle, import_bundle
from qt_app.services.firms import Store, open_store
from qt_app.services.offices import set_office_role
from qt_app.store.bundle_format import signed_bytes
from qt_app.store.letters import LetterError
from tests.store.conftest import pin_hq, trust
from tests.store.ledger_fixtures import issue_letter, landed_firm, send, tables


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Store, Store]]:
    hq = open_store(tmp_path / "hq", auto_backup=False)
    milan = open_store(tmp_path / "milan", auto_backup=False)
    milan.set_setting("issuing_office", "青田县驻米兰联络处")
    set_office_role(milan, "outpost")
    pin_hq(milan, hq.folder)
    trust(milan.folder, hq.folder)
    yield hq, milan
    hq.close()
    milan.close()


def test_an_issued_letter_reaches_the_outpost_read_only_and_verifies_there(
    pair: tuple[Store, Store], tmp_path: Path
) -> None:
    hq, milan = pair
    firm = landed_firm(1)
    draft = landed_firm(2)
    lid = issue_letter(hq, firm)
    issue_letter(hq, draft, status="draft")  # drafts never travel
    report = send(hq, milan, tmp_path / "1.json")
    assert report.letters_added == [lid] and report.sender_role == "hq"
    copy = milan.letters.get(lid)
    original = hq.letters.get(lid)
    assert copy is not None and original is not None
    assert {k: copy[k] for k in original} == original  # the register row, as issued
    assert milan.letters.copy_of(lid) == "青田县投资促进中心"
    assert len(milan.letters.search()) == 1

    pdf = letters.letter_pdf(hq, lid)  # what the firm was handed
    verdict = letters.verify_pdf(pdf, milan)
    assert verdict.outcome is Outcome.PASS and verdict.register == REGISTER_KNOWN
    assert verdict.register_status == "issued"
    with pytest.raises(DomainError, match="副本"):
        letters.letter_pdf(milan, lid)  # re-sealing it would sign HQ's letter with Milan's key
    with pytest.raises(LetterError, match="只读"):
        milan.letters.set_status(lid, "voided", "叶海峰")

    letters.set_letter_status(hq, lid, "accepted", "王建国")
    assert send(hq, milan, tmp_path / "2.json").letters_updated == [lid]
    assert milan.letters.get(lid)["status"] == "accepted"  # type: ignore[index]
    held = tables(milan)
    assert import_bundle(milan, tmp_path / "2.json").letters_unchanged == [lid] and tables(milan) == held
    letters.set_letter_status(hq, lid, "voided", "王建国", "企业放弃落地")
    send(hq, milan, tmp_path / "3.json")
    assert milan.letters.get(lid)["status"] == "voided"  # type: ignore[index]
    assert letters.verify_pdf(pdf, milan).outcome is Outcome.FAILED  # voided, as HQ's register says


def test_an_outpost_issues_no_letters_and_sends_none(pair: tuple[Store, Store], tmp_path: Path) -> None:
    _hq, milan = pair
    firm = landed_firm(3)
    with pytest.raises(DomainError, match="联络处") as refused:
        issue_letter(milan, firm)
    assert "文号由一处统一编发" in refused.value.zh and "one desk" in refused.value.en
    assert (
        milan.letters.search()[0]["status"] == "approved" and milan.letters.search()[0]["doc_number"] is None
    )
    path = tmp_path / "milan.json"
    export_bundle(milan, path)
    body = json.loads(path.read_text(encoding="utf-8"))["body"]
    assert body["role"] == "outpost" and body["sections"]["letters"] == []


def test_a_letter_from_an_outpost_is_not_merged_at_hq_and_the_report_says_so(
    pair: tuple[Store, Store], tmp_path: Path
) -> None:
    hq, _milan = pair
    lid = issue_letter(hq, landed_firm(4))
    path = tmp_path / "hq.json"
    export_bundle(hq, path)
    sent = json.loads(path.read_text(encoding="utf-8"))["body"]["sections"]["letters"]
    other = tmp_path / "other-hq"
    with open_store(other, auto_backup=False) as second:  # another office's bundle carrying letters
        trust(other, hq.folder)
        set_office_role(second, "outpost")
        out = tmp_path / "second.json"
        export_bundle(second, out)
        envelope = json.loads(out.read_text(encoding="utf-8"))
        envelope["body"]["sections"]["letters"] = [
            {**sent[0], "id": "l-forged", "doc_number": "青招〔2025〕99号"}
        ]
        sig = KeyRing(other).private_key().sign(signed_bytes(envelope["body"]))
        envelope["signature"]["value"] = base64.urlsafe_b64encode(sig).rstrip(b"=").decode()
        out.write_text(json.dumps(envelope, ensure_ascii=False), encoding="utf-8")
    report = import_bundle(hq, out)
    assert report.letters_added == [] and hq.letters.get("l-forged") is None
    assert any("告知函未合并" in line and "文号由一处统一编发" in line for line in report.lines())
    assert any("Letters not merged" in line for line in report.lines("en"))
    assert [r["id"] for r in hq.letters.search()] == [lid]


def test_a_local_letter_holding_the_same_number_is_not_overwritten(tmp_path: Path) -> None:
    hq = open_store(tmp_path / "hq", auto_backup=False)
    paris = open_store(tmp_path / "paris", auto_backup=False)
    try:
        pin_hq(paris, hq.folder)
        mine = issue_letter(paris, landed_firm(5))  # issued here while Paris still worked as headquarters
        set_office_role(paris, "outpost")
        theirs = issue_letter(hq, landed_firm(6))
        assert hq.letters.get(theirs)["doc_number"] == paris.letters.get(mine)["doc_number"]  # type: ignore[index]
        report = send(hq, paris, tmp_path / "hq.json")
        (refused,) = report.rejected
        assert refused[0] == theirs and "已使用这个文号" in refused[1] and mine in refused[1]
        assert "already holds this number" in refused[2]
        assert paris.letters.get(theirs) is None and paris.letters.get(mine)["status"] == "issued"  # type: ignore[index]
    finally:
        hq.close()
        paris.close()


def test_a_copy_whose_content_does_not_match_its_hash_is_refused(
    pair: tuple[Store, Store], tmp_path: Path
) -> None:
    hq, milan = pair
    lid = issue_letter(hq, landed_firm(7))
    path = tmp_path / "hq.json"
    export_bundle(hq, path)
    envelope: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    letter = envelope["body"]["sections"]["letters"][0]
    letter["snapshot_json"] = letter["snapshot_json"].replace("青田元宇宙测试7号", "青田元宇宙测试8号")
    sig = KeyRing(hq.folder).private_key().sign(signed_bytes(envelope["body"]))
    envelope["signature"]["value"] = base64.urlsafe_b64encode(sig).rstrip(b"=").decode()
    path.write_text(json.dumps(envelope, ensure_ascii=False), encoding="utf-8")
    report = import_bundle(milan, path)
    assert report.rejected[0][0] == lid and "冻结内容与其摘要不符" in report.rejected[0][1]
    assert milan.letters.get(lid) is None


def test_the_policy_version_a_letter_rests_on_travels_with_it(
    pair: tuple[Store, Store], tmp_path: Path
) -> None:
    from qt_app.domain.policy_loader import default_policy
    from qt_app.paths import default_policy_path

    hq, milan = pair
    issue_letter(hq, landed_firm(9))
    policy = default_policy()
    text = default_policy_path().read_text(encoding="utf-8")
    hq.ledger.keep_policy(policy.hash, policy.id, policy.version, text)  # if issuing did not keep it already
    assert hq.ledger.policy_text(policy.hash) == text
    path = tmp_path / "hq.json"
    report = send(hq, milan, path)
    assert report.policies_added == 1 and milan.ledger.policy_text(policy.hash) == text
    envelope = json.loads(path.read_text(encoding="utf-8"))
    envelope["body"]["sections"]["policies"][0]["text"] = text.replace("青田", "丽水", 1)
    sig = KeyRing(hq.folder).private_key().sign(signed_bytes(envelope["body"]))
    envelope["signature"]["value"] = base64.urlsafe_b64encode(sig).rstrip(b"=").decode()
    path.write_text(json.dumps(envelope, ensure_ascii=False), encoding="utf-8")
    with open_store(tmp_path / "paris", auto_backup=False) as paris:
        pin_hq(paris, hq.folder)
        set_office_role(paris, "outpost")
        report = import_bundle(paris, path)
        assert report.policies_added == 0 and "与其摘要不符" in report.rejected[0][1]
        assert paris.ledger.policy_text(policy.hash) is None
