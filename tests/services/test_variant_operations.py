"""Variant operations: create, edit, rename, duplicate, delete, reorder — each saved with the firm, each undone."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from qt_app.domain.errors import DomainError, ValidationError
from qt_app.domain.firm import Firm
from qt_app.domain.firm_io import load_firm_file
from qt_app.domain.money import wan
from qt_app.domain.policy_loader import default_policy
from qt_app.domain.variants import Variant, variant_between
from qt_app.services import bundles
from qt_app.services import letters as letter_svc
from qt_app.services.offers import offer_refusal, offer_variant
from qt_app.services.operations import OpChanges, office
from qt_app.services.operations import firms as firm_ops
from qt_app.services.operations import letters as letter_ops
from qt_app.services.operations import variants as ops
from qt_app.services.session import Session
from qt_app.store.store import open_store_at
from tests.store.conftest import trust

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources" / "examples" / "xinghe-digital.json"


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    s = Session(store=open_store_at(tmp_path / "desk", auto_backup=False), policies=[default_policy()])
    yield s
    s.close()


@pytest.fixture
def firm(session: Session) -> Firm:
    firm, variants = load_firm_file(EXAMPLE)
    firm_ops.save_firm(session, firm, variants)
    return firm


def moved(firm: Firm) -> Variant:
    assert firm.location is not None
    there = replace(firm.location, site="huaqiao_hq", area_m2=Decimal("1000"))
    grown = {**firm.revenue, 2027: wan(20_000), 2028: wan(40_000)}
    return variant_between(firm, replace(firm, location=there, revenue=grown), Variant("", "迁华侨总部"))


def names(session: Session, firm: Firm) -> list[str]:
    return [v.label for v in session.store.get_firm(firm.id)[1]]


def test_creating_a_variant_saves_it_with_the_firm_and_undoes(session: Session, firm: Firm) -> None:
    result = ops.create_variant(session, firm.id, moved(firm), "王晓")
    assert result.value == "v1"
    assert result.changes == OpChanges(variants=frozenset({firm.id}))
    assert result.changes.package_of(firm.id) and not result.changes.list_changed
    stored_firm, stored = session.store.get_firm(firm.id)
    assert stored_firm == firm and stored[-1] == replace(moved(firm), name="v1")
    assert session.package(firm, stored[-1]).total > session.package(firm).total
    assert result.undo is not None and result.undo.label("zh") == "新建方案“迁华侨总部”"
    result.undo.undo()
    assert "迁华侨总部" not in names(session, firm)
    result.undo.redo()
    assert names(session, firm)[-1] == "迁华侨总部"


def test_editing_renaming_and_reordering_undo_without_touching_the_base(session: Session, firm: Firm) -> None:
    name = ops.create_variant(session, firm.id, moved(firm)).value
    variant = session.store.get_firm(firm.id)[1][-1]
    # the base is edited meanwhile: undoing a variant step must not take that back
    firm_ops.save_firm(session, firm.with_changes(owner="李四"), session.store.get_firm(firm.id)[1])
    edited = ops.save_variant(
        session, firm.id, replace(variant, firm_overrides={**variant.firm_overrides, "grade": "C"})
    )
    assert session.store.get_firm(firm.id)[1][-1].firm_overrides["grade"] == "C"
    assert edited.undo is not None
    edited.undo.undo()
    assert "grade" not in session.store.get_firm(firm.id)[1][-1].firm_overrides
    assert session.store.get_firm(firm.id)[0].owner == "李四"
    edited.undo.redo()

    renamed = ops.rename_variant(session, firm.id, name, "迁华侨总部·扩产")
    assert session.store.get_firm(firm.id)[1][-1].name == name  # the id stays; only the label changes
    assert renamed.undo is not None
    renamed.undo.undo()
    assert names(session, firm)[-1] == "迁华侨总部"
    renamed.undo.redo()

    up = ops.move_variant(session, firm.id, name, -1)
    assert names(session, firm).index("迁华侨总部·扩产") == 2
    assert up.undo is not None
    up.undo.undo()
    assert names(session, firm)[-1] == "迁华侨总部·扩产"


def test_duplicating_puts_a_copy_right_after(session: Session, firm: Firm) -> None:
    copy = ops.duplicate_variant(session, firm.id, "huaqiao")
    labels = names(session, firm)
    assert labels[labels.index("改入驻华侨总部大楼") + 1] == "改入驻华侨总部大楼（副本）"
    assert copy.undo is not None
    copy.undo.undo()
    assert "改入驻华侨总部大楼（副本）" not in names(session, firm)


def test_a_variant_that_makes_the_firm_invalid_is_refused_with_the_base_messages(
    session: Session, firm: Firm
) -> None:
    assert firm.location is not None
    bad = Variant("", "负面积", firm_overrides={"location": replace(firm.location, area_m2=Decimal("-5"))})
    with pytest.raises(ValidationError) as err:
        ops.create_variant(session, firm.id, bad)
    assert err.value.problems[0].path == "location.area_m2"
    assert "非负数" in err.value.problems[0].zh
    with pytest.raises(DomainError, match="已有名为"):
        ops.create_variant(session, firm.id, Variant("", "保守方案", revenue_factor=Decimal("0.5")))
    with pytest.raises(DomainError, match="不存在"):
        ops.create_variant(session, firm.id, Variant("", "假上限", param_overrides={"rent.nope": "1"}))
    with pytest.raises(DomainError, match="未加载"):
        ops.create_variant(session, firm.id, Variant("", "新版", policy_id="qingtian-metaverse-2030"))
    assert len(session.store.get_firm(firm.id)[1]) == 3  # nothing saved half-valid


def test_deleting_the_offer_clears_it_and_undo_brings_both_back(session: Session, firm: Firm) -> None:
    office.choose_offer_variant(session, firm.id, session.store.get_firm(firm.id)[1][1])
    deleted = ops.delete_variant(session, firm.id, "huaqiao")
    assert firm.id in deleted.changes.offers and firm.id in deleted.changes.variants
    assert offer_variant(session.store, firm.id) is None
    assert deleted.undo is not None
    deleted.undo.undo()
    offer = offer_variant(session.store, firm.id)
    assert offer is not None and offer.name == "huaqiao" and "改入驻华侨总部大楼" in names(session, firm)
    deleted.undo.redo()
    assert offer_variant(session.store, firm.id) is None


def test_a_policy_assumption_is_never_the_offer_unless_its_version_is_in_force(
    session: Session, firm: Firm
) -> None:
    cap = session.store.get_firm(firm.id)[1][2]
    assert cap.param_overrides
    with pytest.raises(DomainError, match="政策参数假设"):
        office.choose_offer_variant(session, firm.id, cap)
    with pytest.raises(DomainError, match="政策参数假设"):
        letter_ops.draft_letter(session, firm, (cap,), cap)
    policy = session.policy
    current = Variant("v9", "按现行版本", policy_id=policy.id, policy_version=policy.version)
    assert offer_refusal(current, session.policies, date(2026, 3, 5)) is None
    later = Variant("v9", "按未来版本", policy_id=policy.id, policy_version="2099.1")
    refusal = offer_refusal(later, session.policies, date(2026, 3, 5))
    assert refusal is not None and "不是现行版本" in refusal.zh
    # the offer cannot take one on by an edit either
    office.choose_offer_variant(session, firm.id, session.store.get_firm(firm.id)[1][1])
    huaqiao = session.store.get_firm(firm.id)[1][1]
    with pytest.raises(DomainError, match="报价方案"):
        ops.save_variant(session, firm.id, replace(huaqiao, param_overrides={"rent.cap_per_year": "300万"}))


def test_a_hint_becomes_a_variant_showing_its_gain(session: Session, firm: Firm) -> None:
    lower = firm.with_changes(revenue={2026: wan(2000), 2027: wan(4000), 2028: wan(9000)})
    firm_ops.save_firm(session, lower, ())
    hint = session.hints(lower)[0]
    result = ops.variant_from_hint(session, lower.id, hint, "zh")
    made = session.store.get_firm(lower.id)[1][-1]
    assert made.name == result.value and made.label == hint.label("zh")
    assert session.package(lower, made).total - session.package(lower).total == hint.gain


def test_a_bundle_carries_the_variants(session: Session, firm: Firm, tmp_path: Path) -> None:
    ops.create_variant(session, firm.id, moved(firm))
    sent = session.store.get_firm(firm.id)[1]
    path = tmp_path / "outpost.bundle"
    bundles.export_bundle(session.store, path)  # signed with the outpost's key, which HQ trusts
    with open_store_at(tmp_path / "hq", auto_backup=False) as hq:
        trust(session.store.folder, hq.folder)
        bundles.import_bundle(hq, path)
        got_firm, got = hq.get_firm(firm.id)
    assert got == sent and got_firm == firm


def test_an_issued_letter_keeps_the_variant_it_was_issued_with(session: Session, firm: Firm) -> None:
    store = session.store
    huaqiao = store.get_firm(firm.id)[1][1]
    letter_id = letter_ops.draft_letter(session, firm, store.get_firm(firm.id)[1], huaqiao).value
    letter_svc.submit_letter(store, letter_id, "小王")
    letter_svc.approve_letter(store, letter_id, "李主任")
    issued = letter_svc.issue_letter(store, letter_id, "小王", today=date(2026, 3, 5))
    before = json.loads(store.letters.get(letter_id)["snapshot_json"])
    pdf = letter_svc.letter_pdf(store, letter_id)
    assert before["variant"] == {
        "name": "huaqiao", "label": "改入驻华侨总部大楼", "param_overrides": {}, "grade": "", "policy_id": "",
        "policy_version": "",
    }  # fmt: skip
    declared = {row["zh"]: row["value_zh"] for row in before["declared"]}
    assert (
        declared["入驻载体"] == "华侨总部大楼" and declared["租赁面积"] == "1200㎡"
    )  # the facts it rests on

    ops.rename_variant(session, firm.id, "huaqiao", "改名后的方案")
    ops.save_variant(session, firm.id, replace(huaqiao, label="改名后的方案", area_m2=Decimal("3000")))
    ops.delete_variant(session, firm.id, "huaqiao")

    row = store.letters.get(letter_id)
    assert json.loads(row["snapshot_json"]) == before
    assert row["variant"] == "huaqiao" and row["total_fen"] == issued.total_fen
    assert letter_svc.letter_pdf(store, letter_id) == pdf
    assert letter_svc.verify_pdf(pdf, store).register_status == "issued"
