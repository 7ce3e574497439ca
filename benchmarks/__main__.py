"""`python -m benchmarks [--quick] [--only engine,store,letters,app,variants]`: prints the benchmark table.

Baselines (a bare QMainWindow start, a bare reportlab page with the same embedded font) are measured in the
same run, so ratios hold on a noisy or slower machine. Budgets come from the issues that set them.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import traceback

from benchmarks.core import Row, render

GROUPS = ("engine", "store", "letters", "app", "ledger", "variants")


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (a smoke run)")
    parser.add_argument(
        "--only", default=",".join(GROUPS), help="comma-separated groups: " + ",".join(GROUPS)
    )
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    rows: list[Row] = []
    for group in args.only.split(","):
        print(f"[bench] {group} …", file=sys.stderr, flush=True)
        try:
            module = importlib.import_module(f"benchmarks.{group}")
            rows.extend(module.rows(args.quick))
        except Exception as e:  # a broken group must not hide the others' numbers
            traceback.print_exc(file=sys.stderr)
            rows.append(Row(f"{group} (failed)", None, note=f"{type(e).__name__}: {e}"))
    print(render(rows))
    return 1 if any(r.verdict == "OVER" for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
