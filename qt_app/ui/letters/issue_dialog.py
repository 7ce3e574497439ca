"""出具告知函 (IssueDialog): confirm issuing, with the 附注 contact and the 抄送 line editable for this letter.

The fields start from the settings (联系人, 电话, 抄送); an edit here applies to this letter only. The service
checks the telephone; a refusal is shown here and nothing is issued.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from qt_app.domain.errors import DomainError
from qt_app.reports.snapshot import Contact
from qt_app.services import letters as svc


class IssueDialog(QDialog):
    """Asks for the contact and copies of one letter; `chosen()` after accept."""

    def __init__(
        self, firm_name: str, contact: Contact, cc: str, lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.lang = lang
        self.setWindowTitle(self.tr("出具告知函"))
        note = QLabel(
            self.tr("出具后将分配下一个文号并签名，内容不能再修改。\n确定出具给“{firm}”的告知函吗？").format(
                firm=firm_name
            ),
            self,
        )
        note.setWordWrap(True)
        self.name = QLineEdit(contact.name, self)
        self.name.setObjectName("contactName")
        self.phone = QLineEdit(contact.phone, self)
        self.phone.setObjectName("contactPhone")
        self.phone.setPlaceholderText("0578-6812345")
        self.cc = QLineEdit(cc, self)
        self.cc.setObjectName("copies")
        self.cc.setPlaceholderText(self.tr("如：县财政局、县经信局（可不填）"))
        self.error = QLabel(self)
        self.error.setObjectName("issueError")
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("联系人"), self.name)
        form.addRow(self.tr("电话"), self.phone)
        form.addRow(self.tr("抄送"), self.cc)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("出具"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._chosen: tuple[Contact, str] | None = None

    def accept(self) -> None:
        """Check the contact before closing: a wrong telephone keeps the dialog open, saying why."""
        try:
            contact = svc.check_contact(Contact(self.name.text(), self.phone.text()), self.cc.text())
        except DomainError as e:
            self.error.setText(e.message(self.lang))
            return
        self._chosen = (contact, self.cc.text().strip())
        super().accept()

    def chosen(self) -> tuple[Contact, str] | None:
        return self._chosen
