"""Timing helpers and the result table: median, spread, baseline, ratio, budget, PASS/OVER."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Timing:
    median: float  # seconds (or bytes, for a size row: unit "B")
    low: float  # 10th percentile
    high: float  # 90th percentile
    runs: int
    unit: str = "s"


def size(n_bytes: float) -> Timing:
    """A measured size as a row's value, so it gets a baseline, a ratio and a budget like a time."""
    return Timing(n_bytes, n_bytes, n_bytes, 1, unit="B")


def measure(fn: Callable[[], object], runs: int, warmup: int = 1) -> Timing:
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t0)
    return _timing(samples)


def _timing(samples: list[float]) -> Timing:
    s = sorted(samples)

    def pick(q: float) -> float:
        return s[min(len(s) - 1, int(q * (len(s) - 1) + 0.5))]

    return Timing(statistics.median(s), pick(0.1), pick(0.9), len(s))


def measure_process(code: str, runs: int, env: dict[str, str] | None = None) -> Timing:
    """Wall time of a fresh interpreter running `code` (cold start, first letter): what a user waits for."""
    import os

    full_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=full_env, check=True, capture_output=True)
        samples.append(time.perf_counter() - t0)
    return _timing(samples)


@dataclass(frozen=True)
class Row:
    name: str
    timing: Timing | None
    baseline_name: str = ""
    baseline: Timing | None = None
    budget_ratio: float | None = None  # budget as a ratio to the baseline
    budget_seconds: float | None = None  # or as absolute time
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.timing is None or self.baseline is None or self.baseline.median == 0:
            return None
        return self.timing.median / self.baseline.median

    @property
    def verdict(self) -> str:
        if self.timing is None:
            return "n/a"
        if self.budget_ratio is not None and self.ratio is not None:
            return "PASS" if self.ratio <= self.budget_ratio else "OVER"
        if self.budget_seconds is not None:
            return "PASS" if self.timing.median <= self.budget_seconds else "OVER"
        return "info"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f} ms" if seconds < 10 else f"{seconds:,.1f} s"


def amount(value: float, unit: str) -> str:
    if unit != "B":
        return ms(value)
    for step, name in ((1 << 20, "MB"), (1 << 10, "KB")):
        if value >= step:
            return f"{value / step:,.1f} {name}"
    return f"{value:,.0f} B"


def render(rows: list[Row]) -> str:
    head = ("measurement", "median", "p10–p90", "baseline (same run)", "ratio", "budget", "verdict")
    table = [head]
    for r in rows:
        t = r.timing
        budget = (
            f"≤ {r.budget_ratio:g}× baseline"
            if r.budget_ratio is not None
            else f"≤ {ms(r.budget_seconds)}"
            if r.budget_seconds is not None
            else "—"
        )
        table.append(
            (
                r.name,
                amount(t.median, t.unit) if t else "—",
                (
                    f"{amount(t.low, t.unit)}–{amount(t.high, t.unit)} (n={t.runs})"
                    if t.unit != "B"
                    else "size"
                )
                if t
                else r.note,
                f"{r.baseline_name} {amount(r.baseline.median, r.baseline.unit)}" if r.baseline else "—",
                f"{r.ratio:.2f}×" if r.ratio is not None else "—",
                budget,
                r.verdict,
            )
        )
    widths = [max(_width(row[i]) for row in table) for i in range(len(head))]
    lines = []
    for i, row in enumerate(table):
        lines.append("  ".join(cell + " " * (widths[j] - _width(cell)) for j, cell in enumerate(row)))
        if i == 0:
            lines.append("  ".join("-" * w for w in widths))
    notes = [f"  {r.name}: {r.note}" for r in rows if r.note and r.timing is not None]
    return "\n".join(lines + (["", "notes:", *notes] if notes else []))


def _width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def measure_side_by_side(
    codes: list[str], runs: int, env: dict[str, str] | None = None
) -> list[list[Timing]]:
    """Fresh interpreters running each of `codes` in turn, `runs` rounds; each prints the seconds it measured
    itself (imports included) on its last line, several separated by spaces.

    Taking turns (baseline, subject, baseline, …) lets a ratio ride out a burst of load on the machine
    that would otherwise fall on one side only. The package is byte-compiled first and one round is
    discarded, so every run starts as an installed app does: .pyc files present, files in the OS cache.
    """
    import compileall
    import os

    compileall.compile_dir(str(ROOT / "qt_app"), quiet=1)
    full_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    samples: list[list[list[float]]] = [[] for _ in codes]
    for i in range(runs + 1):
        for code, got in zip(codes, samples, strict=True):
            out = subprocess.run(
                [sys.executable, "-c", code],
                cwd=ROOT,
                env=full_env,
                check=True,
                capture_output=True,
                text=True,
            )
            if i:
                got.append([float(x) for x in out.stdout.strip().splitlines()[-1].split()])
    return [[_timing([run[k] for run in got]) for k in range(len(got[0]))] for got in samples]


def scratch(prefix: str = "offer-desk-bench-") -> Path:
    """A temporary folder removed when the run ends: a full run fills about 1 GB of stores and letters."""
    import atexit
    import shutil
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix=prefix))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder
