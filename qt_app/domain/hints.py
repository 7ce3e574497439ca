"""Hints for the meeting table (测算提示): what a little more revenue in a year would add to the package.

"年销售收入达到5000万元（2028年）可增加奖励40万元" — computed by re-running the simulation with that year's
revenue just above the next threshold, so the hint always agrees with the engine.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from qt_app.domain.firm import Firm
from qt_app.domain.money import Fen
from qt_app.domain.money_format import money_words
from qt_app.domain.policy import Policy
from qt_app.domain.simulate import simulate
from qt_app.domain.variants import Variant, apply_to_firm, just_above, with_revenue_year


@dataclass(frozen=True)
class Hint:
    year: int
    threshold: Fen
    gain: Fen
    zh: str
    en: str
    variant: Variant  # the what-if behind it: the variant with that year's revenue just above the threshold

    def label(self, lang: str) -> str:
        """A name for the variant made from this hint (按此新建方案)."""
        if lang == "en":
            return f"Revenue above {money_words(self.threshold, 'en')} in {self.year}"
        return f"{self.year}年营收超过{money_words(self.threshold, 'zh')}"


def milestone_hints(
    firm: Firm,
    policy: Policy,
    variant: Variant | None = None,
    horizon: int = 5,
    awarded: Mapping[str, Mapping[int, Fen]] | None = None,
) -> list[Hint]:
    """For each year below the next revenue threshold: how much the package grows if revenue passes it.

    A 待认定 firm's hints count what it would get once recognised (its `pending_total`).
    """
    variant = variant or Variant()
    base = simulate(firm, policy, variant, horizon, explain=False, awarded=awarded)
    if not base.eligible:
        return []
    planned = apply_to_firm(firm, variant)
    once_zh, once_en = ("（认定后）", " once recognised") if base.pending_lines() else ("", "")
    hints: list[Hint] = []
    for item in policy.items:
        if item.kind != "revenue_milestone":
            continue
        thresholds = sorted(t.threshold for t in item.tiers if t.threshold is not None)
        for year in base.years:
            revenue = planned.revenue.get(year, 0)
            nxt = next((t for t in thresholds if t >= revenue), None)
            if nxt is None:
                continue
            # "exceeds" means strictly more than the threshold; the trial is exactly the variant offered
            what_if = with_revenue_year(firm, variant, year, just_above(nxt))
            trial = simulate(firm, policy, what_if, horizon, explain=False, awarded=awarded)
            gain = (trial.total + trial.pending_total) - (base.total + base.pending_total)
            if gain > 0:
                hints.append(
                    Hint(
                        year,
                        nxt,
                        gain,
                        f"{year}年销售收入超过{money_words(nxt, 'zh')}，可增加{money_words(gain, 'zh')}{once_zh}",
                        f"Revenue above {money_words(nxt, 'en')} in {year} would add {money_words(gain, 'en')}{once_en}",
                        what_if,
                    )
                )
    return hints
