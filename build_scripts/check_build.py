"""After a build: sizes against budgets, and the frozen app's self-test (time against budget).

Budgets (issue: a single download for outposts): one-folder ≤ 130 MB, archive ≤ 55 MB, frozen self-test ≤ 1.5 s.
The letter's fonts came later (issue 13: 朱雀仿宋, 小标宋, 楷体, 黑体 subsets, Liberation Serif, the Ext-A/B fallback)
with their own allowance: up to 15 MB in the archive, and in the folder they are counted apart (≤ 35 MB), so the
app's own growth still meets the 130 MB it was given.
Exit 1 when the self-test fails; sizes and times over budget are printed as OVER (and fail with --strict).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

BUDGET_FOLDER_MB = 130  # the folder without the letter fonts
BUDGET_LETTER_FONTS_MB = 35  # 33.5 MB as bundled (resources/fonts/README.md)
LETTER_FONTS = ("Liberation", "OD", "Zhuque")  # file name prefixes; WenQuanYi (the screen face) is the app's
BUDGET_ARCHIVE_MB = 55 + 15  # the letter fonts add 12.8 MB to the archive (resources/fonts/README.md)
BUDGET_SELFTEST_S = 1.5


def folder_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink()) / 1e6


def letter_fonts_mb(folder: Path) -> float:
    """The letter's font files (and their licences) wherever the build put resources/fonts."""
    return (
        sum(
            f.stat().st_size
            for f in folder.rglob("*")
            if f.is_file()
            and f.parent.name == "fonts"
            and f.parent.parent.name == "resources"
            and f.name.removeprefix("LICENSE-").startswith(LETTER_FONTS)
        )
        / 1e6
    )


def verdict(ok: bool) -> str:
    return "PASS" if ok else "OVER"


def main() -> int:
    folder, archive = Path(sys.argv[1]), Path(sys.argv[2])
    strict = "--strict" in sys.argv
    size_folder, size_archive = folder_mb(folder), archive.stat().st_size / 1e6
    exe = folder / ("offer-desk.exe" if os.name == "nt" else "offer-desk")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    times = []
    line = ""
    for _ in range(3):
        t0 = time.perf_counter()
        run = subprocess.run([str(exe), "--selftest"], env=env, capture_output=True, text=True, timeout=120)
        times.append(time.perf_counter() - t0)
        line = (run.stdout.strip().splitlines() or [""])[-1]
        if run.returncode != 0:
            print(f"frozen self-test FAILED (exit {run.returncode}): {line}\n{run.stderr[-2000:]}")
            return 1
    best = sorted(times)[len(times) // 2]
    size_fonts = letter_fonts_mb(folder)
    rows = [
        (
            "one-folder app, without letter fonts",
            f"{size_folder - size_fonts:.1f} MB",
            f"≤ {BUDGET_FOLDER_MB} MB",
            size_folder - size_fonts <= BUDGET_FOLDER_MB,
        ),
        (
            "letter fonts in the folder",
            f"{size_fonts:.1f} MB",
            f"≤ {BUDGET_LETTER_FONTS_MB} MB",
            size_fonts <= BUDGET_LETTER_FONTS_MB,
        ),
        (
            "archive (.tar.xz)",
            f"{size_archive:.1f} MB",
            f"≤ {BUDGET_ARCHIVE_MB} MB",
            size_archive <= BUDGET_ARCHIVE_MB,
        ),
        (
            "frozen self-test (median of 3)",
            f"{best:.2f} s",
            f"≤ {BUDGET_SELFTEST_S} s",
            best <= BUDGET_SELFTEST_S,
        ),
    ]
    for name, value, budget, ok in rows:
        print(f"{name:<36} {value:>10}  {budget:<10} {verdict(ok)}")
    print(f"{'one-folder app, whole':<36} {size_folder:>7.1f} MB")
    inside = folder / "_internal"
    parts = sorted(
        ((folder_mb(p) if p.is_dir() else p.stat().st_size / 1e6), p.name)
        for p in inside.iterdir()
        if not p.is_symlink()  # PyInstaller links Qt's libraries here from PySide6/Qt/lib
    )
    print("largest parts: " + ", ".join(f"{name} {mb:.1f} MB" for mb, name in reversed(parts[-8:])))
    print(f"self-test said: {line}")
    python = ".".join(map(str, sys.version_info[:3]))
    guard = "not needed: None is immortal" if sys.version_info >= (3, 12) else "active (PySide6 6.12 on 3.11)"
    print(f"frozen with Python {python}; refcount guard {guard}")
    return 1 if strict and not all(ok for *_, ok in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
