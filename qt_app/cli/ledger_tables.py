"""One firm's ledger as a plain-text table (`ledger show`): promised, due, paid, held, recovered, with words."""

from __future__ import annotations

from qt_app.cli.tables import pad, width
from qt_app.domain.ledger.statement import COLUMNS, FirmLedger
from qt_app.domain.money_format import money
from qt_app.domain.policy import STATUS_LABELS as VALUE_STATUS


def render_ledger(ledger: FirmLedger, lang: str = "zh") -> str:
    en = lang == "en"
    c = ledger.commitment
    issued = c.issued_on.isoformat() if c.issued_on else "—"
    out = [
        f"{ledger.firm_name} ({ledger.uscc}) — letter {c.doc_number} ({c.status}, {issued}) — policy "
        f"{ledger.due.policy_id} {ledger.due.policy_version}"
        if en
        else f"{ledger.firm_name}（{ledger.uscc}）— 告知函 {c.doc_number}（{_status(c.status)}，{issued}）— 政策 "
        f"{ledger.due.policy_id} {ledger.due.policy_version}"
    ]
    reported = "、".join(str(y) for y in ledger.due.reported_years) or ("none" if en else "无")
    out.append(f"Actuals reported: {reported}" if en else f"已报送实绩年度：{reported}")
    titles = [
        "Year" if en else "年度",
        "Item" if en else "事项",
        *(e if en else z for _, z, e in COLUMNS),
        "Why" if en else "说明",
    ]
    rows = []
    for r in ledger.rows:
        words = (
            "; ".join(x for x in (r.difference_en, r.payment_en) if x)
            if en
            else "；".join(x for x in (r.difference_zh, r.payment_zh) if x)
        )
        rows.append(
            [
                str(r.year),
                r.name_en if en else r.name_zh,
                *(money(r.amount(k), lang) for k, _, _ in COLUMNS),
                words,
            ]
        )
    for year, sums in ledger.by_year().items():
        rows.append(
            [
                str(year),
                "Year total" if en else "年度合计",
                *(money(sums[k], lang) for k, _, _ in COLUMNS),
                "",
            ]
        )
    totals = ledger.totals()
    rows.append(["", "Total" if en else "合计", *(money(totals[k], lang) for k, _, _ in COLUMNS), ""])
    rows.sort(key=lambda row: (row[0] == "", row[0]))
    widths = [max(width(row[i]) for row in [titles, *rows]) for i in range(len(titles) - 1)]
    for row in [titles, *rows]:
        cells = [pad(cell, widths[i], 2 <= i < 2 + len(COLUMNS)) for i, cell in enumerate(row[:-1])]
        out.append("  ".join([*cells, row[-1]]).rstrip())
    lines = [(r, ln) for r in ledger.rows if r.due for ln in r.due_lines if ln.amount > 0]
    if lines:
        out.append("")
        out.append("Due, clause by clause:" if en else "应兑现逐条依据：")
        for r, ln in lines:
            words = ln.explanation_en if en else ln.explanation_zh
            clause = (ln.clause_en or ln.clause) if en else ln.clause
            out.append(f"  {r.year} {clause} {r.name_en if en else r.name_zh} {money(ln.amount, lang)}: {words}" if en
                       else f"  {r.year} {clause} {r.name_zh} {money(ln.amount, lang)}：{words}")  # fmt: skip
    if ledger.claims:
        out.append("")
        out.append("Claims:" if en else "兑现申请：")
        names = {r.item_id: (r.name_zh, r.name_en) for r in ledger.rows}
        for k in ledger.claims:
            tranches = ", ".join(
                f"{p.tranche}: {money(p.amount, lang)} {p.on} {p.order_number}" for p in k.payments
            )
            out.append(
                f"  {k.id} {k.year} {names.get(k.item_id, (k.item_id, k.item_id))[1]} — {k.label('en')}; applied {money(k.requested, lang)} on "
                f"{k.applied_on}, approved {money(k.approved, lang)}, paid {money(k.paid, lang)}"
                + (f" [{tranches}]" if tranches else "")
                if en
                else f"  {k.id} {k.year}年{names.get(k.item_id, (k.item_id, k.item_id))[0]} — {k.label()}；{k.applied_on}申报{money(k.requested, lang)}，"
                f"核定{money(k.approved, lang)}，已拨付{money(k.paid, lang)}"
                + (f"［{tranches}］" if tranches else "")
            )
    for due in ledger.recoveries_due:
        cond = due.condition
        status = VALUE_STATUS.get(cond.status, (cond.status, cond.status))[1 if en else 0]
        text = due.words_en if en else due.words_zh
        out.append(
            f"To recover ({cond.id} [{status}]): {text}; decided {money(due.decided, lang)}"
            if en
            else f"应追回（{cond.id}［{status}］）：{text}；已决定追回{money(due.decided, lang)}"
        )
    for d in ledger.deadlines:
        out.append(f"{d.on}  {d.en if en else d.zh}")
    for note in ledger.notes_en if en else ledger.notes_zh:
        out.append(("Note: " if en else "提示：") + note)
    return "\n".join(out)


def _status(status: str) -> str:
    return {"issued": "已出具", "accepted": "已接受"}.get(status, status)
