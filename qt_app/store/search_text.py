"""Search text (检索文本): pinyin initials and full pinyin, so 青田科技 is found by `qtkj` or `qingtian`."""

from __future__ import annotations

from typing import Any

from pypinyin import Style, lazy_pinyin


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def pinyin_forms(text: str) -> tuple[str, str]:
    """(initials, full pinyin) of the Chinese in `text`, lower-case, no spaces; other runs kept as typed."""
    if not text:
        return "", ""
    initials: list[str] = []
    full: list[str] = []
    keep_marked: Any = lambda s: ["\0" + s]  # noqa: E731 - pypinyin's stub says str, lists work
    for part in lazy_pinyin(text, style=Style.NORMAL, errors=keep_marked):
        kept = part.startswith("\0")  # not Chinese: kept whole in both forms
        part = "".join(part.lstrip("\0").split()).lower()
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
