"""Hypothesis strategies: random but plausible firms and variants."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import strategies as st

from qt_app.domain.firm import (
    Firm,
    HousingChoice,
    Loan,
    Location,
    ProjectLevel,
    ScenarioProject,
    ScienceProject,
    TalentGroup,
)
from qt_app.domain.uscc import make_code

YEARS = st.integers(min_value=2024, max_value=2032)
MONEY = st.integers(min_value=0, max_value=10**11)  # up to 10亿元 in 分
SITES = st.sampled_from(["huaqiao_hq", "qingchuang", "enclave_hangzhou", "enclave_shanghai", "elsewhere"])


@st.composite
def firms(draw: st.DrawFn) -> Firm:
    year = draw(st.integers(min_value=2024, max_value=2028))
    loc = draw(
        st.none()
        | st.builds(
            Location,
            SITES,
            st.decimals(min_value=0, max_value=5000, places=1),
            st.decimals(min_value=0, max_value=10, places=2),
            st.dates(min_value=date(year, 1, 1), max_value=date(year, 12, 31)),
        )
    )
    by_year = st.dictionaries(YEARS, MONEY, max_size=6)
    return Firm(
        id="f-prop",
        name="属性测试企业",
        uscc=make_code("9", "1", "331121", "MA2P0R0P1"),
        is_trading=draw(st.booleans()) and draw(st.booleans()),
        grade=draw(st.sampled_from(["A", "B", "C"])),
        domains=(draw(st.sampled_from(["人工智能", "区块链", "VR", "餐饮"])),),
        location=loc,
        talents=tuple(
            draw(
                st.lists(
                    st.builds(
                        TalentGroup,
                        st.sampled_from(["A", "B", "C", "D"]),
                        st.integers(0, 50),
                        YEARS,
                        st.sampled_from(list(HousingChoice)),
                    ),
                    max_size=3,
                )
            )
        ),
        revenue=draw(by_year),
        compute_spend=draw(by_year),
        rnd_spend=draw(by_year),
        loans=tuple(
            draw(st.lists(st.builds(Loan, st.just("行"), MONEY, YEARS, st.integers(0, 6), MONEY), max_size=3))
        ),
        science_projects=tuple(
            draw(
                st.lists(
                    st.builds(
                        ScienceProject, st.just("项目"), st.sampled_from(list(ProjectLevel)), MONEY, YEARS
                    ),
                    max_size=3,
                )
            )
        ),
        scenario_projects=tuple(
            draw(st.lists(st.builds(ScenarioProject, st.just("场景"), MONEY, YEARS), max_size=3))
        ),
    )


revenue_factors = st.none() | st.decimals(min_value=Decimal("0.1"), max_value=Decimal("3"), places=2)


DOMAIN_CHOICES = st.sampled_from([(), ("人工智能",), ("区块链", "VR"), ("大数据",), ("餐饮",)])
EARLY_YEARS = st.integers(min_value=2020, max_value=2030)  # before, around and after the policy took effect


@st.composite
def firms_around_the_policy(draw: st.DrawFn) -> Firm:
    """Firms whose plans may start before the policy (2023-08-10), with listed, unlisted or no fields,
    sometimes recognised, sometimes with an explicit start year, sometimes with no year at all."""
    from qt_app.domain.firm import DomainRecognition

    base = draw(firms())
    thresholds = st.sampled_from([0, 2500, 3500, 6000, 12000, 35000]).map(lambda wan_: wan_ * 1_000_000)
    revenue = draw(st.dictionaries(EARLY_YEARS, thresholds, max_size=6))
    loc = base.location
    if loc is not None and draw(st.booleans()):
        loc = Location(
            loc.site, loc.area_m2, loc.rent_per_m2_day, draw(st.dates(date(2021, 1, 1), date(2028, 12, 31)))
        )
    recognition = draw(
        st.none()
        | st.builds(
            DomainRecognition,
            st.booleans(),
            st.just("县经济商务科技局"),
            st.dates(date(2023, 9, 1), date(2027, 1, 1)),
        )
    )
    return Firm(
        id=base.id,
        name=base.name,
        uscc=base.uscc,
        grade=base.grade,
        domains=draw(DOMAIN_CHOICES),
        recognition=recognition,
        start_year=draw(st.none() | EARLY_YEARS),
        location=loc,
        talents=base.talents if draw(st.booleans()) else (),
        revenue=revenue,
        compute_spend=base.compute_spend,
        loans=base.loans,
        scenario_projects=base.scenario_projects,
    )


# What the 兑现 ledger might say was paid for the revenue award, in years before, in and after the policy.
ledgers = st.dictionaries(
    EARLY_YEARS, st.sampled_from([20, 40, 60, 90, 150, 300]).map(lambda w: w * 1_000_000), max_size=3
)
