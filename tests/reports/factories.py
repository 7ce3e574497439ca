"""Hand-built firms, packages and policies for letter tests (no dependence on the policy engine)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

from qt_app.domain.firm import Firm, Location, TalentGroup
from qt_app.domain.money import wan
from qt_app.domain.package import Benefit, LineItem, LineStatus, Package, ParamRead

USCC = "91310110666007217T"


def make_firm(name: str = "青田元宇宙科技有限公司", **changes: Any) -> Firm:
    firm = Firm(
        id="f-test0001",
        name=name,
        uscc=USCC,
        domains=("数字孪生", "VR"),
        location=Location("qingchuang", Decimal("800"), Decimal("1.2"), date(2026, 3, 5)),
        talents=(TalentGroup("A", 2, 2026),),
        revenue={2026: wan(3000), 2027: wan(6000), 2028: wan(12000)},
        investment=wan(5000),
    )
    return firm.with_changes(**changes) if changes else firm


def make_policy() -> SimpleNamespace:
    site = SimpleNamespace(id="qingchuang", zh="青创大厦", en="Qingchuang Tower", kind="building")
    return SimpleNamespace(
        id="qingtian-metaverse-2023",
        version="2023.1",
        title="青田县加快元宇宙产业发展的若干意见",
        title_en="Opinions on Accelerating the Metaverse Industry in Qingtian County",
        short_title="元宇宙若干意见",
        issuer="青田县人民政府",
        doc_number=None,
        hash="ab" * 32,
        effective_from=date(2023, 6, 1),
        effective_to=None,
        sites=(site,),
        legal_notes=(),
        stacking_zh="与本县其他政策不重复享受，按就高原则执行。",
        stacking_en="Not combined with other county policies; the higher applies.",
    )


def line(
    item_id: str,
    year: int,
    amount: int,
    *,
    name: str = "租金补贴",
    category: str = "rent",
    benefit: Benefit = Benefit.CASH,
    status: LineStatus = LineStatus.ELIGIBLE,
    illustrative: bool = False,
    reason: str = "",
) -> LineItem:
    params = (ParamRead(f"{item_id}.cap", "年度上限", "100万元", "illustrative" if illustrative else "seed"),)
    return LineItem(
        item_id=item_id,
        kind=item_id,
        clause="第二条",
        clause_status="seed",
        name_zh=name,
        name_en=item_id.replace("_", " "),
        category=category,
        benefit=benefit,
        year=year,
        amount=amount,
        status=status,
        explanation_zh=f"{year}年：800㎡×1.2元/㎡/天×365天×比例" if amount else "",
        explanation_en=f"{year}: 800 m² × 1.2 yuan/m²/day × 365 days × rate" if amount else "",
        reason_zh=reason,
        reason_en="not eligible" if reason else "",
        params=params,
    )


def make_package(firm: Firm | None = None, lines: tuple[LineItem, ...] | None = None) -> Package:
    firm = firm or make_firm()
    if lines is None:
        lines = (
            line("rent", 2026, 35_040_000),
            line("rent", 2027, 24_528_000),
            line("revenue_award", 2026, wan(20), name="营收奖励", category="award", illustrative=True),
            line("revenue_award", 2027, wan(40), name="营收奖励", category="award"),
            line("housing", 2026, 7_200_000, name="人才公寓", category="housing", benefit=Benefit.IN_KIND),
            line("compute", 2027, wan(30), name="算力券", category="compute", benefit=Benefit.VOUCHER),
            line(
                "science",
                2026,
                0,
                name="科技项目配套",
                category="science",
                status=LineStatus.INELIGIBLE,
                reason="县级项目不予配套",
            ),
        )
    return Package(
        firm_id=firm.id,
        firm_name=firm.name,
        policy_id="qingtian-metaverse-2023",
        policy_version="2023.1",
        policy_hash="ab" * 32,
        variant="base",
        years=(2026, 2027, 2028),
        lines=lines,
    )


def excluded_package(firm: Firm, reason: str = "贸易类企业不适用本政策") -> Package:
    """A firm the policy excludes (trading): every line refused for the same firm-level reason."""
    from dataclasses import replace

    lines = tuple(
        line(item, 2026, 0, reason=reason, status=LineStatus.INELIGIBLE) for item in ("rent", "compute")
    )
    return replace(
        make_package(firm, lines),
        eligible=False,
        exclusions_zh=(reason,),
        exclusions_en=("a trading company",),
    )


CONTACT = {
    "letter_contact_name": "王科长",
    "letter_contact_phone": "0578-6812345",
    "letter_cc": "县财政局、县经信局",
}


def many_lines(n: int) -> tuple[LineItem, ...]:
    """n paying lines across items and years (a long Schedule A)."""
    out = []
    for i in range(n):
        out.append(line(f"item_{i:02d}", 2026 + i % 5, 1_000_000 + i * 12_345, name=f"扶持项目{i + 1}"))
    return tuple(out)
