"""A variant's commands as staff give them (方案操作): rename, duplicate, delete, move — from the editor's
variant bar or from 方案对比's list, each run through the hub as an undoable operation.

Deleting the firm's offer variant asks first, saying what follows (meeting mode and new letters fall back
to the base; letters already issued keep the variant they were issued with).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMenu, QMessageBox, QToolButton, QWidget

from qt_app.domain.errors import DomainError
from qt_app.domain.variants import Variant
from qt_app.services.offers import offer_variant
from qt_app.services.operations import current_user
from qt_app.services.operations import variants as ops
from qt_app.services.session import Session
from qt_app.ui import i18n
from qt_app.ui.hub import Hub

if TYPE_CHECKING:
    from qt_app.domain.hints import Hint


def _say(parent: QWidget, text: str) -> None:
    window = parent.window()
    bar = getattr(window, "statusBar", None)  # a QMainWindow's status line, when there is one
    if callable(bar):
        bar().showMessage(text, 8000)


def rename(parent: QWidget, session: Session, hub: Hub, firm_id: str, variant: Variant) -> bool:
    text, ok = QInputDialog.getText(
        parent,
        QCoreApplication.translate("Variants", "重命名方案"),
        QCoreApplication.translate("Variants", "方案名称："),
        QLineEdit.EchoMode.Normal,
        variant.label,
    )
    if not ok or text.strip() == variant.label:
        return False
    done = hub.run(lambda: ops.rename_variant(session, firm_id, variant.name, text, current_user()), parent)
    if done is not None:
        _say(
            parent,
            QCoreApplication.translate("Variants", "已将方案改名为“{name}”；按 Ctrl+Z 撤销").format(
                name=text.strip()
            ),
        )
    return done is not None


def duplicate(parent: QWidget, session: Session, hub: Hub, firm_id: str, variant: Variant) -> str:
    """The copy's name ("" when refused)."""
    done = hub.run(lambda: ops.duplicate_variant(session, firm_id, variant.name, current_user()), parent)
    if done is None:
        return ""
    _say(
        parent,
        QCoreApplication.translate("Variants", "已复制方案“{name}”；按 Ctrl+Z 撤销").format(
            name=variant.label
        ),
    )
    return done.value


def delete(parent: QWidget, session: Session, hub: Hub, firm_id: str, variant: Variant) -> bool:
    """删除方案; the offer variant only once the officer confirms."""
    offer = offer_variant(session.store, firm_id)
    if offer is not None and offer.name == variant.name:
        answer = QMessageBox.question(
            parent,
            QCoreApplication.translate("Variants", "删除报价方案"),
            QCoreApplication.translate(
                "Variants",
                "“{name}”是本企业的报价方案。删除后，会谈模式和新的告知函改用基准方案；"
                "已出具的告知函保持出具时的方案不变。确定删除？",
            ).format(name=variant.label),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
    done = hub.run(lambda: ops.delete_variant(session, firm_id, variant.name, current_user()), parent)
    if done is not None:
        _say(
            parent,
            QCoreApplication.translate("Variants", "已删除方案“{name}”；按 Ctrl+Z 撤销").format(
                name=variant.label
            ),
        )
    return done is not None


def move(parent: QWidget, session: Session, hub: Hub, firm_id: str, variant: Variant, step: int) -> bool:
    done = hub.run(lambda: ops.move_variant(session, firm_id, variant.name, step, current_user()), parent)
    return done is not None


def from_hint(parent: QWidget, session: Session, hub: Hub, firm_id: str, on: Variant, hint: Hint) -> str:
    """按此新建方案: the hint's what-if as a new variant of the stored firm; its name ("" when not made).

    Variants are relative to the stored firm, so the hint is taken again from it (a draft may differ)."""
    try:
        firm, variants = session.store.get_firm(firm_id)
    except DomainError:
        return ""  # a firm not saved yet has no variants
    base = next((v for v in variants if v.name == on.name), Variant())
    fresh = next(
        (h for h in session.hints(firm, base) if (h.year, h.threshold) == (hint.year, hint.threshold)), None
    )
    if fresh is None:
        _say(
            parent,
            QCoreApplication.translate("Variants", "按已保存的企业信息，此提示已不适用；请先保存再试。"),
        )
        return ""
    lang = i18n.current()
    done = hub.run(lambda: ops.variant_from_hint(session, firm_id, fresh, lang, current_user()), parent)
    if done is None:
        return ""
    _say(
        parent,
        QCoreApplication.translate("Variants", "已新建方案“{name}”；按 Ctrl+Z 撤销").format(
            name=fresh.label(lang)
        ),
    )
    return done.value


COMMANDS = ("rename", "duplicate", "delete", "up", "down")


def command_texts() -> dict[str, str]:
    return {
        "rename": QCoreApplication.translate("Variants", "重命名…"),
        "duplicate": QCoreApplication.translate("Variants", "复制方案"),
        "delete": QCoreApplication.translate("Variants", "删除方案…"),
        "up": QCoreApplication.translate("Variants", "上移"),
        "down": QCoreApplication.translate("Variants", "下移"),
    }


def command_menu(button: QToolButton, run: Callable[[str], object]) -> dict[str, QAction]:
    """方案操作's menu on `button`: each command calls `run(key)`."""
    menu = QMenu(button)
    texts = command_texts()
    actions = {}
    for key in COMMANDS:
        action = menu.addAction(texts[key])
        action.triggered.connect(lambda _on=False, k=key: run(k))
        actions[key] = action
    button.setMenu(menu)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    return actions


def run_command(key: str, parent: QWidget, session: Session, hub: Hub, firm_id: str, variant: Variant) -> str:
    """One of COMMANDS on a stored variant; the copy's name for "duplicate", else "" (or "done")."""
    if key == "rename":
        return "done" if rename(parent, session, hub, firm_id, variant) else ""
    if key == "duplicate":
        return duplicate(parent, session, hub, firm_id, variant)
    if key == "delete":
        return "done" if delete(parent, session, hub, firm_id, variant) else ""
    return "done" if move(parent, session, hub, firm_id, variant, -1 if key == "up" else 1) else ""
