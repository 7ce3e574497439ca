"""企业库 (the firm list): search as you type, filters, sort, delete/restore with undo, stages, contact log.

The table is a lazily fetched model over the store; this widget only arranges it and turns user
actions into undoable store commands, announcing changes on the hub.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from qt_app.domain.errors import DomainError
from qt_app.domain.pipeline import STAGE_LABELS, Stage
from qt_app.services.operations import OpChanges, current_user
from qt_app.services.operations import firms as firm_ops
from qt_app.services.session import Session
from qt_app.store.models import FirmFilter
from qt_app.ui import i18n
from qt_app.ui.errors import show_error
from qt_app.ui.hub import Hub
from qt_app.ui.models.contacts import ContactsModel
from qt_app.ui.models.firm_table import ID_ROLE, FirmTableModel
from qt_app.ui.panel import Panel
from qt_app.ui.widgets.labels import emphasise, mute
from qt_app.ui.widgets.words import domain_name

SEARCH_DEBOUNCE_MS = 200
TOTALS_PER_TICK = 8  # package totals filled in idle time, a few at a time, so scrolling never stalls


class FirmsView(Panel):
    """The pipeline list with its filters and the selected firm's contact log."""

    currentFirmChanged = Signal(str)  # the selected row's firm id ("" when none)

    def __init__(self, session: Session, hub: Hub, parent: QWidget | None = None) -> None:
        super().__init__(session, hub, parent)
        store = session.store
        self.model = FirmTableModel(
            lambda q, f, s, d, o, n: store.list_firms(q, f, s, d, o, n),
            lambda q, f: store.count_firms(q, f),
            self,
        )
        self._build()
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self.apply_search)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        for combo in (self.stage_filter, self.domain_filter, self.outpost_filter, self.owner_filter):
            combo.currentIndexChanged.connect(lambda _i: self.apply_search())
        self._totals_timer = QTimer(self, interval=30)
        self._totals_timer.timeout.connect(self._fill_totals)
        self._update_count()
        self._remember_choices()
        self._policy_ready = False
        self.model.modelReset.connect(self._start_totals)
        self.model.rowsInserted.connect(lambda *_a: self._start_totals())
        if session.policy_loaded:
            self.policy_ready()

    def show_firm(self, shown: object) -> None:
        """The list keeps its own selection; the editor follows the list, not the other way round."""

    def on_changes(self, changes: OpChanges) -> None:
        """Reload after an operation, keeping the selection when the firm is still listed."""
        if changes.list_changed:
            saved = next(iter(changes.firms), "") if len(changes.firms) == 1 else ""
            self.refresh(keep=saved)
        elif self.current_id() in changes.contacts:
            self._row_changed(self.table.currentIndex(), QModelIndex())
        if changes.policy:
            self.model.forget_totals()  # computed under the old default: figured again in idle time
            self._start_totals()

    def policy_ready(self) -> None:
        """The policy is loaded (after the first paint): its domains become filter choices, totals fill in."""
        if self._policy_ready:
            return
        self._policy_ready = True
        for domain in self.session.policy.domains:
            if self.domain_filter.findData(domain) < 0:
                self.domain_filter.addItem(domain_name(domain, i18n.current()), domain)
        self._start_totals()

    def _start_totals(self) -> None:
        if self._policy_ready and self.isVisible():
            self._totals_timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._start_totals()

    def hideEvent(self, event: QHideEvent) -> None:
        """Totals are figured only while the list is on screen: typing in the editor is not slowed by them."""
        super().hideEvent(event)
        self._totals_timer.stop()

    # -- layout -------------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.search = QLineEdit(self)
        self.search.setObjectName("firmSearch")
        self.search.setPlaceholderText(self.tr("搜索：企业名称、信用代码、联系人、拼音首字母（如 qtkj）"))
        self.search.setClearButtonEnabled(True)
        self.stage_filter = QComboBox(self)
        self.stage_filter.addItem(self.tr("全部阶段"), "")
        for stage, pair in STAGE_LABELS.items():
            self.stage_filter.addItem(i18n.pick(pair), stage.value)
        self.domain_filter = QComboBox(self)
        self.domain_filter.addItem(self.tr("全部领域"), "")
        self.outpost_filter = QComboBox(self)
        self.outpost_filter.addItem(self.tr("全部驻点"), "")
        self.owner_filter = QComboBox(self)
        self.owner_filter.addItem(self.tr("全部负责人"), "")
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        for combo in (self.stage_filter, self.domain_filter, self.outpost_filter, self.owner_filter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            filters.addWidget(combo)

        self.table = QTableView(self)
        self.table.setObjectName("firmTable")
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSortIndicator(7, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)  # sorts once, by the indicator: the model's first page
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        stage_width = 104 if i18n.current() == "en" else 70  # "Negotiating" is wider than 在谈
        for col, width in enumerate((215, 160, stage_width, 140, 60, 64, 124, 126)):
            self.table.setColumnWidth(col, width)
        self.table.doubleClicked.connect(lambda idx: self.firmActivated.emit(str(idx.data(ID_ROLE))))
        self.table.activated.connect(lambda idx: self.firmActivated.emit(str(idx.data(ID_ROLE))))
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.model.modelReset.connect(self._update_count)

        self.count_label = QLabel(self)
        self.nothing_found = QLabel(self)  # in place of an empty list: what was asked, and what to try
        self.nothing_found.setObjectName("nothingFound")
        self.nothing_found.setWordWrap(True)
        self.nothing_found.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.nothing_found.hide()
        left = QWidget(self)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addLayout(filters)
        lv.addWidget(self.table)
        lv.addWidget(self.nothing_found, 1)
        lv.addWidget(self.count_label)

        self.contacts = ContactsModel(self)
        self.contact_title = QLabel(self.tr("联络记录"), self)
        emphasise(self.contact_title)
        self.contact_table = QTableView(self)
        self.contact_table.setObjectName("contactTable")
        self.contact_table.setModel(self.contacts)
        self.contact_table.verticalHeader().setVisible(False)
        self.contact_table.horizontalHeader().setStretchLastSection(True)
        self.contact_table.setWordWrap(True)
        self.add_contact_button = QPushButton(self.tr("添加联络记录…"), self)
        self.add_contact_button.clicked.connect(self.add_contact)
        right = QWidget(self)
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(self.contact_title)
        rv.addWidget(self.contact_table, 1)
        self.contact_empty = QLabel(
            self.tr("暂无联络记录。拜访、电话、会谈后在此记一笔，方便同事接手。"), self
        )
        self.contact_empty.setWordWrap(True)
        mute(self.contact_empty)
        self.contact_empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        rv.addWidget(self.contact_empty, 1)
        rv.addWidget(self.add_contact_button)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("firmsSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([1040, 290])
        outer = QVBoxLayout(self)
        outer.addWidget(self.splitter)

    # -- searching ----------------------------------------------------------------------------------------
    def filters(self) -> FirmFilter:
        stage = str(self.stage_filter.currentData() or "")
        return FirmFilter(
            stages=(stage,) if stage else (),
            domain=str(self.domain_filter.currentData() or ""),
            outpost=str(self.outpost_filter.currentData() or ""),
            owner=str(self.owner_filter.currentData() or ""),
        )

    def apply_search(self) -> None:
        self._search_timer.stop()
        try:
            self.model.set_query(self.search.text(), self.filters())
        except DomainError as e:
            show_error(self, e)
        self.select_first()

    def refresh(self, keep: str = "") -> None:
        """Reload after a change elsewhere, keeping the selection when the firm is still listed."""
        keep = keep or self.current_id()
        self.model.reload()
        self._remember_choices()
        row = self.model.row_of(keep) if keep else -1
        if row >= 0:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
        else:
            self._row_changed(self.table.currentIndex(), QModelIndex())

    def select_first(self) -> None:
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.selectRow(0)

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("共 {n} 家企业").format(n=self.model.total))
        query = self.search.text().strip()
        filtered = self.filters() != FirmFilter()
        empty = self.model.total == 0 and bool(query or filtered)
        if empty:
            asked = (
                self.tr("没有找到与“{query}”相符的企业。").format(query=query)
                if query
                else self.tr("没有符合所选筛选条件的企业。")
            )
            tips = [
                self.tr("换一个更短的词，如企业名称中的两个字（“星河”）"),
                self.tr("拼音首字母，按词的顺序，如 qtkj（青田…科技）"),
                self.tr("统一社会信用代码的后几位，或联系人的名字"),
            ]
            if filtered:
                tips.append(self.tr("清除阶段、领域、驻点或负责人的筛选"))
            if (
                not self.nothing_found.styleSheet()
            ):  # set when first needed: a style sheet slows the first paint
                self.nothing_found.setStyleSheet("QLabel { padding: 24px; font-size: 11pt; }")
            self.nothing_found.setText(
                asked + "\n" + self.tr("可以试试：") + "\n" + "\n".join("· " + t for t in tips)
            )
        self.nothing_found.setVisible(empty)
        self.table.setVisible(not empty)

    def _remember_choices(self) -> None:
        """Outposts and owners seen so far become filter choices."""
        for combo, attr in ((self.outpost_filter, "outpost"), (self.owner_filter, "owner")):
            for r in range(self.model.rowCount()):
                row = self.model.firm_row(r)
                value = getattr(row, attr) if row else ""
                if value and combo.findData(value) < 0:
                    combo.addItem(value, value)

    def current_id(self) -> str:
        idx = self.table.currentIndex()
        return str(idx.data(ID_ROLE)) if idx.isValid() else ""

    def select(self, firm_id: str) -> bool:
        row = self.model.row_of(firm_id)
        if row >= 0:
            self.table.selectRow(row)
        return row >= 0

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        firm_id = str(current.data(ID_ROLE)) if current.isValid() else ""
        self.contacts.set_entries(self.session.store.contacts(firm_id) if firm_id else [])
        self.contact_empty.setVisible(self.contacts.rowCount() == 0)
        self.contact_table.setVisible(self.contacts.rowCount() > 0)
        self.add_contact_button.setEnabled(bool(firm_id) and not self.session.store.read_only)
        self.currentFirmChanged.emit(firm_id)

    # -- package totals in idle time ----------------------------------------------------------------------------
    def _fill_totals(self) -> None:
        from qt_app.ui import workers  # thread pool and progress dialog types: loaded after the first paint

        if workers.busy():
            return  # a backup or import holds the database; try again on the next tick
        ids = self.model.missing_totals(TOTALS_PER_TICK)
        if not ids:
            self._totals_timer.stop()  # restarted when new rows arrive
            return
        for firm_id in ids:
            self.model.set_total(firm_id, firm_ops.package_total(self.session, firm_id))

    def stop(self) -> None:
        """Stop idle work (the window is closing)."""
        self._totals_timer.stop()
        self._search_timer.stop()

    # -- actions --------------------------------------------------------------------------------------------------
    def delete_selected(self) -> None:
        """删除 (to the trash); Ctrl+Z brings it back."""
        row = self.model.firm_row(self.table.currentIndex().row())
        if row is not None:
            self.hub.run(lambda: firm_ops.delete_firm(self.session, row.id, current_user()), self)

    def open_trash(self) -> None:
        from qt_app.ui.firm_dialogs import TrashDialog  # dialogs load when first opened

        dialog = TrashDialog(self.session.store.trash(), self)
        if dialog.exec() and dialog.chosen_id():
            firm_id = dialog.chosen_id()
            if self.hub.run(lambda: firm_ops.restore_firm(self.session, firm_id, current_user()), self):
                self.select(firm_id)

    def change_stage(self) -> None:
        firm_id = self.current_id()
        if not firm_id:
            return
        try:
            firm, _variants = self.session.store.get_firm(firm_id)
        except DomainError as e:
            show_error(self, e)
            return
        from qt_app.ui.firm_dialogs import StageDialog  # dialogs load when first opened

        dialog = StageDialog(firm, self)
        if not dialog.exec():
            return
        stage, reason = dialog.chosen()
        self.set_stage(firm_id, stage.value, reason)

    def set_stage(self, firm_id: str, stage: str, reason: str = "") -> bool:
        """变更阶段 as one undoable step; False (after saying why) when the store refuses."""
        op = lambda: firm_ops.set_stage(self.session, firm_id, Stage(stage), reason, current_user())  # noqa: E731
        return self.hub.run(op, self) is not None

    def add_contact(self) -> None:
        firm_id = self.current_id()
        row = self.model.firm_row(self.table.currentIndex().row())
        if not firm_id or row is None:
            return
        from qt_app.ui.firm_dialogs import ContactDialog  # dialogs load when first opened

        dialog = ContactDialog(row.name, self)
        if dialog.exec():
            when, kind, person, notes, next_step = dialog.entry()
            self.hub.run(
                lambda: firm_ops.add_contact(
                    self.session, firm_id, when, kind, person, notes, next_step, current_user()
                ),
                self,
            )
