"""The register of offer letters: statuses, gap-free 文号, frozen issued letters, audit."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qt_app.services.firms import LetterError, Store
from qt_app.store.letters import doc_number
from tests.store.conftest import make_firm


def _approved(store: Store, n: int = 1) -> str:
    firm = make_firm(n)
    letter = store.letters.create_draft(
        {
            "firm_id": firm.id,
            "firm_name": firm.name,
            "firm_uscc": firm.uscc,
            "variant": "base",
            "total_fen": 150_000_000,
        }
    )
    store.letters.set_status(letter, "submitted", "经办人")
    store.letters.set_status(letter, "approved", "主任")
    return letter


def _frozen(number: str) -> dict[str, Any]:
    return {"content_hash": "h:" + number, "signature": "sig", "payload": "QR", "snapshot_json": "{}"}


def test_doc_numbers_use_six_cornered_brackets_and_no_leading_zeros() -> None:
    assert doc_number("青招", 2026, 7) == "青招〔2026〕7号"
    assert doc_number("青招", 2026, 12) == "青招〔2026〕12号"


def test_numbers_are_gap_free_per_prefix_and_year(store: Store) -> None:
    numbers = [store.letters.issue(_approved(store), "青招", 2026, _frozen)["doc_number"] for _ in range(3)]
    assert numbers == ["青招〔2026〕1号", "青招〔2026〕2号", "青招〔2026〕3号"]
    assert store.letters.issue(_approved(store), "青招", 2027, _frozen)["doc_number"] == "青招〔2027〕1号"
    assert store.letters.issue(_approved(store), "青投", 2026, _frozen)["doc_number"] == "青投〔2026〕1号"


def test_a_failed_build_consumes_no_number(store: Store) -> None:
    letter = _approved(store)

    def broken(number: str) -> dict[str, Any]:
        raise RuntimeError("PDF failed")

    with pytest.raises(RuntimeError):
        store.letters.issue(letter, "青招", 2026, broken)
    row = store.letters.get(letter)
    assert row is not None and row["status"] == "approved" and row["doc_number"] is None
    issued = store.letters.issue(letter, "青招", 2026, _frozen)
    assert issued["doc_number"] == "青招〔2026〕1号" and issued["status"] == "issued"
    assert issued["content_hash"] == "h:青招〔2026〕1号" and issued["seq"] == 1 and issued["year"] == 2026


def test_the_build_sees_the_number_it_will_carry(store: Store) -> None:
    seen: list[str] = []
    store.letters.issue(_approved(store), "青招", 2026, lambda n: seen.append(n) or _frozen(n))
    assert seen == ["青招〔2026〕1号"]


def test_issued_letters_are_never_edited_and_voided_ones_keep_their_number(store: Store) -> None:
    letter = _approved(store)
    store.letters.issue(letter, "青招", 2026, _frozen)
    with pytest.raises(LetterError) as err:
        store.letters.update_draft(letter, {"total_fen": 1})
    assert "不能修改" in err.value.zh
    store.letters.set_status(letter, "voided", "主任", note="金额有误")
    row = store.letters.get(letter)
    assert row is not None and row["status"] == "voided" and row["doc_number"] == "青招〔2026〕1号"
    assert row["note"] == "金额有误"
    assert store.letters.issue(_approved(store, 2), "青招", 2026, _frozen)["doc_number"] == "青招〔2026〕2号"
    with pytest.raises(LetterError):
        store.letters.set_status(letter, "accepted", "主任")


def test_only_the_listed_transitions_are_allowed(store: Store) -> None:
    letter = store.letters.create_draft({"firm_id": "f-1"})
    with pytest.raises(LetterError):
        store.letters.set_status(letter, "approved", "主任")  # must be submitted first
    with pytest.raises(LetterError):
        store.letters.issue(letter, "青招", 2026, _frozen)  # only approved letters are issued
    with pytest.raises(LetterError):
        store.letters.set_status(letter, "issued", "主任")  # issuing assigns the number
    store.letters.update_draft(letter, {"total_fen": 99})
    store.letters.set_status(letter, "submitted", "经办人")
    store.letters.update_draft(letter, {"total_fen": 100})
    store.letters.set_status(letter, "approved", "主任")
    row = store.letters.get(letter)
    assert row is not None and row["approved_by"] == "主任" and row["total_fen"] == 100
    with pytest.raises(LetterError):
        store.letters.update_draft(letter, {"total_fen": 1})
    store.letters.issue(letter, "青招", 2026, _frozen)
    store.letters.set_status(letter, "accepted", "经办人")
    assert store.letters.get(letter)["status"] == "accepted"  # type: ignore[index]


def test_callers_cannot_set_managed_fields(store: Store) -> None:
    with pytest.raises(LetterError):
        store.letters.create_draft({"firm_id": "f-1", "status": "issued"})
    letter = store.letters.create_draft({"firm_id": "f-1"})
    with pytest.raises(LetterError):
        store.letters.update_draft(letter, {"doc_number": "青招〔2026〕99号"})


def test_lookups_and_search(store: Store) -> None:
    letter = _approved(store)
    store.letters.issue(letter, "青招", 2026, _frozen)
    other = store.letters.create_draft({"firm_id": "f-2", "firm_name": "丽水远方影视动漫有限公司"})
    assert store.letters.by_doc_number("青招〔2026〕1号")["id"] == letter  # type: ignore[index]
    assert store.letters.by_content_hash("h:青招〔2026〕1号")["id"] == letter  # type: ignore[index]
    assert store.letters.by_doc_number("青招〔2026〕2号") is None
    assert [r["id"] for r in store.letters.search("远方")] == [other]
    assert [r["id"] for r in store.letters.search("〔2026〕1")] == [letter]
    assert [r["id"] for r in store.letters.search(status="draft")] == [other]
    assert len(store.letters.search()) == 2


def test_every_change_is_audited(store: Store) -> None:
    letter = _approved(store)
    store.letters.issue(letter, "青招", 2026, _frozen, who="主任")
    actions = [e["action"] for e in store.audit_log("letters", letter)]
    assert actions == ["create", "status:submitted", "status:approved", "issue"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=st.lists(st.sampled_from(["issue", "fail", "void", "other_year"]), min_size=1, max_size=12))
def test_issued_numbers_never_have_gaps_whatever_fails_or_is_voided(store: Store, ops: list[str]) -> None:
    issued: dict[int, list[int]] = {}
    for op in ops:
        letter = _approved(store)
        year = 2027 if op == "other_year" else 2026
        if op == "fail":
            with pytest.raises(ZeroDivisionError):
                store.letters.issue(letter, "青招", year, lambda n: {"content_hash": str(1 // 0)})
            continue
        row = store.letters.issue(letter, "青招", year, _frozen)
        issued.setdefault(year, []).append(row["seq"])
        if op == "void":
            store.letters.set_status(letter, "voided", "主任", "作废")
    for year, seqs in issued.items():
        start = seqs[0]
        assert seqs == list(range(start, start + len(seqs))), year  # consecutive, none skipped
