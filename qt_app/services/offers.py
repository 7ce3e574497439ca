"""The offer variant (报价方案): which what-if variant a firm is being offered, remembered per firm.

Kept as a setting rather than inside the firm record, so choosing an offer in 方案对比 never saves a draft the
user is still editing. The variant itself is stored whole, because it may be a built-in plan (保守方案) or
another building that is not among the firm's own variants; one of the firm's own variants is looked up by
name, so the offer follows its edits.

A variant resting on a policy assumption (parameters overridden, or another version) is not what the county
offers: it can be the offer, and go on a letter, only when the version it names is the one in force
(`offer_refusal`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from qt_app.domain.errors import DomainError, ValidationError
from qt_app.domain.firm_io import variant_from_dict, variant_to_dict
from qt_app.domain.variants import Variant

if TYPE_CHECKING:
    from qt_app.domain.policy import Policy
    from qt_app.store.store import Store

_KEY = "offer_variant:{}"


def set_offer_variant(store: Store, firm_id: str, variant: Variant, who: str = "") -> None:
    """Make `variant` the firm's offer: meeting mode and new letters use it."""
    store.set_setting(_KEY.format(firm_id), json.dumps(variant_to_dict(variant), ensure_ascii=False), who)


def clear_offer_variant(store: Store, firm_id: str, who: str = "") -> None:
    """No offer variant for the firm any more (the plan as declared is offered)."""
    store.set_setting(_KEY.format(firm_id), "", who)


def offer_variant(store: Store, firm_id: str) -> Variant | None:
    """The firm's offer variant, or None when none was chosen (or the stored one no longer reads)."""
    raw = store.get_setting(_KEY.format(firm_id), "")
    if not raw:
        return None
    try:
        return variant_from_dict(json.loads(raw))
    except (ValueError, ValidationError):
        return None


def with_offer(
    store: Store, firm_id: str, variants: tuple[Variant, ...]
) -> tuple[tuple[Variant, ...], str | None]:
    """The firm's variants plus its offer variant (added when it is a built-in one), and the offer's name."""
    offer = offer_variant(store, firm_id)
    if offer is None:
        return variants, None
    if all(v.name != offer.name for v in variants):
        variants = (*variants, offer)
    return variants, offer.name


def offer_refusal(variant: Variant, policies: Sequence[Policy], on: date | None = None) -> DomainError | None:
    """Why `variant` cannot be offered or put on a letter, or None when it can.

    Parameters overridden are never in force; a named version must be the one in force on `on` (today).
    """
    label = variant.label or variant.name
    if variant.param_overrides:
        paths = "、".join(variant.param_overrides)
        return DomainError(
            f"“{label}”含政策参数假设（{paths}），不是现行政策，不能作为报价方案或写入告知函",
            f"“{label}” assumes policy parameters ({paths}) that are not in force; it cannot be offered "
            "or put on a letter",
        )
    if not variant.policy_id:
        return None
    from qt_app.domain.policy_loader import policy_in_force

    wanted = " ".join(x for x in (variant.policy_id, variant.policy_version) if x)
    try:
        current = policy_in_force(list(policies), on or date.today())
    except DomainError:
        current = None
    if (
        current is not None
        and current.id == variant.policy_id
        and variant.policy_version in ("", current.version)
    ):
        return None
    now = f"{current.id} {current.version}" if current is not None else "无"
    now_en = f"{current.id} {current.version}" if current is not None else "none"
    return DomainError(
        f"“{label}”依据的政策版本 {wanted} 不是现行版本（现行：{now}），不能作为报价方案或写入告知函",
        f"“{label}” assumes policy {wanted}, which is not in force (in force: {now_en}); it cannot be "
        "offered or put on a letter",
    )
