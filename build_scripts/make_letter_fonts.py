"""Make the letter fonts in resources/fonts/ from Debian's font packages and the shared Zhuque Fangsong build.

Run on a Debian machine (it calls `apt-get download` and `dpkg -x`), with fontTools installed
(`pip install fonttools`, pinned in requirements.lock):

    .venv/bin/python build_scripts/make_letter_fonts.py [--debs DIR] [--zhuque PATH] [--out resources/fonts]

What it writes (see resources/fonts/README.md for the why):
- ZhuqueFangsong-Regular.ttf  朱雀仿宋, copied unchanged (body text, 3号仿宋)
- ODTitleSong-Bold.ttf        Noto Serif CJK SC Bold, CFF outlines converted to TrueType, GB 2312 subset
                              (title and 发文机关标志: reportlab embeds TrueType glyf outlines only)
- ODKai-Regular.ttf           LXGW WenKai Regular, GB 2312 level-1 subset (second-level headings, 楷体)
- ODHei-Regular.ttf           the bundled WenQuanYi Micro Hei, GB 2312 subset (first-level headings, 黑体)
- ODHanFallback-Regular.ttf   BabelStone Han, only the ideographs the faces above lack that have a Mandarin
                              reading (CJK Ext-A/B and beyond: rare characters in names), plus CJK symbols
- LiberationSerif-{Regular,Bold,Italic}.ttf  copied unchanged (digits and Latin text, English letters)
Subsets are renamed (the OFL forbids a modified font to keep a Reserved Font Name) and say in their name
table what they were made from. The output is deterministic: same inputs, same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("fonts-noto-cjk", "fonts-lxgw-wenkai", "fonts-babelstone-han", "fonts-liberation2")
ZHUQUE_SHA256 = "9e3fe70b7c0d0a85c5d0cbc7598ab68a4b43f40a09fc79b0fdce522efd8c941e"
MADE_BY = "made by build_scripts/make_letter_fonts.py (Offer Desk)"

# Characters every face should carry besides its hanzi: ASCII, GB 2312's symbol rows, and what letters print.
EXTRA = "¥㎡〔〕〓—–…·•“”‘’《》〈〉「」『』【】（）：；，。、！？％＋－＝×÷±°℃№§"


def gb2312(level1_only: bool = False) -> list[int]:
    """GB 2312 hanzi (level 1: 3,755 frequent ones; both levels: 6,763)."""
    last_row = 0xD8 if level1_only else 0xF8
    return _decode_rows(range(0xB0, last_row))


def gb2312_symbols() -> list[int]:
    return _decode_rows(range(0xA1, 0xAA))


def _decode_rows(rows: Iterable[int]) -> list[int]:
    out = []
    for hi in rows:
        for lo in range(0xA1, 0xFF):
            try:
                out.append(ord(bytes([hi, lo]).decode("gb2312")))
            except UnicodeDecodeError:
                continue
    return out


def common() -> list[int]:
    return sorted({*range(0x20, 0x7F), *gb2312_symbols(), *map(ord, EXTRA)})


IDEOGRAPH_BLOCKS = (
    (0x3400, 0x4DBF),  # Ext-A
    (0x4E00, 0x9FFF),  # URO
    (0xF900, 0xFAFF),  # compatibility ideographs
    (0x20000, 0x2A6DF),  # Ext-B
    (0x2A700, 0x2EBEF),  # Ext-C..F, I
    (0x2F800, 0x2FA1F),  # compatibility supplement
    (0x30000, 0x323AF),  # Ext-G, H
)
SYMBOL_BLOCKS = ((0x3000, 0x303F), (0x3200, 0x33FF), (0xFF00, 0xFFEF))


# -- font surgery ---------------------------------------------------------------------------------------


def _subset(font: TTFont, codepoints: Iterable[int]) -> TTFont:
    opts = subset.Options()
    opts.layout_features = []  # no shaping in reportlab: drop GSUB/GPOS
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.notdef_outline = True
    opts.hinting = False  # print only: hints are for screens at small sizes
    opts.desubroutinize = True
    opts.drop_tables += [
        "GSUB",
        "GPOS",
        "GDEF",
        "BASE",
        "vhea",
        "vmtx",
        "VORG",
        "DSIG",
        "FFTM",
        "BDF ",
        "meta",
    ]
    opts.drop_tables += ["EBDT", "EBLC", "EBSC"]
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=sorted(set(codepoints)))
    sub.subset(font)
    return font


def cff_to_glyf(font: TTFont, max_err: float = 1.0) -> None:
    """Replace CFF (cubic) outlines by TrueType glyf (quadratic): reportlab cannot embed CFF."""
    glyphs = font.getGlyphSet()
    order = font.getGlyphOrder()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        glyphs[name].draw(Cu2QuPen(pen, max_err, reverse_direction=True))
        glyf[name] = pen.glyph()
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    del font["CFF "]
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for attr in (
        "maxZones",
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
        "maxComponentElements",
        "maxPoints",
        "maxContours",
        "maxCompositePoints",
        "maxCompositeContours",
        "maxComponentDepth",
    ):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    font["head"].glyphDataFormat = 0
    font["head"].indexToLocFormat = 0
    post = font["post"]
    post.formatType = 3.0  # no glyph names: smaller, and reportlab does not need them
    font.sfntVersion = "\x00\x01\x00\x00"


def rename(font: TTFont, family: str, style: str, postscript: str, source: str) -> None:
    """New family and PostScript names on every platform; the description names the source font."""
    name = font["name"]
    keep = {0, 5, 7, 8, 9, 11, 12, 13, 14}  # copyright, version, trademark, vendor, designer, urls, licence
    name.names = [n for n in name.names if n.nameID in keep]
    full = f"{family} {style}"
    description = f"Subset of {source}, {MADE_BY}."
    for name_id, text in (
        (1, family),
        (2, style),
        (3, f"{postscript};{MADE_BY}"),
        (4, full),
        (6, postscript),
        (10, description),
    ):
        name.setName(text, name_id, 3, 1, 0x409)
        name.setName(text, name_id, 1, 0, 0)


def save(font: TTFont, path: Path) -> None:
    font.recalcTimestamp = False  # deterministic output
    font.save(str(path))
    print(f"  {path.name}: {path.stat().st_size / 1e6:.1f} MB, {len(font.getBestCmap())} code points")


def ttc_face(path: Path, family_name: str) -> TTFont:
    for font in TTCollection(str(path)).fonts:
        if font["name"].getDebugName(4) == family_name:
            return font
    raise SystemExit(f"{family_name} not found in {path}")


# -- the faces ------------------------------------------------------------------------------------------


def make_title(src: Path, out: Path) -> None:
    font = ttc_face(src / "usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc", "Noto Serif CJK SC Bold")
    _subset(font, [*common(), *gb2312()])
    cff_to_glyf(font)
    rename(font, "OD Title Song", "Bold", "ODTitleSong-Bold", "Noto Serif CJK SC Bold (OFL-1.1)")
    save(font, out / "ODTitleSong-Bold.ttf")


def make_kai(src: Path, out: Path) -> None:
    font = TTFont(str(src / "usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf"))
    _subset(font, [*common(), *gb2312(level1_only=True)])
    rename(font, "OD Kai", "Regular", "ODKai-Regular", "LXGW WenKai Regular 1.250 (OFL-1.1)")
    save(font, out / "ODKai-Regular.ttf")


def make_hei(out: Path) -> None:
    """黑体 for first-level headings: the app's own WenQuanYi Micro Hei, GB 2312 subset (fast to load)."""
    font = TTFont(str(ROOT / "resources/fonts/wqy-microhei.ttc"), fontNumber=0)
    _subset(font, [*common(), *gb2312()])
    rename(font, "OD Hei", "Regular", "ODHei-Regular", "WenQuanYi Micro Hei 0.2.0-beta (Apache-2.0)")
    save(font, out / "ODHei-Regular.ttf")


def make_fallback(src: Path, out: Path, covered: set[int]) -> None:
    """Rare ideographs with a Mandarin reading (pypinyin's Unihan data) that the main faces lack."""
    from pypinyin.pinyin_dict import pinyin_dict

    font = TTFont(str(src / "usr/share/fonts/truetype/babelstone/BabelStoneHan.ttf"))
    have = font.getBestCmap()
    wanted = [
        cp
        for lo, hi in IDEOGRAPH_BLOCKS
        for cp in range(lo, hi + 1)
        if cp in have and cp not in covered and cp in pinyin_dict
    ]
    wanted += [cp for lo, hi in SYMBOL_BLOCKS for cp in range(lo, hi + 1) if cp in have and cp not in covered]
    _subset(font, wanted)
    rename(font, "OD Han Fallback", "Regular", "ODHanFallback-Regular", "BabelStone Han 15.0.5 (Arphic PL)")
    save(font, out / "ODHanFallback-Regular.ttf")


def copy_liberation(src: Path, out: Path) -> None:
    for style in ("Regular", "Bold", "Italic"):
        shutil.copyfile(src / f"usr/share/fonts/truetype/liberation2/LiberationSerif-{style}.ttf",
                        out / f"LiberationSerif-{style}.ttf")  # fmt: skip


def copy_zhuque(zhuque: Path, out: Path) -> set[int]:
    data = zhuque.read_bytes()
    if hashlib.sha256(data).hexdigest() != ZHUQUE_SHA256:
        raise SystemExit(f"{zhuque}: not the Zhuque Fangsong 0.211 build described in shared/fonts/README.md")
    (out / zhuque.name).write_bytes(data)
    shutil.copyfile(zhuque.with_name("ZhuqueFangsong-OFL.txt"), out / "LICENSE-ZhuqueFangsong-OFL.txt")
    return set(TTFont(str(zhuque)).getBestCmap())


def copy_licences(src: Path, out: Path) -> None:
    for pkg, name in (
        ("fonts-noto-cjk", "LICENSE-ODTitleSong-NotoSerifCJK.txt"),
        ("fonts-lxgw-wenkai", "LICENSE-ODKai-LXGWWenKai.txt"),
        ("fonts-babelstone-han", "LICENSE-ODHanFallback-BabelStoneHan.txt"),
        ("fonts-liberation2", "LICENSE-LiberationSerif.txt"),
    ):
        shutil.copyfile(src / "usr/share/doc" / pkg / "copyright", out / name)


def fetch(debs: Path) -> Path:
    """apt-get download + dpkg -x the source packages into debs/x."""
    debs.mkdir(parents=True, exist_ok=True)
    subprocess.run(["apt-get", "download", *PACKAGES], cwd=debs, check=True)
    root = debs / "x"
    for deb in sorted(debs.glob("*.deb")):
        subprocess.run(["dpkg", "-x", str(deb), str(root)], check=True)
    return root


def _shared_zhuque() -> Path:
    """shared/fonts/ sits beside the checkout (CI) or beside the worktrees folder (helpers)."""
    for base in (ROOT.parent, ROOT.parent.parent):
        path = base / "shared/fonts/ZhuqueFangsong-Regular.ttf"
        if path.exists():
            return path
    return ROOT.parent / "shared/fonts/ZhuqueFangsong-Regular.ttf"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument(
        "--debs", type=Path, help="folder where the Debian packages are already extracted (dpkg -x)"
    )
    ap.add_argument("--zhuque", type=Path, default=_shared_zhuque())
    ap.add_argument("--out", type=Path, default=ROOT / "resources/fonts")
    args = ap.parse_args(argv)
    src = args.debs if args.debs else fetch(Path(tempfile.mkdtemp(prefix="letter-fonts-")))
    args.out.mkdir(parents=True, exist_ok=True)
    covered = copy_zhuque(args.zhuque, args.out)
    copy_liberation(src, args.out)
    copy_licences(src, args.out)
    make_title(src, args.out)
    make_kai(src, args.out)
    make_hei(args.out)
    make_fallback(src, args.out, covered)
    return 0


if __name__ == "__main__":
    sys.exit(main())
