"""What every calculator shares: the simulation context and a builder for traced line items.

Amounts inside explanations are written with `money_words` ("20万元" / "¥200,000"), never by hand.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from qt_app.domain.firm import Firm
from qt_app.domain.money import Fen, round_fen
from qt_app.domain.money_format import money_words
from qt_app.domain.package import Benefit, LineItem, LineStatus, ParamRead
from qt_app.domain.policy import RULE_STACKING, Param, Policy, PolicyItem, Rule
from qt_app.domain.wording import clause_en

PARAM_LABELS: dict[str, str] = {
    "cap_area_m2": "面积上限",
    "cap_unit_price": "单价上限",
    "cap_per_year": "年度上限",
    "cap_per_project": "单个项目上限",
    "cap_principal": "贴息本金上限",
    "max_years": "享受年限",
    "mode": "跨档规则",
    "rate": "补助比例",
    "ratio": "配套比例",
    "min_level": "最低项目级别",
    "share_of_lpr": "贴息比例",
    "pool_per_year": "年度资金池",
    "apartment_value_per_month": "人才公寓月租折算",
    "tier": "档位",
    "lpr": "一年期LPR",
    "condition": "享受条件",
    "stacking": "叠加规则",
}
PARAM_LABELS_EN: dict[str, str] = {
    "cap_area_m2": "area cap",
    "cap_unit_price": "unit price cap",
    "cap_per_year": "cap per year",
    "cap_per_project": "cap per project",
    "cap_principal": "principal cap",
    "max_years": "years of support",
    "mode": "tier-jump rule",
    "rate": "rate",
    "ratio": "matching ratio",
    "min_level": "lowest project level",
    "share_of_lpr": "share of LPR",
    "pool_per_year": "annual pool",
    "apartment_value_per_month": "apartment value per month",
    "tier": "tier",
    "lpr": "1-year LPR",
    "condition": "condition",
    "stacking": "stacking rule",
}

_BENEFITS = {b.value: b for b in Benefit}  # a dict lookup: Benefit(…) costs an enum call per item per firm

Awarded = Mapping[str, Mapping[int, Fen]]
"""Awards already made (已兑现), per item id and year, in 分 — what the 兑现 ledger says was paid."""


@dataclass(frozen=True)
class Context:
    """Inputs every calculator reads: the firm (variant applied), the policy (overrides applied), the years,
    the awards already made (`awarded`, from the ledger) and reads every paying line shows (`basis_reads`:
    the field basis of a recognised or 待认定 firm)."""

    firm: Firm
    policy: Policy
    years: tuple[int, ...]
    explain: bool = True
    awarded: Awarded = field(default_factory=dict)
    basis_reads: tuple[ParamRead, ...] = ()

    def awarded_in_period(self, item_id: str) -> dict[int, Fen]:
        """The item's awards already made in years the policy was in force (others are not this policy's)."""
        made = self.awarded.get(item_id, {})
        return {y: a for y, a in sorted(made.items()) if a > 0 and self.policy.year_in_force(y)}


def amount_zh(fen: Fen) -> str:
    """An amount inside a Chinese sentence: 20万元, 350,400元."""
    return money_words(fen, "zh")


def amount_en(fen: Fen) -> str:
    """An amount inside an English sentence: ¥200,000, ¥30 million."""
    return money_words(fen, "en")


def pct(rate: Decimal) -> str:
    text = f"{rate * 100:f}"
    return (text.rstrip("0").rstrip(".") if "." in text else text) + "%"


def fen_of(yuan: Decimal) -> Fen:
    """元 (Decimal, unrounded) → 分, rounded once, half-up."""
    return round_fen(yuan * 100)


def read(item: PolicyItem, name: str) -> ParamRead:
    return _read(item.id, name, item.params[name])


def read_tier(item: PolicyItem, key: str, param: Param) -> ParamRead:
    return _read_tier(item.id, key, param)


# Params are immutable, so their display form is computed once per process, not once per line.
@lru_cache(maxsize=4096)
def _read(item_id: str, name: str, p: Param) -> ParamRead:
    return ParamRead(
        f"{item_id}.{name}",
        PARAM_LABELS.get(name, name),
        p.display(),
        p.status.value,
        PARAM_LABELS_EN.get(name, name.replace("_", " ")),
        p.display_en(),
    )


@lru_cache(maxsize=4096)
def _read_tier(item_id: str, key: str, p: Param) -> ParamRead:
    return ParamRead(
        f"{item_id}.tier.{key}", f"档位 {key}", p.display(), p.status.value, f"tier {key}", p.display_en()
    )


@lru_cache(maxsize=1024)
def rule_read(rule: Rule) -> ParamRead:
    """A rule a line relies on (its conditions, the stacking rule), shown among its parameters with its status."""
    kind = "stacking" if rule.path == RULE_STACKING else "condition"
    return ParamRead(
        rule.path, PARAM_LABELS[kind], rule.zh, rule.status.value, PARAM_LABELS_EN[kind], rule.en
    )


def _rule_reads(item: PolicyItem, policy: Policy) -> tuple[ParamRead, ...]:
    rules = [*policy.condition_rules(item.id)]
    stacking = policy.rules.get(RULE_STACKING)
    if stacking is not None and stacking.zh:
        rules.append(stacking)
    return tuple(rule_read(r) for r in rules)


class Lines:
    """Collects one item's lines; explanations are built only when the context asks for them."""

    def __init__(self, item: PolicyItem, ctx: Context) -> None:
        self.item = item
        self.ctx = ctx
        self.out: list[LineItem] = []
        self.clause = item.clause.value
        self._explain = ctx.explain
        self._benefit = _BENEFITS[item.benefit]
        self._clause_en = clause_en(item.clause.value)
        # What every paying line relies on besides its numbers: the item's conditions, the stacking rule,
        # and the firm's field basis when it was recognised or awaits recognition.
        self._rules = (*_rule_reads(item, ctx.policy), *ctx.basis_reads) if ctx.explain else ()
        # The fields every line of this item shares, in LineItem's field order (lines are built positionally:
        # exposure simulates thousands of firms, and keyword construction was the hot spot).
        self._head = (
            item.id,
            item.kind,
            item.clause.value,
            item.clause.status.value,
            item.zh,
            item.en,
            item.category,
        )

    def add(
        self,
        year: int,
        amount: Fen,
        status: LineStatus,
        explain: Callable[[], tuple[str, str]] | None = None,
        reason: tuple[str, str] = ("", ""),
        caps: tuple[str, ...] = (),
        params: tuple[ParamRead, ...] = (),
        benefit: Benefit | None = None,
        deducted: Fen = 0,
    ) -> None:
        if not self._explain and amount <= 0:
            return  # amounts-only packages (exposure) keep just the lines that carry money
        zh = en = ""
        if explain is not None and self._explain:
            zh, en = explain()
        if amount > 0 and self._explain:
            params = (*params, *self._rules)
        self.out.append(
            LineItem(
                *self._head,
                benefit or self._benefit,
                year,
                amount if amount > 0 else 0,
                status,
                zh,
                en,
                reason[0],
                reason[1],
                caps,
                params if self._explain else (),
                self.item.basis_zh,
                self._clause_en,
                0,
                deducted,
            )
        )

    def none(self, year: int, zh: str, en: str, status: LineStatus = LineStatus.ZERO) -> None:
        """A line with no money and the reason, so the package says why."""
        self.add(year, 0, status, reason=(zh, en))


def capped(amount: Fen, cap: Fen) -> tuple[Fen, bool]:
    return (cap, True) if amount > cap else (amount, False)


def add_capped_share(
    lines: Lines,
    year: int,
    spent: Fen,
    rate: Decimal,
    cap: Fen,
    what: tuple[str, str],
    reads: tuple[ParamRead, ...],
) -> None:
    """One year of "a share of what was spent, capped per year" (研发补助, 担保费补助): the line and its words."""
    raw = fen_of(Decimal(spent) / 100 * rate)
    amount, hit = capped(raw, cap)

    def explain() -> tuple[str, str]:
        zh = f"{what[0]}{amount_zh(spent)} × {pct(rate)} = {amount_zh(raw)}"
        en = f"{what[1]} {amount_en(spent)} × {pct(rate)} = {amount_en(raw)}"
        if hit:
            zh += f"，按年度上限{amount_zh(amount)}"
            en += f", capped at {amount_en(amount)} a year"
        return zh, en

    status = LineStatus.CAPPED if hit else LineStatus.ELIGIBLE
    lines.add(
        year, amount, status, explain, caps=(f"{lines.item.id}.cap_per_year",) if hit else (), params=reads
    )
