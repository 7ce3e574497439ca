"""Offline verification: what a genuine, an edited, a re-saved and a draft letter look like to a checker."""

from __future__ import annotations

import os
import random
import stat
import subprocess
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from qt_app.domain.errors import DomainError
from qt_app.reports import pdf_read
from qt_app.reports.official import payload
from qt_app.reports.official.qr_read import qr_texts
from qt_app.reports.signing import IMPORTED, OWN, UNKNOWN, KeyRing
from qt_app.reports.verify import Outcome, verify_pdf_bytes
from qt_app.services.letters import verify_pdf, verify_qr_text
from tests.reports.conftest import DOC_NUMBER, edit_text, page_count
from tests.reports.factories import make_package


def _zbar(pdf: Path, page: int, tmp_path: Path, dpi: int = 150) -> str:
    prefix = tmp_path / f"scan{page}"
    subprocess.run(
        [
            "pdftoppm",
            "-gray",
            "-png",
            "-r",
            str(dpi),
            "-f",
            str(page),
            "-l",
            str(page),
            str(pdf),
            str(prefix),
        ],
        check=True,
    )
    png = next(tmp_path.glob(f"scan{page}*.png"))
    out = subprocess.run(
        ["zbarimg", "-q", "--raw", "-Sdisable", "-Sqrcode.enable", str(png)], capture_output=True, text=True
    )
    return out.stdout.strip()


def _signature_page(pdf: Path) -> int:
    data = pdf.read_bytes()
    views = pdf_read.visible_text(pdf_read.read_pdf(data))
    return next(i for i, text in enumerate(views, 1) if "扫码核验" in text)


def test_a_genuine_letter_passes(issued_pdf: Path, session_keys: KeyRing) -> None:
    verdict = verify_pdf(issued_pdf, keyring=session_keys)
    assert verdict.outcome is Outcome.PASS and verdict.exit_code == 0 and verdict.ok
    assert verdict.visible_match and verdict.snapshot_ok and verdict.exact_match
    assert verdict.payload["n"] == DOC_NUMBER and verdict.payload["t"] == make_package().total
    assert verdict.payload["m"] == make_package().cash_total
    lines = verdict.lines("zh")
    assert lines[-1] == "结论：通过" and "页面内容：每一页的文字和金额与签名一致" in lines
    assert verdict.lines("en")[-1] == "Result: PASS"


def test_the_printed_qr_decodes_at_150_dpi_and_matches_the_file(
    issued_pdf: Path, session_keys: KeyRing, tmp_path: Path
) -> None:
    text = _zbar(issued_pdf, _signature_page(issued_pdf), tmp_path)
    assert text.startswith(payload.PREFIX) and len(text) < 260  # a version 9 code at level M
    keywords = pdf_read.info_value(pdf_read.read_pdf(issued_pdf.read_bytes()), "Keywords") or ""
    assert keywords.startswith(text + " ODSEAL:")
    assert qr_texts(issued_pdf.read_bytes()) == [text]  # and it reads back from the vector drawing
    verdict = verify_qr_text(text, keyring=session_keys)
    assert verdict.outcome is Outcome.PASS and verdict.signer == OWN


@pytest.mark.parametrize(
    ("old", "new", "what"),
    [
        ("不构成付款承诺", "已构成付款承诺", "wording"),
        ("350,400.00", "950,400.00", "an amount"),
        ("2026", "2025", "the 文号"),  # the first text page 1 draws is the letterhead's 文号
        ("青田元宇宙科技", "青田宇宙元科技", "the firm's name"),  # the same characters, in another order
    ],
)
def test_any_edit_of_printed_text_fails(
    issued_pdf: Path, session_keys: KeyRing, old: str, new: str, what: str
) -> None:
    altered = edit_text(issued_pdf.read_bytes(), old, new)
    verdict = verify_pdf_bytes(altered, session_keys)
    assert verdict.signature_valid and verdict.snapshot_ok  # metadata untouched …
    assert verdict.visible_match is False, what  # … but a page no longer shows what was signed
    assert verdict.outcome is Outcome.FAILED and verdict.exit_code == 1
    assert verdict.pages_changed, "the changed page is named"
    assert "函件已被修改" in "\n".join(verdict.lines())


def test_an_edited_amount_or_number_is_named(issued_pdf: Path, session_keys: KeyRing) -> None:
    verdict = verify_pdf_bytes(edit_text(issued_pdf.read_bytes(), "350,400.00", "950,400.00"), session_keys)
    assert "¥350,400.00" in verdict.missing
    verdict = verify_pdf_bytes(edit_text(issued_pdf.read_bytes(), "2026", "2025"), session_keys)
    assert verdict.pages_changed == [1]  # the letterhead's 文号 (the running head from page 2 still has it)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (rb"/MediaBox [ 0 0 595.2756 841.8898 ]", rb"/MediaBox [ 0 0 595.2756 541.8898 ]"),  # crops the page
        (rb"/Rotate 0", rb"/Rotate 9"),  # same length: offsets and the xref stay valid
    ],
    ids=["mediabox", "rotate"],
)
def test_cropping_or_rotating_a_page_fails(
    issued_pdf: Path, session_keys: KeyRing, before: bytes, after: bytes
) -> None:
    data = issued_pdf.read_bytes()
    assert before in data, "the letter's page dictionary changed: update this test's byte pattern"
    verdict = verify_pdf_bytes(data.replace(before, after, 1), session_keys)
    assert verdict.outcome is Outcome.FAILED and verdict.visible_match is False


def test_three_hundred_random_byte_flips_never_pass(issued_pdf: Path, session_keys: KeyRing) -> None:
    data = issued_pdf.read_bytes()
    rng = random.Random(13)
    outcomes: Counter[Outcome] = Counter()
    for _ in range(300):
        pos = rng.randrange(len(data))
        flipped = data[:pos] + bytes([data[pos] ^ rng.randrange(1, 256)]) + data[pos + 1 :]
        verdict = verify_pdf_bytes(flipped, session_keys)
        outcomes[verdict.outcome] += 1
        assert verdict.outcome is not Outcome.PASS, f"a flip at byte {pos} passed"
        if verdict.outcome is Outcome.RESAVED:  # only when every page still shows what was signed
            assert verdict.visible_match and not verdict.exact_match
    assert outcomes[Outcome.FAILED] + outcomes[Outcome.NOT_A_LETTER] > 0, outcomes


@pytest.mark.parametrize(
    "command",
    [
        ["pdftocairo", "-pdf", "{src}", "{dst}"],  # print to PDF: metadata and attachment dropped
        ["qpdf", "--object-streams=generate", "{src}", "{dst}"],  # an optimiser
        ["qpdf", "{src}", "{dst}"],  # a plain re-save
        ["qpdf", "--linearize", "{src}", "{dst}"],  # fast web view
    ],
    ids=["cairo", "qpdf-objstm", "qpdf", "linearized"],
)
def test_a_copy_resaved_by_another_program_says_so(
    issued_pdf: Path, session_keys: KeyRing, tmp_path: Path, command: list[str]
) -> None:
    dst = tmp_path / "copy.pdf"
    subprocess.run([c.format(src=issued_pdf, dst=dst) for c in command], check=True)
    verdict = verify_pdf(dst, keyring=session_keys)
    assert verdict.outcome is Outcome.RESAVED and verdict.exit_code == 3
    assert verdict.visible_match and not verdict.ok
    lines = "\n".join(verdict.lines())
    assert "结论：内容一致，文件已被另存" in lines and "结论：通过" not in lines and "已被修改" not in lines


def test_a_resaved_copy_that_was_also_edited_fails(
    issued_pdf: Path, session_keys: KeyRing, tmp_path: Path
) -> None:
    edited = tmp_path / "edited.pdf"
    edited.write_bytes(edit_text(issued_pdf.read_bytes(), "350,400.00", "950,400.00"))
    dst = tmp_path / "copy.pdf"
    subprocess.run(["pdftocairo", "-pdf", str(edited), str(dst)], check=True)
    verdict = verify_pdf(dst, keyring=session_keys)
    assert verdict.payload_from == "qr-drawing" and verdict.outcome is Outcome.FAILED


def test_a_copy_without_text_cannot_be_passed(
    issued_pdf: Path, session_keys: KeyRing, tmp_path: Path
) -> None:
    """Printed to images and back: the QR text given by hand is checked, the pages cannot be."""
    from PIL import Image

    subprocess.run(
        ["pdftoppm", "-gray", "-png", "-r", "60", str(issued_pdf), str(tmp_path / "img")], check=True
    )
    images = [Image.open(p) for p in sorted(tmp_path.glob("img*.png"))]
    scanned = tmp_path / "scanned.pdf"
    images[0].save(scanned, save_all=True, append_images=images[1:])
    keywords = pdf_read.info_value(pdf_read.read_pdf(issued_pdf.read_bytes()), "Keywords") or ""
    verdict = verify_pdf(scanned, keyring=session_keys, qr_text=keywords.split(" ODSEAL:")[0])
    assert verdict.outcome is Outcome.FAILED and verdict.signature_valid
    assert "没有可读的文字" in "\n".join(verdict.lines())


def test_a_draft_gets_its_own_verdict(
    write_letter: Callable[..., Path], session_keys: KeyRing, tmp_path: Path
) -> None:
    pdf = write_letter("draft-verify", draft=True)
    verdict = verify_pdf(pdf, keyring=session_keys)
    assert verdict.outcome is Outcome.DRAFT and verdict.exit_code == 4 and not verdict.ok
    assert verdict.lines()[-1].startswith("结论：草稿")
    dst = tmp_path / "draft-copy.pdf"
    subprocess.run(["pdftocairo", "-pdf", str(pdf), str(dst)], check=True)
    assert verify_pdf(dst, keyring=session_keys).outcome is Outcome.DRAFT  # still a draft when re-saved


def test_a_forged_payload_fails_the_signature(issued_pdf: Path, session_keys: KeyRing) -> None:
    data = issued_pdf.read_bytes()
    text = (pdf_read.info_value(pdf_read.read_pdf(data), "Keywords") or "").split(" ODSEAL:")[0]
    claims, _body, sig = payload.from_text(text)
    forged_body = payload.pack(payload.replace(claims, total=claims.total * 10))
    forged = payload.to_text(forged_body, sig)
    verdict = verify_qr_text(forged, keyring=session_keys)
    assert verdict.outcome is Outcome.FAILED and "签名：无效" in "\n".join(verdict.lines())


def test_a_key_from_another_office(issued_pdf: Path, tmp_path: Path, session_keys: KeyRing) -> None:
    other = KeyRing(tmp_path / "other-office")
    data = issued_pdf.read_bytes()
    unknown = verify_pdf_bytes(data, other)
    assert unknown.signer == UNKNOWN and unknown.outcome is Outcome.UNKNOWN_KEY and unknown.exit_code == 5
    assert "未导入本机" in "\n".join(unknown.lines())
    fp = other.import_key(session_keys.public_key_path(), "青田本部")
    assert fp == session_keys.fingerprint()
    imported = verify_pdf_bytes(data, other)
    assert imported.signer == IMPORTED and imported.outcome is Outcome.PASS


def test_keys_are_made_once_with_a_private_file_only_the_user_can_read(tmp_path: Path) -> None:
    ring = KeyRing(tmp_path)
    fp = ring.fingerprint()
    private = tmp_path / "keys" / "signing_key.pem"
    assert stat.S_IMODE(os.stat(private).st_mode) == 0o600
    assert KeyRing(tmp_path).fingerprint() == fp  # loaded, not regenerated
    assert len(fp) == 16


def test_a_damaged_private_key_is_reported_not_replaced(tmp_path: Path) -> None:
    private = tmp_path / "keys" / "signing_key.pem"
    private.parent.mkdir(parents=True)
    private.write_text("garbage")
    with pytest.raises(DomainError) as err:
        KeyRing(tmp_path).fingerprint()
    assert "已损坏" in err.value.zh and private.read_text() == "garbage"


def test_importing_something_that_is_not_a_key_is_refused(tmp_path: Path) -> None:
    junk = tmp_path / "junk.pem"
    junk.write_text("hello")
    with pytest.raises(DomainError) as err:
        KeyRing(tmp_path).import_key(junk)
    assert "不是 Ed25519 公钥" in err.value.zh


def test_not_a_letter(tmp_path: Path) -> None:
    ring = KeyRing(tmp_path)
    assert verify_pdf_bytes(b"%PDF-1.4\n%%EOF", ring).outcome is Outcome.NOT_A_LETTER
    assert verify_pdf_bytes(b"hello", ring).exit_code == 2
    v = verify_qr_text("https://example.com", keyring=ring)
    assert not v.readable and "不是本软件出具的函件验证码" in "\n".join(v.lines())


def test_the_signature_page_is_found(issued_pdf: Path) -> None:
    assert 1 < _signature_page(issued_pdf) < page_count(issued_pdf)  # the annex follows the signature
