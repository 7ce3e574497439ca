"""UI test set-up: compiled forms, private QSettings, a real session on a demo database, real windows."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session", autouse=True)
def _compiled_resources() -> None:
    """The generated forms and the English .qm exist (the build step, as the app's launcher runs it)."""
    subprocess.run([sys.executable, str(ROOT / "build_scripts" / "build_resources.py")], check=True)


@pytest.fixture(autouse=True)
def _private_qsettings(tmp_path: Path) -> Iterator[None]:
    """Window preferences go to a temporary folder, never the user's (nor another test's data folder)."""
    from qt_app.ui import settings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    settings.use_folder(None)
    yield
    settings.use_folder(None)


@pytest.fixture(autouse=True)
def _chinese_by_default(qapp: QApplication) -> Iterator[None]:
    from qt_app.app import use_bundled_font
    from qt_app.ui import i18n

    use_bundled_font(qapp)
    i18n.install("zh")
    yield
    i18n.install("zh")


@pytest.fixture
def no_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Message boxes answer at once (and are recorded) instead of blocking the test."""
    seen: list[str] = []

    def record(answer: QMessageBox.StandardButton):  # type: ignore[no-untyped-def]
        def show(_parent, title, text, *_a, **_k):  # type: ignore[no-untyped-def]
            seen.append(f"{title}: {text}")
            return answer

        return show

    monkeypatch.setattr(QMessageBox, "warning", record(QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "information", record(QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "critical", record(QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "question", record(QMessageBox.StandardButton.No))
    return seen


@pytest.fixture
def session(request: pytest.FixtureRequest, _private_data_dir: Path):  # type: ignore[no-untyped-def]
    """A real session on the demo database; a module that sets EMPTY_STORE = True gets one without firms."""
    from qt_app.domain.policy_loader import default_policy
    from qt_app.services.session import Session
    from qt_app.store.store import open_store_at

    if getattr(request.module, "EMPTY_STORE", False):
        s = Session(
            store=open_store_at(_private_data_dir / "desk", auto_backup=False), policies=[default_policy()]
        )
    else:
        s = Session.open(_private_data_dir)
    yield s
    s.close()


@pytest.fixture
def hub(qapp):  # type: ignore[no-untyped-def]
    """The hub a standalone panel hears (and runs its operations through), as the window gives it."""
    from PySide6.QtGui import QUndoStack

    from qt_app.ui.hub import Hub

    stack = QUndoStack()
    h = Hub(stack)
    yield h
    h.deleteLater()


def shown(firm, variants=()):  # type: ignore[no-untyped-def]
    """What the editor publishes for a parsed firm."""
    from qt_app.ui.panel import FirmOnScreen

    return FirmOnScreen.of(firm, tuple(variants))


@pytest.fixture
def window(qtbot, session, no_dialogs):  # type: ignore[no-untyped-def]
    from qt_app.ui.main_window import MainWindow

    w = MainWindow(session)  # not qtbot.addWidget: it would close the window before we discard edits
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(
        lambda: w.warm_up.done
    )  # the policy and write path load in idle turns after the first paint
    yield w
    w.editor.load_firm(None)  # nothing unsaved, so closing asks nothing
    w.close()
    delete_now(w)


def delete_now(widget) -> None:  # type: ignore[no-untyped-def]
    """Destroy a window before its session closes (a panel must not hear a language change afterwards)."""
    from PySide6.QtCore import QCoreApplication, QEvent

    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
