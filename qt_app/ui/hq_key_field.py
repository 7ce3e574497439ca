"""总部密钥 in 设置, under 本机角色: which imported key headquarters signs its bundles with.

An outpost takes headquarters' letters, policy texts and claim records only from bundles signed with this key
(a bundle's role is written inside it, and any office this one trusts could write `hq`). The choice lists the
keys imported (`keys import`), label and fingerprint; it is open only while the role chosen is outpost. The
line under it says what the choice means, or — when saving refused it — why.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from qt_app.domain.offices import OUTPOST
from qt_app.reports.signing import pretty_fingerprint
from qt_app.services.offices import hq_key, hq_key_choices

if TYPE_CHECKING:
    from qt_app.store.store import Store

PROBLEM_STYLE = "color: #b3261e;"
NOTE_STYLE = "color: #555;"


class HqKeyField(QWidget):
    """The 总部密钥 choice and its note; `value()` is the fingerprint chosen ("" = none)."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice = QComboBox(self)
        self.choice.setObjectName("hqKey")
        self.choice.addItem(self.tr("未指定"), "")
        choices = hq_key_choices(store.folder)
        for fp, label in choices:
            shown = pretty_fingerprint(fp)
            self.choice.addItem(f"{label}　{shown}" if label else shown, fp)
        pinned = hq_key(store)
        if pinned and self.choice.findData(pinned) < 0:  # its key file was removed: kept, and said so
            self.choice.addItem(
                self.tr("{key}（本机已无此公钥）").format(key=pretty_fingerprint(pinned)), pinned
            )
        self.choice.setCurrentIndex(max(self.choice.findData(pinned), 0))
        self.has_keys = bool(choices)
        self.note = QLabel(self)
        self.note.setObjectName("hqKeyNote")
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.choice)
        layout.addWidget(self.note)
        self.role = ""
        self.choice.currentIndexChanged.connect(lambda _i: self.explain())

    def value(self) -> str:
        return str(self.choice.currentData())

    def follow_role(self, role: str, writable: bool) -> None:
        """Open the choice for an outpost (headquarters needs none), and say what it means."""
        self.role = role
        self.choice.setEnabled(writable and role == OUTPOST)
        self.explain()

    def explain(self) -> None:
        if self.role != OUTPOST:
            text = self.tr("仅联络处需要：总部的告知函和兑现记录只从该密钥签名的数据包合并。")
        elif self.value():
            text = self.tr("只从该密钥签名的数据包合并告知函、政策文本和审核以后的兑现记录。")
        elif not self.has_keys:
            text = self.tr(
                "尚未导入任何公钥：向总部索取公钥文件，电话核对指纹后导入"
                "（python -m qt_app keys import 公钥文件 --label 总部），再在此选择。"
            )
        else:
            text = self.tr("未指定前，总部的告知函、政策文本和兑现记录不会合并。请电话核对指纹后选择。")
        self.note.setStyleSheet(NOTE_STYLE)
        self.note.setText(text)

    def show_problem(self, text: str) -> None:
        """Why saving refused the choice, in red under it (until the choice changes)."""
        self.note.setStyleSheet(PROBLEM_STYLE)
        self.note.setText(text)
