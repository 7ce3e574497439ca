"""The office's role (本机角色, `office_role`): headquarters (hq, the default: a single installation does
everything) or an outpost. An outpost records actuals, evidence and applications and sends them in bundles;
letters are issued, and claims reviewed, publicised and paid, at headquarters (docs/ledger.md says why).

An outpost pins headquarters' key (`office_hq_key`, one of the keys it trusts): only bundles signed with it
bring headquarters' letters, policy texts and claim records (`hq_signature`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from qt_app.domain.errors import DomainError, FieldProblem, ValidationError
from qt_app.domain.offices import (
    HQ,
    HQ_KEY,
    HQ_ONLY_REASON,
    OUTPOST,
    ROLES,
    SETTING,
    role_label,
    role_or_default,
)
from qt_app.reports.signing import IMPORTED, OWN, KeyRing, pretty_fingerprint
from qt_app.store.bundle_report import HqSignature

if TYPE_CHECKING:
    from qt_app.store.store import Store


class _Settings(Protocol):
    def get_setting(self, key: str, default: str | None = None) -> str: ...


def office_role(store: _Settings) -> str:
    """hq or outpost (anything unset or unknown is hq)."""
    return role_or_default(store.get_setting(SETTING, HQ))


def check_role(value: str) -> str:
    """The role typed or chosen, or a DomainError naming the two there are."""
    role = value.strip().lower()
    if role not in ROLES:
        raise DomainError(
            f"本机角色应为 hq（总部）或 outpost（联络处），实为“{value[:20]}”",
            f"The office role is hq (headquarters) or outpost, not “{value[:20]}”",
        )
    return role


def set_office_role(store: Store, value: str, who: str = "") -> tuple[str, str]:
    """Set the role; returns what it now is, in words (zh, en)."""
    role = check_role(value)
    if store.get_setting(SETTING, "") != role:
        store.set_setting(SETTING, role, who)
    return role_label(role, "zh"), role_label(role, "en")


def refuse_at_outpost(store: _Settings, step_label: tuple[str, str]) -> None:
    """At an outpost every claim step but 申报 is refused, with the reason, as a field message (nothing saved)."""
    if office_role(store) == OUTPOST:
        raise ValidationError(
            [
                FieldProblem(
                    "step",
                    f"本机设为联络处，不能登记{step_label[0]}。{HQ_ONLY_REASON[0]}",
                    f"This office is an outpost: no {step_label[1]} can be recorded here. {HQ_ONLY_REASON[1]}",
                )
            ]
        )


def hq_key(store: _Settings) -> str:
    """The fingerprint of the key pinned as headquarters' ("" when none is)."""
    return store.get_setting(HQ_KEY, "").strip().lower()


def parse_fingerprint(text: str) -> str:
    """A key fingerprint as typed ("3F2A 9C01 …", with spaces, colons or dashes) in its stored form, or ""."""
    fp = "".join(ch for ch in text.strip().lower() if ch not in " :-")
    if fp and (len(fp) != 16 or any(ch not in "0123456789abcdef" for ch in fp)):
        raise DomainError(
            f"“{text.strip()[:40]}”不是公钥指纹：应为16位十六进制数字（python -m qt_app keys show 列出已导入的公钥）",
            f"“{text.strip()[:40]}” is not a key fingerprint: 16 hex digits (python -m qt_app keys show lists the "
            "keys imported)",
        )
    return fp


def check_hq_key(folder: Path, value: str, keyring: KeyRing | None = None) -> str:
    """The headquarters key as stored: one of the keys this office trusts (imported), never its own; "" = none."""
    fp = parse_fingerprint(value)
    if not fp:
        return ""
    ring = keyring or KeyRing(folder)
    kind, _key = ring.lookup(fp)
    shown = pretty_fingerprint(fp)
    if kind == OWN:
        raise DomainError(
            f"{shown} 是本机自己的密钥，不能指定为总部密钥",
            f"{shown} is this office's own key, not headquarters'",
        )
    if kind != IMPORTED:
        raise DomainError(
            f"尚未导入指纹为 {shown} 的公钥：请先向总部索取公钥文件，电话核对指纹后运行 python -m qt_app keys "
            "import 公钥文件 --label 总部",
            f"No key with the fingerprint {shown} has been imported: get headquarters' public key file, check the "
            "fingerprint by phone, then run python -m qt_app keys import KEYFILE --label HQ",
        )
    return fp


def set_hq_key(store: Store, value: str, who: str = "", keyring: KeyRing | None = None) -> str:
    """Pin headquarters' key (or clear it with ""); returns the fingerprint as shown ("" when cleared)."""
    fp = check_hq_key(store.folder, value, keyring)
    if store.get_setting(HQ_KEY, "") != fp:
        store.set_setting(HQ_KEY, fp, who)
    return pretty_fingerprint(fp) if fp else ""


def hq_key_choices(folder: Path, keyring: KeyRing | None = None) -> list[tuple[str, str]]:
    """The keys that may be pinned as headquarters' — the imported ones — as (fingerprint, label), by label."""
    ring = keyring or KeyRing(folder)
    labels = ring.labels()
    return sorted(((fp, labels.get(fp, "")) for fp in ring.trusted()), key=lambda c: (c[1] == "", c[1], c[0]))


def hq_signature(store: _Settings, signer_key: str, signer: str) -> HqSignature:
    """Whether a bundle signed with `signer_key` (verified) speaks for headquarters here, and who signed it."""
    pinned = hq_key(store)
    return HqSignature(
        bool(pinned) and signer_key == pinned,
        signer,
        signer_key,
        pretty_fingerprint(signer_key),
        pretty_fingerprint(pinned) if pinned else "",
    )
