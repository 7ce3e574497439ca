"""The firm editor (企业信息编辑): Designer form + live validation, undo, and a draft that survives a crash.

The form's values are the model; widgets only show them. Every change is an undoable step, is judged by
`firm_from_dict` (the CLI's reader) so messages match, marks its field with the message in words, and is
published on the hub (debounced) as the firm on screen: the parsed draft, so the package recomputes live,
or — while something required is missing or wrong — what to fill in. Saving is an operation.

The same form edits a what-if variant (`variant_mode`): it shows the firm as the variant assumes it, marks
what differs from the base, and saves the differences as the variant (`operations.variants`).
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QKeyCombination, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from qt_app.domain.errors import DomainError, FieldProblem, ValidationError
from qt_app.domain.firm import Firm
from qt_app.domain.firm_io import new_firm_id
from qt_app.domain.variants import Variant
from qt_app.services.operations import OpChanges, OpResult, current_user
from qt_app.services.operations import firms as firm_ops
from qt_app.services.operations import variants as variant_ops
from qt_app.services.session import Session
from qt_app.ui import editor_checks, editor_drafts, editor_fields, firm_form, i18n
from qt_app.ui.editor_binding import FieldBinding
from qt_app.ui.editor_drafts import DraftKeeper
from qt_app.ui.editor_tables import EditorTables, column_name
from qt_app.ui.firm_form import PARAMS, read_draft
from qt_app.ui.forms.ui_firm_editor import Ui_FirmEditor
from qt_app.ui.hub import Hub
from qt_app.ui.panel import FirmOnScreen
from qt_app.ui.undo import EditField
from qt_app.ui.variant_bar import VariantBar
from qt_app.ui.variant_mode import VariantMode
from qt_app.ui.widgets.variant_words import param_choices

Parsed = tuple[Firm, tuple[Variant, ...]]
__all__ = ["FirmEditor", "read_draft"]

DEBOUNCE_MS = 150


class FirmEditor(QWidget):
    """Edits one firm (or a new one, or one of its variants) as a draft; `save()` runs the save operation."""

    dirtyChanged = Signal(bool)  # unsaved changes appeared / were saved or discarded
    saved = Signal(str)  # firm id, after a successful save

    def __init__(
        self, session: Session, hub: Hub, draft_path: Path | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_FirmEditor()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self.session = session
        self.hub = hub
        self._policy = session.policy
        self.undo_stack = QUndoStack(self)
        self._values = firm_form.empty_values()
        self._saved_dict: dict[str, Any] | None = None  # what the store holds; None for a new firm
        self._dirty = False
        self.problems: list[FieldProblem] = []
        self.parsed: Parsed | None = None
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self._announce)
        self.drafts = DraftKeeper(draft_path, self)
        self.tables = EditorTables(self.ui, self)
        self.tables.edited.connect(self._table_edited)
        editor_fields.fill_choices(self.ui, self._policy)
        self._fill_policy_choices()
        self.binding = FieldBinding(self.ui, self._edited)
        self.line_edits = self.binding.lines
        self.variant_mode = VariantMode(self)
        self.variant_bar = VariantBar(self)
        # Ctrl+Z / Ctrl+Shift+Z go to the editor's undo stack, not a line edit's private undo.
        for edit in (*self.line_edits.values(), self.ui.notesEdit):
            edit.installEventFilter(self)
        self.ui.notesEdit.setUndoRedoEnabled(False)
        self.ui.saveButton.clicked.connect(self.save)
        self.ui.revertButton.clicked.connect(self.revert)
        hub.changed.connect(self.on_changes)
        self.load_values(firm_form.empty_values(), saved=None)

    def _fill_policy_choices(self) -> None:
        editor_fields.fill_sites(self.ui.siteCombo, self._policy)
        editor_fields.fill_policies(self.ui.policyVersionCombo, self.session.policies)
        self.tables.set_param_choices(param_choices(self._policy))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Let the window's undo/redo shortcuts through instead of a field's own undo."""
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo):
                event.ignore()
                return True
            if event.keyCombination() == QKeyCombination(
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier, Qt.Key.Key_Z
            ):
                event.ignore()
                return True
        return super().eventFilter(watched, event)

    # -- loading ----------------------------------------------------------------------------------------
    def load_firm(self, firm: Firm | None, variants: tuple[Variant, ...] = ()) -> None:
        """Show a stored firm's base (or a blank new one) with no unsaved changes."""
        self.variant_mode.stop()
        if firm is None:
            self.load_values(firm_form.empty_values(), saved=None)
        else:
            values = firm_form.values_from_firm(firm, variants)
            self.load_values(values, saved=self.snapshot(values))

    def load_values(
        self, values: firm_form.Values, saved: dict[str, Any] | None, dirty: bool = False
    ) -> None:
        """Show form values; `saved` is the stored version (None: not in the store yet)."""
        if not values.get("id"):
            values["id"] = new_firm_id()
        self._values = values
        self._saved_dict = saved
        self.undo_stack.clear()
        self._refresh_all()
        self._set_dirty(dirty)
        self._validate()
        self._debounce.stop()
        self._announce()  # at once: the package never shows the firm that was here before

    def new_copy(self, firm: Firm, variants: tuple[Variant, ...]) -> None:
        """复制企业: a new draft prefilled from another firm; the credit code must be entered anew."""
        self.variant_mode.stop()
        values = firm_form.values_from_firm(firm, variants)
        values["id"] = new_firm_id()
        values["name"] = self.tr("{name}（副本）").format(name=firm.name)
        values["uscc"] = ""
        values["uscc_note"] = ""
        self.load_values(values, saved=None, dirty=True)

    def edit_variant(self, like: Variant, is_new: bool = False) -> bool:
        """Edit a variant of the stored firm (a new one when `is_new`); False when the firm is not stored."""
        try:
            base, variants = self.session.store.get_firm(self.firm_id)
        except DomainError:
            return False
        values = self.variant_mode.start(base, variants, like, is_new)
        self.load_values(values, saved=None if is_new else self.snapshot(values), dirty=is_new)
        return True

    def snapshot(self, values: firm_form.Values) -> dict[str, Any]:
        """What is compared to tell unsaved changes: the firm dict, plus a variant's own fields."""
        return {
            **firm_form.to_firm_dict(values),
            "variant.label": values["variant.label"],
            "variant.policy": values["variant.policy"],
            PARAMS: copy.deepcopy(values[PARAMS]),
        }

    def shows(self, firm: Firm, variants: tuple[Variant, ...]) -> bool:
        """True when the editor's stored version is this firm's base exactly (nothing to reload)."""
        stored = self.snapshot(firm_form.values_from_firm(firm, variants))
        return not self.variant_mode.active and self._saved_dict == stored

    def on_changes(self, changes: OpChanges) -> None:
        """An operation changed the store (stage, undo, a variant, import, restore): the editor follows."""
        if changes.policy or changes.everything:
            self._policy = self.session.policy
            self._fill_policy_choices()
            self._refresh_all()
        if (self.is_new and not self.variant_mode.active) or not changes.firm(self.firm_id):
            return
        try:
            firm, variants = self.session.store.get_firm(self.firm_id)
        except DomainError:
            self.load_firm(None)  # gone (a restored backup without it)
            return
        self.variant_bar.follow_store(firm, variants)

    def mirror_variants(self, firm: Firm, variants: tuple[Variant, ...]) -> None:
        """The stored variants changed while the form holds edits: keep the edits, take the new list."""
        listed = firm_form.values_from_firm(firm, variants)["variants"]
        self._values["variants"] = listed
        if self._saved_dict is not None:
            self._saved_dict["variants"] = copy.deepcopy(listed)
        self.variant_bar.fill()
        self._validate()
        self._announce()

    @property
    def firm_id(self) -> str:
        return str(self._values["id"])

    @property
    def is_new(self) -> bool:
        return self._saved_dict is None

    @property
    def dirty(self) -> bool:
        return self._dirty

    def values(self) -> firm_form.Values:
        return copy.deepcopy(self._values)

    def values_now(self) -> firm_form.Values:
        """The form values themselves (read-only use)."""
        return self._values

    def saved_version(self) -> dict[str, Any] | None:
        """What the store holds of what is edited (None: a new firm or variant)."""
        return self._saved_dict

    # -- showing values -----------------------------------------------------------------------------------
    def _refresh_all(self) -> None:
        v = self._values
        self.binding.show(v)
        editor_fields.fill_domains(self.ui.domainsList, self._policy, v["domains"])
        for key in (*firm_form.TABLE_KEYS, *firm_form.YEAR_KEYS, PARAMS):
            self.tables.set_rows(key, v[key])
        self.variant_bar.fill()

    # -- edits ----------------------------------------------------------------------------------------------
    def _edited(self, key: str, value: Any) -> None:
        before = copy.deepcopy(self._values.get(key))
        if before == value:
            return
        self._values[key] = copy.deepcopy(value)
        label = i18n.pick(
            firm_form.FIELD_LABELS.get(key, firm_form.FIELD_LABELS.get(key.split(".")[0], (key, key)))
        )
        self.undo_stack.push(EditField(key, before, copy.deepcopy(value), self._apply, label))
        self._changed()
        if key == "variant.label":
            self.variant_bar.show_label()

    def _table_edited(self, key: str, rows: list[dict[str, str]]) -> None:
        if not self.binding.showing:
            self._edited(key, rows)

    def _apply(self, key: str, value: Any) -> None:
        """Undo/redo: put a value back and show it."""
        self._values[key] = copy.deepcopy(value)
        self._refresh_all()
        self._changed()

    def _changed(self) -> None:
        self._set_dirty(self._saved_dict is None or self.snapshot(self._values) != self._saved_dict)
        self._validate()
        self._debounce.start()
        self.drafts.later()

    def _set_dirty(self, dirty: bool) -> None:
        name = self._values["name"].strip() or self.tr("新企业")
        if self.variant_mode.active:
            label = self._values["variant.label"].strip() or self.tr("新方案")
            name = self.tr("{firm} · 方案：{variant}").format(firm=name, variant=label)
        self.ui.titleLabel.setText(name + (" *" if dirty else ""))
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirtyChanged.emit(dirty)
        self._update_save()

    # -- validation -------------------------------------------------------------------------------------------
    def _validate(self) -> None:
        self.parsed, self.problems = firm_form.parse(self._values)
        if self.variant_mode.active:
            effective = self.parsed[0] if self.parsed is not None else None
            own = self.variant_mode.check(self._values, effective)
            if own:
                self.parsed = None
                self.problems = [*self.problems, *own]
        editor_checks.show_uscc(self.ui, self._values, self.problems)
        self._mark_problems()
        self._update_save()

    def _mark_problems(self) -> None:
        editor_checks.show_problems(self, self.problems, self._values)
        self.variant_mode.mark(self._values)
        self.variant_bar.show_revenue_note()

    def _update_save(self) -> None:
        self.ui.saveButton.setEnabled(self.parsed is not None and self._dirty)
        self.ui.revertButton.setEnabled(self._dirty)

    def on_screen(self) -> FirmOnScreen:
        """What every panel should show for this draft: the parsed firm (and the variant being edited), or
        what is missing."""
        mode = self.variant_mode
        if self.parsed is not None and mode.active and mode.base is not None and mode.draft is not None:
            draft = mode.draft
            listed = self.parsed[1]
            variants = tuple(draft if v.name == draft.name else v for v in listed)
            if all(v.name != draft.name for v in listed):
                variants = (*variants, draft)
            return FirmOnScreen.of(mode.base, variants, variant=draft.name)
        if self.parsed is not None:
            return FirmOnScreen.of(*self.parsed, is_new=self.is_new)
        lang = i18n.current()
        waiting = firm_form.waiting_text(self.problems, self._values, lang, column_name)
        name = self._values["name"].strip()
        return FirmOnScreen(
            self.firm_id, name, None, (), waiting=waiting, is_new=self.is_new, variant=mode.name
        )

    def _announce(self) -> None:
        self.hub.firmShown.emit(self.on_screen())

    def announce_now(self) -> None:
        """Publish the draft at once instead of after the pause in typing (tests, benchmarks, Ctrl+S)."""
        self._debounce.stop()
        self._announce()

    # -- saving -------------------------------------------------------------------------------------------------
    def save(self) -> bool:
        """Run the save operation on the valid draft; refuses (and says why) while anything is invalid."""
        self._validate()
        if self.parsed is None:
            return False
        firm, variants = self.parsed
        mode = self.variant_mode
        try:
            result = self._save_op(firm, variants)
        except ValidationError as e:
            editor_checks.show_refusal(self.ui, e)
            return False
        except DomainError as e:
            QMessageBox.warning(self, self.tr("无法保存"), e.message(i18n.current()))
            return False
        mode.saved()
        self._saved_dict = self.snapshot(self._values)
        self.undo_stack.clear()  # a save is undone whole (the window's undo), not keystroke by keystroke
        self._set_dirty(False)
        self.drafts.discard()
        self.hub.apply(result)  # the list, the package totals and every panel hear of it
        self.saved.emit(firm.id)
        return True

    def _save_op(self, firm: Firm, variants: tuple[Variant, ...]) -> OpResult[str | None]:
        """The variant's create or save operation, or the firm's save."""
        mode = self.variant_mode
        who = current_user()
        if mode.active and mode.draft is not None:
            if mode.is_new:
                made = variant_ops.create_variant(self.session, self.firm_id, mode.draft, who)
                return OpResult(made.changes, made.value, made.undo)
            edited = variant_ops.save_variant(self.session, self.firm_id, mode.draft, who)
            return OpResult(edited.changes, None, edited.undo)
        saved = firm_ops.save_firm(self.session, firm, variants, who)
        return OpResult(saved.changes, None, saved.undo)

    def revert(self) -> None:
        """放弃修改: back to the stored version (a new variant: back to the base; a new firm: a blank form)."""
        mode = self.variant_mode
        if mode.active and mode.like is not None and not mode.is_new:
            self.edit_variant(mode.like)
        elif mode.active:
            self.variant_bar.show_base()
        elif self._saved_dict is None:
            self.load_values(firm_form.empty_values(), saved=None)
        else:
            self.load_values(firm_form.values_from_dict(self._saved_dict), saved=self._saved_dict)
        self.drafts.discard()

    def maybe_leave(self) -> bool:
        """Before showing another firm or variant, or closing: ask Save / Discard / Cancel when there are changes."""
        if not self._dirty:
            return True
        answer = editor_checks.ask_leave(
            self, self.ui.titleLabel.text().removesuffix(" *") or self.tr("新企业"), self.parsed is not None
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.revert()
            return True
        return False

    # -- crash-safe draft -----------------------------------------------------------------------------------------
    def write_draft(self) -> None:
        """Keep unsaved changes in a file so a crash does not lose them (offered back at the next start)."""
        self.drafts.write(editor_drafts.payload(self) if self._dirty else None)

    def discard_draft(self) -> None:
        self.drafts.discard()

    def restore_draft(self, payload: dict[str, Any]) -> bool:
        """Load a draft written by `write_draft`; False when it is unreadable (or its firm is gone)."""
        if not editor_drafts.restore(self, payload):
            return False
        self._changed()
        return True
