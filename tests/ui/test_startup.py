"""Start-up in two halves: the firm list paints without the policy file or sqlite-utils, then both load.

Run in a fresh interpreter (this test process has long imported everything), through the same `start`
the README's launch command uses.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

from qt_app.ui import errors
from qt_app.ui.widgets.import_scan import speed_up_import_scan

ROOT = Path(__file__).resolve().parents[2]

CHILD = """
import gc, json, sys
import qt_app.app as desk
from PySide6.QtCore import QEvent, QObject

heavy = ("sqlite_utils", "yaml", "reportlab", "openpyxl", "qt_app.domain.simulate",
         "hashlib", "click", "dateutil", "pluggy", "qt_app.ui.firm_form", "qt_app.domain.firm")
seen = {}

def loaded():
    return sorted(m for m in heavy if m in sys.modules)

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and "painted" not in seen:
            seen["painted"] = {"loaded": loaded(), "rows": window.firms.model.rowCount(),
                               "policy_label": window.policy_label.text(), "gc": gc.isenabled()}
        return False

real_start = desk.start

def start_and_watch(*args, **kwargs):
    global window
    window = real_start(*args, **kwargs)
    window.installEventFilter(probe)
    window.warm_up.finished.connect(finished)
    return window

def finished():
    seen["warm"] = {"loaded": loaded(), "policy_label": window.policy_label.text(),
                    "domains": window.firms.domain_filter.count(), "gc": gc.isenabled()}
    print(json.dumps(seen, ensure_ascii=False))
    desk.QApplication.quit()

probe = FirstPaint()
desk.start = start_and_watch
from qt_app.cli import main  # the launcher's path: `python -m qt_app --data-dir …`
main(["--data-dir", sys.argv[1]])
"""


def test_the_list_paints_first_and_the_policy_follows(tmp_path: Path) -> None:
    from qt_app.services.session import Session

    Session.open(tmp_path / "desk").close()  # the first start writes the demo firms; measure a later one
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "OFFER_DESK_DATA_DIR": str(tmp_path)}
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")  # window preferences stay private
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(tmp_path / "desk")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    painted, warm = seen["painted"], seen["warm"]
    assert painted["rows"] >= 20  # the demo firms, on the first paint
    assert painted["loaded"] == [] and painted["policy_label"] == ""
    assert painted["gc"] is False and warm["gc"] is True  # the collector waits out start-up, then runs again
    assert {"sqlite_utils", "yaml", "click", "dateutil", "pluggy"} <= set(warm["loaded"])
    assert "qt_app.ui.firm_form" not in warm["loaded"]  # no crash draft to offer: the form is not loaded
    assert "现行政策" in warm["policy_label"] and "2023.1" in warm["policy_label"]
    assert warm["domains"] > 1  # 全部领域 plus the policy's domains
    assert "reportlab" not in warm["loaded"]  # letters load when the letters screen is opened


def test_the_faster_import_scan_gives_pysides_answers() -> None:
    feature = sys.modules["shibokensupport.feature"]
    assert speed_up_import_scan()
    import qt_app.domain.money
    import qt_app.ui.main_window

    fast = feature._mod_uses_pyside
    assert getattr(fast, "_offer_desk_fast_scan", False)
    assert fast(qt_app.ui.main_window) is True
    assert fast(qt_app.domain.money) is False
    assert fast(sys) is False  # built in: no source file, PySide's own check answers


def test_a_large_log_is_rotated_at_start(tmp_path: Path) -> None:
    log_file = tmp_path / errors.LOG_NAME
    log_file.write_bytes(b"x" * errors.LOG_ROTATE_BYTES)
    (tmp_path / f"{errors.LOG_NAME}.1").write_text("older\n")
    try:
        assert errors.setup_logging(tmp_path) == log_file
        errors.log.info("fresh start")
        for handler in errors.log.handlers:
            handler.flush()
        assert (tmp_path / f"{errors.LOG_NAME}.1").stat().st_size == errors.LOG_ROTATE_BYTES
        assert (tmp_path / f"{errors.LOG_NAME}.2").read_text() == "older\n"
        assert "fresh start" in log_file.read_text()
    finally:
        for handler in list(errors.log.handlers):
            errors.log.removeHandler(handler)
            handler.close()
    assert not any(isinstance(h, logging.FileHandler) for h in errors.log.handlers)


WARM_LETTERS = """
import json, sys
from pathlib import Path
import qt_app.app as desk
from PySide6.QtCore import QThreadPool, QTimer

real_start = desk.start

def start_and_watch(*args, **kwargs):
    global window
    window = real_start(*args, **kwargs)
    window.warm_up.finished.connect(lambda: QTimer.singleShot(50, check))
    return window

def check():
    pool = QThreadPool.globalInstance()
    done = pool.waitForDone(30000)
    from qt_app.reports.official import fonts
    folder = Path(sys.argv[1])
    print(json.dumps({"done": done, "job": hasattr(window, "_letter_job"), "reportlab": "reportlab" in sys.modules,
                      "faces": sorted(fonts._loaded), "keys": (folder / "keys").exists()}))
    desk.QApplication.quit()

desk.start = start_and_watch
from qt_app.cli import main
main(["--data-dir", sys.argv[1]])
"""


def test_a_warm_window_readies_the_letter_path_and_writes_nothing(tmp_path: Path) -> None:
    """After start the window renders a throw-away letter on a worker thread (the first real letter is then as
    fast as any later one): reportlab and the faces are loaded, and no key or file was written for it."""
    from qt_app.services.session import Session

    Session.open(tmp_path / "desk").close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "OFFER_DESK_LETTER_WARMUP": "1"}
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    out = subprocess.run(
        [sys.executable, "-c", WARM_LETTERS, str(tmp_path / "desk")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=90, check=True,
    )  # fmt: skip
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen["done"] and seen["job"] and seen["reportlab"]
    assert {"OD-Fangsong", "OD-TitleSong", "OD-Hei", "OD-Serif"} <= set(seen["faces"])
    assert seen["keys"] is False  # signed with a key made in memory
