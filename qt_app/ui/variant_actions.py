"""A variant's commands as staff give them (方案操作): rename, duplicate, delete, move — from the editor's
variant bar or from 方案对比's list, each run through the hub as an undoable operation.

Deleting the firm's offer variant asks first, saying what follows (meeting mode and new letters fall back
to the base; letters already issued keep the variant they were issued with).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from qt_app.domain.variants import Variant
from qt_app.services.offers import offer_variant
from qt_app.services.operations import current_user
from qt_app.services.operations import variants as ops
from qt_app.services.session import Session
from qt_app.ui.hub import Hub


def _tr(text: str) -> str:
    return QCoreApplication.translate("Variants", text)


def _say(parent: QWidget, text: str) -> None:
    window = parent.window()
    bar = getattr(window, "statusBar", None)  # a QMainWindow's status line, when there is one
    if callable(bar):
        bar().showMessage(text, 8000)


def rename(parent: QWidget, session: Session, hub: Hub, firm_id: str, variant: Variant) -> bool:
    text, ok = QInputDialog.getText(
        parent, _tr("重命名方案"), _tr("方案名称："), QLineEdit.EchoMode.Normal, variant.label
    )
    if not ok or text.strip() == variant.label:
        return False
    done = hub.run(lambda: ops.rename_variant(session, firm_id, variant.name, text, current_user()), parent)
    if done is not None:
        _say(parent, _tr("已将方案改名为“{name}”；按 Ctrl+Z 撤销").format(name=text.strip()))
    return done is not None


def duplicate(parent: QWidget, session: Session, hub: Hub, firm_id: str, variant: Variant) -> str:
    """The copy's name ("" when refused)."""
    done = hub.run(lambda: ops.duplicate_variant(session, firm_id, variant.name, current_user()), parent)
    if done is None:
        return ""
    _say(parent, _tr("已复制方案“{name}”；按 Ctrl+Z 撤销").format(name=variant.label))
    return done.value


def delete(parent: QWidget, session: Session, hub: Hub, firm_id: str, variant: Variant) -> bool:
    """删除方案; the offer variant only once the officer confirms."""
    offer = offer_variant(session.store, firm_id)
    if offer is not None and offer.name == variant.name:
        answer = QMessageBox.question(
            parent,
            _tr("删除报价方案"),
            _tr(
                "“{name}”是本企业的报价方案。删除后，会谈模式和新的告知函改用基准方案；"
                "已出具的告知函保持出具时的方案不变。确定删除？"
            ).format(name=variant.label),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
    done = hub.run(lambda: ops.delete_variant(session, firm_id, variant.name, current_user()), parent)
    if done is not None:
        _say(parent, _tr("已删除方案“{name}”；按 Ctrl+Z 撤销").format(name=variant.label))
    return done is not None


def move(parent: QWidget, session: Session, hub: Hub, firm_id: str, variant: Variant, step: int) -> bool:
    done = hub.run(lambda: ops.move_variant(session, firm_id, variant.name, step, current_user()), parent)
    return done is not None
