"""Use cases around packages: simulate a firm file, compare variants, package → plain dict (JSON/CLI)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from qt_app.domain.errors import DomainError
from qt_app.domain.firm import Firm
from qt_app.domain.money import capitals
from qt_app.domain.money_format import figure
from qt_app.domain.package import Benefit, Package, RuleRead
from qt_app.domain.policy import Policy
from qt_app.domain.policy_loader import default_policy, load_policy
from qt_app.domain.simulate import simulate
from qt_app.domain.variants import BASE, Variant


def resolve_policy(path: str | Path | None) -> Policy:
    return load_policy(path) if path else default_policy()


def find_variant(variants: tuple[Variant, ...], name: str | None) -> Variant:
    """The variant of a firm by its name (id) or, failing that, its label; `base` (or none) is the plan as
    declared."""
    if not name or name == BASE:
        return next((v for v in variants if v.name == BASE), Variant())
    for v in variants:
        if v.name == name:
            return v
    for v in variants:
        if v.label == name.strip():
            return v
    known = "、".join([BASE, *(v.name for v in variants if v.name != BASE)])
    raise DomainError(
        f"没有名为“{name}”的测算方案（可选：{known}）", f"No variant named “{name}” (known: {known})"
    )


def check_policy(variant: Variant, policy: Policy) -> None:
    """A variant that assumes another policy version is computed under that version only: DomainError when
    `policy` is not it (the CLI says which file to pass with --policy)."""
    if not variant.policy_id:
        return
    if variant.policy_id == policy.id and variant.policy_version in ("", policy.version):
        return
    wanted = " ".join(x for x in (variant.policy_id, variant.policy_version) if x)
    raise DomainError(
        f"方案“{variant.label}”依据政策版本 {wanted}（当前为 {policy.id} {policy.version}）；"
        "请用 --policy 指定该版本的政策文件",
        f"Variant “{variant.label}” assumes policy {wanted} (this is {policy.id} {policy.version}); "
        "pass that version's file with --policy",
    )


def compare(firm: Firm, policy: Policy, variants: list[Variant], horizon: int = 5) -> list[Package]:
    """Side-by-side packages for two to four variants (方案对比)."""
    return [simulate(firm, policy, v, horizon) for v in variants]


def package_to_dict(pkg: Package) -> dict[str, Any]:
    """A JSON-ready view of a package: every line with its clause, status, explanation and parameters.

    Totals keep cash, vouchers and in-kind apart (`total` = their sum); 待认定 amounts are under `pending`,
    never inside `total`. Every rule the package applied carries its status (seed / illustrative / confirmed).
    """
    benefits = pkg.by_benefit()
    return {
        "firm_id": pkg.firm_id,
        "firm_name": pkg.firm_name,
        "policy": {"id": pkg.policy_id, "version": pkg.policy_version, "hash": pkg.policy_hash},
        "variant": pkg.variant,
        "years": list(pkg.years),
        "eligible": pkg.eligible,
        "exclusions": list(pkg.exclusions_zh),
        "exclusions_en": list(pkg.exclusions_en),
        "exclusion_rules": [_rule(r) for r in pkg.exclusion_rules],
        "rules": [_rule(r) for r in pkg.rules],
        "warnings": list(pkg.warnings_zh),
        "warnings_en": list(pkg.warnings_en),
        "lines": [
            {
                "item": ln.item_id,
                "name": ln.name_zh,
                "name_en": ln.name_en,
                "clause": ln.clause,
                "clause_en": ln.clause_en,
                "clause_status": ln.clause_status,
                "year": ln.year,
                "amount_fen": ln.amount,
                "amount": figure(ln.amount),
                "would_be_fen": ln.would_be,
                "deducted_fen": ln.deducted,
                "benefit": ln.benefit.value,
                "status": ln.status.value,
                "explanation": ln.explanation_zh,
                "explanation_en": ln.explanation_en,
                "reason": ln.reason_zh,
                "reason_en": ln.reason_en,
                "caps": list(ln.caps),
                "params": [
                    {
                        "path": p.path,
                        "label": p.label_zh,
                        "label_en": p.label_en,
                        "value": p.display,
                        "value_en": p.display_en,
                        "status": p.status,
                    }
                    for p in ln.params
                ],
            }
            for ln in pkg.lines
        ],
        "totals": {
            "by_year": {str(y): v for y, v in pkg.by_year().items()},
            "by_year_benefit": {
                str(y): {b.value: v for b, v in row.items()} for y, row in pkg.by_year_benefit().items()
            },
            "by_category": pkg.by_category(),
            "cash_fen": benefits[Benefit.CASH],
            "voucher_fen": benefits[Benefit.VOUCHER],
            "in_kind_fen": benefits[Benefit.IN_KIND],
            "cash": figure(benefits[Benefit.CASH]),
            "voucher": figure(benefits[Benefit.VOUCHER]),
            "in_kind": figure(benefits[Benefit.IN_KIND]),
            "total_fen": pkg.total,
            "total": figure(pkg.total),
            "total_capitals": "人民币" + capitals(pkg.total),
            "pending_fen": pkg.pending_total,
            "pending": figure(pkg.pending_total),
            "pending_by_year": {str(y): v for y, v in pkg.by_year_pending().items()},
        },
    }


def _rule(r: RuleRead) -> dict[str, str]:
    return {"path": r.path, "zh": r.zh, "en": r.en, "status": r.status}
