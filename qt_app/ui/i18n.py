"""Languages (界面语言): Chinese source strings, an English translation loaded from a compiled .qm.

Domain labels (stages, statuses, categories) come in both languages from the domain tables; `pick`
chooses the one for the current language.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from qt_app.paths import resource

K = TypeVar("K")

LANGUAGES = ("zh", "en")
QM_NAME = "offer_desk_en.qm"

_state = {"lang": "zh"}
_installed: list[QTranslator] = []


def current() -> str:
    """The language the window is shown in ("zh" or "en")."""
    return _state["lang"]


def pick(pair: tuple[str, str], lang: str | None = None) -> str:
    """The (zh, en) label for the current language."""
    return pair[1] if (lang or current()) == "en" else pair[0]


def label(table: Mapping[K, tuple[str, str]], key: K, lang: str | None = None) -> str:
    """A domain label (STAGE_LABELS, STATUS_LABELS…) in the current language; the key itself if unknown."""
    pair = table.get(key)
    return pick(pair, lang) if pair else str(key)


def message(zh: str, en: str) -> str:
    return en if current() == "en" else zh


def install(lang: str) -> bool:
    """Switch the application's translators; returns False when the English .qm is missing."""
    app = QCoreApplication.instance()
    for old in _installed:
        if app is not None:
            app.removeTranslator(old)
    _installed.clear()
    lang = lang if lang in LANGUAGES else "zh"
    _state["lang"] = lang
    ok = True
    if lang == "en":
        tr = QTranslator()
        ok = tr.load(str(resource("translations", QM_NAME)))
        if ok and app is not None:
            app.installTranslator(tr)
            _installed.append(tr)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    else:
        # Qt's own buttons (OK, Cancel, Save…) in Chinese too, when Qt ships that translation.
        qt_tr = QTranslator()
        if qt_tr.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            if app is not None:
                app.installTranslator(qt_tr)
            _installed.append(qt_tr)
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    return ok
