"""年度预算 in the settings: a small table, item × year, of what the county budgets for each support item.

Cells hold what staff type ("800万", "1.2亿"; empty = no budget). Saving checks every cell first — a cell
that is not an amount, or a negative one, is named under the table and turned red, and nothing is saved —
then sets each changed budget through its operation (`operations.ledger.set_budget`, one undo each). The
exposure screen's 兑现与预算 compares committed, due and paid with them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qt_app.domain.errors import DomainError
from qt_app.domain.money import Fen, parse_amount
from qt_app.domain.money_format import money_words
from qt_app.services.ledger_changes import LedgerChanged
from qt_app.services.operations import OpResult, current_user
from qt_app.services.operations import ledger as ledger_ops
from qt_app.services.session import Session
from qt_app.ui import i18n
from qt_app.ui.hub import Hub
from qt_app.ui.widgets.labels import tint

PROBLEM = QColor("#fde2e1")
KEY_ROLE = int(Qt.ItemDataRole.UserRole) + 71  # (year, item id)


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files a bare tr() under the empty context


def budget_years(stored: dict[tuple[int, str], Fen], today: date | None = None) -> list[int]:
    """Last year to four years ahead, and any year a budget is already set for."""
    year = (today or date.today()).year
    return sorted(set(range(year - 1, year + 5)) | {y for y, _ in stored})


class BudgetTable(QWidget):
    """Items (rows) × years (columns) of budgets, saved through the budget operation."""

    def __init__(self, session: Session, hub: Hub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.hub = session, hub
        self.stored = session.store.ledger.budgets()
        lang = i18n.current()
        self.items = [(it.id, it.en if lang == "en" else it.zh) for it in session.policy.items if it.monetary]
        self.years = budget_years(self.stored)
        self.table = QTableWidget(len(self.items), len(self.years), self)
        self.table.setObjectName("budgetTable")
        self.table.setHorizontalHeaderLabels([str(y) for y in self.years])
        self.table.setVerticalHeaderLabels([name for _i, name in self.items])
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        for r, (item_id, _name) in enumerate(self.items):
            for c, year in enumerate(self.years):
                amount = self.stored.get((year, item_id))
                cell = QTableWidgetItem(
                    money_words(amount, "zh").removesuffix("元") if amount is not None else ""
                )
                cell.setData(KEY_ROLE, (year, item_id))
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, cell)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.hint = QLabel(tr("每格填写该事项该年度的预算，如 800万；留空为未设预算。"), self)
        self.hint.setWordWrap(True)
        self.message = tint(QLabel(self), "#b3261e")
        self.message.setWordWrap(True)
        self.message.setObjectName("budgetMessage")
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.table.setEnabled(not session.store.read_only)

    def changes(self) -> tuple[list[tuple[int, str, Fen | None]], list[str]]:
        """(year, item, amount or None to clear) for every cell that differs from what is stored, and the
        problems (one line per bad cell, in the user's language)."""
        lang = i18n.current()
        out: list[tuple[int, str, Fen | None]] = []
        problems: list[str] = []
        for r, (item_id, name) in enumerate(self.items):
            for c, year in enumerate(self.years):
                cell = self.table.item(r, c)
                text = cell.text().strip() if cell is not None else ""
                amount: Fen | None = None
                if cell is not None:
                    cell.setBackground(QBrush())
                if text:
                    try:
                        amount = parse_amount(text)
                    except DomainError as e:
                        problems.append(f"{year} {name}：{e.message(lang)}")
                        if cell is not None:
                            cell.setBackground(QBrush(PROBLEM))
                        continue
                if amount != self.stored.get((year, item_id)):
                    out.append((year, item_id, amount))
        return out, problems

    def save(self) -> bool:
        """Check every cell, then set each changed budget; False (nothing saved) when a cell is wrong."""
        changes, problems = self.changes()
        self.message.setText("\n".join(problems))
        self.message.setVisible(bool(problems))
        if problems:
            return False
        who = current_user()
        for year, item_id, amount in changes:
            if self.hub.run(self._setter(ledger_ops.SetBudget(item_id, year, amount, who)), self) is None:
                return False
            self.stored = self.session.store.ledger.budgets()
        return True

    def _setter(self, req: ledger_ops.SetBudget) -> Callable[[], OpResult[LedgerChanged]]:
        return lambda: ledger_ops.set_budget(self.session, req)
