"""The working session (工作会话): one open store, the policy versions, and the use cases windows call.

Plain Python (no Qt): the UI holds one Session and calls these methods; they return plain data.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from qt_app.domain.errors import DomainError
from qt_app.domain.exposure import Exposure, exposure
from qt_app.domain.firm import Firm, Stage
from qt_app.domain.hints import Hint, milestone_hints
from qt_app.domain.package import Package
from qt_app.domain.policy import Policy
from qt_app.domain.policy_loader import default_policy, load_policy, policy_in_force
from qt_app.domain.simulate import DEFAULT_HORIZON, simulate
from qt_app.domain.variants import Variant

if TYPE_CHECKING:
    from qt_app.store.store import Store


@dataclass
class Session:
    """What every screen shares: the store, the loaded policy versions and the chosen default."""

    store: Store
    policies: list[Policy] = field(default_factory=list)
    policy_id: str = ""
    lang: str = "zh"
    horizon: int = DEFAULT_HORIZON

    @classmethod
    def open(cls, data_dir: str | Path | None = None, lang: str = "zh", read_only: bool = False) -> Session:
        """Open the store in the data folder (seeding demo firms when empty) with the bundled policy."""
        from qt_app.store.store import open_store_at

        store = open_store_at(data_dir, read_only=read_only)
        from qt_app.services.demo import ensure_demo

        ensure_demo(store)
        session = cls(store=store, policies=[default_policy()], lang=lang)
        saved = store.get_setting("default_policy", "")
        session.policy_id = saved if any(p.id == saved for p in session.policies) else session.policies[0].id
        return session

    @property
    def policy(self) -> Policy:
        """The default policy version (chosen in 政策库), else the one in force today."""
        for p in self.policies:
            if p.id == self.policy_id:
                return p
        return policy_in_force(self.policies, date.today())

    def add_policy_file(self, path: str | Path) -> Policy:
        """Load another policy version; raises ValidationError (line by line) when the file is broken."""
        policy = load_policy(path)
        if any(p.id == policy.id and p.version == policy.version for p in self.policies):
            raise DomainError(
                f"政策版本 {policy.id} {policy.version} 已加载",
                f"Policy {policy.id} {policy.version} is already loaded",
            )
        self.policies.append(policy)
        return policy

    def set_default_policy(self, policy_id: str) -> None:
        if not any(p.id == policy_id for p in self.policies):
            raise DomainError(f"没有政策版本 {policy_id}", f"No policy version {policy_id}")
        self.policy_id = policy_id
        if not self.store.read_only:
            self.store.set_setting("default_policy", policy_id)

    def package(self, firm: Firm, variant: Variant | None = None, explain: bool = True) -> Package:
        return simulate(firm, self.policy, variant or Variant(), self.horizon, explain=explain)

    def compare(self, firm: Firm, variants: list[Variant]) -> list[Package]:
        """Side-by-side packages (方案对比), two to four variants."""
        return [self.package(firm, v) for v in variants]

    def hints(self, firm: Firm, variant: Variant | None = None) -> list[Hint]:
        return milestone_hints(firm, self.policy, variant or Variant(), self.horizon)

    def pipeline_packages(self) -> Iterator[tuple[Stage, Package]]:
        """Every firm's base package, without wording (fast), for exposure."""
        for firm, _variants in self.store.all_firms():
            yield firm.stage, simulate(firm, self.policy, Variant(), self.horizon, explain=False)

    def exposure(self) -> Exposure:
        """The whole pipeline against the programme pools (预算敞口)."""
        return exposure(self.pipeline_packages(), self.policy)

    def close(self) -> None:
        self.store.close()
