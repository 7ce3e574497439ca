"""Signed bundles (签名数据包) between outposts and headquarters.

A bundle travels by e-mail and USB stick, so it is signed with the exporting office's Ed25519 key (the key
ring the letters use, `<data>/keys/`) and verified on import against this installation's own key and the
keys it trusts (`python -m qt_app keys import FILE`). An unsigned, altered or unknown-key bundle is refused
before anything is read into the database, with a message that says which and how to trust that office.
A bundle's role is stated in its signed body; an outpost takes headquarters' sections only from the key it
pinned as headquarters' (`office hq-key`).
"""

from __future__ import annotations

import base64
import binascii
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature

from qt_app.domain.errors import DomainError, shown
from qt_app.reports.signing import OWN, UNKNOWN, KeyRing, pretty_fingerprint
from qt_app.services import offices
from qt_app.store import bundle, bundle_format
from qt_app.store.bundle import MergeReport
from qt_app.store.store import Store

ALGORITHM = "Ed25519"
UNSIGNED, TAMPERED, UNKNOWN_KEY = "unsigned", "tampered", "unknown_key"


class BundleRefused(DomainError):
    """A bundle that is not imported, and why: `reason` is "unsigned", "tampered" or "unknown_key"."""

    def __init__(self, reason: str, zh: str, en: str) -> None:
        super().__init__(zh, en)
        self.reason = reason


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _trust_hint(fingerprint: str) -> tuple[str, str]:
    shown = pretty_fingerprint(fingerprint) if fingerprint else "?"
    return (
        f"如确认来自该单位：请对方运行 python -m qt_app keys show，把公钥文件交给你，并通过电话核对指纹 {shown}；"
        "然后运行 python -m qt_app keys import 公钥文件 --label 单位简称，再导入此数据包",
        f"If it does come from that office: ask them to run python -m qt_app keys show and send you the public "
        f"key file, check the fingerprint {shown} with them by phone, then run "
        "python -m qt_app keys import KEYFILE --label OFFICE and import this bundle again",
    )


def write_bundle(store: Store, path: str | Path, keyring: KeyRing | None = None) -> dict[str, int]:
    """Check the file in full, then write a bundle of every firm, contact entry and ledger entry this office
    sends (docs/ledger.md: what each role sends), signed with this office's key; returns the count of each
    section. Exporting changes nothing, so a read-only copy can export."""
    ring = keyring or KeyRing(store.folder)
    body = bundle.export_body(store)
    signed = bundle_format.signed_bytes(body)
    if (
        len(signed) > bundle_format.MAX_BUNDLE_BYTES
    ):  # the receiver would refuse it: say so here, write nothing
        mb = bundle_format.MAX_BUNDLE_BYTES // (1024 * 1024)
        raise DomainError(
            f"数据包超过 {mb} MB（约 {len(signed) // (1024 * 1024)} MB，多为证明材料扫描件），对方无法导入，未写出",
            f"The bundle would exceed {mb} MB (about {len(signed) // (1024 * 1024)} MB, mostly evidence scans) and "
            "could not be imported; nothing was written",
        )
    envelope = {
        "format": bundle_format.FORMAT,
        "version": bundle_format.VERSION,
        "body": body,
        "signature": {
            "algorithm": ALGORITHM,
            "key": ring.fingerprint(),
            "value": _b64(ring.private_key().sign(signed)),
        },
    }
    bundle.write_file(Path(path), envelope)
    sections = body["sections"]
    counts = {kind: len(sections[kind]) for kind in sections}
    counts["scans"] = sum(len(e["scans"]) for e in sections["ledger"])
    return counts


def export_bundle(store: Store, path: str | Path, keyring: KeyRing | None = None) -> int:
    """`write_bundle`, returning the firm count."""
    return write_bundle(store, path, keyring)["firms"]


def export_words(counts: dict[str, int], path: str | Path, role: str) -> tuple[str, str]:
    """What was written, in words: the firms, and the ledger entries when there are any."""
    from qt_app.domain.offices import role_label

    zh = f"数据包已写出：{path}（{counts['firms']} 家企业"
    en = f"Bundle written: {path} ({counts['firms']} firms"
    if counts.get("letters") or counts.get("ledger") or counts.get("claims"):
        zh += f"，告知函{counts['letters']}份，实绩{counts['ledger']}个年度（扫描件{counts['scans']}份），兑现申请{counts['claims']}件"
        en += (
            f", {counts['letters']} letters, {counts['ledger']} years of actuals ({counts['scans']} scans), "
            f"{counts['claims']} claims"
        )
    return f"{zh}；本机角色：{role_label(role)}）", f"{en}; this office: {role_label(role, 'en')})"


def verify(envelope: dict[str, Any], path: Path, keyring: KeyRing) -> tuple[dict[str, Any], str, str]:
    """The body of a bundle whose signature holds, who signed it (in words) and the key's fingerprint;
    BundleRefused otherwise."""
    body = envelope.get("body")
    sig = envelope.get("signature")
    office = shown(body.get("office", ""), 60) if isinstance(body, dict) else ""
    who_zh = f"“{office}”" if office else "对方"
    if envelope.get("version", 0) < bundle_format.VERSION or sig is None or body is None:
        raise BundleRefused(
            UNSIGNED,
            f"数据包没有签名，未导入：{path}。它可能由旧版本程序导出，或不是由本县的招商单位制作。"
            "请对方用新版本程序重新导出",
            f"The bundle is not signed and was not imported: {path}. It may come from an older version of the "
            "app, or not from one of the county's offices. Ask the sender to export it again with the new version",
        )
    fp = str(sig.get("key", "")) if isinstance(sig, dict) else ""
    value = sig.get("value") if isinstance(sig, dict) else None
    well_formed = len(fp) == 16 and all(c in "0123456789abcdef" for c in fp)
    if not (well_formed and isinstance(value, str) and isinstance(body, dict) and isinstance(sig, dict)) or (
        sig.get("algorithm") != ALGORITHM
    ):
        raise BundleRefused(
            TAMPERED,
            f"数据包的签名不完整或格式不对，未导入：{path}。请对方重新导出并发送",
            f"The bundle's signature is incomplete or malformed; not imported: {path}. Ask the sender to export it again",
        )
    kind, key = keyring.lookup(fp)
    if kind == UNKNOWN or key is None:
        hint_zh, hint_en = _trust_hint(fp)
        raise BundleRefused(
            UNKNOWN_KEY,
            f"数据包由未受信任的密钥签名（自称来自{who_zh}，公钥指纹 {pretty_fingerprint(fp)}），未导入：{path}。{hint_zh}",
            f"The bundle is signed with a key this office does not trust (it says it is from "
            f"{office or 'another office'}, key fingerprint {pretty_fingerprint(fp)}); not imported: {path}. {hint_en}",
        )
    try:
        key.verify(_unb64(value), bundle_format.signed_bytes(body))
    except (InvalidSignature, ValueError, binascii.Error) as e:  # altered, or not base64 at all
        raise BundleRefused(
            TAMPERED,
            f"数据包在导出后被改动过（签名不符），未导入：{path}。签名者：{who_zh}（{pretty_fingerprint(fp)}）。"
            "请勿使用该文件，请对方重新导出并通过可靠途径发送",
            f"The bundle was altered after it was exported (the signature does not match); not imported: {path}. "
            f"Signed by {office or 'the sender'} ({pretty_fingerprint(fp)}). Do not use this file; ask the sender "
            "to export it again and send it by a reliable route",
        ) from e
    signer = "本机" if kind == OWN else office or "?"
    return body, f"{signer}（{pretty_fingerprint(fp)}）", fp


def import_bundle(
    store: Store, path: str | Path, who: str = "", keyring: KeyRing | None = None
) -> MergeReport:
    """Verify a bundle's signature, check its shape, and merge it by id and version in one transaction.
    Conflicts are listed, never overwritten; entries whose ids disagree are refused. At an outpost,
    headquarters' sections are merged only from the key pinned as headquarters' (`offices.hq_signature`)."""
    path = Path(path)
    envelope = bundle_format.read_envelope(path)
    body, signer, key = verify(envelope, path, keyring or KeyRing(store.folder))
    hq = offices.hq_signature(store, key, signer)
    return bundle.merge(store, body, str(path), who, signed_by=signer, hq=hq)
