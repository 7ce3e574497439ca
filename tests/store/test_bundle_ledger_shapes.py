"""The ledger's bundle sections are checked like a firm file: every problem with its path, nothing written —
even when the sender signed the malformed body itself."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from qt_app.domain.errors import ValidationError
from qt_app.domain.ledger import steps as s
from qt_app.domain.money import wan
from qt_app.reports.signing import KeyRing
from qt_app.services import ledger as L
from qt_app.services.bundles import export_bundle, import_bundle
from qt_app.services.firms import open_store
from qt_app.services.offices import set_office_role
from qt_app.store.bundle_format import signed_bytes
from tests.store.conftest import pin_hq
from tests.store.ledger_fixtures import actuals_file, evidence, issue_letter, landed_firm, scan, tables

Body = dict[str, Any]


@pytest.fixture(scope="module")
def sent(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Body]]:
    """HQ's bundle with every ledger kind: a letter, actuals with a scan, a claim paid in part."""
    root = tmp_path_factory.mktemp("shapes")
    with open_store(root / "hq", auto_backup=False) as hq:
        firm = landed_firm(1, grade="C")
        issue_letter(hq, firm)
        years = {"2026": {"revenue": {"amount": "1.2亿", "evidence": evidence(file=scan(root))}}}
        L.record_actuals_file(hq, actuals_file(root, firm, years))
        claim = L.open_claim(hq, L.OpenClaim(firm.id, "revenue", 2026, date(2027, 4, 1))).claim_ids[0]
        for step in (s.Review(date(2027, 4, 10), "钱", True, wan(150)), s.Notice(date(2027, 4, 12)),
                     s.Pay(date(2027, 4, 20), wan(75), "财拨〔2027〕11号")):  # fmt: skip
            L.advance_claim(hq, L.ClaimStep(claim, step))
        export_bundle(hq, root / "hq.json")
    yield root, json.loads((root / "hq.json").read_text(encoding="utf-8"))


def _sec(body: Body, kind: str) -> list[Any]:
    return list(body["sections"][kind])


CASES: dict[str, tuple[Callable[[Body], None], str]] = {
    "a role nobody has": (lambda b: b.__setitem__("role", "chief"), "body.role"),
    "a draft letter": (lambda b: _sec(b, "letters")[0].__setitem__("status", "draft"), "sections.letters[0].status"),
    "a letter's hash cut short": (
        lambda b: _sec(b, "letters")[0].__setitem__("content_hash", "ab12"), "sections.letters[0].content_hash"),
    "a letter's number as a number": (
        lambda b: _sec(b, "letters")[0].__setitem__("doc_number", 7), "sections.letters[0].doc_number"),
    "a letter without its note column": (lambda b: _sec(b, "letters")[0].pop("note"), "sections.letters[0].note"),
    "a letter's firm name as null": (
        lambda b: _sec(b, "letters")[0].__setitem__("firm_name", None), "sections.letters[0].firm_name"),
    "a payment's reason as null": (
        lambda b: _sec(b, "claims")[0]["payments"][0].__setitem__("override_reason", None),
        "sections.claims[0].payments[0].override_reason"),
    "who recorded a step as null": (
        lambda b: _sec(b, "claims")[0]["steps"][0].__setitem__("who", None), "sections.claims[0].steps[0].who"),
    "the source of actuals as null": (
        lambda b: _sec(b, "ledger")[0].__setitem__("source", None), "sections.ledger[0].source"),
    "a policy's hash not hex": (
        lambda b: _sec(b, "policies")[0].__setitem__("hash", "Z" * 64), "sections.policies[0].hash"),
    "a year as text": (lambda b: _sec(b, "ledger")[0].__setitem__("year", "2026"), "sections.ledger[0].year"),
    "figures as a list": (lambda b: _sec(b, "ledger")[0].__setitem__("data", []), "sections.ledger[0].data"),
    "a scan's hash not hex": (
        lambda b: _sec(b, "ledger")[0]["scans"][0].__setitem__("sha256", "nope"), "sections.ledger[0].scans[0].sha256"),
    "a scan without its bytes": (
        lambda b: _sec(b, "ledger")[0]["scans"][0].pop("data"), "sections.ledger[0].scans[0].data"),
    "the same firm and year twice": (
        lambda b: b["sections"]["ledger"].append(_sec(b, "ledger")[0]), "sections.ledger[1].year"),
    "an unknown step": (
        lambda b: _sec(b, "claims")[0]["steps"][1]["step"].__setitem__("kind", "bribe"),
        "sections.claims[0].steps[1].step.kind"),
    "an amount as text": (
        lambda b: _sec(b, "claims")[0]["steps"][1]["step"].__setitem__("amount", "150万"),
        "sections.claims[0].steps[1].step.amount"),
    "a step with a field of its own": (
        lambda b: _sec(b, "claims")[0]["steps"][0]["step"].__setitem__("bonus", 1),
        "sections.claims[0].steps[0].step.bonus"),
    "a date that is no date": (
        lambda b: _sec(b, "claims")[0]["steps"][2]["step"].__setitem__("on", "2027-02-30"),
        "sections.claims[0].steps[2].step.on"),
    "no steps at all": (lambda b: _sec(b, "claims")[0].__setitem__("steps", []), "sections.claims[0].steps"),
    "a holdback of 200%": (
        lambda b: _sec(b, "claims")[0]["terms"].__setitem__("holdback", "2"), "sections.claims[0].terms.holdback"),
    "a payment's holdback as true": (
        lambda b: _sec(b, "claims")[0]["payments"][0].__setitem__("holdback", True),
        "sections.claims[0].payments[0].holdback"),
    "the same payment twice": (
        lambda b: _sec(b, "claims")[0]["payments"].append(dict(_sec(b, "claims")[0]["payments"][0])),
        "sections.claims[0].payments[1].id"),
    "a negative payment": (
        lambda b: _sec(b, "claims")[0]["payments"][0].__setitem__("amount_fen", -1),
        "sections.claims[0].payments[0].amount_fen"),
}  # fmt: skip


@pytest.mark.parametrize("name", CASES)
def test_a_malformed_ledger_entry_is_refused_with_its_path_and_nothing_is_written(
    sent: tuple[Path, Body], tmp_path: Path, name: str
) -> None:
    root, envelope = sent
    change, where = CASES[name]
    envelope = json.loads(json.dumps(envelope))
    change(envelope["body"])
    sig = KeyRing(root / "hq").private_key().sign(signed_bytes(envelope["body"]))
    envelope["signature"]["value"] = base64.urlsafe_b64encode(sig).rstrip(b"=").decode()
    path = tmp_path / "bundle.json"
    path.write_text(json.dumps(envelope, ensure_ascii=False), encoding="utf-8")
    with open_store(tmp_path / "milan", auto_backup=False) as milan:
        pin_hq(milan, root / "hq")
        set_office_role(milan, "outpost")
        before = tables(milan)
        with pytest.raises(ValidationError) as refused:
            import_bundle(milan, path)
        assert where in {p.path for p in refused.value.problems}, refused.value.problems
        assert tables(milan) == before and not (milan.folder / "evidence").exists()
