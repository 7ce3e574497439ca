"""Every old schema version upgrades to the current one, with a backup taken first and nothing lost."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from qt_app.domain.firm_io import firm_to_dict
from qt_app.services.firms import StoreError, open_store
from qt_app.store.db import DB_NAME
from qt_app.store.migrations import SCHEMA_VERSION, migrate, schema_version
from qt_app.store.search_text import pinyin_text
from tests.store.conftest import make_firm


def _old_database(folder: Path, version: int) -> None:
    """A file as version `version` of the app left it, with one firm (and one letter from v2 on)."""
    folder.mkdir(parents=True)
    conn = sqlite3.connect(folder / DB_NAME, isolation_level=None)
    db = Database(conn, execute_plugins=False)
    migrate(db, target=version)
    if version >= 1:
        firm = make_firm(1, "青田星河数字科技有限公司", contact="张伟")
        data = json.dumps(firm_to_dict(firm), ensure_ascii=False)
        db.execute(
            "INSERT INTO firms(id, name, uscc, contact, data_json, created_at, modified_at) VALUES (?,?,?,?,?,?,?)",
            [
                firm.id,
                firm.name,
                firm.uscc,
                firm.contact,
                data,
                "2026-01-01T00:00:00Z",
                "2026-01-01T00:00:00Z",
            ],
        )
        db.execute("INSERT INTO settings(key, value) VALUES ('doc_prefix', '青投')")
        if version >= 3:  # that version kept its own search entries
            py = pinyin_text(firm.name, firm.contact)
            db.execute("UPDATE firms SET search_pinyin = ?, name_sort = ?", [py, firm.name])
            db.execute(
                "INSERT INTO firms_fts(rowid, name, uscc, contact, notes, pinyin) SELECT rid, name, uscc, contact, "
                "notes, search_pinyin FROM firms"
            )
    if version >= 2:
        db.execute(
            "INSERT INTO letters(id, firm_id, status, doc_number, year, seq, created_at, status_changed_at) "
            "VALUES ('l-1', ?, 'issued', '青投〔2026〕1号', 2026, 1, '2026-01-02', '2026-01-02')",
            [make_firm(1).id],
        )
        db.execute("INSERT INTO doc_counters VALUES ('青投', 2026, 1)")
    conn.close()


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION))
def test_each_old_version_upgrades_with_a_backup_first(tmp_path: Path, version: int) -> None:
    folder = tmp_path / f"v{version}"
    _old_database(folder, version)
    store = open_store(folder)
    assert schema_version(store.db) == SCHEMA_VERSION
    firm, _ = store.get_firm(make_firm(1).id)
    assert firm.name == "青田星河数字科技有限公司"
    assert [r.id for r in store.list_firms("qtxh")] == [firm.id]  # search index built for old rows
    assert [r.id for r in store.list_firms("星河数字")] == [firm.id]
    assert store.get_setting("doc_prefix") == "青投"
    kinds = [b.kind for b in store.list_backups()]
    assert f"pre-migration-v{version}" in kinds
    backup = next(b.path for b in store.list_backups() if b.kind == f"pre-migration-v{version}")
    old = sqlite3.connect(backup)
    assert old.execute("PRAGMA user_version").fetchone()[0] == version  # the backup is the old file
    old.close()
    if version >= 2:
        letter = store.letters.get("l-1")
        assert letter is not None and letter["doc_number"] == "青投〔2026〕1号"
    store.save_firm(firm.with_changes(notes="升级后修改"))
    assert store.get_firm(firm.id)[0].notes == "升级后修改"
    store.close()


def test_a_new_file_gets_the_current_schema_without_a_backup(tmp_path: Path) -> None:
    store = open_store(tmp_path / "new")
    assert schema_version(store.db) == SCHEMA_VERSION
    assert store.list_backups() == []
    store.close()


def test_a_file_from_a_newer_app_is_refused_untouched(tmp_path: Path) -> None:
    folder = tmp_path / "newer"
    _old_database(folder, SCHEMA_VERSION)
    conn = sqlite3.connect(folder / DB_NAME)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError) as err:
        open_store(folder)
    assert "更新版本" in err.value.zh and "newer version" in err.value.en


def test_a_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "foreign"
    folder.mkdir()
    conn = sqlite3.connect(folder / DB_NAME)
    conn.execute("CREATE TABLE photos(id INTEGER)")
    conn.close()
    with pytest.raises(StoreError) as err:
        open_store(folder)
    assert "不是本程序的数据库" in err.value.zh
    conn = sqlite3.connect(folder / DB_NAME)
    assert conn.execute("SELECT name FROM sqlite_master").fetchall() == [("photos",)]
    conn.close()


def test_actuals_kept_before_outposts_merge_from_their_current_version(tmp_path: Path) -> None:
    from qt_app.store.ledger_repo import actuals_hash, actuals_versions

    folder = tmp_path / "v8"
    _old_database(folder, 8)
    conn = sqlite3.connect(folder / DB_NAME)
    conn.execute(
        "INSERT INTO ledger_actuals(firm_id, year, letter_id, data_json, source, recorded_at, recorded_by) "
        "VALUES (?, 2026, 'l-1', '{\"note\": \"x\"}', 'form', '2027-01-01T00:00:00Z', '赵会计')",
        [make_firm(1).id],
    )
    conn.commit()
    conn.close()
    with open_store(folder) as store:
        assert schema_version(store.db) == SCHEMA_VERSION
        versions = actuals_versions(store.db, make_firm(1).id, 2026)
        assert versions == [actuals_hash("l-1", '{"note": "x"}')]  # its one version: what a bundle compares
        assert store.ledger_conflicts() == [] and store.letters.copy_of("l-1") is None
        assert store.get_setting("office_role") == "hq"  # an upgraded office keeps doing everything
