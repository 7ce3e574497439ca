"""What the 兑现台账 screen's tables and detail pane say: the ledger's numbers written through money_format and
its words picked in the user's language. Every figure comes from the domain (year subtotals from
`FirmLedger.by_year`, the total from `totals`); nothing is added up here."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from qt_app.domain.ledger.claims import ClaimState
from qt_app.domain.ledger.due import REPORTED
from qt_app.domain.ledger.statement import COLUMNS, FirmLedger, LedgerRow
from qt_app.domain.money_format import money
from qt_app.domain.policy import STATUS_LABELS as VALUE_STATUS
from qt_app.domain.wording import date_words
from qt_app.services.ledger_screen import HistoryLine, LedgerScreen, figure_value
from qt_app.ui.ledger.models import TextRow
from qt_app.ui.widgets.words import clause_text


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files a bare tr() under the empty context


def pick(zh: str, en: str, lang: str) -> str:
    return en if lang == "en" else zh


def row_headers() -> list[str]:
    return [
        tr("年度"),
        tr("事项"),
        tr("承诺"),
        tr("应兑现"),
        tr("已拨付"),
        tr("暂缓"),
        tr("已追回"),
        tr("说明"),
    ]


def _amount(fen: int, lang: str) -> str:
    return money(fen, lang) if fen else "—"


def ledger_rows(ledger: FirmLedger, lang: str) -> list[TextRow]:
    """Item × year with the five columns and the words; a subtotal after each year and the total last.

    A year not yet reported shows "—" as due (nothing is due yet; the words say so); a reported year whose due
    is below the promise shows it in red."""
    out: list[TextRow] = []
    sums = ledger.by_year()
    years = sorted({r.year for r in ledger.rows})
    for year in years:
        for r in (r for r in ledger.rows if r.year == year):
            words = "；".join(
                x
                for x in (
                    pick(r.difference_zh, r.difference_en, lang),
                    pick(r.payment_zh, r.payment_en, lang),
                )
                if x
            )
            reported = r.due_state == REPORTED
            due = money(r.due, lang) if reported else "—"
            cells = (str(year), pick(r.name_zh, r.name_en, lang), _amount(r.promised, lang), due,
                     _amount(r.paid, lang), _amount(r.held, lang), _amount(r.recovered, lang), words)  # fmt: skip
            less = frozenset({3}) if reported and r.due < r.promised else frozenset()
            out.append(TextRow(cells, ("row", r.item_id, year), tips=("", "", "", "", "", "", "", words), less=less,
                               attention=r.held > 0))  # fmt: skip
        total = sums[year]
        label = tr("{year}年合计").format(year=year)
        out.append(
            TextRow(
                ("", label, *(money(total[c], lang) for c, _, _ in COLUMNS), ""), ("year", year), total=True
            )
        )
    totals = ledger.totals()
    out.append(
        TextRow(
            ("", tr("合计"), *(money(totals[c], lang) for c, _, _ in COLUMNS), ""), ("total",), total=True
        )
    )
    return out


def row_detail(ledger: FirmLedger, r: LedgerRow, lang: str) -> str:
    """The row in words: the five amounts, why due differs from promised, what the payment waits for, and
    the due amount clause by clause with the parameters each line read."""
    h = escape
    colon, sep = (": ", "; ") if lang == "en" else ("：", "；")
    labels = {"diff": tr("差异说明"), "pay": tr("兑现情况"), "basis": tr("应兑现依据（逐条）")}
    parts = [f"<h3>{h(str(r.year))} · {h(pick(r.name_zh, r.name_en, lang))}</h3>"]
    amounts = " · ".join(
        f"{h(pick(zh, en, lang))} <b>{h(money(r.amount(c), lang))}</b>" for c, zh, en in COLUMNS
    )
    parts.append(f"<p>{amounts}</p>")
    diff = pick(r.difference_zh, r.difference_en, lang)
    if diff:
        parts.append(f"<p><b>{h(labels['diff'])}</b>{colon}{h(diff)}</p>")
    pay = pick(r.payment_zh, r.payment_en, lang)
    if pay:
        parts.append(f"<p><b>{h(labels['pay'])}</b>{colon}{h(pay)}</p>")
    cell = ledger.due.cells.get((r.item_id, r.year))
    if cell is not None and (cell.words_zh or cell.words_en):
        parts.append(f"<p>{h(pick(cell.words_zh, cell.words_en, lang))}</p>")
    lines = [ln for ln in r.due_lines if ln.amount > 0 or ln.explanation_zh]
    if lines:
        parts.append(f"<p><b>{h(labels['basis'])}</b></p><ul>")
        for ln in lines:
            clause = clause_text(ln.clause, lang)
            words = pick(ln.explanation_zh, ln.explanation_en or ln.explanation_zh, lang)
            parts.append(f"<li><b>{h(clause)}</b> {h(money(ln.amount, lang))}{colon}{h(words)}")
            params = []
            for p in ln.params:
                status = VALUE_STATUS.get(p.status, (p.status, p.status))
                label = pick(p.label_zh, p.label_en or p.label_zh, lang)
                value = pick(p.display, p.display_en or p.display, lang)
                params.append(f"{h(label)} {h(value)} [{h(pick(*status, lang))}]")
            if params:
                parts.append("<br/><small>" + sep.join(params) + "</small>")
            parts.append("</li>")
        parts.append("</ul>")
    return "".join(parts)


def evidence_headers() -> list[str]:
    return [tr("年度"), tr("项目"), tr("实绩"), tr("证明材料"), tr("文号或编号"), tr("日期"), tr("扫描件")]


def evidence_rows(screen: LedgerScreen, lang: str) -> list[TextRow]:
    out: list[TextRow] = []
    for e in screen.evidence:
        actual = screen.actuals.get(e.year)
        value = figure_value(actual, e.figure, screen.sites, lang) if actual is not None else ""
        if e.present:
            scan = e.file_name or e.sha256[:12]
        elif e.sha256:
            scan = tr("缺失（数据文件夹中没有）")
        else:
            scan = tr("未附")
        cells = (str(e.year), e.figure_words(lang), value, e.type_words(lang), e.number, e.doc_date, scan)
        out.append(TextRow(cells, ("evidence", e.year, e.sha256), attention=not e.present,
                           tips=("", "", value, "", "", "", e.sha256)))  # fmt: skip
    return out


def claim_headers() -> list[str]:
    return [
        tr("年度"),
        tr("事项"),
        tr("状态"),
        tr("申报"),
        tr("核定"),
        tr("已拨付"),
        tr("暂缓"),
        tr("申报日期"),
    ]


def claim_rows(ledger: FirmLedger, lang: str) -> list[TextRow]:
    names = {r.item_id: pick(r.name_zh, r.name_en, lang) for r in ledger.rows}
    out = []
    for c in ledger.claims:
        state = c.label(lang)
        if c.open_objections:
            state += tr("（有异议）")
        cells = (
            str(c.year), names.get(c.item_id, c.item_id), state, money(c.requested, lang), _amount(c.approved, lang),
            _amount(c.paid, lang), _amount(c.held, lang), date_words(c.applied_on, lang),
        )  # fmt: skip
        attention = c.state is ClaimState.HELD or c.open_objections > 0
        out.append(TextRow(cells, ("claim", c.id), attention=attention))
    return out


def history_headers() -> list[str]:
    return [tr("日期"), tr("环节"), tr("内容"), tr("经办人")]


def history_rows(history: tuple[HistoryLine, ...], lang: str) -> list[TextRow]:
    return [
        TextRow(
            (date_words(h.on, lang), h.label(lang), h.words(lang), h.who),
            ("step", n),
            tips=("", "", h.words(lang), h.at),
        )
        for n, h in enumerate(history)
    ]


def deadline_text(ledger: FirmLedger, lang: str, limit: int = 3) -> tuple[str, str]:
    """The nearest deadlines on one line, and all of them for the tooltip."""
    items = [f"{date_words(d.on, lang)} {pick(d.zh, d.en, lang)}" for d in ledger.deadlines]
    if not items:
        return "", ""
    head = tr("期限：") + ("; " if lang == "en" else "；").join(items[:limit])
    if len(items) > limit:
        head += tr("（另{n}项）").format(n=len(items) - limit)
    return head, "\n".join(items)
