"""统一社会信用代码 (Unified Social Credit Code, GB 32100-2015): normalise and check.

A wrong length or a forbidden character is an error; a failed checksum is only a warning, because some
early pilot-era codes are real yet fail it, so staff may override it with a note.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # I, O, Z, S, V are never used
VALUES = {ch: i for i, ch in enumerate(ALPHABET)}
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
QINGTIAN_REGION = "331121"


@dataclass(frozen=True)
class UsccCheck:
    """The outcome of checking a code: the normalised form and what is wrong, if anything."""

    code: str
    ok: bool
    error_zh: str = ""
    error_en: str = ""
    warning_zh: str = ""
    warning_en: str = ""
    region: str = ""

    @property
    def is_error(self) -> bool:
        return bool(self.error_zh)

    @property
    def is_warning(self) -> bool:
        return bool(self.warning_zh)


def normalize(raw: str) -> str:
    """Strip spaces, full-width → half-width, upper-case."""
    text = unicodedata.normalize("NFKC", raw)
    return "".join(text.split()).upper()


def check_char(first17: str) -> str:
    """The 18th (check) character for the first 17 characters."""
    total = sum(VALUES[c] * w for c, w in zip(first17, WEIGHTS, strict=True))
    value = 31 - total % 31
    return ALPHABET[0 if value == 31 else value]


def check(raw: str) -> UsccCheck:
    """Check a code as staff typed it."""
    code = normalize(raw)
    if not code:
        return UsccCheck(code, False, "统一社会信用代码不能为空", "The credit code is empty")
    if len(code) != 18:
        return UsccCheck(
            code,
            False,
            f"统一社会信用代码应为18位，现为{len(code)}位",
            f"A credit code has 18 characters; this one has {len(code)}",
        )
    bad = [c for c in code if c not in VALUES]
    if bad:
        shown = "、".join(dict.fromkeys(bad))
        return UsccCheck(
            code,
            False,
            f"统一社会信用代码含有不允许的字符：{shown}（不使用 I、O、Z、S、V）",
            f"The credit code has characters that are not allowed: {', '.join(dict.fromkeys(bad))} "
            "(I, O, Z, S, V are never used)",
        )
    expected = check_char(code[:17])
    if code[17] != expected:
        return UsccCheck(
            code,
            False,
            warning_zh=f"校验位不符：应为 {expected}，实为 {code[17]}。请核对；早期试点代码可能如此，可附说明后保留",
            warning_en=f"Check character mismatch: expected {expected}, found {code[17]}. Please verify; "
            "some early pilot codes fail the check and may be kept with a note",
            region=code[2:8],
        )
    return UsccCheck(code, True, region=code[2:8])


def make_code(authority: str, kind: str, region: str, org9: str) -> str:
    """Build a valid code from its parts (demo data and tests)."""
    first17 = f"{authority}{kind}{region}{org9}"
    if len(first17) != 17 or any(c not in VALUES for c in first17):
        raise ValueError(f"bad code parts: {first17!r}")
    return first17 + check_char(first17)
