"""Reading the policy's rules — eligibility, stacking, item conditions — each with its status.

Each eligibility rule is written `{value: …, status: seed|illustrative|confirmed}`; the domain list is
`{list: […], open: true|false, status: …}` (`open` when the text ends its list in "等", so a firm outside it
may be recognised). Stacking and conditions are `{zh, en, status}`. The older bare forms (a plain `true`, a
plain list, `{zh, en}`) still load; a rule that does not say where it comes from is `illustrative`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import yaml

from qt_app.domain.policy import (
    RULE_DISHONEST,
    RULE_DOMAINS,
    RULE_HEADQUARTERS,
    RULE_MU_GRADES,
    RULE_REGISTRATION,
    RULE_STACKING,
    RULE_TRADING,
    Rule,
    Status,
)

if TYPE_CHECKING:
    from qt_app.domain.policy_loader import _Reader

ELIGIBILITY_KEYS = {
    "domains", "exclude_trading", "exclude_headquarters", "exclude_dishonest", "exclude_mu_grades",
    "require_registration",
}  # fmt: skip

_FLAG_WORDS: dict[str, tuple[str, str]] = {
    "exclude_trading": ("贸易类企业不适用本政策", "Trading firms are excluded"),
    "exclude_headquarters": ("总部类企业不适用本政策", "Headquarters-type firms are excluded"),
    "exclude_dishonest": (
        "列入严重失信名单的企业不予享受",
        "Firms on the serious-dishonesty list are excluded",
    ),
    "require_registration": (
        "须为在青田县依法经营、合法纳税的独立法人企业或研发机构",
        "Only independent legal entities and R&D institutions operating and paying tax in Qingtian",
    ),
}
_FLAG_PATHS = {
    "exclude_trading": RULE_TRADING,
    "exclude_headquarters": RULE_HEADQUARTERS,
    "exclude_dishonest": RULE_DISHONEST,
    "require_registration": RULE_REGISTRATION,
}


@dataclass
class Eligibility:
    domains: tuple[str, ...] = ()
    domains_open: bool = False
    exclude_trading: bool = False
    exclude_headquarters: bool = False
    exclude_dishonest: bool = False
    exclude_mu_grades: tuple[str, ...] = ()
    require_registration: bool = False
    rules: dict[str, Rule] = field(default_factory=dict)


def _valued(
    r: _Reader, node: yaml.Node | None, path: str, inner: set[str]
) -> tuple[dict[str, yaml.Node], Status]:
    """A `{value…, status}` mapping → (its nodes, status); a bare value → ({"value": node}, illustrative)."""
    if isinstance(node, yaml.MappingNode):
        m = r.mapping(node, path, inner | {"status"})
        if m is None:
            return {}, Status.ILLUSTRATIVE
        return m, r.status(m.get("status"), f"{path}.status")
    return ({"value": node} if node is not None else {}), Status.ILLUSTRATIVE


def _texts(r: _Reader, node: yaml.Node | None, path: str) -> tuple[str, ...]:
    return tuple(r.text(n, f"{path}[{i}]") or "" for i, n in enumerate(r.seq(node, path)))


def read_eligibility(r: _Reader, node: yaml.Node | None) -> Eligibility:
    out = Eligibility()
    if node is None:
        return out
    m = r.mapping(node, "eligibility", ELIGIBILITY_KEYS)
    if m is None:
        return out
    for key, path in _FLAG_PATHS.items():
        if key not in m:
            continue
        vm, status = _valued(r, m[key], f"eligibility.{key}", {"value"})
        value = r.flag(vm.get("value"), f"eligibility.{key}" + (".value" if "status" in vm else ""))
        setattr(out, key, value)
        zh, en = _FLAG_WORDS[key]
        out.rules[path] = Rule(path, zh, en, status)
    if "exclude_mu_grades" in m:
        vm, status = _valued(r, m["exclude_mu_grades"], "eligibility.exclude_mu_grades", {"value"})
        grades = _texts(r, vm.get("value"), "eligibility.exclude_mu_grades")
        out.exclude_mu_grades = grades
        shown = "、".join(grades)
        out.rules[RULE_MU_GRADES] = Rule(
            RULE_MU_GRADES,
            f"亩均效益评价为{shown}类的企业不予享受",
            f"Firms rated {'/'.join(grades)} under the per-mu evaluation are excluded",
            status,
        )
    if "domains" in m:
        _domains(r, m["domains"], out)
    return out


def _domains(r: _Reader, node: yaml.Node, out: Eligibility) -> None:
    if isinstance(node, yaml.MappingNode):
        dm = r.mapping(node, "eligibility.domains", {"list", "open", "status"})
        if dm is None:
            return
        out.domains = _texts(r, dm.get("list"), "eligibility.domains.list")
        out.domains_open = r.flag(dm.get("open"), "eligibility.domains.open")
        status = r.status(dm.get("status"), "eligibility.domains.status")
    else:
        out.domains = _texts(r, node, "eligibility.domains")
        status = Status.ILLUSTRATIVE
    zh = "、".join(out.domains) + (
        "等元宇宙相关领域（名单开放：名单外领域经认定后适用）" if out.domains_open else ""
    )
    en = ", ".join(out.domains) + (
        " and other metaverse-related fields (an open list: others apply once recognised)"
        if out.domains_open
        else ""
    )
    out.rules[RULE_DOMAINS] = Rule(RULE_DOMAINS, zh, en, status)


def read_stacking(r: _Reader, node: yaml.Node | None) -> Rule:
    """不重复享受、就高: `{zh, en, status}`."""
    if node is None:
        return Rule(RULE_STACKING, "", "", Status.ILLUSTRATIVE)
    m = r.mapping(node, "stacking", {"zh", "en"}, {"status"})
    if m is None:
        return Rule(RULE_STACKING, "", "", Status.ILLUSTRATIVE)
    zh = r.text(m.get("zh"), "stacking.zh") or ""
    en = r.text(m.get("en"), "stacking.en") or ""
    return Rule(RULE_STACKING, zh, en, r.status(m.get("status"), "stacking.status"))


def read_conditions(
    r: _Reader, node: yaml.Node | None, item_id: str, path: str
) -> tuple[tuple[tuple[str, str], ...], list[Rule]]:
    """An item's conditions: the (zh, en) pairs screens list, and the same as rules with their status."""
    pairs: list[tuple[str, str]] = []
    rules: list[Rule] = []
    for i, cn in enumerate(r.seq(node, f"{path}.conditions")):
        where = f"{path}.conditions[{i}]"
        m = r.mapping(cn, where, {"zh", "en"}, {"status"})
        if m is None:
            continue
        zh = r.text(m.get("zh"), f"{where}.zh") or ""
        en = r.text(m.get("en"), f"{where}.en") or ""
        pairs.append((zh, en))
        rules.append(
            Rule(f"{item_id}.condition.{i + 1}", zh, en, r.status(m.get("status"), f"{where}.status"))
        )
    return tuple(pairs), rules
