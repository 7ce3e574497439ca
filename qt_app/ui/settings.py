"""Window preferences (界面设置), declared once with their type and default; stored with QSettings.

Business settings (issuing office, 文号 prefix, signers) live in the database (Store.get_setting);
these are one person's preferences: language, geometry, splitters, column widths, the last screen. They live
in the data folder in use (`preferences.ini` beside `offer-desk.sqlite3`), so two profiles on one shared
laptop (`--data-dir`, `$OFFER_DESK_DATA_DIR`) never share a language or a layout. Only the choice of data
folder itself (`DATA_DIR`) is this computer's, kept in the user's own settings.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar, cast

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")

ORGANIZATION = "Qingtian"
APPLICATION = "OfferDesk"
FILE_NAME = "preferences.ini"


@dataclass(frozen=True)
class Option(Generic[T]):
    """One preference: its key, its type (via the default) and its default; `machine` ones are per computer."""

    key: str
    default: T
    machine: bool = False


LANGUAGE = Option("ui/language", "zh")
DATA_DIR = Option("ui/data_dir", "", machine=True)  # empty: the default folder (paths.data_dir)
WINDOW_GEOMETRY = Option("window/geometry", QByteArray())
WINDOW_STATE = Option("window/state", QByteArray())
MAIN_SPLITTER = Option("window/firms_splitter", QByteArray())
EDITOR_SPLITTER = Option("window/editor_splitter", QByteArray())
LAST_SCREEN = Option("window/last_screen", 0)
LAST_FIRM = Option("window/last_firm", "")

ALL_OPTIONS: tuple[Option[Any], ...] = (
    LANGUAGE,
    DATA_DIR,
    WINDOW_GEOMETRY,
    WINDOW_STATE,
    MAIN_SPLITTER,
    EDITOR_SPLITTER,
    LAST_SCREEN,
    LAST_FIRM,
)

_folder: list[Path] = []


def columns(view: str, lang: str) -> Option[QByteArray]:
    """A table's column widths, kept per language (English headers and amounts are wider)."""
    return Option(f"columns/{view}/{lang}", QByteArray())


def widths(view: str, lang: str) -> Option[str]:
    """Column widths the user dragged wider ("120,96,130"), per language."""
    return Option(f"widths/{view}/{lang}", "")


def use_folder(folder: str | Path | None) -> None:
    """Keep preferences in this data folder from now on (None: the user's own settings, as in tests)."""
    _folder.clear()
    if folder is not None:
        _folder.append(Path(folder))


def folder() -> Path | None:
    return _folder[0] if _folder else None


def machine_settings() -> QSettings:
    """The user's own QSettings (INI format, so tests can point it at a temporary folder)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


def qsettings(option: Option[Any] | None = None) -> QSettings:
    """Where `option` is kept: the data folder's preferences file, or the user's settings."""
    if _folder and not (option is not None and option.machine):
        return QSettings(str(_folder[0] / FILE_NAME), QSettings.Format.IniFormat)
    return machine_settings()


def get(option: Option[T]) -> T:
    """Read a preference, converted to the default's type; a garbled value falls back to the default."""
    raw: Any = qsettings(option).value(option.key, option.default)
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
    store = qsettings(option)
    if store.value(option.key) != value:  # an unchanged value is not rewritten (the file sync costs ~3 ms)
        store.setValue(option.key, value)
