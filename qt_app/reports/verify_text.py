"""What a verification says, line by line, in Chinese or English (the CLI prints these; the dialog has its own)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from qt_app.domain.money_format import figure
from qt_app.reports.official.payload import KIND_LABELS, KIND_REVIEW, KIND_STATEMENT
from qt_app.reports.official.text import date_en, date_zh
from qt_app.reports.signing import IMPORTED, OWN, UNKNOWN, pretty_fingerprint

if TYPE_CHECKING:
    from qt_app.reports.verify import Verdict

# What a ledger paper's two signed amounts are.
LEDGER_AMOUNTS = {
    KIND_REVIEW: (("核定金额", "Approved"), ("已拨付", "Paid")),
    KIND_STATEMENT: (("应兑现合计", "Due in all"), ("已拨付合计", "Paid in all")),
}

RESULTS = {
    "pass": ("结论：通过", "Result: PASS"),
    "legacy_pass": (
        "结论：通过（旧版函件：已核对签名、文号、企业、金额和全部条款文字；版面未比对）",
        "Result: PASS (first-format letter: signature, number, firm, amounts and all wording checked; layout not compared)",
    ),
    "resaved": (
        "结论：内容一致，文件已被另存——页面文字和金额与签名一致，但这不是本软件保存的原文件，页面的图形与版式未经核对",
        "Result: CONTENT MATCHES, FILE RE-SAVED — every page's text and amounts are as signed, but the file was "
        "rewritten by another program; graphics and layout were not compared",
    ),
    "draft": (
        "结论：草稿——内容与签名一致，但这是未出具的草稿，不具有告知效力",
        "Result: DRAFT — unaltered, but a draft that was never issued",
    ),
    "unknown_key": (
        "结论：无法核验——签名密钥未导入本机",
        "Result: CANNOT CHECK — the signing key has not been imported here",
    ),
    "failed": ("结论：未通过", "Result: FAIL"),
    "not_a_letter": (
        "结论：不是本软件出具的函件，或验证信息已丢失",
        "Result: NOT AN OFFER DESK LETTER, or its verification data is gone",
    ),
}


def verdict_lines(v: Verdict, lang: str = "zh") -> list[str]:
    zh = lang != "en"
    out: list[str] = []

    def say(z: str, e: str) -> None:
        out.append(z if zh else e)

    if not v.readable:
        say("未找到本软件出具的验证信息。", "No Offer Desk verification data found.")
    else:
        p = v.payload
        code = int(p.get("x", 1) or 1)
        kind = KIND_LABELS.get(code, ("函件", "letter"))
        if code in LEDGER_AMOUNTS:  # a ledger paper: its own two amounts, and the letter it rests on
            (t_zh, t_en), (m_zh, m_en) = LEDGER_AMOUNTS[code]
            say(
                f"{kind[0]}：{p.get('i', '')}  告知函文号：{p.get('n') or '—'}  企业代码：{p.get('c', '')}  "
                f"{t_zh}：{figure(int(p.get('t', 0)))}  {m_zh}：{figure(int(p.get('m', 0)))}  政策版本：{p.get('v', '')}",
                f"{kind[1].capitalize()}: {p.get('i', '')}  Letter No.: {p.get('n') or '—'}  Firm code: {p.get('c', '')}  "
                f"{t_en}: {figure(int(p.get('t', 0)))}  {m_en}: {figure(int(p.get('m', 0)))}  Policy version: {p.get('v', '')}",
            )
        else:
            cash = f"  其中资金：{figure(int(p['m']))}" if "m" in p else ""
            cash_en = f"  of which cash: {figure(int(p['m']))}" if "m" in p else ""
            say(
                f"{kind[0]}：{p.get('i', '')}  文号：{p.get('n') or '（草稿，未编号）'}  企业代码：{p.get('c', '')}  "
                f"总价值：{figure(int(p.get('t', 0)))}{cash}  政策版本：{p.get('v', '')}",
                f"{kind[1].capitalize()}: {p.get('i', '')}  No.: {p.get('n') or '(draft, unnumbered)'}  "
                f"Firm code: {p.get('c', '')}  Total value: {figure(int(p.get('t', 0)))}{cash_en}  "
                f"Policy version: {p.get('v', '')}",
            )
        if p.get("e"):
            day = date.fromisoformat(str(p["e"]))
            dated = (
                ("打印日期", "Printed")
                if code == KIND_REVIEW
                else ("对账日期", "As of")
                if code == KIND_STATEMENT
                else ("成文日期", "Dated")
            )
            say(f"{dated[0]}：{date_zh(day)}", f"{dated[1]}: {date_en(day)}")
        fp = pretty_fingerprint(v.signer_fingerprint)
        who_zh = {OWN: "本机密钥", IMPORTED: "已导入的其他单位公钥", UNKNOWN: "未知密钥"}[v.signer]
        who_en = {OWN: "this installation's key", IMPORTED: "an imported key", UNKNOWN: "an unknown key"}[
            v.signer
        ]
        if v.signature_valid:
            say(f"签名：有效（{who_zh} {fp}）", f"Signature: valid ({who_en} {fp})")
        elif v.signer == UNKNOWN:
            say(
                f"签名：无法核验，签名密钥 {fp} 未导入本机",
                f"Signature: cannot be checked; key {fp} has not been imported here",
            )
        else:
            say(f"签名：无效（{who_zh} {fp}）——内容已被改动", f"Signature: INVALID ({who_en} {fp}) — altered")
        if v.draft and code == KIND_REVIEW:
            say("注意：这是草稿，该申请尚未审核。", "Note: this is a draft; the claim has not been reviewed.")
        elif v.draft:
            say("注意：这是草稿，未正式出具。", "Note: this is a draft, not an issued letter.")
        where = {
            "metadata": ("验证信息：取自文件元数据", "Verification data: from the file's metadata"),
            "qr-drawing": (
                "验证信息：取自页面上的二维码",
                "Verification data: read from the QR code on the page",
            ),
            "qr-text": ("验证信息：取自输入的二维码内容", "Verification data: from the QR text given"),
        }.get(v.payload_from)
        if where:
            say(*where)
    _register(v, say)
    if v.valid_until and date.fromisoformat(v.valid_until) < date.today():
        until = date.fromisoformat(v.valid_until)
        say(
            f"注意：本函有效期至{date_zh(until)}，已过期。",
            f"Note: this letter was valid until {date_en(until)}.",
        )
    _content(v, say)
    for z, e in v.problems:
        say(z, e)
    result = RESULTS[v.outcome.value]
    if v.outcome.value == "draft" and v.readable and int(v.payload.get("x", 1) or 1) == KIND_REVIEW:
        result = (
            "结论：草稿——内容与签名一致，但该申请打印时尚未审核，本表不作为审核结论",
            "Result: DRAFT — unaltered, but printed before the claim was reviewed; not a review record",
        )
    say(*result)
    return out


def _register(v: Verdict, say: object) -> None:
    from qt_app.reports.verify import (
        REGISTER_KNOWN,
        REGISTER_MISMATCH,
        REGISTER_NOT_CHECKED,
        REGISTER_UNKNOWN,
    )

    label_zh = v.register_status_label[0] or v.register_status
    label_en = v.register_status_label[1] or v.register_status
    if int(v.payload.get("x", 1) or 1) in LEDGER_AMOUNTS:
        ledger = {
            REGISTER_NOT_CHECKED: ("兑现台账：未检查", "Ledger: not checked"),
            REGISTER_KNOWN: (
                f"兑现台账：在册（申请状态：{label_zh}）" if label_zh else "兑现台账：在册",
                f"Ledger: known (claim {label_en})" if label_en else "Ledger: known",
            ),
            REGISTER_UNKNOWN: ("兑现台账：本机台账中没有此记录", "Ledger: not in this office's ledger"),
            REGISTER_MISMATCH: (
                "兑现台账：与台账记录不一致（企业代码不符）",
                "Ledger: does NOT match this office's ledger (firm code differs)",
            ),
        }[v.register]
        say(*ledger)  # type: ignore[operator]
        return
    reg = {
        REGISTER_NOT_CHECKED: ("登记簿：未检查", "Register: not checked"),
        REGISTER_KNOWN: (f"登记簿：已登记（状态：{label_zh}）", f"Register: known (status: {label_en})"),
        REGISTER_UNKNOWN: ("登记簿：本机登记簿中没有此函", "Register: not in this office's register"),
        REGISTER_MISMATCH: ("登记簿：与登记记录不一致", "Register: does NOT match the register entry"),
    }[v.register]
    say(*reg)  # type: ignore[operator]
    if v.register == REGISTER_KNOWN and v.register_status == "voided":
        say("注意：此函已作废。", "Note: this letter has been voided.")  # type: ignore[operator]


def _content(v: Verdict, say: object) -> None:
    s = say  # type: ignore[assignment]
    if v.snapshot_ok is not None:
        s(  # type: ignore[operator]
            "内容快照：与签名一致" if v.snapshot_ok else "内容快照：与签名不一致",
            "Embedded snapshot: matches the signature" if v.snapshot_ok else "Embedded snapshot: MISMATCH",
        )
    if v.visible_match is not None:
        if v.visible_match and v.legacy:
            s(
                "页面文字：签名中的事实和全部条款文字均在页面上",
                "Visible text: every signed fact and all wording is on the page",
            )  # type: ignore[operator]
            s(
                "版面：未比对（旧版格式的函件没有签名的页面摘要）",
                "Layout: not compared (first-format letters carry no signed page digest)",
            )  # type: ignore[operator]
        elif v.visible_match:
            s("页面内容：每一页的文字和金额与签名一致", "Pages: every page's text and amounts are as signed")  # type: ignore[operator]
        else:
            pages = "、".join(str(n) for n in v.pages_changed)
            miss = "、".join(m if len(m) <= 30 else m[:30] + "…" for m in v.missing)
            detail_zh = (f"（第 {pages} 页）" if pages else "") + (f"；未找到：{miss}" if miss else "")
            detail_en = (f" (page {pages})" if pages else "") + (f"; missing: {miss}" if miss else "")
            s(
                f"页面内容：与签名不一致，函件已被修改{detail_zh}",
                f"Pages: NOT as signed, the letter was altered{detail_en}",
            )  # type: ignore[operator]
    if v.file_original is False:
        why_zh = "；".join(z for z, _e in v.resave_signs)
        why_en = "; ".join(e for _z, e in v.resave_signs)
        s(f"文件：已被其他程序另存（{why_zh}）", f"File: re-saved by another program ({why_en})")  # type: ignore[operator]
    if v.exact_match:
        s("文件：与出具时逐字节一致（文件签名有效）", "File: byte for byte as issued (file seal valid)")  # type: ignore[operator]
