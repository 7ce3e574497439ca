"""The signed payload a document's QR code carries (format OD2): compact binary, base45 text.

    OD2:<base45(body ‖ Ed25519 signature over "OD2" ‖ body)>.

The body holds what a checker compares with the paper — 文号, firm code, date, total value and cash total,
policy version — and what binds the file: the content hash of the snapshot (12 bytes) and the digest of the
pages' visible text (16 bytes, see `digest`). About 152 bytes, 236 characters: a version 9 code at level M.
The trailing dot guards against scanners that trim a final space of the base45 text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from qt_app.reports.official import base45

PREFIX = "OD2:"
SUFFIX = "."
VERSION = 2
DOMAIN = b"OD2"
SIGNATURE_BYTES = 64
CONTENT_BYTES = 12
DIGEST_BYTES = 16
EPOCH = date(2000, 1, 1)

KIND_OFFER = 1  # 告知函 (offer letter)
KIND_NOTICE = 2  # 不予支持告知函 (the firm is not supported, and why)
KIND_REVIEW = 3  # 兑现审核表: one claim of the 兑现 ledger (id = the claim; total = approved, cash = paid)
KIND_STATEMENT = 4  # 兑现对账单: one firm's ledger (id = the firm; total = due, cash = paid)
KIND_LABELS = {
    KIND_OFFER: ("政策告知函", "offer letter"),
    KIND_NOTICE: ("不予支持告知函", "notice of no support"),
    KIND_REVIEW: ("兑现审核表", "payment review sheet"),
    KIND_STATEMENT: ("兑现对账单", "payment statement"),
}
LEDGER_KINDS = frozenset({KIND_REVIEW, KIND_STATEMENT})

_USCC = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # GB 32100 alphabet (no I O Z S V)
_NUMBER = re.compile(r"^(.{1,20})〔(\d{4})〕(\d{1,6})号$")
_ID = re.compile(r"^(l|draft)-([0-9a-f]+)$")


class PayloadError(ValueError):
    """Not an OD2 payload, or a damaged one."""


@dataclass(frozen=True)
class Claims:
    """What the QR code says about its document."""

    kind: int
    draft: bool
    doc_id: str
    number: str  # 文号 ("" for drafts)
    party: str  # the firm's 统一社会信用代码
    issued: date
    total: int  # 分: total value (cash, vouchers and in kind)
    cash: int  # 分: cash only
    policy: str  # policy version
    pages: int
    content: bytes  # first 12 bytes of the snapshot's SHA-256
    digest: bytes  # document digest of the visible pages (16 bytes)
    key: bytes = b""  # first 8 bytes of the signing key's fingerprint

    @property
    def key_hex(self) -> str:
        return self.key.hex()

    def as_fields(self) -> dict[str, object]:
        """Short keys for display and the register check (the same names the first format used)."""
        return {
            "i": self.doc_id,
            "n": self.number,
            "c": self.party,
            "t": self.total,
            "m": self.cash,
            "v": self.policy,
            "h": self.content.hex(),
            "p": self.digest.hex(),
            "g": self.pages,
            "d": 1 if self.draft else 0,
            "k": self.key_hex,
            "e": self.issued.isoformat(),
            "x": self.kind,
        }


# -- field codecs ---------------------------------------------------------------------------------------


def _varint(n: int) -> bytes:
    if n < 0:
        raise PayloadError("negative amount")
    out = bytearray()
    while True:
        byte, n = n & 0x7F, n >> 7
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data, self.pos = data, 0

    def take(self, n: int) -> bytes:
        if self.pos + n > len(self.data):
            raise PayloadError("payload too short")
        out = self.data[self.pos : self.pos + n]
        self.pos += n
        return out

    def byte(self) -> int:
        return self.take(1)[0]

    def varint(self) -> int:
        n = shift = 0
        while True:
            b = self.byte()
            n |= (b & 0x7F) << shift
            if not b & 0x80:
                return n
            shift += 7
            if shift > 63:
                raise PayloadError("varint too long")

    def text(self, n: int) -> str:
        try:
            return self.take(n).decode("utf-8")
        except UnicodeDecodeError as e:
            raise PayloadError("bad text") from e


def _text(value: str) -> bytes:
    raw = value.encode("utf-8")
    if len(raw) > 127:
        raise PayloadError(f"text too long for the payload: {value[:20]}…")
    return bytes([len(raw)]) + raw


def _pack_id(doc_id: str) -> bytes:
    m = _ID.match(doc_id)
    if m and len(m.group(2)) % 2 == 0 and len(m.group(2)) <= 32:
        tag = 0x80 if m.group(1) == "l" else 0xC0
        raw = bytes.fromhex(m.group(2))
        return bytes([tag | len(raw)]) + raw
    return _text(doc_id)


def _read_id(r: _Reader) -> str:
    head = r.byte()
    if head & 0x80:
        prefix = "l-" if not head & 0x40 else "draft-"
        return prefix + r.take(head & 0x3F).hex()
    return r.text(head)


def _pack_number(number: str) -> bytes:
    """青招〔2026〕7号 → prefix, year, sequence (10 bytes instead of 20)."""
    m = _NUMBER.match(number)
    if m:
        prefix = m.group(1).encode("utf-8")
        if len(prefix) < 128:
            year = int(m.group(2))
            return (
                bytes([0x80 | len(prefix)])
                + prefix
                + (year - 2000).to_bytes(1, "big", signed=True)
                + _varint(int(m.group(3)))
            )
    return _text(number)


def _read_number(r: _Reader) -> str:
    head = r.byte()
    if head & 0x80:
        prefix = r.text(head & 0x7F)
        year = 2000 + int.from_bytes(r.take(1), "big", signed=True)
        return f"{prefix}〔{year}〕{r.varint()}号"
    return r.text(head)


def _pack_party(code: str) -> bytes:
    if len(code) == 18 and all(ch in _USCC for ch in code):
        n = 0
        for ch in code:
            n = n * 31 + _USCC.index(ch)
        return b"\xff" + n.to_bytes(12, "big")
    return _text(code)


def _read_party(r: _Reader) -> str:
    head = r.byte()
    if head != 0xFF:
        return r.text(head)
    n = int.from_bytes(r.take(12), "big")
    chars = []
    for _ in range(18):
        n, k = divmod(n, 31)
        chars.append(_USCC[k])
    return "".join(reversed(chars))


# -- the payload ----------------------------------------------------------------------------------------


def pack(claims: Claims) -> bytes:
    """The signed body (everything but the signature)."""
    if len(claims.key) != 8 or len(claims.content) != CONTENT_BYTES or len(claims.digest) != DIGEST_BYTES:
        raise PayloadError("key, content hash or digest has the wrong length")
    days = (claims.issued - EPOCH).days
    return b"".join(
        (
            bytes([VERSION, claims.kind, 1 if claims.draft else 0]),
            claims.key,
            _pack_id(claims.doc_id),
            _pack_number(claims.number),
            _pack_party(claims.party),
            days.to_bytes(2, "big"),
            _varint(claims.total),
            _varint(claims.cash),
            _text(claims.policy),
            bytes([min(claims.pages, 255)]),
            claims.content,
            claims.digest,
        )
    )


def unpack(body: bytes) -> Claims:
    r = _Reader(body)
    version, kind, flags = r.byte(), r.byte(), r.byte()
    if version != VERSION:
        raise PayloadError(f"payload version {version}")
    key = r.take(8)
    claims = Claims(
        kind=kind,
        draft=bool(flags & 1),
        doc_id=_read_id(r),
        number=_read_number(r),
        party=_read_party(r),
        issued=EPOCH + timedelta(days=int.from_bytes(r.take(2), "big")),
        total=r.varint(),
        cash=r.varint(),
        policy=r.text(r.byte()),
        pages=r.byte(),
        content=r.take(CONTENT_BYTES),
        digest=r.take(DIGEST_BYTES),
        key=key,
    )
    if r.pos != len(body):
        raise PayloadError("trailing bytes")
    return claims


def message(body: bytes) -> bytes:
    """What the signature covers."""
    return DOMAIN + body


def to_text(body: bytes, signature: bytes) -> str:
    return PREFIX + base45.encode(body + signature) + SUFFIX


def is_payload_text(text: str) -> bool:
    return text.strip().startswith(PREFIX)


def from_text(text: str) -> tuple[Claims, bytes, bytes]:
    """(claims, signed body, signature) from QR text; PayloadError when it is not a valid OD2 payload."""
    text = text.strip()
    if not text.startswith(PREFIX) or not text.endswith(SUFFIX):
        raise PayloadError("not an OD2 payload")
    try:
        raw = base45.decode(text[len(PREFIX) : -len(SUFFIX)])
    except ValueError as e:
        raise PayloadError(str(e)) from e
    if len(raw) <= SIGNATURE_BYTES:
        raise PayloadError("payload too short")
    body, signature = raw[:-SIGNATURE_BYTES], raw[-SIGNATURE_BYTES:]
    return unpack(body), body, signature


__all__ = ["Claims", "PayloadError", "from_text", "pack", "replace", "to_text", "unpack"]
