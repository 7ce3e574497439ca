"""数据包冲突 (bundle conflicts): what an import could not merge by itself, settled one at a time.

Firm records and years of actuals changed on both sides are parked, never overwritten. This lists them with
what differs and who changed each side when; the officer keeps the local or the other side's version through
`operations.bundles.resolve_bundle_conflict` (the choice travels with the next bundle). Opened from 设置.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qt_app.services.bundle_conflicts import ConflictItem, list_conflicts
from qt_app.services.operations import current_user
from qt_app.services.operations.bundles import resolve_bundle_conflict
from qt_app.services.session import Session
from qt_app.ui import i18n
from qt_app.ui.hub import Hub
from qt_app.ui.models.firm_table import local_time

KEY_ROLE = 256  # (firm id, year or None) of the conflict an item shows


class ConflictsDialog(QDialog):
    def __init__(self, session: Session, hub: Hub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.hub = hub
        self.setWindowTitle(self.tr("数据包冲突"))
        self.resize(640, 420)
        note = QLabel(
            self.tr(
                "导入数据包时，两边都修改过的企业档案和两边登记不同的实绩不会被覆盖，列在这里。"
                "请逐条选择保留哪一份；选择随下次数据包传给对方。"
            ),
            self,
        )
        note.setWordWrap(True)
        self.items = QListWidget(self)
        self.items.setObjectName("conflictList")
        self.empty = QLabel(self.tr("没有待处理的冲突。"), self)
        self.keep_local = QPushButton(self.tr("保留本机的版本"), self)
        self.keep_local.setObjectName("keepLocal")
        self.keep_remote = QPushButton(self.tr("保留对方的版本"), self)
        self.keep_remote.setObjectName("keepRemote")
        self.keep_local.clicked.connect(lambda: self.keep("local"))
        self.keep_remote.clicked.connect(lambda: self.keep("remote"))
        self.items.currentRowChanged.connect(lambda _row: self._enable())
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_local)
        buttons.addWidget(self.keep_remote)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.items, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        self.fill()

    def _text(self, c: ConflictItem) -> str:
        lang = i18n.current()

        def by(who: str) -> str:
            return "" if not who else f" ({who})" if lang == "en" else f"（{who}）"

        local = local_time(c.local_at) + by(c.local_by)
        remote = local_time(c.remote_at) + by(c.remote_by)
        return "\n".join(
            (
                f"{c.name}（{c.firm_id}）· {c.what(lang)}",
                self.tr("本机：{local}　对方：{remote}").format(local=local, remote=remote),
                self.tr("不同之处：{fields}").format(fields=c.differs_words(lang)),
            )
        )

    def fill(self) -> None:
        self.items.clear()
        for c in list_conflicts(self.session.store):
            item = QListWidgetItem(self._text(c), self.items)
            item.setData(KEY_ROLE, (c.firm_id, c.year))
        has = self.items.count() > 0
        self.items.setVisible(has)
        self.empty.setVisible(not has)
        if has:
            self.items.setCurrentRow(0)
        self._enable()

    def _enable(self) -> None:
        can = self.items.currentRow() >= 0 and not self.session.store.read_only
        self.keep_local.setEnabled(can)
        self.keep_remote.setEnabled(can)

    def keep(self, side: str) -> None:
        item = self.items.currentItem()
        if item is None:
            return
        firm_id, year = item.data(KEY_ROLE)
        session = self.session
        if self.hub.run(lambda: resolve_bundle_conflict(session, firm_id, side, year, current_user()), self):
            self.fill()
