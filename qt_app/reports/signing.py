"""Ed25519 keys (签名密钥) and the first payload format, still read for letters issued before it changed.

Each installation makes its own key pair on first use in `<data>/keys/` (private key 0600). Public keys
of other offices are imported into `<data>/keys/trusted/`, so a printed letter from another office can be
checked offline. Current letters carry the OD2 payload (`official.payload`); letters made before carry
``ODL1.<base64url(json)>.<base64url(signature)>`` and are verified as legacy letters.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from qt_app import paths
from qt_app.domain.errors import DomainError

PREFIX = "ODL1"  # legacy payloads (read only)
PRIVATE_NAME = "signing_key.pem"
PUBLIC_NAME = "signing_key.pub.pem"

OWN = "own"
IMPORTED = "imported"
UNKNOWN = "unknown"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _raw(public: Ed25519PublicKey) -> bytes:
    return public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def fingerprint(public: Ed25519PublicKey) -> str:
    """16 hex digits of sha256 over the raw public key: short enough to read aloud, printed on letters."""
    return hashlib.sha256(_raw(public)).hexdigest()[:16]


def pretty_fingerprint(fp: str) -> str:
    return " ".join(fp[i : i + 4] for i in range(0, len(fp), 4)).upper()


@dataclass(frozen=True)
class SignedPayload:
    """A payload as read from text: its fields, the signed bytes and the signature."""

    fields: dict[str, Any]
    signed: bytes
    signature: bytes
    text: str


class KeyRing:
    """This installation's signing key plus the public keys it trusts (本机密钥与导入的公钥)."""

    def __init__(self, data_dir: str | Path | None = None) -> None:
        self.dir = paths.data_dir(data_dir) / "keys"
        self.trusted_dir = self.dir / "trusted"
        self._private: Ed25519PrivateKey | None = None

    # -- own key -----------------------------------------------------------------------------------------
    def private_key(self) -> Ed25519PrivateKey:
        """Load the key pair, generating it on first use (private file created 0600, never overwritten)."""
        if self._private is not None:
            return self._private
        path = self.dir / PRIVATE_NAME
        try:
            if not path.exists():
                self._generate(path)
            data = path.read_bytes()
        except OSError as e:
            raise DomainError(
                f"无法创建或读取签名密钥 {path}：{e.strerror}",
                f"Cannot create or read the signing key {path}: {e.strerror}",
            ) from e
        try:
            key = serialization.load_pem_private_key(data, password=None)
        except (ValueError, TypeError):
            key = None
        if not isinstance(key, Ed25519PrivateKey):
            raise DomainError(
                f"签名密钥文件已损坏或不是 Ed25519 密钥：{path}（不会自动覆盖，请从备份恢复）",
                f"The signing key file is damaged or not an Ed25519 key: {path} (not overwritten; restore a backup)",
            )
        self._private = key
        return key

    def _generate(self, path: Path) -> None:
        self.dir.mkdir(parents=True, exist_ok=True)
        key = Ed25519PrivateKey.generate()
        pem = key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        try:  # O_EXCL: two processes starting at once must not overwrite each other's key
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            return
        with os.fdopen(fd, "wb") as f:
            f.write(pem)
        os.chmod(path, 0o600)
        (self.dir / PUBLIC_NAME).write_bytes(public_pem(key.public_key()))

    def public_key(self) -> Ed25519PublicKey:
        return self.private_key().public_key()

    def fingerprint(self) -> str:
        return fingerprint(self.public_key())

    def public_key_path(self) -> Path:
        """The file to hand to other offices (written alongside the private key)."""
        self.private_key()
        path = self.dir / PUBLIC_NAME
        if not path.exists():
            path.write_bytes(public_pem(self.public_key()))
        return path

    # -- other offices' keys -------------------------------------------------------------------------------
    def trusted(self) -> dict[str, Ed25519PublicKey]:
        """Imported public keys by fingerprint (files that do not parse are skipped)."""
        out: dict[str, Ed25519PublicKey] = {}
        if not self.trusted_dir.is_dir():
            return out
        for path in sorted(self.trusted_dir.glob("*.pem")):
            try:
                key = serialization.load_pem_public_key(path.read_bytes())
            except ValueError:
                continue
            if isinstance(key, Ed25519PublicKey):
                out[fingerprint(key)] = key
        return out

    def labels(self) -> dict[str, str]:
        """The label each imported key was given (`keys import --label`, kept in its file name), by fingerprint;
        "" for a key imported without one."""
        out: dict[str, str] = {}
        for fp in self.trusted():
            for path in sorted(self.trusted_dir.glob(f"*{fp}.pem")):
                stem = path.stem
                label = stem[: -len(fp) - 1] if stem.endswith(f"-{fp}") else ""
                out[fp] = out.get(fp) or label
        return out

    def import_key(self, path: Path, label: str = "") -> str:
        """Copy another office's public key into trusted/ and return its fingerprint."""
        try:
            data = path.read_bytes()
        except OSError as e:
            raise DomainError(
                f"无法读取公钥文件 {path}：{e.strerror}", f"Cannot read key file {path}: {e.strerror}"
            ) from e
        try:
            key = serialization.load_pem_public_key(data)
        except ValueError:
            key = None
        if not isinstance(key, Ed25519PublicKey):
            raise DomainError(
                f"{path} 不是 Ed25519 公钥（PEM 格式）", f"{path} is not an Ed25519 public key in PEM format"
            )
        fp = fingerprint(key)
        self.trusted_dir.mkdir(parents=True, exist_ok=True)
        safe = "".join(ch for ch in label if ch.isalnum() or ch in "-_")[:40]
        name = f"{safe}-{fp}.pem" if safe else f"{fp}.pem"
        (self.trusted_dir / name).write_bytes(public_pem(key))
        return fp

    def lookup(self, fp: str) -> tuple[str, Ed25519PublicKey | None]:
        """Which key has this fingerprint: ("own" | "imported" | "unknown", key)."""
        if fp == self.fingerprint():
            return OWN, self.public_key()
        key = self.trusted().get(fp)
        return (IMPORTED, key) if key is not None else (UNKNOWN, None)

    # -- signing -----------------------------------------------------------------------------------------
    def sign_message(self, message: bytes) -> bytes:
        """An Ed25519 signature of `message` by this installation's key."""
        return self.private_key().sign(message)

    def sign_legacy(self, fields: dict[str, Any]) -> str:
        """An ODL1 payload (tests keep letters of the first format to check they still verify)."""
        body = dict(fields, k=self.fingerprint())
        signed = json.dumps(body, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")
        sig = self.private_key().sign(signed)
        return f"{PREFIX}.{_b64(signed)}.{_b64(sig)}"


def public_pem(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)


def parse_payload(text: str) -> SignedPayload:
    """Split payload text into fields and signature; DomainError when it is not an Offer Desk payload."""
    text = text.strip()
    parts = text.split(".")
    bad = DomainError("不是本软件出具的告知函验证码", "Not an Offer Desk letter code")
    if len(parts) != 3 or parts[0] != PREFIX:
        raise bad
    try:
        signed = _unb64(parts[1])
        signature = _unb64(parts[2])
        fields = json.loads(signed.decode("utf-8"))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise bad from None
    if not isinstance(fields, dict):
        raise bad
    return SignedPayload(fields, signed, signature, text)


def check_signature(payload: SignedPayload, key: Ed25519PublicKey) -> bool:
    return verify_message(key, payload.signed, payload.signature)


def verify_message(key: Ed25519PublicKey, message: bytes, signature: bytes) -> bool:
    try:
        key.verify(signature, message)
    except InvalidSignature:
        return False
    return True
