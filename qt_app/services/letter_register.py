"""The letter register as the letter use cases see it: the store's protocol, a register row, the keyring.

Kept apart from `letters` so the terms, verification and batch modules can share it without importing the
renderer.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from qt_app.reports.signing import KeyRing

ISSUED_STATES = frozenset({"issued", "accepted", "declined", "expired", "voided"})


class _Register(Protocol):
    def create_draft(self, record: dict[str, Any], who: str = "") -> str: ...
    def get(self, letter_id: str) -> dict[str, Any] | None: ...
    def update_draft(self, letter_id: str, fields: dict[str, Any], who: str = "") -> None: ...
    def set_status(self, letter_id: str, status: str, who: str, note: str = "") -> None: ...
    def issue(
        self, letter_id: str, prefix: str, year: int, build: Callable[[str], dict[str, Any]], who: str = ""
    ) -> dict[str, Any]: ...
    def by_content_hash(self, content_hash: str) -> dict[str, Any] | None: ...
    def by_doc_number(self, number: str) -> dict[str, Any] | None: ...
    def copy_of(self, letter_id: str) -> str | None: ...
    def search(self, query: str = "", status: str | None = None) -> list[dict[str, Any]]: ...


class LetterStore(Protocol):
    """What the letter use cases need of the store (`qt_app.store.store.Store` satisfies it)."""

    @property
    def letters(self) -> _Register: ...
    @property
    def folder(self) -> Path: ...
    def get_setting(self, key: str, default: str | None = None) -> str: ...


@dataclass(frozen=True)
class LetterRecord:
    """One row of the letter register, as the windows and the CLI show it."""

    id: str
    firm_id: str
    firm_name: str
    firm_uscc: str
    variant: str
    status: str
    doc_number: str
    total_fen: int
    content_hash: str
    key_fingerprint: str
    payload: str
    supersedes: str
    created_at: str
    approved_by: str
    approved_at: str
    issued_at: str
    note: str

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> LetterRecord:
        def s(key: str) -> str:
            value = row.get(key)
            return "" if value is None else str(value)

        return cls(
            id=s("id"),
            firm_id=s("firm_id"),
            firm_name=s("firm_name"),
            firm_uscc=s("firm_uscc"),
            variant=s("variant"),
            status=s("status"),
            doc_number=s("doc_number"),
            total_fen=int(row.get("total_fen") or 0),
            content_hash=s("content_hash"),
            key_fingerprint=s("key_fingerprint"),
            payload=s("payload"),
            supersedes=s("supersedes"),
            created_at=s("created_at"),
            approved_by=s("approved_by"),
            approved_at=s("approved_at"),
            issued_at=s("issued_at"),
            note=s("note"),
        )


def keyring_of(store: LetterStore | None, keyring: KeyRing | None) -> KeyRing:
    """The keyring given, else the store's (`<data>/keys/`), else the default folder's."""
    if keyring is not None:
        return keyring
    return KeyRing(store.folder) if store is not None else KeyRing()
