"""Office operations (机关设置): the letters' issuing office, 文号 prefix, signers; a firm's offer variant."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from qt_app.domain.errors import DomainError, FieldProblem, ValidationError
from qt_app.domain.offices import HQ_KEY, SETTING
from qt_app.services.offers import clear_offer_variant, offer_refusal, offer_variant, set_offer_variant
from qt_app.services.offices import check_hq_key, check_role
from qt_app.services.operations.base import OpResult, Undo
from qt_app.services.operations.changes import OpChanges

if TYPE_CHECKING:
    from qt_app.domain.variants import Variant
    from qt_app.services.session import Session

OFFICE_KEYS = ("issuing_office", "doc_prefix", "signer", SETTING, HQ_KEY)


def save_office_settings(session: Session, values: Mapping[str, str], who: str = "") -> OpResult[bool]:
    """Save the office settings that changed (True when any did); undo puts the previous values back.

    The letter's 附注 contact is checked when given (DomainError names the problem); both left empty means
    letters go out without it until the officer fills it in at issue time. `office_role` is hq or outpost;
    `office_hq_key` (at an outpost) one of the imported keys, or "" — a new choice that is not is refused as
    a ValidationError on that field.
    """
    from qt_app.reports.snapshot import Contact
    from qt_app.services import letters as letters_svc

    name = values.get(letters_svc.CONTACT_NAME, "").strip()
    phone = values.get(letters_svc.CONTACT_PHONE, "").strip()
    if name or phone:
        letters_svc.check_contact(Contact(name, phone), values.get(letters_svc.LETTER_CC, ""))
    if SETTING in values:
        values = {**values, SETTING: check_role(values[SETTING])}
    store = session.store
    if HQ_KEY in values and values[HQ_KEY].strip() != store.get_setting(HQ_KEY):
        try:
            values = {**values, HQ_KEY: check_hq_key(store.folder, values[HQ_KEY])}
        except DomainError as e:
            raise ValidationError([FieldProblem(HQ_KEY, e.zh, e.en)]) from None
    before = {k: store.get_setting(k) for k in values}
    changed = {k: v.strip() for k, v in values.items() if before[k] != v.strip()}
    if not changed:
        return OpResult(OpChanges(), False)
    with store.transaction():
        for key, value in changed.items():
            store.set_setting(key, value, who)
    notice = OpChanges(settings=True)

    def put(values: Mapping[str, str]) -> OpChanges:
        with store.transaction():
            for key, value in values.items():
                store.set_setting(key, value, who)
        return notice

    old = {k: before[k] for k in changed}
    undo = Undo("修改机关设置", "Change office settings", lambda: put(old), lambda: put(changed))
    return OpResult(notice, True, undo)


def choose_offer_variant(session: Session, firm_id: str, variant: Variant, who: str = "") -> OpResult[None]:
    """设为报价方案: meeting mode, the handout and new letters use this variant; undo restores the previous one.

    A variant resting on a policy assumption not in force is refused (`offers.offer_refusal`).
    """
    refusal = offer_refusal(variant, session.policies)
    if refusal is not None:
        raise refusal
    store = session.store
    before = offer_variant(store, firm_id)
    set_offer_variant(store, firm_id, variant, who)
    notice = OpChanges(offers=frozenset({firm_id}))

    def undo() -> OpChanges:
        if before is None:
            clear_offer_variant(store, firm_id, who)
        else:
            set_offer_variant(store, firm_id, before, who)
        return notice

    def redo() -> OpChanges:
        set_offer_variant(store, firm_id, variant, who)
        return notice

    label = variant.label or variant.name
    return OpResult(notice, None, Undo(f"设为报价方案“{label}”", f"Offer “{label}”", undo, redo))
