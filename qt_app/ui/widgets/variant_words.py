"""A variant's changes in words (方案差异), each beside what it derives from.

"入驻载体：华侨总部大楼 1000㎡（基准：青创大厦 800㎡）", "营收计划：2027年 5000万元（基准：3000万元）".
Firm what-ifs and policy assumptions are told apart (`Difference.policy`) so screens can mark the latter.
Formatting only: the effective firm comes from `apply_to_firm`, amounts from `money_format`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from qt_app.domain.firm import LEVEL_LABELS, DomainRecognition, Firm, Location
from qt_app.domain.firm_labels import FIRM_FIELD_LABELS
from qt_app.domain.money import Fen
from qt_app.domain.money_format import money_words
from qt_app.domain.variants import OVERRIDABLE, Variant, apply_to_firm
from qt_app.ui.widgets.words import domain_name, find_param, param_name, param_value_en

if TYPE_CHECKING:
    from qt_app.domain.policy import Policy

Pair = tuple[str, str]

LABELS: dict[str, Pair] = {  # the editor's field names, and what only a variant changes
    **FIRM_FIELD_LABELS,
    "recognition": FIRM_FIELD_LABELS["domain_recognition"],
    "policy": ("政策版本", "Policy version"),
    "param_overrides": ("政策参数", "Policy parameter"),
}


@dataclass(frozen=True)
class Difference:
    """One change of a variant: which field, the change in words, and whether it is a policy assumption."""

    key: str  # a Firm field, or "policy" / "param_overrides"
    field: str
    text: str
    policy: bool = False

    def line(self, lang: str) -> str:
        return f"{self.field}: {self.text}" if lang == "en" else f"{self.field}：{self.text}"


def _pick(pair: Pair, lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def _number(d: Decimal) -> str:
    text = f"{d:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _site(policy: Policy | None, site_id: str, lang: str) -> str:
    for site in policy.sites if policy is not None else ():
        if site.id == site_id:
            return site.en if lang == "en" else site.zh
    return site_id


def _location(loc: Location | None, other: Location | None, policy: Policy | None, lang: str) -> str:
    """Site and area always; rent and move-in date when they are what differs."""
    if loc is None:
        return "no site" if lang == "en" else "不入驻载体"
    area = _number(loc.area_m2)
    parts = [
        f"{_site(policy, loc.site, lang)} {area} m²"
        if lang == "en"
        else f"{_site(policy, loc.site, lang)} {area}㎡"
    ]
    if other is None or other.rent_per_m2_day != loc.rent_per_m2_day:
        rent = _number(loc.rent_per_m2_day)
        parts.append(f"¥{rent}/m²/day" if lang == "en" else f"{rent}元/㎡/天")
    if other is None or other.move_in != loc.move_in:
        day = loc.move_in.isoformat()
        parts.append(f"moving in {day}" if lang == "en" else f"{day}入驻")
    return " · ".join(parts)


def _years(now: Mapping[int, Fen], before: Mapping[int, Fen], lang: str) -> str:
    """Only the years that differ: "2027年 5000万元（基准：3000万元）"."""
    none = "none" if lang == "en" else "未填"
    out = []
    for year in sorted(set(now) | set(before)):
        a, b = now.get(year), before.get(year)
        if a == b:
            continue
        shown = money_words(a, lang) if a is not None else none
        was = money_words(b, lang) if b is not None else none
        out.append(f"{year}: {shown} (base: {was})" if lang == "en" else f"{year}年 {shown}（基准：{was}）")
    return "; ".join(out) if lang == "en" else "；".join(out)


def _rows(value: Any, lang: str, key: str) -> str:
    rows = tuple(value)
    if not rows:
        return "none" if lang == "en" else "无"
    if key == "talents":
        people = sum(t.count for t in rows)
        if len(rows) <= 3:
            return (
                ", ".join(f"{t.count} × {t.level} ({t.arrival_year})" for t in rows)
                if lang == "en"
                else ("、".join(f"{t.level}类{t.count}人（{t.arrival_year}年）" for t in rows))
            )
        return f"{len(rows)} groups, {people} people" if lang == "en" else f"{len(rows)}组共{people}人"
    if key == "loans":
        total = money_words(sum(ln.principal for ln in rows), lang)
        return (
            f"{len(rows)} loan(s), principal {total}" if lang == "en" else f"{len(rows)}笔，本金合计{total}"
        )
    if key == "science_projects":
        levels = "、".join(_pick(LEVEL_LABELS[p.level], "zh") for p in rows)
        total = money_words(sum(p.allocated for p in rows), lang)
        return (
            f"{len(rows)} project(s), {total} allocated"
            if lang == "en"
            else f"{len(rows)}项（{levels}），下拨合计{total}"
        )
    total = money_words(sum(p.contract_value for p in rows), lang)
    return (
        f"{len(rows)} project(s), contracts {total}" if lang == "en" else f"{len(rows)}项，合同额合计{total}"
    )


def _recognition(rec: DomainRecognition | None, lang: str) -> str:
    if rec is None:
        return "not decided" if lang == "en" else "未认定"
    if lang == "en":
        verdict = "recognised" if rec.recognised else "not recognised"
        return f"{verdict} ({rec.decided_by}, {rec.decided_on.isoformat()})"
    verdict = "认定为相关领域" if rec.recognised else "认定不属于相关领域"
    return f"{verdict}（{rec.decided_by}，{rec.decided_on.isoformat()}）"


def _plain(name: str, value: Any, lang: str) -> str:
    yes_no = ("yes", "no") if lang == "en" else ("是", "否")
    if isinstance(value, bool):
        return yes_no[0] if value else yes_no[1]
    if name == "entity_type":
        return _pick(
            ("独立法人企业", "enterprise")
            if value.value == "enterprise"
            else ("研发机构", "R&D institution"),
            lang,
        )
    if name == "grade":
        return f"grade {value}" if lang == "en" else f"{value}类"
    if name == "mu_grade":
        return value or ("not rated" if lang == "en" else "未评价")
    if name == "domains":
        names = [domain_name(d, lang) for d in value]
        return (", " if lang == "en" else "、").join(names) or ("none" if lang == "en" else "未填")
    if name == "investment":
        return money_words(int(value), lang)
    if name == "start_year":
        if value is None:
            return "from the move-in or first plan year" if lang == "en" else "按入驻或首个计划年度"
        return str(value) if lang == "en" else f"{value}年"
    return str(value)


def _describe(name: str, policy: Policy | None, lang: str) -> Callable[[Any, Any], str]:
    """How one field's value reads, given the other side (location shows what differs)."""
    if name == "location":
        return lambda v, other: _location(v, other, policy, lang)
    if name in ("talents", "loans", "science_projects", "scenario_projects"):
        return lambda v, _other: _rows(v, lang, name)
    if name == "recognition":
        return lambda v, _other: _recognition(v, lang)
    return lambda v, _other: _plain(name, v, lang)


def differences(base: Firm, variant: Variant, policy: Policy | None, lang: str) -> list[Difference]:
    """Every change the variant makes, firm what-ifs first (in the form's order), then policy assumptions."""
    effective = apply_to_firm(base, variant)
    out: list[Difference] = []
    for name in OVERRIDABLE:
        now, before = getattr(effective, name), getattr(base, name)
        if now == before and not (name == "revenue" and variant.revenue_factor is not None):
            continue
        label = _pick(LABELS[name], lang)
        if name in ("revenue", "compute_spend", "rnd_spend"):
            text = _years(now, before, lang)
            if name == "revenue" and variant.revenue_factor is not None:
                factor = _number(variant.revenue_factor)  # every year scaled: the factor says it all
                text = f"base revenue × {factor}" if lang == "en" else f"基准营收 × {factor}"
        else:
            describe = _describe(name, policy, lang)
            shown, was = describe(now, before), describe(before, now)
            text = f"{shown} (base: {was})" if lang == "en" else f"{shown}（基准：{was}）"
        out.append(Difference(name, label, text))
    out += policy_differences(variant, policy, lang)
    return out


def policy_differences(variant: Variant, policy: Policy | None, lang: str) -> list[Difference]:
    """The variant's policy assumptions, each marked as one ("政策假设")."""
    mark = " (policy assumption)" if lang == "en" else "（政策假设）"
    out = []
    if variant.policy_id:
        text = " ".join(p for p in (variant.policy_id, variant.policy_version) if p)
        out.append(Difference("policy", _pick(LABELS["policy"], lang), text + mark, True))
    for path, value in variant.param_overrides.items():
        param = find_param(policy, path)
        name = param_name(path, "", lang)
        try:
            item = policy.item(path.split(".")[0]) if policy is not None else None
        except KeyError:
            item = None
        where = (item.en if lang == "en" else item.zh) if item is not None else path.split(".")[0]
        current = ""
        if param is not None:
            shown = param_value_en(param) if lang == "en" else param.display()
            current = f", now {shown}" if lang == "en" else f"，现行{shown}"
        text = (
            f"{where}: {name.lower()} = {value}{current}"
            if lang == "en"
            else f"{where}{name} = {value}{current}"
        )
        out.append(Difference("param_overrides", _pick(LABELS["param_overrides"], lang), text + mark, True))
    return out


def summary(base: Firm, variant: Variant, policy: Policy | None, lang: str) -> str:
    """All the changes on one line each (tooltips, the editor's banner)."""
    lines = [d.line(lang) for d in differences(base, variant, policy, lang)]
    return "\n".join(lines) or ("Same as the base" if lang == "en" else "与基准方案相同")


def param_choices(policy: Policy) -> tuple[tuple[str, Pair], ...]:
    """Every parameter of the policy a variant may assume another value for, named with its current value:
    ("rent.cap_per_year", ("租金支持 · 年度上限（现行100万元）", "Rent subsidy: cap per year (now ¥1 million)"))."""
    out: list[tuple[str, Pair]] = []
    for item in policy.items:
        reads = [(f"{item.id}.{name}", p) for name, p in item.params.items()]
        reads += [(f"{item.id}.tier.{t.key}", t.value) for t in item.tiers]
        for path, param in reads:
            zh = f"{item.zh} · {param_name(path, '', 'zh')}（现行{param.display()}）"
            en = f"{item.en}: {param_name(path, '', 'en').lower()} (now {param_value_en(param)})"
            out.append((path, (zh, en)))
    return tuple(out)


def shown_label(variant: Variant) -> str:
    """A variant's label as read on screen (see `label_shown`)."""
    return label_shown(variant.name, variant.label)


def label_shown(name: str, label: str) -> str:
    """The built-in revenue plans (保守方案, 乐观方案, stored in Chinese) in the reader's language; what staff
    typed, as typed."""
    built_in = {
        ("conservative", "保守方案"): QCoreApplication.translate("Variants", "保守方案"),
        ("optimistic", "乐观方案"): QCoreApplication.translate("Variants", "乐观方案"),
    }
    return built_in.get((name, label), label or name)


def variant_title(label: str, policy: bool, offer: bool) -> str:
    """A variant as listed: its label, marked as the offer or as a policy assumption ("租金上限200万（政策假设）")."""
    marks = [QCoreApplication.translate("Variants", "（报价方案）")] if offer else []
    marks += [QCoreApplication.translate("Variants", "（政策假设）")] if policy else []
    return label + "".join(marks)
