"""Actuals in bundles (实绩随数据包传送): per firm and year the figures with their documents, and the scans.

Both directions: an outpost collects a firm's actuals and scans, headquarters may record some too. Each
firm's year remembers the versions it has had (`ledger_actuals.hash_history`, like firms): an incoming version
this side has had is older (kept local); when this side's version is in the sender's history only the sender
changed (taken); the same is unchanged; anything else — recorded differently on both sides — is a conflict,
parked in `ledger_conflicts` and listed, never overwritten, until a person keeps local or remote (the choice
then travels). Scans arrive as base64, are checked against their sha256 and kept under `evidence/` as
`record_actuals` keeps them; a scan whose bytes do not match its hash refuses that entry. The evidence rows
are rebuilt from the figures, as recording builds them. Every merged change bumps the firm's ledger revision,
so the county view recomputes its due.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from typing import TYPE_CHECKING, Any

from qt_app.domain.errors import DomainError
from qt_app.domain.ledger.actuals import YearActuals
from qt_app.domain.ledger.actuals_dict import year_actuals_to_dict
from qt_app.domain.ledger.actuals_io import year_actuals_from_dict
from qt_app.store import audit, evidence_files
from qt_app.store.bundle_report import LedgerConflict, MergeReport
from qt_app.store.firms_repo import add_version
from qt_app.store.ledger_repo import actuals_hash, actuals_versions, bump, insert_evidence, write_actuals

if TYPE_CHECKING:
    from pathlib import Path

    from sqlite_utils import Database


def export_actuals(db: Database, folder: Path) -> list[dict[str, Any]]:
    """Every firm's years of actuals with their version history and the scans this side has."""
    out = []
    rows = db.execute(
        "SELECT firm_id, year, letter_id, data_json, source, recorded_at, recorded_by, hash_history "
        "FROM ledger_actuals ORDER BY firm_id, year"
    ).fetchall()
    for firm_id, year, letter_id, data_json, source, recorded_at, recorded_by, history in rows:
        digests = [
            r[0]
            for r in db.execute(
                "SELECT DISTINCT sha256 FROM ledger_evidence WHERE firm_id = ? AND year = ? AND sha256 != '' "
                "ORDER BY sha256",
                [firm_id, year],
            ).fetchall()
        ]
        out.append(
            {
                "firm_id": firm_id, "year": int(year), "letter_id": letter_id, "data": json.loads(data_json),
                "source": source, "recorded_at": recorded_at, "recorded_by": recorded_by,
                "history": add_version(json.loads(history or "[]"), actuals_hash(letter_id, data_json)),
                "scans": _scans_of(folder, digests),
            }
        )  # fmt: skip
    return out


def _scans_of(folder: Path, digests: list[str]) -> list[dict[str, str]]:
    """The kept scans, as base64; one missing here, or damaged on this disk, is left out (its row travels)."""
    out = []
    for digest in digests:
        path = evidence_files.find(folder, digest)
        if path is None:
            continue
        try:
            data = path.read_bytes()
        except OSError:
            continue
        if hashlib.sha256(data).hexdigest() == digest:
            out.append({"sha256": digest, "data": base64.b64encode(data).decode("ascii")})
    return out


class _Refused(DomainError):
    pass


def _checked(entry: dict[str, Any]) -> tuple[YearActuals, str, dict[str, tuple[evidence_files.Scan, bytes]]]:
    """The year read strictly as the store keeps it, its canonical JSON, and its scans checked against their hash."""
    year = int(entry["year"])
    actual, problems = year_actuals_from_dict(entry["data"], year, "data.")
    if actual is None:
        first = next(p for p in problems if p.severity == "error")
        raise _Refused(
            f"实绩无法读取（{first.path}：{first.zh}）",
            f"the actuals cannot be read ({first.path}: {first.en})",
        )
    if year_actuals_to_dict(actual) != entry["data"]:
        raise _Refused(
            "实绩不是程序保存的格式（例如含有文件路径），未导入",
            "the actuals are not in the form the app keeps (a file path, say); not imported",
        )
    named = {e.sha256: e.file_name for _, e in actual.evidence() if e.sha256}
    scans: dict[str, tuple[evidence_files.Scan, bytes]] = {}
    for scan in entry.get("scans", []):
        digest = scan["sha256"]
        short = digest[:12]
        if digest not in named:
            raise _Refused(
                f"扫描件 {short}… 不属于该年度的任何证明材料",
                f"the scan {short}… belongs to no document of the year",
            )
        try:
            data = base64.b64decode(scan["data"], validate=True)
        except (binascii.Error, ValueError):
            data = b""
        if hashlib.sha256(data).hexdigest() != digest:
            raise _Refused(
                f"扫描件 {short}… 与其摘要不符（传输中损坏或被改动），该年度实绩未导入，请对方重新导出",
                f"the scan {short}… does not match its hash (damaged or altered on the way); the year was not "
                "imported — ask the sender to export again",
            )
        kind = evidence_files.document_kind(data)
        if kind is None or len(data) > evidence_files.MAX_BYTES:
            raise _Refused(
                f"扫描件 {short}… 不是完整的 PDF、JPG、PNG、TIFF 或 OFD 文件",
                f"the scan {short}… is not a complete PDF, JPG, PNG, TIFF or OFD file",
            )
        scans[digest] = (evidence_files.Scan(digest, kind, len(data), named[digest]), data)
    return actual, json.dumps(entry["data"], ensure_ascii=False, sort_keys=True), scans


def evidence_rows(folder: Path, actual: YearActuals) -> list[dict[str, Any]]:
    """The evidence rows of a year, as recording writes them (sizes from the kept scans)."""
    rows = []
    for figure, e in actual.evidence():
        kept = evidence_files.find(folder, e.sha256) if e.sha256 else None
        rows.append(
            {
                "year": actual.year, "figure": figure, "doc_type": e.doc_type, "doc_number": e.number,
                "doc_date": e.issued_on.isoformat(), "sha256": e.sha256, "file_name": e.file_name,
                "size": kept.stat().st_size if kept is not None else None,
                "received_on": e.received_on.isoformat() if e.received_on else None, "received_by": e.received_by,
            }
        )  # fmt: skip
    return rows


def write_year(
    db: Database, folder: Path, entry: dict[str, Any], history: list[str], now: str, who: str, action: str
) -> None:
    """Put the entry's year in place of this side's (evidence rows rebuilt), audited, revision bumped."""
    firm_id, year = str(entry["firm_id"]), int(entry["year"])
    actual, problems = year_actuals_from_dict(entry["data"], year)
    assert actual is not None, problems  # checked on arrival
    before = db.execute(
        "SELECT data_json FROM ledger_actuals WHERE firm_id = ? AND year = ?", [firm_id, year]
    ).fetchone()
    write_actuals(
        db,
        {
            "firm_id": firm_id, "year": year, "letter_id": entry["letter_id"],
            "data_json": json.dumps(entry["data"], ensure_ascii=False, sort_keys=True),
            "source": entry.get("source", ""), "recorded_at": entry["recorded_at"],
            "recorded_by": entry.get("recorded_by", ""), "hash_history": json.dumps(history),
        },
    )  # fmt: skip
    db.execute("DELETE FROM ledger_evidence WHERE firm_id = ? AND year = ?", [firm_id, year])
    insert_evidence(db, firm_id, evidence_rows(folder, actual), now)
    audit.record(
        db, who, "ledger_actuals", f"{firm_id}:{year}", action, json.loads(before[0]) if before else None,
        entry["data"],
    )  # fmt: skip
    bump(db, firm_id, now)


def changed_figures(local: dict[str, Any], remote: dict[str, Any]) -> tuple[str, ...]:
    """Which figures differ (and "letter" when recorded against another letter)."""
    out = [
        k
        for k in sorted(set(local["data"]) | set(remote["data"]))
        if local["data"].get(k) != remote["data"].get(k)
    ]
    if local["letter_id"] != remote["letter_id"]:
        out.insert(0, "letter")
    return tuple(out)


def merge_actuals(
    db: Database,
    folder: Path,
    entries: list[dict[str, Any]],
    report: MergeReport,
    keeper: evidence_files.Keeper,
    source: str,
    now: str,
    who: str,
) -> None:
    for entry in entries:
        key = f"{entry['firm_id']}:{entry['year']}"
        try:
            with db.atomic():  # a refused entry leaves nothing of itself behind
                _merge_year(db, folder, entry, report, keeper, source, now, who)
        except _Refused as e:
            report.rejected.append(
                (key, f"{entry['year']}年实绩：{e.zh}", f"Actuals of {entry['year']}: {e.en}")
            )


def _merge_year(
    db: Database,
    folder: Path,
    entry: dict[str, Any],
    report: MergeReport,
    keeper: evidence_files.Keeper,
    source: str,
    now: str,
    who: str,
) -> None:
    firm_id, year = str(entry["firm_id"]), int(entry["year"])
    key = f"{firm_id}:{year}"
    firm = db.execute("SELECT name FROM firms WHERE id = ?", [firm_id]).fetchone()
    if firm is None:
        raise _Refused(f"本机没有企业 {firm_id}", f"there is no firm {firm_id} here")
    if not db.execute(
        "SELECT 1 FROM letters WHERE id = ? AND firm_id = ?", [entry["letter_id"], firm_id]
    ).fetchone():
        raise _Refused(
            f"所依据的告知函 {entry['letter_id']} 不在本机登记簿中：请先导入总部的数据包（告知函随总部的数据包传送）",
            f"the letter it rests on ({entry['letter_id']}) is not in this register: import headquarters' bundle "
            "first (letters come with headquarters' bundles)",
        )
    _actual, data_json, scans = _checked(entry)
    for scan, data in scans.values():  # kept before the commit: a committed row always has its file
        keeper.keep(scan, data)
    remote_hash = actuals_hash(str(entry["letter_id"]), data_json)
    remote_history = add_version([str(h) for h in entry.get("history", [])], remote_hash)
    local_history = actuals_versions(db, firm_id, year)
    local_hash = local_history[-1] if local_history else ""
    merged = add_version(local_history + remote_history, remote_hash)

    def remember(history: list[str]) -> None:
        db.execute(
            "UPDATE ledger_actuals SET hash_history = ? WHERE firm_id = ? AND year = ?",
            [json.dumps(history), firm_id, year],
        )

    def settled() -> None:  # both sides agree now: a conflict parked earlier is moot
        db.execute("DELETE FROM ledger_conflicts WHERE firm_id = ? AND year = ?", [firm_id, year])

    if not local_history:
        write_year(db, folder, entry, merged, now, who, "merge")
        report.ledger_added.append(key)
        report.ledger_firms.add(firm_id)
        settled()
        return
    if local_hash == remote_hash:
        remember(merged)
        report.ledger_unchanged.append(key)
        settled()
        return
    local = db.execute(
        "SELECT letter_id, data_json, recorded_at, recorded_by FROM ledger_actuals WHERE firm_id = ? AND year = ?",
        [firm_id, year],
    ).fetchone()
    remote_newer = (str(entry["recorded_at"]), remote_hash) > (str(local[2]), local_hash)
    both_seen = remote_hash in local_history and local_hash in remote_history
    if (both_seen and not remote_newer) or (not both_seen and remote_hash in local_history):
        remember(add_version(merged, local_hash))  # this side changed since
        report.ledger_kept_local.append(key)
    elif both_seen or local_hash in remote_history:  # only the sender changed (or settled it later)
        write_year(db, folder, entry, merged, now, who, "merge")
        report.ledger_updated.append(key)
        report.ledger_firms.add(firm_id)
        settled()
    else:
        remote = {k: entry.get(k) for k in ("letter_id", "data", "source", "recorded_at", "recorded_by")}
        db.execute(
            "INSERT INTO ledger_conflicts(firm_id, year, remote_json, remote_history, source, found_at) "
            "VALUES (?,?,?,?,?,?) ON CONFLICT(firm_id, year) DO UPDATE SET remote_json = excluded.remote_json, "
            "remote_history = excluded.remote_history, source = excluded.source, found_at = excluded.found_at",
            [firm_id, year, json.dumps(remote, ensure_ascii=False), json.dumps(remote_history), source, now],
        )
        mine = {"letter_id": local[0], "data": json.loads(local[1])}
        report.ledger_conflicts.append(
            LedgerConflict(
                firm_id, str(firm[0]), year, str(local[2]), str(entry["recorded_at"]), str(local[3]),
                str(entry.get("recorded_by", "")), changed_figures(mine, remote), source,
            )
        )  # fmt: skip


# -- conflicts waiting for a person ------------------------------------------------------------------------
def ledger_conflicts(db: Database) -> list[LedgerConflict]:
    out = []
    for row in db.query(
        "SELECT c.firm_id, c.year, c.remote_json, c.source, a.letter_id, a.data_json, a.recorded_at, "
        "a.recorded_by, f.name FROM ledger_conflicts c JOIN ledger_actuals a ON a.firm_id = c.firm_id "
        "AND a.year = c.year LEFT JOIN firms f ON f.id = c.firm_id ORDER BY c.found_at, c.firm_id, c.year"
    ):
        remote = json.loads(row["remote_json"])
        mine = {"letter_id": row["letter_id"], "data": json.loads(row["data_json"])}
        out.append(
            LedgerConflict(
                row["firm_id"], str(row["name"] or row["firm_id"]), int(row["year"]), row["recorded_at"],
                str(remote.get("recorded_at", "")), row["recorded_by"], str(remote.get("recorded_by", "")),
                changed_figures(mine, remote), row["source"],
            )
        )  # fmt: skip
    return out


def resolve_ledger_conflict(db: Database, folder: Path, firm_id: str, year: int, keep: str, who: str) -> None:
    """Keep "local" or "remote"; either way both versions count as seen, so the choice wins on the next exchange."""
    row = db.execute(
        "SELECT remote_json, remote_history FROM ledger_conflicts WHERE firm_id = ? AND year = ?",
        [firm_id, year],
    ).fetchone()
    if row is None:
        raise DomainError(
            f"没有待处理的实绩冲突：{firm_id} {year}年",
            f"No actuals conflict waiting for {firm_id} in {year}",
        )
    remote = json.loads(row[0])
    remote_hash = actuals_hash(
        str(remote["letter_id"]), json.dumps(remote["data"], ensure_ascii=False, sort_keys=True)
    )
    local_history = actuals_versions(db, firm_id, year)
    seen = local_history + json.loads(row[1])
    now = audit.utc_now()
    if keep == "remote":
        entry = {**remote, "firm_id": firm_id, "year": year}
        local_hash = local_history[-1] if local_history else ""
        write_year(db, folder, entry, add_version(seen, local_hash, remote_hash), now, who, "resolve:remote")
    else:
        history = add_version(seen, remote_hash, local_history[-1])
        db.execute(
            "UPDATE ledger_actuals SET hash_history = ? WHERE firm_id = ? AND year = ?",
            [json.dumps(history), firm_id, year],
        )
        audit.record(db, who, "ledger_actuals", f"{firm_id}:{year}", "resolve:local", None, None)
    db.execute("DELETE FROM ledger_conflicts WHERE firm_id = ? AND year = ?", [firm_id, year])
