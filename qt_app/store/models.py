"""Plain records the store hands out: list rows, filters, contact-log entries."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FirmFilter:
    """List filters (筛选): any combination; empty means "all"."""

    stages: tuple[str, ...] = ()
    domain: str = ""
    outpost: str = ""
    owner: str = ""


@dataclass(frozen=True)
class FirmRow:
    """One line of the firm list (企业列表): what the table shows without loading the whole firm."""

    id: str
    name: str
    uscc: str
    stage: str
    domains: tuple[str, ...]
    outpost: str
    owner: str
    modified_at: str
    package_total_fen: int | None
    deleted_at: str | None = None


@dataclass(frozen=True)
class ContactEntry:
    """One entry of a firm's contact log (联络记录): date, kind (visit, call…), who, notes, next step."""

    id: str
    firm_id: str
    date: str
    kind: str
    who: str
    notes: str
    next_step: str
    created_at: str
    modified_at: str


SORT_COLUMNS = (
    "name",
    "uscc",
    "stage",
    "domains",
    "outpost",
    "owner",
    "modified_at",
    "created_at",
    "package_total_fen",
)
