"""Test set-up shared by every test: offscreen Qt, a private data folder, the project's resources."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Must happen before any Qt import: without a display, Qt would abort the whole run.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every test gets its own data folder, so nothing touches the user's real database."""
    data = tmp_path / "data"
    data.mkdir()
    monkeypatch.setenv("OFFER_DESK_DATA_DIR", str(data))
    yield data
