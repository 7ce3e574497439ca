"""The audit log records who changed what from what to what, without copying a letter's frozen snapshot into
every step: changed fields only, large texts kept in the row as their SHA-256 and length."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qt_app.domain.firm_io import load_firm_file
from qt_app.domain.policy_loader import default_policy
from qt_app.domain.simulate import simulate
from qt_app.services import letters
from qt_app.services.firms import LetterError, Store
from qt_app.store import audit
from tests.store.conftest import make_firm

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "examples" / "xinghe-digital.json"


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _sides(entry: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    return json.loads(entry["before_json"] or "{}"), json.loads(entry["after_json"] or "{}")


def _lifecycle(store: Store, refresh_name: str = "") -> str:
    """A real letter from draft to accepted, as the letters panel runs it."""
    firm, variants = load_firm_file(EXAMPLE)
    firm = firm.with_changes(id="f-xinghe")  # the same firm each time
    policy = default_policy()
    store.save_firm(firm, variants, who="王建国")
    lid = letters.create_draft(store, firm, variants, simulate(firm, policy), policy, who="王建国")
    if refresh_name:
        renamed = firm.with_changes(name=refresh_name)
        letters.refresh_draft(store, lid, renamed, variants, simulate(renamed, policy), policy, who="王建国")
    letters.submit_letter(store, lid, "王建国")
    letters.approve_letter(store, lid, "李主任")
    letters.issue_letter(store, lid, "李主任", policies=[policy])
    letters.set_letter_status(store, lid, "accepted", "王建国", "企业已签收")
    return lid


def test_the_issue_entry_names_what_changed_and_the_snapshot_by_its_hash(store: Store) -> None:
    lid = _lifecycle(store)
    row = store.letters.get(lid)
    assert row is not None
    issue = next(e for e in store.audit_log("letters", lid) if e["action"] == "issue")
    before, after = _sides(issue)
    assert issue["who"] == "李主任"
    assert audit.changed_fields(issue) == {
        "status", "doc_number", "year", "seq", "issued_at", "status_changed_at", "snapshot_json",
        "content_hash", "signature", "payload", "key_fingerprint",
    }  # fmt: skip
    assert (before["status"], after["status"]) == ("approved", "issued")
    assert (before["doc_number"], after["doc_number"]) == (None, row["doc_number"])
    assert after["content_hash"] == row["content_hash"] and after["signature"] == row["signature"]
    snapshot = row["snapshot_json"]
    assert after["snapshot_json"] == {"sha256": _sha(snapshot), "bytes": len(snapshot.encode("utf-8"))}
    assert audit.is_digest(before["snapshot_json"])  # the draft it replaced, by hash
    assert before["snapshot_json"]["sha256"] != after["snapshot_json"]["sha256"]
    assert "firm_name" not in after and "total_fen" not in after  # unchanged by issuing


def test_a_refreshed_draft_records_where_its_content_changed(store: Store) -> None:
    lid = _lifecycle(store, refresh_name="青田星河元宇宙科技有限公司")
    update = next(e for e in store.audit_log("letters", lid) if e["action"] == "update")
    before, after = _sides(update)
    assert (before["firm_name"], after["firm_name"]) == (
        "青田星河数字科技有限公司",
        "青田星河元宇宙科技有限公司",
    )
    path = "snapshot_json/draft_core/firm/name"
    assert (before[path], after[path]) == ("青田星河数字科技有限公司", "青田星河元宇宙科技有限公司")
    assert audit.changed_fields(update) == {"firm_name", "snapshot_json"}


def test_a_letter_lifecycle_costs_far_less_audit_than_one_snapshot(store: Store) -> None:
    n = 3
    ids = [_lifecycle(store, refresh_name="青田星河元宇宙科技有限公司") for _ in range(n)]
    rows = [store.letters.get(i) for i in ids]
    snapshot = sum(len(str(r["snapshot_json"]).encode("utf-8")) for r in rows if r is not None) / n
    logged = [e for e in store.audit_log("letters") if e["record_id"] in ids]
    assert len(logged) == 6 * n  # create, update, submitted, approved, issue, accepted
    per_letter = (
        sum(len((e["before_json"] or "").encode()) + len(e["after_json"].encode()) for e in logged) / n
    )
    assert snapshot > 20_000 and per_letter < snapshot / 8, (per_letter, snapshot)
    # none of the frozen wording is copied into the log
    clause = json.loads(str(rows[0]["snapshot_json"]))["terms"]["opening"][0] if rows[0] else ""
    assert len(clause) > 40 and not any(clause[:40] in (e["after_json"] or "") for e in logged)


def test_a_firm_edit_records_only_the_fields_edited(store: Store) -> None:
    firm = make_firm(1, "青田星河数字科技有限公司", contact="张伟 13800000000")
    store.save_firm(firm, who="王建国")
    store.save_firm(firm.with_changes(notes="已约第二次洽谈"), who="李科长")
    create, edit = store.audit_log("firms", firm.id)
    assert json.loads(create["after_json"])["name"] == "青田星河数字科技有限公司"  # what was entered, in full
    assert _sides(edit) == ({"notes": ""}, {"notes": "已约第二次洽谈"}) and edit["who"] == "李科长"


def test_large_texts_not_kept_elsewhere_are_recorded_whole() -> None:
    notes = "洽谈纪要" * 400
    before, after = audit.changes({"notes": ""}, {"notes": notes})
    assert (before, after) == ({"notes": ""}, {"notes": notes})
    kept_before, kept_after = audit.changes({"text": ""}, {"text": notes}, kept=("text",))
    assert kept_after == {"text": audit.digest(notes)} and kept_before == {"text": ""}


# -- property: whatever happens to a letter, each entry says which columns changed, from what to what --------

BASE = {f"line{i:03d}": {"amount": i * 100, "label": f"第{i}项"} for i in range(60)}  # > LARGE as JSON
EDIT = st.fixed_dictionaries(
    {},
    optional={
        "firm_name": st.sampled_from(["青田星河数字科技有限公司", "青田芝溪算法科技有限公司"]),
        "total_fen": st.integers(0, 10**10),
        "variant": st.sampled_from(["base", "cap", "grade-a"]),
        "note": st.text(max_size=20),
        "snapshot_json": st.one_of(
            st.dictionaries(st.sampled_from(sorted(BASE)), st.integers(0, 10**6), max_size=3).map(
                lambda ch: json.dumps(
                    {**BASE, **{k: {"amount": v} for k, v in ch.items()}}, ensure_ascii=False
                )
            ),
            st.integers(0, 10**6).map(lambda n: json.dumps({"other": [n] * 500})),  # rewritten wholesale
        ),
    },
)
STEP = st.one_of(
    st.tuples(st.just("edit"), EDIT.filter(bool)),
    st.tuples(
        st.just("status"), st.sampled_from(["submitted", "approved", "accepted", "voided", "declined"])
    ),
    st.tuples(st.just("issue"), st.just({})),
    st.tuples(st.just("next"), st.just({})),  # along draft → submitted → approved → issued → accepted
    st.tuples(st.just("next"), st.just({})),
)
NEXT = {"draft": "submitted", "submitted": "approved", "issued": "accepted"}


def _frozen(number: str) -> dict[str, Any]:
    return {"content_hash": "h:" + number, "signature": "ab" * 64, "payload": "OD2:" + number * 80,
            "snapshot_json": json.dumps({"issued": number, **BASE}, ensure_ascii=False)}  # fmt: skip


def _same(actual: Any, recorded: Any) -> bool:
    """A recorded value matches the row's: itself, or the hash and length of a large kept text."""
    if audit.is_digest(recorded):
        return isinstance(actual, str) and audit.digest(actual) == recorded
    return bool(actual == recorded and type(actual) is type(recorded))


def _apply(store: Store, lid: str, step: tuple[str, dict[str, Any] | str]) -> None:
    kind, arg = step
    if kind == "edit":
        assert isinstance(arg, dict) and arg
        store.letters.update_draft(lid, arg, who="王建国")
    elif kind == "status":
        store.letters.set_status(lid, str(arg), "李主任")
    elif kind == "next" and (row := store.letters.get(lid)) and row["status"] in NEXT:
        store.letters.set_status(lid, NEXT[row["status"]], "李主任")
    else:
        store.letters.issue(lid, "青招", 2026, _frozen, who="李主任")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(STEP, min_size=1, max_size=10))
def test_each_entry_tells_which_columns_changed_and_the_log_replays_backwards(
    store: Store, steps: list[Any]
) -> None:
    lid = store.letters.create_draft(
        {
            "firm_id": make_firm(1).id,
            "firm_name": "青田星河数字科技有限公司",
            "total_fen": 1,
            "snapshot_json": json.dumps(BASE, ensure_ascii=False),
        }
    )
    row = store.letters.get(lid)
    assert row is not None
    rows = [row]
    for step in steps:
        count = len(store.audit_log("letters", lid))
        try:
            _apply(store, lid, step)
        except LetterError:  # refused: nothing changed, nothing logged
            assert len(store.audit_log("letters", lid)) == count and store.letters.get(lid) == rows[-1]
            continue
        now = store.letters.get(lid)
        assert now is not None
        entry = store.audit_log("letters", lid)[-1]
        differ = {k for k in now if now[k] != rows[-1][k]}
        assert audit.changed_fields(entry) == differ, step
        rows.append(now)
    entries = store.audit_log("letters", lid)
    assert len(entries) == len(rows)
    assert {k for k, v in rows[0].items() if v is not None} == set(_sides(entries[0])[1])  # the creation
    # Each entry undone on the row after it gives the row before it (a hash standing for a large text)
    for entry, earlier, later in zip(entries[1:], rows[:-1], rows[1:], strict=True):
        before, after = _sides(entry)
        fields = {p for p in (*before, *after) if "/" not in p}
        assert all(_same(later[name], after[name]) for name in fields)
        undone = {**later, **{name: before[name] for name in fields}}
        assert all(_same(earlier[name], value) for name, value in undone.items())


def test_places_changed_inside_a_kept_text_are_listed_only_when_few() -> None:
    old = json.dumps(BASE, ensure_ascii=False)
    small = json.dumps({**BASE, "line007": {"amount": 1, "label": "第7项"}}, ensure_ascii=False)
    b, a = audit.changes({"s": old}, {"s": small}, kept=("s",))
    assert (b["s/line007/amount"], a["s/line007/amount"]) == (700, 1) and audit.is_digest(a["s"])
    whole = json.dumps({"other": list(range(400))})
    b, a = audit.changes({"s": old}, {"s": whole}, kept=("s",))
    assert set(b) == set(a) == {"s"}  # rewritten wholesale: the two hashes say so
    assert len(json.dumps(a)) * audit.DETAIL_SHARE < len(whole)


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3),
    max_leaves=12,
)


@given(st.dictionaries(st.text(max_size=6), _JSON, max_size=8))
def test_a_new_record_is_logged_as_the_field_by_field_comparison_logs_it(record: dict[str, Any]) -> None:
    """A creation (thousands in an import) skips the comparison; `kept` naming an absent field forces it."""
    fast = audit.changes(None, record)
    compared = audit.changes(None, record, kept=("\0absent",))
    assert fast == compared
    assert audit.as_text(fast[1]) == audit.as_text(compared[1])
