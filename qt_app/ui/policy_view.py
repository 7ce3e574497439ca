"""政策库 (Policies): the loaded policy versions, their clauses, parameters, tiers and LPR, each value
with its status; load another version from a file (errors listed line by line) and choose the default.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from qt_app.domain.errors import DomainError, ValidationError
from qt_app.domain.money_format import money_words
from qt_app.domain.policy import CATEGORY_LABELS, Param, Policy, PolicyItem
from qt_app.services.operations import OpChanges
from qt_app.services.operations import policies as policy_ops
from qt_app.services.session import Session
from qt_app.ui import i18n
from qt_app.ui.hub import Hub
from qt_app.ui.panel import FirmOnScreen, Panel
from qt_app.ui.widgets.layout import fill_with_sides
from qt_app.ui.widgets.package_parts import pick, value_status_label
from qt_app.ui.widgets.status_badge import BADGE_ROLE, BadgeDelegate
from qt_app.ui.widgets.words import clause_text, domain_name, param_name, param_value_en

POLICY_ROLE = int(Qt.ItemDataRole.UserRole) + 47
"""The policy id behind a row of the versions list."""


def _row(*texts: str) -> list[QStandardItem]:
    items = []
    for text in texts:
        item = QStandardItem(text)
        item.setEditable(False)
        item.setToolTip(text)
        items.append(item)
    return items


class PoliciesPanel(Panel):
    """Policy versions and their content (政策库)."""

    def __init__(self, session: Session, hub: Hub, parent: QWidget | None = None) -> None:
        super().__init__(session, hub, parent)
        self._build()
        self.retranslate()
        self.reload()

    def _build(self) -> None:
        self.versions_label = QLabel()
        self.versions = QListWidget()
        self.versions.currentItemChanged.connect(lambda *_: self._show_current())
        self.load_button = QPushButton()
        self.load_button.clicked.connect(self._choose_file)
        self.default_button = QPushButton()
        self.default_button.clicked.connect(self._make_default)
        self.errors_label = QLabel()
        self.errors_label.setWordWrap(True)
        self.errors_label.setStyleSheet("color: #9b1c1c; font-weight: bold;")
        self.errors = QListWidget()
        self.errors.setWordWrap(True)
        self.errors.setStyleSheet("QListWidget { color: #9b1c1c; }")
        self.errors_label.hide()
        self.errors.hide()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.versions_label)
        left_layout.addWidget(self.versions, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.load_button)
        buttons.addWidget(self.default_button)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.errors_label)
        left_layout.addWidget(self.errors, 1)

        self.header = QLabel()
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.items_model = QStandardItemModel(self)
        self.items_view = QTreeView()
        self.items_view.setModel(self.items_model)
        self.items_view.setItemDelegateForColumn(2, BadgeDelegate(self.items_view))
        self.items_view.setAlternatingRowColors(True)
        self.items_view.setUniformRowHeights(True)
        self.items_view.header().setStretchLastSection(True)
        self.lpr_model = QStandardItemModel(self)
        self.lpr_view = QTableView()
        self.lpr_view.setModel(self.lpr_model)
        self.lpr_view.setItemDelegateForColumn(2, BadgeDelegate(self.lpr_view))
        self.lpr_view.verticalHeader().hide()
        self.lpr_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.notes.setTextFormat(Qt.TextFormat.RichText)
        notes_page = QWidget()
        QVBoxLayout(notes_page).addWidget(self.notes)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.items_view, "")
        self.tabs.addTab(self.lpr_view, "")
        self.tabs.addTab(notes_page, "")
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.header)
        right_layout.addWidget(self.tabs, 1)

        fill_with_sides(self, left, right, left_width=380)

    def retranslate(self) -> None:
        self.versions_label.setText(self.tr("已加载的政策版本："))
        self.load_button.setText(self.tr("加载政策文件…"))
        self.default_button.setText(self.tr("设为默认版本"))
        self.tabs.setTabText(0, self.tr("条款与参数"))
        self.tabs.setTabText(1, self.tr("LPR（贷款市场报价利率）"))
        self.tabs.setTabText(2, self.tr("适用范围与说明"))

    # -- the panel interface ------------------------------------------------------------------------
    def show_firm(self, shown: FirmOnScreen) -> None:
        """The policies are the same whichever firm is edited."""
        self.shown = shown

    def affected_by(self, changes: OpChanges) -> bool:
        return changes.policy

    def refresh(self) -> None:
        self.reload()

    # -- versions ---------------------------------------------------------------------------------
    def reload(self) -> None:
        """Refill the versions list (keeps the selection)."""
        keep = self._current_policy()
        default_id = self.session.policy.id
        self.versions.blockSignals(True)
        self.versions.clear()
        for policy in self.session.policies:
            text = f"{policy.short_title} {policy.version}"
            if policy.id == default_id:
                text += self.tr("（默认）")
            item = QListWidgetItem(text)
            item.setData(POLICY_ROLE, policy.id)
            item.setToolTip(f"{policy.title}\n{policy.path}")
            self.versions.addItem(item)
        self.versions.blockSignals(False)
        ids = [p.id for p in self.session.policies]
        target = keep.id if keep is not None and keep.id in ids else default_id
        self.versions.setCurrentRow(ids.index(target) if target in ids else 0)
        self._show_current()

    def _current_policy(self) -> Policy | None:
        item = self.versions.currentItem()
        if item is None:
            return None
        pid = item.data(POLICY_ROLE)
        return next((p for p in self.session.policies if p.id == pid), None)

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("加载政策文件"), "", self.tr("政策文件 (*.yaml *.yml);;所有文件 (*)")
        )
        if path:
            self.load_file(path)

    def load_file(self, path: str | Path) -> bool:
        """Load a policy version; on a broken file list its problems line by line and change nothing."""
        lang = i18n.current()
        try:
            result = policy_ops.load_policy_file(self.session, path)
        except ValidationError as exc:
            self._show_errors(Path(path).name, exc.lines(lang))
            return False
        except DomainError as exc:
            self._show_errors(Path(path).name, [exc.message(lang)])
            return False
        except OSError as exc:
            self._show_errors(Path(path).name, [exc.strerror or str(exc)])
            return False
        policy = result.value
        self._show_errors("", [])
        self.hub.apply(result)
        self.reload()
        ids = [p.id for p in self.session.policies]
        self.versions.setCurrentRow(len(ids) - 1 - ids[::-1].index(policy.id))
        return True

    def _show_errors(self, name: str, lines: list[str]) -> None:
        self.errors.clear()
        self.errors.addItems(lines)
        self.errors_label.setText(
            self.tr("无法加载“{file}”，未做任何更改。共 {n} 处问题：").format(file=name, n=len(lines))
            if lines
            else ""
        )
        self.errors_label.setVisible(bool(lines))
        self.errors.setVisible(bool(lines))

    def error_lines(self) -> list[str]:
        return [self.errors.item(i).text() for i in range(self.errors.count())]

    def _make_default(self) -> None:
        policy = self._current_policy()
        if policy is None:
            return
        try:
            result = policy_ops.set_default_policy(self.session, policy.id)
        except DomainError as exc:
            self._show_errors(policy.short_title, [exc.message(i18n.current())])
            return
        self.hub.apply(result)  # every package on every screen is recomputed under it
        self.reload()

    # -- content ----------------------------------------------------------------------------------
    def _show_current(self) -> None:
        policy = self._current_policy()
        self.default_button.setEnabled(policy is not None and policy.id != self.session.policy.id)
        if policy is None:
            self.header.clear()
            self.items_model.clear()
            self.lpr_model.clear()
            return
        lang = i18n.current()
        self._fill_header(policy, lang)
        self._fill_items(policy, lang)
        self._fill_lpr(policy, lang)
        self._fill_notes(policy, lang)

    def _fill_header(self, policy: Policy, lang: str) -> None:
        end = f"{policy.effective_to:%Y-%m-%d}" if policy.effective_to else self.tr("截止日期未定")
        doc = policy.doc_number or self.tr("文号未载明")
        title = policy.title_en if lang == "en" else f"《{policy.title}》"
        self.header.setText(
            f"<b style='font-size:15pt'>{escape(title)}</b><br>"
            + self.tr("版本 {version} · {issuer} · {doc} · 发布于 {issued}").format(
                version=policy.version, issuer=policy.issuer, doc=doc, issued=f"{policy.issued:%Y-%m-%d}"
            )
            + "<br>"
            + self.tr("有效期：{start} 至 {end} · 最近核对：{reviewed} · 文件指纹 {hash}").format(
                start=f"{policy.effective_from:%Y-%m-%d}",
                end=end,
                reviewed=f"{policy.last_reviewed:%Y-%m-%d}",
                hash=policy.hash[:12],
            )
        )

    def _badge(self, item: QStandardItem, status: str, lang: str) -> None:
        item.setData([(value_status_label(status, lang), status)], BADGE_ROLE)

    def _param_row(self, name: str, param: Param, lang: str) -> list[QStandardItem]:
        cells = _row(name, param_value_en(param) if lang == "en" else param.display(), "", "")
        self._badge(cells[2], param.status, lang)
        return cells

    def _fill_items(self, policy: Policy, lang: str) -> None:
        model = self.items_model
        model.clear()
        model.setHorizontalHeaderLabels(
            [self.tr("条款 / 参数"), self.tr("取值"), self.tr("状态"), self.tr("说明")]
        )
        root = model.invisibleRootItem()
        for item in policy.items:
            root.appendRow(self._item_rows(item, lang))
        self.items_view.expandToDepth(0)
        self.items_view.setColumnWidth(0, 260)
        self.items_view.setColumnWidth(1, 150)
        self.items_view.setColumnWidth(2, 110)

    def _item_rows(self, item: PolicyItem, lang: str) -> list[QStandardItem]:
        name = item.en if lang == "en" else item.zh
        category = pick(CATEGORY_LABELS.get(item.category, (item.category, item.category)), lang)
        head = _row(
            f"{clause_text(item.clause.value, lang)} {name}",
            category,
            "",
            item.basis_en if lang == "en" else item.basis_zh,
        )
        self._badge(head[2], item.clause.status, lang)
        font = head[0].font()
        font.setBold(True)
        head[0].setFont(font)
        for key, param in item.params.items():
            head[0].appendRow(self._param_row(param_name(f"{item.id}.{key}", "", lang), param, lang))
        if item.tiers:
            tier_head = _row(self.tr("档位"), "", "", self._tier_key_text(item, lang))
            if item.tier_key is not None:
                self._badge(tier_head[2], item.tier_key.status, lang)
            for tier in item.tiers:
                label = (
                    self.tr("超过 {amount}").format(amount=money_words(tier.threshold, lang))
                    if tier.threshold is not None
                    else tier.key
                )
                tier_head[0].appendRow(self._param_row(label, tier.value, lang))
            head[0].appendRow(tier_head)
        for zh, en in item.conditions:
            head[0].appendRow(_row(self.tr("条件"), "", "", en if lang == "en" else zh))
        note = item.note_en if lang == "en" else item.note_zh
        if note:
            head[0].appendRow(_row(self.tr("备注"), "", "", note))
        return head

    def _tier_key_text(self, item: PolicyItem, lang: str) -> str:
        if item.tier_key is None:
            return ""
        keys = {
            "tenancy_year": self.tr("按入驻年度分档"),
            "threshold": self.tr("按年销售收入分档"),
            "grade": self.tr("按企业等级分档"),
            "talent_level": self.tr("按人才层次分档"),
            "site": self.tr("按载体分档"),
        }
        return keys.get(str(item.tier_key.value), str(item.tier_key.value))

    def _fill_lpr(self, policy: Policy, lang: str) -> None:
        model = self.lpr_model
        model.clear()
        model.setHorizontalHeaderLabels([self.tr("起始日期"), self.tr("一年期LPR"), self.tr("状态")])
        for entry in policy.lpr:
            cells = _row(f"{entry.since:%Y-%m-%d}", f"{entry.rate * 100:.2f}%", "")
            self._badge(cells[2], policy.lpr_status, lang)
            model.appendRow(cells)

    def _fill_notes(self, policy: Policy, lang: str) -> None:
        domains = ("、" if lang != "en" else ", ").join(domain_name(d, lang) for d in policy.domains)
        excluded = []
        if policy.exclude_trading:
            excluded.append(self.tr("贸易类企业"))
        if policy.exclude_headquarters:
            excluded.append(self.tr("总部类企业"))
        if policy.exclude_dishonest:
            excluded.append(self.tr("严重失信企业"))
        if policy.exclude_mu_grades:
            excluded.append(
                self.tr("亩均评价为{grades}类的企业").format(grades="/".join(policy.exclude_mu_grades))
            )
        notes = "".join(f"<li>{escape(pick(n, lang))}</li>" for n in policy.legal_notes)
        stacking = escape(policy.stacking_en if lang == "en" else policy.stacking_zh)
        colon, joiner = (": ", ", ") if lang == "en" else ("：", "、")
        self.notes.setText(
            f"<p><b>{self.tr('适用领域')}</b>{colon}{escape(domains)}</p>"
            f"<p><b>{self.tr('不适用')}</b>{colon}{joiner.join(excluded) or self.tr('无')}</p>"
            f"<p><b>{self.tr('叠加规则')}</b>{colon}{stacking}</p>"
            f"<p><b>{self.tr('说明')}</b></p><ul>{notes}</ul>"
            f"<p><b>{self.tr('来源')}</b>{colon}{escape(policy.source)}</p>"
        )
