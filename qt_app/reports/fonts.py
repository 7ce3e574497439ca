"""The one font every letter prints in (文泉驿微米黑): registered with reportlab once, embedded as a subset."""

from __future__ import annotations

import threading

from reportlab.graphics import shapes
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from qt_app import paths

FONT_NAME = "WQYMicroHei"
_lock = threading.Lock()


def ensure_font() -> str:
    """Register the bundled CJK font (lazily, once per process) and return its reportlab name.

    Latin letters, digits and ¥ come from the same font, so nothing falls back to a non-embedded face.
    """
    if FONT_NAME in pdfmetrics.getRegisteredFontNames():
        return FONT_NAME
    with _lock:  # batch letters may render from a worker thread
        if FONT_NAME not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(FONT_NAME, str(paths.font_path()), subfontIndex=0))
            # Vector drawings (chart, QR) otherwise select Helvetica first: an unembedded font in the file.
            shapes.STATE_DEFAULTS["fontName"] = FONT_NAME
    return FONT_NAME
