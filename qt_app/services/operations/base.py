"""What every operation returns (操作结果): its change notice, its value, and how to take it back.

An operation is a plain function `op(session, …) -> OpResult`: it writes through the store, records how
to undo it (as two more operations, `undo` and `redo`, each returning its own notice) and says what it
changed. The UI pushes the `Undo` onto its undo stack and publishes the notice; the CLI ignores both.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from qt_app.services.operations.changes import OpChanges

T = TypeVar("T")


@dataclass(frozen=True)
class Undo:
    """How to take an operation back and do it again; both return what they changed."""

    label_zh: str  # "保存“青田星河数字科技”" — the undo menu names the step
    label_en: str
    undo: Callable[[], OpChanges]
    redo: Callable[[], OpChanges]

    def label(self, lang: str) -> str:
        return self.label_en if lang == "en" else self.label_zh


@dataclass(frozen=True)
class OpResult(Generic[T]):
    """An operation's outcome: what changed, the value it produced, and its undo (None: not undoable)."""

    changes: OpChanges
    value: T
    undo: Undo | None = None


def current_user() -> str:
    """The signed-in user's name, recorded in the audit log ("" when the system does not say)."""
    import getpass  # on the first write, not at start (it loads termios)

    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return ""
