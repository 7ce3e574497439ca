"""会谈模式 (Meeting mode): what the investor may see on the projector — this firm's package only.

Large type: the firm's name, each item with its clause and total, each year's total, the grand total in
figures and in capitals, the chart and the caveat line. Every amount resting on an illustrative value and
every illustrative clause number carries a 示例 mark. Nothing internal: no other firms, stage, notes or
pipeline. The 会谈简报 button prints the same on one A4 page (print preview or PDF).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qt_app.domain.money_format import figure, money
from qt_app.domain.package import Package
from qt_app.domain.policy import Status
from qt_app.domain.variants import BASE, Variant
from qt_app.services.offers import with_offer
from qt_app.services.operations import OpChanges
from qt_app.services.session import Session
from qt_app.ui import i18n
from qt_app.ui.handout_data import Handout, handout
from qt_app.ui.hub import Hub
from qt_app.ui.panel import FirmOnScreen, Panel
from qt_app.ui.widgets.bar_chart import StackedBarChart
from qt_app.ui.widgets.package_parts import (
    capitals_text,
    category_series,
    is_illustrative,
    item_illustrative,
    line_name,
    year_bars,
    year_text,
)
from qt_app.ui.widgets.words import clause_text

BASE_POINTS = 17.0
MARK_STYLE = "QLabel { color: #8a5a00; background: #fff1cc; border: 1px solid #e6c067; border-radius: 6px; padding: 0 6px; }"


def _scaled(widget: QWidget, factor: float, bold: bool = False) -> None:
    font = QFont(widget.font())
    font.setPointSizeF(BASE_POINTS * factor)
    font.setBold(bold)
    widget.setFont(font)


class _Grid(QWidget):
    """Rows of (name, clause, amount, 示例 mark) labels, reused between refreshes."""

    def __init__(self, factor: float) -> None:
        super().__init__()
        self._factor = factor
        self._layout = QGridLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setHorizontalSpacing(18)
        self._layout.setVerticalSpacing(4)
        self._layout.setColumnStretch(0, 1)
        self._labels: list[tuple[QLabel, QLabel, QLabel, QLabel]] = []

    def set_rows(self, rows: list[tuple[str, str, str, bool]]) -> None:
        """(name, clause, amount, illustrative) per row; the clause may be empty."""
        while len(self._labels) < len(rows):
            name, clause, amount, mark = QLabel(), QLabel(), QLabel(), QLabel()
            for label in (name, clause, amount):
                _scaled(label, self._factor)
            _scaled(mark, self._factor * 0.7)
            clause.setStyleSheet("color: palette(placeholder-text);")
            mark.setStyleSheet(MARK_STYLE)
            amount.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            r = len(self._labels)
            self._layout.addWidget(name, r, 0)
            self._layout.addWidget(clause, r, 1)
            self._layout.addWidget(amount, r, 2)
            self._layout.addWidget(mark, r, 3, Qt.AlignmentFlag.AlignVCenter)
            self._labels.append((name, clause, amount, mark))
        for i, (name, clause, amount, mark) in enumerate(self._labels):
            shown = i < len(rows)
            for label in (name, clause, amount):
                label.setVisible(shown)
            mark.setVisible(shown and rows[i][3])
            if shown:
                name.setText(rows[i][0])
                clause.setText(rows[i][1])
                amount.setText(rows[i][2])
                mark.setText(i18n.pick(("示例", "illustrative")))

    def texts(self) -> list[str]:
        out = []
        for name, clause, amount, mark in self._labels:
            if name.isHidden():
                continue
            marked = f" [{mark.text()}]" if not mark.isHidden() else ""
            out.append(" ".join(t for t in (name.text(), clause.text(), amount.text()) if t) + marked)
        return out


class MeetingView(Panel):
    """The firm's package for the investor's eyes, in large type (会谈模式)."""

    def __init__(self, session: Session, hub: Hub, parent: QWidget | None = None) -> None:
        super().__init__(session, hub, parent)
        self._variant_name = BASE
        self._offer: str | None = None
        self._variants: tuple[Variant, ...] = ()
        self._package: Package | None = None
        self._build()
        self.retranslate()

    def _build(self) -> None:
        self.setAutoFillBackground(True)
        self.name = QLabel()
        _scaled(self.name, 1.9, bold=True)
        self.name.setWordWrap(True)
        self.subtitle = QLabel()
        _scaled(self.subtitle, 0.9)
        self.subtitle.setWordWrap(True)
        self.subtitle.setStyleSheet("color: palette(placeholder-text);")

        self.items_title = QLabel()
        _scaled(self.items_title, 1.0, bold=True)
        self.items = _Grid(1.05)
        self.years_title = QLabel()
        _scaled(self.years_title, 1.0, bold=True)
        self.years = _Grid(1.05)
        tables = QVBoxLayout()
        tables.addWidget(self.items_title)
        tables.addWidget(self.items)
        tables.addSpacing(18)
        tables.addWidget(self.years_title)
        tables.addWidget(self.years)
        tables.addStretch(1)

        self.chart = StackedBarChart()
        _scaled(self.chart, 0.95)
        body = QHBoxLayout()
        body.addLayout(tables, 3)
        body.addSpacing(32)
        body.addWidget(self.chart, 2)

        rule = QFrame()
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)
        self.total = QLabel()
        _scaled(self.total, 1.9, bold=True)
        self.total.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.capitals = QLabel()
        _scaled(self.capitals, 1.25)
        self.capitals.setWordWrap(True)
        self.caveat = QLabel()
        _scaled(self.caveat, 0.9)
        self.caveat.setWordWrap(True)
        self.caveat.setStyleSheet("color: palette(placeholder-text);")
        self.handout_button = QPushButton()
        self.handout_button.clicked.connect(self.print_handout)
        self.pdf_button = QPushButton()
        self.pdf_button.clicked.connect(lambda: self.save_handout())
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self, self.print_handout)
        foot = QHBoxLayout()
        foot.addWidget(self.caveat, 1)
        foot.addWidget(self.handout_button)
        foot.addWidget(self.pdf_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 24)
        layout.addWidget(self.name)
        layout.addWidget(self.subtitle)
        layout.addSpacing(16)
        layout.addLayout(body, 1)
        layout.addWidget(rule)
        self.total_mark = QLabel()  # the grand total rests on illustrative values too
        _scaled(self.total_mark, 0.9)
        self.total_mark.setStyleSheet(MARK_STYLE)
        total_line = QHBoxLayout()
        total_line.addWidget(self.total)
        total_line.addWidget(self.total_mark, 0, Qt.AlignmentFlag.AlignVCenter)
        total_line.addStretch(1)
        layout.addLayout(total_line)
        layout.addWidget(self.capitals)
        layout.addSpacing(8)
        layout.addLayout(foot)

    def retranslate(self) -> None:
        self.items_title.setText(self.tr("支持事项"))
        self.years_title.setText(self.tr("各年度合计"))
        self.handout_button.setText(self.tr("打印会谈简报…"))
        self.pdf_button.setText(self.tr("存为 PDF…"))

    # -- the panel interface ------------------------------------------------------------------------
    def show_firm(self, shown: FirmOnScreen) -> None:
        if shown.firm_id != self.shown.firm_id:
            self._variant_name = BASE
        super().show_firm(shown)

    def affected_by(self, changes: OpChanges) -> bool:
        return changes.package_of(self.shown.firm_id) or changes.policy

    def set_variant(self, name: str) -> None:
        """Show the package under this variant (e.g. the one chosen as the offer)."""
        self._variant_name = name
        self.request_refresh()

    def package(self) -> Package | None:
        return self._package

    def visible_text(self) -> str:
        """Everything written on screen, for checks that nothing internal shows."""
        parts = [self.name.text(), self.subtitle.text(), self.items_title.text(), self.years_title.text()]
        parts += self.items.texts() + self.years.texts()
        total = self.total.text() + (f" [{self.total_mark.text()}]" if not self.total_mark.isHidden() else "")
        parts += [total, self.capitals.text(), self.caveat.text()]
        parts += [bar.label for bar in self.chart.bars()] + [s.label for s in self.chart.series()]
        return "\n".join(parts)

    # -- filling ------------------------------------------------------------------------------------
    def _variant(self) -> Variant:
        shown = self.shown
        variants, offer = with_offer(self.session.store, shown.firm_id, shown.variants)
        self._variants = variants
        if offer is not None and offer != self._offer:
            self._variant_name = offer  # a newly chosen offer is what the investor sees
        self._offer = offer
        return next((v for v in variants if v.name == self._variant_name), Variant())

    def refresh(self) -> None:
        firm = self.shown.firm
        lang = i18n.current()
        if firm is None:
            self._package = None
            self.name.setText(self.shown.name or self.tr("未选择企业"))
            self.subtitle.setText(self.shown.waiting)
            self.items.set_rows([])
            self.years.set_rows([])
            self.chart.set_data([], category_series(lang))
            self.total.setText("")
            self.total_mark.hide()
            self.capitals.setText("")
            self.handout_button.setEnabled(False)
            self.pdf_button.setEnabled(False)
            return
        variant = self._variant()
        pkg = self.session.package(firm, variant)
        self._package = pkg
        policy = self.session.policy
        self.name.setText(firm.name or self.tr("（未命名企业）"))
        title = policy.title_en if lang == "en" else f"《{policy.title}》"
        self.subtitle.setText(
            self.tr("依据{title} · {first}–{last}年").format(
                title=title, first=pkg.years[0] if pkg.years else "", last=pkg.years[-1] if pkg.years else ""
            )
        )
        rows: list[tuple[str, str, str, bool]] = []
        numbered_for_example = False
        by_item = pkg.by_item()
        seen: set[str] = set()
        for line in pkg.paying_lines():
            if line.item_id in seen:
                continue
            seen.add(line.item_id)
            clause = clause_text(line.clause, lang)
            numbered_for_example |= line.clause_status == Status.ILLUSTRATIVE.value
            illustrative = item_illustrative(pkg, line.item_id)
            rows.append((line_name(line, lang), clause, money(by_item[line.item_id], lang), illustrative))
        self.items.set_rows(rows)
        totals = pkg.by_year()
        marked_years = {ln.year for ln in pkg.paying_lines() if is_illustrative(ln)}
        self.years.set_rows(
            [(year_text(y), "", money(v, lang), y in marked_years) for y, v in totals.items()]
        )
        self.chart.set_data(
            year_bars(pkg, lang), category_series(lang), empty_text=self.tr("暂无可享受的支持")
        )
        total = pkg.total
        self.total.setText(
            self.tr("合计 {money}（{figure}）").format(money=money(total, lang), figure=figure(total))
        )
        self.capitals.setText(self.tr("大写：{capitals}").format(capitals=capitals_text(total)))
        self.total_mark.setText(self.tr("示例"))
        self.total_mark.setVisible(any(r[3] for r in rows))
        caveat = self.tr("测算值，以正式告知函为准。")
        if any(r[3] for r in rows):
            caveat += self.tr("标“示例”的金额依据示例参数，待兑现细则确认。")
        if numbered_for_example:
            caveat += self.tr("条款编号为示例编号。")
        self.caveat.setText(caveat)
        self.handout_button.setEnabled(True)
        self.pdf_button.setEnabled(True)

    # -- the handout --------------------------------------------------------------------------------
    def handout(self) -> Handout | None:
        """The handout of what is on screen (same firm, variant, numbers and marks)."""
        if self.shown.firm is None:
            return None
        self.refresh()
        pkg = self._package
        if pkg is None:
            return None
        variant = next((v for v in self._variants if v.name == self._variant_name), None)
        label = variant.label if variant is not None and variant.name != BASE else self.tr("基准方案")
        return handout(pkg, self.session.policy, label or self._variant_name, i18n.current())

    def print_handout(self) -> None:
        """打印会谈简报: print preview, from which it prints."""
        data = self.handout()
        if data is not None:
            from qt_app.ui.handout import preview

            preview(self, data)

    def save_handout(self, path: str | Path | None = None) -> Path | None:
        """存为 PDF: the handout as a one-page A4 PDF."""
        data = self.handout()
        if data is None:
            return None
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("保存会谈简报"), f"{self.tr('会谈简报')}-{data.firm}.pdf", "PDF (*.pdf)"
            )
            if not chosen:
                return None
            path = chosen
        from qt_app.ui.handout import write_pdf

        written = write_pdf(path, data)
        self.statusMessage.emit(self.tr("会谈简报已保存：{path}").format(path=written))
        return written
