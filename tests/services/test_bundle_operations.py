"""Bundle operations for the window: the office role saved with the office settings, an import that says which
firms' letters and ledgers changed, and a conflict settled by keeping one side."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from qt_app.domain.errors import DomainError
from qt_app.domain.policy_loader import default_policy
from qt_app.services import ledger as L
from qt_app.services.bundles import export_bundle
from qt_app.services.operations import OpChanges, office
from qt_app.services.operations import bundles as bundle_ops
from qt_app.services.session import Session
from qt_app.store.store import open_store_at
from tests.store.conftest import make_firm, pin_hq, trust
from tests.store.ledger_fixtures import actuals_file, evidence, issue_letter, landed_firm


@pytest.fixture
def sessions(tmp_path: Path) -> Iterator[tuple[Session, Session]]:
    hq = Session(store=open_store_at(tmp_path / "hq", auto_backup=False), policies=[default_policy()])
    milan = Session(store=open_store_at(tmp_path / "milan", auto_backup=False), policies=[default_policy()])
    pin_hq(milan.store, hq.store.folder)
    trust(milan.store.folder, hq.store.folder)
    yield hq, milan
    hq.close()
    milan.close()


def test_the_office_role_is_an_office_setting_checked_and_undone(sessions: tuple[Session, Session]) -> None:
    _hq, milan = sessions
    assert milan.store.get_setting("office_role") == "hq"  # a single installation does everything
    result = office.save_office_settings(milan, {"office_role": " Outpost "}, "叶海峰")
    assert result.value and result.changes.settings and milan.store.get_setting("office_role") == "outpost"
    with pytest.raises(DomainError, match="hq（总部）或 outpost") as refused:
        office.save_office_settings(milan, {"office_role": "分部"})
    assert "headquarters" in refused.value.en and milan.store.get_setting("office_role") == "outpost"
    assert result.undo is not None
    result.undo.undo()
    assert milan.store.get_setting("office_role") == "hq"


def test_an_import_says_whose_letters_and_ledgers_changed_and_a_conflict_is_settled(
    sessions: tuple[Session, Session], tmp_path: Path
) -> None:
    hq, milan = sessions
    office.save_office_settings(milan, {"office_role": "outpost"})
    firm = landed_firm(1, grade="C")
    issue_letter(hq.store, firm)
    export_bundle(hq.store, tmp_path / "hq.json")
    first = bundle_ops.import_bundle(milan, tmp_path / "hq.json", "叶海峰")
    assert first.changes.letters == {firm.id} and firm.id in first.changes.firms and first.changes.firm_list
    assert first.undo is None and first.value.letters_added

    years = {"2026": {"revenue": {"amount": "1.2亿", "evidence": evidence()}}}
    L.record_actuals_file(milan.store, actuals_file(tmp_path / "m", firm, years))
    L.open_claim(milan.store, L.OpenClaim(firm.id, "revenue", 2026, date(2027, 4, 1)))
    hq.store.save_firm(make_firm(2, notes="总部"))
    export_bundle(hq.store, tmp_path / "hq2.json")
    bundle_ops.import_bundle(milan, tmp_path / "hq2.json")
    milan.store.save_firm(make_firm(2, notes="米兰"))
    hq.store.save_firm(make_firm(2, notes="总部改过"))
    export_bundle(milan.store, tmp_path / "milan.json")
    back = bundle_ops.import_bundle(hq, tmp_path / "milan.json")
    assert back.changes.ledger == {firm.id} and back.changes.letters == frozenset()
    assert [c.firm_id for c in back.value.conflicts] == [make_firm(2).id]

    settled = bundle_ops.resolve_bundle_conflict(hq, make_firm(2).id, "remote", who="李主任")
    assert settled.changes == OpChanges(firms=frozenset({make_firm(2).id}), firm_list=True)
    assert (
        "已保留对方的版本" in settled.value.summary()
        and hq.store.get_firm(make_firm(2).id)[0].notes == "米兰"
    )
    with pytest.raises(DomainError, match="没有待处理的企业档案冲突"):
        bundle_ops.resolve_bundle_conflict(hq, make_firm(2).id, "remote")
