"""One calculator per kind of policy item; each returns that item's traced line items."""

from __future__ import annotations

from collections.abc import Callable

from qt_app.domain.calculators.base import Context
from qt_app.domain.calculators.finance import guarantee_fee, loan_interest
from qt_app.domain.calculators.people import project_landing, talent_housing
from qt_app.domain.calculators.projects import scenario_project, science_matching
from qt_app.domain.calculators.rent import rent_subsidy
from qt_app.domain.calculators.revenue import revenue_milestone
from qt_app.domain.calculators.spend import compute_voucher, rnd_subsidy
from qt_app.domain.package import LineItem
from qt_app.domain.policy import PolicyItem

Calculator = Callable[[PolicyItem, Context], list[LineItem]]

CALCULATORS: dict[str, Calculator] = {
    "rent_subsidy": rent_subsidy,
    "revenue_milestone": revenue_milestone,
    "compute_voucher": compute_voucher,
    "project_landing": project_landing,
    "talent_housing": talent_housing,
    "science_matching": science_matching,
    "rnd_subsidy": rnd_subsidy,
    "loan_interest": loan_interest,
    "guarantee_fee": guarantee_fee,
    "scenario_project": scenario_project,
}

__all__ = ["CALCULATORS", "Calculator", "Context"]
