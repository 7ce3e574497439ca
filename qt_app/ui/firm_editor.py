"""The firm editor (企业信息编辑): Designer form + live validation, undo, and a draft that survives a crash.

The form's values are the model; widgets only show them. Every change is an undoable step, is judged by
`firm_from_dict` (the CLI's reader) so messages match, turns the field red with a message in words, and
— when the draft parses — is announced (debounced) so the package recomputes live. Save stays disabled
while anything is invalid.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QEvent, QKeyCombination, QObject, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableView,
    QWidget,
)

from qt_app.domain import uscc as uscc_mod
from qt_app.domain.errors import DomainError, FieldProblem, ValidationError
from qt_app.domain.firm import STAGE_LABELS, Firm
from qt_app.domain.firm_io import new_firm_id
from qt_app.domain.policy import Policy
from qt_app.domain.variants import Variant
from qt_app.ui import firm_form, i18n
from qt_app.ui.delegates import ChoiceDelegate
from qt_app.ui.editor_tables import ROW_DEFAULTS, TABLE_COLUMNS
from qt_app.ui.firm_form import read_draft
from qt_app.ui.forms.ui_firm_editor import Ui_FirmEditor
from qt_app.ui.models.rows_table import RowsModel, year_columns
from qt_app.ui.undo import EditField

Saver = Callable[[Firm, tuple[Variant, ...]], None]
Parsed = tuple[Firm, tuple[Variant, ...]]
__all__ = ["FirmEditor", "read_draft"]

ERROR_STYLE = "QLineEdit { background: #fde2e1; border: 1px solid #d93025; }"
WARNING_STYLE = "QLineEdit { background: #fff4d6; border: 1px solid #e6a100; }"
DEBOUNCE_MS = 150
DRAFT_MS = 800


class FirmEditor(QWidget):
    """Edits one firm (or a new one) as a draft; `save()` hands a valid Firm to the saver."""

    draftChanged = Signal(object, object)  # Firm, tuple[Variant, ...] — the draft parses (debounced)
    dirtyChanged = Signal(bool)  # unsaved changes appeared / were saved or discarded
    saved = Signal(str)  # firm id, after a successful save

    def __init__(
        self, policy: Policy, saver: Saver, draft_path: Path | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_FirmEditor()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        self._policy = policy
        self._saver = saver
        self._draft_path = draft_path
        self.undo_stack = QUndoStack(self)
        self._values = firm_form.empty_values()
        self._saved_dict: dict[str, Any] | None = None  # what the store holds; None for a new firm
        self._loading = False
        self._dirty = False
        self.problems: list[FieldProblem] = []
        self.parsed: Parsed | None = None
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self._announce)
        self._draft_timer = QTimer(self, singleShot=True, interval=DRAFT_MS)
        self._draft_timer.timeout.connect(self.write_draft)
        self._tables: dict[str, RowsModel] = {}
        self._fill_choices()
        self._bind()
        self._setup_tables()
        # Ctrl+Z / Ctrl+Shift+Z go to the editor's undo stack, not a line edit's private undo.
        for edit in (*self._lines.values(), self.ui.notesEdit):
            edit.installEventFilter(self)
        self.ui.notesEdit.setUndoRedoEnabled(False)
        self.load_values(firm_form.empty_values(), saved=None)

    # -- set-up ---------------------------------------------------------------------------------------
    def _fill_choices(self) -> None:
        ui = self.ui
        ui.entityCombo.addItem(self.tr("独立法人企业"), "enterprise")
        ui.entityCombo.addItem(self.tr("研发机构"), "rnd_institution")
        for g in ("A", "B", "C"):
            ui.gradeCombo.addItem(self.tr("{grade}类").format(grade=g), g)
        ui.muGradeCombo.addItem(self.tr("未评价"), "")
        for g in ("A", "B", "C", "D"):
            ui.muGradeCombo.addItem(g, g)
        for site in self._policy.sites:
            ui.siteCombo.addItem(site.en if i18n.current() == "en" else site.zh, site.id)
        for stage, pair in STAGE_LABELS.items():
            ui.stageCombo.addItem(i18n.pick(pair), stage.value)
        ui.usccNoteEdit.setVisible(False)
        ui.usccNoteEdit.setMaxLength(200)
        label = ui.identityForm.labelForField(ui.usccNoteEdit)
        if label is not None:
            label.setVisible(False)
        ui.problemsLabel.setStyleSheet("color: #b3261e;")
        ui.saveButton.setDefault(True)

    def _bind(self) -> None:
        ui = self.ui
        lines: dict[str, QLineEdit] = {
            "name": ui.nameEdit, "uscc": ui.usccEdit, "uscc_note": ui.usccNoteEdit,
            "investment": ui.investmentEdit, "location.area_m2": ui.areaEdit,
            "location.rent_per_m2_day": ui.rentEdit, "stage_reason": ui.stageReasonEdit,
            "owner": ui.ownerEdit, "outpost": ui.outpostEdit, "contact": ui.contactEdit,
        }  # fmt: skip
        self._lines = lines
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
        ui.domainsList.itemChanged.connect(lambda _item: self._edited("domains", self._checked_domains()))
        ui.variantCombo.currentIndexChanged.connect(lambda _i: self._show_revenue_plan())
        ui.saveButton.clicked.connect(self.save)
        ui.revertButton.clicked.connect(self.revert)

    def _setup_tables(self) -> None:
        ui = self.ui
        views: dict[str, tuple[QTableView, QPushButton, QPushButton]] = {
            "talents": (ui.talentsTable, ui.talentAddButton, ui.talentRemoveButton),
            "loans": (ui.loansTable, ui.loanAddButton, ui.loanRemoveButton),
            "science_projects": (ui.scienceTable, ui.scienceAddButton, ui.scienceRemoveButton),
            "scenario_projects": (ui.scenarioTable, ui.scenarioAddButton, ui.scenarioRemoveButton),
            "revenue": (ui.revenueTable, ui.revenueAddButton, ui.revenueRemoveButton),
            "compute_spend": (ui.computeTable, ui.computeAddButton, ui.computeRemoveButton),
            "rnd_spend": (ui.rndTable, ui.rndAddButton, ui.rndRemoveButton),
        }
        delegate = ChoiceDelegate(self)
        for key, (view, add, remove) in views.items():
            model = RowsModel(TABLE_COLUMNS.get(key) or year_columns(), self)
            self._tables[key] = model
            view.setModel(model)
            view.setItemDelegate(delegate)
            header = view.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            for col, column in enumerate(model.columns):
                if column.choices:  # "Talent apartment" shows whole
                    header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
            view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            view.setEditTriggers(
                QAbstractItemView.EditTrigger.DoubleClicked
                | QAbstractItemView.EditTrigger.EditKeyPressed
                | QAbstractItemView.EditTrigger.AnyKeyPressed
            )
            view.setTabKeyNavigation(False)  # Tab leaves the table: a sensible tab order through the form
            model.rowsEdited.connect(lambda _before, after, k=key: self._table_edited(k, after))
            add.clicked.connect(lambda _=False, k=key, v=view: self._add_row(k, v))
            remove.clicked.connect(lambda _=False, k=key, v=view: self._remove_rows(k, v))

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
        self._announce()

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
            for key, edit in self._lines.items():
                if edit.text() != v[key]:
                    edit.setText(v[key])
            for key, combo in self._combos.items():
                self._set_combo(combo, v[key])
            for key, check in self._checks.items():
                check.setChecked(bool(v[key]))
            self.ui.locationGroup.setChecked(bool(v["has_location"]))
            move_in = QDate.fromString(v["location.move_in"], "yyyy-MM-dd")
            self.ui.moveInEdit.setDate(move_in if move_in.isValid() else QDate(date.today().year, 1, 1))
            if self.ui.notesEdit.toPlainText() != v["notes"]:
                self.ui.notesEdit.setPlainText(v["notes"])
            self._fill_domains()
            for key in (*firm_form.TABLE_KEYS, "compute_spend", "rnd_spend"):
                self._tables[key].set_rows(v[key])
            self._fill_variants()
        finally:
            self._loading = False

    @staticmethod
    def _set_combo(combo: QComboBox, value: str) -> None:
        found = combo.findData(value)
        if found < 0 and value:
            combo.addItem(value, value)  # a value the lists do not know (an older policy's site): keep it
            found = combo.count() - 1
        combo.setCurrentIndex(max(found, 0))

    def _fill_domains(self) -> None:
        lst = self.ui.domainsList
        with QSignalBlocker(lst):
            lst.clear()
            chosen = list(self._values["domains"])
            known = list(self._policy.domains)
            for name in known + [d for d in chosen if d not in known]:
                item = QListWidgetItem(name, lst)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if name in chosen else Qt.CheckState.Unchecked)
        lst.setFlow(lst.Flow.LeftToRight)
        lst.setWrapping(True)
        lst.setMaximumHeight(120)

    def _checked_domains(self) -> list[str]:
        lst = self.ui.domainsList
        return [
            lst.item(i).text()
            for i in range(lst.count())
            if lst.item(i).checkState() == Qt.CheckState.Checked
        ]

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
        model = self._tables["revenue"]
        if i <= 0:
            model.set_rows(self._values["revenue"])
            self.ui.variantInfo.setText(self.tr("企业申报的年度销售收入；金额可写 150万、1.2亿。"))
            return
        var = self._values["variants"][i - 1]
        model.set_rows(firm_form.year_rows(var.get("revenue") or {}))
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
        self._mark_tables()

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

    def _add_row(self, key: str, view: QTableView) -> None:
        model = self._tables[key]
        if key in firm_form.YEAR_KEYS:
            years = [int(r["year"]) for r in model.rows() if r["year"].isdigit()]
            row = model.add_row({"year": str(max(years) + 1 if years else date.today().year), "amount": ""})
            column = 1
        else:
            row = model.add_row(ROW_DEFAULTS[key]())
            column = 0
        index = model.index(row, column)
        view.setCurrentIndex(index)
        view.edit(index)

    def _remove_rows(self, key: str, view: QTableView) -> None:
        rows = sorted({i.row() for i in view.selectionModel().selectedIndexes()}, reverse=True)
        if not rows and view.currentIndex().isValid():
            rows = [view.currentIndex().row()]
        for row in rows:
            self._tables[key].remove_row(row)

    def _apply(self, key: str, value: Any) -> None:
        """Undo/redo: put a value back and show it."""
        self._values[key] = copy.deepcopy(value)
        self._refresh_all()
        self._changed()

    def _changed(self) -> None:
        self._set_dirty(self._saved_dict is None or firm_form.to_firm_dict(self._values) != self._saved_dict)
        self._validate()
        self._debounce.start()
        if self._draft_path is not None:
            self._draft_timer.start()

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
        self._show_uscc()
        lang = i18n.current()
        field_problems: dict[str, str] = {}
        table_problems: dict[str, dict[tuple[int, str], str]] = {k: {} for k in self._tables}
        lines = []
        for p in self.problems:
            place = firm_form.place_of(p.path, self._values)
            text = p.en if lang == "en" else p.zh
            if p.path == "uscc":
                continue  # the code has its own live message under the field
            lines.append(f"{firm_form.label_of(p.path, lang)}：{text}" if p.path else text)
            if place.key in table_problems and place.row >= 0:
                table_problems[place.key][(place.row, place.column)] = text
            else:
                field_problems.setdefault(place.key, text)
        self._field_problems = field_problems
        self._table_problems = table_problems
        for key, edit in self._lines.items():
            if key == "uscc":
                continue
            problem = field_problems.get(key) or (
                field_problems.get("location")
                if key.startswith("location.") and not edit.text().strip()
                else None
            )
            edit.setStyleSheet(ERROR_STYLE if problem else "")
            edit.setToolTip(problem or "")
        self._mark_tables()
        shown = lines[:6] + ([self.tr("…另有 {n} 处问题").format(n=len(lines) - 6)] if len(lines) > 6 else [])
        self.ui.problemsLabel.setText("\n".join(shown))
        self._update_save()

    def _mark_tables(self) -> None:
        problems = getattr(self, "_table_problems", {})
        for key, model in self._tables.items():
            if key == "revenue" and self.ui.variantCombo.currentIndex() > 0:
                model.set_problems({})
                continue
            model.set_problems(problems.get(key, {}))

    def _show_uscc(self) -> None:
        ui = self.ui
        result = uscc_mod.check(self._values["uscc"])
        taken = self._field_problems_uscc()
        note_label = ui.identityForm.labelForField(ui.usccNoteEdit)
        warn = result.is_warning and not result.is_error
        ui.usccNoteEdit.setVisible(warn)
        if note_label is not None:
            note_label.setVisible(warn)
        en = i18n.current() == "en"
        if result.is_error:
            ui.usccEdit.setStyleSheet(ERROR_STYLE)
            text, color = (result.error_en if en else result.error_zh), "#b3261e"
        elif taken:
            ui.usccEdit.setStyleSheet(ERROR_STYLE)
            text, color = taken, "#b3261e"
        elif warn:
            ui.usccEdit.setStyleSheet(WARNING_STYLE)
            text = result.warning_en if en else result.warning_zh
            if self._values["uscc_note"].strip():
                text += self.tr("（已附说明，可保存）")
            else:
                text += self.tr("（请在下方填写说明后保存）")
            color = "#8a5a00"
        else:
            ui.usccEdit.setStyleSheet("")
            text, color = "", ""
        ui.usccMessage.setText(text)
        ui.usccMessage.setVisible(bool(text))
        ui.usccMessage.setStyleSheet(f"color: {color};" if color else "")

    def _field_problems_uscc(self) -> str:
        lang = i18n.current()
        for p in self.problems:
            if p.path == "uscc" and not uscc_mod.check(self._values["uscc"]).is_warning:
                return p.en if lang == "en" else p.zh
        return ""

    def _update_save(self) -> None:
        self.ui.saveButton.setEnabled(self.parsed is not None and self._dirty)
        self.ui.revertButton.setEnabled(self._dirty)

    def _announce(self) -> None:
        if self.parsed is not None:
            self.draftChanged.emit(*self.parsed)

    # -- saving -------------------------------------------------------------------------------------------------
    def save(self) -> bool:
        """Hand the valid draft to the saver; refuses (and says why) while anything is invalid."""
        self._validate()
        if self.parsed is None:
            return False
        firm, variants = self.parsed
        try:
            self._saver(firm, variants)
        except ValidationError as e:
            self.problems = list(e.problems)
            self.ui.problemsLabel.setText("\n".join(e.lines(i18n.current())))
            for p in e.problems:
                if p.path == "uscc":
                    self.ui.usccEdit.setStyleSheet(ERROR_STYLE)
                    self.ui.usccMessage.setText(p.en if i18n.current() == "en" else p.zh)
                    self.ui.usccMessage.setStyleSheet("color: #b3261e;")
                    self.ui.usccMessage.setVisible(True)
            return False
        except DomainError as e:
            QMessageBox.warning(self, self.tr("无法保存"), e.message(i18n.current()))
            return False
        self._saved_dict = firm_form.to_firm_dict(self._values)
        self._set_dirty(False)
        self.discard_draft()
        self.saved.emit(firm.id)
        return True

    def revert(self) -> None:
        """放弃修改: back to the stored version (or a blank form for a new firm)."""
        if self._saved_dict is None:
            self.load_values(firm_form.empty_values(), saved=None)
        else:
            self.load_values(firm_form.values_from_dict(self._saved_dict), saved=self._saved_dict)
        self.discard_draft()

    def maybe_leave(self) -> bool:
        """Before showing another firm or closing: ask Save / Discard / Cancel when there are changes."""
        if not self._dirty:
            return True
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("未保存的修改"))
        box.setText(
            self.tr("“{name}”有未保存的修改。").format(name=self._values["name"] or self.tr("新企业"))
        )
        box.setStandardButtons(
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        box.button(QMessageBox.StandardButton.Save).setText(self.tr("保存"))
        box.button(QMessageBox.StandardButton.Discard).setText(self.tr("放弃"))
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("取消"))
        box.button(QMessageBox.StandardButton.Save).setEnabled(self.parsed is not None)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.revert()
            return True
        return False

    # -- crash-safe draft -----------------------------------------------------------------------------------------
    def write_draft(self) -> None:
        """Keep unsaved changes in a file so a crash does not lose them (offered back at the next start)."""
        if self._draft_path is None:
            return
        if not self._dirty:
            self.discard_draft()
            return
        payload = {"values": self._values, "saved": self._saved_dict}
        try:
            self._draft_path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self._draft_path.with_suffix(".part")
            tmp.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
            tmp.replace(self._draft_path)
        except OSError:
            pass  # a draft is a courtesy; failing to write it must not interrupt typing

    def discard_draft(self) -> None:
        self._draft_timer.stop()
        if self._draft_path is not None:
            self._draft_path.unlink(missing_ok=True)

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
