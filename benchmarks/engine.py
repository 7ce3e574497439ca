"""Policy-engine rows: one firm's simulation, and exposure over 10,000 firms."""

from __future__ import annotations

from benchmarks.core import ROOT, Row, measure


def rows(quick: bool) -> list[Row]:
    from qt_app.domain.exposure import exposure
    from qt_app.domain.firm_io import load_firm_file
    from qt_app.domain.policy_loader import default_policy
    from qt_app.domain.simulate import simulate
    from qt_app.services.demo import demo_firms

    policy = default_policy()
    firm, _ = load_firm_file(ROOT / "resources" / "examples" / "xinghe-digital.json")
    one = measure(lambda: simulate(firm, policy), runs=200 if quick else 1000, warmup=20)

    demo = [f for f, _ in demo_firms()]
    pipeline = [demo[i % len(demo)] for i in range(10_000)]

    def run_exposure() -> object:
        return exposure(((f.stage, simulate(f, policy, explain=False)) for f in pipeline), policy)

    exp = measure(run_exposure, runs=3 if quick else 7, warmup=1)
    return [
        Row("simulate one firm, 5 years (richest example)", one, budget_seconds=0.001),
        Row("exposure over 10,000 firms (demo mix)", exp, budget_seconds=2.0),
    ]
