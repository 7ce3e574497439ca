"""Domain errors: every message exists in Chinese (default) and English."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


def shown(value: Any, limit: int = 32) -> str:
    """A found value as a message quotes it: cut short, so a 1 MB cell is not repeated back in the message."""
    if isinstance(value, list | dict):
        return "列表 / a list" if isinstance(value, list) else "对象 / an object"
    text = str(value)
    text = text if len(text) <= limit else text[: limit - 1] + "…"
    return text.encode("utf-8", "replace").decode("utf-8")  # a lone surrogate cannot be printed


def is_text(value: str) -> bool:
    """False for text no file or database can hold: a lone surrogate (“\\ud800” in JSON), a NUL."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return "\x00" not in value


class DomainError(Exception):
    """A rule or input problem a user can act on; carries both languages."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(zh)
        self.zh = zh
        self.en = en

    def message(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh


@dataclass(frozen=True)
class FieldProblem:
    """One problem with one field: where (dotted path, or file:line), what is wrong, in both languages."""

    path: str
    zh: str
    en: str
    severity: str = "error"  # "error" blocks; "warning" may be overridden with a note

    def message(self, lang: str = "zh") -> str:
        text = self.en if lang == "en" else self.zh
        return f"{self.path}: {text}" if self.path else text


class ValidationError(DomainError):
    """Several field problems found at once; nothing was accepted."""

    def __init__(self, problems: list[FieldProblem], source: str = "") -> None:
        self.problems = problems
        self.source = source
        head_zh = f"{source}：" if source else ""
        head_en = f"{source}: " if source else ""
        zh = head_zh + "；".join(p.message("zh") for p in problems)
        en = head_en + "; ".join(p.message("en") for p in problems)
        super().__init__(zh, en)

    def lines(self, lang: str = "zh") -> list[str]:
        return [p.message(lang) for p in self.problems]
