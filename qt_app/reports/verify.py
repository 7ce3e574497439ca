"""Offline verification of a letter (核验): from the QR text, or from the PDF file itself.

A PDF check goes in layers:
1. the payload (Keywords) carries a valid Ed25519 signature from a known key;
2. the embedded snapshot (attachment `letter-snapshot.json`) hashes to the signed content hash, and
   agrees with the payload (letter id, 文号, firm code, total, policy version);
3. the visible page text (decoded from the content streams through the fonts' ToUnicode maps) shows the
   signed facts: letter id, 文号, firm name and code, every Schedule A amount, the total in figures and
   in capitals;
4. when the file says it was made by this app version, the letter is re-rendered from the snapshot and
   every stream (page content, fonts, QR) must match: any edit to what is printed is caught, including an
   overlay or a swapped glyph that leaves the facts of step 3 in place.
Letters made by another app version get steps 1–3 only (their layout is not reproducible here).
The register check (known to this office's register or not) is added by the letters service.
"""

from __future__ import annotations

import json
import re
import zlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from qt_app import __version__
from qt_app.domain.errors import DomainError
from qt_app.domain.money import capitals, format_yuan
from qt_app.reports import pdf_read
from qt_app.reports.letter_pdf import ATTACHMENT_NAME, render_pdf
from qt_app.reports.signing import (
    IMPORTED,
    OWN,
    UNKNOWN,
    KeyRing,
    check_signature,
    parse_payload,
    pretty_fingerprint,
)
from qt_app.reports.snapshot import content_hash, date_en, date_zh

Msg = tuple[str, str]

REGISTER_NOT_CHECKED = "not_checked"
REGISTER_KNOWN = "known"
REGISTER_UNKNOWN = "unknown"
REGISTER_MISMATCH = "mismatch"


@dataclass
class Verdict:
    """What a verification found; each finding exists in zh and en."""

    source: str  # "pdf" | "qr"
    payload: dict[str, Any] = field(default_factory=dict)
    readable: bool = False  # an Offer Desk payload was found and parsed
    signature_valid: bool = False
    signer: str = UNKNOWN  # own | imported | unknown
    signer_fingerprint: str = ""
    register: str = REGISTER_NOT_CHECKED
    register_status: str = ""
    register_status_label: tuple[str, str] = ("", "")  # (zh, en) as the register names the status
    snapshot_ok: bool | None = None  # PDF only: embedded snapshot hashes to the signed hash and agrees
    visible_match: bool | None = None  # PDF only: visible text shows the signed facts
    exact_match: bool | None = None  # PDF only, same app version: re-rendered streams identical
    missing: list[str] = field(default_factory=list)  # signed facts not found on the page
    valid_until: str = ""  # PDF only: the letter's last valid day (ISO), from the snapshot
    problems: list[Msg] = field(default_factory=list)

    @property
    def draft(self) -> bool:
        return bool(self.payload.get("d"))

    @property
    def ok(self) -> bool:
        """Genuine, unaltered and not voided in this register (an unregistered letter can still pass)."""
        return (
            self.readable
            and self.register_status != "voided"
            and self.signature_valid
            and self.snapshot_ok is not False
            and self.visible_match is not False
            and self.exact_match is not False
            and self.register != REGISTER_MISMATCH
        )

    def lines(self, lang: str = "zh") -> list[str]:
        zh = lang != "en"
        out: list[str] = []

        def say(z: str, e: str) -> None:
            out.append(z if zh else e)

        if not self.readable:
            say("未找到本软件出具的验证信息。", "No Offer Desk verification data found.")
        else:
            p = self.payload
            say(
                f"函件：{p.get('i', '')}  文号：{p.get('n') or '（草稿，未编号）'}  企业代码：{p.get('c', '')}  "
                f"合计：{format_yuan(int(p.get('t', 0)))}  政策版本：{p.get('v', '')}",
                f"Letter: {p.get('i', '')}  No.: {p.get('n') or '(draft, unnumbered)'}  Firm code: {p.get('c', '')}  "
                f"Total: {format_yuan(int(p.get('t', 0)))}  Policy version: {p.get('v', '')}",
            )
            fp = pretty_fingerprint(self.signer_fingerprint)
            who_zh = {OWN: "本机密钥", IMPORTED: "已导入的其他单位公钥", UNKNOWN: "未知密钥"}[self.signer]
            who_en = {OWN: "this installation's key", IMPORTED: "an imported key", UNKNOWN: "an unknown key"}[
                self.signer
            ]
            if self.signature_valid:
                say(f"签名：有效（{who_zh} {fp}）", f"Signature: valid ({who_en} {fp})")
            elif self.signer == UNKNOWN:
                say(
                    f"签名：无法核验，签名密钥 {fp} 未导入本机",
                    f"Signature: cannot be checked; key {fp} has not been imported here",
                )
            else:
                say(
                    f"签名：无效（{who_zh} {fp}）——内容已被改动",
                    f"Signature: INVALID ({who_en} {fp}) — altered",
                )
            if self.draft:
                say("注意：这是草稿，未正式出具。", "Note: this is a draft, not an issued letter.")
        label_zh = self.register_status_label[0] or self.register_status
        label_en = self.register_status_label[1] or self.register_status
        reg = {
            REGISTER_NOT_CHECKED: ("登记簿：未检查", "Register: not checked"),
            REGISTER_KNOWN: (f"登记簿：已登记（状态：{label_zh}）", f"Register: known (status: {label_en})"),
            REGISTER_UNKNOWN: ("登记簿：本机登记簿中没有此函", "Register: not in this office's register"),
            REGISTER_MISMATCH: ("登记簿：与登记记录不一致", "Register: does NOT match the register entry"),
        }[self.register]
        say(*reg)
        if self.register == REGISTER_KNOWN and self.register_status == "voided":
            say("注意：此函已作废。", "Note: this letter has been voided.")
        if self.valid_until and date.fromisoformat(self.valid_until) < date.today():
            until = date.fromisoformat(self.valid_until)
            say(
                f"注意：本函有效期至{date_zh(until)}，已过期。",
                f"Note: this letter was valid until {date_en(until)}.",
            )
        if self.snapshot_ok is not None:
            say(
                "内容快照：与签名一致" if self.snapshot_ok else "内容快照：与签名不一致",
                "Embedded snapshot: matches the signature"
                if self.snapshot_ok
                else "Embedded snapshot: MISMATCH",
            )
        if self.visible_match is not None:
            if self.visible_match:
                say(
                    "页面文字：金额、文号、企业与签名载荷一致", "Visible text: amounts, number and firm match"
                )
            else:
                miss = "、".join(self.missing)
                say(
                    f"页面文字：与签名载荷不一致（未找到：{miss}）",
                    f"Visible text: does NOT match (missing: {miss})",
                )
        if self.exact_match is not None:
            say(
                "版面：与按快照重新生成的版面完全一致"
                if self.exact_match
                else "版面：与重新生成的版面不一致，PDF 已被修改",
                "Layout: identical to a re-rendering of the snapshot"
                if self.exact_match
                else "Layout: differs from a re-rendering; the PDF was modified",
            )
        for z, e in self.problems:
            say(z, e)
        say("结论：通过" if self.ok else "结论：未通过", "Result: PASS" if self.ok else "Result: FAIL")
        return out


def verify_payload_text(text: str, keyring: KeyRing, source: str = "qr") -> Verdict:
    """Check the signature of a payload text (what the QR code carries)."""
    verdict = Verdict(source=source)
    try:
        payload = parse_payload(text)
    except DomainError as e:
        verdict.problems.append((e.zh, e.en))
        return verdict
    verdict.readable = True
    verdict.payload = payload.fields
    fp = str(payload.fields.get("k", ""))
    verdict.signer_fingerprint = fp
    verdict.signer, key = keyring.lookup(fp)
    verdict.signature_valid = key is not None and check_signature(payload, key)
    return verdict


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def expected_facts(snapshot: dict[str, Any]) -> list[str]:
    """Facts the printed page must show, as they are printed."""
    total = int(snapshot["package"]["total"])
    facts = [
        snapshot["letter_id"],
        snapshot["firm"]["name"],
        snapshot["firm"]["uscc"],
        format_yuan(total),
        "人民币" + capitals(total),
    ]
    if snapshot["doc_number"]:
        facts.append(snapshot["doc_number"])
    facts += [format_yuan(int(ln["amount"])) for ln in snapshot["package"]["lines"]]
    return list(dict.fromkeys(facts))


def _structure(data: bytes) -> tuple[dict[int, tuple[bytes, bytes]], bytes]:
    """Every object's dictionary and decoded stream, plus the xref table and trailer: what a viewer draws from.

    Comparing streams alone let edits to page dictionaries (/MediaBox, /Rotate) or font widths through.
    """
    pdf = pdf_read.read_pdf(data)
    objects = {}
    for num, obj in pdf.objects.items():
        try:
            body = obj.stream()
        except (pdf_read.PdfReadError, zlib.error, ValueError):
            body = b"<undecodable>" + (obj.raw or b"")
        objects[num] = (obj.head, body)
    at = data.rfind(b"\nxref")
    tail = data[at : data.rfind(b"%%EOF")] if at >= 0 else b""
    return objects, tail


def verify_pdf_bytes(data: bytes, keyring: KeyRing) -> Verdict:
    """Verify a letter PDF without the register (the service adds that)."""
    try:
        pdf = pdf_read.read_pdf(data)
    except pdf_read.PdfReadError:
        v = Verdict(source="pdf")
        v.problems.append(("文件不是有效的 PDF", "The file is not a readable PDF"))
        return v
    text = pdf_read.info_value(pdf, "Keywords") or ""
    verdict = verify_payload_text(text, keyring, source="pdf")
    verdict.source = "pdf"
    if not verdict.readable:
        return verdict
    p = verdict.payload
    snapshot: dict[str, Any] | None = None
    try:
        raw = pdf_read.embedded_file(pdf, ATTACHMENT_NAME)
        if raw is not None:
            snapshot = json.loads(raw.decode("utf-8"))
    except (pdf_read.PdfReadError, zlib.error, ValueError):
        snapshot = None
    if not isinstance(snapshot, dict):
        verdict.snapshot_ok = False
        verdict.problems.append(("PDF 中缺少内容快照或已损坏", "The embedded snapshot is missing or damaged"))
        return verdict
    agrees = (
        content_hash(snapshot) == p.get("h")
        and snapshot.get("letter_id") == p.get("i")
        and snapshot.get("doc_number") == p.get("n")
        and snapshot.get("firm", {}).get("uscc") == p.get("c")
        and snapshot.get("package", {}).get("total") == p.get("t")
        and snapshot.get("policy", {}).get("version") == p.get("v")
    )
    verdict.snapshot_ok = agrees
    if not agrees:
        return verdict
    verdict.valid_until = str(snapshot.get("valid_until") or "")
    try:
        pages = pdf_read.visible_text(pdf)
    except (pdf_read.PdfReadError, zlib.error, ValueError, IndexError):
        verdict.visible_match = False
        verdict.missing = ["（页面内容无法读取）"]
        return verdict
    seen = _squash("".join(pages))
    verdict.missing = [f for f in expected_facts(snapshot) if _squash(f) not in seen]
    verdict.visible_match = not verdict.missing
    if snapshot.get("app_version") == __version__:
        again = render_pdf(snapshot, text.strip(), str(p["h"]), str(p.get("k", "")))
        verdict.exact_match = again == data or _structure(again) == _structure(data)
    return verdict
