"""Variant rows: a hint made into a variant and shown beside the base; 方案对比 of four variants after an edit.

The real editor, package panel and comparison on one hub (as the window wires them), over a store of 1,000
firms with 青田星河 and its variants open, driven the way an officer does it at the table.
"""

from __future__ import annotations

import time

from benchmarks.core import ROOT, Row, Timing, _timing, measure, scratch


def rows(quick: bool) -> list[Row]:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    hint, compare = _variant_rows(quick)
    return [
        Row(
            "variant made from a hint, shown beside the base",
            hint,
            budget_seconds=0.100,
            note="按此新建方案: the create operation (store write, undo, notice), the editor and lists follow, "
            "方案对比 shows base | new variant",
        ),
        Row(
            "方案对比 of four variants refreshed after an edit",
            compare,
            budget_seconds=0.050,
            note="a revenue cell typed in the editor → firm on screen via the hub → four packages side by side",
        ),
    ]


def _variant_rows(quick: bool) -> tuple[Timing, Timing]:
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication

    from benchmarks.store import _bulk_dicts
    from qt_app.app import setup_application
    from qt_app.domain.firm_io import load_firm_file
    from qt_app.domain.money import wan
    from qt_app.services.firms import open_store
    from qt_app.services.operations import firms as firm_ops
    from qt_app.services.session import Session
    from qt_app.ui.compare_view import ComparePanel
    from qt_app.ui.firm_editor import FirmEditor
    from qt_app.ui.hub import Hub
    from qt_app.ui.package_view import PackagePanel

    app = setup_application()
    folder = scratch("offer-desk-bench-variants-")
    store = open_store(folder, auto_backup=False)
    store.import_firm_dicts(_bulk_dicts(1000), who="bench")
    store.close()
    session = Session.open(folder)
    firm, variants = load_firm_file(ROOT / "resources" / "examples" / "xinghe-digital.json")
    firm = firm.with_changes(revenue={2026: wan(2000), 2027: wan(4000), 2028: wan(9000), 2029: wan(12_000)})
    firm_ops.save_firm(session, firm, variants, "bench")
    stack = QUndoStack()
    hub = Hub(stack)
    editor = FirmEditor(session, hub)
    package = PackagePanel(session, hub)
    compare = ComparePanel(session, hub)
    package.compareRequested.connect(compare.show_variants)
    for widget, width in ((editor, 560), (package, 800), (compare, 1000)):
        widget.resize(width, 760)
        widget.show()
    editor.load_firm(*session.store.get_firm(firm.id))
    QApplication.processEvents()
    hint = package.hints_box.chosen()
    assert hint is not None, "the firm should have a revenue hint"

    samples: list[float] = []
    for i in range(3 + (10 if quick else 40)):
        t0 = time.perf_counter()
        made = package.variant_from_hint(hint)
        QApplication.processEvents()
        elapsed = time.perf_counter() - t0
        assert made and [v.name for v in compare.shown_variants()] == ["base", made]
        if i >= 3:  # warm-up runs dropped
            samples.append(elapsed)
        stack.undo()  # back to the firm as it was (not timed)
        QApplication.processEvents()
    from_hint = _timing(samples)

    compare.show_variants(["base", "conservative", "huaqiao", "higher-rent-cap"])
    QApplication.processEvents()
    assert len(compare.shown_variants()) == 4
    revenue = editor.tables.model("revenue")
    last = revenue.index(revenue.rowCount() - 1, 1)
    step = [0]

    def typed_edit() -> None:
        step[0] += 1
        revenue.setData(last, f"{12_000 + step[0] % 5000}万")  # what the cell editor commits after Tab
        editor.announce_now()  # the pause after typing, skipped: the refresh is what is timed
        QApplication.processEvents()

    four = measure(typed_edit, runs=30 if quick else 200, warmup=5)
    for gone in (editor, package, compare):
        gone.close()
        gone.deleteLater()
    app.processEvents()
    session.close()
    return from_hint, four
