"""The Store (本地数据库): the one object the app and the CLI use to read and write the database file."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, date, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from qt_app.domain.errors import DomainError
from qt_app.domain.pipeline import Stage
from qt_app.store import audit, backups, firms_repo, recovery
from qt_app.store.db import Opened, open_database, transaction
from qt_app.store.errors import StoreCorrupt, StoreError, translate
from qt_app.store.models import ContactEntry, FirmFilter, FirmRow

if TYPE_CHECKING:
    from sqlite_utils import Database

    from qt_app.domain.firm import Firm
    from qt_app.domain.variants import Variant
    from qt_app.store import bundle
    from qt_app.store.ledger_cache import ExposureCache
    from qt_app.store.ledger_repo import LedgerBook
    from qt_app.store.letters import LetterRegister

T = TypeVar("T")
WRITE_LIBRARIES = ("click", "dateutil.parser", "pluggy", "sqlite_fts4")  # what `import sqlite_utils` pulls in

DEFAULT_SETTINGS: dict[str, str] = {
    "issuing_office": "青田县投资促进中心",
    "doc_prefix": "青招",
    "signer": "",
    "language": "zh",
    "default_policy": "qingtian-metaverse-2023",
    "office_role": "hq",  # or "outpost" (qt_app.domain.offices)
}


class Store:
    """An open database file. Writes raise StoreError when the store is read-only (see `notice`)."""

    def __init__(self, opened: Opened) -> None:
        self._opened = opened

    @cached_property
    def letters(self) -> LetterRegister:
        """The letters register (发文登记), made when the letters screen or CLI first needs it."""
        from qt_app.store.letters import LetterRegister

        return LetterRegister(self.db, self.path, self._writable)

    @cached_property
    def ledger(self) -> LedgerBook:
        """The 兑现 ledger's tables (actuals, evidence, claims, payments, budgets), made on first use."""
        from qt_app.store.ledger_repo import LedgerBook

        return LedgerBook(lambda: self.db, self.conn, self.path, self._writable)

    @cached_property
    def exposure_cache(self) -> ExposureCache:
        """Each firm's package amounts by content and policy hash, for the county view."""
        from qt_app.store.ledger_cache import ExposureCache

        return ExposureCache(lambda: self.db, self.conn, self.path, self._writable)

    # -- the file ---------------------------------------------------------------------------------
    @property
    def path(self) -> Path:
        return self._opened.path

    @property
    def folder(self) -> Path:
        return self._opened.folder

    @property
    def read_only(self) -> bool:
        return self._opened.read_only

    @property
    def notice(self) -> tuple[str, str] | None:
        """Why the store is read-only (zh, en), for a banner in the window; None when writable."""
        return self._opened.notice

    @property
    def db(self) -> Database:
        """The sqlite-utils handle (made on first use), for the other modules of `qt_app.store` only."""
        return self._opened.db

    def load_write_libraries(self) -> None:
        """Idle turn before `prepare_writes`: the libraries sqlite-utils imports (click, dateutil, pluggy),
        so neither turn holds the event loop for long (together they took ~70 ms, one turn)."""
        import importlib

        for name in WRITE_LIBRARIES:
            importlib.import_module(name)

    def prepare_writes(self) -> None:
        """Make the sqlite-utils handle now (in idle time) so the first save does not wait for its import,
        and start a big file's full check, which the first save would otherwise wait for."""
        _ = self._opened.db
        if self._opened.integrity is not None:
            self._opened.integrity.start_full()

    @property
    def conn(self) -> sqlite3.Connection:
        """The plain connection: reads go here, so start-up never waits for sqlite-utils to import."""
        return self._opened.conn

    def integrity_ok(self, wait: bool = True) -> bool | None:
        """The start-up quick check: True passed, False damaged (the store turned read-only), None running."""
        check = self._opened.integrity
        if check is None:
            return True
        if not wait and check.ok is None:
            return None
        try:
            self._opened.require_intact()
        except StoreCorrupt:
            return False
        return True

    def close(self) -> None:
        self._opened.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _writable(self) -> None:
        self._opened.require_intact()
        if self.read_only:
            zh, en = self.notice or ("数据库以只读方式打开", "The database is open read-only")
            raise StoreError(f"无法保存：{zh}", f"Cannot save: {en}", self.path)

    def transaction(self) -> Any:
        """One user action = one transaction (for the importer and bundle merging)."""
        self._writable()
        return transaction(self.db, self.path)

    # -- firms ------------------------------------------------------------------------------------
    def save_firm(self, firm: Firm, variants: tuple[Variant, ...] = (), who: str = "") -> None:
        """Save a firm and its variants in one transaction, with an audit entry (保存企业)."""
        self._writable()
        data = firms_repo.validate(firm, variants)
        with transaction(self.db, self.path):
            existing = firms_repo.raw(self.db, firm.id)
            firms_repo.write(
                self.db,
                data,
                who=who,
                now=audit.utc_now(),
                deleted_at=existing["deleted_at"] if existing else None,
            )

    def get_firm(self, firm_id: str) -> tuple[Firm, tuple[Variant, ...]]:
        return firms_repo.load(self.conn, firm_id)

    def count_firms(self, query: str = "", filters: FirmFilter | None = None) -> int:
        return self._read(lambda: firms_repo.count(self.conn, query, filters))

    def list_firms(
        self,
        query: str = "",
        filters: FirmFilter | None = None,
        sort: str = "modified_at",
        descending: bool = True,
        offset: int = 0,
        limit: int = 100,
    ) -> list[FirmRow]:
        return self._read(
            lambda: firms_repo.list_rows(self.conn, query, filters, sort, descending, offset, limit)
        )

    def _read(self, fn: Callable[[], T]) -> T:
        try:
            return fn()
        except sqlite3.Error as e:
            raise translate(e, self.path) from e

    def delete_firm(self, firm_id: str, who: str = "") -> None:
        """Move a firm to the trash (回收站); its letters stay in the register untouched."""
        self._writable()
        with transaction(self.db, self.path):
            now = audit.utc_now()
            firms_repo.set_deleted(self.db, firm_id, now, who, now)

    def restore_firm(self, firm_id: str, who: str = "") -> None:
        """Bring a firm back from the trash."""
        self._writable()
        with transaction(self.db, self.path):
            row = firms_repo.raw(self.db, firm_id)
            if row is None:
                raise firms_repo.FirmNotFound(firm_id)
            taken = self.db.execute(
                "SELECT name FROM firms WHERE uscc = ? AND id != ? AND deleted_at IS NULL",
                [row["uscc"], firm_id],
            ).fetchone()
            if row["uscc"] and taken:
                raise DomainError(
                    f"无法恢复：统一社会信用代码已被“{taken[0]}”使用",
                    f"Cannot restore: the credit code is now used by “{taken[0]}”",
                )
            firms_repo.set_deleted(self.db, firm_id, None, who, audit.utc_now())

    def trash(self) -> list[FirmRow]:
        return firms_repo.list_rows(
            self.conn, sort="modified_at", descending=True, limit=10_000, deleted=True
        )

    def set_stage(self, firm_id: str, stage: Stage | str, reason: str = "", who: str = "") -> None:
        """Move a firm along the pipeline (招商阶段); 终止 needs a reason."""
        stage = Stage(stage)
        if stage is Stage.TERMINATED and not reason.strip():
            raise DomainError("终止须说明原因", "Terminating needs a reason")
        self._writable()
        with transaction(self.db, self.path):
            firm, variants = firms_repo.load(self.db, firm_id)
            changed = firm.with_changes(stage=stage, stage_reason=reason.strip())
            row = firms_repo.raw(self.db, firm_id)
            firms_repo.write(
                self.db,
                firms_repo.validate(changed, variants),
                who=who,
                now=audit.utc_now(),
                action="stage",
                deleted_at=row["deleted_at"] if row else None,
            )

    def all_firms(self) -> Iterator[tuple[Firm, tuple[Variant, ...]]]:
        return firms_repo.iterate(self.conn)

    def find_firm_by_uscc(self, code: str) -> str | None:
        return firms_repo.find_by_uscc(self.conn, code)

    # -- contact log ------------------------------------------------------------------------------
    def add_contact(
        self,
        firm_id: str,
        when: date | str,
        kind: str,
        who: str,
        notes: str = "",
        next_step: str = "",
        by: str = "",
    ) -> str:
        """Add an entry to a firm's contact log (联络记录); returns its id."""
        self._writable()
        day = when.isoformat() if isinstance(when, date) else str(when)
        try:
            date.fromisoformat(day)
        except ValueError:
            raise DomainError(
                f"日期格式应为 2026-03-05，实为“{day}”", f"Expected a date like 2026-03-05, found “{day}”"
            ) from None
        entry_id = "c-" + os.urandom(8).hex()  # 16 random hex digits (uuid costs 2 ms to import)
        now = audit.utc_now()
        row = {
            "id": entry_id, "firm_id": firm_id, "date": day, "kind": kind, "who": who, "notes": notes,
            "next_step": next_step, "created_at": now, "modified_at": now,
        }  # fmt: skip
        with transaction(self.db, self.path):
            if firms_repo.raw(self.db, firm_id) is None:
                raise firms_repo.FirmNotFound(firm_id)
            self.db.table("contacts").insert(row)
            audit.record(self.db, by or who, "contacts", entry_id, "create", None, row)
        return entry_id

    def contacts(self, firm_id: str) -> list[ContactEntry]:
        rows = self.conn.execute(
            "SELECT id, firm_id, date, kind, who, notes, next_step, created_at, modified_at FROM contacts "
            "WHERE firm_id = ? AND deleted_at IS NULL ORDER BY date DESC, created_at DESC",
            [firm_id],
        ).fetchall()
        return [ContactEntry(*r) for r in rows]

    # -- settings ---------------------------------------------------------------------------------
    def get_setting(self, key: str, default: str | None = None) -> str:
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        if row is not None:
            return str(row[0])
        if default is not None:
            return default
        return DEFAULT_SETTINGS.get(key, "")

    def set_setting(self, key: str, value: str, who: str = "") -> None:
        self._writable()
        with transaction(self.db, self.path):
            before = self.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
            self.db.execute(
                "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, value],
            )
            audit.record(self.db, who, "settings", key, "set", before[0] if before else None, value)

    # -- package totals (list column, exposure) ---------------------------------------------------
    def put_package_total(
        self,
        firm_id: str,
        variant: str,
        policy_hash: str,
        total_fen: int,
        by_year: Mapping[int, int] | None = None,
    ) -> None:
        """Remember a computed package total; a later save of the firm clears it (the figure goes stale)."""
        self._writable()
        with transaction(self.db, self.path):
            self.db.execute(
                "INSERT INTO package_cache(firm_id, variant, policy_hash, total_fen, by_year_json, computed_at) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(firm_id, variant) DO UPDATE SET policy_hash = excluded.policy_hash, "
                "total_fen = excluded.total_fen, by_year_json = excluded.by_year_json, computed_at = excluded.computed_at",
                [
                    firm_id, variant, policy_hash, int(total_fen),
                    json.dumps({str(k): int(v) for k, v in (by_year or {}).items()}), audit.utc_now(),
                ],
            )  # fmt: skip

    def package_totals(self, policy_hash: str | None = None) -> list[dict[str, Any]]:
        """Cached totals (firm_id, variant, policy_hash, total_fen, by_year) for firms not in the trash."""
        sql = (
            "SELECT p.firm_id, p.variant, p.policy_hash, p.total_fen, p.by_year_json, p.computed_at, f.stage "
            "FROM package_cache p JOIN firms f ON f.id = p.firm_id WHERE f.deleted_at IS NULL"
        )
        params: list[Any] = []
        if policy_hash is not None:
            sql += " AND p.policy_hash = ?"
            params.append(policy_hash)
        out = []
        for row in self.db.query(sql, params):
            row["by_year"] = {int(k): int(v) for k, v in json.loads(row.pop("by_year_json")).items()}
            out.append(row)
        return out

    # -- audit ------------------------------------------------------------------------------------
    def audit_log(self, table: str | None = None, record_id: str | None = None) -> list[dict[str, Any]]:
        return audit.entries(self.db, table, record_id)

    # -- backups and the file's health (see recovery.py) -------------------------------------------
    @property
    def damaged(self) -> tuple[str, ...]:
        """What the full check found wrong with the file (empty when whole); a damaged store is read-only."""
        return self._opened.damage

    def check_file(self) -> recovery.CheckReport:
        """The full integrity check now (设置 → 检查数据文件); a damaged file turns read-only."""
        return recovery.check(self)

    def backup(self, to: str | Path | None = None, kind: str = "manual") -> Path:
        """Check the file in full, then copy it with the SQLite backup API (into the backups folder, rotated,
        unless `to` is given). Raises StoreCorrupt for a damaged file, StoreFull when space is short."""
        return recovery.take_backup(self, to, kind)

    def daily_backup(self, today: date | None = None) -> Path | None:
        """Take today's automatic backup if there is none yet (rotation follows every backup)."""
        if self.read_only:
            return None
        day = today or datetime.now(UTC).date()
        if backups.has_daily_for(self.folder, day) or self.is_empty():
            return None
        return self.backup(kind="daily")

    def list_backups(self) -> list[backups.BackupInfo]:
        return backups.list_backups(self.folder)

    def restore(self, source: str | Path, who: str = "") -> Path:
        """Replace the database with a fully checked backup; returns the safety copy taken first (for a
        damaged file: where the damaged file was kept). The ledger's scans the backup carried come back too."""
        safety = recovery.restore(self, source, who)
        backups.restore_evidence(Path(source), self.folder)
        return safety

    def _replace(self, opened: Opened) -> None:
        """Continue on a reopened file (after a restore over a damaged one)."""
        self._opened = opened
        for made in ("letters", "ledger", "exposure_cache"):  # built on the old connection
            self.__dict__.pop(made, None)

    # -- bundles between outposts and headquarters (signing: qt_app.services.bundles) ---------------
    def conflicts(self) -> list[bundle.Conflict]:
        from qt_app.store import bundle

        return bundle.conflicts(self)

    def resolve_conflict(self, firm_id: str, keep: str, who: str = "") -> None:
        self._writable()
        from qt_app.store import bundle

        bundle.resolve_conflict(self, firm_id, keep, who)

    def ledger_conflicts(self) -> list[bundle.LedgerConflict]:
        """Years of actuals recorded differently on both sides, waiting for a person."""
        from qt_app.store import bundle_actuals

        return bundle_actuals.ledger_conflicts(self.db)

    def resolve_ledger_conflict(self, firm_id: str, year: int, keep: str, who: str = "") -> None:
        """Keep "local" or "remote" for a firm's year of actuals; the choice travels on the next exchange."""
        if keep not in ("local", "remote"):
            raise DomainError("请选择保留本机或对方的版本", "Choose to keep the local or the remote version")
        from qt_app.store import bundle_actuals

        with self.transaction():
            bundle_actuals.resolve_ledger_conflict(self.db, self.folder, firm_id, year, keep, who)

    # -- demo -------------------------------------------------------------------------------------
    def is_empty(self) -> bool:
        return not self.conn.execute("SELECT EXISTS (SELECT 1 FROM firms)").fetchone()[0]

    def add_missing_firms(
        self,
        items: list[dict[str, Any]],
        contacts: list[tuple[str, str, str, str, str, str]] = (),  # type: ignore[assignment]
        who: str = "",
    ) -> int:
        """Insert the firms not here yet (by id or credit code) and, for those, their contact entries; one transaction."""
        self._writable()
        added: set[str] = set()
        with transaction(self.db, self.path):
            now = audit.utc_now()
            for data in items:
                if firms_repo.raw(self.db, data["id"]) or firms_repo.find_by_uscc(self.db, data["uscc"]):
                    continue
                firms_repo.write(self.db, data, who=who, now=now)
                added.add(data["id"])
            for firm_id, day, kind, person, notes, next_step in contacts:
                if firm_id in added:
                    self.add_contact(firm_id, day, kind, person, notes, next_step, by=who)
        return len(added)

    def import_firm_dicts(self, items: list[dict[str, Any]], who: str = "") -> int:
        """Save many canonical firm dicts in one transaction (demo data, imports)."""
        self._writable()
        with transaction(self.db, self.path):
            now = audit.utc_now()
            from qt_app.domain.firm_io import firm_from_dict

            for data in items:
                firm_from_dict(data, str(data.get("name", "")))
                firms_repo.write(self.db, data, who=who, now=now)
        return len(items)


def open_store_at(
    data_dir: str | Path | None = None,
    read_only: bool = False,
    require_write: bool = False,
    auto_backup: bool = True,
) -> Store:
    """Open the Store in the data folder; takes the daily backup when writable."""
    store = Store(open_database(data_dir, read_only=read_only, require_write=require_write))
    if not store.read_only:
        backups.clean_parts(store.folder)  # half-written copies a killed process left behind
    if auto_backup and not store.read_only and store._opened.integrity is not None:
        # A big file: take the daily copy on its own connection once the background check has passed.
        threading.Thread(target=recovery.daily_backup_beside, args=(store._opened,), daemon=True).start()
    elif auto_backup and not store.read_only:
        # A failed automatic backup must not stop the user working; the next open retries.
        with contextlib.suppress(StoreError, OSError):
            store.daily_backup()
    return store
