"""The ledger's papers: the 兑现审核表 of one claim and the per-firm 对账单, as signed, sealed PDFs.

Each is built from a snapshot of plain data (every figure and sentence the page prints, in Chinese), rendered
with the letter's document kit (`reports.ledger_doc`) and checked offline like a letter: `python -m qt_app
verify FILE.pdf` and the app's verify dialog recognise the document kind from its QR payload, check the
signature, the page digest, the embedded snapshot and the file seal, and — with a database — whether the claim
or firm is this office's. Nothing is stored: a paper is made afresh from the ledger whenever it is asked for.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from qt_app import __version__
from qt_app.domain.errors import DomainError
from qt_app.domain.ledger.actuals import DOC_TYPES, FIGURE_LABELS
from qt_app.domain.ledger.claims import Claim
from qt_app.domain.ledger.statement import COLUMNS, FirmLedger
from qt_app.domain.money_format import money_words
from qt_app.domain.policy import STATUS_LABELS, Policy
from qt_app.reports import ledger_doc
from qt_app.reports.official.text import date_zh
from qt_app.reports.signing import KeyRing
from qt_app.services.ledger_read import ledger_inputs, ledger_of, resolve_firm
from qt_app.services.ledger_screen import EvidenceLine, claim_history, evidence_lines, figure_value
from qt_app.services.letters import terms_from_store

if TYPE_CHECKING:
    from qt_app.reports.verify import Verdict
    from qt_app.store.store import Store


def _office(store: Store) -> dict[str, Any]:
    terms = terms_from_store(store)
    contact = terms.contact
    return {
        "office": terms.office,
        "office_en": terms.office_en,
        "contact": f"联系人：{contact.name}，电话：{contact.phone}" if contact.complete else "",
    }


def _base(
    document: str, doc_id: str, ledger: FirmLedger, policy: Policy, today: date, draft: bool
) -> dict[str, Any]:
    c = ledger.commitment
    return {
        "schema": 1,
        "document": document,
        "language": "zh",
        "doc_id": doc_id,
        "draft": draft,
        "issue_date": today.isoformat(),
        "issue_date_words": date_zh(today),
        "app_version": __version__,
        "firm": {"id": ledger.firm_id, "name": ledger.firm_name, "uscc": ledger.uscc},
        "letter": {
            "id": c.letter_id,
            "doc_number": c.doc_number,
            "status": {"issued": "已出具", "accepted": "已接受"}.get(c.status, c.status),
            "issued_on": date_zh(c.issued_on) if c.issued_on else "",
        },
        "policy": {
            "id": policy.id,
            "version": policy.version,
            "hash": policy.hash,
            "title": policy.title,
            "short_title": policy.short_title or policy.title,
        },
    }


def _documents(year: int, figure: str, evidence: Sequence[EvidenceLine]) -> list[str]:
    out = []
    for e in evidence:
        if (e.year, e.figure) != (year, figure):
            continue
        scan = f"，已附扫描件{e.file_name or e.sha256[:12]}" if e.sha256 else "，未附扫描件"
        out.append(f"{DOC_TYPES.get(e.doc_type, (e.doc_type,))[0]} {e.number}（{e.doc_date}）{scan}")
    return out


def _figure_name(figure: str) -> str:
    base, _, index = figure.partition("[")
    name = FIGURE_LABELS.get(base, (base, base))[0]
    return f"{name}{int(index.rstrip(']')) + 1}" if index else name


def sheet_snapshot(
    store: Store, claim_id: str, policies: Sequence[Policy] = (), today: date | None = None
) -> dict[str, Any]:
    """Everything the 兑现审核表 of one claim prints."""
    row = store.ledger.claim(claim_id)
    if row is None:
        raise DomainError(f"找不到兑现申请：{claim_id}", f"No such claim: {claim_id}")
    firm, variants = resolve_firm(store, str(row["firm_id"]))
    inputs = ledger_inputs(store, firm, variants, policies)
    ledger = ledger_of(inputs)
    claim = next(c for c in ledger.claims if c.id == claim_id)
    ledger_row = ledger.row(claim.item_id, claim.year)
    cell = ledger.due.cells.get((claim.item_id, claim.year))
    reviewed = any(st.kind == "review" for st in claim.steps)
    snap = _base(ledger_doc.REVIEW, claim.id, ledger, inputs.policy, today or date.today(), not reviewed)
    lines = ledger_row.due_lines if ledger_row is not None else ()
    clauses = list(dict.fromkeys(ln.clause for ln in lines if ln.amount > 0 and ln.clause))
    name = (
        ledger_row.name_zh
        if ledger_row
        else next((it.zh for it in inputs.policy.items if it.id == claim.item_id), claim.item_id)
    )
    evidence = evidence_lines(store, firm.id)
    actual = ledger.actuals.get(claim.year)
    sites = inputs.policy.sites
    deadline = [d for d in ledger.deadlines if d.claim_id == claim.id]
    snap.update(
        {
            **_office(store),
            "number_line": "",
            "item": {"id": claim.item_id, "name": name, "clause": "、".join(clauses)},
            "year": claim.year,
            "claim": _claim(claim),
            "actuals": [
                {
                    "figure": _figure_name(f),
                    "value": figure_value(actual, f, sites),
                    "documents": _documents(claim.year, f, evidence),
                }
                for f, _ev in actual.figures()
            ]
            if actual is not None
            else [],
            "due": {
                "amount": ledger_row.due if ledger_row else 0,
                "promised": ledger_row.promised if ledger_row else 0,
                "state_words": cell.words_zh if cell is not None else "",
                "difference": ledger_row.difference_zh if ledger_row else "",
                "payment": ledger_row.payment_zh if ledger_row else "",
                "lines": [
                    {
                        "clause": ln.clause,
                        "amount": ln.amount,
                        "explanation": ln.explanation_zh,
                        "params": [
                            f"{p.label_zh}：{p.display}"
                            + (
                                f"［{STATUS_LABELS.get(p.status, (p.status,))[0]}］"
                                if p.status != "seed"
                                else ""
                            )
                            for p in ln.params
                        ],
                    }
                    for ln in lines
                    if ln.amount > 0 or ln.explanation_zh
                ],
            },
            "steps": [
                {"label": h.label(), "on": date_zh(h.on), "words": h.zh, "who": h.who}
                for h in claim_history(store, claim)
            ],
            "tranches": [
                {
                    "n": p.tranche,
                    "on": date_zh(p.on),
                    "amount": p.amount,
                    "order": p.order_number,
                    "note": "；".join(
                        x
                        for x in (
                            "含验收后拨付的预留款" if p.holdback else "",
                            p.override_reason and f"超额理由：{p.override_reason}",
                        )
                        if x
                    ),
                }
                for p in claim.payments
            ],
            "deadline": "；".join(f"{date_zh(d.on)} {d.zh}" for d in deadline),
            "signed": {"total": claim.approved or claim.requested, "paid": claim.paid},
            "closing": (
                "本表供审核使用，审核意见及签字栏由经办、审核人员填写。"
                if not reviewed
                else "经审核，上述实绩及证明材料、应兑现金额测算和办理环节记录属实。"
            ),
        }
    )
    return snap


def _claim(c: Claim) -> dict[str, Any]:
    return {
        "state": c.label(),
        "applied_on": date_zh(c.applied_on),
        "requested": c.requested,
        "approved": c.approved,
        "paid": c.paid,
        "held": c.held,
        "hold_reason": c.hold_reason,
        "recovered": c.recovered,
        "repaid": c.repaid,
        "holdback": c.holdback_amount,
        "accepted_on": date_zh(c.accepted_on) if c.accepted_on else "",
        "overridden": c.overridden,
    }


def statement_snapshot(
    store: Store, firm_ref: str, policies: Sequence[Policy] = (), today: date | None = None
) -> dict[str, Any]:
    """Everything the firm's 对账单 prints."""
    firm, variants = resolve_firm(store, firm_ref)
    inputs = ledger_inputs(store, firm, variants, policies)
    ledger = ledger_of(inputs)
    day = today or date.today()
    snap = _base(ledger_doc.STATEMENT, firm.id, ledger, inputs.policy, day, False)
    office = _office(store)
    by_year: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for r in ledger.rows:
        by_year[r.year].append({"year": r.year, "name": r.name_zh, **{c: r.amount(c) for c, _, _ in COLUMNS}})
    sums = ledger.by_year()
    differences = []
    for r in ledger.rows:
        if r.difference_zh:
            differences.append(f"{r.name_zh}：{r.difference_zh}")
        if r.due > r.paid and r.payment_zh:
            differences.append(f"{r.year}年{r.name_zh}：{r.payment_zh}")
    names = {r.item_id: r.name_zh for r in ledger.rows}
    c = ledger.commitment
    pol = inputs.policy
    notes = [
        f"本对账单依据本中心兑现台账截至{date_zh(day)}的记录生成；已拨付金额以财政部门实际拨付为准。",
        f"应兑现金额按告知函（{c.doc_number}）依据的政策版本（{pol.version}）及贵单位报送并经核实的实绩逐条计算；"
        "未报送实绩的年度暂无应兑现金额。",
        "公示期、分期拨付比例、预留比例和追回条件等兑现细则参数部分为示例值，以县里正式发布的兑现细则为准。",
        "如有异议，请于收到本对账单之日起15日内与我中心联系"
        + (f"（{office['contact']}）" if office["contact"] else "")
        + "。",
        "本对账单可扫描二维码或使用“招商政策测算台”核验真伪；内容如被改动，核验不能通过。",
    ]
    snap.update(
        {
            **office,
            "number_line": f"对账日期：{date_zh(day)}",
            "opening": (
                f"根据本中心出具的告知函（{c.doc_number}）及贵单位报送的实绩，截至{date_zh(day)}，贵单位享受"
                f"《{pol.title}》（版本 {pol.version}）的承诺、应兑现、已拨付、暂缓及追回情况如下。"
            ),
            "years": [{"year": y, "rows": rows, "sums": sums[y]} for y, rows in sorted(by_year.items())],
            "totals": ledger.totals(),
            "differences": differences,
            "claims": [
                {
                    "year": k.year,
                    "name": names.get(k.item_id, k.item_id),
                    "state": k.label(),
                    "requested": k.requested,
                    "approved": k.approved,
                    "paid": k.paid,
                }
                for k in ledger.claims
            ],
            "deadlines": [f"{date_zh(d.on)}：{d.zh}" for d in ledger.deadlines],
            "recoveries": [
                f"{r.words_zh}；已决定追回{money_words(r.decided)}" for r in ledger.recoveries_due
            ],
            "notes": notes,
            "signed": {"total": ledger.totals()["due"], "paid": ledger.totals()["paid"]},
        }
    )
    return snap


def _seal(snap: dict[str, Any], keyring: KeyRing) -> bytes:
    from qt_app.reports import ledger_sheet, ledger_statement

    story = ledger_sheet.story if snap["document"] == ledger_doc.REVIEW else ledger_statement.story
    return ledger_doc.render(snap, story, keyring.fingerprint(), keyring.sign_message).pdf


def review_sheet_pdf(
    store: Store, claim_id: str, policies: Sequence[Policy] = (), today: date | None = None,
    keyring: KeyRing | None = None,
) -> bytes:  # fmt: skip
    """The 兑现审核表 of one claim, signed with this office's key (a claim not yet reviewed: a draft)."""
    return _seal(sheet_snapshot(store, claim_id, policies, today), keyring or KeyRing(store.folder))


def statement_pdf(
    store: Store, firm_ref: str, policies: Sequence[Policy] = (), today: date | None = None,
    keyring: KeyRing | None = None,
) -> bytes:  # fmt: skip
    """The firm's 对账单 as of `today`, signed with this office's key."""
    return _seal(statement_snapshot(store, firm_ref, policies, today), keyring or KeyRing(store.folder))


def check_register(verdict: Verdict, store: Store) -> Verdict:
    """A ledger paper against this office's ledger: the claim (or firm) it names, for the firm it names."""
    from qt_app.reports.verify import REGISTER_KNOWN, REGISTER_MISMATCH, REGISTER_UNKNOWN
    from qt_app.services.ledger_read import load_claims
    from qt_app.store.firms_repo import FirmNotFound

    p = verdict.payload
    doc_id, code = str(p.get("i", "")), str(p.get("c", ""))
    if int(p.get("x", 0)) == ledger_doc.KINDS[ledger_doc.REVIEW]:
        row = store.ledger.claim(doc_id)
        if row is None:
            verdict.register = REGISTER_UNKNOWN
            return verdict
        firm_id = str(row["firm_id"])
        claim = next((c for c in load_claims(store, firm_id) if c.id == doc_id), None)
        label = (claim.label(), claim.label("en")) if claim is not None else ("", "")
    else:
        firm_id, label = doc_id, ("", "")
    try:
        firm, _ = store.get_firm(firm_id)
    except (FirmNotFound, DomainError):
        verdict.register = REGISTER_UNKNOWN
        return verdict
    verdict.register = REGISTER_KNOWN if firm.uscc == code else REGISTER_MISMATCH
    verdict.register_status = "ledger"
    verdict.register_status_label = label
    return verdict


__all__ = ["check_register", "review_sheet_pdf", "sheet_snapshot", "statement_pdf", "statement_snapshot"]
