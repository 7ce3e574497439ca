"""总部密钥 saved with the office settings, as 设置 saves it: one of the imported keys or none, a change notice
and an undo; a key that is not imported (or is this office's own) is a field problem, and nothing is saved."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from qt_app.domain.errors import ValidationError
from qt_app.domain.policy_loader import default_policy
from qt_app.reports.signing import KeyRing
from qt_app.services.offices import hq_key_choices
from qt_app.services.operations import office
from qt_app.services.session import Session
from qt_app.store.store import open_store_at
from tests.store.conftest import trust


@pytest.fixture
def milan(tmp_path: Path) -> Iterator[Session]:
    session = Session(store=open_store_at(tmp_path / "milan", auto_backup=False), policies=[default_policy()])
    office.save_office_settings(session, {"office_role": "outpost"}, "叶海峰")
    yield session
    session.close()


def test_the_key_chosen_is_saved_with_a_notice_and_undone(milan: Session, tmp_path: Path) -> None:
    fp = trust(tmp_path / "hq", milan.store.folder)
    KeyRing(milan.store.folder).import_key(KeyRing(tmp_path / "paris").public_key_path(), "巴黎联络处")
    assert [label for _fp, label in hq_key_choices(milan.store.folder)] == ["office", "巴黎联络处"]

    result = office.save_office_settings(milan, {"office_role": "outpost", "office_hq_key": fp}, "叶海峰")
    assert result.value and result.changes.settings and milan.store.get_setting("office_hq_key") == fp
    assert result.undo is not None
    result.undo.undo()
    assert milan.store.get_setting("office_hq_key") == ""
    result.undo.redo()
    assert milan.store.get_setting("office_hq_key") == fp


def test_a_key_not_imported_is_a_problem_of_that_field_and_nothing_is_saved(
    milan: Session, tmp_path: Path
) -> None:
    fp = trust(tmp_path / "hq", milan.store.folder)
    office.save_office_settings(milan, {"office_hq_key": fp})
    own = KeyRing(milan.store.folder).fingerprint()
    stranger = KeyRing(tmp_path / "rome").fingerprint()
    for value, zh in ((own, "本机自己的密钥"), (stranger, "尚未导入指纹为"), ("总部", "不是公钥指纹")):
        with pytest.raises(ValidationError) as refused:
            office.save_office_settings(
                milan, {"issuing_office": "青田县驻米兰办事处", "office_hq_key": value}
            )
        (problem,) = refused.value.problems
        assert problem.path == "office_hq_key" and zh in problem.zh
        assert milan.store.get_setting("office_hq_key") == fp
        assert milan.store.get_setting("issuing_office") == "青田县投资促进中心"  # nothing saved


def test_a_pin_whose_key_file_was_removed_does_not_block_the_other_settings(
    milan: Session, tmp_path: Path
) -> None:
    fp = trust(tmp_path / "hq", milan.store.folder)
    office.save_office_settings(milan, {"office_hq_key": fp})
    for pem in (milan.store.folder / "keys" / "trusted").glob("*.pem"):
        pem.unlink()
    result = office.save_office_settings(milan, {"signer": "王主任", "office_hq_key": fp})
    assert result.value and milan.store.get_setting("signer") == "王主任"
    assert milan.store.get_setting("office_hq_key") == fp
