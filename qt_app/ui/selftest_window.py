"""The self-test's window step: the real main window, offscreen, painting with the bundled CJK font."""

from __future__ import annotations

from typing import Any


def show_main_window_offscreen(session: Any) -> str:
    """Build and paint the main window; fail if it paints nothing or the bundled font is not in use."""
    from qt_app.app import make_window, setup_application

    app = setup_application()
    window = make_window(session)
    window.resize(1440, 900)
    window.show()
    app.processEvents()
    image = window.grab().toImage()
    window.close()
    window.deleteLater()
    app.processEvents()
    step = max(1, image.width() // 40)
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)
    }
    family = app.font().family()
    if len(colours) < 4:
        raise RuntimeError("the main window painted a blank image")
    if "WenQuanYi" not in family and "文泉驿" not in family:
        raise RuntimeError(f"the bundled CJK font is not the app font (found {family!r})")
    return f"window {image.width()}×{image.height()} in {family}"
