"""The database file: opening, saving, trash, a second copy of the app, damaged files, full disk, busy."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from qt_app.domain.errors import DomainError, ValidationError
from qt_app.domain.firm import Stage
from qt_app.services.firms import Store, StoreBusy, StoreCorrupt, StoreError, StoreFull, open_store
from qt_app.store.db import DB_NAME
from tests.store.conftest import code_for, make_firm


def test_a_saved_firm_is_there_after_reopening(folder: Path, store: Store) -> None:
    firm = make_firm(1, "青田星河数字科技有限公司", contact="张伟 13800000000", domains=("人工智能", "VR"))
    store.save_firm(firm, who="王科长")
    store.close()
    again = open_store(folder)
    loaded, variants = again.get_firm(firm.id)
    assert loaded == firm and variants == ()
    assert again.path == folder / DB_NAME
    log = again.audit_log("firms", firm.id)
    assert [e["action"] for e in log] == ["create"] and log[0]["who"] == "王科长"
    again.close()


def test_the_file_uses_wal_and_foreign_keys(store: Store) -> None:
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.db.execute("PRAGMA busy_timeout").fetchone()[0] > 0


def test_a_second_code_for_the_same_credit_code_is_refused(store: Store) -> None:
    store.save_firm(make_firm(1))
    twin = make_firm(1).with_changes(id="f-other", name="另一家公司")
    with pytest.raises(ValidationError) as err:
        store.save_firm(twin)
    assert "已被" in err.value.zh and "already used" in err.value.en
    assert store.count_firms() == 1


def test_deleting_goes_to_the_trash_and_keeps_issued_letters(store: Store) -> None:
    firm = make_firm(2)
    store.save_firm(firm)
    letter = store.letters.create_draft(
        {"firm_id": firm.id, "firm_name": firm.name, "total_fen": 150_000_000}
    )
    store.letters.set_status(letter, "submitted", "a")
    store.letters.set_status(letter, "approved", "b")
    store.letters.issue(letter, "青招", 2026, lambda n: {"content_hash": "abc"})
    store.delete_firm(firm.id, who="a")
    assert store.list_firms() == [] and [r.id for r in store.trash()] == [firm.id]
    kept = store.letters.get(letter)
    assert kept is not None and kept["status"] == "issued" and kept["doc_number"] == "青招〔2026〕1号"
    store.restore_firm(firm.id)
    assert [r.id for r in store.list_firms()] == [firm.id] and store.trash() == []


def test_stage_changes_are_saved_and_termination_needs_a_reason(store: Store) -> None:
    store.save_firm(make_firm(3))
    store.set_stage("f-test00000003", Stage.NEGOTIATING, who="a")
    assert store.get_firm("f-test00000003")[0].stage is Stage.NEGOTIATING
    with pytest.raises(DomainError):
        store.set_stage("f-test00000003", Stage.TERMINATED, "", who="a")
    store.set_stage("f-test00000003", Stage.TERMINATED, "选址在外地", who="a")
    firm = store.get_firm("f-test00000003")[0]
    assert firm.stage is Stage.TERMINATED and firm.stage_reason == "选址在外地"


def test_contact_log_and_settings(store: Store) -> None:
    store.save_firm(make_firm(4))
    store.add_contact("f-test00000004", "2026-03-05", "拜访", "李主任", "谈了租金", "下周发政策")
    store.add_contact("f-test00000004", "2026-04-01", "电话", "李主任")
    dates = [c.date for c in store.contacts("f-test00000004")]
    assert dates == ["2026-04-01", "2026-03-05"]
    with pytest.raises(DomainError):
        store.add_contact("f-nobody", "2026-04-01", "电话", "李主任")
    assert store.get_setting("issuing_office") == "青田县投资促进中心"
    assert store.get_setting("doc_prefix") == "青招"
    store.set_setting("doc_prefix", "青投促")
    assert store.get_setting("doc_prefix") == "青投促"


def test_package_totals_show_in_the_list_until_the_firm_changes(store: Store) -> None:
    firm = make_firm(5)
    store.save_firm(firm)
    store.put_package_total(firm.id, "base", "hash1", 123_456_00, {2026: 100_00})
    assert store.list_firms()[0].package_total_fen == 123_456_00
    store.save_firm(firm.with_changes(notes="改了计划"))
    assert store.list_firms()[0].package_total_fen is None


def test_a_second_copy_of_the_app_opens_read_only_and_says_so(folder: Path, store: Store) -> None:
    store.save_firm(make_firm(6))
    second = open_store(folder)
    assert second.read_only and second.notice is not None
    assert "只读" in second.notice[0] and "read-only" in second.notice[1]
    assert second.count_firms() == 1
    with pytest.raises(StoreError) as err:
        second.save_firm(make_firm(7))
    assert "无法保存" in err.value.zh
    second.close()
    with pytest.raises(StoreError) as err2:
        open_store(folder, require_write=True)
    assert "另一个" in err2.value.zh and "another Offer Desk window" in err2.value.en


def test_the_lock_is_released_on_close(folder: Path, store: Store) -> None:
    store.close()
    again = open_store(folder)
    assert not again.read_only
    again.close()


def _with_backup(folder: Path) -> Path:
    s = open_store(folder)
    s.save_firm(make_firm(8))
    backup = s.backup()
    s.close()
    return backup


def test_a_file_that_is_not_a_database_is_refused_and_left_untouched(folder: Path) -> None:
    backup = _with_backup(folder)
    path = folder / DB_NAME
    for name in (DB_NAME + "-wal", DB_NAME + "-shm"):
        (folder / name).unlink(missing_ok=True)
    path.write_bytes(b"PK\x03\x04 this is a spreadsheet, not a database" * 100)
    before = path.read_bytes()
    with pytest.raises(StoreCorrupt) as err:
        open_store(folder)
    assert str(path) in err.value.zh and str(backup) in err.value.zh and str(backup) in err.value.en
    assert err.value.backup == backup
    assert path.read_bytes() == before


def test_a_truncated_file_is_refused_and_the_backup_offered(folder: Path) -> None:
    backup = _with_backup(folder)
    path = folder / DB_NAME
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2 + 100])
    before = path.read_bytes()
    with pytest.raises(StoreCorrupt) as err:
        open_store(folder)
    assert err.value.backup == backup and "截断" in err.value.zh
    assert path.read_bytes() == before


def test_a_damaged_page_fails_the_quick_check(folder: Path) -> None:
    backup = _with_backup(folder)
    path = folder / DB_NAME
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for i in range(page, len(data), 7):  # scribble over everything after the first page
        data[i] = 0xA5
    path.write_bytes(bytes(data))
    before = path.read_bytes()
    with pytest.raises(StoreCorrupt) as err:
        open_store(folder)
    assert err.value.backup == backup
    assert path.read_bytes() == before


def test_an_empty_file_where_data_was_is_not_silently_reused(folder: Path) -> None:
    _with_backup(folder)
    (folder / DB_NAME).write_bytes(b"")
    with pytest.raises(StoreCorrupt):
        open_store(folder)


def test_a_full_disk_rolls_back_the_save_and_keeps_what_was_there(store: Store) -> None:
    store.save_firm(make_firm(9))
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages + 1}")
    huge = make_firm(10, notes="很长的备注" * 4_000)  # 20,000 characters: the longest notes allowed
    with pytest.raises(StoreFull) as err:
        store.save_firm(huge)
    assert "磁盘空间已满" in err.value.zh and "disk is full" in err.value.en
    assert [r.id for r in store.list_firms()] == ["f-test00000009"]
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_file_locked_by_another_program_gives_a_busy_message(folder: Path) -> None:
    s = open_store(folder, auto_backup=False)
    s.db.execute("PRAGMA busy_timeout = 50")
    other = sqlite3.connect(folder / DB_NAME, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreBusy) as err:
            s.save_firm(make_firm(11))
        assert "占用" in err.value.zh and "busy" in err.value.en
    finally:
        other.execute("ROLLBACK")
        other.close()
    s.save_firm(make_firm(11))
    assert s.count_firms() == 1
    s.close()


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_read_only_folder_opens_read_only_or_refuses_clearly() -> None:
    import shutil
    import subprocess
    import sys
    import tempfile
    import textwrap

    top = Path(tempfile.mkdtemp(prefix="offer-desk-ro-"))  # outside pytest's private (0700) folder
    folder = top / "ro"
    s = open_store(folder)
    s.save_firm(make_firm(12))
    s.close()
    os.chmod(folder, 0o555)
    script = textwrap.dedent(
        f"""
        import os, sys
        from qt_app.services.firms import open_store, StoreError
        from qt_app.store import search_text
        search_text.pinyin_text("青田")  # load the pinyin tables while still allowed to read them
        if os.geteuid() == 0:
            os.setgid(65534); os.setuid(65534)  # root ignores permissions; test as nobody
        s = open_store({str(folder)!r})
        print(s.read_only, s.count_firms())
        print(s.notice[0] if s.notice else "")
        try:
            s.save_firm(s.get_firm("f-test00000012")[0].with_changes(notes="x"))
        except StoreError as e:
            print("refused", e.zh)
        """
    )
    try:
        os.chmod(top, 0o755)
        os.chmod(folder / DB_NAME, 0o644)
        out = subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            cwd=Path(__file__).parents[2],
            timeout=60,
        )
    finally:
        os.chmod(folder, 0o755)
        shutil.rmtree(top, ignore_errors=True)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0] == "True 1"
    assert "只读" in lines[1]
    assert lines[2].startswith("refused") and "无法保存" in lines[2]


def test_a_big_file_is_checked_beside_the_first_page_and_writes_wait_for_it(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from qt_app.store import admission

    backup = _with_backup(folder)
    monkeypatch.setattr(admission, "BACKGROUND_CHECK_BYTES", 0)  # every file counts as big
    healthy = open_store(folder, auto_backup=False)
    assert healthy.integrity_ok() is True
    healthy.save_firm(make_firm(20))
    healthy.close()
    path = folder / DB_NAME
    data = bytearray(path.read_bytes())
    for i in range(len(data) - len(data) // 4, len(data), 5):  # damage the last pages, not the schema
        data[i] = 0x5A
    path.write_bytes(bytes(data))
    before = path.read_bytes()
    try:
        store = open_store(folder, auto_backup=False)
    except StoreCorrupt:
        pytest.skip("the damage showed while reading the schema: refused at once (also correct)")
    with pytest.raises(StoreCorrupt) as err:
        store.save_firm(make_firm(21))
    assert err.value.backup == backup and store.read_only and store.integrity_ok() is False
    store.close()
    assert path.read_bytes() == before


def test_a_worker_thread_import_and_a_save_do_not_mix_transactions(store: Store) -> None:
    import contextlib
    import threading

    from qt_app.store import audit, firms_repo
    from qt_app.store.db import transaction

    started, release = threading.Event(), threading.Event()

    def long_import() -> None:
        with contextlib.suppress(RuntimeError), transaction(store.db, store.path):
            firms_repo.write(store.db, firms_repo.validate(make_firm(30), ()), who="w", now=audit.utc_now())
            started.set()
            release.wait(5)
            raise RuntimeError("import cancelled")  # rolled back: the other thread's save must survive

    worker = threading.Thread(target=long_import)
    worker.start()
    started.wait(5)
    saver = threading.Thread(target=lambda: store.save_firm(make_firm(31)))
    saver.start()
    release.set()
    worker.join(5)
    saver.join(5)
    assert [r.id for r in store.list_firms()] == [make_firm(31).id]


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_an_unreadable_file_is_reported_not_replaced() -> None:
    import shutil
    import subprocess
    import sys
    import tempfile
    import textwrap

    top = Path(tempfile.mkdtemp(prefix="offer-desk-unreadable-"))
    folder = top / "d"
    s = open_store(folder)
    s.save_firm(make_firm(40))
    s.close()
    os.chmod(top, 0o755)
    os.chmod(folder, 0o777)
    os.chmod(folder / DB_NAME, 0o000)
    script = textwrap.dedent(
        f"""
        import os
        from qt_app.services.firms import open_store, StoreError
        if os.geteuid() == 0:
            os.setgid(65534); os.setuid(65534)
        try:
            open_store({str(folder)!r})
        except StoreError as e:
            print(e.zh)
        """
    )
    try:
        out = subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            cwd=Path(__file__).parents[2],
            timeout=60,
        )
        os.chmod(folder / DB_NAME, 0o644)
        assert out.returncode == 0, out.stderr
        assert "无法读取数据库文件" in out.stdout and str(folder / DB_NAME) in out.stdout
        again = open_store(folder, auto_backup=False)  # nothing was replaced
        assert again.count_firms() == 1
        again.close()
    finally:
        shutil.rmtree(top, ignore_errors=True)


def test_a_full_disk_during_an_import_keeps_the_database_as_it_was(tmp_path: Path, store: Store) -> None:
    from qt_app.services.firms import import_firms

    store.save_firm(make_firm(50))
    src = tmp_path / "many.csv"
    lines = ["企业名称,统一社会信用代码,备注"] + [
        f"青田满盘测试{i}号有限公司,{code_for(i)},{'备注' * 200}" for i in range(1, 400)
    ]
    src.write_text("\n".join(lines), encoding="utf-8")
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages + 20}")
    with pytest.raises(StoreFull):
        import_firms(store, src)
    assert [r.id for r in store.list_firms()] == [make_firm(50).id]
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_the_audit_log_cannot_be_edited_or_deleted(store: Store) -> None:
    store.save_firm(make_firm(51), who="王")
    for sql in ("UPDATE audit SET who = 'someone else'", "DELETE FROM audit"):
        with pytest.raises(sqlite3.IntegrityError):
            store.db.execute(sql)
    assert [e["who"] for e in store.audit_log("firms")] == ["王"]
