"""Policy operations (政策版本操作): load another version, choose the default every package is computed under."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from qt_app.services.operations.base import OpResult, Undo
from qt_app.services.operations.changes import OpChanges

if TYPE_CHECKING:
    from qt_app.domain.policy import Policy
    from qt_app.services.session import Session

POLICY_CHANGED = OpChanges(policy=True)


def load_policy_file(session: Session, path: str | Path) -> OpResult[Policy]:
    """Load a policy version from a YAML file (ValidationError, line by line, when it is broken)."""
    policy = session.add_policy_file(path)
    return OpResult(POLICY_CHANGED, policy)


def set_default_policy(session: Session, policy_id: str) -> OpResult[None]:
    """设为默认版本: every package on every screen is recomputed under it; undo returns to the previous one."""
    before = session.policy.id
    session.set_default_policy(policy_id)
    after = session.policy

    def undo() -> OpChanges:
        session.set_default_policy(before)
        return POLICY_CHANGED

    def redo() -> OpChanges:
        session.set_default_policy(policy_id)
        return POLICY_CHANGED

    undo_entry = Undo(
        f"默认政策改为 {after.short_title} {after.version}",
        f"Default policy: {after.title_en} {after.version}",
        undo,
        redo,
    )
    return OpResult(POLICY_CHANGED, None, undo_entry)
