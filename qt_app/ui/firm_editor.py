"""The firm editor (企业信息编辑): Designer form + live validation, undo, and a draft that survives a crash.

The form's values are the model; widgets only show them. Every change is an undoable step, is judged by
`firm_from_dict` (the CLI's reader) so messages match, marks its field with the message in words, and is
published on the hub (debounced) as the firm on screen: the parsed draft, so the package recomputes live,
or — while something required is missing or wrong — what to fill in. Saving is an operation.
"""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QEvent, QKeyCombination, QObject, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QMessageBox, QWidget

from qt_app.domain.errors import DomainError, FieldProblem, ValidationError
from qt_app.domain.firm import Firm
from qt_app.domain.firm_io import new_firm_id
from qt_app.domain.variants import Variant
from qt_app.services.operations import OpChanges, current_user
from qt_app.services.operations import firms as firm_ops
from qt_app.services.session import Session
from qt_app.ui import editor_checks, editor_fields, firm_form, i18n
from qt_app.ui.editor_drafts import DraftKeeper
from qt_app.ui.editor_tables import EditorTables, column_name
from qt_app.ui.firm_form import read_draft
from qt_app.ui.forms.ui_firm_editor import Ui_FirmEditor
from qt_app.ui.hub import Hub
from qt_app.ui.panel import FirmOnScreen
from qt_app.ui.undo import EditField

Parsed = tuple[Firm, tuple[Variant, ...]]
__all__ = ["FirmEditor", "read_draft"]

DEBOUNCE_MS = 150


class FirmEditor(QWidget):
    """Edits one firm (or a new one) as a draft; `save()` runs the save operation on a valid draft."""

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
        self._loading = False
        self._dirty = False
        self.problems: list[FieldProblem] = []
        self.parsed: Parsed | None = None
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self._announce)
        self.drafts = DraftKeeper(draft_path, self)
        self.tables = EditorTables(self.ui, self)
        self.tables.edited.connect(self._table_edited)
        editor_fields.fill_choices(self.ui, self._policy)
        self._bind()
        # Ctrl+Z / Ctrl+Shift+Z go to the editor's undo stack, not a line edit's private undo.
        for edit in (*self.line_edits.values(), self.ui.notesEdit):
            edit.installEventFilter(self)
        self.ui.notesEdit.setUndoRedoEnabled(False)
        hub.changed.connect(self.on_changes)
        self.load_values(firm_form.empty_values(), saved=None)

    # -- set-up ---------------------------------------------------------------------------------------
    def _bind(self) -> None:
        ui = self.ui
        lines: dict[str, QLineEdit] = {
            "name": ui.nameEdit, "uscc": ui.usccEdit, "uscc_note": ui.usccNoteEdit,
            "investment": ui.investmentEdit, "location.area_m2": ui.areaEdit,
            "location.rent_per_m2_day": ui.rentEdit, "stage_reason": ui.stageReasonEdit,
            "owner": ui.ownerEdit, "outpost": ui.outpostEdit, "contact": ui.contactEdit,
        }  # fmt: skip
        self.line_edits = lines
        for key, edit in lines.items():
            edit.textChanged.connect(lambda text, k=key: self._edited(k, text))
        self._combos: dict[str, QComboBox] = {
            "entity_type": ui.entityCombo, "grade": ui.gradeCombo, "mu_grade": ui.muGradeCombo,
            "location.site": ui.siteCombo, "stage": ui.stageCombo,
        }  # fmt: skip
        for key, combo in self._combos.items():
            combo.currentIndexChanged.connect(lambda _i, k=key, c=combo: self._edited(k, c.currentData()))
        self._checks: dict[str, QCheckBox] = {
            "is_trading": ui.tradingCheck, "is_headquarters": ui.hqCheck,
            "dishonest": ui.dishonestCheck, "registers_in_qingtian": ui.registersCheck,
        }  # fmt: skip
        for key, check in self._checks.items():
            check.toggled.connect(lambda on, k=key: self._edited(k, bool(on)))
        ui.locationGroup.toggled.connect(self._location_toggled)
        ui.moveInEdit.dateChanged.connect(
            lambda d: self._edited("location.move_in", d.toString("yyyy-MM-dd"))
        )
        ui.notesEdit.textChanged.connect(lambda: self._edited("notes", ui.notesEdit.toPlainText()))
        ui.domainsList.itemChanged.connect(
            lambda _item: self._edited("domains", editor_fields.checked_domains(ui.domainsList))
        )
        ui.variantCombo.currentIndexChanged.connect(lambda _i: self._show_revenue_plan())
        ui.saveButton.clicked.connect(self.save)
        ui.revertButton.clicked.connect(self.revert)

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
        """Show a stored firm (or a blank new one) with no unsaved changes."""
        if firm is None:
            self.load_values(firm_form.empty_values(), saved=None)
        else:
            values = firm_form.values_from_firm(firm, variants)
            self.load_values(values, saved=firm_form.to_firm_dict(values))

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
        values = firm_form.values_from_firm(firm, variants)
        values["id"] = new_firm_id()
        values["name"] = self.tr("{name}（副本）").format(name=firm.name)
        values["uscc"] = ""
        values["uscc_note"] = ""
        self.load_values(values, saved=None, dirty=True)

    def shows(self, firm: Firm, variants: tuple[Variant, ...]) -> bool:
        """True when the editor's stored version is this firm exactly (nothing to reload)."""
        return self._saved_dict == firm_form.to_firm_dict(firm_form.values_from_firm(firm, variants))

    def on_changes(self, changes: OpChanges) -> None:
        """An operation changed the store (stage, undo, import, restore): an editor without edits follows."""
        if changes.policy or changes.everything:
            self._policy = self.session.policy
            editor_fields.fill_sites(self.ui.siteCombo, self._policy)
            self._refresh_all()
        if self.is_new or self._dirty or not changes.firm(self.firm_id):
            return
        try:
            firm, variants = self.session.store.get_firm(self.firm_id)
        except DomainError:
            self.load_firm(None)  # gone (a restored backup without it)
            return
        if not self.shows(firm, variants):
            self.load_firm(firm, variants)

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

    # -- showing values -----------------------------------------------------------------------------------
    def _refresh_all(self) -> None:
        self._loading = True
        try:
            v = self._values
            for key, edit in self.line_edits.items():
                if edit.text() != v[key]:
                    edit.setText(v[key])
            for key, combo in self._combos.items():
                editor_fields.set_combo(combo, v[key])
            for key, check in self._checks.items():
                check.setChecked(bool(v[key]))
            self.ui.locationGroup.setChecked(bool(v["has_location"]))
            move_in = QDate.fromString(v["location.move_in"], "yyyy-MM-dd")
            self.ui.moveInEdit.setDate(move_in if move_in.isValid() else QDate(date.today().year, 1, 1))
            if self.ui.notesEdit.toPlainText() != v["notes"]:
                self.ui.notesEdit.setPlainText(v["notes"])
            editor_fields.fill_domains(self.ui.domainsList, self._policy, v["domains"])
            for key in (*firm_form.TABLE_KEYS, "compute_spend", "rnd_spend"):
                self.tables.set_rows(key, v[key])
            self._fill_variants()
        finally:
            self._loading = False

    def _fill_variants(self) -> None:
        combo = self.ui.variantCombo
        keep = combo.currentIndex()
        with QSignalBlocker(combo):
            combo.clear()
            combo.addItem(self.tr("基准方案（企业申报）"), "")
            for var in self._values["variants"]:
                combo.addItem(str(var.get("label") or var.get("name")), str(var.get("name")))
            combo.setCurrentIndex(keep if 0 <= keep < combo.count() else 0)
        self._show_revenue_plan()

    def _show_revenue_plan(self) -> None:
        i = self.ui.variantCombo.currentIndex()
        if i <= 0:
            self.tables.set_rows("revenue", self._values["revenue"])
            self.ui.variantInfo.setText(self.tr("企业申报的年度销售收入；金额可写 150万、1.2亿。"))
            self._mark_problems()
            return
        var = self._values["variants"][i - 1]
        self.tables.set_rows("revenue", firm_form.year_rows(var.get("revenue") or {}))
        if var.get("revenue"):
            self.ui.variantInfo.setText(self.tr("此方案单列的年度销售收入。"))
        else:
            factor = var.get("revenue_factor")
            note = (
                self.tr("此方案按基准营收 × {factor} 测算；在下表填写即改为单列营收。").format(factor=factor)
                if factor
                else self.tr("此方案沿用基准营收；在下表填写即改为单列营收。")
            )
            self.ui.variantInfo.setText(note)
        self._mark_problems()

    # -- edits ----------------------------------------------------------------------------------------------
    def _edited(self, key: str, value: Any) -> None:
        if self._loading:
            return
        before = copy.deepcopy(self._values.get(key))
        if before == value:
            return
        self._values[key] = copy.deepcopy(value)
        label = i18n.pick(firm_form.FIELD_LABELS.get(key.split(".")[0], (key, key)))
        self.undo_stack.push(EditField(key, before, copy.deepcopy(value), self._apply, label))
        self._changed()

    def _location_toggled(self, on: bool) -> None:
        if on and not self._loading and not self._values["location.move_in"]:
            self._values["location.move_in"] = self.ui.moveInEdit.date().toString("yyyy-MM-dd")
            if not self._values["location.site"]:
                self._values["location.site"] = self.ui.siteCombo.currentData() or ""
        self._edited("has_location", bool(on))

    def _table_edited(self, key: str, rows: list[dict[str, str]]) -> None:
        if self._loading:
            return
        if key == "revenue" and self.ui.variantCombo.currentIndex() > 0:
            variants = copy.deepcopy(self._values["variants"])
            var = variants[self.ui.variantCombo.currentIndex() - 1]
            years = firm_form.rows_to_years(rows)
            if years:
                var["revenue"] = years
            else:
                var.pop("revenue", None)
            self._edited("variants", variants)
            return
        self._edited(key, rows)

    def _apply(self, key: str, value: Any) -> None:
        """Undo/redo: put a value back and show it."""
        self._values[key] = copy.deepcopy(value)
        self._refresh_all()
        self._changed()

    def _changed(self) -> None:
        self._set_dirty(self._saved_dict is None or firm_form.to_firm_dict(self._values) != self._saved_dict)
        self._validate()
        self._debounce.start()
        self.drafts.later()

    def _set_dirty(self, dirty: bool) -> None:
        name = self._values["name"].strip() or self.tr("新企业")
        self.ui.titleLabel.setText(name + (" *" if dirty else ""))
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirtyChanged.emit(dirty)
        self._update_save()

    # -- validation -------------------------------------------------------------------------------------------
    def _validate(self) -> None:
        self.parsed, self.problems = firm_form.parse(self._values)
        editor_checks.show_uscc(self.ui, self._values, self.problems)
        self._mark_problems()
        self._update_save()

    def _mark_problems(self) -> None:
        variant_shown = self.ui.variantCombo.currentIndex() > 0
        editor_checks.show_problems(self, self.problems, self._values, variant_shown)

    def _update_save(self) -> None:
        self.ui.saveButton.setEnabled(self.parsed is not None and self._dirty)
        self.ui.revertButton.setEnabled(self._dirty)

    def on_screen(self) -> FirmOnScreen:
        """What every panel should show for this draft: the parsed firm, or what is missing."""
        if self.parsed is not None:
            return FirmOnScreen.of(*self.parsed, is_new=self.is_new)
        lang = i18n.current()
        waiting = firm_form.waiting_text(self.problems, self._values, lang, column_name)
        name = self._values["name"].strip()
        return FirmOnScreen(self.firm_id, name, None, (), waiting=waiting, is_new=self.is_new)

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
        try:
            result = firm_ops.save_firm(self.session, firm, variants, current_user())
        except ValidationError as e:
            editor_checks.show_refusal(self.ui, e)
            return False
        except DomainError as e:
            QMessageBox.warning(self, self.tr("无法保存"), e.message(i18n.current()))
            return False
        self._saved_dict = firm_form.to_firm_dict(self._values)
        self._set_dirty(False)
        self.drafts.discard()
        self.hub.apply(result)  # the list, the package totals and every panel hear of it
        self.saved.emit(firm.id)
        return True

    def revert(self) -> None:
        """放弃修改: back to the stored version (or a blank form for a new firm)."""
        if self._saved_dict is None:
            self.load_values(firm_form.empty_values(), saved=None)
        else:
            self.load_values(firm_form.values_from_dict(self._saved_dict), saved=self._saved_dict)
        self.drafts.discard()

    def maybe_leave(self) -> bool:
        """Before showing another firm or closing: ask Save / Discard / Cancel when there are changes."""
        if not self._dirty:
            return True
        answer = editor_checks.ask_leave(
            self, self._values["name"] or self.tr("新企业"), self.parsed is not None
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
        self.drafts.write({"values": self._values, "saved": self._saved_dict} if self._dirty else None)

    def discard_draft(self) -> None:
        self.drafts.discard()

    def restore_draft(self, payload: dict[str, Any]) -> bool:
        """Load a draft written by `write_draft`; False when it is unreadable."""
        try:
            values = firm_form.empty_values()
            values.update(payload["values"])
            saved = payload.get("saved")
            self.load_values(values, saved=saved if isinstance(saved, dict) else None, dirty=True)
        except (KeyError, TypeError, AttributeError):
            return False
        self._changed()
        return True
