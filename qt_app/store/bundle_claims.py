"""Claims in bundles (兑现申请随数据包传送): applications go to headquarters, headquarters' record comes back.

- An outpost sends its **applications**: claims whose only step is 申报, with no payment or recovery.
  Headquarters inserts one when absent (the firm, its letter and that year's actuals must be here, and no
  other live claim for the item and year); the same application again is unchanged.
- Headquarters sends **every claim** with its steps, payments and recoveries. At an outpost it is
  authoritative: a claim not there is inserted whole; one the outpost has (its own application, or an earlier
  copy) is brought up to date by appending headquarters' newer steps, payments and recoveries — the
  append-only tables are only ever appended to, never edited — and its summary recomputed from the steps.
  A copy already ahead (an older bundle arriving late) is kept.
- Anything else is refused with the reason: a claim from an outpost carrying any step beyond 申报 or any
  payment or recovery (payment records are made at headquarters only), steps that disagree with this side's,
  payments or recoveries that disagree with the steps.

Every claim is replayed by the same rules as recording (`domain.ledger.claims.replay`) before it is written;
the summary written is the replay's, not the sender's.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from qt_app.domain.errors import DomainError
from qt_app.domain.ledger import steps as s
from qt_app.domain.ledger.claims import STATE_LABELS, Claim, ClaimState, Terms, replay
from qt_app.domain.offices import HQ, HQ_ONLY_REASON, OUTPOST
from qt_app.store import audit
from qt_app.store.bundle_report import MergeReport
from qt_app.store.ledger_repo import bump

if TYPE_CHECKING:
    from sqlite_utils import Database

_PAYMENT = ("id", "tranche", "amount_fen", "paid_on", "order_number", "holdback", "override_reason", "recorded_at",
            "recorded_by")  # fmt: skip
_RECOVERY = ("id", "kind", "amount_fen", "on_date", "basis", "recorded_at", "recorded_by")
_IDENTITY = ("firm_id", "item_id", "year", "letter_id", "policy_id", "policy_version", "policy_hash")
_CLOSED = (ClaimState.REJECTED.value, ClaimState.TERMINATED.value, ClaimState.PAID.value)


def _grouped(db: Database, sql: str) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for row in db.query(sql):
        out.setdefault(str(row.pop("claim_id")), []).append(row)
    return out


def export_claims(db: Database, role: str) -> list[dict[str, Any]]:
    """Headquarters: every claim. An outpost: its applications only (a claim whose only step is 申报)."""
    steps = _grouped(db, "SELECT claim_id, data_json, at, who FROM ledger_claim_events ORDER BY seq")
    payments = _grouped(db, f"SELECT claim_id, {', '.join(_PAYMENT)} FROM ledger_payments ORDER BY tranche")
    recoveries = _grouped(
        db, f"SELECT claim_id, {', '.join(_RECOVERY)} FROM ledger_recoveries ORDER BY on_date, recorded_at"
    )
    out = []
    for row in db.query("SELECT * FROM ledger_claims ORDER BY created_at, id"):
        cid = str(row["id"])
        events = steps.get(cid, [])
        if role != HQ and (len(events) != 1 or cid in payments or cid in recoveries):
            continue  # headquarters' record: it has it
        out.append(
            {
                **{k: row[k] for k in ("id", *_IDENTITY, "created_at", "modified_at")},
                "terms": json.loads(row["terms_json"]),
                "steps": [
                    {"step": json.loads(e["data_json"]), "at": e["at"], "who": e["who"]} for e in events
                ],
                "payments": payments.get(cid, []),
                "recoveries": recoveries.get(cid, []),
            }
        )
    return out


def carries_hq_records(entry: dict[str, Any]) -> bool:
    """Does a claim carry what only headquarters records: a step beyond 申报, a payment or a recovery?"""
    return bool(len(entry.get("steps") or []) > 1 or entry.get("payments") or entry.get("recoveries"))


def records_here(db: Database, entry: dict[str, Any]) -> bool:
    """Does this office already hold every step the entry carries (headquarters' record seen before)?"""
    try:
        _claim, steps = _replayed(entry)
    except (DomainError, KeyError, TypeError, ValueError):
        return False  # a malformed entry is withheld all the same; say it is new
    return _local_steps(db, str(entry["id"]))[: len(steps)] == steps


class _Refused(DomainError):
    pass


def _normal(step: dict[str, Any]) -> dict[str, Any]:
    """A step as this version writes it (every field, defaults included), for comparing and storing."""
    return s.step_to_dict(s.step_from_dict(step))


def _replayed(entry: dict[str, Any]) -> tuple[Claim, list[dict[str, Any]]]:
    """The claim as its steps leave it, by the recording rules, and its steps in stored form; payments and
    recoveries must be exactly the ones the steps record."""
    t = entry["terms"]
    terms = Terms(
        t["notice_working_days"], t["pay_within_working_days"], t["tranche_above"],
        Decimal(t["first_tranche_min"]), Decimal(t["holdback"]),
    )  # fmt: skip
    try:
        steps = [_normal(row["step"]) for row in entry["steps"]]
        claim = replay(
            entry["id"],
            entry["firm_id"],
            entry["item_id"],
            entry["year"],
            terms,
            [s.step_from_dict(x) for x in steps],
        )
    except (DomainError, TypeError, ValueError) as e:
        zh, en = (e.zh, e.en) if isinstance(e, DomainError) else ("内容无法读取", "cannot be read")
        raise _Refused(f"环节不合规则（{zh}）", f"its steps break the rules ({en})") from None
    paid = [(p.tranche, p.amount, p.on.isoformat(), p.order_number, int(p.holdback), p.override_reason)
            for p in claim.payments]  # fmt: skip
    sent = [(p["tranche"], p["amount_fen"], p["paid_on"], p["order_number"], p["holdback"],
             p.get("override_reason", "")) for p in entry.get("payments", [])]  # fmt: skip
    recovered = [
        ("decided" if isinstance(x, s.Recover) else "received", x.amount, x.on.isoformat(),
         x.basis if isinstance(x, s.Recover) else x.receipt)
        for x in claim.steps if isinstance(x, s.Recover | s.Repay)
    ]  # fmt: skip
    sent_back = [
        (r["kind"], r["amount_fen"], r["on_date"], r.get("basis", "")) for r in entry.get("recoveries", [])
    ]
    if paid != sent or recovered != sent_back:
        raise _Refused(
            "付款或追回记录与兑现环节不一致", "its payment or recovery records disagree with its steps"
        )
    return claim, steps


def merge_claims(
    db: Database,
    entries: list[dict[str, Any]],
    report: MergeReport,
    roles: tuple[str, str],
    now: str,
    who: str,
) -> None:
    """`roles` is (sender, receiver) as the signed body and this office's setting say."""
    for entry in entries:
        try:
            with db.atomic():  # a refused entry leaves nothing of itself behind
                _merge_claim(db, entry, report, roles, now, who)
        except _Refused as e:
            cid = str(entry["id"])
            report.rejected.append((cid, f"兑现申请 {cid}：{e.zh}", f"Claim {cid}: {e.en}"))


def _local_steps(db: Database, claim_id: str) -> list[dict[str, Any]]:
    rows = db.execute("SELECT data_json FROM ledger_claim_events WHERE claim_id = ? ORDER BY seq", [claim_id])
    return [_normal(json.loads(r[0])) for r in rows.fetchall()]


def _merge_claim(
    db: Database, entry: dict[str, Any], report: MergeReport, roles: tuple[str, str], now: str, who: str
) -> None:
    sender, receiver = roles
    cid = str(entry["id"])
    claim, steps = _replayed(entry)
    local = next(iter(db.query("SELECT * FROM ledger_claims WHERE id = ?", [cid])), None)
    if local is not None and any(local[k] != entry[k] for k in ("firm_id", "item_id", "year")):
        raise _Refused(
            "与本机同一编号的申请不是同一企业、事项或年度",
            "a claim here with that id is for another firm, item or year",
        )
    mine = _local_steps(db, cid) if local is not None else []
    if receiver == OUTPOST and sender == HQ:  # headquarters' record is authoritative here
        if local is None:
            _need_firm(db, entry)
            _insert(db, entry, claim, steps, now, who)
            report.claims_added.append(cid)
        elif mine == steps:
            report.claims_unchanged.append(cid)
            return
        elif steps[: len(mine)] == mine:
            _append(db, entry, claim, steps[len(mine) :], now, who)
            report.claims_updated.append(cid)
        elif mine[: len(steps)] == steps:
            report.claims_kept_local.append(cid)  # a copy already further on: an older bundle arrived late
            return
        else:
            raise _Refused(
                "本机的记录与总部的不一致（环节不同），未导入：兑现以总部登记的为准，请与总部核对",
                "the steps here differ from headquarters' record; not imported — headquarters' record is the one "
                "that counts: check with headquarters",
            )
        report.ledger_firms.add(str(entry["firm_id"]))
        return
    if carries_hq_records(entry):
        if sender == HQ and mine == steps:  # headquarters' own record coming back to it
            report.claims_unchanged.append(cid)
            return
        raise _Refused(
            f"带有申报以外的环节或付款、追回记录，未导入。{HQ_ONLY_REASON[0]}",
            f"it carries steps beyond the application, or payments or recoveries; not imported. {HQ_ONLY_REASON[1]}",
        )
    if local is not None:
        if mine[:1] != steps:
            raise _Refused(
                "与本机同一编号申请的申报内容不同", "its application differs from the one here with that id"
            )
        report.claims_unchanged.append(cid)
        return
    _need_firm(db, entry)
    if not db.execute(
        "SELECT 1 FROM ledger_actuals WHERE firm_id = ? AND year = ?", [entry["firm_id"], entry["year"]]
    ).fetchone():
        raise _Refused(
            f"本机没有该企业{entry['year']}年的实绩（可能在本数据包中被拒收）：实绩到达后再导入申报",
            f"there are no {entry['year']} actuals for the firm here (refused in this bundle, perhaps): import "
            "the application again once the actuals are here",
        )
    live = db.execute(
        f"SELECT id, state FROM ledger_claims WHERE firm_id = ? AND item_id = ? AND year = ? AND state NOT IN "
        f"({', '.join('?' * len(_CLOSED))})",
        [entry["firm_id"], entry["item_id"], entry["year"], *_CLOSED],
    ).fetchone()
    if live is not None:
        label = STATE_LABELS.get(live[1], (live[1], live[1]))
        raise _Refused(
            f"本机已有该事项该年度的兑现申请（{live[0]}，{label[0]}），未重复登记",
            f"there is already a claim for that item and year here ({live[0]}, {label[1]}); not entered twice",
        )
    _insert(db, entry, claim, steps, now, who)
    report.claims_added.append(cid)
    report.ledger_firms.add(str(entry["firm_id"]))


def _need_firm(db: Database, entry: dict[str, Any]) -> None:
    if not db.execute("SELECT 1 FROM firms WHERE id = ?", [entry["firm_id"]]).fetchone():
        raise _Refused(f"本机没有企业 {entry['firm_id']}", f"there is no firm {entry['firm_id']} here")
    if not db.execute(
        "SELECT 1 FROM letters WHERE id = ? AND firm_id = ?", [entry["letter_id"], entry["firm_id"]]
    ).fetchone():
        raise _Refused(
            f"所依据的告知函 {entry['letter_id']} 不在本机登记簿中",
            f"its letter {entry['letter_id']} is not in this register",
        )


def _summary(claim: Claim) -> dict[str, Any]:
    return {
        "state": claim.state.value, "applied_on": claim.applied_on.isoformat(), "requested_fen": claim.requested,
        "approved_fen": claim.approved, "paid_fen": claim.paid, "recovered_fen": claim.recovered,
        "repaid_fen": claim.repaid, "overridden": int(claim.overridden),
    }  # fmt: skip


def _insert(
    db: Database, entry: dict[str, Any], claim: Claim, steps: list[dict[str, Any]], now: str, who: str
) -> None:
    row = {
        "id": entry["id"], **{k: entry[k] for k in _IDENTITY},
        "terms_json": json.dumps(entry["terms"], sort_keys=True), **_summary(claim),
        "created_at": entry["created_at"], "modified_at": entry["modified_at"],
    }  # fmt: skip
    db.execute(
        f"INSERT INTO ledger_claims({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
        list(row.values()),
    )
    _append(db, entry, claim, steps, now, who, new=True)


def _append(
    db: Database,
    entry: dict[str, Any],
    claim: Claim,
    newer: list[dict[str, Any]],
    now: str,
    who: str,
    new: bool = False,
) -> None:
    """Append headquarters' newer steps and the payments and recoveries not here yet; the summary follows."""
    cid, firm_id = str(entry["id"]), str(entry["firm_id"])
    start = len(entry["steps"]) - len(newer)
    for row, step in zip(entry["steps"][start:], newer, strict=True):
        db.execute(
            "INSERT INTO ledger_claim_events(claim_id, kind, on_date, data_json, at, who) VALUES (?,?,?,?,?,?)",
            [cid, step["kind"], step["on"], json.dumps(step, ensure_ascii=False, sort_keys=True), row["at"],
             row.get("who", "")],
        )  # fmt: skip
    where = {"claim_id": cid, "firm_id": firm_id, "item_id": entry["item_id"], "year": entry["year"]}
    records = [("ledger_payments", r, {"override_reason": ""}) for r in entry.get("payments", [])]
    records += [("ledger_recoveries", r, {"basis": ""}) for r in entry.get("recoveries", [])]
    for table, r, defaults in records:
        here = db.execute(f"SELECT claim_id FROM {table} WHERE id = ?", [r["id"]]).fetchone()
        if here is not None and here[0] != cid:
            raise _Refused(
                f"记录 {r['id']} 在本机属于另一份申请", f"the record {r['id']} belongs to another claim here"
            )
        if here is None:
            full = {**defaults, "recorded_by": "", **r, **where}
            db.execute(
                f"INSERT INTO {table}({', '.join(full)}) VALUES ({', '.join('?' * len(full))})",
                list(full.values()),
            )
    if not new:
        summary = _summary(claim)
        db.execute(
            f"UPDATE ledger_claims SET {', '.join(f'{k} = ?' for k in summary)}, modified_at = ? WHERE id = ?",
            [*summary.values(), entry["modified_at"], cid],
        )
    audit.record(
        db,
        who,
        "ledger_claims",
        cid,
        "merge" if new else "merge:append",
        None,
        {**_summary(claim), "steps": len(entry["steps"])},
    )
    bump(db, firm_id, now)
