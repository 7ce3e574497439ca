"""The shapes of a bundle's entries, checked strictly like a firm file: every type, every known key, every
length, with the path of each problem (`sections.claims[2].steps[1].step.amount`). Used by
`bundle_format.check_body` for every kind; meaning (hashes, histories, who may send what) is checked when
merging, entry by entry.
"""

from __future__ import annotations

from dataclasses import MISSING, fields
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from qt_app.domain.errors import FieldProblem, is_text
from qt_app.domain.field_values import MAX_NOTES_CHARS, MAX_TEXT_CHARS
from qt_app.domain.ledger.steps import STEP_TYPES
from qt_app.domain.money import MAX_AMOUNT_FEN
from qt_app.store.evidence_files import MAX_BYTES as MAX_SCAN_BYTES
from qt_app.store.letters import COLUMNS as LETTER_COLUMNS

Problems = list[FieldProblem]

MAX_STAMP_CHARS = 64  # ids and times
MAX_HISTORY = 1000  # versions an entry may carry (the sender keeps 200)
MAX_ITEMS = 1000  # steps, payments, recoveries, scans of one entry
MAX_SNAPSHOT_CHARS = 4_000_000  # a letter's frozen snapshot (a few tens of KB in practice)
MAX_POLICY_CHARS = 2_000_000  # a policy file's text (the bundled one is 14 KB)
MAX_SCAN_CHARS = (MAX_SCAN_BYTES + 2) // 3 * 4  # one scan in base64
ISSUED_STATES = ("issued", "accepted", "declined", "expired", "voided")
DATE_FIELDS = ("on", "until")
AMOUNT_FIELDS = ("amount", "requested")


def text(
    problems: Problems, where: str, value: Any, limit: int, required: bool = True, nullable: bool = True
) -> None:
    """Text of at most `limit` characters; `required` refuses "" and null, `nullable` False refuses null (a
    column that has a default when the key is left out, but never holds null)."""
    if value is None and not required and nullable:
        return
    if not isinstance(value, str) or (required and not value) or not is_text(value):
        problems.append(FieldProblem(where, "应为文本", "Expected text"))
    elif len(value) > limit:
        problems.append(
            FieldProblem(where, f"文字过长：最多 {limit} 个字", f"Too long: at most {limit} characters")
        )


def keys(problems: Problems, where: str, entry: dict[str, Any], known: set[str]) -> None:
    for key in entry:
        if key not in known:
            shown = str(key)[:32]
            problems.append(FieldProblem(f"{where}.{shown}", "未知字段", "Unknown field"))


def is_object(problems: Problems, where: str, entry: Any) -> bool:
    if isinstance(entry, dict):
        return True
    problems.append(FieldProblem(where, "应为对象", "Expected an object"))
    return False


def whole(problems: Problems, where: str, value: Any, low: int, high: int, required: bool = True) -> None:
    if value is None and not required:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        problems.append(FieldProblem(where, "应为整数", "Expected a whole number"))
    elif not low <= value <= high:
        problems.append(
            FieldProblem(where, f"应在 {low} 到 {high} 之间", f"Expected a number from {low} to {high}")
        )


def day(problems: Problems, where: str, value: Any, required: bool = True) -> None:
    if value is None and not required:
        return
    try:
        ok = isinstance(value, str) and len(value) == 10 and bool(date.fromisoformat(value))
    except ValueError:
        ok = False
    if not ok:
        problems.append(FieldProblem(where, "应为日期（如 2027-04-01）", "Expected a date (e.g. 2027-04-01)"))


def hex64(problems: Problems, where: str, value: Any) -> None:
    if not (isinstance(value, str) and len(value) == 64 and all(c in "0123456789abcdef" for c in value)):
        problems.append(FieldProblem(where, "应为 64 位十六进制摘要", "Expected a 64-digit hex digest"))


def listed(problems: Problems, where: str, value: Any, most: int = MAX_ITEMS) -> list[Any]:
    if not isinstance(value, list) or len(value) > most:
        problems.append(
            FieldProblem(where, f"应为列表（最多 {most} 项）", f"Expected a list (at most {most} items)")
        )
        return []
    return value


def versions(problems: Problems, where: str, value: Any) -> None:
    for i, h in enumerate(listed(problems, where, value, MAX_HISTORY)):
        text(problems, f"{where}[{i}]", h, MAX_STAMP_CHARS)


# -- letters: read-only copies of the register's issued letters -------------------------------------------
LETTER_KEYS = set(LETTER_COLUMNS)
_LETTER_STAMPS = ("id", "firm_id", "created_at", "status_changed_at", "issued_at")
_LETTER_OPTIONAL = {
    "firm_name": MAX_TEXT_CHARS, "firm_uscc": MAX_STAMP_CHARS, "variant": MAX_TEXT_CHARS,
    "policy_id": MAX_TEXT_CHARS, "policy_version": MAX_TEXT_CHARS, "policy_hash": MAX_STAMP_CHARS,
    "signature": 1000, "payload": 10_000, "key_fingerprint": MAX_STAMP_CHARS, "supersedes": MAX_STAMP_CHARS,
    "submitted_at": MAX_STAMP_CHARS, "approved_by": MAX_TEXT_CHARS, "approved_at": MAX_STAMP_CHARS,
    "note": MAX_NOTES_CHARS,
}  # fmt: skip
_LETTER_NOT_NULL = {"firm_name", "firm_uscc", "variant", "policy_id", "policy_version", "policy_hash", "note"}


def letter(problems: Problems, where: str, entry: Any) -> None:
    if not is_object(problems, where, entry):
        return
    keys(problems, where, entry, LETTER_KEYS)
    for key in _LETTER_STAMPS:
        text(problems, f"{where}.{key}", entry.get(key), MAX_STAMP_CHARS)
    text(problems, f"{where}.doc_number", entry.get("doc_number"), MAX_TEXT_CHARS)
    if entry.get("status") not in ISSUED_STATES:
        problems.append(
            FieldProblem(
                f"{where}.status",
                "应为已出具、已接受、已谢绝、已过期或已作废（草稿不随数据包传送）",
                "Expected issued, accepted, declined, expired or voided (drafts do not travel)",
            )
        )
    hex64(problems, f"{where}.content_hash", entry.get("content_hash"))
    text(problems, f"{where}.snapshot_json", entry.get("snapshot_json"), MAX_SNAPSHOT_CHARS)
    for key in sorted(LETTER_KEYS - set(entry)):  # the whole register row, as the register keeps it
        problems.append(FieldProblem(f"{where}.{key}", "缺少此项", "Missing"))
    for key, limit in _LETTER_OPTIONAL.items():
        if key in entry:
            text(problems, f"{where}.{key}", entry[key], limit, False, nullable=key not in _LETTER_NOT_NULL)
    whole(problems, f"{where}.year", entry.get("year"), 2000, 2100)
    whole(problems, f"{where}.seq", entry.get("seq"), 1, 10**6)
    whole(problems, f"{where}.total_fen", entry.get("total_fen"), 0, MAX_AMOUNT_FEN)


# -- policies: texts of the versions letters were issued under ---------------------------------------------
def policy(problems: Problems, where: str, entry: Any) -> None:
    if not is_object(problems, where, entry):
        return
    keys(problems, where, entry, {"hash", "policy_id", "version", "text"})
    hex64(problems, f"{where}.hash", entry.get("hash"))
    text(problems, f"{where}.policy_id", entry.get("policy_id"), MAX_TEXT_CHARS)
    text(problems, f"{where}.version", entry.get("version"), MAX_TEXT_CHARS)
    text(problems, f"{where}.text", entry.get("text"), MAX_POLICY_CHARS)


# -- ledger: one firm's year of actuals, with its scans ----------------------------------------------------
ACTUALS_KEYS = {"firm_id", "year", "letter_id", "data", "source", "recorded_at", "recorded_by", "history",
                "scans"}  # fmt: skip


def actuals(problems: Problems, where: str, entry: Any) -> None:
    if not is_object(problems, where, entry):
        return
    keys(problems, where, entry, ACTUALS_KEYS)
    for key in ("firm_id", "letter_id", "recorded_at"):
        text(problems, f"{where}.{key}", entry.get(key), MAX_STAMP_CHARS)
    whole(problems, f"{where}.year", entry.get("year"), 2000, 2100)
    if not isinstance(entry.get("data"), dict):
        problems.append(FieldProblem(f"{where}.data", "应为实绩对象", "Expected an actuals object"))
    text(problems, f"{where}.source", entry.get("source", ""), MAX_NOTES_CHARS, False, nullable=False)
    text(
        problems, f"{where}.recorded_by", entry.get("recorded_by", ""), MAX_TEXT_CHARS, False, nullable=False
    )
    versions(problems, f"{where}.history", entry.get("history", []))
    for i, scan in enumerate(listed(problems, f"{where}.scans", entry.get("scans", []))):
        at = f"{where}.scans[{i}]"
        if is_object(problems, at, scan):
            keys(problems, at, scan, {"sha256", "data"})
            hex64(problems, f"{at}.sha256", scan.get("sha256"))
            text(problems, f"{at}.data", scan.get("data"), MAX_SCAN_CHARS)


# -- claims: the summary's identity, the append-only steps, payments and recoveries ------------------------
CLAIM_KEYS = {"id", "firm_id", "item_id", "year", "letter_id", "policy_id", "policy_version", "policy_hash",
              "terms", "created_at", "modified_at", "steps", "payments", "recoveries"}  # fmt: skip
TERMS_KEYS = {
    "notice_working_days",
    "pay_within_working_days",
    "tranche_above",
    "first_tranche_min",
    "holdback",
}
PAYMENT_KEYS = {"id", "tranche", "amount_fen", "paid_on", "order_number", "holdback", "override_reason",
                "recorded_at", "recorded_by"}  # fmt: skip
RECOVERY_KEYS = {"id", "kind", "amount_fen", "on_date", "basis", "recorded_at", "recorded_by"}


def step(problems: Problems, where: str, value: Any) -> None:
    """One step as `steps.step_to_dict` writes it: its kind and exactly that step's fields, each of its type."""
    if not is_object(problems, where, value):
        return
    cls = STEP_TYPES.get(value.get("kind")) if isinstance(value.get("kind"), str) else None
    if cls is None:
        problems.append(FieldProblem(f"{where}.kind", "未知的兑现环节", "Unknown claim step"))
        return
    known = {f.name for f in fields(cls)}
    keys(problems, where, value, known | {"kind"})
    for f in fields(cls):
        at, required = f"{where}.{f.name}", f.default is MISSING
        if f.name not in value:
            if required:
                problems.append(FieldProblem(at, "缺少此项", "Missing"))
            continue
        v = value[f.name]
        if f.name in DATE_FIELDS:
            day(problems, at, v, required=f.name == "on")
        elif f.name in AMOUNT_FIELDS:
            whole(problems, at, v, -MAX_AMOUNT_FEN, MAX_AMOUNT_FEN)
        elif f.name == "approved":
            if not isinstance(v, bool):
                problems.append(FieldProblem(at, "应为 true 或 false", "Expected true or false"))
        else:
            text(problems, at, v, MAX_NOTES_CHARS, required=False)
            if v is None:
                problems.append(FieldProblem(at, "应为文本", "Expected text"))


def _terms(problems: Problems, where: str, value: Any) -> None:
    if not is_object(problems, where, value):
        return
    keys(problems, where, value, TERMS_KEYS)
    whole(problems, f"{where}.notice_working_days", value.get("notice_working_days"), 0, 1000)
    whole(problems, f"{where}.pay_within_working_days", value.get("pay_within_working_days"), 0, 1000)
    whole(problems, f"{where}.tranche_above", value.get("tranche_above"), 0, MAX_AMOUNT_FEN)
    for key in ("first_tranche_min", "holdback"):
        raw = value.get(key)
        try:
            ok = (
                isinstance(raw, str)
                and len(raw) <= 12
                and Decimal(raw).is_finite()
                and 0 <= Decimal(raw) <= 1
            )
        except InvalidOperation:
            ok = False
        if not ok:
            problems.append(
                FieldProblem(f"{where}.{key}", "应为 0 到 1 之间的比例", "Expected a share from 0 to 1")
            )


def _payment(problems: Problems, where: str, value: Any) -> None:
    if not is_object(problems, where, value):
        return
    keys(problems, where, value, PAYMENT_KEYS)
    for key in ("id", "recorded_at"):
        text(problems, f"{where}.{key}", value.get(key), MAX_STAMP_CHARS)
    whole(problems, f"{where}.tranche", value.get("tranche"), 1, MAX_ITEMS)
    whole(problems, f"{where}.amount_fen", value.get("amount_fen"), 1, MAX_AMOUNT_FEN)
    day(problems, f"{where}.paid_on", value.get("paid_on"))
    text(problems, f"{where}.order_number", value.get("order_number"), MAX_TEXT_CHARS)
    whole(problems, f"{where}.holdback", value.get("holdback"), 0, 1)
    text(
        problems, f"{where}.override_reason", value.get("override_reason", ""), MAX_NOTES_CHARS, False, False
    )
    text(problems, f"{where}.recorded_by", value.get("recorded_by", ""), MAX_TEXT_CHARS, False, False)


def _recovery(problems: Problems, where: str, value: Any) -> None:
    if not is_object(problems, where, value):
        return
    keys(problems, where, value, RECOVERY_KEYS)
    for key in ("id", "recorded_at"):
        text(problems, f"{where}.{key}", value.get(key), MAX_STAMP_CHARS)
    if value.get("kind") not in ("decided", "received"):
        problems.append(
            FieldProblem(f"{where}.kind", "应为 decided 或 received", "Expected decided or received")
        )
    whole(problems, f"{where}.amount_fen", value.get("amount_fen"), 1, MAX_AMOUNT_FEN)
    day(problems, f"{where}.on_date", value.get("on_date"))
    text(problems, f"{where}.basis", value.get("basis", ""), MAX_NOTES_CHARS, False, False)
    text(problems, f"{where}.recorded_by", value.get("recorded_by", ""), MAX_TEXT_CHARS, False, False)


def claim(problems: Problems, where: str, entry: Any) -> None:
    if not is_object(problems, where, entry):
        return
    keys(problems, where, entry, CLAIM_KEYS)
    for key in ("id", "firm_id", "letter_id", "policy_hash", "created_at", "modified_at"):
        text(problems, f"{where}.{key}", entry.get(key), MAX_STAMP_CHARS)
    for key in ("item_id", "policy_id", "policy_version"):
        text(problems, f"{where}.{key}", entry.get(key), MAX_TEXT_CHARS)
    whole(problems, f"{where}.year", entry.get("year"), 2000, 2100)
    _terms(problems, f"{where}.terms", entry.get("terms"))
    steps = listed(problems, f"{where}.steps", entry.get("steps"))
    if isinstance(entry.get("steps"), list) and not steps:
        problems.append(
            FieldProblem(f"{where}.steps", "至少应有申报一步", "Expected at least the application")
        )
    for i, row in enumerate(steps):
        at = f"{where}.steps[{i}]"
        if is_object(problems, at, row):
            keys(problems, at, row, {"step", "at", "who"})
            step(problems, f"{at}.step", row.get("step"))
            text(problems, f"{at}.at", row.get("at"), MAX_STAMP_CHARS)
            text(problems, f"{at}.who", row.get("who", ""), MAX_TEXT_CHARS, False, nullable=False)
    for kind, check in (("payments", _payment), ("recoveries", _recovery)):
        seen: set[str] = set()
        for i, row in enumerate(listed(problems, f"{where}.{kind}", entry.get(kind, []))):
            check(problems, f"{where}.{kind}[{i}]", row)
            record_id = row.get("id") if isinstance(row, dict) else None
            if isinstance(record_id, str) and record_id in seen:
                problems.append(FieldProblem(f"{where}.{kind}[{i}].id", "编号重复", "Duplicate id"))
            seen.add(str(record_id))
