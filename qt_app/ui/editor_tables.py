"""The firm editor's tables (人才、贷款、科技项目、场景项目): their columns and a new row's defaults."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from qt_app.domain.firm import LEVEL_LABELS
from qt_app.ui.models.rows_table import Column

LEVELS = (("A", ("A类", "Level A")), ("B", ("B类", "Level B")), ("C", ("C类", "Level C")))
HOUSING = (("allowance", ("租房补贴", "Rent allowance")), ("apartment", ("人才公寓", "Talent apartment")))
PROJECT_LEVELS = tuple((lvl.value, pair) for lvl, pair in LEVEL_LABELS.items())
TABLE_COLUMNS: dict[str, tuple[Column, ...]] = {
    "talents": (
        Column("level", "人才层次", "Level", LEVELS),
        Column("count", "人数", "Count", numeric=True),
        Column("arrival_year", "到岗年份", "Arrival year", numeric=True),
        Column("housing", "安居方式", "Housing", HOUSING),
    ),
    "loans": (
        Column("lender", "贷款银行", "Lender"),
        Column("principal", "本金", "Principal", numeric=True),
        Column("start_year", "起始年份", "Start year", numeric=True),
        Column("years", "期限（年）", "Years", numeric=True),
        Column("guarantee_fee", "年担保费", "Guarantee fee / year", numeric=True),
    ),
    "science_projects": (
        Column("name", "项目名称", "Project"),
        Column("level", "级别", "Level", PROJECT_LEVELS),
        Column("allocated", "上级下拨资金", "Funds allocated", numeric=True),
        Column("year", "年份", "Year", numeric=True),
    ),
    "scenario_projects": (
        Column("name", "项目名称", "Project"),
        Column("contract_value", "合同额", "Contract value", numeric=True),
        Column("year", "年份", "Year", numeric=True),
    ),
}
ROW_DEFAULTS: dict[str, Callable[[], dict[str, str]]] = {
    "talents": lambda: {
        "level": "B",
        "count": "1",
        "arrival_year": str(date.today().year),
        "housing": "allowance",
    },
    "loans": lambda: {"start_year": str(date.today().year), "years": "3"},
    "science_projects": lambda: {"level": "municipal", "year": str(date.today().year)},
    "scenario_projects": lambda: {"year": str(date.today().year)},
}
