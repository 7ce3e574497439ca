"""Reading the policy's 兑现 rules: how awards are paid (`payment`) and when they are recovered (`clawback`).

Both sections are optional (a file without them gets the illustrative defaults of `PaymentRules` and no
clawback condition). Every value is `{value, status}`; every clawback condition carries a status too, and is
registered among the policy's rules as `clawback.<id>`. A condition may not be tied to tax paid (公平竞争审查
条例): a trigger, id or wording naming tax is refused, like an item computed from tax.

```yaml
payment:
  notice_working_days: {value: 5, status: illustrative}      # 公示期（工作日）
  pay_within_working_days: {value: 60, status: illustrative} # 申报后拨付期限（工作日）
  tranche_above: {value: 50万, status: illustrative}          # 超过此额分期拨付
  first_tranche_min: {value: "0.50", status: illustrative}   # 首期不少于
  holdback: {value: "0.10", status: illustrative}            # 验收前预留
clawback:
  - {id: move_out, trigger: move_out, within_years: {value: 5, status: illustrative},
     items: [rent, landing], method: pro_rata, status: illustrative, zh: …, en: …}
```
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import yaml

from qt_app.domain.policy import (
    ClawbackCondition,
    ClawbackMethod,
    ClawbackTrigger,
    Param,
    PaymentRules,
    Rule,
    Unit,
)

if TYPE_CHECKING:
    from qt_app.domain.policy_loader import _Reader

PAYMENT_UNITS: dict[str, Unit] = {
    "notice_working_days": Unit.WORKING_DAYS,
    "pay_within_working_days": Unit.WORKING_DAYS,
    "tranche_above": Unit.FEN,
    "first_tranche_min": Unit.RATE,
    "holdback": Unit.RATE,
}
CLAWBACK_REQUIRED = {"id", "trigger", "items", "method", "status", "zh", "en"}
CLAWBACK_OPTIONAL = {"within_years"}
TAX_WORDS = ("tax", "纳税", "税收", "税额")
ALL_ITEMS = "all"


def read_payment(r: _Reader, node: yaml.Node | None) -> PaymentRules:
    """The `payment` section; keys left out keep their illustrative defaults."""
    rules = PaymentRules()
    if node is None:
        return rules
    m = r.mapping(node, "payment", set(), set(PAYMENT_UNITS))
    if m is None:
        return rules
    values: dict[str, Param] = {}
    for key, pnode in m.items():
        if key in PAYMENT_UNITS:
            p = r.param(pnode, f"payment.{key}", PAYMENT_UNITS[key], with_unit=False)
            if p is not None:
                values[key] = p
    out = PaymentRules(**values)
    if out.first_tranche_min.value + out.holdback.value > 1:
        r.bad(
            m.get("holdback") or node,
            "payment.holdback",
            "首期比例与预留比例之和不超过100%",
            "a first tranche and holdback adding up to at most 100%",
        )
    return out


def read_clawback(
    r: _Reader, node: yaml.Node | None, item_ids: set[str]
) -> tuple[tuple[ClawbackCondition, ...], dict[str, Rule]]:
    """The `clawback` list: each condition, and the same as a rule (`clawback.<id>`) with its status."""
    out: list[ClawbackCondition] = []
    rules: dict[str, Rule] = {}
    for i, cn in enumerate(r.seq(node, "clawback")):
        where = f"clawback[{i}]"
        m = r.mapping(cn, where, CLAWBACK_REQUIRED, CLAWBACK_OPTIONAL)
        if m is None:
            continue
        cid = r.text(m.get("id"), f"{where}.id") or ""
        trigger = _choice(r, m.get("trigger"), f"{where}.trigger", [t.value for t in ClawbackTrigger])
        method = _choice(r, m.get("method"), f"{where}.method", [x.value for x in ClawbackMethod])
        status = r.status(m.get("status"), f"{where}.status")
        zh = r.text(m.get("zh"), f"{where}.zh") or ""
        en = r.text(m.get("en"), f"{where}.en") or ""
        items = _items(r, m.get("items"), f"{where}.items", item_ids)
        within = None
        if "within_years" in m:
            within = r.param(m["within_years"], f"{where}.within_years", Unit.YEARS, with_unit=False)
        elif trigger == ClawbackTrigger.MOVE_OUT:
            r.bad(
                cn,
                f"{where}.within_years",
                "迁出条件的年限",
                "the years a move-out counts within",
                "缺失 / missing",
            )
        for key in ("id", "trigger", "zh", "en"):
            text = str(getattr(m.get(key), "value", "") or "")
            if any(w in text.lower() for w in TAX_WORDS):
                r.bad(m[key], f"{where}.{key}", "与纳税无关的追回条件（公平竞争审查条例禁止与纳税额挂钩）",
                      "a condition not tied to tax (the Fair Competition Review Regulations forbid it)")  # fmt: skip
        if any(c.id == cid for c in out):
            r.bad(m["id"], f"{where}.id", "不重复的条件编号", "a unique condition id", f"重复的 “{cid}”")
        if not (cid and trigger and method and zh and en) or items is None:
            continue
        cond = ClawbackCondition(cid, trigger, method, items, zh, en, status, within)
        out.append(cond)
        rules[cond.path] = Rule(cond.path, zh, en, status)
    return tuple(out), rules


def _choice(r: _Reader, node: yaml.Node | None, path: str, allowed: list[str]) -> str:
    text = r.text(node, path)
    if text is None:
        return ""
    if text not in allowed:
        words = "、".join(allowed)
        r.bad(node, path, f"{words} 之一", "one of " + ", ".join(allowed))
        return ""
    return text


def _items(r: _Reader, node: yaml.Node | None, path: str, item_ids: set[str]) -> tuple[str, ...] | None:
    """`all`, or a list of the policy's item ids."""
    if isinstance(node, yaml.ScalarNode) and str(node.value).strip() == ALL_ITEMS:
        return ()
    nodes = r.seq(node, path)
    out = []
    for i, n in enumerate(nodes):
        word = r.text(n, f"{path}[{i}]") or ""
        if word and word not in item_ids:
            r.bad(
                n,
                f"{path}[{i}]",
                "政策中的事项编号（" + "、".join(sorted(item_ids)) + "）",
                "an item id of the policy",
            )
            return None
        out.append(word)
    if not out:
        r.bad(node, path, "all 或事项编号列表", "all, or a list of item ids")
        return None
    return tuple(out)
