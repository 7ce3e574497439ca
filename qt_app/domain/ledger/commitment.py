"""The commitment (承诺): an issued or accepted letter, as the ledger reads it.

The letter's frozen snapshot holds the firm as declared, the policy version (id, version, hash) and the package
it promised (paying lines by item and year). The ledger pins due amounts to that policy version, not today's.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from qt_app.domain.errors import DomainError, ValidationError
from qt_app.domain.firm import Firm
from qt_app.domain.firm_io import firm_from_dict
from qt_app.domain.money import Fen

COMMITTED_STATUSES = ("issued", "accepted")


@dataclass(frozen=True)
class Commitment:
    letter_id: str
    doc_number: str
    status: str
    issued_on: date | None
    content_hash: str
    firm: Firm  # as declared when the letter was issued (the plan)
    variant: str
    policy_id: str
    policy_version: str
    policy_hash: str
    years: tuple[int, ...]
    promised: Mapping[tuple[str, int], Fen]  # (item id, year) → amount the letter promised
    names: Mapping[str, tuple[str, str]] = field(default_factory=dict)  # item id → (zh, en)
    benefits: Mapping[str, str] = field(default_factory=dict)  # item id → cash | voucher | in_kind
    # What the letter froze of its variant's policy assumptions (param_overrides, grade, policy version);
    # None for letters issued before they were frozen: then the firm record's variant of that name is read.
    assumptions: Mapping[str, Any] | None = None

    @property
    def total(self) -> Fen:
        return sum(self.promised.values())


def promised_amounts(snapshot: Mapping[str, Any]) -> dict[tuple[str, int], Fen]:
    """(item, year) → promised amount, from a letter snapshot's paying lines."""
    out: dict[tuple[str, int], Fen] = {}
    for line in snapshot.get("package", {}).get("lines", []):
        key = (str(line["item_id"]), int(line["year"]))
        out[key] = out.get(key, 0) + int(line["amount"])
    return out


def commitment_from_letter(row: Mapping[str, Any]) -> Commitment:
    """Read a register row (with its `snapshot_json`) as a commitment; refuses drafts and voided letters."""
    status = str(row.get("status") or "")
    number = str(row.get("doc_number") or row.get("id") or "")
    if status not in COMMITTED_STATUSES:
        raise DomainError(
            f"告知函 {number} 的状态不是已出具或已接受，不能作为兑现依据",
            f"Letter {number} is not issued or accepted, so nothing can be paid against it",
        )
    try:
        snapshot = json.loads(str(row.get("snapshot_json") or ""))
    except ValueError:
        snapshot = None
    if not isinstance(snapshot, dict) or "package" not in snapshot or "firm" not in snapshot:
        raise DomainError(
            f"告知函 {number} 没有冻结内容，无法作为兑现依据",
            f"Letter {number} has no frozen content to pay against",
        )
    firm_data = dict(snapshot["firm"])
    firm_data.setdefault("uscc_note", "告知函出具时已核对")  # the letter keeps no internal notes
    try:
        firm, _ = firm_from_dict(firm_data, f"告知函 {number}")
    except ValidationError as e:
        raise DomainError(
            f"告知函 {number} 冻结的企业信息无法读取：{e.zh}",
            f"The firm frozen in letter {number} cannot be read: {e.en}",
        ) from None
    lines = snapshot["package"].get("lines", [])
    issued = str(snapshot.get("issue_date") or "")
    pol = snapshot.get("policy", {})
    variant = snapshot.get("variant", {})
    return Commitment(
        letter_id=str(row.get("id") or ""),
        doc_number=str(row.get("doc_number") or ""),
        status=status,
        issued_on=date.fromisoformat(issued) if issued else None,
        content_hash=str(row.get("content_hash") or ""),
        firm=firm,
        variant=str(variant.get("name") or "base"),
        policy_id=str(pol.get("id") or row.get("policy_id") or ""),
        policy_version=str(pol.get("version") or row.get("policy_version") or ""),
        policy_hash=str(pol.get("hash") or row.get("policy_hash") or ""),
        years=tuple(int(y) for y in snapshot["package"].get("years", [])),
        promised=promised_amounts(snapshot),
        names={str(ln["item_id"]): (str(ln["name_zh"]), str(ln["name_en"])) for ln in lines},
        benefits={str(ln["item_id"]): str(ln.get("benefit", "cash")) for ln in lines},
        assumptions=dict(variant) if "param_overrides" in variant else None,
    )
