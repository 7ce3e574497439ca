"""Firm files: plain dict/JSON ⇄ Firm (+ its variants), with every problem reported by field path.

Used by the CLI (firm JSON files), the store (rows hold this same dict form) and imports. The fields are
read and written one by one in `firm_fields` (shared with the variants' overlays, `variant_io`).
Amounts accept what staff type ("1500000", "150万", "1.2亿"); output writes 元 with two decimals.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from qt_app.domain import uscc as uscc_mod
from qt_app.domain.errors import FieldProblem, ValidationError, shown
from qt_app.domain.field_values import Reader, to_enum, to_note, to_str
from qt_app.domain.firm import Firm, Stage
from qt_app.domain.firm_fields import PLAN_WRITERS, RECOGNITION_KEYS, read_plan, rows_of
from qt_app.domain.json_limits import parse_json
from qt_app.domain.variant_io import read_variant, variant_from_dict, variant_to_dict
from qt_app.domain.variants import Variant

__all__ = [
    "FIRM_KEYS",
    "RECOGNITION_KEYS",
    "firm_from_dict",
    "firm_to_dict",
    "load_firm_file",
    "new_firm_id",
    "variant_from_dict",
    "variant_to_dict",
]

FIRM_KEYS = {
    "id", "name", "uscc", "uscc_note", "entity_type", "is_trading", "is_headquarters", "dishonest",
    "registers_in_qingtian", "mu_grade", "grade", "domains", "location", "talents", "revenue",
    "compute_spend", "rnd_spend", "loans", "science_projects", "scenario_projects", "investment",
    "stage", "stage_reason", "owner", "outpost", "contact", "notes", "variants", "start_year",
    "domain_recognition",
}  # fmt: skip


MAX_FILE_BYTES = 16 * 1024 * 1024  # a firm file is a few KB (other limits: field_values, json_limits)


def new_firm_id() -> str:
    """Stable random ids (not row numbers), so bundles from outposts merge without clashes."""
    return "f-" + os.urandom(8).hex()  # 16 random hex digits; uuid would cost 2 ms at every start


def firm_from_dict(data: Mapping[str, Any], source: str = "") -> tuple[Firm, tuple[Variant, ...]]:
    """Read a firm and its variants; raise ValidationError listing every problem (errors only).

    A checksum mismatch in 统一社会信用代码 is an error unless `uscc_note` explains why it is kept.
    """
    r = Reader()
    if not isinstance(data, Mapping):
        raise ValidationError(
            [FieldProblem("", "企业文件应为 JSON 对象", "A firm file must be a JSON object")], source
        )
    for key in data:
        if key not in FIRM_KEYS:
            r.problem(shown(key), "未知字段", "Unknown field")

    name = r.require(data, "name", "", to_str) or ""
    raw_code = r.require(data, "uscc", "", to_str) or ""
    uscc_note = r.get(data, "uscc_note", "", to_str, "")
    code = raw_code
    if raw_code:
        result = uscc_mod.check(raw_code)
        code = result.code
        if result.is_error:
            r.problem("uscc", result.error_zh, result.error_en)
        elif result.is_warning and not uscc_note:
            r.problem(
                "uscc",
                result.warning_zh + "（请在 uscc_note 中说明）",
                result.warning_en + " (explain in uscc_note)",
            )

    plan = read_plan(r, data)
    variants = [v for p, row in rows_of(r, data, "variants") if (v := read_variant(r, p, row)) is not None]
    firm = Firm(
        id=r.get(data, "id", "", to_str, "") or new_firm_id(),
        name=name,
        uscc=code,
        uscc_note=uscc_note,
        stage=r.get(data, "stage", "", to_enum(Stage), Stage.LEAD),
        stage_reason=r.get(data, "stage_reason", "", to_str, ""),
        owner=r.get(data, "owner", "", to_str, ""),
        outpost=r.get(data, "outpost", "", to_str, ""),
        contact=r.get(data, "contact", "", to_str, ""),
        notes=r.get(data, "notes", "", to_note, ""),
        **plan,
    )
    errors = [p for p in r.problems if p.severity == "error"]
    if errors:
        raise ValidationError(errors, source)
    return firm, tuple(variants)


def firm_to_dict(firm: Firm, variants: tuple[Variant, ...] = ()) -> dict[str, Any]:
    """The firm as a JSON-ready dict that `firm_from_dict` reads back to an equal Firm."""
    plan = {key: write(firm) for key, write in PLAN_WRITERS.items()}
    out: dict[str, Any] = {
        "id": firm.id,
        "name": firm.name,
        "uscc": firm.uscc,
        "uscc_note": firm.uscc_note,
        **{key: plan[key] for key in PLAN_WRITERS if key not in ("start_year", "domain_recognition")},
        "stage": firm.stage.value,
        "stage_reason": firm.stage_reason,
        "owner": firm.owner,
        "outpost": firm.outpost,
        "contact": firm.contact,
        "notes": firm.notes,
    }
    # Written only when set, so files, rows and letter snapshots of other firms stay byte-for-byte the same.
    if firm.start_year is not None:
        out["start_year"] = firm.start_year
    if firm.recognition is not None:
        out["domain_recognition"] = plan["domain_recognition"]
    if variants:
        out["variants"] = [variant_to_dict(v) for v in variants]
    return out


def load_firm_file(path: Path) -> tuple[Firm, tuple[Variant, ...]]:
    """Read a firm JSON file; every problem is a ValidationError naming the file."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ValidationError(
                [
                    FieldProblem(
                        "",
                        f"文件过大：企业文件最多 {MAX_FILE_BYTES // (1024 * 1024)} MB",
                        f"The file is too large: a firm file is at most {MAX_FILE_BYTES // (1024 * 1024)} MB",
                    )
                ],
                str(path),
            )
        text = path.read_text(encoding="utf-8-sig")
    except OSError as e:
        raise ValidationError(
            [FieldProblem("", f"无法读取文件：{e.strerror}", f"Cannot read file: {e.strerror}")], str(path)
        ) from e
    except UnicodeDecodeError:
        raise ValidationError(
            [FieldProblem("", "文件不是 UTF-8 文本", "The file is not UTF-8 text")], str(path)
        ) from None
    return firm_from_dict(parse_json(text, str(path)), str(path))
