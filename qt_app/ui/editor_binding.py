"""The editor's fields ⇄ its form values (字段绑定): which widget shows which value, and edits reported back.

Every simple field — line edits, choices, check boxes, dates, the checkable location and recognition groups,
the notes and the domains — is listed once here. Typing reports `(key, value)` to the editor, which makes
it an undoable step; `show(values)` puts values back without reporting anything.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QSignalBlocker
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QGroupBox, QLineEdit, QWidget

from qt_app.ui import editor_fields, firm_form
from qt_app.ui.forms.ui_firm_editor import Ui_FirmEditor

Edited = Callable[[str, Any], None]
RECOGNISED = "domain_recognition.recognised"


class FieldBinding:
    """The editor's simple fields by value key."""

    def __init__(self, ui: Ui_FirmEditor, edited: Edited) -> None:
        self.ui = ui
        self._edited = edited
        self.lines: dict[str, QLineEdit] = {
            "name": ui.nameEdit, "uscc": ui.usccEdit, "uscc_note": ui.usccNoteEdit,
            "investment": ui.investmentEdit, "start_year": ui.startYearEdit, "location.area_m2": ui.areaEdit,
            "location.rent_per_m2_day": ui.rentEdit, "domain_recognition.decided_by": ui.decidedByEdit,
            "domain_recognition.domain": ui.recognitionDomainEdit,
            "domain_recognition.note": ui.recognitionNoteEdit, "stage_reason": ui.stageReasonEdit,
            "owner": ui.ownerEdit, "outpost": ui.outpostEdit, "contact": ui.contactEdit,
            "variant.label": ui.variantNameEdit,
        }  # fmt: skip
        self.combos: dict[str, QComboBox] = {
            "entity_type": ui.entityCombo, "grade": ui.gradeCombo, "mu_grade": ui.muGradeCombo,
            "location.site": ui.siteCombo, "stage": ui.stageCombo, RECOGNISED: ui.recognisedCombo,
            "variant.policy": ui.policyVersionCombo,
        }  # fmt: skip
        self.checks: dict[str, QCheckBox] = {
            "is_trading": ui.tradingCheck, "is_headquarters": ui.hqCheck,
            "dishonest": ui.dishonestCheck, "registers_in_qingtian": ui.registersCheck,
        }  # fmt: skip
        self.dates: dict[str, QDateEdit] = {
            "location.move_in": ui.moveInEdit,
            "domain_recognition.decided_on": ui.decidedOnEdit,
        }
        # a checkable group: its value key, and the date and choice it fills in when first ticked
        self.groups: dict[str, tuple[QGroupBox, str, str]] = {
            "has_location": (ui.locationGroup, "location.move_in", "location.site"),
            "has_recognition": (ui.recognitionGroup, "domain_recognition.decided_on", RECOGNISED),
        }
        self.showing = False
        self._values: firm_form.Values = {}
        for key, edit in self.lines.items():
            edit.textChanged.connect(lambda text, k=key: self._report(k, text))
        for key, combo in self.combos.items():
            combo.currentIndexChanged.connect(lambda _i, k=key, c=combo: self._report(k, c.currentData()))
        for key, check in self.checks.items():
            check.toggled.connect(lambda on, k=key: self._report(k, bool(on)))
        for key, when in self.dates.items():
            when.dateChanged.connect(lambda d, k=key: self._report(k, d.toString("yyyy-MM-dd")))
        for key, (group, _date_key, _choice_key) in self.groups.items():
            group.toggled.connect(lambda on, k=key: self._group_toggled(k, bool(on)))
        ui.notesEdit.textChanged.connect(lambda: self._report("notes", ui.notesEdit.toPlainText()))
        ui.domainsList.itemChanged.connect(
            lambda _item: self._report("domains", editor_fields.checked_domains(ui.domainsList))
        )

    def widget(self, key: str) -> QWidget | None:
        """The widget showing a value key (for marks, tooltips and focus)."""
        found: QWidget | None = (
            self.lines.get(key) or self.combos.get(key) or self.checks.get(key) or self.dates.get(key)
        )
        return found

    def _report(self, key: str, value: Any) -> None:
        if not self.showing:
            self._edited(key, value)

    def _group_toggled(self, key: str, on: bool) -> None:
        """Ticking a group fills in what it cannot be without (the date shown, the choice shown)."""
        if self.showing:
            return
        _group, date_key, choice_key = self.groups[key]
        values = self._values
        if on and not values.get(date_key):
            values[date_key] = self.dates[date_key].date().toString("yyyy-MM-dd")
            if not values.get(choice_key):
                values[choice_key] = self.combos[choice_key].currentData() or ""
        self._edited(key, on)

    def show(self, values: firm_form.Values) -> None:
        """Put every value in its widget, reporting nothing."""
        self.showing = True
        self._values = values
        try:
            for key, edit in self.lines.items():
                if edit.text() != values[key]:
                    edit.setText(values[key])
            for key, combo in self.combos.items():
                editor_fields.set_combo(combo, values[key])
            for key, check in self.checks.items():
                check.setChecked(bool(values[key]))
            for key, (group, _d, _c) in self.groups.items():
                group.setChecked(bool(values[key]))
            for key, when in self.dates.items():
                shown = QDate.fromString(values[key], "yyyy-MM-dd")
                fallback = (
                    QDate(date.today().year, 1, 1) if key == "location.move_in" else QDate.currentDate()
                )
                with QSignalBlocker(when):
                    when.setDate(shown if shown.isValid() else fallback)
            if self.ui.notesEdit.toPlainText() != values["notes"]:
                self.ui.notesEdit.setPlainText(values["notes"])
        finally:
            self.showing = False
