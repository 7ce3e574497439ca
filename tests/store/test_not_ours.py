"""Never write to what is not ours: a foreign file stays byte-identical; a damaged one is read, not written,
copied or sent, and the newest good backup is offered and put back."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from qt_app.cli import main
from qt_app.services.bundles import export_bundle
from qt_app.services.firms import (
    StoreCorrupt,
    StoreError,
    check_data_file,
    open_store,
    restore_newest_good,
)
from qt_app.store.db import DB_NAME
from qt_app.store.migrations import APPLICATION_ID, SCHEMA_VERSION
from tests.store.conftest import make_firm


def _sha(folder: Path) -> dict[str, str]:
    """Every file of the database (the file, its log and index, if any) by name and sha256."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.glob(f"{DB_NAME}*"))
        if p.is_file()
    }


def _foreign(folder: Path, application_id: int = 0) -> None:
    folder.mkdir(parents=True)
    conn = sqlite3.connect(folder / DB_NAME)
    conn.execute("CREATE TABLE photos(id INTEGER PRIMARY KEY, caption TEXT)")
    conn.execute("INSERT INTO photos(caption) VALUES ('青田石雕')")
    if application_id:
        conn.execute(f"PRAGMA application_id = {application_id}")
    conn.commit()
    conn.close()


@pytest.mark.parametrize("application_id", [0, 0x47504B47])  # no stamp, and another program's stamp
def test_a_foreign_sqlite_file_stays_byte_identical(tmp_path: Path, application_id: int) -> None:
    folder = tmp_path / "foreign"
    _foreign(folder, application_id)
    before = _sha(folder)
    for attempt in ({}, {"read_only": True}, {"require_write": True}):
        with pytest.raises(StoreCorrupt) as err:
            open_store(folder, **attempt)  # type: ignore[arg-type]
        assert "不是本程序的数据库" in err.value.zh and "not an Offer Desk database" in err.value.en
        assert "未被改动" in err.value.zh
    assert _sha(folder) == before  # not even switched to WAL: the journal mode byte is as it was
    assert (folder / DB_NAME).read_bytes()[18:20] == b"\x01\x01"


def test_our_file_carries_the_application_id(tmp_path: Path) -> None:
    open_store(tmp_path / "new").close()
    head = (tmp_path / "new" / DB_NAME).read_bytes()[:100]
    assert int.from_bytes(head[68:72], "big") == APPLICATION_ID
    assert int.from_bytes(head[60:64], "big") == SCHEMA_VERSION


def _damage(path: Path, kind: str) -> None:
    """Damage the quick check cannot see: an index out of step with its table, or text that is not UTF-8."""
    conn = sqlite3.connect(path)
    if kind == "index":
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute(
            "UPDATE sqlite_master SET sql = 'CREATE INDEX firms_uscc ON firms(name)' WHERE name = 'firms_uscc'"
        )
    else:
        conn.execute("UPDATE firms SET notes = CAST(x'e99d92ff' AS TEXT) WHERE id = ?", [make_firm(2).id])
    conn.commit()
    conn.close()


@pytest.fixture
def damaged(tmp_path: Path, request: pytest.FixtureRequest) -> tuple[Path, Path]:
    folder = tmp_path / "desk"
    store = open_store(folder)
    for n in (1, 2, 3):
        store.save_firm(make_firm(n))
    good = store.backup()
    store.close()
    _damage(folder / DB_NAME, request.param)
    return folder, good


@pytest.mark.parametrize("damaged", ["index", "utf8"], indirect=True)
def test_a_damaged_file_opens_read_only_and_is_not_written_copied_or_sent(
    damaged: tuple[Path, Path], tmp_path: Path
) -> None:
    folder, good = damaged
    before = _sha(folder)[DB_NAME]
    backups_before = sorted((folder / "backups").iterdir())
    store = open_store(folder)
    try:
        assert store.read_only and store.damaged
        assert store.notice is not None and "已损坏" in store.notice[0] and str(good) in store.notice[0]
        assert "检查数据文件" in store.notice[0] and "Check data file" in store.notice[1]
        with pytest.raises(StoreError):
            store.save_firm(make_firm(4))
        with pytest.raises(StoreCorrupt) as err:
            store.backup()
        assert err.value.backup == good and "备份" in err.value.zh
        with pytest.raises(StoreCorrupt):
            export_bundle(store, tmp_path / "out.bundle.json")
        assert not (tmp_path / "out.bundle.json").exists()
        report = check_data_file(store)
        assert not report.ok and report.backup == good and "已损坏" in report.summary("zh")
    finally:
        store.close()
    with pytest.raises(StoreCorrupt):
        open_store(folder, require_write=True)  # the CLI's writers are refused, naming the backup
    assert _sha(folder)[DB_NAME] == before  # (reading a WAL file leaves an empty log and index beside it)
    assert sorted((folder / "backups").iterdir()) == backups_before


@pytest.mark.parametrize("damaged", ["index"], indirect=True)
def test_the_newest_good_backup_is_put_back_and_the_damaged_file_kept(damaged: tuple[Path, Path]) -> None:
    folder, _good = damaged
    damaged_bytes = (folder / DB_NAME).read_bytes()
    store = open_store(folder)
    aside = restore_newest_good(store, who="王建国")
    assert aside is not None and aside.read_bytes() == damaged_bytes
    assert not store.read_only and not store.damaged and store.notice is None
    assert store.count_firms() == 3 and check_data_file(store).ok
    store.save_firm(make_firm(4))  # writable again
    assert store.audit_log("database")[-1]["action"] == "restore"
    store.close()


@pytest.mark.parametrize("damaged", ["utf8"], indirect=True)
def test_the_check_command_reports_damage_and_the_backup(
    damaged: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    folder, good = damaged
    assert main(["check", "--data-dir", str(folder)]) == 1
    out, err = capsys.readouterr()
    assert "UTF-8" in err and "已损坏" in out and f"python -m qt_app restore {good}" in out
    assert main(["restore", str(good), "--data-dir", str(folder)]) == 0
    assert main(["check", "--data-dir", str(folder)]) == 0
    assert "通过完整性检查" in capsys.readouterr().out


def test_a_healthy_file_passes_the_check(tmp_path: Path) -> None:
    store = open_store(tmp_path / "d")
    store.save_firm(make_firm(1))
    report = check_data_file(store)
    assert (
        report.ok
        and not store.read_only
        and "通过" in report.summary("zh")
        and "passed" in report.summary("en")
    )
    store.close()
