"""Search text (检索文本): pinyin initials and full pinyin, so 青田科技 is found by `qtkj` or `qingtian`."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def _toneless(reading: str) -> str:
    """ "lǜ" → "lv", "háng" → "hang": pypinyin's NORMAL style (ü written v, tone marks dropped)."""
    decomposed = unicodedata.normalize("NFD", reading).replace("u\u0308", "v")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


class _TonelessMemo(dict[str, str]):
    """_toneless by lookup: pypinyin's ~90,000 readings are ~1,500 distinct syllables, each worked out once."""

    def __missing__(self, reading: str) -> str:
        self[reading] = value = _toneless(reading)
        return value


_TONELESS = _TonelessMemo()


@lru_cache(maxsize=1)
def _first_readings() -> dict[str, str]:
    """Every character → its first (most common) reading, toneless: what pypinyin gives a character alone."""
    from pypinyin.pinyin_dict import pinyin_dict  # imported on first use: it costs ~0.2 s at app start

    return {chr(code): _TONELESS[readings.split(",", 1)[0]] for code, readings in pinyin_dict.items()}


@lru_cache(maxsize=1)
def _odd_phrases() -> dict[str, tuple[str, ...]]:
    """pypinyin's phrases that do not read as their characters do alone (银行 hang, 重庆 chong), by first character.

    Built on the first write of each process (47,000 phrases): lists and lookups keep it ~40 ms.
    """
    from pypinyin.phrases_dict import phrases_dict

    alone = _first_readings().get
    toneless = _TONELESS
    odd: dict[str, list[str]] = {}
    for phrase, readings in phrases_dict.items():
        if [toneless[r[0]] for r in readings] != [alone(ch, "") for ch in phrase]:
            odd.setdefault(phrase[0], []).append(phrase)
    return {ch: tuple(phrases) for ch, phrases in odd.items()}


def _reads_char_by_char(text: str) -> bool:
    """True when pypinyin would read `text` one character at a time: no phrase inside it reads otherwise.

    Then the first readings are exactly its answer, without its word segmentation (~80 µs a name,
    which dominated a 10,000-row import). Almost every character lists a rare second reading
    (有 also wěi), so the phrases are what tell the few real cases (银行, 重庆, 音乐) apart.
    """
    odd = _odd_phrases()
    for i, ch in enumerate(text):
        for phrase in odd.get(ch, ()):
            if text.startswith(phrase, i):
                return False
    return True


@lru_cache(maxsize=4096)
def pinyin_forms(text: str) -> tuple[str, str]:
    """(initials, full pinyin) of the Chinese in `text`, lower-case, no spaces; other runs kept as typed."""
    if not text:
        return "", ""
    table = _first_readings()
    if not any(_is_cjk(ch) for ch in set(text).difference(table)) and _reads_char_by_char(text):
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
        if not part.isalnum():  # readings are letters already: only other runs need sifting
            part = "".join(ch for ch in part if ch.isalnum())
        part = part.lower()
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


@lru_cache(maxsize=256)
def in_order_pattern(term: str) -> re.Pattern[str] | None:
    """Pinyin initials that match words in order, other words allowed between (qtkj → 青田芝溪算法科技).

    A query of letters is cut into pieces of two or three letters (a Chinese word's initials; the last piece
    may be one letter, still being typed), and each piece must appear, in order, in a name's initials. None
    for queries that are not plain letters, or too short or too long to be initials.
    """
    term = term.lower()
    if not (2 <= len(term) <= 12 and term.isascii() and term.isalpha()):
        return None
    alternatives: list[str] = []

    def cut(rest: str, pieces: list[str]) -> None:
        if not rest:
            alternatives.append(".*".join(pieces))
            return
        for size in (2, 3):
            if len(rest) >= size:
                cut(rest[size:], [*pieces, rest[:size]])
        if len(rest) == 1 and pieces:
            cut("", [*pieces, rest])

    cut(term, [])
    return re.compile("|".join(dict.fromkeys(alternatives))) if alternatives else None


def initials_of(pinyin_column: str) -> tuple[str, ...]:
    """The initials in a `pinyin_text` column (each field gives its initials, then its full pinyin)."""
    return tuple(pinyin_column.split()[0::2])
