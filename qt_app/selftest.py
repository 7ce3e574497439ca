"""`--selftest`: prove an installation works end to end, on a throw-away database, in about a second.

Opens a temporary data folder, seeds the demo firms, simulates one, shows the main window offscreen,
checks every panel and command group is part of the build (a frozen app holds only what it was given),
drafts/approves/issues a letter, verifies the PDF and its QR text, and prints one line. Any failure exits
non-zero with the step that failed — outposts run this after unpacking the download.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from qt_app import __version__


class SelftestFailure(Exception):
    pass


def _check(ok: bool, what: str) -> None:
    if not ok:
        raise SelftestFailure(what)


def _window_step(session: Any) -> str:
    """Show the real main window offscreen and make sure it paints Chinese with the bundled font."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qt_app.ui.selftest_window import show_main_window_offscreen

    return show_main_window_offscreen(session)


def _build_parts() -> str:
    """What a frozen build can miss: modules imported by name, the Qt libraries letters need, Qt's Chinese."""
    import importlib
    from importlib.util import find_spec

    from PySide6.QtCore import QLibraryInfo, QTranslator

    from qt_app.cli import COMMAND_MODULES
    from qt_app.ui.panels import PANELS

    by_name = [module for module, _ in PANELS.values()] + list(COMMAND_MODULES)
    missing = [name for name in by_name if find_spec(name) is None]
    _check(not missing, "not part of this build: " + ", ".join(missing))
    for qt_module in ("PySide6.QtPdfWidgets", "PySide6.QtPrintSupport"):  # letter preview, printing
        importlib.import_module(qt_module)  # loads their Qt libraries and what those link

    qt_zh = QTranslator().load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    _check(qt_zh, "Qt's Chinese translation (qtbase_zh_CN.qm) is missing")
    return f"{len(PANELS)} panels"


def _tampered_verifies(letters: Any, pdf: bytes, store: Any) -> bool:
    """Change one byte in the middle of the file: verification must fail (or refuse to read it)."""
    damaged = bytearray(pdf)
    middle = len(damaged) // 2
    damaged[middle] = (damaged[middle] + 1) % 256
    try:
        return bool(letters.verify_pdf(bytes(damaged), store).ok)
    except Exception:
        return False


def _default_stream() -> Any:
    """A windowed Windows build has no console: the line then goes to offer-desk-selftest.txt here."""
    if sys.stdout is not None:
        return sys.stdout
    return open("offer-desk-selftest.txt", "w", encoding="utf-8")  # kept open until the process exits


def run_selftest(stream: Any = None) -> int:
    out = stream or _default_stream()
    started = time.perf_counter()
    folder = Path(tempfile.mkdtemp(prefix="offer-desk-selftest-"))
    step = "start"
    facts: list[str] = []
    try:
        from qt_app.services.session import Session

        step = "open database and seed demo firms"
        session = Session.open(folder)
        count = session.store.count_firms()
        _check(count >= 20, f"expected the demo firms, found {count}")
        facts.append(f"{count} demo firms")

        step = "simulate"
        firm, variants = next(
            (f, v)
            for f, v in session.store.all_firms()
            if session.package(f).total > 0 and session.package(f).eligible
        )
        package = session.package(firm)
        _check(
            package.total == sum(line.amount for line in package.lines),
            "package total differs from its lines",
        )
        facts.append(f"package {package.total / 100:,.2f} yuan")

        step = "main window"
        facts.append(_window_step(session))

        step = "build contents"
        facts.append(_build_parts())

        step = "issue letter"
        from qt_app.services import letters

        letter_id = letters.create_draft(
            session.store, firm, variants, package, session.policy, who="selftest"
        )
        letters.submit_letter(session.store, letter_id, "selftest")
        letters.approve_letter(session.store, letter_id, "selftest")
        record = letters.issue_letter(session.store, letter_id, "selftest")
        pdf = letters.letter_pdf(session.store, letter_id)
        _check(pdf.startswith(b"%PDF") and len(pdf) > 10_000, "the letter PDF is empty")
        facts.append(f"letter {record.doc_number}")

        step = "verify letter"
        verdict = letters.verify_pdf(pdf, session.store)
        _check(verdict.ok, "the issued letter did not verify: " + "; ".join(verdict.lines("en")))
        _check(not _tampered_verifies(letters, pdf, session.store), "a PDF with one byte changed verified")
        qr = letters.verify_qr_text(str(record.payload), session.store)
        _check(qr.ok, "the QR payload did not verify")
        facts.append("verified")
        session.close()
    except Exception as e:  # every failure becomes one line with its step, never a traceback
        elapsed = time.perf_counter() - started
        print(
            f"SELFTEST FAILED at '{step}' after {elapsed:.2f} s: {type(e).__name__}: {e}",
            file=out,
            flush=True,
        )
        return 1
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    elapsed = time.perf_counter() - started
    print(f"SELFTEST OK {__version__} in {elapsed:.2f} s: " + ", ".join(facts), file=out, flush=True)
    return 0
