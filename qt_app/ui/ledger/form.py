"""Small forms of the ledger's dialogs: each field keyed by the path the domain names in its problems, with
its message shown right under it in the user's language; a message no field owns goes to the top.

Typed text is parsed by the domain's own readers (dates like 2027-04-01 or 2027年4月1日, amounts like 150万);
nothing is computed here.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from qt_app.domain.errors import DomainError, FieldProblem
from qt_app.domain.field_values import Bad, to_date
from qt_app.domain.money import Fen, parse_amount
from qt_app.ui import i18n
from qt_app.ui.widgets.labels import emphasise, tint

ERROR_COLOR = "#b3261e"
WARN_COLOR = "#8a5a00"


def message_label(color: str = ERROR_COLOR) -> QLabel:
    label = tint(QLabel(), color)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


class FieldForm(QWidget):
    """A form of labelled fields, each with its own message line; `general` holds what no field owns."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.general = message_label()
        self.general.setObjectName("generalMessage")
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.general)
        layout.addLayout(self.form)
        self.fields: dict[str, QWidget] = {}
        self.messages: dict[str, QLabel] = {}
        self.notes: dict[str, QLabel] = {}  # amber hints (a duplicate scan) that do not block saving

    def add(self, key: str, label: str, widget: QWidget, *aliases: str) -> QWidget:
        holder = QWidget(self)
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        message = message_label()
        message.setObjectName(f"message_{key}")
        note = message_label(WARN_COLOR)
        box.addWidget(message)
        box.addWidget(note)
        self.form.addRow(label, holder)
        for k in (key, *aliases):
            self.fields[k] = widget
            self.messages[k] = message
            self.notes[k] = note
        return widget

    def add_group(self, label: str, parts: list[tuple[str, QWidget]], extra: QWidget | None = None) -> None:
        """Several inputs on one row (a document's type, number, date, scan) sharing one message line."""
        holder = QWidget(self)
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for _key, widget in parts:
            row.addWidget(widget, 1 if isinstance(widget, QLineEdit) else 0)
        box.addLayout(row)
        if extra is not None:
            box.addWidget(extra)
        message = message_label()
        note = message_label(WARN_COLOR)
        box.addWidget(message)
        box.addWidget(note)
        self.form.addRow(label, holder)
        for key, widget in parts:
            self.fields[key] = widget
            self.messages[key] = message
            self.notes[key] = note

    def wide(self, widget: QWidget) -> QWidget:
        """A widget across the whole form (a table)."""
        self.form.addRow(widget)
        return widget

    def section(self, title: str) -> QLabel:
        label = emphasise(QLabel(title, self))
        self.form.addRow(label)
        return label

    def line(self, key: str, label: str, text: str = "", placeholder: str = "", *aliases: str) -> QLineEdit:
        edit = QLineEdit(text, self)
        edit.setObjectName(key.replace(".", "_"))
        if placeholder:
            edit.setPlaceholderText(placeholder)
        self.add(key, label, edit, *aliases)
        return edit

    # -- messages ---------------------------------------------------------------------------------------
    def clear(self) -> None:
        for label in (self.general, *self.messages.values()):
            label.clear()
            label.hide()

    def say(self, key: str, text: str) -> None:
        """A message beside the field `key` (or at the top when no field has that key)."""
        label = self.messages.get(key, self.general)
        if text not in label.text().split("\n"):
            label.setText("\n".join(x for x in (label.text(), text) if x))
        label.show()

    def note(self, key: str, text: str) -> None:
        label = self.notes.get(key)
        if label is None:
            return
        label.setText(text)
        label.setVisible(bool(text))

    def show_problems(self, problems: Iterable[FieldProblem], rename: dict[str, str] | None = None) -> None:
        """Each problem beside its field; the first field with a problem takes the focus."""
        lang = i18n.current()
        first: QWidget | None = None
        for p in problems:
            key = (rename or {}).get(p.path, p.path)
            self.say(key, p.en if lang == "en" else p.zh)
            if first is None and key in self.fields:
                first = self.fields[key]
        if first is not None:
            first.setFocus()

    def message(self, key: str) -> str:
        label = self.messages.get(key, self.general)
        return label.text() if label.isVisible() or label.text() else ""


# -- reading typed text ----------------------------------------------------------------------------------
def read_date(text: str, key: str, problems: list[FieldProblem], required: bool = True) -> date | None:
    if not text.strip():
        if required:
            problems.append(FieldProblem(key, "须填写日期", "A date is required"))
        return None
    try:
        return to_date(text, key)
    except Bad as e:
        problems.append(FieldProblem(key, e.zh, e.en))
        return None


def read_amount(text: str, key: str, problems: list[FieldProblem], required: bool = True) -> Fen | None:
    if not text.strip():
        if required:
            problems.append(FieldProblem(key, "须填写金额", "An amount is required"))
        return None
    try:
        return parse_amount(text)
    except DomainError as e:
        problems.append(FieldProblem(key, e.zh, e.en))
        return None


def read_text(text: str, key: str, what: tuple[str, str], problems: list[FieldProblem]) -> str:
    if not text.strip():
        problems.append(FieldProblem(key, f"须填写{what[0]}", f"Enter the {what[1]}"))
    return text.strip()
