"""The actuals form's tables: talents arrived, loans drawn, science and scenario projects won, each row a
figure with its document (type, number, date) and its scan.

Typed as in the firm editor's tables (`widgets.entry_table`: Tab / Shift+Tab, Enter, Esc, Insert or Ctrl+Enter
for a new row); each table has its own view, model and delegate (Qt does not support one delegate shared by
several views). 附扫描件… checks the scan for the selected row at once, as for the other figures. A row's
problems show in red under its table, in the firm editor's words ("人才到岗 第1行：人数 为空").
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qt_app.domain.errors import DomainError, FieldProblem
from qt_app.domain.ledger.actuals import DOC_TYPES
from qt_app.services.ledger_screen import ScanCheck
from qt_app.ui import i18n
from qt_app.ui.delegates import ChoiceDelegate
from qt_app.ui.editor_tables import HOUSING, LEVELS, PROJECT_LEVELS
from qt_app.ui.ledger import actuals_rows as ar
from qt_app.ui.ledger.form import ERROR_COLOR, WARN_COLOR, message_label
from qt_app.ui.ledger.step_dialog import tr
from qt_app.ui.models.rows_table import Column, RowsModel
from qt_app.ui.widgets.entry_table import EntryTable

_DOCS = tuple((key, pair) for key, pair in DOC_TYPES.items())
DOC_COLUMNS = (
    Column("doc_type", "材料类型", "Document", _DOCS),
    Column("doc_number", "文号或编号", "Number"),
    Column("doc_date", "材料日期", "Date", hint_zh="（如 2027-03-20）", hint_en=" (e.g. 2027-03-20)"),
    Column(ar.SCAN, "扫描件", "Scan", read_only=True),
)
COLUMNS: dict[str, tuple[Column, ...]] = {
    "talents": (
        Column("level", "人才层次", "Level", LEVELS),
        Column("count", "人数", "Count", numeric=True),
        Column("housing", "安居方式", "Housing", HOUSING),
    ),
    "loans": (
        Column("lender", "贷款银行", "Lender"),
        Column(
            "principal", "本金", "Principal", numeric=True, hint_zh="（如 500万）", hint_en=" (e.g. 500万)"
        ),
        Column("years", "期限（年）", "Years", numeric=True),
        Column("guarantee_fee", "年担保费", "Guarantee fee / year", numeric=True),
    ),
    "science_projects": (
        Column("name", "项目名称", "Project"),
        Column("level", "级别", "Level", PROJECT_LEVELS),
        Column("allocated", "上级下拨资金", "Funds allocated", numeric=True),
    ),
    "scenario_projects": (
        Column("name", "项目名称", "Project"),
        Column("contract_value", "合同额", "Contract value", numeric=True),
    ),
}
ROW_HEIGHT_ROWS = (2, 6)  # the table shows at least two rows and grows to six before it scrolls
ScanChecker = Callable[[str | Path, str], ScanCheck]  # (path, figure "talents[0]") → the scan checked


class ActualsTable(QWidget):
    """One list of a year's actuals: the table, its buttons, and its problems and notes under it."""

    def __init__(
        self, key: str, recorded: Sequence[Mapping[str, Any]], check: ScanChecker, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.key, self.recorded, self.check = key, list(recorded), check
        self.model = RowsModel((*COLUMNS[key], *DOC_COLUMNS), self, hidden=ar.HIDDEN)
        self.model.set_rows(ar.rows_from_stored(key, self.recorded))
        self.view = EntryTable(self)
        self.view.setObjectName(f"{key}Table")
        self.view.setModel(self.model)
        self.view.setItemDelegate(ChoiceDelegate(self.view))  # one per view: never shared between tables
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 10)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for col, column in enumerate(self.model.columns):
            if column.choices or column.numeric:  # "Talent apartment", "人才认定证书" show whole
                header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.fresh: dict[str, str] | None = None
        self.view.append_row = self.append
        self.view.row_untouched = self.untouched
        self.view.remove_row = self.model.remove_row
        self.add_button = QPushButton(tr("添加一行"), self)
        self.remove_button = QPushButton(tr("删除所选行"), self)
        self.scan_button = QPushButton(tr("为所选行附扫描件…"), self)
        self.scan_button.setObjectName(f"{key}Scan")
        for button in (self.add_button, self.remove_button, self.scan_button):
            button.setAutoDefault(False)  # Enter in the form records the year, never presses these
        self.add_button.clicked.connect(self.add_by_button)
        self.remove_button.clicked.connect(self.remove_selected)
        self.scan_button.clicked.connect(self.choose)
        self.problems = message_label(ERROR_COLOR)
        self.problems.setObjectName(f"{key}Problems")
        self.notes = message_label(WARN_COLOR)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self.add_button, self.remove_button, self.scan_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(self.view)
        box.addLayout(buttons)
        box.addWidget(self.problems)
        box.addWidget(self.notes)
        for signal in (self.model.rowsInserted, self.model.rowsRemoved, self.model.modelReset):
            signal.connect(partial(lambda *_a: self._fit()))
        self._fit()

    def _fit(self) -> None:
        """As tall as its rows (two to six), so the form scrolls rather than each table."""
        low, high = ROW_HEIGHT_ROWS
        rows = min(max(self.model.rowCount(), low), high)
        frame = 2 * self.view.frameWidth()
        height = (
            self.view.horizontalHeader().sizeHint().height()
            + rows * self.view.verticalHeader().defaultSectionSize()
        )
        scroll = self.view.horizontalScrollBar().sizeHint().height()
        self.view.setFixedHeight(height + frame + scroll)

    # -- rows -------------------------------------------------------------------------------------------
    def append(self) -> int:
        row = self.model.add_row(ar.defaults(self.key))
        self.fresh = self.model.rows()[row]
        return row

    def untouched(self, row: int) -> bool:
        rows = self.model.rows()
        return self.fresh is not None and 0 <= row < len(rows) and rows[row] == self.fresh

    def add_by_button(self) -> None:
        row = self.append()
        index = self.model.index(row, 0)
        self.view.setFocus()
        self.view.setCurrentIndex(index)
        self.view.edit(index)

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedIndexes()}, reverse=True)
        if not rows and self.view.currentIndex().isValid():
            rows = [self.view.currentIndex().row()]
        for row in rows:
            self.model.remove_row(row)

    # -- scans ------------------------------------------------------------------------------------------
    def choose(self) -> None:
        if not self.view.currentIndex().isValid():
            self.say(tr("请先选中要附扫描件的一行"))
            return
        path, _ = QFileDialog.getOpenFileName(
            self, tr("选择扫描件"), "", tr("扫描件 (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.ofd)")
        )
        if path:
            self.attach(path)

    def attach(self, path: str | Path, row: int | None = None) -> bool:
        """Check a scan for a row (the selected one) now: refused under the table when unreadable; a scan
        already attached elsewhere is noted."""
        row = self.view.currentIndex().row() if row is None else row
        self.clear()
        if not 0 <= row < self.model.rowCount():
            self.say(tr("请先选中要附扫描件的一行"))
            return False
        lang = i18n.current()
        where = ar.row_words(self.key, row, lang)
        try:
            picked = self.check(path, f"{self.key}[{row}]")
        except DomainError as e:
            self.say(f"{where}: {e.en}" if lang == "en" else f"{where}：{e.zh}")
            return False
        self.model.set_value(row, ar.PICKED, str(picked.path))
        self.model.set_value(row, ar.SCAN, tr("{name}（待存入）").format(name=picked.file_name))
        warnings = picked.warnings(i18n.current())
        self.notes.setText("；".join(warnings))
        self.notes.setVisible(bool(warnings))
        return True

    # -- what the table holds, and its problems -------------------------------------------------------
    def entries(self) -> list[dict[str, Any]]:
        return ar.entries(self.key, self.model.rows(), self.recorded)

    def column_names(self) -> dict[str, tuple[str, str]]:
        return {c.key: (c.zh, c.en) for c in self.model.columns}

    def clear(self) -> None:
        self.model.set_problems({})
        for label in (self.problems, self.notes):
            label.clear()
            label.hide()

    def say(self, text: str) -> None:
        lines = [x for x in self.problems.text().split("\n") if x]
        if text not in lines:
            self.problems.setText("\n".join([*lines, text]))
        self.problems.show()

    def show_problems(self, found: list[tuple[ar.Cell, FieldProblem]]) -> None:
        """Red cells (the message as tooltip) and every problem in words under the table."""
        lang = i18n.current()
        cells: dict[tuple[int, str], str] = {}
        for cell, p in found:
            line = ar.cell_problem(cell, p, lang)
            cells.setdefault((cell.row, cell.column), line)
            self.say(line)
        self.model.set_problems(cells)
        if found:
            cell = found[0][0]
            col = next((i for i, c in enumerate(self.model.columns) if c.key == cell.column), 0)
            self.view.setFocus()
            self.view.setCurrentIndex(self.model.index(cell.row, col))
