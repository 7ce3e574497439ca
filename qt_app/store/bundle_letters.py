"""Letters in bundles: headquarters' issued letters reach outposts as read-only copies of the register row.

文号 are issued at one desk (headquarters). Its issued-and-later letters (never drafts) travel to outposts with
their frozen snapshot, signature, payload, number, status and dates, so an outpost can record actuals against
a firm's letter and verify the firm's PDF offline (headquarters' key being trusted, as it must be for the
bundle to be imported). Merged by id: added when absent, a later status change (by `status_changed_at`)
updates the copy; a different local letter holding the same 文号 is refused with a message. Letters from an
outpost, or arriving at headquarters, are not merged, and the report says so.

Policy texts (the versions letters were issued under) travel beside them, kept when their sha256 is the hash
they claim, so an outpost computes due under the letter's version without the file.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any

from qt_app.domain.offices import HQ, LETTERS_AT_HQ_REASON, OUTPOST
from qt_app.store import audit
from qt_app.store.bundle_checks import ISSUED_STATES
from qt_app.store.bundle_report import MergeReport
from qt_app.store.letters import COLUMNS, STATUS_LABELS

if TYPE_CHECKING:
    from sqlite_utils import Database

_STATES = ", ".join(f"'{s}'" for s in ISSUED_STATES)


def export_letters(db: Database) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """This register's issued-and-later letters (not copies received from elsewhere) and the policy texts
    they were issued under."""
    columns = ", ".join(COLUMNS)
    letters = list(
        db.query(
            f"SELECT {columns} FROM letters WHERE status IN ({_STATES}) AND content_hash IS NOT NULL "
            "AND doc_number IS NOT NULL AND id NOT IN (SELECT letter_id FROM letter_copies) ORDER BY issued_at, id"
        )
    )
    hashes = sorted({str(r["policy_hash"]) for r in letters if r["policy_hash"]})
    policies: list[dict[str, Any]] = []
    for start in range(0, len(hashes), 500):
        chunk = hashes[start : start + 500]
        policies += db.query(
            f"SELECT hash, policy_id, version, text FROM ledger_policies WHERE hash IN ({','.join('?' * len(chunk))})",
            chunk,
        )
    return letters, policies


def merge_policies(
    db: Database, entries: list[dict[str, Any]], report: MergeReport, roles: tuple[str, str], now: str
) -> None:
    """Keep the policy texts not here yet, each only if its text is the version its hash names — at an
    outpost, from headquarters (`roles` is (sender, receiver)); headquarters keeps the texts it issued under."""
    if roles != (HQ, OUTPOST):
        new = [
            p
            for p in entries
            if not db.execute("SELECT 1 FROM ledger_policies WHERE hash = ?", [p["hash"]]).fetchone()
        ]
        if new:
            report.notes.append(
                (
                    f"政策文本未合并（{len(new)}份）：只接收总部发给联络处的政策文本",
                    f"Policy texts not merged ({len(new)}): only those headquarters sends to an outpost are kept",
                )
            )
        return
    for p in entries:
        digest = hashlib.sha256(str(p["text"]).encode("utf-8")).hexdigest()
        if digest != p["hash"]:
            report.rejected.append(
                (
                    str(p["hash"])[:12],
                    f"政策文本 {p['policy_id']} {p['version']} 与其摘要不符，未保存",
                    f"The policy text {p['policy_id']} {p['version']} does not match its hash; not kept",
                )
            )
            continue
        if db.execute("SELECT 1 FROM ledger_policies WHERE hash = ?", [digest]).fetchone():
            continue
        db.execute(
            "INSERT INTO ledger_policies(hash, policy_id, version, text, kept_at) VALUES (?,?,?,?,?)",
            [digest, p["policy_id"], p["version"], p["text"], now],
        )
        report.policies_added += 1


def merge_letters(
    db: Database,
    entries: list[dict[str, Any]],
    report: MergeReport,
    roles: tuple[str, str],
    origin: tuple[str, str],
    now: str,
    who: str,
) -> None:
    """Headquarters' letters into an outpost's register, as read-only copies. `roles` is (sender, receiver),
    `origin` the sender's store id and office name."""
    sender, receiver = roles
    if not entries:
        return
    if receiver != OUTPOST or sender != HQ:
        zh, en = LETTERS_AT_HQ_REASON
        where = (
            ("本机为总部", "this office is headquarters")
            if receiver == HQ
            else ("发送方不是总部", "the sender is not headquarters")
        )
        report.notes.append(
            (
                f"告知函未合并（{len(entries)}份）：{where[0]}。{zh}；总部的登记簿不接收其他单位的函件",
                f"Letters not merged ({len(entries)}): {where[1]}. {en}; headquarters' register takes no other "
                "office's letters",
            )
        )
        return
    for entry in entries:
        _merge_letter(db, entry, report, origin, now, who)


def letter_here(db: Database, entry: dict[str, Any]) -> bool:
    """Is this letter (same id and content) already in the register?"""
    row = db.execute("SELECT content_hash FROM letters WHERE id = ?", [str(entry.get("id"))]).fetchone()
    return row is not None and row[0] == entry.get("content_hash")


def policy_here(db: Database, entry: dict[str, Any]) -> bool:
    """Is this policy text (by its hash) already kept?"""
    return bool(
        db.execute("SELECT 1 FROM ledger_policies WHERE hash = ?", [str(entry.get("hash"))]).fetchone()
    )


def _refuse(report: MergeReport, entry: dict[str, Any], zh: str, en: str) -> None:
    number = entry.get("doc_number") or entry["id"]
    report.rejected.append((str(entry["id"]), f"告知函 {number}：{zh}", f"Letter {number}: {en}"))


def _merge_letter(
    db: Database, entry: dict[str, Any], report: MergeReport, origin: tuple[str, str], now: str, who: str
) -> None:
    letter_id = str(entry["id"])
    if hashlib.sha256(str(entry["snapshot_json"]).encode("utf-8")).hexdigest() != entry["content_hash"]:
        _refuse(
            report,
            entry,
            "冻结内容与其摘要不符，未导入",
            "its frozen content does not match its hash; not imported",
        )
        return
    local = next(iter(db.query("SELECT * FROM letters WHERE id = ?", [letter_id])), None)
    if local is None:
        other = db.execute(
            "SELECT id, status FROM letters WHERE doc_number = ?", [entry["doc_number"]]
        ).fetchone()
        if other is not None:
            label = STATUS_LABELS.get(other[1], (other[1], other[1]))
            _refuse(
                report,
                entry,
                f"本机登记簿中另一份函件（{other[0]}，{label[0]}）已使用这个文号，总部的函件未导入。文号只由总部编发："
                "请核对本机的这份函件，作废或删除后再导入",
                f"another letter in this register ({other[0]}, {label[1].lower()}) already holds this number; "
                "headquarters' letter was not imported. Numbers come from headquarters only: check the local "
                "letter, void it, then import again",
            )
            return
        row = {key: entry.get(key) for key in COLUMNS}
        db.table("letters").insert(row)
        db.execute(
            "INSERT OR REPLACE INTO letter_copies(letter_id, origin, office, received_at) VALUES (?,?,?,?)",
            [letter_id, origin[0], origin[1], now],
        )
        audit.record(db, who, "letters", letter_id, "copy", None, _brief(row))
        report.letters_added.append(letter_id)
        report.letter_firms.add(str(entry["firm_id"]))
        return
    is_copy = db.execute("SELECT 1 FROM letter_copies WHERE letter_id = ?", [letter_id]).fetchone()
    if not is_copy:
        _refuse(
            report,
            entry,
            "本机登记簿中同一编号的函件是本机自己的，不是总部的副本，未覆盖",
            "this register's letter with that id is its own, not a copy of headquarters'; not overwritten",
        )
        return
    if (local["content_hash"], local["doc_number"]) != (entry["content_hash"], entry["doc_number"]):
        _refuse(
            report,
            entry,
            "与本机副本的文号或内容不同（已出具的函件不会改变），未导入",
            "its number or content differs from the copy here (an issued letter never changes); not imported",
        )
        return
    if str(entry["status_changed_at"]) > str(local["status_changed_at"]):
        changes = {
            key: entry.get(key)
            for key in ("status", "status_changed_at", "note", "supersedes")
            if entry.get(key) != local[key]
        }
        db.table("letters").update(letter_id, changes)
        audit.record(db, who, "letters", letter_id, f"copy:{entry['status']}", _brief(local), _brief(entry))
        report.letters_updated.append(letter_id)
        report.letter_firms.add(str(entry["firm_id"]))
    else:
        report.letters_unchanged.append(letter_id)


def _brief(row: dict[str, Any]) -> dict[str, Any]:
    """What the audit log keeps of a copy (the snapshot stays in the register)."""
    return {k: row.get(k) for k in ("doc_number", "firm_id", "status", "status_changed_at", "content_hash")}
