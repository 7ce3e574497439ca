"""Parsed font metrics kept between runs: a fresh process registers a face in a few ms instead of tens.

reportlab parses a TrueType file's tables in Python each time a process registers it (朱雀仿宋: ~30 ms). The
result — character map, widths, glyph offsets, names — is plain data; it is kept in the data folder's cache,
keyed by the font file's size and time and the reportlab version, and read back with an unpickler that
refuses every class (only built-in values load). Any problem falls back to parsing the file.
"""

from __future__ import annotations

import io
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

from qt_app import paths

VERSION = 1
_SKIP = (
    "_ttf_data",
    "_pdfScale",
    "glyphToChar",
)  # the file's bytes are read afresh; glyphToChar is for shaping


class _PlainUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"{module}.{name} is not plain data")


def _cache_file(font_file: Path) -> Path:
    import reportlab

    st = font_file.stat()
    key = f"{font_file.stem}-{st.st_size}-{st.st_mtime_ns}-rl{reportlab.Version}-v{VERSION}.pickle"
    return paths.data_dir() / "cache" / "fonts" / key


def _plain(face: Any) -> dict[str, Any]:
    """The face's attributes as built-in types (reportlab's name strings are bytes subclasses)."""
    out: dict[str, Any] = {}
    for key, value in face.__dict__.items():
        if key in _SKIP:
            continue
        out[key] = bytes(value) if isinstance(value, bytes) else value
    return out


def _restore(name: str, font_file: Path, data: dict[str, Any]) -> Any:
    from weakref import WeakKeyDictionary

    from reportlab import rl_config
    from reportlab.pdfbase.ttfonts import TTEncoding, TTFNameBytes, TTFont, TTFontFace

    face = TTFontFace.__new__(TTFontFace)
    for key, value in data.items():
        is_name = key in ("name", "familyName", "styleName", "fullName", "uniqueFontID")
        setattr(face, key, TTFNameBytes(value) if is_name and isinstance(value, bytes) else value)
    face._ttf_data = font_file.read_bytes()
    face.glyphToChar = {}
    scale = 1000 / face.unitsPerEm
    face._pdfScale = (lambda x: x) if face.unitsPerEm == 1000 else (lambda x: x * scale)
    font = TTFont.__new__(TTFont)
    font.fontName = name
    font.face = face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font._shapable = False
    return font


def load_ttfont(name: str, font_file: Path) -> Any:
    """A reportlab TTFont for `font_file`, from the metrics cache when it is there and sound."""
    from reportlab.pdfbase.ttfonts import TTFont

    try:
        cache = _cache_file(font_file)
        with cache.open("rb") as f:
            data = _PlainUnpickler(io.BytesIO(f.read())).load()
        if isinstance(data, dict):
            return _restore(name, font_file, data)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, KeyError, TypeError, ValueError):
        pass
    font = TTFont(name, str(font_file))
    try:
        cache = _cache_file(font_file)
        cache.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(_plain(font.face), f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cache)  # atomic: a second process never reads half a file
    except OSError:
        pass
    return font
