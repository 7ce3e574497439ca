"""登记实绩: one year of a firm's actuals typed in a form, each figure with its document and scan.

The lease taken (and a move-out), audited revenue, compute bought and R&D spent, each with the document that
proves it (type, number, date) and its scan (附扫描件…: read and checked at once — an unreadable file is
refused beside its field, one already attached elsewhere is reported); talents arrived, loans drawn and
science and scenario projects won in tables typed like the firm editor's (`actuals_tables`), a document and
scan on every row. The form builds the dict an actuals file holds and the same strict reader judges it, so
every problem is the file's, said beside its field or under its table; nothing is written until the whole
year reads. Correcting a year keeps what was recorded and is not shown here (further documents, receipts).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QComboBox, QFileDialog, QLabel, QLineEdit, QPushButton, QWidget

from qt_app.domain.errors import DomainError, FieldProblem
from qt_app.domain.ledger.actuals import DOC_TYPES
from qt_app.domain.ledger.actuals_io import year_actuals_from_dict
from qt_app.domain.money import parse_amount
from qt_app.domain.policy import Site
from qt_app.services.ledger_screen import ScanCheck, check_scan
from qt_app.services.operations import current_user
from qt_app.services.operations import ledger as ledger_ops
from qt_app.services.session import Session
from qt_app.ui import i18n
from qt_app.ui.hub import Hub
from qt_app.ui.ledger import actuals_rows as ar
from qt_app.ui.ledger.actuals_tables import ActualsTable
from qt_app.ui.ledger.step_dialog import LedgerDialog, _amount_text, tr
from qt_app.ui.widgets.labels import muted_label

AMOUNTS = (("revenue", "audit_report"), ("compute_spend", "compute_invoice"), ("rnd_spend", "rnd_audit"))
LEASE_FIELDS = ("site", "area_m2", "rent_per_m2_day", "move_in", "move_out")


class EvidenceRow:
    """A figure's first document: type, number, date, and the scan picked (or the one kept already)."""

    def __init__(
        self, dialog: ActualsDialog, figure: str, default_type: str, stored: Mapping[str, Any]
    ) -> None:
        self.dialog, self.figure, self.recorded = dialog, figure, stored
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

    def first(self) -> dict[str, Any] | None:
        """The document as typed over what was recorded (its scan and receipt kept unless a scan is picked)."""
        typed = {"type": str(self.type.currentData()), "number": self.number.text(), "date": self.date.text()}
        picked = str(self.picked.path) if self.picked is not None else ""
        return ar.first_document(typed, self.recorded, picked)

    def blank(self) -> bool:
        return self.first() is None


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
        self.resize(980, 700)  # the tables' columns show whole; fits a 1366×768 screen
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
            f.section(ar.table_label(key, lang))
            amount = int(parse_amount(str(data["amount"]))) if data.get("amount") else 0
            self.amounts[key] = f.line(
                f"{key}.amount", tr("金额"), _amount_text(amount), tr("不填即本年未发生")
            )
            first = (data.get("evidence") or [{}])[0]
            self.evidence[key] = EvidenceRow(self, key, doc, first)
        lease = self.stored.get("lease") or {}
        f.section(ar.table_label("lease", lang))
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
        self.tables: dict[str, ActualsTable] = {}
        for key in ar.LIST_KEYS:
            f.section(ar.table_label(key, lang))
            table = ActualsTable(key, self.stored.get(key) or [], self._check_scan, self)
            f.wide(table)
            self.tables[key] = table
        self.note = f.line("note", tr("备注"), str(self.stored.get("note") or ""))
        (self.year if not stored else self.amounts["revenue"]).setFocus()

    def year_value(self) -> int:
        try:
            return int(self.year.text().strip())
        except ValueError:
            return 0

    def _check_scan(self, path: str | Path, figure: str) -> ScanCheck:
        return check_scan(self.session.store, path, self.firm_id, self.year_value(), figure)

    def _figure(self, key: str, main: dict[str, Any]) -> dict[str, Any]:
        """A figure with its first document as typed and any further documents as recorded."""
        return {**main, "evidence": ar.documents(self.evidence[key].first(), self.stored.get(key))}

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
        for key, table in self.tables.items():
            if rows := table.entries():
                out[key] = rows
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
            self.show_problems(errors or problems)
            return False
        req = ledger_ops.RecordActuals(self.firm_id, (actual,), source="form", who=current_user())
        return self.run(lambda: ledger_ops.record_actuals(self.session, req))

    def show_problems(self, problems: list[FieldProblem]) -> None:
        """Each problem under its table's row and column, or beside its field."""
        prefix = f"years.{self.year_value()}."
        by_table: dict[str, list[tuple[ar.Cell, FieldProblem]]] = {}
        rest: list[FieldProblem] = []
        for p in problems:
            key = p.path.removeprefix(prefix).split("[")[0]
            table = self.tables.get(key)
            cell = ar.cell_of(p.path.removeprefix(prefix), table.column_names()) if table else None
            if cell is None:
                rest.append(p)
            else:
                by_table.setdefault(cell.table, []).append((cell, p))
        for key, found in by_table.items():
            self.tables[key].show_problems(found)
        if rest or not by_table:
            self.form.show_problems(rest, self.rename(rest))

    def accept(self) -> None:
        for table in self.tables.values():
            table.clear()
        super().accept()

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
