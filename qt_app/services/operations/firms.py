"""Firm operations (企业档案操作): save, delete, restore, stage, contact log, import.

Each writes through the store and returns an `OpResult` with its notice and, where it can be taken back,
its undo. The editor, the list, the import dialog and `python -m qt_app firms import` all come here.
"""

from __future__ import annotations

import contextlib
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from qt_app.domain.errors import DomainError
from qt_app.domain.pipeline import STAGE_LABELS, Stage
from qt_app.services.operations.base import OpResult, Undo
from qt_app.services.operations.changes import OpChanges, firms_changed

if TYPE_CHECKING:
    from qt_app.domain.firm import Firm
    from qt_app.domain.variants import Variant
    from qt_app.services.session import Session
    from qt_app.store.importer import ImportReport

Stored = tuple["Firm", tuple["Variant", ...]]


def _stored(session: Session, firm_id: str) -> Stored | None:
    try:
        return session.store.get_firm(firm_id)
    except DomainError:
        return None


def _cache_total(session: Session, firm: Firm) -> None:
    """Remember the base package total for the list; a failure only costs a recomputation later."""
    with contextlib.suppress(DomainError):
        pkg = session.package(firm, explain=False)
        session.store.put_package_total(firm.id, "base", session.policy.hash, pkg.total, pkg.by_year())


def package_total(session: Session, firm_id: str) -> int:
    """The firm's base package total under the default policy, remembered for the list (0 when it cannot be
    computed). A cache, not data anyone typed: no undo, no notice."""
    try:
        firm, _variants = session.store.get_firm(firm_id)
        pkg = session.package(firm, explain=False)
    except DomainError:
        return 0
    if not session.store.read_only:
        with contextlib.suppress(DomainError):  # a cache write failing only costs a recomputation
            session.store.put_package_total(firm_id, "base", session.policy.hash, pkg.total, pkg.by_year())
    return pkg.total


def save_firm(session: Session, firm: Firm, variants: tuple[Variant, ...], who: str = "") -> OpResult[None]:
    """保存企业. Undo brings back the version before, or moves a firm saved for the first time to the trash."""
    store = session.store
    before = _stored(session, firm.id)
    store.save_firm(firm, variants, who)
    _cache_total(session, firm)
    changed = firms_changed(firm.id, listed=True)

    def undo() -> OpChanges:
        if before is None:
            store.delete_firm(firm.id, who)
        else:
            store.save_firm(before[0], before[1], who)
            _cache_total(session, before[0])
        return changed

    def redo() -> OpChanges:
        if before is None:
            store.restore_firm(firm.id, who)
        store.save_firm(firm, variants, who)
        _cache_total(session, firm)
        return changed

    label = Undo(f"保存“{firm.name}”", f"Save “{firm.name}”", undo, redo)
    return OpResult(changed, None, label)


def delete_firm(session: Session, firm_id: str, who: str = "") -> OpResult[None]:
    """删除企业 (to the trash, 回收站); undo restores it."""
    store = session.store
    name = _name(session, firm_id)
    store.delete_firm(firm_id, who)
    changed = firms_changed(firm_id, listed=True)

    def undo() -> OpChanges:
        store.restore_firm(firm_id, who)
        return changed

    def redo() -> OpChanges:
        store.delete_firm(firm_id, who)
        return changed

    return OpResult(changed, None, Undo(f"删除“{name}”", f"Delete “{name}”", undo, redo))


def restore_firm(session: Session, firm_id: str, who: str = "") -> OpResult[None]:
    """从回收站恢复; undo puts it back in the trash."""
    store = session.store
    name = _name(session, firm_id)
    store.restore_firm(firm_id, who)
    changed = firms_changed(firm_id, listed=True)

    def undo() -> OpChanges:
        store.delete_firm(firm_id, who)
        return changed

    def redo() -> OpChanges:
        store.restore_firm(firm_id, who)
        return changed

    return OpResult(changed, None, Undo(f"恢复“{name}”", f"Restore “{name}”", undo, redo))


def set_stage(
    session: Session, firm_id: str, stage: Stage | str, reason: str = "", who: str = ""
) -> OpResult[None]:
    """变更阶段; undo puts back the previous stage and its reason."""
    store = session.store
    firm, _variants = store.get_firm(firm_id)
    new = Stage(stage)
    old_stage, old_reason = firm.stage, firm.stage_reason
    store.set_stage(firm_id, new, reason, who)
    changed = firms_changed(firm_id)

    def undo() -> OpChanges:
        store.set_stage(firm_id, old_stage, old_reason, who)
        return changed

    def redo() -> OpChanges:
        store.set_stage(firm_id, new, reason, who)
        return changed

    zh, en = STAGE_LABELS[new]
    return OpResult(changed, None, Undo(f"“{firm.name}”改为{zh}", f"“{firm.name}” to {en}", undo, redo))


def add_contact(
    session: Session,
    firm_id: str,
    when: date | str,
    kind: str,
    person: str,
    notes: str = "",
    next_step: str = "",
    who: str = "",
) -> OpResult[str]:
    """添加联络记录; returns the entry's id. Not undoable: the log records what happened (edit is a new entry)."""
    entry_id = session.store.add_contact(firm_id, when, kind, person, notes, next_step, by=who)
    return OpResult(OpChanges(contacts=frozenset({firm_id})), entry_id)


def plan_import(session: Session, path: str | Path, skip_invalid: bool = False) -> ImportReport:
    """Read and check a file row by row; writes nothing (the report is what the dialog and the CLI show)."""
    from qt_app.store.importer import plan_import as plan

    return plan(session.store, path, "skip" if skip_invalid else "all")


def import_firms(session: Session, report: ImportReport, who: str = "") -> OpResult[ImportReport]:
    """Write a checked import in one transaction (ImportRefused, writing nothing, unless acceptable).

    Not undoable with Ctrl+Z: an import may touch thousands of firms; the daily backup and the audit
    log keep the way back.
    """
    from qt_app.store.importer import apply_import

    written = apply_import(session.store, report, who)
    ids = frozenset(plan.firm_id for plan in written.rows if plan.ok and plan.firm_id)
    return OpResult(OpChanges(firms=ids, firm_list=True), written)


def _name(session: Session, firm_id: str) -> str:
    stored = _stored(session, firm_id)
    return stored[0].name if stored is not None else firm_id
