"""Offer letters (意向书/告知函) as use cases: render, the register lifecycle, verify, batch.

Plain data in and out, no Qt. Lifecycle over `Store.letters`: draft (a firm + a variant, its approved
content frozen as the draft core) → submitted → approved → issued (next gap-free 文号, full snapshot
frozen, content hash signed) → accepted / declined / expired, or voided. An issued letter is never edited;
a change is a new letter that supersedes it (the old one is voided when the new one is issued).
"""

from __future__ import annotations

import json
import re
import threading
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any, Protocol

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
    DEFAULT_OFFICE,
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
from qt_app.reports.verify import (
    REGISTER_KNOWN,
    REGISTER_MISMATCH,
    REGISTER_UNKNOWN,
    Verdict,
    verify_payload_text,
    verify_pdf_bytes,
)
from qt_app.services.offices import office_role

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


# -- settings ------------------------------------------------------------------------------------------------


def _int_setting(value: str, default: int) -> int:
    try:
        n = int(str(value).strip())
    except ValueError:
        return default
    return n if n > 0 else default


def terms_from_settings(settings: Mapping[str, str] | LetterTerms | None) -> LetterTerms:
    """Letter settings (issuing office, 文号 prefix, signer, validity days, minimum years) with defaults."""
    if isinstance(settings, LetterTerms):
        return settings
    s = settings or {}
    base = LetterTerms()
    return LetterTerms(
        office=(s.get("issuing_office") or "").strip() or DEFAULT_OFFICE,
        office_en=(s.get("issuing_office_en") or "").strip() or base.office_en,
        doc_prefix=(s.get("doc_prefix") or "").strip() or base.doc_prefix,
        signer=(s.get("signer") or "").strip(),
        validity_days=_int_setting(s.get("letter_validity_days") or "", base.validity_days),
        min_years=_int_setting(s.get("letter_min_years") or "", base.min_years),
        contact=Contact((s.get(CONTACT_NAME) or "").strip(), (s.get(CONTACT_PHONE) or "").strip()),
        cc=(s.get(LETTER_CC) or "").strip(),
    )


CONTACT_NAME = "letter_contact_name"  # 附注: the issuing officer's name …
CONTACT_PHONE = "letter_contact_phone"  # … and telephone
LETTER_CC = "letter_cc"  # 抄送, e.g. 县财政局、县经信局
SETTING_KEYS = (
    "issuing_office",
    "issuing_office_en",
    "doc_prefix",
    "signer",
    "letter_validity_days",
    "letter_min_years",
    CONTACT_NAME,
    CONTACT_PHONE,
    LETTER_CC,
)


def terms_from_store(store: LetterStore) -> LetterTerms:
    return terms_from_settings({k: store.get_setting(k) or "" for k in SETTING_KEYS})


_PHONE = re.compile(r"^[0-9+()（）\-－—\s转/,，;；]{5,40}$")


def check_contact(contact: Contact, cc: str = "") -> Contact:
    """A contact fit for the 附注: a name, and a telephone made of digits, dashes, brackets or 转 (extension).

    Raises DomainError naming the problem; returns the contact with surrounding spaces removed.
    """
    name, phone = contact.name.strip(), contact.phone.strip()
    if not name or not phone:
        raise DomainError(
            "请填写联系人和电话（告知函附注）", "Enter the contact's name and telephone (the letter's note)"
        )
    if len(name) > 20:
        raise DomainError(
            "联系人姓名过长（最多 20 个字）", "The contact's name is too long (20 characters at most)"
        )
    if not _PHONE.match(phone) or sum(ch.isdigit() for ch in phone) < 5:
        raise DomainError(
            f"电话“{phone}”格式不对：请写数字，区号可用“-”分隔，如 0578-6812345",
            f"“{phone}” is not a telephone number: use digits, e.g. 0578-6812345",
        )
    if len(cc) > 120:
        raise DomainError("抄送过长（最多 120 个字）", "The copy list is too long (120 characters at most)")
    return Contact(name, phone)


def letter_contact(store: LetterStore) -> tuple[Contact, str]:
    """The contact and 抄送 from settings, offered (and editable) when a letter is issued."""
    terms = terms_from_store(store)
    return terms.contact, terms.cc


def save_letter_contact(store: Any, contact: Contact, cc: str, who: str = "") -> tuple[str, ...]:
    """Store the default contact and 抄送 (checked first); returns the setting keys that changed."""
    contact = check_contact(contact, cc)
    changed = []
    for key, value in ((CONTACT_NAME, contact.name), (CONTACT_PHONE, contact.phone), (LETTER_CC, cc.strip())):
        if store.get_setting(key) != value:
            store.set_setting(key, value, who)
            changed.append(key)
    return tuple(changed)


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


def _keyring(store: LetterStore | None, keyring: KeyRing | None) -> KeyRing:
    if keyring is not None:
        return keyring
    return KeyRing(store.folder) if store is not None else KeyRing()


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

    def build(number: str) -> dict[str, Any]:
        snapshot = snapshot_for(number)
        refuse_unprintable(snapshot)  # the number itself (raising here rolls back: no number is used)
        built = seal(snapshot, ring)
        return {
            "snapshot_json": canonical_json(snapshot).decode("utf-8"),
            "content_hash": content_hash(snapshot),
            "signature": payload.from_text(built.payload)[2].hex(),
            "payload": built.payload,
            "key_fingerprint": ring.fingerprint(),
            "total_fen": int(snapshot["package"]["total"]),
        }

    after = store.letters.issue(letter_id, terms.doc_prefix, day.year, build, who)
    old = str(after.get("supersedes") or "")
    if old:
        previous = store.letters.get(old)
        if previous is not None and previous["status"] != "voided":
            store.letters.set_status(old, "voided", who, f"被 {after['doc_number']} 取代 / superseded")
    keep_letter_policy(store, str(core["policy"].get("hash") or ""), policies)
    return LetterRecord.from_row(after)


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
        return seal(json.loads(row["snapshot_json"]), ring).pdf
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


# -- verification ------------------------------------------------------------------------------------------


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
    return _check_register(verify_pdf_bytes(data, _keyring(store, keyring), qr_text), store)


def verify_qr_text(text: str, store: LetterStore | None = None, keyring: KeyRing | None = None) -> Verdict:
    """Check the text a QR scanner read from a printed letter."""
    return _check_register(verify_payload_text(text, _keyring(store, keyring)), store)


# -- batch -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LetterJob:
    """One firm to write a letter for; `package` None means simulate it with the policy."""

    firm: Firm
    variants: tuple[Variant, ...] = ()
    variant: str = BASE
    package: Package | None = None


@dataclass
class BatchResult:
    written: list[Path] = field(default_factory=list)
    failed: list[tuple[str, str, str]] = field(default_factory=list)  # (firm name, zh, en)
    cancelled: bool = False


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def letter_filename(firm: Firm) -> str:
    """告知函-<firm>-<id>.pdf, with characters Windows forbids replaced."""
    name = _UNSAFE.sub("_", firm.name).strip(" .")[:60] or "firm"
    return f"告知函-{name}-{firm.id}.pdf"


def batch_letters(
    jobs: Sequence[LetterJob],
    out_dir: Path,
    policy: Any,
    settings: Mapping[str, str] | LetterTerms | None = None,
    language: str = "zh",
    *,
    progress: Callable[[int, int, str], None] | None = None,
    cancel: threading.Event | Callable[[], bool] | None = None,
    keyring: KeyRing | None = None,
) -> BatchResult:
    """Draft letters for several firms into a folder; one firm's problem does not stop the others."""
    from qt_app.domain.simulate import simulate
    from qt_app.services.packages import find_variant

    out_dir.mkdir(parents=True, exist_ok=True)
    result = BatchResult()
    ring = keyring or KeyRing()
    texts = load_texts()
    terms = terms_from_settings(settings)

    def stopped() -> bool:
        if cancel is None:
            return False
        return cancel.is_set() if isinstance(cancel, threading.Event) else bool(cancel())

    for i, job in enumerate(jobs):
        if stopped():
            result.cancelled = True
            break
        if progress is not None:
            progress(i, len(jobs), job.firm.name)
        try:
            variant = find_variant(job.variants, job.variant)
            package = job.package or simulate(job.firm, policy, variant)
            pdf = render_letter(
                job.firm, variant, package, policy, terms, language, True, keyring=ring, texts=texts
            )
            path = out_dir / letter_filename(job.firm)
            path.write_bytes(pdf)
            result.written.append(path)
        except DomainError as e:
            result.failed.append((job.firm.name, e.zh, e.en))
        except OSError as e:  # a full disk or a locked file stops this firm, not the batch
            result.failed.append(
                (job.firm.name, f"无法写入文件：{e.strerror}", f"Cannot write the file: {e.strerror}")
            )
    if progress is not None and not result.cancelled:
        progress(len(jobs), len(jobs), "")
    return result
