"""The bundle file (数据包格式), version 3: a signed body of sections by kind, checked like a firm file.

```
{"format": "offer-desk-bundle", "version": 3,
 "body": {"origin": "s-…", "office": "青田县驻米兰联络处", "role": "outpost", "exported_at": "…",
          "sections": {"firms": [...], "contacts": [...], "letters": [...], "policies": [...],
                       "ledger": [...], "claims": [...]}},
 "signature": {"algorithm": "Ed25519", "key": "<16 hex: the office's key fingerprint>", "value": "<base64url>"}}
```

The signature covers `signed_bytes(body)`: the format line, then the body as canonical JSON (sorted keys, no
spaces), so what is verified is exactly what is merged, however the file was re-indented on the way.
Sections are read by kind; a kind this version does not know (a later version's, say) is reported and
skipped, so adding a kind needs no new version (the ledger's kinds came that way). A new version is for a
change of meaning. `role` is the sender's office role (hq | outpost), signed with the rest; a body without
one is an outpost's (the least it may send). The ledger's kinds are checked in `bundle_checks`.

Everything an outsider could send wrong is a ValidationError with a path (`sections.firms[3].id`), before
anything is written: the size, the nesting depth, every type, every known key, duplicate ids.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from qt_app.domain.errors import DomainError, FieldProblem, ValidationError
from qt_app.domain.field_values import MAX_NOTES_CHARS, MAX_TEXT_CHARS
from qt_app.domain.json_limits import parse_json
from qt_app.domain.offices import ROLES
from qt_app.store import bundle_checks as shapes
from qt_app.store.bundle_checks import MAX_HISTORY as MAX_HISTORY  # re-exported
from qt_app.store.bundle_checks import MAX_STAMP_CHARS as MAX_STAMP_CHARS  # re-exported

FORMAT = "offer-desk-bundle"
VERSION = 3  # 3: signed, sections by kind; 2: version history per firm (unsigned); 1: an agreed hash
MAX_BUNDLE_BYTES = 512 * 1024 * 1024
MAX_DEPTH = 40  # body → sections → firms → entry → data: a firm's own four levels below that
MAX_ENTRIES = 1_000_000

FIRM_KEYS = {"id", "data", "created_at", "modified_at", "deleted_at", "hash", "history"}
CONTACT_TEXT = {"kind": MAX_TEXT_CHARS, "who": MAX_TEXT_CHARS, "notes": MAX_NOTES_CHARS,
                "next_step": MAX_NOTES_CHARS}  # fmt: skip
CONTACT_KEYS = {"id", "firm_id", "date", "created_at", "modified_at", "deleted_at", *CONTACT_TEXT}
KNOWN_SECTIONS = ("firms", "contacts", "letters", "policies", "ledger", "claims")


def signed_bytes(body: dict[str, Any]) -> bytes:
    """What the signature covers: the format and version, then the body as canonical JSON."""
    text = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return f"{FORMAT}/{VERSION}\n".encode() + text.encode("utf-8")


def _refused(path: Path, zh: str, en: str) -> ValidationError:
    return ValidationError([FieldProblem("", zh, en)], str(path))


def read_envelope(path: Path) -> dict[str, Any]:
    """The outer object of a bundle file: format, version, body, signature (each checked for its type)."""
    try:
        size = path.stat().st_size
        if size > MAX_BUNDLE_BYTES:
            raise _refused(
                path,
                f"数据包过大：最多 {MAX_BUNDLE_BYTES // (1024 * 1024)} MB",
                f"The bundle is too large: at most {MAX_BUNDLE_BYTES // (1024 * 1024)} MB",
            )
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as e:
        raise DomainError(
            f"无法读取数据包 {path}：{e.strerror}", f"Cannot read the bundle {path}: {e.strerror}"
        ) from e
    except UnicodeDecodeError:
        raise _refused(path, "数据包不是 UTF-8 文本", "The bundle is not UTF-8 text") from None
    try:
        data = parse_json(text, str(path), MAX_DEPTH, exact=False)  # floats stay floats: re-serialisable
    except ValidationError as e:
        raise ValidationError(e.problems, str(path)) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise DomainError(f"{path} 不是“招商政策测算台”数据包", f"{path} is not an Offer Desk bundle")
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise _refused(
            path,
            "version 应为整数（数据包的格式版本）",
            "version must be a whole number (the format version)",
        )
    if version > VERSION:
        raise DomainError(
            f"数据包来自更新版本的程序（格式 {version}），请先升级：{path}",
            f"The bundle comes from a newer version of the app (format {version}); please upgrade: {path}",
        )
    return data


_text = shapes.text
_keys = shapes.keys


def _entries(problems: list[FieldProblem], sections: dict[str, Any], kind: str) -> list[Any]:
    raw = sections.get(kind, [])
    if not isinstance(raw, list):
        problems.append(FieldProblem(f"sections.{kind}", "应为列表", "Expected a list"))
        return []
    if len(raw) > MAX_ENTRIES:
        problems.append(FieldProblem(f"sections.{kind}", "条目过多", "Too many entries"))
        return []
    return raw


def _firm(problems: list[FieldProblem], where: str, entry: Any) -> None:
    if not isinstance(entry, dict):
        problems.append(FieldProblem(where, "应为对象", "Expected an object"))
        return
    _keys(problems, where, entry, FIRM_KEYS)
    _text(problems, f"{where}.id", entry.get("id"), MAX_STAMP_CHARS)
    if not isinstance(entry.get("data"), dict):
        problems.append(FieldProblem(f"{where}.data", "应为企业对象", "Expected a firm object"))
    for key in ("created_at", "modified_at", "deleted_at", "hash"):
        _text(problems, f"{where}.{key}", entry.get(key), MAX_STAMP_CHARS, required=False)
    history = entry.get("history", [])
    if not isinstance(history, list) or len(history) > MAX_HISTORY:
        problems.append(FieldProblem(f"{where}.history", "应为版本列表", "Expected a list of versions"))
    else:
        for i, h in enumerate(history):
            _text(problems, f"{where}.history[{i}]", h, MAX_STAMP_CHARS)


def _contact(problems: list[FieldProblem], where: str, entry: Any) -> None:
    if not isinstance(entry, dict):
        problems.append(FieldProblem(where, "应为对象", "Expected an object"))
        return
    _keys(problems, where, entry, CONTACT_KEYS)
    for key in ("id", "firm_id", "date", "created_at", "modified_at"):
        _text(problems, f"{where}.{key}", entry.get(key), MAX_STAMP_CHARS)
    _text(problems, f"{where}.deleted_at", entry.get("deleted_at"), MAX_STAMP_CHARS, required=False)
    for key, limit in CONTACT_TEXT.items():
        if key in entry:
            _text(problems, f"{where}.{key}", entry[key], limit, required=False)


def _entry_key(kind: str, entry: Any) -> str | None:
    """What must be unique within a section: the id, a policy's hash, a firm and year of actuals."""
    if not isinstance(entry, dict):
        return None
    if kind == "policies":
        key = entry.get("hash")
    elif kind == "ledger":
        firm, year = entry.get("firm_id"), entry.get("year")
        key = f"{firm}:{year}" if isinstance(firm, str) and isinstance(year, int) else None
    else:
        key = entry.get("id")
    return key if isinstance(key, str) else None


_CHECKS = {
    "firms": _firm, "contacts": _contact, "letters": shapes.letter, "policies": shapes.policy,
    "ledger": shapes.actuals, "claims": shapes.claim,
}  # fmt: skip


def check_body(body: Any, source: str) -> list[str]:
    """Check the body's shape; raises ValidationError listing every problem. Returns the section kinds
    this version does not know (skipped, and said so)."""
    problems: list[FieldProblem] = []
    if not isinstance(body, dict):
        raise ValidationError([FieldProblem("body", "应为对象", "Expected an object")], source)
    _keys(problems, "body", body, {"origin", "office", "role", "exported_at", "sections"})
    _text(problems, "body.origin", body.get("origin"), MAX_STAMP_CHARS)
    _text(problems, "body.office", body.get("office", ""), MAX_TEXT_CHARS, required=False)
    _text(problems, "body.exported_at", body.get("exported_at"), MAX_STAMP_CHARS)
    if "role" in body and body["role"] not in ROLES:
        problems.append(FieldProblem("body.role", "应为 hq 或 outpost", "Expected hq or outpost"))
    sections = body.get("sections")
    if not isinstance(sections, dict):
        problems.append(
            FieldProblem("body.sections", "应为对象（按种类分节）", "Expected an object of sections")
        )
        raise ValidationError(problems, source)
    for kind, check in _CHECKS.items():
        seen: set[str] = set()
        for i, entry in enumerate(_entries(problems, sections, kind)):
            where = f"sections.{kind}[{i}]"
            check(problems, where, entry)
            key = _entry_key(kind, entry)
            if key is not None:
                if key in seen and kind == "ledger":
                    problems.append(
                        FieldProblem(
                            f"{where}.year", "同一企业同一年度出现两次", "The same firm and year twice"
                        )
                    )
                elif key in seen:
                    field = "hash" if kind == "policies" else "id"
                    problems.append(FieldProblem(f"{where}.{field}", "编号重复", "Duplicate id"))
                seen.add(key)
            if len(problems) > 100:  # enough to act on
                break
        if len(problems) > 100:
            break
    if problems:
        raise ValidationError(problems[:100], source)
    return sorted(str(k)[:32] for k in sections if k not in KNOWN_SECTIONS)


def sender_role(body: dict[str, Any]) -> str:
    """The role the (verified) body says its office has; none said is an outpost's, the least it may send."""
    role = body.get("role")
    return role if isinstance(role, str) and role in ROLES else "outpost"
