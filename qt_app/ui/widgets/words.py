"""Policy words for the screen in the reader's language (政策用语): domains, clauses, parameters.

The policy file writes domains, clause numbers and parameter values in Chinese; an overseas investor
reading the English screen gets "Digital twins", "Art. 6(1)", "Cap per year ¥1 million". Formatting only:
values come from the policy, amounts are written by `money_format`.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from qt_app.domain.money_format import money_words
from qt_app.domain.wording import clause_en

if TYPE_CHECKING:  # the firm list uses `domain_name` before the policy models load
    from qt_app.domain.policy import Param, Policy

DOMAINS_EN: dict[str, str] = {
    "通信技术": "Communications", "云计算": "Cloud computing", "区块链": "Blockchain",
    "数字孪生": "Digital twins", "人工智能": "Artificial intelligence", "交互技术": "Interaction technology",
    "VR": "VR", "AR": "AR", "MR": "MR", "无人驾驶": "Autonomous driving", "虚拟机器人": "Virtual robots",
    "脑机交互": "Brain–computer interfaces", "元宇宙教育": "Metaverse education",
    "影视动漫": "Film and animation", "数字虚拟人": "Digital humans", "文创IP": "Cultural and creative IP",
}  # fmt: skip

PARAMS_EN: dict[str, str] = {
    "cap_area_m2": "Area cap", "cap_unit_price": "Unit rent cap", "cap_per_year": "Cap per year",
    "cap_per_project": "Cap per project", "cap_principal": "Principal cap", "max_years": "Years of support",
    "mode": "Tier rule", "rate": "Rate", "ratio": "Matching ratio", "min_level": "Lowest project level",
    "share_of_lpr": "Share of LPR", "pool_per_year": "Pool per year",
    "apartment_value_per_month": "Apartment value per month", "tier": "Tier", "lpr": "1-year LPR",
}  # fmt: skip

VALUES_EN: dict[str, str] = {
    "top_up": "highest tier, less what was paid", "cumulative": "tiers add up", "highest_only": "highest tier only",
    "national": "national", "provincial": "provincial or higher", "municipal": "municipal or higher",
    "county": "county or higher",
}  # fmt: skip


def domain_name(name: str, lang: str) -> str:
    """A policy domain (领域) in the reader's language; names the table does not know stay as written."""
    return DOMAINS_EN.get(name, name) if lang == "en" else name


def clause_text(clause: str, lang: str) -> str:
    """第六条第一款 → "Art. 6(1)" in English (the engine's own reading); Chinese as written."""
    return clause_en(clause) if lang == "en" and clause else clause


def param_name(path: str, label_zh: str, lang: str) -> str:
    """年度上限 / "Cap per year", from a parameter path like "rent.cap_per_year" or "rent.tier.1"."""
    parts = path.split(".")
    if lang != "en":
        if label_zh:
            return label_zh
        from qt_app.domain.calculators.base import PARAM_LABELS  # the engine's own words

        return (
            f"档位 {parts[2]}"
            if len(parts) >= 3 and parts[1] == "tier"
            else PARAM_LABELS.get(parts[-1], path)
        )
    if len(parts) >= 3 and parts[1] == "tier":
        return f"Tier {parts[2]}"
    key = parts[-1]
    return PARAMS_EN.get(key, key.replace("_", " ").capitalize())


def _trim(d: Decimal) -> str:
    text = f"{d:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def param_value_en(param: Param) -> str:
    """A parameter's value in English: ¥1 million, 30%, 1:1, 1,000 m², ¥1.5 per m² per day, 4 years."""
    from qt_app.domain.policy import Unit

    v = param.value
    match param.unit:
        case Unit.FEN:
            return money_words(int(v), "en")
        case Unit.RATE:
            return _trim(Decimal(v) * 100) + "%"
        case Unit.RATIO:
            return f"1:{_trim(Decimal(v))}"
        case Unit.M2:
            d = Decimal(v)
            return f"{int(d):,} m²" if d == d.to_integral_value() else f"{_trim(d)} m²"
        case Unit.PRICE:
            return f"¥{_trim(Decimal(v))} per m² per day"
        case Unit.YEARS:
            return f"{v} year" + ("" if int(v) == 1 else "s")
        case Unit.MODE | Unit.LEVEL:
            return VALUES_EN.get(str(v), str(v))
        case _:
            return str(v)


def find_param(policy: Policy | None, path: str) -> Param | None:
    """The policy parameter behind a path ("rent.cap_per_year", "revenue.tier.1亿"), if there is one."""
    if policy is None:
        return None
    parts = path.split(".")
    try:
        item = policy.item(parts[0])
    except KeyError:
        return None
    if len(parts) >= 3 and parts[1] == "tier":
        key = ".".join(parts[2:])
        return next((t.value for t in item.tiers if t.key == key), None)
    return item.params.get(parts[-1]) if len(parts) == 2 else None


def param_value(policy: Policy | None, path: str, display: str, lang: str) -> str:
    """The value a package line read, as shown: the engine's words in Chinese, English from the policy."""
    if lang != "en":
        return display
    param = find_param(policy, path)
    return param_value_en(param) if param is not None else display
