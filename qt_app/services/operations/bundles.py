"""Bundle operations (数据包): import a signed bundle, and settle a conflict it left.

Neither is undoable with Ctrl+Z: an import is many merges, and a conflict's settlement travels to the other
side at the next exchange (the daily backup is the way back). Each returns what it changed, so every panel
can refresh.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from qt_app.services import bundle_conflicts, bundles
from qt_app.services.operations.base import OpResult
from qt_app.services.operations.changes import OpChanges

if TYPE_CHECKING:
    from qt_app.services.session import Session
    from qt_app.store.bundle_report import MergeReport


def import_bundle(session: Session, path: str | Path, who: str = "") -> OpResult[MergeReport]:
    """导入数据包: verified, checked, merged in one transaction; the report lists conflicts and refusals."""
    report = bundles.import_bundle(session.store, path, who)
    firms = set(report.added + report.updated)
    changes = OpChanges(
        firms=frozenset(firms),
        firm_list=bool(firms),
        letters=frozenset(report.letter_firms),
        ledger=frozenset(report.ledger_firms),
    )
    return OpResult(changes, report)


def resolve_bundle_conflict(
    session: Session, firm: str, keep: str, year: int | None = None, who: str = ""
) -> OpResult[bundle_conflicts.Resolved]:
    """保留本机/对方的版本 of a firm record (no year) or of its year of actuals."""
    done = bundle_conflicts.resolve(session.store, firm, keep, year, who)
    if year is None:
        changes = OpChanges(firms=frozenset({done.firm_id}), firm_list=keep == "remote")
    else:
        changes = OpChanges(ledger=frozenset({done.firm_id}) if keep == "remote" else frozenset())
    return OpResult(changes, done)
