"""Fixtures for the store tests: a real database file in a temporary folder, and firms to put in it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from qt_app.domain import uscc
from qt_app.domain.firm import Firm
from qt_app.services.firms import Store, open_store


def code_for(n: int) -> str:
    """A valid 统一社会信用代码 in Qingtian (331121) for the n-th test firm."""
    return uscc.make_code("9", "1", uscc.QINGTIAN_REGION, f"MA{n:07d}")


def make_firm(n: int, name: str | None = None, **changes: object) -> Firm:
    firm = Firm(id=f"f-test{n:08d}", name=name or f"青田测试科技有限公司{n}", uscc=code_for(n))
    return firm.with_changes(**changes) if changes else firm


def trust(sender: Path, receiver: Path) -> str:
    """The receiving office trusts the sender's signing key, as `python -m qt_app keys import` does."""
    from qt_app.reports.signing import KeyRing

    return KeyRing(receiver).import_key(KeyRing(sender).public_key_path(), "office")


def pin_hq(outpost: Store, hq: Path) -> str:
    """The outpost trusts headquarters' key and pins it as headquarters' (`office hq-key`); returns it."""
    from qt_app.services.offices import set_hq_key

    return set_hq_key(outpost, trust(hq, outpost.folder), "叶海峰")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "desk"


@pytest.fixture
def store(folder: Path) -> Iterator[Store]:
    s = open_store(folder)
    yield s
    s.close()
