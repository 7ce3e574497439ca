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
