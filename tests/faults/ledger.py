"""Record fault and fuzz outcomes for the end-of-run tables (see tests/conftest.py)."""

from __future__ import annotations

import json
import os


def _append(entry: dict[str, object]) -> None:
    path = os.environ.get("OFFER_DESK_FAULT_LEDGER")
    if path:
        with open(path, "a", encoding="utf-8") as f:
            f.write(json.dumps(entry, ensure_ascii=False) + "\n")


def record(scenario: str, tried: int, lost: int) -> None:
    """A fault scenario: how many times it was tried, how many times something confirmed was lost."""
    _append({"scenario": scenario, "tried": tried, "lost": lost})


def record_fuzz(target: str, outcome: str, lost: int = 0) -> None:
    """One fuzz case: "accepted", "refused" (with a message) or "traceback"; `lost` counts data lost."""
    _append({"fuzz": target, "outcome": outcome, "lost": lost})
