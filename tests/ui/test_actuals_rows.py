"""The actuals form's rows ⇄ the actuals file's lists: a year loaded into the form and recorded untouched reads
back as the same year (every document, receipt and scan kept), and a typed change lands only where typed."""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qt_app.domain.ledger.actuals_dict import year_actuals_to_dict
from qt_app.domain.ledger.actuals_io import year_actuals_from_dict
from qt_app.ui.ledger import actuals_rows as ar

_TEXT = (
    st.text(st.sampled_from("青田元宇宙科技项目ABC123-〔〕号"), min_size=1, max_size=12)
    .map(str.strip)
    .filter(bool)
)
_FEN = st.integers(min_value=1, max_value=10**11).map(lambda f: f"{f // 100}.{f % 100:02d}")
_DATE = st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31))


@st.composite
def _document(draw: st.DrawFn, kind: str) -> dict[str, Any]:
    on = draw(_DATE)
    doc: dict[str, Any] = {"type": kind, "number": draw(_TEXT), "date": on.isoformat()}
    if draw(st.booleans()):
        doc["sha256"] = draw(st.text("0123456789abcdef", min_size=64, max_size=64))
        doc["file_name"] = draw(_TEXT) + ".pdf"
    if draw(st.booleans()):
        doc["received_on"] = on.isoformat()
        doc["received_by"] = draw(_TEXT)
    return doc


def _docs(kind: str) -> st.SearchStrategy[list[dict[str, Any]]]:
    return st.lists(_document(kind), min_size=1, max_size=3)


_ENTRIES: dict[str, st.SearchStrategy[dict[str, Any]]] = {
    "talents": st.fixed_dictionaries(
        {"level": st.sampled_from("ABC"), "count": st.integers(1, 40), "housing": st.sampled_from(("allowance", "apartment")),
         "evidence": _docs("talent_certificate")}
    ),
    "loans": st.fixed_dictionaries(
        {"lender": _TEXT, "principal": _FEN, "years": st.integers(1, 10), "guarantee_fee": _FEN, "evidence": _docs("loan_contract")}
    ),
    "science_projects": st.fixed_dictionaries(
        {"name": _TEXT, "level": st.sampled_from(("national", "provincial", "municipal", "county")), "allocated": _FEN,
         "evidence": _docs("project_document")}
    ),
    "scenario_projects": st.fixed_dictionaries(
        {"name": _TEXT, "contract_value": _FEN, "evidence": _docs("scenario_contract")}
    ),
}  # fmt: skip


def _recorded(year: dict[str, Any]) -> dict[str, Any]:
    """The year as the store keeps it (what the form is loaded from when a year is corrected)."""
    actual, problems = year_actuals_from_dict(year, 2026)
    assert actual is not None, problems
    return year_actuals_to_dict(actual)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.fixed_dictionaries({key: st.lists(entry, max_size=3) for key, entry in _ENTRIES.items()}))
def test_a_recorded_year_loaded_into_the_form_and_recorded_untouched_is_the_same_year(
    year: dict[str, Any],
) -> None:
    year = {k: v for k, v in year.items() if v} or {"talents": [{"level": "A", "count": 1, "evidence": [
        {"type": "talent_certificate", "number": "1", "date": "2026-01-01"}]}]}  # fmt: skip
    stored = _recorded(year)
    again = {
        key: ar.entries(key, ar.rows_from_stored(key, stored.get(key, [])), stored.get(key, []))
        for key in ar.LIST_KEYS
    }
    assert _recorded({k: v for k, v in again.items() if v}) == stored


def test_a_typed_change_lands_where_typed_and_a_new_scan_replaces_only_its_own() -> None:
    stored = _recorded(
        {"loans": [{"lender": "农商行", "principal": "500万", "years": 3, "evidence": [
            {"type": "loan_contract", "number": "L-1", "date": "2026-04-10", "sha256": "a" * 64, "file_name": "l.pdf",
             "received_on": "2026-04-12", "received_by": "叶海峰"},
            {"type": "interest_receipt", "number": "R-1", "date": "2026-12-20"}]}]}
    )  # fmt: skip
    rows = ar.rows_from_stored("loans", stored["loans"])
    assert rows[0]["principal"] == "500万" and rows[0][ar.SCAN] == "l.pdf"
    rows[0]["doc_number"] = "L-1（补）"
    rows[0][ar.PICKED] = "/scans/new.pdf"
    (loan,) = ar.entries("loans", rows, stored["loans"])
    first, second = loan["evidence"]
    assert first == {"type": "loan_contract", "number": "L-1（补）", "date": "2026-04-10", "file": "/scans/new.pdf",
                     "received_on": "2026-04-12", "received_by": "叶海峰"}  # fmt: skip
    assert second == stored["loans"][0]["evidence"][1]
    assert ar.entries("loans", [ar.defaults("loans") | {ar.REF: "", ar.PICKED: "", ar.SCAN: ""}], []) == []


def test_problem_paths_find_their_cells() -> None:
    names = {"count": ("人数", "Count"), "doc_date": ("材料日期", "Date"), ar.SCAN: ("扫描件", "Scan")}
    assert ar.cell_of("talents[1].count", names) == ar.Cell("talents", 1, "count", "人数", "Count")
    assert ar.cell_of("talents[0].evidence[0].date", names) == ar.Cell(
        "talents", 0, "doc_date", "材料日期", "Date"
    )
    assert ar.cell_of("talents[0].evidence.file", names) == ar.Cell("talents", 0, ar.SCAN, "扫描件", "Scan")
    assert ar.cell_of("talents[0].evidence", names) == ar.Cell("talents", 0, "doc_number")
    assert ar.cell_of("talents[2].evidence[1].number", names) == ar.Cell(
        "talents", 2, "", "第2份证明材料", "document 2"
    )
    assert ar.cell_of("revenue.amount", names) is None and ar.cell_of("lease.evidence[0].date", names) is None
