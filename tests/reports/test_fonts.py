"""The font chains: every character finds a face, or is reported; faces load only when a letter needs them."""

from __future__ import annotations

import itertools
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from qt_app import paths
from qt_app.reports.official import fonts

ROOT = Path(__file__).resolve().parents[2]
GB2312_HANZI = [
    bytes([hi, lo]).decode("gb2312") for hi in range(0xB0, 0xF8) for lo in range(0xA1, 0xFF) if (hi, lo) != (0xD7, 0xFA)
    and not (hi == 0xD7 and lo > 0xF9)
]  # fmt: skip


def test_every_face_is_bundled_with_its_licence() -> None:
    folder = paths.resource("fonts")
    readme = (folder / "README.md").read_text(encoding="utf-8")
    for face in fonts.ALL_FACES:
        assert (folder / face.file).is_file(), face.file
        assert face.file in readme, f"resources/fonts/README.md does not describe {face.file}"
    licences = {p.name for p in folder.glob("LICENSE-*")}
    for needed in ("ZhuqueFangsong", "NotoSerifCJK", "LXGWWenKai", "BabelStoneHan", "LiberationSerif", "wqy"):
        assert any(needed in name for name in licences), needed


def test_starting_the_app_registers_no_letter_font() -> None:
    code = (
        "import qt_app.services.letters, qt_app.reports.verify\n"
        "from reportlab.pdfbase import pdfmetrics\n"
        "print(sorted(n for n in pdfmetrics.getRegisteredFontNames() if n.startswith('OD-')))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_each_character_goes_to_the_right_face() -> None:
    assert fonts.face_for("中", fonts.BODY) is fonts.FANGSONG
    assert fonts.face_for("7", fonts.BODY) is fonts.SERIF  # 朱雀仿宋's old-style digits stay out of amounts
    assert fonts.face_for("¥", fonts.BODY) is fonts.SERIF
    assert fonts.face_for("㎡", fonts.BODY) is fonts.HEI  # 朱雀仿宋 lacks ㎡
    assert fonts.face_for("𠀀", fonts.BODY) is fonts.FALLBACK  # CJK Ext-B
    assert fonts.face_for("䶮", fonts.TITLE) is fonts.FANGSONG  # Ext-A, past the title's GB 2312 subset
    assert fonts.face_for("关", fonts.TITLE) is fonts.TITLE_SONG
    assert fonts.face_for("关", fonts.HEADING2) is fonts.KAI
    assert fonts.face_for("😀", fonts.BODY) is None


def test_unprintable_characters_are_named_not_dropped() -> None:
    assert fonts.unprintable("青田😀科技\U000e0100") == ["😀", "\U000e0100"]
    assert fonts.unprintable("𠀀青田 A&B <科技>\n") == []
    ts = fonts.Typesetter()
    assert "".join(run for _face, run in ts.runs("青田😀科技", fonts.BODY, "企业名称")) == "青田〓科技"
    assert ts.missing == {"😀": {"企业名称"}}
    assert fonts.describe("𠀀") == "“𠀀”（U+20000）"


@settings(max_examples=40, deadline=None)
@given(st.text(st.sampled_from(GB2312_HANZI + list("0123456789¥,.（）：；、。“”《》ABCxyz㎡ ")), max_size=80))
def test_gb2312_text_always_prints_and_runs_rebuild_it(text: str) -> None:
    assert fonts.unprintable(text) == []
    for chain in (fonts.BODY, fonts.TITLE, fonts.HEADING1, fonts.HEADING2, fonts.LATIN):
        ts = fonts.Typesetter()
        runs = ts.runs(text, chain)
        assert "".join(run for _face, run in runs) == text and not ts.missing
        assert all(a[0] is not b[0] for a, b in itertools.pairwise(runs))  # adjacent runs differ


RENDER = """
import sys, hashlib
from datetime import date
from pathlib import Path
sys.path.insert(0, ".")
from qt_app.reports.signing import KeyRing
from qt_app.services.letters import render_letter
from tests.reports.factories import CONTACT, make_firm, make_package, make_policy
firm = make_firm("𠀀青田科技有限公司")
pdf = render_letter(firm, None, make_package(firm), make_policy(), CONTACT, "zh", False, letter_id="l-00000000000000c1",
                    doc_number="青招〔2026〕3号", issue_date=date(2026, 3, 5), keyring=KeyRing(Path(sys.argv[1])))
print(hashlib.sha256(pdf).hexdigest())
"""


def test_cached_font_metrics_draw_the_same_letter(tmp_path: Path) -> None:
    """The first process parses the faces and keeps their metrics; the next reads them: same bytes."""
    import os

    env = {**os.environ, "OFFER_DESK_DATA_DIR": str(tmp_path / "data")}
    keys = str(tmp_path / "keys")

    def render() -> str:
        run = subprocess.run(
            [sys.executable, "-c", RENDER, keys], cwd=ROOT, env=env, capture_output=True, text=True
        )
        assert run.returncode == 0, run.stderr
        return run.stdout.strip()

    first = render()
    cached = sorted((tmp_path / "data" / "cache" / "fonts").glob("*.pickle"))
    assert any(p.name.startswith("ZhuqueFangsong-Regular-") for p in cached)
    assert any(p.name.startswith("ODHanFallback-Regular-") for p in cached)  # 𠀀 needed the fallback
    assert render() == first
    for p in cached:  # a cache file that is not plain data is refused, and the face parsed again
        p.write_bytes(b"cos\nsystem\n(S'echo pwned'\ntR.")
    assert render() == first
