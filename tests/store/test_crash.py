"""A child process killed with SIGKILL in the middle of an import or a save, again and again:
the file passes `PRAGMA integrity_check` every time and holds the whole import or none of it."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from qt_app.services.firms import open_store
from qt_app.store.db import DB_NAME
from tests.store.conftest import code_for

ROOT = Path(__file__).resolve().parents[2]
ROWS = 1500
CHILD = textwrap.dedent(
    """
    import sys, time
    from qt_app.domain import uscc
    from qt_app.domain.firm import Firm
    from qt_app.services.firms import import_firms, open_store
    from qt_app.store import firms_repo

    mode, data, src, pause_at, start = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
    store = open_store(data, auto_backup=False)
    if pause_at:  # stop inside the open transaction, with part of the rows already written
        original, calls = firms_repo.write, [0]
        def paused(*args, **kwargs):
            calls[0] += 1
            if calls[0] == pause_at:
                print("mid", flush=True)
                time.sleep(60)
            return original(*args, **kwargs)
        firms_repo.write = paused
    print("go", flush=True)
    if mode == "import":
        import_firms(store, src)
    else:
        i = start
        while True:
            code = uscc.make_code("9", "1", "331121", f"MB{i:07d}")
            store.save_firm(Firm(id=f"f-save{i:08d}", name=f"青田保存测试{i}号有限公司", uscc=code, notes="备注" * 2000))
            i += 1
    print("done", flush=True)
    """
)


def _csv(path: Path) -> Path:
    lines = ["企业名称,统一社会信用代码,2026年销售收入（万元）,备注"]
    lines += [f"青田崩溃测试{i}号科技有限公司,{code_for(i)},{1000 + i},第{i}行" for i in range(1, ROWS + 1)]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _kill_during(args: list[str], wait_for: str, delay: float) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        line = ""
        while line.strip() != wait_for:
            line = child.stdout.readline()
            if not line:
                pytest.fail(f"child ended early: {child.stderr.read() if child.stderr else ''}")
        if delay:
            import time

            time.sleep(delay)
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=30)


def _intact(data: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(data / DB_NAME)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    return conn


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_killed_imports_leave_all_or_nothing(tmp_path: Path) -> None:
    src = _csv(tmp_path / "big.csv")
    rng = random.Random(7)
    outcomes = []
    for attempt in range(10):
        data = tmp_path / f"import{attempt}"
        open_store(data, auto_backup=False).close()
        if attempt % 2 == 0:  # certainly inside the transaction: paused after some rows were written
            _kill_during(["import", str(data), str(src), str(rng.randint(1, ROWS)), "0"], "mid", 0)
        else:  # anywhere: while reading, checking, writing or committing
            _kill_during(["import", str(data), str(src), "0", "0"], "go", rng.uniform(0.0, 0.9))
        conn = _intact(data)
        count = conn.execute("SELECT count(*) FROM firms").fetchone()[0]
        assert count in (0, ROWS), f"attempt {attempt}: {count} firms — a partial import survived"
        fts = conn.execute("SELECT count(*) FROM firms_fts").fetchone()[0]
        assert fts == count
        conn.close()
        outcomes.append(count)
        store = open_store(data, auto_backup=False)  # the lock died with the child: writable again
        assert not store.read_only
        store.close()
    assert 0 in outcomes


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_killed_saves_lose_no_committed_firm(tmp_path: Path) -> None:
    data = tmp_path / "saves"
    rng = random.Random(11)
    seen = 0
    for attempt in range(5):
        start = attempt * 100_000
        _kill_during(["save", str(data), "-", "0", str(start)], "go", rng.uniform(0.05, 0.4))
        conn = _intact(data)
        count = conn.execute("SELECT count(*) FROM firms").fetchone()[0]
        assert count >= seen
        seen = count
        conn.close()
        store = open_store(data, auto_backup=False)
        assert not store.read_only
        for row in store.list_firms(limit=100_000):
            firm, _ = store.get_firm(row.id)  # every saved firm loads whole
            assert firm.notes == "备注" * 2000
        assert store.count_firms("有限公司") == count  # and is in the search index
        store.close()
