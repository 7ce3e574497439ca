"""Store rows: search-as-you-type over 100,000 firms, open + first page, import of 10,000 spreadsheet rows,
and the audit log's size (`store_audit`)."""

from __future__ import annotations

import time
from typing import Any

from benchmarks.core import Row, Timing, measure, scratch

QUERIES = ("青", "青田", "青田星", "星河数", "数字科技", "qtkj", "qt", "9133112", "人工智能", "王")


def _bulk_dicts(n: int) -> list[dict[str, Any]]:
    """n plausible firms: the demo firms, renamed and re-coded so every one is distinct."""
    from qt_app.domain.firm_io import firm_to_dict, new_firm_id
    from qt_app.domain.uscc import make_code
    from qt_app.services.demo import demo_firms

    demo = demo_firms()
    out = []
    for i in range(n):
        firm, variants = demo[i % len(demo)]
        data = firm_to_dict(firm, variants)
        data["id"] = new_firm_id()
        data["name"] = f"{firm.name.removesuffix('有限公司')}{i:06d}有限公司"
        data["uscc"] = make_code("9", "1", "331121", f"MA{i:07d}")
        out.append(data)
    return out


def rows(quick: bool) -> list[Row]:
    from qt_app.services.firms import export_firms, import_firms, open_store

    n_firms = 20_000 if quick else 100_000
    root = scratch("offer-desk-bench-")
    big = root / "big"
    store = open_store(big, auto_backup=False)
    t0 = time.perf_counter()
    dicts = _bulk_dicts(n_firms)
    for start in range(0, n_firms, 10_000):
        store.import_firm_dicts(dicts[start : start + 10_000], who="bench")
    fill = time.perf_counter() - t0

    def search_all() -> None:
        for q in QUERIES:
            store.list_firms(q, limit=50)

    typed = measure(search_all, runs=3 if quick else 10, warmup=1)
    n = len(QUERIES)
    per_query = Timing(typed.median / n, typed.low / n, typed.high / n, typed.runs * n)
    store.close()

    def open_first_page() -> None:
        s = open_store(big, auto_backup=False)
        s.list_firms("", limit=50)
        s.close()

    opened = measure(open_first_page, runs=3 if quick else 10, warmup=1)

    sheet = root / "firms-10000.xlsx"
    ten = open_store(root / "ten", auto_backup=False)
    ten.import_firm_dicts(dicts[:10_000], who="bench")
    export_firms(ten, sheet)
    ten.close()

    def import_sheet() -> None:
        target = scratch("offer-desk-import-")
        s = open_store(target, auto_backup=False)
        import_firms(s, sheet)
        s.close()

    imported = measure(import_sheet, runs=1 if quick else 3, warmup=0)
    from benchmarks import store_audit

    return [
        Row(f"search as you type over {n_firms:,} firms (per keystroke, limit 50)", per_query, budget_seconds=0.030,
            note=f"queries: {' '.join(QUERIES)}; filling the store took {fill:.1f} s"),
        Row(f"open database + first page ({n_firms:,} firms)", opened, budget_seconds=0.100),
        Row("import 10,000 spreadsheet rows (.xlsx)", imported, budget_seconds=5.0),
        *store_audit.rows(quick),
    ]  # fmt: skip
