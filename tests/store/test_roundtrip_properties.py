"""Property: any firm saved comes back equal — from the database, and through a spreadsheet export/import."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qt_app.domain.firm import Firm, Stage
from qt_app.services.firms import export_firms, import_firms, open_store
from tests.domain.strategies import firms

TEXT = st.text(
    alphabet=st.characters(
        codec="utf-8", categories=("L", "N", "P", "S", "Zs"), exclude_characters="｜|；;\n\r"
    ),
    max_size=30,
).map(str.strip)


@st.composite
def stored_firms(draw: st.DrawFn) -> Firm:
    """The domain's plausible firms, with free text (quotes, %, 全角, emoji) in every CRM field."""
    base = draw(firms())
    return base.with_changes(
        name=draw(TEXT.filter(bool)),
        stage=draw(st.sampled_from(list(Stage))),
        owner=draw(TEXT),
        outpost=draw(TEXT),
        contact=draw(TEXT),
        notes=draw(TEXT),
        stage_reason=draw(TEXT),
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(firm=stored_firms())
def test_save_then_get_gives_the_same_firm(firm: Firm) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp), auto_backup=False)
        store.save_firm(firm)
        assert store.get_firm(firm.id) == (firm, ())
        assert [r.id for r in store.list_firms(firm.name)] == [firm.id]  # its own name always finds it
        store.close()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(firm=stored_firms(), suffix=st.sampled_from([".csv", ".xlsx"]))
def test_a_spreadsheet_export_imports_back_to_the_same_firm(firm: Firm, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        a = open_store(Path(tmp) / "a", auto_backup=False)
        a.save_firm(firm)
        path = Path(tmp) / f"firms{suffix}"
        export_firms(a, path)
        b = open_store(Path(tmp) / "b", auto_backup=False)
        report = import_firms(b, path)
        assert report.errors == []
        assert b.get_firm(firm.id)[0] == firm
        a.close()
        b.close()
