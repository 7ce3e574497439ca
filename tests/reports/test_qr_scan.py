"""The QR code survives a scanner: zbar reads ≥ 99 of 100 synthetic worn scans; payload and codes round-trip.

A worn scan here: the code drawn as on the letter (40 mm, level M), rasterised by poppler at 150 dpi, then
toner and paper (black 25–70, white 205–245), paper grain (σ 8–20 grey levels) and dust specks (0.1–0.4 %
of pixels), a 1–2° skew, optical blur (Gaussian radius 0.6–1.2 px) and sensor noise (σ 2–5) — in the order
light meets them. Seeded, so the same 100 scans every run.
"""

from __future__ import annotations

import io
import random
import subprocess
from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageChops, ImageFilter
from reportlab.pdfgen.canvas import Canvas

from qt_app.reports.official import base45, payload
from qt_app.reports.official.blocks import QR_SIZE
from qt_app.reports.official.qr import LEVEL, qr_matrix, qr_path
from qt_app.reports.official.qr_read import decode_matrix

SCANS = 100


def _claims(rng: random.Random) -> payload.Claims:
    return payload.Claims(
        kind=rng.choice((1, 2)),
        draft=rng.random() < 0.2,
        doc_id="l-" + rng.randbytes(8).hex(),
        number=f"青招〔{rng.randint(2024, 2030)}〕{rng.randint(1, 999)}号",
        party="91331121MA" + "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(8)),
        issued=date(2026, rng.randint(1, 12), rng.randint(1, 28)),
        total=rng.randint(0, 5 * 10**10),
        cash=rng.randint(0, 10**10),
        policy=rng.choice(("2023.1", "2024.2", "2026.1-rc")),
        pages=rng.randint(2, 12),
        content=rng.randbytes(12),
        digest=rng.randbytes(16),
        key=rng.randbytes(8),
    )


def _noise_tile(rng: random.Random, size: int = 640) -> Image.Image:
    """Zero-mean Gaussian noise (σ = 32 grey levels, offset 128), cut into windows per scan."""
    return Image.frombytes(
        "L", (size, size), bytes(max(0, min(255, int(128 + rng.gauss(0, 32)))) for _ in range(size * size))
    )


def _add_noise(im: Image.Image, tile: Image.Image, sigma: float, rng: random.Random) -> Image.Image:
    x, y = rng.randrange(tile.width - im.width), rng.randrange(tile.height - im.height)
    window = tile.crop((x, y, x + im.width, y + im.height)).point(lambda v: int(128 + (v - 128) * sigma / 32))
    return ImageChops.add(im, window, scale=1.0, offset=-128)


def _worn(im: Image.Image, tile: Image.Image, rng: random.Random) -> Image.Image:
    lo, hi = rng.randint(25, 70), rng.randint(205, 245)
    im = im.point(lambda v: int(lo + v * (hi - lo) / 255))
    im = _add_noise(im, tile, rng.uniform(8, 20), rng)  # paper grain and toner, before the optics
    specks = rng.uniform(0.001, 0.004)
    px = im.load()
    for _ in range(int(im.width * im.height * specks)):
        x, y = rng.randrange(im.width), rng.randrange(im.height)
        px[x, y] = hi if px[x, y] < 128 else lo  # dropouts in the toner, dust on the paper
    im = im.rotate(
        rng.uniform(1, 2) * rng.choice((-1, 1)), resample=Image.Resampling.BILINEAR, expand=True, fillcolor=hi
    )
    im = im.filter(ImageFilter.GaussianBlur(rng.uniform(0.6, 1.2)))
    return _add_noise(im, tile, rng.uniform(2, 5), rng)  # the scanner's sensor


def test_zbar_reads_worn_150_dpi_scans(tmp_path: Path) -> None:
    rng = random.Random(2026)
    texts = []
    buf = io.BytesIO()
    side = QR_SIZE + 40
    canv = Canvas(buf, pagesize=(side, side))
    for _ in range(SCANS):
        claims = _claims(rng)
        text = payload.to_text(payload.pack(claims), rng.randbytes(64))
        texts.append(text)
        canv.translate(20, 20)
        canv.addLiteral(qr_path(qr_matrix(text), QR_SIZE))
        canv.showPage()
    canv.save()
    (tmp_path / "codes.pdf").write_bytes(buf.getvalue())
    subprocess.run(
        ["pdftoppm", "-gray", "-png", "-r", "150", str(tmp_path / "codes.pdf"), str(tmp_path / "scan")],
        check=True,
    )
    tile = _noise_tile(rng)
    read = 0
    for i, png in enumerate(sorted(tmp_path.glob("scan-*.png"))):
        worn = tmp_path / f"worn-{i:03d}.png"
        _worn(Image.open(png).convert("L"), tile, rng).save(worn)
        out = subprocess.run(
            ["zbarimg", "-q", "--raw", "-Sdisable", "-Sqrcode.enable", str(worn)],
            capture_output=True,
            text=True,
        )
        read += out.stdout.strip() == texts[i]
    assert read >= 99, f"zbar read {read} of {SCANS} worn scans"


def test_the_code_has_large_modules() -> None:
    text = payload.to_text(payload.pack(_claims(random.Random(1))), bytes(64))
    modules = len(qr_matrix(text))
    assert modules <= 53  # version 9 or lower
    module_mm = QR_SIZE / (modules + 8) / 72 * 25.4
    assert module_mm >= 0.64, module_mm  # ≥ 3.8 pixels at 150 dpi
    assert LEVEL == 0  # reportlab's code for level M


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=200))
def test_base45_round_trips(data: bytes) -> None:
    text = base45.encode(data)
    assert set(text) <= set(base45.ALPHABET) and base45.decode(text) == data


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=2**32))
def test_payload_round_trips(seed: int) -> None:
    claims = _claims(random.Random(seed))
    body = payload.pack(claims)
    text = payload.to_text(body, bytes(64))
    assert payload.from_text(text) == (claims, body, bytes(64))
    assert payload.from_text("  " + text + "\n")[0] == claims  # a scanner's stray whitespace


@settings(max_examples=25, deadline=None)
@given(st.text(alphabet=base45.ALPHABET, min_size=1, max_size=300))
def test_a_code_read_back_from_its_modules_is_its_text(text: str) -> None:
    grid = [list(row) for row in qr_matrix(text)]
    assert decode_matrix(grid) == text


def test_a_damaged_payload_is_refused() -> None:
    text = payload.to_text(payload.pack(_claims(random.Random(3))), bytes(64))
    for bad in (text[:-1], text.replace("OD2:", "OD3:"), text[:40] + "a" + text[41:], "OD2:AB."):
        try:
            payload.from_text(bad)
        except payload.PayloadError:
            continue
        raise AssertionError(f"accepted {bad!r}")
