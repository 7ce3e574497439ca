"""Backups with the SQLite backup API: daily with rotation, on demand, restore with a safety copy."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from qt_app.services.firms import Store, StoreCorrupt, open_store
from qt_app.store import backups
from tests.store.conftest import make_firm


def _fill(store: Store, n: int) -> None:
    for i in range(n):
        store.save_firm(make_firm(i + 1))


def test_a_backup_opens_and_holds_every_firm(folder: Path, store: Store) -> None:
    _fill(store, 25)
    path = store.backup()
    assert path.parent == folder / "backups" and backups.is_good(path)
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM firms").fetchone()[0] == 25
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    copy = open_store(folder / "copy", auto_backup=False)  # restore into a fresh folder: all there
    copy.restore(path)
    assert copy.count_firms() == 25
    assert copy.get_firm(make_firm(7).id)[0] == make_firm(7)
    copy.close()


def test_a_backup_to_a_chosen_file(tmp_path: Path, store: Store) -> None:
    _fill(store, 2)
    target = tmp_path / "U盘" / "备份.sqlite3"
    assert store.backup(to=target) == target and backups.is_good(target)


def test_the_daily_backup_is_taken_once_a_day_when_there_is_data(folder: Path) -> None:
    s = open_store(folder)
    assert s.list_backups() == []  # nothing to protect yet
    _fill(s, 1)
    s.close()
    s = open_store(folder)
    assert [b.kind for b in s.list_backups()] == ["daily"]
    s.close()
    s = open_store(folder)
    assert [b.kind for b in s.list_backups()] == ["daily"]
    s.close()


def test_one_rotation_for_every_kind_of_backup(folder: Path, store: Store) -> None:
    _fill(store, 1)
    start = datetime(2026, 1, 1, 8, tzinfo=UTC)
    for day in range(60):
        backups.write_backup(
            store.conn, backups.new_backup_path(folder, "daily", start + timedelta(days=day))
        )
    last = start + timedelta(days=59)
    manual = [
        backups.write_backup(
            store.conn, backups.new_backup_path(folder, "manual", last + timedelta(minutes=m))
        )
        for m in range(1, 13)
    ]  # a dozen presses of 立即备份 on the last day
    backups.rotate(folder)
    kept = store.list_backups()
    days = sorted({b.taken_at.date() for b in kept}, reverse=True)
    assert days[:7] == [last.date() - timedelta(days=i) for i in range(7)]
    assert len(days) == 11  # 7 days + 4 weeks before them
    assert len({d.isocalendar()[:2] for d in days[7:]}) == 4
    assert [b.path for b in kept if b.kind == "manual"] == manual[::-1][: backups.KEEP_PER_KIND]
    assert len([b for b in kept if b.kind == "daily"]) == 11  # 7 days and 4 weeks, still all there


def test_manual_backups_rotate_too(folder: Path, store: Store) -> None:
    _fill(store, 1)
    made = [store.backup() for _ in range(backups.KEEP_PER_KIND + 4)]
    kept = [b.path for b in store.list_backups()]
    assert kept == made[::-1][: backups.KEEP_PER_KIND]


def test_restore_takes_a_safety_copy_first(folder: Path, store: Store) -> None:
    _fill(store, 3)
    backup = store.backup()
    store.save_firm(make_firm(99))
    store.delete_firm(make_firm(1).id)
    safety = store.restore(backup, who="王")
    assert store.count_firms() == 3 and store.trash() == []
    conn = sqlite3.connect(safety)
    assert conn.execute("SELECT count(*) FROM firms").fetchone()[0] == 4  # the state before restoring
    conn.close()
    assert store.audit_log("database")[-1]["action"] == "restore"


def test_restoring_a_damaged_file_is_refused(tmp_path: Path, store: Store) -> None:
    _fill(store, 2)
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"not a database at all")
    with pytest.raises(StoreCorrupt):
        store.restore(bad)
    assert store.count_firms() == 2


def test_a_half_written_backup_never_counts(folder: Path, store: Store) -> None:
    _fill(store, 1)
    (folder / "backups").mkdir(exist_ok=True)
    part = backups.new_backup_path(folder, "daily")
    part.with_name(part.name + ".part").write_bytes(b"SQLite format 3\x00partial")
    assert store.list_backups() == [] and backups.newest_good(folder) is None


def test_the_newest_good_backup_skips_damaged_ones(folder: Path, store: Store) -> None:
    _fill(store, 1)
    older = store.backup()
    newer = store.backup()
    newer.write_bytes(newer.read_bytes()[:5000])
    assert backups.newest_good(folder) == older
