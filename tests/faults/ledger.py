"""Record a fault scenario's outcome for the end-of-run table (see tests/conftest.py)."""

from __future__ import annotations

import json
import os


def record(scenario: str, tried: int, lost: int) -> None:
    path = os.environ.get("OFFER_DESK_FAULT_LEDGER")
    if path:
        with open(path, "a", encoding="utf-8") as f:
            f.write(
                json.dumps({"scenario": scenario, "tried": tried, "lost": lost}, ensure_ascii=False) + "\n"
            )
