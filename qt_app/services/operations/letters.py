"""Letter operations (告知函操作): the register's lifecycle steps as operations with change notices.

The use cases themselves live in `qt_app.services.letters` (rendering, signing, the register); these wrap
the steps that write, so the letters screen and every panel that shows a firm's letters hear of them.
None is undoable: the register keeps every step, and an issued letter is changed only by superseding it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from qt_app.services.operations.base import OpResult
from qt_app.services.operations.changes import OpChanges

if TYPE_CHECKING:
    from qt_app.domain.firm import Firm
    from qt_app.domain.variants import Variant
    from qt_app.reports.snapshot import Contact
    from qt_app.services.letters import LetterRecord
    from qt_app.services.session import Session


def _letters_of(session: Session, letter_id: str) -> OpChanges:
    row = session.store.letters.get(letter_id)
    firm_id = str(row.get("firm_id", "")) if row else ""
    return OpChanges(letters=frozenset({firm_id} if firm_id else set()))


def draft_letter(
    session: Session,
    firm: Firm,
    variants: tuple[Variant, ...],
    variant: Variant,
    language: str = "zh",
    who: str = "",
    supersedes: str = "",
) -> OpResult[str]:
    """生成草稿 (or 另出新函 when `supersedes` names an issued letter); returns the new letter's id.

    A variant resting on a policy assumption not in force is refused: a letter offers only the policy in force.
    The letter states the facts its numbers rest on: the firm as the variant assumes it.
    """
    from qt_app.domain.variants import apply_to_firm
    from qt_app.services import letters as svc
    from qt_app.services.offers import offer_refusal

    refusal = offer_refusal(variant, session.policies)
    if refusal is not None:
        raise refusal
    package = session.package(firm, variant)
    letter_id = svc.create_draft(
        session.store,
        apply_to_firm(firm, variant),
        variants or variant,
        package,
        session.policy_for(variant),
        language,
        who,
        supersedes=supersedes,
    )
    return OpResult(OpChanges(letters=frozenset({firm.id})), letter_id)


def submit_letter(session: Session, letter_id: str, who: str = "") -> OpResult[None]:
    from qt_app.services import letters as svc

    svc.submit_letter(session.store, letter_id, who)
    return OpResult(_letters_of(session, letter_id), None)


def approve_letter(session: Session, letter_id: str, approver: str) -> OpResult[None]:
    from qt_app.services import letters as svc

    svc.approve_letter(session.store, letter_id, approver)
    return OpResult(_letters_of(session, letter_id), None)


def issue_letter(
    session: Session,
    letter_id: str,
    who: str = "",
    contact: Contact | None = None,
    cc: str | None = None,
) -> OpResult[LetterRecord]:
    """出具: the next 文号, signed and frozen (a superseded letter is voided in the same step).

    `contact` (附注 联系人/电话) and `cc` (抄送) are the officer's edit at issue time; None keeps the settings.
    """
    from qt_app.services import letters as svc

    issued = svc.issue_letter(
        session.store, letter_id, who, contact=contact, cc=cc, policies=session.policies
    )
    return OpResult(_letters_of(session, letter_id), issued)


def set_letter_status(
    session: Session, letter_id: str, status: str, who: str = "", note: str = ""
) -> OpResult[None]:
    """accepted / declined / expired / voided (the register refuses moves that make no sense)."""
    from qt_app.services import letters as svc

    svc.set_letter_status(session.store, letter_id, status, who, note)
    return OpResult(_letters_of(session, letter_id), None)
