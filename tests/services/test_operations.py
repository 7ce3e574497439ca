"""Operations: each change of data writes through the store, says what it changed, and undoes and redoes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from qt_app.domain.firm import Stage
from qt_app.domain.policy_loader import default_policy
from qt_app.domain.variants import Variant
from qt_app.services.offers import offer_variant
from qt_app.services.operations import OpChanges, office, policies
from qt_app.services.operations import firms as firm_ops
from qt_app.services.session import Session
from qt_app.store.store import open_store_at
from tests.store.conftest import make_firm


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    s = Session(store=open_store_at(tmp_path / "desk", auto_backup=False), policies=[default_policy()])
    yield s
    s.close()


def test_notices_combine_and_answer_what_a_panel_asks() -> None:
    a = OpChanges(firms=frozenset({"f-1"}))
    b = OpChanges(offers=frozenset({"f-2"}), settings=True)
    both = a | b
    assert both.firms == {"f-1"} and both.offers == {"f-2"} and both.settings
    assert both.package_of("f-1") and both.package_of("f-2") and not both.package_of("f-3")
    assert OpChanges(policy=True).package_of("anyone") and OpChanges(everything=True).firm("anyone")
    assert a.list_changed and not OpChanges(settings=True).list_changed


def test_saving_a_new_firm_undoes_to_the_trash_and_redoes(session: Session) -> None:
    firm = make_firm(1)
    result = firm_ops.save_firm(session, firm, (), "王晓")
    assert result.changes.firms == {firm.id} and result.changes.firm_list
    assert session.store.count_firms() == 1
    assert session.store.package_totals()  # the list's total is cached with the save
    assert result.undo is not None and "保存" in result.undo.label("zh") and "Save" in result.undo.label("en")
    assert result.undo.undo() == result.changes
    assert session.store.count_firms() == 0 and [r.id for r in session.store.trash()] == [firm.id]
    result.undo.redo()
    assert session.store.count_firms() == 1


def test_saving_an_edit_undoes_to_the_version_before(session: Session) -> None:
    firm = make_firm(1)
    firm_ops.save_firm(session, firm, ())
    renamed = firm.with_changes(name="青田改名科技有限公司")
    result = firm_ops.save_firm(session, renamed, ())
    assert result.undo is not None
    result.undo.undo()
    assert session.store.get_firm(firm.id)[0].name == firm.name
    result.undo.redo()
    assert session.store.get_firm(firm.id)[0].name == "青田改名科技有限公司"


def test_delete_restore_and_stage_each_undo(session: Session) -> None:
    firm = make_firm(1)
    firm_ops.save_firm(session, firm, ())
    deleted = firm_ops.delete_firm(session, firm.id)
    assert session.store.count_firms() == 0 and deleted.undo is not None
    deleted.undo.undo()
    assert session.store.count_firms() == 1
    staged = firm_ops.set_stage(session, firm.id, Stage.SIGNED)
    assert session.store.get_firm(firm.id)[0].stage is Stage.SIGNED and staged.changes.firms == {firm.id}
    assert staged.undo is not None
    staged.undo.undo()
    assert session.store.get_firm(firm.id)[0].stage is Stage.LEAD
    firm_ops.delete_firm(session, firm.id)
    restored = firm_ops.restore_firm(session, firm.id)
    assert session.store.count_firms() == 1 and restored.undo is not None
    restored.undo.undo()
    assert session.store.count_firms() == 0


def test_office_settings_and_the_offer_variant_undo(session: Session) -> None:
    firm = make_firm(1)
    firm_ops.save_firm(session, firm, ())
    result = office.save_office_settings(session, {"doc_prefix": "青招函", "signer": "王晓"})
    assert result.value and result.changes.settings and session.store.get_setting("doc_prefix") == "青招函"
    unchanged = office.save_office_settings(session, {"doc_prefix": "青招函"})
    assert unchanged.value is False and unchanged.changes == OpChanges() and unchanged.undo is None
    assert result.undo is not None
    result.undo.undo()
    assert session.store.get_setting("doc_prefix") != "青招函"
    chosen = office.choose_offer_variant(
        session, firm.id, Variant("conservative", "保守方案", revenue_factor=None)
    )
    assert chosen.changes.offers == {firm.id} and offer_variant(session.store, firm.id) is not None
    assert chosen.undo is not None
    chosen.undo.undo()
    assert offer_variant(session.store, firm.id) is None


def test_a_new_default_policy_is_a_notice_and_undoes(session: Session, tmp_path: Path) -> None:
    text = Path(session.policy.path).read_text(encoding="utf-8")
    newer = tmp_path / "newer.yaml"
    newer.write_text(
        text.replace("id: qingtian-metaverse-2023", "id: qingtian-metaverse-2025", 1).replace(
            'version: "2023.1"', 'version: "2025.1"', 1
        ),
        encoding="utf-8",
    )
    loaded = policies.load_policy_file(session, newer)
    assert loaded.changes.policy and loaded.value.version == "2025.1"
    made = policies.set_default_policy(session, loaded.value.id)
    assert session.policy.version == "2025.1" and made.undo is not None
    made.undo.undo()
    assert session.policy.version == "2023.1"


def test_the_cli_import_and_the_dialog_share_one_operation(session: Session, tmp_path: Path) -> None:
    import json

    from qt_app.services.firms import import_firms

    rows = [{"name": "青田导入一号科技有限公司", "uscc": make_firm(7).uscc}]
    path = tmp_path / "firms.json"
    path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    report = firm_ops.plan_import(session, path)
    result = firm_ops.import_firms(session, report, "王晓")
    assert result.changes.firm_list and len(result.changes.firms) == 1 and result.undo is None
    rows[0]["name"] = "青田导入一号科技股份有限公司"
    path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    again = import_firms(session.store, path)  # what `python -m qt_app firms import` runs
    assert again.updated == 1 and session.store.count_firms("股份") == 1
