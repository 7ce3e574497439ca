"""Demo data: about 30 realistic firms, the same every time, loaded into an empty database."""

from __future__ import annotations

from collections import Counter

from qt_app.domain import uscc
from qt_app.domain.firm import ProjectLevel, Stage
from qt_app.domain.money import wan
from qt_app.domain.policy_loader import default_policy
from qt_app.services.demo import demo_firm_dicts, demo_firms, ensure_demo, load_demo
from qt_app.services.firms import Store


def test_demo_firms_are_deterministic_valid_and_varied() -> None:
    firms = demo_firms()
    assert demo_firm_dicts() == demo_firm_dicts()
    assert 25 <= len(firms) <= 35
    policy = default_policy()
    site_ids = {s.id for s in policy.sites}
    for firm, _ in firms:
        check = uscc.check(firm.uscc)
        assert check.ok and check.region == "331121", firm.name
        assert set(firm.domains) <= set(policy.domains), firm.name
        assert firm.location is not None and firm.location.site in site_ids
    assert len({f.uscc for f, _ in firms}) == len(firms) and len({f.id for f, _ in firms}) == len(firms)
    assert len(Counter(f.stage for f, _ in firms)) == len(Stage)  # every pipeline stage appears
    assert {"杭州", "上海", "米兰", "马德里"} <= {f.outpost for f, _ in firms}
    assert sum(f.is_trading for f, _ in firms) == 1 and sum(f.is_headquarters for f, _ in firms) == 1
    levels = Counter(p.level for f, _ in firms for p in f.science_projects)
    assert (
        levels[ProjectLevel.COUNTY] == 1
        and levels[ProjectLevel.MUNICIPAL] >= 2
        and levels[ProjectLevel.PROVINCIAL] >= 2
    )
    for threshold in (wan(3000), wan(5000), wan(10000)):  # plans that cross each revenue threshold
        assert any(min(f.revenue.values()) < threshold <= max(f.revenue.values()) for f, _ in firms), (
            threshold
        )
    assert any(f.loans for f, _ in firms) and any(f.compute_spend for f, _ in firms)


def test_an_empty_database_gets_the_demo_once(store: Store) -> None:
    assert ensure_demo(store) == len(demo_firms())
    assert ensure_demo(store) == 0
    assert store.count_firms() == len(demo_firms())
    first = demo_firms()[0][0]
    assert store.get_firm(first.id) == demo_firms()[0]
    assert store.contacts(first.id)
    assert [r.name for r in store.list_firms("qtxh")] == ["青田星河数字科技有限公司"]


def test_loading_the_demo_on_request_adds_only_what_is_missing(store: Store) -> None:
    ensure_demo(store)
    first = demo_firms()[0][0]
    store.delete_firm(first.id)
    assert load_demo(store) == 0  # trashed demo firms are not duplicated
    assert store.count_firms() == len(demo_firms()) - 1
