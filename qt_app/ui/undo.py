"""Undo/redo (撤销/重做): each command acts on the store (or the editor's draft) and keeps its inverse.

A command's first `redo` is the action the user just did (already carried out by the caller, so a
failure shows up at once as a message instead of inside Qt's undo machinery); later redos repeat it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from qt_app.domain.pipeline import STAGE_LABELS, Stage
from qt_app.store.store import Store
from qt_app.ui import i18n

if TYPE_CHECKING:
    from qt_app.domain.firm import Firm
    from qt_app.domain.variants import Variant

Notify = Callable[[], None]
OnError = Callable[[BaseException], None]


class StoreCommand(QUndoCommand):
    """A store action with its inverse; `changed` runs after either, `failed` when the store refuses."""

    def __init__(self, text: str, changed: Notify, failed: OnError) -> None:
        super().__init__(text)
        self._changed = changed
        self._failed = failed
        self._first = True

    def do(self) -> None:
        raise NotImplementedError

    def undo_it(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._run(self.do)

    def undo(self) -> None:
        self._run(self.undo_it)

    def _run(self, fn: Callable[[], None]) -> None:
        try:
            fn()
        except Exception as e:  # a refused undo must not crash the window; the user is told why
            self.setObsolete(True)
            self._failed(e)
        self._changed()


class DeleteFirm(StoreCommand):
    """删除企业 (to the trash); undo restores it."""

    def __init__(
        self, store: Store, firm_id: str, name: str, who: str, changed: Notify, failed: OnError
    ) -> None:
        super().__init__(
            QCoreApplication.translate("Undo", "删除“{name}”").format(name=name), changed, failed
        )
        self.store, self.firm_id, self.who = store, firm_id, who

    def do(self) -> None:
        self.store.delete_firm(self.firm_id, self.who)

    def undo_it(self) -> None:
        self.store.restore_firm(self.firm_id, self.who)


class RestoreFirm(DeleteFirm):
    """从回收站恢复; undo puts it back in the trash."""

    def __init__(
        self, store: Store, firm_id: str, name: str, who: str, changed: Notify, failed: OnError
    ) -> None:
        super().__init__(store, firm_id, name, who, changed, failed)
        self.setText(QCoreApplication.translate("Undo", "恢复“{name}”").format(name=name))

    def do(self) -> None:
        DeleteFirm.undo_it(self)

    def undo_it(self) -> None:
        DeleteFirm.do(self)


class SetStage(StoreCommand):
    """变更阶段; undo puts back the previous stage and its reason."""

    def __init__(
        self,
        store: Store,
        firm: Firm,
        stage: Stage,
        reason: str,
        who: str,
        changed: Notify,
        failed: OnError,
    ) -> None:
        text = QCoreApplication.translate("Undo", "“{name}”改为{stage}").format(
            name=firm.name, stage=i18n.label(STAGE_LABELS, stage)
        )
        super().__init__(text, changed, failed)
        self.store, self.firm_id, self.who = store, firm.id, who
        self.new = (stage, reason)
        self.old = (firm.stage, firm.stage_reason)

    def do(self) -> None:
        self.store.set_stage(self.firm_id, self.new[0], self.new[1], self.who)

    def undo_it(self) -> None:
        self.store.set_stage(self.firm_id, self.old[0], self.old[1], self.who)


class SaveFirm(StoreCommand):
    """保存企业; undo brings back the version before (or moves a new firm to the trash)."""

    def __init__(
        self,
        store: Store,
        after: tuple[Firm, tuple[Variant, ...]],
        before: tuple[Firm, tuple[Variant, ...]] | None,
        who: str,
        changed: Notify,
        failed: OnError,
    ) -> None:
        super().__init__(
            QCoreApplication.translate("Undo", "保存“{name}”").format(name=after[0].name), changed, failed
        )
        self.store, self.after, self.before, self.who = store, after, before, who

    def do(self) -> None:
        if self.before is None:
            self.store.restore_firm(self.after[0].id, self.who)
        self.store.save_firm(self.after[0], self.after[1], self.who)

    def undo_it(self) -> None:
        if self.before is None:
            self.store.delete_firm(self.after[0].id, self.who)
        else:
            self.store.save_firm(self.before[0], self.before[1], self.who)


class EditField(QUndoCommand):
    """One edit in the firm editor; consecutive typing in the same field merges into one step."""

    MERGE_ID = 4101

    def __init__(
        self, key: str, before: Any, after: Any, apply: Callable[[str, Any], None], label: str
    ) -> None:
        super().__init__(QCoreApplication.translate("Undo", "修改{field}").format(field=label))
        self.key, self.before, self.after, self._apply = key, before, after, apply
        self._first = True

    def id(self) -> int:
        return self.MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditField) or other.key != self.key or not isinstance(self.after, str):
            return False
        self.after = other.after
        return True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._apply(self.key, self.after)

    def undo(self) -> None:
        self._apply(self.key, self.before)
