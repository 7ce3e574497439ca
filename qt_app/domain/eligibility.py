"""Firm-level eligibility (适用范围): who gets nothing at all under the policy, who is 待认定, and why.

Every exclusion names the rule behind it and that rule's status. A rule the article states (贸易类, 总部类,
registration) is worded as definitive; an illustrative one (严重失信, 亩均 C/D — from comparable policies)
is worded as provisional: "按示例规则（待兑现细则确认）不予享受：…".

The domain list is open when the policy says so (the article's list ends in "等"): a firm in another field,
or with no field entered, is 待认定 — its items are computed and shown apart — until the county records a
decision (`Firm.recognition`): recognised → paid like a listed firm; not recognised → excluded.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from qt_app.domain.firm import Firm
from qt_app.domain.package import ParamRead, RuleRead
from qt_app.domain.policy import (
    RULE_DISHONEST,
    RULE_DOMAINS,
    RULE_HEADQUARTERS,
    RULE_MU_GRADES,
    RULE_REGISTRATION,
    RULE_STACKING,
    RULE_TRADING,
    Policy,
    Rule,
    Status,
)
from qt_app.domain.wording import date_words

PROVISIONAL_ZH = "按示例规则（待兑现细则确认）不予享受："
PROVISIONAL_EN = "Not eligible under an illustrative rule (to be confirmed by the implementing rules): "


class Standing(StrEnum):
    """Where the firm stands against the policy's field list."""

    LISTED = "listed"  # a field the text lists (or the policy lists none)
    RECOGNISED = "recognised"  # 经认定为元宇宙相关领域
    PENDING = "pending"  # 待认定: outside the open list, or no field entered, and no decision yet
    REFUSED = "refused"  # 经认定不属于
    OUTSIDE = "outside"  # outside a closed list


@dataclass(frozen=True)
class DomainStanding:
    standing: Standing
    zh: str  # the basis in words, e.g. "大数据（待认定为元宇宙相关领域）"
    en: str
    status: str  # the rule's status, or "confirmed" for the county's own decision

    def read(self) -> ParamRead:
        """The basis as a line shows it among its parameters (badge: 原文 / 已确认)."""
        return ParamRead(RULE_DOMAINS, "适用领域", self.zh, self.status, "field", self.en)


def _fields(firm: Firm, lang: str) -> str:
    if not firm.domains:
        return "未填写" if lang == "zh" else "none entered"
    return ("、" if lang == "zh" else ", ").join(firm.domains)


def domain_standing(firm: Firm, policy: Policy) -> DomainStanding:
    rule = policy.rule(RULE_DOMAINS)
    rec = firm.recognition
    shown_zh, shown_en = _fields(firm, "zh"), _fields(firm, "en")
    if rec is not None:
        field_zh = rec.domain or shown_zh
        field_en = rec.domain or shown_en
        who_zh = f"经{rec.decided_by}于{date_words(rec.decided_on, 'zh')}"
        who_en = f"by {rec.decided_by} on {date_words(rec.decided_on, 'en')}"
        if not rec.recognised:
            return DomainStanding(
                Standing.REFUSED,
                f"{field_zh}（{who_zh}认定不属于元宇宙相关领域）",
                f"{field_en} (decided {who_en} not to be metaverse-related)",
                Status.CONFIRMED.value,
            )
        if not any(d in policy.domains for d in firm.domains):
            return DomainStanding(
                Standing.RECOGNISED,
                f"{field_zh}（{who_zh}认定为元宇宙相关领域）",
                f"{field_en} (recognised as metaverse-related {who_en})",
                Status.CONFIRMED.value,
            )
    if not policy.domains or any(d in policy.domains for d in firm.domains):
        listed = [d for d in firm.domains if d in policy.domains]
        return DomainStanding(
            Standing.LISTED, "、".join(listed) or shown_zh, ", ".join(listed) or shown_en, rule.status.value
        )
    if policy.domains_open:
        return DomainStanding(
            Standing.PENDING,
            f"{shown_zh}（待认定为元宇宙相关领域）",
            f"{shown_en} (awaiting recognition as metaverse-related)",
            rule.status.value,
        )
    return DomainStanding(Standing.OUTSIDE, shown_zh, shown_en, rule.status.value)


# rule → (definitive words, provisional fact) in zh and en; {g} is the firm's 亩均 grade, {f} its fields.
_WORDS: dict[str, tuple[str, str, str, str]] = {
    RULE_TRADING: (
        "贸易类企业不适用本政策", "Trading firms are excluded from this policy",
        "企业为贸易类", "the firm is a trading firm",
    ),
    RULE_HEADQUARTERS: (
        "总部类企业不适用本政策", "Headquarters-type firms are excluded from this policy",
        "企业为总部类", "the firm is headquarters-type",
    ),
    RULE_DISHONEST: (
        "列入严重失信名单的企业不予享受", "Firms on the serious-dishonesty list are excluded",
        "企业列入严重失信名单", "the firm is on the serious-dishonesty list",
    ),
    RULE_MU_GRADES: (
        "亩均效益评价为{g}类的企业不予享受", "Firms rated {g} under the per-mu evaluation are excluded",
        "亩均效益评价为{g}类", "the firm is rated {g} under the per-mu evaluation",
    ),
    RULE_REGISTRATION: (
        "须在青田县依法登记、合法纳税的独立法人企业或研发机构方可享受",
        "Only independent legal entities registered and paying tax in Qingtian may apply",
        "企业不在青田县登记纳税", "the firm does not register and pay tax in Qingtian",
    ),
    RULE_DOMAINS: (
        "所属领域（{f}）不在政策适用的元宇宙/数字经济领域内",
        "Fields ({f}) are outside the policy's metaverse/digital-economy list",
        "所属领域（{f}）不在领域名单内", "fields ({f}) are outside the list of fields",
    ),
}  # fmt: skip


def _excluded(rule: Rule, g: str = "", f: tuple[str, str] = ("", "")) -> RuleRead:
    """One exclusion, worded as definitive only when its rule is the article's (or confirmed)."""
    zh, en, fact_zh, fact_en = _WORDS[rule.path]
    if rule.official:
        return RuleRead(rule.path, zh.format(g=g, f=f[0]), en.format(g=g, f=f[1]), rule.status.value)
    return RuleRead(
        rule.path,
        PROVISIONAL_ZH + fact_zh.format(g=g, f=f[0]),
        PROVISIONAL_EN + fact_en.format(g=g, f=f[1]),
        rule.status.value,
    )


def _active(policy: Policy) -> dict[str, bool]:
    return {
        RULE_TRADING: policy.exclude_trading,
        RULE_HEADQUARTERS: policy.exclude_headquarters,
        RULE_REGISTRATION: policy.require_registration,
        RULE_DISHONEST: policy.exclude_dishonest,
        RULE_MU_GRADES: bool(policy.exclude_mu_grades),
        RULE_STACKING: bool(policy.stacking_zh),
    }


def exclusions(firm: Firm, policy: Policy, standing: DomainStanding | None = None) -> list[RuleRead]:
    """The rules that exclude the firm from every item, each worded by its status; empty when it may apply."""
    hits = (
        (RULE_TRADING, policy.exclude_trading and firm.is_trading),
        (RULE_HEADQUARTERS, policy.exclude_headquarters and firm.is_headquarters),
        (RULE_DISHONEST, policy.exclude_dishonest and firm.dishonest),
        (RULE_MU_GRADES, bool(firm.mu_grade) and firm.mu_grade in policy.exclude_mu_grades),
        (RULE_REGISTRATION, policy.require_registration and not firm.registers_in_qingtian),
    )
    out = [_excluded(policy.rule(path), g=firm.mu_grade) for path, hit in hits if hit]
    standing = standing or domain_standing(firm, policy)
    if standing.standing is Standing.REFUSED:
        out.append(
            RuleRead(
                RULE_DOMAINS,
                f"所属领域{standing.zh}，不适用本政策",
                f"Field {standing.en}: the policy does not apply",
                standing.status,
            )
        )
    elif standing.standing is Standing.OUTSIDE:
        out.append(_excluded(policy.rule(RULE_DOMAINS), f=(standing.zh, standing.en)))
    return out


def rules_applied(policy: Policy, standing: DomainStanding) -> tuple[RuleRead, ...]:
    """The firm-level rules a package rests on, with their status: the field basis, the exclusions checked,
    and the stacking rule (就高、不重复)."""
    out = [RuleRead(RULE_DOMAINS, f"适用领域：{standing.zh}", f"Field: {standing.en}", standing.status)]
    for path, active in _active(policy).items():
        rule = policy.rules.get(path)
        if active and rule is not None and rule.zh:
            out.append(RuleRead(rule.path, rule.zh, rule.en, rule.status.value))
    return tuple(out)
