"""What the editor shows about problems (校验提示): beside each field, under each table, in one summary.

Every problem is written once, by `firm_form.problem_line` ("科技项目 第1行：上级下拨资金 为空"), and that
same line appears in the field's tooltip, in red under its table, in the cell's tooltip and in the summary.
Tabs holding a problem turn red so it is found without hunting.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QMessageBox, QWidget

from qt_app.domain import uscc as uscc_mod
from qt_app.domain.errors import FieldProblem, ValidationError
from qt_app.ui import firm_form, i18n
from qt_app.ui.editor_tables import column_name
from qt_app.ui.forms.ui_firm_editor import Ui_FirmEditor

if TYPE_CHECKING:
    from qt_app.ui.firm_editor import FirmEditor

ERROR_STYLE = "QLineEdit { background: #fde2e1; border: 1px solid #d93025; }"
WARNING_STYLE = "QLineEdit { background: #fff4d6; border: 1px solid #e6a100; }"
PROBLEM_STYLE = "color: #b3261e;"
ERROR_COLOR = "#b3261e"
SUMMARY_LINES = 6

# Which tab shows a field or table (so the tab turns red when it holds a problem).
TAB_OF = {
    "name": "identityTab", "uscc": "identityTab", "uscc_note": "identityTab", "investment": "identityTab",
    "entity_type": "identityTab", "grade": "identityTab", "mu_grade": "identityTab", "domains": "identityTab",
    "location": "locationTab", "location.site": "locationTab", "location.area_m2": "locationTab",
    "location.rent_per_m2_day": "locationTab", "location.move_in": "locationTab", "talents": "talentsTab",
    "revenue": "revenueTab", "variants": "revenueTab", "loans": "financeTab", "compute_spend": "computeTab",
    "rnd_spend": "computeTab", "science_projects": "projectsTab", "scenario_projects": "projectsTab",
    "stage": "pipelineTab", "stage_reason": "pipelineTab", "owner": "pipelineTab",
    "start_year": "identityTab", "domain_recognition": "identityTab", "variant.policy": "policyTab",
    "param_overrides": "policyTab",
}  # fmt: skip


def show_problems(editor: FirmEditor, problems: list[FieldProblem], values: firm_form.Values) -> None:
    """Mark every field, cell and tab with its problem, and list them all under the form."""
    lang = i18n.current()
    fields: dict[str, str] = {}
    cells: dict[str, dict[tuple[int, str], str]] = {}
    table_lines: dict[str, list[str]] = {}
    lines: list[str] = []
    tabs: set[str] = set()
    for p in problems:
        line = firm_form.problem_line(p, values, lang, column_name)
        place = firm_form.place_of(p.path, values)
        tabs.add(TAB_OF.get(place.key, TAB_OF.get(place.key.split(".")[0], "")))
        if p.path == "uscc":
            continue  # the code has its own live message under the field
        lines.append(line)
        if place.key in editor.tables.tables and place.row >= 0:
            cells.setdefault(place.key, {})[(place.row, place.column)] = line
            table_lines.setdefault(place.key, []).append(line)
        else:
            fields.setdefault(place.key, line)
    for key, edit in editor.line_edits.items():
        if key == "uscc":
            continue
        problem = fields.get(key) or (
            fields.get("location") if key.startswith("location.") and not edit.text().strip() else None
        )
        edit.setStyleSheet(ERROR_STYLE if problem else "")
        edit.setToolTip(problem or "")
    editor.tables.show_problems(cells, table_lines)
    bar = editor.ui.tabs.tabBar()
    for i in range(editor.ui.tabs.count()):
        page = editor.ui.tabs.widget(i)
        name = page.objectName() if page is not None else ""
        bar.setTabTextColor(i, QColor(ERROR_COLOR) if name in tabs else QColor())
    more = len(lines) - SUMMARY_LINES
    shown = lines[:SUMMARY_LINES] + (
        [QCoreApplication.translate("FirmEditor", "…另有 {n} 处问题").format(n=more)] if more > 0 else []
    )
    editor.ui.problemsLabel.setText("\n".join(shown))
    editor.ui.problemsLabel.setVisible(bool(shown))


def show_uscc(ui: Ui_FirmEditor, values: firm_form.Values, problems: list[FieldProblem]) -> None:
    """The credit code's live message under the field: malformed, taken, or a check digit kept with a note."""
    result = uscc_mod.check(values["uscc"])
    en = i18n.current() == "en"
    taken = next(((p.en if en else p.zh) for p in problems if p.path == "uscc" and not result.is_warning), "")
    note_label = ui.identityForm.labelForField(ui.usccNoteEdit)
    warn = result.is_warning and not result.is_error
    ui.usccNoteEdit.setVisible(warn)
    if note_label is not None:
        note_label.setVisible(warn)
    if result.is_error:
        ui.usccEdit.setStyleSheet(ERROR_STYLE)
        text, color = (result.error_en if en else result.error_zh), ERROR_COLOR
    elif taken:
        ui.usccEdit.setStyleSheet(ERROR_STYLE)
        text, color = taken, ERROR_COLOR
    elif warn:
        ui.usccEdit.setStyleSheet(WARNING_STYLE)
        text = result.warning_en if en else result.warning_zh
        text += (
            QCoreApplication.translate("FirmEditor", "（已附说明，可保存）")
            if values["uscc_note"].strip()
            else QCoreApplication.translate("FirmEditor", "（请在下方填写说明后保存）")
        )
        color = "#8a5a00"
    else:
        ui.usccEdit.setStyleSheet("")
        text, color = "", ""
    ui.usccMessage.setText(text)
    ui.usccMessage.setVisible(bool(text))
    ui.usccMessage.setStyleSheet(f"color: {color};" if color else "")


def show_refusal(ui: Ui_FirmEditor, e: ValidationError) -> None:
    """The store refused the save (e.g. the credit code is taken by another firm): say so in place."""
    lang = i18n.current()
    ui.problemsLabel.setText("\n".join(e.lines(lang)))
    ui.problemsLabel.setVisible(True)
    for p in e.problems:
        if p.path == "uscc":
            ui.usccEdit.setStyleSheet(ERROR_STYLE)
            ui.usccMessage.setText(p.en if lang == "en" else p.zh)
            ui.usccMessage.setStyleSheet(f"color: {ERROR_COLOR};")
            ui.usccMessage.setVisible(True)


def ask_leave(parent: QWidget, name: str, can_save: bool) -> QMessageBox.StandardButton:
    """Save / Discard / Cancel for unsaved changes, in the UI's language."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("FirmEditor", "未保存的修改"))
    box.setText(QCoreApplication.translate("FirmEditor", "“{name}”有未保存的修改。").format(name=name))
    box.setStandardButtons(
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
    )
    box.button(QMessageBox.StandardButton.Save).setText(QCoreApplication.translate("FirmEditor", "保存"))
    box.button(QMessageBox.StandardButton.Discard).setText(QCoreApplication.translate("FirmEditor", "放弃"))
    box.button(QMessageBox.StandardButton.Cancel).setText(QCoreApplication.translate("FirmEditor", "取消"))
    box.button(QMessageBox.StandardButton.Save).setEnabled(can_save)
    return QMessageBox.StandardButton(box.exec())
