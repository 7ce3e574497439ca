"""Use cases around packages: simulate a firm file, compare variants, package → plain dict (JSON/CLI)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from qt_app.domain.errors import DomainError
from qt_app.domain.firm import Firm
from qt_app.domain.money import capitals, format_yuan
from qt_app.domain.package import Package
from qt_app.domain.policy import Policy
from qt_app.domain.policy_loader import default_policy, load_policy
from qt_app.domain.simulate import simulate
from qt_app.domain.variants import BASE, Variant


def resolve_policy(path: str | Path | None) -> Policy:
    return load_policy(path) if path else default_policy()


def find_variant(variants: tuple[Variant, ...], name: str | None) -> Variant:
    """The named variant of a firm; `base` (or none) is the plan as declared."""
    if not name or name == BASE:
        return next((v for v in variants if v.name == BASE), Variant())
    for v in variants:
        if v.name == name:
            return v
    known = "、".join([BASE, *(v.name for v in variants if v.name != BASE)])
    raise DomainError(
        f"没有名为“{name}”的测算方案（可选：{known}）", f"No variant named “{name}” (known: {known})"
    )


def compare(firm: Firm, policy: Policy, variants: list[Variant], horizon: int = 5) -> list[Package]:
    """Side-by-side packages for two to four variants (方案对比)."""
    return [simulate(firm, policy, v, horizon) for v in variants]


def package_to_dict(pkg: Package) -> dict[str, Any]:
    """A JSON-ready view of a package: every line with its clause, status, explanation and parameters."""
    return {
        "firm_id": pkg.firm_id,
        "firm_name": pkg.firm_name,
        "policy": {"id": pkg.policy_id, "version": pkg.policy_version, "hash": pkg.policy_hash},
        "variant": pkg.variant,
        "years": list(pkg.years),
        "eligible": pkg.eligible,
        "exclusions": list(pkg.exclusions_zh),
        "warnings": list(pkg.warnings_zh),
        "lines": [
            {
                "item": ln.item_id,
                "name": ln.name_zh,
                "clause": ln.clause,
                "clause_status": ln.clause_status,
                "year": ln.year,
                "amount_fen": ln.amount,
                "amount": format_yuan(ln.amount),
                "benefit": ln.benefit.value,
                "status": ln.status.value,
                "explanation": ln.explanation_zh,
                "explanation_en": ln.explanation_en,
                "reason": ln.reason_zh,
                "reason_en": ln.reason_en,
                "caps": list(ln.caps),
                "params": [{"path": p.path, "value": p.display, "status": p.status} for p in ln.params],
            }
            for ln in pkg.lines
        ],
        "totals": {
            "by_year": {str(y): v for y, v in pkg.by_year().items()},
            "by_category": pkg.by_category(),
            "total_fen": pkg.total,
            "total": format_yuan(pkg.total),
            "total_capitals": "人民币" + capitals(pkg.total),
        },
    }
