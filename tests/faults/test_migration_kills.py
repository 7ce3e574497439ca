"""SIGKILL during the upgrade to version 10 (pre-migration backup, the audit log's compaction, the VACUUM after
it): the next start finds the old file or the upgraded one, passes the full check and ends with the same log."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from qt_app.services.firms import open_store
from tests.store.test_audit_migration import log_rows, v9_file

ROOT = Path(__file__).resolve().parents[2]


CHILD = "import sys; from qt_app.services.firms import open_store; open_store(sys.argv[1], auto_backup=False).close()"


def test_a_kill_during_the_upgrade_leaves_the_old_file_or_the_compacted_one(tmp_path: Path) -> None:
    template = tmp_path / "template"
    v9_file(template, 60)
    clean = tmp_path / "clean"
    shutil.copytree(template, clean)
    open_store(clean, auto_backup=False).close()
    want = log_rows(clean)
    rng = random.Random(10)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    for attempt in range(8):
        folder = tmp_path / f"kill{attempt}"
        shutil.copytree(template, folder)
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(folder)], cwd=ROOT, env=env)
        deadline = time.monotonic() + 60
        while not (folder / "backups").exists() and child.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)  # the upgrade starts with the pre-migration backup
        time.sleep(rng.uniform(0, 0.5))
        child.send_signal(signal.SIGKILL)
        child.wait()
        store = open_store(folder, auto_backup=False)  # full check, then the upgrade if it did not finish
        store.close()
        got = log_rows(folder)
        assert got == want, attempt  # the upgrade either never happened or completes the same way
