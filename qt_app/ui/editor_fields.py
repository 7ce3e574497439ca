"""The editor's fixed choices (选项): entity types, grades, sites, stages and the policy's domains.

Filled once from the policy (and again when another default policy is chosen); the values behind the
labels are what the firm dict stores, so the labels can follow the language.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt
from PySide6.QtWidgets import QComboBox, QListWidget, QListWidgetItem

from qt_app.domain.firm import STAGE_LABELS
from qt_app.ui import editor_checks, i18n
from qt_app.ui.forms.ui_firm_editor import Ui_FirmEditor
from qt_app.ui.widgets.words import domain_name

if TYPE_CHECKING:
    from qt_app.domain.policy import Policy


def fill_choices(ui: Ui_FirmEditor, policy: Policy) -> None:
    ui.entityCombo.addItem(QCoreApplication.translate("FirmEditor", "独立法人企业"), "enterprise")
    ui.entityCombo.addItem(QCoreApplication.translate("FirmEditor", "研发机构"), "rnd_institution")
    for g in ("A", "B", "C"):
        ui.gradeCombo.addItem(QCoreApplication.translate("FirmEditor", "{grade}类").format(grade=g), g)
    ui.muGradeCombo.addItem(QCoreApplication.translate("FirmEditor", "未评价"), "")
    for g in ("A", "B", "C", "D"):
        ui.muGradeCombo.addItem(g, g)
    fill_sites(ui.siteCombo, policy)
    ui.recognisedCombo.addItem(QCoreApplication.translate("FirmEditor", "认定为元宇宙相关领域"), "yes")
    ui.recognisedCombo.addItem(QCoreApplication.translate("FirmEditor", "认定不属于相关领域"), "no")
    for stage, pair in STAGE_LABELS.items():
        ui.stageCombo.addItem(i18n.pick(pair), stage.value)
    ui.usccNoteEdit.setVisible(False)
    ui.usccNoteEdit.setMaxLength(200)
    label = ui.identityForm.labelForField(ui.usccNoteEdit)
    if label is not None:
        label.setVisible(False)
    ui.problemsLabel.setStyleSheet(editor_checks.PROBLEM_STYLE)
    ui.problemsLabel.setWordWrap(True)
    ui.saveButton.setDefault(True)


def fill_sites(combo: QComboBox, policy: Policy) -> None:
    with QSignalBlocker(combo):
        combo.clear()
        for site in policy.sites:
            combo.addItem(site.en if i18n.current() == "en" else site.zh, site.id)


def fill_policies(combo: QComboBox, policies: Sequence[Policy]) -> None:
    """A variant's policy version: the default one, or another loaded version (a policy assumption)."""
    with QSignalBlocker(combo):
        combo.clear()
        combo.addItem(QCoreApplication.translate("FirmEditor", "与默认版本相同（不作政策假设）"), "")
        for p in policies:
            title = p.title_en if i18n.current() == "en" else p.short_title
            combo.addItem(f"{title} {p.version}（{p.id}）", policy_key(p.id, p.version))


def policy_key(policy_id: str, version: str) -> str:
    """How the policy choice is kept in the form: "id@version" ("" for the default)."""
    return f"{policy_id}@{version}" if policy_id else ""


def set_combo(combo: QComboBox, value: str) -> None:
    found = combo.findData(value)
    if found < 0 and value:
        combo.addItem(value, value)  # a value the lists do not know (an older policy's site): keep it
        found = combo.count() - 1
    combo.setCurrentIndex(max(found, 0))


def fill_domains(lst: QListWidget, policy: Policy, chosen: Sequence[str]) -> None:
    """The policy's domains (and any older one the firm still has), ticked as chosen, in the UI's language."""
    with QSignalBlocker(lst):
        lst.clear()
        known = list(policy.domains)
        for name in known + [d for d in chosen if d not in known]:
            item = QListWidgetItem(domain_name(name, i18n.current()), lst)
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if name in chosen else Qt.CheckState.Unchecked)
    lst.setFlow(lst.Flow.LeftToRight)
    lst.setWrapping(True)
    lst.setMaximumHeight(120)
    lst.setMinimumHeight(96)  # in the scrolling page a list would otherwise be squeezed to two lines


def checked_domains(lst: QListWidget) -> list[str]:
    return [
        str(lst.item(i).data(Qt.ItemDataRole.UserRole))
        for i in range(lst.count())
        if lst.item(i).checkState() == Qt.CheckState.Checked
    ]
