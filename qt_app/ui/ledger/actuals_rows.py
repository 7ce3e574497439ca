"""The actuals form's tables (人才到岗、贷款、科技项目、应用场景项目) ⇄ the actuals file's dict, and problems ⇄ cells.

Pure Python (no widgets): each row holds the figure as typed plus its first document (type, number, date) and
the scan; `entries` builds the list the actuals file holds, which `actuals_io.year_actuals_from_dict` judges,
so every message is the file's. A row loaded from what was recorded keeps everything the form does not show
(further documents, when and by whom a document was received, the scan kept) unless it is typed over.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from qt_app.domain.errors import FieldProblem
from qt_app.domain.ledger.actuals import FIGURE_LABELS
from qt_app.ui.firm_form import as_typed, cell_words, problem_at

Row = dict[str, str]
LIST_KEYS = ("talents", "loans", "science_projects", "scenario_projects")
FIGURE_KEYS: dict[str, tuple[str, ...]] = {
    "talents": ("level", "count", "housing"),
    "loans": ("lender", "principal", "years", "guarantee_fee"),
    "science_projects": ("name", "level", "allocated"),
    "scenario_projects": ("name", "contract_value"),
}
DOC_KEYS = ("doc_type", "doc_number", "doc_date")
SCAN = "scan"  # the scan's file name, shown; attached by the table's button
REF = "ref"  # which recorded entry the row was loaded from ("" for a row typed here)
PICKED = "file"  # the scan picked for the row, by path, until the year is recorded
HIDDEN = (REF, PICKED)
DEFAULT_DOC: dict[str, str] = {
    "talents": "talent_certificate",
    "loans": "loan_contract",
    "science_projects": "project_document",
    "scenario_projects": "scenario_contract",
}
ROW_DEFAULTS: dict[str, Row] = {
    "talents": {"level": "B", "count": "1", "housing": "allowance"},
    "loans": {"years": "3"},
    "science_projects": {"level": "municipal"},
    "scenario_projects": {},
}
_KEPT = ("received_on", "received_by")  # a recorded document's fields the form does not show


def defaults(key: str) -> Row:
    """A new row: sensible figures and the document type the policy's 兑现 usually asks for."""
    return {**ROW_DEFAULTS[key], "doc_type": DEFAULT_DOC[key]}


def scan_name(document: Mapping[str, Any]) -> str:
    """What the scan column shows for a recorded document: its file name, else the start of its hash."""
    name = str(document.get("file_name") or "")
    digest = str(document.get("sha256") or "")
    return name or (digest[:12] + "…" if digest else "")


def rows_from_stored(key: str, entries: Sequence[Mapping[str, Any]]) -> list[Row]:
    """The recorded entries of one list as the table's rows (amounts as staff type them: 1500万)."""
    out = []
    for i, entry in enumerate(entries):
        first: Mapping[str, Any] = (entry.get("evidence") or [{}])[0]
        row = {k: as_typed(entry.get(k)) for k in FIGURE_KEYS[key]}
        row.update(
            doc_type=str(first.get("type") or DEFAULT_DOC[key]),
            doc_number=str(first.get("number") or ""),
            doc_date=str(first.get("date") or ""),
        )
        row.update({SCAN: scan_name(first), REF: str(i), PICKED: ""})
        out.append(row)
    return out


def first_document(
    typed: Mapping[str, str], recorded: Mapping[str, Any] | None, picked: str
) -> dict[str, Any] | None:
    """A figure's first document as typed over what was recorded (None when nothing is typed or picked).

    The recorded scan and receipt stay unless a new scan is picked."""
    if not typed["number"].strip() and not typed["date"].strip() and not picked:
        return None
    out: dict[str, Any] = {
        k: recorded[k] for k in (*_KEPT, "sha256", "file_name") if recorded and recorded.get(k)
    }
    out.update(type=typed["type"], number=typed["number"].strip(), date=typed["date"].strip())
    if picked:
        out.pop("sha256", None)
        out.pop("file_name", None)
        out["file"] = picked
    return out


def documents(first: dict[str, Any] | None, recorded: Mapping[str, Any] | None) -> list[dict[str, Any]]:
    """The figure's evidence: the first document as typed, and any further ones as recorded."""
    rest = list((recorded or {}).get("evidence") or [])[1:]
    return ([first] if first is not None else []) + rest


def _blank(key: str, row: Row) -> bool:
    """Nothing typed in the row beyond its defaults (a row being added)."""
    new = defaults(key)
    return (
        not row.get(REF)
        and not row.get(PICKED)
        and all(row.get(k, "").strip() in ("", new.get(k, "")) for k in (*FIGURE_KEYS[key], *DOC_KEYS))
    )


def entries(key: str, rows: Sequence[Row], recorded: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The list as the actuals file holds it: each row's figure over what it was loaded from, and its evidence.
    A cell emptied is left out (the reader names it when it is required)."""
    out: list[dict[str, Any]] = []
    for row in rows:
        if _blank(key, row):
            continue
        ref = row.get(REF, "")
        before: Mapping[str, Any] = recorded[int(ref)] if ref.isdigit() and int(ref) < len(recorded) else {}
        entry = {k: v for k, v in before.items() if k not in FIGURE_KEYS[key] and k != "evidence"}
        entry.update({k: row[k].strip() for k in FIGURE_KEYS[key] if row.get(k, "").strip()})
        first_before: Mapping[str, Any] | None = (before.get("evidence") or [None])[0]
        typed = {
            "type": row.get("doc_type", ""),
            "number": row.get("doc_number", ""),
            "date": row.get("doc_date", ""),
        }
        entry["evidence"] = documents(first_document(typed, first_before, row.get(PICKED, "")), before)
        out.append(entry)
    return out


@dataclass(frozen=True)
class Cell:
    """Where a problem shows in a table: the list, the row (0-based), the column key ("" = the whole row)."""

    table: str
    row: int
    column: str
    name_zh: str = ""  # the column's name in the problem's words ("" = none: the row is named alone)
    name_en: str = ""


_PATH = re.compile(r"^(\w+)\[(\d+)\](?:\.(\w+))?(?:\[(\d+)\])?(?:\.(\w+))?$")
_DOC_COLUMN = {"type": "doc_type", "number": "doc_number", "date": "doc_date", "received_on": "doc_date",
               "file": SCAN, "sha256": SCAN, "file_name": SCAN}  # fmt: skip


def cell_of(path: str, column_names: Mapping[str, tuple[str, str]]) -> Cell | None:
    """The table cell a problem path names ("talents[0].count", "loans[1].evidence[0].date",
    "science_projects[0].evidence.file" from recording); None when it is not a table's."""
    m = _PATH.match(path)
    if m is None or m.group(1) not in LIST_KEYS:
        return None
    table, row, field, doc, sub = m.group(1), int(m.group(2)), m.group(3) or "", m.group(4), m.group(5) or ""
    if field != "evidence":
        zh, en = column_names.get(field, (field, field)) if field else ("", "")
        return Cell(table, row, field, zh, en)
    if doc is not None and int(doc) > 0:  # a further document, kept as recorded (not shown)
        n = int(doc) + 1
        return Cell(table, row, "", f"第{n}份证明材料", f"document {n}")
    column = _DOC_COLUMN.get(sub, "doc_number") if sub else "doc_number"
    if not sub:  # "no evidence": the row, with the number cell marked
        return Cell(table, row, column)
    zh, en = column_names.get(column, (column, column))
    return Cell(table, row, column, zh, en)


def table_label(key: str, lang: str) -> str:
    """A figure's name as a heading and in messages: "人才到岗" / "Talents arrived"."""
    zh, en = FIGURE_LABELS[key]
    return en[:1].upper() + en[1:] if lang == "en" else zh


def row_words(key: str, row: int, lang: str) -> str:
    """A table's row in words: "人才到岗 第2行" / "Talents arrived, row 2"."""
    return cell_words(table_label(key, lang), row, "", lang)


def cell_problem(cell: Cell, p: FieldProblem, lang: str) -> str:
    """A table problem in the firm editor's wording: "人才到岗 第1行：人数 为空"."""
    column = cell.name_en if lang == "en" else cell.name_zh
    return problem_at(cell_words(table_label(cell.table, lang), cell.row, column, lang), p, lang)
