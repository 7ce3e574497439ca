"""Letters kept in tests/fixtures/letters/: they must verify as they are after every change to the layout.

`current/` was made by this version (OD2: signed page digests and a file seal), `legacy-odl1/` by the app
before issue 13. A genuine one passes, an edited one fails, a re-saved one is reported as re-saved, a draft
as a draft — whichever version drew them.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from qt_app.reports.signing import KeyRing
from qt_app.reports.verify import Outcome, verify_pdf_bytes
from qt_app.services.letters import verify_pdf
from tests.reports.conftest import FIXTURES, edit_text

CURRENT = FIXTURES / "current"
LEGACY = FIXTURES / "legacy-odl1"


@pytest.fixture(scope="module")
def checker(tmp_path_factory: pytest.TempPathFactory) -> KeyRing:
    """Another office that imported the keys the fixtures were signed with."""
    ring = KeyRing(tmp_path_factory.mktemp("checker"))
    ring.import_key(CURRENT / "signing_key.pub.pem", "current")
    ring.import_key(LEGACY / "signing_key.pub.pem", "legacy")
    return ring


@pytest.mark.parametrize(
    ("name", "outcome"),
    [
        ("issued-zh", Outcome.PASS),
        ("issued-zh-en", Outcome.PASS),
        ("notice-zh", Outcome.PASS),
        ("draft-zh", Outcome.DRAFT),
    ],
)
def test_current_letters_verify_as_they_are(checker: KeyRing, name: str, outcome: Outcome) -> None:
    verdict = verify_pdf(CURRENT / f"{name}.pdf", keyring=checker)
    assert verdict.outcome is outcome, verdict.lines("en")
    assert verdict.visible_match and verdict.snapshot_ok and verdict.exact_match


def test_the_notice_carries_no_amount(checker: KeyRing) -> None:
    verdict = verify_pdf(CURRENT / "notice-zh.pdf", keyring=checker)
    assert verdict.payload["x"] == 2 and verdict.payload["t"] == 0
    assert verdict.lines()[0].startswith("不予支持告知函")


@pytest.mark.parametrize(
    ("old", "new"),
    [("不构成付款承诺", "已构成付款承诺"), ("350,400.00", "359,400.00"), ("青田元宇宙", "青田宇宙元")],
)
def test_an_edited_current_letter_fails(checker: KeyRing, old: str, new: str) -> None:
    altered = edit_text((CURRENT / "issued-zh.pdf").read_bytes(), old, new)
    verdict = verify_pdf_bytes(altered, checker)
    assert verdict.outcome is Outcome.FAILED and verdict.exit_code == 1


def test_a_resaved_current_letter_says_so(checker: KeyRing, tmp_path: Path) -> None:
    copy = tmp_path / "copy.pdf"
    subprocess.run(["pdftocairo", "-pdf", str(CURRENT / "issued-zh-en.pdf"), str(copy)], check=True)
    verdict = verify_pdf(copy, keyring=checker)
    assert verdict.outcome is Outcome.RESAVED and verdict.payload_from == "qr-drawing"


@pytest.mark.parametrize(
    ("name", "outcome"),
    [("issued-zh", Outcome.LEGACY_PASS), ("issued-zh-en", Outcome.LEGACY_PASS), ("draft-zh", Outcome.DRAFT)],
)
def test_first_format_letters_still_verify(checker: KeyRing, name: str, outcome: Outcome) -> None:
    verdict = verify_pdf(LEGACY / f"{name}.pdf", keyring=checker)
    assert verdict.outcome is outcome and verdict.legacy
    lines = "\n".join(verdict.lines())
    assert "版面：未比对" in lines  # the note the first format promised and never printed
    if outcome is Outcome.LEGACY_PASS:
        assert verdict.exit_code == 0 and "结论：通过（旧版函件" in lines


@pytest.mark.parametrize(
    ("old", "new", "missing"),
    [
        ("不构成", "已构成", "本函为测算告知，不构成付款承诺；以政策原文及兑现审核结果为准。"),
        ("350,400.00", "359,400.00", "¥350,400.00"),
    ],
    ids=["wording", "amount"],
)
def test_an_edit_on_a_first_format_letter_fails(checker: KeyRing, old: str, new: str, missing: str) -> None:
    """Before issue 13 these passed: the layout could not be compared and only some facts were looked for."""
    altered = edit_text((LEGACY / "issued-zh.pdf").read_bytes(), old, new)
    verdict = verify_pdf_bytes(altered, checker)
    assert verdict.outcome is Outcome.FAILED and missing in verdict.missing
    assert "结论：通过" not in "\n".join(verdict.lines())


def test_a_first_format_snapshot_is_drawn_and_sealed_by_this_version(tmp_path: Path) -> None:
    """An office's register keeps letters issued before issue 13: `letter_pdf` draws them anew and re-signs."""
    import json

    from qt_app.reports import pdf_read
    from qt_app.services.letters import seal

    raw = pdf_read.embedded_file(
        pdf_read.read_pdf((LEGACY / "issued-zh.pdf").read_bytes()), "letter-snapshot.json"
    )
    assert raw is not None
    snapshot = json.loads(raw)
    assert snapshot["schema"] == 1 and "kind" not in snapshot
    ring = KeyRing(tmp_path)
    built = seal(snapshot, ring)
    verdict = verify_pdf_bytes(built.pdf, ring)
    assert verdict.outcome is Outcome.PASS and verdict.snapshot_ok
    assert verdict.payload["m"] == 119_568_000  # cash apart from the in-kind apartment, as the pages show
