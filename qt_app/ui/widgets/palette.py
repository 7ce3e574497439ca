"""Calm colours shared by the panels: one per support category, one per status badge."""

from __future__ import annotations

from PySide6.QtGui import QColor

CATEGORY_COLORS: dict[str, str] = {
    "rent": "#4e79a7",
    "award": "#f28e2b",
    "compute": "#76b7b2",
    "science": "#59a14f",
    "finance": "#b07aa1",
    "scenario": "#edc948",
    "housing": "#9c755f",
    "other": "#bab0ac",
}

# (fill, text) for badges; keys are policy value statuses and package line statuses.
BADGE_COLORS: dict[str, tuple[str, str]] = {
    "seed": ("#e3f1e4", "#1e6b2a"),
    "illustrative": ("#fff1d6", "#8a5a00"),
    "confirmed": ("#dcebfb", "#1b4f8a"),
    "override": ("#efe1f7", "#6a2c8a"),
    "eligible": ("#e3f1e4", "#1e6b2a"),
    "capped": ("#fff1d6", "#8a5a00"),
    "pool_limited": ("#fde2d2", "#9a3b0c"),
    "zero": ("#eeeeee", "#555555"),
    "ineligible": ("#fbdede", "#9b1c1c"),
    "beyond_policy_period": ("#eeeeee", "#555555"),
    "before_policy_period": ("#eeeeee", "#555555"),
    "pending_recognition": ("#dff3f1", "#0f5f58"),  # 待认定: computed, not yet committed
    "default": ("#dcebfb", "#1b4f8a"),
    "overrun": ("#fbdede", "#9b1c1c"),
}

OVERRUN_COLOR = "#c62828"
UP_COLOR = "#e3f1e4"  # a variant gives more than the first column
DOWN_COLOR = "#fbdede"  # a variant gives less


def category_color(category: str) -> QColor:
    return QColor(CATEGORY_COLORS.get(category, CATEGORY_COLORS["other"]))


def item_color(index: int) -> QColor:
    """A distinct colour for the n-th item when bars are stacked by item rather than category."""
    colors = list(CATEGORY_COLORS.values())
    return QColor(colors[index % len(colors)])
