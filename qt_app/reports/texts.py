"""Letter wording (告知函文字) read from `resources/letters/letter_texts.yaml`, which officers may edit."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from qt_app import paths
from qt_app.domain.errors import FieldProblem, ValidationError

Pair = tuple[str, str]  # (zh, en)

_SINGLE = (
    "title",
    "opening",
    "closing",
    "summary",
    "voucher_note",
    "in_kind_note",
    "attachment_title",
    "receipt",
    "notice_title",
    "notice_opening",
    "notice_reapply",
    "illustrative_note",
    "seal_statement",
    "verify_hint",
)
_LISTS = ("conditions", "clawback", "notes")


@dataclass(frozen=True)
class LetterTexts:
    """The editable wording, zh + en, with `{placeholders}` still in it."""

    title: Pair  # "|" marks where a title line may break
    opening: Pair
    closing: Pair
    summary: Pair
    voucher_note: Pair
    in_kind_note: Pair
    attachment_title: Pair
    receipt: Pair
    notice_title: Pair
    notice_opening: Pair
    notice_reapply: Pair
    illustrative_note: Pair
    seal_statement: Pair
    verify_hint: Pair
    conditions: tuple[Pair, ...]
    clawback: tuple[Pair, ...]
    notes: tuple[Pair, ...]


def texts_path() -> Path:
    return paths.resource("letters", "letter_texts.yaml")


def _pair(value: Any, where: str, problems: list[FieldProblem]) -> Pair:
    if not isinstance(value, dict) or set(value) != {"zh", "en"}:
        problems.append(FieldProblem(where, "应包含 zh 和 en 两项文字", "Expected exactly zh and en texts"))
        return ("", "")
    zh, en = value["zh"], value["en"]
    if not isinstance(zh, str) or not isinstance(en, str) or not zh.strip():
        problems.append(
            FieldProblem(where, "zh、en 应为文字，zh 不能为空", "zh and en must be text; zh not empty")
        )
        return ("", "")
    return (zh.strip(), en.strip())


def load_texts(path: Path | None = None) -> LetterTexts:
    """Read and check the wording file; every problem names the file and the key.

    Cached until the file changes, so a batch of letters parses it once and an officer's edit shows
    up in the next letter.
    """
    path = path or texts_path()
    try:
        info = path.stat()
        stamp = (info.st_mtime_ns, info.st_size)
    except OSError:
        stamp = (-1, -1)
    return _load_texts(path, stamp)


@lru_cache(maxsize=8)
def _load_texts(path: Path, _stamp: tuple[int, int]) -> LetterTexts:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise ValidationError(
            [FieldProblem("", f"无法读取告知函文字：{e}", f"Cannot read letter texts: {e}")], str(path)
        ) from e
    problems: list[FieldProblem] = []
    if not isinstance(data, dict):
        raise ValidationError([FieldProblem("", "应为键值表", "Expected a mapping")], str(path))
    for key in data:
        if key not in _SINGLE + _LISTS:
            problems.append(FieldProblem(str(key), "未知字段", "Unknown key"))
    singles: dict[str, Pair] = {}
    for key in _SINGLE:
        if key not in data:
            problems.append(FieldProblem(key, "缺少此项", "Missing"))
            singles[key] = ("", "")
        else:
            singles[key] = _pair(data[key], key, problems)
    lists: dict[str, tuple[Pair, ...]] = {}
    for key in _LISTS:
        raw = data.get(key)
        if not isinstance(raw, list) or not raw:
            problems.append(FieldProblem(key, "应为非空列表", "Expected a non-empty list"))
            lists[key] = ()
        else:
            lists[key] = tuple(_pair(v, f"{key}[{i}]", problems) for i, v in enumerate(raw))
    if problems:
        raise ValidationError(problems, str(path))
    return LetterTexts(**singles, **lists)  # type: ignore[arg-type]


def fill(pair: Pair, **values: object) -> Pair:
    """Put the letter's values into both languages' placeholders (unknown placeholders stay visible)."""
    return (_format(pair[0], values), _format(pair[1], values))


class _Keep(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _format(text: str, values: dict[str, object]) -> str:
    return text.format_map(_Keep(values))
