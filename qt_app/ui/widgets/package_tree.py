"""The package as a tree (政策包明细): item → years → parameters with their badges, and the selected row's
explanation in full below it.

Expansion and the row being read survive a live refresh; amount, status and clause columns fit their content
(a width the officer dragged is remembered per language).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QTreeView, QVBoxLayout, QWidget

from qt_app.domain.package import Package
from qt_app.domain.policy import Policy
from qt_app.ui.widgets import column_fit
from qt_app.ui.widgets.package_parts import NOT_GIVEN_KEY, package_nodes
from qt_app.ui.widgets.status_badge import BadgeDelegate
from qt_app.ui.widgets.tree_model import KEY_ROLE, Node, NodeTreeModel

FITTED = (0, 1, 2, 3)  # item, amount, status, clause: sized to their content; the explanation stretches


class PackageTree(QWidget):
    """The tree of one package, and the detail line of the row chosen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._expanded: set[str] = set()
        self._fresh = True  # a firm just opened: expand its items, fit columns to it exactly
        self._fitting = False
        self._has_package = False
        self.model = NodeTreeModel([], self)
        self.tree = QTreeView()
        self.tree.setObjectName("packageTree")
        self.tree.setModel(self.model)
        badges = BadgeDelegate(self.tree)  # Python painting only where badges are (status, clause)
        self.tree.setItemDelegateForColumn(2, badges)
        self.tree.setItemDelegateForColumn(3, badges)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(False)
        self.tree.expanded.connect(lambda i: self._expanded.add(str(i.data(KEY_ROLE))))
        self.tree.collapsed.connect(lambda i: self._expanded.discard(str(i.data(KEY_ROLE))))
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setMinimumSectionSize(40)
        header.sectionResized.connect(self._column_dragged)
        self._widths = column_fit.UserWidths(header, FITTED, "package_tree")
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setMinimumHeight(self.detail.fontMetrics().height() * 2 + 12)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setStyleSheet(
            "QLabel { border: 1px solid palette(mid); border-radius: 4px; padding: 4px; }"
        )
        self.tree.selectionModel().currentChanged.connect(self.show_detail)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.detail)

    def new_firm(self) -> None:
        """Another firm: its items open afresh."""
        self._expanded.clear()
        self._fresh = True

    def clear(self) -> None:
        self._has_package = False
        self.model.set_nodes([], reset=True)
        self.detail.setText("")

    def fill(self, pkg: Package, lang: str, policy: Policy) -> None:
        self._has_package = True
        nodes = package_nodes(pkg, lang, policy)
        expand_all = self._fresh
        self._fresh = False
        current_key = self.tree.currentIndex().data(KEY_ROLE)
        self.tree.setUpdatesEnabled(False)
        reset = self.model.set_nodes(nodes, reset=expand_all)
        if reset:
            self._restore_view(nodes, expand_all, current_key)
        self._fit_columns(nodes, exact=expand_all)
        self.tree.setUpdatesEnabled(True)
        self.show_detail(self.tree.currentIndex())

    def show_detail(self, current: QModelIndex, _previous: QModelIndex | None = None) -> None:
        """The selected row's explanation in full (the tree elides long sentences)."""
        if not current.isValid():
            hint = QCoreApplication.translate("PackagePanel", "选择一行，查看完整的计算说明。")
            self.detail.setText(hint if self._has_package else "")
            return
        node = self.model.node(current)
        names = [node.cells[0]]
        up = current.parent()
        while up.isValid():
            names.insert(0, self.model.node(up).cells[0])
            up = up.parent()
        head = " · ".join([*names, node.cells[1]] if node.cells[1] else names)
        self.detail.setText(f"{head}\n{node.tooltip}" if node.tooltip else head)

    def _fit_columns(self, nodes: list[Node], exact: bool) -> None:
        """Amounts, statuses and clauses whole; a firm just opened starts from its own widths."""
        self._fitting = True
        self._widths.fit(column_fit.node_widths(self.tree, nodes, FITTED), exact)
        self._fitting = False

    def _column_dragged(self, col: int, _old: int, _new: int) -> None:
        if not self._fitting and col in FITTED:
            self._widths.remember()

    def _restore_view(self, nodes: list[Node], expand_all: bool, current_key: object) -> None:
        """After a reset (another firm, or rows came and went): expansion and the row staff were reading."""
        if expand_all:  # the paying items open; "not given" opens only when nothing else is there
            self._expanded = {n.key for n in nodes if n.key != NOT_GIVEN_KEY} or {n.key for n in nodes}
        for row, node in enumerate(nodes):
            if node.key in self._expanded:
                parent = self.model.index(row, 0)
                self.tree.setExpanded(parent, True)
                for r2, child in enumerate(node.children):
                    if child.key in self._expanded:
                        self.tree.setExpanded(self.model.index(r2, 0, parent), True)
        if current_key:  # keep the row staff were reading
            found = self.model.match(
                self.model.index(0, 0), KEY_ROLE, current_key, 1,
                Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive,
            )  # fmt: skip
            if found:
                self.tree.setCurrentIndex(found[0])
