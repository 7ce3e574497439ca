"""The main window (主窗口): assembles the screens, the actions, the status bar and meeting mode.

Thin by design: screens do their own work and talk through the hub; this file wires them together.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Qt
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
    QToolButton,
    QWidget,
)

from qt_app import __version__
from qt_app.domain.errors import DomainError
from qt_app.services.session import Session
from qt_app.ui import i18n, settings, window_state
from qt_app.ui.actions import CONTEXT, MENUS, TOOLBAR, create_actions, icon
from qt_app.ui.errors import show_error
from qt_app.ui.firms_view import FirmsView, who
from qt_app.ui.hub import Hub
from qt_app.ui.models.firm_table import local_time
from qt_app.ui.panels import make_panel
from qt_app.ui.startup import WarmUp
from qt_app.ui.undo import SaveFirm
from qt_app.ui.widgets.labels import emphasise, tint

if TYPE_CHECKING:
    from qt_app.domain.firm import Firm
    from qt_app.domain.variants import Variant
    from qt_app.ui.firm_editor import FirmEditor

FIRMS, PACKAGE, COMPARE, EXPOSURE, POLICIES, LETTERS = range(6)
SCREENS = (
    ("go_firms", "firms"),
    ("go_package", "package"),
    ("go_compare", "compare"),
    ("go_exposure", "exposure"),
    ("go_policies", "policies"),
    ("go_letters", "letters"),
)
DRAFT_FILE = "unsaved-draft.json"


class MainWindow(QMainWindow):
    """招商政策测算台: the firm library, the package, variants, exposure and policies, plus meeting mode."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.hub = Hub(self)
        self.setWindowTitle(self.tr("招商政策测算台"))
        self.actions_by_name = create_actions(self)
        self.list_stack = QUndoStack(self)
        self.undo_group = QUndoGroup(self)
        self._panels: dict[str, QWidget] = {}
        self._current: tuple[Firm, tuple[Variant, ...]] | None = None
        self._build_screens()
        self._build_menus()
        self._build_status()
        self._connect()
        self._restore_layout()
        # Once the window has painted (whichever screen was left open): offer back a crash draft, then
        # load the policy and the write path, one idle turn each.
        self.warm_up = WarmUp(self, [self._after_show, self._policy_ready, self._store_ready], self)

    # -- screens --------------------------------------------------------------------------------------------------
    def _build_screens(self) -> None:
        self.firms = FirmsView(self.session, self.hub, self.list_stack, self)
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
        editor = FirmEditor(self.session.policy, self._save_firm, draft_path, self)
        self._editor = editor
        self.undo_group.addStack(editor.undo_stack)
        editor.ui.saveButton.setShortcut(QKeySequence())  # Ctrl+S belongs to the save action
        editor.draftChanged.connect(self._draft_changed)
        editor.dirtyChanged.connect(self._dirty_changed)
        self.editor_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.editor_splitter.setObjectName("editorSplitter")
        self.editor_splitter.addWidget(editor)
        self.editor_splitter.addWidget(self.panel("package"))
        self.editor_splitter.setStretchFactor(0, 5)
        self.editor_splitter.setStretchFactor(1, 6)
        self.editor_splitter.setSizes([600, 700])
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

    def panel(self, key: str) -> QWidget:
        """The panel `key`, built on first use."""
        if key not in self._panels:
            self._panels[key] = make_panel(key, self.session, self)
            self._wire_panel(key, self._panels[key])
        return self._panels[key]

    def _wire_panel(self, key: str, widget: QWidget) -> None:
        if key == "compare" and hasattr(widget, "offerVariantChosen"):
            widget.offerVariantChosen.connect(self._offer_variant_chosen)
        if hasattr(widget, "statusMessage"):
            widget.statusMessage.connect(lambda text: self.statusBar().showMessage(text, 8000))
        if key == "exposure" and hasattr(widget, "firmActivated"):
            widget.firmActivated.connect(self.open_firm)
        if self._current is not None and hasattr(widget, "show_firm"):
            widget.show_firm(*self._current)
            if key in ("meeting", "letters"):
                self._show_offer(*self._current)

    def show_screen(self, index: int) -> None:
        if self.pages.currentIndex() != index or self.nav.currentRow() != index:
            self.nav.setCurrentRow(index)

    def _screen_changed(self, index: int) -> None:
        if index < 0:
            return
        key = SCREENS[index][1]
        if index == PACKAGE or (index in (COMPARE, LETTERS) and self._current is None):
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
            if key == "exposure" and hasattr(widget, "refresh"):
                widget.refresh()
        self.pages.setCurrentIndex(index)
        self.undo_group.setActiveStack(self.editor.undo_stack if index == PACKAGE else self.list_stack)

    # -- menus, toolbar, status ---------------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        undo = self.undo_group.createUndoAction(self, self.tr("撤销"))
        undo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        redo = self.undo_group.createRedoAction(self, self.tr("重做"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence(QKeySequence.StandardKey.Redo)])
        undo.setIcon(icon("undo"))
        redo.setIcon(icon("redo"))
        self.addAction(undo)
        self.addAction(redo)
        self.actions_by_name["undo"] = undo
        self.actions_by_name["redo"] = redo
        for title, names in MENUS:  # the layout is declared in the action registry
            menu = self.menuBar().addMenu(QCoreApplication.translate(CONTEXT, title))
            for name in names:
                if name is None:
                    menu.addSeparator()
                else:
                    menu.addAction(self.actions_by_name[name])
        self.toolbar = self.addToolBar(self.tr("工具栏"))
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.setMovable(False)
        for name in TOOLBAR:
            if name is None:
                self.toolbar.addSeparator()
            else:
                self.toolbar.addAction(self.actions_by_name[name])
        for name in ("undo", "redo"):  # their text names the step ("撤销 修改…"): icon + tooltip only
            button = self.toolbar.widgetForAction(self.actions_by_name[name])
            if isinstance(button, QToolButton):
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)

    def _build_status(self) -> None:
        self.read_only_label = QLabel(self)
        emphasise(tint(self.read_only_label, "#8a5a00"))
        self.file_label = QLabel(self)
        self.policy_label = QLabel(self)
        self.backup_label = QLabel(self)
        for label in (self.read_only_label, self.file_label, self.policy_label, self.backup_label):
            self.statusBar().addPermanentWidget(label)
        notice = self.session.store.notice
        self.read_only_label.setText(i18n.pick(notice) if notice else "")
        self.read_only_label.setVisible(bool(notice))
        self.update_status()

    def update_status(self) -> None:
        store = self.session.store
        path = QFontMetrics(self.file_label.font()).elidedText(
            str(store.path), Qt.TextElideMode.ElideMiddle, 300
        )
        self.file_label.setText(self.tr("数据文件：{path}").format(path=path))
        self.file_label.setToolTip(str(store.path))
        if self.session.policy_loaded:  # read in the first idle turn after the list has painted
            self._show_policy()
        backups = store.list_backups()
        newest = max((b.taken_at for b in backups), default=None)
        when = local_time(newest.isoformat()) if newest else self.tr("尚无")
        self.backup_label.setText(self.tr("最近备份：{when}").format(when=when))

    def _show_policy(self) -> None:
        policy = self.session.policy
        title = policy.title_en if i18n.current() == "en" else policy.short_title
        short = QFontMetrics(self.policy_label.font()).elidedText(title, Qt.TextElideMode.ElideRight, 260)
        self.policy_label.setText(
            self.tr("现行政策：{title}（{version}）").format(title=short, version=policy.version)
        )
        self.policy_label.setToolTip(f"{title} {policy.version}")

    # -- wiring -------------------------------------------------------------------------------------------------
    def _connect(self) -> None:
        a = self.actions_by_name
        self.nav.currentRowChanged.connect(self._screen_changed)
        for i, (name, _key) in enumerate(SCREENS):
            a[name].triggered.connect(lambda _c=False, i=i: self.show_screen(i))
        a["new_firm"].triggered.connect(self.new_firm)
        a["duplicate_firm"].triggered.connect(self.duplicate_firm)
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
        self.hub.firmSaved.connect(lambda _id: self.update_status())
        self.hub.firmSaved.connect(self._stored_version_changed)
        self.hub.firmsChanged.connect(lambda: self._stored_version_changed(""))
        self.hub.backupTaken.connect(lambda _p: self.update_status())
        self.hub.firmsChanged.connect(self._write_state_changed)  # e.g. a damaged file restored from a backup
        self._write_state_changed()

    def _write_state_changed(self) -> None:
        """Actions that write follow the store: read-only (another window, a damaged file) or writable."""
        store = self.session.store
        for name in (
            "new_firm",
            "duplicate_firm",
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

    def _store_ready(self) -> None:
        """Idle turn: make the store's write handle now rather than on the first save."""
        self.session.store.prepare_writes()

    def _after_show(self) -> None:
        """After the window is on screen: offer back a draft left by a crash."""
        from PySide6.QtWidgets import QMessageBox

        from qt_app.ui.firm_form import read_draft

        path = self.session.store.folder / DRAFT_FILE
        payload = read_draft(path) if not self.session.store.read_only else None
        if payload is None:
            return
        name = str(payload["values"].get("name") or self.tr("新企业"))
        answer = QMessageBox.question(
            self,
            self.tr("恢复未保存的草稿"),
            self.tr("上次关闭前，“{name}”有未保存的修改。要恢复这份草稿吗？").format(name=name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes and self.editor.restore_draft(payload):
            self.show_screen(PACKAGE)
        else:
            path.unlink(missing_ok=True)

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

    def current_firm(self) -> tuple[Firm, tuple[Variant, ...]] | None:
        """The firm every panel shows: the editor's draft as it last parsed."""
        _ = self.editor
        return self._current

    def _stored_version_changed(self, firm_id: str) -> None:
        """A stage change, undo, import or restore changed the store: an editor without edits follows it."""
        if not self.editor_built or self.editor.dirty or self.editor.is_new:
            return
        if firm_id and firm_id != self.editor.firm_id:
            return
        try:
            firm, variants = self.session.store.get_firm(self.editor.firm_id)
        except DomainError:
            self.editor.load_firm(None)  # gone (restored backup without it)
            return
        if not self.editor.shows(firm, variants):
            self.editor.load_firm(firm, variants)

    def _draft_changed(self, firm: Firm, variants: tuple[Variant, ...]) -> None:
        """The editor's draft parses: every panel shows it (the package recomputes live)."""
        self._current = (firm, variants)
        for key, widget in self._panels.items():
            if key in ("package", "compare") and hasattr(widget, "show_firm"):
                try:
                    widget.show_firm(firm, variants)
                except DomainError as e:
                    self.statusBar().showMessage(e.message(i18n.current()), 5000)
        try:
            self._show_offer(firm, variants)
        except DomainError as e:
            self.statusBar().showMessage(e.message(i18n.current()), 5000)

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

    def delete_firm(self) -> None:
        if self.pages.currentIndex() == PACKAGE and not self.editor.is_new:
            self.firms.select(self.editor.firm_id)
        deleting = self.firms.current_id()
        self.firms.delete_selected()
        if self.editor_built and deleting == self.editor.firm_id and not self.editor.dirty:
            self.editor.load_firm(None)
        self.statusBar().showMessage(self.tr("已移入回收站；按 Ctrl+Z 撤销"), 8000)

    def _save_firm(self, firm: Firm, variants: tuple[Variant, ...]) -> None:
        """The editor's saver: one undoable store command, then the package total for the list."""
        store = self.session.store
        before = None
        if not self.editor.is_new:
            try:
                before = store.get_firm(firm.id)
            except DomainError:
                before = None  # the stored version vanished meanwhile: undo then trashes it
        store.save_firm(firm, variants, who())
        self.list_stack.push(
            SaveFirm(store, (firm, variants), before, who(), self.hub.firmsChanged.emit, self._failed)
        )
        try:
            pkg = self.session.package(firm, explain=False)
            store.put_package_total(firm.id, "base", self.session.policy.hash, pkg.total, pkg.by_year())
        except DomainError:
            pass  # the list computes it later
        self.hub.firmSaved.emit(firm.id)
        self.firms.select(firm.id)
        self.statusBar().showMessage(self.tr("已保存“{name}”").format(name=firm.name), 5000)

    def _failed(self, e: BaseException) -> None:
        show_error(self, e)

    def _offer_variant_chosen(self, name: str) -> None:
        """设为报价方案: remembered for the firm; meeting mode and the letters screen switch to it."""
        compare = self._panels.get("compare")
        chosen = getattr(compare, "variant", lambda _n: None)(name)
        if self._current is None or chosen is None:
            return
        firm, variants = self._current
        from qt_app.services.offers import set_offer_variant

        try:
            set_offer_variant(self.session.store, firm.id, chosen, who=who())
        except DomainError as e:
            show_error(self, e)
            return
        self._show_offer(firm, variants)
        label = chosen.label or chosen.name
        self.statusBar().showMessage(
            self.tr("已将“{name}”设为报价方案：会谈模式和告知函将使用此方案").format(name=label), 8000
        )

    def _show_offer(self, firm: Firm, variants: tuple[Variant, ...]) -> None:
        """Meeting mode and the letters screen show the firm's offer variant, when one was chosen."""
        from qt_app.services.offers import with_offer

        with_offer_variants, offer = with_offer(self.session.store, firm.id, variants)
        for key in ("meeting", "letters"):
            widget = self._panels.get(key)
            if widget is None:
                continue
            widget.show_firm(firm, with_offer_variants)  # type: ignore[attr-defined]
            if offer is not None and hasattr(widget, "set_variant"):
                widget.set_variant(offer)

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
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.session.store.folder)))

    def _about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self,
            self.tr("关于"),
            self.tr("招商政策测算台 {version}\n青田县投资促进 · 元宇宙产业政策测算").format(
                version=__version__
            ),
        )

    # -- window state ------------------------------------------------------------------------------------------------
    def _restore_layout(self) -> None:
        window_state.restore_layout(self)

    def save_layout(self) -> None:
        window_state.save_layout(self)

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
