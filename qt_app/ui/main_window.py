"""The main window (主窗口): assembles the screens, the actions, the status bar and meeting mode.

Thin by design: screens do their own work and talk through the hub; this file wires them together.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QFontMetrics,
    QKeyEvent,
    QKeySequence,
    QUndoGroup,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from qt_app import __version__
from qt_app.domain.errors import DomainError
from qt_app.services import letter_warmup
from qt_app.services.operations import OpChanges, current_user
from qt_app.services.operations import firms as firm_ops
from qt_app.services.session import Session
from qt_app.ui import i18n, settings, window_chrome, window_state
from qt_app.ui.actions import create_actions
from qt_app.ui.errors import show_error
from qt_app.ui.firms_view import FirmsView
from qt_app.ui.hub import Hub
from qt_app.ui.panel import NO_FIRM, FirmOnScreen, Panel
from qt_app.ui.panels import make_panel
from qt_app.ui.startup import WarmUp

if TYPE_CHECKING:
    from qt_app.ui.firm_editor import FirmEditor

FIRMS, PACKAGE, COMPARE, EXPOSURE, POLICIES, LETTERS, LEDGER = range(7)
SCREENS = (
    ("go_firms", "firms"),
    ("go_package", "package"),
    ("go_compare", "compare"),
    ("go_exposure", "exposure"),
    ("go_policies", "policies"),
    ("go_letters", "letters"),
    ("go_ledger", "ledger"),
)
DRAFT_FILE = "unsaved-draft.json"


class MainWindow(QMainWindow):
    """招商政策测算台: the firm library, the package, variants, exposure and policies, plus meeting mode."""

    toolbar: QToolBar  # made by window_chrome, as are the status line's labels
    read_only_label: QLabel
    file_label: QLabel
    policy_label: QLabel
    backup_label: QLabel

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("招商政策测算台"))
        self.actions_by_name = create_actions(self)
        self.list_stack = QUndoStack(self)  # operations' undo (save, delete, stage…); the editor has its own
        self.undo_group = QUndoGroup(self)
        self.hub = Hub(self.list_stack, self)
        self._panels: dict[str, Panel] = {}
        self._current: FirmOnScreen = NO_FIRM  # what the editor last published
        self._build_screens()
        self._build_menus()
        self._build_status()
        self._connect()
        self._restore_layout()
        # Once the window has painted (whichever screen was left open): offer back a crash draft, then
        # load the policy and the write path, one idle turn each. The write path's libraries come before
        # the policy, whose turn starts the list's totals: their first write should find the handle made.
        self.warm_up = WarmUp(
            self, [self._after_show, self._store_libraries, self._policy_ready, self._store_ready], self
        )
        if letter_warmup.enabled():
            self.warm_up.finished.connect(lambda: QTimer.singleShot(0, self, self._warm_letters))

    # -- screens --------------------------------------------------------------------------------------------------
    def _build_screens(self) -> None:
        self.firms = FirmsView(self.session, self.hub, self)
        self.undo_group.addStack(self.list_stack)
        self.undo_group.setActiveStack(self.list_stack)
        self._editor: FirmEditor | None = None  # the 政策测算 page is built on first use (fast start)
        self._pending_firm = ""  # the list's current firm, loaded when the editor is built

        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.firms)
        for _ in range(len(SCREENS) - 1):  # every other screen is built on first visit
            self.pages.addWidget(QWidget(self))

        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(132)
        self.nav.setIconSize(self.nav.iconSize() * 1.4)
        font = self.nav.font()
        font.setPointSizeF(11)
        self.nav.setFont(font)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # 10 px above and below the taller of icon and text (a font and sizes, not a style sheet: faster start)
        item_height = max(QFontMetrics(font).height(), self.nav.iconSize().height()) + 20
        for name, _key in SCREENS:
            action = self.actions_by_name[name]
            item = QListWidgetItem(action.icon(), action.text(), self.nav)
            item.setSizeHint(QSize(1, item_height))

        self.work = QWidget(self)
        row = QHBoxLayout(self.work)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.pages, 1)

        self.outer = QStackedWidget(self)
        self.outer.addWidget(self.work)
        self.setCentralWidget(self.outer)

    @property
    def editor(self) -> FirmEditor:
        """The firm editor beside the package panel (政策测算), built the first time it is needed."""
        if self._editor is None:
            self._build_editor_page()
        assert self._editor is not None
        return self._editor

    @property
    def editor_built(self) -> bool:
        return self._editor is not None

    def _build_editor_page(self) -> None:
        from qt_app.ui.firm_editor import FirmEditor  # with its Designer form: imported on first use

        draft_path = self.session.store.folder / DRAFT_FILE if not self.session.store.read_only else None
        editor = FirmEditor(self.session, self.hub, draft_path, self)
        self._editor = editor
        self.undo_group.addStack(editor.undo_stack)
        editor.undo_stack.indexChanged.connect(lambda _i: self._sync_undo())
        editor.ui.saveButton.setShortcut(QKeySequence())  # Ctrl+S belongs to the save action
        editor.dirtyChanged.connect(self._dirty_changed)
        editor.saved.connect(self._saved)
        self.editor_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.editor_splitter.setObjectName("editorSplitter")
        self.editor_splitter.addWidget(editor)
        self.editor_splitter.addWidget(self.panel("package"))
        self.editor_splitter.setStretchFactor(0, 2)
        self.editor_splitter.setStretchFactor(1, 3)
        self.editor_splitter.setSizes([520, 760])  # the package gets the room its amounts and clauses need
        saved = settings.get(settings.EDITOR_SPLITTER)
        if not saved.isEmpty():
            self.editor_splitter.restoreState(saved)
        placeholder = self.pages.widget(PACKAGE)
        self.pages.insertWidget(PACKAGE, self.editor_splitter)
        if placeholder is not None:
            self.pages.removeWidget(placeholder)
            placeholder.deleteLater()
        if self._pending_firm:
            self._load(self._pending_firm)

    def panel(self, key: str) -> Panel:
        """The panel `key`, built on first use; it hears the hub from then on."""
        if key not in self._panels:
            panel = make_panel(key, self.session, self.hub, self)
            self._panels[key] = panel
            panel.statusMessage.connect(lambda text: self.statusBar().showMessage(text, 8000))
            panel.firmActivated.connect(self.open_firm)
            panel.newVariantRequested.connect(self.new_variant)
            panel.compareRequested.connect(self.compare_variants)
            panel.show_firm(self._current)
        return self._panels[key]

    def show_screen(self, index: int) -> None:
        if self.pages.currentIndex() != index or self.nav.currentRow() != index:
            self.nav.setCurrentRow(index)

    def _screen_changed(self, index: int) -> None:
        if index < 0:
            return
        key = SCREENS[index][1]
        if index == PACKAGE or (index in (COMPARE, LETTERS, LEDGER) and not self._current.firm_id):
            _ = self.editor  # builds the page and loads the list's current firm
        if index >= COMPARE:
            placeholder = self.pages.widget(index)
            widget = self.panel(key)
            if placeholder is not None and not isinstance(placeholder, QScrollArea):
                # In a scroll area: a panel wider than the screen (long English labels) scrolls
                # instead of pushing the window past the screen's edge.
                holder = QScrollArea(self)
                holder.setObjectName(f"{key}Page")
                holder.setWidgetResizable(True)
                holder.setFrameShape(QScrollArea.Shape.NoFrame)
                holder.setWidget(widget)
                self.pages.insertWidget(index, holder)
                self.pages.removeWidget(placeholder)
                placeholder.deleteLater()
        self.pages.setCurrentIndex(index)
        self._sync_undo()

    def _sync_undo(self) -> None:
        """Ctrl+Z takes back typing while the editor holds some; otherwise the last operation (a save, a
        variant made or deleted, a stage…), whichever screen is shown."""
        typing = self.editor_built and self.editor.undo_stack.count() > 0
        on_editor = self.pages.currentIndex() == PACKAGE
        self.undo_group.setActiveStack(self.editor.undo_stack if on_editor and typing else self.list_stack)

    # -- menus, toolbar, status (window_chrome) ------------------------------------------------------------------
    def _build_menus(self) -> None:
        window_chrome.build_menus(self)

    def _build_status(self) -> None:
        window_chrome.build_status(self)

    def update_status(self) -> None:
        window_chrome.update_status(self)

    def _show_policy(self) -> None:
        window_chrome.show_policy(self)

    # -- wiring -------------------------------------------------------------------------------------------------
    def _connect(self) -> None:
        a = self.actions_by_name
        self.nav.currentRowChanged.connect(self._screen_changed)
        for i, (name, _key) in enumerate(SCREENS):
            a[name].triggered.connect(lambda _c=False, i=i: self.show_screen(i))
        a["new_firm"].triggered.connect(self.new_firm)
        a["duplicate_firm"].triggered.connect(self.duplicate_firm)
        a["new_variant"].triggered.connect(lambda: self.new_variant(None))
        a["delete_firm"].triggered.connect(self.delete_firm)
        a["trash"].triggered.connect(self.firms.open_trash)
        a["change_stage"].triggered.connect(self.firms.change_stage)
        a["add_contact"].triggered.connect(self.firms.add_contact)
        a["save_firm"].triggered.connect(lambda: self.editor.save())
        a["find"].triggered.connect(self._focus_search)
        a["meeting_mode"].toggled.connect(self.set_meeting_mode)
        a["settings"].triggered.connect(self.open_settings)
        a["backup_now"].triggered.connect(self.backup_now)
        a["import_firms"].triggered.connect(lambda: self.import_firms())
        a["open_data_folder"].triggered.connect(self._open_data_folder)
        a["quit"].triggered.connect(self.close)
        a["about"].triggered.connect(self._about)
        self.firms.currentFirmChanged.connect(self._list_selection_changed)
        self.firms.firmActivated.connect(self.open_firm)
        self.hub.firmShown.connect(self._firm_shown)
        self.hub.changed.connect(self._changes)
        self._write_state_changed()

    def _write_state_changed(self) -> None:
        """Actions that write follow the store: read-only (another window, a damaged file) or writable."""
        store = self.session.store
        for name in (
            "new_firm",
            "duplicate_firm",
            "new_variant",
            "delete_firm",
            "trash",
            "change_stage",
            "add_contact",
            "save_firm",
            "backup_now",
            "import_firms",
        ):
            self.actions_by_name[name].setEnabled(not store.read_only)
        self.read_only_label.setText(i18n.pick(store.notice) if store.notice else "")
        self.read_only_label.setVisible(bool(store.notice))

    def _policy_ready(self) -> None:
        """Idle turn after the first paint: read the policy file; the list's domain filter and totals follow."""
        self._show_policy()
        self.firms.policy_ready()

    def _store_libraries(self) -> None:
        """Idle turn: what sqlite-utils imports, so making the write handle next is a short turn too."""
        self.session.store.load_write_libraries()

    def _store_ready(self) -> None:
        """Idle turn: make the store's write handle now rather than on the first save."""
        self.session.store.prepare_writes()

    def _warm_letters(self) -> None:
        """Once warm: render a throw-away letter on a worker thread, so the first real one is fast."""
        import logging

        from PySide6.QtCore import QThreadPool

        from qt_app.ui.workers import Job  # loads on first use, like every thread-pool helper

        policy = self.session.policy  # read here, on the UI thread
        job = Job(lambda: letter_warmup.warm_letters(policy))
        job.signals.failed.connect(lambda e: logging.getLogger("offer_desk").info("letter warm-up: %s", e))
        self._letter_job = job  # kept until the window goes
        QThreadPool.globalInstance().start(job)

    def _after_show(self) -> None:
        """After the window is on screen: offer back a draft left by a crash."""
        window_chrome.offer_draft(self, DRAFT_FILE)

    # -- the current firm -----------------------------------------------------------------------------------------
    def _list_selection_changed(self, firm_id: str) -> None:
        """A click in the list shows that firm everywhere, unless the editor holds unsaved changes."""
        if firm_id:
            settings.put(settings.LAST_FIRM, firm_id)
        if not self.editor_built:
            self._pending_firm = firm_id  # loaded when the 政策测算 page is first shown
            return
        if firm_id and not self.editor.dirty and firm_id != self.editor.firm_id:
            self._load(firm_id)

    def open_firm(self, firm_id: str) -> None:
        """Open a firm in the editor (asking about unsaved changes first) and show its package."""
        if firm_id != self.editor.firm_id and not self.editor.maybe_leave():
            return
        if firm_id != self.editor.firm_id or not self.editor.dirty:
            self._load(firm_id)
        self.firms.select(firm_id)
        self.show_screen(PACKAGE)

    def _load(self, firm_id: str) -> None:
        try:
            firm, variants = self.session.store.get_firm(firm_id)
        except DomainError as e:
            show_error(self, e)
            return
        self.editor.load_firm(firm, variants)
        settings.put(settings.LAST_FIRM, firm_id)

    def current_firm(self) -> FirmOnScreen:
        """The firm every panel shows: the editor's draft as it last parsed, or why it does not yet."""
        _ = self.editor
        return self._current

    def _firm_shown(self, shown: FirmOnScreen) -> None:
        self._current = shown

    def _changes(self, changes: OpChanges) -> None:
        """The status bar follows the data: backups, the default policy, a restored database."""
        if changes.backups or changes.everything or changes.policy:
            self.update_status()
        if changes.everything:  # a restored database: a damaged file put right is writable again
            self._write_state_changed()

    def _dirty_changed(self, dirty: bool) -> None:
        title = self.tr("招商政策测算台")
        self.setWindowTitle(f"{title} — {self.editor.ui.titleLabel.text()}" if dirty else title)

    def new_firm(self) -> None:
        if self.editor.maybe_leave():
            self.editor.load_firm(None)
            self.show_screen(PACKAGE)
            self.editor.ui.tabs.setCurrentIndex(0)
            self.editor.ui.nameEdit.setFocus()

    def duplicate_firm(self) -> None:
        on_list = self.pages.currentIndex() == FIRMS or not self.editor_built
        firm_id = self.firms.current_id() if on_list else self.editor.firm_id
        if not firm_id or not self.editor.maybe_leave():
            return
        try:
            firm, variants = self.session.store.get_firm(firm_id)
        except DomainError as e:
            show_error(self, e)
            return
        self.editor.new_copy(firm, variants)
        self.show_screen(PACKAGE)
        self.editor.ui.usccEdit.setFocus()

    def new_variant(self, start_from: str | None = None) -> None:
        """新建方案 for the firm on screen, from `start_from` (a variant's name, "" the base, None: what the
        editor shows), edited in the editor beside its package."""
        chosen = self.firms.current_id() if self.pages.currentIndex() == FIRMS else ""
        if chosen and chosen != self.editor.firm_id:
            self.open_firm(chosen)
        self.show_screen(PACKAGE)
        self.editor.variant_bar.new_variant(start_from)

    def compare_variants(self, names: list[str]) -> None:
        """Show these variants of the firm on screen side by side (方案对比)."""
        self.show_screen(COMPARE)
        self.panel("compare").show_variants(names)

    def delete_firm(self) -> None:
        if self.pages.currentIndex() == PACKAGE and not self.editor.is_new:
            self.firms.select(self.editor.firm_id)
        deleting = self.firms.current_id()
        if not deleting:
            return
        if not self.hub.run(lambda: firm_ops.delete_firm(self.session, deleting, current_user()), self):
            return
        if self.editor_built and deleting == self.editor.firm_id and not self.editor.dirty:
            self.editor.load_firm(None)
        self.statusBar().showMessage(self.tr("已移入回收站；按 Ctrl+Z 撤销"), 8000)

    def _saved(self, firm_id: str) -> None:
        self.firms.select(firm_id)
        name = self._current.name or self.editor.ui.nameEdit.text()
        self.statusBar().showMessage(self.tr("已保存“{name}”").format(name=name), 5000)

    def _focus_search(self) -> None:
        self.show_screen(FIRMS)
        self.firms.search.setFocus()
        self.firms.search.selectAll()

    # -- meeting mode -----------------------------------------------------------------------------------------------
    @property
    def in_meeting(self) -> bool:
        return self.outer.currentIndex() == 1

    def set_meeting_mode(self, on: bool) -> None:
        """会谈模式: only this firm's package, large; everything internal hidden. Same key to return."""
        window_state.set_meeting_mode(self, on)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.in_meeting and event.key() == Qt.Key.Key_Escape:
            self.set_meeting_mode(False)  # Esc also leaves meeting mode, as a projector user expects
            return
        super().keyPressEvent(event)

    # -- settings, backups ------------------------------------------------------------------------------------------
    def open_settings(self) -> None:
        from qt_app.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.session, self.hub, self)
        accepted = dialog.exec()
        self.update_status()
        if accepted and dialog.chosen_language() != i18n.current():
            from qt_app.app import switch_language

            switch_language(self, dialog.chosen_language())

    def backup_now(self) -> None:
        from qt_app.ui.settings_dialog import run_backup

        run_backup(self.session, self.hub, self)

    def import_firms(self, path: str | None = None) -> None:
        from qt_app.ui.import_dialog import import_firms

        import_firms(self.session, self.hub, self, path)

    def _open_data_folder(self) -> None:
        window_chrome.open_data_folder(self)

    def _about(self) -> None:
        window_chrome.about(self, __version__)

    # -- window state ------------------------------------------------------------------------------------------------
    def _restore_layout(self) -> None:
        window_state.restore_layout(self)

    def save_layout(self) -> None:
        window_state.save_layout(self)

    def close_quietly(self) -> None:
        """Stop idle work without asking or saving anything (the window is being replaced)."""
        self.firms.stop()
        self.warm_up.stop()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Never lose unsaved changes silently: Save / Discard / Cancel."""
        if self.editor_built and not self.editor.maybe_leave():
            event.ignore()
            return
        self.save_layout()
        self.firms.stop()
        event.accept()

    def action(self, name: str) -> QAction:
        return self.actions_by_name[name]
