"""Firm use cases (企业档案服务): open the local database and work with firms, plain data in and out.

The window and the CLI call these; the SQL lives in `qt_app.store`.
"""

from __future__ import annotations

from pathlib import Path

from qt_app.store.bundle import Conflict, MergeReport
from qt_app.store.errors import StoreBusy, StoreCorrupt, StoreError, StoreFull
from qt_app.store.exporter import export_firms as _export
from qt_app.store.exporter import write_template
from qt_app.store.importer import (
    ImportRefused,
    ImportReport,
    apply_import,
    plan_import,
)
from qt_app.store.letters import LetterError, LetterRegister
from qt_app.store.models import ContactEntry, FirmFilter, FirmRow
from qt_app.store.recovery import CheckReport, recover_from_backup
from qt_app.store.sheet_readers import RowProblem
from qt_app.store.store import DEFAULT_SETTINGS, Store, open_store_at

__all__ = [
    "DEFAULT_SETTINGS",
    "CheckReport",
    "Conflict",
    "ContactEntry",
    "FirmFilter",
    "FirmRow",
    "ImportRefused",
    "ImportReport",
    "LetterError",
    "LetterRegister",
    "MergeReport",
    "RowProblem",
    "Store",
    "StoreBusy",
    "StoreCorrupt",
    "StoreError",
    "StoreFull",
    "apply_import",
    "check_data_file",
    "export_firm_file",
    "export_firms",
    "import_firms",
    "newest_good_backup",
    "open_store",
    "plan_import",
    "recover_from_backup",
    "restore_newest_good",
    "write_template",
]


def open_store(
    data_dir: str | Path | None = None,
    read_only: bool = False,
    require_write: bool = False,
    auto_backup: bool = True,
) -> Store:
    """Open `offer-desk.sqlite3` in the data folder (--data-dir, $OFFER_DESK_DATA_DIR, or the user's).

    A second copy of the app gets a read-only Store whose `notice` says why (zh, en); with
    `require_write=True` it raises StoreError instead. A damaged file raises StoreCorrupt naming the
    newest good backup, and is left untouched.
    """
    return open_store_at(data_dir, read_only=read_only, require_write=require_write, auto_backup=auto_backup)


def import_firms(store: Store, path: str | Path, skip_invalid: bool = False, who: str = "") -> ImportReport:
    """Import .xlsx/.csv/.json: checked row by row first, then one transaction; ImportRefused if not written.

    The same operation the import dialog runs (`operations.firms.plan_import` then `import_firms`).
    """
    from qt_app.services.operations import firms as firm_ops
    from qt_app.services.session import Session

    session = Session(store)
    report = firm_ops.plan_import(session, path, skip_invalid)
    return firm_ops.import_firms(session, report, who).value


def export_firms(store: Store, path: str | Path) -> int:
    """Export the firms (not the trash) to .xlsx, .csv or .json; returns how many."""
    return _export(store, path)


def check_data_file(store: Store) -> CheckReport:
    """检查数据文件: the full integrity check now. A damaged file turns read-only, and the report names the
    newest good backup, which `restore_newest_good` puts back."""
    return store.check_file()


def newest_good_backup(store: Store) -> Path | None:
    """The newest backup that opens and passes a check: what is offered for a damaged file."""
    from qt_app.store.backups import newest_good

    return newest_good(store.folder)


def restore_newest_good(store: Store, who: str = "") -> Path | None:
    """Put the newest good backup in place of a damaged file (kept aside, never deleted); returns where the
    damaged file (or the safety copy) went, None when there is no good backup."""
    good = newest_good_backup(store)
    if good is None:
        return None
    return store.restore(good, who)


def export_firm_file(store: Store, firm_id: str, path: str | Path) -> Path:
    """One firm as a firm file (its variants too), which `python -m qt_app simulate` reads."""
    import json

    from qt_app.domain.errors import DomainError
    from qt_app.domain.firm_io import firm_to_dict

    firm, variants = store.get_firm(firm_id)
    target = Path(path)
    try:
        target.write_text(
            json.dumps(firm_to_dict(firm, variants), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    except OSError as e:
        raise DomainError(f"无法写入 {target}：{e.strerror}", f"Cannot write {target}: {e.strerror}") from e
    return target
