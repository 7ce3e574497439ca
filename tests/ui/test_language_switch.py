"""Chinese ↔ English any number of times, from any screen: nothing raises, no error box, no Qt warning."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication

from qt_app.ui.main_window import SCREENS, MainWindow

from .conftest import delete_now


def visit_everything(w: MainWindow, qtbot: Any) -> None:
    """Every screen, meeting mode, and the firm editor's pages, letting queued work run in between."""
    for index, (action, _key) in enumerate(SCREENS):
        w.action(action).trigger()
        assert w.pages.currentIndex() == index
        qtbot.wait(20)
    for page in range(w.editor.ui.tabs.count()):
        w.editor.ui.tabs.setCurrentIndex(page)
    w.set_meeting_mode(True)
    qtbot.wait(20)
    w.set_meeting_mode(False)


def test_every_screen_then_five_language_switches(qtbot: Any, session: Any, no_dialogs: list[str]) -> None:
    from qt_app.app import switch_language
    from qt_app.ui import i18n

    w = MainWindow(session)
    w.show()
    qtbot.waitUntil(lambda: w.warm_up.done)
    firm_id = session.store.list_firms(limit=1)[0].id
    w.open_firm(firm_id)
    visit_everything(w, qtbot)
    windows = [w]
    try:
        for n in range(5):
            lang = "en" if n % 2 == 0 else "zh"
            w.show_screen(n % len(SCREENS))  # from a different screen each time
            if n == 3:
                w.set_meeting_mode(True)  # …and once from meeting mode
            fresh = switch_language(w, lang)
            assert isinstance(fresh, MainWindow) and i18n.current() == lang
            QApplication.processEvents()
            qtbot.wait(50)  # timers the old window left behind fire (or are dropped with it)
            w = fresh
            windows.append(w)
            assert w.action("new_firm").text() == ("New firm" if lang == "en" else "新建企业")
            w.open_firm(firm_id)
            visit_everything(w, qtbot)
            package = w.panel("package")
            package.refresh()
            assert package.package() is not None and package.package().firm_id == firm_id
    finally:
        w.editor.load_firm(None)
        w.close()
        delete_now(w)
    assert no_dialogs == []
