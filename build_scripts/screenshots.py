"""Screenshots of every screen (1440×900 by default), in Chinese and English, with the demo firms.

Runs offscreen (no display needed) into screenshots/ (git-ignored); each window is captured with grab().

    .venv/bin/python build_scripts/screenshots.py [--out screenshots] [--lang zh|en] [--size 1366x768]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from qt_app.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SIZE = (1440, 900)


def settle(ms: int = 250) -> None:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    QApplication.processEvents()


def shoot(lang: str, out: Path) -> list[Path]:
    """Open a fresh demo database, show each screen, save PNGs named <lang>-NN-<screen>.png."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QWidget

    from qt_app.app import make_window, setup_application
    from qt_app.services.session import Session
    from qt_app.ui import i18n
    from qt_app.ui.main_window import COMPARE, EXPOSURE, FIRMS, LETTERS, PACKAGE, POLICIES, MainWindow

    work = Path(tempfile.mkdtemp(prefix=f"offer-desk-shots-{lang}-"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work / "qsettings"))
    setup_application()
    i18n.install(lang)
    session = Session.open(work / "data", lang=lang)
    from qt_app.services.demo_ledger import load_demo_ledger

    load_demo_ledger(session.store, session.policy)  # three landed firms with letters, actuals and claims
    session.store.backup(kind="manual")  # so the status bar and the settings show a real backup
    window = make_window(session)
    assert isinstance(window, MainWindow)
    window.resize(*SIZE)
    window.show()
    settle(400)
    saved: list[Path] = []

    def save(name: str, widget: QWidget | None = None) -> None:
        settle()
        path = out / f"{lang}-{len(saved) + 1:02d}-{name}.png"
        (widget or window).grab().save(str(path))
        saved.append(path)

    # A firm with a full plan (the one with the largest package) makes every screen show something.
    rows = session.store.list_firms(sort="package_total_fen", descending=True, limit=50)
    firm_id = rows[0].id if rows else ""
    window.show_screen(FIRMS)
    window.firms.select(firm_id)
    save("firms")
    window.open_firm(firm_id)
    steps: list[tuple[str, Callable[[], None]]] = [
        ("package", lambda: window.editor.ui.tabs.setCurrentIndex(0)),
        ("editor-location", lambda: window.editor.ui.tabs.setCurrentWidget(window.editor.ui.locationTab)),
        ("editor-talents", lambda: window.editor.ui.tabs.setCurrentWidget(window.editor.ui.talentsTab)),
        ("editor-revenue", lambda: window.editor.ui.tabs.setCurrentWidget(window.editor.ui.revenueTab)),
        ("editor-finance", lambda: window.editor.ui.tabs.setCurrentWidget(window.editor.ui.financeTab)),
        ("editor-compute", lambda: window.editor.ui.tabs.setCurrentWidget(window.editor.ui.computeTab)),
        ("editor-projects", lambda: window.editor.ui.tabs.setCurrentWidget(window.editor.ui.projectsTab)),
        ("editor-pipeline", lambda: window.editor.ui.tabs.setCurrentWidget(window.editor.ui.pipelineTab)),
    ]
    for name, step in steps:
        window.show_screen(PACKAGE)
        step()
        save(name)
    # A new firm: the package says what to fill in, never the previous firm's numbers.
    window.action("new_firm").trigger()
    save("new-firm")
    window.editor.load_firm(*session.store.get_firm(firm_id))
    # Live validation: a credit code failing its checksum, shown in amber with the note field.
    window.editor.ui.tabs.setCurrentIndex(0)
    code = window.editor.ui.usccEdit.text()
    window.editor.ui.usccEdit.setText(code[:17] + ("0" if code[-1] != "0" else "1"))
    save("editor-uscc-warning")
    window.editor.ui.usccEdit.setText(code[:10])
    save("editor-uscc-error")
    window.editor.revert()
    variant_screens(window, save)
    for index, name in (
        (COMPARE, "compare"),
        (EXPOSURE, "exposure"),
        (POLICIES, "policies"),
        (LETTERS, "letters"),
    ):
        window.show_screen(index)
        settle(600)
        panel = window.panel(name)
        if name == "letters" and hasattr(panel, "generate_button"):
            panel.generate_button.click()  # a real draft letter, so the register and preview show one
            settle(1500)
        save(name)
        tabs = getattr(panel, "tabs", None)
        if name == "exposure" and tabs is not None:
            tabs.setCurrentIndex(1)  # 兑现与预算: committed, due, paid against budgets and pools
            save("exposure-ledger")
            tabs.setCurrentIndex(0)
    ledger_screens(window, save)
    window.show_screen(PACKAGE)
    window.set_meeting_mode(True)
    settle(400)
    window.resize(*SIZE)
    save("meeting")
    window.set_meeting_mode(False)
    window.resize(*SIZE)

    from qt_app.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(session, window.hub, window)
    dialog.show()
    save("settings", dialog)
    dialog.tabs.setCurrentWidget(dialog.budgets)
    save("settings-budgets", dialog)
    dialog.close()
    window.editor.load_firm(None)
    window.close()
    # Destroy the window before its database closes: the next language's translator would otherwise
    # make its panels refresh against a closed store.
    from PySide6.QtCore import QCoreApplication, QEvent

    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    session.close()
    return saved


def variant_screens(window: MainWindow, save: Callable[..., None]) -> None:
    """A variant built at the table (another building, two revenue years earlier) in the editor, then four
    variants side by side in 方案对比 with the offer marked."""
    from qt_app.services.operations import OpChanges, office
    from qt_app.ui import i18n
    from qt_app.ui.main_window import COMPARE, PACKAGE

    ed = window.editor
    firm_id = ed.firm_id
    window.show_screen(PACKAGE)
    ed.variant_bar.new_variant("")
    ed.ui.variantNameEdit.setText(
        "迁入华侨总部大楼·提速" if i18n.current() == "zh" else "HQ building, faster"
    )
    ed.ui.tabs.setCurrentWidget(ed.ui.locationTab)
    ed.ui.siteCombo.setCurrentIndex(ed.ui.siteCombo.findData("huaqiao_hq"))
    ed.ui.areaEdit.setText("1000")
    revenue = ed.tables.model("revenue")
    for row in (1, 2):  # two years a year earlier: the next year's figure
        later = revenue.index(row + 1, 1).data()
        revenue.setData(revenue.index(row, 1), later)
    save("variant-editor-location")
    ed.ui.tabs.setCurrentWidget(ed.ui.revenueTab)
    save("variant-editor-revenue")
    ed.save()
    session = window.session
    _firm, variants = session.store.get_firm(firm_id)
    made = variants[-1]
    office.choose_offer_variant(session, firm_id, made)
    window.hub.publish(OpChanges(offers=frozenset({firm_id})))
    window.show_screen(COMPARE)
    window.panel("compare").show_variants(["base", made.name, "conservative", "optimistic"])
    save("compare-four")
    ed.variant_bar.show_base()


def ledger_screens(window: MainWindow, save: Callable[..., None]) -> None:
    """兑现台账 of the demo firm with a claim paid in tranches: promised against due, the evidence, the claim
    with its steps; a step's dialog; the actuals dialog (its figures, then its tables); and a firm with no
    issued letter, which says why."""
    from qt_app.ui.ledger.panel import LedgerPanel
    from qt_app.ui.main_window import LEDGER

    session = window.session
    rows = session.store.list_firms("云端算力", limit=5)
    if not rows:
        return
    window.open_firm(rows[0].id)
    window.show_screen(LEDGER)
    settle(500)
    panel = window.panel("ledger")
    assert isinstance(panel, LedgerPanel)
    panel.rows_view.selectRow(panel.rows_model.find(("row", "compute", 2026)))
    save("ledger")
    panel.tabs.setCurrentIndex(1)
    save("ledger-evidence")
    panel.tabs.setCurrentIndex(2)
    save("ledger-claims")
    dialog = panel.step("accept")
    if dialog is not None:
        save("ledger-step-dialog", dialog)
        dialog.reject()
    actuals = panel.record_actuals(2026)
    if actuals is not None:
        save("ledger-actuals-dialog", actuals)
        actuals.scroll_area.ensureWidgetVisible(
            actuals.tables["scenario_projects"]
        )  # talents, loans, projects
        save("ledger-actuals-tables", actuals)
        actuals.reject()
    panel.tabs.setCurrentIndex(0)
    others = [r for r in session.store.list_firms(sort="name", limit=50) if r.stage == "negotiating"]
    if others:
        window.open_firm(others[0].id)
        window.show_screen(LEDGER)
        save("ledger-no-letter")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default=str(ROOT / "screenshots"))
    parser.add_argument("--lang", choices=("zh", "en"), action="append")
    parser.add_argument("--size", default="1440x900", help="window size, e.g. 1366x768")
    args = parser.parse_args()
    global SIZE
    width, _, height = args.size.partition("x")
    SIZE = (int(width), int(height))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    import subprocess

    subprocess.run([sys.executable, str(ROOT / "build_scripts" / "build_resources.py")], check=True)
    total = 0
    for lang in args.lang or ["zh", "en"]:
        for old in out.glob(f"{lang}-*.png"):
            old.unlink()  # screens renumbered since the last run leave no stale files behind
        shots = shoot(lang, out)
        total += len(shots)
        for p in shots:
            print(p.relative_to(ROOT) if p.is_relative_to(ROOT) else p)
    print(f"[screenshots] {total} PNG files in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
