"""Where things live: bundled resources (also inside a frozen build) and the user's data folder."""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

DATA_DIR_ENV = "OFFER_DESK_DATA_DIR"


@cache  # resolved once: the window asks for ~30 icons before its first paint
def resources_dir() -> Path:
    """The bundled `resources/` folder, in a source checkout or a PyInstaller build."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def font_path() -> Path:
    """The bundled CJK font (WenQuanYi Micro Hei, TrueType outlines, Latin glyphs included)."""
    return resource("fonts", "wqy-microhei.ttc")


def default_policy_path() -> Path:
    return resource("policies", "qingtian-metaverse-2023.yaml")


def data_dir(override: str | Path | None = None) -> Path:
    """The user's data folder: --data-dir, then $OFFER_DESK_DATA_DIR, then the platform's usual place."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser()
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
        return base / "OfferDesk"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "OfferDesk"
    xdg = os.environ.get("XDG_DATA_HOME")
    return (Path(xdg) if xdg else Path.home() / ".local" / "share") / "offer-desk"
