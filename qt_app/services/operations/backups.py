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


def restore_newest_good(session: Session, who: str = "") -> OpResult[Path | None]:
    """用最近的完好备份恢复 a damaged file: the damaged file is kept aside (its path returned), the newest good
    backup put in its place, and the store reopened on it (writable again). None when there is no good backup."""
    from qt_app.services.firms import restore_newest_good as restore

    kept = restore(session.store, who)
    if kept is None:
        return OpResult(OpChanges(), None)
    return OpResult(OpChanges(everything=True, backups=True, firm_list=True), kept)
