"""Bundles between an outpost and headquarters: merge by id and version, conflicts listed, never overwritten."""

from __future__ import annotations

from pathlib import Path

import pytest

from qt_app.domain.errors import DomainError
from qt_app.services.bundles import export_bundle, import_bundle
from qt_app.services.firms import Store, open_store
from qt_app.store.bundle import conflicts, resolve_conflict
from tests.store.conftest import make_firm, trust


@pytest.fixture
def two(tmp_path: Path) -> tuple[Store, Store]:
    outpost = open_store(tmp_path / "milan", auto_backup=False)
    hq = open_store(tmp_path / "hq", auto_backup=False)
    trust(outpost.folder, hq.folder)
    trust(hq.folder, outpost.folder)
    yield outpost, hq
    outpost.close()
    hq.close()


def _send(a: Store, b: Store, tmp_path: Path, name: str = "b.json"):  # type: ignore[no-untyped-def]
    path = tmp_path / name
    export_bundle(a, path)
    return import_bundle(b, path)


def _notes(store: Store, n: int) -> str:
    return store.get_firm(make_firm(n).id)[0].notes


def test_new_firms_and_contacts_arrive(two: tuple[Store, Store], tmp_path: Path) -> None:
    outpost, hq = two
    outpost.save_firm(make_firm(1, notes="米兰侨商"))
    outpost.add_contact(make_firm(1).id, "2026-03-05", "拜访", "叶海峰", "面谈")
    report = _send(outpost, hq, tmp_path)
    assert report.added == [make_firm(1).id] and report.contacts_added == 1
    assert hq.get_firm(make_firm(1).id)[0] == make_firm(1, notes="米兰侨商")
    assert [c.notes for c in hq.contacts(make_firm(1).id)] == ["面谈"]
    again = _send(outpost, hq, tmp_path)
    assert again.unchanged == [make_firm(1).id] and again.contacts_added == 0


def test_only_one_side_changed_means_that_side_wins(two: tuple[Store, Store], tmp_path: Path) -> None:
    outpost, hq = two
    outpost.save_firm(make_firm(1))
    outpost.save_firm(make_firm(2))
    _send(outpost, hq, tmp_path)
    hq.save_firm(make_firm(1, notes="总部改了"))  # only HQ changed firm 1
    outpost.save_firm(make_firm(2, notes="联络处改了"))  # only the outpost changed firm 2
    report = _send(hq, outpost, tmp_path)
    assert report.updated == [make_firm(1).id] and report.kept_local == [make_firm(2).id]
    assert _notes(outpost, 1) == "总部改了" and _notes(outpost, 2) == "联络处改了"
    back = _send(outpost, hq, tmp_path)
    assert make_firm(2).id in back.updated and _notes(hq, 2) == "联络处改了"
    assert back.conflicts == []


def test_both_sides_changed_is_a_conflict_for_the_user(two: tuple[Store, Store], tmp_path: Path) -> None:
    outpost, hq = two
    outpost.save_firm(make_firm(1))
    _send(outpost, hq, tmp_path)
    hq.save_firm(make_firm(1, notes="总部的版本"))
    outpost.save_firm(make_firm(1, notes="联络处的版本", owner="叶海峰"))
    report = _send(hq, outpost, tmp_path)
    (conflict,) = report.conflicts
    assert conflict.firm_id == make_firm(1).id and set(conflict.changed_fields) == {"notes", "owner"}
    assert "冲突" in report.lines("zh")[0] and "conflict" in report.lines("en")[0]
    assert _notes(outpost, 1) == "联络处的版本"  # not overwritten
    assert [c.firm_id for c in conflicts(outpost)] == [make_firm(1).id]
    resolve_conflict(outpost, make_firm(1).id, "remote", who="叶海峰")
    assert _notes(outpost, 1) == "总部的版本" and conflicts(outpost) == []
    final = _send(outpost, hq, tmp_path)
    assert final.conflicts == [] and _notes(hq, 1) == "总部的版本"


def test_keeping_the_local_version_travels_back_without_a_new_conflict(
    two: tuple[Store, Store], tmp_path: Path
) -> None:
    outpost, hq = two
    outpost.save_firm(make_firm(1))
    _send(outpost, hq, tmp_path)
    hq.save_firm(make_firm(1, notes="总部"))
    outpost.save_firm(make_firm(1, notes="联络处"))
    _send(hq, outpost, tmp_path)
    resolve_conflict(outpost, make_firm(1).id, "local")
    report = _send(outpost, hq, tmp_path)
    assert report.updated == [make_firm(1).id] and _notes(hq, 1) == "联络处"
    with pytest.raises(DomainError):
        resolve_conflict(outpost, make_firm(1).id, "local")


def test_deletions_travel_and_the_same_code_entered_twice_is_rejected(
    two: tuple[Store, Store], tmp_path: Path
) -> None:
    outpost, hq = two
    outpost.save_firm(make_firm(1))
    _send(outpost, hq, tmp_path)
    outpost.delete_firm(make_firm(1).id)
    report = _send(outpost, hq, tmp_path)
    assert report.updated == [make_firm(1).id] and hq.count_firms() == 0 and len(hq.trash()) == 1
    hq.save_firm(make_firm(2).with_changes(id="f-hq-own"))  # same firm typed in separately at HQ
    outpost.save_firm(make_firm(2))
    report = _send(outpost, hq, tmp_path)
    assert [r[0] for r in report.rejected] == [make_firm(2).id] and "已被" in report.rejected[0][1]


def test_a_file_that_is_not_a_bundle_is_refused(two: tuple[Store, Store], tmp_path: Path) -> None:
    _, hq = two
    path = tmp_path / "x.json"
    path.write_text('{"firms": []}', encoding="utf-8")
    with pytest.raises(DomainError) as err:
        import_bundle(hq, path)
    assert "数据包" in err.value.zh
