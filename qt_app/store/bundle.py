"""Bundles (数据包) for moving firms between outposts and headquarters without a server: what goes in, and
merging what comes back. The file format and its checks are in `bundle_format.py`; signing and verifying
(the office's Ed25519 key) in `qt_app.services.bundles`, which calls `export_body` and `merge` here.

Each firm travels with its content hash and its version history (the hashes of every version it has had).
Merging by id: an incoming version this side has already had is older (kept local); a local version the
incoming one has already had means only the other side changed (taken); otherwise both changed, and the
incoming version is parked in `sync_conflicts` and listed for the user — nothing is overwritten silently.
An entry whose id differs from its data's id is refused, never written under either. Exporting changes
nothing, so it works on a read-only copy.

The ledger travels too (issue 15): headquarters' issued letters as read-only copies (`bundle_letters`), each
firm's years of actuals with their scans (`bundle_actuals`, merged by version like firms), and claims
(`bundle_claims`: applications from outposts, headquarters' record back to them). The body says the sender's
role; what is accepted depends on it, on this office's, and at an outpost on whether the bundle is signed with
the key pinned as headquarters' (docs/ledger.md).
"""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qt_app.domain.errors import DomainError, ValidationError
from qt_app.domain.firm_io import firm_from_dict, firm_to_dict
from qt_app.domain.offices import HQ, OUTPOST, SETTING, hq_key_refusal, role_or_default
from qt_app.store import (
    audit,
    bundle_actuals,
    bundle_claims,
    bundle_letters,
    evidence_files,
    firms_repo,
    recovery,
)
from qt_app.store.bundle_format import CONTACT_KEYS, CONTACT_TEXT, check_body, sender_role
from qt_app.store.bundle_report import UNPROVEN, HqSignature
from qt_app.store.bundle_report import Conflict as Conflict  # re-exported
from qt_app.store.bundle_report import LedgerConflict as LedgerConflict  # re-exported
from qt_app.store.bundle_report import MergeReport as MergeReport  # re-exported

if TYPE_CHECKING:
    from qt_app.store.store import Store


def store_id(store: Store) -> str:
    """This database's own id (origin of bundles); made once."""
    value = store.get_setting("store_id", "")
    if not value and not store.read_only:
        value = "s-" + uuid.uuid4().hex[:12]
        store.set_setting("store_id", value, who="system")
    return value


def office_role(store: Store) -> str:
    """This office's role (hq unless set to outpost): what its bundles carry and what it accepts."""
    return role_or_default(store.get_setting(SETTING, HQ))


def export_body(store: Store) -> dict[str, Any]:
    """What a bundle carries: every firm (trash included, so deletions travel) with its version history, the
    contact log, and the ledger — actuals with their scans both ways; from headquarters its issued letters,
    the policy texts they rest on and every claim; from an outpost its applications. The file is checked in
    full first: damaged data is not sent."""
    recovery.require_whole(store, "导出发送", "exported")
    role = office_role(store)
    letters, policies = bundle_letters.export_letters(store.db) if role == HQ else ([], [])
    firms = list(
        store.db.query(
            "SELECT id, data_json, created_at, modified_at, deleted_at, content_hash, hash_history FROM firms"
        )
    )
    columns = ", ".join(sorted(CONTACT_KEYS))
    contacts = list(store.db.query(f"SELECT {columns} FROM contacts"))
    return {
        "origin": store_id(store),
        "office": store.get_setting("issuing_office"),
        "role": role,
        "exported_at": audit.utc_now(),
        "sections": {
            "firms": [
                {
                    "id": r["id"],
                    "data": json.loads(r["data_json"]),
                    "created_at": r["created_at"],
                    "modified_at": r["modified_at"],
                    "deleted_at": r["deleted_at"],
                    "hash": r["content_hash"],
                    "history": json.loads(r["hash_history"]),
                }
                for r in firms
            ],
            "contacts": contacts,
            "letters": letters,
            "policies": policies,
            "ledger": bundle_actuals.export_actuals(store.db, store.folder),
            "claims": bundle_claims.export_claims(store.db, role),
        },
    }


def write_file(path: Path, envelope: dict[str, Any]) -> None:
    """Write the bundle through a temporary name, so a half-written file never looks like a bundle."""
    tmp = path.with_name(path.name + ".part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(json.dumps(envelope, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        raise DomainError(
            f"无法写入数据包 {path}：{e.strerror}", f"Cannot write the bundle {path}: {e.strerror}"
        ) from e


def _history(entry: dict[str, Any], current: str) -> list[str]:
    """The sender's version history; a version-1 bundle knew only its agreed hash."""
    raw = entry.get("history")
    if not isinstance(raw, list):
        raw = [entry.get("base_hash"), entry.get("hash")]
    return firms_repo.add_version([str(h) for h in raw if h], current)


def _changed(local: dict[str, Any], remote: dict[str, Any]) -> tuple[str, ...]:
    keys = sorted(set(local) | set(remote))
    return tuple(k for k in keys if local.get(k) != remote.get(k))


def merge(
    store: Store, body: Any, source: str, who: str = "", signed_by: str = "", hq: HqSignature = UNPROVEN
) -> MergeReport:
    """Merge a verified bundle body into this database in one transaction; conflicts are listed, never
    overwritten. The body's shape is checked first (ValidationError naming every bad path). At an outpost, a
    body saying `hq` brings headquarters' sections only when `hq` proves it is signed with the pinned key."""
    skipped = check_body(body, source)
    sections = body["sections"]
    roles = (sender_role(body), office_role(store))
    report = MergeReport(source, skipped_sections=skipped, signed_by=signed_by, sender_role=roles[0])
    if roles == (HQ, OUTPOST) and not hq.proven:
        sections = _withhold_hq_sections(store.db, sections, report, hq)
        roles = (OUTPOST, OUTPOST)  # what is left is what any office may send: firms, contacts, actuals, 申报
    with (
        evidence_files.Keeper(store.folder) as keeper,
        store.transaction(),
    ):  # scans of a failed import go too
        now = audit.utc_now()
        db = store.db
        origin = str(body.get("origin", ""))
        for entry in sections.get("firms", []):
            _merge_firm(store, entry, report, who, now, origin)
        present = {r[0] for r in db.execute("SELECT id FROM firms").fetchall()}
        for c in sections.get("contacts", []):
            _merge_contact(db, c, present, report)
        # letters before actuals (recorded against them), actuals before claims (applied for on them)
        office = str(body.get("office") or "")
        bundle_letters.merge_letters(
            db, sections.get("letters", []), report, roles, (origin, office), now, who
        )
        bundle_letters.merge_policies(db, sections.get("policies", []), report, roles, now)
        bundle_actuals.merge_actuals(
            db, store.folder, sections.get("ledger", []), report, keeper, source, now, who
        )
        bundle_claims.merge_claims(db, sections.get("claims", []), report, roles, now, who)
        audit.record(db, who, "bundle", source, "import", None, {"summary": report.summary("en")})
    return report


def _withhold_hq_sections(
    db: Any, sections: dict[str, Any], report: MergeReport, hq: HqSignature
) -> dict[str, Any]:
    """The sections without headquarters' (letters, policy texts, claims carrying more than 申报), and one
    refusal in the report naming the signer's key and how to pin headquarters' key. It counts only what is
    not here already: a bundle repeats what was sent before."""
    letters = [e for e in sections.get("letters", []) if not bundle_letters.letter_here(db, e)]
    policies = [e for e in sections.get("policies", []) if not bundle_letters.policy_here(db, e)]
    claims = sections.get("claims", [])
    records = [
        c for c in claims if bundle_claims.carries_hq_records(c) and not bundle_claims.records_here(db, c)
    ]
    counts = (len(letters), len(policies), len(records))
    zh = [f"{label}{n}{unit}" for (label, unit), n in zip(_WITHHELD_ZH, counts, strict=True) if n]
    en = [f"{n} {one if n == 1 else many}" for (one, many), n in zip(_WITHHELD_EN, counts, strict=True) if n]
    if zh:
        words = hq_key_refusal(
            hq.signer, hq.key, hq.key_shown, hq.pinned_shown, ("、".join(zh), ", ".join(en))
        )
        report.rejected.append((hq.key_shown or "hq", *words))
    kept = [c for c in claims if not bundle_claims.carries_hq_records(c)]
    return {**sections, "letters": [], "policies": [], "claims": kept}


_WITHHELD_ZH = (("告知函", "份"), ("政策文本", "份"), ("含审核以后环节或付款、追回记录的兑现申请", "件"))
_CLAIMS_EN = "with steps after the application, payments or recoveries"
_WITHHELD_EN = (
    ("letter", "letters"),
    ("policy text", "policy texts"),
    (f"claim {_CLAIMS_EN}", f"claims {_CLAIMS_EN}"),
)


def _merge_contact(db: Any, c: dict[str, Any], present: set[str], report: MergeReport) -> None:
    """A contact entry is added by id; a newer `modified_at` replaces it, but never moves it to another firm."""
    if c["firm_id"] not in present:
        return
    row = {key: c.get(key, "" if key in CONTACT_TEXT else None) for key in CONTACT_KEYS}
    local = db.execute("SELECT modified_at, firm_id FROM contacts WHERE id = ?", [c["id"]]).fetchone()
    if local is None:
        db.table("contacts").insert(row)
        report.contacts_added += 1
    elif local[1] != c["firm_id"]:
        report.rejected.append(
            (
                c["id"],
                f"联络记录属于另一家企业（本机为 {local[1]}），未导入",
                f"The contact entry belongs to another firm here ({local[1]}); not imported",
            )
        )
    elif str(c["modified_at"]) > str(local[0]):
        db.table("contacts").update(c["id"], row)


def _merge_firm(
    store: Store, entry: dict[str, Any], report: MergeReport, who: str, now: str, source: str
) -> None:
    db = store.db
    firm_id = str(entry["id"])
    inner = entry["data"].get("id")
    if inner != firm_id:  # looked up by one id and written by the other, a local firm would be overwritten
        shown = str(inner)[:64] if inner is not None else "（无）"
        report.rejected.append(
            (
                firm_id,
                f"条目编号 {firm_id} 与数据中的编号 {shown} 不一致，未导入",
                f"The entry's id {firm_id} differs from its data's id {shown}; not imported",
            )
        )
        return
    try:
        firm, variants = firm_from_dict(entry["data"], firm_id)
    except ValidationError as e:
        report.rejected.append((firm_id, e.zh, e.en))
        return
    data = firm_to_dict(firm, variants)
    remote_hash = firms_repo.content_hash(firms_repo.to_json(data), entry.get("deleted_at"))
    remote_history = _history(entry, remote_hash)
    local = firms_repo.raw(db, firm_id)
    local_history: list[str] = json.loads(local["hash_history"]) if local else []
    merged = firms_repo.add_version(local_history + remote_history, remote_hash)

    def take_remote() -> None:
        firms_repo.write(
            db,
            data,
            who=who,
            now=now,
            action="merge",
            modified_at=str(entry.get("modified_at") or now),
            deleted_at=entry.get("deleted_at"),
            history=merged,
            created_at=entry.get("created_at"),
        )

    def remember(history: list[str]) -> None:
        db.execute("UPDATE firms SET hash_history = ? WHERE id = ?", [json.dumps(history), firm_id])

    try:
        if local is None:
            take_remote()
            report.added.append(firm_id)
        elif local["content_hash"] == remote_hash:
            remember(merged)
            report.unchanged.append(firm_id)
        elif remote_hash in local_history and local["content_hash"] in remote_history:
            # Each side has seen the other's version (e.g. both settled a conflict, each taking the
            # other's copy): the later change wins, on both sides alike.
            remote_key = (str(entry.get("modified_at", "")), remote_hash)
            if remote_key > (str(local["modified_at"]), str(local["content_hash"])):
                take_remote()
                report.updated.append(firm_id)
            else:
                remember(firms_repo.add_version(merged, local["content_hash"]))
                report.kept_local.append(firm_id)
        elif remote_hash in local_history:  # this side has had that version: it changed since
            remember(firms_repo.add_version(merged, local["content_hash"]))
            report.kept_local.append(firm_id)
        elif local["content_hash"] in remote_history:  # the other side had this version and changed it
            take_remote()
            report.updated.append(firm_id)
        else:
            local_data = json.loads(local["data_json"])
            conflict = Conflict(
                firm_id,
                firm.name,
                local["modified_at"],
                str(entry.get("modified_at", "")),
                _changed(local_data, data),
                data,
            )
            db.execute(
                "INSERT INTO sync_conflicts(firm_id, remote_json, remote_modified_at, remote_deleted_at, found_at, "
                "source, remote_history) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(firm_id) DO UPDATE SET "
                "remote_json = excluded.remote_json, remote_modified_at = excluded.remote_modified_at, "
                "remote_deleted_at = excluded.remote_deleted_at, found_at = excluded.found_at, "
                "source = excluded.source, remote_history = excluded.remote_history",
                [
                    firm_id,
                    firms_repo.to_json(data),
                    conflict.remote_modified_at,
                    entry.get("deleted_at"),
                    now,
                    source,
                    json.dumps(remote_history),
                ],
            )
            report.conflicts.append(conflict)
    except ValidationError as e:  # e.g. the same credit code entered separately on both sides
        report.rejected.append((firm_id, e.zh, e.en))


def conflicts(store: Store) -> list[Conflict]:
    """Conflicts waiting for the user."""
    out = []
    for row in store.db.query(
        "SELECT c.*, f.data_json, f.modified_at AS local_modified FROM sync_conflicts c "
        "JOIN firms f ON f.id = c.firm_id ORDER BY c.found_at"
    ):
        remote = json.loads(row["remote_json"])
        local = json.loads(row["data_json"])
        out.append(
            Conflict(
                row["firm_id"],
                str(remote.get("name", "")),
                row["local_modified"],
                row["remote_modified_at"],
                _changed(local, remote),
                remote,
            )
        )
    return out


def resolve_conflict(store: Store, firm_id: str, keep: str, who: str = "") -> None:
    """Keep "local" or "remote"; either way the other side's version counts as seen, so the choice travels."""
    if keep not in ("local", "remote"):
        raise DomainError("请选择保留本机或对方的版本", "Choose to keep the local or the remote version")
    with store.transaction():
        row = store.db.execute(
            "SELECT c.remote_json, c.remote_deleted_at, c.remote_history, f.hash_history, f.content_hash "
            "FROM sync_conflicts c JOIN firms f ON f.id = c.firm_id WHERE c.firm_id = ?",
            [firm_id],
        ).fetchone()
        if row is None:
            raise DomainError(f"没有待处理的冲突：{firm_id}", f"No conflict waiting for {firm_id}")
        remote_json, remote_deleted, remote_history, local_history, local_hash = row
        remote_hash = firms_repo.content_hash(remote_json, remote_deleted)
        # Either way both versions count as seen here, so the choice wins on the next exchange.
        seen = json.loads(local_history) + json.loads(remote_history)
        now = audit.utc_now()
        if keep == "remote":
            firms_repo.write(
                store.db,
                json.loads(remote_json),
                who=who,
                now=now,
                action="resolve:remote",
                deleted_at=remote_deleted,
                history=firms_repo.add_version(seen, local_hash, remote_hash),
            )
        else:
            history = firms_repo.add_version(seen, remote_hash, local_hash)
            store.db.execute(
                "UPDATE firms SET hash_history = ?, modified_at = ? WHERE id = ?",
                [json.dumps(history), now, firm_id],
            )
            audit.record(store.db, who, "firms", firm_id, "resolve:local", None, None)
        store.db.execute("DELETE FROM sync_conflicts WHERE firm_id = ?", [firm_id])
