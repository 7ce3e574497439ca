"""The small dialogs of a claim's steps (兑现环节): 申报, 审核, 公示, 异议, 异议处理, 拨付, 验收, 暂缓, 恢复, 终止,
追回, 退还. Each is a short form typed by keyboard (Tab between fields, Enter to record); the step goes through
its operation, and whatever the domain refuses — a date before the application, a payment above what is due
without a reason, a negative amount — is said beside its field, and nothing is saved.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from qt_app.domain.errors import DomainError, FieldProblem, ValidationError
from qt_app.domain.ledger import steps as s
from qt_app.domain.ledger.claims import Claim
from qt_app.domain.ledger.step_words import suggested_payment
from qt_app.domain.ledger.working_days import HOLIDAY_NOTE, nth_working_day
from qt_app.domain.money import Fen
from qt_app.domain.money_format import money, money_words
from qt_app.domain.policy import ClawbackCondition
from qt_app.services.ledger import LedgerChanged
from qt_app.services.operations import OpResult, current_user
from qt_app.services.operations import ledger as ledger_ops
from qt_app.services.session import Session
from qt_app.ui import i18n
from qt_app.ui.hub import Hub
from qt_app.ui.ledger.form import FieldForm, read_amount, read_date, read_text
from qt_app.ui.widgets.labels import muted_label


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks `text` for pyside6-lupdate; translated where it is shown."""
    return text


TITLES: dict[str, str] = {
    "apply": QT_TRANSLATE_NOOP("", "申报兑现"),
    "review": QT_TRANSLATE_NOOP("", "审核"),
    "notice": QT_TRANSLATE_NOOP("", "公示"),
    "objection": QT_TRANSLATE_NOOP("", "登记异议"),
    "resolve": QT_TRANSLATE_NOOP("", "异议处理"),
    "pay": QT_TRANSLATE_NOOP("", "拨付"),
    "accept": QT_TRANSLATE_NOOP("", "验收"),
    "hold": QT_TRANSLATE_NOOP("", "暂缓拨付"),
    "resume": QT_TRANSLATE_NOOP("", "恢复"),
    "terminate": QT_TRANSLATE_NOOP("", "终止"),
    "recover": QT_TRANSLATE_NOOP("", "追回"),
    "repay": QT_TRANSLATE_NOOP("", "退还"),
}
# Where the domain's problem paths show in these forms.
RENAME = {"requested": "amount", "order_number": "order", "receipt": "order"}


def tr(text: str) -> str:
    """The ledger dialogs' strings (pyside6-lupdate files a bare tr() under the empty context)."""
    return QCoreApplication.translate("", text)


def _amount_text(fen: Fen) -> str:
    """A prefilled amount as staff type it (parse_amount reads 万 back)."""
    return money_words(fen, "zh").removesuffix("元") if fen else ""


class LedgerDialog(QDialog):
    """A form with 确定/取消; `record()` runs the operation and returns True when it went through."""

    def __init__(
        self,
        session: Session,
        hub: Hub,
        title: str,
        intro: str,
        parent: QWidget | None = None,
        scroll: bool = False,
    ) -> None:
        super().__init__(parent)
        self.session, self.hub = session, hub
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.intro = muted_label(intro)
        self.intro.setWordWrap(True)
        self.form = FieldForm(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("记录"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("取消"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        if scroll:  # a long form (a year's actuals) scrolls on a 768-pixel screen
            self.scroll_area = QScrollArea(self)
            self.scroll_area.setWidgetResizable(True)
            self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
            self.scroll_area.setWidget(self.form)
            layout.addWidget(self.scroll_area, 1)
        else:
            layout.addWidget(self.form)
        layout.addWidget(self.buttons)
        self.result_value: LedgerChanged | None = None

    def accept(self) -> None:
        self.form.clear()
        if self.record():
            super().accept()

    def record(self) -> bool:  # pragma: no cover - every dialog overrides it
        raise NotImplementedError

    def rename(self, problems: list[FieldProblem]) -> dict[str, str]:
        """Where the operation's problem paths show in this form."""
        return RENAME

    def show_problems(self, problems: list[FieldProblem]) -> None:
        """Each problem beside its field (nothing saved)."""
        self.form.show_problems(problems, self.rename(problems))

    def run(self, op: Callable[[], OpResult[LedgerChanged]]) -> bool:
        """Run the operation; problems go beside their fields (nothing saved), success goes to the hub."""
        try:
            result = op()
        except ValidationError as e:
            self.show_problems(list(e.problems))
            return False
        except DomainError as e:
            self.form.say("", e.message(i18n.current()))
            return False
        self.result_value = result.value
        self.hub.apply(result)
        return True


def _date_field(form: FieldForm, key: str = "on", label: str = "") -> QLineEdit:
    return form.line(key, label or tr("日期"), date.today().isoformat(), tr("如 2027-04-01"))


class StepDialog(LedgerDialog):
    """One step of an open claim."""

    def __init__(
        self,
        session: Session,
        hub: Hub,
        claim: Claim,
        kind: str,
        item_name: str,
        conditions: tuple[ClawbackCondition, ...] = (),
        parent: QWidget | None = None,
    ) -> None:
        lang = i18n.current()
        intro = tr(
            "{item} {year}年 · 当前状态：{state} · 申报 {requested} · 核定 {approved} · 已拨付 {paid}"
        ).format(
            item=item_name,
            year=claim.year,
            state=claim.label(lang),
            requested=money(claim.requested, lang),
            approved=money(claim.approved, lang),
            paid=money(claim.paid, lang),
        )
        super().__init__(session, hub, tr(TITLES[kind]), intro, parent)
        self.claim, self.kind = claim, kind
        self.setObjectName(f"stepDialog_{kind}")
        f = self.form
        self.on = _date_field(f)
        self.result_combo: QComboBox | None = None
        self.condition: QComboBox | None = None
        match kind:
            case "review":
                self.result_combo = QComboBox(self)
                self.result_combo.addItem(tr("审核通过"), True)
                self.result_combo.addItem(tr("不予通过"), False)
                f.add("approved", tr("审核结果"), self.result_combo)
                self.amount = f.line("amount", tr("核定金额"), _amount_text(claim.requested), tr("如 150万"))
                self.reviewer = f.line("reviewer", tr("审核人"), current_user())
                self.department = f.line("department", tr("审核部门"), "", tr("如 县经信局"))
                self.note = f.line("note", tr("意见（不予通过须填写理由）"))
                self.override = f.line(
                    "override", tr("超额理由"), "", tr("仅在超过应兑现金额时填写，记入审计日志")
                )
            case "notice":
                days = claim.terms.notice_working_days
                self.until = f.line(
                    "until",
                    tr("公示截止"),
                    "",
                    tr("留空＝{n}个工作日").format(n=days),
                )
                self.form.note(
                    "until", tr("节假日未计入：{note}").format(note=HOLIDAY_NOTE[1 if lang == "en" else 0])
                )
                self.on.textChanged.connect(self._suggest_until)
                self._suggest_until()
            case "objection" | "resolve":
                self.text = f.line("text", tr("异议内容") if kind == "objection" else tr("处理意见"))
            case "pay":
                self.amount = f.line(
                    "amount", tr("本期拨付金额"), _amount_text(suggested_payment(claim)), tr("如 75万")
                )
                self.order = f.line("order", tr("拨款文号（支付令号）"), "", tr("如 青财拨〔2027〕11号"))
                self.override = f.line(
                    "override", tr("超额理由"), "", tr("仅在超过应兑现金额时填写，记入审计日志")
                )
                held = claim.holdback_amount
                if held and claim.accepted_on is None:
                    self.form.note(
                        "amount",
                        tr("预留 {held} 须验收后拨付").format(held=money(held, lang)),
                    )
            case "accept":
                self.by = f.line("by", tr("验收人"), current_user())
                self.note = f.line("note", tr("验收意见"))
            case "hold":
                self.reason = f.line("reason", tr("暂缓原因"))
            case "resume":
                self.note = f.line("note", tr("说明"))
            case "terminate":
                self.reason = f.line("reason", tr("终止原因"))
            case "recover":
                room = claim.paid - claim.recovered
                self.amount = f.line(
                    "amount", tr("追回金额"), "", tr("最多 {room}").format(room=money(room, lang))
                )
                self.basis = f.line("basis", tr("追回依据"), "", tr("如 企业迁出，按第十一条追回"))
                self.condition = QComboBox(self)
                self.condition.addItem(tr("（无，按决定）"), "")
                for c in conditions:
                    self.condition.addItem(f"{c.id} · {c.en if lang == 'en' else c.zh}", c.id)
                f.add("condition", tr("追回条件"), self.condition)
            case "repay":
                room = claim.recovered - claim.repaid
                self.amount = f.line("amount", tr("退还金额"), _amount_text(room), tr("如 20万"))
                self.order = f.line("order", tr("收款凭证号"))
        self.on.setFocus()

    def _suggest_until(self) -> None:
        problems: list[FieldProblem] = []
        start = read_date(self.on.text(), "on", problems)
        if start is None:
            self.until.setPlaceholderText(
                tr("留空＝{n}个工作日").format(n=self.claim.terms.notice_working_days)
            )
            return
        end = nth_working_day(start, self.claim.terms.notice_working_days)
        self.until.setPlaceholderText(
            tr("留空＝{n}个工作日，至 {end}").format(
                n=self.claim.terms.notice_working_days, end=end.isoformat()
            )
        )

    def step(self, problems: list[FieldProblem]) -> s.Step | None:
        """The step typed in, or None (with `problems` said) when a field cannot be read."""
        on = read_date(self.on.text(), "on", problems)
        k = self.kind
        if k == "review":
            assert self.result_combo is not None
            approved = bool(self.result_combo.currentData())
            amount = read_amount(self.amount.text(), "amount", problems) if approved else 0
            if on is None or amount is None:
                return None
            return s.Review(on, self.reviewer.text().strip(), approved, amount, self.department.text().strip(),
                            self.note.text().strip(), self.override.text().strip())  # fmt: skip
        if k == "notice":
            until = read_date(self.until.text(), "until", problems, required=False)
            return None if on is None or problems else s.Notice(on, until)
        if k in ("objection", "resolve"):
            text = read_text(self.text.text(), "text", (tr("内容"), "text"), problems)
            if on is None or problems:
                return None
            return s.Objection(on, text) if k == "objection" else s.Resolve(on, text)
        if k == "pay":
            amount = read_amount(self.amount.text(), "amount", problems)
            if on is None or amount is None:
                return None
            return s.Pay(on, amount, self.order.text().strip(), self.override.text().strip())
        if k == "accept":
            return None if on is None else s.Accept(on, self.by.text().strip(), self.note.text().strip())
        if k == "hold":
            return None if on is None else s.Hold(on, self.reason.text().strip())
        if k == "resume":
            return None if on is None else s.Resume(on, self.note.text().strip())
        if k == "terminate":
            return None if on is None else s.Terminate(on, self.reason.text().strip())
        if k == "recover":
            amount = read_amount(self.amount.text(), "amount", problems)
            assert self.condition is not None
            if on is None or amount is None:
                return None
            return s.Recover(on, self.basis.text().strip(), amount, str(self.condition.currentData() or ""))
        amount = read_amount(self.amount.text(), "amount", problems)
        if on is None or amount is None:
            return None
        return s.Repay(on, amount, self.order.text().strip())

    def record(self) -> bool:
        problems: list[FieldProblem] = []
        step = self.step(problems)
        if step is None or problems:
            self.form.show_problems(problems, RENAME)
            return False
        req = ledger_ops.ClaimStep(self.claim.id, step, current_user())
        return self.run(lambda: ledger_ops.advance_claim(self.session, req))


class ApplyDialog(LedgerDialog):
    """申报: a claim for one item and year whose actuals are recorded."""

    def __init__(
        self,
        session: Session,
        hub: Hub,
        firm_id: str,
        items: list[tuple[str, str]],
        years: list[int],
        hint: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            session,
            hub,
            tr("申报兑现"),
            hint or tr("为一个事项、一个年度申报兑现；申报金额留空即为应兑现且尚未拨付的金额。"),
            parent,
        )
        self.setObjectName("applyDialog")
        self.firm_id = firm_id
        f = self.form
        self.item = QComboBox(self)
        for item_id, name in items:
            self.item.addItem(name, item_id)
        f.add("item", tr("事项"), self.item)
        self.year = QComboBox(self)
        for y in years:
            self.year.addItem(str(y), y)
        f.add("year", tr("年度"), self.year)
        self.on = _date_field(f, "on", tr("申报日期"))
        self.amount = f.line("amount", tr("申报金额"), "", tr("留空＝应兑现且尚未拨付的金额"))
        self.applicant = f.line("applicant", tr("申报人"), "")
        self.note = f.line("note", tr("备注"))
        self.item.setFocus()

    def choose(self, item_id: str, year: int) -> None:
        self.item.setCurrentIndex(max(0, self.item.findData(item_id)))
        self.year.setCurrentIndex(max(0, self.year.findData(year)))

    def record(self) -> bool:
        problems: list[FieldProblem] = []
        on = read_date(self.on.text(), "on", problems)
        amount = read_amount(self.amount.text(), "amount", problems, required=False)
        if self.year.currentData() is None:
            problems.append(
                FieldProblem(
                    "year", "没有已登记实绩的年度，请先登记实绩", "No year has actuals yet; record them first"
                )
            )
        if on is None or problems:
            self.form.show_problems(problems, RENAME)
            return False
        req = ledger_ops.OpenClaim(
            self.firm_id, str(self.item.currentData()), int(self.year.currentData()), on, amount,
            self.applicant.text().strip(), self.note.text().strip(), current_user(),
        )  # fmt: skip
        return self.run(lambda: ledger_ops.open_claim(self.session, req))


__all__ = ["ApplyDialog", "LedgerDialog", "QLabel", "StepDialog"]
