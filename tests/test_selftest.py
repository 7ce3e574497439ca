"""`--selftest`: one line and exit 0 when the installation works; the failing step and exit 1 when not."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_selftest_runs_the_whole_chain_in_a_fresh_process() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-m", "qt_app", "--selftest"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    line = out.stdout.strip().splitlines()[-1]
    assert line.startswith("SELFTEST OK")
    assert "demo firms" in line and "青招〔" in line and "verified" in line and "WenQuanYi" in line


def test_a_failing_step_is_named_and_exits_non_zero(monkeypatch: pytest.MonkeyPatch) -> None:
    from qt_app import selftest
    from qt_app.services import session as session_module

    def broken(*_a: object, **_k: object) -> None:
        raise OSError("disk on fire")

    monkeypatch.setattr(session_module.Session, "open", classmethod(lambda cls, *a, **k: broken()))
    buf = io.StringIO()
    assert selftest.run_selftest(buf) == 1
    text = buf.getvalue()
    assert "SELFTEST FAILED at 'open database and seed demo firms'" in text and "disk on fire" in text


def test_a_panel_missing_from_the_build_fails_the_selftest(monkeypatch: pytest.MonkeyPatch) -> None:
    # A frozen build only holds the modules it was given; panels are imported by name, so the self-test
    # must notice one that is not there (as the one-folder app once lacked every panel but the list).
    from qt_app import selftest
    from qt_app.ui import panels

    monkeypatch.setitem(panels.PANELS, "ledger", ("qt_app.ui.ledger.not_in_this_build", "LedgerPanel"))
    buf = io.StringIO()
    assert selftest.run_selftest(buf) == 1
    text = buf.getvalue()
    assert "SELFTEST FAILED at 'build contents'" in text
    assert "qt_app.ui.ledger.not_in_this_build" in text
