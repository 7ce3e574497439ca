"""One firm's ledger (一企一档 · 兑现台账): promised, due, paid, held, recovered — per item and year, with words.

Built from the commitment (the letter), the actuals, what is due under the letter's policy version, and the
claims. Every difference between promised and due is explained; every gap between due and paid says what it
waits for (review, notice, hold). Deadlines (notice ends, payment due, clawback window closes) are listed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date

from qt_app.domain.ledger.actuals import FirmActuals, latest_lease
from qt_app.domain.ledger.claims import Claim, ClaimState
from qt_app.domain.ledger.clawback import ClawbackWindow, RecoveryDue, recoveries_due, windows
from qt_app.domain.ledger.commitment import Commitment
from qt_app.domain.ledger.differences import difference_words, paid_words
from qt_app.domain.ledger.due import REPORTED, Due, DueCell
from qt_app.domain.ledger.working_days import HOLIDAY_NOTE, add_working_days
from qt_app.domain.money import Fen
from qt_app.domain.package import LineItem
from qt_app.domain.policy import ClawbackCondition, Policy
from qt_app.domain.wording import date_words

COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("promised", "承诺", "promised"),
    ("due", "应兑现", "due"),
    ("paid", "已拨付", "paid"),
    ("held", "暂缓", "held"),
    ("recovered", "已追回", "recovered"),
)


@dataclass(frozen=True)
class LedgerRow:
    """One item in one year."""

    item_id: str
    year: int
    name_zh: str
    name_en: str
    benefit: str  # cash | voucher | in_kind
    promised: Fen
    due: Fen
    paid: Fen
    held: Fen
    recovered: Fen  # repayments received (退还)
    due_state: str  # reported | not_reported | moved_out
    due_lines: tuple[LineItem, ...]
    difference_zh: str
    difference_en: str
    payment_zh: str
    payment_en: str
    claim_ids: tuple[str, ...] = ()

    def amount(self, column: str) -> Fen:
        value: Fen = getattr(self, column)
        return value


@dataclass(frozen=True)
class Deadline:
    on: date
    kind: str  # notice_ends | payment_due | clawback_closes
    zh: str
    en: str
    claim_id: str = ""


@dataclass(frozen=True)
class FirmLedger:
    firm_id: str
    firm_name: str
    uscc: str
    commitment: Commitment
    due: Due
    rows: tuple[LedgerRow, ...]
    claims: tuple[Claim, ...]
    recoveries_due: tuple[RecoveryDue, ...]
    windows: tuple[ClawbackWindow, ...]
    conditions: tuple[ClawbackCondition, ...]
    deadlines: tuple[Deadline, ...]
    notes_zh: tuple[str, ...]
    notes_en: tuple[str, ...]
    actuals: FirmActuals

    def totals(self) -> dict[str, Fen]:
        return {c: sum(r.amount(c) for r in self.rows) for c, _, _ in COLUMNS}

    def by_year(self) -> dict[int, dict[str, Fen]]:
        out: dict[int, dict[str, Fen]] = {}
        for r in self.rows:
            sums = out.setdefault(r.year, dict.fromkeys((c for c, _, _ in COLUMNS), 0))
            for c, _, _ in COLUMNS:
                sums[c] += r.amount(c)
        return dict(sorted(out.items()))

    def row(self, item_id: str, year: int) -> LedgerRow | None:
        return next((r for r in self.rows if r.item_id == item_id and r.year == year), None)


def paid_by_item_year(claims: Iterable[Claim]) -> dict[str, dict[int, Fen]]:
    """What the ledger says was paid, net of repayments received: the engine's `awarded`."""
    out: dict[str, dict[int, Fen]] = defaultdict(dict)
    for c in claims:
        net = c.paid - c.repaid
        if net:
            out[c.item_id][c.year] = out[c.item_id].get(c.year, 0) + net
    return dict(out)


def _waiting(claims: list[Claim]) -> tuple[str, str] | None:
    """What the unpaid part of an item-year waits for, from its open claims."""
    for c in claims:
        if c.state is ClaimState.HELD:
            return f"暂缓：{c.hold_reason}", f"held: {c.hold_reason}"
    for c in claims:
        if c.state in (ClaimState.APPLIED, ClaimState.REVIEWED, ClaimState.NOTICE, ClaimState.PAYING):
            zh, en = c.label("zh"), c.label("en")
            return zh, en
    for c in claims:
        if c.state is ClaimState.TERMINATED:
            return f"终止：{c.end_reason}", f"terminated: {c.end_reason}"
    return None if claims else ("尚未申报", "not yet applied for")


def build_ledger(
    commitment: Commitment,
    actuals: FirmActuals,
    due: Due,
    claims: Iterable[Claim],
    policy: Policy,
    firm_name: str = "",
    uscc: str = "",
    in_force: Policy | None = None,
) -> FirmLedger:
    """Assemble the ledger; `in_force` is today's policy version, named when it is not the letter's."""
    claims = tuple(claims)
    by_key: dict[tuple[str, int], list[Claim]] = defaultdict(list)
    for c in claims:
        by_key[(c.item_id, c.year)].append(c)
    items = {it.id: it for it in policy.items}
    keys = {k for k, v in commitment.promised.items() if v} | set(by_key)
    keys |= {k for k, cell in due.cells.items() if cell.amount}
    rows = []
    for item_id, year in sorted(keys, key=lambda k: (k[1], _order(policy, k[0]))):
        cell = due.cells.get((item_id, year)) or DueCell(item_id, year, 0, REPORTED)
        promised = commitment.promised.get((item_id, year), 0)
        here = by_key.get((item_id, year), [])
        paid = sum(c.paid for c in here)
        item = items.get(item_id)
        diff = difference_words(item, year, promised, cell, commitment.firm, due.firm, policy)
        pay = paid_words(cell.amount, paid, _waiting(here) if cell.amount > paid else None)
        zh, en = commitment.names.get(item_id) or ((item.zh, item.en) if item else (item_id, item_id))
        rows.append(
            LedgerRow(
                item_id, year, zh, en, item.benefit if item else commitment.benefits.get(item_id, "cash"),
                promised, cell.amount, paid, sum(c.held for c in here), sum(c.repaid for c in here),
                cell.state, cell.lines, diff[0], diff[1], pay[0], pay[1], tuple(c.id for c in here),
            )
        )  # fmt: skip
    lease = latest_lease(actuals)
    paid_items: dict[str, Fen] = defaultdict(int)
    decided: dict[str, Fen] = defaultdict(int)
    for c in claims:
        paid_items[c.item_id] += c.paid
        decided[c.item_id] += c.recovered
    names = {it.id: (it.zh, it.en) for it in policy.items}
    notes_zh, notes_en = [], []
    if in_force is not None and in_force.hash != policy.hash:
        notes_zh.append(
            f"按告知函依据的政策版本 {policy.id} {policy.version} 计算；现行版本为 {in_force.id} {in_force.version}"
        )
        notes_en.append(
            f"Computed under the letter's policy version {policy.id} {policy.version}; "
            f"{in_force.id} {in_force.version} is in force today"
        )
    notes_zh.extend(due.package.warnings_zh)
    notes_en.extend(due.package.warnings_en)
    return FirmLedger(
        firm_id=commitment.firm.id,
        firm_name=firm_name or commitment.firm.name,
        uscc=uscc or commitment.firm.uscc,
        commitment=commitment,
        due=due,
        rows=tuple(rows),
        claims=claims,
        recoveries_due=tuple(
            replace(r, decided=decided[r.item_id]) for r in recoveries_due(policy, lease, paid_items, names)
        ),
        windows=tuple(windows(policy, lease)),
        conditions=policy.clawback,
        deadlines=tuple(
            _deadlines(
                claims,
                windows(policy, lease),
                lease is not None and lease.move_out is not None,
                {**{it.id: (it.zh, it.en) for it in policy.items}, **commitment.names},
            )
        ),
        notes_zh=tuple(notes_zh),
        notes_en=tuple(notes_en),
        actuals=actuals,
    )


def _order(policy: Policy, item_id: str) -> int:
    for n, it in enumerate(policy.items):
        if it.id == item_id:
            return n
    return 10_000


_REPAY = {  # what moving out inside the window means, by the condition's method
    "pro_rata": ("须按未满年限比例退还", "repay pro rata to the years not served"),
    "full": ("须全额退还", "repay in full"),
    "stop": ("停止拨付", "payments stop"),
}


def _deadlines(
    claims: tuple[Claim, ...],
    wins: list[ClawbackWindow],
    moved: bool,
    names: Mapping[str, tuple[str, str]],
) -> list[Deadline]:
    out = []
    for c in claims:
        zh, en = names.get(c.item_id, (c.item_id, c.item_id))
        if c.state is ClaimState.NOTICE and c.notice_until is not None:
            out.append(
                Deadline(
                    c.notice_until,
                    "notice_ends",
                    f"{c.year}年{zh}公示截止（{HOLIDAY_NOTE[0]}）",
                    f"{en} {c.year}: public notice ends ({HOLIDAY_NOTE[1]})",
                    c.id,
                )
            )
        if c.state in (ClaimState.APPLIED, ClaimState.REVIEWED, ClaimState.NOTICE, ClaimState.PAYING):
            due_on = add_working_days(c.applied_on, c.terms.pay_within_working_days)
            out.append(
                Deadline(
                    due_on,
                    "payment_due",
                    f"{c.year}年{zh}拨付期限（申报后{c.terms.pay_within_working_days}个工作日，未扣除法定节假日）",
                    f"{en} {c.year}: payment due ({c.terms.pay_within_working_days} working days after applying; "
                    "public holidays not deducted)",
                    c.id,
                )
            )
    if not moved:
        for w in wins:
            # The years, not the condition's id: staff read this aloud to the firm.
            n = (w.closes.year - w.opens.year) or 1
            zh_do, en_do = _REPAY.get(w.condition.method, _REPAY["pro_rata"])
            out.append(
                Deadline(
                    w.closes,
                    "clawback_closes",
                    f"迁出追回期满（入驻{n}年内迁出{zh_do}，自{date_words(w.opens, 'zh')}入驻起）",
                    f"Move-out clawback window closes (moving out within {n} years of moving in on "
                    f"{date_words(w.opens, 'en')}: {en_do})",
                )
            )
    return sorted(out, key=lambda d: d.on)


def county_totals(ledgers: Iterable[FirmLedger]) -> dict[tuple[int, str], dict[str, Fen]]:
    """(year, item) → column → sum over firms: what the county view must equal (property-tested)."""
    out: dict[tuple[int, str], dict[str, Fen]] = {}
    for ledger in ledgers:
        for r in ledger.rows:
            sums = out.setdefault((r.year, r.item_id), dict.fromkeys((c for c, _, _ in COLUMNS), 0))
            for c, _, _ in COLUMNS:
                sums[c] += r.amount(c)
    return out
