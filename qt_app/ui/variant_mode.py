"""The editor's variant mode (方案编辑): the same form, showing the firm as a variant assumes it.

Every field shows the variant's value; what differs from the base is tinted, with the base value as its
tooltip ("基准：青创大厦"), and the banner lists every change in words ("入驻载体：华侨总部大楼 1000㎡（基准：
青创大厦 800㎡）"). The firm the variant assumes is judged by the same reader as the base, so an override
gets the same field messages; the variant's own name and policy assumptions are checked here. Saving keeps
only the differences (`variant_between`), so the base edited later still shows through everything else.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QWidget

from qt_app.domain.errors import DomainError, FieldProblem
from qt_app.domain.firm import Firm
from qt_app.domain.money import parse_amount
from qt_app.domain.money_format import money_words
from qt_app.domain.variants import Variant, apply_to_firm, variant_between
from qt_app.ui import firm_form, i18n
from qt_app.ui.editor_fields import policy_key
from qt_app.ui.firm_form import PARAMS, REQUIRED_ZH, Values
from qt_app.ui.widgets.variant_words import differences

if TYPE_CHECKING:
    from qt_app.ui.firm_editor import FirmEditor

CHANGED_STYLE = "background: #e3edfb; border: 1px solid #7aa3d8;"
CHANGED_COLOR = "#1b4f8a"
BANNER_STYLE = "QLabel { background: #eef4fc; border: 1px solid #9dbbe3; border-radius: 4px; padding: 6px; }"
# Who the firm is and where it stands in the pipeline belong to the base: shown, not editable here.
BASE_ONLY = ("name", "uscc", "uscc_note", "stage", "stage_reason", "owner", "outpost", "contact")
VARIANT_ONLY = ("variant.label", "variant.policy")
TAB_OF_KEY = {
    "location": "locationTab", "talents": "talentsTab", "revenue": "revenueTab", "loans": "financeTab",
    "compute_spend": "computeTab", "rnd_spend": "computeTab", "science_projects": "projectsTab",
    "scenario_projects": "projectsTab", "has_location": "locationTab", PARAMS: "policyTab",
    "variant.policy": "policyTab",
}  # fmt: skip


def _amount(text: str) -> int | str:
    """An amount as typed, in 分 when it reads (so 8400万 and 84000000 are the same), else the text."""
    try:
        return parse_amount(text.strip())
    except DomainError:
        return text.strip()


class VariantMode:
    """What the editor needs while it edits a variant: the base, the variant, its draft, its differences."""

    def __init__(self, editor: FirmEditor) -> None:
        self.editor = editor
        self.base: Firm | None = None
        self.base_values: Values = {}
        self.like: Variant | None = None  # the variant edited (name, revenue factor, older deltas)
        self.is_new = False
        self.draft: Variant | None = None  # the variant as typed, once it is valid
        self.lines: list[str] = []

    @property
    def active(self) -> bool:
        return self.like is not None

    @property
    def name(self) -> str:
        return self.like.name if self.like is not None else ""

    def start(self, base: Firm, variants: tuple[Variant, ...], like: Variant, is_new: bool) -> Values:
        """Edit `like` of `base`; returns the form values of the firm it assumes."""
        self.base, self.like, self.is_new, self.draft = base, like, is_new, None
        self.base_values = firm_form.values_from_firm(base, variants)
        values = firm_form.values_from_firm(apply_to_firm(base, like), variants)
        values["variant.label"] = like.label
        values["variant.policy"] = policy_key(like.policy_id, like.policy_version)
        values[PARAMS] = [{"path": k, "value": v} for k, v in like.param_overrides.items()]
        return values

    def stop(self) -> None:
        self.base, self.like, self.is_new, self.draft, self.lines = None, None, False, None, []
        self.base_values = {}

    def saved(self) -> None:
        """The draft is now the stored variant."""
        if self.draft is not None:
            self.like, self.is_new = self.draft, False

    # -- checking -------------------------------------------------------------------------------------------
    def check(self, values: Values, effective: Firm | None) -> list[FieldProblem]:
        """The variant's own problems (its name, its policy assumptions); its draft once all is valid."""
        assert self.like is not None and self.base is not None
        problems: list[FieldProblem] = []
        label = str(values["variant.label"]).strip()
        if not label:
            problems.append(FieldProblem("variant.label", REQUIRED_ZH, "Required"))
        elif any(
            str(v.get("label", "")).strip() == label and v.get("name") != self.like.name
            for v in values["variants"]
        ):
            problems.append(
                FieldProblem("variant.label", "已有同名方案", "Another variant already has this name")
            )
        params: dict[str, str] = {}
        rows: dict[str, int] = {}
        for i, row in enumerate(values[PARAMS]):
            path, value = row.get("path", "").strip(), row.get("value", "").strip()
            if not path and not value:
                continue
            if not path or not value:
                problems.append(
                    FieldProblem(f"{PARAMS}[{i}].{'value' if path else 'path'}", REQUIRED_ZH, "Required")
                )
            elif path in params:
                problems.append(
                    FieldProblem(f"{PARAMS}[{i}].path", "同一参数调整了两次", "The same parameter twice")
                )
            else:
                params[path], rows[path] = value, i
        policy_id, _, version = str(values["variant.policy"]).partition("@")
        variant = replace(
            self.like, label=label, policy_id=policy_id, policy_version=version, param_overrides=params
        )
        problems += self._policy_problems(variant, rows)
        self.draft = None
        if effective is not None and not problems:
            self.draft = variant_between(self.base, effective, variant)
            self.lines = [
                d.line(i18n.current())
                for d in differences(self.base, self.draft, self._policy(), i18n.current())
            ]
        return problems

    def _policy(self) -> Any:
        return self.editor.session.policy

    def _policy_problems(self, variant: Variant, rows: dict[str, int]) -> list[FieldProblem]:
        from qt_app.domain.policy import with_overrides

        try:
            policy = self.editor.session.policy_for(variant)
        except DomainError as e:
            return [FieldProblem("variant.policy", e.zh, e.en)]
        out = []
        for path, value in variant.param_overrides.items():
            try:
                with_overrides(policy, {path: value})
            except DomainError as e:
                out.append(FieldProblem(f"{PARAMS}[{rows[path]}].value", e.zh, e.en))
        return out

    # -- showing the differences ------------------------------------------------------------------------------
    def mark(self, values: Values) -> None:
        """Tint what differs from the base (the base value as tooltip), colour those tabs, fill the banner."""
        ed = self.editor
        ui = ed.ui
        active = self.active
        base = self.base_values
        tabs: set[str] = set()
        binding = ed.binding
        for key in (*binding.lines, *binding.combos, *binding.checks, *binding.dates):
            widget = binding.widget(key)
            if widget is None or key in VARIANT_ONLY:
                continue
            widget.setEnabled(not (active and key in BASE_ONLY))
            changed = active and key not in BASE_ONLY and values.get(key) != base.get(key)
            if changed and key.startswith("location.") and not values["has_location"]:
                changed = False
            self._tint(widget, changed, self._was(key, base) if changed else "")
            if changed:
                tabs.add(TAB_OF_KEY.get(key.split(".")[0], "identityTab"))
        for key in ("has_location", "has_recognition", "domains"):
            changed = active and values.get(key) != base.get(key)
            if changed:
                tabs.add(TAB_OF_KEY.get(key, "identityTab"))
        domains_changed = active and values["domains"] != base.get("domains")
        self._tint(ui.domainsList, domains_changed, "")
        ui.notesEdit.setEnabled(not active)
        tables = self._table_marks(values) if active else {}
        ed.tables.show_marks(tables)
        tabs.update(TAB_OF_KEY[key] for key, cells in tables.items() if cells)
        if active and (values["variant.policy"] or any(r.get("path") for r in values[PARAMS])):
            tabs.add("policyTab")
        bar = ui.tabs.tabBar()
        for i in range(ui.tabs.count()):
            page = ui.tabs.widget(i)
            name = page.objectName() if page is not None else ""
            if name in tabs and bar.tabTextColor(i) != QColor("#b3261e"):
                bar.setTabTextColor(i, QColor(CHANGED_COLOR))
        self._banner()

    def _was(self, key: str, base: Values) -> str:
        """The base value as staff read it: "基准：青创大厦"."""
        binding = self.editor.binding
        value = base.get(key)
        if key.startswith("location.") and not base.get("has_location"):
            shown = QCoreApplication.translate("Variants", "未填入驻载体")
        elif isinstance(value, bool):
            shown = (
                QCoreApplication.translate("Variants", "是")
                if value
                else QCoreApplication.translate("Variants", "否")
            )
        elif isinstance(binding.combos.get(key), QComboBox):
            combo = binding.combos[key]
            found = combo.findData(value)
            shown = (
                combo.itemText(found)
                if found >= 0
                else str(value or QCoreApplication.translate("Variants", "未填"))
            )
        else:
            shown = str(value) if value else QCoreApplication.translate("Variants", "未填")
        return QCoreApplication.translate("Variants", "基准：{value}").format(value=shown)

    @staticmethod
    def _tint(widget: QWidget, changed: bool, tip: str) -> None:
        kind = type(widget).__name__
        if changed:
            if not widget.styleSheet() or widget.styleSheet().endswith(f"{{ {CHANGED_STYLE} }}"):
                widget.setStyleSheet(f"{kind} {{ {CHANGED_STYLE} }}")
                widget.setToolTip(tip)  # a problem's message, when there is one, stays instead
        elif widget.styleSheet().endswith(f"{{ {CHANGED_STYLE} }}"):
            widget.setStyleSheet("")
            widget.setToolTip("")

    def _table_marks(self, values: Values) -> dict[str, dict[tuple[int, str], str]]:
        marks: dict[str, dict[tuple[int, str], str]] = {}
        base = self.base_values
        lang = i18n.current()
        for key in firm_form.YEAR_KEYS:
            before = {r["year"].strip(): _amount(r["amount"]) for r in base.get(key, [])}
            cells: dict[tuple[int, str], str] = {}
            for i, row in enumerate(values[key]):
                year, amount = row["year"].strip(), _amount(row["amount"])
                if before.get(year) != amount:
                    was = before.get(year)
                    shown = (
                        money_words(was, lang)
                        if isinstance(was, int)
                        else str(was or QCoreApplication.translate("Variants", "未填"))
                    )
                    cells[(i, "amount")] = QCoreApplication.translate("Variants", "基准：{value}").format(
                        value=shown
                    )
            marks[key] = cells
        for key in firm_form.TABLE_KEYS:
            seen = [dict(r) for r in base.get(key, [])]
            cells = {}
            for i, row in enumerate(values[key]):
                if row in seen:
                    seen.remove(row)
                else:
                    cells[(i, "")] = QCoreApplication.translate("Variants", "基准中没有此行（或内容不同）")
            marks[key] = cells
        return marks

    def _banner(self) -> None:
        ui = self.editor.ui
        if not self.active:
            ui.variantBanner.hide()
            return
        label = str(self.editor.values_now().get("variant.label", "")).strip() or QCoreApplication.translate(
            "Variants", "新方案"
        )
        head = (
            QCoreApplication.translate("Variants", "正在新建方案“{name}”（尚未保存）。").format(name=label)
            if self.is_new
            else QCoreApplication.translate("Variants", "正在编辑方案“{name}”。").format(name=label)
        )
        note = QCoreApplication.translate(
            "Variants", "与基准方案不同之处以蓝色标出；企业名称、信用代码和招商进度在基准方案中修改。"
        )
        changes = self.lines or [QCoreApplication.translate("Variants", "与基准方案相同")]
        ui.variantBanner.setStyleSheet(BANNER_STYLE)
        ui.variantBanner.setText("\n".join([head + note, *("· " + line for line in changes)]))
        ui.variantBanner.show()
