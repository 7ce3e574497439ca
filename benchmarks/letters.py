"""Offer-letter rows: warm letter and first letter after start, against a bare reportlab page with the same font."""

from __future__ import annotations

from benchmarks.core import Row, measure, measure_side_by_side

BARE_PAGE = """
import io, time
t0 = time.perf_counter()
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from qt_app.paths import font_path
pdfmetrics.registerFont(TTFont("WQY", str(font_path()), subfontIndex=0))
def page():
    buf = io.BytesIO()
    c = Canvas(buf)
    c.setFont("WQY", 12)
    for i in range(40):
        c.drawString(72, 770 - i * 17, f"青田县元宇宙产业扶持政策告知函 第{i}行 ¥1,500,000.00 壹佰伍拾万元整")
    c.showPage()
    c.save()
    return buf.getvalue()
page()
print(time.perf_counter() - t0)
"""

FIRST_LETTER = """
import time
t0 = time.perf_counter()
from pathlib import Path
from qt_app.domain.firm_io import load_firm_file
from qt_app.domain.policy_loader import default_policy
from qt_app.domain.simulate import simulate
from qt_app.services.letters import render_letter
firm, variants = load_firm_file(Path("resources/examples/xinghe-digital.json"))
policy = default_policy()
render_letter(firm, variants, simulate(firm, policy), policy)
print(time.perf_counter() - t0)
"""


def rows(quick: bool) -> list[Row]:
    import io
    import tempfile
    from pathlib import Path

    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    from qt_app.domain.firm_io import load_firm_file
    from qt_app.domain.policy_loader import default_policy
    from qt_app.domain.simulate import simulate
    from qt_app.paths import font_path
    from qt_app.reports.signing import KeyRing
    from qt_app.services.letters import render_letter

    pdfmetrics.registerFont(TTFont("WQY-bench", str(font_path()), subfontIndex=0))

    def bare_page() -> bytes:
        buf = io.BytesIO()
        c = Canvas(buf)
        c.setFont("WQY-bench", 12)
        for i in range(40):
            c.drawString(
                72, 770 - i * 17, f"青田县元宇宙产业扶持政策告知函 第{i}行 ¥1,500,000.00 壹佰伍拾万元整"
            )
        c.showPage()
        c.save()
        return buf.getvalue()

    firm, variants = load_firm_file(Path("resources/examples/xinghe-digital.json"))
    policy = default_policy()
    package = simulate(firm, policy)
    keys = KeyRing(Path(tempfile.mkdtemp()))
    runs = 5 if quick else 20
    base = measure(bare_page, runs=runs, warmup=2)
    warm = measure(lambda: render_letter(firm, variants, package, policy, keyring=keys), runs=runs, warmup=2)
    child_runs = 2 if quick else 5
    (bare_cold,), (first,) = measure_side_by_side([BARE_PAGE, FIRST_LETTER], child_runs)
    pages = _page_count(render_letter(firm, variants, package, policy, keyring=keys))
    return [
        Row("baseline: bare reportlab page, same embedded font", base, budget_seconds=None),
        Row(
            f"warm offer letter ({pages} pages, font loaded)",
            warm,
            "bare page",
            base,
            budget_ratio=1.5,
            note="the budget compares a multi-page letter with QR, chart and tables to one bare page",
        ),
        Row(
            "first letter after start (fresh process, imports included)",
            first,
            "bare page cold",
            bare_cold,
            budget_seconds=0.300,
        ),
    ]


def _page_count(pdf: bytes) -> int:
    return pdf.count(b"/Type /Page\n") or pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
