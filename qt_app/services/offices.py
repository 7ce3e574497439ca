"""The office's role (本机角色, `office_role`): headquarters (hq, the default: a single installation does
everything) or an outpost. An outpost records actuals, evidence and applications and sends them in bundles;
letters are issued, and claims reviewed, publicised and paid, at headquarters (docs/ledger.md says why).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from qt_app.domain.errors import DomainError, FieldProblem, ValidationError
from qt_app.domain.offices import HQ, HQ_ONLY_REASON, OUTPOST, ROLES, SETTING, role_label, role_or_default

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
