"""Reading the 兑现 ledger: one firm's ledger (promised · due · paid · held · recovered), plain data out.

Due amounts are computed under the policy version the firm's letter was issued under: found among the
loaded versions, the bundled one, or the texts the store keeps of versions letters were issued under —
never silently today's. A version nobody can supply is a clear error naming it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from qt_app.domain import uscc as uscc_mod
from qt_app.domain.errors import DomainError
from qt_app.domain.firm import Firm
from qt_app.domain.ledger.actuals import YearActuals
from qt_app.domain.ledger.actuals_io import year_actuals_from_dict
from qt_app.domain.ledger.claims import Claim, Terms, replay
from qt_app.domain.ledger.commitment import Commitment, commitment_from_letter
from qt_app.domain.ledger.due import Due, compute_due
from qt_app.domain.ledger.statement import FirmLedger, build_ledger, paid_by_item_year
from qt_app.domain.ledger.steps import step_from_dict
from qt_app.domain.policy import Policy
from qt_app.domain.policy_loader import default_policy, parse_policy
from qt_app.domain.variants import BASE, Variant

if TYPE_CHECKING:
    from qt_app.store.store import Store

STATUS_WORDS = {
    "draft": ("草稿", "draft"),
    "submitted": ("已提交", "submitted"),
    "approved": ("已审批", "approved"),
    "declined": ("已谢绝", "declined"),
    "expired": ("已过期", "expired"),
    "voided": ("已作废", "voided"),
}


def resolve_firm(store: Store, ref: str) -> tuple[Firm, tuple[Variant, ...]]:
    """A firm by id, 统一社会信用代码 or a name fragment that names exactly one firm."""
    ref = ref.strip()
    if not ref:
        raise DomainError(
            "请指定企业（编号、统一社会信用代码或名称）", "Name a firm (id, credit code or name)"
        )
    from qt_app.store.firms_repo import FirmNotFound

    try:
        return store.get_firm(ref)
    except FirmNotFound:
        pass
    code = uscc_mod.check(ref)
    if not code.is_error:
        found = store.find_firm_by_uscc(code.code)
        if found:
            return store.get_firm(found)
    rows = store.list_firms(ref, sort="name", descending=False, limit=20)
    exact = [r for r in rows if r.name == ref]
    if len(rows) == 1 or len(exact) == 1:
        return store.get_firm((exact or rows)[0].id)
    if not rows:
        raise DomainError(f"找不到企业“{ref}”", f"No firm matches “{ref}”")
    names = "；".join(f"{r.name}（{r.uscc}）" for r in rows[:5])
    raise DomainError(
        f"“{ref}”对应多家企业，请用统一社会信用代码指定：{names}",
        f"“{ref}” matches several firms; use the credit code: {names}",
    )


def commitment_of(store: Store, firm: Firm) -> tuple[Commitment, str]:
    """The firm's letter of record as a commitment, and its letter id; refused with the reason when none."""
    row = store.ledger.letter_of_record(firm.id)
    if row is None:
        statuses = store.ledger.letter_statuses(firm.id)
        counts: dict[str, int] = {}
        for s in statuses:
            counts[s] = counts.get(s, 0) + 1
        have_zh = "、".join(f"{STATUS_WORDS.get(s, (s, s))[0]}{n}份" for s, n in counts.items()) or "无"
        have_en = ", ".join(f"{n} {STATUS_WORDS.get(s, (s, s))[1]}" for s, n in counts.items()) or "none"
        from qt_app.domain.offices import OUTPOST
        from qt_app.services.offices import office_role

        hint = (
            ("。本机为联络处：告知函由总部出具，随总部的数据包传来，请先导入总部的数据包", ". This office is an "
             "outpost: letters are issued at headquarters and arrive with its bundles; import headquarters' bundle first")
            if office_role(store) == OUTPOST
            else ("", "")
        )  # fmt: skip
        raise DomainError(
            f"企业“{firm.name}”没有已出具或已接受的告知函：兑现以告知函为依据，不能登记实绩或申报（现有告知函：{have_zh}）"
            + hint[0],
            f"“{firm.name}” has no issued or accepted letter: payments rest on the letter, so no actuals or claims "
            f"can be recorded (letters: {have_en})" + hint[1],
        )
    return commitment_from_letter(row), str(row["id"])


def pinned_policy(store: Store, commitment: Commitment, policies: Sequence[Policy] = ()) -> Policy:
    """The policy version the letter was issued under (by hash), from wherever it can be found."""
    for p in (*policies, default_policy()):
        if p.hash == commitment.policy_hash:
            return p
    text = store.ledger.policy_text(commitment.policy_hash)
    if text is not None:
        return _parse_kept(text, commitment)
    raise DomainError(
        f"告知函 {commitment.doc_number} 依据的政策版本 {commitment.policy_id} {commitment.policy_version}"
        f"（{commitment.policy_hash[:8]}）未载入：请在政策库载入该版本的政策文件（命令行用 --policy），"
        "应兑现金额不会按现行版本计算",
        f"Letter {commitment.doc_number} was issued under {commitment.policy_id} {commitment.policy_version} "
        f"({commitment.policy_hash[:8]}), which is not loaded: load that policy file (--policy on the command "
        "line); due amounts are never computed under today's version instead",
    )


def _parse_kept(text: str, commitment: Commitment) -> Policy:
    return _cached_parse(text, f"{commitment.policy_id} {commitment.policy_version}（数据库中保存的版本）")


_PARSED: dict[str, Policy] = {}


def _cached_parse(text: str, source: str) -> Policy:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if digest not in _PARSED:
        _PARSED[digest] = parse_policy(text, source)
    return _PARSED[digest]


def keep_policy_text(store: Store, policy: Policy) -> None:
    """Keep the text of a version a letter was issued under, so its due stays computable without the file."""
    if store.read_only or store.ledger.policy_text(policy.hash) is not None:
        return
    text = policy.text
    if not text and policy.path:
        try:
            text = Path(policy.path).read_bytes().decode("utf-8-sig")
        except (OSError, UnicodeDecodeError):
            return
    if text and hashlib.sha256(text.encode("utf-8")).hexdigest() == policy.hash:  # still that version
        store.ledger.keep_policy(policy.hash, policy.id, policy.version, text)


def letter_variant(
    variants: Sequence[Variant], commitment: Commitment
) -> tuple[Variant, tuple[str, str] | None]:
    """What the county committed to beyond the plan: the letter's variant's negotiated parameters and grade.

    Plans (revenue factor, revenue, site, area) are replaced by actuals, so only those two carry over. Letters
    freeze them (`Commitment.assumptions`); for a letter issued before they were frozen, the firm record's
    variant of that name is read, and a variant no longer there is read as the base plan — the ledger says so.
    """
    name = commitment.variant
    frozen = commitment.assumptions
    if frozen is not None:
        overrides = frozen.get("param_overrides") or {}
        return Variant(
            name=name,
            label=str(frozen.get("label") or name),
            grade=str(frozen.get("grade") or "") or None,
            param_overrides={str(k): str(v) for k, v in dict(overrides).items()},
        ), None
    if not name or name == BASE:
        return Variant(), None
    for v in variants:
        if v.name == name:
            return Variant(
                name=v.name, label=v.label, grade=v.grade, param_overrides=dict(v.param_overrides)
            ), None
    return Variant(), (
        f"告知函依据的测算方案“{name}”已不在企业档案中，按基本方案计算",
        f"The letter's variant “{name}” is no longer on the firm record; computed as the base plan",
    )


def load_actuals(store: Store, firm_id: str) -> dict[int, YearActuals]:
    out: dict[int, YearActuals] = {}
    for year, data in store.ledger.actuals(firm_id).items():
        actual, problems = year_actuals_from_dict(data, year)
        if actual is None:
            raise DomainError(
                f"数据库中{year}年实绩无法读取：{problems[0].zh if problems else ''}",
                f"The stored actuals of {year} cannot be read: {problems[0].en if problems else ''}",
            )
        out[year] = actual
    return out


def load_claims(store: Store, firm_id: str) -> list[Claim]:
    rows = store.ledger.claims(firm_id)
    events = store.ledger.events([r["id"] for r in rows])
    out = []
    for r in rows:
        terms = terms_from_json(r["terms_json"])
        steps = [step_from_dict(e) for e in events[r["id"]]]
        out.append(replay(r["id"], r["firm_id"], r["item_id"], int(r["year"]), terms, steps))
    return out


def terms_to_json(terms: Terms) -> str:
    return json.dumps(
        {
            "notice_working_days": terms.notice_working_days,
            "pay_within_working_days": terms.pay_within_working_days,
            "tranche_above": terms.tranche_above,
            "first_tranche_min": str(terms.first_tranche_min),
            "holdback": str(terms.holdback),
        },
        sort_keys=True,
    )


def terms_from_json(text: str) -> Terms:
    from decimal import Decimal

    d = json.loads(text)
    return Terms(
        int(d["notice_working_days"]),
        int(d["pay_within_working_days"]),
        int(d["tranche_above"]),
        Decimal(d["first_tranche_min"]),
        Decimal(d["holdback"]),
    )


@dataclass(frozen=True)
class LedgerInputs:
    """Everything one firm's ledger is computed from (read once, used by the view and by the writes)."""

    firm: Firm
    variants: tuple[Variant, ...]
    commitment: Commitment
    letter_id: str
    policy: Policy
    actuals: dict[int, YearActuals]
    claims: list[Claim]
    variant: Variant
    variant_note: tuple[str, str] | None


def ledger_inputs(
    store: Store, firm: Firm, variants: tuple[Variant, ...], policies: Sequence[Policy] = ()
) -> LedgerInputs:
    commitment, letter_id = commitment_of(store, firm)
    policy = pinned_policy(store, commitment, policies)
    variant, note = letter_variant(variants, commitment)
    return LedgerInputs(
        firm, variants, commitment, letter_id, policy, load_actuals(store, firm.id), load_claims(store, firm.id),
        variant, note,
    )  # fmt: skip


def due_of(inputs: LedgerInputs) -> Due:
    paid = paid_by_item_year(inputs.claims)
    return compute_due(inputs.commitment, inputs.actuals, inputs.policy, paid, inputs.variant, inputs.firm)


def firm_ledger(
    store: Store, ref: str, policies: Sequence[Policy] = (), in_force: Policy | None = None
) -> FirmLedger:
    """One firm's ledger, by id, credit code or name fragment."""
    firm, variants = resolve_firm(store, ref)
    return ledger_of(ledger_inputs(store, firm, variants, policies), in_force)


def ledger_of(inputs: LedgerInputs, in_force: Policy | None = None) -> FirmLedger:
    ledger = build_ledger(
        inputs.commitment,
        inputs.actuals,
        due_of(inputs),
        inputs.claims,
        inputs.policy,
        inputs.firm.name,
        inputs.firm.uscc,
        in_force,
    )
    if inputs.variant_note is None:
        return ledger
    from dataclasses import replace

    return replace(
        ledger,
        notes_zh=(*ledger.notes_zh, inputs.variant_note[0]),
        notes_en=(*ledger.notes_en, inputs.variant_note[1]),
    )
