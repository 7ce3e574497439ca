"""Actuals back to the file form (实绩的字典形式): what the store keeps and `ledger show --format json` prints,
read back by `actuals_io.year_actuals_from_dict` to an equal year (scans by sha256, never by path)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from qt_app.domain.ledger.actuals import Amount, Evidence, YearActuals


def _yuan(fen: int) -> str:
    return f"{fen // 100}.{fen % 100:02d}"


def evidence_to_dict(e: Evidence) -> dict[str, Any]:
    out: dict[str, Any] = {"type": e.doc_type, "number": e.number, "date": e.issued_on.isoformat()}
    if e.sha256:
        out["sha256"] = e.sha256
    if e.file_name:
        out["file_name"] = e.file_name
    if e.received_on is not None:
        out["received_on"] = e.received_on.isoformat()
    if e.received_by:
        out["received_by"] = e.received_by
    return out


def _ev(items: tuple[Evidence, ...]) -> list[dict[str, Any]]:
    return [evidence_to_dict(e) for e in items]


def year_actuals_to_dict(a: YearActuals) -> dict[str, Any]:
    """The year as `year_actuals_from_dict` reads it back (scans by sha256, not by path)."""
    out: dict[str, Any] = {}
    if a.lease is not None:
        ls = a.lease
        out["lease"] = {
            "site": ls.site,
            "area_m2": str(ls.area_m2),
            "rent_per_m2_day": str(ls.rent_per_m2_day),
            "move_in": ls.move_in.isoformat(),
            **({"move_out": ls.move_out.isoformat()} if ls.move_out else {}),
            "evidence": _ev(ls.evidence),
        }
    for key in ("revenue", "compute_spend", "rnd_spend"):
        amount: Amount | None = getattr(a, key)
        if amount is not None:
            out[key] = {"amount": _yuan(amount.amount), "evidence": _ev(amount.evidence)}
    if a.talents:
        out["talents"] = [
            {"level": t.level, "count": t.count, "housing": t.housing.value, "evidence": _ev(t.evidence)}
            for t in a.talents
        ]
    if a.loans:
        out["loans"] = [
            {
                "lender": ln.lender,
                "principal": _yuan(ln.principal),
                "years": ln.years,
                "guarantee_fee": _yuan(ln.guarantee_fee),
                "evidence": _ev(ln.evidence),
            }
            for ln in a.loans
        ]
    if a.science_projects:
        out["science_projects"] = [
            {
                "name": s.name,
                "level": s.level.value,
                "allocated": _yuan(s.allocated),
                "evidence": _ev(s.evidence),
            }
            for s in a.science_projects
        ]
    if a.scenario_projects:
        out["scenario_projects"] = [
            {"name": s.name, "contract_value": _yuan(s.contract_value), "evidence": _ev(s.evidence)}
            for s in a.scenario_projects
        ]
    if a.reported_on is not None:
        out["reported_on"] = a.reported_on.isoformat()
    if a.note:
        out["note"] = a.note
    return out


def with_scans(a: YearActuals, scans: Mapping[str, tuple[str, str]]) -> YearActuals:
    """The same year with each evidence's `source` path replaced by its stored scan (sha256, file name)."""

    def fix(items: tuple[Evidence, ...]) -> tuple[Evidence, ...]:
        out = []
        for e in items:
            if e.source and e.source in scans:
                digest, name = scans[e.source]
                e = replace(e, sha256=digest, file_name=e.file_name or name, source="")
            out.append(e)
        return tuple(out)

    lease = replace(a.lease, evidence=fix(a.lease.evidence)) if a.lease else None
    changes: dict[str, Any] = {"lease": lease}
    for k in ("revenue", "compute_spend", "rnd_spend"):
        if (v := getattr(a, k)) is not None:
            changes[k] = replace(v, evidence=fix(v.evidence))
    for k in ("talents", "loans", "science_projects", "scenario_projects"):
        changes[k] = tuple(replace(x, evidence=fix(x.evidence)) for x in getattr(a, k))
    return replace(a, **changes)
