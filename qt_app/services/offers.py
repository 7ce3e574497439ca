"""The offer variant (报价方案): which what-if variant a firm is being offered, remembered per firm.

Kept as a setting rather than inside the firm record, so choosing an offer in 方案对比 never saves a draft the
user is still editing. The variant itself is stored whole, because it may be a built-in plan (保守方案) or
another building that is not among the firm's own variants.
"""

from __future__ import annotations

import json

from qt_app.domain.errors import ValidationError
from qt_app.domain.firm_io import variant_from_dict, variant_to_dict
from qt_app.domain.variants import Variant
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
