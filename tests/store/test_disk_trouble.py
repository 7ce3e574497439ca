"""Backups that look after themselves, and a disk that is full: words that name the folder, reads that work."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from qt_app.cli import main
from qt_app.services.firms import Store, StoreError, StoreFull, open_store
from qt_app.store import backups
from tests.store.conftest import make_firm

ROOT = Path(__file__).resolve().parents[2]
KILLED_MID_BACKUP = textwrap.dedent(
    """
    import os, sys, time
    from qt_app.services.firms import open_store
    from qt_app.store import backups

    store = open_store(sys.argv[1], auto_backup=False)
    def stalled(fd):  # the copy is written, the rename not yet done: the moment a kill leaves a .part
        print("mid", flush=True)
        time.sleep(60)
    backups.os.fsync = stalled
    store.backup()
    """
)


def test_a_backup_killed_half_way_leaves_no_part_behind(folder: Path, store: Store) -> None:
    for n in range(1, 30):
        store.save_firm(make_firm(n))
    store.close()
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_MID_BACKUP, str(folder)], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "mid"
    child.send_signal(signal.SIGKILL)
    child.wait(10)
    parts = list((folder / "backups").glob("*.part"))
    assert len(parts) == 1  # what the issue saw: a killed backup's leftover
    again = open_store(folder, auto_backup=False)
    assert not list((folder / "backups").glob("*.part*")) and again.list_backups() == []
    again.close()


def test_a_part_being_written_by_a_live_process_is_left_alone(folder: Path, store: Store) -> None:
    store.save_firm(make_firm(1))
    part = backups.new_backup_path(folder, "manual").with_suffix(".sqlite3.part")
    part.parent.mkdir(parents=True, exist_ok=True)
    with backups._held(part):  # another copy of the app (a read-only one may back up) is writing it
        assert backups.clean_parts(folder) == [] and part.exists()
    assert backups.clean_parts(folder) == [part] and not part.exists()


def test_free_space_is_checked_before_a_backup(
    folder: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.save_firm(make_firm(1))
    monkeypatch.setattr(backups, "free_bytes", lambda _folder: 200 * 1024)
    with pytest.raises(StoreFull) as err:
        store.backup()
    assert (
        f"备份文件夹 {folder / 'backups'} 所在磁盘空间不足" in err.value.zh and "只剩 200 KB" in err.value.zh
    )
    assert f"Not enough space for the backup in {folder / 'backups'}" in err.value.en
    assert store.list_backups() == [] and not list((folder / "backups").glob("*.part"))


@pytest.mark.parametrize(
    ("code", "words"),
    [(errno.ENOSPC, "所在磁盘已满"), (errno.EIO, "磁盘出错（U盘可能已拔出"), (errno.EROFS, "不可写入")],
)
def test_disk_errors_while_writing_a_backup_are_explained_naming_the_folder(
    tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch, code: int, words: str
) -> None:
    store.save_firm(make_firm(1))
    real_replace = os.replace

    def failing_replace(src: object, dst: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(backups.os, "replace", failing_replace)
    target = tmp_path / "U盘"
    with pytest.raises(StoreError) as err:
        store.backup(to=target / "copy.sqlite3")
    assert words in err.value.zh and str(target) in err.value.zh and str(target) in err.value.en
    monkeypatch.setattr(backups.os, "replace", real_replace)
    assert not list(target.glob("*.part"))


@contextlib.contextmanager
def _small_disk(tmp_path: Path, size: str = "2m") -> Iterator[Path]:
    """A real small file system (tmpfs), so a full disk is really full. Needs root (CI and these machines)."""
    if os.name != "posix" or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small file system needs root")
    mount = tmp_path / "small-disk"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace')}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(mount: Path) -> None:
    fd = os.open(mount / "filler", os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError as e:
        assert e.errno == errno.ENOSPC
    finally:
        os.close(fd)
    assert shutil.disk_usage(mount).free == 0


def test_with_zero_bytes_free_reads_work_and_writes_say_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with _small_disk(tmp_path) as mount:
        data = mount / "data"
        store = open_store(data)
        for n in range(1, 21):
            store.save_firm(make_firm(n))
        store.close()
        _fill(mount)
        store = open_store(data)
        try:
            assert store.read_only and store.notice is not None
            assert f"{data} 所在磁盘已满（剩余 0 字节），无法保存修改" in store.notice[0]
            assert "(0 bytes free)" in store.notice[1]
            assert store.count_firms() == 20 and len(store.list_firms("青田")) == 20
            assert store.get_firm(make_firm(7).id)[0] == make_firm(7)
            with pytest.raises(StoreError) as err:
                store.save_firm(make_firm(21))
            assert "磁盘已满" in err.value.zh
            with pytest.raises(StoreFull) as full:
                store.backup()
            assert "只剩 0 字节" in full.value.zh
        finally:
            store.close()
        assert main(["firms", "search", "青田", "--data-dir", str(data)]) == 0
        assert "共 20 家" in capsys.readouterr().out
        assert main(["firms", "demo", "--data-dir", str(data)]) == 2
        assert "磁盘" in capsys.readouterr().err
