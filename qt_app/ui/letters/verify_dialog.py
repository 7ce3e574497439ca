"""核验告知函 (VerifyDialog): is this letter genuine and unaltered? From the PDF file or the QR code's text.

Choose or drop a PDF, or let a USB QR scanner type the code's text (it ends with Enter). Each finding of the
Verdict is one line with ✓ / ✗, and the overall answer is in large type. The check is offline and fast
(tens of milliseconds), so it runs on the UI thread.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qt_app.domain.errors import DomainError
from qt_app.domain.money_format import figure
from qt_app.reports.official.payload import KIND_REVIEW, LEDGER_KINDS
from qt_app.reports.signing import IMPORTED, OWN, KeyRing, pretty_fingerprint
from qt_app.reports.verify import REGISTER_KNOWN, REGISTER_MISMATCH, REGISTER_UNKNOWN, Outcome, Verdict
from qt_app.services import letters as svc
from qt_app.services.session import Session

log = logging.getLogger("offer_desk")

OK, BAD, WARN, INFO = "✓", "✗", "!", "•"
MARK_COLOURS = {OK: "#1b7a3a", BAD: "#b3261e", WARN: "#8a5a00", INFO: "#555555"}
VERDICT_STYLES = {
    "good": "color: #1b7a3a; background: #e7f4ea; border: 1px solid #9fd0ab;",
    "bad": "color: #b3261e; background: #fdecea; border: 1px solid #e8a09a;",
    "unsure": "color: #8a5a00; background: #fff4e0; border: 1px solid #f0c36d;",
    "none": "color: palette(placeholder-text); border: 1px dashed palette(mid);",
}


class VerifyDialog(QDialog):
    """Check a letter offline: signature, signer, register status, and that the printed text is the signed one."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.verdict: Verdict | None = None
        self.setAcceptDrops(True)
        self._build()
        self._show_nothing()

    # -- construction -----------------------------------------------------------------------------
    def _build(self) -> None:
        self.setWindowTitle(self.tr("核验告知函"))
        source = QGroupBox(self.tr("要核验的函件"))
        self.file_button = QPushButton(self.tr("选择 PDF 文件…"))
        self.file_button.clicked.connect(self._choose_file)
        drop = QLabel(self.tr("或把 PDF 文件拖到此窗口"))
        drop.setStyleSheet("color: palette(placeholder-text);")
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_button)
        file_row.addWidget(drop, 1)
        self.qr_edit = QLineEdit()
        self.qr_edit.setPlaceholderText(self.tr("用扫码枪扫描函件上的二维码，或粘贴二维码内容（ODL1.…）"))
        self.qr_edit.setClearButtonEnabled(True)
        self.qr_edit.returnPressed.connect(self._verify_typed)
        self.qr_button = QPushButton(self.tr("核验二维码内容"))
        self.qr_button.clicked.connect(self._verify_typed)
        qr_row = QHBoxLayout()
        qr_row.addWidget(self.qr_edit, 1)
        qr_row.addWidget(self.qr_button)
        box = QVBoxLayout(source)
        box.addLayout(file_row)
        box.addLayout(qr_row)

        self.headline = QLabel()
        self.headline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        big = self.headline.font()
        big.setPointSizeF(big.pointSizeF() * 2.4)
        big.setBold(True)
        self.headline.setFont(big)
        self.headline.setMinimumHeight(self.headline.fontMetrics().height() + 24)
        self.summary = QLabel()
        self.summary.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.summary.setWordWrap(True)
        self.source_label = QLabel()
        self.source_label.setWordWrap(True)
        self.source_label.setStyleSheet("color: palette(placeholder-text);")
        self.source_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.findings = QListWidget()
        self.findings.setWordWrap(True)
        self.findings.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.findings.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.findings.setFrameShape(QFrame.Shape.StyledPanel)
        self.findings.setSpacing(3)

        note = QLabel(
            self.tr("核验只证明函件内容未被改动；具有法律效力的是加盖县政府有关部门印章的纸质函件。")
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(placeholder-text);")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(source)
        layout.addWidget(self.headline)
        layout.addWidget(self.summary)
        layout.addWidget(self.source_label)
        layout.addWidget(self.findings, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(760, 620)

    # -- public API -------------------------------------------------------------------------------
    def verify_file(self, path: str | Path) -> Verdict | None:
        """Check a letter PDF (signature, embedded snapshot, visible text, layout, this register)."""
        store = self.session.store
        try:
            verdict = svc.verify_pdf(Path(path), store=store, keyring=KeyRing(store.folder))
        except DomainError as e:
            QMessageBox.warning(self, self.tr("无法核验"), e.message(self.session.lang))
            return None
        self._show(verdict, self.tr("文件：{path}").format(path=path))
        return verdict

    def verify_text(self, text: str) -> Verdict | None:
        """Check the text a QR scanner read from a printed letter (signature and register only)."""
        text = text.strip()
        if not text:
            return None
        store = self.session.store
        try:
            verdict = svc.verify_qr_text(text, store=store, keyring=KeyRing(store.folder))
        except DomainError as e:
            QMessageBox.warning(self, self.tr("无法核验"), e.message(self.session.lang))
            return None
        self._show(verdict, self.tr("二维码内容（只核对签名与登记簿，请同时对照纸面上的文号与金额）"))
        return verdict

    def headline_text(self) -> str:
        return self.headline.text()

    def finding_lines(self) -> list[str]:
        return [self.findings.item(i).text() for i in range(self.findings.count())]

    # -- drag and drop ----------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if (
            any(u.isLocalFile() and u.toLocalFile().lower().endswith(".pdf") for u in mime.urls())
            or mime.hasText()
        ):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        mime = event.mimeData()
        files = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
        if files:
            self.verify_file(files[0])
        elif mime.hasText():
            self.qr_edit.setText(mime.text().strip())
            self.verify_text(mime.text())
        event.acceptProposedAction()

    # -- showing a verdict ------------------------------------------------------------------------
    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择要核验的告知函"), str(Path.home()), self.tr("PDF 文件 (*.pdf)")
        )
        if path:
            self.verify_file(path)

    def _verify_typed(self) -> None:
        self.verify_text(self.qr_edit.text())

    def _show_nothing(self) -> None:
        self.headline.setText(self.tr("尚未核验"))
        self.headline.setStyleSheet(f"QLabel {{ {VERDICT_STYLES['none']} border-radius: 6px; }}")
        self.summary.setText(self.tr("选择或拖入一份告知函 PDF，或扫描函件上的二维码。"))
        self.source_label.clear()
        self.findings.clear()

    def _show(self, verdict: Verdict, source: str) -> None:
        self.verdict = verdict
        kind, headline, summary = self._overall(verdict)
        self.headline.setText(headline)
        self.headline.setStyleSheet(f"QLabel {{ {VERDICT_STYLES[kind]} border-radius: 6px; }}")
        self.summary.setText(summary)
        self.source_label.setText(source)
        self.findings.clear()
        for mark, text in self._findings(verdict):
            item = QListWidgetItem(f"{mark}  {text}", self.findings)
            item.setForeground(QColor(MARK_COLOURS[mark]))

    def _overall(self, v: Verdict) -> tuple[str, str, str]:
        """(style, headline, one sentence): the answer a checker at another office needs first."""
        if not v.readable:
            return "unsure", self.tr("无法核验"), self.tr("没有找到本软件出具的验证信息。")
        if not v.signature_valid and v.signer not in (OWN, IMPORTED):
            return "unsure", self.tr("无法核验"), self.tr("签名密钥未导入本机，无法确认出具单位。")
        if not v.signature_valid or v.snapshot_ok is False or v.visible_match is False:
            return "bad", self.tr("已被修改"), self.tr("函件内容与出具时签名的内容不一致，请勿采信。")
        if v.register == REGISTER_MISMATCH:
            return "bad", self.tr("与登记簿不一致"), self.tr("文号与本机登记簿中的记录不符，请勿采信。")
        if v.register_status == "voided":
            return "bad", self.tr("已作废"), self.tr("这份函件真实，但已被作废。")
        if v.draft and _kind(v) == KIND_REVIEW:
            return (
                "unsure",
                self.tr("草稿（未审核）"),
                self.tr("内容未被改动，但打印时该申请尚未审核，本表不是审核结论。"),
            )
        if v.draft:
            return (
                "unsure",
                self.tr("草稿（未出具）"),
                self.tr("内容未被改动，但这是草稿，不是正式出具的函件。"),
            )
        if v.outcome == Outcome.RESAVED:
            return (
                "unsure",
                self.tr("内容一致，文件已另存"),
                self.tr("每页的文字和金额与签名一致，但文件经其他程序另存过，图形与版式未核对。"),
            )
        if self._expired(v):
            return "unsure", self.tr("已过期"), self.tr("这份函件真实、未被改动，但已超过有效期。")
        if v.ok:
            return "good", self.tr("真实有效"), self.tr("签名有效，内容与出具时一致。")
        return "bad", self.tr("未通过核验"), self.tr("请查看下列各项。")

    @staticmethod
    def _expired(v: Verdict) -> bool:
        if v.register_status == "expired":
            return True
        try:
            return bool(v.valid_until) and date.fromisoformat(v.valid_until) < date.today()
        except ValueError:
            return False

    def _findings(self, v: Verdict) -> list[tuple[str, str]]:
        en = self.session.lang == "en"
        out: list[tuple[str, str]] = []
        if not v.readable:
            out.append(
                (BAD, self.tr("未找到本软件出具的验证信息（不是本软件的告知函，或已被其他程序重新保存）"))
            )
            out += [(BAD, e if en else z) for z, e in v.problems]
            return out
        p = v.payload
        number = str(p.get("n") or "") or self.tr("（草稿，未编号）")
        if (
            _kind(v) in LEDGER_KINDS
        ):  # a 兑现审核表 or 对账单: its id, the letter it rests on, its two amounts
            review = _kind(v) == KIND_REVIEW
            out.append(
                (
                    INFO,
                    (self.tr("兑现审核表 {id}") if review else self.tr("兑现对账单 {id}")).format(
                        id=p.get("i", "")
                    )
                    + " · "
                    + (
                        self.tr("告知函 {number} · 企业代码 {code} · 核定 {total} · 已拨付 {paid}")
                        if review
                        else self.tr("告知函 {number} · 企业代码 {code} · 应兑现 {total} · 已拨付 {paid}")
                    ).format(
                        number=number,
                        code=p.get("c", ""),
                        total=figure(int(p.get("t", 0) or 0)),
                        paid=figure(int(p.get("m", 0) or 0)),
                    ),
                )
            )
        else:
            out.append(
                (
                    INFO,
                    self.tr("文号 {number} · 企业代码 {code} · 合计 {total} · 政策版本 {version}").format(
                        number=number,
                        code=p.get("c", ""),
                        total=figure(int(p.get("t", 0) or 0)),
                        version=p.get("v", ""),
                    ),
                )
            )
        fp = pretty_fingerprint(v.signer_fingerprint)
        if v.signature_valid:
            out.append((OK, self.tr("签名有效")))
        elif v.signer in (OWN, IMPORTED):
            out.append((BAD, self.tr("签名无效：签名后的内容被改动过")))
        else:
            out.append((WARN, self.tr("签名无法核验：签名密钥 {fp} 未导入本机").format(fp=fp)))
        if v.signer == OWN:
            out.append((OK, self.tr("签名单位：本机（本单位）密钥 {fp}").format(fp=fp)))
        elif v.signer == IMPORTED:
            out.append((OK, self.tr("签名单位：已导入的其他单位公钥 {fp}").format(fp=fp)))
        else:
            out.append((WARN, self.tr("签名单位：未知密钥 {fp}").format(fp=fp)))
        out += self._register_findings(v)
        if v.draft and _kind(v) == KIND_REVIEW:
            out.append((WARN, self.tr("这是草稿：该申请打印时尚未审核")))
        elif v.draft:
            out.append((WARN, self.tr("这是草稿，未正式出具")))
        if v.snapshot_ok is not None:
            out.append(
                (OK, self.tr("内嵌内容快照与签名一致"))
                if v.snapshot_ok
                else (BAD, self.tr("内嵌内容快照与签名不一致"))
            )
        if v.visible_match is not None:
            if v.visible_match:
                out.append((OK, self.tr("页面上的合计、金额、文号和企业与签名内容一致")))
            else:
                missing = "、".join(v.missing)
                out.append(
                    (BAD, self.tr("页面文字与签名内容不一致（未找到：{missing}）").format(missing=missing))
                )
        if v.exact_match:
            out.append((OK, self.tr("文件与出具时逐字节一致")))
        elif v.outcome == Outcome.RESAVED:
            out.append((WARN, self.tr("文件经其他程序另存：图形与版式未核对")))
        elif v.legacy and v.visible_match:
            out.append((INFO, self.tr("旧版函件：已核对金额、文号和全部条款文字，未比对版面")))
        if v.valid_until and self._expired(v):
            out.append((WARN, self.tr("有效期至 {day}，已过期").format(day=v.valid_until)))
        elif v.valid_until:
            out.append((OK, self.tr("有效期至 {day}").format(day=v.valid_until)))
        out += [(BAD, e if en else z) for z, e in v.problems]
        return out

    def _register_findings(self, v: Verdict) -> list[tuple[str, str]]:
        label = v.register_status_label[1 if self.session.lang == "en" else 0] or v.register_status
        if _kind(v) in LEDGER_KINDS:
            if v.register == REGISTER_KNOWN:
                state = (
                    self.tr("（申请状态：{status}）").format(status=label)
                    if v.register_status_label[0]
                    else ""
                )
                return [(OK, self.tr("本机兑现台账：在册") + state)]
            if v.register == REGISTER_MISMATCH:
                return [(BAD, self.tr("本机兑现台账：记录的企业代码与本件不符"))]
            if v.register == REGISTER_UNKNOWN:
                return [(WARN, self.tr("本机兑现台账：没有此记录（可能由其他单位出具）"))]
            return [(INFO, self.tr("本机兑现台账：未检查"))]
        if v.register == REGISTER_KNOWN:
            if v.register_status == "voided":
                return [(BAD, self.tr("本机登记簿：已登记，状态为“{status}”").format(status=label))]
            return [(OK, self.tr("本机登记簿：已登记，状态为“{status}”").format(status=label))]
        if v.register == REGISTER_MISMATCH:
            return [(BAD, self.tr("本机登记簿：同一文号的登记内容不同"))]
        if v.register == REGISTER_UNKNOWN:
            return [(WARN, self.tr("本机登记簿：没有这份函件（可能由其他单位出具）"))]
        return [(INFO, self.tr("本机登记簿：未检查"))]


def _kind(v: Verdict) -> int:
    """The document kind the payload names (1 offer letter … 3 兑现审核表, 4 对账单)."""
    try:
        return int(v.payload.get("x", 1) or 1)
    except (TypeError, ValueError):
        return 1
