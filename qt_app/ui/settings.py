"""Window preferences (界面设置), declared once with their type and default; stored with QSettings.

Business settings (issuing office, 文号 prefix, signers) live in the database (Store.get_setting);
these are per-user, per-machine things: language, geometry, splitters, the last screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar, cast

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")

ORGANIZATION = "Qingtian"
APPLICATION = "OfferDesk"


@dataclass(frozen=True)
class Option(Generic[T]):
    """One preference: its key, its type (via the default) and its default."""

    key: str
    default: T


LANGUAGE = Option("ui/language", "zh")
DATA_DIR = Option("ui/data_dir", "")  # empty: the default folder (paths.data_dir)
WINDOW_GEOMETRY = Option("window/geometry", QByteArray())
WINDOW_STATE = Option("window/state", QByteArray())
MAIN_SPLITTER = Option("window/firms_splitter", QByteArray())
EDITOR_SPLITTER = Option("window/editor_splitter", QByteArray())
LAST_SCREEN = Option("window/last_screen", 0)
LAST_FIRM = Option("window/last_firm", "")
LIST_HEADER = Option("window/list_header", QByteArray())

ALL_OPTIONS: tuple[Option[Any], ...] = (
    LANGUAGE,
    DATA_DIR,
    WINDOW_GEOMETRY,
    WINDOW_STATE,
    MAIN_SPLITTER,
    EDITOR_SPLITTER,
    LAST_SCREEN,
    LAST_FIRM,
    LIST_HEADER,
)


def qsettings() -> QSettings:
    """The app's QSettings (INI format, so tests can point it at a temporary folder)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


def get(option: Option[T]) -> T:
    """Read a preference, converted to the default's type; a garbled value falls back to the default."""
    raw: Any = qsettings().value(option.key, option.default)
    default: Any = option.default
    value: Any = default
    try:
        if isinstance(default, bool):
            value = raw if isinstance(raw, bool) else str(raw).lower() in {"true", "1"}
        elif isinstance(default, int):
            value = int(raw)
        elif isinstance(default, QByteArray):
            value = raw if isinstance(raw, QByteArray) else default
        elif isinstance(default, str):
            value = str(raw)
    except (TypeError, ValueError):
        value = default
    return cast(T, value)


def put(option: Option[T], value: T) -> None:
    store = qsettings()
    if store.value(option.key) != value:  # an unchanged value is not rewritten (the file sync costs ~3 ms)
        store.setValue(option.key, value)
