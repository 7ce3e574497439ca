"""Test set-up shared by every test: offscreen Qt, a private data folder, the project's resources."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Must happen before any Qt import: without a display, Qt would abort the whole run.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault(
    "OFFER_DESK_LETTER_WARMUP", "0"
)  # windows in tests skip the throw-away letter (its own test runs it)

# PySide6 6.12 on Python 3.11 drops a reference to None on every void Qt call; long test runs would die with
# "Fatal Python error: none_dealloc". Importing qt_app.ui applies the guard (see refcount_guard.py).
import qt_app.ui  # noqa: F401

ROOT = Path(__file__).resolve().parent.parent

# -- Qt warnings fail the test that caused them -------------------------------------------------------
# Our own handler (pytest-qt's log capture is off: `--no-qt-log` in pyproject) sees every qDebug/qWarning,
# from any thread. A warning or worse that is not platform noise fails the test during which it came.
QT_NOISE = (
    # The offscreen platform the suite runs on cannot pass size hints to a window manager it does not have.
    "This plugin does not support propagateSizeHints()",
    # …nor raise or focus windows; real desktops do.
    "This plugin does not support raise()",
    "This plugin does not support grabbing the keyboard",
)
_qt_warnings: list[str] = []


def _qt_message(mode: object, context: object, message: str) -> None:
    from PySide6.QtCore import QtMsgType

    if mode in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg) or any(n in message for n in QT_NOISE):
        return
    _qt_warnings.append(f"{mode}: {message}")


def _install_qt_handler() -> None:
    from PySide6.QtCore import qInstallMessageHandler

    qInstallMessageHandler(_qt_message)


_install_qt_handler()


@pytest.fixture(autouse=True)
def _no_qt_warnings() -> Iterator[None]:
    """Any Qt warning our code causes fails the test (see QT_NOISE for what is let through, and why)."""
    _qt_warnings.clear()
    yield
    seen, _qt_warnings[:] = list(_qt_warnings), []
    if seen:
        pytest.fail("Qt warned during this test:\n" + "\n".join(seen), pytrace=False)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--run-slow",
        action="store_true",
        help="also run the slow campaigns (1,000+ kills, thousands of fuzz cases)",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Slow tests run when asked for (`--run-slow`, or `-m slow`); the default run takes their samples."""
    if config.getoption("--run-slow") or "slow" in (config.getoption("markexpr") or ""):
        return
    skip = pytest.mark.skip(reason="slow: run with --run-slow or -m slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every test gets its own data folder, so nothing touches the user's real database."""
    data = tmp_path / "data"
    data.mkdir()
    monkeypatch.setenv("OFFER_DESK_DATA_DIR", str(data))
    yield data


# -- fault-injection ledger ------------------------------------------------------------------------------
# Fault tests record what they tried and what they lost; the run ends with one table. Workers (xdist)
# append JSON lines to one file named in the environment, so the controller can add them up.
LEDGER_ENV = "OFFER_DESK_FAULT_LEDGER"


def pytest_configure(config: pytest.Config) -> None:
    if LEDGER_ENV not in os.environ:
        import tempfile

        fd, path = tempfile.mkstemp(prefix="offer-desk-faults-", suffix=".jsonl")
        os.close(fd)
        os.environ[LEDGER_ENV] = path


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    import json

    path = Path(os.environ.get(LEDGER_ENV, ""))
    if not path.is_file():
        return
    totals: dict[str, list[int]] = {}
    fuzz: dict[str, dict[str, int]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        if "fuzz" in entry:
            counts = fuzz.setdefault(
                entry["fuzz"], {"tried": 0, "accepted": 0, "refused": 0, "traceback": 0, "lost": 0}
            )
            counts["tried"] += 1
            counts[entry["outcome"]] += 1
            counts["lost"] += entry["lost"]
            continue
        tried_lost = totals.setdefault(entry["scenario"], [0, 0])
        tried_lost[0] += entry["tried"]
        tried_lost[1] += entry["lost"]
    if totals:
        terminalreporter.section("fault injection: what was tried, what was lost")
        for scenario, (tried, lost) in sorted(totals.items()):
            terminalreporter.write_line(f"{scenario:<70} tried {tried:>5}   lost {lost}")
        lost_total = sum(v[1] for v in totals.values())
        terminalreporter.write_line(
            f"{'total':<70} tried {sum(v[0] for v in totals.values()):>5}   lost {lost_total}"
        )
    if fuzz:
        terminalreporter.section("fuzzing: tried, accepted, refused with a message, tracebacks, lost")
        columns = ("tried", "accepted", "refused", "traceback", "lost")
        terminalreporter.write_line(f"{'':<40}" + "".join(f"{c:>11}" for c in columns))
        for target, counts in sorted(fuzz.items()):
            terminalreporter.write_line(f"{target:<40}" + "".join(f"{counts[c]:>11}" for c in columns))
        terminalreporter.write_line(
            f"{'total':<40}" + "".join(f"{sum(c[k] for c in fuzz.values()):>11}" for k in columns)
        )
