"""Nothing that matters is cut off: for every demo firm, at 1366×768, 1440×900 and 1920×1080, in Chinese and
English, every amount, status and clause fits its column (or label) and its column is on screen — in the
package, the variants table, meeting mode and the firm list's stage and total.

Measured with Qt's own yardsticks — each cell's delegate size hint, each label's size hint — against the
width the view gives it, independently of how the panels size their columns.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QStyleOptionViewItem,
    QTableView,
    QTreeView,
)

from qt_app.ui.main_window import COMPARE, FIRMS, PACKAGE, MainWindow
from qt_app.ui.models.firm_table import STAGE, TOTAL

from .conftest import delete_now

SIZES = ((1366, 768), (1440, 900), (1920, 1080))
ROOT_INDEX = QModelIndex()
TREE_COLUMNS = (0, 1, 2, 3)  # item / year, amount, status, clause (the explanation stretches and may elide)


def need(view: QAbstractItemView, index: QModelIndex) -> int:
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    delegate = view.itemDelegateForIndex(index)
    return int(delegate.sizeHint(option, index).width())


def tree_rows(
    tree: QTreeView, parent: QModelIndex = ROOT_INDEX, depth: int = 1
) -> Iterator[tuple[QModelIndex, int]]:
    model = tree.model()
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        yield index, depth
        yield from tree_rows(tree, index, depth + 1)


def clipped_tree(tree: QTreeView) -> list[str]:
    """Cells (expanded or not) whose text and badges need more than their column, or columns off screen."""
    out = []
    header = tree.header()
    for col in TREE_COLUMNS:
        right = header.sectionViewportPosition(col) + header.sectionSize(col)
        if right > tree.viewport().width():
            out.append(f"column {col} ends at {right}px, past the view's {tree.viewport().width()}px")
    for index, depth in tree_rows(tree):
        for col in TREE_COLUMNS:
            cell = index.siblingAtColumn(col)
            width = need(tree, cell) + (tree.indentation() * depth if col == 0 else 0)
            if cell.data() and width > header.sectionSize(col):
                out.append(f"“{cell.data()}” needs {width}px, column {col} has {header.sectionSize(col)}px")
    return out


def clipped_table(table: QTableView) -> list[str]:
    out = []
    model = table.model()
    for row in range(model.rowCount()):
        for col in range(model.columnCount()):
            cell = model.index(row, col)
            if need(table, cell) > table.columnWidth(col):
                out.append(
                    f"“{cell.data()}” needs {need(table, cell)}px, column has {table.columnWidth(col)}px"
                )
    for col in range(model.columnCount()):
        if table.columnViewportPosition(col) + table.columnWidth(col) > table.viewport().width():
            out.append(f"column {col} runs past the view")
    return out


def clipped_labels(labels: list[QLabel]) -> list[str]:
    return [
        f"“{label.text()}” needs {label.sizeHint().width()}px, has {label.width()}px"
        for label in labels
        if label.isVisible()
        and label.text()
        and not label.wordWrap()
        and label.width() < label.sizeHint().width()
    ]


@pytest.fixture(params=["zh", "en"])
def lang_window(
    request: pytest.FixtureRequest, qtbot: Any, session: Any, no_dialogs: list[str]
) -> Iterator[MainWindow]:
    from qt_app.ui import i18n

    i18n.install(request.param)
    w = MainWindow(session)
    w.show()
    qtbot.waitUntil(lambda: w.warm_up.done)
    yield w
    w.editor.load_firm(None)
    w.close()
    delete_now(w)


def test_every_amount_status_and_clause_fits(lang_window: MainWindow, qtbot: Any) -> None:
    w = lang_window
    firms = [r.id for r in w.session.store.list_firms(sort="name", descending=False, limit=100)]
    assert len(firms) >= 25
    problems: list[str] = []
    for width, height in SIZES:
        w.resize(width, height)
        w.show_screen(FIRMS)
        QApplication.processEvents()
        qtbot.waitUntil(lambda: not w.firms.model.missing_totals(1), timeout=10_000)
        table = w.firms.table
        for row in range(w.firms.model.rowCount()):
            for col in (STAGE, TOTAL):  # the list's stage and package total
                cell = w.firms.model.index(row, col)
                if need(table, cell) > table.columnWidth(col):
                    problems.append(f"{width}×{height} 企业库: “{cell.data()}” needs {need(table, cell)}px")
        for firm_id in firms:
            w.open_firm(firm_id)  # shows 政策测算
            QApplication.processEvents()
            package = w.panel("package")
            package.refresh()
            where = f"{width}×{height} {firm_id}"
            problems += [f"{where} 政策测算: {p}" for p in clipped_tree(package.tree)]
            labels = [package.total_figures, *package.totals.findChildren(QLabel)]
            problems += [f"{where} 政策测算: {p}" for p in clipped_labels(labels)]
        w.show_screen(COMPARE)
        compare = w.panel("compare")
        for firm_id in firms[:: max(1, len(firms) // 6)]:
            w.open_firm(firm_id)
            w.show_screen(COMPARE)
            QApplication.processEvents()
            problems += [f"{width}×{height} {firm_id} 方案对比: {p}" for p in clipped_table(compare.table)]
        w.show_screen(PACKAGE)
        w.set_meeting_mode(True)
        qtbot.wait(10)
        w.resize(width, height)  # full screen on a projector of this size
        qtbot.wait(10)
        meeting = w.panel("meeting")
        for firm_id in firms:
            w.editor.load_firm(*w.session.store.get_firm(firm_id))
            meeting.refresh()
            QApplication.processEvents()
            problems += [
                f"{width}×{height} {firm_id} 会谈模式: {p}"
                for p in clipped_labels(meeting.findChildren(QLabel))
            ]
        w.set_meeting_mode(False)
    assert not problems, "\n".join(problems[:40]) + f"\n… {len(problems)} in all"
