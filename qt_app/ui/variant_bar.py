"""The editor's variant bar (测算方案栏): which variant the form edits, a new one, and the variant's operations.

One list of variants serves the bar and the 营收计划 tab (the same model): choosing one edits it in the same
form. 新建方案 starts from what is on screen (the base or the variant being edited). 方案操作 renames,
duplicates, deletes (asking first when it is the offer) and reorders, each an undoable operation.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSignalBlocker
from PySide6.QtWidgets import QMessageBox

from qt_app.domain.errors import DomainError
from qt_app.domain.firm import Firm
from qt_app.domain.variants import Variant, built_in, next_name, unique_label
from qt_app.services.offers import offer_variant
from qt_app.ui import variant_actions
from qt_app.ui.widgets.variant_words import label_shown, variant_title

if TYPE_CHECKING:
    from qt_app.ui.firm_editor import FirmEditor

BASE_ITEM = ""  # the combo's data for the base


class VariantBar(QObject):
    """The variant list and its commands, for one editor."""

    def __init__(self, editor: FirmEditor) -> None:
        super().__init__(editor)
        self.editor = editor
        ui = editor.ui
        self.combo = ui.variantModeCombo
        ui.variantCombo.setModel(self.combo.model())  # the 营收计划 tab lists the same variants
        self.combo.currentIndexChanged.connect(self._chosen)
        ui.variantCombo.currentIndexChanged.connect(self._chosen)
        ui.newVariantButton.clicked.connect(lambda: self.new_variant())
        self.actions = variant_actions.command_menu(ui.variantMenuButton, self.command)

    # -- the list ---------------------------------------------------------------------------------------
    def fill(self) -> None:
        """List the base and every variant (the one being made too), the one edited chosen."""
        ed = self.editor
        ui = ed.ui
        mode = ed.variant_mode
        listed = list(ed.values_now()["variants"])
        offer = self._offer_name()
        with QSignalBlocker(self.combo), QSignalBlocker(ui.variantCombo):
            self.combo.clear()
            self.combo.addItem(QCoreApplication.translate("Variants", "基准方案（企业申报）"), BASE_ITEM)
            for v in listed:
                policy = bool(v.get("param_overrides") or v.get("policy"))
                shown = label_shown(str(v.get("name")), str(v.get("label") or ""))
                title = variant_title(shown, policy, v.get("name") == offer)
                self.combo.addItem(title, str(v.get("name")))
            if mode.is_new and mode.like is not None:
                label = ed.values_now()["variant.label"].strip() or QCoreApplication.translate(
                    "Variants", "新方案"
                )
                self.combo.addItem(
                    QCoreApplication.translate("Variants", "{name}（未保存）").format(name=label),
                    mode.like.name,
                )
            found = self.combo.findData(mode.name or BASE_ITEM)
            self.combo.setCurrentIndex(max(found, 0))
            ui.variantCombo.setCurrentIndex(max(found, 0))
        stored = not ed.is_new or mode.active
        self.combo.setEnabled(stored)
        ui.variantCombo.setEnabled(stored)
        ui.newVariantButton.setEnabled(stored)
        ui.newVariantButton.setToolTip(
            QCoreApplication.translate("Variants", "从当前方案出发新建一个测算方案（Ctrl+Shift+N）")
            if stored
            else QCoreApplication.translate("Variants", "保存企业后即可新建方案")
        )
        saved_variant = mode.active and not mode.is_new
        ui.variantMenuButton.setEnabled(saved_variant)
        for action in self.actions.values():
            action.setEnabled(saved_variant)
        ui.variantNameRow.setVisible(mode.active)
        ui.tabs.setTabVisible(ui.tabs.indexOf(ui.policyTab), mode.active)

    def show_label(self) -> None:
        """A new variant's name as typed, in the lists (the saved ones change by saving)."""
        ed = self.editor
        mode = ed.variant_mode
        if not mode.is_new or mode.like is None:
            return
        label = ed.values_now()["variant.label"].strip() or QCoreApplication.translate("Variants", "新方案")
        index = self.combo.findData(mode.like.name)
        if index > 0:
            self.combo.setItemText(
                index, QCoreApplication.translate("Variants", "{name}（未保存）").format(name=label)
            )

    def _offer_name(self) -> str:
        ed = self.editor
        if ed.is_new and not ed.variant_mode.active:
            return ""
        offer = offer_variant(ed.session.store, ed.firm_id)
        return offer.name if offer is not None else ""

    def show_revenue_note(self) -> None:
        """What the 营收计划 table shows: the declared plan, or this variant's (a factor, or its own years)."""
        ed = self.editor
        mode = ed.variant_mode
        if not mode.active:
            text = QCoreApplication.translate("Variants", "企业申报的年度销售收入；金额可写 150万、1.2亿。")
        elif mode.draft is not None and mode.draft.revenue_factor is not None:
            factor = mode.draft.revenue_factor
            text = QCoreApplication.translate(
                "Variants", "此方案按基准营收 × {factor} 测算；在下表修改即改为单列营收。"
            ).format(factor=factor)
        else:
            text = QCoreApplication.translate("Variants", "此方案的营收计划；与基准不同的年度以蓝色标出。")
        ed.ui.variantInfo.setText(text)

    def _chosen(self, index: int) -> None:
        sender = self.sender()
        combo = sender if sender is self.editor.ui.variantCombo else self.combo
        name = str(combo.itemData(index) or BASE_ITEM)
        mode = self.editor.variant_mode
        if name == (mode.name or BASE_ITEM):
            return
        if not self.editor.maybe_leave():
            self.fill()  # stay where the user was
            return
        if name == BASE_ITEM:
            self.show_base()
        else:
            self.open_variant(name)

    # -- moving between the base and its variants ---------------------------------------------------------------
    def _stored(self) -> tuple[Firm, tuple[Variant, ...]] | None:
        try:
            return self.editor.session.store.get_firm(self.editor.firm_id)
        except DomainError:
            return None

    def show_base(self) -> None:
        stored = self._stored()
        if stored is not None:
            self.editor.load_firm(*stored)

    def open_variant(self, name: str) -> bool:
        stored = self._stored()
        found = next((v for v in stored[1] if v.name == name), None) if stored else None
        if found is None:
            return False
        return self.editor.edit_variant(found)

    def new_variant(self, start_from: str | None = None) -> bool:
        """新建方案 from `start_from` (a variant's name; "" the base; None: what the editor shows)."""
        ed = self.editor
        if ed.is_new and not ed.variant_mode.active:
            QMessageBox.information(
                ed,
                QCoreApplication.translate("Variants", "新建方案"),
                QCoreApplication.translate("Variants", "请先保存企业，再为它新建测算方案。"),
            )
            return False
        if not ed.maybe_leave():
            return False
        stored = self._stored()
        if stored is None:
            return False
        _firm, variants = stored
        source_name = ed.variant_mode.name if start_from is None else start_from
        source = next((v for v in variants if v.name == source_name), None) or built_in(source_name)
        label = unique_label(QCoreApplication.translate("Variants", "新方案"), variants)
        like = (
            replace(source, name=next_name(variants), label=label)
            if source is not None
            else Variant(next_name(variants), label)
        )
        if not ed.edit_variant(like, is_new=True):
            return False
        ed.ui.variantNameEdit.setFocus()
        ed.ui.variantNameEdit.selectAll()
        return True

    def follow_store(self, firm: Firm, variants: tuple[Variant, ...]) -> None:
        """The stored firm or its variants changed (a save, an undo, another screen's operation)."""
        ed = self.editor
        mode = ed.variant_mode
        if not mode.active:
            if ed.dirty:
                ed.mirror_variants(firm, variants)
            elif not ed.shows(firm, variants):
                ed.load_firm(firm, variants)
            return
        stored = next((v for v in variants if v.name == mode.name), None)
        if ed.dirty or (stored is None and mode.is_new):
            ed.mirror_variants(firm, variants)  # keep what is typed; a deleted variant is saved anew
            return
        if stored is None:
            ed.load_firm(firm, variants)  # the variant is gone (deleted, or its creation undone)
        elif stored != mode.like or firm != mode.base:
            ed.edit_variant(stored)
        else:
            ed.mirror_variants(firm, variants)

    # -- the variant's operations ---------------------------------------------------------------------------------
    def _target(self) -> Variant | None:
        """The stored variant being edited, once any typing in it is saved or discarded."""
        ed = self.editor
        mode = ed.variant_mode
        if mode.like is None or mode.is_new or not ed.maybe_leave():
            return None
        return mode.like  # as saved, when the officer chose to save what was typed

    def command(self, key: str) -> None:
        """重命名 / 复制 / 删除 / 上移 / 下移 the variant being edited (删除: see `delete`)."""
        if key == "delete":
            self.delete()
            return
        ed = self.editor
        like = self._target()
        done = variant_actions.run_command(key, ed, ed.session, ed.hub, ed.firm_id, like) if like else ""
        if key == "duplicate" and done:
            self.open_variant(done)

    def delete(self) -> bool:
        """删除方案 (the offer only once confirmed); the editor shows the base afterwards."""
        ed = self.editor
        like = ed.variant_mode.like
        if like is None or ed.variant_mode.is_new:
            return False
        firm_id = ed.firm_id
        if not variant_actions.delete(ed, ed.session, ed.hub, firm_id, like):
            return False
        ed.drafts.discard()
        self.show_base()  # whatever was typed into the deleted variant went with it
        return True
