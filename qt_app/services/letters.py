"""Offer letters (意向书/告知函) as use cases: render and the register lifecycle (terms: `letter_terms`;
verification: `letter_verify`; batches: `letter_batch`; the register's protocol: `letter_register`).

Plain data in and out, no Qt. Lifecycle over `Store.letters`: draft (a firm + a variant, its approved
content frozen as the draft core) → submitted → approved → issued (next gap-free 文号, full snapshot
frozen, content hash signed) → accepted / declined / expired, or voided. An issued letter is never edited;
a change is a new letter that supersedes it (the old one is voided when the new one is issued).
"""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from qt_app.domain.errors import DomainError
from qt_app.domain.firm import Firm
from qt_app.domain.offices import LETTERS_AT_HQ_REASON, OUTPOST
from qt_app.domain.package import Package
from qt_app.domain.variants import BASE, Variant
from qt_app.reports.letter_pdf import normalized, render_pdf, unprintable_in
from qt_app.reports.official import fonts, payload
from qt_app.reports.official.canvas import Built
from qt_app.reports.official.digest import PageView, document_digest
from qt_app.reports.signing import KeyRing
from qt_app.reports.snapshot import (
    KIND_NOTICE,
    Contact,
    LetterTerms,
    build_core,
    canonical_json,
    claims,
    content_hash,
    finalize,
)
from qt_app.reports.texts import LetterTexts, load_texts
from qt_app.services.letter_register import ISSUED_STATES as ISSUED_STATES
from qt_app.services.letter_register import LetterRecord as LetterRecord
from qt_app.services.letter_register import LetterStore as LetterStore
from qt_app.services.letter_register import keyring_of as _keyring
from qt_app.services.letter_terms import CONTACT_NAME as CONTACT_NAME
from qt_app.services.letter_terms import CONTACT_PHONE as CONTACT_PHONE
from qt_app.services.letter_terms import LETTER_CC as LETTER_CC
from qt_app.services.letter_terms import SETTING_KEYS as SETTING_KEYS
from qt_app.services.letter_terms import check_contact as check_contact
from qt_app.services.letter_terms import letter_contact as letter_contact
from qt_app.services.letter_terms import save_letter_contact as save_letter_contact
from qt_app.services.letter_terms import terms_from_settings as terms_from_settings
from qt_app.services.letter_terms import terms_from_store as terms_from_store
from qt_app.services.letter_verify import verify_pdf as verify_pdf
from qt_app.services.letter_verify import verify_qr_text as verify_qr_text
from qt_app.services.offices import office_role


def refuse_unprintable(snapshot: Mapping[str, Any]) -> None:
    """Every character prints, or nothing is issued: name the first characters no bundled face has."""
    missing = unprintable_in(snapshot)
    if not missing:
        return
    zh = "、".join(f"{fonts.describe(ch)}（{where.split(' / ')[0]}）" for ch, where in missing[:5])
    en = ", ".join(f"U+{ord(ch):04X} ({where.split(' / ')[-1]})" for ch, where in missing[:5])
    raise DomainError(
        f"无法出具：字符 {zh} 没有可用的公文字体，打印会缺字。请改用规范汉字后再出具（文号未占用）。",
        f"Cannot issue: characters {en} have no glyph in the letter's fonts and would print as gaps. "
        "Replace them, then issue again (no number was used).",
    )


# -- rendering ---------------------------------------------------------------------------------------------


def pick_variant(variants: Variant | Sequence[Variant] | None, name: str) -> Variant:
    """The variant the package was computed for (by name), from one variant or a firm's list."""
    if isinstance(variants, Variant):
        return variants
    for v in variants or ():
        if v.name == name:
            return v
    if name and name != BASE:
        return Variant(name=name, label=name)
    return Variant()


def seal(snapshot: Mapping[str, Any], keyring: KeyRing) -> Built:
    """Render the letter and sign it twice: the QR payload binds the content hash and the digest of every
    page's visible text (computed from the rendered pages in the same pass); the file seal in /Keywords
    covers every byte of the file as issued."""
    digest = content_hash(snapshot)
    key_fp = keyring.fingerprint()

    drawn = normalized(snapshot)  # a first-format snapshot: cash apart from in-kind, as the pages show it

    def sign(pages: list[PageView]) -> str:
        body = payload.pack(claims(drawn, digest, len(pages), document_digest(pages), key_fp))
        return payload.to_text(body, keyring.sign_message(payload.message(body)))

    return render_pdf(snapshot, digest, key_fp, sign, keyring.sign_message)


def render_letter(
    firm: Firm,
    variants: Variant | Sequence[Variant] | None,
    package: Package,
    policy: Any,
    settings: Mapping[str, str] | LetterTerms | None = None,
    language: str = "zh",
    draft: bool = True,
    *,
    letter_id: str | None = None,
    doc_number: str = "",
    issue_date: date | None = None,
    keyring: KeyRing | None = None,
    texts: LetterTexts | None = None,
) -> bytes:
    """A letter PDF straight from a firm and its package (drafts from the CLI, previews, batches).

    Drafts carry no 文号 and a 草稿/DRAFT watermark; their QR payload is still signed (marked draft), so a
    copy handed to a firm can be checked for tampering.
    """
    if language not in ("zh", "zh+en"):
        raise DomainError(
            f"语言应为 zh 或 zh+en，实为“{language}”", f"Language must be zh or zh+en, not “{language}”"
        )
    if not draft and not doc_number:
        raise DomainError("正式告知函需要文号", "An issued letter needs a document number (文号)")
    variant = pick_variant(variants, package.variant)
    core = build_core(firm=firm, variant=variant, package=package, policy=policy, language=language)
    snapshot = finalize(
        core,
        terms=terms_from_settings(settings),
        texts=texts or load_texts(),
        letter_id=letter_id or "draft-" + uuid.uuid4().hex[:12],
        issue_date=issue_date or date.today(),
        doc_number="" if draft else doc_number,
        draft=draft,
    )
    return seal(snapshot, keyring or KeyRing()).pdf


def unprintable_chars(
    firm: Firm,
    variants: Variant | Sequence[Variant] | None,
    package: Package,
    policy: Any,
    language: str = "zh",
    settings: Mapping[str, str] | LetterTerms | None = None,
) -> list[tuple[str, str]]:
    """(character, where) for what a letter for this firm could not print (the draft shows the same list)."""
    core = build_core(
        firm=firm,
        variant=pick_variant(variants, package.variant),
        package=package,
        policy=policy,
        language=language,
    )
    snapshot = finalize(
        core,
        terms=terms_from_settings(settings),
        texts=load_texts(),
        letter_id="draft-0",
        issue_date=date.today(),
    )
    return unprintable_in(snapshot)


def letter_kind(package: Package) -> str:
    """offer, or notice (不予支持告知函) when the firm is excluded or nothing would be paid: never a ¥0 offer."""
    return "offer" if package.eligible and package.total > 0 else KIND_NOTICE


# -- lifecycle ---------------------------------------------------------------------------------------------


def _row(store: LetterStore, letter_id: str) -> dict[str, Any]:
    row = store.letters.get(letter_id)
    if row is None:
        raise DomainError(f"找不到意向书：{letter_id}", f"No such letter: {letter_id}")
    return row


def _draft_fields(
    firm: Firm, variants: Variant | Sequence[Variant] | None, package: Package, policy: Any, language: str
) -> dict[str, Any]:
    """What the register keeps for a draft: firm, variant, total, policy and the frozen draft content."""
    variant = pick_variant(variants, package.variant)
    core = build_core(firm=firm, variant=variant, package=package, policy=policy, language=language)
    return {
        "firm_name": firm.name,
        "firm_uscc": firm.uscc,
        "variant": variant.name,
        "total_fen": int(package.total),
        "policy_id": core["policy"]["id"],
        "policy_version": core["policy"]["version"],
        "policy_hash": core["policy"]["hash"],
        "snapshot_json": json.dumps({"draft_core": core}, ensure_ascii=False),
    }


def create_draft(
    store: LetterStore,
    firm: Firm,
    variants: Variant | Sequence[Variant] | None,
    package: Package,
    policy: Any,
    language: str = "zh",
    who: str = "",
    supersedes: str = "",
    note: str = "",
) -> str:
    """Register a draft letter for a firm and variant; its content (the package) is frozen as the draft core."""
    record = {"firm_id": firm.id, **_draft_fields(firm, variants, package, policy, language), "note": note}
    if supersedes:
        old = _row(store, supersedes)
        if old["status"] not in ISSUED_STATES or old["status"] == "voided":
            raise DomainError(
                "只能取代已出具且未作废的意向书", "Only an issued, not voided letter can be superseded"
            )
        record["supersedes"] = supersedes
    return store.letters.create_draft(record, who)


def refresh_draft(
    store: LetterStore,
    letter_id: str,
    firm: Firm,
    variants: Variant | Sequence[Variant] | None,
    package: Package,
    policy: Any,
    language: str = "zh",
    who: str = "",
) -> None:
    """Recompute a draft's content (refused by the register once approved or issued)."""
    store.letters.update_draft(letter_id, _draft_fields(firm, variants, package, policy, language), who)


def submit_letter(store: LetterStore, letter_id: str, who: str) -> None:
    store.letters.set_status(letter_id, "submitted", who)


def approve_letter(store: LetterStore, letter_id: str, who: str) -> None:
    """审批: records who approved and when."""
    store.letters.set_status(letter_id, "approved", who)


def set_letter_status(store: LetterStore, letter_id: str, status: str, who: str, note: str = "") -> None:
    """accepted / declined / expired / voided (the register refuses moves that make no sense)."""
    store.letters.set_status(letter_id, status, who, note)


def search_letters(store: LetterStore, query: str = "", status: str | None = None) -> list[LetterRecord]:
    """The register view: letters matching a firm name, credit code or 文号 fragment, newest first."""
    return [LetterRecord.from_row(row) for row in store.letters.search(query, status)]


def _draft_core(row: Mapping[str, Any]) -> dict[str, Any]:
    try:
        data = json.loads(row.get("snapshot_json") or "")
    except ValueError:
        data = None
    if not isinstance(data, dict) or "draft_core" not in data:
        raise DomainError(
            f"意向书 {row.get('id')} 没有可出具的内容，请重新生成草稿",
            f"Letter {row.get('id')} has no content to issue; regenerate the draft",
        )
    core = data["draft_core"]
    assert isinstance(core, dict)
    return core


def issue_letter(
    store: LetterStore,
    letter_id: str,
    who: str,
    *,
    contact: Contact | None = None,
    cc: str | None = None,
    today: date | None = None,
    keyring: KeyRing | None = None,
    texts: LetterTexts | None = None,
    policies: Sequence[Any] = (),
) -> LetterRecord:
    """出具: next 文号 of the year (gap-free), frozen snapshot, signed payload — one register transaction.

    The text of the policy version the letter rests on is kept in the database (found by its hash among
    `policies` and the bundled version), so its 兑现 stays computable when the file is gone.

    `contact` and `cc` are the officer's edit at issue time (default: settings). Every character of the
    letter is checked against the bundled faces first: an unprintable one refuses the issue, naming it,
    before a number is taken.
    """
    if office_role(store) == OUTPOST:
        zh, en = LETTERS_AT_HQ_REASON
        raise DomainError(
            f"本机设为联络处，不能出具告知函：{zh}。请把草稿交总部出具（设置 → 本机角色）",
            f"This office is an outpost and cannot issue letters: {en}. Have headquarters issue the draft "
            "(Settings → office role)",
        )
    row = _row(store, letter_id)
    core = _draft_core(row)
    terms = terms_from_store(store)
    if contact is not None:
        terms = replace(terms, contact=check_contact(contact, cc or ""))
    if cc is not None:
        if len(cc) > 120:
            raise DomainError(
                "抄送过长（最多 120 个字）", "The copy list is too long (120 characters at most)"
            )
        terms = replace(terms, cc=cc.strip())
    wording = texts or load_texts()
    ring = _keyring(store, keyring)
    day = today or date.today()

    def snapshot_for(number: str) -> dict[str, Any]:
        return finalize(
            core,
            terms=terms,
            texts=wording,
            letter_id=letter_id,
            issue_date=day,
            doc_number=number,
            draft=False,
        )

    refuse_unprintable(snapshot_for(f"{terms.doc_prefix}〔{day.year}〕1号"))

    sealed: dict[str, bytes] = {}

    def build(number: str) -> dict[str, Any]:
        snapshot = snapshot_for(number)
        refuse_unprintable(snapshot)  # the number itself (raising here rolls back: no number is used)
        built = seal(snapshot, ring)
        sealed[number] = built.pdf
        return {
            "snapshot_json": canonical_json(snapshot).decode("utf-8"),
            "content_hash": content_hash(snapshot),
            "signature": payload.from_text(built.payload)[2].hex(),
            "payload": built.payload,
            "key_fingerprint": ring.fingerprint(),
            "total_fen": int(snapshot["package"]["total"]),
        }

    after = store.letters.issue(letter_id, terms.doc_prefix, day.year, build, who)
    _remember((letter_id, str(after["content_hash"]), ring.fingerprint()), sealed[str(after["doc_number"])])
    old = str(after.get("supersedes") or "")
    if old:
        previous = store.letters.get(old)
        if previous is not None and previous["status"] != "voided":
            store.letters.set_status(old, "voided", who, f"被 {after['doc_number']} 取代 / superseded")
    keep_letter_policy(store, str(core["policy"].get("hash") or ""), policies)
    return LetterRecord.from_row(after)


# The PDFs sealed by the last few issues, by (letter id, content hash, key): an issued letter renders to the
# same bytes every time, and the officer saves or prints it right after issuing, so it is not drawn twice.
_JUST_ISSUED: dict[tuple[str, str, str], bytes] = {}
_JUST_ISSUED_KEPT = 4
_JUST_ISSUED_LOCK = threading.Lock()  # issues run on worker threads too


def _remember(key: tuple[str, str, str], pdf: bytes) -> None:
    with _JUST_ISSUED_LOCK:
        _JUST_ISSUED.pop(key, None)
        _JUST_ISSUED[key] = pdf
        while len(_JUST_ISSUED) > _JUST_ISSUED_KEPT:
            _JUST_ISSUED.pop(next(iter(_JUST_ISSUED)))


def keep_letter_policy(store: LetterStore, digest: str, policies: Sequence[Any] = ()) -> bool:
    """Keep the text of the policy version (by hash) a letter was issued under; True when it was found."""
    from qt_app.domain.policy_loader import default_policy
    from qt_app.services.ledger_read import keep_policy_text
    from qt_app.store.store import Store

    if not isinstance(store, Store) or not digest:  # a bare register (tests, tools) keeps no ledger
        return False
    for policy in (*policies, default_policy()):
        if getattr(policy, "hash", "") == digest:
            keep_policy_text(store, policy)
            return True
    return False


def letter_pdf(
    store: LetterStore, letter_id: str, *, keyring: KeyRing | None = None, today: date | None = None
) -> bytes:
    """The letter's PDF: issued letters from their frozen snapshot (same bytes every time), drafts afresh."""
    row = _row(store, letter_id)
    office = store.letters.copy_of(letter_id)
    if office is not None:  # re-sealing it here would sign headquarters' letter with this office's key
        raise DomainError(
            f"告知函 {row.get('doc_number')} 是{office or '总部'}登记簿的副本，本机不重新生成：请使用总部出具的 PDF"
            "（可在本机核验，命令 verify）",
            f"Letter {row.get('doc_number')} is a copy of {office or 'headquarters'}' register and is not "
            "re-made here: use the PDF headquarters issued (it can be verified here with verify)",
        )
    ring = _keyring(store, keyring)
    if row["status"] in ISSUED_STATES and row.get("content_hash"):
        with _JUST_ISSUED_LOCK:
            just = _JUST_ISSUED.get((letter_id, str(row["content_hash"]), ring.fingerprint()))
        return just if just is not None else seal(json.loads(row["snapshot_json"]), ring).pdf
    core = _draft_core(row)
    snapshot = finalize(
        core,
        terms=terms_from_store(store),
        texts=load_texts(),
        letter_id=letter_id,
        issue_date=today or date.today(),
        draft=True,
    )
    return seal(snapshot, ring).pdf
