"""登记实绩: one year of a firm's actuals typed in a form, each figure with its document and scan.

The lease taken (and a move-out), audited revenue, compute bought and R&D spent, each with the document that
proves it (type, number, date) and its scan (附扫描件…: read and checked at once — an unreadable file is
refused beside its field, one already attached elsewhere is reported). Talents, loans and projects recorded
from an actuals file are kept as they are. The form is read by the same strict reader as an actuals file, so
every problem names its field here as it would in the file; nothing is written until the whole year reads.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QComboBox, QFileDialog, QLabel, QLineEdit, QPushButton, QWidget

from qt_app.domain.errors import DomainError, FieldProblem
from qt_app.domain.ledger.actuals import DOC_TYPES, FIGURE_LABELS
from qt_app.domain.ledger.actuals_io import year_actuals_from_dict
from qt_app.domain.money import parse_amount
from qt_app.domain.policy import Site
from qt_app.services.ledger_screen import ScanCheck, check_scan
from qt_app.services.operations import current_user
from qt_app.services.operations import ledger as ledger_ops
from qt_app.services.session import Session
from qt_app.ui import i18n
from qt_app.ui.hub import Hub
from qt_app.ui.ledger.step_dialog import LedgerDialog, _amount_text, tr
from qt_app.ui.widgets.labels import muted_label

AMOUNTS = (("revenue", "audit_report"), ("compute_spend", "compute_invoice"), ("rnd_spend", "rnd_audit"))
KEPT_LISTS = ("talents", "loans", "science_projects", "scenario_projects")
LEASE_FIELDS = ("site", "area_m2", "rent_per_m2_day", "move_in", "move_out")


class EvidenceRow:
    """A figure's first document: type, number, date, and the scan picked (or the one kept already)."""

    def __init__(
        self, dialog: ActualsDialog, figure: str, default_type: str, stored: Mapping[str, Any]
    ) -> None:
        self.dialog, self.figure = dialog, figure
        lang = i18n.current()
        self.type = QComboBox(dialog)
        for key, pair in DOC_TYPES.items():
            self.type.addItem(pair[1] if lang == "en" else pair[0], key)
        self.type.setCurrentIndex(max(0, self.type.findData(stored.get("type") or default_type)))
        self.number = QLineEdit(str(stored.get("number") or ""), dialog)
        self.number.setPlaceholderText(tr("文号或编号"))
        self.number.setObjectName(f"{figure}_number")
        self.date = QLineEdit(str(stored.get("date") or ""), dialog)
        self.date.setPlaceholderText(tr("材料日期"))
        self.date.setObjectName(f"{figure}_date")
        self.button = QPushButton(tr("附扫描件…"), dialog)
        self.button.setAutoDefault(False)  # Enter in the form records the year, never opens the file dialog
        self.button.clicked.connect(self.choose)
        self.status = muted_label()
        self.status.setWordWrap(True)
        self.sha256 = str(stored.get("sha256") or "")
        self.file_name = str(stored.get("file_name") or "")
        self.picked: ScanCheck | None = None
        if self.sha256:
            self.status.setText(
                tr("已附扫描件：{name}").format(name=self.file_name or self.sha256[:12] + "…")
            )
        key = f"{figure}.evidence[0]"
        parts: list[tuple[str, QWidget]] = [
            (f"{key}.type", self.type),
            (f"{key}.number", self.number),
            (f"{key}.date", self.date),
            (f"{key}.file", self.button),
        ]
        dialog.form.add_group(tr("证明材料"), parts, self.status)
        for alias in (f"{figure}.evidence", f"{key}.sha256"):
            dialog.form.fields[alias] = self.number
            dialog.form.messages[alias] = dialog.form.messages[f"{key}.number"]
            dialog.form.notes[alias] = dialog.form.notes[f"{key}.number"]

    def choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.dialog, tr("选择扫描件"), "", tr("扫描件 (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.ofd)")
        )
        if path:
            self.attach(path)

    def attach(self, path: str | Path) -> bool:
        """Check the scan now: refused beside the field when unreadable, a duplicate reported."""
        key = f"{self.figure}.evidence[0].file"
        form = self.dialog.form
        form.messages[key].clear()
        form.messages[key].hide()
        try:
            picked = check_scan(
                self.dialog.session.store, path, self.dialog.firm_id, self.dialog.year_value(), self.figure
            )
        except DomainError as e:
            form.say(key, e.message(i18n.current()))
            return False
        self.picked = picked
        self.status.setText(
            tr("已选扫描件：{name}（保存时按内容哈希存入数据文件夹）").format(name=picked.file_name)
        )
        form.note(key, "；".join(picked.warnings(i18n.current())))
        return True

    def blank(self) -> bool:
        return not self.number.text().strip() and not self.date.text().strip() and self.picked is None

    def data(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "type": str(self.type.currentData()),
            "number": self.number.text().strip(),
            "date": self.date.text().strip(),
        }
        if self.picked is not None:
            out["file"] = str(self.picked.path)
        elif self.sha256:
            out["sha256"] = self.sha256
            if self.file_name:
                out["file_name"] = self.file_name
        return out


class ActualsDialog(LedgerDialog):
    """One year of actuals for one firm (new, or the year as recorded, to correct it)."""

    def __init__(
        self,
        session: Session,
        hub: Hub,
        firm_id: str,
        year: int,
        stored: Mapping[str, Any] | None = None,
        sites: tuple[Site, ...] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            session,
            hub,
            tr("登记实绩"),
            tr(
                "按年度登记企业的实际情况，每项须附证明材料（类型、文号、日期，可附扫描件）。金额可写 4200万、1.2亿。"
            ),
            parent,
            scroll=True,
        )
        self.setObjectName("actualsDialog")
        self.firm_id = firm_id
        self.stored = dict(stored or {})
        lang = i18n.current()
        self.setMinimumSize(640, 560)
        f = self.form
        self.year = f.line("year", tr("年度"), str(year), tr("如 2026"))
        self.year.setReadOnly(bool(stored))
        self.reported = f.line(
            "reported_on", tr("报送日期"), str(self.stored.get("reported_on") or ""), tr("可不填")
        )
        self.amounts: dict[str, QLineEdit] = {}
        self.evidence: dict[str, EvidenceRow] = {}
        for key, doc in AMOUNTS:
            data = self.stored.get(key) or {}
            f.section(FIGURE_LABELS[key][1 if lang == "en" else 0])
            amount = int(parse_amount(str(data["amount"]))) if data.get("amount") else 0
            self.amounts[key] = f.line(
                f"{key}.amount", tr("金额"), _amount_text(amount), tr("不填即本年未发生")
            )
            first = (data.get("evidence") or [{}])[0]
            self.evidence[key] = EvidenceRow(self, key, doc, first)
        lease = self.stored.get("lease") or {}
        f.section(FIGURE_LABELS["lease"][1 if lang == "en" else 0])
        self.site = QComboBox(self)
        self.site.addItem(tr("（本年未租赁）"), "")
        for site in sites:
            self.site.addItem(site.en if lang == "en" else site.zh, site.id)
        if lease.get("site") and self.site.findData(lease["site"]) < 0:
            self.site.addItem(str(lease["site"]), lease["site"])
        self.site.setCurrentIndex(max(0, self.site.findData(lease.get("site") or "")))
        self.site.setObjectName("lease_site")
        f.add("lease.site", tr("入驻载体"), self.site)
        self.lease: dict[str, QLineEdit] = {}
        labels = {
            "area_m2": (tr("面积（㎡）"), tr("如 800")),
            "rent_per_m2_day": (tr("租金（元/㎡/天）"), tr("如 1.2")),
            "move_in": (tr("入驻日期"), tr("如 2026-01-01")),
            "move_out": (tr("迁出日期"), tr("未迁出不填")),
        }
        for name, (label, hint) in labels.items():
            self.lease[name] = f.line(f"lease.{name}", label, str(lease.get(name) or ""), hint)
        self.evidence["lease"] = EvidenceRow(
            self, "lease", "lease_contract", (lease.get("evidence") or [{}])[0]
        )
        kept = [k for k in KEPT_LISTS if self.stored.get(k)]
        if kept:
            names = (
                "、".join(FIGURE_LABELS[k][0] for k in kept)
                if lang != "en"
                else ", ".join(FIGURE_LABELS[k][1] for k in kept)
            )
            f.section(tr("另有（保持不变，请用实绩文件修改）：{names}").format(names=names))
        self.note = f.line("note", tr("备注"), str(self.stored.get("note") or ""))
        (self.year if not stored else self.amounts["revenue"]).setFocus()

    def year_value(self) -> int:
        try:
            return int(self.year.text().strip())
        except ValueError:
            return 0

    def _figure(self, key: str, main: dict[str, Any]) -> dict[str, Any]:
        """A figure with its first document as typed and any further documents as recorded."""
        rest = list((self.stored.get(key) or {}).get("evidence") or [])[1:]
        row = self.evidence[key]
        return {**main, "evidence": ([] if row.blank() else [row.data()]) + rest}

    def year_data(self) -> dict[str, Any]:
        """The year in the actuals file's form, as typed (the strict reader judges it)."""
        out: dict[str, Any] = {}
        for key, _doc in AMOUNTS:
            text = self.amounts[key].text().strip()
            if text or not self.evidence[key].blank():
                out[key] = self._figure(key, {"amount": text})
        site = str(self.site.currentData() or "")
        typed = {k: e.text().strip() for k, e in self.lease.items() if e.text().strip()}
        if site or typed or not self.evidence["lease"].blank():
            out["lease"] = self._figure("lease", {"site": site, **typed})
        for key in KEPT_LISTS:
            if self.stored.get(key):
                out[key] = self.stored[key]
        if self.reported.text().strip():
            out["reported_on"] = self.reported.text().strip()
        if self.note.text().strip():
            out["note"] = self.note.text().strip()
        return out

    def record(self) -> bool:
        year = self.year_value()
        if not 2000 <= year <= 2100:
            self.form.show_problems(
                [FieldProblem("year", "年份应在2000–2100之间", "A year between 2000 and 2100")]
            )
            return False
        actual, problems = year_actuals_from_dict(self.year_data(), year)
        errors = [p for p in problems if p.severity == "error"]
        if actual is None or errors:
            self.form.show_problems(errors or problems, self.rename(errors or problems))
            return False
        req = ledger_ops.RecordActuals(self.firm_id, (actual,), source="form", who=current_user())
        return self.run(lambda: ledger_ops.record_actuals(self.session, req))

    def rename(self, problems: list[FieldProblem]) -> dict[str, str]:
        """The reader's and the service's paths ("years.2026.revenue.evidence.file") as this form's keys."""
        out: dict[str, str] = {}
        for p in problems:
            path = p.path.removeprefix(f"years.{self.year_value()}.")
            if path.endswith(".evidence.file"):
                path = path.replace(".evidence.file", ".evidence[0].file")
            if path == "":
                path = "year"
            out[p.path] = path
        return out


__all__ = ["ActualsDialog", "QLabel"]
