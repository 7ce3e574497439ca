"""Ledger pieces for tests, without a store: a commitment frozen from a real letter snapshot, actuals written as
an officer would (figures, evidence filled in), and claims taken through their steps with the domain's checks."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from qt_app.domain.firm_io import firm_from_dict
from qt_app.domain.ledger.actuals import YearActuals
from qt_app.domain.ledger.actuals_io import year_actuals_from_dict
from qt_app.domain.ledger.claims import Check, Claim, Terms, advance, open_claim
from qt_app.domain.ledger.commitment import Commitment, commitment_from_letter
from qt_app.domain.ledger.due import compute_due
from qt_app.domain.ledger.statement import paid_by_item_year
from qt_app.domain.ledger.steps import Accept, Apply, Notice, Pay, Review, Step, step_from_dict
from qt_app.domain.money import Fen, parse_amount
from qt_app.domain.policy import Policy
from qt_app.domain.simulate import simulate
from qt_app.domain.uscc import make_code
from qt_app.domain.variants import Variant
from qt_app.reports.snapshot import LetterTerms, build_snapshot, canonical_json
from qt_app.reports.texts import load_texts

EVIDENCE = {"type": "other", "number": "测试-001", "date": "2027-03-01"}
SINGLE = ("revenue", "compute_spend", "rnd_spend")
LISTS = ("talents", "loans", "science_projects", "scenario_projects")


def fen(v: object) -> Fen:
    return parse_amount(str(v))


def commitment_for(
    firm_data: dict[str, Any], policy: Policy, years: int = 5, issued: date = date(2025, 12, 1)
) -> Commitment:
    """A commitment as the register would hold it: the snapshot of a letter issued for this firm and policy."""
    data = {
        "name": "案例企业有限公司",
        "uscc": make_code("9", "1", "331121", "MA2CA0E01"),
        "id": "f-case",
        **firm_data,
    }
    firm, _ = firm_from_dict(data, "case")
    package = simulate(firm, policy, Variant(), years)
    snapshot = build_snapshot(
        firm=firm, variant=Variant(), package=package, policy=policy, terms=LetterTerms(), texts=load_texts(),
        letter_id="l-case", issue_date=issued, doc_number="青招〔2025〕1号", draft=False,
    )  # fmt: skip
    row = {
        "id": "l-case",
        "status": "issued",
        "doc_number": "青招〔2025〕1号",
        "content_hash": "case",
        "snapshot_json": canonical_json(snapshot).decode("utf-8"),
    }
    return commitment_from_letter(json.loads(json.dumps(row)))


def year_data(figures: dict[str, Any]) -> dict[str, Any]:
    """{revenue: 4200万, lease: {...}} → the actuals file form, one document per figure."""
    out: dict[str, Any] = {}
    for key, value in figures.items():
        if key in SINGLE:
            out[key] = {"amount": str(value), "evidence": [EVIDENCE]}
        elif key in LISTS:
            out[key] = [{**{k: str(v) for k, v in row.items()}, "evidence": [EVIDENCE]} for row in value]
        elif key == "lease":
            out[key] = {**{k: str(v) for k, v in value.items()}, "evidence": [EVIDENCE]}
        else:
            out[key] = value
    return out


def actuals_for(by_year: dict[Any, dict[str, Any]]) -> dict[int, YearActuals]:
    out = {}
    for year, figures in by_year.items():
        actual, problems = year_actuals_from_dict(year_data(figures), int(year))
        assert actual is not None and not [p for p in problems if p.severity == "error"], problems
        out[int(year)] = actual
    return out


def step_of(raw: dict[str, Any]) -> Step:
    """A case's step ({step: pay, on: …, amount: 75万, …}) as the domain's step."""
    # YAML 1.1 reads a bare `on` key as True: the step's date
    data = {("on" if k is True else k): v for k, v in raw.items() if k not in ("step", "error")}
    data["kind"] = raw["step"]
    for key in ("amount", "requested"):
        if key in data:
            data[key] = fen(data[key])
    for key in ("on", "until"):
        if key in data and isinstance(data[key], date):
            data[key] = data[key].isoformat()
    return step_from_dict(data)


class Books:
    """Claims for one commitment, each step checked against what is due at that moment (like the service)."""

    def __init__(self, commitment: Commitment, actuals: dict[int, YearActuals], policy: Policy) -> None:
        self.commitment, self.actuals, self.policy = commitment, actuals, policy
        self.claims: list[Claim] = []
        self.terms = Terms.of(policy.payment)

    def due(self, item_id: str, year: int) -> Fen:
        paid = paid_by_item_year(self.claims)
        return compute_due(self.commitment, self.actuals, self.policy, paid).amount(item_id, year)

    def check(self, claim: Claim) -> Check:
        others = sum(
            c.paid
            for c in self.claims
            if (c.item_id, c.year) == (claim.item_id, claim.year) and c.id != claim.id
        )
        return Check(self.due(claim.item_id, claim.year), others)

    def open(self, item_id: str, year: int, step: Apply) -> Claim:
        claim = open_claim(
            f"k-{len(self.claims)}", "f-case", item_id, year, self.terms, step, Check(self.due(item_id, year))
        )
        self.claims.append(claim)
        return claim

    def step(self, claim: Claim, step: Step) -> Claim:
        new = advance(claim, step, self.check(claim))
        self.claims[self.claims.index(claim)] = new
        return new

    def pay_in_full(self, item_id: str, year: int, amount: Fen) -> Claim:
        """申报 → 审核 → 公示 → 验收 → 拨付, in the year after the award."""
        y = year + 1
        claim = self.open(item_id, year, Apply(date(y, 3, 1), amount))
        for step in (
            Review(date(y, 3, 10), "审核人", True, amount),
            Notice(date(y, 3, 15)),
            Accept(date(y, 3, 16), "验收人"),
            Pay(date(y, 4, 1), amount, f"财拨〔{y}〕{len(self.claims)}号"),
        ):
            claim = self.step(claim, step)
        return claim
