"""What the 兑现台账 screen shows for one firm (一企一档), read in one go, and what its dialogs check first.

`ledger_screen(session, firm_id)` gives the firm's letters, its ledger (promised · due · paid · held ·
recovered, claims, deadlines) or, when there is none yet, why in words; the evidence with whether each scan
is in the data folder. `claim_history` is a claim's steps with who recorded them and when. `check_scan` reads a
scan the officer picked before anything is written: an unreadable file is refused, one already attached
elsewhere is reported. Plain data out; the widgets only format it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qt_app.domain.errors import DomainError
from qt_app.domain.ledger.actuals import (
    DOC_TYPES,
    FIGURE_LABELS,
    Amount,
    LoanDrawn,
    ScenarioWon,
    ScienceWon,
    TalentsArrived,
    YearActuals,
)
from qt_app.domain.ledger.claims import Claim
from qt_app.domain.ledger.statement import FirmLedger
from qt_app.domain.ledger.step_words import step_words
from qt_app.domain.ledger.steps import STEP_LABELS, Notice, step_from_dict
from qt_app.domain.ledger.working_days import nth_working_day
from qt_app.domain.money import Fen
from qt_app.domain.money_format import money
from qt_app.domain.policy import Site
from qt_app.domain.wording import date_words
from qt_app.services.ledger_read import firm_ledger, load_actuals
from qt_app.store import evidence_files
from qt_app.store.letters import STATUS_LABELS

if TYPE_CHECKING:
    from qt_app.services.session import Session
    from qt_app.store.store import Store


@dataclass(frozen=True)
class LetterLine:
    """One of the firm's letters (the file holds them all; the ledger pays against the latest issued one)."""

    id: str
    doc_number: str
    status: str
    issued_at: str
    total: Fen
    variant: str
    of_record: bool

    def status_words(self, lang: str = "zh") -> str:
        zh, en = STATUS_LABELS.get(self.status, (self.status, self.status))
        return en.lower() if lang == "en" else zh  # mid-sentence: "青招〔2026〕2号 accepted"


@dataclass(frozen=True)
class EvidenceLine:
    """One document recorded for a figure, and whether its scan is in the data folder."""

    year: int
    figure: str  # "revenue", "talents[0]"
    doc_type: str
    number: str
    doc_date: str
    sha256: str
    file_name: str
    present: bool

    def figure_words(self, lang: str = "zh") -> str:
        base, _, index = self.figure.partition("[")
        zh, en = FIGURE_LABELS.get(base, (base, base))
        n = f" {int(index.rstrip(']')) + 1}" if index else ""
        return f"{en}{n}" if lang == "en" else f"{zh}{n}"

    def type_words(self, lang: str = "zh") -> str:
        return DOC_TYPES.get(self.doc_type, (self.doc_type, self.doc_type))[1 if lang == "en" else 0]


@dataclass(frozen=True)
class HistoryLine:
    """One step of a claim as recorded: what, when, by whom (and when it was entered)."""

    kind: str
    on: date
    who: str
    at: str
    zh: str
    en: str

    def label(self, lang: str = "zh") -> str:
        return STEP_LABELS.get(self.kind, (self.kind, self.kind))[1 if lang == "en" else 0]

    def words(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh


@dataclass(frozen=True)
class LedgerScreen:
    firm_id: str
    firm_name: str
    uscc: str
    letters: tuple[LetterLine, ...]
    ledger: FirmLedger | None
    why_not_zh: str = ""  # no ledger: why (no issued letter; the letter's policy version is not loaded)
    why_not_en: str = ""
    has_letter: bool = False  # an issued or accepted letter exists: actuals can be recorded
    evidence: tuple[EvidenceLine, ...] = ()
    actuals: Mapping[int, YearActuals] = field(default_factory=dict)  # as recorded, read
    stored: Mapping[int, Mapping[str, Any]] = field(default_factory=dict)  # as recorded, in the file form
    sites: tuple[Site, ...] = ()  # the letter's policy's premises (the lease's choices)

    def why_not(self, lang: str = "zh") -> str:
        return self.why_not_en if lang == "en" else self.why_not_zh

    def claim(self, claim_id: str) -> Claim | None:
        if self.ledger is None:
            return None
        return next((c for c in self.ledger.claims if c.id == claim_id), None)


def _letters(store: Store, firm_id: str) -> tuple[LetterLine, ...]:
    record = store.ledger.letter_of_record(firm_id)
    rid = str(record["id"]) if record else ""
    rows = sorted(
        store.letters.for_firm(firm_id), key=lambda r: (str(r.get("created_at") or ""), str(r["id"]))
    )
    return tuple(
        LetterLine(
            str(r["id"]), str(r.get("doc_number") or ""), str(r["status"]), str(r.get("issued_at") or ""),
            int(r.get("total_fen") or 0), str(r.get("variant") or ""), str(r["id"]) == rid,
        )
        for r in rows
    )  # fmt: skip


def evidence_lines(store: Store, firm_id: str) -> tuple[EvidenceLine, ...]:
    out = []
    for r in store.ledger.evidence(firm_id):
        digest = str(r.get("sha256") or "")
        out.append(
            EvidenceLine(
                int(r["year"]), str(r["figure"]), str(r["doc_type"]), str(r["doc_number"]), str(r["doc_date"]),
                digest, str(r.get("file_name") or ""),
                bool(digest) and evidence_files.find(store.folder, digest) is not None,
            )
        )  # fmt: skip
    return tuple(out)


def ledger_screen(session: Session, firm_id: str) -> LedgerScreen:
    """The firm's file (一企一档) for the ledger screen; never raises for a firm that simply has no letter."""
    store = session.store
    firm, _variants = store.get_firm(firm_id)
    letters = _letters(store, firm_id)
    has_letter = any(line.of_record for line in letters)
    evidence = evidence_lines(store, firm_id)
    stored = store.ledger.actuals(firm_id)
    try:
        ledger = firm_ledger(store, firm_id, session.policies, in_force=session.policy)
    except DomainError as e:
        try:
            actuals = load_actuals(store, firm_id)
        except DomainError:
            actuals = {}
        return LedgerScreen(
            firm.id, firm.name, firm.uscc, letters, None, e.zh, e.en, has_letter, evidence, actuals, stored,
            session.policy.sites,
        )  # fmt: skip
    return LedgerScreen(
        firm.id, firm.name, firm.uscc, letters, ledger, "", "", True, evidence, dict(ledger.actuals), stored,
        session.policy.sites,
    )  # fmt: skip


def claim_history(store: Store, claim: Claim) -> tuple[HistoryLine, ...]:
    """A claim's steps in the order recorded, each in words with who recorded it and when (a public notice
    with the last day its terms give it)."""
    out = []
    for row in store.ledger.event_log(claim.id):
        step = step_from_dict(json.loads(row["data_json"]))
        if isinstance(step, Notice) and step.until is None:
            step = replace(step, until=nth_working_day(step.on, claim.terms.notice_working_days))
        zh, en = step_words(step)
        out.append(
            HistoryLine(step.kind, step.on, str(row.get("who") or ""), str(row.get("at") or ""), zh, en)
        )
    return tuple(out)


@dataclass(frozen=True)
class ScanCheck:
    """A scan the officer picked: what it is, and what to tell them before it is attached."""

    path: Path
    sha256: str
    file_name: str
    size: int
    warnings_zh: tuple[str, ...] = ()
    warnings_en: tuple[str, ...] = ()

    def warnings(self, lang: str = "zh") -> tuple[str, ...]:
        return self.warnings_en if lang == "en" else self.warnings_zh


def check_scan(store: Store, path: str | Path, firm_id: str, year: int, figure: str) -> ScanCheck:
    """Read and check a scan before it is attached (DomainError, in words, when it cannot be read)."""
    scan, _data = evidence_files.read_scan(Path(path))
    zh: list[str] = []
    en: list[str] = []
    for other in store.ledger.evidence_by_hash(scan.sha256):
        if (other["firm_id"], int(other["year"]), other["figure"]) == (firm_id, year, figure):
            continue
        whose = (
            ("", "")
            if other["firm_id"] == firm_id
            else (f"企业 {other['firm_id']} ", f"firm {other['firm_id']} ")
        )
        zh.append(
            f"该扫描件已作为{whose[0]}{other['year']}年 {other['figure']} 的证明材料（{other['doc_number']}）附上，"
            "是同一份文件"
        )
        en.append(
            f"This scan is already attached to {whose[1]}{other['year']} {other['figure']} "
            f"({other['doc_number']}): the same file"
        )
        break
    return ScanCheck(Path(path), scan.sha256, scan.file_name, scan.size, tuple(zh), tuple(en))


def scan_file(store: Store, sha256: str) -> Path | None:
    """Where a kept scan is in the data folder (to open it), or None."""
    return evidence_files.find(store.folder, sha256) if sha256 else None


def figure_value(actual: YearActuals, figure: str, sites: tuple[Site, ...] = (), lang: str = "zh") -> str:
    """What a figure of a year says, in words: "青创大厦 800㎡，1.2元/㎡/天，2026年1月1日入驻" / "4200万元"."""
    en = lang == "en"
    base, _, index = figure.partition("[")
    n = int(index.rstrip("]")) if index else 0
    if base == "lease" and actual.lease is not None:
        ls = actual.lease
        site = next(((s.en if en else s.zh) for s in sites if s.id == ls.site), ls.site)
        moved = ""
        if ls.move_out is not None:
            moved = (
                f", moved out {date_words(ls.move_out, 'en')}" if en else f"，{date_words(ls.move_out)}迁出"
            )
        if en:
            return f"{site} {ls.area_m2} m², {ls.rent_per_m2_day} yuan/m²/day, in from {date_words(ls.move_in, 'en')}{moved}"
        return f"{site} {ls.area_m2}㎡，{ls.rent_per_m2_day}元/㎡/天，{date_words(ls.move_in)}入驻{moved}"
    if base in ("revenue", "compute_spend", "rnd_spend"):
        amount: Amount | None = getattr(actual, base)
        return money(amount.amount, lang) if amount is not None else ""
    entries = getattr(actual, base, ())
    if n >= len(entries):
        return ""
    e = entries[n]
    if isinstance(e, TalentsArrived):
        return f"{e.count} level-{e.level} talent(s)" if en else f"{e.level}类人才{e.count}人"
    if isinstance(e, LoanDrawn):
        return (
            f"{e.lender} {money(e.principal, lang)}, {e.years} yr"
            if en
            else f"{e.lender}{money(e.principal)}，{e.years}年"
        )
    if isinstance(e, ScienceWon):
        return f"{e.name} {money(e.allocated, lang)}"
    if isinstance(e, ScenarioWon):
        return f"{e.name} {money(e.contract_value, lang)}"
    return ""
