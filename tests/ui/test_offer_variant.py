"""设为报价方案: choosing a variant in 方案对比 makes it the offer in meeting mode and on new letters."""

from __future__ import annotations

from typing import Any

from qt_app.services.offers import offer_variant
from qt_app.services.session import Session


def test_the_chosen_variant_becomes_the_offer_everywhere(window: Any, session: Session) -> None:
    firm, _variants = next(iter(session.store.all_firms()))
    window.open_firm(firm.id)
    compare, meeting, letters = window.panel("compare"), window.panel("meeting"), window.panel("letters")

    assert compare.choose_offer("conservative")

    stored = offer_variant(session.store, firm.id)
    assert stored is not None and stored.name == "conservative" and stored.revenue_factor is not None
    meeting.refresh()  # hidden panels refresh when next shown
    assert meeting._variant_name == "conservative"
    assert letters.variant_combo.currentData() == "conservative"
    assert "报价方案" in window.statusBar().currentMessage()


def test_an_offer_that_no_longer_reads_is_ignored(session: Session) -> None:
    firm, _variants = next(iter(session.store.all_firms()))
    session.store.set_setting(f"offer_variant:{firm.id}", "{not json")
    assert offer_variant(session.store, firm.id) is None
