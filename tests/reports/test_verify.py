"""Offline verification: the QR code, the PDF, and what an altered copy looks like to a checker."""

from __future__ import annotations

import base64
import os
import re
import stat
import subprocess
import zlib
from datetime import date
from pathlib import Path

import pytest

from qt_app.domain.errors import DomainError
from qt_app.reports import pdf_read
from qt_app.reports.signing import IMPORTED, OWN, UNKNOWN, KeyRing, parse_payload
from qt_app.reports.verify import verify_pdf_bytes
from qt_app.services.letters import verify_pdf, verify_qr_text
from tests.reports.conftest import DOC_NUMBER, page_count


def _qr_text(pdf: Path, tmp_path: Path) -> str:
    last = page_count(pdf)
    prefix = tmp_path / "page"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "200", "-f", str(last), "-l", str(last), str(pdf), str(prefix)], check=True
    )
    png = next(tmp_path.glob("page*.png"))
    out = subprocess.run(["zbarimg", "-q", "--raw", str(png)], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def test_printed_qr_decodes_and_verifies(issued_pdf: Path, session_keys: KeyRing, tmp_path: Path) -> None:
    text = _qr_text(issued_pdf, tmp_path)
    assert text.startswith("ODL1.")
    assert len(text) < 500  # small enough for a reliable print-size QR
    verdict = verify_qr_text(text, keyring=session_keys)
    assert verdict.ok and verdict.signature_valid and verdict.signer == OWN
    assert verdict.payload["n"] == DOC_NUMBER
    assert verdict.payload["t"] == 126_768_000
    assert "签名：有效" in "\n".join(verdict.lines("zh"))
    assert "Signature: valid" in "\n".join(verdict.lines("en"))


def test_unaltered_pdf_passes_every_check(issued_pdf: Path, session_keys: KeyRing) -> None:
    verdict = verify_pdf(issued_pdf, keyring=session_keys)
    assert verdict.ok
    assert verdict.snapshot_ok and verdict.visible_match and verdict.exact_match
    assert verdict.register == "not_checked"
    assert verdict.valid_until == "2026-06-03"
    assert ("已过期" in "\n".join(verdict.lines())) == (date.today() > date(2026, 6, 3))


def _content_streams(data: bytes) -> list[pdf_read.PdfObject]:
    pdf = pdf_read.read_pdf(data)
    return [c for _page, contents in pdf_read.page_contents(pdf) for c in contents]


def _replace_stream(data: bytes, obj: pdf_read.PdfObject, new_plain: bytes) -> bytes:
    """Re-encode a content stream after editing it, as a PDF editor would (offsets are left stale)."""
    encoded = zlib.compress(new_plain)
    if b"ASCII85Decode" in obj.head:
        encoded = base64.a85encode(encoded, adobe=True)[2:]
    assert obj.raw is not None
    head = re.sub(rb"/Length\s+\d+", b"/Length %d" % len(encoded), obj.head)
    start = data.index(obj.head + b"stream")
    end = data.index(b"endstream", start)
    return data[:start] + head + b"stream\n" + encoded + b"\n" + data[end:]


def test_one_byte_changed_in_the_page_content_fails(issued_pdf: Path, session_keys: KeyRing) -> None:
    data = issued_pdf.read_bytes()
    first = _content_streams(data)[0]
    assert first.raw is not None
    pos = data.index(first.raw) + len(first.raw) // 2
    altered = data[:pos] + bytes([data[pos] ^ 0x01]) + data[pos + 1 :]
    verdict = verify_pdf_bytes(altered, session_keys)
    assert not verdict.ok
    assert "结论：未通过" in verdict.lines("zh")


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (rb"/MediaBox [ 0 0 595.2756 841.8898 ]", rb"/MediaBox [ 0 0 595.2756 541.8898 ]"),  # crops the page
        (rb"/Rotate 0", rb"/Rotate 9"),  # same length: offsets and the xref stay valid
    ],
    ids=["mediabox", "rotate"],
)
def test_edits_to_page_dictionaries_are_caught(
    issued_pdf: Path, session_keys: KeyRing, before: bytes, after: bytes
) -> None:
    data = issued_pdf.read_bytes()
    assert before in data, "the letter's page dictionary changed: update this test's byte pattern"
    altered = data.replace(before, after, 1)
    verdict = verify_pdf_bytes(altered, session_keys)
    assert (
        verdict.signature_valid and verdict.snapshot_ok and verdict.visible_match
    )  # text and metadata intact
    assert verdict.exact_match is False and not verdict.ok


def test_edited_amount_on_the_page_is_caught(issued_pdf: Path, session_keys: KeyRing) -> None:
    data = issued_pdf.read_bytes()
    streams = _content_streams(data)
    # Swap two digits glyphs of an amount: find a text string and change its first byte.
    target = streams[0]
    plain = target.stream()
    m = re.search(rb"\((\\.|[^\\)]){6,}\) Tj", plain)
    assert m
    edited = plain[: m.start() + 1] + bytes([plain[m.start() + 1] ^ 0x02]) + plain[m.start() + 2 :]
    altered = _replace_stream(data, target, edited)
    verdict = verify_pdf_bytes(altered, session_keys)
    assert verdict.signature_valid and verdict.snapshot_ok  # metadata untouched...
    assert verdict.exact_match is False  # ...but the printed page differs
    assert not verdict.ok


def test_changed_payload_fails_the_signature(issued_pdf: Path, session_keys: KeyRing) -> None:
    data = issued_pdf.read_bytes()
    payload = pdf_read.info_value(pdf_read.read_pdf(data), "Keywords")
    assert payload
    body, sig = payload.split(".")[1:]
    fields = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    forged_fields = fields.replace(b'"t":126768000', b'"t":926768000')
    assert forged_fields != fields
    forged = "ODL1." + base64.urlsafe_b64encode(forged_fields).rstrip(b"=").decode() + "." + sig
    assert len(forged) == len(payload)
    verdict = verify_pdf_bytes(data.replace(payload.encode(), forged.encode()), session_keys)
    assert verdict.readable and not verdict.signature_valid and not verdict.ok
    qr = verify_qr_text(forged, keyring=session_keys)
    assert not qr.ok and "签名：无效" in "\n".join(qr.lines())


def test_visible_text_check_catches_a_rewritten_total_even_without_layout_compare(
    issued_pdf: Path, session_keys: KeyRing, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A letter from another app version skips the layout compare; the signed facts still must show."""
    import qt_app.reports.verify as verify_mod

    monkeypatch.setattr(verify_mod, "__version__", "9.9.9")
    data = issued_pdf.read_bytes()
    assert verify_pdf_bytes(data, session_keys).ok  # facts alone pass for an unaltered copy
    pdf = pdf_read.read_pdf(data)
    # Rewrite every "¥1,267,680.00" on the pages to "¥1,267,680.01" via the fonts' own codes.
    altered = data
    for page, contents in pdf_read.page_contents(pdf):
        fonts = pdf_read._font_maps(pdf, page)
        for obj in contents:
            plain = obj.stream()
            for cmap in fonts.values():
                if not cmap:
                    continue
                rev = {v: k for k, v in cmap.items()}
                try:
                    old = bytes(rev[ch] for ch in "680.00")
                    new = bytes(rev[ch] for ch in "680.01")
                except KeyError:
                    continue
                plain = plain.replace(old, new)
            if plain != obj.stream():
                altered = _replace_stream(altered, obj, plain)
    verdict = verify_pdf_bytes(altered, session_keys)
    assert verdict.visible_match is False and "¥1,267,680.00" in verdict.missing
    assert verdict.exact_match is None and not verdict.ok


def test_a_key_from_another_office(issued_pdf: Path, tmp_path: Path, session_keys: KeyRing) -> None:
    other = KeyRing(tmp_path / "other-office")
    data = issued_pdf.read_bytes()
    unknown = verify_pdf_bytes(data, other)
    assert unknown.signer == UNKNOWN and not unknown.ok
    assert "未导入本机" in "\n".join(unknown.lines())
    fp = other.import_key(session_keys.public_key_path(), "青田本部")
    assert fp == session_keys.fingerprint()
    imported = verify_pdf_bytes(data, other)
    assert imported.signer == IMPORTED and imported.ok


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


def test_not_a_letter() -> None:
    ring = KeyRing()
    assert not verify_pdf_bytes(b"%PDF-1.4\n%%EOF", ring).ok
    assert not verify_pdf_bytes(b"hello", ring).readable
    v = verify_qr_text("https://example.com", keyring=ring)
    assert not v.readable and "不是本软件出具的告知函验证码" in "\n".join(v.lines())
    with pytest.raises(DomainError):
        parse_payload("ODL1.x.y")
