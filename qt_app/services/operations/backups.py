"""Backup operations (备份与恢复): a backup now, or the whole database put back from one."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from qt_app.services.operations.base import OpResult
from qt_app.services.operations.changes import OpChanges

if TYPE_CHECKING:
    from qt_app.services.session import Session


def backup_now(session: Session) -> OpResult[Path]:
    """立即备份 into the backups folder; returns the file written."""
    path = session.store.backup(kind="manual")
    return OpResult(OpChanges(backups=True), path)


def restore_backup(session: Session, source: str | Path, who: str = "") -> OpResult[Path]:
    """从备份恢复: the current data is backed up first (that file is returned), then replaced.

    Not undoable with Ctrl+Z; the pre-restore backup is the way back, listed in the settings.
    """
    kept = session.store.restore(Path(source), who)
    return OpResult(OpChanges(everything=True, backups=True, firm_list=True), kept)
