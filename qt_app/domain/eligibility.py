"""Firm-level eligibility (适用范围): who gets nothing at all under the policy, and why."""

from __future__ import annotations

from qt_app.domain.firm import Firm
from qt_app.domain.policy import Policy


def exclusions(firm: Firm, policy: Policy) -> list[tuple[str, str]]:
    """Reasons (zh, en) that exclude the firm from every item; empty when it may apply."""
    out: list[tuple[str, str]] = []
    if policy.exclude_trading and firm.is_trading:
        out.append(("贸易类企业不适用本政策", "Trading firms are excluded from this policy"))
    if policy.exclude_headquarters and firm.is_headquarters:
        out.append(("总部类企业不适用本政策", "Headquarters-type firms are excluded from this policy"))
    if policy.exclude_dishonest and firm.dishonest:
        out.append(("列入严重失信名单的企业不予享受", "Firms on the serious-dishonesty list are excluded"))
    if firm.mu_grade and firm.mu_grade in policy.exclude_mu_grades:
        out.append(
            (
                f"亩均效益评价为{firm.mu_grade}类的企业不予享受",
                f"Firms rated {firm.mu_grade} under the per-mu evaluation are excluded",
            )
        )
    if policy.require_registration and not firm.registers_in_qingtian:
        out.append(
            (
                "须在青田县依法登记、合法纳税的独立法人企业或研发机构方可享受",
                "Only independent legal entities registered and paying tax in Qingtian may apply",
            )
        )
    if policy.domains and not any(d in policy.domains for d in firm.domains):
        shown = "、".join(firm.domains) if firm.domains else "未填写"
        out.append(
            (
                f"所属领域（{shown}）不在政策适用的元宇宙/数字经济领域内",
                f"Domains ({', '.join(firm.domains) or 'none'}) are outside the policy's metaverse/digital-economy list",
            )
        )
    return out
