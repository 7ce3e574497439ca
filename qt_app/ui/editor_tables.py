"""The firm editor's tables (人才、营收、贷款、算力、研发、科技项目、场景项目): columns, entry, problems.

Each table has its own view, model and delegate — Qt does not support one delegate shared by several
views (an edit could land in another table). Keyboard entry is Excel's (`widgets.entry_table`); a table's
problems show in red under it, in the same words as everywhere else.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QAbstractItemView, QBoxLayout, QHeaderView, QLabel, QPushButton, QWidget

from qt_app.domain.firm import LEVEL_LABELS
from qt_app.ui import firm_form
from qt_app.ui.delegates import ChoiceDelegate
from qt_app.ui.firm_form import PARAMS
from qt_app.ui.forms.ui_firm_editor import Ui_FirmEditor
from qt_app.ui.models.rows_table import Column, Row, RowsModel, year_columns
from qt_app.ui.widgets.entry_table import EntryTable

LEVELS = (("A", ("A类", "Level A")), ("B", ("B类", "Level B")), ("C", ("C类", "Level C")))
HOUSING = (("allowance", ("租房补贴", "Rent allowance")), ("apartment", ("人才公寓", "Talent apartment")))
PROJECT_LEVELS = tuple((lvl.value, pair) for lvl, pair in LEVEL_LABELS.items())
TABLE_COLUMNS: dict[str, tuple[Column, ...]] = {
    "talents": (
        Column("level", "人才层次", "Level", LEVELS),
        Column("count", "人数", "Count", numeric=True),
        Column("arrival_year", "到岗年份", "Arrival year", numeric=True),
        Column("housing", "安居方式", "Housing", HOUSING),
    ),
    "loans": (
        Column("lender", "贷款银行", "Lender"),
        Column("principal", "本金", "Principal", numeric=True),
        Column("start_year", "起始年份", "Start year", numeric=True),
        Column("years", "期限（年）", "Years", numeric=True),
        Column("guarantee_fee", "年担保费", "Guarantee fee / year", numeric=True),
    ),
    "science_projects": (
        Column("name", "项目名称", "Project"),
        Column("level", "级别", "Level", PROJECT_LEVELS),
        Column("allocated", "上级下拨资金", "Funds allocated", numeric=True),
        Column("year", "年份", "Year", numeric=True),
    ),
    "scenario_projects": (
        Column("name", "项目名称", "Project"),
        Column("contract_value", "合同额", "Contract value", numeric=True),
        Column("year", "年份", "Year", numeric=True),
    ),
    PARAMS: (
        Column("path", "政策参数", "Policy parameter"),
        Column(
            "value", "假设的值", "Assumed value", hint_zh="（如 200万、0.8）", hint_en=" (e.g. 200万, 0.8)"
        ),
    ),
}
ROW_DEFAULTS: dict[str, Callable[[], dict[str, str]]] = {
    "talents": lambda: {
        "level": "B",
        "count": "1",
        "arrival_year": str(date.today().year),
        "housing": "allowance",
    },
    "loans": lambda: {"start_year": str(date.today().year), "years": "3"},
    "science_projects": lambda: {"level": "municipal", "year": str(date.today().year)},
    "scenario_projects": lambda: {"year": str(date.today().year)},
    PARAMS: lambda: {"path": "", "value": ""},
}
TABLE_ORDER = (
    "talents",
    "revenue",
    "loans",
    "compute_spend",
    "rnd_spend",
    "science_projects",
    "scenario_projects",
    PARAMS,
)
PROBLEM_STYLE = "color: #b3261e;"


def columns_of(key: str) -> tuple[Column, ...]:
    return TABLE_COLUMNS.get(key) or year_columns()


def column_name(table: str, column: str, lang: str) -> str:
    """A column's name in messages ("上级下拨资金"); the key itself when unknown."""
    for c in columns_of(table):
        if c.key == column:
            return c.name(lang)
    return column


@dataclass
class Table:
    """One table of the editor: its view, model, buttons and the red line of problems under it."""

    key: str
    view: EntryTable
    model: RowsModel
    add: QPushButton
    remove: QPushButton
    problems: QLabel
    fresh: Row | None = None  # what a row added by the keyboard held when added (to tell if it was used)

    def untouched(self, row: int) -> bool:
        """Is `row` the row just added, as it was added (nobody typed into it)?"""
        rows = self.model.rows()
        return self.fresh is not None and 0 <= row < len(rows) and rows[row] == self.fresh


class EditorTables(QObject):
    """The seven tables; `edited(key, rows)` after every change typed, added or removed."""

    edited = Signal(str, list)

    def __init__(self, ui: Ui_FirmEditor, owner: QWidget) -> None:
        super().__init__(owner)
        widgets: dict[str, tuple[EntryTable, QPushButton, QPushButton]] = {
            "talents": (ui.talentsTable, ui.talentAddButton, ui.talentRemoveButton),
            "revenue": (ui.revenueTable, ui.revenueAddButton, ui.revenueRemoveButton),
            "loans": (ui.loansTable, ui.loanAddButton, ui.loanRemoveButton),
            "compute_spend": (ui.computeTable, ui.computeAddButton, ui.computeRemoveButton),
            "rnd_spend": (ui.rndTable, ui.rndAddButton, ui.rndRemoveButton),
            "science_projects": (ui.scienceTable, ui.scienceAddButton, ui.scienceRemoveButton),
            "scenario_projects": (ui.scenarioTable, ui.scenarioAddButton, ui.scenarioRemoveButton),
            PARAMS: (ui.paramTable, ui.paramAddButton, ui.paramRemoveButton),
        }
        self.tables: dict[str, Table] = {}
        for key in TABLE_ORDER:
            view, add, remove = widgets[key]
            self.tables[key] = self._setup(key, view, add, remove, owner)

    def _setup(
        self, key: str, view: EntryTable, add: QPushButton, remove: QPushButton, owner: QWidget
    ) -> Table:
        model = RowsModel(columns_of(key), owner)
        view.setModel(model)
        view.setItemDelegate(ChoiceDelegate(view))  # one per view: never shared between tables
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for col, column in enumerate(model.columns):
            if column.choices:  # "Talent apartment" shows whole
                header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        problems = QLabel(owner)
        problems.setObjectName(f"{view.objectName()}Problems")
        problems.setWordWrap(True)
        problems.setStyleSheet(PROBLEM_STYLE)
        problems.hide()
        holder = view.parentWidget()
        layout = holder.layout() if holder is not None else None
        if isinstance(layout, QBoxLayout):
            layout.insertWidget(layout.indexOf(view) + 1, problems)
        table = Table(key, view, model, add, remove, problems)
        view.append_row = partial(self.append, key)
        view.row_untouched = table.untouched
        view.remove_row = model.remove_row
        model.rowsEdited.connect(lambda _before, after, k=key: self.edited.emit(k, after))
        add.clicked.connect(lambda _=False, k=key: self.add_by_button(k))
        remove.clicked.connect(lambda _=False, k=key: self.remove_selected(k))
        return table

    # -- rows -----------------------------------------------------------------------------------------------
    def defaults(self, key: str) -> Row:
        model = self.tables[key].model
        if key in firm_form.YEAR_KEYS:
            years = [int(r["year"]) for r in model.rows() if r["year"].isdigit()]
            return {"year": str(max(years) + 1 if years else date.today().year), "amount": ""}
        return ROW_DEFAULTS[key]()

    def append(self, key: str) -> int:
        """A new row at the end (prefilled with sensible defaults); returns its number."""
        table = self.tables[key]
        row = table.model.add_row(self.defaults(key))
        table.fresh = table.model.rows()[row]
        return row

    def add_by_button(self, key: str) -> None:
        """添加…: the new row's first cell to type in (the year's amount for the year tables)."""
        table = self.tables[key]
        row = self.append(key)
        index = table.model.index(row, 1 if key in firm_form.YEAR_KEYS else 0)
        table.view.setFocus()
        table.view.setCurrentIndex(index)
        table.view.edit(index)

    def remove_selected(self, key: str) -> None:
        table = self.tables[key]
        rows = sorted({i.row() for i in table.view.selectionModel().selectedIndexes()}, reverse=True)
        if not rows and table.view.currentIndex().isValid():
            rows = [table.view.currentIndex().row()]
        for row in rows:
            table.model.remove_row(row)

    def set_param_choices(self, choices: tuple[tuple[str, tuple[str, str]], ...]) -> None:
        """The policy's parameters a variant may assume other values for (from the policy loaded)."""
        model = self.tables[PARAMS].model
        first, *rest = columns_of(PARAMS)
        model.beginResetModel()
        model.columns = (Column(first.key, first.zh, first.en, choices), *rest)
        model.endResetModel()

    def set_rows(self, key: str, rows: list[Row]) -> None:
        self.tables[key].fresh = None
        self.tables[key].model.set_rows(rows)

    def model(self, key: str) -> RowsModel:
        return self.tables[key].model

    # -- problems and a variant's changes -------------------------------------------------------------------
    def show_marks(self, marks: dict[str, dict[tuple[int, str], str]]) -> None:
        """Tint the cells a variant changed (the base value as tooltip); nothing in the base."""
        for key, table in self.tables.items():
            table.model.set_marks(marks.get(key, {}))

    def show_problems(
        self, cells: dict[str, dict[tuple[int, str], str]], lines: dict[str, list[str]]
    ) -> None:
        """Red cells (with the message as tooltip) and the table's problems in words right under it."""
        for key, table in self.tables.items():
            table.model.set_problems(cells.get(key, {}))
            text = "\n".join(lines.get(key, []))
            if table.problems.text() != text:
                table.problems.setText(text)
            table.problems.setVisible(bool(text))
