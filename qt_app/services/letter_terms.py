"""Letter terms from settings (issuing office, 文号 prefix, signer, validity, minimum years) and the 附注
contact and 抄送 offered at issue, checked before they are stored."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from qt_app.domain.errors import DomainError
from qt_app.reports.snapshot import DEFAULT_OFFICE, Contact, LetterTerms
from qt_app.services.letter_register import LetterStore


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
