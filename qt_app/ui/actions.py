"""The action registry (操作): every menu/toolbar command declared once, with its shortcut.

The main window creates the QActions from these specs and connects them; tests and the meeting mode
look actions up by name.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QWidget

from qt_app.paths import resource

CONTEXT = "Actions"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks `text` for pyside6-lupdate (context "Actions"); translated when the QAction is made."""
    return text


@dataclass(frozen=True)
class ActionSpec:
    name: str
    text: str  # Chinese source text; translated at creation
    shortcuts: tuple[str | QKeySequence.StandardKey, ...] = ()
    icon: str = ""
    checkable: bool = False
    tip: str = ""


SPECS: tuple[ActionSpec, ...] = (
    ActionSpec("new_firm", QT_TRANSLATE_NOOP("Actions", "新建企业"), ("Ctrl+N",), "new"),
    ActionSpec("duplicate_firm", QT_TRANSLATE_NOOP("Actions", "复制企业"), ("Ctrl+D",), "copy"),
    ActionSpec("new_variant", QT_TRANSLATE_NOOP("Actions", "新建方案…"), ("Ctrl+Shift+N",), ""),
    ActionSpec("delete_firm", QT_TRANSLATE_NOOP("Actions", "删除企业"), ("Del",), "delete"),
    ActionSpec("trash", QT_TRANSLATE_NOOP("Actions", "回收站…"), (), "trash"),
    ActionSpec("change_stage", QT_TRANSLATE_NOOP("Actions", "变更阶段…"), ("Ctrl+T",), "stage"),
    ActionSpec("add_contact", QT_TRANSLATE_NOOP("Actions", "添加联络记录…"), ("Ctrl+L",), "contact"),
    ActionSpec("save_firm", QT_TRANSLATE_NOOP("Actions", "保存"), (QKeySequence.StandardKey.Save,), "save"),
    ActionSpec("find", QT_TRANSLATE_NOOP("Actions", "搜索企业"), ("Ctrl+F",), "search"),
    ActionSpec("meeting_mode", QT_TRANSLATE_NOOP("Actions", "会谈模式"), ("F11", "Ctrl+M"), "meeting", True),
    ActionSpec("settings", QT_TRANSLATE_NOOP("Actions", "设置…"), ("Ctrl+,",), "settings"),
    ActionSpec("import_firms", QT_TRANSLATE_NOOP("Actions", "导入企业…"), ("Ctrl+I",), "import"),
    ActionSpec("backup_now", QT_TRANSLATE_NOOP("Actions", "立即备份"), (), "backup"),
    ActionSpec("open_data_folder", QT_TRANSLATE_NOOP("Actions", "打开数据文件夹"), (), "folder"),
    ActionSpec("quit", QT_TRANSLATE_NOOP("Actions", "退出"), (QKeySequence.StandardKey.Quit,), ""),
    ActionSpec("go_firms", QT_TRANSLATE_NOOP("Actions", "企业库"), ("Ctrl+1",), "firms"),
    ActionSpec("go_package", QT_TRANSLATE_NOOP("Actions", "政策测算"), ("Ctrl+2",), "package"),
    ActionSpec("go_compare", QT_TRANSLATE_NOOP("Actions", "方案对比"), ("Ctrl+3",), "compare"),
    ActionSpec("go_exposure", QT_TRANSLATE_NOOP("Actions", "预算敞口"), ("Ctrl+4",), "exposure"),
    ActionSpec("go_policies", QT_TRANSLATE_NOOP("Actions", "政策库"), ("Ctrl+5",), "policies"),
    ActionSpec("go_letters", QT_TRANSLATE_NOOP("Actions", "告知函"), ("Ctrl+6",), "letters"),
    ActionSpec("go_ledger", QT_TRANSLATE_NOOP("Actions", "兑现台账"), ("Ctrl+7",), "ledger"),
    ActionSpec("about", QT_TRANSLATE_NOOP("Actions", "关于"), (), ""),
)

# Menus and toolbar: action names in order; None is a separator. "undo"/"redo" come from the undo group.
MENUS: tuple[tuple[str, tuple[str | None, ...]], ...] = (
    (
        QT_TRANSLATE_NOOP("Actions", "文件(&F)"),
        (
            "new_firm",
            "duplicate_firm",
            "new_variant",
            "save_firm",
            None,
            "import_firms",
            "backup_now",
            "open_data_folder",
            None,
            "quit",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Actions", "编辑(&E)"),
        (
            "undo",
            "redo",
            None,
            "find",
            "change_stage",
            "add_contact",
            "delete_firm",
            "trash",
            None,
            "settings",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Actions", "视图(&V)"),
        (
            "go_firms",
            "go_package",
            "go_compare",
            "go_exposure",
            "go_policies",
            "go_letters",
            "go_ledger",
            None,
            "meeting_mode",
        ),
    ),
    (QT_TRANSLATE_NOOP("Actions", "帮助(&H)"), ("about",)),
)
TOOLBAR: tuple[str | None, ...] = (
    "new_firm", "duplicate_firm", "save_firm", "delete_firm", "change_stage", None, "undo", "redo", None,
    "meeting_mode", "settings",
)  # fmt: skip


def icon(name: str) -> QIcon:
    """A bundled SVG icon (crisp at any DPI); an empty icon when absent."""
    path = resource("icons", f"{name}.svg")
    return QIcon(str(path)) if name and path.exists() else QIcon()


def create_actions(parent: QWidget) -> dict[str, QAction]:
    """QActions for every spec, owned by `parent` (added to it so shortcuts work with menus hidden)."""
    out: dict[str, QAction] = {}
    for spec in SPECS:
        action = QAction(icon(spec.icon), QCoreApplication.translate(CONTEXT, spec.text), parent)
        action.setObjectName(spec.name)
        keys = [QKeySequence(k) for k in spec.shortcuts]
        if keys:
            action.setShortcuts(keys)
            action.setToolTip(f"{action.text()} ({keys[0].toString(QKeySequence.SequenceFormat.NativeText)})")
        action.setCheckable(spec.checkable)
        parent.addAction(action)
        out[spec.name] = action
    return out
