"""会谈模式 (Meeting mode): what the investor may see on the projector — this firm's package only.

Large type: the firm's name, each item's total, each year's total, the grand total in figures and in
capitals, the chart and the caveat line. Nothing internal: no other firms, stage, notes or pipeline.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from qt_app.domain.firm import Firm
from qt_app.domain.package import Package
from qt_app.domain.variants import BASE, Variant
from qt_app.services.session import Session
from qt_app.ui.widgets.bar_chart import StackedBarChart
from qt_app.ui.widgets.money_text import capitals_text, wan_text, yuan_text
from qt_app.ui.widgets.package_parts import category_series, line_name, year_bars, year_text

BASE_POINTS = 17.0


def _scaled(widget: QWidget, factor: float, bold: bool = False) -> None:
    font = QFont(widget.font())
    font.setPointSizeF(BASE_POINTS * factor)
    font.setBold(bold)
    widget.setFont(font)


class _Grid(QWidget):
    """A two-column grid of labels (name, amount) reused between refreshes."""

    def __init__(self, factor: float) -> None:
        super().__init__()
        self._factor = factor
        self._layout = QGridLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setHorizontalSpacing(24)
        self._layout.setVerticalSpacing(4)
        self._labels: list[tuple[QLabel, QLabel]] = []

    def set_rows(self, rows: list[tuple[str, str]]) -> None:
        while len(self._labels) < len(rows):
            name, amount = QLabel(), QLabel()
            _scaled(name, self._factor)
            _scaled(amount, self._factor)
            amount.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            r = len(self._labels)
            self._layout.addWidget(name, r, 0)
            self._layout.addWidget(amount, r, 1)
            self._labels.append((name, amount))
        for i, (name, amount) in enumerate(self._labels):
            shown = i < len(rows)
            name.setVisible(shown)
            amount.setVisible(shown)
            if shown:
                name.setText(rows[i][0])
                amount.setText(rows[i][1])

    def texts(self) -> list[tuple[str, str]]:
        return [(n.text(), a.text()) for n, a in self._labels if not n.isHidden()]


class MeetingView(QWidget):
    """The firm's package for the investor's eyes, in large type (会谈模式)."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._firm: Firm | None = None
        self._variants: tuple[Variant, ...] = ()
        self._variant_name = BASE
        self._package: Package | None = None
        self._build()
        self._retranslate()

    def _build(self) -> None:
        self.setAutoFillBackground(True)
        self.name = QLabel()
        _scaled(self.name, 1.9, bold=True)
        self.name.setWordWrap(True)
        self.subtitle = QLabel()
        _scaled(self.subtitle, 0.9)
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
        body.addLayout(tables, 2)
        body.addSpacing(32)
        body.addWidget(self.chart, 3)

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
        self.caveat.setStyleSheet("color: palette(placeholder-text);")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 24)
        layout.addWidget(self.name)
        layout.addWidget(self.subtitle)
        layout.addSpacing(16)
        layout.addLayout(body, 1)
        layout.addWidget(rule)
        layout.addWidget(self.total)
        layout.addWidget(self.capitals)
        layout.addSpacing(8)
        layout.addWidget(self.caveat)

    def _retranslate(self) -> None:
        self.items_title.setText(self.tr("支持事项"))
        self.years_title.setText(self.tr("各年度合计"))
        self.caveat.setText(self.tr("测算值，以政策原文及兑现审核为准"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self.refresh()
        super().changeEvent(event)

    # -- public API -------------------------------------------------------------------------------
    def show_firm(self, firm: Firm, variants: tuple[Variant, ...]) -> None:
        if self._firm is None or self._firm.id != firm.id:
            self._variant_name = BASE
        self._firm = firm
        self._variants = variants
        self.refresh()

    def set_variant(self, name: str) -> None:
        """Show the package under this variant (e.g. the one chosen as the offer)."""
        self._variant_name = name
        self.refresh()

    def package(self) -> Package | None:
        return self._package

    def visible_text(self) -> str:
        """Everything written on screen, for checks that nothing internal shows."""
        parts = [self.name.text(), self.subtitle.text(), self.items_title.text(), self.years_title.text()]
        parts += [f"{a} {b}" for a, b in self.items.texts() + self.years.texts()]
        parts += [self.total.text(), self.capitals.text(), self.caveat.text()]
        parts += [bar.label for bar in self.chart.bars()] + [s.label for s in self.chart.series()]
        return "\n".join(parts)

    def refresh(self) -> None:
        firm = self._firm
        if firm is None:
            return
        lang = self.session.lang
        variant = next((v for v in self._variants if v.name == self._variant_name), Variant())
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
        names: dict[str, str] = {}
        for line in pkg.paying_lines():
            names.setdefault(line.item_id, line_name(line, lang))
        by_item = pkg.by_item()
        self.items.set_rows([(n, wan_text(by_item[i], lang)) for i, n in names.items()])
        self.years.set_rows([(year_text(y), wan_text(v, lang)) for y, v in pkg.by_year().items()])
        self.chart.set_data(year_bars(pkg), category_series(lang), empty_text=self.tr("暂无可享受的支持"))
        total = pkg.total
        self.total.setText(
            self.tr("合计 {wan}（{yuan}）").format(wan=wan_text(total, lang), yuan=yuan_text(total))
        )
        self.capitals.setText(self.tr("大写：{capitals}").format(capitals=capitals_text(total)))
