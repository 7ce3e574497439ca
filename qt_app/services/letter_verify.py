"""Verifying a letter (or a 兑现 paper) offline: the PDF or the QR text, then this office's register."""

from __future__ import annotations

from pathlib import Path

from qt_app.domain.errors import DomainError
from qt_app.reports.official import payload
from qt_app.reports.signing import KeyRing
from qt_app.reports.verify import (
    REGISTER_KNOWN,
    REGISTER_MISMATCH,
    REGISTER_UNKNOWN,
    Verdict,
    verify_payload_text,
    verify_pdf_bytes,
)
from qt_app.services.letter_register import LetterStore, keyring_of


def _check_register(verdict: Verdict, store: LetterStore | None) -> Verdict:
    """Known to this office's register (and its status), unknown, or our 文号 with other content."""
    if store is None or not verdict.readable:
        return verdict
    if int(verdict.payload.get("x", 1) or 1) in payload.LEDGER_KINDS:  # a 兑现审核表 or 对账单
        from qt_app.services.ledger_papers import check_register
        from qt_app.store.store import Store

        return check_register(verdict, store) if isinstance(store, Store) else verdict
    from qt_app.store.letters import STATUS_LABELS

    p = verdict.payload
    row = store.letters.get(str(p.get("i", "")))
    issued = row is not None and bool(row.get("content_hash"))
    if row is not None and not issued and p.get("d"):
        verdict.register = REGISTER_KNOWN  # a draft of ours: the register knows it, unnumbered
    elif not issued:
        other = store.letters.by_doc_number(str(p["n"])) if p.get("n") else None
        if other is not None and other.get("key_fingerprint") == p.get("k"):
            verdict.register = REGISTER_MISMATCH  # our number, our key, different content
            verdict.register_status = str(other["status"])
        else:
            verdict.register = REGISTER_UNKNOWN
        return verdict
    else:
        assert row is not None
        same = (
            str(row.get("content_hash") or "").startswith(str(p.get("h") or "-"))
            and (row.get("doc_number") or "") == p.get("n")
            and int(row.get("total_fen") or 0) == p.get("t")
        )
        verdict.register = REGISTER_KNOWN if same else REGISTER_MISMATCH
    assert row is not None
    verdict.register_status = str(row["status"])
    verdict.register_status_label = STATUS_LABELS.get(verdict.register_status, ("", ""))
    return verdict


def verify_pdf(
    path_or_bytes: str | Path | bytes,
    store: LetterStore | None = None,
    keyring: KeyRing | None = None,
    qr_text: str | None = None,
) -> Verdict:
    """Check a letter PDF offline: signature, every page's visible text, snapshot, file, and the register.

    `qr_text` (scanned from the paper) lets a copy that lost its metadata be checked against the pages."""
    if isinstance(path_or_bytes, bytes):
        data = path_or_bytes
    else:
        try:
            data = Path(path_or_bytes).read_bytes()
        except OSError as e:
            raise DomainError(
                f"无法读取文件 {path_or_bytes}：{e.strerror}", f"Cannot read {path_or_bytes}: {e.strerror}"
            ) from e
    return _check_register(verify_pdf_bytes(data, keyring_of(store, keyring), qr_text), store)


def verify_qr_text(text: str, store: LetterStore | None = None, keyring: KeyRing | None = None) -> Verdict:
    """Check the text a QR scanner read from a printed letter."""
    return _check_register(verify_payload_text(text, keyring_of(store, keyring)), store)
