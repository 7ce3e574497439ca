"""Offer-letter rows: a warm letter per page against a bare page with the same fonts, the first letter after
start, and the whole `letter` command against LibreOffice converting the same letter from .docx."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.bare_page import bare_page
from benchmarks.core import ROOT, Row, Timing, _timing, measure, measure_side_by_side, scratch

EXAMPLE = "resources/examples/xinghe-digital.json"

# One GB/T 9704 page drawn directly (`benchmarks.bare_page`), cold in its own process: the imports and font
# registration included.
BARE_PAGE = """
import time
t0 = time.perf_counter()
from benchmarks.bare_page import bare_page
bare_page()
print(time.perf_counter() - t0)
"""

FIRST_LETTER = f"""
import time
t0 = time.perf_counter()
from pathlib import Path
from qt_app.domain.firm_io import load_firm_file
from qt_app.domain.policy_loader import default_policy
from qt_app.domain.simulate import simulate
from qt_app.services.letters import render_letter
firm, variants = load_firm_file(Path("{EXAMPLE}"))
policy = default_policy()
render_letter(firm, variants, simulate(firm, policy), policy)
print(time.perf_counter() - t0)
"""

# What the app does: once its window is warm it renders a throw-away letter on a worker thread
# (`services.letter_warmup`); the officer's first letter comes after that.
FIRST_IN_APP = f"""
from pathlib import Path
from qt_app.domain.firm_io import load_firm_file
from qt_app.domain.policy_loader import default_policy
from qt_app.domain.simulate import simulate
from qt_app.services.letter_warmup import warm_letters
policy = default_policy()
warm_letters(policy)
import time
firm, variants = load_firm_file(Path("{EXAMPLE}"))
t0 = time.perf_counter()
from qt_app.services.letters import render_letter
render_letter(firm, variants, simulate(firm, policy), policy)
print(time.perf_counter() - t0)
"""


def _run(cmd: list[str], runs: int, cwd: Path) -> Timing:
    samples = []
    for i in range(runs + 1):
        t0 = time.perf_counter()
        subprocess.run(cmd, cwd=cwd, check=True, capture_output=True, timeout=300)
        if i:  # the first run warms the disk cache (and LibreOffice's profile)
            samples.append(time.perf_counter() - t0)
    return _timing(samples)


def _peer_rows(quick: bool, pages: int) -> list[Row]:
    """Our whole `letter` command against LibreOffice converting the same letter, as a .docx, to PDF."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    work = scratch("letter-peer-")
    ours_cmd = [sys.executable, "-m", "qt_app", "letter", EXAMPLE, "-o", str(work / "ours.pdf")]
    runs = 2 if quick else 5
    ours = _run(ours_cmd, runs, ROOT)
    name = f"`letter` command, whole process ({pages} pages)"
    if soffice is None:
        return [Row(name, ours, budget_seconds=None, note="LibreOffice not installed: no peer row")]
    from benchmarks.letters_docx import write_docx

    docx = write_docx(work / "letter.docx")
    peer_cmd = [soffice, "--headless", f"-env:UserInstallation=file://{work}/lo-profile", "--convert-to", "pdf",
                "--outdir", str(work), str(docx)]  # fmt: skip
    peer = _run(peer_cmd, runs, work)
    return [
        Row("peer: LibreOffice headless, same letter as .docx → PDF", peer, budget_seconds=None),
        Row(
            name,
            ours,
            "LibreOffice",
            peer,
            budget_ratio=1.0,
            note="a whole process each, imports and fonts included",
        ),
    ]


def rows(quick: bool) -> list[Row]:
    from qt_app.domain.firm_io import load_firm_file
    from qt_app.domain.policy_loader import default_policy
    from qt_app.domain.simulate import simulate
    from qt_app.reports.signing import KeyRing
    from qt_app.services.letters import render_letter

    firm, variants = load_firm_file(ROOT / EXAMPLE)
    policy = default_policy()
    package = simulate(firm, policy)
    keys = KeyRing(scratch())
    runs = 5 if quick else 20
    base = measure(bare_page, runs=runs, warmup=2)
    letter = render_letter(firm, variants, package, policy, keyring=keys)
    pages = letter.count(b"/Type /Page\n")
    warm = measure(lambda: render_letter(firm, variants, package, policy, keyring=keys), runs=runs, warmup=2)
    per_page = Timing(warm.median / pages, warm.low / pages, warm.high / pages, warm.runs)
    child_runs = 2 if quick else 5
    (bare_cold,), (first,), (in_app,) = measure_side_by_side(
        [BARE_PAGE, FIRST_LETTER, FIRST_IN_APP], child_runs
    )
    return [
        Row("baseline: bare GB/T 9704 page, same embedded fonts", base, budget_seconds=None),
        Row(
            f"warm offer letter, per page ({pages} pages: tables, chart, QR, signed digest)",
            per_page,
            "bare page",
            base,
            budget_ratio=4.0,
            note="a page of wrapped 3号仿宋 paragraphs and tables against 22 drawString lines; the whole letter "
            f"takes {warm.median * 1000:.0f} ms",
        ),
        Row(
            "first letter after the app's start (its window has warmed the letter path off the UI thread)",
            in_app,
            budget_seconds=0.300,
            note=f"{pages} pages",
        ),
        Row(
            "first letter in a bare process (imports and font registration included)",
            first,
            "bare page cold",
            bare_cold,
            budget_seconds=None,
            note="what `letter` pays before the peer row; the app warms this after start",
        ),
        *_peer_rows(quick, pages),
    ]
