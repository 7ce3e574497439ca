"""Typefaces of official documents (公文字体) and the chains that find a glyph for every character.

Faces are bundled in resources/fonts/ (see its README) and registered with reportlab on first use only, so
starting the app costs nothing. Each text role has a chain: the role's own face first (仿宋 for the body,
小标宋 for the title, 黑体 and 楷体 for headings, a Latin serif for English), then 朱雀仿宋, Liberation Serif
and the Ext-A/B fallback, so every role can print what the body can. A character no face has is reported
(`Typesetter.missing`) and printed as 〓, never as a blank gap.
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from qt_app import paths
from qt_app.reports.official.text import esc

PLACEHOLDER = "〓"  # the typesetter's mark for a missing character (GB 2312 1-14)


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: faces are module constants
class Face:
    name: str  # reportlab font name
    file: str  # in resources/fonts/
    label: str


FANGSONG = Face("OD-Fangsong", "ZhuqueFangsong-Regular.ttf", "朱雀仿宋 Zhuque Fangsong")
TITLE_SONG = Face("OD-TitleSong", "ODTitleSong-Bold.ttf", "小标宋 (Noto Serif SC Bold)")
HEI = Face("OD-Hei", "ODHei-Regular.ttf", "黑体 (WenQuanYi Micro Hei)")
KAI = Face("OD-Kai", "ODKai-Regular.ttf", "楷体 (LXGW WenKai)")
SERIF = Face("OD-Serif", "LiberationSerif-Regular.ttf", "Liberation Serif")
SERIF_BOLD = Face("OD-SerifBold", "LiberationSerif-Bold.ttf", "Liberation Serif Bold")
SERIF_ITALIC = Face("OD-SerifItalic", "LiberationSerif-Italic.ttf", "Liberation Serif Italic")
FALLBACK = Face("OD-HanFallback", "ODHanFallback-Regular.ttf", "补字 (BabelStone Han)")

ALL_FACES = (FANGSONG, TITLE_SONG, HEI, KAI, SERIF, SERIF_BOLD, SERIF_ITALIC, FALLBACK)
TAIL = (FANGSONG, SERIF, HEI, FALLBACK)  # every chain ends with these: what the body can print, any role can


@dataclass(frozen=True, eq=False)
class Chain:
    """Faces tried in order for each character; `latin` first for Latin letters, digits and ¥."""

    faces: tuple[Face, ...]
    latin: Face | None = None

    @property
    def base(self) -> Face:
        return self.faces[0]


def chain(*first: Face, latin: Face | None = None) -> Chain:
    return Chain(tuple(dict.fromkeys((*first, *TAIL))), latin)


def is_latin(ch: str) -> bool:
    """Latin letters, digits, ASCII punctuation and ¥: set in the Latin serif inside Chinese text."""
    return " " < ch < "\u0250"


# 朱雀仿宋's digits are old-style (they dip below the line), so digits and Latin in the body come from the
# serif, as 公文 set them in Times New Roman.
BODY = chain(FANGSONG, latin=SERIF)
TITLE = chain(TITLE_SONG)
HEADING1 = chain(HEI)
HEADING2 = chain(KAI)
LATIN = chain(SERIF)
LATIN_BOLD = chain(SERIF_BOLD, TITLE_SONG)
LATIN_ITALIC = chain(SERIF_ITALIC)
HEI_TEXT = HEADING1  # tables' headers and the chart


# -- registration ------------------------------------------------------------------------------------------

_lock = threading.Lock()
_loaded: dict[str, set[int]] = {}  # face name → its character set, once registered


def _fix_to_unicode() -> None:
    """reportlab writes characters beyond U+FFFF (𠀀) as 5 hex digits in ToUnicode, which no reader decodes;
    write them as UTF-16 surrogate pairs, so copying or pdftotext gives the real character."""
    from reportlab.pdfbase import ttfonts

    if getattr(ttfonts, "_od_fixed", False):
        return
    original = ttfonts.makeToUnicodeCMap

    def make(fontname: str, subset: list[int]) -> str:
        text: str = original(fontname, [0 if v > 0xFFFF else v for v in subset])
        for i, v in enumerate(subset):
            if v > 0xFFFF:
                utf16 = chr(v).encode("utf-16-be").hex().upper()
                text = text.replace(f"<{i:02X}> <0000>", f"<{i:02X}> <{utf16}>", 1)
        return text

    ttfonts.makeToUnicodeCMap = make
    ttfonts._od_fixed = True


def load(face: Face) -> set[int]:
    """Register a face with reportlab (once per process) and return the characters it has."""
    have = _loaded.get(face.name)
    if have is not None:
        return have
    with _lock:  # batch letters render on a worker thread
        if face.name not in _loaded:
            from reportlab.graphics import shapes
            from reportlab.pdfbase import pdfmetrics

            from qt_app.reports.official.font_cache import load_ttfont

            _fix_to_unicode()
            font = load_ttfont(face.name, paths.resource("fonts", face.file))
            pdfmetrics.registerFont(font)
            if face is HEI:  # vector drawings (the chart) otherwise pick Helvetica, an unembedded font
                shapes.STATE_DEFAULTS["fontName"] = HEI.name
            _loaded[face.name] = set(font.face.charToGlyph)
        return _loaded[face.name]


def font_name(face: Face) -> str:
    load(face)
    return face.name


def _ignorable(ch: str) -> bool:
    """Characters that need no glyph: spaces, line breaks, controls."""
    return unicodedata.category(ch)[0] in "ZC"


_chosen: dict[tuple[str, Chain], Face | None] = {}


def face_for(ch: str, ch_chain: Chain) -> Face | None:
    """The first face of the chain with a glyph for `ch` (None: no bundled face has one)."""
    key = (ch, ch_chain)
    if key in _chosen:
        return _chosen[key]
    cp = ord(ch)
    found: Face | None = None
    if ch_chain.latin is not None and is_latin(ch) and cp in load(ch_chain.latin):
        found = ch_chain.latin
    else:
        found = next((face for face in ch_chain.faces if cp in load(face)), None)
    _chosen[key] = found
    return found


def unprintable(text: str) -> list[str]:
    """Characters of `text` that no bundled face can print (each once, in order of appearance)."""
    out: dict[str, None] = {}
    for ch in dict.fromkeys(text):
        if not _ignorable(ch) and face_for(ch, BODY) is None:
            out[ch] = None
    return list(out)


def describe(ch: str) -> str:
    """“𠀀”（U+20000）— how messages name a character."""
    return f"“{ch}”（U+{ord(ch):04X}）"


@dataclass
class Typesetter:
    """Splits text into runs of one face each, for one document; remembers characters it could not print."""

    missing: dict[str, set[str]] = field(default_factory=dict)  # character → where it occurred

    def runs(self, text: str, ch_chain: Chain, where: str = "") -> list[tuple[Face, str]]:
        out: list[tuple[Face, str]] = []
        base = ch_chain.base
        current: Face | None = None
        buf: list[str] = []
        for ch in text:
            if _ignorable(ch):
                face = current or base
            else:
                found = face_for(ch, ch_chain)
                if found is None:
                    self.missing.setdefault(ch, set()).add(where)
                    ch, found = PLACEHOLDER, face_for(PLACEHOLDER, ch_chain) or base
                face = found
            if face is not current and buf:
                out.append((current or base, "".join(buf)))
                buf = []
            current = face
            buf.append(ch)
        if buf:
            out.append((current or base, "".join(buf)))
        return out

    def markup(self, text: str, ch_chain: Chain, where: str = "") -> str:
        """Escaped Paragraph markup; runs in another face than the chain's first are wrapped in <font>."""
        base = ch_chain.base
        load(base)
        parts = []
        for face, run in self.runs(text, ch_chain, where):
            if face is base:
                parts.append(esc(run))
            else:
                parts.append(f'<font face="{face.name}">{esc(run)}</font>')
        return "".join(parts)

    def width(self, text: str, ch_chain: Chain, size: float) -> float:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        return float(sum(stringWidth(run, face.name, size) for face, run in self.runs(text, ch_chain)))

    def draw(self, canv: object, x: float, y: float, text: str, ch_chain: Chain, size: float) -> float:
        """Draw text left-aligned at (x, y) on a reportlab canvas, face by face; returns the width drawn."""
        from reportlab.pdfbase.pdfmetrics import stringWidth

        start = x
        for face, run in self.runs(text, ch_chain):
            canv.setFont(face.name, size)  # type: ignore[attr-defined]
            canv.drawString(x, y, run)  # type: ignore[attr-defined]
            x += stringWidth(run, face.name, size)
        return x - start


def preload(faces: Iterable[Face]) -> None:
    for face in faces:
        load(face)
