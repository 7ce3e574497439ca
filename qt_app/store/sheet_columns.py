"""Spreadsheet columns (导入模板列): Chinese headers, what each holds, and how a cell becomes a firm field.

One row per firm. Money columns are in 万元 (a bare number means 万元; "1.2亿", "500元" are honoured).
Lists use one cell: entries separated by "；", fields by "｜", e.g. 人才 "C｜5｜2026｜补贴；A｜1｜2026｜公寓".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from qt_app.domain.errors import shown
from qt_app.domain.firm import LEVEL_LABELS, STAGE_LABELS, EntityType, HousingChoice

SITE_NAMES = {
    "华侨总部大楼": "huaqiao_hq",
    "青创大厦": "qingchuang",
    "青田（杭州）飞地": "enclave_hangzhou",
    "青田(杭州)飞地": "enclave_hangzhou",
    "杭州飞地": "enclave_hangzhou",
    "青田（上海）飞地": "enclave_shanghai",
    "青田(上海)飞地": "enclave_shanghai",
    "上海飞地": "enclave_shanghai",
}
SITE_LABELS = {"huaqiao_hq": "华侨总部大楼", "qingchuang": "青创大厦", "enclave_hangzhou": "青田（杭州）飞地",
               "enclave_shanghai": "青田（上海）飞地"}  # fmt: skip
STAGE_BY_LABEL = {zh: s.value for s, (zh, _en) in STAGE_LABELS.items()}
LEVEL_BY_LABEL = {zh: lv.value for lv, (zh, _en) in LEVEL_LABELS.items()}
ENTITY_LABELS = {EntityType.ENTERPRISE.value: "企业", EntityType.RND_INSTITUTION.value: "研发机构"}
ENTITY_BY_LABEL = {"企业": "enterprise", "独立法人企业": "enterprise", "研发机构": "rnd_institution"}
HOUSING_LABELS = {HousingChoice.APARTMENT.value: "公寓", HousingChoice.ALLOWANCE.value: "补贴"}
HOUSING_BY_LABEL = {
    "公寓": "apartment",
    "人才公寓": "apartment",
    "补贴": "allowance",
    "租房补贴": "allowance",
}
ENTRY_SPLIT = re.compile(r"[；;\n]+")
FIELD_SPLIT = re.compile(r"[｜|]")
DOMAIN_SPLIT = re.compile(r"[、,，;；/／\s]+")
YEAR_COLUMN = re.compile(r"^(\d{4})年?(销售收入|营业收入|营收|算力合同额|算力|研发投入)")
YEAR_KIND = {"销售收入": "revenue", "营业收入": "revenue", "营收": "revenue", "算力合同额": "compute_spend",
             "算力": "compute_spend", "研发投入": "rnd_spend"}  # fmt: skip
YEAR_HEADER = {
    "revenue": "{y}年销售收入（万元）",
    "compute_spend": "{y}年算力合同额（万元）",
    "rnd_spend": "{y}年研发投入（万元）",
}
EXCEL_EPOCH = date(1899, 12, 30)


@dataclass(frozen=True)
class Column:
    """One fixed column: the canonical firm key, its Chinese header, English alias, and cell kind."""

    key: str
    zh: str
    en: str
    kind: str  # text | code | bool | money | decimal | date | stage | entity | domains | site | talents | loans | science | scenarios
    required: bool = False


COLUMNS: tuple[Column, ...] = (
    Column("id", "企业编号", "id", "text"),
    Column("name", "企业名称", "name", "text", True),
    Column("uscc", "统一社会信用代码", "uscc", "code", True),
    Column("uscc_note", "校验位说明", "uscc_note", "text"),
    Column("entity_type", "主体类型", "entity_type", "entity"),
    Column("is_trading", "贸易类", "is_trading", "bool"),
    Column("is_headquarters", "总部类", "is_headquarters", "bool"),
    Column("dishonest", "严重失信", "dishonest", "bool"),
    Column("registers_in_qingtian", "在青田注册纳税", "registers_in_qingtian", "bool"),
    Column("mu_grade", "亩均评价", "mu_grade", "text"),
    Column("grade", "企业等级", "grade", "text"),
    Column("domains", "元宇宙领域", "domains", "domains"),
    Column("location.site", "入驻地点", "site", "site"),
    Column("location.area_m2", "面积（㎡）", "area_m2", "decimal"),
    Column("location.rent_per_m2_day", "市场租金（元/㎡/天）", "rent_per_m2_day", "decimal"),
    Column("location.move_in", "入驻日期", "move_in", "date"),
    Column("talents", "人才（等级｜人数｜到岗年份｜住房）", "talents", "talents"),
    Column("loans", "贷款（银行｜本金万元｜起始年｜年限｜年担保费万元）", "loans", "loans"),
    Column("science_projects", "科技项目（名称｜级别｜下拨万元｜年份）", "science_projects", "science"),
    Column("scenario_projects", "应用场景项目（名称｜合同额万元｜年份）", "scenario_projects", "scenarios"),
    Column("investment", "计划投资额（万元）", "investment", "money"),
    Column("stage", "招商阶段", "stage", "stage"),
    Column("stage_reason", "终止原因", "stage_reason", "text"),
    Column("owner", "负责人", "owner", "text"),
    Column("outpost", "联络处", "outpost", "text"),
    Column("contact", "联系人", "contact", "text"),
    Column("notes", "备注", "notes", "text"),
)
TEMPLATE_YEARS = tuple(range(2026, 2031))


def header_key(text: str) -> str:
    """Headers compare without spaces, asterisks or a bracketed unit: "企业名称*" == "企业名称"."""
    t = str(text).strip().replace("*", "").replace("＊", "")
    t = re.sub(r"[（(].*?[）)]$", "", t)
    return "".join(t.split()).lower()


HEADER_INDEX: dict[str, Column] = {}
for _c in COLUMNS:
    HEADER_INDEX[header_key(_c.zh)] = _c
    HEADER_INDEX[header_key(_c.en)] = _c


def year_column(header: str) -> tuple[str, int] | None:
    """("revenue", 2027) for "2027年销售收入（万元）"; None for other headers."""
    m = YEAR_COLUMN.match("".join(str(header).split()))
    return (YEAR_KIND[m.group(2)], int(m.group(1))) if m else None


class CellError(Exception):
    """A cell that cannot be read: message in both languages."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(zh)
        self.zh, self.en = zh, en


def _text(v: Any) -> str:
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, datetime):
        return v.date().isoformat()
    return str(v).strip()


def money_wan(v: Any) -> str:
    """A 万元 cell as an amount firm_io reads: 3000 → "3000万"; text with its own unit kept."""
    if type(v) is int:
        return f"{v}万"  # as Decimal(str(v)) writes it
    if isinstance(v, bool):
        raise CellError("应为金额（万元）", "Expected an amount (万元)")
    if isinstance(v, int | float | Decimal):
        if isinstance(v, float) and (v != v or v in (float("inf"), float("-inf"))):
            raise CellError("应为金额（万元）", "Expected an amount (万元)")
        return f"{Decimal(str(v))}万"
    text = str(v).strip().replace(",", "").replace("，", "")
    try:
        Decimal(text)
        return f"{text}万"
    except InvalidOperation:
        pass
    if re.search(r"[万亿元]$", text):
        return text
    raise CellError(f"应为金额（万元），实为“{shown(v)}”", f"Expected an amount in 万元, found “{shown(v)}”")


def decimal_text(v: Any) -> str:
    if isinstance(v, bool):
        raise CellError("应为数字", "Expected a number")
    if isinstance(v, int | float | Decimal):
        return str(Decimal(str(v)))
    text = str(v).strip().replace(",", "")
    try:
        Decimal(text)
    except InvalidOperation:
        raise CellError(f"应为数字，实为“{shown(v)}”", f"Expected a number, found “{shown(v)}”") from None
    return text


def date_text(v: Any) -> str:
    """Dates as Excel cells, serial numbers, 2026-03-05, 2026/3/5 or 2026年3月5日."""
    if isinstance(v, datetime):
        return v.date().isoformat()
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, int | float) and not isinstance(v, bool) and 20000 < v < 80000:
        return (EXCEL_EPOCH + timedelta(days=int(v))).isoformat()
    text = str(v).strip()
    m = re.fullmatch(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?", text)
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
        except ValueError:
            raise CellError(f"日期不存在：“{shown(v)}”", f"No such date: “{shown(v)}”") from None
    raise CellError(
        f"日期格式应为 2026-03-05、2026/3/5 或 2026年3月5日，实为“{shown(v)}”",
        f"Expected a date like 2026-03-05, 2026/3/5 or 2026年3月5日, found “{shown(v)}”",
    )


def bool_text(v: Any) -> bool | str:
    if isinstance(v, bool):
        return v
    text = _text(v)
    if text in ("是", "否"):
        return text == "是"
    return text  # firm_io reports anything else precisely


def _fields(entry: str, n_min: int, n_max: int, what_zh: str, example: str) -> list[str]:
    parts = [p.strip() for p in FIELD_SPLIT.split(entry)]
    if not n_min <= len(parts) <= n_max:
        raise CellError(
            f"“{shown(entry)}”格式不对：{what_zh}应写成“{example}”",
            f"“{shown(entry)}” is not in the form “{example}”",
        )
    return parts


def _entries(v: Any) -> list[str]:
    return [e.strip() for e in ENTRY_SPLIT.split(_text(v)) if e.strip()]


def _year(text: str) -> str:
    return text.rstrip("年")


def talents(v: Any) -> list[dict[str, Any]]:
    out = []
    for e in _entries(v):
        p = _fields(e, 3, 4, "人才", "C｜5｜2026｜补贴")
        level = p[0].upper().rstrip("类")
        housing = HOUSING_BY_LABEL.get(p[3], p[3]) if len(p) == 4 and p[3] else "allowance"
        out.append(
            {"level": level, "count": p[1].rstrip("人"), "arrival_year": _year(p[2]), "housing": housing}
        )
    return out


def loans(v: Any) -> list[dict[str, Any]]:
    out = []
    for e in _entries(v):
        p = _fields(e, 4, 5, "贷款", "青田农商银行｜500｜2026｜3｜5")
        row = {
            "lender": p[0],
            "principal": money_wan(p[1]),
            "start_year": _year(p[2]),
            "years": p[3].rstrip("年"),
        }
        if len(p) == 5 and p[4]:
            row["guarantee_fee"] = money_wan(p[4])
        out.append(row)
    return out


def science(v: Any) -> list[dict[str, Any]]:
    out = []
    for e in _entries(v):
        p = _fields(e, 4, 4, "科技项目", "丽水市重点研发计划｜市级｜50｜2027")
        level = LEVEL_BY_LABEL.get(p[1], p[1])
        out.append({"name": p[0], "level": level, "allocated": money_wan(p[2]), "year": _year(p[3])})
    return out


def scenarios(v: Any) -> list[dict[str, Any]]:
    out = []
    for e in _entries(v):
        p = _fields(e, 3, 3, "应用场景项目", "侨乡文旅场景｜300｜2027")
        out.append({"name": p[0], "contract_value": money_wan(p[1]), "year": _year(p[2])})
    return out


def convert(column: Column, v: Any) -> Any:
    """A non-empty cell → the value firm_from_dict expects for that key; raises CellError."""
    kind = column.kind
    if kind == "text":
        return _text(v)
    if kind == "code":
        if isinstance(v, float):  # Excel keeps 15 digits of a number: the code's tail is already lost
            raise CellError(
                "统一社会信用代码被 Excel 存成了数字，末几位可能已丢失；请把该列设为“文本”后重新填写",
                "Excel stored the credit code as a number and may have lost its last digits; "
                "format the column as Text and type it again",
            )
        return _text(v)
    if kind == "bool":
        return bool_text(v)
    if kind == "money":
        return money_wan(v)
    if kind == "decimal":
        return decimal_text(v)
    if kind == "date":
        return date_text(v)
    if kind == "stage":
        t = _text(v)
        return STAGE_BY_LABEL.get(t, t.lower())
    if kind == "entity":
        t = _text(v)
        return ENTITY_BY_LABEL.get(t, t.lower())
    if kind == "site":
        t = _text(v)
        return SITE_NAMES.get(t, t)
    if kind == "domains":
        return [d for d in DOMAIN_SPLIT.split(_text(v)) if d]
    return {"talents": talents, "loans": loans, "science": science, "scenarios": scenarios}[kind](v)


def _wan(yuan: str) -> Decimal:
    """ "30000000.00" (元, as firm_to_dict writes) → Decimal 3000 (万元), trailing zeros dropped."""
    value = Decimal(yuan) / 10_000
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def cells_for(data: dict[str, Any]) -> dict[str, Any]:
    """A canonical firm dict → {header: cell value} for export (the inverse of reading a row)."""
    loc = data.get("location") or {}
    out: dict[str, Any] = {}
    for c in COLUMNS:
        if c.key.startswith("location."):
            value: Any = loc.get(c.key.split(".", 1)[1], "")
            if c.kind == "site":
                value = SITE_LABELS.get(str(value), value)
            elif c.kind == "decimal" and value != "":
                value = Decimal(str(value))
        else:
            value = data.get(c.key, "")
        if c.kind == "bool":
            value = "是" if value else "否"
        elif c.kind == "money":
            value = _wan(str(value or "0"))
        elif c.kind == "stage":
            value = next((zh for zh, k in STAGE_BY_LABEL.items() if k == value), value)
        elif c.kind == "entity":
            value = ENTITY_LABELS.get(str(value), value)
        elif c.kind == "domains":
            value = "、".join(value or [])
        elif c.kind == "talents":
            value = "；".join(
                f"{t['level']}｜{t['count']}｜{t['arrival_year']}｜{HOUSING_LABELS.get(t['housing'], t['housing'])}"
                for t in value or []
            )
        elif c.kind == "loans":
            value = "；".join(
                f"{x['lender']}｜{_wan(x['principal'])}｜{x['start_year']}｜{x['years']}｜{_wan(x['guarantee_fee'])}"
                for x in value or []
            )
        elif c.kind == "science":
            labels = {k: zh for zh, k in LEVEL_BY_LABEL.items()}
            value = "；".join(
                f"{x['name']}｜{labels.get(x['level'], x['level'])}｜{_wan(x['allocated'])}｜{x['year']}"
                for x in value or []
            )
        elif c.kind == "scenarios":
            value = "；".join(f"{x['name']}｜{_wan(x['contract_value'])}｜{x['year']}" for x in value or [])
        out[c.zh] = value
    for kind in ("revenue", "compute_spend", "rnd_spend"):
        for year, amount in (data.get(kind) or {}).items():
            out[YEAR_HEADER[kind].format(y=year)] = _wan(str(amount))
    return out


def export_headers(rows: list[dict[str, Any]]) -> list[str]:
    """Fixed columns, then year columns (销售收入, 算力, 研发) for every year any firm uses, at least 2026–2030."""
    years: dict[str, set[int]] = {k: set(TEMPLATE_YEARS) for k in ("revenue", "compute_spend", "rnd_spend")}
    for data in rows:
        for kind in years:
            years[kind].update(int(y) for y in (data.get(kind) or {}))
    headers = [c.zh for c in COLUMNS]
    insert_at = headers.index("计划投资额（万元）")
    year_headers = [
        YEAR_HEADER[k].format(y=y)
        for k in ("revenue", "compute_spend", "rnd_spend")
        for y in sorted(years[k])
    ]
    return headers[:insert_at] + year_headers + headers[insert_at:]
