"""Offline verification of a letter (核验): from the PDF file, or from the text its QR code carries.

A letter's QR code (and the file's /Keywords) carries an OD2 payload signed by the issuing office: 文号,
firm code, totals, the snapshot's content hash and the digest of every page's visible text in a canonical
form that no app version's layout code takes part in (`official.digest`). A PDF check:

1. finds the payload in /Keywords, else decodes the QR code from the page drawing (a re-saved copy);
2. checks the signature with this installation's key or an imported one;
3. recomputes the pages' digest from the file and compares it with the signed one: any change of wording,
   amount, 文号 or name, on a letter made by any version, fails here;
4. checks the embedded snapshot against the signed content hash, when the file still has it;
5. checks the file seal, a second signature (in /Keywords) over every byte of the file as issued: with it
   the file is the original (通过); without it, but with every page as signed, the copy was re-saved or
   edited outside its text (内容一致，文件已被另存), which is said as such.

Outcomes and exit codes: see `Outcome`. Letters of the first format (ODL1) are checked as legacy letters:
signature, snapshot, and every signed fact and every paragraph of the wording on the page.
"""

from __future__ import annotations

import json
import re
import zlib
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from qt_app.domain.errors import DomainError
from qt_app.domain.money import capitals
from qt_app.domain.money_format import figure
from qt_app.reports import pdf_read
from qt_app.reports.official import payload as od2
from qt_app.reports.official.canvas import SEAL_HEX, SEAL_MARK, file_message
from qt_app.reports.official.digest import document_digest, pages_from_pdf
from qt_app.reports.signing import (
    IMPORTED,
    OWN,
    UNKNOWN,
    KeyRing,
    check_signature,
    parse_payload,
    pretty_fingerprint,
    verify_message,
)
from qt_app.reports.snapshot import content_hash

REGISTER_NOT_CHECKED = "not_checked"
REGISTER_KNOWN = "known"
REGISTER_UNKNOWN = "unknown"
REGISTER_MISMATCH = "mismatch"
LEGACY_PREFIX = "ODL1."
ATTACHMENT_NAME = "letter-snapshot.json"
LEDGER_ATTACHMENT = "ledger-snapshot.json"  # the 兑现审核表 and the 对账单 (reports.ledger_doc)

Msg = tuple[str, str]


class Outcome(StrEnum):
    """The one answer a check gives, with the CLI's exit code."""

    PASS = "pass"  # 通过: signed, every page as signed, the file as issued
    LEGACY_PASS = "legacy_pass"  # 通过 (first-format letter: facts and wording checked, layout not compared)
    RESAVED = "resaved"  # 内容一致（文件经另存）: every page's text as signed, the file rewritten by another program
    DRAFT = "draft"  # 草稿: genuine and unaltered, but never issued
    UNKNOWN_KEY = "unknown_key"  # 无法核验: signed by a key this installation has not imported
    FAILED = "failed"  # 未通过: altered, invalid signature, voided, or not the register's letter
    NOT_A_LETTER = "not_a_letter"  # 不是本软件的函件 (or its verification data is gone)


EXIT_CODES = {
    Outcome.PASS: 0,
    Outcome.LEGACY_PASS: 0,
    Outcome.FAILED: 1,
    Outcome.NOT_A_LETTER: 2,
    Outcome.RESAVED: 3,
    Outcome.DRAFT: 4,
    Outcome.UNKNOWN_KEY: 5,
}


@dataclass
class Verdict:
    """What a verification found; every finding exists in zh and en (`lines`)."""

    source: str  # "pdf" | "qr"
    payload: dict[str, Any] = field(default_factory=dict)
    payload_from: str = ""  # "metadata" | "qr-drawing" | "qr-text" (PDF checks)
    readable: bool = False  # an Offer Desk payload was found and parsed
    legacy: bool = False  # first payload format (ODL1)
    signature_valid: bool = False
    signer: str = UNKNOWN  # own | imported | unknown
    signer_fingerprint: str = ""
    register: str = REGISTER_NOT_CHECKED
    register_status: str = ""
    register_status_label: tuple[str, str] = ("", "")  # (zh, en) as the register names the status
    snapshot_ok: bool | None = None  # embedded snapshot hashes to the signed hash and agrees (None: absent)
    visible_match: bool | None = None  # the pages' visible text is the signed text
    exact_match: bool | None = None  # the file seal holds: every byte is as issued
    file_original: bool | None = None  # the file is as this app wrote it (not re-saved by another program)
    resave_signs: list[Msg] = field(default_factory=list)  # why the file counts as re-saved
    pages_changed: list[int] = field(default_factory=list)  # pages whose text differs (when known)
    missing: list[str] = field(default_factory=list)  # signed facts or wording not found on the page
    valid_until: str = ""  # the letter's last valid day (ISO), from the snapshot
    problems: list[Msg] = field(default_factory=list)

    @property
    def draft(self) -> bool:
        return bool(self.payload.get("d"))

    @property
    def outcome(self) -> Outcome:
        if not self.readable:
            return Outcome.NOT_A_LETTER
        if not self.signature_valid:
            return Outcome.UNKNOWN_KEY if self.signer == UNKNOWN else Outcome.FAILED
        if (
            self.register == REGISTER_MISMATCH
            or self.snapshot_ok is False
            or self.visible_match is False
            or self.register_status == "voided"
        ):
            return Outcome.FAILED
        if self.draft:
            return Outcome.DRAFT
        if self.source == "pdf" and self.file_original is False:
            return Outcome.RESAVED
        return Outcome.LEGACY_PASS if self.legacy else Outcome.PASS

    @property
    def ok(self) -> bool:
        """Genuine, unaltered, issued and not voided (an unregistered letter can pass)."""
        return self.outcome in (Outcome.PASS, Outcome.LEGACY_PASS)

    @property
    def exit_code(self) -> int:
        return EXIT_CODES[self.outcome]

    def lines(self, lang: str = "zh") -> list[str]:
        """The findings, one per line, ending with 结论 (Result)."""
        from qt_app.reports.verify_text import verdict_lines

        return verdict_lines(self, lang)


# -- payloads ----------------------------------------------------------------------------------------------


def verify_payload_text(text: str, keyring: KeyRing, source: str = "qr") -> Verdict:
    """Check the signature of a payload text (what the QR code carries): OD2, or ODL1 for old letters."""
    verdict = Verdict(source=source)
    text = text.strip()
    if text.startswith(LEGACY_PREFIX):
        try:
            legacy = parse_payload(text)
        except DomainError as e:
            verdict.problems.append((e.zh, e.en))
            return verdict
        verdict.readable, verdict.legacy, verdict.payload = True, True, legacy.fields
        verdict.signer_fingerprint = str(legacy.fields.get("k", ""))
        verdict.signer, key = keyring.lookup(verdict.signer_fingerprint)
        verdict.signature_valid = key is not None and check_signature(legacy, key)
        return verdict
    try:
        claims, body, signature = od2.from_text(text)
    except od2.PayloadError:
        verdict.problems.append(("不是本软件出具的函件验证码", "Not an Offer Desk letter code"))
        return verdict
    verdict.readable = True
    verdict.payload = claims.as_fields()
    verdict.signer_fingerprint = claims.key_hex
    verdict.signer, key = keyring.lookup(claims.key_hex)
    verdict.signature_valid = key is not None and verify_message(key, od2.message(body), signature)
    return verdict


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def expected_facts(snapshot: dict[str, Any]) -> list[str]:
    """Signed facts the printed pages must show, as they are printed (to say what an edit changed)."""
    if "document" in snapshot:  # a ledger paper: its id, the firm, the two signed amounts
        signed = snapshot["signed"]
        facts = [snapshot["doc_id"], snapshot["firm"]["name"], snapshot["firm"]["uscc"]]
        facts += [figure(int(signed["total"])), figure(int(signed["paid"]))]
        return list(
            dict.fromkeys(
                facts + ([snapshot["letter"]["doc_number"]] if snapshot["letter"]["doc_number"] else [])
            )
        )
    pkg = snapshot["package"]
    total = int(pkg["total"])
    facts = [snapshot["letter_id"], snapshot["firm"]["name"], snapshot["firm"]["uscc"]]
    if snapshot.get("kind", "offer") == "offer" or total:
        facts += [figure(total), "人民币" + capitals(total)]
        facts += [figure(int(ln["amount"])) for ln in pkg["lines"]]
    if snapshot["doc_number"]:
        facts.append(snapshot["doc_number"])
    return list(dict.fromkeys(facts))


def legacy_wording(snapshot: dict[str, Any]) -> list[str]:
    """Every paragraph of Chinese wording a first-format letter printed (from its snapshot)."""
    terms = snapshot.get("terms", {})
    out = [terms.get("title", [""])[0], terms.get("opening", [""])[0], terms.get("closing", [""])[0]]
    for key in ("conditions", "clawback", "notes"):
        out += [pair[0] for pair in terms.get(key, [])]
    for key in ("illustrative_note", "seal_statement"):
        if terms.get(key):
            out.append(terms[key][0])
    out += [pair[0] for pair in snapshot.get("policy", {}).get("legal_notes", [])]
    out += [row["value_zh"] for row in snapshot.get("declared", [])]
    out += [
        ln["explanation_zh"]
        for ln in snapshot.get("package", {}).get("lines", [])
        if ln.get("explanation_zh")
    ]
    return [w for w in dict.fromkeys(out) if w]


def _snapshot(pdf: pdf_read.PdfFile, kind: int = od2.KIND_OFFER) -> dict[str, Any] | None:
    name = LEDGER_ATTACHMENT if kind in od2.LEDGER_KINDS else ATTACHMENT_NAME
    try:
        raw = pdf_read.embedded_file(pdf, name)
        data = json.loads(raw.decode("utf-8")) if raw is not None else None
    except (pdf_read.PdfReadError, zlib.error, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _find_payload(pdf: pdf_read.PdfFile, data: bytes, qr_text: str | None) -> tuple[str, str]:
    """(payload text, where it came from): /Keywords, the given QR text, or the QR code's drawing."""
    keywords = (pdf_read.info_value(pdf, "Keywords") or "").strip()
    if keywords.startswith((od2.PREFIX, LEGACY_PREFIX)):
        return keywords, "metadata"
    if qr_text:
        return qr_text.strip(), "qr-text"
    from qt_app.reports.official.qr_read import qr_texts

    try:
        for text in qr_texts(data):
            if text.startswith((od2.PREFIX, LEGACY_PREFIX)):
                return text, "qr-drawing"
    except (pdf_read.PdfReadError, ValueError, IndexError, zlib.error):
        pass
    return "", ""


def verify_pdf_bytes(data: bytes, keyring: KeyRing, qr_text: str | None = None) -> Verdict:
    """Verify a letter PDF without the register (the service adds that); `qr_text` for copies without one."""
    try:
        pdf = pdf_read.read_pdf(data)
    except pdf_read.PdfReadError:
        v = Verdict(source="pdf")
        v.problems.append(("文件不是有效的 PDF", "The file is not a readable PDF"))
        return v
    text, where = _find_payload(pdf, data, qr_text)
    if not text:
        v = Verdict(source="pdf")
        v.problems.append(
            (
                "文件中没有本软件的验证信息（/Keywords 与二维码都未找到）",
                "No Offer Desk verification data in the file (neither /Keywords nor a QR code)",
            )
        )
        return v
    verdict = verify_payload_text(text.split(" " + SEAL_MARK)[0], keyring, source="pdf")
    verdict.payload_from = where
    if not verdict.readable or not verdict.signature_valid:
        return verdict
    snapshot = _snapshot(pdf, int(verdict.payload.get("x", 1) or 1))
    verdict.resave_signs = _resave_signs(verdict, pdf, snapshot)
    if verdict.legacy:
        verdict.file_original = not verdict.resave_signs
        _check_legacy(verdict, pdf, snapshot)
    else:
        _check_pages(verdict, data, pdf, snapshot)
        if snapshot is not None:
            _check_snapshot(verdict, snapshot)
        verdict.exact_match = (
            _file_sealed(data, keyring, verdict.signer_fingerprint) if where == "metadata" else None
        )
        verdict.file_original = bool(verdict.exact_match)
        if not verdict.exact_match and not verdict.resave_signs:
            verdict.resave_signs = [
                ("文件的字节与出具时不同", "the file's bytes differ from the file as issued")
            ]
    if snapshot is not None:
        verdict.valid_until = str(snapshot.get("valid_until") or "")
    return verdict


def _file_sealed(data: bytes, keyring: KeyRing, fingerprint: str) -> bool:
    """The file seal (a signature over every byte of the file as issued) is present and valid."""
    found = file_message(data)
    if found is None:
        return False
    message, start = found
    _who, key = keyring.lookup(fingerprint)
    try:
        signature = bytes.fromhex(data[start : start + SEAL_HEX].decode("ascii"))
    except (UnicodeDecodeError, ValueError):
        return False
    return key is not None and verify_message(key, message, signature)


def _resave_signs(verdict: Verdict, pdf: pdf_read.PdfFile, snapshot: dict[str, Any] | None) -> list[Msg]:
    """What shows another program saved the file (to say so; the file seal is what decides)."""
    signs: list[Msg] = []
    if verdict.payload_from != "metadata":
        signs.append(("文件元数据中的验证信息已丢失", "the verification data in the file's metadata is gone"))
    if snapshot is None:
        signs.append(("内嵌的内容快照已丢失", "the embedded snapshot is gone"))
    if any("Linearized" in o.dict for o in pdf.objects.values()):
        signs.append(
            ("文件被重新保存为“快速网络查看”格式", "the file was re-saved for fast web view (linearized)")
        )
    elif pdf.revisions > 1:
        signs.append(("文件被追加保存过", "the file was saved again (incremental update)"))
    if pdf.object_streams:
        signs.append(
            ("文件结构被其他程序重写（对象流）", "another program rewrote the file (object streams)")
        )
    producer = pdf_read.info_value(pdf, "Producer") or ""
    if producer and "ReportLab" not in producer:
        signs.append((f"生成程序为 {producer}", f"producer is {producer}"))
    return signs


def _check_pages(
    verdict: Verdict, data: bytes, pdf: pdf_read.PdfFile, snapshot: dict[str, Any] | None
) -> None:
    try:
        views = pages_from_pdf(data)
    except (pdf_read.PdfReadError, zlib.error, ValueError, IndexError):
        verdict.visible_match = False
        verdict.problems.append(("页面内容无法读取", "The pages cannot be read"))
        return
    if not any(v.text.strip() for v in views):
        verdict.visible_match = False
        verdict.problems.append(
            (
                "页面上没有可读的文字（可能已被转为图片），无法从文件证明内容未被改动；请用纸面和二维码核对",
                "The pages have no readable text (perhaps turned into images): the file cannot show it is "
                "unaltered; check the paper against the QR code",
            )
        )
        return
    signed_pages = int(verdict.payload.get("g", 0))
    verdict.visible_match = (
        document_digest(views).hex() == verdict.payload.get("p") and len(views) == signed_pages
    )
    if verdict.visible_match:
        return
    if len(views) != signed_pages:
        verdict.problems.append(
            (
                f"页数为 {len(views)}，签名时为 {signed_pages}",
                f"{len(views)} pages; {signed_pages} when signed",
            )
        )
    listed = (pdf_read.info_value(pdf, "Subject") or "").rsplit("pages ", 1)[-1].split(",")
    verdict.pages_changed = [
        i for i, view in enumerate(views, 1) if i > len(listed) or view.digest().hex()[:16] != listed[i - 1]
    ]
    if snapshot is not None:
        seen = _squash("".join(v.text for v in views))
        verdict.missing = [f for f in expected_facts(snapshot) if _squash(f) not in seen]


def _check_snapshot(verdict: Verdict, snapshot: dict[str, Any]) -> None:
    p = verdict.payload
    if "document" in snapshot:  # a ledger paper
        signed = snapshot.get("signed", {})
        verdict.snapshot_ok = (
            content_hash(snapshot).startswith(str(p.get("h")))
            and snapshot.get("doc_id") == p.get("i")
            and (snapshot.get("letter", {}).get("doc_number") or "") == p.get("n")
            and snapshot.get("firm", {}).get("uscc") == p.get("c")
            and signed.get("total") == p.get("t")
            and signed.get("paid") == p.get("m")
            and snapshot.get("policy", {}).get("version") == p.get("v")
        )
        return
    pkg = snapshot.get("package", {})
    verdict.snapshot_ok = (
        content_hash(snapshot).startswith(str(p.get("h")))
        and snapshot.get("letter_id") == p.get("i")
        and (snapshot.get("doc_number") or "") == p.get("n")
        and snapshot.get("firm", {}).get("uscc") == p.get("c")
        and pkg.get("total") == p.get("t")
        and snapshot.get("policy", {}).get("version") == p.get("v")
    )


def _check_legacy(verdict: Verdict, pdf: pdf_read.PdfFile, snapshot: dict[str, Any] | None) -> None:
    """First-format letters: no page digest was signed; check the snapshot, then facts and wording on the page."""
    p = verdict.payload
    try:
        seen = _squash("".join(pdf_read.visible_text(pdf)))
    except (pdf_read.PdfReadError, zlib.error, ValueError, IndexError):
        verdict.visible_match = False
        verdict.missing = ["（页面内容无法读取）"]
        return
    if snapshot is None:  # a re-saved copy: only the payload's own facts can be looked for
        facts = [str(p.get("i", "")), str(p.get("c", "")), figure(int(p.get("t", 0)))]
        facts += [str(p["n"])] if p.get("n") else []
        verdict.missing = [f for f in facts if f and _squash(f) not in seen]
        verdict.visible_match = not verdict.missing
        return
    verdict.snapshot_ok = (
        content_hash(snapshot) == p.get("h")
        and snapshot.get("letter_id") == p.get("i")
        and snapshot.get("doc_number") == p.get("n")
        and snapshot.get("firm", {}).get("uscc") == p.get("c")
        and snapshot.get("package", {}).get("total") == p.get("t")
        and snapshot.get("policy", {}).get("version") == p.get("v")
    )
    if not verdict.snapshot_ok:
        return
    wanted = expected_facts(snapshot) + legacy_wording(snapshot)
    verdict.missing = [f for f in wanted if _squash(f) not in seen]
    verdict.visible_match = not verdict.missing


__all__ = [
    "EXIT_CODES",
    "IMPORTED",
    "OWN",
    "REGISTER_KNOWN",
    "REGISTER_MISMATCH",
    "REGISTER_NOT_CHECKED",
    "REGISTER_UNKNOWN",
    "UNKNOWN",
    "Outcome",
    "Verdict",
    "date",
    "expected_facts",
    "pretty_fingerprint",
    "verify_payload_text",
    "verify_pdf_bytes",
]
