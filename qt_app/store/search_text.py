"""Search text (检索文本): pinyin initials and full pinyin, so 青田科技 is found by `qtkj` or `qingtian`."""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Any


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


@lru_cache(maxsize=1)
def _single_readings() -> dict[str, str]:
    """Characters with exactly one reading → that reading without tone marks (most characters).

    Strings made only of these skip pypinyin's phrase segmentation, which costs ~60 µs a name and
    dominated a 10,000-row import; strings with a heteronym (行, 重, 长…) still go through it.
    """
    from pypinyin.pinyin_dict import pinyin_dict  # imported on first use: it costs ~0.2 s at app start

    table = {}
    for code, readings in pinyin_dict.items():
        if "," not in readings:
            plain = "".join(c for c in unicodedata.normalize("NFD", readings) if not unicodedata.combining(c))
            table[chr(code)] = plain.lower()
    return table


@lru_cache(maxsize=4096)
def pinyin_forms(text: str) -> tuple[str, str]:
    """(initials, full pinyin) of the Chinese in `text`, lower-case, no spaces; other runs kept as typed."""
    if not text:
        return "", ""
    table = _single_readings()
    if all(ch in table or not _is_cjk(ch) for ch in text):
        parts: list[tuple[str, bool]] = []
        run = ""
        for ch in text:
            if ch in table:
                if run:
                    parts.append((run, True))
                    run = ""
                parts.append((table[ch], False))
            else:
                run += ch
        if run:
            parts.append((run, True))
    else:
        from pypinyin import Style, lazy_pinyin

        keep_marked: Any = lambda s: ["\0" + s]  # noqa: E731 - pypinyin's stub says str, lists work
        parts = [
            (p.lstrip("\0"), p.startswith("\0"))
            for p in lazy_pinyin(text, style=Style.NORMAL, errors=keep_marked)
        ]
    initials: list[str] = []
    full: list[str] = []
    for part, kept in parts:  # kept: not Chinese, kept whole in both forms
        part = "".join(ch for ch in part if ch.isalnum()).lower()
        if not part:
            continue
        full.append(part)
        initials.append(part if kept else part[0])
    return "".join(initials), "".join(full)


def pinyin_text(*fields: str) -> str:
    """The pinyin column: initials and full pinyin of each field, space-separated."""
    out: list[str] = []
    for field in fields:
        if any(_is_cjk(ch) for ch in field):
            initials, full = pinyin_forms(field)
            out.extend((initials, full))
    return " ".join(out)


def sort_key_text(name: str) -> str:
    """What a Chinese name sorts by in the list: its full pinyin (拼音排序)."""
    return pinyin_forms(name)[1] or name.lower()
