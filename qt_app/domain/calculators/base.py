"""What every calculator shares: the simulation context and a builder for traced line items."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from qt_app.domain.firm import Firm
from qt_app.domain.money import Fen, format_wan, round_fen
from qt_app.domain.package import Benefit, LineItem, LineStatus, ParamRead
from qt_app.domain.policy import Param, Policy, PolicyItem

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
}


@dataclass(frozen=True)
class Context:
    """Inputs every calculator reads: the firm (variant applied), the policy (overrides applied), the years."""

    firm: Firm
    policy: Policy
    years: tuple[int, ...]
    explain: bool = True


def yuan_text(fen: Fen) -> str:
    """Amounts inside explanations: 350,400.00元 for small sums, 150万元 for round large ones."""
    if fen and fen % 1_000_000 == 0:
        return format_wan(fen) + "元"
    yuan, cents = divmod(fen, 100)
    return f"{yuan:,}.{cents:02d}元"


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
    return ParamRead(f"{item_id}.{name}", PARAM_LABELS.get(name, name), p.display(), p.status.value)


@lru_cache(maxsize=4096)
def _read_tier(item_id: str, key: str, p: Param) -> ParamRead:
    return ParamRead(f"{item_id}.tier.{key}", f"档位 {key}", p.display(), p.status.value)


class Lines:
    """Collects one item's lines; explanations are built only when the context asks for them."""

    def __init__(self, item: PolicyItem, ctx: Context) -> None:
        self.item = item
        self.ctx = ctx
        self.out: list[LineItem] = []
        self.clause = item.clause.value
        self._explain = ctx.explain
        self._benefit = Benefit(item.benefit)
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
    ) -> None:
        if not self._explain and amount <= 0:
            return  # amounts-only packages (exposure) keep just the lines that carry money
        zh = en = ""
        if explain is not None and self._explain:
            zh, en = explain()
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
        zh = f"{what[0]}{yuan_text(spent)} × {pct(rate)} = {yuan_text(raw)}"
        en = f"{what[1]} {yuan_text(spent)} × {pct(rate)} = {yuan_text(raw)}"
        if hit:
            zh += f"，按年度上限{yuan_text(amount)}"
            en += f", capped at {yuan_text(amount)} a year"
        return zh, en

    status = LineStatus.CAPPED if hit else LineStatus.ELIGIBLE
    lines.add(
        year, amount, status, explain, caps=(f"{lines.item.id}.cap_per_year",) if hit else (), params=reads
    )
