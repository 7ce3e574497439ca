"""Every item model passes Qt's own model tester, including lazy fetching past the first page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from qt_app.store.models import FirmFilter, FirmRow
from qt_app.ui.models.contacts import ContactsModel
from qt_app.ui.models.firm_table import NAME, PAGE, TOTAL, FirmTableModel
from qt_app.ui.models.rows_table import Column, RowsModel, year_columns

MODE = QAbstractItemModelTester.FailureReportingMode.Fatal


def fake_store(n: int):  # type: ignore[no-untyped-def]
    rows = [
        FirmRow(
            f"f-{i:05d}",
            f"青田企业{i:05d}",
            f"CODE{i}",
            "lead",
            ("VR",),
            "杭州",
            "王晓",
            f"2026-01-01T00:{i % 60:02d}:00Z",
            None,
        )
        for i in range(n)
    ]
    calls: list[tuple[int, int]] = []

    def lister(q: str, f: FirmFilter, sort: str, desc: bool, offset: int, limit: int) -> list[FirmRow]:
        calls.append((offset, limit))
        chosen = [r for r in rows if q in r.name]
        chosen.sort(key=lambda r: getattr(r, sort), reverse=desc)
        return chosen[offset : offset + limit]

    def counter(q: str, f: FirmFilter) -> int:
        return len([r for r in rows if q in r.name])

    return lister, counter, calls


def test_the_firm_list_fetches_pages_lazily_and_passes_the_tester(qtbot) -> None:  # type: ignore[no-untyped-def]
    lister, counter, calls = fake_store(PAGE * 2 + 50)
    model = FirmTableModel(lister, counter)
    assert model.rowCount() == PAGE and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == PAGE * 2
    QAbstractItemModelTester(model, MODE)  # the tester itself fetches the rest
    assert model.rowCount() == PAGE * 2 + 50 and not model.canFetchMore()
    assert calls[-1] == (PAGE * 2, PAGE)
    model.sort(NAME, Qt.SortOrder.AscendingOrder)
    assert model.index(0, NAME).data() == "青田企业00000" and model.rowCount() == PAGE
    model.set_query("企业0001")
    assert model.total == 10
    model.set_total("f-00010", 1_500_000_00)
    assert model.index(model.row_of("f-00010"), TOTAL).data() == "150.00万元"


def test_the_firm_list_over_a_real_store_passes_the_tester(session, qtbot) -> None:  # type: ignore[no-untyped-def]
    store = session.store
    model = FirmTableModel(
        lambda q, f, s, d, o, n: store.list_firms(q, f, s, d, o, n), lambda q, f: store.count_firms(q, f)
    )
    QAbstractItemModelTester(model, MODE)
    assert model.rowCount() == store.count_firms()
    for col in range(model.columnCount()):
        model.sort(col, Qt.SortOrder.DescendingOrder)
    model.set_query("", FirmFilter(stages=("signed",)))
    assert model.total == store.count_firms("", FirmFilter(stages=("signed",)))


def test_editor_rows_pass_the_tester_and_report_every_edit(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = RowsModel((Column("level", "级别", "Level", (("A", ("A类", "Level A")),)), *year_columns()))
    QAbstractItemModelTester(model, MODE)
    seen: list[tuple[list[dict[str, str]], list[dict[str, str]]]] = []
    model.rowsEdited.connect(lambda before, after: seen.append((before, after)))
    model.add_row({"level": "A", "year": "2026"})
    assert model.index(0, 0).data() == "A类" and model.index(0, 0).data(Qt.ItemDataRole.EditRole) == "A"
    assert model.setData(model.index(0, 2), "150万")
    assert seen[-1][0][0]["amount"] == "" and seen[-1][1][0]["amount"] == "150万"
    model.set_problems({(0, "amount"): "不是有效金额"})
    assert model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole) == "不是有效金额"
    model.remove_row(0)
    assert model.rowCount() == 0 and len(seen) == 3


@pytest.mark.parametrize("count", [0, 3])
def test_the_contact_log_passes_the_tester(session, count: int, qtbot) -> None:  # type: ignore[no-untyped-def]
    firm_id = session.store.list_firms(limit=1)[0].id
    for i in range(count):
        session.store.add_contact(firm_id, f"2026-03-0{i + 1}", "visit", "张总", f"第{i + 1}次拜访")
    model = ContactsModel()
    QAbstractItemModelTester(model, MODE)
    model.set_entries(session.store.contacts(firm_id))
    assert model.rowCount() == count
    if count:
        assert model.index(0, 0).data() == "2026-03-03" and model.index(0, 1).data() == "拜访"


def test_contact_kinds_show_in_the_current_language_however_stored(session, qtbot) -> None:  # type: ignore[no-untyped-def]
    from qt_app.ui import i18n
    from qt_app.ui.models.contacts import kind_label

    assert kind_label("visit") == "拜访" and kind_label("拜访") == "拜访"
    i18n.install("en")
    assert kind_label("visit") == "Visit" and kind_label("拜访") == "Visit" and kind_label("饭局") == "饭局"
