"""The working session (工作会话): one open store, the policy versions, and the use cases windows call.

Plain Python (no Qt): the UI holds one Session and calls these methods; they return plain data.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from qt_app.domain.errors import DomainError
from qt_app.domain.pipeline import DEFAULT_HORIZON, Stage

if TYPE_CHECKING:
    from qt_app.domain.exposure import Exposure
    from qt_app.domain.firm import Firm
    from qt_app.domain.hints import Hint
    from qt_app.domain.package import Package
    from qt_app.domain.policy import Policy
    from qt_app.domain.variants import Variant
    from qt_app.store.store import Store


class Session:
    """What every screen shares: the store, the loaded policy versions and the chosen default.

    The policy file is read the first time a policy is asked for, not when the session opens: the
    firm list paints without it, and the window loads it right after (see `ui.startup`).
    """

    def __init__(
        self,
        store: Store,
        policies: list[Policy] | None = None,
        policy_id: str = "",
        lang: str = "zh",
        horizon: int = DEFAULT_HORIZON,
    ) -> None:
        self.store = store
        self._policies = policies
        self.policy_id = policy_id
        self.lang = lang
        self.horizon = horizon

    @classmethod
    def open(cls, data_dir: str | Path | None = None, lang: str = "zh", read_only: bool = False) -> Session:
        """Open the store in the data folder (seeding demo firms when empty); the policy loads on first use."""
        from qt_app.store.store import open_store_at

        store = open_store_at(data_dir, read_only=read_only)
        if (
            not store.read_only and store.is_empty()
        ):  # checked here so the demo module loads on a first start only
            from qt_app.services.demo import ensure_demo

            ensure_demo(store)
        return cls(store=store, lang=lang)

    @property
    def policies(self) -> list[Policy]:
        """The loaded policy versions; the bundled one (and the saved default choice) on first use."""
        if self._policies is None:
            from qt_app.domain.policy_loader import default_policy

            self._policies = [default_policy()]
            if not self.policy_id:
                saved = self.store.get_setting("default_policy", "")
                self.policy_id = saved if any(p.id == saved for p in self._policies) else self._policies[0].id
        return self._policies

    @property
    def policy_loaded(self) -> bool:
        return self._policies is not None

    @property
    def policy(self) -> Policy:
        """The default policy version (chosen in 政策库), else the one in force today."""
        for p in self.policies:
            if p.id == self.policy_id:
                return p
        from qt_app.domain.policy_loader import policy_in_force

        return policy_in_force(self.policies, date.today())

    def add_policy_file(self, path: str | Path) -> Policy:
        """Load another policy version; raises ValidationError (line by line) when the file is broken."""
        from qt_app.domain.policy_loader import load_policy

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

    def policy_for(self, variant: Variant | None) -> Policy:
        """The version a variant is computed under: the one it names (a policy assumption), else the default.

        A version that is not loaded is a DomainError naming it, never a silent fall-back to another.
        """
        if variant is None or not variant.policy_id:
            return self.policy
        for p in self.policies:
            if p.id == variant.policy_id and variant.policy_version in ("", p.version):
                return p
        wanted = " ".join(x for x in (variant.policy_id, variant.policy_version) if x)
        raise DomainError(
            f"方案“{variant.label}”依据的政策版本 {wanted} 未加载；请在政策库中加载该版本",
            f"The policy version {wanted} that “{variant.label}” assumes is not loaded; load it in Policies",
        )

    def package(self, firm: Firm, variant: Variant | None = None, explain: bool = True) -> Package:
        from qt_app.domain.simulate import simulate  # the engine loads with the policy, after the first paint
        from qt_app.domain.variants import Variant

        return simulate(firm, self.policy_for(variant), variant or Variant(), self.horizon, explain=explain)

    def compare(self, firm: Firm, variants: list[Variant]) -> list[Package]:
        """Side-by-side packages (方案对比), two to four variants."""
        return [self.package(firm, v) for v in variants]

    def hints(self, firm: Firm, variant: Variant | None = None) -> list[Hint]:
        from qt_app.domain.hints import milestone_hints
        from qt_app.domain.variants import Variant

        return milestone_hints(firm, self.policy_for(variant), variant or Variant(), self.horizon)

    def pipeline_packages(self) -> Iterator[tuple[Stage, Package]]:
        """Every firm's base package, without wording (fast), for exposure."""
        from qt_app.domain.simulate import simulate
        from qt_app.domain.variants import Variant

        for firm, _variants in self.store.all_firms():
            yield firm.stage, simulate(firm, self.policy, Variant(), self.horizon, explain=False)

    def exposure(self) -> Exposure:
        """The whole pipeline against the programme pools (预算敞口)."""
        from qt_app.domain.exposure import exposure

        return exposure(self.pipeline_packages(), self.policy)

    def close(self) -> None:
        self.store.close()
