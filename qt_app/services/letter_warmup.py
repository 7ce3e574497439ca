"""Getting the letter path ready after start (告知函预热), so the first letter is as fast as any later one.

A letter needs reportlab, the document kit and five faces, and its first rendering in a process also pays for
reading each face's tables and for Python warming the code it runs: about 400 ms beside 230 ms for a later one.
Once the window is warm it calls `warm_letters()` on a worker thread: it renders one small letter for a demo
firm and throws it away. Nothing is written: the letter is signed with a key made in memory, and no store or
file is touched. Nothing here runs at import.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from qt_app.domain.policy import Policy

SWITCH = "OFFER_DESK_LETTER_WARMUP"  # "0" turns it off (the test suite, which opens hundreds of windows)


def enabled() -> bool:
    return os.environ.get(SWITCH, "1") != "0"


def warm_letters(policy: Policy) -> int:
    """Render one throw-away draft letter under `policy`; returns its size in bytes."""
    from dataclasses import replace

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from qt_app.domain.simulate import simulate
    from qt_app.reports.signing import KeyRing
    from qt_app.services.demo import demo_firms
    from qt_app.services.letters import render_letter

    class _InMemory(KeyRing):
        """A key ring whose key lives only in memory: warming up writes no file."""

        def __init__(self) -> None:
            super().__init__("/nonexistent-warm-up")
            self._private = Ed25519PrivateKey.generate()

    firm, variants = demo_firms()[0]
    firm = replace(firm, talents=firm.talents[:1], loans=(), science_projects=(), scenario_projects=())
    package = simulate(firm, policy)
    return len(render_letter(firm, variants, package, policy, keyring=_InMemory()))
